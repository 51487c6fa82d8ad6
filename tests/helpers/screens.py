"""The main window as a user signs in, for the suites that look at every screen."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from console.app import AppContext
from console.infra.settings import Settings
from console.ui.context import UiContext
from console.ui.main_window import MainWindow
from tests.helpers import fit
from tests.ui.conftest import off_gui_thread


def open_window(qtbot: QtBot, ctx: AppContext, username: str, tmp_path: Path) -> MainWindow:
    window = MainWindow(Settings(tmp_path / "w.ini"), demo=True)  # with the demo banner
    qtbot.addWidget(window)
    identity = off_gui_thread(lambda: ctx.agents.sign_in(username))
    window.attach(UiContext(ctx, identity, window.runner, window.messages))
    window.resize(fit.CLIENT)
    window.show()
    return window


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Let the screens' first queries come back and lay out their results."""
    for _ in range(3):
        window.runner.wait(10_000)
        qtbot.wait(150)


def close(qtbot: QtBot, window: MainWindow) -> None:
    settle(qtbot, window)
    window.close()
