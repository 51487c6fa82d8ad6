"""The queue screen: views and saved filters, sort by time left, live countdowns, live
updates from the change feed, claiming and assignment, one keystroke to open a case."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from console.services.preferences import SavedFilterView
from console.services.queue import QueueFilter, QueueQuery, QueueSort, QueueView, Window
from console.services.reference import ReferenceData
from console.sync import Change
from console.ui import keys
from console.ui.case.suggested import StoredSuggestionsBar
from console.ui.case.view import CaseViewDialog
from console.ui.context import UiContext
from console.ui.errors import is_environment_error
from console.ui.queue.claiming import QueueClaims
from console.ui.queue.columns import COLUMNS, QueueColumns
from console.ui.queue.filters import FilterDialog
from console.ui.queue.live import LiveFeed
from console.ui.queue.model import QueueModel
from console.ui.queue.table import QueueTable
from console.ui.queue.windows import WindowRequest, fetch_window

SORT_COLUMNS = {"time_left": QueueSort.TIME_LEFT, "received": QueueSort.NEWEST}
HEARTBEAT_MS = 30_000
LIVE_DEBOUNCE_MS = 80


class QueueScreen(QueueColumns, QueueClaims):
    case_activated = Signal(int)

    def __init__(
        self,
        ctx: UiContext,
        refresh_seconds: int = 5,
        feed: LiveFeed | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("queueScreen")
        self.reference: ReferenceData | None = None
        self.filter = QueueFilter()
        self.saved_filters: list[SavedFilterView] = []
        self.dialogs: list[CaseViewDialog] = []

        self.view_box = QComboBox()
        self.view_box.setMinimumWidth(180)
        self._fill_views()
        self.sort_box = QComboBox()
        self.sort_box.addItem(self.tr("Time left"), QueueSort.TIME_LEFT.value)
        self.sort_box.addItem(self.tr("Newest first"), QueueSort.NEWEST.value)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number, caller, text (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(260)
        self.filter_button = QPushButton(self.tr("&Filter…"))
        # a filter belongs to the view it was set in; when one is on, this says so and
        # takes it off in one click
        self.clear_filter_button = QPushButton(self.tr("Clear the filter"))
        self.clear_filter_button.setObjectName("clearFilter")
        self.clear_filter_button.hide()
        self._filters: dict[str, QueueFilter] = {}  # per view (view_box data)
        self._view_key: str | None = None
        self.save_filter_button = QPushButton(self.tr("Save filter…"))
        self.claim_next_button = QPushButton(self.tr("Claim &next"))
        self.claim_next_button.setToolTip(
            self.tr("Take the most urgent unassigned case ({0})").format(
                keys.shown("queue.claim_next")
            )
        )
        self.claim_button = QPushButton(self.tr("&Claim"))
        self.claim_button.setToolTip(
            self.tr("Take the selected case ({0})").format(keys.shown("queue.claim_selected"))
        )
        self.assign_button = QPushButton(self.tr("&Assign…"))
        self.auto_button = QPushButton(self.tr("Auto-assign"))
        self.auto_button.setToolTip(
            self.tr("Share the team queue round robin among the agents signed in")
        )
        for b in (self.assign_button, self.auto_button):
            b.setVisible(ctx.identity.is_supervisor)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Refresh now (F5)"))
        self.count_label = QLabel()
        self.state_label = QLabel()
        self.state_label.setObjectName("staleLabel")

        bar = QHBoxLayout()
        view_label = QLabel(self.tr("&View:"))
        view_label.setBuddy(self.view_box)
        sort_label = QLabel(self.tr("&Sort:"))
        sort_label.setBuddy(self.sort_box)
        for w in (view_label, self.view_box, sort_label, self.sort_box, self.search):
            bar.addWidget(w)
        bar.addWidget(self.filter_button)
        bar.addWidget(self.clear_filter_button)
        bar.addWidget(self.save_filter_button)
        bar.addStretch(1)
        bar.addWidget(self.state_label)
        bar.addWidget(self.count_label)
        actions = QHBoxLayout()
        for b in (
            self.claim_next_button,
            self.claim_button,
            self.assign_button,
            self.auto_button,
            self.refresh_button,
        ):
            actions.addWidget(b)
        actions.addStretch(1)

        self.model = QueueModel(self._fetch_window, self._run, calendar=ctx.app.calendar)
        self.model.setParent(self)  # goes with the screen (and its pending timers)
        self.table = QueueTable()
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicatorShown(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.sectionClicked.connect(self._header_clicked)
        self._apply_layout(None)
        self.model.visible_range = self.visible_rows
        self.table.doubleClicked.connect(self._activate)

        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addLayout(actions)
        lay.addWidget(self.table, 1)
        # to triage: the suggestions stored for the selected case (F8 takes one)
        self.suggested = StoredSuggestionsBar(
            ctx, "queue", self, Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.suggested.taken.connect(lambda _cid: self.refresh())
        lay.addWidget(self.suggested)

        self.view_box.currentIndexChanged.connect(self._view_changed)
        self.sort_box.currentIndexChanged.connect(self._query_changed)
        self.search.returnPressed.connect(self._search_changed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(400)
        self._search_timer.timeout.connect(self._search_changed)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        self.filter_button.clicked.connect(self.edit_filter)
        self.clear_filter_button.clicked.connect(lambda: self.set_filter(QueueFilter()))
        self.save_filter_button.clicked.connect(self.save_filter)
        self.claim_next_button.clicked.connect(self.claim_next)
        self.claim_button.clicked.connect(self.claim_selected)
        self.assign_button.clicked.connect(self.assign_selected)
        self.auto_button.clicked.connect(self.auto_assign)
        self.refresh_button.clicked.connect(self.refresh)
        self.model.window_loaded.connect(self._after_load)
        self.model.loading_changed.connect(self._loading)
        self.model.stale_changed.connect(self._stale_changed)
        keys.bind("queue.refresh", self, self.refresh)
        keys.bind("queue.claim_next", self, self.claim_next)
        keys.bind("queue.claim_selected", self, self.claim_selected)
        keys.bind("queue.search", self, self.search.setFocus)
        keys.bind("queue.open", self.table, self._activate_current)

        self._selected_ids: list[int] = []
        self._current_id: int | None = None
        self.table.selectionModel().selectionChanged.connect(self._remember_selection)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.tick)
        self._tick.start()
        # a safety net behind the change feed (and the only refresh if it is off)
        self._auto = QTimer(self)
        self._auto.setInterval(max(refresh_seconds, 1) * 1000 * (6 if feed else 1))
        self._auto.timeout.connect(self.refresh)
        self._auto.start()
        self._live_timer = QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.setInterval(LIVE_DEBOUNCE_MS)
        self._live_timer.timeout.connect(self.refresh)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._send_heartbeat)
        self._heartbeat.start()
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(1500)
        self._layout_timer.timeout.connect(self._save_layout)
        self._restoring_layout = False
        header.sectionMoved.connect(lambda *_a: self._layout_changed())
        header.sectionResized.connect(lambda *_a: self._layout_changed())

        self.feed = feed
        self._own_feed = False
        if feed is not None:
            feed.changed.connect(self._changes)
            feed.online_changed.connect(self._online_changed)

        self._send_heartbeat()
        ctx.runner.run(ctx.app.reference.load, self._reference, owner=self)
        ctx.runner.run(
            lambda: ctx.app.preferences.columns(ctx.identity),
            self._apply_layout,
            self._quiet,
            owner=self,
        )
        self._load_saved_filters()
        self._query_changed()

    # --- running work ----------------------------------------------------------------
    def _run(
        self,
        fn: Callable[[], Any],
        ok: Callable[[Any], None],
        fail: Callable[[BaseException], None],
    ) -> None:
        def on_error(exc: BaseException) -> None:
            try:
                fail(exc)
            except BaseException as e:  # noqa: BLE001 - the model re-raises for us to show
                if is_environment_error(e):
                    self._show_stale()
                else:
                    self.ctx.messages.error(e)

        self.ctx.runner.run(fn, ok, on_error, owner=self)

    def _fetch_window(self, query: QueueQuery, req: WindowRequest) -> Window:
        return fetch_window(self.ctx.app.queue, query, req)

    def _quiet(self, exc: BaseException) -> None:
        """Background extras (heartbeat, preferences): the queue reports the database."""
        if not is_environment_error(exc):
            self.ctx.messages.error(exc)

    def _send_heartbeat(self) -> None:
        who = self.ctx.identity
        self.ctx.runner.run(
            lambda: self.ctx.app.presence.heartbeat(who), None, self._quiet, owner=self
        )

    def _reference(self, ref: ReferenceData) -> None:
        self.reference = ref

    # --- views, filters, sort ----------------------------------------------------------
    def _fill_views(self) -> None:
        views = [
            (QueueView.MINE, self.tr("My cases")),
            (QueueView.UNASSIGNED, self.tr("Team queue (unassigned)")),
            (QueueView.TO_TRIAGE, self.tr("To triage (received, returned)")),
            (QueueView.AWAITING_UNIT, self.tr("Dispatched, awaiting unit")),
            (QueueView.CALLBACKS, self.tr("Callbacks due")),
            (QueueView.DUE_SOON, self.tr("Due soon")),
            (QueueView.BREACHED, self.tr("Breached")),
            (QueueView.OPEN, self.tr("All open cases")),
        ]
        if self.ctx.identity.is_supervisor:
            views.append((QueueView.ALL, self.tr("All cases (open and closed)")))
        else:  # a caller asks about an earlier case: found by number or phone
            views.append((QueueView.ALL, self.tr("Look up any case (closed ones too)")))
        for v, title in views:
            self.view_box.addItem(title, v.value)

    def _load_saved_filters(self) -> None:
        who = self.ctx.identity
        self.ctx.runner.run(
            lambda: self.ctx.app.preferences.filters(who),
            self._saved_filters_loaded,
            self._quiet,
            owner=self,
        )

    def _saved_filters_loaded(self, filters: list[SavedFilterView]) -> None:
        self.saved_filters = filters
        current = self.view_box.currentData()
        self.view_box.blockSignals(True)
        for i in range(self.view_box.count() - 1, -1, -1):
            if str(self.view_box.itemData(i)).startswith("filter:"):
                self.view_box.removeItem(i)
        for f in filters:
            self.view_box.addItem("★ " + f.name, f"filter:{f.id}")
        i = self.view_box.findData(current)
        if i >= 0:
            self.view_box.setCurrentIndex(i)
        self.view_box.blockSignals(False)

    def _view_changed(self) -> None:
        """Each view keeps its own filter: what was set in one does not silently hide
        cases in another."""
        data = str(self.view_box.currentData() or "")
        if self._view_key is not None:
            self._filters[self._view_key] = self.filter
        self._view_key = data
        flt = self._filters.get(data)
        if flt is None and data.startswith("filter:"):
            fid = int(data.split(":", 1)[1])
            flt = next((f.filter for f in self.saved_filters if f.id == fid), None)
        self.filter = flt if flt is not None else QueueFilter()
        if self.search.text().strip() != self.filter.text:
            self.search.setText(self.filter.text)
        self._query_changed()
        self._show_suggestions()

    def current_view(self) -> QueueView:
        data = str(self.view_box.currentData() or QueueView.MINE.value)
        if data.startswith("filter:"):
            fid = int(data.split(":", 1)[1])
            for f in self.saved_filters:
                if f.id == fid:
                    return f.view
            return QueueView.OPEN
        return QueueView(data)

    def current_query(self) -> QueueQuery:
        view = self.current_view()
        team = None
        if view is QueueView.UNASSIGNED and self.filter.class_codes == ():
            team = getattr(self.ctx.identity, "team", None)
        return QueueQuery(
            view,
            QueueSort(self.sort_box.currentData()),
            agent_id=self.ctx.identity.agent_id,
            team=team,
            filter=self.filter,
        )

    def _query_changed(self) -> None:
        query = self.current_query()
        col = COLUMNS.index("received" if query.sort is QueueSort.NEWEST else "time_left")
        order = (
            Qt.SortOrder.DescendingOrder
            if query.sort is QueueSort.NEWEST
            else Qt.SortOrder.AscendingOrder
        )
        self.table.horizontalHeader().setSortIndicator(col, order)
        self._selected_ids = []
        self._current_id = None
        self.model.set_query(query)
        self.table.scrollToTop()
        self.filter_button.setText(
            self.tr("&Filter…") if self.filter.empty else self.tr("&Filter (on)…")
        )
        self.clear_filter_button.setVisible(not self.filter.empty)

    def set_filter(self, flt: QueueFilter) -> None:
        self.filter = flt
        if self.search.text().strip() != flt.text:
            self.search.setText(flt.text)
        self._query_changed()

    def _search_changed(self) -> None:
        self._search_timer.stop()
        text = self.search.text().strip()
        if text != self.filter.text:
            from dataclasses import replace

            self.set_filter(replace(self.filter, text=text))

    def edit_filter(self) -> None:
        dlg = FilterDialog(self.reference, self.filter, self)
        if dlg.exec():
            self.set_filter(dlg.result_filter())

    def save_filter(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save filter"), self.tr("Name of this filter:")
        )
        if not ok or not name.strip():
            return
        who, view, flt = self.ctx.identity, self.current_view(), self.filter

        def saved(f: SavedFilterView) -> None:
            self.ctx.messages.info(self.tr("Filter “{0}” saved.").format(f.name))
            self._load_saved_filters()

        self.ctx.runner.run(
            lambda: self.ctx.app.preferences.save_filter(who, name, view, flt),
            saved,
            self.ctx.messages.error,
            owner=self,
        )

    def _header_clicked(self, logical: int) -> None:
        sort = SORT_COLUMNS.get(COLUMNS[logical])
        if sort is None:
            # only these orders have an index behind them: keep the current one
            self._query_changed()
            return
        i = self.sort_box.findData(sort.value)
        if i == self.sort_box.currentIndex():
            self._query_changed()
        else:
            self.sort_box.setCurrentIndex(i)

    # --- live ------------------------------------------------------------------------
    def refresh(self) -> None:
        self.model.refresh()

    def _changes(self, changes: list[Change]) -> None:
        if not self.isVisible():
            self._dirty_while_hidden = True
            return
        self._live_timer.start()

    def _online_changed(self, online: bool) -> None:
        if not online:
            self._show_stale()
        else:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if getattr(self, "_dirty_while_hidden", False):
            self._dirty_while_hidden = False
            self.refresh()

    def _remember_selection(self, *_args: object) -> None:
        if getattr(self, "_restoring", False):
            return
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        self._selected_ids = [
            int(r.id) for r in (self.model.row_at(x) for x in rows) if r is not None
        ]
        self._current_id = self.selected_case_id()
        self._show_suggestions()

    def _show_suggestions(self) -> None:
        """In the *to triage* view, the stored suggestions of the selected case."""
        triage = self.current_view() == QueueView.TO_TRIAGE
        case_id = self._current_id if triage else None
        if case_id != self.suggested.case_id:
            self.suggested.show_case(case_id)

    def _after_load(self) -> None:
        if not self.model.stale:
            self.state_label.setText("")
        if self.model.total_exact:
            self.count_label.setText(self.tr("{0} cases").format(self.model.total))
        else:  # the planner's estimate until the exact count arrives
            self.count_label.setText(self.tr("about {0} cases").format(self.model.total))
        self._restore_selection()

    def _restore_selection(self) -> None:
        """Keep the selection on the same cases when rows moved under it."""
        if not self._selected_ids:
            return
        sm = self.table.selectionModel()
        want = set(self._selected_ids)
        have = {
            r.id for r in (self.model.row_at(i.row()) for i in sm.selectedRows()) if r is not None
        }
        if have == want:
            return
        self._restoring = True
        try:
            from PySide6.QtCore import QItemSelection, QItemSelectionModel

            sel = QItemSelection()
            current = None
            for cid in self._selected_ids:
                pos = self.model.position_of(cid)
                if pos is None:
                    continue
                sel.select(self.model.index(pos, 0), self.model.index(pos, len(COLUMNS) - 1))
                if cid == self._current_id:
                    current = pos
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            sm.select(sel, flags)
            if current is not None:
                sm.setCurrentIndex(
                    self.model.index(current, self.table.currentIndex().column() or 0),
                    QItemSelectionModel.SelectionFlag.NoUpdate,
                )
        finally:
            self._restoring = False

    def _loading(self, busy: bool) -> None:
        if busy and not self.model.loaded_once:
            self.state_label.setText(self.tr("Loading…"))

    def _stale_changed(self, stale: bool) -> None:
        if stale:
            self._show_stale()
        else:
            self.state_label.setText("")

    def _show_stale(self) -> None:
        self.state_label.setText(self.tr("Not up to date: the database is not answering"))

    # --- countdown -------------------------------------------------------------------
    def visible_rows(self) -> tuple[int, int]:
        n = self.model.rowCount()
        if n == 0:
            return (0, -1)
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        if first < 0:
            return (0, min(n - 1, 40))
        return first, last if last >= 0 else n - 1

    def tick(self) -> None:
        if not self.isVisible():
            return  # nothing on screen to repaint
        first, last = self.visible_rows()
        self.model.tick(first, last)

    # --- opening a case --------------------------------------------------------------
    def _activate(self) -> None:
        case_id = self.selected_case_id()
        if case_id is not None:
            self.case_activated.emit(case_id)
            self.open_case(case_id)

    def _activate_current(self) -> None:
        self._activate()

    def open_case(self, case_id: int) -> CaseViewDialog:
        dlg = CaseViewDialog(self.ctx, case_id, self)
        self.dialogs = [d for d in self.dialogs if d.isVisible()] + [dlg]
        dlg.finished.connect(lambda _r: self.refresh())
        dlg.show()
        return dlg
