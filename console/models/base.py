"""Declarative base, naming convention and portable column types."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Dialect, Index, MetaData, Table, text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Alembic needs named constraints to alter tables on SQLite (batch mode).
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


#: execution options of an ORM-enabled UPDATE or DELETE that needs no session
#: synchronisation (the session holds none of the rows): the ORM's matching of the
#: session's objects costs more CPU than the statement on a busy path
PLAIN: dict[str, Any] = {"synchronize_session": False}


def table_of(model: type[Base]) -> Table:
    """A mapped class's ``Table``, for Core statements on a busy path (bulk inserts
    without the ORM's per-row work)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every engine.

    PostgreSQL stores ``timestamptz``. SQLite has no time zone type, so values are
    stored as naive UTC text (which sorts correctly) and come back as aware UTC.
    Naive datetimes are refused on the way in: they are the classic source of
    off-by-eight-hours bugs in a UTC+8 city.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected datetime, got {type(value).__name__}")
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: pass an aware datetime")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def in_list_sql(column: str, values: Iterable[str]) -> str:
    """``column IN ('a','b')`` as literal SQL text (a partial index's predicate must be
    text, and queries must repeat that exact text for SQLite to use the index). Only for
    the console's own codes: values are plain identifiers, never user input."""
    items = list(values)
    if not items or not all(v.replace("_", "").isalnum() for v in items):
        raise ValueError(f"not a list of codes: {items!r}")
    return f"{column} IN ({','.join(repr(str(v)) for v in items)})"


def partial_index(name: str, *columns: Any, where: str) -> Index:
    """An index over the rows matching ``where`` (SQL text), on both engines. The text is
    also what queries must show for SQLite to use it (see console.services.queue)."""
    return Index(name, *columns, postgresql_where=text(where), sqlite_where=text(where))
