"""The handover tab: build the ending shift's handover, annotate it, accept groups,
submit; the incoming supervisor acknowledges; print and export to PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import to_local
from console.services.handover import HandoverIncomplete, HandoverView, ItemView
from console.ui import files, labels
from console.ui.context import UiContext
from console.ui.handover.models import (
    ITEM_COLUMNS,
    ITEM_ROLE,
    ItemsModel,
    bucket_name,
    local_text,
    status_text,
)
from console.ui.handover.report import document, export_pdf
from console.ui.handover.widgets import row_table
from console.ui.widths import case_number_width


class HandoverPanel(QWidget):
    """One handover: figures, listed items, groups, notes, submit / acknowledge."""

    changed = Signal(object)  # HandoverView after a save, submit or acknowledgement

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.view: HandoverView | None = None
        self.channel_names: dict[str, str] = {}
        self.agents: list[tuple[int, str]] = []
        # item edits in flight, and those waiting for them (one at a time per item)
        self._item_busy: set[int] = set()
        self._item_queue: dict[int, list[Callable[[int | None], ItemView]]] = {}

        self.title = QLabel(self.tr("No handover open"))
        self.title.setObjectName("screenHeading")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.prepare_button = QPushButton(self.tr("Open this shift's handover"))
        self.prepare_previous_button = QPushButton(self.tr("Prepare the previous shift's (late)"))
        self.prepare_previous_button.hide()
        self.rebuild_button = QPushButton(self.tr("Rebuild from the database"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for b in (
            self.prepare_button,
            self.prepare_previous_button,
            self.rebuild_button,
            self.pdf_button,
            self.print_button,
        ):
            top.addWidget(b)

        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.gap = QLabel()
        self.gap.setObjectName("handoverGap")
        self.gap.setWordWrap(True)
        self.gap.hide()

        self.items = ItemsModel(parent=self)
        self.table = row_table(self.items, (40, 140, 140, 220, 110, 105, 80))
        self.table.setColumnWidth(ITEM_COLUMNS.index("number"), case_number_width(self.table))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.assignee = QComboBox()
        self.assign_button = QPushButton(self.tr("Assign selected"))
        assign_row = QHBoxLayout()
        assign_row.addWidget(QLabel(self.tr("Double-click a note to edit it. Assign to:")))
        assign_row.addWidget(self.assignee, 1)
        assign_row.addWidget(self.assign_button)
        items_box = QGroupBox(self.tr("Open cases listed one by one"))
        il = QVBoxLayout(items_box)
        il.addWidget(self.table, 1)
        il.addLayout(assign_row)

        self.groups = QListWidget()
        self.groups.setObjectName("handoverGroups")
        groups_box = QGroupBox(self.tr("Open cases counted in groups (tick to accept)"))
        QVBoxLayout(groups_box).addWidget(self.groups)
        self.incidents = QListWidget()
        self.incident_button = QPushButton(self.tr("Log an incident…"))
        inc_box = QGroupBox(self.tr("Incidents during the shift"))
        incl = QVBoxLayout(inc_box)
        incl.addWidget(self.incidents)
        incl.addWidget(self.incident_button)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Notes for the whole shift"))
        self.save_notes_button = QPushButton(self.tr("Save notes"))
        notes_box = QGroupBox(self.tr("Notes for the incoming shift"))
        nl = QVBoxLayout(notes_box)
        nl.addWidget(self.notes)
        nl.addWidget(self.save_notes_button)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(groups_box, 2)
        sl.addWidget(notes_box, 2)
        sl.addWidget(inc_box, 1)
        split = QSplitter()
        split.addWidget(items_box)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([880, 420])
        self.groups.setWordWrap(True)

        self.problems = QLabel()
        self.problems.setObjectName("handoverProblems")
        self.problems.setWordWrap(True)
        self.submit_button = QPushButton(self.tr("Submit the handover"))
        self.submit_button.setObjectName("primary")
        self.ack_note = QLineEdit()
        self.ack_note.setPlaceholderText(self.tr("Acknowledgement note (optional)"))
        self.ack_button = QPushButton(self.tr("Acknowledge"))
        self.ack_button.setObjectName("primary")
        bottom = QHBoxLayout()
        bottom.addWidget(self.problems, 1)
        bottom.addWidget(self.ack_note)
        bottom.addWidget(self.ack_button)
        bottom.addWidget(self.submit_button)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.state)
        lay.addWidget(self.gap)
        lay.addWidget(self.figures)
        lay.addWidget(split, 1)
        lay.addLayout(bottom)

        self.prepare_button.clicked.connect(lambda: self.prepare())
        self.rebuild_button.clicked.connect(self.rebuild)
        self.save_notes_button.clicked.connect(self.save_notes)
        self.submit_button.clicked.connect(self.submit)
        self.ack_button.clicked.connect(self.acknowledge)
        self.assign_button.clicked.connect(self.assign_selected)
        self.incident_button.clicked.connect(self.log_incident)
        self.pdf_button.clicked.connect(self.export_pdf_dialog)
        self.print_button.clicked.connect(self.print_dialog)
        self.groups.itemChanged.connect(self._group_toggled)
        self.items.flag_changed.connect(self._flag)
        self.items.note_changed.connect(self._note)
        self._previous: tuple[str, Any] | None = None
        self.prepare_previous_button.clicked.connect(self._prepare_previous)
        # agents see the handovers; supervisors prepare them
        self.prepare_button.setEnabled(self.who.is_supervisor)
        self.show_view(None)

    # -- loading -------------------------------------------------------------------------------
    @property
    def who(self) -> Any:
        return self.ctx.identity

    def prepare(self, shift_code: str | None = None, day: Any = None) -> None:
        svc = self.ctx.app.handover
        self.ctx.runner.run(
            lambda: svc.prepare(self.who, shift_code=shift_code, day=day),
            self.show_view,
            self._failed,
            owner=self,
        )

    def _prepare_previous(self) -> None:
        if self._previous is not None:
            self.prepare(*self._previous)

    def set_previous(self, code: str | None, day: Any = None) -> None:
        self._previous = (code, day) if code else None
        self.prepare_previous_button.setVisible(code is not None and self.who.is_supervisor)

    def open(self, handover_id: int) -> None:
        svc = self.ctx.app.handover
        self.ctx.runner.run(lambda: svc.get(handover_id), self.show_view, self._failed, owner=self)

    def rebuild(self) -> None:
        v = self.view
        if v is None:
            return
        if v.read_only:
            self.open(v.id)
            return
        day = to_local(v.starts_at).date()
        self.prepare(v.shift_code, day)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, HandoverIncomplete):
            n = len(exc.problems)
            self.problems.setText(
                self.tr(
                    "Not submitted: {0} group(s) of open cases still need your acceptance."
                ).format(n)
            )
            if self.view is not None:
                self.open(self.view.id)
            return
        self.ctx.messages.error(exc)  # a refusal: a warning; the environment: a message
        if self.view is not None and getattr(exc, "code", "") == "conflict":
            self.open(self.view.id)

    # -- showing -------------------------------------------------------------------------------
    def show_view(self, v: HandoverView | None) -> None:
        self.view = v
        editable = v is not None and not v.read_only and self.who.is_supervisor
        for w in (
            self.rebuild_button,
            self.pdf_button,
            self.print_button,
        ):
            w.setEnabled(v is not None)
        self.notes.setReadOnly(not editable)
        self.save_notes_button.setEnabled(editable)
        self.assign_button.setEnabled(editable)
        self.assignee.setEnabled(editable)
        if v is None:
            self.title.setText(self.tr("No handover open"))
            self.state.setText(
                self.tr(
                    "Near the end of your shift, open its handover: it is built from the "
                    "database and lists every case still open that needs the next shift."
                )
            )
            self.items.set_items([], False)
            self.groups.clear()
            self.incidents.clear()
            self.figures.clear()
            self.gap.hide()
            self.submit_button.setEnabled(False)
            self.ack_button.setVisible(False)
            self.ack_note.setVisible(False)
            self.problems.clear()
            return
        self.title.setText(self.tr("Handover: {0}").format(v.label))
        parts = [status_text(v.status)]
        if v.as_of is not None:
            parts.append(self.tr("as of {0}").format(local_text(v.as_of)))
        if v.submitted_at is not None:
            parts.append(
                self.tr("submitted by {0} at {1}").format(
                    v.submitted_by, local_text(v.submitted_at)
                )
            )
        if v.acknowledged_at is not None:
            parts.append(
                self.tr("acknowledged by {0} at {1} — read-only").format(
                    v.acknowledged_by, local_text(v.acknowledged_at)
                )
            )
        self.state.setText(" · ".join(parts))
        self._show_figures(v)
        if v.gap is not None:
            gp = v.gap
            text = self.tr("Carried from {0} to {1}: {2} received, {3} closed, {4} listed.").format(
                local_text(gp.since), local_text(gp.until), gp.received, gp.closed, gp.listed
            )
            # that the previous shift handed over nothing is said once, by the screen's
            # warning above the tabs (and in the printed handover)
            self.gap.setText(text)
            self.gap.show()
        else:
            self.gap.hide()
        self.items.set_items(v.items, editable)
        self.groups.blockSignals(True)
        self.groups.clear()
        for g in v.groups:
            it = QListWidgetItem(
                self.tr("{0} — {1}: {2}").format(
                    bucket_name(g.bucket), labels.status_name(g.status), g.count
                )
                + (f"  ✓ {g.accepted_by}" if g.accepted else "")
            )
            it.setData(Qt.ItemDataRole.UserRole, g.key)
            flags = Qt.ItemFlag.ItemIsEnabled
            if editable:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            it.setFlags(flags)
            it.setCheckState(Qt.CheckState.Checked if g.accepted else Qt.CheckState.Unchecked)
            self.groups.addItem(it)
        self.groups.blockSignals(False)
        self.incidents.clear()
        for inc in v.incidents:
            self.incidents.addItem(
                f"{local_text(inc.at)} [{inc.kind}] {inc.text} — {inc.reported_by}"
            )
        if not self.notes.hasFocus() or not editable:
            self.notes.setPlainText(v.notes)
        pending = v.unaccepted_groups
        self.submit_button.setVisible(v.status == "draft")
        self.submit_button.setEnabled(editable and not pending)
        can_ack = (
            v.status == "submitted"
            and self.who.is_supervisor
            and v.submitted_by_id != self.who.agent_id
        )
        self.ack_button.setVisible(v.status == "submitted")
        self.ack_note.setVisible(v.status == "submitted")
        self.ack_button.setEnabled(can_ack)
        if v.status == "draft" and pending:
            self.problems.setText(
                self.tr(
                    "{0} open case(s) are counted in {1} group(s) you have not accepted: "
                    "tick each group to accept it, or nothing can be submitted."
                ).format(
                    sum(g.count for g in v.groups if g.key in pending),
                    len(pending),
                )
            )
        elif v.status == "draft":
            self.problems.setText(
                self.tr("Nothing lost: {0} open cases, {1} listed, {2} in accepted groups.").format(
                    v.figures.open_total, len(v.items), v.grouped
                )
            )
        elif v.status == "submitted" and not can_ack:
            self.problems.setText(self.tr("Waiting for the incoming supervisor."))
        else:
            self.problems.clear()

    def _show_figures(self, v: HandoverView) -> None:
        f = v.figures
        by_ch = ", ".join(
            f"{self.channel_names.get(k, k)} {n}"
            for k, n in sorted(f.received_by_channel.items(), key=lambda kv: -kv[1])
        )
        by_ty = ", ".join(
            f"{labels.case_type_name(k)} {n}" for k, n in sorted(f.received_by_type.items())
        )
        self.figures.setText(
            self.tr(
                "<b>Received</b> {0} ({1}; {2}) · <b>closed on the call</b> {3} · "
                "<b>dispatched</b> {4} · <b>closed</b> {5} · <b>breached</b> {6} · "
                "<b>callbacks promised</b> {7} · <b>escalations</b> {8} · "
                "<b>incidents</b> {9} · <b>open</b> {10} = {11} listed + {12} grouped"
            ).format(
                f.received,
                by_ty,
                by_ch,
                f.closed_directly,
                f.dispatched,
                f.closed,
                f.breached,
                f.callbacks_promised,
                f.escalations,
                f.incidents,
                f.open_total,
                len(v.items),
                v.grouped,
            )
        )

    def set_reference(self, channel_names: dict[str, str], agents: list[tuple[int, str]]) -> None:
        self.channel_names = channel_names
        self.agents = agents
        self.assignee.clear()
        self.assignee.addItem(self.tr("(nobody)"), None)
        for agent_id, name in agents:
            self.assignee.addItem(name, agent_id)
        if self.view is not None:
            self._show_figures(self.view)

    # -- editing -------------------------------------------------------------------------------
    def save_notes(self) -> None:
        v = self.view
        if v is None:
            return
        text = self.notes.toPlainText()
        svc = self.ctx.app.handover
        self.ctx.runner.run(
            lambda: svc.set_notes(v.id, text, self.who, v.version),
            self._saved,
            self._failed,
            owner=self,
        )

    def _saved(self, v: HandoverView) -> None:
        self.show_view(v)
        self.changed.emit(v)

    def _item_version(self, item_id: int) -> int | None:
        """The version of the item as shown: a stale edit is refused, not written."""
        return next((it.version for it in self.items.items if it.id == item_id), None)

    def _edit_item(self, item_id: int, call: Callable[[int | None], ItemView]) -> None:
        """Save one edit of an item with the version shown. Edits of the same item go one
        after the other (a flag then a note typed at once): each starts from the version
        the previous one left, so quick successive edits are not refused as stale."""
        if item_id in self._item_busy:
            self._item_queue.setdefault(item_id, []).append(call)
            return
        self._item_busy.add(item_id)
        seen = self._item_version(item_id)

        def done(view: ItemView) -> None:
            self.items.replace_item(view)
            self._item_busy.discard(item_id)
            waiting = self._item_queue.get(item_id)
            if waiting:
                nxt = waiting.pop(0)
                if not waiting:
                    del self._item_queue[item_id]
                self._edit_item(item_id, nxt)

        def failed(exc: BaseException) -> None:
            self._item_busy.discard(item_id)
            self._item_queue.pop(item_id, None)  # the refusal says what the item holds
            self._failed(exc)

        self.ctx.runner.run(lambda: call(seen), done, failed, owner=self)

    def _flag(self, item_id: int, flagged: bool) -> None:
        svc = self.ctx.app.handover
        self._edit_item(
            item_id,
            lambda seen: svc.update_item(item_id, self.who, flagged=flagged, expected_version=seen),
        )

    def _note(self, item_id: int, note: str) -> None:
        svc = self.ctx.app.handover
        self._edit_item(
            item_id,
            lambda seen: svc.update_item(item_id, self.who, note=note, expected_version=seen),
        )

    def assign_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item: ItemView = self.items.data(rows[0], ITEM_ROLE)
        agent_id = self.assignee.currentData()
        svc = self.ctx.app.handover
        self._edit_item(
            item.id,
            lambda seen: svc.update_item(
                item.id, self.who, assign=True, assignee_id=agent_id, expected_version=seen
            ),
        )

    def _group_toggled(self, it: QListWidgetItem) -> None:
        v = self.view
        if v is None:
            return
        key = str(it.data(Qt.ItemDataRole.UserRole))
        accepted = it.checkState() == Qt.CheckState.Checked
        svc = self.ctx.app.handover
        self.ctx.runner.run(
            lambda: (svc.accept_group(v.id, key, self.who, accepted), svc.get(v.id))[1],
            self.show_view,
            self._failed,
            owner=self,
        )

    def log_incident(self) -> None:
        kinds = [self.tr("Agent incident"), self.tr("System incident")]
        kind, ok = QInputDialog.getItem(
            self, self.tr("Log an incident"), self.tr("Kind"), kinds, 1, False
        )
        if not ok:
            return
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Log an incident"), self.tr("What happened, since when, what was done")
        )
        if not ok or not text.strip():
            return
        code = "agent" if kind == kinds[0] else "system"
        self.record_incident(code, text)

    def record_incident(self, kind: str, text: str) -> None:
        svc = self.ctx.app.handover
        station = self.ctx.app.station
        self.ctx.runner.run(
            lambda: svc.log_incident(self.who, kind, text, station=station),
            lambda _i: self._incident_logged(),
            self._failed,
            owner=self,
        )

    def _incident_logged(self) -> None:
        self.ctx.messages.info(self.tr("Incident logged."))
        v = self.view
        if v is not None and not v.read_only and self.who.is_supervisor:
            self.rebuild()

    def confirm_submit(self, v: HandoverView) -> bool:
        """Submitting cannot be undone (the handover becomes read-only): ask first."""
        flagged = sum(1 for i in v.items if i.flagged)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Submit the handover"))
        box.setText(
            self.tr(
                "Submit the handover of {0}? {1} cases listed, {2} flagged. It can no longer "
                "be changed afterwards."
            ).format(v.label, len(v.items), flagged)
        )
        yes = box.addButton(self.tr("&Submit"), QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton(self.tr("&Not yet"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.setEscapeButton(no)
        box.exec()
        return box.clickedButton() is yes

    def submit(self) -> None:
        v = self.view
        if v is None or not self.confirm_submit(v):
            return
        notes = self.notes.toPlainText()
        svc = self.ctx.app.handover

        def work() -> HandoverView:
            current = v
            if notes.strip() != v.notes:
                current = svc.set_notes(v.id, notes, self.who, v.version)
            return svc.submit(v.id, self.who, current.version)

        self.ctx.runner.run(work, self._submitted, self._failed, owner=self)

    def _submitted(self, v: HandoverView) -> None:
        self.show_view(v)
        self.ctx.messages.info(self.tr("Handover of {0} submitted.").format(v.label))
        self.changed.emit(v)

    def acknowledge(self) -> None:
        v = self.view
        if v is None:
            return
        note = self.ack_note.text()
        svc = self.ctx.app.handover
        self.ctx.runner.run(
            lambda: svc.acknowledge(v.id, self.who, note),
            self._acknowledged,
            self._failed,
            owner=self,
        )

    def _acknowledged(self, v: HandoverView) -> None:
        self.ack_note.clear()
        self.show_view(v)
        self.ctx.messages.info(self.tr("Handover of {0} acknowledged.").format(v.label))
        self.changed.emit(v)

    # -- print / PDF ------------------------------------------------------------------------------
    def export_to(self, path: Path) -> Path:
        assert self.view is not None
        return export_pdf(self.view, path, self.channel_names)

    def export_pdf_dialog(self) -> None:
        v = self.view
        if v is None:
            return
        name = f"handover-{to_local(v.starts_at):%Y%m%d-%H%M}-{v.shift_code}.pdf"
        path = files.ask_save(
            self, self.tr("Export the handover to PDF"), name, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.export_to(Path(path))
            self.ctx.messages.info(self.tr("Saved {0}").format(path))

    def print_dialog(self) -> None:
        v = self.view
        if v is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            document(v, self.channel_names).print_(printer)
