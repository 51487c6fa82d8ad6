"""Shift handover screen. Foundation: the current shift's figures, from the database."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.clock import now_utc, to_local
from console.services.handover import ShiftSummary
from console.ui import labels
from console.ui.context import UiContext


class StatTile(QFrame):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("statTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        lay = QVBoxLayout(self)
        self.value = QLabel("—")
        self.value.setObjectName("statValue")
        self.title = QLabel(title)
        self.title.setWordWrap(True)
        lay.addWidget(self.value)
        lay.addWidget(self.title)

    def set(self, n: int) -> None:
        self.value.setText(str(n))


class HandoverScreen(QWidget):
    def __init__(self, ctx: UiContext, refresh_seconds: int = 30) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("handoverScreen")
        self.summary: ShiftSummary | None = None
        self.heading = QLabel(self.tr("Current shift"))
        self.heading.setObjectName("screenHeading")
        self.updated = QLabel()
        self.refresh_button = QPushButton(self.tr("Refresh (F5)"))
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.updated)
        top.addWidget(self.refresh_button)

        self.tiles = {
            "received": StatTile(self.tr("Received this shift")),
            "closed_directly": StatTile(self.tr("Consultations closed on the call")),
            "dispatched": StatTile(self.tr("Demands dispatched")),
            "closed": StatTile(self.tr("Cases closed")),
            "open_now": StatTile(self.tr("Open now (all shifts)")),
            "breached_open": StatTile(self.tr("Open and overdue")),
            "due_next_shift": StatTile(self.tr("Falling due next shift")),
        }
        grid = QGridLayout()
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 4, i % 4)

        self.by_channel = QTableWidget(0, 2)
        self.by_channel.setHorizontalHeaderLabels([self.tr("Channel"), self.tr("Received")])
        self.by_channel.verticalHeader().hide()
        self.by_channel.horizontalHeader().setStretchLastSection(True)
        self.by_channel.setColumnWidth(0, 260)
        self.by_type = QTableWidget(0, 2)
        self.by_type.setHorizontalHeaderLabels([self.tr("Type"), self.tr("Received")])
        self.by_type.verticalHeader().hide()
        self.by_type.horizontalHeader().setStretchLastSection(True)
        self.by_type.setColumnWidth(0, 200)
        tables = QHBoxLayout()
        ch_box = QGroupBox(self.tr("By channel"))
        QVBoxLayout(ch_box).addWidget(self.by_channel)
        ty_box = QGroupBox(self.tr("By type"))
        QVBoxLayout(ty_box).addWidget(self.by_type)
        tables.addWidget(ch_box, 2)
        tables.addWidget(ty_box, 1)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(grid)
        lay.addLayout(tables, 1)

        self._channel_names: dict[str, str] = {}
        self.ctx.runner.run(self.ctx.app.reference.load, self._reference, owner=self)
        self.refresh_button.clicked.connect(self.refresh)
        QShortcut(
            QKeySequence(Qt.Key.Key_F5),
            self,
            self.refresh,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._timer = QTimer(self)
        self._timer.setInterval(refresh_seconds * 1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def _reference(self, ref: object) -> None:
        self._channel_names = {c.code: c.name for c in getattr(ref, "channels", ())}
        if self.summary is not None:
            self.show_summary(self.summary)

    def refresh(self) -> None:
        self.ctx.runner.run(
            self.ctx.app.handover.current_summary, self.show_summary, self._failed, owner=self
        )

    def _failed(self, exc: BaseException) -> None:
        self.updated.setText(self.tr("Not up to date"))
        self.ctx.messages.error(exc)

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
        self._fill(
            self.by_channel,
            [
                (self._channel_names.get(k, k), n)
                for k, n in sorted(s.received_by_channel.items(), key=lambda kv: -kv[1])
            ],
        )
        self._fill(
            self.by_type,
            [(labels.case_type_name(k), n) for k, n in sorted(s.received_by_type.items())],
        )
        self.updated.setText(
            self.tr("Updated {0}").format(to_local(now_utc()).strftime("%H:%M:%S"))
        )

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, int]]) -> None:
        table.setRowCount(len(rows))
        for r, (name, n) in enumerate(rows):
            table.setItem(r, 0, QTableWidgetItem(name))
            item = QTableWidgetItem(str(n))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, 1, item)
