"""The suggestions stored for imported messages, where they are triaged: the queue's
*to triage* view and the case window show them and F8 takes one (saved into the case as
an edit, the acceptance recorded), on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.app import AppContext
from console.models import Case, MatterCategory, SuggestionFeedback
from console.services.queue import QueueView
from console.ui.case.action_bar import ActionDialog
from console.ui.case.view import CaseViewDialog
from console.ui.context import UiContext
from console.ui.queue.screen import QueueScreen
from tests.helpers.suggest_data import add_cases
from tests.ui.conftest import off_gui_thread


def _imported(ctx: AppContext, ui: UiContext, tmp_path: Path) -> list[int]:
    path = tmp_path / "web.csv"
    path.write_text(
        "留言编号,留言时间,留言详情\n"
        "w1,2026/1/5 10:00,工厂老板拖欠工资三个月了\n"
        "w2,2026/1/5 11:00,夜间工地施工噪音扰民\n",
        encoding="utf-8",
    )

    def run() -> list[int]:
        add_cases(ctx.sessions, 8)
        ctx.suggestions.train()
        report = ctx.importer.import_file(path, ui.identity, triage=True)
        assert ctx.suggestions.backfill_cases(report.case_ids) == 2
        return list(report.case_ids)

    return off_gui_thread(run)


def _category_and_feedback(ctx: AppContext, case_id: int) -> tuple[str, list[int | None]]:
    with ctx.sessions() as s:
        case = s.get(Case, case_id)
        assert case is not None and case.category_id is not None
        path = s.get(MatterCategory, case.category_id).path  # type: ignore[union-attr]
        ranks = s.scalars(
            select(SuggestionFeedback.accepted_rank).where(SuggestionFeedback.case_id == case_id)
        ).all()
        return path, list(ranks)


def test_triage_view_and_case_window_take_a_stored_suggestion(
    qtbot: QtBot, app_ctx: AppContext, ui_ctx: UiContext, tmp_path: Path
) -> None:
    wages, noise = _imported(app_ctx, ui_ctx, tmp_path)
    screen = QueueScreen(ui_ctx, refresh_seconds=60)
    qtbot.addWidget(screen)
    screen.resize(1200, 500)
    screen.show()
    screen.view_box.setCurrentIndex(screen.view_box.findData(QueueView.TO_TRIAGE.value))
    model = screen.model
    qtbot.waitUntil(lambda: model.loaded_once and not model.busy, timeout=10_000)
    row = model.position_of(wages)
    assert row is not None
    bar = screen.suggested
    with qtbot.waitSignal(bar.loaded, timeout=10_000, check_params_cb=bool):
        screen.table.selectRow(row)
    assert bar.isVisible() and bar.case_id == wages
    assert "劳动和社会保障 / 工资福利 / 工资发放" in bar.line.text()
    assert bar.line.text().startswith("1/3 ")
    screen.table.setFocus()
    with qtbot.waitSignal(bar.taken, timeout=10_000):
        qtbot.keyClick(screen.table, Qt.Key.Key_F8)
    path, ranks = off_gui_thread(lambda: _category_and_feedback(app_ctx, wages))
    assert path == "劳动和社会保障/工资福利/工资发放" and ranks == [1]
    # another view: the bar is not shown
    screen.view_box.setCurrentIndex(screen.view_box.findData(QueueView.OPEN.value))
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=5000)

    # the case window: Shift+F8 highlights the second suggestion, F8 takes it
    view = CaseViewDialog(ui_ctx, noise)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.suggested.loaded, timeout=10_000, check_params_cb=bool):
        view.show()
    stored = view.suggested.stored
    assert stored is not None and stored.items[0].category.startswith("环境保护")
    qtbot.keyClick(view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.suggested.rank == 2 and view.suggested.line.text().startswith("2/3 ")
    with qtbot.waitSignal(view.suggested.taken, timeout=10_000):
        qtbot.keyClick(view, Qt.Key.Key_F8)
    path, ranks = off_gui_thread(lambda: _category_and_feedback(app_ctx, noise))
    assert path == stored.items[1].category_path and ranks == [2]
    qtbot.waitUntil(lambda: view.loaded >= 2, timeout=10_000)  # reloaded after the edit
    # the dispatch dialog starts on the suggestion's unit
    assert view.action_bar.preferred_unit == stored.items[1].unit_id is not None
    dispatch = next(a for a in view.sheet.actions if a.action == "dispatch")  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: bool(view.action_bar.units), timeout=10_000)
    dlg = ActionDialog(dispatch, view.action_bar.units, view, view.action_bar.preferred_unit)
    qtbot.addWidget(dlg)
    assert dlg.unit is not None and dlg.unit.currentText() == stored.items[1].unit
    view.close()
    ui_ctx.runner.wait(10_000)


def test_a_console_on_the_central_database_loads_and_backfills_never_trains(
    qtbot: QtBot,
    app_ctx: AppContext,
    ui_ctx: UiContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from console.models import CaseSuggestion, SuggestionModelRow
    from console.ui.intake.suggestions import SuggestionPanel

    ids = _imported(app_ctx, ui_ctx, tmp_path)  # trained once (version 1), two stored

    def forget() -> None:
        with app_ctx.sessions() as s, s.begin():
            for row in s.scalars(select(CaseSuggestion)):
                s.delete(row)

    off_gui_thread(forget)
    monkeypatch.setattr(AppContext, "embedded", property(lambda _self: False))
    panel = SuggestionPanel(ui_ctx)
    qtbot.addWidget(panel)
    trained: list[object] = []
    panel.trained.connect(trained.append)
    panel.check_model()
    ui_ctx.runner.wait(20_000)

    def state() -> tuple[set[int], int]:
        with app_ctx.sessions() as s:
            stored = set(s.scalars(select(CaseSuggestion.case_id)))
            return stored, len(s.scalars(select(SuggestionModelRow.version)).all())

    assert off_gui_thread(state) == (set(ids), 1)  # backfilled; no second training
    assert trained == []
