"""The supervisor's monitoring screen for the shift: counts per queue and status, due
soon and breached per class and per unit, agents signed in with their open cases,
arrivals per hour. Live (the change feed, plus a timer since time alone makes cases
due), and readable on a wall display (large type mode, F11)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QRectF,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import to_local
from console.domain.sla import BREACHED, DUE_SOON
from console.services.monitor import MonitorFigures
from console.services.queue import QueueView
from console.sync import Change
from console.ui import keys, labels
from console.ui.colours import DEADLINE_COLOURS
from console.ui.context import UiContext
from console.ui.errors import is_environment_error
from console.ui.queue.live import LiveFeed
from console.ui.table_model import Index, ListTableModel

BREACHED_COLOUR = DEADLINE_COLOURS[BREACHED][0]  # the one table of deadline colours
SOON_COLOUR = DEADLINE_COLOURS[DUE_SOON][0]


class RowsModel(ListTableModel[tuple[Any, ...]]):
    """A small read-only table of plain values (the monitor's lists)."""

    def __init__(self, headers: list[str]) -> None:
        super().__init__(headers)
        self.alert_column: int | None = None  # values > 0 drawn in red

    def set_rows(self, rows: Sequence[tuple[Any, ...]]) -> None:
        if len(rows) == len(self.rows):  # same shape: repaint, keep the selection
            self.rows = list(rows)
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(rows) - 1, len(self.headers) - 1)
                )
            return
        super().set_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and index.column() == self.alert_column
            and isinstance(value, int)
            and value > 0
        ):
            return BREACHED_COLOUR
        return None


class ArrivalsChart(QWidget):
    """Cases received per hour, as bars (newest on the right)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: list[tuple[str, int]] = []
        self.setMinimumHeight(140)

    def set_values(self, values: list[tuple[str, int]]) -> None:
        self.values = values
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        n = len(self.values)
        if not n:
            return
        fm = p.fontMetrics()
        label_h = fm.height() + 2
        w = self.width() / n
        top = max(v for _, v in self.values) or 1
        h = self.height() - 2 * label_h
        for i, (hour, v) in enumerate(self.values):
            bar = h * v / top
            x = i * w
            p.fillRect(QRectF(x + 2, label_h + h - bar, w - 4, bar), QColor("#3a6ea5"))
            if v:
                p.drawText(
                    QRectF(x, label_h + h - bar - label_h, w, label_h),
                    Qt.AlignmentFlag.AlignCenter,
                    str(v),
                )
            if i % max(1, n // 12) == 0:
                p.drawText(
                    QRectF(x, self.height() - label_h, w * 2, label_h),
                    Qt.AlignmentFlag.AlignLeft,
                    hour,
                )


def _table(model: QAbstractTableModel) -> QTableView:
    t = QTableView()
    t.setModel(model)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    t.setAlternatingRowColors(True)
    return t


class MonitorScreen(QWidget):
    def __init__(
        self, ctx: UiContext, feed: LiveFeed | None = None, refresh_seconds: int = 15
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("monitorScreen")
        self.figures: MonitorFigures | None = None
        self.stale = False
        self.shift_label = QLabel()
        self.shift_label.setObjectName("monitorShift")
        self.state_label = QLabel()
        self.state_label.setObjectName("staleLabel")
        self.wall = QCheckBox(self.tr("&Wall display (large type)"))
        self.wall.setToolTip(self.tr("Large type for a wall screen (F11)"))
        self.wall.toggled.connect(self.set_wall_mode)
        top = QHBoxLayout()
        top.addWidget(self.shift_label, 1)
        top.addWidget(self.state_label)
        top.addWidget(self.wall)

        self.tiles: dict[str, QLabel] = {}
        tiles = QGridLayout()
        tile_titles = [
            (QueueView.OPEN.value, self.tr("Open")),
            (QueueView.UNASSIGNED.value, self.tr("Unassigned")),
            (QueueView.AWAITING_UNIT.value, self.tr("Awaiting unit")),
            (QueueView.DUE_SOON.value, self.tr("Due soon")),
            (QueueView.BREACHED.value, self.tr("Breached")),
            (QueueView.CALLBACKS.value, self.tr("Callbacks due")),
        ]
        for i, (key, title) in enumerate(tile_titles):
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            fl = QVBoxLayout(frame)
            number = QLabel("—")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setObjectName(f"tile_{key}")
            caption = QLabel(title)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            fl.addWidget(number)
            fl.addWidget(caption)
            self.tiles[key] = number
            tiles.addWidget(frame, 0, i)

        self.status_model = RowsModel([self.tr("Status"), self.tr("Cases")])
        self.class_model = RowsModel([self.tr("Class"), self.tr("Due soon"), self.tr("Breached")])
        self.class_model.alert_column = 2
        self.unit_model = RowsModel(
            [self.tr("Handling unit"), self.tr("Due soon"), self.tr("Breached")]
        )
        self.unit_model.alert_column = 2
        self.agent_model = RowsModel(
            [self.tr("Agent"), self.tr("Station"), self.tr("Open cases"), self.tr("Has open")]
        )
        self.arrivals = ArrivalsChart()

        def group(title: str, w: QWidget) -> QGroupBox:
            g = QGroupBox(title)
            gl = QVBoxLayout(g)
            gl.addWidget(w)
            return g

        grid = QGridLayout()
        grid.addWidget(group(self.tr("Open cases by status"), _table(self.status_model)), 0, 0)
        by_class = group(self.tr("Due soon and breached by class"), _table(self.class_model))
        by_unit = group(self.tr("Due soon and breached by unit"), _table(self.unit_model))
        grid.addWidget(by_class, 0, 1)
        grid.addWidget(by_unit, 0, 2)
        grid.addWidget(group(self.tr("Agents signed in"), _table(self.agent_model)), 1, 0, 1, 2)
        grid.addWidget(group(self.tr("Arrivals per hour (last 24 h)"), self.arrivals), 1, 2)

        # one scroll area, for large type on a 768-px screen: nothing is cut off
        body = QWidget()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        lay = QVBoxLayout(body)
        lay.addLayout(top)
        lay.addLayout(tiles)
        # the call side (telephony): calls waiting, service level, agents by state
        from console.ui.telephony.wallboard import wallboard_for

        self.calls_board = wallboard_for(ctx)
        lay.addWidget(self.calls_board)
        self.wall.toggled.connect(self.calls_board.set_wall_mode)
        lay.addLayout(grid, 1)
        self._base_font = QFont(self.font())
        self._tile_font = QFont(self.font())
        self._tile_css = ""
        self.set_wall_mode(False)
        keys.bind("monitor.wall", self, self.wall.toggle)

        self._loading = False
        self._again = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(500)
        self._debounce.timeout.connect(self.refresh)
        self._timer = QTimer(self)
        self._timer.setInterval(max(refresh_seconds, 1) * 1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        if feed is not None:
            feed.changed.connect(self._changes)
            feed.online_changed.connect(self._online)
        self.refresh()

    # --- large type ------------------------------------------------------------------
    def set_wall_mode(self, on: bool) -> None:
        scale = 2.0 if on else 1.0
        f = QFont(self._base_font)
        size = self._base_font.pointSizeF()
        if size > 0:
            f.setPointSizeF(size * scale)
        self.setFont(f)
        # the application style sheet sets every widget's size: the screen's own style
        # sheet carries the large type to its tables and captions
        self.setStyleSheet(f"QWidget {{ font-size: {f.pointSizeF():.1f}pt; }}" if on else "")
        tile = QFont(f)
        tile.setBold(True)
        if size > 0:
            tile.setPointSizeF(size * scale * 2.4)
        # the size goes in each tile's style sheet too: a tile coloured by a style sheet
        # (due soon, breached) would otherwise take the application style sheet's size
        self._tile_css = (
            f"font-size: {tile.pointSizeF():.1f}pt; font-weight: bold;" if size > 0 else ""
        )
        for label in self.tiles.values():
            label.setFont(tile)
        self._colour_tiles()
        if self.wall.isChecked() != on:
            self.wall.setChecked(on)

    def _colour_tiles(self) -> None:
        """Every tile in the current type size; due soon and breached in colour when
        there are any."""
        queues = self.figures.queues if self.figures is not None else {}
        colours = {
            QueueView.BREACHED.value: BREACHED_COLOUR.name() if queues.get("breached") else "",
            QueueView.DUE_SOON.value: SOON_COLOUR.name() if queues.get("due_soon") else "",
        }
        for key, label in self.tiles.items():
            colour = colours.get(key, "")
            label.setStyleSheet(self._tile_css + (f" color: {colour};" if colour else ""))

    @property
    def wall_mode(self) -> bool:
        return self.wall.isChecked()

    # --- live ------------------------------------------------------------------------
    def _changes(self, _changes: list[Change]) -> None:
        if self.isVisible():
            self._debounce.start()

    def _online(self, online: bool) -> None:
        if online:
            self.refresh()
        else:
            self._mark_stale()

    def refresh(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.ctx.runner.run(self.ctx.app.monitor.figures, self._show, self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        if is_environment_error(exc):
            self._mark_stale()
        else:
            self.ctx.messages.error(exc)

    def _mark_stale(self) -> None:
        self.stale = True
        self.state_label.setText(self.tr("Not up to date: the database is not answering"))

    def _show(self, f: MonitorFigures) -> None:
        self._loading = False
        self.figures = f
        self.stale = False
        self.state_label.setText("")
        when = to_local(f.at).strftime("%H:%M:%S")
        if f.shift is not None:
            self.shift_label.setText(
                self.tr("{0} {1}–{2} · as of {3}").format(
                    f.shift.shift.name,
                    to_local(f.shift.start).strftime("%H:%M"),
                    to_local(f.shift.end).strftime("%H:%M"),
                    when,
                )
            )
        else:
            self.shift_label.setText(self.tr("As of {0}").format(when))
        for key, label in self.tiles.items():
            label.setText(str(f.queues.get(key, 0)))
        self._colour_tiles()
        self.status_model.set_rows(
            [(labels.status_name(k), v) for k, v in sorted(f.by_status.items())]
        )
        self.class_model.set_rows([(c.name, c.due_soon, c.breached) for c in f.by_class])
        self.unit_model.set_rows(
            [(c.name or self.tr("(not dispatched)"), c.due_soon, c.breached) for c in f.by_unit]
        )
        self.agent_model.set_rows(
            [(a.display_name, a.station, a.open_cases, a.case_number or "") for a in f.agents]
        )
        self.arrivals.set_values([(h.strftime("%H"), n) for h, n in f.arrivals])
        if self._again:
            self._again = False
            self.refresh()
