"""Engine factory: one place that turns a database URL into a configured engine.

Never called at import time. SQLite is the embedded default (one workstation, the demo,
tests); PostgreSQL is the central database shared by all workstations.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger("console.db")

#: seconds to wait for a connection to the central database before giving up
CONNECT_TIMEOUT_S = 5
#: milliseconds any single statement may run on PostgreSQL
STATEMENT_TIMEOUT_MS = 30_000
#: milliseconds a transaction may sit idle on PostgreSQL (a client gone mid-transaction)
IDLE_IN_TRANSACTION_MS = 60_000
#: seconds any wait on the central database may last on the client's side (a link that
#: swallows traffic): the statement timeout and a margin (console.infra.deadline)
CALL_TIMEOUT_S = STATEMENT_TIMEOUT_MS / 1000 + 5


def normalize_url(url: str | Path | URL) -> URL:
    """Accept the forms an administrator types: ``postgresql://…`` means psycopg 3,
    a bare file path means SQLite."""
    if isinstance(url, Path):
        url = str(url)
    if isinstance(url, str):
        if "://" not in url:
            url = f"sqlite:///{Path(url).expanduser().resolve()}"
        u = make_url(url)
    else:
        u = url
    if u.drivername in ("postgresql", "postgres"):
        u = u.set(drivername="postgresql+psycopg")
    if u.drivername not in ("sqlite", "sqlite+pysqlite", "postgresql+psycopg"):
        raise ValueError(
            f"unsupported database {u.drivername!r}: use sqlite:///PATH or postgresql://…"
        )
    return u


def mask(url: str | Path | URL) -> str:
    """The URL with its password hidden, for logs and the status bar."""
    return normalize_url(url).render_as_string(hide_password=True)


def is_sqlite(url: str | Path | URL) -> bool:
    return normalize_url(url).get_backend_name() == "sqlite"


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # take transaction control away from the sqlite3 module (SQLAlchemy's documented
    # recipe) so that every unit of work starts with BEGIN IMMEDIATE below
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _sqlite_begin_immediate(conn: Any) -> None:
    """Every SQLite unit of work takes the write lock up front: a read that later
    writes can then never fail with "database is locked" half-way (SQLITE_BUSY on lock
    upgrade); writers queue on busy_timeout instead. Readers are not blocked (WAL)."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(
    url: str | Path | URL,
    *,
    echo: bool = False,
    pool_size: int = 4,
    call_timeout_s: float | None = None,
    pool_timeout_s: float | None = None,
) -> Engine:
    u = normalize_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            u,
            echo=echo,
            hide_parameters=True,  # citizens' data never reaches an error message or a log
            connect_args={"timeout": 5, "check_same_thread": False},
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate)
    else:
        from console.infra import deadline

        engine = create_engine(
            u,
            echo=echo,
            hide_parameters=True,  # citizens' data never reaches an error message or a log
            # the liveness check on checkout is console.infra.deadline's, under a deadline
            pool_pre_ping=False,
            pool_size=pool_size,
            max_overflow=2,
            pool_timeout=pool_timeout_s or CONNECT_TIMEOUT_S,
            connect_args={
                "connect_timeout": CONNECT_TIMEOUT_S,
                "application_name": "hotline-console",
                # a workstation that vanished mid-transaction frees its locks
                "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
                f" -c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}",
                **deadline.TCP_OPTIONS,
            },
        )
        # a link that swallows traffic must not hang a call for ever
        deadline.install(engine, call_timeout_s or CALL_TIMEOUT_S)
    log.info("engine for %s", mask(u))
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    with factory() as session, session.begin():
        yield session
