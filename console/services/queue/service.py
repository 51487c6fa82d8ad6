"""The queue service: pages, windows, counts and the read-only case detail."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.clock import now_utc
from console.models import Case
from console.services.queue.clauses import _columns
from console.services.queue.paging import (
    _mask_phone,
    _row,
    count,
    estimate,
    fetch_page,
    with_viewers,
)
from console.services.queue.query import (
    PageKey,
    QueueQuery,
    QueueRow,
)


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
