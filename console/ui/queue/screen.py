"""The queue screen: views, sort by time left, live countdowns, auto refresh."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.queue import QueueQuery, QueueSort, QueueView
from console.ui.context import UiContext
from console.ui.queue.model import CASE_ID_ROLE, COL_TIME_LEFT, QueueModel


class QueueScreen(QWidget):
    case_activated = Signal(int)

    def __init__(self, ctx: UiContext, refresh_seconds: int = 5) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("queueScreen")

        self.view_box = QComboBox()
        views = [
            (QueueView.MINE, self.tr("My cases")),
            (QueueView.UNASSIGNED, self.tr("Team queue (unassigned)")),
            (QueueView.AWAITING_UNIT, self.tr("Dispatched, awaiting unit")),
            (QueueView.BREACHED, self.tr("Breached")),
            (QueueView.OPEN, self.tr("All open cases")),
        ]
        for v, title in views:
            self.view_box.addItem(title, v.value)
        self.sort_box = QComboBox()
        self.sort_box.addItem(self.tr("Time left"), QueueSort.TIME_LEFT.value)
        self.sort_box.addItem(self.tr("Newest first"), QueueSort.NEWEST.value)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Refresh now (F5)"))
        self.count_label = QLabel()
        self.state_label = QLabel()
        self.state_label.setObjectName("staleLabel")

        bar = QHBoxLayout()
        view_label = QLabel(self.tr("&View:"))
        view_label.setBuddy(self.view_box)
        sort_label = QLabel(self.tr("&Sort:"))
        sort_label.setBuddy(self.sort_box)
        for w in (view_label, self.view_box, sort_label, self.sort_box, self.refresh_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.state_label)
        bar.addWidget(self.count_label)

        self.model = QueueModel(self.ctx.app.queue.page, self._run)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(False)  # sorting happens in SQL
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((130, 150, 90, 80, 80, 110, 70, 110, 300, 70, 150, 90)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(self._activate)

        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)

        self.view_box.currentIndexChanged.connect(self._query_changed)
        self.sort_box.currentIndexChanged.connect(self._query_changed)
        self.refresh_button.clicked.connect(self.refresh)
        self.model.page_loaded.connect(self._after_load)
        self.model.loading_changed.connect(self._loading)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, self._activate_current)

        self._restore: tuple[int | None, int] | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.tick)
        self._tick.start()
        self._auto = QTimer(self)
        self._auto.setInterval(max(refresh_seconds, 1) * 1000)
        self._auto.timeout.connect(self.refresh)
        self._auto.start()
        self._query_changed()

    # --- running work ----------------------------------------------------------------
    def _run(
        self,
        fn: Callable[[], Any],
        ok: Callable[[Any], None],
        fail: Callable[[BaseException], None],
    ) -> None:
        def on_error(exc: BaseException) -> None:
            try:
                fail(exc)
            except BaseException as e:  # noqa: BLE001 - the model re-raises for us to show
                self._show_stale()
                self.ctx.messages.error(e)

        self.ctx.runner.run(fn, ok, on_error, owner=self)

    def current_query(self) -> QueueQuery:
        return QueueQuery(
            QueueView(self.view_box.currentData()),
            QueueSort(self.sort_box.currentData()),
            agent_id=self.ctx.identity.agent_id,
        )

    def _query_changed(self) -> None:
        self._restore = None
        self.model.set_query(self.current_query())
        self._update_count()

    def refresh(self) -> None:
        sel = self.selected_case_id()
        self._restore = (sel, self.table.verticalScrollBar().value())
        self.model.refresh()
        self._update_count()

    def _update_count(self) -> None:
        query = self.current_query()
        self.ctx.runner.run(
            lambda: self.ctx.app.queue.count(query),
            lambda n: self.count_label.setText(self.tr("{0} cases").format(n)),
            lambda _e: None,  # the page load reports the problem once
            owner=self,
        )

    def _after_load(self, _rows: int) -> None:
        self.state_label.setText("")
        if self._restore is None:
            return
        case_id, scroll = self._restore
        self._restore = None
        if case_id is not None:
            for r in range(self.model.rowCount()):
                if self.model.index(r, 0).data(CASE_ID_ROLE) == case_id:
                    self.table.selectRow(r)
                    break
        self.table.verticalScrollBar().setValue(scroll)

    def _loading(self, busy: bool) -> None:
        if busy and not self.model.rowCount():
            self.state_label.setText(self.tr("Loading…"))

    def _show_stale(self) -> None:
        self.state_label.setText(self.tr("Not up to date: the database is not answering"))

    # --- countdown -------------------------------------------------------------------
    def visible_rows(self) -> tuple[int, int]:
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        if first < 0:
            return (0, -1) if self.model.rowCount() == 0 else (0, self.model.rowCount() - 1)
        return first, last if last >= 0 else self.model.rowCount() - 1

    def tick(self) -> None:
        if not self.isVisible():
            return  # nothing on screen to repaint
        first, last = self.visible_rows()
        self.model.tick(first, last)

    # --- opening a case --------------------------------------------------------------
    def selected_case_id(self) -> int | None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        value = self.model.index(idx.row(), COL_TIME_LEFT).data(CASE_ID_ROLE)
        return int(value) if value is not None else None

    def _activate(self) -> None:
        case_id = self.selected_case_id()
        if case_id is not None:
            self.case_activated.emit(case_id)

    def _activate_current(self) -> None:
        self._activate()
