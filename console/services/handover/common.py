"""Handover constants and the refusals of the handover service."""

from __future__ import annotations

from collections.abc import Sequence

from console.domain.casetypes import OPEN_STATUS_VALUES
from console.domain.handover import HandoverStatus, Problem
from console.services.errors import ServiceError

#: the open statuses in the order of the partial index ix_cases_open_due's predicate, so
#: that PostgreSQL recognises the predicate and uses the index
OPEN_ORDER: tuple[str, ...] = OPEN_STATUS_VALUES
DONE = (HandoverStatus.SUBMITTED.value, HandoverStatus.ACKNOWLEDGED.value)
CHUNK = 5000  # ids per IN (...): under SQLite's 32,766 and psycopg's 65,535 parameters


class HandoverIncomplete(ServiceError):
    """Submitting would lose cases: groups not accepted (or counts that moved)."""

    code = "handover_incomplete"

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(", ".join(f"{p.code}:{p.key}" for p in problems))
        self.problems = tuple(problems)
