"""The shift's figures, computed from the database (the handover screen's basis)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session, sessionmaker

from console.casetypes import OPEN_STATUSES, EventKind
from console.clock import now_utc
from console.models import Case, CaseEvent
from console.services.reference import load_shifts
from console.shifts import ShiftWindow, next_window, shift_at


@dataclass(frozen=True)
class ShiftSummary:
    window: ShiftWindow
    next_window: ShiftWindow
    received_by_channel: dict[str, int]
    received_by_type: dict[str, int]
    closed_directly: int
    dispatched: int
    closed: int
    open_now: int
    breached_open: int
    due_next_shift: int

    @property
    def received(self) -> int:
        return sum(self.received_by_type.values())


def _count(session: Session, *where: ColumnElement[bool]) -> int:
    return int(session.execute(select(func.count()).select_from(Case).where(*where)).scalar_one())


def _event_count(session: Session, kind: str, w: ShiftWindow) -> int:
    stmt = (
        select(func.count())
        .select_from(CaseEvent)
        .where(CaseEvent.kind == kind, CaseEvent.at >= w.start, CaseEvent.at < w.end)
    )
    return int(session.execute(stmt).scalar_one())


def shift_summary(
    session: Session, w: ShiftWindow, nxt: ShiftWindow, now: datetime
) -> ShiftSummary:
    in_window = and_(Case.received_at >= w.start, Case.received_at < w.end)
    by_channel = {
        str(k): int(n)
        for k, n in session.execute(
            select(Case.channel_code, func.count()).where(in_window).group_by(Case.channel_code)
        )
    }
    by_type = {
        str(k): int(n)
        for k, n in session.execute(
            select(Case.case_type, func.count()).where(in_window).group_by(Case.case_type)
        )
    }
    is_open = Case.status.in_([s.value for s in OPEN_STATUSES])
    return ShiftSummary(
        window=w,
        next_window=nxt,
        received_by_channel=by_channel,
        received_by_type=by_type,
        closed_directly=_event_count(session, EventKind.CLOSED_DIRECTLY, w),
        dispatched=_event_count(session, EventKind.DISPATCHED, w),
        closed=_count(session, Case.closed_at >= w.start, Case.closed_at < w.end),
        open_now=_count(session, is_open),
        breached_open=_count(session, is_open, Case.next_due_at < now),
        due_next_shift=_count(
            session, is_open, Case.next_due_at >= nxt.start, Case.next_due_at < nxt.end
        ),
    )


class HandoverService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def current_summary(self, now: datetime | None = None) -> ShiftSummary:
        at = now or now_utc()
        with self._sessions() as s:
            shifts = load_shifts(s)
            w = shift_at(shifts, at)
            return shift_summary(s, w, next_window(shifts, w), at)
