"""Typing as a user does: ASCII through key events, Chinese through the input method
(QTest.keyClicks only knows ASCII; a Chinese IME commits whole words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    run = ""
    for ch in text:
        if ch.isascii():
            run += ch
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QCoreApplication.sendEvent(widget, event)
    if run:
        qtbot.keyClicks(widget, run)
