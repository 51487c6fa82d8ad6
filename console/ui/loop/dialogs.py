"""Small dialogs of the loop's screens: a step's text or reason, an extension request."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import CITY_TZ, to_local
from console.services.units import MilestoneDue
from console.ui import labels


class TextDialog(QDialog):
    """Asks for a text; ``required`` keeps OK disabled until something is typed."""

    def __init__(
        self, title: str, prompt: str, required: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(460, 240)
        self.required = required
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(prompt)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(prompt))
        lay.addLayout(self.form)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.buttons)
        self.text.textChanged.connect(self._check)
        self._check()
        self.text.setFocus()

    def _check(self) -> None:
        self.ok.setEnabled(not self.required or bool(self.value().strip()))

    def value(self) -> str:
        return self.text.toPlainText()


class ExtensionDialog(TextDialog):
    """An extension request: which running time limit, until when, and why."""

    def __init__(self, milestones: Sequence[MilestoneDue], parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Request an extension"), self.tr("Why more time is needed"), True, parent
        )
        self.milestone = QComboBox()
        for m in milestones:
            if m.met or m.due_at is None:
                continue
            shown = to_local(m.due_at).strftime("%m-%d %H:%M")
            self.milestone.addItem(f"{labels.milestone_name(m.code)} ({shown})", m)
        self.due = QDateTimeEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.form.addRow(self.tr("Time limit:"), self.milestone)
        self.form.addRow(self.tr("New deadline:"), self.due)
        self.milestone.currentIndexChanged.connect(self._default_due)
        self._default_due()
        self._check()

    def _default_due(self) -> None:
        m = self.milestone.currentData(Qt.ItemDataRole.UserRole)
        if isinstance(m, MilestoneDue) and m.due_at is not None:
            local = to_local(m.due_at)
            self.due.setDateTime(
                QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0).addDays(
                    2
                )
            )

    def _check(self) -> None:
        ok = bool(self.value().strip()) and getattr(self, "milestone", None) is not None
        self.ok.setEnabled(ok and self.milestone.count() > 0)

    def chosen(self) -> tuple[str, datetime] | None:
        m = self.milestone.currentData(Qt.ItemDataRole.UserRole)
        if not isinstance(m, MilestoneDue):
            return None
        q = self.due.dateTime()
        d, t = q.date(), q.time()
        local = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=CITY_TZ)
        return m.code, local
