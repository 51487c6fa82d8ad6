"""Supervision (督办): reminders to units on overdue cases, formal supervision orders and
escalations, each an event in the case's history and a notice the unit (or the
supervisors, for escalations) sees in its inbox until acknowledged.

Events: ``reminded`` (``unit_id``, ``unit``, ``text``), ``supervised`` (``unit_id``,
``unit``, ``text``, ``level``), ``escalated`` (``reason``: "manual" or "bounced",
``text``; "bounced" also ``returns``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain import lifecycle
from console.domain.clock import now_utc
from console.domain.identity import Identity
from console.domain.lifecycle import Action
from console.models import Case, HandlingUnit
from console.services.lifecycle import Params, apply, lock_case
from console.services.sla import load_calendar


@dataclass(frozen=True)
class OverdueRow:
    case_id: int
    number: str
    version: int
    title: str
    status: str
    unit_id: int | None
    unit: str
    next_milestone: str | None
    next_due_at: datetime | None


class SupervisionService:
    def __init__(self, sessions: sessionmaker[Session], station: Callable[[], str]) -> None:
        self._sessions = sessions
        self._station = station

    def overdue(self, now: datetime | None = None, limit: int = 500) -> list[OverdueRow]:
        """Cases with a unit whose next deadline has passed, most overdue first."""
        at = now or now_utc()
        stmt = (
            select(Case, HandlingUnit.name)
            .join(HandlingUnit, HandlingUnit.id == Case.unit_id)
            .where(
                Case.status.in_(sorted(lifecycle.WITH_UNITS)),
                Case.next_due_at < at,
            )
            .order_by(Case.next_due_at, Case.id)
            .limit(limit)
        )
        with self._sessions() as s:
            return [
                OverdueRow(
                    c.id,
                    c.number,
                    c.version,
                    c.title,
                    c.status,
                    c.unit_id,
                    name,
                    c.next_milestone,
                    c.next_due_at,
                )  # fmt: skip
                for c, name in s.execute(stmt)
            ]

    def remind(
        self, case_ids: Iterable[int], who: Identity, text: str, at: datetime | None = None
    ) -> int:
        """A reminder (催办) to each case's lead unit; returns how many were sent."""
        return self._do(case_ids, who, Action.REMIND, Params(text=text), at)

    def supervise(
        self, case_id: int, who: Identity, text: str, level: int = 1, at: datetime | None = None
    ) -> int:
        """A formal supervision order (督办), level 1 (centre) or 2 (city leadership)."""
        return self._do([case_id], who, Action.SUPERVISE, Params(text=text, level=level), at)

    def escalate(self, case_id: int, who: Identity, text: str, at: datetime | None = None) -> None:
        """An agent asks the supervisors to look at a case."""
        self._do([case_id], who, Action.ESCALATE, Params(text=text), at)

    def _do(
        self, case_ids: Iterable[int], who: Identity, action: str, p: Params, at: datetime | None
    ) -> int:
        when = at or now_utc()
        station = self._station()
        sent = 0
        with self._sessions() as s, s.begin():
            for cid in case_ids:
                case = lock_case(s, cid, None)
                apply(s, case, action, who, station, when, load_calendar(s), p)
                sent += 1
        return sent
