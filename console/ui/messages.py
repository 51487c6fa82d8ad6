"""The message module: plain, non-modal messages at the top of the window."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from console.infra.failures import Failure, classify
from console.infra.logs import safe_error
from console.ui.errors import describe, report_bug

log = logging.getLogger("console.ui")

INFO = "info"
WARNING = "warning"
ERROR = "error"


class MessageBar(QFrame):
    """One line of news: info fades after a while, warnings and errors stay until closed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # messages may quote typed text
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton()
        self.action.hide()
        close = QPushButton("×")
        close.setFlat(True)
        close.setFixedWidth(28)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.action)
        lay.addWidget(close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self._callback: Callable[[], None] | None = None
        self.action.clicked.connect(self._run_action)
        self.level = INFO
        self.hide()

    def show_message(
        self,
        text: str,
        level: str = INFO,
        action: tuple[str, Callable[[], None]] | None = None,
    ) -> None:
        self.level = level
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        if action:
            self.action.setText(action[0])
            self._callback = action[1]
            self.action.show()
        else:
            self._callback = None
            self.action.hide()
        self.show()
        self._timer.stop()
        if level == INFO:
            self._timer.start(8000)

    def _run_action(self) -> None:
        cb = self._callback
        self.hide()
        if cb:
            cb()


class Messages:
    """What screens call to tell the user something. Passed through constructors."""

    def __init__(self, bar: MessageBar) -> None:
        self.bar = bar

    def info(self, text: str) -> None:
        self.bar.show_message(text, INFO)

    def warning(self, text: str, action: tuple[str, Callable[[], None]] | None = None) -> None:
        self.bar.show_message(text, WARNING, action)

    def error(
        self, exc: BaseException, action: tuple[str, Callable[[], None]] | None = None
    ) -> None:
        """The one place a failure reaches the user: a refusal is a warning (translated),
        the environment an error message (the work stays on screen), anything else a bug
        (the crash dialog). The background runner's default error path."""
        kind = classify(exc)
        if kind is Failure.REFUSAL:
            log.info("refused: %s", safe_error(exc))
            self.bar.show_message(describe(exc), WARNING, action)
        elif kind is Failure.ENVIRONMENT:
            log.warning("environment error: %s", safe_error(exc))
            self.bar.show_message(describe(exc), ERROR, action)
        else:
            report_bug(exc)
