"""One Alembic history for both engines: it upgrades an empty database, matches the
models exactly, and forms a single linear chain."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from console import migrations
from console.infra.database import make_engine
from console.models import Base
from tests.helpers.db import pg_database


def _check_upgrade(url: str) -> None:
    engine = make_engine(url)
    try:
        assert migrations.current_revision(engine) == migrations.head_revision()
        tables = set(inspect(engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, Base.metadata)
        assert diff == [], f"models and migrations disagree: {diff}"
        migrations.downgrade(engine, "base")
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        migrations.upgrade(engine)
        assert migrations.is_up_to_date(engine)
    finally:
        engine.dispose()


def test_upgrade_empty_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    migrations.upgrade(make_engine(url))
    _check_upgrade(url)


@pytest.mark.pg
def test_upgrade_empty_postgresql(pg_url: str) -> None:
    # pg_url is migrated already; a second database of its own starts empty
    with pg_database() as url:
        _check_upgrade(url)


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(migrations.alembic_config())
    heads = script.get_heads()
    assert len(heads) == 1, f"several heads: {heads}"
    seen = []
    for rev in script.walk_revisions():
        seen.append(rev.revision)
        assert not isinstance(rev.down_revision, tuple), f"merge point {rev.revision}"
    assert seen[-1] == "0001" and len(seen) == len(set(seen))
