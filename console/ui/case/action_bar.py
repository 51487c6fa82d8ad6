"""The case view's one action bar: exactly the actions the signed-in person may take on
the case now, as the lifecycle's state machine says (console.services.lifecycle
``CaseSheet.actions``), each with its keyboard shortcut. What an action needs (a reason,
a unit, a case to merge into, a date, the citizen's verdict) is asked in one dialog; a
refusal is explained in the message bar and the case is reloaded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.domain import lifecycle as L
from console.domain.clock import end_of_local_day
from console.services.lifecycle import ActionView, CaseSheet, Done, Params
from console.services.units import UnitRef
from console.ui.case import texts
from console.ui.context import UiContext

#: actions that take an optional note besides what they need
OPTIONAL_TEXT = frozenset({L.Action.CONTACT, L.Action.ON_SCENE, L.Action.REMIND,
                           L.Action.APPROVE_EXTENSION, L.Action.REFUSE_EXTENSION,
                           L.Action.CALLBACK_UNREACHED, L.Action.ACCEPT_RETURN,
                           L.Action.REDISPATCH, L.Action.DISPATCH, L.Action.CALLBACK,
                           L.Action.THANKS, L.Action.FORWARD})  # fmt: skip


class ActionDialog(QDialog):
    """What one action needs, in one form."""

    def __init__(
        self,
        action: ActionView,
        units: list[UnitRef],
        parent: QWidget | None = None,
        preferred_unit: int | None = None,
    ):
        super().__init__(parent)
        self.action = action
        self.setWindowTitle(texts.action_name(action.action))
        self.resize(480, 300)
        form = QFormLayout()
        needs = set(action.needs)
        self.unit: QComboBox | None = None
        self.co_units: QListWidget | None = None
        self.into: QLineEdit | None = None
        self.until: QDateEdit | None = None
        self.satisfaction: QComboBox | None = None
        self.solved: QCheckBox | None = None
        self.fault: QCheckBox | None = None
        self.text: QPlainTextEdit | None = None
        if L.UNIT in needs:
            self.unit = QComboBox()
            self.unit.setEditable(True)  # type to find a unit by name
            for u in units:
                self.unit.addItem(u.name, u.id)
            if preferred_unit is not None and self.unit.findData(preferred_unit) >= 0:
                self.unit.setCurrentIndex(self.unit.findData(preferred_unit))
            form.addRow(self.tr("Unit:"), self.unit)
            if action.action == L.Action.DISPATCH:
                self.co_units = QListWidget()
                self.co_units.setMaximumHeight(90)
                for u in units:
                    item = QListWidgetItem(u.name)
                    item.setData(Qt.ItemDataRole.UserRole, u.id)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Unchecked)
                    self.co_units.addItem(item)
                form.addRow(self.tr("Co-handling units:"), self.co_units)
        if L.INTO in needs:
            self.into = QLineEdit()
            self.into.setPlaceholderText(self.tr("the number of the case it repeats"))
            form.addRow(self.tr("Merge into:"), self.into)
        if L.UNTIL in needs or action.action == L.Action.APPROVE_EXTENSION:
            self.until = QDateEdit(QDate.currentDate().addDays(3))
            self.until.setCalendarPopup(True)
            self.until.setDisplayFormat("yyyy-MM-dd")
            form.addRow(self.tr("Until (end of day):"), self.until)
        if L.VERDICT in needs:
            self.satisfaction = QComboBox()
            for code, name in (
                ("satisfied", self.tr("Satisfied")),
                ("basically_satisfied", self.tr("Basically satisfied")),
                ("unsatisfied", self.tr("Unsatisfied")),
            ):
                self.satisfaction.addItem(name, code)
            self.solved = QCheckBox(self.tr("Solved"))
            self.solved.setChecked(True)
            self.fault = QCheckBox(self.tr("The unit is at fault (reopens the case)"))
            form.addRow(self.tr("Citizen:"), self.satisfaction)
            form.addRow("", self.solved)
            form.addRow("", self.fault)
        self.required = L.TEXT in needs
        if self.required or action.action in OPTIONAL_TEXT:
            self.text = QPlainTextEdit()
            self.text.setPlaceholderText(
                self.tr("Required: the reason, answer or result")
                if self.required
                else self.tr("Note (optional)")
            )
            form.addRow(self.tr("Text:"), self.text)
            self.text.textChanged.connect(self._check)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self._check()

    def _check(self) -> None:
        typed = self.text.toPlainText().strip() if self.text else ""
        self.ok.setEnabled(not self.required or bool(typed))

    def params(self) -> Params:
        unit = None
        if self.unit is not None:
            i = self.unit.findText(self.unit.currentText())
            unit = self.unit.itemData(i) if i >= 0 else None
        co: list[int] = []
        if self.co_units is not None:
            for i in range(self.co_units.count()):
                item = self.co_units.item(i)
                if item.checkState() == Qt.CheckState.Checked:
                    co.append(int(item.data(Qt.ItemDataRole.UserRole)))
        until: datetime | None = None
        if self.until is not None:
            until = end_of_local_day(self.until.date().toPython())  # type: ignore[arg-type]
        return Params(
            text=self.text.toPlainText() if self.text else "",
            unit_id=unit,
            co_units=tuple(c for c in co if c != unit),
            into=self.into.text().strip() if self.into else None,
            until=until,
            satisfaction=self.satisfaction.currentData() if self.satisfaction else None,
            solved=self.solved.isChecked() if self.solved else None,
            unit_fault=bool(self.fault and self.fault.isChecked()),
        )


#: action buttons on one row of the bar
BUTTONS_PER_ROW = 7


class ActionBar(QWidget):
    """Buttons for the actions open now; ``acted`` after one succeeded or failed (the
    owner reloads the case either way)."""

    acted = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sheet: CaseSheet | None = None
        self.units: list[UnitRef] = []
        #: the unit a dispatch dialog starts on (the suggestion taken for the case)
        self.preferred_unit: int | None = None
        self.buttons: dict[str, QPushButton] = {}
        # buttons in rows of BUTTONS_PER_ROW, so that a supervisor's many actions do not
        # make the window wider than the screen
        self.row = QGridLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self.row)
        lay.addWidget(self.hint)
        #: asks what an action needs; tests replace it. None: cancelled
        self.ask: Callable[[ActionView], Params | None] = self._ask
        ctx.runner.run(ctx.app.units.units, self._got_units, ctx.messages.error, owner=self)

    def _got_units(self, units: list[UnitRef]) -> None:
        self.units = units

    def set_sheet(self, sheet: CaseSheet) -> None:
        self.sheet = sheet
        for b in self.buttons.values():
            self.row.removeWidget(b)
            b.deleteLater()
        self.buttons = {}
        while self.row.count():
            self.row.takeAt(0)
        for i, a in enumerate(sheet.actions):
            b = QPushButton(texts.action_name(a.action))
            if a.key:
                b.setShortcut(QKeySequence(a.key))
                b.setToolTip(QKeySequence(a.key).toString(QKeySequence.SequenceFormat.NativeText))
            b.setObjectName(f"action_{a.action}")
            b.clicked.connect(lambda _=False, a=a: self.trigger(a.action))
            self.row.addWidget(b, i // BUTTONS_PER_ROW, i % BUTTONS_PER_ROW)
            self.buttons[a.action] = b
        self.row.setColumnStretch(BUTTONS_PER_ROW, 1)
        if sheet.status == "archived":
            self.hint.setText(self.tr("Archived: the case is read-only."))
        elif not sheet.actions:
            self.hint.setText(self.tr("Nothing for you to do on this case now."))
        else:
            keys = "  ".join(
                f"{texts.action_name(a.action)} "
                f"{QKeySequence(a.key).toString(QKeySequence.SequenceFormat.NativeText)}"
                for a in sheet.actions
                if a.key
            )
            self.hint.setText(keys)

    def trigger(self, action: str) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        view = next((a for a in sheet.actions if a.action == action), None)
        if view is None:
            return
        p = self.ask(view)
        if p is None:
            return
        app, who, cid, version = self.ctx.app, self.ctx.identity, sheet.case_id, sheet.version
        for b in self.buttons.values():
            b.setEnabled(False)
        self.ctx.runner.run(
            lambda: app.lifecycle.do_id(cid, action, who, p, expected_version=version),
            self._done,
            self._failed,
            owner=self,
        )

    def _ask(self, view: ActionView) -> Params | None:
        needs_form = bool(view.needs) or view.action in OPTIONAL_TEXT
        if not needs_form:
            return Params()
        dlg = ActionDialog(view, self.units, self, self.preferred_unit)
        try:
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return None
            return dlg.params()
        finally:
            dlg.deleteLater()

    def _done(self, d: Done) -> None:
        self.ctx.messages.info(
            self.tr("Case {0}: {1}.").format(d.number, texts.action_name(d.action))
        )
        self.acted.emit()

    def _failed(self, exc: BaseException) -> None:
        texts.report_failure(self.ctx.messages, exc)
        self.acted.emit()
