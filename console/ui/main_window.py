"""The main window composes the screens; each screen owns its widgets and services."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import now_utc, to_local
from console.infra.logs import RING
from console.infra.settings import REFRESH_SECONDS, Settings
from console.ui import keys, menus
from console.ui.context import UiContext
from console.ui.messages import MessageBar, Messages
from console.ui.runner import BackgroundRunner

ScreenFactory = Callable[[], QWidget]


class Screens(Mapping[str, QWidget]):
    """The window's screens by key, in navigation order. A screen is built the first
    time it is shown or asked for: the start builds only the entry form."""

    def __init__(self) -> None:
        self._factories: dict[str, ScreenFactory] = {}
        self._built: dict[str, QWidget] = {}
        self._pages: dict[str, QScrollArea] = {}

    def add(self, key: str, factory: ScreenFactory, page: QScrollArea) -> None:
        self._factories[key] = factory
        self._pages[key] = page

    def built(self, key: str) -> QWidget | None:
        return self._built.get(key)

    def __getitem__(self, key: str) -> QWidget:
        widget = self._built.get(key)
        if widget is None:
            widget = self._factories[key]()  # KeyError for an unknown screen
            self._built[key] = widget
            self._pages[key].setWidget(widget)
        return widget

    def __iter__(self) -> Iterator[str]:
        return iter(self._factories)

    def __len__(self) -> int:
        return len(self._factories)


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings, demo: bool = False) -> None:
        super().__init__()
        self.settings = settings
        self.demo = demo
        self.setWindowTitle(self._title())
        self.resize(QSize(1366, 820))
        screen = self.screen()
        if screen is not None:  # never larger than the screen (1366×768 workstations)
            avail = screen.availableGeometry().size()
            self.resize(self.size().boundedTo(avail))
        self.message_bar = MessageBar()
        self.messages = Messages(self.message_bar)
        self.runner = BackgroundRunner(self.messages.error, self)
        self.ui: UiContext | None = None
        self.screens = Screens()
        self._pages: list[QWidget] = []  # the screens as the stack holds them
        self._keys: list[str] = []
        self._live_feed: Any = None  # console.ui.queue.live.LiveFeed, started on first use
        self.sla_watch: Any = None  # console.ui.sla_watch.SlaWatcher, after the first form
        self.link_indicator: Any = None  # console.ui.offline.status.LinkIndicator
        self.monitor_window: Any = None  # console.ui.monitor.screen.MonitorScreen
        self._admin_menu: Any = None  # QMenu

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(22, 22))
        self.stack = QStackedWidget()
        self.placeholder = QLabel(self.tr("Connecting to the database…"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setObjectName("placeholder")
        self.stack.addWidget(self.placeholder)

        self.demo_banner = QLabel(
            self.tr("DEMO MODE — sample data in a separate demo database; nothing here is real")
        )
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_banner.setVisible(demo)

        body = QWidget()
        row = QVBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.demo_banner)
        row.addWidget(self.message_bar)
        inner = QWidget()

        h = QHBoxLayout(inner)
        h.setContentsMargins(4, 4, 4, 4)
        h.addWidget(self.nav)
        h.addWidget(self.stack, 1)
        row.addWidget(inner, 1)
        self.setCentralWidget(body)

        sb = self.statusBar()
        self.db_label = QLabel()
        self.station_label = QLabel()
        self.agent_label = QLabel(self.tr("Not signed in"))
        self.busy_label = QLabel()
        self.clock_label = QLabel()
        sb.addWidget(self.db_label, 1)
        for w in (self.busy_label, self.station_label, self.agent_label, self.clock_label):
            sb.addPermanentWidget(w)
        self.runner.busy_changed.connect(
            lambda n: self.busy_label.setText(self.tr("Working…") if n else "")
        )
        self._clock = QTimer(self)
        self._clock.timeout.connect(self._tick_clock)
        self._clock.start(1000)
        self._tick_clock()

        self._build_menus()
        self.nav.currentRowChanged.connect(self._show_screen)

    def _title(self) -> str:
        title = self.tr("Citizen Hotline Console")
        return title + " — " + self.tr("DEMO") if self.demo else title

    def _build_menus(self) -> None:
        m = self.menuBar()
        file_menu = m.addMenu(self.tr("&File"))
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(keys.sequence("global.settings"))
        file_menu.addAction(self.settings_action)
        self.import_action = QAction(self.tr("&Import web messages…"), self)
        self.import_action.triggered.connect(self.open_import)
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(keys.sequence("global.quit"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.view_menu = m.addMenu(self.tr("&View"))
        help_menu = m.addMenu(self.tr("&Help"))
        keymap_action = QAction(self.tr("&Keyboard map"), self)
        keymap_action.setShortcut(keys.sequence("global.keymap"))
        keymap_action.triggered.connect(self.show_keymap)
        help_menu.addAction(keymap_action)
        log_action = QAction(self.tr("Show &log"), self)
        log_action.triggered.connect(self.show_log)
        help_menu.addAction(log_action)
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)
        menus.fit_menus(m)

    def open_import(self) -> None:
        """Web-channel exports become cases, with a progress bar."""
        if self.ui is None:
            return
        from console.ui.intake.import_dialog import ImportDialog

        dlg = ImportDialog(self.ui, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()

    def _tick_clock(self) -> None:
        self.clock_label.setText(to_local(now_utc()).strftime("%Y-%m-%d %H:%M:%S"))

    # --- composition -----------------------------------------------------------------
    def set_connecting(self, masked_url: str) -> None:
        self.db_label.setText(self.tr("Database: {0} (connecting…)").format(masked_url))
        self.placeholder.setText(self.tr("Connecting to {0}…").format(masked_url))
        self.stack.setCurrentWidget(self.placeholder)

    def set_failed(self, text: str) -> None:
        self.placeholder.setText(text)

    def attach(self, ui: UiContext) -> None:
        """Build the three screens once the database is open and the agent signed in."""
        self.ui = ui
        app = ui.app
        self.db_label.setText(
            self.tr("Database: {0}").format(app.masked_url)
            + ("  [" + self.tr("DEMO") + "]" if app.demo else "")
        )
        self.station_label.setText(self.tr("Station {0}").format(app.station))
        # offline outbox: link state and waiting items; the replay thread
        from console.ui.offline.status import LinkIndicator

        self.link_indicator = LinkIndicator(ui)
        self.statusBar().addPermanentWidget(self.link_indicator)
        if app.link_up:  # started offline: the start-up brings the link up (bring_online)
            app.offline.start()
        self.agent_label.setText(f"{ui.identity.display_name} ({ui.identity.username})")
        refresh = self.settings.get(REFRESH_SECONDS)
        style = self.style()

        def entry() -> QWidget:
            from console.ui.intake.form import CaseEntryScreen

            return CaseEntryScreen(ui)

        def queue() -> QWidget:
            from console.ui.queue.screen import QueueScreen

            return QueueScreen(ui, refresh_seconds=refresh, feed=self.live_feed)

        def handover() -> QWidget:
            from console.ui.handover.screen import HandoverScreen

            return HandoverScreen(ui)

        # each role its own console: a handling unit's user gets the unit's screens only
        # (no intake, no queue to claim from, no hotline shift to hand over)
        hotline = not ui.identity.is_unit
        self.import_action.setVisible(hotline)
        screens: list[tuple[str, str, ScreenFactory, QStyle.StandardPixmap]] = []
        if hotline:
            screens += [
                (
                    "entry",
                    self.tr("Case entry"),
                    entry,
                    QStyle.StandardPixmap.SP_FileDialogNewFolder,
                ),
                ("queue", self.tr("Queue"), queue, QStyle.StandardPixmap.SP_FileDialogDetailedView),
                (
                    "handover",
                    self.tr("Shift handover"),
                    handover,
                    QStyle.StandardPixmap.SP_BrowserReload,
                ),
            ]
        # closing the loop: unit inbox, the centre's review, callbacks
        from console.ui.loop.screens import loop_screens

        screens += loop_screens(ui, lambda: self.live_feed)
        # assessment, reports and hotspots: supervisors and administrators only
        # (the figures of every unit and the exports are theirs to use)
        if ui.identity.is_supervisor:

            def reports() -> QWidget:
                from console.ui.reports.screen import ReportsScreen

                return ReportsScreen(ui)

            screens.append(
                (
                    "reports",
                    self.tr("Reports"),
                    reports,
                    QStyle.StandardPixmap.SP_FileDialogInfoView,
                )
            )
        for i, (key, title, factory, icon) in enumerate(screens):
            page = _scrolling(None)
            self.screens.add(key, factory, page)
            self._keys.append(key)
            self._pages.append(page)
            self.stack.addWidget(page)
            item = QListWidgetItem(style.standardIcon(icon), title)
            item.setSizeHint(QSize(160, 44))
            self.nav.addItem(item)
            action = QAction(title, self)
            if i < len(keys.key("global.goto").keys):
                action.setShortcut(QKeySequence(keys.key("global.goto").keys[i]))
            action.triggered.connect(self._goto(i))
            self.view_menu.addAction(action)
        if hotline:
            form = self.screens["entry"]
            form.case_saved.connect(self._case_saved)  # type: ignore[attr-defined]
            form.case_open_requested.connect(  # type: ignore[attr-defined]
                lambda cid: self.open_case(ui, cid)
            )
            # what the first form does not need starts once it takes input
            form.ready.connect(self._start_background)  # type: ignore[attr-defined]
        else:
            self._start_background()
        if ui.identity.role == "admin":
            self._add_admin_menu(ui)
        if ui.identity.is_supervisor:
            monitor = QAction(self.tr("Shift &monitor (wall display)…"), self)
            monitor.setShortcut(keys.sequence("global.monitor"))
            monitor.triggered.connect(lambda: self.show_monitor(ui))
            self.view_menu.addSeparator()
            self.view_menu.addAction(monitor)
            from console.ui.intake.suggestions import SuggestionQualityDialog

            quality = QAction(self.tr("Suggestion &quality…"), self)
            quality.triggered.connect(lambda: SuggestionQualityDialog.show_for(ui, self))
            self.view_menu.addAction(quality)
        # a handling unit's user starts in its inbox
        self.nav.setCurrentRow(self._keys.index("inbox") if ui.identity.is_unit else 0)

    def detach(self) -> None:
        """Take the screens down and close the database (the settings switched to
        another one): the window goes back to "connecting", nothing is restarted."""
        if self.ui is None:
            return
        ui, self.ui = self.ui, None
        if self._live_feed is not None:
            self._live_feed.stop()
            self._live_feed = None
        if self.sla_watch is not None:
            self.sla_watch.deleteLater()
            self.sla_watch = None
        app, who = ui.app, ui.identity
        self.runner.run(lambda: app.presence.sign_out(who), None, lambda _e: None)
        self.runner.wait(10_000)
        self.nav.blockSignals(True)
        self.nav.clear()
        self.nav.blockSignals(False)
        for page in self._pages:
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self._keys.clear()
        self.screens = Screens()
        self.view_menu.clear()
        admin = self._admin_menu
        if admin is not None:
            self.menuBar().removeAction(admin.menuAction())
            self._admin_menu = None
        indicator = self.link_indicator
        if indicator is not None:
            self.statusBar().removeWidget(indicator)
            indicator.deleteLater()
            self.link_indicator = None
        monitor = self.monitor_window
        if monitor is not None:
            monitor.close()
            monitor.deleteLater()
            self.monitor_window = None
        self.agent_label.setText(self.tr("Not signed in"))
        self.station_label.clear()
        self.stack.setCurrentWidget(self.placeholder)
        app.close()

    @property
    def live_feed(self) -> Any:
        """The change feed: one per window, shared by the queue, the loop's
        screens and the monitor; started by the first screen that needs it."""
        if self._live_feed is None:
            assert self.ui is not None
            from console.ui.queue.live import LiveFeed

            self._live_feed = LiveFeed(self.ui.app.engine, self)
            self._live_feed.start()
        return self._live_feed

    def _case_saved(self, _saved: object) -> None:
        queue = self.screens.built("queue")
        if queue is not None:  # a queue not built yet reads the case when it is
            queue.refresh()  # type: ignore[attr-defined]

    def _start_background(self) -> None:
        if self.sla_watch is not None or self.ui is None:
            return
        from console.ui.sla_watch import SlaWatcher

        self.sla_watch = SlaWatcher(self.ui)
        self.sla_watch.start()

    def open_case(self, ui: UiContext, case_id: int) -> QWidget:
        """A case in the case window (from the caller history of the intake form)."""
        from console.ui.case.view import CaseViewDialog

        dlg = CaseViewDialog(ui, case_id, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg

    def show_monitor(self, ui: UiContext) -> QWidget:
        """The supervisor's monitoring screen, in a window of its own (a wall screen)."""
        from console.ui.monitor.screen import MonitorScreen

        existing = self.monitor_window
        if existing is None:  # a first wall display (or one after the database changed)
            existing = MonitorScreen(ui, feed=self.live_feed)
            existing.setParent(self, Qt.WindowType.Window)
            existing.setWindowTitle(self.tr("Shift monitor"))
            size = QSize(1280, 720)  # a 1366×768 screen under the window's title bar
            screen = self.screen()
            if screen is not None:
                size = size.boundedTo(screen.availableGeometry().size())
            existing.resize(size)
            self.monitor_window = existing
        existing.show()
        existing.raise_()
        return existing

    def _add_admin_menu(self, ui: UiContext) -> None:
        from console.ui.admin.sla_dialogs import CalendarDialog, PoliciesDialog

        menu = self.menuBar().addMenu(self.tr("&Administration"))
        self._admin_menu = menu
        cal = QAction(self.tr("Working-day &calendar…"), self)
        cal.triggered.connect(lambda: CalendarDialog(ui, self).exec())
        menu.addAction(cal)
        pol = QAction(self.tr("SLA &policies…"), self)
        pol.triggered.connect(lambda: PoliciesDialog(ui, self).exec())
        menu.addAction(pol)
        people = QAction(self.tr("People and &accounts…"), self)
        people.triggered.connect(lambda: self.show_accounts(ui))
        menu.addAction(people)
        menus.fit_menus(self.menuBar())

    def show_accounts(self, ui: UiContext) -> QWidget:
        """Administration → People: add, disable and list the console's accounts."""
        from console.ui.admin.accounts import AccountsDialog

        dlg = AccountsDialog(ui, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg

    def _goto(self, row: int) -> Callable[[], None]:
        return lambda: self.nav.setCurrentRow(row)

    def _show_screen(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            self.screens[self._keys[row]]  # built on first show
            self.stack.setCurrentWidget(self._pages[row])

    def current_screen(self) -> QWidget | None:
        """The screen shown (inside the scroll area that keeps the window on a 1366×768
        workstation screen)."""
        page = self.stack.currentWidget()
        if isinstance(page, QScrollArea):
            return page.widget()
        return page

    # --- help ------------------------------------------------------------------------
    def show_keymap(self) -> QWidget:
        """Help → Keyboard map: every key of every screen, from the one table."""
        from console.ui.keymap import KeyMapDialog

        dlg = KeyMapDialog(self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg

    def show_log(self) -> None:
        view = QPlainTextEdit("\n".join(RING.lines))
        view.setReadOnly(True)
        view.setWindowTitle(self.tr("Console log"))
        view.resize(900, 500)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.setParent(self, Qt.WindowType.Window)
        view.show()
        self._log_view = view

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("Citizen Hotline Console 0.1\nOperator console of the 12345 city hotline."),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        feed = self._live_feed
        if feed is not None:
            feed.stop()
        if self.ui is not None:  # others stop showing this console as present
            app, who = self.ui.app, self.ui.identity
            self.runner.run(lambda: app.presence.sign_out(who), None, lambda _e: None)
        self.runner.wait(5000)
        if self.ui is not None:
            self.ui.app.close()
        event.accept()


def _scrolling(screen: QWidget | None) -> QScrollArea:
    """A screen in a scroll area without a frame: a screen taller than the window (the
    case entry form on a 768-pixel-high workstation screen under the banners) scrolls
    instead of pushing the window's bottom, and its status bar, off the screen."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    if screen is not None:
        area.setWidget(screen)
    return area
