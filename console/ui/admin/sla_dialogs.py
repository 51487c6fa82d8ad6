"""Administrators' SLA screens: the working-day calendar's local overrides and the
SLA policies (each save is a new version; existing cases keep theirs)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.casetypes import CaseType, SubType, Urgency
from console.domain.sla import CLOCK_EVENTS, LIMIT_UNITS, Milestone, Policy, PolicyMatch
from console.services.sla import OverrideRow
from console.ui.context import UiContext
from console.ui.errors import describe, is_bug


class CalendarDialog(QDialog):
    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setWindowTitle(self.tr("Working-day calendar: local overrides"))
        self.resize(620, 460)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Status"), self.tr("Note")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.workday = QCheckBox(self.tr("Working day"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            self.tr("Reason, e.g. typhoon closure or State Council notice")
        )
        self.add_button = QPushButton(self.tr("&Save day"))
        self.remove_button = QPushButton(self.tr("&Remove selected"))
        self.recompute_button = QPushButton(self.tr("Recompute open cases"))
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        row = QHBoxLayout()
        for w in (self.day, self.workday, self.note, self.add_button):
            row.addWidget(w)
        actions = QHBoxLayout()
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        actions.addWidget(self.recompute_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(
            QLabel(
                self.tr(
                    "Days listed here override the official calendar (chinesecalendar). "
                    "Deadlines of open cases change only when you recompute them."
                )
            )
        )
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        lay.addLayout(actions)
        lay.addWidget(self.feedback)
        lay.addWidget(buttons)
        self.add_button.clicked.connect(self.save_day)
        self.remove_button.clicked.connect(self.remove_selected)
        self.recompute_button.clicked.connect(self.recompute)
        self.reload()

    def reload(self) -> None:
        self.ui.runner.run(self.ui.app.sla.overrides, self._show, self._failed, owner=self)

    def _show(self, rows: list[OverrideRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, o in enumerate(rows):
            self.table.setItem(i, 0, QTableWidgetItem(o.day.isoformat()))
            self.table.setItem(
                i, 1, QTableWidgetItem(self.tr("working day") if o.workday else self.tr("closed"))
            )
            self.table.setItem(i, 2, QTableWidgetItem(o.note))

    def _failed(self, exc: BaseException) -> None:
        from console.services.errors import Conflict

        self.feedback.setText(describe(exc))
        if is_bug(exc):
            self.ui.messages.error(exc)  # the crash dialog, not just a line of text
        if isinstance(exc, Conflict):
            self.reload()  # show what the other administrator saved

    def save_day(self) -> None:
        qd = self.day.date()
        day = date(qd.year(), qd.month(), qd.day())
        workday, note, who = self.workday.isChecked(), self.note.text().strip(), self.ui.identity
        # the day's override as this list shows it: another administrator's is not replaced
        seen = next((o for o in getattr(self, "rows", []) if o.day == day), None)
        self.ui.runner.run(
            lambda: self.ui.app.sla.set_override(day, workday, note, who, seen=seen),
            lambda _r: self._saved(),
            self._failed,
            owner=self,
        )

    def _saved(self) -> None:
        self.feedback.setText(self.tr("Saved. Recompute open cases to apply it."))
        self.reload()

    def remove_selected(self) -> None:
        r = self.table.currentRow()
        if r < 0 or r >= len(getattr(self, "rows", [])):
            return
        day, seen = self.rows[r].day, self.rows[r]
        self.ui.runner.run(
            lambda: self.ui.app.sla.remove_override(day, seen=seen),
            lambda _r: self.reload(),
            self._failed,
            owner=self,
        )

    def recompute(self) -> None:
        self.recompute_button.setEnabled(False)
        self.feedback.setText(self.tr("Recomputing…"))
        app = self.ui.app

        def work() -> int:
            app.reload_calendar()
            return app.sla.recompute_open()

        def done(n: int) -> None:
            self.recompute_button.setEnabled(True)
            self.feedback.setText(self.tr("{0} open cases recomputed.").format(n))

        self.ui.runner.run(work, done, self._failed, owner=self)


class PoliciesDialog(QDialog):
    """One policy at a time: its match rule (type, sub-type, urgency, channel, class,
    priority) and its milestones — limits, clocks and colour thresholds; milestones can be
    added and removed. Saving makes a new version."""

    COLUMNS = (
        "code",
        "name",
        "limit",
        "unit",
        "start",
        "met by",
        "due soon (min)",
        "critical (min)",
    )

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.policies: list[Policy] = []
        self.setWindowTitle(self.tr("SLA policies"))
        self.resize(900, 480)
        self.choice = QComboBox()
        self.info = QLabel()
        # the match rule: empty = any
        self.match_type = QComboBox()
        self.match_sub_type = QComboBox()
        self.match_urgency = QComboBox()
        for box, values in (
            (self.match_type, [c.value for c in CaseType]),
            (self.match_sub_type, [c.value for c in SubType]),
            (self.match_urgency, [c.value for c in Urgency]),
        ):
            box.addItem(self.tr("(any)"), None)
            for v in values:
                box.addItem(v, v)
        self.match_channel = QLineEdit()
        self.match_channel.setPlaceholderText(self.tr("(any channel code)"))
        self.match_class = QLineEdit()
        self.match_class.setPlaceholderText(self.tr("(any class code)"))
        self.priority = QSpinBox()
        self.priority.setRange(0, 1000)
        match_row = QHBoxLayout()
        for label, w in (
            (self.tr("Type:"), self.match_type),
            (self.tr("Sub-type:"), self.match_sub_type),
            (self.tr("Urgency:"), self.match_urgency),
            (self.tr("Channel:"), self.match_channel),
            (self.tr("Class:"), self.match_class),
            (self.tr("Priority:"), self.priority),
        ):
            match_row.addWidget(QLabel(label))
            match_row.addWidget(w)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Milestone"),
                self.tr("Limit"),
                self.tr("Unit"),
                self.tr("Clock starts at"),
                self.tr("Met by"),
                self.tr("Due soon (min)"),
                self.tr("Critical (min)"),
            ]
        )
        self.table.verticalHeader().hide()
        self.add_button = QPushButton(self.tr("&Add milestone"))
        self.add_button.clicked.connect(self.add_milestone)
        self.remove_button = QPushButton(self.tr("&Remove milestone"))
        self.remove_button.clicked.connect(self.remove_milestone)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save as new version"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Policy:")))
        top.addWidget(self.choice, 1)
        lay.addLayout(top)
        lay.addWidget(self.info)
        lay.addLayout(match_row)
        lay.addWidget(self.table, 1)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.add_button)
        edit_row.addWidget(self.remove_button)
        edit_row.addStretch(1)
        lay.addLayout(edit_row)
        lay.addWidget(
            QLabel(
                self.tr(
                    "Saving makes a new version current for new cases; existing cases keep the "
                    "version they were created under."
                )
            )
        )
        lay.addWidget(self.feedback)
        lay.addWidget(buttons)
        self.choice.currentIndexChanged.connect(self._show_policy)
        self.ui.runner.run(self.ui.app.sla.policies, self._loaded, self._failed, owner=self)

    def _loaded(self, policies: list[Policy]) -> None:
        self.policies = policies
        current = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        for p in policies:
            self.choice.addItem(f"{p.name} ({p.code}, v{p.version})", p.code)
        self.choice.blockSignals(False)
        i = self.choice.findData(current)
        self.choice.setCurrentIndex(max(i, 0))
        self._show_policy()

    def _failed(self, exc: BaseException) -> None:
        from console.services.errors import Conflict

        self.save_button.setEnabled(True)
        self.feedback.setText(describe(exc))
        if is_bug(exc):
            self.ui.messages.error(exc)  # the crash dialog, not just a line of text
        if isinstance(exc, Conflict):
            # another administrator's version is now current: show it (edit again from it)
            self.ui.runner.run(self.ui.app.sla.policies, self._loaded, self._failed, owner=self)

    def current(self) -> Policy | None:
        code = self.choice.currentData()
        return next((p for p in self.policies if p.code == code), None)

    def _show_policy(self) -> None:
        p = self.current()
        if p is None:
            return
        self.info.setText(
            self.tr("Working days counted {0}; the highest priority among matching policies wins.")
            .format(p.workday_rule)
        )  # fmt: skip
        m = p.match
        for box, value in (
            (self.match_type, m.case_type),
            (self.match_sub_type, m.sub_type),
            (self.match_urgency, m.urgency),
        ):
            box.setCurrentIndex(max(box.findData(value), 0))
        self.match_channel.setText(m.channel_code or "")
        self.match_class.setText(m.class_code or "")
        self.priority.setValue(p.priority)
        self.table.setRowCount(0)
        for ms in p.milestones:
            self._add_row(ms)

    def _add_row(self, ms: Milestone) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, text in ((0, ms.code), (1, ms.name)):
            self.table.setItem(r, c, QTableWidgetItem(text))
        limit = QSpinBox()
        limit.setRange(1, 999)
        limit.setValue(ms.limit_value)
        self.table.setCellWidget(r, 2, limit)
        unit = QComboBox()
        for u in LIMIT_UNITS:
            unit.addItem(u, u)
        unit.setCurrentIndex(unit.findData(ms.limit_unit))
        self.table.setCellWidget(r, 3, unit)
        for c, event in ((4, ms.start_event), (5, ms.met_by_event)):
            box = QComboBox()
            for ev in CLOCK_EVENTS:
                box.addItem(ev, ev)
            box.setCurrentIndex(max(box.findData(event), 0))
            self.table.setCellWidget(r, c, box)
        warn, critical = ms.thresholds()
        for c, value in ((6, warn), (7, critical)):
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            spin.setValue(int(value.total_seconds() // 60))
            self.table.setCellWidget(r, c, spin)

    def add_milestone(self) -> None:
        n = self.table.rowCount() + 1
        self._add_row(Milestone(f"step{n}", self.tr("New time limit"), 1, "workdays",
                                "received", "replied"))  # fmt: skip
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)

    def remove_milestone(self) -> None:
        r = self.table.currentRow()
        if r >= 0:
            self.table.removeRow(r)

    def edited(self) -> Policy | None:
        p = self.current()
        if p is None:
            return None
        milestones = []
        for r in range(self.table.rowCount()):
            code, name = self.table.item(r, 0), self.table.item(r, 1)
            limit = self.table.cellWidget(r, 2)
            unit = self.table.cellWidget(r, 3)
            start, met = self.table.cellWidget(r, 4), self.table.cellWidget(r, 5)
            warn = self.table.cellWidget(r, 6)
            critical = self.table.cellWidget(r, 7)
            assert isinstance(limit, QSpinBox) and isinstance(unit, QComboBox)
            assert isinstance(start, QComboBox) and isinstance(met, QComboBox)
            assert isinstance(warn, QSpinBox) and isinstance(critical, QSpinBox)
            milestones.append(
                Milestone(
                    code.text().strip() if code else "",
                    name.text().strip() if name else "",
                    limit.value(),
                    unit.currentData(),
                    start.currentData(),
                    met.currentData(),
                    warn.value(),
                    critical.value(),
                )
            )
        match = PolicyMatch(
            case_type=self.match_type.currentData(),
            urgency=self.match_urgency.currentData(),
            channel_code=self.match_channel.text().strip() or None,
            class_code=self.match_class.text().strip() or None,
            sub_type=self.match_sub_type.currentData(),
        )
        return replace(p, milestones=tuple(milestones), match=match, priority=self.priority.value())

    def save(self) -> None:
        policy = self.edited()
        if policy is None:
            return
        self.save_button.setEnabled(False)

        def done(saved: Policy) -> None:
            self.save_button.setEnabled(True)
            self.feedback.setText(self.tr("Saved as version {0}.").format(saved.version))
            self.ui.runner.run(self.ui.app.sla.policies, self._loaded, self._failed, owner=self)

        self.ui.runner.run(
            lambda: self.ui.app.sla.save_policy(policy), done, self._failed, owner=self
        )
