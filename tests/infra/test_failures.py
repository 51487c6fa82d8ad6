"""Refusals, the environment and bugs are told apart where they arise, from real errors of
both engines: a syntax error is a bug on SQLite too, a locked or unreachable database is
the environment, a guard in the database refusing a write is a refusal."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from console.app import DatabaseUnavailable, SchemaOutdated
from console.domain.errors import Refused
from console.domain.identity import Identity
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.infra.database import make_engine, make_session_factory
from console.infra.failures import Failure, classify, first_line, sqlstate
from console.models import Agent
from console.services.cases import CaseService
from console.services.errors import NotFound, StaleWrite, ValidationFailed
from console.services.numbers import register_workstation


def _error(engine: Engine, sql: str) -> BaseException:
    with pytest.raises(DBAPIError) as caught, engine.begin() as conn:
        conn.execute(text(sql))
    return caught.value


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = make_engine(db_url)
    yield eng
    eng.dispose()


def test_syntax_errors_and_missing_tables_are_bugs(engine: Engine) -> None:
    for sql in (
        "SELEC 1",
        "SELECT * FROM no_such_table",
        "SELECT no_such_column FROM cases",
    ):
        exc = _error(engine, sql)
        assert classify(exc) is Failure.BUG, (engine.dialect.name, sql, exc)


def test_a_broken_constraint_is_a_bug(engine: Engine) -> None:
    exc = _error(engine, "INSERT INTO channels (code, name) VALUES (NULL, NULL)")
    assert classify(exc) is Failure.BUG


def test_the_append_only_guard_is_a_refusal(engine: Engine) -> None:
    """The case history's guard (a trigger: SQLSTATE 42501 on PostgreSQL, RAISE(ABORT)
    on SQLite) refuses; the user is told, it is not a crash."""
    sessions = make_session_factory(engine)
    with sessions() as s:
        a = s.scalars(select(Agent).where(Agent.username == "admin")).one()
        admin = Identity(a.id, a.username, a.display_name, a.role)
    station = register_workstation(sessions, "failures-host")
    CaseService(sessions, WorkCalendar, lambda: station).create(
        CaseDraft(
            case_type="consultation",
            sub_type="policy",
            class_code="livelihood",
            caller_phone="13800138000",
            description="where do I renew my residence permit?",
            answer="at the district service centre",
        ),
        admin,
    )
    for sql in ("UPDATE case_events SET actor_name = 'x'", "DELETE FROM case_events"):
        exc = _error(engine, sql)
        assert "append-only" in first_line(exc)
        assert classify(exc) is Failure.REFUSAL, exc
        if engine.dialect.name == "postgresql":
            assert sqlstate(exc) == "42501"  # insufficient_privilege, raised by the trigger


def test_a_locked_database_is_the_environment(engine: Engine, tmp_path: Path) -> None:
    if engine.dialect.name == "sqlite":
        path = engine.url.database
        assert path
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            quick = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0.05})
            exc = _error(quick, "INSERT INTO channels (code, name) VALUES ('zz', 'zz')")
            quick.dispose()
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert "locked" in str(exc)
    else:
        lock_taken, release = threading.Event(), threading.Event()

        def hold() -> None:
            with engine.begin() as conn:
                conn.execute(text("LOCK TABLE channels IN ACCESS EXCLUSIVE MODE"))
                lock_taken.set()
                release.wait(10)

        t = threading.Thread(target=hold)
        t.start()
        try:
            assert lock_taken.wait(10)
            exc = _error(engine, "SET LOCAL lock_timeout = '50ms'; SELECT * FROM channels")
        finally:
            release.set()
            t.join()
        assert sqlstate(exc) == "55P03"  # lock_not_available
    assert classify(exc) is Failure.ENVIRONMENT


def test_a_statement_timeout_is_the_environment(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no statement timeout")
    exc = _error(engine, "SET LOCAL statement_timeout = '20ms'; SELECT pg_sleep(1)")
    assert sqlstate(exc) == "57014"
    assert classify(exc) is Failure.ENVIRONMENT


@pytest.mark.parametrize("engine_name", ["sqlite", "postgresql"])
def test_an_unreachable_database_is_the_environment(engine_name: str, tmp_path: Path) -> None:
    url = (
        f"sqlite:///{tmp_path / 'no' / 'such' / 'dir' / 'x.db'}"
        if engine_name == "sqlite"
        else "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2"
    )
    eng = create_engine(url)
    with pytest.raises(OperationalError) as caught:
        eng.connect()
    eng.dispose()
    assert classify(caught.value) is Failure.ENVIRONMENT, caught.value


def test_console_errors_by_kind() -> None:
    assert classify(Refused("only a supervisor assigns cases", code="forbidden")) is (
        Failure.REFUSAL
    )
    for refusal in (NotFound("case #1"), StaleWrite("shifts"), ValidationFailed([])):
        assert classify(refusal) is Failure.REFUSAL
    for env in (
        DatabaseUnavailable("gone"),
        SchemaOutdated("behind"),
        PoolTimeout("pool"),
        ConnectionResetError("reset"),
        TimeoutError("slow"),
        PermissionError("read-only home"),
    ):
        assert classify(env) is Failure.ENVIRONMENT, env
    for bug in (ValueError("x"), KeyError("k"), AttributeError("a"), ZeroDivisionError()):
        assert classify(bug) is Failure.BUG
