"""Importing a web-channel export from the GUI, with a progress bar and the report
(the same service as `python main.py import FILE`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
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
from console.ui.context import UiContext


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
        form.addRow(self.tr("&File"), row)
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
        name, _ = QFileDialog.getOpenFileName(
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
        self.report.setPlainText("\n".join(report.lines()))
        self.finished_import.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if isinstance(exc, ImportFailed):
            self.status.setText(self.tr("Not imported: {0}").format(str(exc)))
            return
        self.status.setText(self.tr("Not imported."))
        self.ctx.messages.error(exc)
