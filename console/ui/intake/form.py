"""Case entry at call speed: keyboard-first form, inline errors, the case number large,
and beside it what helps while the caller talks: their history, the knowledge base,
possible duplicates, the dispatch suggestion with its SLA. Drafts are kept as the agent
types, so a crash never loses the call.

Shortcuts come from the keyboard map (console.ui.keys, "entry.*"). In the lists, Enter
does the list's action.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.domain.casetypes import CaseType
from console.domain.clock import to_local
from console.domain.validation import ENTERPRISE_CHANNEL
from console.infra import paths
from console.infra.drafts import DraftStore
from console.services.callers import CallerHistory
from console.services.cases import CLOSE, DISPATCH, SAVE
from console.services.category_search import CategoryIndex
from console.services.reference import ReferenceData
from console.ui import keys
from console.ui.context import UiContext
from console.ui.intake import case_fields
from console.ui.intake.case_fields import CATEGORY_SEP
from console.ui.intake.form_base import (
    DRAFT_DELAY_MS,
    DUPLICATES_DELAY_MS,
    HISTORY_DELAY_MS,
    ID_ROLE,
    KB_DELAY_MS,
    _single_shot,
)
from console.ui.intake.form_drafts import FormDrafts
from console.ui.intake.form_fields import FormFields
from console.ui.intake.form_saving import FormSaving
from console.ui.intake.panels import SidePanels
from console.ui.intake.suggestions import SuggestionPanel
from console.ui.runner import BackgroundRunner


class CaseEntryScreen(SidePanels, FormDrafts, FormSaving, FormFields):
    def __init__(self, ctx: UiContext, drafts: DraftStore | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("caseEntryScreen")
        self.ref: ReferenceData | None = None
        self.categories: CategoryIndex | None = None
        self.drafts = drafts or DraftStore.for_console(
            paths.data_dir(), ctx.app.settings.path, ctx.app.masked_url, ctx.identity.username
        )
        self._case_uuid = uuid.uuid4()
        self._saving = False
        # saves have threads of their own: when the link swallows traffic, the shared
        # runner's threads may all wait on the database, and a save must not queue
        # behind them (it goes to the offline outbox within seconds)
        self._save_runner = BackgroundRunner(ctx.messages.error, self, max_threads=2)
        self._restoring = False
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._kb_article_id: int | None = None
        self._same_issue_as: int | None = None
        self._same_issue_number = ""
        self._unit_manual = False
        self._history: CallerHistory | None = None
        self._tokens: dict[str, int] = {"history": 0, "kb": 0, "dups": 0, "route": 0}
        self._draft_seq = 0
        self._history_clicked = False
        self._build()
        self.setEnabled(False)
        self._category_ids: dict[str, int] = {}
        self._indexed_ref: ReferenceData | None = None
        # the form is usable as soon as the reference data is in; the pinyin index and
        # jieba (~0.5 s and ~0.7 s of CPU) are built after that, one after the other, so
        # they do not slow the first call
        self.ctx.runner.run(self.ctx.app.load_reference, self._reference_loaded, owner=self)

    def _build_search_indexes(self) -> None:
        assert self.ref is not None
        self._indexed_ref = self.ref  # rebuilt when the lists are refreshed (back online)
        leaves = [(c.id, c.path) for c in self.ref.leaf_categories()]
        knowledge = self.ctx.app.knowledge

        def index_built(index: CategoryIndex) -> None:
            self.categories = index
            typed = self.category.currentText()
            if typed.strip() and typed not in self._category_ids:
                self._category_typed(typed)  # pinyin typed before the index was there
            # jieba takes ~0.7 s to load: now, in the background, not on the first query
            self.ctx.runner.run(knowledge.warm_up, owner=self)

        self.ctx.runner.run(lambda: CategoryIndex(leaves), index_built, owner=self)

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        form_box = QWidget()
        form = QFormLayout(form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)

        # the caller first: the number brings up their history while they talk
        self.phone = case_fields.phone_edit()
        self.confidential = case_fields.confidential_box()
        ph = case_fields.row(self.phone, self.confidential)
        self._add(form, "caller_phone", self.tr("&Phone"), ph)

        self.caller_name = QLineEdit()
        self.anonymous = case_fields.anonymous_box()
        who = case_fields.row(self.caller_name, self.anonymous)
        self._add(form, "caller_name", self.tr("Caller &name"), who)

        self.channel = QComboBox()
        self._add(form, "channel_code", self.tr("C&hannel"), self.channel)

        types = case_fields.type_choice(self)
        self.type_consult, self.type_demand = types.consult, types.demand
        self.type_group, self.sub_type = types.group, types.sub_type
        self._add(form, "case_type", self.tr("Type"), types.row)
        self._errors["sub_type"] = self._errors["case_type"]

        self.description = case_fields.description_edit()
        self.description.setPlaceholderText(
            self.tr("What the caller asks or reports (the knowledge base searches as you type)")
        )
        self._add(form, "description", self.tr("Descr&iption"), self.description)
        self.suggestions = SuggestionPanel(self.ctx)  # learned from history (F8 takes one)
        form.addRow(self.suggestions)

        self.class_box = QComboBox()
        self._add(form, "class_code", self.tr("C&lass"), self.class_box)

        self.category = case_fields.category_combo()
        line = self.category.lineEdit()
        if line is not None:
            line.setPlaceholderText(
                self.tr("Type any part of a category name, or pinyin initials (e.g. zywr)")
            )
        self._category_model = QStringListModel(self)
        self.category_completer = QCompleter(self._category_model, self)
        self.category_completer.setCompletionMode(
            QCompleter.CompletionMode.UnfilteredPopupCompletion
        )
        self.category_completer.setMaxVisibleItems(12)
        self.category.setCompleter(self.category_completer)
        self._add(form, "category_id", self.tr("Matter ca&tegory"), self.category)

        place = case_fields.place_choice()
        self.district, self.town = place.district, place.town
        self._add(form, "district_id", self.tr("&District / town"), place.row)
        self.address = case_fields.address_edit()
        self._add(form, "address", self.tr("&Address"), self.address)

        self.enterprise = QLineEdit()
        self.credit_code = case_fields.credit_code_edit()
        self._enterprise_rows = [
            self._add(form, "enterprise_name", self.tr("&Enterprise"), self.enterprise),
            self._add(form, "credit_code", self.tr("Credit code"), self.credit_code),
        ]

        self.urgent = case_fields.urgent_box()
        self._add(form, "urgency", self.tr("Urgency"), self.urgent)
        # the urgent-matters catalogue's suggestion for what is typed (the agent decides)
        self.urgent_hint = QLabel()
        self.urgent_hint.setObjectName("hint")
        self.urgent_hint.setWordWrap(True)
        form.addRow("", self.urgent_hint)

        self.answer = QPlainTextEdit()
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(
            self.tr("The answer given on the call (Ctrl+I inserts the selected article)")
        )
        self.answer.setMaximumHeight(90)
        self._answer_row = self._add(form, "answer", self.tr("Ans&wer"), self.answer)

        # dispatch: the unit, co-handling units, the note and the SLA, visible before Ctrl+D
        dispatch = QWidget()
        dl = QVBoxLayout(dispatch)
        dl.setContentsMargins(0, 0, 0, 0)
        self.unit = QComboBox()
        self.co_units = QListWidget()
        self.co_units.setObjectName("coUnits")
        self.co_units.setMaximumHeight(70)
        self.co_units.setToolTip(self.tr("Co-handling units: Space ticks or unticks"))
        self.dispatch_note = QPlainTextEdit()
        self.dispatch_note.setTabChangesFocus(True)
        self.dispatch_note.setPlaceholderText(self.tr("Dispatch note for the handling unit"))
        self.dispatch_note.setMaximumHeight(60)
        self.sla_label = QLabel()
        self.sla_label.setObjectName("slaPreview")
        self.sla_label.setWordWrap(True)
        dl.addWidget(self.unit)
        dl.addWidget(QLabel(self.tr("Co-handling units")))
        dl.addWidget(self.co_units)
        dl.addWidget(self.dispatch_note)
        dl.addWidget(self.sla_label)
        self._unit_row = self._add(form, "unit_id", self.tr("Handli&ng unit"), dispatch)
        self._fields["unit_id"] = self.unit

        self.save_button = QPushButton(self.tr("Save ({0})").format(keys.shown("entry.save")))
        self.close_button = QPushButton(
            self.tr("Answer and close ({0})").format(keys.key("entry.close").keys[0])
        )
        self.dispatch_button = QPushButton(
            self.tr("Save and dispatch ({0})").format(keys.shown("entry.dispatch"))
        )
        self.new_button = QPushButton(self.tr("New case ({0})").format(keys.shown("entry.new")))
        buttons = QHBoxLayout()
        for b in (self.save_button, self.close_button, self.dispatch_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)

        # the fields scroll when the screen is short; the buttons stay below them, always
        # on screen (a 1366×768 workstation under the window's bars)
        scroll = QScrollArea()
        scroll.setObjectName("formFields")
        scroll.setWidget(form_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setMinimumHeight(200)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(scroll, 1)
        left.addLayout(buttons)

        side = self._build_side()

        lay = QHBoxLayout(self)
        lay.addLayout(left, 1)
        lay.addWidget(side)

        self._timers = {
            "history": _single_shot(self, HISTORY_DELAY_MS),
            "kb": _single_shot(self, KB_DELAY_MS),
            "dups": _single_shot(self, DUPLICATES_DELAY_MS),
            "draft": _single_shot(self, DRAFT_DELAY_MS),
        }
        self._timers["history"].timeout.connect(self._ask_history)
        self._timers["kb"].timeout.connect(self._ask_kb)
        self._timers["dups"].timeout.connect(self._ask_duplicates)
        self._timers["draft"].timeout.connect(self._write_draft)
        # inline errors mark (and focus) the input itself, not the row around it
        self._fields.update(
            caller_phone=self.phone,
            caller_name=self.caller_name,
            case_type=self.sub_type,
            district_id=self.district,
        )
        self._connect()
        self._tab_order()

    def _connect(self) -> None:
        self.suggestions.attach(self)
        self.type_consult.toggled.connect(self._type_changed)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.district.currentIndexChanged.connect(self._district_changed)
        self.town.currentIndexChanged.connect(self._place_changed)
        self.anonymous.toggled.connect(lambda on: self.caller_name.setEnabled(not on))
        self.phone.textEdited.connect(self._phone_edited)
        self.description.textChanged.connect(self._description_changed)
        self.address.textEdited.connect(lambda _t: self._timers["dups"].start())
        self.answer.textChanged.connect(self._answer_changed)
        self.urgent.toggled.connect(lambda _on: self._ask_routing())
        self.sub_type.currentIndexChanged.connect(lambda _i: self._ask_routing())
        self.description.textChanged.connect(self._suggest_urgency)
        self.class_box.currentIndexChanged.connect(lambda _i: self._ask_routing())
        line = self.category.lineEdit()
        if line is not None:
            line.textEdited.connect(self._category_typed)
        self.category_completer.activated.connect(self._category_chosen)
        self.category.currentIndexChanged.connect(lambda _i: self._category_chosen())
        self.unit.activated.connect(self._unit_chosen)
        self.save_button.clicked.connect(lambda: self.submit(SAVE))
        self.close_button.clicked.connect(lambda: self.submit(CLOSE))
        self.dispatch_button.clicked.connect(lambda: self.submit(DISPATCH))
        self.new_button.clicked.connect(lambda _checked=False: self.new_case())
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.number_label.text())
        )
        self.history_list.currentItemChanged.connect(lambda *_: self._history_selected())
        # Enter in the list adds the call to the open case; a double click opens the case
        # (Qt emits doubleClicked before activated: the double click is marked so that
        # its activation does not add the call as well)
        self.history_list.itemDoubleClicked.connect(lambda _i: self._history_double_clicked())
        self.history_list.itemActivated.connect(lambda _i: self._history_activated())
        self.open_case_button.clicked.connect(self.open_history_case)
        self.add_call_button.clicked.connect(self.add_call)
        self.kb_list.currentItemChanged.connect(lambda *_: self._kb_selected())
        self.kb_list.itemActivated.connect(lambda _i: self.insert_answer())
        self.kb_insert_button.clicked.connect(self.insert_answer)
        self.kb_admin_button.clicked.connect(self.open_kb_admin)
        self.dup_list.currentItemChanged.connect(lambda *_: self._dup_selected())
        self.dup_list.itemActivated.connect(lambda _i: self.toggle_same_issue())
        self.link_button.clicked.connect(self.toggle_same_issue)
        # every edit keeps the draft on disk
        for w in (self.phone, self.caller_name, self.address, self.enterprise, self.credit_code):
            w.textEdited.connect(self._changed)
        for t in (self.description, self.answer, self.dispatch_note):
            t.textChanged.connect(self._changed)
        for c in (self.anonymous, self.confidential, self.urgent, self.type_consult):
            c.toggled.connect(self._changed)
        for cb in (self.channel, self.sub_type, self.class_box, self.district, self.town):
            cb.currentIndexChanged.connect(self._changed)
        self.category.editTextChanged.connect(self._changed)
        self.unit.currentIndexChanged.connect(self._changed)
        self.co_units.itemChanged.connect(self._changed)

        # a field's error goes when the field is corrected
        for name, field in self._fields.items():
            if isinstance(field, QLineEdit):
                field.textEdited.connect(lambda _t, n=name: self.recheck_field(n))
            elif isinstance(field, QPlainTextEdit):
                field.textChanged.connect(lambda n=name: self.recheck_field(n))
            elif isinstance(field, QComboBox):
                field.currentIndexChanged.connect(lambda _i, n=name: self.recheck_field(n))
                if field.isEditable():
                    field.editTextChanged.connect(lambda _t, n=name: self.recheck_field(n))
        within = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for action, fn in (
            ("entry.save", lambda: self.submit(SAVE)),
            ("entry.close", lambda: self.submit(CLOSE)),
            ("entry.dispatch", lambda: self.submit(DISPATCH)),
            ("entry.new", lambda: self.new_case()),
            ("entry.history", lambda: self._focus_list(self.history_list)),
            ("entry.kb", lambda: self._focus_list(self.kb_list)),
            ("entry.duplicates", lambda: self._focus_list(self.dup_list)),
            ("entry.insert_answer", self.insert_answer),
            ("entry.add_call", self.add_call),
        ):
            keys.bind(action, self, fn, within)

    def _history_double_clicked(self) -> None:
        self._history_clicked = True
        self.open_history_case()

    def _history_activated(self) -> None:
        if self._history_clicked:
            self._history_clicked = False
            return
        self.add_call()

    def _phone_edited(self, _text: str) -> None:
        """The history shown is the previous number's: it goes at once (nothing can be
        added to the wrong caller's case), and the new number is looked up when typing
        pauses."""
        self._tokens["history"] += 1  # an answer still on its way is for the old number
        if self._history is not None or self.history_list.count():
            self._show_history(None)
        self._timers["history"].start()

    def _add(self, form: QFormLayout, name: str, title: str, widget: QWidget) -> QWidget:
        box, err = case_fields.field_box(widget)
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
        self._restoring = True
        self.channel.clear()
        for c in ref.channels:
            self.channel.addItem(c.name, c.code)
        case_fields.fill_classes(self.class_box, ref)
        self._category_ids = {
            c.path.replace("/", CATEGORY_SEP): c.id for c in ref.leaf_categories()
        }
        texts_ = list(self._category_ids)
        self._category_model.setStringList(texts_)
        self.category.clear()  # the lists may be refreshed (back online): never twice
        self.category.addItems(texts_)
        self.category.setCurrentIndex(-1)
        case_fields.fill_districts(self.district, ref)
        self.unit.clear()
        self.unit.addItem(self.tr("— choose a unit —"), None)
        self.co_units.clear()
        for u in ref.units:
            self.unit.addItem(u.name, u.id)
            item = QListWidgetItem(u.name)
            item.setData(ID_ROLE, u.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.co_units.addItem(item)
        self._type_changed()
        self._channel_changed()
        self._restoring = False
        # an unsaved call from before a crash comes back before anything is typed
        self.ctx.runner.run(self.drafts.load, self._draft_loaded, self._draft_failed, owner=self)

    def _draft_loaded(self, loaded: tuple[dict[str, Any], datetime] | None) -> None:
        if loaded is not None:
            fields, saved_at = loaded
            self.restore_fields(fields)
            self.status_label.setText(
                self.tr("Restored the unsaved call from {0}.").format(
                    to_local(saved_at).strftime("%H:%M:%S")
                )
            )
            self.draft_restored.emit()
        self.setEnabled(True)
        self.phone.setFocus()
        self.ready.emit()
        if self._indexed_ref is not self.ref:
            self._build_search_indexes()

    def _draft_failed(self, exc: BaseException) -> None:
        self.ctx.messages.error(exc)
        self._draft_loaded(None)

    def _type_changed(self) -> None:
        ctype = self._case_type()
        case_fields.fill_sub_types(self.sub_type, ctype)
        consult = ctype is CaseType.CONSULTATION
        self._set_row_visible(self._answer_row, consult)
        self._set_row_visible(self._unit_row, not consult)
        self._update_buttons()
        if not consult:
            self._ask_routing()
        self._timers["dups"].start()

    def _case_type(self) -> CaseType:
        return CaseType.CONSULTATION if self.type_consult.isChecked() else CaseType.DEMAND

    def _update_buttons(self) -> None:
        consult = self._case_type() is CaseType.CONSULTATION
        self.close_button.setEnabled(consult)
        self.dispatch_button.setEnabled(not consult and self._same_issue_as is None)

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
        case_fields.fill_towns(self.town, self.ref, self.district.currentData())
        self._place_changed()

    def _place_changed(self) -> None:
        self._suggest_local_unit()
        self._ask_routing()
        self._timers["dups"].start()

    def _suggest_local_unit(self) -> None:
        """At once, from reference data: the town's government, else the district's. The
        routing rules (asked in the background) may then suggest a better unit."""
        if self.ref is None or self._unit_manual:
            return
        for region_id in (self.town.currentData(), self.district.currentData()):
            if region_id is None:
                continue
            for u in self.ref.units:
                if u.region_id == region_id and u.kind in ("town", "district"):
                    self.unit.setCurrentIndex(self.unit.findData(u.id))
                    return

    def _unit_chosen(self, _index: int) -> None:
        self._unit_manual = True  # the agent's choice: suggestions no longer override it

    def confirm_discard(self) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("New case"))
        box.setText(self.tr("The call being typed has not been saved. Discard it?"))
        discard = box.addButton(self.tr("&Discard it"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&Keep typing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is discard

    def clear_form(self) -> None:
        """Ready for the next call: keeps channel, clears the rest, new idempotency key."""
        self._restoring = True
        self._discard_draft()
        self._case_uuid = uuid.uuid4()
        for w in (self.caller_name, self.phone, self.address, self.enterprise, self.credit_code):
            w.clear()
        self.description.clear()
        self.answer.clear()
        self.dispatch_note.clear()
        for cb in (self.anonymous, self.confidential, self.urgent):
            cb.setChecked(False)
        self.type_consult.setChecked(True)
        self.class_box.setCurrentIndex(0)
        self.category.setCurrentIndex(-1)
        self.category.clearEditText()
        self.district.setCurrentIndex(0)
        self.unit.setCurrentIndex(0)
        for i in range(self.co_units.count()):
            item = self.co_units.item(i)
            if item is not None:
                item.setCheckState(Qt.CheckState.Unchecked)
        self._kb_article_id = None
        self._unit_manual = False
        self._restoring = False
        self._set_same_issue(None, "")
        for name in ("history", "kb", "dups", "route"):
            self._tokens[name] += 1
        for t in ("history", "kb", "dups", "draft"):
            self._timers[t].stop()
        self._show_history(None)
        self.kb_list.clear()
        self._kb_selected()
        self.dup_list.clear()
        self._dup_selected()
        self.sla_label.clear()
        self.phone.setFocus()

    def _suggest_urgency(self) -> None:
        from console.services.urgent import suggest_for

        s = suggest_for(self.description.toPlainText())  # words only, no database
        if s is None or not s.makes_urgent:
            self.urgent_hint.setText("")
        elif s.matter.handoff:
            self.urgent_hint.setText(
                self.tr("Very urgent (特急): {0} — hand it to {1} and record the hand-off.")
                .format(s.matter.name, s.matter.handoff)
            )  # fmt: skip
        else:
            self.urgent_hint.setText(
                self.tr("Urgent matter (紧急): {0} — tick Urgent.").format(s.matter.name)
            )

    def new_case(self, ask: bool = True) -> None:
        """Ctrl+N: a blank form for the next call. A half-typed call is never discarded
        without the agent's word; when they keep it, nothing changes (its draft stays).
        ``ask=False``: nothing here was typed by the agent (a withdrawn screen pop)."""
        if ask and not self._is_blank() and not self.confirm_discard():
            self.phone.setFocus()
            return
        self.clear_form()
        self.show_errors([])
        self.number_label.setText("—")
        self.spoken_label.clear()
        self.status_label.clear()
        self.copy_button.setEnabled(False)
