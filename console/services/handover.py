"""Shift handover: built from the database, annotated by the outgoing supervisor,
submitted, acknowledged by the incoming one, kept read-only; plus the shift roster,
sign-in attendance and the incidents log.

The rule that nothing is lost lives in ``console.domain.handover``; this module feeds it the
open cases and stores what it decides.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    delete,
    exists,
    func,
    insert,
    literal,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from console.domain.casetypes import OPEN_STATUS_VALUES, EventKind, Role
from console.domain.clock import CITY_TZ, now_utc, to_local
from console.domain.errors import Refused
from console.domain.handover import (
    ESCALATION_EVENTS,
    Bounds,
    Bucket,
    GroupState,
    HandoverStatus,
    OpenCase,
    Problem,
    Reason,
    bounds_for,
    group_key,
    grouped_counts,
    parse_shift,
    plan,
    split_group_key,
    unaccepted,
    validate_shifts,
    window_label,
)
from console.domain.identity import Identity
from console.domain.shifts import (
    ShiftDef,
    ShiftWindow,
    next_window,
    previous_window,
    shift_at,
    window,
)
from console.domain.validation import FieldError, searchable
from console.models import (
    Agent,
    Case,
    CaseEvent,
    HandlingUnit,
    Handover,
    HandoverGroup,
    HandoverItem,
    ShiftAttendance,
    ShiftDefinition,
    ShiftIncident,
    ShiftRoster,
)
from console.services.errors import (
    Conflict,
    NotFound,
    ServiceError,
    StaleWrite,
    ValidationFailed,
)
from console.services.reference import load_shifts

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


# --- what screens get -------------------------------------------------------------------


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


@dataclass(frozen=True)
class Figures:
    """The shift's figures, counted over [window.start, as_of)."""

    received_by_channel: dict[str, int] = field(default_factory=dict)
    received_by_type: dict[str, int] = field(default_factory=dict)
    closed_directly: int = 0
    dispatched: int = 0
    closed: int = 0
    closed_late: int = 0
    breached: int = 0  # open cases whose deadline passed during the shift
    callbacks_promised: int = 0  # consultations not answered on the call
    callbacks_made: int = 0  # consultations closed by a callback during the shift
    urgent_received: int = 0
    escalation_events: int = 0
    incidents: int = 0
    open_total: int = 0
    listed: int = 0
    by_reason: dict[str, int] = field(default_factory=dict)

    @property
    def received(self) -> int:
        return sum(self.received_by_type.values())

    @property
    def escalations(self) -> int:
        return self.urgent_received + self.escalation_events


@dataclass(frozen=True)
class GapInfo:
    """Time before this shift carried into its handover."""

    previous_label: str
    previous_missing: bool  # the previous shift submitted no handover
    since: datetime
    until: datetime
    received: int
    closed: int
    listed: int


@dataclass(frozen=True)
class ItemView:
    id: int
    handover_id: int
    case_id: int
    number: str
    title: str
    reason: str
    status: str
    case_type: str
    urgency: str
    class_code: str
    channel_code: str
    unit: str
    milestone: str
    due_at: datetime | None
    flagged: bool
    note: str
    assignee_id: int | None
    assignee: str
    picked_up_by: str
    picked_up_at: datetime | None
    done_by: str
    done_at: datetime | None
    handover_label: str = ""
    version: int = 1  # what update_item's expected_version compares with


@dataclass(frozen=True)
class GroupView:
    key: str
    count: int
    accepted_by: str
    accepted_at: datetime | None

    @property
    def bucket(self) -> str:
        return split_group_key(self.key)[0]

    @property
    def status(self) -> str:
        return split_group_key(self.key)[1]

    @property
    def accepted(self) -> bool:
        return self.accepted_at is not None


@dataclass(frozen=True)
class IncidentView:
    id: int
    at: datetime
    kind: str
    text: str
    reported_by: str


@dataclass(frozen=True)
class HandoverView:
    id: int
    version: int
    shift_code: str
    shift_name: str
    starts_at: datetime
    ends_at: datetime
    label: str
    next_label: str
    status: str
    coverage_from: datetime | None
    as_of: datetime | None
    notes: str
    created_by: str
    submitted_by: str
    submitted_by_id: int | None
    submitted_at: datetime | None
    acknowledged_by: str
    acknowledged_at: datetime | None
    acknowledge_note: str
    figures: Figures
    gap: GapInfo | None
    items: tuple[ItemView, ...]
    groups: tuple[GroupView, ...]
    incidents: tuple[IncidentView, ...]

    @property
    def read_only(self) -> bool:
        return self.status != HandoverStatus.DRAFT

    @property
    def unaccepted_groups(self) -> list[str]:
        return [g.key for g in self.groups if g.count and not g.accepted]

    @property
    def grouped(self) -> int:
        return sum(g.count for g in self.groups)


@dataclass(frozen=True)
class HandoverRow:
    """One line of the history list."""

    id: int
    label: str
    shift_code: str
    starts_at: datetime
    status: str
    submitted_by: str
    submitted_at: datetime | None
    acknowledged_by: str
    acknowledged_at: datetime | None
    listed: int
    open_total: int
    notes: str


@dataclass(frozen=True)
class ShiftStatus:
    """What the screen shows the incoming supervisor before anything else."""

    current: ShiftWindow
    current_label: str
    previous: ShiftWindow
    previous_label: str
    previous_status: str  # missing | draft | submitted | acknowledged
    previous_id: int | None
    previous_submitted_by: str
    current_id: int | None
    current_status: str  # none | draft | submitted | acknowledged
    outstanding_flags: int
    on_shift: tuple[str, ...]
    supervisors: tuple[str, ...]

    @property
    def previous_missing(self) -> bool:
        return self.previous_status in ("missing", HandoverStatus.DRAFT)

    @property
    def awaiting_acknowledgement(self) -> bool:
        return self.previous_status == HandoverStatus.SUBMITTED


@dataclass(frozen=True)
class RosterEntry:
    shift_code: str
    agent_id: int
    name: str
    role: str  # agent | supervisor


@dataclass(frozen=True)
class AgentChoice:
    id: int
    username: str
    name: str
    role: str


@dataclass(frozen=True)
class ShiftConfig:
    shifts: tuple[ShiftDef, ...]
    roster: tuple[RosterEntry, ...]
    agents: tuple[AgentChoice, ...]


# --- figures ------------------------------------------------------------------------------


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
    )
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


# --- building -----------------------------------------------------------------------------


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


def _iso(d: datetime | None) -> str | None:
    return d.isoformat() if d is not None else None


def _summary_json(built: Built) -> dict[str, Any]:
    gap = None
    if built.gap is not None:
        gap = asdict(built.gap)
        gap["since"] = _iso(built.gap.since)
        gap["until"] = _iso(built.gap.until)
    return {
        "figures": asdict(built.figures),
        "gap": gap,
        "next_label": window_label(built.bounds.next_window),
    }


def _figures_from(data: dict[str, Any]) -> Figures:
    known = set(Figures.__dataclass_fields__)
    return Figures(**{k: v for k, v in (data or {}).items() if k in known})


def _gap_from(data: dict[str, Any] | None) -> GapInfo | None:
    if not data:
        return None
    return GapInfo(
        previous_label=str(data["previous_label"]),
        previous_missing=bool(data["previous_missing"]),
        since=datetime.fromisoformat(data["since"]),
        until=datetime.fromisoformat(data["until"]),
        received=int(data["received"]),
        closed=int(data["closed"]),
        listed=int(data["listed"]),
    )


ITEM_COPY_COLUMNS = (
    "handover_id",
    "case_id",
    "reason",
    "case_number",
    "due_at",
    "snapshot",
    "flagged",
    "note",
)


COPY_NULL = "\\N"


def _copy_text(v: Any) -> str:
    """One value of COPY's text format."""
    if v is None:
        return "\\N"
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, datetime):
        return v.isoformat()
    if isinstance(v, dict):
        v = json.dumps(v, ensure_ascii=False)
    return (
        str(v).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def _copy_line(r: dict[str, Any]) -> str:
    """One handover item in COPY's text format (columns of ITEM_COPY_COLUMNS); codes and
    case numbers need no escaping, the snapshot and the note do."""
    due = r["due_at"]
    return (
        f"{r['handover_id']}\t{r['case_id']}\t{r['reason']}\t{r['case_number']}\t"
        f"{due.isoformat() if due is not None else COPY_NULL}\t"
        f"{_copy_text(r['snapshot'])}\t{'t' if r['flagged'] else 'f'}\t{_copy_text(r['note'])}\n"
    )


def _insert_items(session: Session, rows: list[dict[str, Any]]) -> None:
    """Thousands of items at once: COPY on PostgreSQL (an INSERT per row, or even
    multi-row INSERTs, spend most of their time binding parameters), executemany on
    SQLite. Inside the session's transaction either way."""
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(HandoverItem), rows)
        return
    dbapi: Any = session.connection().connection.dbapi_connection
    cols = ", ".join(ITEM_COPY_COLUMNS)
    with dbapi.cursor() as cur, cur.copy(f"COPY handover_items ({cols}) FROM STDIN") as cp:
        cp.write("".join(map(_copy_line, rows)))


def store(session: Session, h: Handover, built: Built) -> list[SimpleNamespace]:
    """Write a build into draft ``h``: items merged (notes, flags and assignees kept),
    groups upserted (acceptance of a group kept while the group exists). Returns the
    handover's items as stored (so the caller need not read thousands back)."""
    b = built.bounds
    h.coverage_from = b.coverage_from
    h.as_of = b.as_of
    h.summary = _summary_json(built)
    existing = {
        int(r.case_id): dict(r._mapping)
        for r in session.execute(
            select(*HandoverItem.__table__.c).where(HandoverItem.handover_id == h.id)
        )
    }
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    kept: list[dict[str, Any]] = []
    for case_id, reason in built.listed.items():
        d = built.details.get(case_id)
        if d is None:
            continue
        due = d["due_at"]
        snap = {k: v for k, v in d.items() if k not in ("due_at", "number")}
        it = existing.pop(case_id, None)
        if it is None:
            inserts.append(
                {
                    "handover_id": h.id,
                    "case_id": case_id,
                    "reason": reason.value,
                    "case_number": d["number"],
                    "due_at": due,
                    "snapshot": snap,
                    "flagged": False,
                    "note": "",
                }
            )
            continue
        if it["reason"] != reason.value or it["snapshot"] != snap or it["due_at"] != due:
            updates.append(
                {"id": it["id"], "reason": reason.value, "due_at": due, "snapshot": snap}
            )
            it.update(reason=reason.value, due_at=due, snapshot=snap)
        kept.append(it)
    if inserts:
        _insert_items(session, inserts)
    if updates:
        session.execute(update(HandoverItem), updates)
    # no longer listed (closed meanwhile): kept if the supervisor wrote on it
    stale = []
    for it in existing.values():
        if it["flagged"] or it["note"] or it["assignee_id"]:
            kept.append(it)
        else:
            stale.append(it["id"])
    for part in _chunks(stale):
        session.execute(delete(HandoverItem).where(HandoverItem.id.in_(part)))
    if inserts:
        ids = dict(
            session.execute(
                select(HandoverItem.case_id, HandoverItem.id).where(
                    HandoverItem.handover_id == h.id
                )
            ).all()
        )
        blank = {
            "assignee_id": None,
            "picked_up_by_id": None,
            "picked_up_at": None,
            "done_by_id": None,
            "done_at": None,
        }
        for r in inserts:
            kept.append({**r, **blank, "id": ids[r["case_id"]]})
    groups = {
        g.key: g
        for g in session.scalars(select(HandoverGroup).where(HandoverGroup.handover_id == h.id))
    }
    for key, n in built.groups.items():
        g = groups.pop(key, None)
        if g is None:
            session.add(HandoverGroup(handover_id=h.id, key=key, count=n))
        else:
            g.count = n
    for g in groups.values():
        session.delete(g)
    return [SimpleNamespace(**it) for it in kept]


def submission_problems(
    built: Built, listed: set[int], groups: dict[str, GroupState]
) -> list[Problem]:
    """What would make a submitted handover lose a case (see console.domain.handover)."""
    problems = [
        Problem("group_not_accepted", k, (), groups[k].count, groups[k].count)
        for k in unaccepted(groups)
    ]
    missing = set(built.listed) - listed
    if missing:
        problems.append(Problem("unlisted", "", tuple(sorted(missing))))
    covered = len(built.listed) + sum(g.count for g in groups.values())
    if covered != built.open_total:
        problems.append(Problem("count_mismatch", "", (), built.open_total, covered))
    return problems


# --- the service --------------------------------------------------------------------------


def _require_supervisor(who: Identity) -> None:
    if not who.is_supervisor:
        raise Refused("only a shift supervisor or an administrator may do this", code="forbidden")


class HandoverService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- figures (the "this shift" tiles) -------------------------------------------------
    def current_summary(self, now: datetime | None = None) -> ShiftSummary:
        at = now or now_utc()
        with self._sessions() as s:
            shifts = load_shifts(s)
            w = shift_at(shifts, at)
            return shift_summary(s, w, next_window(shifts, w), at)

    # -- where we are -------------------------------------------------------------------------
    def status(self, now: datetime | None = None) -> ShiftStatus:
        at = now or now_utc()
        with self._sessions() as s:
            shifts = load_shifts(s)
            w = shift_at(shifts, at)
            prev = previous_window(shifts, w)
            names = _agent_names(s)
            ph = _handover_of(s, prev)
            ch = _handover_of(s, w)
            flags = int(
                s.execute(
                    select(func.count())
                    .select_from(HandoverItem)
                    .join(Handover, Handover.id == HandoverItem.handover_id)
                    .where(
                        HandoverItem.flagged.is_(True),
                        HandoverItem.done_at.is_(None),
                        Handover.status.in_(DONE),
                    )
                ).scalar_one()
            )
            on_shift = tuple(
                names.get(a, "")
                for a in s.scalars(
                    select(ShiftAttendance.agent_id)
                    .where(
                        ShiftAttendance.shift_code == w.shift.code,
                        ShiftAttendance.starts_at == w.start,
                    )
                    .order_by(ShiftAttendance.signed_in_at)
                )
            )
            sups = tuple(
                names.get(a, "")
                for a in s.scalars(
                    select(ShiftRoster.agent_id).where(
                        ShiftRoster.shift_code == w.shift.code, ShiftRoster.role == "supervisor"
                    )
                )
            )
            return ShiftStatus(
                current=w,
                current_label=window_label(w),
                previous=prev,
                previous_label=window_label(prev),
                previous_status=ph.status if ph is not None else "missing",
                previous_id=ph.id if ph is not None else None,
                previous_submitted_by=names.get(ph.submitted_by_id or 0, "") if ph else "",
                current_id=ch.id if ch is not None else None,
                current_status=ch.status if ch is not None else "none",
                outstanding_flags=flags,
                on_shift=on_shift,
                supervisors=sups,
            )

    # -- the handover ---------------------------------------------------------------------------
    def prepare(
        self,
        who: Identity,
        *,
        now: datetime | None = None,
        shift_code: str | None = None,
        day: date | None = None,
    ) -> HandoverView:
        """Open (build or rebuild) the handover of the current shift, or of the shift
        ``shift_code`` starting on local ``day`` (a late handover)."""
        _require_supervisor(who)
        at = now or now_utc()
        with self._sessions() as s, s.begin():
            _snapshot_reads(s)
            shifts = load_shifts(s)
            w = self._window(shifts, at, shift_code, day)
            if w.start > at:
                raise ValidationFailed([FieldError("shift", "not_started")])
            h = _handover_of(s, w)
            if h is None:
                h = Handover(
                    shift_code=w.shift.code,
                    shift_name=w.shift.name,
                    starts_at=w.start,
                    ends_at=w.end,
                    status=HandoverStatus.DRAFT,
                    notes="",
                    summary={},
                    created_by_id=who.agent_id,
                    created_at=at,
                )
                s.add(h)
                s.flush()
            if h.status != HandoverStatus.DRAFT:
                return self._view(s, h)
            items = store(s, h, build(s, shifts, w, at, exclude_handover=h.id))
            s.flush()
            return self._view(s, h, items)

    def get(self, handover_id: int) -> HandoverView:
        with self._sessions() as s:
            return self._view(s, self._load(s, handover_id))

    def set_notes(self, handover_id: int, notes: str, who: Identity, version: int) -> HandoverView:
        _require_supervisor(who)
        with self._sessions() as s, s.begin():
            h = self._draft(s, handover_id, version)
            h.notes = notes.strip()
            return self._commit_view(s, h)

    def update_item(
        self,
        item_id: int,
        who: Identity,
        *,
        note: str | None = None,
        flagged: bool | None = None,
        assign: bool = False,
        assignee_id: int | None = None,
        expected_version: int | None = None,
    ) -> ItemView:
        """Note, flag or (with ``assign``) assign one item of a draft; ``assignee_id``
        None with ``assign`` clears the assignee. With ``expected_version`` (the item's
        version the supervisor saw) a change made meanwhile by another supervisor is
        not overwritten: Conflict, saying what the item holds now."""
        _require_supervisor(who)
        with self._sessions() as s, s.begin():
            it = s.get(HandoverItem, item_id)
            if it is None:
                raise NotFound(f"handover item #{item_id}")
            self._draft(s, it.handover_id, None)
            if expected_version is not None and it.version != expected_version:
                raise StaleWrite("handover_item", it.case_number, it.note)
            if note is not None:
                it.note = note.strip()
            if flagged is not None:
                it.flagged = flagged
            if assign:
                if assignee_id is not None and s.get(Agent, assignee_id) is None:
                    raise ValidationFailed([FieldError("assignee", "unknown")])
                it.assignee_id = assignee_id
            try:
                s.flush()
            except StaleDataError as exc:
                raise StaleWrite("handover_item", it.case_number) from exc
            return self._item_view(it, _agent_names(s))

    def accept_group(
        self, handover_id: int, key: str, who: Identity, accepted: bool = True
    ) -> GroupView:
        _require_supervisor(who)
        with self._sessions() as s, s.begin():
            self._draft(s, handover_id, None)
            g = s.scalars(
                select(HandoverGroup).where(
                    HandoverGroup.handover_id == handover_id, HandoverGroup.key == key
                )
            ).first()
            if g is None:
                raise NotFound(f"group {key!r}")
            g.accepted_by_id = who.agent_id if accepted else None
            g.accepted_at = now_utc() if accepted else None
            s.flush()
            return GroupView(g.key, g.count, who.display_name if accepted else "", g.accepted_at)

    def submit(
        self, handover_id: int, who: Identity, version: int, now: datetime | None = None
    ) -> HandoverView:
        """Rebuild at the moment of submission and submit, unless a case would be lost."""
        _require_supervisor(who)
        at = now or now_utc()
        with self._sessions() as s, s.begin():
            _snapshot_reads(s)
            h = self._draft(s, handover_id, version)
            shifts = load_shifts(s)
            w = self._stored_window(h)
            built = build(s, shifts, w, at, exclude_handover=h.id)
            items = store(s, h, built)
            s.flush()
            groups = {
                g.key: GroupState(g.count, g.accepted_at is not None)
                for g in s.scalars(select(HandoverGroup).where(HandoverGroup.handover_id == h.id))
            }
            listed = {int(it.case_id) for it in items}
            problems = submission_problems(built, listed, groups)
            if problems:
                raise HandoverIncomplete(problems)
            h.status = HandoverStatus.SUBMITTED
            h.submitted_by_id = who.agent_id
            h.submitted_at = at
            return self._commit_view(s, h, items)

    def acknowledge(
        self,
        handover_id: int,
        who: Identity,
        note: str = "",
        now: datetime | None = None,
    ) -> HandoverView:
        """The incoming supervisor has read it. After this it is read-only for good."""
        _require_supervisor(who)
        with self._sessions() as s, s.begin():
            h = self._load(s, handover_id)
            if h.status != HandoverStatus.SUBMITTED:
                raise Conflict(f"handover #{h.id} is {h.status}, not waiting for acknowledgement")
            if h.submitted_by_id == who.agent_id:
                raise Refused(
                    "the incoming supervisor acknowledges, not the one who submitted",
                    code="not_allowed",
                )
            h.status = HandoverStatus.ACKNOWLEDGED
            h.acknowledged_by_id = who.agent_id
            h.acknowledged_at = now or now_utc()
            h.acknowledge_note = note.strip()
            return self._commit_view(s, h)

    # -- flagged items, across handovers -------------------------------------------------------
    def outstanding(self) -> list[ItemView]:
        """Items flagged for an incoming shift and not yet done, oldest first."""
        with self._sessions() as s:
            names = _agent_names(s)
            rows = s.execute(
                select(HandoverItem, Handover)
                .join(Handover, Handover.id == HandoverItem.handover_id)
                .where(
                    HandoverItem.flagged.is_(True),
                    HandoverItem.done_at.is_(None),
                    Handover.status.in_(DONE),
                )
                .order_by(Handover.starts_at, HandoverItem.id)
            ).all()
            return [
                self._item_view(it, names, window_label(self._stored_window(h))) for it, h in rows
            ]

    def pick_up(self, item_id: int, who: Identity, now: datetime | None = None) -> ItemView:
        return self._track(item_id, who, now, done=False)

    def mark_done(self, item_id: int, who: Identity, now: datetime | None = None) -> ItemView:
        return self._track(item_id, who, now, done=True)

    def _track(self, item_id: int, who: Identity, now: datetime | None, done: bool) -> ItemView:
        at = now or now_utc()
        with self._sessions() as s, s.begin():
            it = s.get(HandoverItem, item_id)
            if it is None:
                raise NotFound(f"handover item #{item_id}")
            h = self._load(s, it.handover_id)
            if h.status not in DONE:
                raise Conflict("the handover has not been submitted yet")
            if it.done_at is not None:
                raise Conflict("already done")
            if it.picked_up_at is None:
                it.picked_up_by_id = who.agent_id
                it.picked_up_at = at
            if done:
                it.done_by_id = who.agent_id
                it.done_at = at
            s.flush()
            return self._item_view(it, _agent_names(s))

    # -- history ------------------------------------------------------------------------------
    def history(self, query: str = "", limit: int = 200) -> list[HandoverRow]:
        """Past handovers, newest first; ``query`` matches a date (YYYY-MM-DD), the shift,
        the notes, an item's note or case number, or a supervisor's name."""
        q = searchable(query).strip()
        with self._sessions() as s:
            names = _agent_names(s)
            stmt = select(Handover).order_by(Handover.starts_at.desc()).limit(limit)
            if q:
                day = _parse_day(q)
                if day is not None:
                    start = datetime.combine(day, datetime.min.time(), tzinfo=CITY_TZ)
                    stmt = stmt.where(
                        Handover.starts_at < start + timedelta(days=1), Handover.ends_at > start
                    )
                else:
                    like = f"%{q.lower()}%"
                    agent_ids = [i for i, n in names.items() if q.lower() in n.lower()]
                    stmt = stmt.where(
                        or_(
                            func.lower(Handover.notes).like(like),
                            func.lower(Handover.shift_name).like(like),
                            func.lower(Handover.shift_code).like(like),
                            func.lower(Handover.acknowledge_note).like(like),
                            Handover.submitted_by_id.in_(agent_ids),
                            Handover.acknowledged_by_id.in_(agent_ids),
                            exists().where(
                                HandoverItem.handover_id == Handover.id,
                                or_(
                                    func.lower(HandoverItem.note).like(like),
                                    HandoverItem.case_number.like(f"%{q}%"),
                                ),
                            ),
                        )
                    )
            out: list[HandoverRow] = []
            for h in s.scalars(stmt):
                fig = _figures_from((h.summary or {}).get("figures", {}))
                out.append(
                    HandoverRow(
                        id=h.id,
                        label=window_label(self._stored_window(h)),
                        shift_code=h.shift_code,
                        starts_at=h.starts_at,
                        status=h.status,
                        submitted_by=names.get(h.submitted_by_id or 0, ""),
                        submitted_at=h.submitted_at,
                        acknowledged_by=names.get(h.acknowledged_by_id or 0, ""),
                        acknowledged_at=h.acknowledged_at,
                        listed=fig.listed,
                        open_total=fig.open_total,
                        notes=h.notes,
                    )
                )
            return out

    # -- incidents ----------------------------------------------------------------------------
    def log_incident(
        self,
        who: Identity,
        kind: str,
        text: str,
        *,
        station: str = "",
        now: datetime | None = None,
    ) -> IncidentView:
        if kind not in ("agent", "system"):
            raise ValidationFailed([FieldError("kind", "unknown")])
        if not text.strip():
            raise ValidationFailed([FieldError("text", "required")])
        at = now or now_utc()
        with self._sessions() as s, s.begin():
            inc = ShiftIncident(
                at=at, kind=kind, text=text.strip(), reported_by_id=who.agent_id, station=station
            )
            s.add(inc)
            s.flush()
            return IncidentView(inc.id, at, kind, inc.text, who.display_name)

    # -- roster and shift configuration ------------------------------------------------------
    def check_in(
        self, who: Identity, *, station: str = "", now: datetime | None = None
    ) -> ShiftWindow:
        """Sign-in places the agent in the shift current at that moment (idempotent)."""
        at = now or now_utc()
        with self._sessions() as s, s.begin():
            w = shift_at(load_shifts(s), at)
            seen = s.scalars(
                select(ShiftAttendance.id).where(
                    ShiftAttendance.agent_id == who.agent_id,
                    ShiftAttendance.shift_code == w.shift.code,
                    ShiftAttendance.starts_at == w.start,
                )
            ).first()
            if seen is None:
                s.add(
                    ShiftAttendance(
                        agent_id=who.agent_id,
                        shift_code=w.shift.code,
                        starts_at=w.start,
                        signed_in_at=at,
                        station=station,
                    )
                )
            return w

    def shift_config(self) -> ShiftConfig:
        with self._sessions() as s:
            names = _agent_names(s)
            roster = tuple(
                RosterEntry(r.shift_code, r.agent_id, names.get(r.agent_id, ""), r.role)
                for r in s.scalars(
                    select(ShiftRoster).order_by(ShiftRoster.shift_code, ShiftRoster.id)
                )
            )
            agents = tuple(
                AgentChoice(a.id, a.username, a.display_name, a.role)
                for a in s.scalars(
                    select(Agent).where(Agent.active.is_(True)).order_by(Agent.username)
                )
            )
            return ShiftConfig(load_shifts(s), roster, agents)

    def save_shifts(
        self,
        who: Identity,
        rows: Sequence[tuple[str, str, str, str]],
        seen: Sequence[ShiftDef] | None = None,
    ) -> tuple[ShiftDef, ...]:
        """Replace the shift table (code, name, "HH:MM" start, "HH:MM" end). Administrator
        only; the shifts must cover the day exactly once. Past handovers keep the window
        they were taken for."""
        if who.role != Role.ADMIN:
            raise Refused("only an administrator edits the shifts", code="forbidden")
        errors: list[FieldError] = []
        defs: list[ShiftDef] = []
        for code, name, starts, ends in rows:
            try:
                defs.append(parse_shift(code, name, starts, ends))
            except ValueError:
                errors.append(FieldError(f"shift:{code}", "bad_time"))
        if errors:
            raise ValidationFailed(errors)
        problems = validate_shifts(defs)
        if problems:
            raise ValidationFailed([FieldError(f"shifts:{p.detail}", p.code) for p in problems])
        with self._sessions() as s, s.begin():
            if seen is not None and _shift_key(load_shifts(s)) != _shift_key(seen):
                # ``seen``: the table the administrator edited; another one saved meanwhile
                raise StaleWrite("shifts")
            existing = {d.code: d for d in s.scalars(select(ShiftDefinition))}
            for i, d in enumerate(defs):
                row = existing.pop(d.code, None)
                if row is None:
                    row = ShiftDefinition(code=d.code)
                    s.add(row)
                row.name = d.name
                row.starts = d.starts.strftime("%H:%M")
                row.ends = d.ends.strftime("%H:%M")
                row.sort_order = (i + 1) * 10
            for code, row in existing.items():
                used = s.scalars(
                    select(Handover.id).where(Handover.shift_code == code).limit(1)
                ).first()
                if used is not None:
                    raise ValidationFailed([FieldError(f"shift:{code}", "in_use")])
                s.execute(delete(ShiftRoster).where(ShiftRoster.shift_code == code))
                s.execute(delete(ShiftAttendance).where(ShiftAttendance.shift_code == code))
                s.flush()
                s.delete(row)
        return tuple(defs)

    def set_roster(
        self,
        who: Identity,
        shift_code: str,
        entries: Sequence[tuple[int, str]],
        expected: Sequence[tuple[int, str]] | None = None,
    ) -> tuple[RosterEntry, ...]:
        """Who works ``shift_code`` (agent id, "agent" or "supervisor"). ``expected``: the
        roster of that shift as the administrator's screen showed it; when another
        administrator changed it meanwhile nothing is written (Conflict)."""
        if who.role != Role.ADMIN:
            raise Refused("only an administrator edits the roster", code="forbidden")
        with self._sessions() as s, s.begin():
            if (
                s.scalars(
                    select(ShiftDefinition.id).where(ShiftDefinition.code == shift_code)
                ).first()
                is None
            ):
                raise NotFound(f"shift {shift_code!r}")
            if expected is not None:
                now_rows = {
                    (r.agent_id, r.role)
                    for r in s.scalars(
                        select(ShiftRoster)
                        .where(ShiftRoster.shift_code == shift_code)
                        .with_for_update()
                    )
                }
                if now_rows != set(expected):
                    raise StaleWrite("roster", shift_code)
            s.execute(delete(ShiftRoster).where(ShiftRoster.shift_code == shift_code))
            seen: set[int] = set()
            for agent_id, role in entries:
                if role not in ("agent", "supervisor"):
                    raise ValidationFailed([FieldError("role", "unknown")])
                if agent_id in seen:
                    continue
                seen.add(agent_id)
                s.add(ShiftRoster(shift_code=shift_code, agent_id=agent_id, role=role))
            s.flush()
            names = _agent_names(s)
            return tuple(
                RosterEntry(shift_code, a, names.get(a, ""), r) for a, r in entries if a in seen
            )

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _window(
        shifts: Sequence[ShiftDef], at: datetime, code: str | None, day: date | None
    ) -> ShiftWindow:
        if code is None:
            return shift_at(shifts, at)
        for d in shifts:
            if d.code == code:
                return window(d, day or to_local(at).date())
        raise NotFound(f"shift {code!r}")

    @staticmethod
    def _stored_window(h: Handover) -> ShiftWindow:
        start, end = to_local(h.starts_at), to_local(h.ends_at)
        sd = ShiftDef(h.shift_code, h.shift_name or h.shift_code, start.time(), end.time())
        return ShiftWindow(sd, start.date(), h.starts_at, h.ends_at)

    @staticmethod
    def _load(s: Session, handover_id: int) -> Handover:
        h = s.get(Handover, handover_id)
        if h is None:
            raise NotFound(f"handover #{handover_id}")
        return h

    def _draft(self, s: Session, handover_id: int, version: int | None) -> Handover:
        h = self._load(s, handover_id)
        if h.status != HandoverStatus.DRAFT:
            raise Conflict(f"handover #{h.id} is {h.status}: it can no longer be changed")
        if version is not None and h.version != version:
            raise Conflict(f"handover #{h.id} was changed by someone else: reload it")
        return h

    def _commit_view(
        self, s: Session, h: Handover, items: list[SimpleNamespace] | None = None
    ) -> HandoverView:
        try:
            s.flush()
        except StaleDataError as exc:
            raise Conflict(f"handover #{h.id} was changed by someone else: reload it") from exc
        return self._view(s, h, items)

    @staticmethod
    def _item_view(it: Any, names: dict[int, str], label: str = "") -> ItemView:
        """From a HandoverItem or a row of its columns."""
        snap = it.snapshot or {}
        return ItemView(
            id=it.id,
            handover_id=it.handover_id,
            case_id=it.case_id,
            number=it.case_number,
            title=str(snap.get("title", "")),
            reason=it.reason,
            status=str(snap.get("status", "")),
            case_type=str(snap.get("type", "")),
            urgency=str(snap.get("urgency", "")),
            class_code=str(snap.get("class", "")),
            channel_code=str(snap.get("channel", "")),
            unit=str(snap.get("unit", "")),
            milestone=str(snap.get("milestone", "")),
            due_at=it.due_at,
            flagged=it.flagged,
            note=it.note,
            assignee_id=it.assignee_id,
            assignee=names.get(it.assignee_id or 0, ""),
            picked_up_by=names.get(it.picked_up_by_id or 0, ""),
            picked_up_at=it.picked_up_at,
            done_by=names.get(it.done_by_id or 0, ""),
            done_at=it.done_at,
            handover_label=label,
            version=getattr(it, "version", None) or 1,
        )

    def _view(
        self, s: Session, h: Handover, rows: list[SimpleNamespace] | None = None
    ) -> HandoverView:
        """``rows``: the items as just stored; read from the database when None."""
        names = _agent_names(s)
        order = {r.value: i for i, r in enumerate(Reason)}
        items = sorted(
            (
                self._item_view(it, names)
                # plain rows, not ORM objects: thousands of items load several times faster
                for it in (
                    rows
                    if rows is not None
                    else s.execute(
                        select(*HandoverItem.__table__.c).where(HandoverItem.handover_id == h.id)
                    )
                )
            ),
            key=lambda i: (
                not i.flagged,
                order.get(i.reason, 99),
                i.due_at is None,
                i.due_at or h.starts_at,
                i.number,
            ),
        )
        groups = tuple(
            GroupView(g.key, g.count, names.get(g.accepted_by_id or 0, ""), g.accepted_at)
            for g in s.scalars(
                select(HandoverGroup)
                .where(HandoverGroup.handover_id == h.id)
                .order_by(HandoverGroup.key)
            )
        )
        start = h.starts_at
        end = h.as_of or h.ends_at
        incidents = tuple(
            IncidentView(i.id, i.at, i.kind, i.text, names.get(i.reported_by_id or 0, ""))
            for i in s.scalars(
                select(ShiftIncident)
                .where(ShiftIncident.at >= start, ShiftIncident.at < end)
                .order_by(ShiftIncident.at)
            )
        )
        summary = h.summary or {}
        return HandoverView(
            id=h.id,
            version=h.version,
            shift_code=h.shift_code,
            shift_name=h.shift_name,
            starts_at=h.starts_at,
            ends_at=h.ends_at,
            label=window_label(self._stored_window(h)),
            next_label=str(summary.get("next_label", "")),
            status=h.status,
            coverage_from=h.coverage_from,
            as_of=h.as_of,
            notes=h.notes,
            created_by=names.get(h.created_by_id or 0, ""),
            submitted_by=names.get(h.submitted_by_id or 0, ""),
            submitted_by_id=h.submitted_by_id,
            submitted_at=h.submitted_at,
            acknowledged_by=names.get(h.acknowledged_by_id or 0, ""),
            acknowledged_at=h.acknowledged_at,
            acknowledge_note=h.acknowledge_note,
            figures=_figures_from(summary.get("figures", {})),
            gap=_gap_from(summary.get("gap")),
            items=tuple(items),
            groups=groups,
            incidents=incidents,
        )


def _shift_key(defs: Iterable[ShiftDef]) -> set[tuple[str, str, str, str]]:
    return {(d.code, d.name, d.starts.strftime("%H:%M"), d.ends.strftime("%H:%M")) for d in defs}


def _parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
