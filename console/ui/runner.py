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
    def __init__(self, fn: Callable[[], Any], relay: _Relay, envelope: dict[str, Any]) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self._envelope = envelope
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        try:
            self._envelope["result"] = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, never swallowed
            self._envelope["error"] = exc
        self._relay.done.emit(self._envelope)


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

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> None:
        envelope: dict[str, Any] = {
            "on_success": on_success,
            "on_error": on_error,
            "owner": owner,
        }
        self._in_flight += 1
        self.busy_changed.emit(self._in_flight)
        self._pool.start(_Task(fn, self._relay, envelope))

    def _deliver(self, envelope: dict[str, Any]) -> None:  # GUI thread
        self._in_flight -= 1
        self.busy_changed.emit(self._in_flight)
        owner = envelope["owner"]
        if owner is not None and not shiboken6.isValid(owner):
            log.debug("result dropped: its owner widget is gone")
            return
        if "error" in envelope:
            handler = envelope["on_error"] or self._default_error
            handler(envelope["error"])
        elif envelope["on_success"] is not None:
            envelope["on_success"](envelope.get("result"))

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the workers are idle (shutdown and tests only)."""
        return self._pool.waitForDone(msecs)
