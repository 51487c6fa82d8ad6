from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.infra.settings import Settings
from console.ui.context import UiContext
from console.ui.handover.screen import HandoverScreen
from console.ui.main_window import MainWindow
from console.ui.queue.screen import QueueScreen


def test_window_composes_three_screens_with_shortcuts(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    window = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    ui = UiContext(ui_ctx.app, ui_ctx.identity, window.runner, window.messages)
    window.attach(ui)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    # the three first screens, then closing the loop's and any later ones
    assert list(window.screens)[:6] == ["entry", "queue", "handover", "inbox", "review",
                                      "callbacks"]  # fmt: skip
    assert window.nav.count() == len(window.screens)
    assert ui.identity.username in window.agent_label.text()
    assert ui.app.station in window.station_label.text()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.current_screen(), QueueScreen)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.current_screen(), HandoverScreen)
    assert not window.demo_banner.isVisible()
    window.runner.wait(10_000)
    qtbot.wait(50)  # deliver the screens' first results before the window goes
    window.runner.wait(10_000)


def test_demo_mode_is_labelled(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(Settings(tmp_path / "s.ini"), demo=True)
    qtbot.addWidget(window)
    window.show()
    assert window.demo_banner.isVisible()
    assert window.windowTitle().endswith(window.tr("DEMO"))


def test_a_unit_user_gets_only_the_unit_screens(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from console.domain.casetypes import Role
    from console.domain.identity import Identity
    from console.models import Agent, HandlingUnit
    from tests.ui.conftest import off_gui_thread

    def make_unit_user() -> Identity:
        with ui_ctx.app.sessions() as s, s.begin():
            unit = s.scalars(select(HandlingUnit.id).order_by(HandlingUnit.id)).first()
            assert unit is not None
            a = Agent(username="unitmw", display_name="单位用户", role=Role.UNIT, unit_id=unit)
            s.add(a)
            s.flush()
            return Identity(a.id, a.username, a.display_name, a.role, unit)

    who = off_gui_thread(make_unit_user)
    window = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.attach(UiContext(ui_ctx.app, who, window.runner, window.messages))
    window.show()
    assert list(window.screens) == ["inbox"]
    assert not window.import_action.isVisible()
    assert window.nav.count() == 1
    window.runner.wait(10_000)
    qtbot.wait(50)
    window.runner.wait(10_000)
