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
from console.domain.casetypes import EventKind, Role
from console.domain.clock import now_utc
from console.domain.identity import Identity
from console.models import Case, HandlingUnit, SupervisionNotice
from console.services.sla import add_event
from console.services.units import Refused, lock_case, require_centre, touch, unit_name


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
        return self._notify(case_ids, who, EventKind.REMINDED, text, 1, at)

    def supervise(
        self, case_id: int, who: Identity, text: str, level: int = 1, at: datetime | None = None
    ) -> int:
        """A formal supervision order (督办), level 1 (centre) or 2 (city leadership)."""
        if not text.strip():
            raise Refused("a supervision order needs its text", code="reason_required")
        return self._notify([case_id], who, EventKind.SUPERVISED, text, level, at)

    def _notify(
        self,
        case_ids: Iterable[int],
        who: Identity,
        kind: str,
        text: str,
        level: int,
        at: datetime | None,
    ) -> int:
        if not who.is_supervisor:
            raise Refused("supervisors remind and supervise units", code="forbidden")
        when = at or now_utc()
        station = self._station()
        sent = 0
        with self._sessions() as s, s.begin():
            for cid in case_ids:
                case = lock_case(s, cid, None)
                if case.unit_id is None or case.status not in lifecycle.WITH_UNITS:
                    raise Refused(
                        "case {number} is not with a unit", code="not_with_unit", number=case.number
                    )
                detail: dict[str, object] = {
                    "unit_id": case.unit_id,
                    "unit": unit_name(s, case.unit_id),
                    "text": text.strip(),
                }
                if kind == EventKind.SUPERVISED:
                    detail["level"] = level
                add_event(s, case, kind, who, station, when, **detail)
                s.add(
                    SupervisionNotice(
                        case_id=case.id,
                        unit_id=case.unit_id,
                        kind=kind,
                        level=level,
                        text=text.strip(),
                        created_at=when,
                        created_by_id=who.agent_id,
                        created_by_name=who.display_name,
                    )  # fmt: skip
                )
                touch(case, when)
                sent += 1
        return sent

    def escalate(self, case_id: int, who: Identity, text: str, at: datetime | None = None) -> None:
        """An agent asks the supervisors to look at a case."""
        require_centre(who)
        if not text.strip():
            raise Refused("say why the case is escalated", code="reason_required")
        if who.role == Role.UNIT:
            raise Refused("units cannot escalate", code="forbidden")
        when = at or now_utc()
        with self._sessions() as s, s.begin():
            case = lock_case(s, case_id, None)
            add_event(s, case, EventKind.ESCALATED, who, self._station(), when,
                      reason="manual", text=text.strip())  # fmt: skip
            s.add(
                SupervisionNotice(
                    case_id=case.id,
                    unit_id=None,
                    kind=EventKind.ESCALATED,
                    level=1,
                    text=text.strip(),
                    created_at=when,
                    created_by_id=who.agent_id,
                    created_by_name=who.display_name,
                )  # fmt: skip
            )
            touch(case, when)
