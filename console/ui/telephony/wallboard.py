"""The call side of the supervisor's monitor: calls waiting and the longest wait, the
service level (share answered within the threshold), abandoned calls, the average
handle time, and the agents by state with their time in state. Live: re-read every few
seconds in the background; the times in state tick every second without a query."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.domain.agentstate import AgentState
from console.domain.clock import now_utc
from console.services.calls import AgentOnBoard, Wallboard
from console.ui.context import UiContext
from console.ui.errors import is_environment_error
from console.ui.table_model import Index, ListTableModel
from console.ui.telephony import texts
from console.ui.telephony.status import clock

ALERT = QColor("#b3261e")
STATE_COLOURS = {
    AgentState.READY.value: QColor("#1b7f3b"),
    AgentState.ON_CALL.value: QColor("#1f5fa8"),
    AgentState.AFTER_CALL.value: QColor("#8a5a00"),
    AgentState.NOT_READY.value: QColor("#6b6b6b"),
}
TILES = ("waiting", "longest_wait", "service_level", "abandoned", "average_handle")


class AgentStateModel(ListTableModel[AgentOnBoard]):
    """Agents by state; the time-in-state column is computed in data() from ``since``,
    and one dataChanged per second refreshes it (no query per tick)."""

    def __init__(self) -> None:
        super().__init__(
            [
                QCoreApplication.translate("Telephony", "Agent"),
                QCoreApplication.translate("Telephony", "Extension"),
                QCoreApplication.translate("Telephony", "State"),
                QCoreApplication.translate("Telephony", "Time in state"),
            ]
        )

    def tick(self, first_column: int = 3, last_column: int | None = 3) -> None:
        super().tick(first_column, last_column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        a = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return a.display_name
            if col == 1:
                return a.extension or ""
            if col == 2:
                return texts.state_text(a.state, a.reason)
            if col == 3:
                return clock((now_utc() - a.since).total_seconds())
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return STATE_COLOURS.get(a.state)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class CallWallboard(QWidget):
    def __init__(
        self,
        ctx: UiContext,
        service_level: timedelta = timedelta(seconds=20),
        refresh_seconds: int = 5,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("callWallboard")
        self.service_level = service_level
        self.board: Wallboard | None = None
        self.tiles: dict[str, QLabel] = {}
        captions = {
            "waiting": QCoreApplication.translate("Telephony", "Calls waiting"),
            "longest_wait": QCoreApplication.translate("Telephony", "Longest wait"),
            "service_level": QCoreApplication.translate(
                "Telephony", "Answered within {0} s"
            ).format(int(service_level.total_seconds())),
            "abandoned": QCoreApplication.translate("Telephony", "Abandoned"),
            "average_handle": QCoreApplication.translate("Telephony", "Average handle time"),
        }
        grid = QGridLayout()
        for i, key in enumerate(TILES):
            frame = QFrame()
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            fl = QVBoxLayout(frame)
            number = QLabel("—")
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            number.setObjectName(f"calltile_{key}")
            caption = QLabel(captions[key])
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            fl.addWidget(number)
            fl.addWidget(caption)
            self.tiles[key] = number
            grid.addWidget(frame, 0, i)
        self.by_state = QLabel()
        self.by_state.setObjectName("agentsByState")
        self.model = AgentStateModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        box = QGroupBox(QCoreApplication.translate("Telephony", "Calls and agents at the phone"))
        bl = QVBoxLayout(box)
        bl.addLayout(grid)
        row = QHBoxLayout()
        row.addWidget(self.by_state, 1)
        bl.addLayout(row)
        bl.addWidget(self.table)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(box)
        self._base_font = QFont(self.font())
        self._tile_css = ""
        self.set_wall_mode(False)

        self._loading = False
        self._timer = QTimer(self)
        self._timer.setInterval(max(refresh_seconds, 1) * 1000)
        self._timer.timeout.connect(self._timed_refresh)
        self._timer.start()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._tick_times)
        self._tick.start()
        self.refresh()

    def set_wall_mode(self, on: bool) -> None:
        size = self._base_font.pointSizeF()
        tile = QFont(self._base_font)
        tile.setBold(True)
        if size > 0:
            tile.setPointSizeF(size * (2.0 if on else 1.0) * 2.4)
        # the size goes in the tiles' style sheets too: the monitor's own style sheet in
        # large type (and the application's) would otherwise set every label's size
        self._tile_css = (
            f"font-size: {tile.pointSizeF():.1f}pt; font-weight: bold;" if size > 0 else ""
        )
        for label in self.tiles.values():
            label.setFont(tile)
        self._style_tiles()
        self.table.setMaximumHeight(360 if on else 220)

    def _style_tiles(self) -> None:
        f = self.board.calls if self.board is not None else None
        alerts = {
            "waiting": bool(f is not None and f.waiting),
            "abandoned": bool(f is not None and f.abandoned),
        }
        for key, label in self.tiles.items():
            colour = f"color: {ALERT.name()};" if alerts.get(key) else ""
            label.setStyleSheet(self._tile_css + colour)

    def _timed_refresh(self) -> None:
        if self.isVisible():  # a closed wall screen asks the database nothing
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        calls, threshold = self.ctx.app.calls, self.service_level
        self.ctx.runner.run(
            lambda: calls.wallboard(threshold=threshold), self.show_board, self._failed, owner=self
        )

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        if not is_environment_error(exc):
            self.ctx.messages.error(exc)

    def _tick_times(self) -> None:
        self.model.tick()
        b = self.board
        if b is not None and b.calls.longest_wait is not None:  # the wait grows meanwhile
            grown = b.calls.longest_wait + (now_utc() - b.at)
            self.tiles["longest_wait"].setText(texts.duration(grown))

    def show_board(self, b: Wallboard) -> None:
        self._loading = False
        self.board = b
        f = b.calls
        self.tiles["waiting"].setText(str(f.waiting))
        self.tiles["longest_wait"].setText(texts.duration(f.longest_wait))
        self.tiles["service_level"].setText(
            "—" if f.service_level is None else f"{f.service_level * 100:.0f}%"
        )
        self.tiles["abandoned"].setText(str(f.abandoned))
        self.tiles["average_handle"].setText(texts.duration(f.average_handle))
        self._style_tiles()
        counts = b.by_state()
        order = [s.value for s in AgentState if s is not AgentState.SIGNED_OUT]
        self.by_state.setText(
            "   ".join(f"{texts.state_name(s)}: {counts.get(s, 0)}" for s in order)
        )
        self.model.set_rows(list(b.agents))


def wallboard_for(ctx: UiContext) -> CallWallboard:
    """The wallboard with the service-level threshold from the settings."""
    from console.infra.settings import CTI_SERVICE_LEVEL_SECONDS

    seconds = max(1, ctx.app.settings.get(CTI_SERVICE_LEVEL_SECONDS))
    return CallWallboard(ctx, service_level=timedelta(seconds=seconds))
