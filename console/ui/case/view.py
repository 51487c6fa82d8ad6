"""One case: its fields, its deadlines and history, and the one action bar driven by the
lifecycle's state machine (the actions the signed-in person may take now, with their
keys). While it is open, the other consoles' queues show that this agent has it open."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import format_deadline, to_local
from console.services.attachments import AttachmentRow
from console.services.lifecycle import CaseSheet
from console.services.queue import CaseDetail
from console.ui import labels
from console.ui.case.action_bar import ActionBar
from console.ui.case.suggested import StoredSuggestionsBar
from console.ui.context import UiContext
from console.ui.sla_panel import SlaPanel


def _fmt(dt: object) -> str:
    from datetime import datetime

    return to_local(dt).strftime("%Y-%m-%d %H:%M") if isinstance(dt, datetime) else "—"


#: the fields shown in the right-hand column
RIGHT_COLUMN = frozenset({"caller", "phone", "assignee", "unit", "received", "due", "viewers"})


class CaseViewDialog(QDialog):
    def __init__(self, ctx: UiContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.sheet: CaseSheet | None = None
        self.loaded = 0  # loads delivered (tests wait on it)
        self.setWindowTitle(self.tr("Case"))
        self.resize(860, 720)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        # the fields in two columns: the case on the left, the people and times on the
        # right, so the window fits a 768-px screen with its tabs
        self.form = QFormLayout()
        self.form_right = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, title in (
            ("number", self.tr("Case number")),
            ("title", self.tr("Title")),
            ("status", self.tr("Status")),
            ("type", self.tr("Type")),
            ("class", self.tr("Class")),
            ("category", self.tr("Matter category")),
            ("district", self.tr("District")),
            ("address", self.tr("Address")),
            ("caller", self.tr("Caller")),
            ("phone", self.tr("Phone")),
            ("assignee", self.tr("Agent")),
            ("unit", self.tr("Handling unit")),
            ("received", self.tr("Received")),
            ("due", self.tr("Next deadline")),
            ("viewers", self.tr("Also open at")),
        ):
            label = QLabel("…")
            label.setTextFormat(Qt.TextFormat.PlainText)  # what was typed, never HTML
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            self.fields[key] = label
            side = self.form_right if key in RIGHT_COLUMN else self.form
            side.addRow(title + ":", label)
        self.description = QPlainTextEdit()
        self.description.setReadOnly(True)
        self.description.setMaximumHeight(110)
        self.history = QTableWidget(0, 3)
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Who")])
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # edit mode: against the version loaded when Edit is pressed
        self.edit_button = buttons.addButton(
            self.tr("&Edit…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.edit_button.clicked.connect(self.edit)
        self.editor: QDialog | None = None
        self.action_bar = ActionBar(ctx, self)
        self.action_bar.acted.connect(self.reload)
        lay = QVBoxLayout(self)
        lay.addWidget(self.action_bar)
        # stored suggestions for a case to triage (imported, pushed): F8 takes one
        self.suggested = StoredSuggestionsBar(ctx, "case", self)
        self.suggested.taken.connect(self._suggestion_taken)
        lay.addWidget(self.suggested)
        columns = QHBoxLayout()
        columns.addLayout(self.form, 3)
        columns.addLayout(self.form_right, 2)
        lay.addLayout(columns)
        lay.addWidget(QLabel(self.tr("Description:")))
        lay.addWidget(self.description)
        self.sla = SlaPanel(ctx, case_id, self)
        self.sla.changed.connect(self.reload)
        self.action_bar.acted.connect(self.sla.reload)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.sla, self.tr("Deadlines"))
        self.tabs.addTab(self.history, self.tr("History"))
        from console.ui.telephony.case_calls import CaseCallsPanel

        self.calls = CaseCallsPanel(ctx, case_id, self)  # its calls and recordings
        self.tabs.addTab(self.calls, self.tr("Calls"))
        # photos and documents received through the exchange service
        self.attachments = QTableWidget(0, 4)
        self.attachments.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Type"), self.tr("Size"), self.tr("From")]
        )
        self.attachments.verticalHeader().hide()
        self.attachments.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attachments.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.attachments.setToolTip(self.tr("Double-click to save a copy"))
        self.attachments.cellDoubleClicked.connect(self._save_attachment)
        self._attachment_ids: list[int] = []
        self.tabs.addTab(self.attachments, self.tr("Attachments"))
        lay.addWidget(self.tabs, 1)
        lay.addWidget(buttons)
        self._presence_done = False
        who = ctx.identity
        ctx.runner.run(
            lambda: ctx.app.presence.open_case(who, case_id), None, self._ignore, owner=self
        )
        self.reload()
        self._live = QTimer(self)
        self._live.setInterval(30_000)  # keeps "also open at" alive on the other consoles
        self._live.timeout.connect(
            lambda: ctx.runner.run(
                lambda: ctx.app.presence.open_case(who, case_id), None, self._ignore, owner=self
            )
        )
        self._live.start()

    def _ignore(self, exc: BaseException) -> None:
        from console.ui.errors import is_environment_error

        if not is_environment_error(exc):
            self.ctx.messages.error(exc)

    def reload(self) -> None:
        me, who, app, cid = (
            self.ctx.identity.agent_id,
            self.ctx.identity,
            self.ctx.app,
            self.case_id,
        )
        self.ctx.runner.run(
            lambda: (app.queue.detail(cid, me), app.lifecycle.sheet(cid, who)),
            self._show_both,
            self.ctx.messages.error,
            owner=self,
        )
        self._load_attachments()

    def _suggestion_taken(self, _case_id: int) -> None:
        """The unit of the suggestion taken is where the dispatch dialog starts."""
        stored = self.suggested.stored
        if stored is not None:
            self.action_bar.preferred_unit = stored.items[self.suggested.rank - 1].unit_id
        self.reload()

    def _load_attachments(self) -> None:
        from console.services.attachments import AttachmentService

        service, cid = AttachmentService(self.ctx.app.sessions), self.case_id
        self.ctx.runner.run(
            lambda: service.for_case(cid), self._show_attachments, self._ignore, owner=self
        )

    def _show_attachments(self, rows: list[AttachmentRow]) -> None:
        self._attachment_ids = [a.id for a in rows]
        self.attachments.setRowCount(len(rows))
        for i, a in enumerate(rows):
            size = f"{a.size / 1024:.0f} KiB" if a.size >= 1024 else f"{a.size} B"
            for col, text in enumerate((a.filename, a.content_type, size, a.source)):
                self.attachments.setItem(i, col, QTableWidgetItem(text))
        self.tabs.setTabText(
            self.tabs.indexOf(self.attachments), self.tr("Attachments ({0})").format(len(rows))
        )

    def _save_attachment(self, row: int, _column: int) -> None:
        from PySide6.QtWidgets import QFileDialog

        from console.services.attachments import AttachmentService

        if not 0 <= row < len(self._attachment_ids):
            return
        aid = self._attachment_ids[row]
        item = self.attachments.item(row, 0)
        name = item.text() if item is not None else ""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save attachment"), name)
        if not path:
            return
        service = AttachmentService(self.ctx.app.sessions)

        def write() -> None:
            from pathlib import Path

            Path(path).write_bytes(service.content(aid)[1])

        self.ctx.runner.run(write, None, self.ctx.messages.error, owner=self)

    def _show_both(self, got: tuple[CaseDetail, CaseSheet]) -> None:
        detail, sheet = got
        self.sheet = sheet
        self.action_bar.set_sheet(sheet)
        self.edit_button.setEnabled(sheet.status != "archived")
        self._show(detail)
        # to triage: what the background worker suggested (nothing once triaged)
        self.suggested.show_case(self.case_id if sheet.status == "received" else None)
        self.loaded += 1

    def _show(self, d: CaseDetail) -> None:
        self.detail = d
        r = d.row
        self.setWindowTitle(self.tr("Case {0}").format(r.number))
        values = {
            "number": r.number,
            "title": r.title,
            "status": labels.status_name(r.status),
            "type": f"{labels.case_type_name(r.case_type)} / {labels.sub_type_name(r.sub_type)}",
            "class": r.class_name,
            "category": r.category,
            "district": r.district,
            "address": d.address,
            "caller": r.caller,
            "phone": d.caller_phone,
            "assignee": r.assignee or self.tr("(nobody)"),
            "unit": r.unit,
            "received": _fmt(r.received_at),
            "due": (
                f"{labels.milestone_name(r.next_milestone)} {format_deadline(r.next_due_at)}"
                if r.next_due_at
                else "—"
            ),
            "viewers": "、".join(r.viewers) or "—",
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        self.description.setPlainText(d.description)
        self.history.setRowCount(len(d.history))
        for i, e in enumerate(d.history):
            what = labels.event_summary(e.kind, e.detail)
            for col, text in enumerate((_fmt(e.at), what, e.actor_name)):
                self.history.setItem(i, col, QTableWidgetItem(text))
        self.history.resizeColumnToContents(0)

    def edit(self) -> None:
        from console.ui.case.edit import CaseEditDialog, open_editor

        def opened(dlg: CaseEditDialog) -> None:
            self.editor = dlg
            dlg.saved.connect(lambda _case: self.reload())
            dlg.finished.connect(self._editor_closed)

        def refused(why: str) -> None:
            reasons = {
                "not_open": self.tr("This case is closed: only a supervisor can edit it."),
                "held_by_other": self.tr(
                    "Another agent holds this case: only they or a supervisor can edit it."
                ),
                "confidential": self.tr(
                    "The caller is confidential: claim the case first to edit it."
                ),
                "archived": self.tr("This case is archived: it is read-only."),
            }
            self.ctx.messages.warning(reasons.get(why, why))

        open_editor(self.ctx, self.case_id, self, opened, refused)

    def _editor_closed(self, _result: int) -> None:
        if self.editor is not None:
            self.editor.deleteLater()
            self.editor = None

    def _release(self) -> None:
        if self._presence_done:
            return
        self._presence_done = True
        self._live.stop()
        who, cid, app = self.ctx.identity, self.case_id, self.ctx.app
        # no owner: the dialog is going away, the presence row must still be cleared
        self.ctx.runner.run(lambda: app.presence.close_case(who, cid), None, lambda _e: None)

    def done(self, r: int) -> None:
        self._release()
        super().done(r)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._release()
        super().closeEvent(event)
