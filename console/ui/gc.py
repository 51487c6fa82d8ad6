"""Python's cyclic garbage collector runs in whichever thread happens to allocate. If it
frees a Qt object there (a widget in a reference cycle, say), the object is destroyed on
a worker thread: Qt warns "Timers cannot be stopped from another thread" at best and
deadlocks or crashes at worst. So the automatic collector is switched off and this
collects on the GUI thread instead, from a timer (the approach Anki's aqt takes)."""

from __future__ import annotations

import gc
import logging
import time

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger("console.ui")


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = 2000) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.collect)
        self._ticks = 0

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def collect(self) -> None:
        """Young generations often, a full collection every ~30 s."""
        self._ticks += 1
        started = time.perf_counter()
        found = gc.collect(2 if self._ticks % 15 == 0 else 0)
        took = (time.perf_counter() - started) * 1000
        if took > 50:
            log.info("garbage collection: %d objects in %.0f ms", found, took)
