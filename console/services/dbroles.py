"""Database accounts and grants on the central PostgreSQL ("who may do what").

Every person signs in with a login role of their own (SCRAM-SHA-256 password) whose name
is their ``agents.username``; the login is a member of one group role per console role:
``<prefix>agent``, ``<prefix>supervisor``, ``<prefix>admin``, ``<prefix>unit``
(prefix ``hotline_`` by default). The groups receive GRANTs by one default rule over
every table of the schema, narrowed by the explicit list ``dbgrants.RESTRICTED``; so tables
added by later migrations get working grants without an edit here (``db roles`` is
re-run after each ``db upgrade``; ``db upgrade`` re-applies grants itself when the
groups exist). Row-level security, the holder guard and the confidential-caller side
table are in migration 0009.

Roles are cluster objects: this module is run by an administrator's login (a superuser,
or a role with CREATEROLE that owns the schema). No Qt here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.orm import Session

from console.domain.casetypes import Role
from console.domain.errors import UserError
from console.infra.roleprefix import DEFAULT_PREFIX, configured_prefix  # noqa: F401 - used by the accounts screen
from console.models import Agent, HandlingUnit
from console.services import dbguards

log = logging.getLogger("console.db")


from console.services.dbgrants import (  # noqa: E402 - the grant tables, as data
    CASE_COLUMNS_FIXED,
    DEFAULT,
    GROUPS,
    READ,
    RESTRICTED,
    SERVICE,
    SERVICE_DISPLAY,
    SERVICE_GRANTS,
    SERVICE_USERNAME,
)

_NAME = re.compile(r"^[a-z][a-z0-9_.-]{0,62}$")


class AccountError(UserError):
    """An administrator's account command cannot be carried out (shown plainly)."""


@dataclass(frozen=True)
class Grant:
    table: str
    group: str
    privileges: tuple[str, ...]
    update_columns: tuple[str, ...] = ()  # column-level UPDATE instead of table-level


@dataclass(frozen=True)
class AccountRow:
    username: str
    display_name: str
    role: str
    active: bool
    can_login: bool | None  # None: no database login of that name
    groups: tuple[str, ...]
    unit: str = ""  # the handling unit of a unit's user


def group_name(role: Role | str, prefix: str = DEFAULT_PREFIX) -> str:
    """``<prefix><role>``: a person's role, or the exchange service's (``exchange``)."""
    name = SERVICE if str(role) == SERVICE else Role(role).value
    return f"{prefix}{name}"


def all_group_names(prefix: str = DEFAULT_PREFIX) -> list[str]:
    """Every group role: the people's and the service's."""
    return [*(group_name(g, prefix) for g in GROUPS), group_name(SERVICE, prefix)]


def check_prefix(prefix: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,40}", prefix):
        raise AccountError(f"bad role prefix {prefix!r}: lowercase letters, digits, _")
    return prefix


def check_username(username: str, prefix: str = DEFAULT_PREFIX) -> str:
    name = username.strip()
    if not _NAME.fullmatch(name):
        raise AccountError(
            f"bad user name {username!r}: 1-63 characters, lowercase letter first, then "
            "lowercase letters, digits, '_', '.', '-'"
        )
    if name in all_group_names(prefix) or name in ("postgres", "public"):
        raise AccountError(f"{name!r} is reserved")
    return name


def plan_grants(
    tables: Iterable[str],
    case_columns: Iterable[str],
    prefix: str = DEFAULT_PREFIX,
    views: Iterable[str] = (),
) -> list[Grant]:
    """The grants of every group on every table (and view: read only): the default rule,
    then the exceptions."""
    plan: list[Grant] = []
    cols = tuple(sorted(c for c in case_columns if c not in CASE_COLUMNS_FIXED))
    view_set = set(views)
    for table in sorted({*tables, *view_set}):
        default = {g: READ for g in GROUPS} if table in view_set else DEFAULT
        rule = RESTRICTED.get(table, default)
        for g in GROUPS:
            privs = tuple(rule.get(g, ()))
            if table == "cases" and "UPDATE" in privs:
                plan.append(
                    Grant(
                        table, group_name(g, prefix), tuple(p for p in privs if p != "UPDATE"), cols
                    )
                )
            else:
                plan.append(Grant(table, group_name(g, prefix), privs))
        service = () if table in view_set else SERVICE_GRANTS.get(table, ())
        if table == "cases" and "UPDATE" in service:
            plan.append(
                Grant(
                    table,
                    group_name(SERVICE, prefix),
                    tuple(p for p in service if p != "UPDATE"),
                    cols,
                )
            )
        else:
            plan.append(Grant(table, group_name(SERVICE, prefix), tuple(service)))
    return plan


def _q(conn: Connection, ident: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(ident)


def _require_pg(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        raise AccountError("database roles exist only on PostgreSQL (the central database)")


def _role_exists(conn: Connection, name: str) -> bool:
    return (
        conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
        is not None
    )


def groups_exist(engine: Engine, prefix: str = DEFAULT_PREFIX) -> bool:
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect() as conn:
        return all(_role_exists(conn, group_name(g, prefix)) for g in GROUPS)


def service_group_exists(engine: Engine, prefix: str = DEFAULT_PREFIX) -> bool:
    if engine.dialect.name != "postgresql":
        return False
    with engine.connect() as conn:
        return _role_exists(conn, group_name(SERVICE, prefix))


def apply_roles(engine: Engine, prefix: str = DEFAULT_PREFIX) -> list[Grant]:
    """Create the group roles (if missing) and (re)apply every grant. Idempotent."""
    _require_pg(engine)
    check_prefix(prefix)
    with engine.begin() as conn:
        for name in all_group_names(prefix):
            if not _role_exists(conn, name):
                conn.exec_driver_sql(f"CREATE ROLE {_q(conn, name)} NOLOGIN")
                log.info("created group role %s", name)
        database = conn.exec_driver_sql("SELECT current_database()").scalar_one()
        tables = [
            str(t)
            for t in conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            ).scalars()
        ]
        views = [
            str(v)
            for v in conn.execute(
                text(
                    "SELECT viewname FROM pg_views WHERE schemaname = 'public' UNION "
                    "SELECT matviewname FROM pg_matviews WHERE schemaname = 'public'"
                )
            ).scalars()
        ]
        case_columns = [
            str(c)
            for c in conn.execute(
                text(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = 'public' AND table_name = 'cases'"
                )
            ).scalars()
        ]
        conn.exec_driver_sql("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        # no temporary objects (the classic way to hijack a function's search_path) and
        # no large objects owned by logins: nothing of the console needs either
        conn.exec_driver_sql(f"REVOKE TEMPORARY ON DATABASE {_q(conn, database)} FROM PUBLIC")
        plan = plan_grants(tables, case_columns, prefix, views)
        groups = ", ".join(_q(conn, g) for g in all_group_names(prefix))
        conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {_q(conn, database)} TO {groups}")
        conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {groups}")
        conn.exec_driver_sql(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {groups}")
        conn.exec_driver_sql(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {groups}")
        for gr in plan:
            table, group = _q(conn, gr.table), _q(conn, gr.group)
            conn.exec_driver_sql(f"REVOKE ALL ON {table} FROM {group}")
            if gr.privileges:
                conn.exec_driver_sql(f"GRANT {', '.join(gr.privileges)} ON {table} TO {group}")
            if gr.update_columns:
                cols = ", ".join(_q(conn, c) for c in gr.update_columns)
                conn.exec_driver_sql(f"GRANT UPDATE ({cols}) ON {table} TO {group}")
        if "lifecycle_transitions" in tables:  # the guards of migration 0013 are there
            dbguards.install(conn)  # this release's functions, triggers and row filters
            dbguards.grant_execute(
                conn,
                {
                    **{g.value: _q(conn, group_name(g, prefix)) for g in GROUPS},
                    SERVICE: _q(conn, group_name(SERVICE, prefix)),
                },
            )
    log.info("grants applied on %d tables for %s*", len(tables), prefix)
    return plan


def scram_verifier(conn: Connection, username: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier, computed by libpq on this side: the plain password
    never travels in an SQL statement (which the server might log)."""
    raw = conn.connection.dbapi_connection
    pgconn = getattr(raw, "pgconn", None)
    if pgconn is None:
        raise AccountError("SCRAM passwords need the psycopg 3 driver")
    verifier: bytes = pgconn.encrypt_password(
        password.encode("utf-8"), username.encode("utf-8"), b"scram-sha-256"
    )
    return verifier.decode("ascii")


def _literal(conn: Connection, value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _find_unit(s: Session, unit: str) -> int:
    ref = unit.strip()
    cond = HandlingUnit.name == ref
    code = getattr(HandlingUnit, "code", None)
    if code is not None:
        cond = cond | (code == ref)
    if ref.isdigit():
        cond = cond | (HandlingUnit.id == int(ref))
    found = s.scalars(select(HandlingUnit.id).where(cond)).first()
    if found is None:
        raise AccountError(f"no handling unit {unit!r} (give its id or its exact name)")
    return int(found)


def _upsert_agent(
    s: Session,
    username: str,
    role: Role,
    display_name: str | None,
    unit: str | None,
    team: str | None,
) -> Agent:
    a = s.scalars(select(Agent).where(Agent.username == username)).first()
    if a is None:
        a = Agent(username=username, display_name=display_name or username, role=role.value)
        s.add(a)
    a.role = role.value
    a.active = True
    if display_name:
        a.display_name = display_name
    if team is not None:
        a.team = team or None
    if hasattr(Agent, "unit_id"):
        if unit:
            a.unit_id = _find_unit(s, unit)
        elif role != Role.UNIT:
            a.unit_id = None
    elif unit:
        raise AccountError("this schema has no handling-unit users yet")
    if role == Role.UNIT and getattr(a, "unit_id", None) is None:
        raise AccountError("a handling-unit user needs --unit")
    s.flush()
    return a


def add_agent(
    engine: Engine,
    username: str,
    role: Role | str,
    password: str | None,
    *,
    display_name: str | None = None,
    unit: str | None = None,
    team: str | None = None,
    prefix: str = DEFAULT_PREFIX,
) -> AccountRow:
    """Create (or update and re-enable) a person's account: the agents row and, on
    PostgreSQL, a login role with a SCRAM password in the group of their role."""
    check_prefix(prefix)
    name = check_username(username, prefix)
    r = Role(role)
    pg = engine.dialect.name == "postgresql"
    if pg and not password:
        raise AccountError("a password is required")
    with engine.begin() as conn:
        if pg:
            groups = [group_name(g, prefix) for g in GROUPS]
            missing = [g for g in groups if not _role_exists(conn, g)]
            if missing:
                raise AccountError(
                    f"group roles missing ({', '.join(missing)}): run `python main.py db roles`"
                )
            assert password is not None
            verifier = _literal(conn, scram_verifier(conn, name, password))
            who = _q(conn, name)
            if _role_exists(conn, name):
                conn.exec_driver_sql(f"ALTER ROLE {who} WITH LOGIN INHERIT PASSWORD {verifier}")
            else:
                conn.exec_driver_sql(f"CREATE ROLE {who} WITH LOGIN INHERIT PASSWORD {verifier}")
            for g in all_group_names(prefix):
                conn.exec_driver_sql(f"REVOKE {_q(conn, g)} FROM {who}")
            conn.exec_driver_sql(f"GRANT {_q(conn, group_name(r, prefix))} TO {who}")
        with Session(bind=conn) as s:
            _upsert_agent(s, name, r, display_name, unit, team)
            s.flush()
    log.info("account %s (%s) added or updated", name, r.value)
    return next(a for a in list_agents(engine, prefix) if a.username == name)


def add_service(
    engine: Engine,
    password: str,
    username: str = SERVICE_USERNAME,
    *,
    prefix: str = DEFAULT_PREFIX,
) -> AccountRow:
    """Create (or update and re-enable) the exchange service's account: a login in the
    group ``<prefix>exchange`` only (never a person's group) and its agents row, role
    ``exchange``. ``serve --database postgresql://<username>@…`` then runs under it."""
    _require_pg(engine)
    check_prefix(prefix)
    name = check_username(username, prefix)
    if not password:
        raise AccountError("a password is required")
    with engine.begin() as conn:
        group = group_name(SERVICE, prefix)
        if not _role_exists(conn, group):
            raise AccountError(f"group role {group} missing: run `python main.py db roles`")
        verifier = _literal(conn, scram_verifier(conn, name, password))
        who = _q(conn, name)
        verb = "ALTER" if _role_exists(conn, name) else "CREATE"
        conn.exec_driver_sql(f"{verb} ROLE {who} WITH LOGIN INHERIT PASSWORD {verifier}")
        for g in all_group_names(prefix):
            conn.exec_driver_sql(f"REVOKE {_q(conn, g)} FROM {who}")
        conn.exec_driver_sql(f"GRANT {_q(conn, group)} TO {who}")
        with Session(bind=conn) as s:
            a = s.scalars(select(Agent).where(Agent.username == name)).first()
            if a is None:
                a = Agent(username=name, display_name=SERVICE_DISPLAY, role=SERVICE)
                s.add(a)
            a.role = SERVICE
            a.active = True
            a.unit_id = None
            a.team = None
            s.flush()
    log.info("service account %s added or updated", name)
    return next(a for a in list_agents(engine, prefix) if a.username == name)


def disable_agent(engine: Engine, username: str) -> None:
    """NOLOGIN and agents.active = false; open sessions of that login are ended."""
    name = username.strip()
    with engine.begin() as conn:
        with Session(bind=conn) as s:
            a = s.scalars(select(Agent).where(Agent.username == name)).first()
            if a is None:
                raise AccountError(f"no agent {name!r}")
            a.active = False
            s.flush()
        if engine.dialect.name == "postgresql" and _role_exists(conn, name):
            conn.exec_driver_sql(f"ALTER ROLE {_q(conn, name)} WITH NOLOGIN")
            try:
                with conn.begin_nested():
                    conn.execute(
                        text(
                            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE usename = :n AND pid <> pg_backend_pid()"
                        ),
                        {"n": name},
                    )
            except Exception as exc:  # noqa: BLE001 - not allowed to signal: say so
                log.warning("could not end %s's open sessions: %s", name, exc)
    log.info("account %s disabled", name)


def list_agents(engine: Engine, prefix: str = DEFAULT_PREFIX) -> list[AccountRow]:
    with engine.connect() as conn:
        agents = conn.execute(
            select(Agent.username, Agent.display_name, Agent.role, Agent.active, HandlingUnit.name)
            .outerjoin(HandlingUnit, HandlingUnit.id == Agent.unit_id)
            .order_by(Agent.username)
        ).all()
        logins: dict[str, tuple[bool, tuple[str, ...]]] = {}
        if engine.dialect.name == "postgresql":
            rows = conn.execute(
                text(
                    """
                    SELECT r.rolname, r.rolcanlogin,
                        coalesce(array_agg(g.rolname ORDER BY g.rolname)
                            FILTER (WHERE g.rolname LIKE :p), '{}')
                    FROM pg_roles r
                    LEFT JOIN pg_auth_members m ON m.member = r.oid
                    LEFT JOIN pg_roles g ON g.oid = m.roleid
                    GROUP BY r.rolname, r.rolcanlogin
                    """
                ),
                {"p": prefix.replace("_", "\\_") + "%"},
            ).all()
            logins = {str(r[0]): (bool(r[1]), tuple(r[2])) for r in rows}
    out = []
    for username, display, role, active, unit in agents:
        login = logins.get(username)
        out.append(
            AccountRow(
                username,
                display,
                role,
                bool(active),
                login[0] if login else None,
                login[1] if login else (),
                unit or "",
            )
        )
    return out
