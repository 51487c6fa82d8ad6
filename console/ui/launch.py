"""Start the GUI: translators, error hooks, the main window, then connect and sign in —
every database step in the background, the window responsive throughout."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from datetime import timedelta

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog

from console.app import (
    AppContext,
    has_cases,
    open_context,
    remove_sqlite_file,
    resolve_database_url,
)
from console.domain.clock import now_utc
from console.domain.identity import Identity
from console.infra import resources
from console.infra.credentials import with_password
from console.infra.database import is_sqlite, mask, normalize_url
from console.infra.paths import default_database_path
from console.infra.settings import (
    FIRST_START_DONE,
    IDLE_LOCK_MINUTES,
    LANGUAGE,
    LAST_USER,
    Settings,
)
from console.signin import PasswordCheck
from console.ui.context import UiContext
from console.ui.crash import install_excepthook
from console.ui.dialogs import FirstStartDialog, SettingsDialog, SignInDialog
from console.ui.gc import GuiThreadCollector
from console.ui.i18n import install_translators
from console.ui.idle_lock import IdleLock
from console.ui.intake.form import CaseEntryScreen
from console.ui.main_window import MainWindow
from console.ui.qtlog import install_qt_message_handler

log = logging.getLogger("console.ui")
STARTED_AT_IMPORT_S = 0.0  # set by run_gui: time spent before the window existed

QSS = resources.style_sheet()
DEMO_MAX_AGE = timedelta(hours=12)


def open_demo(settings: Settings) -> AppContext:
    """The demo database is disposable: rebuilt when missing or older than 12 hours, so
    its countdowns are alive whenever someone looks."""
    path = default_database_path(demo=True)
    url = f"sqlite:///{path}"
    if path.exists() and time.time() - path.stat().st_mtime > DEMO_MAX_AGE.total_seconds():
        remove_sqlite_file(url)
    ctx = open_context(url, settings, demo=True)
    if not has_cases(ctx.sessions):
        from console.seed.demo import seed_demo

        started = time.perf_counter()
        stats = seed_demo(ctx.sessions, station=ctx.station, now=now_utc(), calendar=ctx.calendar)
        log.info("demo week seeded: %d cases in %.1f s", stats.total, time.perf_counter() - started)
    return ctx


class Startup(QObject):
    """first start → connect (worker) → sign in → screens."""

    def __init__(self, window: MainWindow, settings: Settings, args: argparse.Namespace) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.args = args
        self.demo = bool(args.demo)
        self.ctx: AppContext | None = None
        self.check: PasswordCheck | None = None  # the idle lock's (issue 7)
        self.idle_lock: IdleLock | None = None
        self.started = time.perf_counter()

    def start(self) -> None:
        explicit = self.args.database or os.environ.get("CONSOLE_DATABASE_URL")
        if not explicit and not self.demo and not self.settings.get(FIRST_START_DONE):
            dlg = FirstStartDialog(self.window)
            dlg.exec()
            self.demo = dlg.choice == "demo"
            self.settings.set(FIRST_START_DONE, True)
            self.settings.save()
        self.window.demo = self.demo
        self.window.demo_banner.setVisible(self.demo)
        self.window.setWindowTitle(self.window._title())
        self.open_database()

    def open_database(self) -> None:
        url = resolve_database_url(
            self.args.database or os.environ.get("CONSOLE_DATABASE_URL"), self.settings, self.demo
        )
        self.window.set_connecting(mask(url))
        if not self.demo and not is_sqlite(url):
            # the central database: each person signs in as their own login (issue 7)
            self._central_sign_in(url)
            return
        if self.demo:
            job = lambda: open_demo(self.settings)  # noqa: E731
        else:
            job = lambda: open_context(with_password(url), self.settings)  # noqa: E731
        self.window.runner.run(job, self._opened, self._failed, owner=self.window)

    def _central_sign_in(self, url: str) -> None:
        from console.ui.signin import CentralSignInDialog

        prefill = (
            self.args.user or self.settings.get(LAST_USER) or normalize_url(url).username or ""
        )
        dlg = CentralSignInDialog(url, self.settings, self.window.runner, prefill, self.window)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.result_ is None:
            self.window.close()
            return
        self.check = dlg.check
        self.ctx = dlg.result_.ctx
        log.info("signed in after %.2f s", time.perf_counter() - self.started)
        self._signed_in(dlg.result_.identity)

    def _start_idle_lock(self, identity: Identity) -> None:
        assert self.ctx is not None
        check = self.check or PasswordCheck(self.ctx.url, identity)
        minutes = self.settings.get(IDLE_LOCK_MINUTES)
        self.idle_lock = IdleLock(self.window, check, self.window.runner, minutes * 60_000)

    def _failed(self, exc: BaseException) -> None:
        log.warning("could not open the database: %s", exc)
        self.window.set_failed(self.tr("The database could not be opened."))
        self.window.messages.error(exc, action=(self.tr("Retry"), self.open_database))
        self.window.settings_action.triggered.connect(self._settings)

    def _settings(self) -> None:
        SettingsDialog(self.settings, self.window.runner, self.window).exec()

    def _opened(self, ctx: AppContext) -> None:
        self.ctx = ctx
        log.info("database open after %.2f s", time.perf_counter() - self.started)
        if ctx.demo and self.args.user:
            # the demo has no passwords: --user signs in directly
            user = str(self.args.user)
            self.window.runner.run(
                lambda: ctx.agents.sign_in(user), self._signed_in, owner=self.window
            )
            return
        prefill = (
            self.args.user or self.settings.get(LAST_USER) or ("agent01" if ctx.demo else "admin")
        )
        dlg = SignInDialog(ctx, self.window.runner, prefill=prefill, parent=self.window)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.identity is None:
            self.window.close()
            return
        self._signed_in(dlg.identity)

    def _signed_in(self, identity: Identity) -> None:
        assert self.ctx is not None
        self.settings.set(LAST_USER, identity.username)
        self.settings.save()
        ui = UiContext(self.ctx, identity, self.window.runner, self.window.messages)
        self.window.attach(ui)
        self._start_idle_lock(identity)
        self.window.settings_action.triggered.connect(self._settings)
        entry = self.window.screens.get("entry")
        if isinstance(entry, CaseEntryScreen):
            entry.ready.connect(self._ready)
        else:  # a handling unit's console has no intake form to wait for
            self._ready()

    def _ready(self) -> None:
        elapsed = time.perf_counter() - self.started
        log.info("usable window after %.2f s", elapsed)
        if getattr(self.args, "exit_when_ready", False):
            print(f"ready_s={elapsed + STARTED_AT_IMPORT_S:.3f}", flush=True)
            self.window.close()


def load_style() -> str:
    try:
        return QSS.read_text(encoding="utf-8")
    except OSError:
        return ""


def run_gui(args: argparse.Namespace, process_start: float | None = None) -> int:
    global STARTED_AT_IMPORT_S
    if process_start is not None:
        STARTED_AT_IMPORT_S = time.perf_counter() - process_start
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("hotline-console")
    app.setApplicationDisplayName("12345")
    install_qt_message_handler()
    install_excepthook()
    settings = Settings()
    language = args.lang or settings.get(LANGUAGE)
    translators = install_translators(app, language)
    app.setStyleSheet(load_style())
    collector = GuiThreadCollector(app)
    collector.start()
    window = MainWindow(settings, demo=bool(args.demo))
    startup = Startup(window, settings, args)
    window.show()
    startup.start()
    rc = app.exec()
    del translators
    return int(rc)
