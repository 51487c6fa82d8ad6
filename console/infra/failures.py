"""What kind of failure an exception is, decided once, where it arises: a refusal the user
can act on, the environment (database unreachable, disk, network: try again later), or a
bug (the crash dialog in the console, a traceback in the log for the command line).

The screens' error path (``console.ui.errors`` / ``console.ui.messages``) and the command
line (``console.cli.entry``) both ask ``classify``. Telling them apart matters: on SQLite a
syntax error or a missing table is a bug in the console, not "the database is not
answering"; a PostgreSQL guard refusing a write (SQLSTATE 42501, ``insufficient_privilege``:
a trigger, a grant, row-level security) is a refusal, not a bug.
"""

from __future__ import annotations

import sqlite3
from enum import StrEnum

from sqlalchemy.exc import DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from console.domain.errors import UserError


class Failure(StrEnum):
    REFUSAL = "refusal"  # not permitted / not allowed now / invalid input: say so plainly
    ENVIRONMENT = "environment"  # database, network, disk: a message, the work stays
    BUG = "bug"  # the crash dialog and the log


class EnvironmentProblem(Exception):
    """Base of the console's own environment errors (database unavailable, schema behind)."""


#: SQLSTATE of a refusal by the database itself: a guard trigger, a missing grant, RLS
INSUFFICIENT_PRIVILEGE = "42501"

# PostgreSQL SQLSTATE classes that are the environment: connection exception, invalid
# authorization (a wrong password, a locked account), insufficient resources, operator
# intervention (shutdown, statement timeout), system error, and a transaction the server
# rolled back (deadlock, serialization: try again).
_PG_ENVIRONMENT_CLASSES = frozenset({"08", "28", "40", "53", "54", "57", "58", "XX"})
_PG_ENVIRONMENT_CODES = frozenset(
    {
        "3D000",  # invalid_catalog_name: the database does not exist (any more)
        "55P03",  # lock_not_available: lock_timeout / NOWAIT
        "55006",  # object_in_use
    }
)

# SQLite primary result codes that are the environment: the file is busy, locked, cannot
# be opened, read or written, is full, read-only, damaged or not a database.
_SQLITE_ENVIRONMENT = frozenset(
    {
        "SQLITE_BUSY",
        "SQLITE_LOCKED",
        "SQLITE_CANTOPEN",
        "SQLITE_IOERR",
        "SQLITE_FULL",
        "SQLITE_READONLY",
        "SQLITE_CORRUPT",
        "SQLITE_NOTADB",
        "SQLITE_PROTOCOL",
        "SQLITE_NOMEM",
        "SQLITE_PERM",
        "SQLITE_AUTH",
        "SQLITE_INTERRUPT",
    }
)
# when the driver gives no result code name (older sqlite3 modules): the message
_SQLITE_ENVIRONMENT_WORDS = (
    "database is locked",
    "database table is locked",
    "unable to open database",
    "disk i/o error",
    "database or disk is full",
    "readonly database",
    "database disk image is malformed",
    "file is not a database",
)


def sqlstate(exc: BaseException) -> str | None:
    """The PostgreSQL SQLSTATE of a driver error (psycopg 3 or 2), else None."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return str(code) if code else None


def _sqlite_kind(orig: sqlite3.Error) -> Failure:
    name = str(getattr(orig, "sqlite_errorname", "") or "")
    if name == "SQLITE_CONSTRAINT_TRIGGER":  # RAISE(ABORT, …) in a guard trigger
        return Failure.REFUSAL
    if name:
        primary = "_".join(name.split("_")[:2])  # SQLITE_IOERR_READ -> SQLITE_IOERR
        return Failure.ENVIRONMENT if primary in _SQLITE_ENVIRONMENT else Failure.BUG
    text = str(orig).lower()
    if any(w in text for w in _SQLITE_ENVIRONMENT_WORDS):
        return Failure.ENVIRONMENT
    return Failure.BUG


def _dbapi_kind(exc: DBAPIError) -> Failure:
    if exc.connection_invalidated:
        return Failure.ENVIRONMENT
    orig = exc.orig
    if isinstance(orig, sqlite3.Error):
        return _sqlite_kind(orig)
    state = sqlstate(exc)
    if state is None:
        # no SQLSTATE: the driver could not talk to a server at all (refused, reset,
        # DNS), which psycopg reports as an OperationalError
        operational = isinstance(exc, OperationalError) or _is_operational(orig)
        return Failure.ENVIRONMENT if operational or isinstance(orig, OSError) else Failure.BUG
    if state == INSUFFICIENT_PRIVILEGE:
        return Failure.REFUSAL
    if state in _PG_ENVIRONMENT_CODES or state[:2] in _PG_ENVIRONMENT_CLASSES:
        return Failure.ENVIRONMENT
    return Failure.BUG  # syntax (42…), integrity (23…), data (22…): the console's fault


def _is_operational(orig: BaseException | None) -> bool:
    return orig is not None and any(c.__name__ == "OperationalError" for c in type(orig).__mro__)


def classify(exc: BaseException) -> Failure:
    """The kind of ``exc``: see the module's docstring."""
    if isinstance(exc, UserError):
        return Failure.REFUSAL
    if isinstance(exc, EnvironmentProblem | PoolTimeout | DisconnectionError):
        return Failure.ENVIRONMENT
    if isinstance(exc, DBAPIError):
        return _dbapi_kind(exc)
    if isinstance(exc, sqlite3.Error):  # a raw driver error outside SQLAlchemy
        return _sqlite_kind(exc)
    if isinstance(exc, ConnectionError | TimeoutError | OSError):
        return Failure.ENVIRONMENT
    return Failure.BUG


def first_line(exc: BaseException, limit: int = 160) -> str:
    """The driver's own first line of the error (without SQLAlchemy's SQL and links)."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0][:limit] if text else exc.__class__.__name__
