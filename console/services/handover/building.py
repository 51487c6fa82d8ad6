"""Building a handover: reading everything it needs; stores nothing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, func, literal, literal_column, or_, select
from sqlalchemy.orm import Session

from console.domain.handover import (
    Bounds,
    Bucket,
    OpenCase,
    Reason,
    bounds_for,
    group_key,
    grouped_counts,
    plan,
    window_label,
)
from console.domain.shifts import ShiftDef, ShiftWindow, next_window, previous_window
from console.models import Agent, Case, CaseEvent, HandlingUnit, Handover, HandoverItem
from console.services.handover.common import CHUNK, DONE
from console.services.handover.figures import _count, _figures, _open
from console.services.handover.views import Figures, GapInfo


@dataclass(frozen=True)
class Built:
    """What a build decided, before it is stored (also what the benchmark times)."""

    bounds: Bounds
    listed: dict[int, Reason]
    groups: dict[str, int]  # group key -> open cases counted in it
    open_total: int
    details: dict[int, dict[str, Any]]
    figures: Figures
    gap: GapInfo | None


CANDIDATE_COLUMNS = (
    Case.id,
    Case.status,
    Case.case_type,
    Case.received_at,
    Case.next_due_at,
    Case.number,
    Case.title,
    Case.urgency,
    Case.class_code,
    Case.channel_code,
    Case.unit_id,
    Case.assignee_id,
    Case.next_milestone,
)


def _candidates(session: Session, b: Bounds, ids: set[int]) -> dict[int, Any]:
    """The open cases that may be listed: falling due from coverage_from to the end of
    the next shift, consultations taken since coverage_from, and the cases in ``ids``
    (touched or carried). Every other open case can only be counted in a group."""
    base = select(*CANDIDATE_COLUMNS).where(_open(), Case.received_at < b.as_of)
    touched = (
        select(CaseEvent.case_id)
        .where(CaseEvent.at >= b.coverage_from, CaseEvent.at < b.as_of)
        .scalar_subquery()
    )
    # one pass over the open cases (partial index), each candidate read once
    rows: dict[int, Any] = {
        int(r.id): r
        for r in session.execute(
            base.where(
                or_(
                    and_(Case.next_due_at >= b.coverage_from, Case.next_due_at < b.next_end),
                    and_(Case.received_at >= b.coverage_from, Case.case_type == "consultation"),
                    Case.id.in_(touched),
                )
            )
        )
    }
    rest = sorted(i for i in ids if i not in rows)  # carried from earlier handovers
    for part in _chunks(rest):
        for r in session.execute(base.where(Case.id.in_(part))):
            rows[int(r.id)] = r
    return rows


def _totals(session: Session, b: Bounds) -> dict[str, int]:
    """Open cases received before as_of, counted by (deadline bucket, status)."""
    bucket = case(
        (Case.next_due_at.is_(None), literal(Bucket.NONE.value)),
        (Case.next_due_at < b.coverage_from, literal(Bucket.OVERDUE.value)),
        else_=literal(Bucket.LATER.value),
    ).label("bucket")
    rows = session.execute(
        select(bucket, Case.status, func.count())
        .where(_open(), Case.received_at < b.as_of)
        .group_by(literal_column("bucket"), Case.status)
    )
    return {group_key(str(k), str(st)): int(n) for k, st, n in rows}


def _snapshot_reads(session: Session) -> None:
    """One consistent snapshot for the reads of a build (the totals and the listed
    cases must agree). SQLite's transactions are snapshots already."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def _touched(session: Session, b: Bounds) -> tuple[set[int], set[int]]:
    """Cases with an event during the shift, and (only) during the carried gap."""
    shift: set[int] = set()
    gap: set[int] = set()
    rows = session.execute(
        select(CaseEvent.case_id, func.max(CaseEvent.at))
        .where(CaseEvent.at >= b.coverage_from, CaseEvent.at < b.as_of)
        .group_by(CaseEvent.case_id)
    )
    for case_id, last in rows:
        (shift if last >= b.window.start else gap).add(int(case_id))
    return shift, gap


def _carried(session: Session, exclude_handover: int | None) -> set[int]:
    stmt = (
        select(HandoverItem.case_id)
        .join(Handover, Handover.id == HandoverItem.handover_id)
        .where(
            HandoverItem.flagged.is_(True),
            HandoverItem.done_at.is_(None),
            Handover.status.in_(DONE),
        )
    )
    if exclude_handover is not None:
        stmt = stmt.where(HandoverItem.handover_id != exclude_handover)
    return {int(i) for i in session.scalars(stmt)}


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def _details(session: Session, rows: Iterable[Any]) -> dict[int, dict[str, Any]]:
    units = {int(i): str(n) for i, n in session.execute(select(HandlingUnit.id, HandlingUnit.name))}
    names = _agent_names(session)
    return {
        int(r.id): {
            "number": r.number,
            "title": r.title,
            "status": r.status,
            "type": r.case_type,
            "urgency": r.urgency,
            "class": r.class_code,
            "channel": r.channel_code,
            "unit": units.get(r.unit_id, "") if r.unit_id else "",
            "assignee": names.get(r.assignee_id, "") if r.assignee_id else "",
            "milestone": r.next_milestone or "",
            "due_at": r.next_due_at,
        }
        for r in rows
    }


def _agent_names(session: Session) -> dict[int, str]:
    return {int(i): str(n) for i, n in session.execute(select(Agent.id, Agent.display_name))}


def _previous_handover(session: Session, w: ShiftWindow) -> Handover | None:
    return session.scalars(
        select(Handover)
        .where(Handover.starts_at < w.start, Handover.status.in_(DONE))
        .order_by(Handover.starts_at.desc())
        .limit(1)
    ).first()


def _handover_of(session: Session, w: ShiftWindow) -> Handover | None:
    return session.scalars(
        select(Handover).where(Handover.shift_code == w.shift.code, Handover.starts_at == w.start)
    ).first()


def build(
    session: Session,
    shifts: Sequence[ShiftDef],
    w: ShiftWindow,
    now: datetime,
    *,
    exclude_handover: int | None = None,
) -> Built:
    """Read everything a handover of ``w`` taken at ``now`` needs; stores nothing."""
    nxt = next_window(shifts, w)
    prev = previous_window(shifts, w)
    last = _previous_handover(session, w)
    prev_own = _handover_of(session, prev)
    b = bounds_for(w, nxt, now, prev, last.as_of if last is not None else None)
    touched_shift, touched_gap = _touched(session, b)
    carried = _carried(session, exclude_handover)
    rows = _candidates(session, b, touched_shift | touched_gap | carried)
    cands = [
        OpenCase(i, r.status, r.case_type, r.received_at, r.next_due_at) for i, r in rows.items()
    ]
    p = plan(cands, b, touched_shift=touched_shift, touched_gap=touched_gap, carried=carried)
    totals = _totals(session, b)
    groups = grouped_counts(totals, (c for c in cands if c.id in p.listed), b)
    open_total = sum(totals.values())
    by_reason: dict[str, int] = {}
    for r in p.listed.values():
        by_reason[r.value] = by_reason.get(r.value, 0) + 1
    figures = _figures(session, b, by_reason, open_total)
    gap = None
    if b.coverage_from < w.start:
        missing = prev_own is None or prev_own.status not in DONE
        gap = GapInfo(
            previous_label=window_label(prev),
            previous_missing=missing,
            since=b.coverage_from,
            until=w.start,
            received=_count(
                session, Case.received_at >= b.coverage_from, Case.received_at < w.start
            ),
            closed=_count(session, Case.closed_at >= b.coverage_from, Case.closed_at < w.start),
            listed=sum(1 for cid in p.listed if cid in touched_gap),
        )
    return Built(
        bounds=b,
        listed=p.listed,
        groups=groups,
        open_total=open_total,
        details=_details(session, (rows[i] for i in p.listed)),
        figures=figures,
        gap=gap,
    )
