"""Sign-in, first start and settings dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.app import AppContext
from console.credentials import remember, split_password
from console.database import mask, normalize_url
from console.identity import Identity
from console.services.agents import AgentRef
from console.services.errors import NotFound
from console.settings import DATABASE_URL, LANGUAGE, LANGUAGES, Settings
from console.ui.runner import BackgroundRunner


class SignInDialog(QDialog):
    """Who sits at this console. Per-user database passwords arrive with the security
    issue; identity already lives in one place (console.identity)."""

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
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Central &database:"), self.url)
        form.addRow("", QLabel(self.tr("Empty: the embedded database of this computer.")))
        form.addRow("", self.test_button)
        form.addRow(self.tr("&Language:"), self.language)
        note = QLabel(self.tr("Changes take effect when the console is restarted."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self._test)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.feedback)
        lay.addWidget(note)
        lay.addWidget(buttons)

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

        def probe() -> str:
            from console.database import make_engine

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
        lang = self.language.currentData()
        if lang in LANGUAGES:
            self.settings.set(LANGUAGE, lang)
        try:
            self.settings.save()
        except OSError as exc:
            self.feedback.setText(self.tr("Could not save the settings: {0}").format(exc))
            return
        self.accept()
