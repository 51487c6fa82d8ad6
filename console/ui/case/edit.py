"""Editing a saved case, and the conflict dialog when another workstation saved first.

The editor keeps the :class:`EditableCase` it was opened with (its version) and saves
against it through the background runner. A refused save (:class:`EditConflict`)
opens :class:`ConflictDialog`: every changed field with its original value, theirs and
yours; fields only one side changed are merged by themselves, fields both changed are
chosen one by one. The user merges (and saves against the version now seen) or reloads
(their version, discarding the edit). Nothing is overwritten silently.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.casetypes import CaseType, Urgency
from console.domain.errors import Refused, UserError
from console.domain.merge import FieldChange
from console.services.case_edit import CaseFields, EditableCase, EditConflict
from console.services.errors import ValidationFailed
from console.services.reference import ReferenceData
from console.ui import keys, labels
from console.ui.context import UiContext
from console.ui.errors import describe
from console.ui.intake import case_fields, texts
from console.ui.intake.case_fields import CATEGORY_SEP

MERGE = 2  # ConflictDialog results besides Rejected (0): merge, reload
RELOAD = 3


def plain(label: QLabel) -> QLabel:
    """Text a caller typed is shown as typed: never interpreted as HTML."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class FieldNames:
    """Translated field titles and value texts, shared by the editor and the conflict
    dialog."""

    def __init__(self, ref: ReferenceData) -> None:
        self.ref = ref
        self._categories = {c.id: c.path.replace("/", CATEGORY_SEP) for c in ref.categories}
        self._regions = {r.id: r.name for r in ref.regions}
        self._classes = {c.code: c.name for c in ref.classes}

    @staticmethod
    def title(field: str) -> str:
        return labels.field_title(field)

    def value(self, field: str, v: Any) -> str:
        if v is None or v == "":
            return "—"
        if isinstance(v, bool):
            return (
                QCoreApplication.translate("case_edit", "yes")
                if v
                else QCoreApplication.translate("case_edit", "no")
            )
        if field == "case_type":
            return labels.case_type_name(str(v))
        if field == "sub_type":
            return labels.sub_type_name(str(v))
        if field == "urgency":
            return labels.urgency_name(str(v))
        if field == "class_code":
            return self._classes.get(str(v), str(v))
        if field == "category_id":
            return self._categories.get(int(v), f"#{v}")
        if field in ("district_id", "town_id"):
            return self._regions.get(int(v), f"#{v}")
        return str(v)


class CaseEditDialog(QDialog):
    """The edit mode of a case. ``saved(EditableCase)`` when a save went through."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        case: EditableCase,
        ref: ReferenceData,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.base = case  # the version this edit started from
        self.ref = ref
        self.names = FieldNames(ref)
        self.conflict: EditConflict | None = None
        self.conflict_dialog: ConflictDialog | None = None
        self.setWindowTitle(self.tr("Edit case {0}").format(case.number))
        self.resize(760, 680)
        self._errors: dict[str, QLabel] = {}
        self._build()
        self.show_fields(case.fields)
        self.status = plain(QLabel())
        self.status.setWordWrap(True)
        self.status.setObjectName("editStatus")
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("&Save changes"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        keys.bind("case.save", self, lambda: self.save())
        self.layout().addWidget(self.status)  # type: ignore[union-attr]
        self.layout().addWidget(buttons)  # type: ignore[union-attr]

    # --- the form ------------------------------------------------------------------
    def _build(self) -> None:
        lay = QVBoxLayout(self)
        form = QFormLayout()
        lay.addLayout(form)
        self.form = form

        self.title_edit = QLineEdit()
        # no maxLength: a long paste is not cut silently, the field message says the limit
        self._add("title", self.title_edit)

        types = case_fields.type_choice(self)
        self.type_consult, self.type_demand, self.sub_type = (
            types.consult,
            types.demand,
            types.sub_type,
        )
        self._add("case_type", types.row)
        self._errors["sub_type"] = self._errors["case_type"]
        self.type_consult.toggled.connect(self._type_changed)

        self.urgent = case_fields.urgent_box()
        self._add("urgency", self.urgent)

        self.class_box = QComboBox()
        case_fields.fill_classes(self.class_box, self.ref)
        self._add("class_code", self.class_box)

        self.category = case_fields.category_combo()
        self.category.addItem("—", None)
        for c in self.ref.categories:
            self.category.addItem(c.path.replace("/", CATEGORY_SEP), c.id)
        model = QStringListModel([self.category.itemText(i) for i in range(self.category.count())])
        completer = QCompleter(model, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.category.setCompleter(completer)
        self._add("category_id", self.category)

        place = case_fields.place_choice()
        self.district, self.town = place.district, place.town
        case_fields.fill_districts(self.district, self.ref)
        self._add("district_id", place.row)
        self._errors["town_id"] = self._errors["district_id"]
        self.district.currentIndexChanged.connect(self._district_changed)

        self.address = case_fields.address_edit()
        self._add("address", self.address)

        self.caller_name = QLineEdit()
        self.anonymous = case_fields.anonymous_box()
        self.confidential = case_fields.confidential_box()
        self._add("caller_name", case_fields.row(self.caller_name, self.anonymous))
        self.phone = case_fields.phone_edit()
        self._add("caller_phone", case_fields.row(self.phone, self.confidential))

        self.enterprise = QLineEdit()
        self._add("enterprise_name", self.enterprise)
        self.credit_code = case_fields.credit_code_edit()
        self._add("credit_code", self.credit_code)

        self.description = case_fields.description_edit()
        self.description.setMinimumHeight(120)
        self._add("description", self.description)

    def _add(self, name: str, widget: QWidget) -> None:
        box, err = case_fields.field_box(widget)
        self._errors[name] = err
        self.form.addRow(FieldNames.title(name) + ":", box)

    def _type_changed(self) -> None:
        ctype = CaseType.CONSULTATION if self.type_consult.isChecked() else CaseType.DEMAND
        case_fields.fill_sub_types(self.sub_type, ctype)

    def _district_changed(self) -> None:
        case_fields.fill_towns(self.town, self.ref, self.district.currentData())

    @staticmethod
    def _pick(combo: QComboBox, value: Any) -> None:
        i = combo.findData(value)
        combo.setCurrentIndex(max(i, 0))

    def show_fields(self, f: CaseFields) -> None:
        self.title_edit.setText(f.title)
        (self.type_demand if f.case_type == CaseType.DEMAND else self.type_consult).setChecked(True)
        self._type_changed()
        self._pick(self.sub_type, f.sub_type)
        self.urgent.setChecked(f.urgency == Urgency.URGENT)
        self._pick(self.class_box, f.class_code)
        self._pick(self.category, f.category_id)
        self._pick(self.district, f.district_id)
        self._district_changed()
        self._pick(self.town, f.town_id)
        self.address.setText(f.address)
        self.caller_name.setText(f.caller_name)
        self.anonymous.setChecked(f.caller_anonymous)
        self.confidential.setChecked(f.caller_confidential)
        self.phone.setText(f.caller_phone)
        self.enterprise.setText(f.enterprise_name)
        self.credit_code.setText(f.credit_code)
        self.description.setPlainText(f.description)

    def _category_id(self) -> int | None:
        text = self.category.currentText().strip()
        i = self.category.findText(text)
        if i < 0:
            return None if text in ("", "—") else -1  # typed, not chosen: "unknown"
        data = self.category.itemData(i)
        return int(data) if data is not None else None

    def fields(self) -> CaseFields:
        return CaseFields(
            case_type=CaseType.CONSULTATION if self.type_consult.isChecked() else CaseType.DEMAND,
            sub_type=str(self.sub_type.currentData() or ""),
            class_code=str(self.class_box.currentData() or ""),
            category_id=self._category_id(),
            district_id=self.district.currentData(),
            town_id=self.town.currentData(),
            address=self.address.text(),
            caller_name=self.caller_name.text(),
            caller_phone=self.phone.text(),
            caller_anonymous=self.anonymous.isChecked(),
            caller_confidential=self.confidential.isChecked(),
            enterprise_name=self.enterprise.text(),
            credit_code=self.credit_code.text(),
            title=self.title_edit.text(),
            description=self.description.toPlainText(),
            urgency=Urgency.URGENT if self.urgent.isChecked() else Urgency.NORMAL,
        )

    # --- saving --------------------------------------------------------------------
    def save(self, mine: CaseFields | None = None) -> None:
        fields = mine if isinstance(mine, CaseFields) else self.fields()
        base, who, svc = self.base, self.ctx.identity, self.ctx.app.case_edit
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.ctx.runner.run(
            lambda: svc.save(base, fields, who), self._saved, self._failed, owner=self
        )

    def _saved(self, case: EditableCase) -> None:
        self.save_button.setEnabled(True)
        self.base = case
        self.show_errors([])
        self.status.setText(self.tr("Saved."))
        self.saved.emit(case)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, EditConflict):
            self.status.setText(
                self.tr(
                    "Not saved: {0} changed this case since you opened it. "
                    "Compare the changes, then merge or reload."
                ).format(exc.current.last_changed_by or self.tr("someone else"))
            )
            self.show_conflict(exc)
            return
        if isinstance(exc, ValidationFailed):
            self.status.setText(self.tr("Not saved: please correct the marked fields."))
            self.show_errors(exc.errors)
            return
        if isinstance(exc, Refused):
            self.status.setText(
                self.tr(
                    "Not saved: you may not edit this case (it is closed or held by another agent)."
                )
            )
            return
        if isinstance(exc, UserError):
            self.status.setText(self.tr("Not saved: {0}").format(describe(exc)))
            return
        self.status.setText(self.tr("Not saved. Your changes are still here."))
        self.ctx.messages.error(exc)

    def show_errors(self, errors: list[Any]) -> None:
        for label in self._errors.values():
            label.clear()
            label.hide()
        for e in errors:
            err = self._errors.get(e.field)
            if err is None:
                continue
            text = texts.field_error(e)
            err.setText((err.text() + " " if err.text() else "") + text)
            err.show()

    def error_texts(self) -> dict[str, str]:
        return {k: v.text() for k, v in self._errors.items() if v.text()}

    # --- conflicts -----------------------------------------------------------------
    def show_conflict(self, conflict: EditConflict) -> None:
        self.conflict = conflict
        dlg = ConflictDialog(conflict, self.names, self)
        self.conflict_dialog = dlg
        dlg.finished.connect(self._conflict_decided)
        dlg.open()

    def _conflict_decided(self, result: int) -> None:
        dlg, conflict = self.conflict_dialog, self.conflict
        self.conflict_dialog = None
        if dlg is None or conflict is None:
            return
        dlg.deleteLater()
        if result == MERGE:
            merged = conflict.merged(dlg.choices())
            self.base = conflict.current
            self.show_fields(merged)
            self.save(merged)
        elif result == RELOAD:
            self.base = conflict.current
            self.show_fields(conflict.current.fields)
            self.show_errors([])
            self.status.setText(
                self.tr("Reloaded: the case as saved by {0}; your changes were discarded.").format(
                    conflict.current.last_changed_by or self.tr("someone else")
                )
            )
        else:
            self.status.setText(
                self.tr("Not saved. Your changes are still here; saving again compares them.")
            )


class ConflictDialog(QDialog):
    """What changed, field by field: original, theirs, yours; a choice where both
    changed a field. Result: MERGE, RELOAD or Rejected (back to editing)."""

    def __init__(self, conflict: EditConflict, names: FieldNames, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(
            self.tr("Case {0} was changed meanwhile").format(conflict.current.number)
        )
        self.resize(900, 420)
        who = conflict.current.last_changed_by or self.tr("someone else")
        intro = plain(
            QLabel(
                self.tr(
                    "{0} saved this case after you opened it. Nothing of yours was saved. "
                    "Fields only one of you changed are merged; where you both changed a "
                    "field, choose which value to keep."
                ).format(who)
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("Original"),
                self.tr("Theirs ({0})").format(who),
                self.tr("Yours"),
                self.tr("Keep"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
        self._choosers: dict[str, QComboBox] = {}
        changes = conflict.merge.changes
        self.table.setRowCount(len(changes))
        for r, ch in enumerate(changes):
            self._row(r, ch, names)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox()
        self.merge_button = QPushButton(self.tr("&Merge and save"))
        self.reload_button = QPushButton(self.tr("&Reload theirs (discard mine)"))
        self.back_button = QPushButton(self.tr("&Back to editing"))
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.merge_button.clicked.connect(lambda: self.done(MERGE))
        self.reload_button.clicked.connect(lambda: self.done(RELOAD))
        self.back_button.clicked.connect(self.reject)
        self._update()
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.table, 1)
        lay.addWidget(buttons)

    def _row(self, r: int, ch: FieldChange, names: FieldNames) -> None:
        def cell(c: int, text: str, bold: bool = False) -> None:
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if bold:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.table.setItem(r, c, item)

        cell(0, FieldNames.title(ch.field), ch.conflict)
        cell(1, names.value(ch.field, ch.base))
        cell(2, names.value(ch.field, ch.theirs), ch.changed_by_them)
        cell(3, names.value(ch.field, ch.mine), ch.changed_by_me)
        if ch.conflict:
            chooser = QComboBox()
            chooser.addItem(self.tr("— choose —"), None)
            chooser.addItem(self.tr("Theirs"), "theirs")
            chooser.addItem(self.tr("Yours"), "mine")
            chooser.currentIndexChanged.connect(self._update)
            self._choosers[ch.field] = chooser
            self.table.setCellWidget(r, 4, chooser)
        else:
            keep = self.tr("Theirs") if ch.changed_by_them else self.tr("Yours")
            if ch.changed_by_them and ch.changed_by_me:
                keep = self.tr("Same")
            cell(4, keep)
        self._update()

    def _update(self) -> None:
        if hasattr(self, "merge_button"):
            self.merge_button.setEnabled(all(c.currentData() for c in self._choosers.values()))

    def choose(self, field: str, side: str) -> None:
        c = self._choosers[field]
        c.setCurrentIndex(c.findData(side))

    def choices(self) -> dict[str, str]:
        return {f: str(c.currentData()) for f, c in self._choosers.items() if c.currentData()}

    def cell_texts(self) -> list[tuple[str, str, str, str]]:
        """(field, original, theirs, yours) as shown (tests and accessibility)."""
        out = []
        for r in range(self.table.rowCount()):
            texts_ = []
            for c in range(4):
                item = self.table.item(r, c)
                texts_.append(item.text() if item else "")
            out.append((texts_[0], texts_[1], texts_[2], texts_[3]))
        return out


def open_editor(
    ctx: UiContext,
    case_id: int,
    parent: QWidget,
    on_open: Callable[[CaseEditDialog], None],
    on_refused: Callable[[str], None],
) -> None:
    """Load the case (its version now) and the reference data off the GUI thread, then
    open the editor, or say why this user may not edit the case."""
    who, app = ctx.identity, ctx.app

    def work() -> tuple[EditableCase, ReferenceData]:
        return app.case_edit.load(case_id, who), app.reference.load()

    def loaded(result: tuple[EditableCase, ReferenceData]) -> None:
        case, ref = result
        if not case.editable:
            on_refused(case.refusal or "")
            return
        dlg = CaseEditDialog(ctx, case, ref, parent)
        on_open(dlg)
        dlg.open()

    ctx.runner.run(work, loaded, ctx.messages.error, owner=parent)
