"""The composition root: builds the engine, the services and the settings.

No Qt here: the GUI calls ``AppContext.open`` in a background worker, and the
administrator's command line calls it directly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import URL, Engine, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from console import migrations
from console.domain.identity import Identity
from console.domain.reference import ReferenceData
from console.domain.workcalendar import WorkCalendar
from console.infra import paths
from console.infra.database import is_sqlite, make_engine, make_session_factory, mask, normalize_url
from console.infra.failures import EnvironmentProblem
from console.infra.paths import default_database_url
from console.infra.settings import DATABASE_URL, Settings
from console.offline.cache import Snapshot, StartCache

if TYPE_CHECKING:
    from console.offline.service import OfflineService
    from console.services.agents import AgentService
    from console.services.assessment import AssessmentService
    from console.services.callbacks import CallbackService
    from console.services.callers import CallerService
    from console.services.calls import CallService
    from console.services.case_edit import CaseEditService
    from console.services.cases import CaseService
    from console.services.claims import ClaimService
    from console.services.duplicates import DuplicateService
    from console.services.handover import HandoverService
    from console.services.hotspots import HotspotService
    from console.services.importer import ImportService
    from console.services.intake import IntakeService
    from console.services.knowledge import KnowledgeService
    from console.services.lifecycle import LifecycleService
    from console.services.monitor import MonitorService
    from console.services.preferences import PreferenceService
    from console.services.presence import PresenceService
    from console.services.queue import QueueService
    from console.services.reference import ReferenceService
    from console.services.reports import ReportService
    from console.services.routing import RoutingService
    from console.services.sla import SlaService
    from console.services.suggestions import SuggestionService
    from console.services.supervision import SupervisionService
    from console.services.units import UnitService

log = logging.getLogger("console.app")


class SchemaOutdated(EnvironmentProblem):
    """The central database is behind this console's migrations."""


class DatabaseUnavailable(EnvironmentProblem):
    """The database could not be reached or opened (an environment problem)."""


def resolve_database_url(cli_url: str | None, settings: Settings, demo: bool) -> str:
    """--database beats the settings file, which beats the embedded default."""
    if demo:
        return default_database_url(demo=True)
    return cli_url or settings.get(DATABASE_URL) or default_database_url()


def database_key(url: str) -> str:
    """A database as this workstation knows it: engine, host, port and database name,
    without user or password (the station code and the offline start file are per
    database, whoever signs in)."""
    u = normalize_url(url)
    return mask(URL.create(u.drivername, host=u.host, port=u.port, database=u.database))


def start_cache_for(url: str) -> StartCache:
    return StartCache.for_database(paths.data_dir(), database_key(url))


@dataclass
class AppContext:
    """The services over one database. Each service is built on first use, so a
    start that only needs the entry form loads only what the form needs.

    ``link_up`` is False for a context opened from the offline start file (the
    central database did not answer): saves go to the outbox until it answers."""

    url: str
    demo: bool
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    station: str
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    identity: Identity | None = None
    link_up: bool = True
    snapshot: Snapshot | None = None
    #: the rest of the reference data (knowledge base, routing rules) is seeded after
    #: the first form is usable (``seed_deferred``)
    seed_pending: bool = False

    # --- services, built on first use -------------------------------------------------
    @cached_property
    def cases(self) -> CaseService:
        from console.services.cases import CaseService

        return CaseService(self.sessions, lambda: self.calendar, lambda: self.station)

    @cached_property
    def queue(self) -> QueueService:
        from console.services.queue import QueueService

        return QueueService(self.sessions)

    @cached_property
    def handover(self) -> HandoverService:
        from console.services.handover import HandoverService

        return HandoverService(self.sessions)

    @cached_property
    def reference(self) -> ReferenceService:
        from console.services.reference import ReferenceService

        return ReferenceService(self.sessions)

    @cached_property
    def agents(self) -> AgentService:
        from console.services.agents import AgentService

        return AgentService(self.sessions)

    # queue: claims and assignment, presence, saved filters and columns
    @cached_property
    def claims(self) -> ClaimService:
        from console.services.claims import ClaimService

        return ClaimService(self.sessions, lambda: self.station)

    @cached_property
    def presence(self) -> PresenceService:
        from console.services.presence import PresenceService

        return PresenceService(self.sessions, lambda: self.station)

    @cached_property
    def preferences(self) -> PreferenceService:
        from console.services.preferences import PreferenceService

        return PreferenceService(self.sessions)

    @cached_property
    def monitor(self) -> MonitorService:
        from console.services.monitor import MonitorService

        return MonitorService(self.sessions)

    # intake: caller history, knowledge base, routing, duplicates, import
    @cached_property
    def callers(self) -> CallerService:
        from console.services.callers import CallerService

        return CallerService(self.sessions)

    @cached_property
    def knowledge(self) -> KnowledgeService:
        from console.services.knowledge import KnowledgeService

        return KnowledgeService(self.sessions)

    @cached_property
    def routing(self) -> RoutingService:
        from console.services.routing import RoutingService

        return RoutingService(self.sessions, lambda: self.calendar)

    @cached_property
    def duplicates(self) -> DuplicateService:
        from console.services.duplicates import DuplicateService

        return DuplicateService(self.sessions)

    @cached_property
    def intake(self) -> IntakeService:
        from console.services.intake import IntakeService

        return IntakeService(self.cases, lambda: self.station)

    @cached_property
    def importer(self) -> ImportService:
        from console.services.importer import ImportService

        return ImportService(self.sessions, lambda: self.station, lambda: self.calendar)

    @cached_property
    def sla(self) -> SlaService:
        from console.services.sla import SlaService

        return SlaService(self.sessions, lambda: self.calendar, lambda: self.station)

    # assessment, reports and hotspots
    @cached_property
    def assessment(self) -> AssessmentService:
        from console.services.assessment import AssessmentService

        return AssessmentService(self.sessions)

    @cached_property
    def hotspots(self) -> HotspotService:
        from console.services.hotspots import HotspotService

        return HotspotService(self.sessions)

    @cached_property
    def reports(self) -> ReportService:
        from console.services.reports import ReportService

        return ReportService(self.sessions)

    # closing the loop: unit inboxes and steps, callbacks, supervision
    @cached_property
    def units(self) -> UnitService:
        from console.services.units import UnitService

        return UnitService(self.sessions, lambda: self.calendar, lambda: self.station)

    @cached_property
    def callbacks(self) -> CallbackService:
        from console.services.callbacks import CallbackService

        return CallbackService(self.sessions, lambda: self.calendar, lambda: self.station)

    @cached_property
    def supervision(self) -> SupervisionService:
        from console.services.supervision import SupervisionService

        return SupervisionService(self.sessions, lambda: self.station)

    # one lifecycle: every action on a case, asked of the state machine
    @cached_property
    def lifecycle(self) -> LifecycleService:
        from console.services.lifecycle import LifecycleService

        return LifecycleService(self.sessions, lambda: self.calendar, lambda: self.station)

    # concurrent edits: editing a saved case against the version it read
    @cached_property
    def case_edit(self) -> CaseEditService:
        from console.services.case_edit import CaseEditService

        return CaseEditService(self.sessions, lambda: self.calendar, lambda: self.station)

    # telephony: the call log and agents' states at the phone
    @cached_property
    def calls(self) -> CallService:
        from console.services.calls import CallService

        return CallService(self.sessions, lambda: self.station)

    # suggestions learned from history: the centre's models are rows of its database
    # (one training serves every workstation), cached in the data dir per database
    @cached_property
    def suggestions(self) -> SuggestionService:
        import socket

        from console.learning.store import DatabaseModelStore
        from console.services.suggestions import SuggestionService

        store = DatabaseModelStore.central(self.sessions, self.masked_url, socket.gethostname())
        return SuggestionService(self.sessions, store)

    # offline outbox: this workstation's local store for this database;
    # the replay thread is started by the window (offline.start), stopped by close()
    @cached_property
    def offline(self) -> OfflineService:
        from console.offline.service import OfflineService
        from console.offline.shared import SharedCounterStore
        from console.offline.store import LocalStore, store_path_for

        path = store_path_for(f"{self.masked_url}|{self.settings.path}")
        store = LocalStore(path) if self.embedded else SharedCounterStore(path, self.start_cache)
        service = OfflineService(store, self.sessions, self.intake, lambda: self.station)
        if not self.link_up:
            service.mark_offline()
        return service

    @property
    def masked_url(self) -> str:
        return mask(self.url)

    @property
    def embedded(self) -> bool:
        return is_sqlite(self.url)

    @cached_property
    def start_cache(self) -> StartCache:
        return start_cache_for(self.url)

    def reload_calendar(self) -> WorkCalendar:
        """Pick up administrators' calendar overrides (blocking: call off the GUI thread)."""
        self.calendar = self.sla.load_calendar()
        return self.calendar

    def load_reference(self) -> ReferenceData:
        """The entry form's reference data: from the database, or, started offline, as
        this workstation last saw it. Blocking: call off the GUI thread."""
        if not self.link_up and self.snapshot is not None:
            return self.snapshot.reference
        return self.reference.load()

    def refresh_start_cache(self) -> Snapshot | None:
        """Write what an offline start needs (the central database only). Also brings
        this context's calendar up to date. Blocking: call off the GUI thread."""
        if self.embedded:
            return None
        from console.services.reference import current_policies
        from console.services.sla import load_calendar

        with self.sessions() as s:
            from console.services.reference import load_reference

            reference = load_reference(s)
            policies = current_policies(s)
            calendar = load_calendar(s)
        self.calendar = calendar
        self.start_cache.save_snapshot(reference, policies, dict(calendar.overrides), self.station)
        self.snapshot = self.start_cache.snapshot()
        return self.snapshot

    def seed_deferred(self) -> dict[str, int]:
        """The reference data left for after the first form (the knowledge base needs
        jieba, about a second): idempotent. Blocking: call off the GUI thread."""
        if not self.seed_pending:
            return {}
        counts = seed_reference_data(self.sessions)
        self.seed_pending = False
        return counts

    def close(self) -> None:
        if "offline" in self.__dict__:
            self.offline.stop()
            self.offline.store.close()
        self.engine.dispose()


def prepare_schema(engine: Engine, *, upgrade: bool) -> bool:
    """Bring the schema to head (embedded databases) or check it is there (central).
    Returns True when it migrated. The check reads ``alembic_version`` and the version
    files; Alembic is loaded only to migrate or to say which revision is there."""
    if migrations.is_up_to_date(engine):
        return False
    if upgrade:
        migrations.upgrade(engine)
        return True
    raise SchemaOutdated(
        f"schema revision {migrations.current_revision(engine)!r}, "
        f"this console needs {migrations.head_revision()!r}: "
        "an administrator runs `python main.py db upgrade --database URL`"
    )


def seed_reference_data(sessions: sessionmaker[Session], *, intake: bool = True) -> dict[str, int]:
    from console.seed.reference import seed_reference

    with sessions() as s, s.begin():
        return seed_reference(s, intake=intake)


def open_context(
    url: str,
    settings: Settings,
    *,
    demo: bool = False,
    upgrade: bool | None = None,
    defer_seed: bool = False,
) -> AppContext:
    """Connect, migrate (embedded) or check (central), seed reference data, register
    this workstation's station code. Blocking: call it off the GUI thread.

    ``defer_seed`` (the GUI): on an embedded database that is current, seeding waits
    for ``AppContext.seed_deferred``; a new one gets the reference data the entry form
    needs now and the knowledge base and routing rules then."""
    normalize_url(url)  # refuse an unsupported URL before touching anything
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseUnavailable(f"{mask(url)}: {exc.__class__.__name__}: {exc}") from exc
    seed_pending = False
    try:
        migrated = prepare_schema(engine, upgrade=is_sqlite(url) if upgrade is None else upgrade)
        sessions = make_session_factory(engine)
        if is_sqlite(url) or upgrade:
            if not defer_seed:
                seed_reference_data(sessions)
            else:
                if migrated:
                    seed_reference_data(sessions, intake=False)
                seed_pending = True
        # the workstation's code, whoever signs in on it (per-person logins)
        key = database_key(url)
        station = settings.station_for(key) or settings.station_for(mask(url))
        from console.services.numbers import register_workstation, station_known

        if station is None or not station_known(sessions, station):
            station = register_workstation(sessions)
            settings.set_station_for(key, station)
            settings.save()
    except BaseException:
        engine.dispose()
        raise
    log.info("opened %s as station %s", key, station)
    from console.services.sla import load_calendar

    with sessions() as s:
        calendar = load_calendar(s)
    ctx = AppContext(
        url, demo, settings, engine, sessions, station, calendar, seed_pending=seed_pending
    )
    ctx.offline  # noqa: B018 - the local store is opened here, off the GUI thread
    return ctx


def open_offline(url: str, settings: Settings, snapshot: Snapshot) -> AppContext:
    """A context over a central database that does not answer, from what this
    workstation kept of it: nothing here touches the network (the engine connects on
    first use)."""
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    calendar = WorkCalendar(dict(snapshot.calendar_overrides))
    log.info("opened %s offline as station %s", database_key(url), snapshot.station)
    ctx = AppContext(
        url,
        False,
        settings,
        engine,
        sessions,
        snapshot.station,
        calendar,
        link_up=False,
        snapshot=snapshot,
    )
    ctx.offline  # noqa: B018 - the local store is opened here, off the GUI thread
    return ctx


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
