"""The background runner: results on the GUI thread, errors routed, owners respected,
and nothing a worker touched is destroyed on the worker."""

from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from console.ui.runner import BackgroundRunner


def test_success_and_error_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    runner = BackgroundRunner(errors.append)
    seen: dict[str, Any] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread() is not threading.main_thread()
        return 42

    runner.run(
        work,
        lambda v: seen.update(value=v, gui=threading.current_thread() is threading.main_thread()),
    )
    runner.run(lambda: 1 / 0)
    qtbot.waitUntil(lambda: "value" in seen and bool(errors), timeout=5000)
    assert seen == {"worker": True, "value": 42, "gui": True}
    assert isinstance(errors[0], ZeroDivisionError)
    assert runner.in_flight == 0


def test_result_for_a_deleted_owner_is_dropped(qtbot: QtBot) -> None:
    runner = BackgroundRunner(lambda e: None)
    label = QLabel()
    got: list[int] = []
    runner.run(lambda: time.sleep(0.2) or 1, got.append, owner=label)
    label.deleteLater()
    qtbot.wait(50)
    assert runner.wait(5000)
    qtbot.wait(100)
    assert got == []


def test_objects_owned_by_the_work_die_on_the_gui_thread(qtbot: QtBot) -> None:
    """A closure over a QObject with a running timer, released while the work runs: the
    object must not be destroyed on the worker (Qt would warn, and the test fails on
    any Qt warning)."""
    runner = BackgroundRunner(lambda e: None)

    class Holder(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.timer = QTimer(self)
            self.timer.start(1000)

    holder = Holder()
    done: list[bool] = []

    def work(h: Holder = holder) -> bool:
        time.sleep(0.2)
        return h is not None

    runner.run(work, done.append)
    del holder, work
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [True]


def test_garbage_is_collected_on_the_gui_thread(qtbot: QtBot) -> None:
    import gc
    import weakref

    from console.ui.gc import GuiThreadCollector

    class Node:
        pass

    collector = GuiThreadCollector(interval_ms=20)
    was_enabled = gc.isenabled()
    collector.start()
    try:
        assert not gc.isenabled()
        a, b = Node(), Node()
        a.other, b.other = b, a  # type: ignore[attr-defined]
        probe = weakref.ref(a)
        del a, b
        qtbot.waitUntil(lambda: probe() is None, timeout=5000)  # freed by the timer
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()
