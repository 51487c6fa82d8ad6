"""The queue's table model over the database: the whole queue's length, rows read in
blocks by keyset as they come into view, a countdown column that ticks from one timer,
and live refresh that keeps rows in place.

- ``rowCount`` is the queue's size, so the scroll bar is true and "jump to the end" is
  one backward keyset page, not a million rows. A new view paints its first page with
  the planner's estimate of the size (PostgreSQL) and counts exactly right after, in a
  request of its own: the count of a million rows must not delay the rows people read.
- A row not yet read shows empty until its block arrives (``data`` asks for the block
  on a zero timer; one load runs at a time, in the background runner).
- ``refresh`` (the change feed, a timer, F5) re-reads the rows in view in one query,
  anchored on the key of the row above them, so the view neither jumps nor resets;
  rows out of view are marked stale and re-read when they come into view.
- When the database does not answer, the rows stay, drawn grey, ``stale`` is set, and
  the next refresh that succeeds clears it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from console.domain.clock import now_utc, to_local
from console.domain.sla import TimeLeft, countdown, time_left
from console.services.queue import QueueQuery, QueueRow, Window, page_key
from console.ui import labels
from console.ui.colours import DEADLINE_COLOURS
from console.ui.queue.columns import COL_TIME_LEFT, COLUMNS, header_title
from console.ui.queue.windows import PageFetcher, WindowFetcher, WindowRequest, _adapt

Index = QModelIndex | QPersistentModelIndex
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
DUE_ROLE = Qt.ItemDataRole.UserRole + 2
STATE_ROLE = Qt.ItemDataRole.UserRole + 3
ROW_ROLE = Qt.ItemDataRole.UserRole + 4

BLOCK = 100
REFRESH_MARGIN = 20  # rows read beyond the visible ones on a refresh
COUNT_DELAY_MS = 40  # the exact count starts this long after an estimated first page


_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_HANDLED_ROLES = frozenset(
    {
        _DISPLAY,
        _FOREGROUND,
        _BACKGROUND,
        _ALIGNMENT,
        _TOOLTIP,
        int(CASE_ID_ROLE),
        int(ROW_ROLE),
        int(DUE_ROLE),
        int(STATE_ROLE),
    }
)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_VIEWERS_COL = COLUMNS.index("viewers")

STATE_COLOURS = DEADLINE_COLOURS  # the one table: the same colours in every screen
STALE_COLOUR = QColor("#8a8a8a")
VIEWERS_COLOUR = QColor("#fff3c4")


def row_time_left(row: QueueRow, now: datetime, calendar: Any = None) -> TimeLeft | None:
    """Time left to the row's next deadline, coloured by the case's own thresholds."""
    if row.next_due_at is None:
        return None
    if row.next_warn_at is None and row.next_critical_at is None:
        return time_left(row.next_due_at, now)
    return countdown(
        row.next_due_at,
        now,
        warn_at=row.next_warn_at,
        critical_at=row.next_critical_at,
        limit_unit=row.next_limit_unit,
        calendar=calendar,
    )


class QueueModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    window_loaded = Signal()  # a window of rows (or the size) was applied
    page_loaded = Signal(int)  # the queue's size after a load
    stale_changed = Signal(bool)

    def __init__(
        self,
        fetch: WindowFetcher | PageFetcher,
        run: Runner,
        block: int = BLOCK,
        clock: Callable[[], datetime] = now_utc,
        calendar: Any = None,
    ) -> None:
        super().__init__()
        self._fetch = _adapt(fetch)
        self._calendar = calendar
        self._run = run
        self._block = block
        self._clock = clock
        self._query = QueueQuery()
        self._total = 0
        self._total_exact = True  # False while the size is the planner's estimate
        # the last rows, read while the size was an estimate and shown at the estimated
        # end until the count says where they go: (query gen, data gen, rows, position)
        self._tail: tuple[int, int, list[QueueRow], int] | None = None
        self._rows: dict[int, QueueRow] = {}
        self._row_gen: dict[int, int] = {}  # position -> data generation it was read in
        self._asked: dict[int, int] = {}  # block -> data generation it was asked for in
        self._wanted: set[int] = set()
        self._pump_scheduled = False
        self._busy = False
        self._refresh_pending = False
        self._query_gen = 0  # results of an older query are dropped
        self._data_gen = 0  # bumped by every refresh: older rows are stale
        self.visible_range: Callable[[], tuple[int, int]] = lambda: (0, -1)
        # one owned timer (dies with the model) runs the block loads after data() asked
        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.setInterval(0)
        self._pump_timer.timeout.connect(self._pump)
        self.now = clock()
        self.stale = False
        self.loaded_once = False

    # --- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return header_title(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # the view asks ~10 roles per cell on every paint: the ones not served here
        # leave at once, and roles compare as plain ints (enum comparisons cost)
        if role not in _HANDLED_ROLES or not index.isValid():
            return None
        r = index.row()
        if not (0 <= r < self._total):
            return None
        row = self._rows.get(r)
        if row is None or self._row_gen.get(r, -1) < self._data_gen:
            self._want(r // self._block)
        if row is None:
            return None
        col = index.column()
        if role == _DISPLAY:
            return self._display(row, col)
        if role == _FOREGROUND:
            if self.stale:
                return QBrush(STALE_COLOUR)
            return self._state_brush(row, col, 0) if col == COL_TIME_LEFT else None
        if role == _BACKGROUND:
            if col == _VIEWERS_COL and row.viewers:
                return QBrush(VIEWERS_COLOUR)
            return None if self.stale or col != COL_TIME_LEFT else self._state_brush(row, col, 1)
        if role == _ALIGNMENT:
            return _RIGHT if col == COL_TIME_LEFT else None
        if role == CASE_ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == DUE_ROLE:
            return row.next_due_at
        if role == STATE_ROLE:
            t = row_time_left(row, self.now, self._calendar)
            return None if t is None else t.state
        if role == _TOOLTIP:
            return self._tooltip(row, col)
        return None

    def _state_brush(self, row: QueueRow, col: int, which: int) -> QBrush | None:
        if col != COL_TIME_LEFT or row.sla_paused:
            return None
        t = row_time_left(row, self.now, self._calendar)
        colours = STATE_COLOURS.get(t.state) if t else None
        return QBrush(colours[which]) if colours else None

    def _tooltip(self, row: QueueRow, col: int) -> str | None:
        name = COLUMNS[col]
        if name == "time_left" and row.next_due_at:
            return f"{labels.milestone_name(row.next_milestone)}: " + to_local(
                row.next_due_at
            ).strftime("%Y-%m-%d %H:%M")
        if name == "viewers" and row.viewers:
            return QCoreApplication.translate("queue", "Also open right now at: {0}").format(
                "、".join(row.viewers)
            )
        if name == "title":
            return row.title
        return None

    def _display(self, row: QueueRow, col: int) -> str:
        name = COLUMNS[col]
        if name == "time_left":
            if row.sla_paused:
                return labels.paused_text()
            t = row_time_left(row, self.now, self._calendar)
            return labels.time_left_text(t) if t else ""
        if name == "number":
            return row.number
        if name == "status":
            return labels.status_name(row.status)
        if name == "type":
            return labels.sub_type_name(row.sub_type)
        if name == "class":
            return row.class_name
        if name == "category":
            return row.category.rsplit("/", 1)[-1]
        if name == "district":
            return row.district
        if name == "caller":
            return row.caller
        if name == "title":
            return row.title
        if name == "assignee":
            return row.assignee
        if name == "unit":
            return row.unit
        if name == "received":
            return to_local(row.received_at).strftime("%m-%d %H:%M")
        if name == "viewers":
            return "、".join(row.viewers)
        if name == "urgency":
            return labels.urgency_name(row.urgency)
        if name == "channel":
            return row.channel
        return ""

    # --- what is loaded ----------------------------------------------------------------
    @property
    def query(self) -> QueueQuery:
        return self._query

    @property
    def total(self) -> int:
        return self._total

    @property
    def total_exact(self) -> bool:
        """False while ``total`` is an estimate (the exact count is on its way)."""
        return self._total_exact

    @property
    def busy(self) -> bool:
        return self._busy

    def row_at(self, r: int) -> QueueRow | None:
        return self._rows.get(r)

    @property
    def rows(self) -> list[QueueRow]:
        """The rows read so far, in order (positions without a row are skipped)."""
        return [self._rows[k] for k in sorted(self._rows)]

    def position_of(self, case_id: int) -> int | None:
        for pos, row in self._rows.items():
            if row.id == case_id:
                return pos
        return None

    def fully_loaded(self, first: int, last: int) -> bool:
        """Rows first..last are read and current."""
        last = min(last, self._total - 1)
        return all(self._row_gen.get(r, -1) >= self._data_gen for r in range(first, last + 1))

    # --- queries -----------------------------------------------------------------------
    def set_query(self, query: QueueQuery) -> None:
        """A new view, filter or sort: start again from the first rows."""
        self._query = query
        self._query_gen += 1
        self._data_gen += 1
        self.beginResetModel()
        self._total = 0
        self._total_exact = True
        self._tail = None
        self._rows.clear()
        self._row_gen.clear()
        self._asked.clear()
        self._wanted.clear()
        self._busy = False
        self._refresh_pending = False
        self.endResetModel()
        self._load(WindowRequest(0, self._block, estimate=True))

    def refresh(self) -> None:
        """Re-read the rows in view (and the queue's size), keeping them in place."""
        if self._busy:
            self._refresh_pending = True
            return
        self._data_gen += 1
        first, last = self.visible_range()
        if self._total == 0 or last < 0 or first <= 0:
            n = max(last + 1, 0) + REFRESH_MARGIN
            self._load(WindowRequest(0, max(n, self._block)))
            return
        limit = last - first + 1 + REFRESH_MARGIN
        if last >= self._total - 1:
            self._load(WindowRequest(first, limit, from_end=True))
            return
        above = self._rows.get(first - 1)
        if above is not None:
            self._load(WindowRequest(first, limit, anchor=page_key(self._query, above)))
        else:
            self._load(WindowRequest(first, limit))

    def jump_to_end(self) -> None:
        """Read the last block now (before the view asks row by row)."""
        if self._total:
            self._want((self._total - 1) // self._block)

    def _want(self, block: int) -> None:
        if self._asked.get(block) == self._data_gen:
            return
        self._wanted.add(block)
        if not self._pump_scheduled:
            self._pump_scheduled = True
            self._pump_timer.start()

    def _pump(self) -> None:
        """Start the load of one wanted block: visible ones first, top down. While the
        size is an estimate, blocks that need it wait (the count re-pumps) and the next
        candidate is tried, e.g. the end of the view beside the block above it."""
        self._pump_scheduled = False
        if self._busy or not self._wanted:
            return
        first, last = self.visible_range()
        lo, hi = first // self._block, last // self._block
        order = sorted(self._wanted, key=lambda b: (not lo <= b <= hi, b))
        for block in order:
            if self._asked.get(block) == self._data_gen:
                self._wanted.discard(block)
                continue
            start = block * self._block
            if start >= self._total:
                self._wanted.discard(block)
                self._asked[block] = self._data_gen
                continue
            req = self._block_request(block, start)
            if req is None:  # needs the exact size: stays wanted until the count
                continue
            self._wanted.discard(block)
            self._asked[block] = self._data_gen
            self._load(req)
            return

    def _fresh(self, pos: int) -> QueueRow | None:
        if self._row_gen.get(pos, -1) >= self._data_gen:
            return self._rows.get(pos)
        return None

    def _block_request(self, block: int, start: int) -> WindowRequest | None:
        """How to read a block: after the row above it or before the row below it (keyset),
        from the end, or by offset (a jump into the middle). None: a jump that needs the
        exact size, which is still being counted."""
        limit = min(self._block, self._total - start)
        n = self._total
        if start == 0:
            return WindowRequest(0, limit, known_total=n)
        above = self._fresh(start - 1)
        if above is not None:
            return WindowRequest(start, limit, anchor=page_key(self._query, above), known_total=n)
        below = self._fresh(start + limit)
        if below is not None:
            return WindowRequest(start, limit, before=page_key(self._query, below), known_total=n)
        if not self._total_exact:
            if start + self._block >= self._total:
                # the end of an estimated view: read the last rows now, beside the count;
                # where they go is known when the count arrives
                return WindowRequest(start, self._block, from_end=True, known_total=n, tail=True)
            return None  # what an offset means is not known yet: after the count
        if start + self._block >= self._total:
            return WindowRequest(start, limit, from_end=True, known_total=n)
        return WindowRequest(start, limit, known_total=n)  # a jump into the middle: offset

    def _load(self, req: WindowRequest) -> None:
        self._busy = True
        self.loading_changed.emit(True)
        qgen, dgen, query = self._query_gen, self._data_gen, self._query

        def done(window: Window) -> None:
            if qgen != self._query_gen:
                return
            self._busy = False
            self.loading_changed.emit(False)
            if self.stale:
                self.stale = False
                self.stale_changed.emit(False)
                self._repaint_all()
            if req.tail and not self._total_exact:
                # shown at the estimated end now, moved when the count arrives
                start = max(self._total - len(window.rows), 0)
                self._tail = (qgen, dgen, window.rows, start)
                self._apply(Window(self._total, start, window.rows, exact=False), dgen)
                self._after_load()
                return
            if req.tail or (req.from_end and req.known_total is not None):
                # the last rows: they end at the size as known now
                n = len(window.rows)
                window = Window(self._total, max(self._total - n, 0), window.rows)
            elif req.known_total is not None:
                # a block of rows: the size it echoes may predate the exact count
                window = Window(self._total, window.start, window.rows, self._total_exact)
            self._apply(window, dgen)
            if not window.exact:
                # after the first page is painted: on a server sharing the client's
                # cores, a parallel count would otherwise slow the paint it waits behind
                QTimer.singleShot(COUNT_DELAY_MS, self, lambda: self._count_exactly(qgen))
            self._after_load()

        def failed(exc: BaseException) -> None:
            if qgen == self._query_gen:
                self._busy = False
                self.loading_changed.emit(False)
                if not self.stale:
                    self.stale = True  # keep showing what we have, drawn as stale
                    self.stale_changed.emit(True)
                    self._repaint_all()
                if self._refresh_pending:  # asked for while this load was failing
                    self._refresh_pending = False
                    QTimer.singleShot(0, self, self.refresh)
            raise exc

        self._run(lambda: self._fetch(query, req), done, failed)

    def _count_exactly(self, qgen: int) -> None:
        """The exact size after a first page sized by estimate (not ``_busy``: block
        loads go on meanwhile)."""
        if qgen != self._query_gen:
            return  # another view was chosen meanwhile
        query = self._query

        def done(window: Window) -> None:
            if qgen == self._query_gen and not self._total_exact:
                self._resize(window.total)
                self._total_exact = True
                tail, self._tail = self._tail, None
                if tail is not None and tail[0] == qgen:
                    _q, dgen, rows, shown_at = tail
                    self._drop(shown_at, len(rows))  # the estimated end was not the end
                    self._resize(window.total)
                    self._apply(Window(self._total, max(self._total - len(rows), 0), rows), dgen)
                else:
                    self.window_loaded.emit()
                    self.page_loaded.emit(self._total)
                self._after_load()

        def failed(exc: BaseException) -> None:
            raise exc  # the next refresh counts again

        self._run(lambda: self._fetch(query, WindowRequest(0, 0, count_only=True)), done, failed)

    def _drop(self, start: int, n: int) -> None:
        """Forget rows start..start+n-1 (shown at a provisional place)."""
        for pos in range(start, start + n):
            self._rows.pop(pos, None)
            self._row_gen.pop(pos, None)
        last = min(start + n, self._total) - 1
        if start <= last:
            self.dataChanged.emit(self.index(start, 0), self.index(last, len(COLUMNS) - 1))

    def _resize(self, new_total: int) -> None:
        if new_total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, new_total - 1)
            self._total = new_total
            self.endInsertRows()
        elif new_total < self._total:
            self.beginRemoveRows(QModelIndex(), new_total, self._total - 1)
            for pos in [p for p in self._rows if p >= new_total]:
                del self._rows[pos]
                self._row_gen.pop(pos, None)
            self._total = new_total
            self.endRemoveRows()

    def _after_load(self) -> None:
        if self._refresh_pending:
            self._refresh_pending = False
            self.refresh()
        elif self._wanted and not self._pump_scheduled:
            self._pump_scheduled = True
            self._pump_timer.start()

    def _apply(self, window: Window, dgen: int) -> None:
        self.now = self._clock()
        self.loaded_once = True
        if window.exact and self._tail is not None:
            # the size became known another way (a refresh counted): the rows shown at
            # the estimated end go; the view asks for the true end again
            tail, self._tail = self._tail, None
            self._drop(tail[3], len(tail[2]))
        self._resize(window.total)
        self._total_exact = window.exact
        start = window.start
        placed = 0
        for i, row in enumerate(window.rows):
            pos = start + i
            if pos >= self._total:
                break
            self._rows[pos] = row
            self._row_gen[pos] = dgen
            placed += 1
        if placed:
            self.dataChanged.emit(
                self.index(start, 0), self.index(start + placed - 1, len(COLUMNS) - 1)
            )
        self.window_loaded.emit()
        self.page_loaded.emit(self._total)

    def _repaint_all(self) -> None:
        if self._total:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(self._total - 1, len(COLUMNS) - 1),
                [Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole],
            )

    # --- the countdown ---------------------------------------------------------------
    def tick(self, first: int, last: int) -> None:
        """One dataChanged over the visible rows of the countdown column."""
        self.now = self._clock()
        if not self._total:
            return
        first = max(first, 0)
        last = min(last if last >= 0 else self._total - 1, self._total - 1)
        if first > last:
            return
        self.dataChanged.emit(
            self.index(first, COL_TIME_LEFT),
            self.index(last, COL_TIME_LEFT),
            [
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ForegroundRole,
                Qt.ItemDataRole.BackgroundRole,
            ],
        )
