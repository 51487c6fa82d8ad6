"""The custom filter dialog: class, category, district, unit, channel, status, urgency
and free text; the result can be saved under a name (per user, in the database)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from console.domain.casetypes import OPEN_STATUSES, Status, Urgency
from console.services.queue import QueueFilter
from console.services.reference import ReferenceData
from console.ui import labels


class FilterDialog(QDialog):
    def __init__(
        self, ref: ReferenceData | None, current: QueueFilter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Filter the queue"))
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout()

        def box(key: str, title: str, items: list[tuple[str, Any]]) -> None:
            b = QComboBox()
            b.addItem(self.tr("(any)"), None)
            for text, value in items:
                b.addItem(text, value)
            self.boxes[key] = b
            form.addRow(title, b)

        ref_classes = [(c.name, c.code) for c in ref.classes] if ref else []
        cats = (
            [("　" * (c.level - 1) + c.name, c.id) for c in ref.categories if c.level <= 2]
            if ref
            else []
        )
        districts = [(d.name, d.id) for d in ref.districts()] if ref else []
        units = [(u.name, u.id) for u in ref.units] if ref else []
        channels = [(c.name, c.code) for c in ref.channels] if ref else []
        statuses = [
            (labels.status_name(s.value), s.value)
            for s in Status
            if s in OPEN_STATUSES or s is Status.CLOSED
        ]
        urgencies = [(labels.urgency_name(u.value), u.value) for u in Urgency]
        box("class_codes", self.tr("&Class:"), ref_classes)
        box("category_ids", self.tr("Matter c&ategory:"), cats)
        box("district_ids", self.tr("&District:"), districts)
        box("unit_ids", self.tr("Handling &unit:"), units)
        box("channel_codes", self.tr("C&hannel:"), channels)
        box("statuses", self.tr("&Status:"), statuses)
        box("urgencies", self.tr("&Urgency:"), urgencies)
        self.text = QLineEdit(current.text)
        self.text.setPlaceholderText(self.tr("case number, caller or words of the description"))
        form.addRow(self.tr("&Text:"), self.text)
        for key, b in self.boxes.items():
            chosen = getattr(current, key)
            if chosen:
                i = b.findData(chosen[0])
                if i >= 0:
                    b.setCurrentIndex(i)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Reset
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        reset = buttons.button(QDialogButtonBox.StandardButton.Reset)
        reset.setText(self.tr("Clear"))
        reset.clicked.connect(self.clear)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def clear(self) -> None:
        for b in self.boxes.values():
            b.setCurrentIndex(0)
        self.text.clear()

    def result_filter(self) -> QueueFilter:
        kw: dict[str, Any] = {}
        for key, b in self.boxes.items():
            v = b.currentData()
            kw[key] = () if v is None else (v,)
        return QueueFilter(text=self.text.text().strip(), **kw)
