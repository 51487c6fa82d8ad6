"""Queue queries: server-side filtering and sorting with keyset paging.

Every view is a WHERE clause over ``cases``; every sort a keyset over an index, so a
page costs the same on the first and on the millionth row:

- time left: ``(next_due_at, id)`` ascending, cases without a deadline last. The two
  parts are queried apart (deadline / no deadline) so that both engines walk an index
  in order (SQLite sorts NULL first, PostgreSQL last; ``NULLS LAST`` would defeat the
  index on SQLite);
- newest: ``(received_at, id)`` descending.

Pages go forward (``after``), backward (``before``, for scrolling up from the end and
for jumping to the end) or start at an offset (a jump into the middle: costs a scan of
the skipped index entries, the only non-constant step).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    and_,
    func,
    literal,
    or_,
    select,
    text,
    true,
    tuple_,
)
from sqlalchemy.orm import Session, aliased, sessionmaker

from console.domain.casetypes import CaseType, Status
from console.domain.clock import now_utc
from console.domain.validation import searchable
from console.models import (
    Agent,
    AgentPresence,
    BusinessClass,
    Case,
    HandlingUnit,
    MatterCategory,
    Region,
    UtcDateTime,
)
from console.models.case import OPEN_STATUS_SQL

#: "due soon" view: open cases whose next deadline falls within this window
DUE_SOON_WINDOW = timedelta(hours=4)
#: a console that has not sent a heartbeat for this long is no longer present
PRESENCE_TTL = timedelta(seconds=90)


class QueueView(StrEnum):
    OPEN = "open"  # every open case
    MINE = "mine"  # open cases assigned to me
    UNASSIGNED = "unassigned"  # the team queue: open, nobody holds it (of my team if set)
    TO_TRIAGE = "to_triage"  # received (saved, imported) or returned: the centre decides
    AWAITING_UNIT = "awaiting_unit"  # dispatched, not yet acknowledged by the unit
    CALLBACKS = "callbacks"  # closed demands waiting for the callback (回访)
    DUE_SOON = "due_soon"  # open, next deadline within DUE_SOON_WINDOW
    BREACHED = "breached"  # open and past the next deadline
    ALL = "all"  # every case, open or not (supervisors)


SUPERVISOR_VIEWS = frozenset({QueueView.ALL})


class QueueSort(StrEnum):
    TIME_LEFT = "time_left"  # next deadline first (default)
    NEWEST = "newest"  # most recently received first


@dataclass(frozen=True)
class QueueFilter:
    """A custom filter on top of a view; empty tuples mean "any"."""

    class_codes: tuple[str, ...] = ()
    category_ids: tuple[int, ...] = ()  # any level: a category matches its whole subtree
    district_ids: tuple[int, ...] = ()
    unit_ids: tuple[int, ...] = ()
    channel_codes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    urgencies: tuple[str, ...] = ()
    text: str = ""  # case number, caller (name or phone) or description

    @property
    def empty(self) -> bool:
        return self == QueueFilter()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v:
                out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QueueFilter:
        kw: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            v = data[f.name]
            kw[f.name] = str(v) if f.name == "text" else tuple(v)
        return cls(**kw)


@dataclass(frozen=True)
class QueueQuery:
    view: QueueView = QueueView.OPEN
    sort: QueueSort = QueueSort.TIME_LEFT
    agent_id: int | None = None  # for MINE; also "me" when listing who else has a case open
    team: str | None = None  # business class of the team, for UNASSIGNED
    filter: QueueFilter = field(default_factory=QueueFilter)


@dataclass(frozen=True)
class QueueRow:
    id: int
    number: str
    status: str
    case_type: str
    sub_type: str
    urgency: str
    class_name: str
    category: str
    district: str
    caller: str  # masked when the caller is confidential
    title: str
    assignee: str
    unit: str
    received_at: datetime
    next_milestone: str | None
    next_due_at: datetime | None
    channel: str = ""
    assignee_id: int | None = None
    version: int = 1
    viewers: tuple[str, ...] = ()  # other agents who have this case open right now
    # the next deadline's own colour thresholds and unit (console.domain.sla.countdown)
    next_warn_at: datetime | None = None
    next_critical_at: datetime | None = None
    next_limit_unit: str | None = None
    sla_paused: bool = False

    @property
    def key(self) -> tuple[datetime | None, int]:
        return (self.next_due_at, self.id)


@dataclass(frozen=True)
class PageKey:
    """Where the previous page ended: (sort value, id)."""

    value: datetime | None
    id: int


def _columns(query: QueueQuery) -> Select[*tuple[Any, ...]]:
    del query  # every view shows the same columns
    assignee = aliased(Agent)
    district = aliased(Region)
    return (
        select(
            Case.id,
            Case.number,
            Case.status,
            Case.case_type,
            Case.sub_type,
            Case.urgency,
            BusinessClass.name.label("class_name"),
            MatterCategory.path.label("category"),
            district.name.label("district"),
            Case.caller_name,
            Case.caller_phone,
            Case.caller_confidential,
            Case.title,
            assignee.display_name.label("assignee"),
            HandlingUnit.name.label("unit"),
            Case.received_at,
            Case.next_milestone,
            Case.next_due_at,
            Case.channel_code,
            Case.assignee_id,
            Case.version,
            Case.next_warn_at,
            Case.next_critical_at,
            Case.next_limit_unit,
            Case.sla_paused,
        )
        .join(BusinessClass, BusinessClass.code == Case.class_code)
        .outerjoin(MatterCategory, MatterCategory.id == Case.category_id)
        .outerjoin(district, district.id == Case.district_id)
        .outerjoin(assignee, assignee.id == Case.assignee_id)
        .outerjoin(HandlingUnit, HandlingUnit.id == Case.unit_id)
    )


def _is_open() -> ColumnElement[bool]:
    # the partial indexes' own predicate, word for word: SQLite uses a partial index only
    # when the query shows the same literal IN list, in the same order (bound parameters
    # hide it, and the open view's end then scanned every closed case: 0.7 s at 1M)
    return and_(text(f"cases.{OPEN_STATUS_SQL}"))


def view_filter(query: QueueQuery, now: datetime) -> ColumnElement[bool]:
    is_open = _is_open()
    match query.view:
        case QueueView.OPEN:
            return is_open
        case QueueView.MINE:
            return and_(is_open, Case.assignee_id == query.agent_id)
        case QueueView.UNASSIGNED:
            cond = and_(is_open, Case.assignee_id.is_(None))
            return and_(cond, Case.class_code == query.team) if query.team else cond
        case QueueView.TO_TRIAGE:
            return and_(is_open, Case.status.in_([Status.RECEIVED.value, Status.RETURNED.value]))
        case QueueView.AWAITING_UNIT:
            return and_(is_open, Case.status == Status.DISPATCHED)
        case QueueView.CALLBACKS:
            return and_(Case.status == Status.CLOSED, Case.case_type == CaseType.DEMAND)
        case QueueView.DUE_SOON:
            return and_(
                is_open,
                Case.next_due_at >= literal(now, UtcDateTime()),
                Case.next_due_at < literal(now + DUE_SOON_WINDOW, UtcDateTime()),
            )
        case QueueView.BREACHED:
            return and_(is_open, Case.next_due_at < literal(now, UtcDateTime()))
        case QueueView.ALL:
            return true()
    raise ValueError(query.view)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filter_clause(f: QueueFilter) -> ColumnElement[bool]:
    conds: list[ColumnElement[bool]] = []
    if f.class_codes:
        conds.append(Case.class_code.in_(f.class_codes))
    if f.category_ids:
        # a chosen category matches itself and everything below it
        sub, root = aliased(MatterCategory), aliased(MatterCategory)
        subtree = (
            select(sub.id)
            .join(root, or_(sub.id == root.id, sub.path.like(root.path + "/%")))
            .where(root.id.in_(f.category_ids))
        )
        conds.append(Case.category_id.in_(subtree))
    if f.district_ids:
        conds.append(Case.district_id.in_(f.district_ids))
    if f.unit_ids:
        conds.append(Case.unit_id.in_(f.unit_ids))
    if f.channel_codes:
        conds.append(Case.channel_code.in_(f.channel_codes))
    if f.statuses:
        conds.append(Case.status.in_(f.statuses))
    if f.urgencies:
        conds.append(Case.urgency.in_(f.urgencies))
    text = searchable(f.text).strip()
    if text:
        pattern = f"%{_escape_like(text)}%"
        conds.append(
            or_(
                Case.number.like(pattern, escape="\\"),
                and_(
                    Case.caller_confidential.is_(False),
                    or_(
                        Case.caller_name.like(pattern, escape="\\"),
                        Case.caller_phone.like(
                            f"%{_escape_like(text.replace(' ', '').replace('-', ''))}%",
                            escape="\\",
                        ),
                    ),
                ),
                Case.description.like(pattern, escape="\\"),
            )
        )
    return and_(true(), *conds) if conds else true()


def _where(query: QueueQuery, now: datetime) -> ColumnElement[bool]:
    return and_(view_filter(query, now), filter_clause(query.filter))


def _dt(v: datetime | None) -> Any:
    return literal(v, UtcDateTime())


# --- keyset pages ------------------------------------------------------------------


def _due_segment(
    stmt: Select[*tuple[Any, ...]], forward: bool, key: PageKey | None
) -> Select[*tuple[Any, ...]]:
    """Cases with a deadline, by (next_due_at, id)."""
    stmt = stmt.where(Case.next_due_at.is_not(None))
    pair = tuple_(Case.next_due_at, Case.id)
    if key is not None and key.value is not None:
        bound = tuple_(_dt(key.value), literal(key.id))
        stmt = stmt.where(pair > bound if forward else pair < bound)
    if forward:
        return stmt.order_by(Case.next_due_at.asc(), Case.id.asc())
    return stmt.order_by(Case.next_due_at.desc(), Case.id.desc())


def _nodue_segment(
    stmt: Select[*tuple[Any, ...]], forward: bool, key: PageKey | None
) -> Select[*tuple[Any, ...]]:
    """Cases without a deadline (sorted after those with one), by id."""
    stmt = stmt.where(Case.next_due_at.is_(None))
    if key is not None and key.value is None:
        stmt = stmt.where(Case.id > key.id if forward else Case.id < key.id)
    # (next_due_at, id) although next_due_at is NULL throughout: the order of the views'
    # (next_due_at, id) indexes, so the planner walks one instead of the primary key
    if forward:
        return stmt.order_by(Case.next_due_at.asc(), Case.id.asc())
    return stmt.order_by(Case.next_due_at.desc(), Case.id.desc())


def _newest(
    stmt: Select[*tuple[Any, ...]], forward: bool, key: PageKey | None
) -> Select[*tuple[Any, ...]]:
    pair = tuple_(Case.received_at, Case.id)
    if key is not None:
        bound = tuple_(_dt(key.value), literal(key.id))
        stmt = stmt.where(pair < bound if forward else pair > bound)
    if forward:
        return stmt.order_by(Case.received_at.desc(), Case.id.desc())
    return stmt.order_by(Case.received_at.asc(), Case.id.asc())


def _run(
    session: Session, stmt: Select[*tuple[Any, ...]], limit: int, offset: int = 0
) -> list[Row[Any]]:
    if limit <= 0:
        return []
    if offset:
        stmt = stmt.offset(offset)
    return list(session.execute(stmt.limit(limit)).all())


def _fetch(
    session: Session,
    query: QueueQuery,
    base: Select[*tuple[Any, ...]],
    limit: int,
    *,
    forward: bool,
    key: PageKey | None,
    offset: int = 0,
) -> list[Row[Any]]:
    if query.sort is QueueSort.NEWEST:
        return _run(session, _newest(base, forward, key), limit, offset)
    # time left: the deadline part and the no-deadline part, in walking order
    first, second = (_due_segment, _nodue_segment) if forward else (_nodue_segment, _due_segment)
    skip_first = key is not None and (
        (forward and key.value is None) or (not forward and key.value is not None)
    )
    rows: list[Row[Any]] = []
    if not skip_first:
        rows = _run(session, first(base, forward, key), limit, offset)
        if offset and not rows:
            # the offset lies beyond the first part: count it to skip into the second
            n_first = session.execute(
                select(func.count()).select_from(first(base, forward, None).subquery())
            ).scalar_one()
            offset = max(offset - int(n_first), 0)
        else:
            offset = 0
    rows += _run(
        session, second(base, forward, key if skip_first else None), limit - len(rows), offset
    )
    return rows


def fetch_page(
    session: Session,
    query: QueueQuery,
    after: PageKey | None = None,
    limit: int = 200,
    now: datetime | None = None,
    *,
    before: PageKey | None = None,
    from_end: bool = False,
    offset: int = 0,
) -> list[QueueRow]:
    """One page in display order. ``after``: the page following that key; ``before``
    or ``from_end``: the page ending just before that key / at the end of the queue;
    ``offset``: the page starting that many rows into the queue."""
    at = now or now_utc()
    base = _columns(query).where(_where(query, at))
    if before is not None or from_end:
        rows = _fetch(session, query, base, limit, forward=False, key=before)
        rows.reverse()
    else:
        rows = _fetch(session, query, base, limit, forward=True, key=after, offset=offset)
    result = [_row(m._mapping) for m in rows]
    return with_viewers(session, result, me=query.agent_id, now=at)


def with_viewers(
    session: Session, rows: Sequence[QueueRow], me: int | None, now: datetime
) -> list[QueueRow]:
    """The rows with the names of the other agents who have them open right now."""
    if not rows:
        return list(rows)
    ids = [r.id for r in rows]
    stmt = (
        select(AgentPresence.case_id, Agent.display_name)
        .join(Agent, Agent.id == AgentPresence.agent_id)
        .where(
            AgentPresence.case_id.in_(ids),
            AgentPresence.seen_at >= _dt(now - PRESENCE_TTL),
            AgentPresence.agent_id != me if me is not None else true(),
        )
        .order_by(AgentPresence.case_opened_at)
    )
    viewers: dict[int, list[str]] = {}
    for case_id, name in session.execute(stmt):
        if case_id is None:
            continue
        names = viewers.setdefault(int(case_id), [])
        if name not in names:
            names.append(str(name))
    if not viewers:
        return list(rows)
    return [replace(r, viewers=tuple(viewers[r.id])) if r.id in viewers else r for r in rows]


def _mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 8 else "****"


def _caller(m: Any) -> str:
    if m["caller_confidential"]:
        return "保密"  # confidential caller: never shown in lists
    name: str = m["caller_name"] or ""
    phone: str = m["caller_phone"] or ""
    return name or (_mask_phone(phone) if phone else "")


def _row(m: Any) -> QueueRow:
    return QueueRow(
        id=m["id"],
        number=m["number"],
        status=m["status"],
        case_type=m["case_type"],
        sub_type=m["sub_type"],
        urgency=m["urgency"],
        class_name=m["class_name"] or "",
        category=m["category"] or "",
        district=m["district"] or "",
        caller=_caller(m),
        title=m["title"] or "",
        assignee=m["assignee"] or "",
        unit=m["unit"] or "",
        received_at=m["received_at"],
        next_milestone=m["next_milestone"],
        next_due_at=m["next_due_at"],
        channel=m["channel_code"] or "",
        assignee_id=m["assignee_id"],
        version=m["version"],
        next_warn_at=m["next_warn_at"],
        next_critical_at=m["next_critical_at"],
        next_limit_unit=m["next_limit_unit"],
        sla_paused=bool(m["sla_paused"]),
    )


def page_key(query: QueueQuery, row: QueueRow) -> PageKey:
    if query.sort is QueueSort.NEWEST:
        return PageKey(row.received_at, row.id)
    return PageKey(row.next_due_at, row.id)


def count(session: Session, query: QueueQuery, now: datetime | None = None) -> int:
    stmt = select(func.count()).select_from(Case).where(_where(query, now or now_utc()))
    return int(session.execute(stmt).scalar_one())


def estimate(session: Session, query: QueueQuery, now: datetime | None = None) -> int | None:
    """The planner's estimate of the queue's size (PostgreSQL; None elsewhere): one
    planning round instead of counting a million rows. Used only to size the scroll bar
    until the exact count, read in the background, arrives."""
    if session.get_bind().dialect.name != "postgresql":
        return None
    stmt = select(Case.id).where(_where(query, now or now_utc()))
    conn = session.connection()
    sql = stmt.compile(conn, compile_kwargs={"render_postcompile": True})
    plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + str(sql), sql.params).scalar_one()
    if isinstance(plan, str):
        import json

        plan = json.loads(plan)
    return max(int(plan[0]["Plan"]["Plan Rows"]), 0)


@dataclass(frozen=True)
class HistoryEntry:
    kind: str
    at: datetime
    actor_name: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class CaseDetail:
    """What the read-only case view shows."""

    row: QueueRow
    caller_phone: str  # masked unless the caller may be shown
    address: str
    description: str
    answer: str
    enterprise_name: str
    final_due_at: datetime | None
    dispatched_at: datetime | None
    closed_at: datetime | None
    history: tuple[HistoryEntry, ...]


@dataclass(frozen=True)
class Window:
    """A contiguous stretch of the queue and the queue's size, read in one transaction."""

    total: int
    start: int  # position of rows[0]
    rows: list[QueueRow]
    exact: bool = True  # False: ``total`` is the planner's estimate (first page only)


class QueueService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def page(
        self,
        query: QueueQuery,
        after: PageKey | None = None,
        limit: int = 200,
        *,
        before: PageKey | None = None,
        from_end: bool = False,
        offset: int = 0,
    ) -> list[QueueRow]:
        with self._sessions() as s:
            return fetch_page(
                s, query, after, limit, before=before, from_end=from_end, offset=offset
            )

    def count(self, query: QueueQuery) -> int:
        with self._sessions() as s:
            return count(s, query)

    def window(
        self,
        query: QueueQuery,
        start: int,
        limit: int,
        *,
        anchor: PageKey | None = None,
        before: PageKey | None = None,
        from_end: bool = False,
        known_total: int | None = None,
        estimate_total: bool = False,
    ) -> Window:
        """The queue's size and ``limit`` rows from position ``start``: read after
        ``anchor`` (the key of the row before ``start``) when known, or ending before
        ``before`` (the key of the row at ``start + limit``), from the end when
        ``from_end``, else by offset. With ``known_total`` (scrolling, not refreshing)
        the queue is not counted again. With ``estimate_total`` (the first page of a new
        view, from the top) the size is the planner's estimate where there is one
        (``Window.exact`` False) and the caller counts afterwards: counting a million
        rows takes longer than reading the page people look at."""
        now = now_utc()
        with self._sessions() as s:
            if estimate_total and known_total is None and start <= 0 and not from_end:
                rows = fetch_page(s, query, None, limit, now)
                if len(rows) < limit:  # the whole view fits: the size is known
                    return Window(len(rows), 0, rows)
                guess = estimate(s, query, now)
                if guess is not None:
                    return Window(max(guess, len(rows)), 0, rows, exact=False)
                return Window(count(s, query, now), 0, rows)
            total = count(s, query, now) if known_total is None else known_total
            if before is not None:
                rows = fetch_page(s, query, limit=limit, now=now, before=before)
                return Window(total, max(start + limit - len(rows), 0), rows)
            if from_end:
                rows = fetch_page(s, query, limit=limit, now=now, from_end=True)
                return Window(total, max(total - len(rows), 0), rows)
            if start <= 0:
                rows = fetch_page(s, query, None, limit, now)
                return Window(total, 0, rows)
            if anchor is not None:
                rows = fetch_page(s, query, anchor, limit, now)
            else:
                rows = fetch_page(s, query, None, limit, now, offset=start)
            return Window(total, start, rows)

    def detail(self, case_id: int, me: int | None = None) -> CaseDetail:
        from console.models import CaseEvent
        from console.services.errors import NotFound

        now = now_utc()
        with self._sessions() as s:
            m = s.execute(_columns(QueueQuery()).where(Case.id == case_id)).first()
            case = s.get(Case, case_id)
            if m is None or case is None:
                raise NotFound(f"case #{case_id}")
            (row,) = with_viewers(s, [_row(m._mapping)], me, now)
            events = s.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
            )
            history = tuple(
                HistoryEntry(e.kind, e.at, e.actor_name, dict(e.detail or {})) for e in events
            )
            phone = case.caller_phone or ""
            return CaseDetail(
                row=row,
                caller_phone=""
                if case.caller_confidential
                else _mask_phone(phone)
                if phone
                else "",
                address=case.address,
                description=case.description,
                answer=case.answer,
                enterprise_name=case.enterprise_name,
                final_due_at=case.final_due_at,
                dispatched_at=case.dispatched_at,
                closed_at=case.closed_at,
                history=history,
            )

    def rows_by_id(self, ids: Iterable[int], me: int | None = None) -> list[QueueRow]:
        """Fresh rows for these cases (in no particular order), whatever their view."""
        id_list = list(ids)
        if not id_list:
            return []
        now = now_utc()
        with self._sessions() as s:
            stmt = _columns(QueueQuery()).where(Case.id.in_(id_list))
            rows = [_row(m._mapping) for m in s.execute(stmt)]
            return with_viewers(s, rows, me, now)


__all__ = [
    "DUE_SOON_WINDOW",
    "PRESENCE_TTL",
    "PageKey",
    "QueueFilter",
    "QueueQuery",
    "QueueRow",
    "QueueService",
    "QueueSort",
    "QueueView",
    "SUPERVISOR_VIEWS",
    "CaseDetail",
    "HistoryEntry",
    "Window",
    "count",
    "estimate",
    "fetch_page",
    "page_key",
    "view_filter",
]
