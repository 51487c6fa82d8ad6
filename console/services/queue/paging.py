"""Keyset pages over the queue, the viewers of their rows, and counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, func, literal, select, true, tuple_
from sqlalchemy.orm import Session

from console.domain.clock import now_utc
from console.models import Agent, AgentPresence, Case
from console.services.queue.clauses import _columns, _dt, _where
from console.services.queue.query import PRESENCE_TTL, PageKey, QueueQuery, QueueRow, QueueSort

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
