"""Table models of the loop's screens: rows are frozen dataclasses from the services,
columns are (title, function of the row) pairs; countdowns are computed in data()."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from console.domain.clock import now_utc, to_local
from console.domain.sla import BREACHED, CRITICAL, DUE_SOON, countdown
from console.ui import labels

R = TypeVar("R")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

STATE_COLOURS = {
    BREACHED: QColor("#f8d0d0"),
    CRITICAL: QColor("#fbe0c0"),
    DUE_SOON: QColor("#fff4c0"),
}


def local_text(dt: datetime | None) -> str:
    return to_local(dt).strftime("%m-%d %H:%M") if dt else "—"


class RowsModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[R], str]]],
        due: Callable[[R], tuple[datetime | None, datetime | None, datetime | None]] | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows: list[R] = []
        self._due = due  # (due, warn, critical) for row colours

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()][1](r)
        if role == ROW_ROLE:
            return r
        if role == Qt.ItemDataRole.BackgroundRole and self._due is not None:
            due, warn, critical = self._due(r)
            if due is not None:
                state = countdown(due, now_utc(), warn_at=warn, critical_at=critical).state
                colour = STATE_COLOURS.get(state)
                return QBrush(colour) if colour is not None else None
        return None

    def tick(self) -> None:
        """Countdowns moved: one dataChanged over every row."""
        if self.rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1)
            )


def time_left(due: datetime | None, warn: datetime | None, critical: datetime | None,
              paused: bool = False, unit: str | None = None) -> str:  # fmt: skip
    if paused:
        return labels.paused_text()
    if due is None:
        return "—"
    return labels.time_left_text(countdown(due, now_utc(), warn_at=warn, critical_at=critical))
