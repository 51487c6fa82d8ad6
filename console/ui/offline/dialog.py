"""The outbox: what this workstation saved that is not stored centrally yet, and what
the server refused, with the reason. Held items are retried, exported to a file, or
discarded after confirmation — never dropped silently."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import to_local
from console.offline.policy import ItemState
from console.offline.store import CASE, OutboxItem
from console.ui import files
from console.ui.context import UiContext
from console.ui.table_model import Index, ListTableModel
from console.ui.widths import case_number_width


class OutboxModel(ListTableModel[OutboxItem]):
    COLUMNS = ("saved", "kind", "number", "state", "reason")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            (
                QCoreApplication.translate("OutboxModel", "Saved at"),
                QCoreApplication.translate("OutboxModel", "Item"),
                QCoreApplication.translate("OutboxModel", "Number"),
                QCoreApplication.translate("OutboxModel", "State"),
                QCoreApplication.translate("OutboxModel", "Reason"),
            ),
            parent,
        )

    @property
    def items(self) -> list[OutboxItem]:
        return self.rows

    def reset(self, items: list[OutboxItem]) -> None:
        self.set_rows(items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        it = self.rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return it.seq
        if role == Qt.ItemDataRole.ToolTipRole and col == "reason":
            return it.reason or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == "saved":
            return to_local(it.created_at).strftime("%m-%d %H:%M:%S")
        if col == "kind":
            return self.tr("Case") if it.kind == CASE else self.tr("Repeat-call note")
        if col == "number":
            return it.result_number or it.number or ""
        if col == "state":
            if it.state == ItemState.HELD:
                return self.tr("Refused — needs a decision")
            return self.tr("Waiting to be sent")
        return self.reason_text(it)

    def reason_text(self, it: OutboxItem) -> str:
        if it.state != ItemState.HELD:
            return self.tr("Last attempt: {0}").format(it.reason) if it.reason else ""
        if it.error_code == "number_taken":
            return self.tr(
                "The number is already used by another case; retry gives it a new number"
            )
        if it.error_code == "validation":
            return self.tr("The server refused the data: {0}").format(it.reason)
        if it.error_code == "not_found":
            return self.tr("The case is not in the central database: {0}").format(it.reason)
        return it.reason


class OutboxDialog(QDialog):
    loaded = Signal()

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.offline = ui.app.offline
        self.setWindowTitle(self.tr("Outbox of this workstation"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 420)
        self.model = OutboxModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.view.verticalHeader().hide()
        self.summary = QLabel()
        self.retry_button = QPushButton(self.tr("&Retry"))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.discard_button = QPushButton(self.tr("&Discard…"))
        self.refresh_button = QPushButton(self.tr("Re&fresh"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for b in (self.retry_button, self.export_button, self.discard_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.view, 1)
        lay.addLayout(buttons)
        self.retry_button.clicked.connect(self.retry)
        self.export_button.clicked.connect(self.export)
        self.discard_button.clicked.connect(self.discard)
        self.refresh_button.clicked.connect(self.reload)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()
        self.reload()

    # --- hooks (tests replace them) ---------------------------------------------------
    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.windowTitle(), text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_path(self) -> str:
        path = files.ask_save(
            self, self.tr("Export outbox items"), "outbox.json", self.tr("JSON files (*.json)")
        )
        return path

    # --- actions ----------------------------------------------------------------------
    def reload(self) -> None:
        self.ui.runner.run(self.offline.items, self._loaded, owner=self)

    def _loaded(self, items: list[OutboxItem]) -> None:
        self.model.reset(items)
        for col in range(self.model.columnCount() - 1):  # the reason takes the rest
            self.view.resizeColumnToContents(col)
        number = self.model.COLUMNS.index("number")
        self.view.setColumnWidth(
            number, max(self.view.columnWidth(number), case_number_width(self.view))
        )
        held = sum(1 for i in items if i.state == ItemState.HELD)
        self.summary.setText(
            self.tr("{0} waiting to be sent, {1} refused by the server.").format(
                len(items) - held, held
            )
        )
        self._update_buttons()
        self.loaded.emit()

    def selected(self) -> list[OutboxItem]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.items[r] for r in rows if r < len(self.model.items)]

    def _held_selected(self) -> list[OutboxItem]:
        return [i for i in self.selected() if i.state == ItemState.HELD]

    def _update_buttons(self) -> None:
        held = bool(self._held_selected())
        self.retry_button.setEnabled(held)
        self.discard_button.setEnabled(held)
        self.export_button.setEnabled(bool(self.selected()))

    def retry(self) -> None:
        seqs = [i.seq for i in self._held_selected()]
        offline = self.offline

        def work() -> None:
            for s in seqs:
                offline.retry(s)

        self.ui.runner.run(work, lambda _r: self.reload(), owner=self)

    def discard(self) -> None:
        items = self._held_selected()
        if not items:
            return
        numbers = ", ".join(i.number or str(i.item_uuid)[:8] for i in items)
        if not self.confirm(
            self.tr(
                "Discard {0} item(s) ({1})? They will never be sent to the central database. "
                "Export them first if they must be keyed in again."
            ).format(len(items), numbers)
        ):
            return
        seqs = [i.seq for i in items]
        offline = self.offline

        def work() -> None:
            for s in seqs:
                offline.discard(s)

        self.ui.runner.run(work, lambda _r: self.reload(), owner=self)

    def export(self) -> None:
        seqs = [i.seq for i in self.selected()]
        if not seqs:
            return
        path = self.ask_path()
        if not path:
            return
        messages = self.ui.messages
        text = self.tr("{0} item(s) exported to {1}")
        self.ui.runner.run(
            lambda: self.offline.export(seqs, path),
            lambda n: messages.info(text.format(n, path)),
            owner=self,
        )
