"""A database and role names of this test module's own (a unique prefix), with one
login per kind of person; everything is dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace

import psycopg
import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from console.domain.casetypes import Role
from console.domain.validation import CaseDraft
from console.infra.database import make_engine
from console.services import dbroles
from tests.helpers.db import pg_admin_url, pg_database

TAG = f"t{os.getpid() % 100000}{uuid.uuid4().hex[:4]}"
PREFIX = f"{TAG}_"
PASSWORD = "Correct-Horse-9"

DRAFT = CaseDraft(
    case_type="demand",
    sub_type="help",
    class_code="city",
    caller_name="张三",
    caller_phone="13800138000",
    description="小区门口路灯坏了一个星期",
)


@dataclass
class World:
    owner_url: str
    owner: Engine
    urls: dict[str, str]  # short name -> login URL
    draft: CaseDraft

    def login(self, who: str) -> str:
        return f"{TAG}_{who}"

    def engine(self, who: str) -> Engine:
        return make_engine(self.urls[who])

    def raw(self, who: str) -> psycopg.Connection[tuple[object, ...]]:
        u = make_url(self.urls[who])
        return psycopg.connect(
            host=u.host, port=u.port, dbname=u.database, user=u.username, password=u.password
        )


@pytest.fixture(scope="module")
def world(pg_url: str) -> Iterator[World]:
    del pg_url  # only for the skip/fail logic; this module has a database of its own
    admin = make_engine(pg_admin_url())
    logins: list[str] = []
    groups = dbroles.all_group_names(PREFIX)
    try:
        with pg_database() as url:
            owner = make_engine(url)
            dbroles.apply_roles(owner, PREFIX)
            dbroles.apply_roles(owner, PREFIX)  # idempotent
            urls: dict[str, str] = {}
            with owner.begin() as c:
                unit_ids = [
                    int(r) for r in c.execute(text("SELECT id FROM handling_units")).scalars()
                ]
                cat = c.execute(
                    text("SELECT id FROM matter_categories WHERE level = 3 LIMIT 1")
                ).scalar_one()
                district = c.execute(
                    text("SELECT id FROM regions WHERE name = '南海区'")
                ).scalar_one()
            for short, role, unit in (
                ("a1", Role.AGENT, None),
                ("a2", Role.AGENT, None),
                ("sup", Role.SUPERVISOR, None),
                ("adm", Role.ADMIN, None),
                ("u1", Role.UNIT, str(unit_ids[0])),
            ):
                name = f"{TAG}_{short}"
                logins.append(name)
                dbroles.add_agent(
                    owner, name, role, PASSWORD, display_name=short, unit=unit, prefix=PREFIX
                )
                urls[short] = (
                    make_url(url)
                    .set(username=name, password=PASSWORD)
                    .render_as_string(hide_password=False)
                )
            try:
                yield World(url, owner, urls, replace(DRAFT, category_id=cat, district_id=district))
            finally:
                # the roles' privileges go first, so the roles can go even if dropping
                # the database does not
                with owner.begin() as c:
                    existing = c.execute(
                        text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:n)"),
                        {"n": [*logins, *groups]},
                    ).scalars()
                    roles = ", ".join(f'"{r}"' for r in existing)
                    if roles:
                        c.exec_driver_sql(f"DROP OWNED BY {roles}")
                owner.dispose()
    finally:
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            for name in [*logins, *groups]:
                c.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')
        admin.dispose()
