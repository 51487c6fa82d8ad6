"""Attacks with a person's own database login, straight through psql-like SQL: each one
must be refused by PostgreSQL itself, whatever the console would have done.

Each module run has a database and role names of its own (tests/helpers/roles.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from psycopg import errors as pgerr
from sqlalchemy import text

from console.app import AppContext, open_context
from console.domain.identity import Identity
from console.infra.settings import Settings
from tests.helpers.db import TRANSACTIONAL
from tests.helpers.roles import PREFIX, World

pytestmark = pytest.mark.pg


@pytest.fixture
def ctxs(world: World, tmp_path: Path) -> Iterator[dict[str, AppContext]]:
    with world.owner.begin() as c:
        c.execute(text(f"TRUNCATE {', '.join(TRANSACTIONAL)} RESTART IDENTITY CASCADE"))
    opened: dict[str, AppContext] = {}
    try:
        for short in ("a1", "a2", "sup", "u1"):
            opened[short] = open_context(world.urls[short], Settings(tmp_path / f"{short}.ini"))
        yield opened
    finally:
        for o in opened.values():
            o.close()


def me(ctx: AppContext, world: World, short: str) -> Identity:
    return ctx.agents.sign_in(world.login(short))


def _secret(world: World):  # type: ignore[no-untyped-def]
    return replace(
        world.draft,
        sub_type="report",
        caller_name="李四",
        caller_phone="13912345678",
        caller_confidential=True,
        description="举报某工地夜间违规施工",
    )


# --- privilege escalation through the owner's functions --------------------------------


def test_temp_table_cannot_hijack_the_confidential_caller_trigger(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    secret = ctxs["a1"].cases.create(_secret(world), a1)
    mine = ctxs["a1"].cases.create(world.draft, a1)
    admin_group = f"{PREFIX}admin"
    with world.raw("a1") as c:  # logins get no temporary tables at all
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute("CREATE TEMP TABLE case_confidential_callers (case_id int)")
    # and were they granted, the owner's functions would still not be fooled
    with world.owner.begin() as oc:
        db = oc.exec_driver_sql("SELECT current_database()").scalar_one()
        oc.exec_driver_sql(f'GRANT TEMPORARY ON DATABASE "{db}" TO "{world.login("a1")}"')
    try:
        _hijack(world, mine.id, admin_group)
    finally:
        with world.owner.begin() as oc:
            oc.exec_driver_sql(f'REVOKE TEMPORARY ON DATABASE "{db}" FROM "{world.login("a1")}"')
    assert secret.id


def _hijack(world: World, case_id: int, admin_group: str) -> None:
    with world.raw("a1") as c:
        c.execute(
            "CREATE TEMP TABLE case_confidential_callers (case_id int PRIMARY KEY, "
            "caller_name text, caller_phone text, recorded_at timestamptz)"
        )
        c.execute("CREATE TEMP TABLE loot (name text, phone text)")
        c.execute("GRANT ALL ON pg_temp.loot TO PUBLIC")
        c.execute(
            f"""
            CREATE FUNCTION pg_temp.evil() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                EXECUTE format('GRANT %I TO %I', '{admin_group}', session_user);
                INSERT INTO pg_temp.loot SELECT caller_name, caller_phone
                    FROM public.case_confidential_callers;
                RETURN NEW;
            END $$
            """
        )
        c.execute(
            "CREATE TRIGGER evil BEFORE INSERT ON pg_temp.case_confidential_callers "
            "FOR EACH ROW EXECUTE FUNCTION pg_temp.evil()"
        )
        c.commit()
        try:
            c.execute(
                "UPDATE cases SET caller_confidential = true, caller_name = 'x' WHERE id = %s",
                (case_id,),
            )
            c.commit()
        except pgerr.Error:
            c.rollback()
        looted = c.execute("SELECT count(*) FROM pg_temp.loot").fetchone()
        assert looted == (0,)
        member = c.execute(
            "SELECT pg_has_role(session_user, %s, 'MEMBER')", (admin_group,)
        ).fetchone()
        assert member == (False,)
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute("SELECT caller_phone FROM public.case_confidential_callers")


def test_security_definer_functions_pin_their_search_path(world: World) -> None:
    with world.owner.connect() as c:
        rows = c.execute(
            text(
                "SELECT p.proname, p.proconfig FROM pg_proc p "
                "JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = 'public' AND p.prosecdef"
            )
        ).all()
        assert rows, "no SECURITY DEFINER function found"
        for name, config in rows:
            assert "search_path=pg_catalog, pg_temp" in (config or []), name
        # nobody but the groups that need them may call them
        public_exec = (
            c.execute(
                text(
                    "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    "WHERE n.nspname = 'public' AND has_function_privilege('public', p.oid, "
                    "'EXECUTE') AND p.prosecdef"
                )
            )
            .scalars()
            .all()
        )
        assert public_exec == []
