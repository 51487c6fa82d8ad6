"""The loop's screens as navigation entries of the main window (issue 8): the unit
inbox for everyone (a unit's user sees only its own unit), the centre's review and the
callbacks for the centre's agents and supervisors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStyle, QWidget

from console.ui.context import UiContext


def loop_screens(ui: UiContext, feed: Any) -> list[tuple[str, str, QWidget, QStyle.StandardPixmap]]:
    from console.ui.loop.callbacks import CallbackScreen
    from console.ui.loop.centre import CentreScreen
    from console.ui.loop.inbox import UnitInboxScreen

    out: list[tuple[str, str, QWidget, QStyle.StandardPixmap]] = [
        (
            "inbox",
            QCoreApplication.translate("LoopScreens", "Unit inbox"),
            UnitInboxScreen(ui, feed=feed),
            QStyle.StandardPixmap.SP_DirHomeIcon,
        )
    ]
    if not ui.identity.is_unit:
        out += [
            (
                "review",
                QCoreApplication.translate("LoopScreens", "Review and supervision"),
                CentreScreen(ui, feed=feed),
                QStyle.StandardPixmap.SP_DialogApplyButton,
            ),
            (
                "callbacks",
                QCoreApplication.translate("LoopScreens", "Callbacks"),
                CallbackScreen(ui, feed=feed),
                QStyle.StandardPixmap.SP_DialogYesButton,
            ),
        ]
    return out
