"""Shift handover screen.

Tabs: *This shift* (live figures), *Handover* (build the ending shift's handover from
the database, annotate, accept groups, submit; the incoming supervisor acknowledges),
*Flagged for this shift* (items flagged by earlier shifts, until done) and *History*
(browse, search, print, export to PDF). A banner warns the incoming supervisor when the
previous shift left no submitted handover. Opening the screen (at sign-in) places the
agent in the current shift.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.domain.casetypes import Role
from console.domain.clock import now_utc, to_local
from console.services.handover import ShiftStatus, ShiftSummary
from console.services.handover.roster import TileCase
from console.services.reference import ReferenceData
from console.ui import keys, labels
from console.ui.context import UiContext
from console.ui.handover.lists import HistoryPanel, OutstandingPanel
from console.ui.handover.panel import HandoverPanel
from console.ui.handover.widgets import StatTile, TileCasesDialog, _count_table, _fill


class HandoverScreen(QWidget):
    def __init__(self, ctx: UiContext, refresh_seconds: int = 30) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("handoverScreen")
        self.summary: ShiftSummary | None = None
        self.shift_status: ShiftStatus | None = None
        self.heading = QLabel(self.tr("Current shift"))
        self.heading.setObjectName("screenHeading")
        self.updated = QLabel()
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        self.config_button = QPushButton(self.tr("Shifts and roster…"))
        self.config_button.setVisible(ctx.identity.role == Role.ADMIN)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.updated)
        top.addWidget(self.config_button)
        top.addWidget(self.refresh_button)

        self.warning = QLabel()
        self.warning.setObjectName("handoverWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "QLabel#handoverWarning{background:#fde7e6;color:#7a1b14;padding:6px;"
            "border:1px solid #b3261e;border-radius:3px}"
        )
        self.warning.hide()
        self._announced = ""  # the warning also put in the message bar, if any
        self.on_shift = QLabel()
        self.on_shift.setWordWrap(True)

        # --- this shift --------------------------------------------------------------------
        self.tiles = {
            "received": StatTile(self.tr("Received this shift")),
            "closed_directly": StatTile(self.tr("Consultations closed on the call")),
            "dispatched": StatTile(self.tr("Demands dispatched")),
            "closed": StatTile(self.tr("Cases closed")),
            "open_now": StatTile(self.tr("Open now (all shifts)")),
            "breached_open": StatTile(self.tr("Open and overdue")),
            "due_next_shift": StatTile(self.tr("Falling due next shift")),
        }
        for key in ("received", "closed_directly", "dispatched", "closed"):
            tile = self.tiles[key]
            tile.set_drillable(self.tr("Click to list these cases"))
            tile.clicked.connect(lambda k=key: self.drill(k))
        grid = QGridLayout()
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 4, i % 4)
        self.by_channel = _count_table(self.tr("Channel"), self.tr("Received"))
        self.by_type = _count_table(self.tr("Type"), self.tr("Received"))
        tables = QHBoxLayout()
        ch_box = QGroupBox(self.tr("By channel"))
        QVBoxLayout(ch_box).addWidget(self.by_channel)
        ty_box = QGroupBox(self.tr("By type"))
        QVBoxLayout(ty_box).addWidget(self.by_type)
        tables.addWidget(ch_box, 2)
        tables.addWidget(ty_box, 1)
        live = QWidget()
        ll = QVBoxLayout(live)
        ll.addLayout(grid)
        ll.addLayout(tables, 1)

        self.panel = HandoverPanel(ctx)
        self.outstanding = OutstandingPanel(ctx)
        self.history = HistoryPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(live, self.tr("This shift"))
        self.tabs.addTab(self.panel, self.tr("Handover"))
        self.tabs.addTab(self.outstanding, self.tr("Flagged for this shift"))
        self.tabs.addTab(self.history, self.tr("History"))

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.warning)
        lay.addWidget(self.on_shift)
        lay.addWidget(self.tabs, 1)

        self._channel_names: dict[str, str] = {}
        self.ctx.runner.run(self.ctx.app.reference.load, self._reference, owner=self)
        self.refresh_button.clicked.connect(self.refresh)
        self.config_button.clicked.connect(self.configure)
        self.history.open_requested.connect(self._open_from_history)
        self.panel.changed.connect(lambda _v: self._after_change())
        keys.bind(
            "handover.refresh", self, self.refresh, Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_seconds * 1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        # signing in places the agent in the current shift; then the warnings
        svc = self.ctx.app.handover
        who, station = self.ctx.identity, self.ctx.app.station
        self.ctx.runner.run(
            lambda: svc.check_in(who, station=station),
            lambda _w: self.refresh_status(announce=True),
            self._failed,
            owner=self,
        )
        self.refresh()
        self.history.refresh()
        self.outstanding.refresh()

    def _reference(self, ref: ReferenceData) -> None:
        self._channel_names = {c.code: c.name for c in ref.channels}
        if self.summary is not None:
            self.show_summary(self.summary)
        svc = self.ctx.app.handover
        self.ctx.runner.run(
            svc.shift_config,
            lambda cfg: self.panel.set_reference(
                self._channel_names, [(a.id, a.name) for a in cfg.agents]
            ),
            owner=self,
        )

    def drill(self, key: str) -> None:
        """The cases behind a count of this shift, each one opened by a double click."""
        title = self.tiles[key].title.text()
        svc = self.ctx.app.handover

        def show(cases: list[TileCase]) -> None:
            dlg = TileCasesDialog(self.ctx, title, cases, self)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.show()
            self.drilled = dlg

        self.ctx.runner.run(lambda: svc.tile_cases(key), show, owner=self)

    def refresh(self) -> None:
        self.ctx.runner.run(
            self.ctx.app.handover.current_summary, self.show_summary, self._failed, owner=self
        )

    def refresh_status(self, announce: bool = False) -> None:
        self.ctx.runner.run(
            self.ctx.app.handover.status,
            lambda st: self.show_status(st, announce),
            self._failed,
            owner=self,
        )

    def _after_change(self) -> None:
        self.refresh_status()
        self.history.refresh()
        self.outstanding.refresh()

    def _open_from_history(self, handover_id: int) -> None:
        self.panel.open(handover_id)
        self.tabs.setCurrentWidget(self.panel)

    def _failed(self, exc: BaseException) -> None:
        self.updated.setText(self.tr("Not up to date"))
        self.ctx.messages.error(exc)

    def _withdraw_announcement(self, keep: bool = False) -> None:
        """The message bar's copy of the warning goes when the warning no longer holds,
        or while this screen's own banner shows it (not said twice)."""
        bar = self.ctx.messages.bar
        if bar.isVisible() and bar.label.text() == self._announced:
            bar.hide()
        if not keep:
            self._announced = ""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._announced:
            self._withdraw_announcement(keep=True)

    def show_status(self, st: ShiftStatus, announce: bool = False) -> None:
        self.shift_status = st
        parts = [self.tr("Now: {0}").format(st.current_label)]
        if st.supervisors:
            parts.append(self.tr("supervisors: {0}").format("、".join(st.supervisors)))
        if st.on_shift:
            parts.append(
                self.tr("{0} signed in: {1}").format(len(st.on_shift), "、".join(st.on_shift))
            )
        if st.outstanding_flags:
            parts.append(self.tr("{0} flagged item(s) not done").format(st.outstanding_flags))
        self.on_shift.setText(" · ".join(parts))
        text = ""
        if st.previous_missing:
            text = self.tr(
                "Warning: {0} ended without a submitted handover. Its work is carried into "
                "this shift's handover; its supervisor can still prepare it late."
            ).format(st.previous_label)
            day = st.previous.day
            self.panel.set_previous(st.previous.shift.code, day)
        else:
            self.panel.set_previous(None)
        if st.awaiting_acknowledgement:
            text = self.tr(
                "The handover of {0} (by {1}) is waiting for the incoming supervisor's "
                "acknowledgement."
            ).format(st.previous_label, st.previous_submitted_by)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        if self._announced and self._announced != text:
            self._withdraw_announcement()  # submitted, acknowledged or a new shift
        if self.panel.view is None:
            if st.awaiting_acknowledgement and st.previous_id is not None:
                self.panel.open(st.previous_id)
            elif st.current_id is not None:
                self.panel.open(st.current_id)
        if announce and text and self.ctx.identity.is_supervisor:
            prev_id = st.previous_id
            if st.awaiting_acknowledgement and prev_id is not None:
                self.ctx.messages.warning(
                    text, (self.tr("Review"), lambda: self._open_from_history(prev_id))
                )
            else:
                self.ctx.messages.warning(text)
            self._announced = text
            if self.isVisible():  # said once: the banner above is on screen
                self._withdraw_announcement(keep=True)

    def show_summary(self, s: ShiftSummary) -> None:
        self.summary = s
        w = s.window
        start, end = to_local(w.start), to_local(w.end)
        self.heading.setText(
            self.tr("{0} shift, {1} {2}–{3}").format(
                w.shift.name,
                start.strftime("%Y-%m-%d"),
                start.strftime("%H:%M"),
                "24:00" if end.hour == 0 and end.minute == 0 else end.strftime("%H:%M"),
            )
        )
        values = {
            "received": s.received,
            "closed_directly": s.closed_directly,
            "dispatched": s.dispatched,
            "closed": s.closed,
            "open_now": s.open_now,
            "breached_open": s.breached_open,
            "due_next_shift": s.due_next_shift,
        }
        for key, tile in self.tiles.items():
            tile.set(values[key])
        _fill(
            self.by_channel,
            [
                (self._channel_names.get(k, k), n)
                for k, n in sorted(s.received_by_channel.items(), key=lambda kv: -kv[1])
            ],
        )
        _fill(
            self.by_type,
            [(labels.case_type_name(k), n) for k, n in sorted(s.received_by_type.items())],
        )
        self.updated.setText(
            self.tr("Updated {0}").format(to_local(now_utc()).strftime("%H:%M:%S"))
        )
        if self.shift_status is not None and not self.shift_status.current.contains(now_utc()):
            self.refresh_status(announce=True)  # a new shift began

    def configure(self) -> None:
        from console.ui.handover.config import ShiftConfigDialog

        dialog = ShiftConfigDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self.refresh_status())
        dialog.open()
        self._config_dialog = dialog
