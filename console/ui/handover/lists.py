"""The flagged-for-this-shift and history tabs of the handover screen."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from console.services.handover import HandoverRow, ItemView
from console.ui.context import UiContext
from console.ui.errors import is_refusal
from console.ui.handover.models import ITEM_ROLE, OUTSTANDING_COLUMNS, HistoryModel, ItemsModel
from console.ui.handover.widgets import row_table
from console.ui.widths import case_number_width


class OutstandingPanel(QWidget):
    """Items flagged by earlier shifts that nobody has finished: they stay here."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = ItemsModel(OUTSTANDING_COLUMNS, parent=self)
        self.table = row_table(self.model, {0: 220, 2: 260})
        self.table.setColumnWidth(
            OUTSTANDING_COLUMNS.index("number"), case_number_width(self.table)
        )
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
