"""The queue's table model: rows fetched by page (keyset) in the background, a
countdown column that ticks from one timer, and in-place refresh."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from console.clock import now_utc, to_local
from console.services.queue import PageKey, QueueQuery, QueueRow, page_key
from console.sla import BREACHED, CRITICAL, DUE_SOON, time_left
from console.ui import labels

Index = QModelIndex | QPersistentModelIndex
PageFetcher = Callable[[QueueQuery, PageKey | None, int], list[QueueRow]]
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DUE_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3

COL_TIME_LEFT = 0
COLUMNS = (
    "time_left",
    "number",
    "status",
    "type",
    "class",
    "category",
    "district",
    "caller",
    "title",
    "assignee",
    "unit",
    "received",
)

STATE_COLOURS = {
    BREACHED: (QColor("#b3261e"), QColor("#fde7e6")),
    CRITICAL: (QColor("#a14a00"), QColor("#fff0d9")),
    DUE_SOON: (QColor("#7a6100"), QColor("#fffbe0")),
}


def _header(col: str) -> str:
    names = {
        "time_left": QCoreApplication.translate("queue", "Time left"),
        "number": QCoreApplication.translate("queue", "Case number"),
        "status": QCoreApplication.translate("queue", "Status"),
        "type": QCoreApplication.translate("queue", "Type"),
        "class": QCoreApplication.translate("queue", "Class"),
        "category": QCoreApplication.translate("queue", "Matter category"),
        "district": QCoreApplication.translate("queue", "District"),
        "caller": QCoreApplication.translate("queue", "Caller"),
        "title": QCoreApplication.translate("queue", "Summary"),
        "assignee": QCoreApplication.translate("queue", "Agent"),
        "unit": QCoreApplication.translate("queue", "Handling unit"),
        "received": QCoreApplication.translate("queue", "Received"),
    }
    return names[col]


class QueueModel(QAbstractTableModel):
    """Loaded rows only; more arrive through fetchMore as the user scrolls."""

    loading_changed = Signal(bool)
    page_loaded = Signal(int)  # rows in the model after a load

    def __init__(
        self,
        fetch: PageFetcher,
        run: Runner,
        page_size: int = 200,
        clock: Callable[[], datetime] = now_utc,
    ) -> None:
        super().__init__()
        self._fetch = fetch
        self._run = run
        self._page_size = page_size
        self._clock = clock
        self._rows: list[QueueRow] = []
        self._query = QueueQuery()
        self._exhausted = False
        self._loading = False
        self._generation = 0  # results of an older query are dropped
        self.now = clock()
        self.stale = False

    # --- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return _header(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == CASE_ID_ROLE:
            return row.id
        if role == DUE_ROLE:
            return row.next_due_at
        if role == STATE_ROLE:
            return time_left(row.next_due_at, self.now).state if row.next_due_at else None
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            if col != COL_TIME_LEFT or row.next_due_at is None:
                return None
            colours = STATE_COLOURS.get(time_left(row.next_due_at, self.now).state)
            if colours is None:
                return None
            return QBrush(colours[0 if role == Qt.ItemDataRole.ForegroundRole else 1])
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TIME_LEFT and row.next_due_at:
            return f"{labels.milestone_name(row.next_milestone)}: " + to_local(
                row.next_due_at
            ).strftime("%Y-%m-%d %H:%M")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_TIME_LEFT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: QueueRow, col: int) -> str:
        name = COLUMNS[col]
        if name == "time_left":
            return (
                labels.time_left_text(time_left(row.next_due_at, self.now))
                if row.next_due_at
                else ""
            )
        if name == "number":
            return row.number
        if name == "status":
            return labels.status_name(row.status)
        if name == "type":
            return labels.sub_type_name(row.sub_type)
        if name == "class":
            return row.class_name
        if name == "category":
            return row.category.rsplit("/", 1)[-1]
        if name == "district":
            return row.district
        if name == "caller":
            return row.caller
        if name == "title":
            return row.title
        if name == "assignee":
            return row.assignee
        if name == "unit":
            return row.unit
        if name == "received":
            return to_local(row.received_at).strftime("%m-%d %H:%M")
        return ""

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._loading:
            return
        after = page_key(self._query, self._rows[-1]) if self._rows else None
        self._load(after, self._page_size, append=True)

    # --- queries ---------------------------------------------------------------------
    @property
    def query(self) -> QueueQuery:
        return self._query

    @property
    def rows(self) -> list[QueueRow]:
        return list(self._rows)

    def set_query(self, query: QueueQuery) -> None:
        """A new view or sort: start again from the first page."""
        self._query = query
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self._load(None, self._page_size, append=False)

    def refresh(self) -> None:
        """Re-read what is loaded (at least one page), keeping the rows' identity."""
        if self._loading:
            return
        self._load(None, max(self._page_size, len(self._rows)), append=False)

    def _load(self, after: PageKey | None, limit: int, *, append: bool) -> None:
        self._loading = True
        self.loading_changed.emit(True)
        gen = self._generation
        query = self._query

        def done(rows: list[QueueRow]) -> None:
            if gen != self._generation:
                return
            self._loading = False
            self.stale = False
            self.loading_changed.emit(False)
            self._apply(rows, limit, append)

        def failed(exc: BaseException) -> None:
            if gen == self._generation:
                self._loading = False
                self.stale = True  # keep showing what we have, marked as stale
                self.loading_changed.emit(False)
            raise exc

        self._run(lambda: self._fetch(query, after, limit), done, failed)

    def _apply(self, rows: list[QueueRow], limit: int, append: bool) -> None:
        self.now = self._clock()
        if append:
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
        else:
            self._replace(rows)
        self._exhausted = len(rows) < limit
        self.page_loaded.emit(len(self._rows))

    def _replace(self, rows: list[QueueRow]) -> None:
        """Apply a fresh first page: in place when the ids are unchanged, otherwise a reset
        after which the screen restores selection (by case id) and scroll position."""
        if [r.id for r in rows] == [r.id for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    # --- the countdown ---------------------------------------------------------------
    def tick(self, first: int, last: int) -> None:
        """One dataChanged over the visible rows of the countdown column."""
        self.now = self._clock()
        if not self._rows:
            return
        first = max(first, 0)
        last = min(last if last >= 0 else len(self._rows) - 1, len(self._rows) - 1)
        if first > last:
            return
        self.dataChanged.emit(
            self.index(first, COL_TIME_LEFT),
            self.index(last, COL_TIME_LEFT),
            [
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ForegroundRole,
                Qt.ItemDataRole.BackgroundRole,
            ],
        )
