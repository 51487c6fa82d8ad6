"""The case view's action bar, offscreen on both engines: an imported web message is
triaged and carried to its end (archived) through the screen's buttons and keys; the
bar shows exactly the actions the state machine allows; a refusal is explained; an
archived case is read-only. No SQL on the GUI thread (the ui_ctx fixture checks)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.domain import lifecycle as L
from console.models import Case, HandlingUnit, ImportedMessage
from console.services.lifecycle import ActionView, Params
from console.ui.case.view import CaseViewDialog
from console.ui.context import UiContext
from tests.ui.conftest import off_gui_thread

DATA = Path(__file__).resolve().parents[1] / "data" / "web-answered.xlsx"


@pytest.fixture(autouse=True)
def _delete_widgets_on_the_gui_thread() -> Iterator[None]:
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _imported(ui: UiContext) -> tuple[int, int]:
    app = ui.app

    def work() -> tuple[int, int]:
        report = app.importer.import_file(DATA, ui.identity, triage=True)
        assert report.accepted == 120
        with app.sessions() as s:
            cid = s.scalars(
                select(ImportedMessage.case_id).order_by(ImportedMessage.case_id)
            ).first()
            unit = s.scalars(
                select(HandlingUnit.id).where(HandlingUnit.name == "桂城街道办事处")
            ).one()
            assert cid is not None
            return cid, unit

    return off_gui_thread(work)


def _status(ui: UiContext, cid: int) -> str:
    def work() -> str:
        with ui.app.sessions() as s:
            return s.scalars(select(Case.status).where(Case.id == cid)).one()

    return off_gui_thread(work)


def test_a_web_message_triaged_and_archived_through_the_case_view(
    qtbot: QtBot, ui_ctx: UiContext
) -> None:
    cid, unit = _imported(ui_ctx)
    view = CaseViewDialog(ui_ctx, cid)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.loaded >= 1, timeout=10_000)
    bar = view.action_bar
    # exactly the state machine's actions for an administrator on a received demand
    facts = L.Facts(case_type="demand", sub_type="help")
    expected = [r.action for r in L.available("received", [L.ADMIN, L.LEAD], facts)]
    assert list(bar.buttons) == expected
    assert "dispatch" in expected and "forward" not in expected
    assert bar.buttons["dispatch"].shortcut().toString() == "Ctrl+D"

    answers: dict[str, Params] = {
        "dispatch": Params(unit_id=unit),
        "contact": Params(text="已电话联系网友"),
        "reply": Params(text="已协调物业处理"),
    }

    def ask(view_: ActionView) -> Params:
        return answers.get(view_.action, Params())

    bar.ask = ask

    # a refusal is explained: the reason is missing, nothing is written
    def ask_nothing_for_invalid(view_: ActionView) -> Params:
        return Params() if view_.action == "invalid" else ask(view_)

    bar.ask = ask_nothing_for_invalid
    n = view.loaded
    qtbot.mouseClick(bar.buttons["invalid"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.loaded > n, timeout=10_000)
    assert "reason" in ui_ctx.messages.bar.label.text().lower()
    assert _status(ui_ctx, cid) == "received"
    bar.ask = ask

    for action, after in (
        ("dispatch", "dispatched"),
        ("accept", "accepted"),
        ("contact", "in_progress"),
        ("reply", "replied"),
        ("review_accept", "closed"),
        ("archive", "archived"),
    ):
        n = view.loaded
        if action == "dispatch":  # by its key
            view.activateWindow()
            qtbot.waitUntil(view.isActiveWindow, timeout=5_000)
            qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        else:
            qtbot.mouseClick(bar.buttons[action], Qt.MouseButton.LeftButton)
        before = n
        qtbot.waitUntil(lambda: view.loaded > before, timeout=10_000)  # noqa: B023
        assert _status(ui_ctx, cid) == after, action
        assert view.sheet is not None and view.sheet.status == after
    # archived: read-only
    assert bar.buttons == {} and not view.edit_button.isEnabled()
    assert view.fields["unit"].text() == "桂城街道办事处"
