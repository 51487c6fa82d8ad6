"""Case entry at call speed: keyboard-first form, inline errors, the case number large."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.casetypes import SUBTYPES_BY_TYPE, CaseType, Urgency
from console.numbering import spoken
from console.services.cases import CLOSE, DISPATCH, SAVE, SavedCase
from console.services.errors import ValidationFailed
from console.services.reference import ReferenceData
from console.ui import labels
from console.ui.context import UiContext
from console.validation import ENTERPRISE_CHANNEL, CaseDraft, FieldError

CATEGORY_SEP = " / "


class CaseEntryScreen(QWidget):
    case_saved = Signal(object)  # SavedCase
    ready = Signal()  # reference data loaded: the form can be typed into

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("caseEntryScreen")
        self.ref: ReferenceData | None = None
        self._case_uuid = uuid.uuid4()
        self._saving = False
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._category_ids: dict[str, int] = {}
        self._build()
        self.setEnabled(False)
        self.ctx.runner.run(self.ctx.app.reference.load, self._reference_loaded, owner=self)

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        form_box = QWidget()
        form = QFormLayout(form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

        self.channel = QComboBox()
        self._add(form, "channel_code", self.tr("C&hannel"), self.channel)

        self.type_consult = QRadioButton(self.tr("C&onsultation"))
        self.type_demand = QRadioButton(self.tr("De&mand"))
        self.type_group = QButtonGroup(self)
        self.type_group.addButton(self.type_consult)
        self.type_group.addButton(self.type_demand)
        self.type_consult.setChecked(True)
        self.sub_type = QComboBox()
        type_row = QWidget()
        tl = QHBoxLayout(type_row)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.type_consult)
        tl.addWidget(self.type_demand)
        tl.addWidget(self.sub_type, 1)
        self._add(form, "case_type", self.tr("Type"), type_row)
        self._errors["sub_type"] = self._errors["case_type"]

        self.class_box = QComboBox()
        self._add(form, "class_code", self.tr("C&lass"), self.class_box)

        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.category.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Type any part of a category name"))
        self._category_model = QStringListModel(self)
        completer = QCompleter(self._category_model, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.category.setCompleter(completer)
        self._add(form, "category_id", self.tr("Matter ca&tegory"), self.category)

        self.district = QComboBox()
        self.town = QComboBox()
        place = QWidget()
        pl = QHBoxLayout(place)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.district, 1)
        pl.addWidget(self.town, 1)
        self._add(form, "district_id", self.tr("&District / town"), place)
        self.address = QLineEdit()
        self.address.setPlaceholderText(self.tr("Street, number, landmark"))
        self._add(form, "address", self.tr("&Address"), self.address)

        self.caller_name = QLineEdit()
        self.anonymous = QCheckBox(self.tr("Anon&ymous"))
        who = QWidget()
        wl = QHBoxLayout(who)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.caller_name, 1)
        wl.addWidget(self.anonymous)
        self._add(form, "caller_name", self.tr("Caller &name"), who)
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Mobile or landline, e.g. 0757-83381234"))
        self.confidential = QCheckBox(self.tr("Confidential caller (unit never sees who called)"))
        ph = QWidget()
        phl = QHBoxLayout(ph)
        phl.setContentsMargins(0, 0, 0, 0)
        phl.addWidget(self.phone, 1)
        phl.addWidget(self.confidential)
        self._add(form, "caller_phone", self.tr("&Phone"), ph)

        self.enterprise = QLineEdit()
        self.credit_code = QLineEdit()
        self.credit_code.setMaxLength(18)
        self.credit_code.setPlaceholderText(self.tr("18-character unified social credit code"))
        self._enterprise_rows = [
            self._add(form, "enterprise_name", self.tr("&Enterprise"), self.enterprise),
            self._add(form, "credit_code", self.tr("Credit code"), self.credit_code),
        ]

        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What the caller asks or reports"))
        self.description.setMinimumHeight(90)
        self._add(form, "description", self.tr("Descr&iption"), self.description)

        self.urgent = QCheckBox(
            self.tr(
                "&Urgent matter (contact 1 h, on scene 2 h, feedback "
                "1 working day, result 3 working days)"
            )
        )
        self._add(form, "urgency", self.tr("Urgency"), self.urgent)

        self.answer = QPlainTextEdit()
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(self.tr("The answer given on the call"))
        self.answer.setMaximumHeight(80)
        self._answer_row = self._add(form, "answer", self.tr("Ans&wer"), self.answer)

        self.unit = QComboBox()
        self._unit_row = self._add(form, "unit_id", self.tr("Handli&ng unit"), self.unit)

        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Answer and close (Ctrl+Enter)"))
        self.dispatch_button = QPushButton(self.tr("Save and dispatch (Ctrl+D)"))
        self.new_button = QPushButton(self.tr("New case (Ctrl+N)"))
        self.save_button.setDefault(False)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.close_button, self.dispatch_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        form.addRow(buttons)

        scroll = QScrollArea()
        scroll.setWidget(form_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        # right: the case number, large, and this session's saved cases
        self.number_box = QGroupBox(self.tr("Case number to read to the caller"))
        nb = QVBoxLayout(self.number_box)
        self.number_label = QLabel("—")
        self.number_label.setObjectName("caseNumber")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.spoken_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy number"))
        self.copy_button.setEnabled(False)
        nb.addWidget(self.number_label)
        nb.addWidget(self.spoken_label)
        nb.addWidget(self.status_label)
        nb.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.recent = QListWidget()
        recent_box = QGroupBox(self.tr("Saved in this session"))
        rl = QVBoxLayout(recent_box)
        rl.addWidget(self.recent)
        side = QVBoxLayout()
        side.addWidget(self.number_box)
        side.addWidget(recent_box, 1)
        side_w = QWidget()
        side_w.setLayout(side)
        side_w.setMinimumWidth(320)
        side_w.setMaximumWidth(420)

        lay = QHBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(side_w)

        # behaviour
        self.type_consult.toggled.connect(self._type_changed)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.district.currentIndexChanged.connect(self._district_changed)
        self.town.currentIndexChanged.connect(self._suggest_unit)
        self.anonymous.toggled.connect(lambda on: self.caller_name.setEnabled(not on))
        self.save_button.clicked.connect(lambda: self.submit(SAVE))
        self.close_button.clicked.connect(lambda: self.submit(CLOSE))
        self.dispatch_button.clicked.connect(lambda: self.submit(DISPATCH))
        self.new_button.clicked.connect(self.new_case)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.number_label.text())
        )
        for seq, fn in (
            ("Ctrl+S", lambda: self.submit(SAVE)),
            ("Ctrl+Return", lambda: self.submit(CLOSE)),
            ("Ctrl+Enter", lambda: self.submit(CLOSE)),
            ("Ctrl+D", lambda: self.submit(DISPATCH)),
            ("Ctrl+N", self.new_case),
        ):
            QShortcut(
                QKeySequence(seq), self, fn, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )

    def _add(self, form: QFormLayout, name: str, title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(1)
        v.setAlignment(Qt.AlignmentFlag.AlignTop)
        v.addWidget(widget)
        err = QLabel()
        err.setObjectName("fieldError")
        err.setWordWrap(True)
        err.hide()
        v.addWidget(err)
        label = QLabel(title)
        label.setBuddy(widget)
        form.addRow(label, box)
        self._errors[name] = err
        self._fields[name] = widget
        box.setProperty("formLabel", label)
        return box

    # --- reference data --------------------------------------------------------------
    def _reference_loaded(self, ref: ReferenceData) -> None:
        self.ref = ref
        self.channel.clear()
        for c in ref.channels:
            self.channel.addItem(c.name, c.code)
        self.class_box.clear()
        self.class_box.addItem(self.tr("— choose —"), "")
        for c in ref.classes:
            self.class_box.addItem(c.name, c.code)
        paths = []
        for cat in ref.leaf_categories():
            text = cat.path.replace("/", CATEGORY_SEP)
            self._category_ids[text] = cat.id
            paths.append(text)
        self._category_model.setStringList(paths)
        self.category.addItems(paths)
        self.category.setCurrentIndex(-1)
        self.district.clear()
        self.district.addItem(self.tr("— district —"), None)
        for d in ref.districts():
            self.district.addItem(d.name, d.id)
        self.unit.clear()
        self.unit.addItem(self.tr("— choose a unit —"), None)
        for u in ref.units:
            self.unit.addItem(u.name, u.id)
        self._type_changed()
        self._channel_changed()
        self.setEnabled(True)
        self.channel.setFocus()
        self.ready.emit()

    def _type_changed(self) -> None:
        ctype = CaseType.CONSULTATION if self.type_consult.isChecked() else CaseType.DEMAND
        current = self.sub_type.currentData()
        self.sub_type.clear()
        for st in SUBTYPES_BY_TYPE[ctype]:
            self.sub_type.addItem(labels.sub_type_name(st), st.value)
        i = self.sub_type.findData(current)
        if i >= 0:
            self.sub_type.setCurrentIndex(i)
        consult = ctype is CaseType.CONSULTATION
        self._answer_row.setVisible(consult)
        self._set_row_visible(self._answer_row, consult)
        self._set_row_visible(self._unit_row, not consult)
        self.close_button.setEnabled(consult)
        self.dispatch_button.setEnabled(not consult)

    def _set_row_visible(self, box: QWidget, visible: bool) -> None:
        box.setVisible(visible)
        label = box.property("formLabel")
        if isinstance(label, QLabel):
            label.setVisible(visible)

    def _channel_changed(self) -> None:
        ent = self.channel.currentData() == ENTERPRISE_CHANNEL
        for row in self._enterprise_rows:
            self._set_row_visible(row, ent)
        if ent:
            i = self.class_box.findData("enterprise")
            if i >= 0 and not self.class_box.currentData():
                self.class_box.setCurrentIndex(i)

    def _district_changed(self) -> None:
        self.town.clear()
        self.town.addItem(self.tr("— town / street —"), None)
        did = self.district.currentData()
        if self.ref is not None and did is not None:
            for t in self.ref.towns_of(int(did)):
                self.town.addItem(t.name, t.id)
        self._suggest_unit()

    def _suggest_unit(self) -> None:
        """Route to the town's government, else the district's (editable by the agent)."""
        if self.ref is None:
            return
        for region_id in (self.town.currentData(), self.district.currentData()):
            if region_id is None:
                continue
            for u in self.ref.units:
                if u.region_id == region_id and u.kind in ("town", "district"):
                    self.unit.setCurrentIndex(self.unit.findData(u.id))
                    return

    # --- the draft -------------------------------------------------------------------
    def draft(self) -> CaseDraft:
        cat_text = self.category.currentText().strip()
        return CaseDraft(
            channel_code=self.channel.currentData() or "",
            case_type=CaseType.CONSULTATION if self.type_consult.isChecked() else CaseType.DEMAND,
            sub_type=self.sub_type.currentData() or "",
            class_code=self.class_box.currentData() or "",
            category_id=self._category_ids.get(cat_text),
            district_id=self.district.currentData(),
            town_id=self.town.currentData(),
            address=self.address.text(),
            caller_name=self.caller_name.text(),
            caller_phone=self.phone.text(),
            caller_anonymous=self.anonymous.isChecked(),
            caller_confidential=self.confidential.isChecked(),
            enterprise_name=self.enterprise.text() if self._enterprise_rows[0].isVisible() else "",
            credit_code=self.credit_code.text() if self._enterprise_rows[1].isVisible() else "",
            description=self.description.toPlainText(),
            urgency=Urgency.URGENT if self.urgent.isChecked() else Urgency.NORMAL,
            answer=self.answer.toPlainText(),
        )

    def submit(self, action: str) -> None:
        if self._saving or self.ref is None:
            return
        if action == CLOSE and not self.type_consult.isChecked():
            return
        if action == DISPATCH and self.type_consult.isChecked():
            return
        draft = self.draft()
        unit_id = self.unit.currentData() if action == DISPATCH else None
        case_uuid = self._case_uuid
        who = self.ctx.identity
        self._set_saving(True)
        self.ctx.runner.run(
            lambda: self.ctx.app.cases.create(
                draft, who, action=action, unit_id=unit_id, case_uuid=case_uuid
            ),
            self._saved,
            self._failed,
            owner=self,
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for b in (self.save_button, self.close_button, self.dispatch_button):
            b.setProperty("busy", saving)
        self.status_label.setText(self.tr("Saving…") if saving else self.status_label.text())

    def _saved(self, saved: SavedCase) -> None:
        self._set_saving(False)
        self.show_errors([])
        self.number_label.setText(saved.number)
        self.spoken_label.setText(spoken(saved.number))
        self.copy_button.setEnabled(True)
        self.status_label.setText(
            self.tr("{0} — saved. Read the number to the caller.").format(
                labels.status_name(saved.status)
            )
        )
        self.recent.insertItem(
            0,
            f"{saved.number}  {labels.status_name(saved.status)}  "
            f"{self.description.toPlainText()[:24]}",
        )
        self.case_saved.emit(saved)
        self.clear_form()

    def _failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, ValidationFailed):
            self.status_label.setText(self.tr("Not saved: please correct the marked fields."))
            self.show_errors(exc.errors)
            return
        self.status_label.setText(self.tr("Not saved. Everything you typed is still here."))
        self.ctx.messages.error(exc)

    def show_errors(self, errors: list[FieldError]) -> None:
        for name, label in self._errors.items():
            label.hide()
            label.clear()
            w = self._fields.get(name)
            if w is not None:
                w.setProperty("invalid", False)
                w.style().unpolish(w)
                w.style().polish(w)
        first: QWidget | None = None
        for e in errors:
            err_label = self._errors.get(e.field)
            if err_label is None:
                continue
            label = err_label
            text = labels.field_error(e)
            label.setText((label.text() + " " if label.text() else "") + text)
            label.show()
            w = self._fields.get(e.field)
            if w is not None:
                w.setProperty("invalid", True)
                w.style().unpolish(w)
                w.style().polish(w)
                first = first or w
        if first is not None:
            first.setFocus()

    def error_texts(self) -> dict[str, str]:
        """Visible inline errors by field (for tests and accessibility)."""
        return {k: v.text() for k, v in self._errors.items() if v.text()}

    def clear_form(self) -> None:
        """Ready for the next call: keeps channel, clears the rest, new idempotency key."""
        self._case_uuid = uuid.uuid4()
        for w in (self.caller_name, self.phone, self.address, self.enterprise, self.credit_code):
            w.clear()
        self.description.clear()
        self.answer.clear()
        for cb in (self.anonymous, self.confidential, self.urgent):
            cb.setChecked(False)
        self.type_consult.setChecked(True)
        self.class_box.setCurrentIndex(0)
        self.category.setCurrentIndex(-1)
        self.category.clearEditText()
        self.district.setCurrentIndex(0)
        self.unit.setCurrentIndex(0)
        self.phone.setFocus()

    def new_case(self) -> None:
        self.clear_form()
        self.show_errors([])
        self.number_label.setText("—")
        self.spoken_label.clear()
        self.status_label.clear()
        self.copy_button.setEnabled(False)
