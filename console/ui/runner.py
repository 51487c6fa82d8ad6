"""One background runner for all database and I/O work.

``runner.run(fn, on_success, on_error, owner=widget)`` runs ``fn`` on a worker thread
and delivers its result (or exception) on the GUI thread through a queued signal.
A callback whose owner widget has been deleted meanwhile is dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger("console.ui")

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Relay(QObject):
    done = Signal(object)


class _Task(QRunnable):
    """Runs ``fn`` on a worker thread. It holds no reference to callbacks or widgets,
    and hands ``fn`` itself back with the result: every Python object that might own a
    QObject (a closure over a widget, say) is released on the GUI thread, never here —
    a QObject destroyed on a worker thread stops its timers from the wrong thread."""

    def __init__(self, fn: Callable[[], Any], relay: _Relay, token: int) -> None:
        super().__init__()
        self._payload: list[Any] = [token, fn]
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        payload = self._payload
        self._payload = []
        fn = payload[1]
        try:
            payload += [fn(), None]
        except BaseException as exc:  # delivered to the GUI thread, never swallowed
            payload += [None, exc]
        del fn
        try:
            self._relay.done.emit(payload)
        except RuntimeError:  # the runner went with its window: nobody waits for this
            log.debug("result dropped: the runner is gone")
        del payload  # the queued signal holds the last reference


class BackgroundRunner(QObject):
    """Runs callables off the GUI thread. ``busy_changed(int)`` reports work in flight."""

    busy_changed = Signal(int)

    def __init__(
        self,
        default_error: ErrorCallback,
        parent: QObject | None = None,
        max_threads: int = 4,
    ) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._default_error = default_error
        self._in_flight = 0
        self._next_token = 0
        self._pending: dict[int, tuple[Callback | None, ErrorCallback | None, QObject | None]] = {}

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> None:
        self._next_token += 1
        token = self._next_token
        self._pending[token] = (on_success, on_error, owner)
        self._in_flight += 1
        self.busy_changed.emit(self._in_flight)
        self._pool.start(_Task(fn, self._relay, token))

    def _deliver(self, payload: list[Any]) -> None:  # GUI thread
        token, _fn, result, error = payload
        on_success, on_error, owner = self._pending.pop(token)
        self._in_flight -= 1
        self.busy_changed.emit(self._in_flight)
        if owner is not None and not shiboken6.isValid(owner):
            log.debug("result dropped: its owner widget is gone")
            return
        if error is not None:
            (on_error or self._default_error)(error)
        elif on_success is not None:
            on_success(result)

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the workers are idle (shutdown and tests only)."""
        return self._pool.waitForDone(msecs)
