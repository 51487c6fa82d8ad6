"""Small widgets of the handover screen: a row table, a figure tile, a count table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QLabel,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.services.handover.roster import TileCase
from console.ui import labels
from console.ui.context import UiContext


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

    clicked = Signal()

    def set_drillable(self, tip: str) -> None:
        """A click lists the cases behind the count."""
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tip)
        self.setProperty("drillable", True)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.property("drillable") and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)

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


class TileCasesDialog(QDialog):
    """The cases behind one of the shift's counts; a double click opens a case."""

    def __init__(self, ctx: UiContext, title: str, cases: list[TileCase], parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cases = cases
        self.setWindowTitle(title)
        self.table = QTableWidget(len(cases), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Case number"), self.tr("Status"), self.tr("Title")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for r, c in enumerate(cases):
            for col, text in enumerate((c.number, labels.status_name(c.status), c.title)):
                self.table.setItem(r, col, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.open_case(index.row()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        self.resize(760, 480)

    def open_case(self, row: int) -> QWidget | None:
        if not 0 <= row < len(self.cases):
            return None
        from console.ui.case.view import CaseViewDialog

        dlg = CaseViewDialog(self.ctx, self.cases[row].id, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg
