"""The callback screen (回访): closed demands due a call to the citizen, the script's
questions — satisfaction and whether the problem was solved, asked separately — and
the unit-fault question that reopens the case (重办). Keys: Alt+1/2/3 satisfaction,
Alt+Y/N solved, Alt+F unit fault, Alt+C comments, Ctrl+Enter save the verdict, Ctrl+U
not reached (window shortcuts, shown in the labels: they work from any field)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.domain.casetypes import Satisfaction
from console.domain.clock import now_utc, to_local
from console.domain.lifecycle import CALLBACK_MAX_ATTEMPTS, CallbackVerdict
from console.services.callbacks import CallbackCase, CallbackResult, CallbackRow
from console.ui.case import texts
from console.ui.context import UiContext
from console.ui.loop.inbox import table
from console.ui.loop.models import RowsModel, local_text
from console.ui.widths import CASE_NUMBER


class CallbackScreen(QWidget):
    def __init__(self, ctx: UiContext, feed: object | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.who = ctx.identity
        self.current: CallbackCase | None = None
        self.loaded = 0
        self.saved = 0

        self.later = QCheckBox(self.tr("Also show calls to retry later"))
        self.later.toggled.connect(lambda _b: self.refresh())
        self.model: RowsModel[CallbackRow] = RowsModel(
            [
                (self.tr("Case number"), lambda r: r.number),
                (self.tr("Closed"), lambda r: local_text(r.closed_at)),
                (self.tr("Callback due"), lambda r: local_text(r.due_at)),
                (
                    self.tr("Attempts"),
                    lambda r: f"{r.attempts}/{CALLBACK_MAX_ATTEMPTS}" if r.attempts else "",
                ),
                (self.tr("Unit"), lambda r: r.unit),
                (self.tr("Title"), lambda r: r.title),
            ],
            due=lambda r: (r.due_at, None, None),
        )
        self.queue = table(self.model, (CASE_NUMBER, 90, 90, 60, 180))
        self.queue.selectionModel().currentRowChanged.connect(lambda _c, _p: self._select())
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.later)
        ll.addWidget(self.queue, 1)

        self.caller = QLabel("—")
        self.caller.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.script = QLabel()
        self.script.setWordWrap(True)
        self.script.setObjectName("callbackScript")
        self.script.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        q1 = QGroupBox(self.tr("1. Are you satisfied with how your demand was handled?"))
        self.satisfaction = QButtonGroup(self)
        row1 = QHBoxLayout(q1)
        self.sat_buttons: dict[Satisfaction, QRadioButton] = {}
        for value, title in (
            (Satisfaction.SATISFIED, self.tr("Satisfied (Alt+1)")),
            (Satisfaction.BASICALLY, self.tr("Basically satisfied (Alt+2)")),
            (Satisfaction.UNSATISFIED, self.tr("Unsatisfied (Alt+3)")),
        ):
            b = QRadioButton(title)
            self.satisfaction.addButton(b)
            self.sat_buttons[value] = b
            row1.addWidget(b)
        q2 = QGroupBox(self.tr("2. Has your problem been solved?"))
        self.solved_group = QButtonGroup(self)
        self.solved_yes = QRadioButton(self.tr("Solved (Alt+Y)"))
        self.solved_no = QRadioButton(self.tr("Not solved (Alt+N)"))
        row2 = QHBoxLayout(q2)
        for b in (self.solved_yes, self.solved_no):
            self.solved_group.addButton(b)
            row2.addWidget(b)
        self.unit_fault = QCheckBox(
            self.tr("The reason is the unit's handling: reopen the case (Alt+F)")
        )
        self.unit_fault.setEnabled(False)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("The citizen's words (required to reopen)"))
        self.comment.setMaximumHeight(90)
        self.save_button = QPushButton(self.tr("Save callback (Ctrl+Enter)"))
        self.save_button.clicked.connect(self.save)
        self.no_answer_button = QPushButton(self.tr("Not reached (Ctrl+U)"))
        self.no_answer_button.clicked.connect(self.no_answer)
        for b in self.sat_buttons.values():
            b.toggled.connect(lambda _on: self._enable())
        for b in (self.solved_yes, self.solved_no):
            b.toggled.connect(lambda _on: self._enable())
        self.unit_fault.toggled.connect(lambda _on: self._enable())
        self.comment.textChanged.connect(self._enable)

        right = QWidget()
        form = QFormLayout()
        form.addRow(self.tr("Citizen:"), self.caller)
        rl = QVBoxLayout(right)
        rl.addLayout(form)
        rl.addWidget(self.script)
        rl.addWidget(q1)
        rl.addWidget(q2)
        rl.addWidget(self.unit_fault)
        rl.addWidget(QLabel(self.tr("3. Anything else you would like to tell us? (Alt+C)")))
        rl.addWidget(self.comment)
        buttons = QHBoxLayout()
        buttons.addWidget(self.no_answer_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        rl.addLayout(buttons)
        rl.addStretch(1)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        keys = {
            "Alt+1": self.sat_buttons[Satisfaction.SATISFIED].click,
            "Alt+2": self.sat_buttons[Satisfaction.BASICALLY].click,
            "Alt+3": self.sat_buttons[Satisfaction.UNSATISFIED].click,
            "Alt+Y": self.solved_yes.click,
            "Alt+N": self.solved_no.click,
            "Alt+F": self.unit_fault.click,
            "Alt+C": self.comment.setFocus,
        }
        for key, slot in keys.items():
            QShortcut(QKeySequence(key), self, slot)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.save)
        QShortcut(QKeySequence("Ctrl+U"), self, self.no_answer)
        QShortcut(QKeySequence("F5"), self, self.refresh)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(800)
        self._debounce.timeout.connect(self.refresh)
        changed = getattr(feed, "changed", None)
        if changed is not None:
            changed.connect(lambda _c: self._debounce.start())
        self._show_case(None)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        texts.report_failure(self.ctx.messages, exc)

    def refresh(self) -> None:
        app, later = self.ctx.app, self.later.isChecked()
        self.ctx.runner.run(
            lambda: app.callbacks.queue(include_later=later), self._show, self._failed, owner=self
        )

    def _show(self, rows: list[CallbackRow]) -> None:
        keep = self.current.row.case_id if self.current else None
        self.model.set_rows(rows)
        self.loaded += 1
        ids = [r.case_id for r in rows]
        if keep in ids:
            self.queue.selectRow(ids.index(keep))
        elif rows:
            self.queue.selectRow(0)
        else:
            self._show_case(None)

    def _select(self) -> None:
        row = self.model.row_at(self.queue.currentIndex().row())
        if row is None:
            self._show_case(None)
            return
        if self.current is not None and self.current.row.case_id == row.case_id:
            return
        cid = row.case_id
        self.ctx.runner.run(
            lambda: self.ctx.app.callbacks.case(cid), self._show_case, self._failed, owner=self
        )

    def _reset_answers(self) -> None:
        for group in (self.satisfaction, self.solved_group):
            group.setExclusive(False)
            for b in group.buttons():
                b.setChecked(False)
            group.setExclusive(True)
        self.unit_fault.setChecked(False)
        self.comment.clear()

    def _show_case(self, c: CallbackCase | None) -> None:
        self.current = c
        self._reset_answers()
        if c is None:
            self.caller.setText("—")
            self.script.setText(self.tr("No callback due. Select a case on the left."))
            self._enable()
            return
        r = c.row
        self.caller.setText(f"{r.caller_name or self.tr('(no name)')}  {r.caller_phone}")
        when = to_local(r.closed_at).strftime("%m月%d日") if r.closed_at else ""
        self.script.setText(
            self.tr(
                "Hello, this is the 12345 citizen hotline calling back about your demand "
                "“{title}”. {unit} reported on {date}: “{reply}”. May I ask you two "
                "short questions?"
            ).format(title=r.title, unit=r.unit or "—", date=when, reply=c.reply or "—")
            + (
                "  " + self.tr("Attempt {0} of {1}.").format(r.attempts + 1, CALLBACK_MAX_ATTEMPTS)
                if r.attempts
                else ""
            )
        )
        self._enable()

    def _chosen(self) -> Satisfaction | None:
        for value, b in self.sat_buttons.items():
            if b.isChecked():
                return value
        return None

    def _enable(self) -> None:
        sat = self._chosen()
        unsatisfied = sat == Satisfaction.UNSATISFIED
        if not unsatisfied and self.unit_fault.isChecked():
            self.unit_fault.setChecked(False)
        self.unit_fault.setEnabled(unsatisfied)
        answered = sat is not None and (self.solved_yes.isChecked() or self.solved_no.isChecked())
        needs_words = self.unit_fault.isChecked() and not self.comment.toPlainText().strip()
        have = self.current is not None
        self.save_button.setEnabled(have and answered and not needs_words)
        self.no_answer_button.setEnabled(have)

    def verdict(self) -> CallbackVerdict | None:
        sat = self._chosen()
        if sat is None or not (self.solved_yes.isChecked() or self.solved_no.isChecked()):
            return None
        return CallbackVerdict(
            sat, self.solved_yes.isChecked(), self.unit_fault.isChecked(),
            self.comment.toPlainText(),
        )  # fmt: skip

    def save(self) -> None:
        v = self.verdict()
        if self.current is None or v is None or not self.save_button.isEnabled():
            return
        app, who = self.ctx.app, self.who
        cid, ver = self.current.row.case_id, self.current.row.version
        self.ctx.runner.run(
            lambda: app.callbacks.record(cid, who, v, expected_version=ver),
            self._done,
            self._save_failed,
            owner=self,
        )

    def no_answer(self) -> None:
        if self.current is None:
            return
        app, who, cid = self.ctx.app, self.who, self.current.row.case_id
        note = self.comment.toPlainText()
        ver = self.current.row.version
        self.ctx.runner.run(
            lambda: app.callbacks.attempt(cid, who, note, expected_version=ver),
            self._done,
            self._save_failed,
            owner=self,
        )

    def _done(self, r: CallbackResult) -> None:
        if r.reopened_round is not None:
            msg = self.tr("Case {0} reopened (round {1}) and sent back to its unit.").format(
                r.number, r.reopened_round
            )
        elif r.unreachable:
            msg = self.tr("Case {0}: citizen not reached {1} times, callback closed.").format(
                r.number, r.attempts
            )
        elif r.status == "closed":
            at = to_local(now_utc()).strftime("%H:%M")
            msg = self.tr("Case {0}: not reached (attempt {1}) at {2}; try again later.")
            msg = msg.format(r.number, r.attempts, at)
        else:
            msg = self.tr("Case {0}: callback recorded.").format(r.number)
        self.saved += 1
        self.current = None
        self.ctx.messages.info(msg)
        self.refresh()

    def _save_failed(self, exc: BaseException) -> None:
        self._failed(exc)
        self.current = None
        self.refresh()
