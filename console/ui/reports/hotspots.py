"""The hotspots panel: groups of similar cases by place and keyword, confirmed or
dismissed by supervisors."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import to_local
from console.services.assessment import CaseRow
from console.services.hotspots import HotspotResult
from console.ui.context import UiContext
from console.ui.reports.models import (
    KEY_ROLE,
    HotspotsModel,
)
from console.ui.reports.widgets import CasesDialog, _table


class HotspotsPanel(QWidget):
    """Groups of similar recent cases; supervisors confirm or dismiss them."""

    loaded = Signal()

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.service = ctx.app.hotspots
        self.result: HotspotResult | None = None
        self.cases_dialog: CasesDialog | None = None
        self.days = QSpinBox()
        self.days.setRange(1, 31)
        self.days.setValue(7)
        self.days.setSuffix(self.tr(" days"))
        self.min_count = QSpinBox()
        self.min_count.setRange(2, 50)
        self.min_count.setValue(3)
        self.show_dismissed = QCheckBox(self.tr("Show dismissed"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.confirm_button = QPushButton(self.tr("&Confirm"))
        self.dismiss_button = QPushButton(self.tr("&Dismiss"))
        self.clear_button = QPushButton(self.tr("Clear verdict"))
        can_review = ctx.identity.is_supervisor
        for b in (self.confirm_button, self.dismiss_button, self.clear_button):
            b.setEnabled(False)
            b.setVisible(can_review)
        self.status = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Window:")))
        bar.addWidget(self.days)
        bar.addWidget(QLabel(self.tr("At least:")))
        bar.addWidget(self.min_count)
        bar.addWidget(self.show_dismissed)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.confirm_button)
        bar.addWidget(self.dismiss_button)
        bar.addWidget(self.clear_button)
        self.model = HotspotsModel(self)
        self.table = _table(self.model)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.open_group)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.status)
        lay.addWidget(self.table, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.show_dismissed.toggled.connect(lambda _on: self.refresh())
        self.confirm_button.clicked.connect(lambda: self.review("confirmed"))
        self.dismiss_button.clicked.connect(lambda: self.review("dismissed"))
        self.clear_button.clicked.connect(lambda: self.review(""))

    def refresh(self) -> None:
        svc, days, n = self.service, self.days.value(), self.min_count.value()
        dismissed = self.show_dismissed.isChecked()
        self.status.setText(self.tr("Grouping the recent cases…"))
        self.ctx.runner.run(
            lambda: svc.build(days=days, min_count=n, include_dismissed=dismissed),
            self.show_result,
            self._failed,
            owner=self,
        )

    def show_result(self, r: HotspotResult) -> None:
        self.result = r
        self.model.set_groups(r.groups)
        text = self.tr("{0} groups among {1} cases from {2} to {3}, against the {4} days before")
        self.status.setText(
            text.format(
                len(r.groups), r.cases, to_local(r.start).strftime("%Y-%m-%d %H:%M"),
                to_local(r.end).strftime("%Y-%m-%d %H:%M"), self.days.value(),
            )
        )  # fmt: skip
        self._update_buttons()
        self.loaded.emit()

    def selected_key(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return str(self.model.data(rows[0], KEY_ROLE)) if rows else None

    def _update_buttons(self) -> None:
        on = self.selected_key() is not None
        for b in (self.confirm_button, self.dismiss_button, self.clear_button):
            b.setEnabled(on)

    def review(self, status: str) -> None:
        key = self.selected_key()
        if key is None:
            return
        svc, who = self.service, self.ctx.identity
        g = next((x for x in self.model.groups if x.key == key), None)
        label = g.label if g else ""
        if status:
            self.ctx.runner.run(
                lambda: svc.review(key, status, who, label), lambda _r: self.refresh(),
                self._failed, owner=self,
            )  # fmt: skip
        else:
            self.ctx.runner.run(
                lambda: svc.clear_review(key, who), lambda _r: self.refresh(), self._failed,
                owner=self,
            )  # fmt: skip

    def open_group(self, index: QModelIndex) -> None:
        g = self.model.groups[index.row()] if 0 <= index.row() < len(self.model.groups) else None
        if g is None:
            return
        svc = self.ctx.app.assessment
        ids = list(g.case_ids)

        def done(rows: list[CaseRow]) -> None:
            self.cases_dialog = CasesDialog(self.ctx, g.label, rows, len(ids), self)
            self.cases_dialog.show()

        self.ctx.runner.run(lambda: svc.case_rows(ids), done, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Could not build the hotspots: {0}").format(exc))
        self.ctx.messages.error(exc)
