"""A case's SLA clocks: every milestone with its original and approved deadline and a
live countdown, plus the actions that move clocks (pause, resume, extension)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import CITY_TZ, format_deadline, now_utc
from console.domain.sla import BREACHED, PAUSED, MilestoneState, countdown
from console.ui import labels
from console.ui.colours import DEADLINE_COLOURS as STATE_COLOURS
from console.ui.context import UiContext
from console.ui.errors import describe, is_bug


def _when(dt: datetime | None) -> str:
    return format_deadline(dt) if dt else "—"


class ExtensionDialog(QDialog):
    """Milestone, new deadline and reason for an extension request or decision."""

    def __init__(
        self, states: tuple[MilestoneState, ...], title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.milestone = QComboBox()
        for m in states:
            if m.met_at is None and m.due_at is not None:
                self.milestone.addItem(m.name, m.code)
        self.due = QDateTimeEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setDateTime(QDateTime.currentDateTime().addDays(5))
        self.reason = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Milestone:"), self.milestone)
        form.addRow(self.tr("New deadline:"), self.due)
        form.addRow(self.tr("Reason:"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def due_at(self) -> datetime:
        q = self.due.dateTime()
        d, t = q.date(), q.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=CITY_TZ)


class SlaPanel(QWidget):
    changed = Signal()

    def __init__(self, ui: UiContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.case_id = case_id
        self.states: tuple[MilestoneState, ...] = ()
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Milestone"), self.tr("Clock started"), self.tr("Original deadline"),
            self.tr("Deadline"), self.tr("Met"), self.tr("Time left"),
        ])  # fmt: skip
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(150)
        self.pause_button = QPushButton(self.tr("&Pause clocks…"))
        self.resume_button = QPushButton(self.tr("Res&ume clocks"))
        self.request_button = QPushButton(self.tr("Request e&xtension…"))
        self.decide_button = QPushButton(self.tr("&Approve extension…"))
        self.decide_button.setVisible(ui.identity.is_supervisor)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        row = QHBoxLayout()
        for b in (self.pause_button, self.resume_button, self.request_button, self.decide_button):
            row.addWidget(b)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.table)
        lay.addLayout(row)
        lay.addWidget(self.feedback)
        self.pause_button.clicked.connect(self.ask_pause)
        self.resume_button.clicked.connect(self.resume)
        self.request_button.clicked.connect(lambda: self.ask_extension(approve=None))
        self.decide_button.clicked.connect(lambda: self.ask_extension(approve=True))
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.tick)
        self._tick.start()
        self.reload()

    def reload(self) -> None:
        self.ui.runner.run(
            lambda: self.ui.app.sla.deadlines(self.case_id),
            self.show_states,
            self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self._enable(True)
        if is_bug(exc):  # not the user's to act on: the crash dialog, not a line of text
            self.feedback.clear()
            self.ui.messages.error(exc)
            return
        self.feedback.setText(describe(exc))

    def show_states(self, states: tuple[MilestoneState, ...]) -> None:
        self.states = states
        self.table.setRowCount(len(states))
        for r, m in enumerate(states):
            values = (
                m.name,
                _when(m.start_at),
                _when(m.original_due_at),
                _when(m.due_at),
                _when(m.met_at),
            )
            for c, text in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if not m.verified:
                due_item = self.table.item(r, 3)
                if due_item is not None:
                    due_item.setToolTip(
                        self.tr(
                            "Unverified: counted Monday to Friday in a year "
                            "the calendar does not know"
                        )
                    )
        paused = any(m.paused for m in states)
        self.pause_button.setEnabled(not paused and any(m.open for m in states))
        self.resume_button.setEnabled(paused)
        self.tick()

    def tick(self) -> None:
        now = now_utc()
        for r, m in enumerate(self.states):
            if m.paused:
                text, state = labels.paused_text(), PAUSED
            elif m.met_at is not None:
                late = m.due_at is not None and m.met_at > m.due_at
                text = self.tr("met late") if late else self.tr("met on time")
                state = BREACHED if late else ""
            elif m.due_at is None:
                text, state = self.tr("not started"), ""
            else:
                left = countdown(
                    m.due_at,
                    now,
                    warn_at=m.warn_at,
                    critical_at=m.critical_at,
                    limit_unit=m.limit_unit,
                    calendar=self.ui.app.calendar,
                )
                text, state = labels.time_left_text(left), left.state
            item = QTableWidgetItem(text)
            colours = STATE_COLOURS.get(state)
            if colours:
                item.setForeground(QBrush(colours[0]))
                item.setBackground(QBrush(colours[1]))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, 5, item)

    def _enable(self, on: bool) -> None:
        for b in (self.pause_button, self.resume_button, self.request_button, self.decide_button):
            b.setEnabled(on)

    def _done(self, _r: object = None) -> None:
        self.feedback.setText(self.tr("Saved."))
        self.changed.emit()
        self.reload()
        self.request_button.setEnabled(True)
        self.decide_button.setEnabled(True)

    def ask_pause(self) -> None:
        reason, ok = QInputDialog.getText(
            self, self.tr("Pause clocks"), self.tr("Why (e.g. waiting for the citizen)?")
        )
        if ok and reason.strip():
            self.pause(reason.strip())

    def pause(self, reason: str) -> None:
        self._enable(False)
        who, case_id = self.ui.identity, self.case_id
        self.ui.runner.run(
            lambda: self.ui.app.sla.pause(case_id, who, reason),
            self._done,
            self._failed,
            owner=self,
        )

    def resume(self) -> None:
        self._enable(False)
        who, case_id = self.ui.identity, self.case_id
        self.ui.runner.run(
            lambda: self.ui.app.sla.resume(case_id, who), self._done, self._failed, owner=self
        )

    def ask_extension(self, approve: bool | None) -> None:
        title = (
            self.tr("Request an extension") if approve is None else self.tr("Approve an extension")
        )
        dlg = ExtensionDialog(self.states, title, self)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.milestone.currentData() is None:
            return
        self.extend(str(dlg.milestone.currentData()), dlg.due_at(), dlg.reason.text(), approve)

    def extend(self, milestone: str, due_at: datetime, reason: str, approve: bool | None) -> None:
        self._enable(False)
        who, case_id, app = self.ui.identity, self.case_id, self.ui.app

        def job() -> None:
            """The lifecycle decides: a request (the unit, or an agent on its behalf), the
            decision on a pending request, or the centre's own grant."""
            from console.services.lifecycle import Params

            if approve is None:
                action = "request_extension"
            else:
                pending = app.units.case(case_id).pending_extensions
                asked = any(p.milestone == milestone for p in pending)
                action = (
                    ("approve_extension" if approve else "refuse_extension")
                    if asked or not approve
                    else "grant_extension"
                )
            p = Params(text=reason, milestone=milestone, until=due_at)
            app.lifecycle.do_id(case_id, action, who, p)

        self.ui.runner.run(job, self._done, self._failed, owner=self)
