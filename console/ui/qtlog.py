"""Qt's own messages routed into Python logging (area console.qt)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("console.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    log.log(_LEVELS.get(mode, logging.WARNING), "%s", message)


def install_qt_message_handler() -> None:
    qInstallMessageHandler(_handler)
