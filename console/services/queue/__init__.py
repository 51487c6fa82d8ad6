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

The package: ``query`` (what a page asks for and gets), ``clauses`` (the views' and
filters' WHERE clauses), ``paging`` (keyset pages, counts) and ``service``.
"""

from __future__ import annotations

from console.services.queue.clauses import view_filter
from console.services.queue.paging import count, estimate, fetch_page, page_key
from console.services.queue.query import (
    DUE_SOON_WINDOW,
    PRESENCE_TTL,
    SUPERVISOR_VIEWS,
    PageKey,
    QueueFilter,
    QueueQuery,
    QueueRow,
    QueueSort,
    QueueView,
)
from console.services.queue.service import CaseDetail, HistoryEntry, QueueService, Window

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
