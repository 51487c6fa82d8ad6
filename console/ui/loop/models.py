"""Table models of the loop's screens: rows are frozen dataclasses from the services,
columns are (title, function of the row) pairs; countdowns are computed in data()."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from console.domain.clock import now_utc, to_local
from console.domain.sla import BREACHED, CRITICAL, DUE_SOON, countdown
from console.ui import labels
from console.ui.table_model import Index, ListTableModel

R = TypeVar("R")
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

STATE_COLOURS = {
    BREACHED: QColor("#f8d0d0"),
    CRITICAL: QColor("#fbe0c0"),
    DUE_SOON: QColor("#fff4c0"),
}


def local_text(dt: datetime | None) -> str:
    return to_local(dt).strftime("%m-%d %H:%M") if dt else "—"


class RowsModel(ListTableModel[R]):
    """Rows of one frozen dataclass; each column a (title, function of the row) pair;
    with ``due``, rows coloured by how close their deadline is."""

    def __init__(
        self,
        columns: Sequence[tuple[str, Callable[[R], str]]],
        due: Callable[[R], tuple[datetime | None, datetime | None, datetime | None]] | None = None,
    ) -> None:
        super().__init__([title for title, _ in columns])
        self.columns = list(columns)
        self._due = due  # (due, warn, critical) for row colours

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


def time_left(due: datetime | None, warn: datetime | None, critical: datetime | None,
              paused: bool = False, unit: str | None = None) -> str:  # fmt: skip
    if paused:
        return labels.paused_text()
    if due is None:
        return "—"
    return labels.time_left_text(countdown(due, now_utc(), warn_at=warn, critical_at=critical))
