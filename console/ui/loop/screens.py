"""The loop's screens as navigation entries of the main window: the unit
inbox for everyone (a unit's user sees only its own unit), the centre's review and the
callbacks for the centre's agents and supervisors. Each is built on first show."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStyle, QWidget

from console.ui.context import UiContext

ScreenEntry = tuple[str, str, Callable[[], QWidget], QStyle.StandardPixmap]


def loop_screens(ui: UiContext, feed: Callable[[], Any]) -> list[ScreenEntry]:
    """``feed()`` gives the window's change feed (started when first asked for)."""

    def inbox() -> QWidget:
        from console.ui.loop.inbox import UnitInboxScreen

        return UnitInboxScreen(ui, feed=feed())

    def centre() -> QWidget:
        from console.ui.loop.centre import CentreScreen

        return CentreScreen(ui, feed=feed())

    def callbacks() -> QWidget:
        from console.ui.loop.callbacks import CallbackScreen

        return CallbackScreen(ui, feed=feed())

    out: list[ScreenEntry] = [
        (
            "inbox",
            QCoreApplication.translate("LoopScreens", "Unit inbox"),
            inbox,
            QStyle.StandardPixmap.SP_DirHomeIcon,
        )
    ]
    if not ui.identity.is_unit:
        out += [
            (
                "review",
                QCoreApplication.translate("LoopScreens", "Review and supervision"),
                centre,
                QStyle.StandardPixmap.SP_DialogApplyButton,
            ),
            (
                "callbacks",
                QCoreApplication.translate("LoopScreens", "Callbacks"),
                callbacks,
                QStyle.StandardPixmap.SP_DialogYesButton,
            ),
        ]
    return out
