"""The composition root: builds the engine, the services and the settings.

No Qt here: the GUI calls ``AppContext.open`` in a background worker, and the
administrator's command line calls it directly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import URL, Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from console import migrations
from console.domain.identity import Identity
from console.domain.workcalendar import WorkCalendar
from console.infra.database import is_sqlite, make_engine, make_session_factory, mask, normalize_url
from console.infra.paths import default_database_url
from console.infra.settings import DATABASE_URL, Settings
from console.services.agents import AgentService
from console.services.cases import CaseService
from console.services.handover import HandoverService
from console.services.numbers import register_workstation, station_known
from console.services.queue import QueueService
from console.services.reference import ReferenceService
from console.services.sla import SlaService, load_calendar

log = logging.getLogger("console.app")


class SchemaOutdated(Exception):
    """The central database is behind this console's migrations."""


class DatabaseUnavailable(Exception):
    """The database could not be reached or opened (an environment problem)."""


def resolve_database_url(cli_url: str | None, settings: Settings, demo: bool) -> str:
    """--database beats the settings file, which beats the embedded default."""
    if demo:
        return default_database_url(demo=True)
    return cli_url or settings.get(DATABASE_URL) or default_database_url()


@dataclass
class AppContext:
    url: str
    demo: bool
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    station: str
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    identity: Identity | None = None

    def __post_init__(self) -> None:
        self.cases = CaseService(self.sessions, lambda: self.calendar, lambda: self.station)
        self.queue = QueueService(self.sessions)
        self.handover = HandoverService(self.sessions)
        self.reference = ReferenceService(self.sessions)
        self.agents = AgentService(self.sessions)
        # queue (issue 5): claims and assignment, presence, saved filters and columns
        from console.services.claims import ClaimService
        from console.services.monitor import MonitorService
        from console.services.preferences import PreferenceService
        from console.services.presence import PresenceService

        self.claims = ClaimService(self.sessions, lambda: self.station)
        self.presence = PresenceService(self.sessions, lambda: self.station)
        self.preferences = PreferenceService(self.sessions)
        self.monitor = MonitorService(self.sessions)
        # intake (issue 4): caller history, knowledge base, routing, duplicates, import
        from console.services.callers import CallerService
        from console.services.duplicates import DuplicateService
        from console.services.importer import ImportService
        from console.services.intake import IntakeService
        from console.services.knowledge import KnowledgeService
        from console.services.routing import RoutingService

        self.callers = CallerService(self.sessions)
        self.knowledge = KnowledgeService(self.sessions)
        self.routing = RoutingService(self.sessions, lambda: self.calendar)
        self.duplicates = DuplicateService(self.sessions)
        self.intake = IntakeService(self.cases, lambda: self.station)
        self.importer = ImportService(self.sessions, lambda: self.station, lambda: self.calendar)
        self.sla = SlaService(self.sessions, lambda: self.calendar, lambda: self.station)
        # assessment, reports and hotspots (issue 8)
        from console.services.assessment import AssessmentService
        from console.services.hotspots import HotspotService
        from console.services.reports import ReportService

        self.assessment = AssessmentService(self.sessions)
        self.hotspots = HotspotService(self.sessions)
        self.reports = ReportService(self.sessions)
        # closing the loop (issue 8): unit inboxes and steps, callbacks, supervision
        from console.services.callbacks import CallbackService
        from console.services.supervision import SupervisionService
        from console.services.units import UnitService

        self.units = UnitService(self.sessions, lambda: self.calendar, lambda: self.station)
        self.callbacks = CallbackService(self.sessions, lambda: self.calendar, lambda: self.station)
        self.supervision = SupervisionService(self.sessions, lambda: self.station)
        # one lifecycle: every action on a case, asked of the state machine
        from console.services.lifecycle import LifecycleService

        self.lifecycle = LifecycleService(
            self.sessions, lambda: self.calendar, lambda: self.station
        )
        # concurrent edits (issue 7): editing a saved case against the version it read
        from console.services.case_edit import CaseEditService

        self.case_edit = CaseEditService(self.sessions, lambda: self.calendar, lambda: self.station)
        # offline outbox (issue 7): this workstation's local store for this database;
        # the replay thread is started by the window (offline.start), stopped by close()
        from console.offline.service import OfflineService
        from console.offline.store import LocalStore, store_path_for

        self.offline = OfflineService(
            LocalStore(store_path_for(f"{self.masked_url}|{self.settings.path}")),
            self.sessions,
            self.intake,
            lambda: self.station,
        )

    @property
    def masked_url(self) -> str:
        return mask(self.url)

    @property
    def embedded(self) -> bool:
        return is_sqlite(self.url)

    def reload_calendar(self) -> WorkCalendar:
        """Pick up administrators' calendar overrides (blocking: call off the GUI thread)."""
        self.calendar = self.sla.load_calendar()
        return self.calendar

    def close(self) -> None:
        self.offline.stop()
        self.offline.store.close()
        self.engine.dispose()


def prepare_schema(engine: Engine, *, upgrade: bool) -> None:
    """Bring the schema to head (embedded databases) or check it is there (central)."""
    if upgrade:
        migrations.upgrade(engine)
    elif not migrations.is_up_to_date(engine):
        raise SchemaOutdated(
            f"schema revision {migrations.current_revision(engine)!r}, "
            f"this console needs {migrations.head_revision()!r}: "
            "an administrator runs `python main.py db upgrade --database URL`"
        )


def seed_reference_data(sessions: sessionmaker[Session]) -> dict[str, int]:
    from console.seed.reference import seed_reference

    with sessions() as s, s.begin():
        return seed_reference(s)


def open_context(
    url: str, settings: Settings, *, demo: bool = False, upgrade: bool | None = None
) -> AppContext:
    """Connect, migrate (embedded) or check (central), seed reference data, register
    this workstation's station code. Blocking: call it off the GUI thread."""
    normalize_url(url)  # refuse an unsupported URL before touching anything
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseUnavailable(f"{mask(url)}: {exc.__class__.__name__}: {exc}") from exc
    try:
        prepare_schema(engine, upgrade=is_sqlite(url) if upgrade is None else upgrade)
        sessions = make_session_factory(engine)
        if is_sqlite(url) or upgrade:
            seed_reference_data(sessions)
        # the workstation's code, whoever signs in on it (per-person logins, issue 7)
        u = normalize_url(url)
        key = mask(URL.create(u.drivername, host=u.host, port=u.port, database=u.database))
        station = settings.station_for(key) or settings.station_for(mask(url))
        if station is None or not station_known(sessions, station):
            station = register_workstation(sessions)
            settings.set_station_for(key, station)
            settings.save()
    except BaseException:
        engine.dispose()
        raise
    log.info("opened %s as station %s", key, station)
    with sessions() as s:
        calendar = load_calendar(s)
    return AppContext(url, demo, settings, engine, sessions, station, calendar)


def has_cases(sessions: sessionmaker[Session]) -> bool:
    from console.models import Case

    with sessions() as s:
        return s.scalars(select(Case.id).limit(1)).first() is not None


def remove_sqlite_file(url: str) -> None:
    """Delete an SQLite database with its WAL files (the disposable demo database)."""
    db = normalize_url(url).database
    if not db:
        return
    for suffix in ("", "-wal", "-shm"):
        Path(db + suffix).unlink(missing_ok=True)
