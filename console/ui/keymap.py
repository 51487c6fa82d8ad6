"""Help → Keyboard map: every key of every screen, from the one table (console.ui.keys)
and the case window's action keys from the lifecycle's rules."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.ui import keys
from console.ui.case.texts import action_name


def help_rows() -> list[tuple[str, str, str]]:
    """(where, key, does) for every key: the keyboard map, with the case window's action
    keys (from the lifecycle's rules) after the case window's own."""
    actions = keys.lifecycle_keys()
    last_case = max(i for i, k in enumerate(keys.KEYMAP) if k.screen == "case")
    table = [*keys.KEYMAP[: last_case + 1], *actions, *keys.KEYMAP[last_case + 1 :]]
    lifecycle = {k.action for k in actions}
    return [
        (
            keys.screen_title(k.screen),
            keys.shown_key(k),
            action_name(k.action.removeprefix("case.do_"))
            if k.action in lifecycle
            else keys.describe(k.action),
        )
        for k in table
    ]


class KeyMapDialog(QDialog):
    """Help → Keyboard map, screen by screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard map"))
        rows = help_rows()
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Key"), self.tr("Does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, texts in enumerate(rows):
            for col, text in enumerate(texts):
                self.table.setItem(row, col, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        lay.addWidget(buttons)
        self.resize(720, 600)
