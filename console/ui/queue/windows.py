"""What the queue model asks its fetcher for (a window of rows, a count), and the
fetcher that answers from a QueueService in the background."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from console.services.queue import PageKey, QueueQuery, QueueRow, Window


@dataclass(frozen=True)
class WindowRequest:
    start: int
    limit: int
    anchor: PageKey | None = None  # key of the row just above ``start``
    before: PageKey | None = None  # key of the row just below ``start + limit``
    from_end: bool = False
    known_total: int | None = None  # set for block loads: the size is not re-counted
    estimate: bool = False  # the first page of a view: an estimated size will do
    count_only: bool = False  # the exact size, no rows
    tail: bool = False  # the last rows while the size is an estimate: placed on the count


def fetch_window(service: Any, query: QueueQuery, req: WindowRequest) -> Window:
    """Run one request against a ``QueueService`` (in the background)."""
    if req.count_only:
        return Window(service.count(query), 0, [])
    return service.window(
        query,
        req.start,
        req.limit,
        anchor=req.anchor,
        before=req.before,
        from_end=req.from_end,
        known_total=req.known_total,
        estimate_total=req.estimate,
    )


WindowFetcher = Callable[[QueueQuery, WindowRequest], Window]
PageFetcher = Callable[[QueueQuery, PageKey | None, int], list[QueueRow]]


def _adapt(fetch: Callable[..., Any]) -> WindowFetcher:
    """Accept the older page fetcher ``(query, after, limit) -> rows`` too (fixed rows,
    e.g. in the countdown benchmark): it becomes a window without a known end."""
    import inspect

    try:
        n = len(inspect.signature(fetch).parameters)
    except (TypeError, ValueError):
        n = 2
    if n != 3:
        return fetch

    def window(query: QueueQuery, req: WindowRequest) -> Window:
        rows = fetch(query, req.anchor, req.limit)
        return Window(req.start + len(rows), req.start, rows)

    return window
