"""Start the GUI: translators, error hooks, the main window, then connect and sign in —
every database step in the background, the window responsive throughout.

The start path builds only what the first usable entry form needs: the other screens
are built on first show, the change feed and the SLA watcher start once the form takes
input, and the rest of the reference data (knowledge base, routing rules) and the demo
week are seeded after that, in the background.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from console.app import AppContext, resolve_database_url
from console.domain.identity import Identity
from console.infra import resources
from console.infra.database import is_sqlite, mask, normalize_url
from console.infra.logs import enable_crash_log
from console.infra.settings import (
    FIRST_START_DONE,
    IDLE_LOCK_MINUTES,
    LANGUAGE,
    LAST_USER,
    Settings,
)
from console.ui.crash import install_excepthook, route_failures
from console.ui.gc import GuiThreadCollector
from console.ui.i18n import install_translators
from console.ui.main_window import MainWindow
from console.ui.qtlog import install_qt_message_handler

if TYPE_CHECKING:
    from console.signin import PasswordCheck, SignedIn
    from console.ui.context import UiContext
    from console.ui.idle_lock import IdleLock

log = logging.getLogger("console.ui")
STARTED_AT_IMPORT_S = 0.0  # set by run_gui: time spent before the window existed

QSS = resources.style_sheet()
DEMO_MAX_AGE = timedelta(hours=12)
DEMO_BUSY_TIMEOUT_MS = 60_000
#: the environment variable the password of ``--user`` is read from (checks, kiosks)
PASSWORD_ENV = "HOTLINE_PASSWORD"
#: seconds --exit-when-ready waits at most for the work after the form before it exits
EXIT_WAIT_S = 30.0
#: seconds between two attempts to bring an offline start online (then doubling)
RECONNECT_FIRST_S = 2.0
RECONNECT_MAX_S = 30.0


def open_demo(settings: Settings) -> tuple[AppContext, bool]:
    """The demo database is disposable: rebuilt when missing or older than 12 hours, so
    its countdowns are alive whenever someone looks. Returns the context and whether
    its demo week is still to be built (``build_demo_week``, after the first form): the
    demo agents are there at once, so signing in does not wait for the week."""
    from console.app import has_cases, open_context, remove_sqlite_file
    from console.infra.paths import default_database_path

    path = default_database_path(demo=True)
    url = f"sqlite:///{path}"
    if path.exists() and time.time() - path.stat().st_mtime > DEMO_MAX_AGE.total_seconds():
        remove_sqlite_file(url)
    ctx = open_context(url, settings, demo=True, defer_seed=True)
    if has_cases(ctx.sessions):
        return ctx, False
    from sqlalchemy import event

    from console.seed.demo import seed_demo_agents

    with ctx.sessions() as s, s.begin():
        seed_demo_agents(s)
    # the week is written in one transaction of some seconds: meanwhile the screens'
    # queries wait for it rather than fail after SQLite's usual five seconds
    event.listen(ctx.engine, "connect", _patient_sqlite)
    ctx.engine.dispose()
    return ctx, True


def _patient_sqlite(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={DEMO_BUSY_TIMEOUT_MS}")
    cur.close()


def build_demo_week(ctx: AppContext) -> int:
    """Blocking (seconds): call off the GUI thread."""
    from console.domain.clock import now_utc
    from console.seed.demo import seed_demo

    started = time.perf_counter()
    ctx.seed_deferred()
    stats = seed_demo(ctx.sessions, station=ctx.station, now=now_utc(), calendar=ctx.calendar)
    log.info("demo week seeded: %d cases in %.1f s", stats.total, time.perf_counter() - started)
    return stats.total


def remembered_password(url: str, username: str) -> str | None:
    """``HOTLINE_PASSWORD``, else the keyring's password for this person here."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    from console.infra.credentials import remembered

    return remembered(url, username)


class Startup(QObject):
    """first start → connect (worker) → sign in → screens."""

    def __init__(self, window: MainWindow, settings: Settings, args: argparse.Namespace) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.args = args
        self.demo = bool(args.demo)
        self.ctx: AppContext | None = None
        self.check: PasswordCheck | None = None  # the idle lock's
        self.idle_lock: IdleLock | None = None
        self.started = time.perf_counter()
        self.demo_week_pending = False
        self._password: str | None = None  # offline start only: to bring the link up
        self._reconnect_s = RECONNECT_FIRST_S
        self._reconnect = QTimer(self)
        self._reconnect.setSingleShot(True)
        self._reconnect.timeout.connect(self._try_online)
        self._settings_connected = False
        self._was_ready = False
        self._ui: UiContext | None = None  # signed in, its phone not started yet
        self.exit_code = 0

    @property
    def exit_when_ready(self) -> bool:
        return bool(getattr(self.args, "exit_when_ready", False))

    def start(self) -> None:
        explicit = self.args.database or os.environ.get("CONSOLE_DATABASE_URL")
        # the first start's question (demo or a real database?) is for a person: an
        # unattended check (--exit-when-ready) starts on the embedded database and leaves
        # the question for the first person who starts the console here
        if (
            not explicit
            and not self.demo
            and not self.exit_when_ready
            and not self.settings.get(FIRST_START_DONE)
        ):
            from console.ui.dialogs import FirstStartDialog

            dlg = FirstStartDialog(self.window)
            dlg.exec()
            self.demo = dlg.choice == "demo"
            self.settings.set(FIRST_START_DONE, True)
            self.settings.save()
        self._show_demo(self.demo)
        if not self._settings_connected:
            self.window.settings_action.triggered.connect(self._settings)
            self._settings_connected = True
        self.open_database()

    def _show_demo(self, demo: bool) -> None:
        self.window.demo = demo
        self.window.demo_banner.setVisible(demo)
        self.window.setWindowTitle(self.window._title())

    def open_database(self) -> None:
        url = resolve_database_url(
            self.args.database or os.environ.get("CONSOLE_DATABASE_URL"), self.settings, self.demo
        )
        self.window.set_connecting(mask(url))
        if not self.demo and not is_sqlite(url):
            # the central database: each person signs in as their own login
            self._central_sign_in(url)
            return
        if self.demo:
            settings = self.settings

            def job() -> AppContext:
                ctx, pending = open_demo(settings)
                self.demo_week_pending = pending
                return ctx
        else:
            from console.app import open_context
            from console.infra.credentials import with_password

            def job() -> AppContext:
                return open_context(with_password(url), self.settings, defer_seed=True)

        self.window.runner.run(job, self._opened, self._failed, owner=self.window)

    # --- the central database ------------------------------------------------------
    def _central_sign_in(self, url: str) -> None:
        user = str(self.args.user or "").strip()
        password = remembered_password(url, user) if user else None
        if user and password:
            # --user with a password at hand (keyring, HOTLINE_PASSWORD): no dialog
            from console.signin import sign_in

            settings = self.settings
            self.window.runner.run(
                lambda: sign_in(url, settings, user, password),
                lambda done: self._central_signed_in(done, password),
                lambda exc: self._central_failed(url, exc),
                owner=self.window,
            )
            return
        if self.exit_when_ready:
            self._give_up(self.tr("No password for {0}: set {1}.").format(user, PASSWORD_ENV))
            return
        self._sign_in_dialog(url, user, None)

    def _sign_in_dialog(self, url: str, prefill: str, error: str | None) -> None:
        from console.ui.signin import CentralSignInDialog

        name = prefill or self.settings.get(LAST_USER) or normalize_url(url).username or ""
        dlg = CentralSignInDialog(url, self.settings, self.window.runner, name, self.window)
        if error:
            dlg.error.setText(error)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.result_ is None:
            self.window.close()
            return
        self.check = dlg.check
        self._central_signed_in(dlg.result_, dlg.password_used)

    def _central_signed_in(self, done: SignedIn, password: str | None) -> None:
        from console.signin import PasswordCheck

        self.ctx = done.ctx
        if self.check is None:
            self.check = PasswordCheck(done.ctx.url, done.identity, password)
        if done.offline:
            self._password = password
        log.info(
            "signed in %s after %.2f s",
            "offline" if done.offline else "online",
            time.perf_counter() - self.started,
        )
        self._signed_in(done.identity)
        if done.offline:
            self.window.messages.warning(
                self.tr(
                    "The central database does not answer: signed in offline. Cases are kept "
                    "in this workstation's outbox and sent when it answers again."
                )
            )
            self._reconnect.start(int(self._reconnect_s * 1000))

    def _central_failed(self, url: str, exc: BaseException) -> None:
        from console.ui.signin import sign_in_error_text

        text = sign_in_error_text(exc)
        if self.exit_when_ready:
            self._give_up(text)
            return
        self._sign_in_dialog(url, str(self.args.user or ""), text)

    def _give_up(self, text: str) -> None:
        print(f"error: {text}", file=sys.stderr, flush=True)
        self.exit_code = 1
        QTimer.singleShot(0, self.window.close)  # inside the event loop, which then ends

    def _try_online(self) -> None:
        ctx, name = self.ctx, self.window.ui.identity.username if self.window.ui else None
        if ctx is None or ctx.link_up or name is None:
            return
        from console.signin import bring_online

        self.window.runner.run(
            lambda: bring_online(ctx, name), self._online, self._still_offline, owner=self.window
        )

    def _online(self, identity: Identity) -> None:
        assert self.ctx is not None
        self._password = None
        self.ctx.offline.start()  # its first probe finds the link up and sends the outbox
        self.window.station_label.setText(self.tr("Station {0}").format(self.ctx.station))
        self.window.messages.info(self.tr("The central database answers again: online."))
        self._refresh_form_reference()

    def _refresh_form_reference(self) -> None:
        """Reference data changed centrally while offline reaches the entry form; a
        form being filled in keeps its lists until the next case (its case is accepted
        against what it chose: the server keeps old categories and policies)."""
        entry, ctx = self.window.screens.built("entry"), self.ctx
        if entry is None or ctx is None:
            return

        def arrived(ref: object) -> None:
            busy = entry.phone.text().strip() or entry.description.toPlainText().strip()  # type: ignore[attr-defined]
            if ref != entry.ref and not busy:  # type: ignore[attr-defined]
                entry._reference_loaded(ref)  # type: ignore[attr-defined]

        self.window.runner.run(ctx.load_reference, arrived, lambda _e: None, owner=entry)

    def _still_offline(self, exc: BaseException) -> None:
        from console.signin import CredentialsRefused

        if isinstance(exc, CredentialsRefused):
            # the server no longer takes the password this start was checked against
            self.window.messages.warning(
                self.tr(
                    "The central database answers but refused your password (changed or "
                    "account disabled): sign in again. Cases you saved stay in the outbox."
                )
            )
            if self.idle_lock is not None:
                self.idle_lock.lock()
            return
        log.info("still offline: %s", exc.__class__.__name__)
        self._reconnect_s = min(self._reconnect_s * 2, RECONNECT_MAX_S)
        self._reconnect.start(int(self._reconnect_s * 1000))

    # --- the embedded database -------------------------------------------------------
    def _start_idle_lock(self, identity: Identity) -> None:
        assert self.ctx is not None
        from console.signin import PasswordCheck
        from console.ui.idle_lock import IdleLock

        check = self.check or PasswordCheck(self.ctx.url, identity)
        minutes = self.settings.get(IDLE_LOCK_MINUTES)
        self.idle_lock = IdleLock(self.window, check, self.window.runner, minutes * 60_000)

    def _failed(self, exc: BaseException) -> None:
        log.warning("could not open the database: %s", exc)
        if self.exit_when_ready:
            self._give_up(f"{exc.__class__.__name__}: {exc}")
            return
        self.window.set_failed(self.tr("The database could not be opened."))
        self.window.messages.error(exc, action=(self.tr("Retry"), self.open_database))

    def _settings(self) -> None:
        from console.ui.dialogs import SettingsDialog

        before = resolve_database_url(self.args.database, self.settings, self.demo)
        dlg = SettingsDialog(self.settings, self.window.runner, self.window)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        # the database chosen in the settings now beats --database and the demo
        after = resolve_database_url(None, self.settings, False)
        if after != before:
            self.switch_database()

    def switch_database(self) -> None:
        """Open the database the settings now name, without a restart."""
        log.info("switching the database")
        self.args.database = None
        os.environ.pop("CONSOLE_DATABASE_URL", None)
        self.demo = False
        self._show_demo(False)
        self._reconnect.stop()
        if self.idle_lock is not None:
            self.idle_lock.stop()
            self.idle_lock.deleteLater()
            self.idle_lock = None
        self.check = None
        self.window.detach()
        self.ctx = None
        self._was_ready = False
        self.open_database()

    def _opened(self, ctx: AppContext) -> None:
        self.ctx = ctx
        log.info("database open after %.2f s", time.perf_counter() - self.started)
        if self.args.user:
            # the embedded database has no passwords: --user signs in directly
            user = str(self.args.user)
            self.window.runner.run(
                lambda: ctx.agents.sign_in(user),
                self._signed_in,
                self._user_refused,
                owner=self.window,
            )
            return
        self._embedded_sign_in_dialog(ctx)

    def _user_refused(self, exc: BaseException) -> None:
        """--user names nobody active here: the sign-in dialog (or, checking, an error)."""
        if self.exit_when_ready or self.ctx is None:
            self._failed(exc)
            return
        self._embedded_sign_in_dialog(self.ctx)

    def _embedded_sign_in_dialog(self, ctx: AppContext) -> None:
        from console.ui.dialogs import SignInDialog

        prefill = self.settings.get(LAST_USER) or ("agent01" if ctx.demo else "admin")
        dlg = SignInDialog(ctx, self.window.runner, prefill=prefill, parent=self.window)
        if dlg.exec() != QDialog.DialogCode.Accepted or dlg.identity is None:
            self.window.close()
            return
        self._signed_in(dlg.identity)

    def _signed_in(self, identity: Identity) -> None:
        assert self.ctx is not None
        self.settings.set(LAST_USER, identity.username)
        self.settings.save()
        from console.ui.context import UiContext

        ui = UiContext(self.ctx, identity, self.window.runner, self.window.messages)
        self.window.attach(ui)
        self._ui = ui
        self._start_idle_lock(identity)
        entry = self.window.screens.get("entry")
        if entry is not None and hasattr(entry, "ready"):
            entry.ready.connect(self._ready)
        else:  # a handling unit's console has no intake form to wait for
            self._ready()

    def _ready(self) -> None:
        if self._was_ready:  # the form says so again after its lists were refreshed
            return
        self._was_ready = True
        elapsed = time.perf_counter() - self.started
        ctx = self.ctx
        link = "online" if ctx is not None and ctx.link_up else "offline"
        log.info("usable window after %.2f s (%s)", elapsed, link)
        if self.exit_when_ready:
            print(f"ready_s={elapsed + STARTED_AT_IMPORT_S:.3f} link={link}", flush=True)
        ui, self._ui = self._ui, None
        if ui is not None:  # the phone once the form takes input (screen pop, agent state)
            from console.ui.telephony.setup import start_telephony

            start_telephony(self.window, ui, self.args)
        if ctx is not None:
            self._after_ready(ctx)
        if self.exit_when_ready:
            # the work that follows a real start (the demo week, seeding, the offline
            # start file) is finished before leaving, so the next start finds it done
            self._close_when_idle()

    def _close_when_idle(self) -> None:
        waited = time.perf_counter() - self.started
        if self.window.runner.in_flight and waited < EXIT_WAIT_S:
            QTimer.singleShot(50, self._close_when_idle)
        else:  # what is still running is rolled back and done again at the next start
            self.window.close()

    def _after_ready(self, ctx: AppContext) -> None:
        """What the first form did not need, in the background, one after the other."""
        runner, messages = self.window.runner, self.window.messages
        if self.demo_week_pending:
            self.demo_week_pending = False
            messages.info(self.tr("Building the demo week in the background…"))

            def built(total: int) -> None:
                messages.info(self.tr("The demo week is ready: {0} cases.").format(total))
                queue = self.window.screens.built("queue")
                if queue is not None:
                    queue.refresh()  # type: ignore[attr-defined]

            runner.run(lambda: build_demo_week(ctx), built, owner=self.window)
        elif ctx.seed_pending:
            runner.run(ctx.seed_deferred, None, lambda e: log.warning("seeding: %s", e))
        if ctx.link_up and not ctx.embedded:
            # what the next start needs if the central database is down then
            runner.run(
                ctx.refresh_start_cache,
                None,
                lambda e: log.warning("offline start file not refreshed: %s", e),
            )


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
    enable_crash_log()
    settings = Settings()
    language = args.lang or settings.get(LANGUAGE)
    translators = install_translators(app, language)
    app.setStyleSheet(load_style())
    collector = GuiThreadCollector(app)
    collector.start()
    window = MainWindow(settings, demo=bool(args.demo))
    route_failures(window.messages.error)  # a refusal that escapes a screen: a message
    startup = Startup(window, settings, args)
    window.show()
    startup.start()
    # closed before the event loop ran (a sign-in cancelled, or given up at once)
    rc = app.exec() if window.isVisible() else 0
    del translators
    return int(rc) or startup.exit_code
