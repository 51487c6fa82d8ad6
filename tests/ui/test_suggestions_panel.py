"""The suggestion panel in the entry form and the supervisors' quality dialog, against
a real database on both engines (nothing queries on the GUI thread)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import AppContext
from console.learning.store import ModelStore
from console.models import HandlingUnit, SuggestionFeedback
from console.ui.context import UiContext
from console.ui.intake.form import CaseEntryScreen
from console.ui.intake.suggestions import SuggestionQualityDialog
from tests.helpers.suggest_data import add_cases
from tests.helpers.typing import type_text
from tests.ui.conftest import off_gui_thread

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def trained(app_ctx: AppContext, tmp_path: Path) -> AppContext:
    app_ctx.suggestions.store = ModelStore(tmp_path / "models")
    off_gui_thread(lambda: add_cases(app_ctx.sessions, 8))
    off_gui_thread(app_ctx.suggestions.train)
    return app_ctx


def _entry(qtbot: QtBot, ui: UiContext) -> CaseEntryScreen:
    screen = CaseEntryScreen(ui)
    qtbot.addWidget(screen)
    screen.show()
    screen.activateWindow()
    qtbot.waitUntil(lambda: screen.isEnabled() and screen.ref is not None, timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.phone, timeout=5000)
    return screen


def test_typing_shows_suggestions_and_f8_takes_one(
    qtbot: QtBot, trained: AppContext, ui_ctx: UiContext
) -> None:
    entry = _entry(qtbot, ui_ctx)
    panel = entry.suggestions
    with qtbot.waitSignal(panel.suggestions_shown, timeout=15_000, check_params_cb=bool):
        type_text(qtbot, entry.description, "工地夜间施工噪音扰民")
    assert panel.list.count() == 3
    assert "环境保护 / 环境污染 / 噪音污染" in panel.list.item(0).text()
    assert "桂城街道办事处" in panel.list.item(0).text()
    assert entry.description.hasFocus()  # typing was never interrupted
    qtbot.keyClick(entry.description, Qt.Key.Key_F8)
    assert entry.category.currentText() == "环境保护 / 环境污染 / 噪音污染"
    assert entry.class_box.currentData() == "environment"
    guicheng = off_gui_thread(lambda: _unit_id(trained, "桂城街道办事处"))
    assert entry.unit.currentData() == guicheng
    assert panel.accepted_rank == 1

    # the case is saved: what was shown and what was taken is recorded
    type_text(qtbot, entry.answer, "已答复")
    qtbot.keyClicks(entry.phone, "13800138000")
    with qtbot.waitSignal(entry.case_saved, timeout=10_000) as saved:
        qtbot.keyClick(entry.description, Qt.Key.Key_Return, CTRL)
    case_id = saved.args[0].id

    def recorded() -> list[tuple[int | None, int | None]]:
        with trained.sessions() as s:
            rows = s.scalars(select(SuggestionFeedback)).all()
            return [(r.case_id, r.accepted_rank) for r in rows]

    qtbot.waitUntil(lambda: off_gui_thread(recorded) == [(case_id, 1)], timeout=10_000)
    assert panel.list.count() == 0  # the form is clear for the next call


def test_the_latest_text_wins_and_shift_f8_moves_on(
    qtbot: QtBot, trained: AppContext, ui_ctx: UiContext
) -> None:
    entry = _entry(qtbot, ui_ctx)
    panel = entry.suggestions
    shown: list[object] = []
    panel.suggestions_shown.connect(shown.append)
    panel.set_text("工地夜间施工噪音扰民")
    panel._ask()  # noqa: SLF001 - two requests in flight at once
    panel.set_text("老板拖欠工资三个月")
    panel._ask()  # noqa: SLF001
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10_000)
    ui_ctx.runner.wait(10_000)
    QApplication.processEvents()
    assert len(shown) == 1 and panel.result is not None
    assert panel.result.text == "老板拖欠工资三个月"
    assert "工资发放" in panel.list.item(0).text()
    entry.description.setFocus()
    qtbot.keyClick(entry.description, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert panel.list.currentRow() == 1
    qtbot.keyClick(entry.description, Qt.Key.Key_F8)
    assert panel.accepted_rank == 2
    assert entry.category.currentText() == panel.result.items[1].category


def test_quality_dialog_and_retraining(
    qtbot: QtBot, trained: AppContext, ui_ctx: UiContext
) -> None:
    dialog = SuggestionQualityDialog(ui_ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=15_000):
        dialog.show()
    assert dialog.figures is not None and dialog.figures.model_version == 1
    assert "100.0%" in dialog.labels["held_back"].text()
    with qtbot.waitSignal(dialog.loaded, timeout=60_000):
        dialog.retrain_button.click()
    assert dialog.figures.model_version == 2
    assert "version 2" in dialog.status.text()


def _unit_id(ctx: AppContext, name: str) -> int:
    with ctx.sessions() as s:
        return s.scalars(select(HandlingUnit.id).where(HandlingUnit.name == name)).one()


def test_the_suggestion_service_is_built_off_the_gui_thread(
    qtbot: QtBot, app_ctx: AppContext, ui_ctx: UiContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building the service imports scikit-learn (1-3 s of held interpreter lock on a
    busy machine): the first description typed must not freeze the window for it."""
    import threading
    from functools import cached_property

    built_on: list[str] = []
    original = AppContext.__dict__["suggestions"].func

    def recording(self: AppContext) -> object:
        built_on.append(threading.current_thread().name)
        return original(self)

    prop = cached_property(recording)
    prop.__set_name__(AppContext, "suggestions")
    monkeypatch.setattr(AppContext, "suggestions", prop)
    app_ctx.__dict__.pop("suggestions", None)
    entry = _entry(qtbot, ui_ctx)
    with qtbot.waitSignal(entry.suggestions.suggestions_shown, timeout=15_000):
        type_text(qtbot, entry.description, "小区门口的路灯坏了一个月")
    assert built_on and threading.main_thread().name not in built_on
