"""Demo roster: the demo agents placed on the shifts the demo week uses, one supervisor
per shift (idempotent: existing roster rows are kept)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.models import ShiftRoster


class _Member(Protocol):
    @property
    def id(self) -> int: ...


def seed_demo_roster(
    session: Session,
    agents_by_shift: Mapping[str, Sequence[_Member]],
    supervisors_by_shift: Mapping[str, Sequence[_Member]],
) -> int:
    """Add the roster rows missing; returns how many were added."""
    existing = {(r.shift_code, r.agent_id) for r in session.scalars(select(ShiftRoster))}
    added = 0
    for role, by_shift in (("supervisor", supervisors_by_shift), ("agent", agents_by_shift)):
        for code, members in by_shift.items():
            if not code:
                continue
            for m in members:
                if (code, m.id) in existing:
                    continue
                session.add(ShiftRoster(shift_code=code, agent_id=m.id, role=role))
                existing.add((code, m.id))
                added += 1
    session.flush()
    return added
