"""The entry form at 1366×768, in Chinese, with three suggestions shown: the class and
category rows below the suggestions, and the save buttons, stay on screen; the list
folds to its header line and F8 still takes a suggestion. ``HOTLINE_SHOTS=DIR`` saves
screenshots of what was checked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from console.app import AppContext
from console.ui.intake.form import CaseEntryScreen
from console.ui.main_window import MainWindow
from tests.helpers import fit
from tests.helpers.screens import close, open_window, settle
from tests.helpers.suggest_data import add_cases
from tests.helpers.typing import type_text
from tests.ui.conftest import off_gui_thread


def shot(window: MainWindow, name: str) -> None:
    folder = os.environ.get("HOTLINE_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        window.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_form_with_suggestions_fits_1366_by_768(
    qtbot: QtBot, chinese: None, demo_ctx: AppContext, tmp_path: Path
) -> None:
    def train() -> None:
        add_cases(demo_ctx.sessions, 8)
        demo_ctx.suggestions.train()

    off_gui_thread(train)
    window = open_window(qtbot, demo_ctx, "agent01", tmp_path)
    entry = window.screens["entry"]
    assert isinstance(entry, CaseEntryScreen)
    qtbot.waitUntil(entry.isEnabled, timeout=10_000)
    panel = entry.suggestions
    for demand in (True, False):
        (entry.type_demand if demand else entry.type_consult).setChecked(True)
        entry.description.setFocus()
        entry.description.clear()
        with qtbot.waitSignal(panel.suggestions_shown, timeout=15_000, check_params_cb=bool):
            type_text(qtbot, entry.description, "工地夜间施工噪音扰民，吵得睡不着")
        settle(qtbot, window)
        shot(window, f"entry-{'demand' if demand else 'consultation'}-suggestions")
        assert panel.list.count() == 3
        # one line per suggestion, the three of them in full view
        for i in range(3):
            rect = panel.list.visualItemRect(panel.list.item(i))
            assert panel.list.viewport().rect().contains(rect), f"suggestion {i + 1} cut"
        assert panel.height() <= 4 * panel.fontMetrics().height() + 40, panel.height()
        for w in (entry.description, panel.list, entry.class_box, entry.category, entry.urgent):
            assert fit.fully_visible(w), f"{w.objectName() or type(w).__name__} is not on screen"
        for b in (entry.save_button, entry.dispatch_button, entry.close_button, entry.new_button):
            assert fit.fully_visible(b), f"{b.text()} is not on screen"
        assert fit.nested_scrolling(window) == []
        assert fit.window_too_large(window) == []
    # folded: the header line only; F8 still takes the highlighted suggestion
    panel.toggle.click()
    settle(qtbot, window)
    assert not panel.list.isVisible() and panel.note.isVisible()
    shot(window, "entry-suggestions-folded")
    entry.description.setFocus()
    qtbot.keyClick(entry.description, Qt.Key.Key_F8)
    assert panel.accepted_rank == 1
    assert entry.category.currentText() == "环境保护 / 环境污染 / 噪音污染"
    panel.toggle.click()
    assert panel.list.isVisibleTo(window)
    close(qtbot, window)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing|propagate)")
def test_the_case_window_with_a_stored_suggestion_fits_1366_by_768(
    qtbot: QtBot, chinese: None, demo_ctx: AppContext, tmp_path: Path
) -> None:
    from console.ui.case.view import CaseViewDialog

    web = tmp_path / "web.csv"
    web.write_text(
        "留言编号,留言主题,留言时间,留言详情\n"
        "w9,噪音,2026/1/5 11:00,夜间工地施工噪音扰民，吵得睡不着\n",
        encoding="utf-8",
    )
    window = open_window(qtbot, demo_ctx, "admin", tmp_path)
    ui = window.ui
    assert ui is not None

    def imported() -> int:
        if demo_ctx.suggestions.refresh_model() == 0:  # the module's demo database
            add_cases(demo_ctx.sessions, 8)
            demo_ctx.suggestions.train()
        report = demo_ctx.importer.import_file(web, ui.identity, triage=True)
        assert demo_ctx.suggestions.backfill_cases(report.case_ids) == 1
        return report.case_ids[0]

    view = CaseViewDialog(ui, off_gui_thread(imported), window)
    view.show()
    qtbot.waitUntil(lambda: view.suggested.isVisible(), timeout=10_000)
    settle(qtbot, window)
    shot_widget = os.environ.get("HOTLINE_SHOTS")
    if shot_widget:
        view.grab().save(str(Path(shot_widget) / "case-window-suggestion.png"))
    problems = fit.window_too_large(view) + fit.clipped_text(view) + fit.nested_scrolling(view)
    view.close()
    close(qtbot, window)
    assert not problems, "\n".join(problems)
