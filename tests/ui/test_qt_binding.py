"""Guards against defects of the Qt binding itself that would take the console down."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_signals_keeps_reference_counts(qapp: QApplication) -> None:
    """PySide6 6.12.0 dropped a reference to True on every emit(): the live queue's
    countdown emits once a second, so the console crashed within hours (bool_dealloc).
    On Python >= 3.12 True is immortal and the count cannot move; this guards 3.11."""
    e = _Emitter()
    received: list[int] = []
    e.fired.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(2000):
        e.fired.emit(i)
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert len(received) == 2000
    assert after == before
