"""SLA on screen: countdown words, breach notification, the administrators' dialogs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.domain.clock import now_utc
from console.domain.sla import BREACHED, TimeLeft
from console.domain.validation import CaseDraft
from console.models import MatterCategory, Region
from console.ui import labels
from console.ui.admin.sla_dialogs import CalendarDialog, PoliciesDialog
from console.ui.context import UiContext
from console.ui.sla_watch import SlaWatcher
from tests.ui.conftest import off_gui_thread


def test_countdown_words() -> None:
    assert labels.time_left_text(TimeLeft(2 * 86400 + 3600, "on_track", workdays=2)) == (
        "2 working day(s) left"
    )
    assert labels.time_left_text(TimeLeft(42 * 60 + 5, "critical")) == "42m 05s left"
    assert labels.time_left_text(TimeLeft(-(3 * 3600 + 5 * 60), BREACHED)) == "overdue 3h 5m"


def _urgent_case_received(ui: UiContext, minutes_ago: int) -> str:
    def work() -> str:
        with ui.app.sessions() as s:
            cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
            district = s.scalars(select(Region.id).where(Region.level == 1)).first()
        draft = CaseDraft(
            case_type="demand",
            sub_type="help",
            class_code="city",
            category_id=cat,
            district_id=district,
            caller_anonymous=True,
            description="燃气泄漏气味明显，请尽快处理",
            urgency="urgent",
        )
        saved = ui.app.cases.create(
            draft, ui.identity, now=now_utc() - timedelta(minutes=minutes_ago)
        )
        return saved.number

    return off_gui_thread(work)


def test_supervisor_is_told_of_a_new_breach(qtbot: QtBot, ui_ctx: UiContext) -> None:
    watcher = SlaWatcher(ui_ctx)
    number = _urgent_case_received(ui_ctx, minutes_ago=70)  # contact (1 h) is overdue
    with qtbot.waitSignal(watcher.breaches, timeout=10_000) as got:
        watcher.start()
    assert [b.number for b in got.args[0]] == [number]
    assert number in ui_ctx.messages.bar.label.text()
    # a second look finds nothing new: recorded once
    watcher.check()
    qtbot.waitUntil(lambda: not watcher._busy, timeout=10_000)
    assert ui_ctx.runner.wait(10_000)


def test_supervisor_is_told_when_the_audit_put_deadlines_back(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    """A deadline stored by hand (a year later) and put back by ``sla audit``: the
    supervisor's next sweep names the case, once."""
    from console.models import Case, CaseDeadline, DeadlineAudit
    from console.services.sla_audit import audit_queued

    number = _urgent_case_received(ui_ctx, minutes_ago=5)
    watcher = SlaWatcher(ui_ctx)
    watcher.start()
    qtbot.waitUntil(lambda: not watcher._busy, timeout=10_000)
    assert number not in ui_ctx.messages.bar.label.text()

    def forge_and_audit() -> int:
        sessions = ui_ctx.app.sessions
        with sessions() as s, s.begin():
            case = s.scalars(select(Case).where(Case.number == number)).one()
            row = s.get(CaseDeadline, (case.id, "contact"))
            assert row is not None and row.due_at is not None
            row.due_at += timedelta(days=365)
            s.add(DeadlineAudit(case_id=case.id, queued_at=now_utc()))
        return audit_queued(sessions).corrected

    assert off_gui_thread(forge_and_audit) == 1
    watcher.check()
    qtbot.waitUntil(lambda: not watcher._busy, timeout=10_000)
    text = ui_ctx.messages.bar.label.text()
    assert number in text and "audit" in text
    ui_ctx.messages.bar.label.clear()
    watcher.check()  # said once
    qtbot.waitUntil(lambda: not watcher._busy, timeout=10_000)
    assert number not in ui_ctx.messages.bar.label.text()
    assert ui_ctx.runner.wait(10_000)


def test_calendar_dialog_saves_an_override(qtbot: QtBot, ui_ctx: UiContext) -> None:
    dlg = CalendarDialog(ui_ctx)
    qtbot.addWidget(dlg)
    dlg.note.setText("closure")
    dlg.save_day()
    qtbot.waitUntil(lambda: dlg.table.rowCount() == 1, timeout=10_000)
    assert dlg.table.item(0, 2).text() == "closure"
    dlg.recompute()
    qtbot.waitUntil(lambda: "recomputed" in dlg.feedback.text(), timeout=10_000)


def test_policies_dialog_saves_a_new_version(qtbot: QtBot, ui_ctx: UiContext) -> None:
    dlg = PoliciesDialog(ui_ctx)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.table.rowCount() > 0, timeout=10_000)
    dlg.choice.setCurrentIndex(dlg.choice.findData("urgent"))
    before = dlg.current()
    assert before is not None
    limit = dlg.table.cellWidget(0, 2)
    assert isinstance(limit, QSpinBox)
    limit.setValue(2)
    dlg.save()
    qtbot.waitUntil(lambda: "version" in dlg.feedback.text(), timeout=10_000)
    qtbot.waitUntil(lambda: (dlg.current() or before).version == before.version + 1, timeout=10_000)
    after = dlg.current()
    assert after is not None and after.milestones[0].limit_value == 2


def test_sla_panel_pauses_resumes_and_extends(qtbot: QtBot, ui_ctx: UiContext) -> None:
    from console.ui.sla_panel import SlaPanel

    number = _urgent_case_received(ui_ctx, minutes_ago=10)

    def case_id() -> int:
        from console.models import Case

        with ui_ctx.app.sessions() as s:
            return int(s.scalars(select(Case.id).where(Case.number == number)).one())

    panel = SlaPanel(ui_ctx, off_gui_thread(case_id))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 4, timeout=10_000)
    assert "left" in panel.table.item(0, 5).text()  # contact: 50 minutes left
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.pause("等待市民提供照片")
    qtbot.waitUntil(lambda: panel.resume_button.isEnabled(), timeout=10_000)
    assert panel.table.item(0, 5).text() == labels.paused_text()
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.resume()
    qtbot.waitUntil(lambda: panel.pause_button.isEnabled(), timeout=10_000)
    new_due = now_utc() + timedelta(days=10)
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        panel.extend("result", new_due, "需跨部门协调", approve=True)
    qtbot.waitUntil(
        lambda: (
            panel.states[3].due_at is not None
            and abs((panel.states[3].due_at - new_due).total_seconds()) < 60
        ),
        timeout=10_000,
    )
    assert panel.states[3].original_due_at != panel.states[3].due_at


def test_an_unreachable_database_is_said_once_per_outage(
    qtbot: QtBot, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the central database is gone the status bar says so; the sweep every 30 s
    does not repeat it in the message bar, and says it again after a success."""
    from sqlalchemy.exc import OperationalError

    watcher = SlaWatcher(ui_ctx)
    said: list[BaseException] = []
    monkeypatch.setattr(ui_ctx.messages, "error", said.append)
    gone = OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))

    def unreachable() -> None:
        raise gone

    monkeypatch.setattr(ui_ctx.app.sla, "sweep", unreachable)
    for _ in range(3):
        watcher.check()
        qtbot.waitUntil(lambda: not watcher._busy, timeout=10_000)
    assert said == [gone]
    monkeypatch.undo()
    monkeypatch.setattr(ui_ctx.messages, "error", said.append)
    watcher.check()  # the database answers again
    qtbot.waitUntil(lambda: not watcher._busy, timeout=10_000)
    monkeypatch.setattr(ui_ctx.app.sla, "sweep", unreachable)
    watcher.check()
    qtbot.waitUntil(lambda: not watcher._busy, timeout=10_000)
    assert said == [gone, gone]
