"""The start-up flow as a user meets it: connect in the background, sign in, screens."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from console.infra.settings import DATABASE_URL, FIRST_START_DONE, Settings
from console.ui.dialogs import SettingsDialog, SignInDialog
from console.ui.launch import Startup
from console.ui.main_window import MainWindow
from console.ui.signin import CentralSignInDialog
from tests.helpers.db import sqlite_copy


def _args(**kw: object) -> argparse.Namespace:
    base: dict[str, object] = {
        "database": None,
        "demo": False,
        "lang": None,
        "user": None,
        "exit_when_ready": False,
    }
    base.update(kw)
    return argparse.Namespace(**base)


def _accept_sign_in_when_shown(qtbot: QtBot) -> None:
    def poll() -> None:
        dlg = QApplication.activeModalWidget()
        if isinstance(dlg, SignInDialog) and dlg.user.count() > 0:
            dlg.try_sign_in()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)


def test_start_sign_in_and_work(qtbot: QtBot, sqlite_template: Path, tmp_path: Path) -> None:
    url = sqlite_copy(sqlite_template, tmp_path)
    settings = Settings(tmp_path / "s.ini")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    startup = Startup(window, settings, _args(database=url, user="admin"))
    window.show()
    _accept_sign_in_when_shown(qtbot)
    startup.start()
    qtbot.waitUntil(lambda: window.ui is not None, timeout=15_000)
    assert window.ui is not None and window.ui.identity.username == "admin"
    # an administrator gets every screen, reports included
    assert {"entry", "queue", "handover", "inbox", "reports"} <= set(window.screens)
    assert window.nav.count() == len(window.screens)
    window.runner.wait(10_000)
    qtbot.wait(50)
    window.runner.wait(10_000)


def test_unreachable_database_says_so_and_offers_retry(qtbot: QtBot, tmp_path: Path) -> None:
    """The central database: the sign-in (own login and password) comes first; a server
    that cannot be reached is said so in it, and signing in again is the retry."""
    settings = Settings(tmp_path / "s.ini")
    settings.set(FIRST_START_DONE, True)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    startup = Startup(window, settings, _args(database="postgresql://nobody@127.0.0.1:9/none"))
    window.show()
    seen: list[str] = []

    def poll() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, CentralSignInDialog):
            QTimer.singleShot(20, poll)
            return
        if not seen:
            assert dlg.user.text() == "nobody"  # from the URL
            dlg.password.setText("secret-pw")
            dlg.try_sign_in()
            seen.append("tried")
        if dlg.ok.isEnabled() and "secret-pw" not in dlg.error.text():
            seen.append(dlg.error.text())
            dlg.reject()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    startup.start()
    # nobody signed in here before: a plain message, no driver text
    assert len(seen) == 2 and "not signed in on this computer before" in seen[1], seen
    assert "psycopg" not in seen[1] and "127.0.0.1" not in seen[1]
    assert window.ui is None
    window.runner.wait(10_000)


def test_settings_dialog_keeps_password_out_of_the_file(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    dlg = SettingsDialog(settings, window.runner, window)
    qtbot.addWidget(dlg)
    dlg.url.setText("postgresql://agent:pa55@db.example:5432/hotline")
    dlg._save()
    text = (tmp_path / "s.ini").read_text(encoding="utf-8")
    assert "pa55" not in text and "agent@db.example" in text


def test_settings_dialog_refuses_a_bad_url(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    dlg = SettingsDialog(settings, window.runner, window)
    qtbot.addWidget(dlg)
    dlg.url.setText("mysql://root@localhost/x")
    dlg._save()
    assert not (tmp_path / "s.ini").exists()
    assert "mysql" in dlg.feedback.text()


def test_settings_switch_the_database_without_a_restart(
    qtbot: QtBot, sqlite_template: Path, tmp_path: Path
) -> None:
    first, second = sqlite_copy(sqlite_template, tmp_path), sqlite_copy(sqlite_template, tmp_path)
    settings = Settings(tmp_path / "s.ini")
    settings.set(FIRST_START_DONE, True)
    settings.set(DATABASE_URL, first)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    startup = Startup(window, settings, _args(user="admin"))
    window.show()
    startup.start()
    qtbot.waitUntil(lambda: window.ui is not None, timeout=15_000)
    assert window.ui is not None and window.ui.app.url == first
    old = window.ui.app
    entry = window.screens["entry"]
    qtbot.waitUntil(entry.isEnabled, timeout=15_000)
    screens = len(window.screens)

    def poll() -> None:
        dlg = QApplication.activeModalWidget()
        if isinstance(dlg, SettingsDialog):
            dlg.url.setText(second)
            dlg._save()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    window.settings_action.trigger()
    qtbot.waitUntil(lambda: window.ui is not None and window.ui.app.url == second, timeout=15_000)
    assert settings.get(DATABASE_URL) == second
    assert window.ui is not None and window.ui.app is not old
    assert window.nav.count() == len(window.screens) == screens  # not twice
    new_entry = window.screens["entry"]
    assert new_entry is not entry
    qtbot.waitUntil(new_entry.isEnabled, timeout=15_000)


def test_a_unit_user_starts_in_the_unit_console(
    qtbot: QtBot, sqlite_template: Path, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from console.infra.database import make_engine, make_session_factory
    from console.models import Agent, HandlingUnit
    from tests.ui.conftest import off_gui_thread

    url = sqlite_copy(sqlite_template, tmp_path)

    def add_unit_user() -> None:
        engine = make_engine(url)
        with make_session_factory(engine)() as s, s.begin():
            unit = s.scalars(select(HandlingUnit.id).order_by(HandlingUnit.id)).first()
            s.add(Agent(username="unit_l", display_name="单位", role="unit", unit_id=unit))
        engine.dispose()

    off_gui_thread(add_unit_user)
    settings = Settings(tmp_path / "s.ini")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    startup = Startup(window, settings, _args(database=url, user="unit_l"))
    window.show()
    _accept_sign_in_when_shown(qtbot)
    startup.start()
    qtbot.waitUntil(lambda: window.ui is not None, timeout=15_000)
    assert list(window.screens) == ["inbox"]
    window.runner.wait(10_000)
    qtbot.wait(50)
    window.runner.wait(10_000)
