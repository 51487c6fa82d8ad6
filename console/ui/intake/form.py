"""Case entry at call speed: keyboard-first form, inline errors, the case number large,
and beside it what helps while the caller talks: their history, the knowledge base,
possible duplicates, the dispatch suggestion with its SLA. Drafts are kept as the agent
types, so a crash never loses the call.

Shortcuts: Ctrl+N new case · Ctrl+S save · Ctrl+Enter answer and close · Ctrl+D save
and dispatch · Ctrl+H caller history · Ctrl+K knowledge base · Ctrl+I insert the
selected answer · Ctrl+L possible duplicates · Ctrl+Shift+A add this call to the
selected open case. In the lists, Enter does the list's action.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.domain.casetypes import SUBTYPES_BY_TYPE, CaseType, Urgency
from console.domain.clock import to_local
from console.domain.numbering import spoken
from console.domain.validation import ENTERPRISE_CHANNEL, CaseDraft, FieldError, phone_kind
from console.infra import paths
from console.infra.drafts import DraftStore
from console.services.callers import AddedCall, CallerHistory
from console.services.cases import CLOSE, DISPATCH, SAVE, SavedCase
from console.services.category_search import CategoryIndex
from console.services.duplicates import Candidate, DuplicateQuery
from console.services.errors import ServiceError, ValidationFailed
from console.services.importer import CLASS_OF_LEVEL1
from console.services.intake import IntakeExtras
from console.services.knowledge import KbHit
from console.services.reference import ReferenceData
from console.services.routing import RoutingSuggestion
from console.ui import labels
from console.ui.context import UiContext
from console.ui.intake import texts
from console.ui.runner import BackgroundRunner

CATEGORY_SEP = " / "
ID_ROLE = Qt.ItemDataRole.UserRole
OPEN_ROLE = Qt.ItemDataRole.UserRole + 1

HISTORY_DELAY_MS = 250  # after the last digit: the number is complete when typing pauses
KB_DELAY_MS = 350
DUPLICATES_DELAY_MS = 500
DRAFT_DELAY_MS = 400


def _single_shot(parent: QWidget, ms: int) -> QTimer:
    t = QTimer(parent)
    t.setSingleShot(True)
    t.setInterval(ms)
    return t


class CaseEntryScreen(QWidget):
    case_saved = Signal(object)  # SavedCase
    call_added = Signal(object)  # AddedCall: a repeat call recorded on an open case
    ready = Signal()  # reference data loaded: the form can be typed into
    history_shown = Signal(object)  # CallerHistory
    kb_shown = Signal(object)  # list[KbHit]
    duplicates_shown = Signal(object)  # list[Candidate]
    routing_shown = Signal(object)  # RoutingSuggestion
    draft_written = Signal(int)  # sequence number of the draft now on disk
    draft_restored = Signal()

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
        self._build()
        self.setEnabled(False)
        self._category_ids: dict[str, int] = {}
        # the form is usable as soon as the reference data is in; the pinyin index and
        # jieba (~0.5 s and ~0.7 s of CPU) are built after that, one after the other, so
        # they do not slow the first call
        self.ctx.runner.run(self.ctx.app.reference.load, self._reference_loaded, owner=self)

    def _build_search_indexes(self) -> None:
        assert self.ref is not None
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
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("Mobile or landline, e.g. 0757-83381234"))
        self.confidential = QCheckBox(self.tr("Confidential caller (unit never sees who called)"))
        ph = QWidget()
        phl = QHBoxLayout(ph)
        phl.setContentsMargins(0, 0, 0, 0)
        phl.addWidget(self.phone, 1)
        phl.addWidget(self.confidential)
        self._add(form, "caller_phone", self.tr("&Phone"), ph)

        self.caller_name = QLineEdit()
        self.anonymous = QCheckBox(self.tr("Anon&ymous"))
        who = QWidget()
        wl = QHBoxLayout(who)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.caller_name, 1)
        wl.addWidget(self.anonymous)
        self._add(form, "caller_name", self.tr("Caller &name"), who)

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

        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(
            self.tr("What the caller asks or reports (the knowledge base searches as you type)")
        )
        self.description.setMinimumHeight(90)
        self._add(form, "description", self.tr("Descr&iption"), self.description)

        self.class_box = QComboBox()
        self._add(form, "class_code", self.tr("C&lass"), self.class_box)

        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
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

        self.enterprise = QLineEdit()
        self.credit_code = QLineEdit()
        self.credit_code.setMaxLength(18)
        self.credit_code.setPlaceholderText(self.tr("18-character unified social credit code"))
        self._enterprise_rows = [
            self._add(form, "enterprise_name", self.tr("&Enterprise"), self.enterprise),
            self._add(form, "credit_code", self.tr("Credit code"), self.credit_code),
        ]

        self.urgent = QCheckBox(
            self.tr(
                "&Urgent matter (contact 1 h, on scene 2 h, feedback "
                "1 working day, result 3 working days)"
            )
        )
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

        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Answer and close (Ctrl+Enter)"))
        self.dispatch_button = QPushButton(self.tr("Save and dispatch (Ctrl+D)"))
        self.new_button = QPushButton(self.tr("New case (Ctrl+N)"))
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
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        # right: the case number, large; then what helps while the caller talks
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

        self.history_box = QGroupBox(self.tr("Caller history (Ctrl+H)"))
        hl = QVBoxLayout(self.history_box)
        self.history_label = QLabel(self.tr("Type the caller's number to see their cases."))
        self.history_label.setWordWrap(True)
        self.history_list = QListWidget()
        self.history_list.setObjectName("callerHistory")
        self.add_call_button = QPushButton(self.tr("Add this call to the selected open case"))
        self.add_call_button.setToolTip(self.tr("Ctrl+Shift+A, or Enter in the list"))
        self.add_call_button.setEnabled(False)
        hl.addWidget(self.history_label)
        hl.addWidget(self.history_list, 1)
        hl.addWidget(self.add_call_button)

        self.kb_box = QGroupBox(self.tr("Knowledge base (Ctrl+K)"))
        kl = QVBoxLayout(self.kb_box)
        self.kb_list = QListWidget()
        self.kb_list.setObjectName("kbResults")
        self.kb_detail = QLabel()
        self.kb_detail.setWordWrap(True)
        self.kb_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kb_insert_button = QPushButton(self.tr("Insert answer (Ctrl+I)"))
        self.kb_insert_button.setEnabled(False)
        self.kb_admin_button = QPushButton(self.tr("Maintain articles…"))
        self.kb_admin_button.setVisible(self.ctx.identity.is_supervisor)
        krow = QHBoxLayout()
        krow.addWidget(self.kb_insert_button)
        krow.addStretch(1)
        krow.addWidget(self.kb_admin_button)
        kl.addWidget(self.kb_list, 1)
        kl.addWidget(self.kb_detail)
        kl.addLayout(krow)

        self.dup_box = QGroupBox(self.tr("Possible duplicates (Ctrl+L)"))
        ul = QVBoxLayout(self.dup_box)
        self.dup_list = QListWidget()
        self.dup_list.setObjectName("duplicates")
        self.link_label = QLabel()
        self.link_label.setWordWrap(True)
        self.link_button = QPushButton(self.tr("Same issue: link to the selected case"))
        self.link_button.setEnabled(False)
        ul.addWidget(self.dup_list, 1)
        ul.addWidget(self.link_label)
        ul.addWidget(self.link_button)

        for lst in (self.history_list, self.kb_list, self.dup_list):
            lst.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            lst.setWordWrap(True)

        side = QSplitter(Qt.Orientation.Vertical)
        for w in (self.number_box, self.history_box, self.kb_box, self.dup_box):
            side.addWidget(w)
        side.setStretchFactor(1, 2)
        side.setStretchFactor(2, 3)
        side.setStretchFactor(3, 2)
        side.setMinimumWidth(340)
        side.setMaximumWidth(520)

        lay = QHBoxLayout(self)
        lay.addWidget(scroll, 1)
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
        self.type_consult.toggled.connect(self._type_changed)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.district.currentIndexChanged.connect(self._district_changed)
        self.town.currentIndexChanged.connect(self._place_changed)
        self.anonymous.toggled.connect(lambda on: self.caller_name.setEnabled(not on))
        self.phone.textEdited.connect(lambda _t: self._timers["history"].start())
        self.description.textChanged.connect(self._description_changed)
        self.address.textEdited.connect(lambda _t: self._timers["dups"].start())
        self.answer.textChanged.connect(self._answer_changed)
        self.urgent.toggled.connect(lambda _on: self._ask_routing())
        self.sub_type.currentIndexChanged.connect(lambda _i: self._ask_routing())
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
        self.new_button.clicked.connect(self.new_case)
        self.copy_button.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.number_label.text())
        )
        self.history_list.currentItemChanged.connect(lambda *_: self._history_selected())
        self.history_list.itemActivated.connect(lambda _i: self.add_call())
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

        for seq, fn in (
            ("Ctrl+S", lambda: self.submit(SAVE)),
            ("Ctrl+Return", lambda: self.submit(CLOSE)),
            ("Ctrl+Enter", lambda: self.submit(CLOSE)),
            ("Ctrl+D", lambda: self.submit(DISPATCH)),
            ("Ctrl+N", self.new_case),
            ("Ctrl+H", lambda: self._focus_list(self.history_list)),
            ("Ctrl+K", lambda: self._focus_list(self.kb_list)),
            ("Ctrl+L", lambda: self._focus_list(self.dup_list)),
            ("Ctrl+I", self.insert_answer),
            ("Ctrl+Shift+A", self.add_call),
        ):
            QShortcut(
                QKeySequence(seq), self, fn, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            )

    def _tab_order(self) -> None:
        order: list[QWidget] = [
            self.phone,
            self.confidential,
            self.caller_name,
            self.anonymous,
            self.channel,
            self.type_consult,
            self.type_demand,
            self.sub_type,
            self.description,
            self.class_box,
            self.category,
            self.district,
            self.town,
            self.address,
            self.enterprise,
            self.credit_code,
            self.urgent,
            self.answer,
            self.unit,
            self.co_units,
            self.dispatch_note,
            self.save_button,
            self.close_button,
            self.dispatch_button,
            self.new_button,
            self.history_list,
            self.add_call_button,
            self.kb_list,
            self.kb_insert_button,
            self.dup_list,
            self.link_button,
        ]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

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
        self._restoring = True
        self.channel.clear()
        for c in ref.channels:
            self.channel.addItem(c.name, c.code)
        self.class_box.clear()
        self.class_box.addItem(self.tr("— choose —"), "")
        for c in ref.classes:
            self.class_box.addItem(c.name, c.code)
        self._category_ids = {
            c.path.replace("/", CATEGORY_SEP): c.id for c in ref.leaf_categories()
        }
        texts_ = list(self._category_ids)
        self._category_model.setStringList(texts_)
        self.category.addItems(texts_)
        self.category.setCurrentIndex(-1)
        self.district.clear()
        self.district.addItem(self.tr("— district —"), None)
        for d in ref.districts():
            self.district.addItem(d.name, d.id)
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
        if self.categories is None:
            self._build_search_indexes()

    def _draft_failed(self, exc: BaseException) -> None:
        self.ctx.messages.error(exc)
        self._draft_loaded(None)

    def _type_changed(self) -> None:
        ctype = self._case_type()
        current = self.sub_type.currentData()
        self.sub_type.clear()
        for st in SUBTYPES_BY_TYPE[ctype]:
            self.sub_type.addItem(labels.sub_type_name(st), st.value)
        i = self.sub_type.findData(current)
        if i >= 0:
            self.sub_type.setCurrentIndex(i)
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
        self.town.clear()
        self.town.addItem(self.tr("— town / street —"), None)
        did = self.district.currentData()
        if self.ref is not None and did is not None:
            for t in self.ref.towns_of(int(did)):
                self.town.addItem(t.name, t.id)
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

    # --- category: any part of the name, or pinyin ----------------------------------
    def _category_typed(self, text: str) -> None:
        if self.categories is None:
            return
        matches = [e.text for e in self.categories.match(text)]
        self._category_model.setStringList(matches)
        if text.strip() and matches:
            self.category_completer.setCompletionPrefix("")
            self.category_completer.complete()

    def _category_chosen(self, _text: str = "") -> None:
        cid = self._category_id()
        if cid is None or self._restoring:
            return
        if self.ref is not None and not self.class_box.currentData():
            level1 = self.category.currentText().split(CATEGORY_SEP)[0]
            i = self.class_box.findData(CLASS_OF_LEVEL1.get(level1, ""))
            if i >= 0:
                self.class_box.setCurrentIndex(i)
        self._ask_routing()
        self._timers["dups"].start()

    def _category_id(self) -> int | None:
        return self._category_ids.get(self.category.currentText().strip())

    # --- lookups while the agent types ------------------------------------------------
    def _latest(
        self,
        name: str,
        fetch: Callable[[], Any] | None,
        show: Callable[[Any], None],
        at_once: Any = None,
    ) -> None:
        """Ask for one lookup of a kind (history, kb, dups, route) in the background and
        show its answer only if no newer one was asked meanwhile (or the form cleared).
        Without ``fetch``, ``at_once`` is shown now, and older answers are dropped."""
        self._tokens[name] += 1
        token = self._tokens[name]
        if fetch is None:
            show(at_once)
            return

        def arrived(result: Any) -> None:
            if token == self._tokens[name]:  # else: the input changed meanwhile
                show(result)

        self.ctx.runner.run(fetch, arrived, owner=self)

    # --- caller history --------------------------------------------------------------
    def _ask_history(self) -> None:
        raw = self.phone.text()
        if phone_kind(raw) is None:
            if not raw.strip():
                self._show_history(None)
            return
        self.history_label.setText(self.tr("Looking up {0}…").format(raw.strip()))
        self._latest("history", lambda: self.ctx.app.callers.history(raw), self._history_arrived)

    def _history_arrived(self, history: CallerHistory | None) -> None:
        self._show_history(history)
        self.history_shown.emit(history)

    def _show_history(self, history: CallerHistory | None) -> None:
        self._history = history
        self.history_list.clear()
        if history is None:
            self.history_label.setText(self.tr("Type the caller's number to see their cases."))
            self.add_call_button.setEnabled(False)
            return
        if not history.cases:
            self.history_label.setText(self.tr("First call from this number."))
        else:
            n_open = len(history.open_cases)
            self.history_label.setText(
                self.tr("{0} earlier cases, {1} open. Newest first.").format(
                    f"{len(history.cases)}+" if history.more else len(history.cases), n_open
                )
            )
        for c in history.cases:
            item = QListWidgetItem(texts.past_case_line(c))
            item.setData(ID_ROLE, c.id)
            item.setData(OPEN_ROLE, c.open)
            if c.open:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.history_list.addItem(item)
        if history.open_cases:
            # the newest open case is preselected: one click (or Enter) adds the call to it
            for i in range(self.history_list.count()):
                item = self.history_list.item(i)
                if item is not None and item.data(OPEN_ROLE):
                    self.history_list.setCurrentRow(i)
                    break
        self._history_selected()

    def _history_selected(self) -> None:
        item = self.history_list.currentItem()
        self.add_call_button.setEnabled(bool(item is not None and item.data(OPEN_ROLE)))

    def add_call(self) -> None:
        """Record this call on the selected open case instead of opening a duplicate."""
        item = self.history_list.currentItem()
        if item is None or not item.data(OPEN_ROLE) or self._saving:
            return
        text = self.description.toPlainText().strip()
        if not text:
            self.show_errors([FieldError("description", "required")])
            return
        case_id = int(item.data(ID_ROLE))
        phone, who = self.phone.text(), self.ctx.identity
        cases = self._history.cases if self._history is not None else ()
        past = next((c for c in cases if c.id == case_id), None)
        number, status = (past.number, past.status) if past is not None else ("", "")
        offline = self.ctx.app.offline  # kept on this workstation if the link is down
        self._set_saving(True)
        self._save_runner.run(
            lambda: offline.add_note(case_id, phone, text, who, number=number, status=status),
            self._call_added,
            self._failed,
            owner=self,
        )

    def _call_added(self, added: AddedCall) -> None:
        self._set_saving(False)
        self.show_errors([])
        self._show_number(added.number)
        self.status_label.setText(
            self.tr("Call added to case {0} ({1}). Read its number to the caller.").format(
                added.number, labels.status_name(added.status)
            )
        )
        self.call_added.emit(added)
        self.clear_form()

    # --- knowledge base --------------------------------------------------------------
    def _description_changed(self) -> None:
        self._timers["kb"].start()
        self._timers["dups"].start()
        self._suggest_urgency()

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

    def _ask_kb(self) -> None:
        text = self.description.toPlainText().strip()
        if len(text) < 2:
            self._latest("kb", None, self._show_kb, [])
            return
        self._latest("kb", lambda: self.ctx.app.knowledge.search(text), self._show_kb)

    def _show_kb(self, hits: list[KbHit]) -> None:
        self.kb_list.clear()
        for h in hits:
            item = QListWidgetItem(texts.kb_line(h))
            item.setData(ID_ROLE, h.article.id)
            item.setData(OPEN_ROLE, h)
            item.setToolTip(h.article.answer)
            self.kb_list.addItem(item)
        if hits:
            self.kb_list.setCurrentRow(0)
        self._kb_selected()
        self.kb_shown.emit(hits)

    def _kb_selected(self) -> None:
        item = self.kb_list.currentItem()
        hit = item.data(OPEN_ROLE) if item is not None else None
        self.kb_insert_button.setEnabled(isinstance(hit, KbHit))
        self.kb_detail.setText(texts.kb_detail(hit) if isinstance(hit, KbHit) else "")

    def insert_answer(self) -> None:
        """Put the selected article's answer into the answer field (a consultation)."""
        item = self.kb_list.currentItem()
        if item is None and self.kb_list.count():
            self.kb_list.setCurrentRow(0)
            item = self.kb_list.currentItem()
        hit = item.data(OPEN_ROLE) if item is not None else None
        if not isinstance(hit, KbHit):
            return
        if not self.type_consult.isChecked():
            self.type_consult.setChecked(True)
        self.answer.setPlainText(hit.article.answer)
        self._kb_article_id = hit.article.id
        self.answer.setFocus()

    def _answer_changed(self) -> None:
        if not self.answer.toPlainText().strip():
            self._kb_article_id = None

    def open_kb_admin(self) -> None:
        from console.ui.intake.kb_admin import KnowledgeAdminDialog

        dlg = KnowledgeAdminDialog(self.ctx, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()

    # --- duplicates ------------------------------------------------------------------
    def _ask_duplicates(self) -> None:
        q = DuplicateQuery(
            self._category_id(),
            self.district.currentData(),
            self.town.currentData(),
            self.address.text(),
            self.description.toPlainText(),
        )
        if self._case_type() is not CaseType.DEMAND:
            self._latest("dups", None, self._show_duplicates, [])
            return
        self._latest("dups", lambda: self.ctx.app.duplicates.suggest(q), self._show_duplicates)

    def _show_duplicates(self, found: list[Candidate]) -> None:
        self.dup_list.clear()
        for c in found:
            item = QListWidgetItem(texts.duplicate_line(c))
            item.setData(ID_ROLE, c.id)
            item.setData(OPEN_ROLE, c.number)
            self.dup_list.addItem(item)
        self._dup_selected()
        self.duplicates_shown.emit(found)

    def _dup_selected(self) -> None:
        self.link_button.setEnabled(self.dup_list.currentItem() is not None)

    def toggle_same_issue(self) -> None:
        item = self.dup_list.currentItem()
        if item is None:
            return
        cid = int(item.data(ID_ROLE))
        if self._same_issue_as == cid:
            self._set_same_issue(None, "")
        else:
            self._set_same_issue(cid, str(item.data(OPEN_ROLE)))

    def _set_same_issue(self, case_id: int | None, number: str) -> None:
        self._same_issue_as = case_id
        self._same_issue_number = number
        self.link_label.setText(
            self.tr(
                "Same issue as {0}: saving (Ctrl+S) records this call there; "
                "it is not dispatched again."
            ).format(number)
            if case_id is not None
            else ""
        )
        self._update_buttons()
        self._changed()

    # --- dispatch suggestion ---------------------------------------------------------
    def _ask_routing(self) -> None:
        if self.ref is None or self._restoring or self._case_type() is not CaseType.DEMAND:
            return
        cat, district, town = (
            self._category_id(),
            self.district.currentData(),
            self.town.currentData(),
        )
        urgency = Urgency.URGENT if self.urgent.isChecked() else Urgency.NORMAL
        channel = self.channel.currentData() or ""
        class_code = self.class_box.currentData() or ""
        sub_type = self.sub_type.currentData() or ""  # policies match on the sub-type
        self._latest(
            "route",
            lambda: self.ctx.app.routing.suggest(
                cat,
                district,
                town,
                urgency=urgency,
                channel_code=channel,
                class_code=class_code,
                sub_type=sub_type,
            ),
            self._routing_arrived,
        )

    def _routing_arrived(self, r: RoutingSuggestion) -> None:
        if not self._unit_manual:
            if r.unit is not None:
                self.unit.setCurrentIndex(self.unit.findData(r.unit.id))
            co = {u.id for u in r.co_units}
            for i in range(self.co_units.count()):
                item = self.co_units.item(i)
                if item is not None:
                    item.setCheckState(
                        Qt.CheckState.Checked
                        if item.data(ID_ROLE) in co
                        else Qt.CheckState.Unchecked
                    )
            if r.note and not self.dispatch_note.toPlainText().strip():
                self.dispatch_note.setPlainText(r.note)
        self.sla_label.setText(texts.sla_text(r.sla))
        self.routing_shown.emit(r)

    def co_unit_ids(self) -> tuple[int, ...]:
        out = []
        for i in range(self.co_units.count()):
            item = self.co_units.item(i)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(ID_ROLE)))
        return tuple(out)

    # --- the draft -------------------------------------------------------------------
    def draft(self) -> CaseDraft:
        return CaseDraft(
            channel_code=self.channel.currentData() or "",
            case_type=self._case_type(),
            sub_type=self.sub_type.currentData() or "",
            class_code=self.class_box.currentData() or "",
            category_id=self._category_id(),
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

    def form_fields(self) -> dict[str, Any]:
        """Everything typed, as plain values (what a draft keeps)."""
        return {
            "case_uuid": str(self._case_uuid),
            "channel_code": self.channel.currentData() or "",
            "case_type": self._case_type().value,
            "sub_type": self.sub_type.currentData() or "",
            "class_code": self.class_box.currentData() or "",
            "category": self.category.currentText(),
            "district_id": self.district.currentData(),
            "town_id": self.town.currentData(),
            "address": self.address.text(),
            "caller_name": self.caller_name.text(),
            "caller_phone": self.phone.text(),
            "anonymous": self.anonymous.isChecked(),
            "confidential": self.confidential.isChecked(),
            "enterprise_name": self.enterprise.text(),
            "credit_code": self.credit_code.text(),
            "description": self.description.toPlainText(),
            "urgent": self.urgent.isChecked(),
            "answer": self.answer.toPlainText(),
            "kb_article_id": self._kb_article_id,
            "unit_id": self.unit.currentData(),
            "unit_manual": self._unit_manual,
            "co_unit_ids": list(self.co_unit_ids()),
            "dispatch_note": self.dispatch_note.toPlainText(),
            "same_issue_as": self._same_issue_as,
            "same_issue_number": self._same_issue_number,
        }

    def _is_blank(self) -> bool:
        return not any(
            (
                self.phone.text().strip(),
                self.caller_name.text().strip(),
                self.address.text().strip(),
                self.description.toPlainText().strip(),
                self.answer.toPlainText().strip(),
                self.enterprise.text().strip(),
                self.credit_code.text().strip(),
            )
        )

    def restore_fields(self, f: dict[str, Any]) -> None:
        self._restoring = True
        try:
            try:
                self._case_uuid = uuid.UUID(str(f.get("case_uuid")))
            except ValueError:
                self._case_uuid = uuid.uuid4()

            def pick(combo: QComboBox, value: Any) -> None:
                i = combo.findData(value)
                if i >= 0:
                    combo.setCurrentIndex(i)

            pick(self.channel, f.get("channel_code"))
            (self.type_demand if f.get("case_type") == "demand" else self.type_consult).setChecked(
                True
            )
            pick(self.sub_type, f.get("sub_type"))
            pick(self.class_box, f.get("class_code"))
            self.category.setEditText(str(f.get("category") or ""))
            pick(self.district, f.get("district_id"))
            pick(self.town, f.get("town_id"))
            self.address.setText(str(f.get("address") or ""))
            self.caller_name.setText(str(f.get("caller_name") or ""))
            self.phone.setText(str(f.get("caller_phone") or ""))
            self.anonymous.setChecked(bool(f.get("anonymous")))
            self.confidential.setChecked(bool(f.get("confidential")))
            self.enterprise.setText(str(f.get("enterprise_name") or ""))
            self.credit_code.setText(str(f.get("credit_code") or ""))
            self.description.setPlainText(str(f.get("description") or ""))
            self.urgent.setChecked(bool(f.get("urgent")))
            self.answer.setPlainText(str(f.get("answer") or ""))
            kb = f.get("kb_article_id")
            self._kb_article_id = int(kb) if kb is not None else None
            pick(self.unit, f.get("unit_id"))
            self._unit_manual = bool(f.get("unit_manual"))
            co = set(f.get("co_unit_ids") or [])
            for i in range(self.co_units.count()):
                item = self.co_units.item(i)
                if item is not None:
                    item.setCheckState(
                        Qt.CheckState.Checked
                        if item.data(ID_ROLE) in co
                        else Qt.CheckState.Unchecked
                    )
            self.dispatch_note.setPlainText(str(f.get("dispatch_note") or ""))
            link = f.get("same_issue_as")
        finally:
            self._restoring = False
        self._set_same_issue(
            int(link) if link is not None else None, str(f.get("same_issue_number") or "")
        )
        self._timers["history"].start()
        self._timers["kb"].start()
        self._timers["dups"].start()
        self._ask_routing()

    def _changed(self, *_args: object) -> None:
        if self._restoring or self.ref is None:
            return
        self._timers["draft"].start()

    def _write_draft(self) -> None:
        self._draft_seq += 1
        seq = self._draft_seq
        store = self.drafts
        if self._is_blank():
            self.ctx.runner.run(lambda: store.clear(seq), owner=self)
            return
        fields = self.form_fields()
        self.ctx.runner.run(
            lambda: store.save(fields, seq),
            lambda written: self.draft_written.emit(seq) if written else None,
            owner=self,
        )

    def _discard_draft(self) -> None:
        self._timers["draft"].stop()
        self._draft_seq += 1
        seq = self._draft_seq
        store = self.drafts
        self.ctx.runner.run(lambda: store.clear(seq), owner=self)

    # --- saving ----------------------------------------------------------------------
    def submit(self, action: str) -> None:
        if self._saving or self.ref is None:
            return
        if action == CLOSE and not self.type_consult.isChecked():
            return
        if action == DISPATCH and (self.type_consult.isChecked() or self._same_issue_as):
            return
        draft = self.draft()
        unit_id = self.unit.currentData() if action == DISPATCH else None
        extras = IntakeExtras(
            kb_article_id=self._kb_article_id if action == CLOSE else None,
            co_unit_ids=self.co_unit_ids() if action == DISPATCH else (),
            dispatch_note=self.dispatch_note.toPlainText() if action == DISPATCH else "",
            same_issue_as=self._same_issue_as if action == SAVE else None,
        )
        case_uuid = self._case_uuid
        who = self.ctx.identity
        # the draft on disk keeps the idempotency key: a save that went through before a
        # crash is not saved twice when the restored draft is saved again
        self._timers["draft"].stop()
        self._write_draft()
        self._set_saving(True)
        # through the offline outbox (console.offline): saved centrally, or on this
        # workstation at once when the central database is unreachable
        offline = self.ctx.app.offline
        self._save_runner.run(
            lambda: offline.submit_case(
                draft, who, action=action, unit_id=unit_id, case_uuid=case_uuid, extras=extras
            ),
            self._saved,
            self._failed,
            owner=self,
        )

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        for b in (self.save_button, self.close_button, self.dispatch_button, self.add_call_button):
            b.setProperty("busy", saving)
        if saving:
            self.status_label.setText(self.tr("Saving…"))

    def _show_number(self, number: str) -> None:
        self.number_label.setText(number)
        self.spoken_label.setText(spoken(number))
        self.copy_button.setEnabled(True)

    def _saved(self, saved: SavedCase) -> None:
        self._set_saving(False)
        self.show_errors([])
        self._show_number(saved.number)
        if saved.queued:
            self.status_label.setText(
                self.tr(
                    "Saved on this workstation: the central database is unreachable, the "
                    "case will be sent automatically. Read the number to the caller."
                )
            )
        elif self._same_issue_as is not None and saved.status == "closed":
            text = self.tr("Recorded as the same issue as {0}. Read the number to the caller.")
            self.status_label.setText(text.format(self._same_issue_number))
        else:
            self.status_label.setText(
                self.tr("{0} — saved. Read the number to the caller.").format(
                    labels.status_name(saved.status)
                )
            )
        self.case_saved.emit(saved)
        self.clear_form()

    def _failed(self, exc: BaseException) -> None:
        self._set_saving(False)
        if isinstance(exc, ValidationFailed):
            self.status_label.setText(self.tr("Not saved: please correct the marked fields."))
            self.show_errors(exc.errors)
            return
        if isinstance(exc, ServiceError):
            self.status_label.setText(self.tr("Not saved: {0}").format(str(exc)))
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
        for e in errors:
            err_label = self._errors.get(e.field)
            if err_label is None:
                continue
            text = texts.field_error(e)
            err_label.setText((err_label.text() + " " if err_label.text() else "") + text)
            err_label.show()
            w = self._fields.get(e.field)
            if w is not None:
                w.setProperty("invalid", True)
                w.style().unpolish(w)
                w.style().polish(w)
        # the focus goes to the first marked field in the form's order
        marked = {e.field for e in errors}
        first = next((w for name, w in self._fields.items() if name in marked), None)
        if first is not None:
            first.setFocus()

    def error_texts(self) -> dict[str, str]:
        """Visible inline errors by field (for tests and accessibility)."""
        return {k: v.text() for k, v in self._errors.items() if v.text()}

    def _focus_list(self, lst: QListWidget) -> None:
        lst.setFocus()
        if lst.currentRow() < 0 and lst.count():
            lst.setCurrentRow(0)

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

    def new_case(self) -> None:
        self.clear_form()
        self.show_errors([])
        self.number_label.setText("—")
        self.spoken_label.clear()
        self.status_label.clear()
        self.copy_button.setEnabled(False)
