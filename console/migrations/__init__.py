"""One Alembic history for SQLite and PostgreSQL: the only way the schema changes.

Alembic itself (about 0.5 s to import) is loaded only to migrate: checking whether a
database is current reads ``alembic_version`` and the revision ids written in the
version files, which costs a few milliseconds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from alembic.config import Config

HERE = Path(__file__).resolve().parent

_REVISION = re.compile(r"^revision(?:\s*:\s*[^=]+)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?:\s*:\s*[^=]+)?\s*=\s*(.+)$", re.M)
_ID = re.compile(r"['\"]([^'\"]+)['\"]")


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@lru_cache(maxsize=1)
def head_revisions_from_files() -> frozenset[str]:
    """The heads of the history as the version files declare them (``revision`` and
    ``down_revision`` read as text, not imported): the same answer as Alembic's for a
    history of plain string ids, without loading Alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for f in (HERE / "versions").glob("*.py"):
        source = f.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        if rev is None:
            continue
        revisions.add(rev.group(1))
        down = _DOWN.search(source)
        if down is not None:
            parents.update(_ID.findall(down.group(1)))
    return frozenset(revisions - parents)


def stored_revisions(engine: Engine) -> frozenset[str]:
    """What ``alembic_version`` holds (empty for a new database)."""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    except SQLAlchemyError:
        return frozenset()
    return frozenset(str(r[0]) for r in rows)


def is_up_to_date(engine: Engine) -> bool:
    heads = head_revisions_from_files()
    return bool(heads) and stored_revisions(engine) == heads
