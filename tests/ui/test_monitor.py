"""The supervisor's monitoring screen against a real database: figures per queue,
status, class and unit, agents signed in, arrivals per hour; live; wall mode."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.domain.clock import now_utc
from console.services.monitor import MonitorService
from console.ui.context import UiContext
from console.ui.launch import load_style
from console.ui.monitor.screen import MonitorScreen
from console.ui.queue.live import LiveFeed
from tests.helpers.queue_data import add_agents, add_cases
from tests.ui.conftest import off_gui_thread


@pytest.fixture
def feed(ui_ctx: UiContext) -> Iterator[LiveFeed]:
    live = LiveFeed(ui_ctx.app.engine, poll_seconds=0.2)
    live.start()
    yield live
    live.stop()


def test_figures_from_the_database(ui_ctx: UiContext) -> None:
    sessions = ui_ctx.app.sessions
    now = now_utc()

    def setup() -> None:
        (a,) = add_agents(sessions, 1)
        ui_ctx.app.presence.heartbeat(a)
        add_cases(sessions, 2, due=now - timedelta(hours=1), received=now, class_code="city")
        add_cases(sessions, 1, due=now + timedelta(hours=1), received=now, class_code="consumer")
        add_cases(sessions, 1, due=now + timedelta(days=3), status="dispatched",
                  assignee_id=a.agent_id, received=now - timedelta(hours=3))  # fmt: skip
        add_cases(sessions, 1, status="closed", due=None)  # a callback due

    off_gui_thread(setup)
    f = off_gui_thread(lambda: MonitorService(sessions).figures(now))
    assert f.queues == {
        "open": 4,
        "unassigned": 3,
        "awaiting_unit": 1,
        "due_soon": 1,
        "breached": 2,
        "callbacks": 1,
    }
    assert f.by_status == {"received": 3, "dispatched": 1}
    by_class = {c.name: (c.due_soon, c.breached) for c in f.by_class}
    assert by_class == {"城市管理": (0, 2), "消费维权": (1, 0)}
    assert f.by_class[0].name == "城市管理"  # most breached first
    assert [a.open_cases for a in f.agents] == [1]
    assert len(f.arrivals) == 24 and sum(n for _h, n in f.arrivals) == 4
    assert f.arrivals[-1][1] == 3  # this hour


def test_screen_shows_figures_live_and_wall_mode(
    qtbot: QtBot, ui_ctx: UiContext, feed: LiveFeed
) -> None:
    sessions = ui_ctx.app.sessions
    off_gui_thread(lambda: add_cases(sessions, 2, due=now_utc() - timedelta(minutes=30)))
    screen = MonitorScreen(ui_ctx, feed=feed, refresh_seconds=60)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.figures is not None, timeout=10_000)
    assert screen.tiles["breached"].text() == "2"
    for model in (screen.status_model, screen.class_model, screen.unit_model, screen.agent_model):
        ModelTester(None).check(model, force_py=True)
    qtbot.waitUntil(lambda: feed.online is True, timeout=10_000)
    # another workstation saves a breached case: the wall shows it without any click
    off_gui_thread(lambda: add_cases(sessions, 1, due=now_utc() - timedelta(minutes=1)))
    qtbot.waitUntil(lambda: screen.tiles["breached"].text() == "3", timeout=5_000)
    normal = screen.tiles["open"].font().pointSizeF()
    screen.set_wall_mode(True)
    assert screen.wall_mode and screen.tiles["open"].font().pointSizeF() > 1.5 * normal
    assert screen.font().pointSizeF() > screen._base_font.pointSizeF()
    screen.set_wall_mode(False)
    assert screen.tiles["open"].font().pointSizeF() == pytest.approx(normal)


def test_large_type_enlarges_every_tile_under_the_style_sheet(
    qtbot: QtBot, ui_ctx: UiContext, feed: LiveFeed, qapp: QApplication
) -> None:
    """As the console runs (with its style sheet), the coloured tiles, due soon and
    breached, grow with the others."""
    sessions = ui_ctx.app.sessions
    off_gui_thread(lambda: add_cases(sessions, 2, due=now_utc() - timedelta(minutes=30)))
    off_gui_thread(lambda: add_cases(sessions, 1, due=now_utc() + timedelta(minutes=20)))
    qapp.setStyleSheet(load_style())
    try:
        screen = MonitorScreen(ui_ctx, feed=feed, refresh_seconds=60)
        qtbot.addWidget(screen)
        screen.show()
        qtbot.waitUntil(lambda: screen.tiles["breached"].text() == "2", timeout=5_000)

        def sizes() -> dict[str, float]:
            out = {}
            for key, label in screen.tiles.items():
                label.ensurePolished()
                out[key] = QFontInfo(label.font()).pointSizeF()
            return out

        normal = sizes()
        screen.set_wall_mode(True)
        large = sizes()
        for key in screen.tiles:
            assert large[key] > 1.5 * normal[key], key
        assert len(set(large.values())) == 1  # all tiles alike
        # the tables and captions grow too
        [table] = [t for t in screen.findChildren(QTableView) if t.model() is screen.status_model]
        table.ensurePolished()
        assert QFontInfo(table.font()).pointSizeF() > 1.5 * 10.5
        assert "color" in screen.tiles["breached"].styleSheet()
        screen.set_wall_mode(False)
        assert sizes() == normal
    finally:
        qapp.setStyleSheet("")
