"""The queue screen: views and saved filters, sort by time left, live countdowns, live
updates from the change feed, claiming and assignment, one keystroke to open a case."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.services.claims import (
    AlreadyClaimed,
    AssignResult,
    AutoAssignResult,
    CaseNotOpen,
    Claimed,
)
from console.services.errors import ServiceError
from console.services.preferences import ColumnLayout, SavedFilterView
from console.services.queue import QueueFilter, QueueQuery, QueueSort, QueueView, Window
from console.services.reference import ReferenceData
from console.sync import Change
from console.ui.context import UiContext
from console.ui.errors import is_environment_error
from console.ui.queue.case_view import CaseViewDialog
from console.ui.queue.filters import FilterDialog
from console.ui.queue.live import LiveFeed
from console.ui.queue.model import (
    CASE_ID_ROLE,
    COL_TIME_LEFT,
    COLUMNS,
    DEFAULT_HIDDEN,
    QueueModel,
    WindowRequest,
    fetch_window,
    header_title,
)
from console.ui.queue.table import QueueTable

DEFAULT_WIDTHS = dict(
    zip(
        COLUMNS,
        (130, 150, 90, 80, 80, 110, 70, 110, 300, 70, 150, 90, 110, 90, 100),
        strict=True,
    )
)
SORT_COLUMNS = {"time_left": QueueSort.TIME_LEFT, "received": QueueSort.NEWEST}
HEARTBEAT_MS = 30_000
LIVE_DEBOUNCE_MS = 80


class QueueScreen(QWidget):
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
        self.save_filter_button = QPushButton(self.tr("Save filter…"))
        self.claim_next_button = QPushButton(self.tr("Claim &next"))
        self.claim_next_button.setToolTip(self.tr("Take the most urgent unassigned case (Ctrl+N)"))
        self.claim_button = QPushButton(self.tr("&Claim"))
        self.claim_button.setToolTip(self.tr("Take the selected case (Ctrl+M)"))
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

        self.view_box.currentIndexChanged.connect(self._view_changed)
        self.sort_box.currentIndexChanged.connect(self._query_changed)
        self.search.returnPressed.connect(self._search_changed)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(400)
        self._search_timer.timeout.connect(self._search_changed)
        self.search.textEdited.connect(lambda _t: self._search_timer.start())
        self.filter_button.clicked.connect(self.edit_filter)
        self.save_filter_button.clicked.connect(self.save_filter)
        self.claim_next_button.clicked.connect(self.claim_next)
        self.claim_button.clicked.connect(self.claim_selected)
        self.assign_button.clicked.connect(self.assign_selected)
        self.auto_button.clicked.connect(self.auto_assign)
        self.refresh_button.clicked.connect(self.refresh)
        self.model.window_loaded.connect(self._after_load)
        self.model.loading_changed.connect(self._loading)
        self.model.stale_changed.connect(self._stale_changed)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.refresh)
        QShortcut(QKeySequence("Ctrl+N"), self, self.claim_next)
        QShortcut(QKeySequence("Ctrl+M"), self, self.claim_selected)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search.setFocus)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, self._activate_current)

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
        data = str(self.view_box.currentData() or "")
        if data.startswith("filter:"):
            fid = int(data.split(":", 1)[1])
            for f in self.saved_filters:
                if f.id == fid:
                    self.filter = f.filter
                    self.search.setText(f.filter.text)
        self._query_changed()

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

    # --- columns: choice, order and widths, remembered per user -----------------------
    def _apply_layout(self, layout: ColumnLayout | None) -> None:
        header = self.table.horizontalHeader()
        self._restoring_layout = True
        try:
            if layout is None or not layout.visible:
                visible = [c for c in COLUMNS if c not in DEFAULT_HIDDEN]
                widths = DEFAULT_WIDTHS
            else:
                visible = [c for c in layout.visible if c in COLUMNS]
                widths = {**DEFAULT_WIDTHS, **layout.widths}
            if "time_left" not in visible:
                visible.insert(0, "time_left")
            order = visible + [c for c in COLUMNS if c not in visible]
            for target, name in enumerate(order):
                logical = COLUMNS.index(name)
                header.moveSection(header.visualIndex(logical), target)
                header.setSectionHidden(logical, name not in visible)
                self.table.setColumnWidth(logical, int(widths.get(name, 100)))
        finally:
            self._restoring_layout = False

    def column_layout(self) -> ColumnLayout:
        header = self.table.horizontalHeader()
        order = sorted(range(len(COLUMNS)), key=header.visualIndex)
        visible = tuple(COLUMNS[i] for i in order if not header.isSectionHidden(i))
        widths = {COLUMNS[i]: header.sectionSize(i) for i in order if header.sectionSize(i)}
        return ColumnLayout(visible, widths)

    def _layout_changed(self) -> None:
        if not self._restoring_layout:
            self._layout_timer.start()

    def _save_layout(self) -> None:
        who, layout = self.ctx.identity, self.column_layout()
        self.ctx.runner.run(
            lambda: self.ctx.app.preferences.save_columns(who, layout),
            None,
            self._quiet,
            owner=self,
        )

    def set_column_visible(self, name: str, visible: bool) -> None:
        if name == "time_left":
            return  # the countdown always stays
        self.table.horizontalHeader().setSectionHidden(COLUMNS.index(name), not visible)
        self._layout_changed()

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for i in sorted(range(len(COLUMNS)), key=header.visualIndex):
            name = COLUMNS[i]
            act = QAction(header_title(name), menu)
            act.setCheckable(True)
            act.setChecked(not header.isSectionHidden(i))
            act.setEnabled(name != "time_left")
            act.toggled.connect(lambda on, n=name: self.set_column_visible(n, on))
            menu.addAction(act)
        menu.popup(header.mapToGlobal(pos))

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

    # --- claiming and assigning ----------------------------------------------------------
    def selected_case_id(self) -> int | None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        value = self.model.index(idx.row(), COL_TIME_LEFT).data(CASE_ID_ROLE)
        return int(value) if value is not None else None

    def selected_case_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.index(r, COL_TIME_LEFT).data(CASE_ID_ROLE) for r in rows]
        return [int(i) for i in ids if i is not None]

    def _claim_failed(self, exc: BaseException) -> None:
        if isinstance(exc, AlreadyClaimed):
            self.ctx.messages.warning(
                self.tr("Case {0} was taken by {1} a moment ago.").format(exc.number, exc.holder)
            )
            self.refresh()
        elif isinstance(exc, CaseNotOpen):
            self.ctx.messages.warning(self.tr("Case {0} is no longer open.").format(exc.number))
            self.refresh()
        elif isinstance(exc, ServiceError):
            self.ctx.messages.warning(str(exc))
        else:
            self.ctx.messages.error(exc)

    def _claimed(self, c: Claimed | None) -> None:
        if c is None:
            self.ctx.messages.info(self.tr("Nothing to claim: the team queue is empty."))
            return
        if c.already_mine:
            self.ctx.messages.info(self.tr("Case {0} is already yours.").format(c.number))
        else:
            self.ctx.messages.info(self.tr("Case {0} is now yours.").format(c.number))
        self.refresh()

    def claim_next(self) -> None:
        who = self.ctx.identity
        self.ctx.runner.run(
            lambda: self.ctx.app.claims.claim_next(who, who.team),
            self._claimed,
            self._claim_failed,
            owner=self,
        )

    def claim_selected(self) -> None:
        case_id = self.selected_case_id()
        if case_id is None:
            return
        who = self.ctx.identity
        self.ctx.runner.run(
            lambda: self.ctx.app.claims.claim(case_id, who),
            self._claimed,
            self._claim_failed,
            owner=self,
        )

    def assign_selected(self, agent_id: int | None = None) -> None:
        ids = self.selected_case_ids()
        if not ids:
            return
        wanted = set(ids)
        # the holders this supervisor saw: a case that changed hands since is not taken
        seen = {r.id: r.assignee_id for r in self.model.rows if r.id in wanted}
        if agent_id is None:
            self.ctx.runner.run(
                self.ctx.app.agents.active,
                lambda agents: self._choose_agent(ids, seen, agents),
                self.ctx.messages.error,
                owner=self,
            )
            return
        self._assign(ids, seen, agent_id)

    def _choose_agent(self, ids: list[int], seen: dict[int, int | None], agents: Any) -> None:
        names = [f"{a.display_name} ({a.username})" for a in agents]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Assign"),
            self.tr("Assign {0} case(s) to:").format(len(ids)),
            names,
            0,
            False,
        )
        if ok and name in names:
            self._assign(ids, seen, agents[names.index(name)].id)

    def _assign(self, ids: list[int], seen: dict[int, int | None], agent_id: int) -> None:
        who = self.ctx.identity

        def done(res: AssignResult) -> None:
            msg = self.tr("{0} case(s) assigned.").format(len(res.assigned))
            if res.conflicts:
                msg += " " + self.tr("{0} changed meanwhile and were left alone: {1}").format(
                    len(res.conflicts), "、".join(c.number for c in res.conflicts)
                )
                self.ctx.messages.warning(msg)
            else:
                self.ctx.messages.info(msg)
            self.refresh()

        self.ctx.runner.run(
            lambda: self.ctx.app.claims.assign(ids, agent_id, who, expected=seen),
            done,
            self._claim_failed,
            owner=self,
        )

    def auto_assign(self) -> None:
        who = self.ctx.identity
        team = self.filter.class_codes[0] if len(self.filter.class_codes) == 1 else None

        def done(res: AutoAssignResult) -> None:
            self.ctx.messages.info(
                self.tr("{0} case(s) shared among {1} agent(s).").format(
                    res.total, len(res.by_agent)
                )
            )
            self.refresh()

        self.ctx.runner.run(
            lambda: self.ctx.app.claims.auto_assign(who, team=team),
            done,
            self._claim_failed,
            owner=self,
        )

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
