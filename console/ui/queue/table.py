"""The queue's table view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from console.ui.queue.model import QueueModel


class QueueTable(QTableView):
    """A table over a ``QueueModel`` that keeps the user at the end of the queue when
    the estimated size of a new view is replaced by the exact count: someone who jumped
    to the end while the count was on its way sees the end, not the row where the
    estimate ended. (Live changes never move the view: only the estimate settling does.)
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(False)  # sorting happens in SQL
        self.setWordWrap(False)
        # rows of one height and no row numbers: with a visible or resizable vertical
        # header, Qt spends seconds per ten thousand rows when the end of a million-row
        # model at the bottom of the view is removed (measured with PySide6 6.11)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._follow_end = False
        self._watched: QAbstractItemModel | None = None

    def setModel(self, model: QAbstractItemModel | None) -> None:
        if self._watched is not None:
            self._watched.rowsAboutToBeInserted.disconnect(self._before_rows)
            self._watched.rowsInserted.disconnect(self._after_rows)
            self._watched = None
        super().setModel(model)  # type: ignore[arg-type]
        if isinstance(model, QueueModel):
            model.rowsAboutToBeInserted.connect(self._before_rows)
            model.rowsInserted.connect(self._after_rows)
            self._watched = model

    def _before_rows(self, *_: Any) -> None:
        model = self._watched
        bar = self.verticalScrollBar()
        self._follow_end = (
            isinstance(model, QueueModel)
            and not model.total_exact
            and bar.maximum() > 0
            and bar.value() >= bar.maximum()
        )

    def _after_rows(self, _parent: QModelIndex | QPersistentModelIndex, *_: Any) -> None:
        if self._follow_end:
            self._follow_end = False
            self.scrollToBottom()
