"""Menus wide enough for their items: Qt's styles keep a column as wide as the widest
shortcut to the right of every item, with or without a shortcut, and then elide the text
of a long item without one ("导入网络渠…"). Each menu is widened before it shows."""

from __future__ import annotations

import re

from PySide6.QtGui import QFontMetrics, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

CHECK_AND_MARGINS = 56  # the icon/check column and the style's margins, both sides
SHORTCUT_GAP = 28  # between the text and the shortcut column


def needed_width(menu: QMenu) -> int:
    fm = QFontMetrics(menu.font())
    items = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    keys = [a.shortcut().toString(QKeySequence.SequenceFormat.NativeText) for a in items]
    tab = max((fm.horizontalAdvance(k) for k in keys if k), default=0)
    text = max((fm.horizontalAdvance(re.sub(r"&(.)", r"\1", a.text())) for a in items), default=0)
    return text + CHECK_AND_MARGINS + (tab + SHORTCUT_GAP if tab else 0)


def widen(menu: QMenu) -> None:
    menu.setMinimumWidth(needed_width(menu))


def fit_menus(bar: QMenuBar) -> None:
    """Widen every menu of the bar, now and whenever it is about to show (menus added
    later, actions added to a menu later)."""
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and not menu.property("fitted"):
            menu.setProperty("fitted", True)
            menu.aboutToShow.connect(lambda m=menu: widen(m))
