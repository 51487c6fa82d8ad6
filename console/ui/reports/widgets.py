"""Small pieces the report panels share: a read-only table, the list of cases behind a
figure (double-click opens the case)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.services.assessment import CaseRow
from console.ui.context import UiContext
from console.ui.reports.models import (
    KEY_ROLE,
    CasesModel,
)


def _table(model: Any) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().hide()
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return t


class CasesDialog(QDialog):
    """The cases behind a figure; double-click opens one."""

    def __init__(self, ctx: UiContext, title: str, rows: list[CaseRow], total: int,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.resize(980, 560)
        self.model = CasesModel(rows, self)
        self.table = _table(self.model)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.open_case)
        lay = QVBoxLayout(self)
        shown = (
            self.tr("{0} cases").format(total)
            if total == len(rows)
            else self.tr("{0} cases, the first {1} shown").format(total, len(rows))
        )
        lay.addWidget(QLabel(f"<b>{title}</b> — {shown}"))
        lay.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.case_view: QDialog | None = None

    def open_case(self, index: QModelIndex) -> None:
        case_id = self.model.data(index, KEY_ROLE)
        if case_id is None:
            return
        from console.ui.case.view import CaseViewDialog

        self.case_view = CaseViewDialog(self.ctx, int(case_id), self)
        self.case_view.show()
