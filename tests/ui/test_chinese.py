"""Every visible string of the zh_CN interface is Chinese: labels, buttons, group boxes,
tabs, column headers, placeholders, menus and window titles of every screen and dialog,
Qt's own file dialog included. Numbers, key names, file types and codes may stay."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from console.app import AppContext
from console.services.importer import ImportReport, Rejection
from console.ui import files
from tests.helpers.screens import close, open_window, settle

# words that are the same in a Chinese interface: keys, file types, acronyms, the demo
# caller's input-method example
ALLOWED = {
    "ctrl", "shift", "alt", "enter", "return", "esc", "tab", "del", "f1", "f5", "f11",
    "pdf", "excel", "csv", "json", "xlsx", "sla", "zywr", "pinyin", "id", "url", "ok",
    "postgresql", "sqlite", "gb", "utf",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_']+")


def english(text: str, names: tuple[str, ...] = ()) -> list[str]:
    """The words of ``text`` that are English where Chinese is expected (``names`` are
    proper names that may appear: the signed-in user's name)."""
    if "://" in text or "@" in text:  # a database URL, an address
        return []
    return [
        w
        for w in WORD.findall(text)
        if w.lower() not in ALLOWED and w not in names and not any(c.isdigit() for c in w)
    ]


def _texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what the user reads in root (not the data in lists)."""
    out: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        kind = type(w).__name__
        if w.isWindow():
            out.append((f"{kind} title", w.windowTitle()))
        if isinstance(w, QLabel):
            out.append((kind, w.text()))
        elif isinstance(w, QAbstractButton):
            out.append((kind, w.text()))
        elif isinstance(w, QGroupBox):
            out.append((kind, w.title()))
        elif isinstance(w, QTabBar):
            out += [(kind, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, (QLineEdit, QPlainTextEdit)):
            out.append((f"{kind} placeholder", w.placeholderText()))
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QComboBox):
            model = w.model()
            if isinstance(model, QAbstractItemModel) and not isinstance(model, QAbstractListModel):
                for c in range(model.columnCount()):
                    h = model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                    out.append((f"{kind} header", str(h or "")))
    return [(k, t) for k, t in out if t]


def untranslated(root: QWidget, names: tuple[str, ...] = ()) -> list[str]:
    return [f"{k}: {t!r}" for k, t in _texts(root) if english(t, names)]


def test_the_check_finds_english() -> None:
    assert english("Save (Ctrl+S)") == ["Save"]
    assert english("保存 (Ctrl+S)") == []
    assert english("261203-001-0001 · 禅城区 · PDF") == []
    assert english("数据库：sqlite:///C:/x.sqlite3") == []
    assert english("陈嘉欣 (agent01)") == []
    assert english("渠道 gov_website：bad_time") == ["gov_website", "bad_time"]


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
@pytest.mark.parametrize("username", ["admin", "agent01"])
def test_every_screen_is_chinese(
    qtbot: QtBot, chinese: None, demo_ctx: AppContext, tmp_path: Path, username: str
) -> None:
    window = open_window(qtbot, demo_ctx, username, tmp_path)
    found: dict[str, list[str]] = {}
    for row, name in enumerate(window.screens):
        window.nav.setCurrentRow(row)
        settle(qtbot, window)
        problems = untranslated(window, (username,))
        if problems:
            found[name] = problems
    for menu in [a.menu() for a in window.menuBar().actions()]:
        assert isinstance(menu, QMenu)
        words = [a.text() for a in menu.actions() if english(a.text())]
        if english(menu.title()) or words:
            found[f"menu {menu.title()}"] = words
    close(qtbot, window)
    assert not found, "\n".join(f"{n}: {p}" for n, ps in found.items() for p in ps)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_dialogs_are_chinese(
    qtbot: QtBot, chinese: None, demo_ctx: AppContext, tmp_path: Path
) -> None:
    from console.ui.intake.import_dialog import ImportDialog
    from console.ui.keymap import KeyMapDialog

    window = open_window(qtbot, demo_ctx, "admin", tmp_path)
    found: dict[str, list[str]] = {}
    save = files.file_dialog(window, "导出", str(tmp_path), "PDF 文件 (*.pdf)", save=True)
    opener = files.file_dialog(window, "导入", str(tmp_path), "导出文件 (*.xlsx *.csv)", save=False)
    imp = ImportDialog(window.ui, window)  # type: ignore[arg-type]
    for name, dlg in (
        ("file dialog (save)", save),
        ("file dialog (open)", opener),
        ("keyboard map", KeyMapDialog(window)),
        ("import", imp),
    ):
        dlg.show()
        settle(qtbot, window)
        problems = untranslated(dlg)
        if problems:
            found[name] = problems
        dlg.close()
    # the import report: words, no internal codes, whatever the rows' faults
    report = ImportReport(
        "web.xlsx",
        "gov_website",
        5,
        1,
        1,
        1,
        (
            Rejection(3, "M-3", "bad_time", "昨天"),
            Rejection(4, "", "missing_id"),
            Rejection(5, "M-5", "bad_text", "body: control_chars"),
        ),
        (
            "2 answered rows without a readable answer time: closed at the message time",
            "categories not in the taxonomy (cases kept without a category): 甲, 乙",
        ),
    )
    lines = imp.report_lines(report)
    bad = [line for line in lines if english(line.replace("web.xlsx", "").replace("M-", ""))]
    assert not bad, bad
    assert not any("gov_website" in line or "bad_time" in line for line in lines)
    close(qtbot, window)
    assert not found, "\n".join(f"{n}: {p}" for n, ps in found.items() for p in ps)
