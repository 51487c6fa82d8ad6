"""Sign-in to the central database with one's own account: user name and password are
the database login. The password stays in memory, or, with "remember me", in
the operating system's keyring; never in the settings file or a log."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.app import DatabaseUnavailable, SchemaOutdated
from console.infra.credentials import forget, login_url, remember, remembered
from console.infra.database import mask
from console.infra.settings import LAST_USER, Settings
from console.services.errors import NotFound
from console.signin import CredentialsRefused, PasswordCheck, SignedIn, Unreachable, sign_in
from console.ui.runner import BackgroundRunner

log = logging.getLogger("console.ui")


def sign_in_error_text(exc: BaseException) -> str:
    """What a person reads when signing in failed: plain words, never driver text (the
    details go to the log)."""
    if isinstance(exc, CredentialsRefused):
        return QCoreApplication.translate(
            "SignIn", "Wrong user name or password, or the account is disabled."
        )
    if isinstance(exc, NotFound):
        return QCoreApplication.translate("SignIn", "No active agent with this user name.")
    if isinstance(exc, SchemaOutdated):
        return QCoreApplication.translate(
            "SignIn", "The central database needs an update by an administrator."
        )
    if isinstance(exc, Unreachable):
        return QCoreApplication.translate(
            "SignIn",
            "The central database does not answer, and you have not signed in on this computer before: the first sign-in here needs the database. Try again when it answers, or ask a supervisor.",  # noqa: E501
        )
    if isinstance(exc, DatabaseUnavailable):
        return QCoreApplication.translate(
            "SignIn", "The central database does not answer. Try again in a moment."
        )
    log.warning("sign-in failed: %s: %s", exc.__class__.__name__, exc)
    return QCoreApplication.translate(
        "SignIn", "Signing in failed; the console's log (Help → Show log) has the details."
    )


class CentralSignInDialog(QDialog):
    """User name + password for the central PostgreSQL; connects in the background."""

    def __init__(
        self,
        url: str,
        settings: Settings,
        runner: BackgroundRunner,
        prefill: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.url = url
        self.settings = settings
        self.runner = runner
        self.result_: SignedIn | None = None
        self.check: PasswordCheck | None = None
        self.password_used: str | None = None  # an offline start keeps it to go online
        self.setWindowTitle(self.tr("Sign in"))
        self.user = QLineEdit(prefill)
        self.user.setMinimumWidth(260)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_me = QCheckBox(self.tr("&Remember my password on this computer"))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.remember_me)
        where = QLabel(self.tr("Database: {0}").format(mask(url)))
        where.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Sign in"))
        self.settings_button = QPushButton(self.tr("Se&ttings…"))
        buttons.addButton(self.settings_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        self.settings_button.clicked.connect(self._settings)
        lay = QVBoxLayout(self)
        lay.addWidget(where)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.user.editingFinished.connect(self._fill_remembered)
        self._fill_remembered()
        (self.password if prefill else self.user).setFocus()

    def _fill_remembered(self) -> None:
        name = self.user.text().strip()
        if not name or self.password.text():
            return
        saved = remembered(self.url, name)  # the keyring: local, quick
        if saved is not None:
            self.password.setText(saved)
            self.remember_me.setChecked(True)

    def _settings(self) -> None:
        from console.ui.dialogs import SettingsDialog

        SettingsDialog(self.settings, self.runner, self).exec()

    def try_sign_in(self) -> None:
        name = self.user.text().strip()
        password = self.password.text()
        if not name:
            self.error.setText(self.tr("Type your user name."))
            self.user.setFocus()
            return
        if not password:
            self.error.setText(self.tr("Type your password."))
            self.password.setFocus()
            return
        self.ok.setEnabled(False)
        self.error.setText(self.tr("Connecting…"))
        url, settings = self.url, self.settings
        self.runner.run(
            lambda: sign_in(url, settings, name, password),
            lambda done: self._signed_in(done, password),
            self._failed,
            owner=self,
        )

    def _signed_in(self, done: SignedIn, password: str) -> None:
        name = done.identity.username
        account_url = login_url(self.url, name, None)
        if self.remember_me.isChecked():
            if not remember(account_url, password):
                log.info("no keyring: the password will be asked next time")
        else:
            forget(account_url)
        self.settings.set(LAST_USER, name)
        self.result_ = done
        self.check = PasswordCheck(done.ctx.url, done.identity, password)
        self.password_used = password
        self.password.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.password.selectAll()
        self.password.setFocus()
        log.info("sign-in failed: %s: %s", exc.__class__.__name__, exc)
        self.error.setText(sign_in_error_text(exc))
