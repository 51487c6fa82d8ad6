"""Sign-in, first start and settings dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.app import AppContext
from console.domain.identity import Identity
from console.infra.credentials import (
    login_url,
    refused_credentials,
    remember,
    split_password,
    tls_options,
)
from console.infra.database import mask, normalize_url
from console.infra.settings import (
    DATABASE_URL,
    DB_SSLCERT,
    DB_SSLKEY,
    DB_SSLMODE,
    DB_SSLROOTCERT,
    IDLE_LOCK_MINUTES,
    LANGUAGE,
    LANGUAGES,
    SSLMODES,
    Settings,
)
from console.services.agents import AgentRef
from console.services.errors import NotFound
from console.ui import files
from console.ui.runner import BackgroundRunner


class SignInDialog(QDialog):
    """Who sits at this console, on the embedded database (no passwords there). The
    central database signs in with one's own login: console.ui.signin."""

    def __init__(
        self,
        app: AppContext,
        runner: BackgroundRunner,
        prefill: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.app = app
        self.runner = runner
        self.identity: Identity | None = None
        self.setWindowTitle(self.tr("Sign in"))
        self.user = QComboBox()
        self.user.setEditable(True)
        self.user.setMinimumWidth(260)
        self.user.setEditText(prefill)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.user)
        where = QLabel(self.tr("Database: {0}").format(app.masked_url))
        where.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(where)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        runner.run(app.agents.active, self._agents, owner=self)

    def _agents(self, agents: list[AgentRef]) -> None:
        typed = self.user.currentText()
        self.user.clear()
        for a in agents:
            self.user.addItem(f"{a.username} — {a.display_name}", a.username)
        i = self.user.findData(typed)
        if i >= 0:
            self.user.setCurrentIndex(i)
        else:
            self.user.setEditText(typed)

    def username(self) -> str:
        text = self.user.currentText().strip()
        data = self.user.currentData()
        if data and text.startswith(str(data)):
            return str(data)
        return text.split(" — ")[0].strip()

    def try_sign_in(self) -> None:
        name = self.username()
        if not name:
            self.error.setText(self.tr("Type your user name."))
            return
        self.ok.setEnabled(False)
        self.runner.run(
            lambda: self.app.agents.sign_in(name), self._signed_in, self._failed, owner=self
        )

    def _signed_in(self, identity: Identity) -> None:
        self.identity = identity
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if isinstance(exc, NotFound):
            self.error.setText(self.tr("No active agent with this user name."))
        else:
            self.error.setText(self.tr("Could not sign in: {0}").format(exc))


class FirstStartDialog(QDialog):
    """Offered once: try the demo, or start with an empty database of this computer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome"))
        self.choice = "empty"
        text = QLabel(
            self.tr(
                "This is the first start of the hotline console on this computer.\n\n"
                "• Demo: a separate, clearly labelled database with a realistic week of "
                "cases, so you can see queues and countdowns at work.\n"
                "• Empty: the console's own database on this computer, ready for real "
                "cases. To use the central database, open File → Settings."
            )
        )
        text.setWordWrap(True)
        demo = QPushButton(self.tr("Open the &demo"))
        empty = QPushButton(self.tr("Start &empty"))
        demo.clicked.connect(lambda: self._pick("demo"))
        empty.clicked.connect(lambda: self._pick("empty"))
        buttons = QDialogButtonBox()
        buttons.addButton(demo, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(empty, QDialogButtonBox.ButtonRole.AcceptRole)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addWidget(buttons)
        demo.setDefault(True)

    def _pick(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class SettingsDialog(QDialog):
    def __init__(
        self, settings: Settings, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = runner
        self.setWindowTitle(self.tr("Settings"))
        self.url = QLineEdit(settings.get(DATABASE_URL))
        self.url.setPlaceholderText("postgresql://agent@db-host:5432/hotline")
        self.url.setMinimumWidth(420)
        self.language = QComboBox()
        for code, name in (("zh_CN", "简体中文"), ("en", "English")):
            self.language.addItem(name, code)
        i = self.language.findData(settings.get(LANGUAGE))
        self.language.setCurrentIndex(max(i, 0))
        # the connection's TLS (libpq's sslmode and certificate files) and the idle lock
        self.sslmode = QComboBox()
        for mode in SSLMODES:
            self.sslmode.addItem(mode, mode)
        self.sslmode.setCurrentIndex(max(self.sslmode.findData(settings.get(DB_SSLMODE)), 0))
        self.sslmode.setToolTip(
            self.tr("verify-full: encrypted, and the server's certificate and name are checked")
        )
        self.sslrootcert, rootcert_row = self._file_field(settings.get(DB_SSLROOTCERT))
        self.sslcert, cert_row = self._file_field(settings.get(DB_SSLCERT))
        self.sslkey, key_row = self._file_field(settings.get(DB_SSLKEY))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(0, 240)
        self.idle_minutes.setValue(settings.get(IDLE_LOCK_MINUTES))
        self.idle_minutes.setSuffix(self.tr(" min"))
        self.idle_minutes.setSpecialValueText(self.tr("never"))
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Central &database:"), self.url)
        form.addRow("", QLabel(self.tr("Empty: the embedded database of this computer.")))
        form.addRow(self.tr("TLS &mode:"), self.sslmode)
        form.addRow(self.tr("TLS root certificate:"), rootcert_row)
        form.addRow(self.tr("Client certificate:"), cert_row)
        form.addRow(self.tr("Client key:"), key_row)
        form.addRow("", self.test_button)
        form.addRow(self.tr("Lock after &idle:"), self.idle_minutes)
        form.addRow(self.tr("&Language:"), self.language)
        from console.ui.telephony.settings_box import CtiSettingsBox

        self.cti = CtiSettingsBox(settings, self)  # the phone system (telephony)
        note = QLabel(
            self.tr(
                "A new database is opened at once; the language and the phone system "
                "change at the next start."
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self._test)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.cti)
        lay.addWidget(self.feedback)
        lay.addWidget(note)
        lay.addWidget(buttons)

    def _file_field(self, value: str) -> tuple[QLineEdit, QWidget]:
        box = QWidget(self)
        edit = QLineEdit(value, box)
        browse = QPushButton(self.tr("Browse…"), box)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        row.addWidget(browse)

        def pick() -> None:
            path = files.ask_open(self, self.tr("Choose a file"), edit.text())
            if path:
                edit.setText(path)

        browse.clicked.connect(pick)
        return edit, box

    def _store_connection_options(self) -> None:
        self.settings.set(DB_SSLMODE, str(self.sslmode.currentData() or "prefer"))
        self.settings.set(DB_SSLROOTCERT, self.sslrootcert.text().strip())
        self.settings.set(DB_SSLCERT, self.sslcert.text().strip())
        self.settings.set(DB_SSLKEY, self.sslkey.text().strip())
        self.settings.set(IDLE_LOCK_MINUTES, int(self.idle_minutes.value()))

    def _valid_url(self) -> bool:
        text = self.url.text().strip()
        if not text:
            return True
        try:
            normalize_url(text)
        except Exception as exc:  # noqa: BLE001 - shown to the user
            self.feedback.setText(self.tr("Not a database URL: {0}").format(exc))
            return False
        return True

    def _test(self) -> None:
        if not self._valid_url():
            return
        text = self.url.text().strip()
        if not text:
            self.feedback.setText(self.tr("The embedded database needs no test."))
            return
        self.feedback.setText(self.tr("Connecting to {0}…").format(mask(text)))
        self.test_button.setEnabled(False)
        self._store_connection_options()  # in memory; saved with the other settings
        text = login_url(text, None, split_password(text)[1], tls_options(self.settings))

        def probe() -> str:
            from console.infra.database import make_engine

            engine = make_engine(text)
            try:
                with engine.connect() as c:
                    return str(c.exec_driver_sql("SELECT 1").scalar())
            finally:
                engine.dispose()

        def ok(_v: str) -> None:
            self.test_button.setEnabled(True)
            self.feedback.setText(self.tr("Connected."))

        def fail(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            if refused_credentials(exc):  # reached the server: accounts are per person
                self.feedback.setText(
                    self.tr("The server answered; sign in with your own account to use it.")
                )
                return
            first = str(getattr(exc, "orig", exc)).strip().splitlines()
            self.feedback.setText(
                self.tr("Could not connect: {0}").format(first[0] if first else exc)
            )

        self.runner.run(probe, ok, fail, owner=self)

    def _save(self) -> None:
        if not self._valid_url():
            return
        url, password = (
            split_password(self.url.text().strip()) if self.url.text().strip() else ("", None)
        )
        if password is not None and not remember(url, password):
            self.feedback.setText(
                self.tr("No keyring on this computer: the password will be asked at each start.")
            )
        self.settings.set(DATABASE_URL, url)  # never with the password
        self._store_connection_options()
        problem = self.cti.store()
        if problem:
            self.feedback.setText(problem)
            return
        lang = self.language.currentData()
        if lang in LANGUAGES:
            self.settings.set(LANGUAGE, lang)
        try:
            self.settings.save()
        except OSError as exc:
            self.feedback.setText(self.tr("Could not save the settings: {0}").format(exc))
            return
        self.accept()
