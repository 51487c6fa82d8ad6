"""What does not fit a 1366×768 workstation screen: windows larger than the screen, text
cut short in labels, buttons, tabs, menus and the case-number cells of tables, and scroll
areas inside scroll areas that both scroll."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QLabel,
    QMenu,
    QPushButton,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

SCREEN = QSize(1366, 768)
# the window's client area under a title bar of about 30 pixels
CLIENT = QSize(1366, 738)
CASE_NUMBER = re.compile(r"^\d{6}-\d{3}-\d{4}$")
CASE_NUMBER_HEADERS = {"工单编号", "Case number", "Number", "编号"}
WIDEST_NUMBER = "000000-000-0000"  # digits are equally wide in the fonts used
CELL_MARGIN = 8  # a cell's text margins and focus frame, both sides together
BUTTON_PADDING = 10  # a push button's frame and text margins, both sides together


def _name(w: QWidget) -> str:
    return f"{type(w).__name__}({w.objectName() or hex(id(w))})"


def _plain(text: str) -> str:
    """The text as drawn: '&x' is a mnemonic, '&&' a literal ampersand."""
    return re.sub(r"&(.)", r"\1", text)


def _shown(w: QWidget) -> bool:
    return w.isVisible() and w.width() > 0 and w.height() > 0


def window_too_large(window: QWidget, screen: QSize = SCREEN) -> list[str]:
    out = []
    size = window.size()  # offscreen reports a made-up frame: the client area counts
    if size.width() > screen.width() or size.height() > screen.height():
        out.append(f"{_name(window)} is {size.width()}×{size.height()}, larger than the screen")
    hint = window.minimumSizeHint()
    if hint.width() > screen.width() or hint.height() > screen.height():
        out.append(f"{_name(window)} needs at least {hint.width()}×{hint.height()}")
    return out


def clipped_text(root: QWidget) -> list[str]:
    """Labels, buttons, tabs and case numbers in tables whose text does not fit."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not _shown(w):
            continue
        if isinstance(w, QLabel):
            out += _label(w)
        elif isinstance(w, QAbstractButton) and w.text():
            if isinstance(w, QPushButton):
                fm = QFontMetrics(w.font())
                icon = w.iconSize().width() + 4 if not w.icon().isNull() else 0
                need = fm.horizontalAdvance(_plain(w.text())) + icon + BUTTON_PADDING
            else:  # check boxes and radio buttons: indicator and text
                need = w.sizeHint().width()
            if w.width() + 1 < need:
                out.append(f"button {w.text()!r} is {w.width()} px wide, needs {need}")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.tabRect(i).width() + 1 < w.tabSizeHint(i).width():
                    out.append(f"tab {w.tabText(i)!r} is cut")
        elif isinstance(w, (QTableView, QTreeView)):
            out += _case_numbers(w)
    return out


def _label(label: QLabel) -> list[str]:
    text = label.text()
    if (
        not text
        or label.wordWrap()
        or label.textFormat() == Qt.TextFormat.RichText
        or (label.textFormat() == Qt.TextFormat.AutoText and text.lstrip().startswith("<"))
    ):
        return []
    if label.buddy() is not None:
        text = _plain(text)
    fm = QFontMetrics(label.font())
    need = max(fm.horizontalAdvance(line) for line in text.split("\n"))
    have = label.contentsRect().width() - 2 * label.margin()
    if need > have + 1:
        return [f"label {text!r} is {have} px wide, needs {need}"]
    return []


def _case_numbers(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    out = []
    fm = QFontMetrics(view.font())
    assert isinstance(view, (QTableView, QTreeView))
    for col in range(model.columnCount()):
        hidden = view.isColumnHidden(col) if isinstance(view, (QTableView, QTreeView)) else False
        if hidden:
            continue
        width = view.columnWidth(col)
        header = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if str(header or "") in CASE_NUMBER_HEADERS:  # even before any row is shown
            need = fm.horizontalAdvance(WIDEST_NUMBER) + CELL_MARGIN
            if need > width:
                out.append(f"{_name(view)} column {header}: needs {need} px, has {width}")
                continue
        for row in range(min(model.rowCount(), 40)):
            value = model.index(row, col, QModelIndex()).data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str) and CASE_NUMBER.match(value):
                need = fm.horizontalAdvance(value) + CELL_MARGIN
                if isinstance(view, QTreeView) and col == 0:
                    need += view.indentation() if view.rootIsDecorated() else 0
                if need > width:
                    out.append(f"{_name(view)} column {col}: {value} needs {need} px, has {width}")
                break
    return out


def nested_scrolling(root: QWidget) -> list[str]:
    """A scroll area that scrolls inside another one that scrolls too."""
    out = []
    for area in root.findChildren(QAbstractScrollArea):
        if not _shown(area) or isinstance(area, QAbstractItemView):
            continue
        bar = area.verticalScrollBar()
        if bar is None or not bar.isVisible():
            continue
        parent = area.parentWidget()
        while parent is not None and parent is not root.parentWidget():
            if isinstance(parent, QAbstractScrollArea) and not isinstance(
                parent, QAbstractItemView
            ):
                outer = parent.verticalScrollBar()
                if outer is not None and outer.isVisible():
                    out.append(f"{_name(area)} scrolls inside {_name(parent)}")
            parent = parent.parentWidget()
    return out


def fully_visible(w: QWidget) -> bool:
    """The whole widget is on screen: not cut by a scroll area or the window's edge."""
    return _shown(w) and w.visibleRegion().boundingRect().size() == w.size()


def clipped_menu(menu: QMenu) -> list[str]:
    """Menu items wider than the menu (the menu must be shown). The style keeps a column
    as wide as the widest shortcut on the right of every item, with or without one."""
    out = []
    fm = QFontMetrics(menu.font())
    items = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    keys = [a.shortcut().toString(QKeySequence.SequenceFormat.NativeText) for a in items]
    tab = max((fm.horizontalAdvance(k) for k in keys if k), default=0)
    for action in items:
        text = _plain(action.text())
        # the icon/check column and the margins of the style, then the shortcut column
        need = fm.horizontalAdvance(text) + 40 + (tab + 24 if tab else 0)
        rect = menu.actionGeometry(action)
        if need > rect.width():
            out.append(f"menu item {text!r} needs {need} px, has {rect.width()}")
    return out
