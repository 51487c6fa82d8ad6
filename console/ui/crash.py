"""Bugs go to an excepthook that logs them and shows a crash dialog with a log excerpt."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from console.infra.failures import Failure, classify
from console.infra.logs import RING

log = logging.getLogger("console.ui")


class CrashDialog(QDialog):
    def __init__(self, summary: str, details: str) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Unexpected error"))
        lay = QVBoxLayout(self)
        msg = QLabel(
            self.tr(
                "Something went wrong inside the console. Your saved cases are safe in the "
                "database. Please send the text below to support.\n\n{0}"
            ).format(summary)
        )
        msg.setWordWrap(True)
        lay.addWidget(msg)
        box = QPlainTextEdit(details)
        box.setReadOnly(True)
        box.setMinimumSize(640, 300)
        lay.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        lay.addWidget(buttons)


#: where a refusal or an environment error that escaped its screen goes instead of the
#: crash dialog (the main window's message bar, see ``route_failures``)
_message_sink: Callable[[BaseException], None] | None = None


def route_failures(sink: Callable[[BaseException], None] | None) -> None:
    """Send refusals and environment errors that reach the excepthook to ``sink``."""
    global _message_sink
    _message_sink = sink


def _not_a_bug(value: BaseException) -> bool:
    """A refusal (or the environment) is a message, never the crash dialog."""
    if classify(value) is Failure.BUG:
        return False
    log.warning("%s reached the excepthook: %s", type(value).__name__, value)
    if _message_sink is not None:
        try:
            _message_sink(value)
        except RuntimeError:  # the window that owned the message bar is gone
            log.debug("no message bar for %r", value)
    return True


def _hook(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if _not_a_bug(value):
        return
    text = "".join(traceback.format_exception(etype, value, tb))
    log.error("unhandled exception\n%s", text)
    if QApplication.instance() is None or getattr(sys, "_console_in_crash", False):
        sys.__excepthook__(etype, value, tb)
        return
    sys._console_in_crash = True  # type: ignore[attr-defined]
    try:
        excerpt = "\n".join(list(RING.lines)[-40:])
        CrashDialog(f"{etype.__name__}: {value}", text + "\n--- log ---\n" + excerpt).exec()
    finally:
        sys._console_in_crash = False  # type: ignore[attr-defined]


def install_excepthook() -> None:
    sys.excepthook = _hook
