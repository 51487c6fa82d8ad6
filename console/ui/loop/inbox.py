"""A handling unit's inbox (承办单位待办): the cases awaiting the unit's steps, by time
left, and the reminders and supervision orders sent to it. A unit's user sees its own
unit; an agent picks any unit and records its steps on its behalf (a unit working by
phone), which the case history then says."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain import lifecycle
from console.domain.casetypes import EventKind
from console.services.units import InboxRow, Notice, StepResult, UnitCase, UnitRef
from console.ui import labels
from console.ui.case import texts
from console.ui.context import UiContext
from console.ui.loop.dialogs import ExtensionDialog, TextDialog
from console.ui.loop.models import RowsModel, local_text, time_left
from console.ui.widths import CASE_NUMBER, case_number_width

#: (step, text?, due?) the dialog answered; None: cancelled
Answer = tuple[str, tuple[str, datetime] | None] | None


def table(model: RowsModel[Any], widths: tuple[int, ...]) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().hide()
    t.horizontalHeader().setStretchLastSection(True)
    for i, w in enumerate(widths):
        t.setColumnWidth(i, case_number_width(t) if w == CASE_NUMBER else w)
    return t


class UnitInboxScreen(QWidget):
    def __init__(self, ctx: UiContext, feed: Any | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.who = ctx.identity
        self.unit_id: int | None = self.who.unit_id if self.who.is_unit else None
        self.current: UnitCase | None = None
        self.loaded = 0  # inbox loads delivered (tests wait on it)

        self.unit = QComboBox()
        self.unit.setMinimumWidth(260)
        self.unit.setEnabled(not self.who.is_unit)
        self.unit.currentIndexChanged.connect(self._unit_chosen)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.behalf = QLabel()
        self.behalf.setObjectName("hint")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Handling unit:")))
        top.addWidget(self.unit)
        top.addWidget(self.refresh_button)
        top.addWidget(self.behalf, 1)

        self.model: RowsModel[InboxRow] = RowsModel(
            [
                (self.tr("Case number"), lambda r: r.number),
                (self.tr("Title"), lambda r: r.title),
                (self.tr("Status"), lambda r: labels.status_name(r.status)),
                (
                    self.tr("Role"),
                    lambda r: (
                        texts.role_name(r.unit_role)
                        + (
                            f" · {texts.assist_state_name(r.assist_state)}"
                            if r.assist_state
                            else ""
                        )
                    ),
                ),
                (self.tr("Next deadline"), lambda r: labels.milestone_name(r.next_milestone)),
                (self.tr("Due"), lambda r: local_text(r.next_due_at)),
                (
                    self.tr("Time left"),
                    lambda r: time_left(
                        r.next_due_at, r.next_warn_at, r.next_critical_at, r.sla_paused
                    ),
                ),
                (self.tr("Reminders"), lambda r: str(r.notices) if r.notices else ""),
            ],
            due=lambda r: (r.next_due_at, r.next_warn_at, r.next_critical_at),
        )
        self.cases = table(self.model, (CASE_NUMBER, 260, 90, 110, 90, 100, 110))
        self.cases.selectionModel().currentRowChanged.connect(lambda cur, _p: self._select())
        self.cases.doubleClicked.connect(lambda _i: self.open_case())
        self.notice_model: RowsModel[Notice] = RowsModel(
            [
                (self.tr("When"), lambda n: local_text(n.created_at)),
                (self.tr("Kind"), lambda n: texts.notice_kind_name(n.kind)),
                (self.tr("Case number"), lambda n: n.number),
                (self.tr("From"), lambda n: n.created_by),
                (self.tr("Text"), lambda n: n.text),
            ]
        )
        self.notices = table(self.notice_model, (100, 90, CASE_NUMBER, 90))
        self.ack = QPushButton(self.tr("&Acknowledge"))
        self.ack.clicked.connect(self.acknowledge)
        notices_box = QWidget()
        nl = QVBoxLayout(notices_box)
        nl.setContentsMargins(0, 0, 0, 0)
        nl.addWidget(self.notices, 1)
        nl.addWidget(self.ack, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.cases, self.tr("Cases"))
        self.tabs.addTab(notices_box, self.tr("Reminders and supervision"))

        self.panel = QGroupBox(self.tr("Selected case"))
        self.info = QLabel(self.tr("Select a case."))
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.step_box = QVBoxLayout()
        self.step_buttons: dict[str, QPushButton] = {}
        self.open_button = QPushButton(self.tr("&Open case…"))
        self.open_button.clicked.connect(self.open_case)
        self.open_button.setEnabled(False)
        pl = QVBoxLayout(self.panel)
        pl.addWidget(self.info)
        pl.addLayout(self.step_box)
        pl.addStretch(1)
        pl.addWidget(self.open_button)
        self.panel.setMinimumWidth(280)

        split = QSplitter()
        split.addWidget(self.tabs)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(split, 1)

        # the dialogs are hooks, so tests answer them without a modal loop
        self.ask_text: Callable[[str, str, bool], str | None] = self._ask_text
        self.ask_extension: Callable[[UnitCase], tuple[str, datetime, str] | None] = (
            self._ask_extension
        )
        self._tick = QTimer(self)
        self._tick.setInterval(15_000)
        self._tick.timeout.connect(self.model.tick)
        self._tick.start()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(800)
        self._debounce.timeout.connect(self.refresh)
        if feed is not None:
            feed.changed.connect(lambda _c: self._debounce.start())
        QShortcut(QKeySequence("F5"), self, self.refresh)
        ctx.runner.run(ctx.app.units.units, self._units, self._failed, owner=self)

    # --- loading ------------------------------------------------------------------------
    def _failed(self, exc: BaseException) -> None:
        texts.report_failure(self.ctx.messages, exc)

    def _units(self, units: list[UnitRef]) -> None:
        self.unit.blockSignals(True)
        self.unit.clear()
        for u in units:
            if self.who.is_unit and u.id != self.who.unit_id:
                continue
            self.unit.addItem(u.name, u.id)
        self.unit.blockSignals(False)
        if self.unit_id is not None:
            i = self.unit.findData(self.unit_id)
            self.unit.setCurrentIndex(max(i, 0))
        self._unit_chosen()

    def _unit_chosen(self) -> None:
        data = self.unit.currentData()
        self.unit_id = int(data) if data is not None else None
        self.behalf.setText(
            ""
            if self.who.is_unit
            else self.tr("Steps you record here are marked as recorded on the unit's behalf.")
        )
        self.refresh()

    def select_unit(self, unit_id: int) -> None:
        i = self.unit.findData(unit_id)
        if i >= 0:
            self.unit.setCurrentIndex(i)

    def refresh(self) -> None:
        unit = self.unit_id
        if unit is None:
            return
        app = self.ctx.app
        self.ctx.runner.run(
            lambda: (app.units.inbox(unit), app.units.notices(unit)),
            lambda got: self._show(unit, got),
            self._failed,
            owner=self,
        )

    def _show(self, unit: int, got: tuple[list[InboxRow], list[Notice]]) -> None:
        if unit != self.unit_id:
            return  # the user picked another unit meanwhile
        rows, notices = got
        keep = self.current.case_id if self.current else None
        self.model.set_rows(rows)
        self.notice_model.set_rows(notices)
        self.tabs.setTabText(0, self.tr("Cases ({0})").format(len(rows)))
        self.tabs.setTabText(1, self.tr("Reminders and supervision ({0})").format(len(notices)))
        self.loaded += 1
        ids = [r.case_id for r in rows]
        if keep in ids:
            self.cases.selectRow(ids.index(keep))
        else:
            self._show_case(None)

    def _select(self) -> None:
        row = self.model.row_at(self.cases.currentIndex().row())
        if row is None:
            self._show_case(None)
            return
        cid = row.case_id
        self.ctx.runner.run(
            lambda: self.ctx.app.units.case(cid), self._show_case, self._failed, owner=self
        )

    def _show_case(self, uc: UnitCase | None) -> None:
        self.current = uc
        for b in self.step_buttons.values():
            self.step_box.removeWidget(b)
            b.deleteLater()
        self.step_buttons = {}
        self.open_button.setEnabled(uc is not None)
        if uc is None or self.unit_id is None:
            self.info.setText(self.tr("Select a case."))
            return
        lines = [
            f"<b>{uc.number}</b> — {labels.status_name(uc.status)}",
            self.tr("Lead unit: {0}").format(uc.unit or "—"),
        ]
        if uc.co_units:
            states = uc.assist_states
            co = "、".join(
                f"{u.name}（{texts.assist_state_name(states.get(u.id, 'dispatched'))}）"
                for u in uc.co_units
            )
            lines.append(self.tr("Assisting: {0}").format(co))
        if uc.round > 1:
            lines.append(self.tr("Reopened: round {0}").format(uc.round))
        if uc.returns:
            lines.append(self.tr("Returned {0} time(s) so far").format(uc.returns))
        for p in uc.pending_extensions:
            lines.append(
                self.tr("Extension of {0} to {1} awaits the centre's decision").format(
                    labels.milestone_name(p.milestone), local_text(p.due_at)
                )
            )
        self.info.setText("<br>".join(lines))
        for step in uc.allowed_steps(self.unit_id):
            b = QPushButton(texts.step_name(step))
            b.setObjectName(f"step_{step}")
            b.clicked.connect(self._step_clicked(step))
            self.step_box.addWidget(b)
            self.step_buttons[step] = b

    def _step_clicked(self, step: str) -> Callable[[], None]:
        return lambda: self.do_step(step)

    # --- steps --------------------------------------------------------------------------
    def _ask_text(self, title: str, prompt: str, required: bool) -> str | None:
        dlg = TextDialog(title, prompt, required, self)
        return dlg.value() if dlg.exec() == TextDialog.DialogCode.Accepted else None

    def _ask_extension(self, uc: UnitCase) -> tuple[str, datetime, str] | None:
        dlg = ExtensionDialog(uc.milestones, self)
        if dlg.exec() != ExtensionDialog.DialogCode.Accepted:
            return None
        chosen = dlg.chosen()
        return (chosen[0], chosen[1], dlg.value()) if chosen else None

    def do_step(self, step: str) -> None:
        uc, unit = self.current, self.unit_id
        if uc is None or unit is None:
            return
        milestone: str | None = None
        due: datetime | None = None
        if step == EventKind.EXTENSION_REQUESTED:
            got = self.ask_extension(uc)
            if got is None:
                return
            milestone, due, text = got
        elif step == EventKind.ACCEPTED:
            text = ""
        else:
            answer = self.ask_text(
                texts.step_name(step), texts.step_prompt(step), step in lifecycle.TEXT_REQUIRED
            )
            if answer is None:
                return
            text = answer
        app, who, version, cid = self.ctx.app, self.who, uc.version, uc.case_id
        self.ctx.runner.run(
            lambda: app.units.step(
                cid,
                who,
                unit,
                step,
                text,
                expected_version=version,
                milestone=milestone,
                due_at=due,
            ),  # fmt: skip
            self._stepped,
            self._step_failed,
            owner=self,
        )

    def _stepped(self, r: StepResult) -> None:
        msg = self.tr("Case {0}: recorded.").format(r.number)
        if r.escalated:
            msg += " " + self.tr("It was returned too often and goes to a supervisor.")
        self.ctx.messages.info(msg)
        self.refresh()

    def _step_failed(self, exc: BaseException) -> None:
        self._failed(exc)
        self.refresh()

    def acknowledge(self) -> None:
        n = self.notice_model.row_at(self.notices.currentIndex().row())
        if n is None:
            return
        app, who, nid = self.ctx.app, self.who, n.id
        self.ctx.runner.run(
            lambda: app.units.resolve_notice(nid, who),
            lambda _r: self.refresh(),
            self._failed,
            owner=self,
        )

    def open_case(self) -> None:
        if self.current is None:
            return
        from console.ui.case.view import CaseViewDialog

        dlg = CaseViewDialog(self.ctx, self.current.case_id, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
