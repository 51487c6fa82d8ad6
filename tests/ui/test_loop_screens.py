"""The loop's screens driven offscreen against both engines: a unit's inbox (its own
user, and an agent on its behalf), the centre's review, the callback screen with its
keyboard shortcuts. No SQL on the GUI thread (the ui_ctx fixture checks)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.domain.casetypes import EventKind, Role, Status
from console.domain.identity import Identity
from console.domain.validation import CaseDraft
from console.models import Agent, Case, CaseEvent, HandlingUnit, MatterCategory, Region
from console.services.cases import DISPATCH
from console.ui.context import UiContext
from console.ui.loop.callbacks import CallbackScreen
from console.ui.loop.centre import CentreScreen
from console.ui.loop.inbox import UnitInboxScreen
from tests.ui.conftest import off_gui_thread


@pytest.fixture(autouse=True)
def _delete_widgets_on_the_gui_thread() -> Iterator[None]:
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _setup(ui: UiContext) -> tuple[int, Identity]:
    """Unit id of the first unit and its user."""
    sessions = ui.app.sessions

    def work() -> tuple[int, Identity]:
        with sessions() as s, s.begin():
            unit = s.scalars(select(HandlingUnit.id).order_by(HandlingUnit.id)).first()
            assert unit is not None
            a = Agent(username="unitui", display_name="单位用户", role=Role.UNIT, unit_id=unit)
            s.add(a)
            s.flush()
            return unit, Identity(a.id, a.username, a.display_name, a.role, unit)

    return off_gui_thread(work)


def _case(ui: UiContext, unit: int) -> int:
    app = ui.app

    def work() -> int:
        with app.sessions() as s:
            cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
            district = s.scalars(select(Region.id).where(Region.level == 1)).first()
        draft = CaseDraft(
            case_type="demand",
            sub_type="complaint",
            class_code="city",
            category_id=cat,
            district_id=district,
            caller_name="李先生",
            caller_phone="13800138000",
            description="楼下餐馆油烟扰民，请处理",
        )
        return app.cases.create(draft, ui.identity, action=DISPATCH, unit_id=unit).id

    return off_gui_thread(work)


def _status(ui: UiContext, cid: int) -> str:
    app = ui.app

    def work() -> str:
        with app.sessions() as s:
            return str(s.execute(select(Case.status).where(Case.id == cid)).scalar_one())

    return off_gui_thread(work)


def _events(ui: UiContext, cid: int) -> list[tuple[str, dict[str, Any]]]:
    app = ui.app

    def work() -> list[tuple[str, dict[str, Any]]]:
        with app.sessions() as s:
            return [
                (k, dict(d))
                for k, d in s.execute(
                    select(CaseEvent.kind, CaseEvent.detail)
                    .where(CaseEvent.case_id == cid)
                    .order_by(CaseEvent.id)
                )
            ]

    return off_gui_thread(work)


def _focus() -> Any:
    w = QApplication.focusWidget()
    assert w is not None
    return w


def _wait_buttons(qtbot: QtBot, screen: UnitInboxScreen, *steps: str) -> None:
    qtbot.waitUntil(lambda: set(screen.step_buttons) == set(steps), timeout=10_000)


def test_unit_user_works_its_inbox(qtbot: QtBot, ui_ctx: UiContext) -> None:
    unit, who = _setup(ui_ctx)
    cid = _case(ui_ctx, unit)
    ctx = replace(ui_ctx, identity=who)
    screen = UnitInboxScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    ModelTester(None).check(screen.model)  # type: ignore[arg-type]
    assert not screen.unit.isEnabled() and screen.unit.count() == 1
    assert screen.model.rows[0].case_id == cid
    screen.cases.selectRow(0)
    _wait_buttons(qtbot, screen, "accepted", "returned")
    screen.step_buttons["accepted"].click()
    qtbot.waitUntil(lambda: _status(ui_ctx, cid) == Status.ACCEPTED, timeout=10_000)
    _wait_buttons(
        qtbot, screen, "contacted", "on_scene", "progress", "replied", "returned",
        "extension_requested",
    )  # fmt: skip
    asked: list[tuple[str, bool]] = []

    def answer(title: str, prompt: str, required: bool) -> str:
        asked.append((title, required))
        return "已约谈餐馆负责人并加装油烟净化器"

    screen.ask_text = answer
    screen.step_buttons["replied"].click()
    qtbot.waitUntil(lambda: _status(ui_ctx, cid) == Status.REPLIED, timeout=10_000)
    assert asked and asked[0][1] is True  # a result needs its text
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=10_000)  # with the centre
    ev = dict(_events(ui_ctx, cid))
    assert ev["accepted"]["on_behalf"] is False and ev["accepted"]["unit_role"] == "lead"
    assert ev["replied"]["reply"] == "已约谈餐馆负责人并加装油烟净化器"


def test_agent_records_on_behalf_and_centre_reviews(qtbot: QtBot, ui_ctx: UiContext) -> None:
    unit, _who = _setup(ui_ctx)
    cid = _case(ui_ctx, unit)
    screen = UnitInboxScreen(ui_ctx)  # the admin, an agent of the centre
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitUntil(lambda: screen.unit.count() > 1, timeout=10_000)
    assert screen.unit.isEnabled()
    screen.select_unit(unit)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    screen.cases.selectRow(0)
    _wait_buttons(qtbot, screen, "accepted", "returned")
    screen.step_buttons["accepted"].click()
    _wait_buttons(
        qtbot, screen, "contacted", "on_scene", "progress", "replied", "returned",
        "extension_requested",
    )  # fmt: skip
    screen.ask_text = lambda *_a: "处理完毕"
    screen.step_buttons["replied"].click()
    qtbot.waitUntil(lambda: _status(ui_ctx, cid) == Status.REPLIED, timeout=10_000)
    assert dict(_events(ui_ctx, cid))["accepted"]["on_behalf"] is True

    centre = CentreScreen(ui_ctx)
    qtbot.addWidget(centre)
    centre.show()
    qtbot.waitUntil(lambda: centre.review_model.rowCount() == 1, timeout=10_000)
    ModelTester(None).check(centre.review_model)  # type: ignore[arg-type]
    centre.review.selectRow(0)
    assert centre.accept_button.isEnabled() and not centre.redispatch_button.isEnabled()
    centre.ask_text = lambda *_a: None  # cancelled: nothing happens
    centre.send_back_button.click()
    centre.ask_text = lambda *_a: "未说明整改时限"
    centre.send_back_button.click()
    qtbot.waitUntil(lambda: _status(ui_ctx, cid) == Status.IN_PROGRESS, timeout=10_000)
    qtbot.waitUntil(lambda: centre.review_model.rowCount() == 0, timeout=10_000)
    kinds = [k for k, _ in _events(ui_ctx, cid)]
    assert kinds.count("sent_back") == 1


def test_callback_screen_with_keyboard(qtbot: QtBot, ui_ctx: UiContext) -> None:
    unit, _who = _setup(ui_ctx)
    cid = _case(ui_ctx, unit)
    app, me = ui_ctx.app, ui_ctx.identity

    def close() -> None:
        app.units.step(cid, me, unit, EventKind.ACCEPTED)
        app.units.step(cid, me, unit, EventKind.REPLIED, "已整改")
        app.units.review(cid, me, True)

    off_gui_thread(close)
    screen = CallbackScreen(ui_ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(lambda: screen.current is not None, timeout=10_000)
    screen.queue.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.queue, timeout=5000)
    ModelTester(None).check(screen.model)  # type: ignore[arg-type]
    assert "已整改" in screen.script.text()
    assert "13800138000" in screen.caller.text()
    assert not screen.save_button.isEnabled()
    qtbot.keyClick(_focus(), Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # unsatisfied
    qtbot.keyClick(_focus(), Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # not solved
    assert screen.sat_buttons["unsatisfied"].isChecked()  # type: ignore[index]
    assert screen.solved_no.isChecked()
    assert screen.save_button.isEnabled()
    qtbot.keyClick(_focus(), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # unit fault
    assert screen.unit_fault.isChecked()
    assert not screen.save_button.isEnabled()  # reopening needs the citizen's words
    screen.comment.setPlainText("油烟依旧，单位只是口头警告")
    assert screen.save_button.isEnabled()
    qtbot.keyClick(screen.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _status(ui_ctx, cid) == Status.DISPATCHED, timeout=10_000)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=10_000)
    kinds = [k for k, _ in _events(ui_ctx, cid)]
    assert kinds[-3:] == ["visited", "reopened", "dispatched"]
    visited = dict(_events(ui_ctx, cid))["visited"]
    assert (visited["satisfaction"], visited["solved"], visited["unit_fault"]) == (
        "unsatisfied", False, True)  # fmt: skip


def test_callback_not_reached(qtbot: QtBot, ui_ctx: UiContext) -> None:
    unit, _who = _setup(ui_ctx)
    cid = _case(ui_ctx, unit)
    app, me = ui_ctx.app, ui_ctx.identity

    def close() -> None:
        app.units.step(cid, me, unit, EventKind.ACCEPTED)
        app.units.step(cid, me, unit, EventKind.REPLIED, "已整改")
        app.units.review(cid, me, True)

    off_gui_thread(close)
    screen = CallbackScreen(ui_ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(lambda: screen.current is not None, timeout=10_000)
    screen.queue.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.queue, timeout=5000)
    qtbot.keyClick(screen.queue, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: screen.saved == 1, timeout=10_000)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 0, timeout=10_000)  # retry later
    screen.later.setChecked(True)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=10_000)
    assert screen.model.rows[0].attempts == 1
    assert [k for k, _ in _events(ui_ctx, cid)][-1] == "callback_attempt"


def test_unit_user_main_window_starts_in_its_inbox(
    qtbot: QtBot, ui_ctx: UiContext, tmp_path: Any
) -> None:
    from console.infra.settings import Settings
    from console.ui.main_window import MainWindow

    _unit, who = _setup(ui_ctx)
    window = MainWindow(Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.attach(UiContext(ui_ctx.app, who, window.runner, window.messages))
    window.show()
    assert "inbox" in window.screens and "callbacks" not in window.screens
    assert "review" not in window.screens
    assert isinstance(window.current_screen(), UnitInboxScreen)
    window.runner.wait(10_000)
    qtbot.wait(50)
    window.runner.wait(10_000)


def test_history_says_who_recorded_a_unit_step() -> None:
    from console.ui import labels

    text = labels.event_summary(
        "contacted", {"unit_id": 1, "unit": "桂城街道办事处", "unit_role": "lead",
                      "on_behalf": True, "text": "电话联系"},
    )  # fmt: skip
    assert "桂城街道办事处" in text and "on the unit's behalf" in text and "电话联系" in text
    own = labels.event_summary("accepted", {"unit": "桂城街道办事处", "on_behalf": False})
    assert "behalf" not in own
    assert "assisting" in labels.event_summary("replied", {"unit_role": "assist", "reply": "x"})
    visit = labels.event_summary("visited", {"satisfaction": "unsatisfied", "solved": False})
    assert "unsatisfied" in visit and "not solved" in visit
    assert "not reached" in labels.event_summary("visited", {"unreachable": True})
    assert "round 2" in labels.event_summary("reopened", {"round": 2, "reason": "敷衍"})


def test_history_says_what_the_deadline_audit_corrected() -> None:
    from console.ui import labels

    text = labels.event_summary(
        "deadline_corrected",
        {
            "deadlines": {"result": ["2027-12-09T16:00:00+00:00", "2026-12-09T16:00:00+00:00"]},
            "policy": ["consultation v1", "help v1"],
            "shown": ["final_due_at"],
        },
    )
    assert text.startswith("Deadlines corrected by the audit")
    assert "policy consultation v1 → help v1" in text
    assert "final result 2027-12-09 24:00 → 2026-12-09 24:00" in text


def test_centre_reviews_a_return(qtbot: QtBot, ui_ctx: UiContext) -> None:
    """退单审核 on the centre screen: a refused return goes back to the unit (an improper
    return), an accepted one back to triage."""
    unit, who = _setup(ui_ctx)
    cid = _case(ui_ctx, unit)
    app = ui_ctx.app
    off_gui_thread(lambda: app.units.step(cid, who, unit, EventKind.RETURNED, "不归我们"))
    centre = CentreScreen(ui_ctx)
    qtbot.addWidget(centre)
    centre.show()
    qtbot.waitUntil(lambda: centre.review_model.rowCount() == 1, timeout=10_000)
    centre.review.selectRow(0)
    assert centre.refuse_return_button.isEnabled() and not centre.accept_button.isEnabled()
    centre.ask_text = lambda *_a: "属本单位职责"
    centre.refuse_return_button.click()
    qtbot.waitUntil(lambda: _status(ui_ctx, cid) == Status.DISPATCHED, timeout=10_000)
    qtbot.waitUntil(lambda: centre.review_model.rowCount() == 0, timeout=10_000)
    off_gui_thread(lambda: app.units.step(cid, who, unit, EventKind.RETURNED, "仍不归我们"))
    centre.refresh()
    qtbot.waitUntil(lambda: centre.review_model.rowCount() == 1, timeout=10_000)
    centre.review.selectRow(0)
    centre.accept_return_button.click()
    qtbot.waitUntil(lambda: _status(ui_ctx, cid) == Status.RECEIVED, timeout=10_000)
    kinds = [k for k, _ in _events(ui_ctx, cid)]
    assert kinds.count("return_refused") == 1 and kinds[-1] == "return_accepted"
