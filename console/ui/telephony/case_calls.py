"""The calls of a case in the case view: when each rang, was answered and ended, from
which number to which extension, and its recording (opened from here)."""

from __future__ import annotations

import os
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import to_local
from console.infra.settings import CTI_RECORDING_URL
from console.services.calls import CallRecord
from console.ui.context import UiContext


def _fmt(d: datetime | None) -> str:
    return to_local(d).strftime("%Y-%m-%d %H:%M:%S") if d is not None else "—"


def recording_url(reference: str, template: str = "") -> QUrl:
    """Where a recording reference opens: through the configured address template (the
    PBX's web server), else as a URL or a local file."""
    if template and "{0}" in template:
        return QUrl(template.format(os.path.basename(reference)))
    return QUrl.fromUserInput(reference)


class CaseCallsPanel(QWidget):
    def __init__(self, ctx: UiContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.records: list[CallRecord] = []
        self.opened: list[QUrl] = []  # what was opened (support and tests)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("caseCalls")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("Telephony", "Rang"),
                QCoreApplication.translate("Telephony", "Answered"),
                QCoreApplication.translate("Telephony", "Ended"),
                QCoreApplication.translate("Telephony", "Caller"),
                QCoreApplication.translate("Telephony", "Extension"),
                QCoreApplication.translate("Telephony", "Recording"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table)
        calls = ctx.app.calls
        ctx.runner.run(lambda: calls.for_case(case_id), self.show_calls, owner=self)

    def show_calls(self, records: list[CallRecord]) -> None:
        self.records = records
        self.table.setRowCount(len(records))
        for i, r in enumerate(records):
            for col, text in enumerate(
                (
                    _fmt(r.rang_at or r.offered_at),
                    _fmt(r.answered_at),
                    _fmt(r.ended_at),
                    r.caller,
                    r.extension or "",
                )
            ):
                self.table.setItem(i, col, QTableWidgetItem(text))
            if r.recording:
                button = QPushButton(QCoreApplication.translate("Telephony", "Open recording"))
                button.setToolTip(r.recording)
                button.clicked.connect(lambda _c=False, ref=r.recording: self.open_recording(ref))
                self.table.setCellWidget(i, 5, button)
        self.table.resizeColumnsToContents()

    def open_recording(self, reference: str) -> bool:
        url = recording_url(reference, self.ctx.app.settings.get(CTI_RECORDING_URL))
        self.opened.append(url)
        if QGuiApplication.platformName() == "offscreen":
            return True  # no desktop to hand it to (tests, headless)
        return QDesktopServices.openUrl(url)
