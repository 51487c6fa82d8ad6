"""Every screen and dialog at 1366×768, in Chinese, with a shift's worth of demo data:
no window larger than the screen, no text cut short (labels, buttons, tabs, menus, case
numbers in tables), no scroll area scrolling inside another, and the intake form's save
buttons on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from console.app import AppContext
from console.ui.intake.form import CaseEntryScreen
from console.ui.main_window import MainWindow
from tests.helpers import fit
from tests.helpers.screens import close, open_window, settle
from tests.ui.conftest import off_gui_thread


def _problems(w: QWidget) -> list[str]:
    return fit.window_too_large(w.window()) + fit.clipped_text(w) + fit.nested_scrolling(w)


# the closing-the-loop screens and the case window belong to another part of the work
# (console/ui/loop, console/ui/case/view.py): what they cut short is known and
# reported, and checked on its own below so that the rest stays strict
ELSEWHERE = ("review", "callbacks", "inbox")


def _screen_problems(qtbot: QtBot, window: MainWindow, name: str) -> list[str]:
    """The screen as shown, then each of its tabs in turn."""
    window.nav.setCurrentRow(list(window.screens).index(name))
    settle(qtbot, window)
    problems = _problems(window)
    for tabs in window.screens[name].findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle(qtbot, window)
            page = tabs.widget(i)
            assert page is not None
            problems += [f"tab {tabs.tabText(i)}: {p}" for p in _problems(page)]
        tabs.setCurrentIndex(0)
    return problems


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
@pytest.mark.parametrize("username", ["admin", "agent01"])
def test_every_screen_fits_1366_by_768(
    qtbot: QtBot, chinese: None, demo_ctx: AppContext, tmp_path: Path, username: str
) -> None:
    window = open_window(qtbot, demo_ctx, username, tmp_path)
    found: dict[str, list[str]] = {}
    for name in window.screens:
        if name in ELSEWHERE:
            continue
        problems = _screen_problems(qtbot, window, name)
        if problems:
            found[name] = problems
    for menu in [a.menu() for a in window.menuBar().actions()]:
        assert isinstance(menu, QMenu)
        menu.popup(window.mapToGlobal(window.rect().topLeft()))
        qtbot.waitUntil(menu.isVisible, timeout=2000)
        problems = fit.clipped_menu(menu)
        if problems:
            found[f"menu {menu.title()}"] = problems
        menu.hide()
    close(qtbot, window)
    assert not found, _report(found)


def test_the_loop_screens_fit_1366_by_768(
    qtbot: QtBot, chinese: None, demo_ctx: AppContext, tmp_path: Path
) -> None:
    window = open_window(qtbot, demo_ctx, "admin", tmp_path)
    found = {name: _screen_problems(qtbot, window, name) for name in ELSEWHERE}
    close(qtbot, window)
    assert not any(found.values()), _report(found)


def test_the_form_buttons_are_on_screen_without_nested_scrolling(
    qtbot: QtBot, chinese: None, demo_ctx: AppContext, tmp_path: Path
) -> None:
    window = open_window(qtbot, demo_ctx, "agent01", tmp_path)
    entry = window.screens["entry"]
    assert isinstance(entry, CaseEntryScreen)
    qtbot.waitUntil(entry.isEnabled, timeout=10_000)
    for demand in (False, True):  # the demand form has the dispatch rows too
        (entry.type_demand if demand else entry.type_consult).setChecked(True)
        settle(qtbot, window)
        for b in (entry.save_button, entry.dispatch_button, entry.close_button, entry.new_button):
            assert fit.fully_visible(b), f"{b.text()} is not on screen"
        assert fit.nested_scrolling(window) == []
    close(qtbot, window)


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_dialogs_and_the_monitor_fit(
    qtbot: QtBot, chinese: None, demo_ctx: AppContext, tmp_path: Path
) -> None:
    from console.services.queue import QueueFilter
    from console.ui.admin.accounts import AccountsDialog
    from console.ui.admin.sla_dialogs import CalendarDialog, PoliciesDialog
    from console.ui.case.view import CaseViewDialog
    from console.ui.dialogs import SettingsDialog
    from console.ui.handover.config import ShiftConfigDialog
    from console.ui.intake.import_dialog import ImportDialog
    from console.ui.intake.kb_admin import KnowledgeAdminDialog
    from console.ui.offline.dialog import OutboxDialog
    from console.ui.queue.filters import FilterDialog

    window = open_window(qtbot, demo_ctx, "admin", tmp_path)
    ui = window.ui
    assert ui is not None
    found: dict[str, list[str]] = {}

    def check(name: str, w: QWidget) -> None:
        w.show()
        settle(qtbot, window)
        problems = _problems(w)
        if problems:
            found[name] = problems
        w.close()

    monitor = window.show_monitor(ui)
    check("monitor", monitor)
    monitor.show()
    wall = getattr(monitor, "wall", None)
    if wall is not None:
        wall.setChecked(True)
        check("monitor (large type)", monitor)
    first_case = off_gui_thread(lambda: _some_case_id(demo_ctx))
    view = CaseViewDialog(ui, first_case, window)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    view.show()
    view.edit_button.click()
    qtbot.waitUntil(lambda: view.editor is not None, timeout=10_000)
    assert view.editor is not None
    check("case edit", view.editor)
    dialogs: list[tuple[str, QDialog]] = [
        ("keyboard map", window.show_keymap()),  # type: ignore[list-item]
        ("settings", SettingsDialog(window.settings, window.runner, window)),
        ("import", ImportDialog(ui, window)),
        ("knowledge base", KnowledgeAdminDialog(ui, window)),
        ("outbox", OutboxDialog(ui, window)),
        ("queue filter", FilterDialog(None, QueueFilter(), window)),
        ("shift configuration", ShiftConfigDialog(ui, window)),
        ("calendar", CalendarDialog(ui, window)),
        ("SLA policies", PoliciesDialog(ui, window)),
        ("people and accounts", AccountsDialog(ui, window)),
    ]
    for name, dlg in dialogs:
        check(name, dlg)
    close(qtbot, window)
    assert not found, _report(found)


def _some_case_id(ctx: AppContext) -> int:
    from sqlalchemy import select

    from console.models import Case

    with ctx.sessions() as s:
        cid = s.scalars(select(Case.id).where(Case.status != "closed").limit(1)).first()
    assert cid is not None
    return cid


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{name}: {p}" for name, problems in found.items() for p in problems)


def test_the_test_screen_is_a_workstation_screen(qapp: QApplication) -> None:
    screen = qapp.primaryScreen()
    assert screen is not None and screen.size() == fit.SCREEN


def test_the_case_window_fits(
    qtbot: QtBot, chinese: None, demo_ctx: AppContext, tmp_path: Path
) -> None:
    from console.ui.case.view import CaseViewDialog

    window = open_window(qtbot, demo_ctx, "admin", tmp_path)
    assert window.ui is not None
    view = CaseViewDialog(window.ui, off_gui_thread(lambda: _some_case_id(demo_ctx)), window)
    qtbot.waitUntil(lambda: view.detail is not None, timeout=10_000)
    view.show()
    settle(qtbot, window)
    problems = _problems(view)
    view.close()
    close(qtbot, window)
    assert not problems, "\n".join(problems)
