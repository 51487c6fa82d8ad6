"""The figures of a shift (the "this shift" tiles and a handover's figures)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from console.domain.casetypes import EventKind
from console.domain.handover import ESCALATION_EVENTS, Bounds
from console.domain.shifts import ShiftWindow
from console.models import Case, CaseEvent, ShiftIncident
from console.services.handover.common import OPEN_ORDER
from console.services.handover.views import Figures, ShiftSummary


def _count(session: Session, *where: ColumnElement[bool]) -> int:
    return int(session.execute(select(func.count()).select_from(Case).where(*where)).scalar_one())


def _event_count(session: Session, kinds: Sequence[str], start: datetime, end: datetime) -> int:
    stmt = (
        select(func.count())
        .select_from(CaseEvent)
        .where(CaseEvent.kind.in_(kinds), CaseEvent.at >= start, CaseEvent.at < end)
    )
    return int(session.execute(stmt).scalar_one())


def _open() -> ColumnElement[bool]:
    return Case.status.in_(OPEN_ORDER)


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
    is_open = _open()
    return ShiftSummary(
        window=w,
        next_window=nxt,
        received_by_channel=by_channel,
        received_by_type=by_type,
        closed_directly=_event_count(session, (EventKind.CLOSED_DIRECTLY,), w.start, w.end),
        dispatched=_event_count(session, (EventKind.DISPATCHED,), w.start, w.end),
        closed=_count(session, Case.closed_at >= w.start, Case.closed_at < w.end),
        open_now=_count(session, is_open),
        breached_open=_count(session, is_open, Case.next_due_at < now),
        due_next_shift=_count(
            session, is_open, Case.next_due_at >= nxt.start, Case.next_due_at < nxt.end
        ),
    )


def _figures(session: Session, b: Bounds, by_reason: dict[str, int], open_total: int) -> Figures:
    start, end = b.window.start, b.as_of
    in_window = and_(Case.received_at >= start, Case.received_at < end)
    by_channel: dict[str, int] = {}
    by_type: dict[str, int] = {}
    urgent = 0
    for ch, ty, urg, n in session.execute(
        select(Case.channel_code, Case.case_type, Case.urgency, func.count())
        .where(in_window)
        .group_by(Case.channel_code, Case.case_type, Case.urgency)
    ):
        by_channel[str(ch)] = by_channel.get(str(ch), 0) + int(n)
        by_type[str(ty)] = by_type.get(str(ty), 0) + int(n)
        if urg == "urgent":
            urgent += int(n)
    closed_directly = _event_count(session, (EventKind.CLOSED_DIRECTLY,), start, end)
    # calls back to citizens during the shift: consultations answered by a callback,
    # and the satisfaction callbacks (回访) made, reached or not
    callbacks_made = int(
        session.execute(
            select(func.count())
            .select_from(CaseEvent)
            .join(Case, Case.id == CaseEvent.case_id)
            .where(
                CaseEvent.kind == EventKind.CLOSED,
                CaseEvent.at >= start,
                CaseEvent.at < end,
                Case.case_type == "consultation",
            )
        ).scalar_one()
    ) + _event_count(session, (EventKind.VISITED, EventKind.CALLBACK_ATTEMPT), start, end)
    in_closed = and_(Case.closed_at >= start, Case.closed_at < end)
    closed, closed_late = session.execute(
        select(
            func.count(),
            func.count().filter(Case.final_due_at.is_not(None), Case.closed_at > Case.final_due_at),
        ).where(in_closed)
    ).one()
    incidents = int(
        session.execute(
            select(func.count())
            .select_from(ShiftIncident)
            .where(ShiftIncident.at >= start, ShiftIncident.at < end)
        ).scalar_one()
    )
    breached = _count(session, _open(), Case.next_due_at >= start, Case.next_due_at < end)
    return Figures(
        received_by_channel=by_channel,
        received_by_type=by_type,
        closed_directly=closed_directly,
        dispatched=_event_count(session, (EventKind.DISPATCHED,), start, end),
        closed=int(closed),
        closed_late=int(closed_late),
        breached=breached,
        callbacks_promised=max(0, by_type.get("consultation", 0) - closed_directly),
        callbacks_made=callbacks_made,
        urgent_received=urgent,
        escalation_events=_event_count(session, ESCALATION_EVENTS, start, end),
        incidents=incidents,
        open_total=open_total,
        listed=sum(by_reason.values()),
        by_reason=by_reason,
    )
