"""The outbox dialog: refused items shown with the reason, retried, exported, or
discarded only after confirmation."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from console.offline.policy import ItemState
from console.offline.store import CASE
from console.ui.context import UiContext
from console.ui.offline.dialog import OutboxDialog
from tests.ui.conftest import off_gui_thread


def _queue(ui: UiContext) -> tuple[int, int]:
    store = ui.app.offline.store
    a = store.enqueue(CASE, uuid.uuid4(), "a", "261127-001-0001", {"draft": {"x": 1}})
    b = store.enqueue(CASE, uuid.uuid4(), "b", "261127-001-0002", {"draft": {"x": 2}})
    store.hold(b.seq, "number_taken", "number 261127-001-0002 is already used by another case")
    return a.seq, b.seq


def _select_row(dlg: OutboxDialog, row: int) -> None:
    dlg.view.selectionModel().select(
        dlg.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_held_item_shown_with_reason_exported_and_discarded_after_confirmation(
    qtbot: QtBot, qtmodeltester: ModelTester, ui_ctx: UiContext, tmp_path: Path
) -> None:
    _a, b = off_gui_thread(lambda: _queue(ui_ctx))
    dlg = OutboxDialog(ui_ctx)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.loaded, timeout=5000):
        pass
    qtmodeltester.check(dlg.model)
    assert dlg.model.rowCount() == 2
    assert dlg.model.data(dlg.model.index(1, 3)) == dlg.model.tr("Refused — needs a decision")
    assert "new number" in dlg.model.data(dlg.model.index(1, 4))
    assert dlg.model.data(dlg.model.index(0, 3)) == dlg.model.tr("Waiting to be sent")
    assert "1" in dlg.summary.text()

    # a pending item cannot be discarded or retried; only exported
    _select_row(dlg, 0)
    assert not dlg.discard_button.isEnabled() and not dlg.retry_button.isEnabled()
    assert dlg.export_button.isEnabled()

    _select_row(dlg, 1)
    assert dlg.discard_button.isEnabled() and dlg.retry_button.isEnabled()
    out = tmp_path / "held.json"
    dlg.ask_path = lambda: str(out)  # type: ignore[method-assign]
    dlg.export()
    ui_ctx.runner.wait(5000)
    qtbot.waitUntil(out.exists, timeout=5000)
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [r["number"] for r in rows] == ["261127-001-0002"] and rows[0]["state"] == "held"

    # refused confirmation: nothing happens
    asked: list[str] = []
    dlg.confirm = lambda text: asked.append(text) or False  # type: ignore[method-assign]
    dlg.discard()
    assert asked and "261127-001-0002" in asked[0]
    ui_ctx.runner.wait(5000)
    assert off_gui_thread(lambda: ui_ctx.app.offline.store.get(b)).state == ItemState.HELD  # type: ignore[union-attr]

    dlg.confirm = lambda text: True  # type: ignore[method-assign]
    with qtbot.waitSignal(dlg.loaded, timeout=5000):
        dlg.discard()
    assert off_gui_thread(lambda: ui_ctx.app.offline.store.get(b)).state == ItemState.DISCARDED  # type: ignore[union-attr]
    assert dlg.model.rowCount() == 1  # discarded items leave the list, kept in the file


def test_retry_sends_a_held_item_again(qtbot: QtBot, ui_ctx: UiContext) -> None:
    _a, b = off_gui_thread(lambda: _queue(ui_ctx))
    dlg = OutboxDialog(ui_ctx)
    qtbot.addWidget(dlg)
    qtbot.waitUntil(lambda: dlg.model.rowCount() == 2, timeout=5000)
    _select_row(dlg, 1)
    with qtbot.waitSignal(dlg.loaded, timeout=5000):
        dlg.retry()
    item = off_gui_thread(lambda: ui_ctx.app.offline.store.get(b))
    assert item is not None and item.state == ItemState.PENDING
    assert item.payload.get("renumber") is True  # its number was taken: a new one
