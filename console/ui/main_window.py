"""The main window composes the screens; each screen owns its widgets and services."""

from __future__ import annotations

from collections.abc import Callable

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
from console.ui.handover.screen import HandoverScreen
from console.ui.intake.form import CaseEntryScreen
from console.ui.messages import MessageBar, Messages
from console.ui.queue.screen import QueueScreen
from console.ui.runner import BackgroundRunner
from console.ui.sla_watch import SlaWatcher


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
        self.screens: dict[str, QWidget] = {}
        self._pages: list[QWidget] = []  # the screens as the stack holds them

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
        """Web-channel exports become cases (issue 4), with a progress bar."""
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
        # offline outbox (issue 7): link state and waiting items; the replay thread
        from console.ui.offline.status import LinkIndicator

        self.link_indicator = LinkIndicator(ui)
        self.statusBar().addPermanentWidget(self.link_indicator)
        app.offline.start()
        self.agent_label.setText(f"{ui.identity.display_name} ({ui.identity.username})")
        refresh = self.settings.get(REFRESH_SECONDS)
        # the change feed (issue 5): one per window, shared by the queue and the monitor
        from console.ui.queue.live import LiveFeed

        self.live_feed = LiveFeed(ui.app.engine, self)
        self.live_feed.start()
        style = self.style()
        # each role its own console: a handling unit's user gets the unit's screens only
        # (no intake, no queue to claim from, no hotline shift to hand over)
        hotline = not ui.identity.is_unit
        self.import_action.setVisible(hotline)
        screens: list[tuple[str, str, QWidget, QStyle.StandardPixmap]] = []
        if hotline:
            screens += [
                (
                    "entry",
                    self.tr("Case entry"),
                    CaseEntryScreen(ui),
                    QStyle.StandardPixmap.SP_FileDialogNewFolder,
                ),
                (
                    "queue",
                    self.tr("Queue"),
                    QueueScreen(ui, refresh_seconds=refresh, feed=self.live_feed),
                    QStyle.StandardPixmap.SP_FileDialogDetailedView,
                ),
                (
                    "handover",
                    self.tr("Shift handover"),
                    HandoverScreen(ui),
                    QStyle.StandardPixmap.SP_BrowserReload,
                ),
            ]
        # closing the loop (issue 8): unit inbox, the centre's review, callbacks
        from console.ui.loop.screens import loop_screens

        screens += loop_screens(ui, self.live_feed)
        # assessment, reports and hotspots (issue 8): supervisors and administrators only
        # (the figures of every unit and the exports are theirs to use)
        if ui.identity.is_supervisor:
            from console.ui.reports.screen import ReportsScreen

            screens.append(
                (
                    "reports",
                    self.tr("Reports"),
                    ReportsScreen(ui),
                    QStyle.StandardPixmap.SP_FileDialogInfoView,
                )
            )
        for i, (key, title, widget, icon) in enumerate(screens):
            self.screens[key] = widget
            page = _scrolling(widget)
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
        entry = self.screens.get("entry")
        queue = self.screens.get("queue")
        if isinstance(entry, CaseEntryScreen) and isinstance(queue, QueueScreen):
            entry.case_saved.connect(lambda _s: queue.refresh())
            entry.case_open_requested.connect(lambda cid: self.open_case(ui, cid))
        self.sla_watch = SlaWatcher(ui)
        self.sla_watch.start()
        if ui.identity.role == "admin":
            self._add_admin_menu(ui)
        if ui.identity.is_supervisor:
            monitor = QAction(self.tr("Shift &monitor (wall display)…"), self)
            monitor.setShortcut(keys.sequence("global.monitor"))
            monitor.triggered.connect(lambda: self.show_monitor(ui))
            self.view_menu.addSeparator()
            self.view_menu.addAction(monitor)
        # a handling unit's user starts in its inbox
        self.nav.setCurrentRow(list(self.screens).index("inbox") if ui.identity.is_unit else 0)

    def open_case(self, ui: UiContext, case_id: int) -> QWidget:
        """A case in the case window (from the caller history of the intake form)."""
        from console.ui.queue.case_view import CaseViewDialog

        dlg = CaseViewDialog(ui, case_id, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        return dlg

    def show_monitor(self, ui: UiContext) -> QWidget:
        """The supervisor's monitoring screen, in a window of its own (a wall screen)."""
        from console.ui.monitor.screen import MonitorScreen

        existing = getattr(self, "monitor_window", None)
        if existing is None:
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
        dlg = keys.KeyMapDialog(self)
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
        feed = getattr(self, "live_feed", None)
        if feed is not None:
            feed.stop()
        if self.ui is not None:  # others stop showing this console as present
            app, who = self.ui.app, self.ui.identity
            self.runner.run(lambda: app.presence.sign_out(who), None, lambda _e: None)
        self.runner.wait(5000)
        if self.ui is not None:
            self.ui.app.close()
        event.accept()


def _scrolling(screen: QWidget) -> QScrollArea:
    """A screen in a scroll area without a frame: a screen taller than the window (the
    case entry form on a 768-pixel-high workstation screen under the banners) scrolls
    instead of pushing the window's bottom, and its status bar, off the screen."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(screen)
    return area
