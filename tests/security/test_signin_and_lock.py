"""Signing in with one's own database account, "remember me" in the keyring (never the
settings file or the log), and the idle lock that keeps a half-typed form."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import URL, make_url

from console.domain.casetypes import Role
from console.domain.identity import Identity
from console.infra import credentials
from console.infra.settings import DB_SSLMODE, DB_SSLROOTCERT, Settings
from console.signin import PasswordCheck
from console.ui.idle_lock import IdleLock, UnlockDialog, _Cover
from console.ui.runner import BackgroundRunner
from console.ui.signin import CentralSignInDialog
from tests.helpers.keyring_memory import MemoryKeyring
from tests.helpers.roles import PASSWORD, World

WHO = Identity(1, "admin", "系统管理员", Role.ADMIN)


def _central_url(world: World) -> str:
    """What a workstation has in its settings: the server, no user, no password."""
    u = make_url(world.owner_url)
    return URL.create(u.drivername, host=u.host, port=u.port, database=u.database).render_as_string(
        hide_password=False
    )


@pytest.mark.pg
def test_sign_in_as_own_login_remember_me_and_no_password_in_files_or_logs(
    qtbot: QtBot,
    world: World,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    settings = Settings(tmp_path / "s.ini")
    settings.set(DB_SSLMODE, "prefer")  # the local server may or may not offer TLS
    errors: list[BaseException] = []
    runner = BackgroundRunner(errors.append)
    login = world.login("a1")
    url = _central_url(world)
    dlg = CentralSignInDialog(url, settings, runner, prefill=login)
    qtbot.addWidget(dlg)
    assert dlg.password.echoMode() == QLineEdit.EchoMode.Password
    dlg.password.setText(PASSWORD)
    dlg.remember_me.setChecked(True)
    with qtbot.waitSignal(dlg.accepted, timeout=20_000):
        dlg.try_sign_in()
    assert dlg.result_ is not None and dlg.check is not None
    ctx, identity = dlg.result_.ctx, dlg.result_.identity
    try:
        assert identity.username == login and identity.role == Role.AGENT
        assert make_url(ctx.url).username == login  # connected as the person's own login
        assert make_url(ctx.url).query.get("sslmode") == "prefer"
        assert PASSWORD not in ctx.masked_url
        with ctx.engine.connect() as c:
            assert c.exec_driver_sql("SELECT current_user").scalar() == login
        settings.save()
        assert PASSWORD not in (tmp_path / "s.ini").read_text(encoding="utf-8")
        assert credentials.remembered(url, login) == PASSWORD  # in the keyring only
        assert all(PASSWORD not in r.getMessage() for r in caplog.records)
        assert dlg.check.check(PASSWORD) is True
    finally:
        ctx.close()
    # next time the password comes from the keyring; unticked, it is forgotten
    again = CentralSignInDialog(url, settings, runner, prefill=login)
    qtbot.addWidget(again)
    assert again.password.text() == PASSWORD and again.remember_me.isChecked()
    again.remember_me.setChecked(False)
    with qtbot.waitSignal(again.accepted, timeout=20_000):
        again.try_sign_in()
    assert again.result_ is not None
    again.result_.ctx.close()
    assert credentials.remembered(url, login) is None
    runner.wait(10_000)
    assert errors == []


@pytest.mark.pg
def test_unknown_login_is_refused_plainly(qtbot: QtBot, world: World, tmp_path: Path) -> None:
    errors: list[BaseException] = []
    runner = BackgroundRunner(errors.append)
    dlg = CentralSignInDialog(_central_url(world), Settings(tmp_path / "s.ini"), runner)
    qtbot.addWidget(dlg)
    dlg.user.setText(world.login("nobody"))
    dlg.password.setText("whatever-1")
    dlg.try_sign_in()
    qtbot.waitUntil(lambda: dlg.ok.isEnabled(), timeout=20_000)
    assert dlg.result() == 0 and dlg.result_ is None
    assert dlg.error.text().startswith("Wrong user name or password")
    runner.wait(10_000)


def test_tls_settings_reach_the_connection(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    settings.set(DB_SSLMODE, "verify-full")
    settings.set(DB_SSLROOTCERT, "/etc/hotline/ca.pem")
    url = credentials.login_url(
        "postgresql://db.example/hotline", "wang", "pw", credentials.tls_options(settings)
    )
    u = make_url(url)
    assert u.username == "wang" and u.password == "pw"
    assert dict(u.query) == {"sslmode": "verify-full", "sslrootcert": "/etc/hotline/ca.pem"}
    assert credentials.tls_options(Settings(tmp_path / "other.ini")) == {"sslmode": "prefer"}


def test_password_check_falls_back_to_the_sign_in_when_the_server_is_gone() -> None:
    check = PasswordCheck("postgresql://wang@127.0.0.1:9/hotline", WHO, "Right-pass-1")
    assert check.password is None  # only a salted hash is kept
    assert check.check("Right-pass-1") is True
    assert check.check("wrong") is False
    embedded = PasswordCheck("sqlite:///x.sqlite3", WHO)
    assert embedded.check("admin") is True and embedded.check("agent01") is False


def _window(qtbot: QtBot) -> tuple[QWidget, QLineEdit]:
    window = QWidget()
    qtbot.addWidget(window)
    field = QLineEdit(window)
    QVBoxLayout(window).addWidget(field)
    window.resize(500, 300)
    window.show()
    qtbot.waitExposed(window)
    return window, field


def test_idle_lock_covers_asks_and_keeps_the_form(qtbot: QtBot) -> None:
    window, field = _window(qtbot)
    field.setText("市民反映路灯")  # a half-typed case
    qtbot.keyClicks(field, " 12")
    errors: list[BaseException] = []
    runner = BackgroundRunner(errors.append)
    lock = IdleLock(window, PasswordCheck("sqlite:///x.sqlite3", WHO), runner, 300)
    with qtbot.waitSignal(lock.locked_changed, timeout=5_000):
        pass
    assert lock.locked
    covers = [c for c in window.findChildren(_Cover) if c.isVisible()]
    assert covers and covers[0].geometry() == window.rect()
    dialog = lock.dialog
    assert isinstance(dialog, UnlockDialog) and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.ApplicationModal
    dialog.reject()  # Escape / close do not dismiss it
    assert dialog.isVisible() and lock.locked
    dialog.secret.setText("agent01")  # someone else
    dialog.try_unlock()
    qtbot.waitUntil(lambda: dialog.button.isEnabled(), timeout=5_000)
    assert lock.locked and dialog.error.text()
    dialog.secret.setText("admin")
    with qtbot.waitSignal(lock.locked_changed, timeout=5_000) as sig:
        dialog.try_unlock()
    assert sig.args == [False] and not lock.locked
    assert not [c for c in window.findChildren(_Cover) if c.isVisible()]
    assert field.text() == "市民反映路灯 12"  # nothing lost underneath
    assert lock.timer.isActive()  # and the clock runs again
    lock.stop()
    runner.wait(5_000)
    assert errors == []


def test_activity_keeps_the_console_unlocked(qtbot: QtBot) -> None:
    window, field = _window(qtbot)
    runner = BackgroundRunner(lambda _e: None)
    lock = IdleLock(window, PasswordCheck("sqlite:///x.sqlite3", WHO), runner, 400)
    for _ in range(8):  # 8 × 100 ms of typing: twice the idle period
        qtbot.keyClick(field, "a")
        qtbot.wait(100)
    assert not lock.locked and field.text() == "a" * 8
    qtbot.waitUntil(lambda: lock.locked, timeout=5_000)
    lock.unlock()
    lock.set_timeout(0)  # 0: never
    qtbot.wait(600)
    assert not lock.locked and not lock.timer.isActive()
    lock.stop()
