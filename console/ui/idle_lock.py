"""The idle lock: after a configurable idle period the console covers every
window (case data out of sight) and asks for the password again. Nothing is closed or
reset underneath, so a half-typed case is still there after unlocking.

Any key press, click, wheel or mouse movement anywhere in the application restarts the
clock (one application-wide event filter). The password is checked off the GUI thread
(console.signin.PasswordCheck)."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.signin import PasswordCheck
from console.ui.runner import BackgroundRunner

log = logging.getLogger("console.ui")

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class _Cover(QWidget):
    """An opaque sheet over one window while the console is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        label = QLabel(self.tr("Locked"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = label.font()
        font.setPointSize(font.pointSize() * 2)
        label.setFont(font)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False


class UnlockDialog(QDialog):
    """Asks for the password (central database) or the user name (this computer's
    database) of the person signed in. It cannot be dismissed except by unlocking."""

    unlocked = Signal()

    def __init__(
        self, check: PasswordCheck, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.check = check
        self.runner = runner
        self.setWindowTitle(self.tr("Console locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        who = check.identity
        if check.embedded:
            prompt = self.tr(
                "Locked after a period without activity. Type your user name ({0}) to continue."
            )
        else:
            prompt = self.tr(
                "Locked after a period without activity. {0}, type your password to continue."
            )
        text = QLabel(prompt.format(who.display_name if not check.embedded else who.username))
        text.setWordWrap(True)
        self.secret = QLineEdit()
        if not check.embedded:
            self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.button = QPushButton(self.tr("&Unlock"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.try_unlock)
        self.secret.returnPressed.connect(self.try_unlock)
        row = QHBoxLayout()
        row.addWidget(self.secret, 1)
        row.addWidget(self.button)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addLayout(row)
        lay.addWidget(self.error)
        self.setMinimumWidth(380)

    def try_unlock(self) -> None:
        secret = self.secret.text()
        if not secret.strip():
            return
        self.button.setEnabled(False)
        self.error.setText(self.tr("Checking…"))
        check = self.check
        self.runner.run(lambda: check.check(secret), self._checked, self._failed, owner=self)

    def _checked(self, ok: bool) -> None:
        self.button.setEnabled(True)
        self.secret.clear()
        if ok:
            self.error.clear()
            self.unlocked.emit()
        else:
            self.error.setText(self.tr("That is not right. Try again."))
            self.secret.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        first = str(exc).strip().splitlines()
        self.error.setText(
            self.tr("Could not check the password: {0}").format(first[0] if first else exc)
        )

    # never dismissed without unlocking
    def reject(self) -> None:
        pass

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()


class IdleLock(QObject):
    """Locks after ``timeout_ms`` without user activity (0: never)."""

    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QWidget,
        check: PasswordCheck,
        runner: BackgroundRunner,
        timeout_ms: int,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.check = check
        self.runner = runner
        self.locked = False
        self.dialog: UnlockDialog | None = None
        self._covers: list[_Cover] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_timeout(timeout_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_timeout(self, timeout_ms: int) -> None:
        self.timer.stop()
        self.timeout_ms = max(int(timeout_ms), 0)
        if self.timeout_ms > 0 and not self.locked:
            self.timer.start(self.timeout_ms)

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and self.timeout_ms > 0 and event.type() in _ACTIVITY:
            self.timer.start(self.timeout_ms)
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.timer.stop()
        log.info("console locked after %d ms without activity", self.timeout_ms)
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and w.isWindow() and not isinstance(w, UnlockDialog):
                self._covers.append(_Cover(w))
        self.dialog = UnlockDialog(self.check, self.runner, self.window)
        self.dialog.unlocked.connect(self.unlock)
        self.dialog.show()  # a new top-level window opens on top
        self.dialog.activateWindow()
        self.dialog.secret.setFocus()
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        if not self.locked:
            return
        for cover in self._covers:
            if shiboken6.isValid(cover):
                cover.hide()
                cover.deleteLater()
        self._covers = []
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.locked = False
        log.info("console unlocked")
        if self.timeout_ms > 0:
            self.timer.start(self.timeout_ms)
        self.locked_changed.emit(False)
