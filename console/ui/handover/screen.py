"""Shift handover screen.

Tabs: *This shift* (live figures), *Handover* (build the ending shift's handover from
the database, annotate, accept groups, submit; the incoming supervisor acknowledges),
*Flagged for this shift* (items flagged by earlier shifts, until done) and *History*
(browse, search, print, export to PDF). A banner warns the incoming supervisor when the
previous shift left no submitted handover. Opening the screen (at sign-in) places the
agent in the current shift.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.casetypes import Role
from console.domain.clock import now_utc, to_local
from console.services.handover import (
    HandoverIncomplete,
    HandoverRow,
    HandoverView,
    ItemView,
    ShiftStatus,
    ShiftSummary,
)
from console.services.reference import ReferenceData
from console.ui import labels
from console.ui.context import UiContext
from console.ui.errors import is_refusal
from console.ui.handover.models import (
    ITEM_ROLE,
    OUTSTANDING_COLUMNS,
    HistoryModel,
    ItemsModel,
    bucket_name,
    local_text,
    status_text,
)
from console.ui.handover.report import document, export_pdf


def row_table(model: QAbstractItemModel, widths: Sequence[int] | Mapping[int, int]) -> QTableView:
    """A read-mostly table of rows: one row selected at a time, no row numbers, the
    last column stretched, the given column widths."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    pairs = widths.items() if isinstance(widths, Mapping) else enumerate(widths)
    for col, width in pairs:
        table.setColumnWidth(col, width)
    return table


class StatTile(QFrame):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("statTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        self.value = QLabel("—")
        self.value.setObjectName("statValue")
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        lay.addWidget(self.value)
        lay.addWidget(self.title)

    def set(self, n: int) -> None:
        self.value.setText(str(n))


def _fill(table: QTableWidget, rows: list[tuple[str, int]]) -> None:
    table.setRowCount(len(rows))
    for r, (name, n) in enumerate(rows):
        table.setItem(r, 0, QTableWidgetItem(name))
        item = QTableWidgetItem(str(n))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(r, 1, item)


def _count_table(first: str, second: str) -> QTableWidget:
    t = QTableWidget(0, 2)
    t.setHorizontalHeaderLabels([first, second])
    t.verticalHeader().hide()
    t.horizontalHeader().setStretchLastSection(True)
    t.setColumnWidth(0, 240)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return t


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
            if gp.previous_missing:
                text = (
                    self.tr("{0} ended without a submitted handover.").format(gp.previous_label)
                    + " "
                    + text
                )
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

    def submit(self) -> None:
        v = self.view
        if v is None:
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
        path, _ = QFileDialog.getSaveFileName(
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


class OutstandingPanel(QWidget):
    """Items flagged by earlier shifts that nobody has finished: they stay here."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = ItemsModel(OUTSTANDING_COLUMNS, parent=self)
        self.table = row_table(self.model, {0: 220, 2: 260})
        self.pick_button = QPushButton(self.tr("Pick up"))
        self.done_button = QPushButton(self.tr("Done"))
        self.hint = QLabel(
            self.tr("Flagged for the incoming shift and not yet done; they stay until done.")
        )
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.pick_button)
        row.addWidget(self.done_button)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        self.pick_button.clicked.connect(lambda: self._track(done=False))
        self.done_button.clicked.connect(lambda: self._track(done=True))

    def refresh(self) -> None:
        self.ctx.runner.run(
            self.ctx.app.handover.outstanding,
            lambda items: self.model.set_items(items, False),
            owner=self,
        )

    def _track(self, done: bool) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        item: ItemView = self.model.data(rows[0], ITEM_ROLE)
        svc = self.ctx.app.handover
        who = self.ctx.identity
        fn = svc.mark_done if done else svc.pick_up
        self.ctx.runner.run(
            lambda: fn(item.id, who), lambda _i: self.refresh(), self._failed, owner=self
        )

    def _failed(self, exc: BaseException) -> None:
        self.ctx.messages.error(exc)  # a refusal: a warning; the environment: a message
        if is_refusal(exc):
            self.refresh()


class HistoryPanel(QWidget):
    open_requested = Signal(int)

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search: a date (2026-11-27), a shift, a supervisor, a case number, a note")
        )
        self.search.setClearButtonEnabled(True)
        self.model = HistoryModel(self)
        self.table = row_table(self.model, (230, 200, 150, 150))
        self.open_button = QPushButton(self.tr("Open"))
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.open_button)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(self.table, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.refresh)
        self.open_button.clicked.connect(self._open_selected)
        self.table.doubleClicked.connect(lambda _i: self._open_selected())

    def refresh(self) -> None:
        q = self.search.text()
        svc = self.ctx.app.handover
        self.ctx.runner.run(lambda: svc.history(q), self.model.set_rows, owner=self)

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            row: HandoverRow = self.model.data(rows[0], ITEM_ROLE)
            self.open_requested.emit(row.id)


class HandoverScreen(QWidget):
    def __init__(self, ctx: UiContext, refresh_seconds: int = 30) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("handoverScreen")
        self.summary: ShiftSummary | None = None
        self.shift_status: ShiftStatus | None = None
        self.heading = QLabel(self.tr("Current shift"))
        self.heading.setObjectName("screenHeading")
        self.updated = QLabel()
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.config_button = QPushButton(self.tr("Shifts and roster…"))
        self.config_button.setVisible(ctx.identity.role == Role.ADMIN)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.updated)
        top.addWidget(self.config_button)
        top.addWidget(self.refresh_button)

        self.warning = QLabel()
        self.warning.setObjectName("handoverWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "QLabel#handoverWarning{background:#fde7e6;color:#7a1b14;padding:6px;"
            "border:1px solid #b3261e;border-radius:3px}"
        )
        self.warning.hide()
        self.on_shift = QLabel()
        self.on_shift.setWordWrap(True)

        # --- this shift --------------------------------------------------------------------
        self.tiles = {
            "received": StatTile(self.tr("Received this shift")),
            "closed_directly": StatTile(self.tr("Consultations closed on the call")),
            "dispatched": StatTile(self.tr("Demands dispatched")),
            "closed": StatTile(self.tr("Cases closed")),
            "open_now": StatTile(self.tr("Open now (all shifts)")),
            "breached_open": StatTile(self.tr("Open and overdue")),
            "due_next_shift": StatTile(self.tr("Falling due next shift")),
        }
        grid = QGridLayout()
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 4, i % 4)
        self.by_channel = _count_table(self.tr("Channel"), self.tr("Received"))
        self.by_type = _count_table(self.tr("Type"), self.tr("Received"))
        tables = QHBoxLayout()
        ch_box = QGroupBox(self.tr("By channel"))
        QVBoxLayout(ch_box).addWidget(self.by_channel)
        ty_box = QGroupBox(self.tr("By type"))
        QVBoxLayout(ty_box).addWidget(self.by_type)
        tables.addWidget(ch_box, 2)
        tables.addWidget(ty_box, 1)
        live = QWidget()
        ll = QVBoxLayout(live)
        ll.addLayout(grid)
        ll.addLayout(tables, 1)

        self.panel = HandoverPanel(ctx)
        self.outstanding = OutstandingPanel(ctx)
        self.history = HistoryPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(live, self.tr("This shift"))
        self.tabs.addTab(self.panel, self.tr("Handover"))
        self.tabs.addTab(self.outstanding, self.tr("Flagged for this shift"))
        self.tabs.addTab(self.history, self.tr("History"))

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.warning)
        lay.addWidget(self.on_shift)
        lay.addWidget(self.tabs, 1)

        self._channel_names: dict[str, str] = {}
        self.ctx.runner.run(self.ctx.app.reference.load, self._reference, owner=self)
        self.refresh_button.clicked.connect(self.refresh)
        self.config_button.clicked.connect(self.configure)
        self.history.open_requested.connect(self._open_from_history)
        self.panel.changed.connect(lambda _v: self._after_change())
        QShortcut(
            QKeySequence(Qt.Key.Key_F5),
            self,
            self.refresh,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_seconds * 1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        # signing in places the agent in the current shift; then the warnings
        svc = self.ctx.app.handover
        who, station = self.ctx.identity, self.ctx.app.station
        self.ctx.runner.run(
            lambda: svc.check_in(who, station=station),
            lambda _w: self.refresh_status(announce=True),
            self._failed,
            owner=self,
        )
        self.refresh()
        self.history.refresh()
        self.outstanding.refresh()

    def _reference(self, ref: ReferenceData) -> None:
        self._channel_names = {c.code: c.name for c in ref.channels}
        if self.summary is not None:
            self.show_summary(self.summary)
        svc = self.ctx.app.handover
        self.ctx.runner.run(
            svc.shift_config,
            lambda cfg: self.panel.set_reference(
                self._channel_names, [(a.id, a.name) for a in cfg.agents]
            ),
            owner=self,
        )

    def refresh(self) -> None:
        self.ctx.runner.run(
            self.ctx.app.handover.current_summary, self.show_summary, self._failed, owner=self
        )

    def refresh_status(self, announce: bool = False) -> None:
        self.ctx.runner.run(
            self.ctx.app.handover.status,
            lambda st: self.show_status(st, announce),
            self._failed,
            owner=self,
        )

    def _after_change(self) -> None:
        self.refresh_status()
        self.history.refresh()
        self.outstanding.refresh()

    def _open_from_history(self, handover_id: int) -> None:
        self.panel.open(handover_id)
        self.tabs.setCurrentWidget(self.panel)

    def _failed(self, exc: BaseException) -> None:
        self.updated.setText(self.tr("Not up to date"))
        self.ctx.messages.error(exc)

    def show_status(self, st: ShiftStatus, announce: bool = False) -> None:
        self.shift_status = st
        parts = [self.tr("Now: {0}").format(st.current_label)]
        if st.supervisors:
            parts.append(self.tr("supervisors: {0}").format("、".join(st.supervisors)))
        if st.on_shift:
            parts.append(
                self.tr("{0} signed in: {1}").format(len(st.on_shift), "、".join(st.on_shift))
            )
        if st.outstanding_flags:
            parts.append(self.tr("{0} flagged item(s) not done").format(st.outstanding_flags))
        self.on_shift.setText(" · ".join(parts))
        text = ""
        if st.previous_missing:
            text = self.tr(
                "Warning: {0} ended without a submitted handover. Its work is carried into "
                "this shift's handover; its supervisor can still prepare it late."
            ).format(st.previous_label)
            day = st.previous.day
            self.panel.set_previous(st.previous.shift.code, day)
        else:
            self.panel.set_previous(None)
        if st.awaiting_acknowledgement:
            text = self.tr(
                "The handover of {0} (by {1}) is waiting for the incoming supervisor's "
                "acknowledgement."
            ).format(st.previous_label, st.previous_submitted_by)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        if self.panel.view is None:
            if st.awaiting_acknowledgement and st.previous_id is not None:
                self.panel.open(st.previous_id)
            elif st.current_id is not None:
                self.panel.open(st.current_id)
        if announce and text and self.ctx.identity.is_supervisor:
            prev_id = st.previous_id
            if st.awaiting_acknowledgement and prev_id is not None:
                self.ctx.messages.warning(
                    text, (self.tr("Review"), lambda: self._open_from_history(prev_id))
                )
            else:
                self.ctx.messages.warning(text)

    def show_summary(self, s: ShiftSummary) -> None:
        self.summary = s
        w = s.window
        start, end = to_local(w.start), to_local(w.end)
        self.heading.setText(
            self.tr("{0} shift, {1} {2}–{3}").format(
                w.shift.name,
                start.strftime("%Y-%m-%d"),
                start.strftime("%H:%M"),
                "24:00" if end.hour == 0 and end.minute == 0 else end.strftime("%H:%M"),
            )
        )
        values = {
            "received": s.received,
            "closed_directly": s.closed_directly,
            "dispatched": s.dispatched,
            "closed": s.closed,
            "open_now": s.open_now,
            "breached_open": s.breached_open,
            "due_next_shift": s.due_next_shift,
        }
        for key, tile in self.tiles.items():
            tile.set(values[key])
        _fill(
            self.by_channel,
            [
                (self._channel_names.get(k, k), n)
                for k, n in sorted(s.received_by_channel.items(), key=lambda kv: -kv[1])
            ],
        )
        _fill(
            self.by_type,
            [(labels.case_type_name(k), n) for k, n in sorted(s.received_by_type.items())],
        )
        self.updated.setText(
            self.tr("Updated {0}").format(to_local(now_utc()).strftime("%H:%M:%S"))
        )
        if self.shift_status is not None and not self.shift_status.current.contains(now_utc()):
            self.refresh_status(announce=True)  # a new shift began

    def configure(self) -> None:
        from console.ui.handover.config import ShiftConfigDialog

        dialog = ShiftConfigDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self.refresh_status())
        dialog.open()
        self._config_dialog = dialog
