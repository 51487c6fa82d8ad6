"""Test databases: a migrated SQLite template copied per test, and a PostgreSQL
database of the test run's own, truncated between tests."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from console.infra.database import make_engine, make_session_factory
from console.migrations import upgrade
from console.seed.reference import seed_reference

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
TRANSACTIONAL = (
    "calls",
    "agent_states",
    "webhook_deliveries",
    "sms_messages",
    "sms_opt_outs",
    "case_attachments",
    "attachment_blobs",
    "exchange_orders",
    "exchange_tokens",
    "exchange_platforms",
    "exchange_watermarks",
    "suggestion_feedback",
    "suggestion_models",
    "case_suggestions",
    "case_assist_states",
    "supervision_notices",
    "case_callbacks",
    "case_facts",
    "facts_watermark",
    "case_keywords",
    "hotspot_reviews",
    "handover_items",
    "handover_groups",
    "handovers",
    "shift_incidents",
    "shift_roster",
    "shift_attendance",
    "knowledge_uses",
    "case_links",
    "case_co_units",
    "imported_messages",
    "case_breaches",
    "deadline_audit",
    "case_deadlines",
    "calendar_overrides",
    "case_events",
    "case_confidential_callers",
    "cases",
    "offline_replays",
    "number_counters",
    "workstations",
    "case_changes",
    "agent_presence",
    "saved_filters",
    "agent_preferences",
)


def pg_admin_url() -> str:
    return os.environ.get("CONSOLE_TEST_PG_URL", DEFAULT_PG_URL)


def pg_available() -> tuple[bool, str]:
    engine = make_engine(pg_admin_url())
    try:
        with engine.connect() as c:
            c.exec_driver_sql("SELECT 1")
        return True, ""
    except Exception as exc:  # noqa: BLE001 - any failure means "not available"
        return False, f"{exc.__class__.__name__}: {exc}"
    finally:
        engine.dispose()


def migrate_and_seed(engine: Engine) -> None:
    upgrade(engine)
    sessions = make_session_factory(engine)
    with sessions() as s, s.begin():
        seed_reference(s)


def make_sqlite_template(directory: Path) -> Path:
    path = directory / "template.sqlite3"
    engine = make_engine(path)
    migrate_and_seed(engine)
    engine.dispose()  # the last connection to close checkpoints and removes the WAL
    return path


def sqlite_copy(template: Path, directory: Path) -> str:
    path = directory / f"t-{uuid.uuid4().hex[:8]}.sqlite3"
    shutil.copyfile(template, path)
    return f"sqlite:///{path}"


@contextmanager
def pg_database() -> Iterator[str]:
    """A fresh database of this test run's own, migrated and seeded; dropped after."""
    admin_url = make_url(pg_admin_url())
    name = f"hotline_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = make_engine(admin_url)
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    try:
        migrate_and_seed(engine)
        engine.dispose()
        yield url
    finally:
        engine.dispose()
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def pg_reset(url: str) -> None:
    """Empty the transactional tables (TRUNCATE does not fire the append-only trigger,
    which guards against row-by-row UPDATE and DELETE)."""
    engine = make_engine(url)
    with engine.begin() as c:
        c.execute(text(f"TRUNCATE {', '.join(TRANSACTIONAL)} RESTART IDENTITY CASCADE"))
        c.execute(text("DELETE FROM agents WHERE username <> 'admin'"))
        # SLA policy versions saved by a test: back to the versions the seeder shipped
        c.execute(
            text(
                "DELETE FROM sla_milestones WHERE policy_id IN "
                "(SELECT id FROM sla_policies WHERE NOT shipped)"
            )
        )
        c.execute(text("DELETE FROM sla_policies WHERE NOT shipped"))
        c.execute(
            text(
                "UPDATE sla_policies p SET current = (p.version = (SELECT max(q.version) "
                "FROM sla_policies q WHERE q.code = p.code))"
            )
        )
    engine.dispose()
