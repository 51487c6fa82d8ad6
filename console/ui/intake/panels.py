"""The intake form's side panels: the case number, the caller's history, the knowledge
base, possible duplicates, and the dispatch suggestion with its SLA."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from console.domain.casetypes import CaseType, Urgency
from console.domain.validation import FieldError, phone_kind
from console.services.callers import AddedCall, CallerHistory
from console.services.duplicates import Candidate, DuplicateQuery
from console.services.knowledge import KbHit
from console.services.routing import RoutingSuggestion
from console.ui import labels
from console.ui.intake import texts
from console.ui.intake.form_base import ID_ROLE, OPEN_ROLE, FormBase


class CallerHistoryPanel(FormBase):
    """The caller's earlier cases as the number is typed; a repeat call is added to an
    open one instead of opening a duplicate."""

    # --- caller history --------------------------------------------------------------
    def _ask_history(self) -> None:
        raw = self.phone.text()
        if phone_kind(raw) is None:  # blank, or not a phone number ("abc"): no history
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
        self.open_case_button.setEnabled(item is not None)

    def open_history_case(self) -> None:
        """The selected caller-history entry opened in the case window (any case, closed
        ones too: what was answered last time is read there). The window that holds the
        form opens it (case_open_requested)."""
        item = self.history_list.currentItem()
        if item is not None:
            self.case_open_requested.emit(int(item.data(ID_ROLE)))

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


class KnowledgePanel(FormBase):
    """Knowledge base articles matching the description; one inserts its answer."""

    # --- knowledge base --------------------------------------------------------------
    def _description_changed(self) -> None:
        self._timers["kb"].start()
        self._timers["dups"].start()

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


class DuplicatesPanel(FormBase):
    """Open cases of the last days about the same matter and place (for a demand); the
    call can be recorded on one as the same issue."""

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


class RoutingPanel(FormBase):
    """The suggested handling unit, co-handling units and note, with the SLA."""

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


class SidePanels(CallerHistoryPanel, KnowledgePanel, DuplicatesPanel, RoutingPanel):
    """The four panels beside the form, and the case number above them."""

    def _build_side(self) -> QSplitter:
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
        self.open_case_button = QPushButton(self.tr("Open"))
        self.open_case_button.setToolTip(self.tr("Open the selected case (or double-click it)"))
        self.open_case_button.setEnabled(False)
        hl.addWidget(self.history_label)
        hl.addWidget(self.history_list, 1)
        hrow = QHBoxLayout()
        hrow.addWidget(self.add_call_button, 1)
        hrow.addWidget(self.open_case_button)
        hl.addLayout(hrow)

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
            # the lists give way first on a short screen (1366×768 under the window's
            # bars and a message): the panels then still fit without scrolling
            lst.setMinimumHeight(24)

        side = QSplitter(Qt.Orientation.Vertical)
        for w in (self.number_box, self.history_box, self.kb_box, self.dup_box):
            side.addWidget(w)
        side.setStretchFactor(1, 2)
        side.setStretchFactor(2, 3)
        side.setStretchFactor(3, 2)
        side.setMinimumWidth(340)
        side.setMaximumWidth(520)
        return side
