"""One place shows failures: a refusal is a translated warning, the environment an error
message, a bug the crash dialog; never the crash dialog for a refusal, even one that
escapes to the excepthook."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, OperationalError

from console.app import AppContext
from console.domain.errors import Refused
from console.services.queue import QueueView
from console.ui import crash, messages
from console.ui.context import UiContext
from console.ui.errors import describe
from console.ui.messages import ERROR, WARNING, MessageBar, Messages
from console.ui.queue.screen import QueueScreen
from console.ui.runner import BackgroundRunner
from tests.helpers.queue_data import add_agents, add_cases
from tests.ui.conftest import off_gui_thread

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
ASSIGN = Refused("only a supervisor assigns cases", code="forbidden")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load("console_zh_CN", str(TRANSLATIONS))
    assert qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def bugs(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """What would have opened the crash dialog."""
    seen: list[BaseException] = []
    monkeypatch.setattr(messages, "report_bug", seen.append)
    return seen


@pytest.fixture
def bar(qtbot: QtBot) -> MessageBar:
    b = MessageBar()
    qtbot.addWidget(b)
    return b


def _sqlite_error(sql: str, tmp_path: Path) -> DBAPIError:
    engine = create_engine(f"sqlite:///{tmp_path / 'e.db'}")
    try:
        with pytest.raises(DBAPIError) as caught, engine.begin() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()
    return caught.value


def test_a_refusal_is_a_translated_warning(
    chinese: None, bar: MessageBar, bugs: list[BaseException]
) -> None:
    Messages(bar).error(Refused("case {number} is held by another agent", number="N-7"))
    assert not bar.isHidden() and bar.level == WARNING
    assert bar.label.text() == "工单 N-7 正由其他话务员处理"
    assert bugs == []


def test_the_environment_is_an_error_message(bar: MessageBar, bugs: list[BaseException]) -> None:
    Messages(bar).error(OperationalError("SELECT 1", {}, ConnectionRefusedError("refused")))
    assert not bar.isHidden() and bar.level == ERROR
    assert "not answering" in bar.label.text()
    assert bugs == []


def test_a_syntax_error_on_sqlite_is_a_bug_not_the_database_away(
    bar: MessageBar, bugs: list[BaseException], tmp_path: Path
) -> None:
    for sql in ("SELEC 1", "SELECT * FROM no_such_table"):
        exc = _sqlite_error(sql, tmp_path)
        assert isinstance(exc.orig, sqlite3.OperationalError)
        Messages(bar).error(exc)
        assert bugs[-1] is exc
    assert bar.isHidden()


def test_a_guard_in_the_database_is_a_refusal(
    bar: MessageBar, bugs: list[BaseException], tmp_path: Path
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'g.db'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE h (x INTEGER)"))
        conn.execute(text("INSERT INTO h VALUES (1)"))
        conn.execute(
            text("CREATE TRIGGER h_guard BEFORE DELETE ON h BEGIN SELECT RAISE(ABORT, 'kept'); END")
        )
    with pytest.raises(DBAPIError) as caught, engine.begin() as conn:
        conn.execute(text("DELETE FROM h"))
    engine.dispose()
    Messages(bar).error(caught.value)
    assert bugs == [] and bar.level == WARNING
    assert bar.label.text() == "The database refused this change: kept"


def test_the_runner_default_path_shows_a_refusal(
    qtbot: QtBot, chinese: None, bar: MessageBar, bugs: list[BaseException]
) -> None:
    runner = BackgroundRunner(Messages(bar).error)

    def refuse() -> None:
        raise ASSIGN

    runner.run(refuse)
    qtbot.waitUntil(lambda: not bar.isHidden(), timeout=5000)
    assert bar.label.text() == "只有班长可以分配工单" and bugs == []
    runner.wait()


@pytest.mark.error_log_expected  # the bug is provoked on purpose
def test_a_refusal_that_escapes_never_opens_the_crash_dialog(
    monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    opened: list[str] = []

    def fake_exec(self: object) -> int:
        opened.append("crash")
        return 0

    monkeypatch.setattr(crash.CrashDialog, "exec", fake_exec)
    shown: list[BaseException] = []
    crash.route_failures(shown.append)
    try:
        crash._hook(Refused, ASSIGN, None)
        assert shown == [ASSIGN] and opened == []
        bug = ValueError("a real bug")
        crash._hook(ValueError, bug, None)
        assert opened == ["crash"] and shown == [ASSIGN]
    finally:
        crash.route_failures(None)
    crash._hook(Refused, ASSIGN, None)  # no message bar: logged, still no crash dialog
    assert opened == ["crash"]


def test_a_screen_shows_the_services_refusal_in_the_users_language(
    qtbot: QtBot, chinese: None, app_ctx: AppContext, bar: MessageBar, bugs: list[BaseException]
) -> None:
    """An agent (not a supervisor) assigning a case: the queue says why, in Chinese."""
    sessions = app_ctx.sessions
    agent, other = off_gui_thread(lambda: add_agents(sessions, 2))
    off_gui_thread(lambda: add_cases(sessions, 3))
    runner = BackgroundRunner(bugs.append)
    ui = UiContext(app_ctx, agent, runner, Messages(bar))
    screen = QueueScreen(ui, refresh_seconds=60)
    qtbot.addWidget(screen)
    screen.resize(1200, 500)
    screen.show()
    screen.view_box.setCurrentIndex(screen.view_box.findData(QueueView.OPEN.value))
    qtbot.waitUntil(lambda: screen.model.loaded_once and not screen.model.busy, timeout=10_000)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 3, timeout=10_000)
    screen.table.selectRow(0)
    assert screen.selected_case_ids()
    screen.assign_selected(other.agent_id)
    qtbot.waitUntil(lambda: not bar.isHidden(), timeout=10_000)
    assert bar.level == WARNING and bar.label.text() == "只有班长可以分配工单"
    assert describe(ASSIGN) == "只有班长可以分配工单"
    runner.wait()
    assert bugs == []


def test_a_panel_with_its_own_feedback_line_still_reports_a_bug(
    qtbot: QtBot, ui_ctx: UiContext, bugs: list[BaseException], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The SLA panel says a refusal on its own line; a bug is not hidden there."""
    from console.services.errors import ServiceError
    from console.ui.sla_panel import SlaPanel

    calls: list[int] = []

    def deadlines(case_id: int) -> object:
        calls.append(case_id)
        if len(calls) == 1:
            raise ServiceError("the case has no SLA policy")
        raise KeyError("next_due_at")

    monkeypatch.setattr(ui_ctx.app.sla, "deadlines", deadlines)
    panel = SlaPanel(ui_ctx, 1)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.feedback.text() != "", timeout=5000)
    assert panel.feedback.text() == "the case has no SLA policy" and bugs == []
    panel.reload()
    qtbot.waitUntil(lambda: bool(bugs), timeout=5000)
    assert isinstance(bugs[0], KeyError) and panel.feedback.text() == ""
