"""The centre's side of the loop: results to review (accept → closed, or send back with
a reason), returned cases to re-dispatch, extension requests to approve or refuse, and
for supervisors the overdue cases to remind or supervise and the escalations."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain import lifecycle
from console.domain.casetypes import Status
from console.services.supervision import OverdueRow
from console.services.units import InboxRow, Notice, UnitRef
from console.ui import labels
from console.ui.case import texts
from console.ui.context import UiContext
from console.ui.loop.dialogs import TextDialog
from console.ui.loop.inbox import table
from console.ui.loop.models import RowsModel, local_text, time_left
from console.ui.widths import CASE_NUMBER

PendingRow = tuple[int, str, lifecycle.PendingExtension]


class CentreScreen(QWidget):
    def __init__(self, ctx: UiContext, feed: Any | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.who = ctx.identity
        self.loaded = 0
        self.unit_refs: list[UnitRef] = []

        # results and returns
        self.review_model: RowsModel[InboxRow] = RowsModel(
            [
                (self.tr("Case number"), lambda r: r.number),
                (self.tr("Title"), lambda r: r.title),
                (self.tr("Status"), lambda r: labels.status_name(r.status)),
                (self.tr("Due"), lambda r: local_text(r.next_due_at)),
                (
                    self.tr("Time left"),
                    lambda r: time_left(
                        r.next_due_at, r.next_warn_at, r.next_critical_at, r.sla_paused
                    ),
                ),
            ],
            due=lambda r: (r.next_due_at, r.next_warn_at, r.next_critical_at),
        )
        self.review = table(self.review_model, (CASE_NUMBER, 300, 100, 100))
        self.review.selectionModel().currentRowChanged.connect(lambda _c, _p: self._enable())
        self.accept_button = QPushButton(self.tr("&Accept result and close"))
        self.accept_button.clicked.connect(lambda: self.review_case(True))
        self.send_back_button = QPushButton(self.tr("&Send back…"))
        self.send_back_button.clicked.connect(lambda: self.review_case(False))
        self.units = QComboBox()
        self.units.setMinimumWidth(220)
        self.redispatch_button = QPushButton(self.tr("&Re-dispatch to"))
        self.redispatch_button.clicked.connect(self.redispatch)
        # return review (退单审核): accept (triage again) or refuse (an improper return)
        self.accept_return_button = QPushButton(self.tr("Accept re&turn"))
        self.accept_return_button.clicked.connect(lambda: self.review_return(True))
        self.refuse_return_button = QPushButton(self.tr("Refuse return (&improper)…"))
        self.refuse_return_button.clicked.connect(lambda: self.review_return(False))
        self.escalate_button = QPushButton(self.tr("&Escalate…"))
        self.escalate_button.clicked.connect(self.escalate)
        self.open_button = QPushButton(self.tr("&Open case…"))
        self.open_button.clicked.connect(self.open_case)
        row = QHBoxLayout()
        for w in (self.accept_button, self.send_back_button, self.accept_return_button,
                  self.refuse_return_button, self.redispatch_button):  # fmt: skip
            row.addWidget(w)
        row.addWidget(self.units)
        row.addStretch(1)
        row.addWidget(self.escalate_button)
        row.addWidget(self.open_button)
        review_box = QWidget()
        rl = QVBoxLayout(review_box)
        rl.addWidget(self.review, 1)
        rl.addLayout(row)

        # extension requests
        self.ext_model: RowsModel[PendingRow] = RowsModel(
            [
                (self.tr("Case number"), lambda p: p[1]),
                (self.tr("Time limit"), lambda p: labels.milestone_name(p[2].milestone)),
                (self.tr("Requested deadline"), lambda p: local_text(p[2].due_at)),
                (self.tr("Asked at"), lambda p: local_text(p[2].requested_at)),
                (self.tr("Reason"), lambda p: p[2].reason),
            ]
        )
        self.extensions = table(self.ext_model, (CASE_NUMBER, 100, 120, 100))
        self.approve_button = QPushButton(self.tr("A&pprove"))
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.refuse_button = QPushButton(self.tr("Re&fuse…"))
        self.refuse_button.clicked.connect(lambda: self.decide(False))
        ext_box = QWidget()
        el = QVBoxLayout(ext_box)
        el.addWidget(self.extensions, 1)
        er = QHBoxLayout()
        er.addStretch(1)
        er.addWidget(self.approve_button)
        er.addWidget(self.refuse_button)
        el.addLayout(er)

        self.tabs = QTabWidget()
        self.tabs.addTab(review_box, self.tr("To review"))
        self.tabs.addTab(ext_box, self.tr("Extension requests"))

        # supervisors: overdue cases and escalations
        self.overdue_model: RowsModel[OverdueRow] = RowsModel(
            [
                (self.tr("Case number"), lambda r: r.number),
                (self.tr("Unit"), lambda r: r.unit),
                (self.tr("Status"), lambda r: labels.status_name(r.status)),
                (self.tr("Next deadline"), lambda r: labels.milestone_name(r.next_milestone)),
                (self.tr("Due"), lambda r: local_text(r.next_due_at)),
                (self.tr("Title"), lambda r: r.title),
            ]
        )
        self.overdue = table(self.overdue_model, (CASE_NUMBER, 200, 90, 90, 100))
        self.escalation_model: RowsModel[Notice] = RowsModel(
            [
                (self.tr("When"), lambda n: local_text(n.created_at)),
                (self.tr("Case number"), lambda n: n.number),
                (self.tr("From"), lambda n: n.created_by),
                (self.tr("Text"), lambda n: n.text),
            ]
        )
        self.escalations = table(self.escalation_model, (100, CASE_NUMBER, 90))
        self.remind_button = QPushButton(self.tr("Re&mind unit…"))
        self.remind_button.clicked.connect(lambda: self.notify(False))
        self.supervise_button = QPushButton(self.tr("Super&vision order…"))
        self.supervise_button.clicked.connect(lambda: self.notify(True))
        self.close_escalation_button = QPushButton(self.tr("&Close escalation"))
        self.close_escalation_button.clicked.connect(self.close_escalation)
        if self.who.is_supervisor:
            sup = QWidget()
            sl = QVBoxLayout(sup)
            sl.addWidget(QLabel(self.tr("Overdue cases with units")))
            sl.addWidget(self.overdue, 2)
            sr = QHBoxLayout()
            sr.addStretch(1)
            sr.addWidget(self.remind_button)
            sr.addWidget(self.supervise_button)
            sl.addLayout(sr)
            sl.addWidget(QLabel(self.tr("Escalations")))
            sl.addWidget(self.escalations, 1)
            sl.addWidget(self.close_escalation_button, 0, Qt.AlignmentFlag.AlignRight)
            self.tabs.addTab(sup, self.tr("Supervision"))

        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        self.ask_text: Callable[[str, str, bool], str | None] = self._ask_text
        self.ask_level: Callable[[str], int | None] = self._ask_level
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(800)
        self._debounce.timeout.connect(self.refresh)
        if feed is not None:
            feed.changed.connect(lambda _c: self._debounce.start())
        ctx.runner.run(ctx.app.units.units, self._got_units, self._failed, owner=self)
        self.refresh()
        self._enable()

    def _failed(self, exc: BaseException) -> None:
        texts.report_failure(self.ctx.messages, exc)
        self.refresh()

    def _load_failed(self, exc: BaseException) -> None:
        texts.report_failure(self.ctx.messages, exc)

    def _ask_text(self, title: str, prompt: str, required: bool) -> str | None:
        dlg = TextDialog(title, prompt, required, self)
        return dlg.value() if dlg.exec() == TextDialog.DialogCode.Accepted else None

    def _ask_level(self, title: str) -> int | None:
        level, ok = QInputDialog.getInt(
            self, title, self.tr("Level (1: the centre, 2: the city's leadership)"), 1, 1, 2
        )
        return level if ok else None

    def _got_units(self, units: list[UnitRef]) -> None:
        self.unit_refs = units
        self.units.clear()
        for u in units:
            self.units.addItem(u.name, u.id)

    def refresh(self) -> None:
        app, sup = self.ctx.app, self.who.is_supervisor

        def load() -> tuple[Any, ...]:
            return (
                app.units.awaiting_centre(),
                app.units.pending_extensions(),
                app.supervision.overdue() if sup else [],
                app.units.notices(None, kind="escalated") if sup else [],
            )

        self.ctx.runner.run(load, self._show, self._load_failed, owner=self)

    def _show(self, got: tuple[Any, ...]) -> None:
        review, ext, overdue, escalations = got
        self.review_model.set_rows(review)
        self.ext_model.set_rows(ext)
        self.overdue_model.set_rows(overdue)
        self.escalation_model.set_rows(escalations)
        self.tabs.setTabText(0, self.tr("To review ({0})").format(len(review)))
        self.tabs.setTabText(1, self.tr("Extension requests ({0})").format(len(ext)))
        if self.who.is_supervisor:
            self.tabs.setTabText(
                2, self.tr("Supervision ({0})").format(len(overdue) + len(escalations))
            )
        self.loaded += 1
        self._enable()

    def _selected(self) -> InboxRow | None:
        return self.review_model.row_at(self.review.currentIndex().row())

    def _enable(self) -> None:
        r = self._selected()
        self.accept_button.setEnabled(r is not None and r.status == Status.REPLIED)
        self.send_back_button.setEnabled(r is not None and r.status == Status.REPLIED)
        returned = r is not None and r.status == Status.RETURNED
        self.redispatch_button.setEnabled(returned)
        self.accept_return_button.setEnabled(returned)
        self.refuse_return_button.setEnabled(returned)
        self.escalate_button.setEnabled(r is not None)
        self.open_button.setEnabled(r is not None)

    def _run(self, fn: Callable[[], Any], done: str) -> None:
        def ok(_r: Any) -> None:
            self.ctx.messages.info(done)
            self.refresh()

        self.ctx.runner.run(fn, ok, self._failed, owner=self)

    def review_case(self, accept: bool) -> None:
        r = self._selected()
        if r is None:
            return
        reason = ""
        if not accept:
            got = self.ask_text(
                self.tr("Send back"), self.tr("What the unit must do again, and why"), True
            )
            if got is None:
                return
            reason = got
        app, who, cid, v = self.ctx.app, self.who, r.case_id, r.version
        done = (
            self.tr("Case {0} closed: due its callback.") if accept
            else self.tr("Case {0} sent back to the unit.")
        ).format(r.number)  # fmt: skip
        self._run(lambda: app.units.review(cid, who, accept, reason, expected_version=v), done)

    def review_return(self, accept: bool) -> None:
        r = self._selected()
        if r is None:
            return
        reason = ""
        if not accept:
            got = self.ask_text(
                self.tr("Refuse the return"),
                self.tr("Why the case is the unit's (counted as an improper return)"),
                True,
            )
            if got is None:
                return
            reason = got
        app, who, cid, v = self.ctx.app, self.who, r.case_id, r.version
        done = (
            self.tr("Case {0}: return accepted, to triage again.") if accept
            else self.tr("Case {0} goes back to the unit (improper return).")
        ).format(r.number)  # fmt: skip
        self._run(
            lambda: app.units.review_return(cid, who, accept, reason, expected_version=v), done
        )

    def redispatch(self) -> None:
        r = self._selected()
        unit = self.units.currentData()
        if r is None or unit is None:
            return
        app, who, cid, v, uid = self.ctx.app, self.who, r.case_id, r.version, int(unit)
        done = self.tr("Case {0} dispatched to {1}.").format(r.number, self.units.currentText())
        self._run(lambda: app.units.redispatch(cid, who, uid, expected_version=v), done)

    def escalate(self) -> None:
        r = self._selected()
        if r is None:
            return
        text = self.ask_text(self.tr("Escalate"), self.tr("Why a supervisor must look"), True)
        if text is None:
            return
        app, who, cid = self.ctx.app, self.who, r.case_id
        done = self.tr("Case {0} escalated to the supervisors.").format(r.number)
        self._run(lambda: app.supervision.escalate(cid, who, text), done)

    def decide(self, approve: bool) -> None:
        p = self.ext_model.row_at(self.extensions.currentIndex().row())
        if p is None:
            return
        note = ""
        if not approve:
            got = self.ask_text(self.tr("Refuse extension"), self.tr("Why it is refused"), True)
            if got is None:
                return
            note = got
        app, who, cid, m = self.ctx.app, self.who, p[0], p[2].milestone
        done = (
            self.tr("Extension of case {0} approved.") if approve
            else self.tr("Extension of case {0} refused.")
        ).format(p[1])  # fmt: skip
        self._run(lambda: app.units.decide_extension(cid, who, m, approve, note), done)

    def notify(self, order: bool) -> None:
        r = self.overdue_model.row_at(self.overdue.currentIndex().row())
        if r is None:
            return
        title = self.tr("Supervision order") if order else self.tr("Remind unit")
        text = self.ask_text(title, self.tr("Message to {0}").format(r.unit), order)
        if text is None:
            return
        app, who, cid = self.ctx.app, self.who, r.case_id
        if order:
            level = self.ask_level(title)
            if level is None:
                return
            self._run(
                lambda: app.supervision.supervise(cid, who, text, level),
                self.tr("Supervision order sent to {0}.").format(r.unit),
            )
        else:
            self._run(
                lambda: app.supervision.remind([cid], who, text or self.tr("Please handle.")),
                self.tr("Reminder sent to {0}.").format(r.unit),
            )

    def close_escalation(self) -> None:
        n = self.escalation_model.row_at(self.escalations.currentIndex().row())
        if n is None:
            return
        app, who, nid = self.ctx.app, self.who, n.id
        self._run(lambda: app.units.resolve_notice(nid, who), self.tr("Escalation closed."))

    def open_case(self) -> None:
        r = self._selected()
        if r is None:
            return
        from console.ui.case.view import CaseViewDialog

        dlg = CaseViewDialog(self.ctx, r.case_id, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
