"""Small widgets of the handover screen: a row table, a figure tile, a count table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)


def row_table(model: QAbstractItemModel, widths: Sequence[int] | Mapping[int, int]) -> QTableView:
    """A read-mostly table of rows: one row selected at a time, no row numbers, the
    last column stretched, the given column widths."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    pairs = widths.items() if isinstance(widths, Mapping) else enumerate(widths)
    for col, width in pairs:
        table.setColumnWidth(col, width)
    return table


class StatTile(QFrame):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("statTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        self.value = QLabel("—")
        self.value.setObjectName("statValue")
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        lay.addWidget(self.value)
        lay.addWidget(self.title)

    def set(self, n: int) -> None:
        self.value.setText(str(n))


def _fill(table: QTableWidget, rows: list[tuple[str, int]]) -> None:
    table.setRowCount(len(rows))
    for r, (name, n) in enumerate(rows):
        table.setItem(r, 0, QTableWidgetItem(name))
        item = QTableWidgetItem(str(n))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(r, 1, item)


def _count_table(first: str, second: str) -> QTableWidget:
    t = QTableWidget(0, 2)
    t.setHorizontalHeaderLabels([first, second])
    t.verticalHeader().hide()
    t.horizontalHeader().setStretchLastSection(True)
    t.setColumnWidth(0, 240)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return t
