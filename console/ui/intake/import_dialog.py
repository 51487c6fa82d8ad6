"""Importing a web-channel export from the GUI, with a progress bar and the report
(the same service as `python main.py import FILE`)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services.importer import ImportFailed, ImportReport
from console.services.reference import ReferenceData
from console.ui import files
from console.ui.context import UiContext

log = logging.getLogger("console.ui")


class _Progress(QObject):
    """Emitted from the worker; Qt queues it to the GUI thread."""

    changed = Signal(int, int)


class ImportDialog(QDialog):
    finished_import = Signal(object)  # ImportReport

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Import web messages"))
        self.resize(720, 480)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("An .xlsx or .csv export of a web channel"))
        self.browse = QPushButton(self.tr("&Browse…"))
        self.channel = QComboBox()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Import"))
        self.close_button = QPushButton(self.tr("Close"))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        file_label = QLabel(self.tr("&File"))
        file_label.setBuddy(self.path)  # "&F" is the key to the field, not a literal
        form.addRow(file_label, row)
        form.addRow(self.tr("&Channel"), self.channel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.progress)
        lay.addWidget(self.status)
        lay.addWidget(self.report, 1)
        lay.addLayout(buttons)
        self._relay = _Progress(self)
        self._relay.changed.connect(self._progress)
        self.browse.clicked.connect(self._browse)
        self.import_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.close)
        self.import_button.setEnabled(False)
        self.ctx.runner.run(self.ctx.app.reference.load, self._reference, owner=self)

    def _reference(self, ref: ReferenceData) -> None:
        kinds = {"wechat", "gov_website", "people_board", "report_site", "foshantong_app"}
        for c in ref.channels:
            if c.code in kinds or c.code.startswith("media_"):
                self.channel.addItem(c.name, c.code)
        i = self.channel.findData("gov_website")
        self.channel.setCurrentIndex(max(i, 0))
        self.import_button.setEnabled(True)

    def _browse(self) -> None:
        name = files.ask_open(
            self, self.tr("Web-channel export"), "", self.tr("Exports (*.xlsx *.csv)")
        )
        if name:
            self.path.setText(name)

    def start(self) -> None:
        path = Path(self.path.text().strip())
        channel = self.channel.currentData()
        who = self.ctx.identity
        relay = self._relay
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the file is read
        self.status.setText(self.tr("Reading {0}…").format(path.name))
        self.report.clear()
        self.ctx.runner.run(
            lambda: self.ctx.app.importer.import_file(
                path, who, channel_code=channel, progress=relay.changed.emit
            ),
            self._done,
            self._failed,
            owner=self,
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self.tr("{0} of {1} messages").format(done, total))

    def _done(self, report: ImportReport) -> None:
        self.import_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(
            self.tr("{0} new cases, {1} already imported, {2} rejected, {3} blank rows.").format(
                report.accepted, report.already_imported, len(report.rejected), report.blank
            )
        )
        self.report.setPlainText("\n".join(self.report_lines(report)))
        self.finished_import.emit(report)
        if report.case_ids:  # the new cases to triage get their suggestions, in the background
            app, ids = self.ctx.app, report.case_ids  # the service is built off the GUI thread
            self.ctx.runner.run(
                lambda: app.suggestions.backfill_cases(ids),
                on_error=lambda exc: log.info("suggestions not stored: %s", exc),
            )

    def report_lines(self, report: ImportReport) -> list[str]:
        """The import report in the interface's language, in words (the service's report
        lines, for the command line, use its codes)."""
        out = [
            self.tr("{0}: {1} rows read, channel {2}").format(
                report.file, report.rows, self._channel_name(report.channel_code)
            ),
            self.tr("  new cases: {0}").format(report.accepted),
            self.tr("  already imported: {0}").format(report.already_imported),
            self.tr("  blank rows ignored: {0}").format(report.blank),
            self.tr("  rejected: {0}").format(len(report.rejected)),
        ]
        for r in report.rejected:
            out.append(
                self.tr("    row {0} (message {1}): {2}").format(
                    r.row, r.message_id or "—", self._reason(r.reason, r.detail)
                )
            )
        out.extend(self.tr("  note: {0}").format(self._warning(w)) for w in report.warnings)
        return out

    def _channel_name(self, code: str) -> str:
        i = self.channel.findData(code)
        return self.channel.itemText(i) if i >= 0 else code

    def _reason(self, code: str, detail: str) -> str:
        fields = {
            "message_id": self.tr("message number"),
            "title": self.tr("title"),
            "body": self.tr("text"),
            "answer": self.tr("answer"),
            "user": self.tr("user"),
            "category": self.tr("category"),
        }
        if code == "missing_id":
            return self.tr("no message number")
        if code == "bad_id":
            return self.tr("the message number is longer than 64 characters")
        if code == "duplicate_in_file":
            return self.tr("the same message number appears earlier in the file")
        if code == "missing_time":
            return self.tr("no message time")
        if code == "bad_time":
            return self.tr("the message time cannot be read: {0}").format(detail)
        if code == "no_text":
            return self.tr("no title and no text")
        if code == "bad_text":
            field = detail.split(":", 1)[0]
            return self.tr("unreadable characters in the {0}").format(fields.get(field, field))
        return self.tr("not imported ({0})").format(detail or code)

    def _warning(self, text: str) -> str:
        m = re.match(r"^(\d+) answered rows without a readable answer time", text)
        if m:
            return self.tr(
                "{0} answered rows without a readable answer time: closed at the message time"
            ).format(m.group(1))
        prefix = "categories not in the taxonomy (cases kept without a category): "
        if text.startswith(prefix):
            return self.tr(
                "categories not in the taxonomy (the cases are kept without a category): {0}"
            ).format(text[len(prefix) :].replace(", ", "、"))
        return text

    def _failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, ImportFailed):
            self.status.setText(self.tr("Not imported: {0}").format(str(exc)))
            return
        self.status.setText(self.tr("Not imported."))
        self.ctx.messages.error(exc)
