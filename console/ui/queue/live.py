"""The change feed as Qt signals (delivered on the GUI thread): one per main window,
shared by the queue and the monitoring screen."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Engine

from console.sync import Change, ChangeFeed


class LiveFeed(QObject):
    changed = Signal(object)  # list[console.sync.Change]
    online_changed = Signal(bool)

    def __init__(
        self, engine: Engine, parent: QObject | None = None, poll_seconds: float = 2.0
    ) -> None:
        super().__init__(parent)
        # the feed thread emits; Qt queues the signals to this object's (GUI) thread
        self.feed = ChangeFeed(
            engine, self._emit_changes, self._emit_state, poll_seconds=poll_seconds
        )
        self.online: bool | None = None

    def _emit_changes(self, changes: list[Change]) -> None:  # feed thread
        self.changed.emit(changes)

    def _emit_state(self, online: bool) -> None:  # feed thread
        self.online = online
        self.online_changed.emit(online)

    def start(self) -> None:
        self.feed.start()

    def stop(self) -> None:
        self.feed.stop()

    @property
    def uses_notify(self) -> bool:
        return self.feed.uses_notify
