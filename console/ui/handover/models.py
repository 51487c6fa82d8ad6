"""Table models of the handover screen: the listed items (with a live time-left column
ticking from one timer) and the history of past handovers."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from console.domain.clock import now_utc, to_local
from console.domain.sla import BREACHED
from console.domain.sla import time_left as sla_time_left
from console.services.handover import HandoverRow, ItemView
from console.ui import labels
from console.ui.colours import DEADLINE_COLOURS

Index = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1

OVERDUE_FG, OVERDUE_BG = DEADLINE_COLOURS[BREACHED]  # as breached in every screen
FLAG_BG = QColor("#fff6d6")


def reason_name(code: str) -> str:
    names = {
        "carried": QCoreApplication.translate("handover", "Flagged earlier, not done"),
        "breached": QCoreApplication.translate("handover", "Overdue during the shift"),
        "due_next": QCoreApplication.translate("handover", "Due next shift"),
        "callback": QCoreApplication.translate("handover", "Callback promised"),
        "touched": QCoreApplication.translate("handover", "Worked on this shift"),
        "gap": QCoreApplication.translate("handover", "From the previous shift's gap"),
    }
    return names.get(code, code)


def bucket_name(code: str) -> str:
    names = {
        "overdue": QCoreApplication.translate("handover", "Overdue since before this shift"),
        "later": QCoreApplication.translate("handover", "Due after the next shift"),
        "none": QCoreApplication.translate("handover", "No running deadline"),
    }
    return names.get(code, code)


def status_text(code: str) -> str:
    names = {
        "draft": QCoreApplication.translate("handover", "Draft"),
        "submitted": QCoreApplication.translate("handover", "Submitted, awaiting acknowledgement"),
        "acknowledged": QCoreApplication.translate("handover", "Acknowledged"),
        "missing": QCoreApplication.translate("handover", "No handover"),
        "none": QCoreApplication.translate("handover", "Not started"),
    }
    return names.get(code, code)


def time_left(due: datetime | None, now: datetime) -> str:
    """The same countdown words as the queue ("剩余 2小时14分", "超时 3小时5分")."""
    if due is None:
        return "—"
    return labels.time_left_text(sla_time_left(due, now))


def local_text(at: datetime | None) -> str:
    return "" if at is None else to_local(at).strftime("%m-%d %H:%M")


ITEM_COLUMNS = ("flag", "reason", "number", "title", "status", "time_left", "assignee", "note")
OUTSTANDING_COLUMNS = (
    "handover",
    "number",
    "title",
    "time_left",
    "assignee",
    "note",
    "picked_up",
)


def _item_header(col: str) -> str:
    names = {
        "flag": QCoreApplication.translate("handover", "Flag"),
        "reason": QCoreApplication.translate("handover", "Why listed"),
        "number": QCoreApplication.translate("handover", "Case number"),
        "title": QCoreApplication.translate("handover", "Summary"),
        "status": QCoreApplication.translate("handover", "Status"),
        "time_left": QCoreApplication.translate("handover", "Time left"),
        "assignee": QCoreApplication.translate("handover", "Assigned to"),
        "note": QCoreApplication.translate("handover", "Note for the next shift"),
        "handover": QCoreApplication.translate("handover", "Handed over by"),
        "picked_up": QCoreApplication.translate("handover", "Picked up"),
    }
    return names[col]


class ItemsModel(QAbstractTableModel):
    """Items of one handover, or the flagged items outstanding across handovers.

    ``flag_changed(item_id, bool)`` and ``note_changed(item_id, str)`` are asked for by
    the user's edits; the screen saves them through the runner and calls ``replace_item``.
    """

    flag_changed = Signal(int, bool)
    note_changed = Signal(int, str)

    def __init__(
        self,
        columns: tuple[str, ...] = ITEM_COLUMNS,
        tick_ms: int = 30_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = columns
        self.items: list[ItemView] = []
        self.editable = False
        self._now = now_utc()
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    # -- feeding ---------------------------------------------------------------------------
    def set_items(self, items: list[ItemView] | tuple[ItemView, ...], editable: bool) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.editable = editable
        self._now = now_utc()
        self.endResetModel()

    def replace_item(self, item: ItemView) -> None:
        for r, it in enumerate(self.items):
            if it.id == item.id:
                self.items[r] = item
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(self.columns) - 1))
                return

    def tick(self) -> None:
        """One dataChanged over the time-left column; no query."""
        self._now = now_utc()
        if self.items and "time_left" in self.columns:
            c = self.columns.index("time_left")
            self.dataChanged.emit(self.index(0, c), self.index(len(self.items) - 1, c))

    # -- Qt ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return _item_header(self.columns[section])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        col = self.columns[index.column()]
        if self.editable and col == "flag":
            f |= Qt.ItemFlag.ItemIsUserCheckable
        if self.editable and col == "note":
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return None
        it = self.items[index.row()]
        col = self.columns[index.column()]
        if role == ITEM_ROLE:
            return it
        if role == Qt.ItemDataRole.CheckStateRole:
            if col == "flag":
                return Qt.CheckState.Checked if it.flagged else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(it, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in ("title", "note"):
            return self._text(it, col) or None
        if role == Qt.ItemDataRole.ForegroundRole and col == "time_left":
            if it.due_at is not None and it.due_at < self._now:
                return QBrush(OVERDUE_FG)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if col == "time_left" and it.due_at is not None and it.due_at < self._now:
                return QBrush(OVERDUE_BG)
            if it.flagged and "flag" in self.columns:
                return QBrush(FLAG_BG)
            return None
        return None

    def _text(self, it: ItemView, col: str) -> str:
        if col == "flag":
            return ""
        if col == "reason":
            return reason_name(it.reason)
        if col == "number":
            return it.number
        if col == "title":
            return it.title
        if col == "status":
            return labels.status_name(it.status)
        if col == "time_left":
            return time_left(it.due_at, self._now)
        if col == "assignee":
            return it.assignee
        if col == "note":
            return it.note
        if col == "handover":
            return it.handover_label
        if col == "picked_up":
            if it.picked_up_by:
                return f"{it.picked_up_by} {local_text(it.picked_up_at)}"
            return ""
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self.editable:
            return False
        it = self.items[index.row()]
        col = self.columns[index.column()]
        if col == "flag" and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.items[index.row()] = replace(it, flagged=checked)
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 0))
            self.flag_changed.emit(it.id, checked)
            return True
        if col == "note" and role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            self.items[index.row()] = replace(it, note=text)
            self.dataChanged.emit(index, index)
            self.note_changed.emit(it.id, text)
            return True
        return False


HISTORY_COLUMNS = ("shift", "status", "submitted", "acknowledged", "listed", "notes")


def _history_header(col: str) -> str:
    names = {
        "shift": QCoreApplication.translate("handover", "Shift"),
        "status": QCoreApplication.translate("handover", "Status"),
        "submitted": QCoreApplication.translate("handover", "Submitted by"),
        "acknowledged": QCoreApplication.translate("handover", "Acknowledged by"),
        "listed": QCoreApplication.translate("handover", "Listed / open"),
        "notes": QCoreApplication.translate("handover", "Notes"),
    }
    return names[col]


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[HandoverRow] = []

    def set_rows(self, rows: list[HandoverRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HISTORY_COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HISTORY_COLUMNS):
            return _history_header(HISTORY_COLUMNS[section])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        r = self.rows[index.row()]
        if role == ITEM_ROLE:
            return r
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        col = HISTORY_COLUMNS[index.column()]
        if col == "shift":
            return r.label
        if col == "status":
            return status_text(r.status)
        if col == "submitted":
            return f"{r.submitted_by} {local_text(r.submitted_at)}".strip()
        if col == "acknowledged":
            return f"{r.acknowledged_by} {local_text(r.acknowledged_at)}".strip()
        if col == "listed":
            return f"{r.listed} / {r.open_total}"
        if col == "notes":
            return r.notes if role == Qt.ItemDataRole.ToolTipRole else r.notes[:80]
        return None
