"""Administration → People: list, add and disable the console's accounts, with role and
unit. On PostgreSQL it creates the login role in its group as ``db add-agent`` does
(console.services.dbroles); on the embedded database it adds the row only."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.casetypes import Role
from console.services import dbroles
from console.services.dbroles import AccountError, AccountRow
from console.services.reference import ReferenceData
from console.ui.context import UiContext


class AccountsDialog(QDialog):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.rows: list[AccountRow] = []
        self.pg = ui.app.engine.dialect.name == "postgresql"
        self.setWindowTitle(self.tr("People and accounts"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Username"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Unit"),
                self.tr("State"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for r in Role:
            self.role.addItem(self.role_name(r.value), r.value)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("— none —"), None)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Name"), self.display_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Unit"), self.unit)
        if self.pg:  # a database login of its own, in the group of its role
            form.addRow(self.tr("Password"), self.password)
        self.add_button = QPushButton(self.tr("Add or update"))
        self.disable_button = QPushButton(self.tr("Disable the selected"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.disable_button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(form)
        lay.addLayout(row)
        lay.addWidget(self.status)
        lay.addWidget(close)
        self.add_button.clicked.connect(self.add)
        self.disable_button.clicked.connect(self.disable_selected)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self.resize(820, 600)
        ui.runner.run(ui.app.reference.load, self._reference, owner=self)
        self.refresh()

    def role_name(self, role: str) -> str:
        names = {
            Role.AGENT.value: self.tr("Agent"),
            Role.SUPERVISOR.value: self.tr("Supervisor"),
            Role.ADMIN.value: self.tr("Administrator"),
            Role.UNIT.value: self.tr("Handling unit"),
        }
        return names.get(role, role)

    def _reference(self, ref: ReferenceData) -> None:
        for u in ref.units:
            self.unit.addItem(u.name, u.id)

    def _role_changed(self) -> None:
        self.unit.setEnabled(self.role.currentData() == Role.UNIT.value)

    def refresh(self) -> None:
        engine = self.ui.app.engine
        prefix = dbroles.configured_prefix()
        self.ui.runner.run(lambda: dbroles.list_agents(engine, prefix), self._show, owner=self)

    def _show(self, rows: list[AccountRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            state = self.tr("active") if r.active else self.tr("disabled")
            for col, text in enumerate(
                (r.username, r.display_name, self.role_name(r.role), r.unit, state)
            ):
                self.table.setItem(i, col, QTableWidgetItem(text))

    def add(self) -> None:
        engine = self.ui.app.engine
        prefix = dbroles.configured_prefix()
        username = self.username.text().strip()
        name = self.display_name.text().strip() or None
        role = str(self.role.currentData())
        unit_id = self.unit.currentData() if role == Role.UNIT.value else None
        password = self.password.text() or None
        if not username:
            self.status.setText(self.tr("Give a username."))
            return
        self.ui.runner.run(
            lambda: dbroles.add_agent(
                engine,
                username,
                role,
                password,
                display_name=name,
                unit=str(unit_id) if unit_id is not None else None,
                prefix=prefix,
            ),
            self._added,
            self._failed,
            owner=self,
        )

    def _added(self, row: AccountRow) -> None:
        self.status.setText(
            self.tr("{0} ({1}) can sign in.").format(row.username, row.display_name)
        )
        self.password.clear()
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, (AccountError, ValueError)):
            self.status.setText(self.tr("Not done: {0}").format(exc))
            return
        self.ui.messages.error(exc)

    def selected(self) -> AccountRow | None:
        i = self.table.currentRow()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def disable_selected(self, confirm: bool = True) -> None:
        row = self.selected()
        if row is None:
            return
        if row.username == self.ui.identity.username:
            self.status.setText(self.tr("You cannot disable your own account."))
            return
        if confirm and (
            QMessageBox.question(
                self,
                self.tr("Disable an account"),
                self.tr("Disable {0} ({1})? They can no longer sign in.").format(
                    row.username, row.display_name
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        engine = self.ui.app.engine
        self.ui.runner.run(
            lambda: dbroles.disable_agent(engine, row.username),
            lambda _r: self._disabled(row),
            self._failed,
            owner=self,
        )

    def _disabled(self, row: AccountRow) -> None:
        self.status.setText(self.tr("{0} is disabled.").format(row.username))
        self.refresh()
