"""The supervisor's figures for the shift: queues and statuses, what is due soon and
what is breached per class and per unit, who is signed in with how many open cases,
and arrivals per hour. Every figure reads the open cases through the partial indexes
(a few percent of the table), never the whole history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, func, literal, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import OPEN_STATUS_VALUES, Status
from console.domain.clock import now_utc, to_local
from console.domain.shifts import ShiftWindow, shift_at
from console.models import BusinessClass, Case, HandlingUnit, UtcDateTime
from console.services.presence import PresentAgent, present_agents
from console.services.queue import DUE_SOON_WINDOW, QueueQuery, QueueView, count
from console.services.reference import load_shifts

ARRIVAL_HOURS = 24


@dataclass(frozen=True)
class DueCounts:
    name: str
    due_soon: int
    breached: int


@dataclass(frozen=True)
class MonitorFigures:
    at: datetime
    shift: ShiftWindow | None
    queues: dict[str, int]  # QueueView value -> cases
    by_status: dict[str, int]  # open statuses -> cases
    by_class: tuple[DueCounts, ...]
    by_unit: tuple[DueCounts, ...]
    agents: tuple[PresentAgent, ...]
    arrivals: tuple[tuple[datetime, int], ...]  # (local hour start, cases received)

    @property
    def open_total(self) -> int:
        return sum(self.by_status.values())


def _dt(v: datetime) -> object:
    return literal(v, UtcDateTime())


def monitor_figures(s: Session, at: datetime) -> MonitorFigures:
    is_open = Case.status.in_(OPEN_STATUS_VALUES)
    by_status = {
        str(k): int(n)
        for k, n in s.execute(
            select(Case.status, func.count()).where(is_open).group_by(Case.status)
        )
    }
    soon_end = at + DUE_SOON_WINDOW
    breached_expr = func.sum(case((Case.next_due_at < _dt(at), 1), else_=0))
    soon_expr = func.sum(case((Case.next_due_at >= _dt(at), 1), else_=0))
    rows = s.execute(
        select(BusinessClass.name, HandlingUnit.name, soon_expr, breached_expr)
        .select_from(Case)
        .join(BusinessClass, BusinessClass.code == Case.class_code)
        .outerjoin(HandlingUnit, HandlingUnit.id == Case.unit_id)
        .where(is_open, Case.next_due_at < _dt(soon_end), Case.sla_paused.is_not(True))
        .group_by(BusinessClass.name, HandlingUnit.name)
    ).all()
    per_class: dict[str, list[int]] = {}
    per_unit: dict[str, list[int]] = {}
    for cls, unit, soon, breached in rows:
        for bucket, key in ((per_class, cls), (per_unit, unit or "")):
            acc = bucket.setdefault(key, [0, 0])
            acc[0] += int(soon or 0)
            acc[1] += int(breached or 0)

    def ranked(d: dict[str, list[int]]) -> tuple[DueCounts, ...]:
        items = [DueCounts(k, v[0], v[1]) for k, v in d.items()]
        return tuple(sorted(items, key=lambda c: (-c.breached, -c.due_soon, c.name)))

    queues = {
        QueueView.OPEN.value: sum(by_status.values()),
        QueueView.UNASSIGNED.value: count(s, QueueQuery(QueueView.UNASSIGNED), at),
        QueueView.AWAITING_UNIT.value: by_status.get(Status.DISPATCHED.value, 0),
        QueueView.DUE_SOON.value: sum(v[0] for v in per_class.values()),
        QueueView.BREACHED.value: count(s, QueueQuery(QueueView.BREACHED), at),
        QueueView.CALLBACKS.value: count(s, QueueQuery(QueueView.CALLBACKS), at),
    }
    # arrivals per local hour over the last ARRIVAL_HOURS hours
    first_hour = to_local(at).replace(minute=0, second=0, microsecond=0) - timedelta(
        hours=ARRIVAL_HOURS - 1
    )
    buckets = {first_hour + timedelta(hours=h): 0 for h in range(ARRIVAL_HOURS)}
    for (received,) in s.execute(
        select(Case.received_at).where(Case.received_at >= _dt(first_hour))
    ):
        hour = to_local(received).replace(minute=0, second=0, microsecond=0)
        if hour in buckets:
            buckets[hour] += 1
    try:
        shift: ShiftWindow | None = shift_at(load_shifts(s), at)
    except LookupError:
        shift = None
    return MonitorFigures(
        at=at,
        shift=shift,
        queues=queues,
        by_status=by_status,
        by_class=ranked(per_class),
        by_unit=ranked(per_unit),
        agents=tuple(present_agents(s, at)),
        arrivals=tuple(sorted(buckets.items())),
    )


class MonitorService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def figures(self, now: datetime | None = None) -> MonitorFigures:
        with self._sessions() as s:
            return monitor_figures(s, now or now_utc())
