"""Fixtures for driving real widgets offscreen against a real database."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from console.app import AppContext, open_context
from console.infra.database import make_engine, make_session_factory
from console.infra.settings import Settings
from console.migrations import upgrade
from console.seed.demo import seed_demo
from console.seed.reference import seed_reference
from console.ui.context import UiContext
from console.ui.i18n import install_translators
from console.ui.launch import load_style
from console.ui.messages import MessageBar, Messages
from console.ui.runner import BackgroundRunner

T = TypeVar("T")


def off_gui_thread(fn: Callable[[], T]) -> T:
    """Test set-up that touches the database runs on a thread of its own, so that the
    guard below can insist that the widgets never query on the GUI thread."""
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            box["error"] = exc

    t = threading.Thread(target=work)
    t.start()
    t.join()
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


@pytest.fixture
def app_ctx(db_url: str, tmp_path: Path) -> Iterator[AppContext]:
    ctx = off_gui_thread(lambda: open_context(db_url, Settings(tmp_path / "settings.ini")))
    on_gui_thread: list[str] = []

    def guard(conn: object, cursor: object, statement: str, *args: object) -> None:
        if threading.current_thread() is threading.main_thread():
            on_gui_thread.append(statement.split("\n")[0][:120])

    event.listen(ctx.engine, "before_cursor_execute", guard)
    yield ctx
    event.remove(ctx.engine, "before_cursor_execute", guard)
    ctx.close()
    assert on_gui_thread == [], f"SQL ran on the GUI thread: {on_gui_thread}"


@pytest.fixture
def ui_ctx(qtbot: QtBot, app_ctx: AppContext) -> Iterator[UiContext]:
    bar = MessageBar()
    qtbot.addWidget(bar)
    errors: list[BaseException] = []
    runner = BackgroundRunner(errors.append)
    identity = off_gui_thread(lambda: app_ctx.agents.sign_in("admin"))
    ui = UiContext(app_ctx, identity, runner, Messages(bar))
    yield ui
    runner.wait(10_000)
    assert not errors, f"background errors: {errors!r}"


# --- a shift's worth of demo data, in Chinese (the 1366×768 and language suites) ---


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("fit") / "demo.sqlite3"

    def make() -> None:
        engine = make_engine(str(path))
        upgrade(engine)
        sessions: sessionmaker[Session] = make_session_factory(engine)
        with sessions() as s, s.begin():
            seed_reference(s)
        seed_demo(sessions, station="001", days=2, per_day=60)
        engine.dispose()

    off_gui_thread(make)
    return str(path)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """As the console starts: Chinese, with its style sheet (its fonts are larger)."""
    translators = install_translators(qapp, "zh_CN")
    qapp.setStyleSheet(load_style())
    yield
    qapp.setStyleSheet("")
    for t in translators:
        qapp.removeTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def demo_ctx(demo_db: str, tmp_path: Path) -> Iterator[AppContext]:
    ctx = off_gui_thread(lambda: open_context(demo_db, Settings(tmp_path / "s.ini")))
    yield ctx
    ctx.close()
