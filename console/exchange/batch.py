"""Group commit for the exchange service's pushes.

Concurrent requests hand their work to one writer thread, which takes whatever has
queued (waiting at most ``window_s`` for more once the first arrives, up to ``max_items``)
and writes it in one transaction. Each request is answered only when the transaction
that holds its case has committed (its future is resolved after the commit), so a 201
never precedes durability; a failure of one item's own is its future's exception only.
While one batch is written the next one gathers, so the batches grow with the load and
a lone request waits at most the window.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from typing import Generic, TypeVar

log = logging.getLogger("console.exchange")

T = TypeVar("T")
R = TypeVar("R")

_STOP = object()


class GroupCommit(Generic[T, R]):
    """``submit(item)`` -> a future resolved by ``write(items)``, which returns one result
    or exception per item, in order (an exception it raises fails the whole batch)."""

    def __init__(
        self,
        write: Callable[[Sequence[T]], Sequence[R | BaseException]],
        *,
        window_s: float = 0.002,
        max_items: int = 64,
        name: str = "group-commit",
    ) -> None:
        self._write = write
        self._window = window_s
        self._max = max_items
        self._name = name
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False
        self.batches = 0
        self.items = 0

    def submit(self, item: T) -> Future[R]:
        fut: Future[R] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the service is stopping")
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
        self._queue.put((item, fut))
        return fut

    def close(self, timeout: float = 10.0) -> None:
        """Write what is queued, then stop the writer."""
        with self._lock:
            self._closed = True
            thread = self._thread
        if thread is not None:
            self._queue.put(_STOP)
            thread.join(timeout)

    def _gather(self, first: object) -> tuple[list[tuple[T, Future[R]]], bool]:
        batch: list[tuple[T, Future[R]]] = [first]  # type: ignore[list-item]
        stop = False
        deadline = time.monotonic() + self._window
        while len(batch) < self._max:
            try:
                nxt = self._queue.get_nowait()
            except queue.Empty:
                wait = deadline - time.monotonic()
                if wait <= 0:
                    break
                try:
                    nxt = self._queue.get(timeout=wait)
                except queue.Empty:
                    break
            if nxt is _STOP:
                stop = True
                break
            batch.append(nxt)  # type: ignore[arg-type]
        return batch, stop

    def _run(self) -> None:
        stop = False
        while not stop:
            first = self._queue.get()
            if first is _STOP:
                break
            batch, stop = self._gather(first)
            futures = [f for _i, f in batch]
            try:
                results = self._write([i for i, _f in batch])
            except BaseException as exc:  # noqa: BLE001 - every waiting request hears of it
                for f in futures:
                    f.set_exception(exc)
                continue
            self.batches += 1
            self.items += len(batch)
            for f, r in zip(futures, results, strict=True):
                if isinstance(r, BaseException):
                    f.set_exception(r)
                else:
                    f.set_result(r)
        # requests that arrived after the stop
        while True:
            try:
                left = self._queue.get_nowait()
            except queue.Empty:
                break
            if left is not _STOP:
                left[1].set_exception(RuntimeError("the service is stopping"))  # type: ignore[index]
