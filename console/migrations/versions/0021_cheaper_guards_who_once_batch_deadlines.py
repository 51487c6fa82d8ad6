"""cheaper guards: who a session is planned once, deadlines stored a batch at once

PostgreSQL only. Re-installs the guards (``console.services.dbguards``); nothing they
refuse changes:

- ``hotline_role()``, ``hotline_agent_id()`` and ``hotline_unit_id()`` are PL/pgSQL
  instead of SQL, with the same query (one text, ``dbguards.sql_who.WHO_ROW``) and a
  pinned search_path: a SQL function reading a table is never inlined, and was parsed
  and planned again at every statement that called it (every row filter, every
  trigger); PL/pgSQL keeps the plan for the session (valid whatever search_path the
  caller runs under) and reads the account at every call, as before. The same for
  ``hotline_co_handled()`` (a unit's row filter).
- the triggers that need several of role, agent id, unit id and display name
  (``case_events_stamp``, ``cases_guard_update``, ``cases_guard_holder``,
  ``supervision_notices_stamp``) read them in one query; ``case_events_stamp`` reads
  its case once; ``cases_stamp_insert`` asks for the role once.
- ``hotline_store_deadlines_batch(jsonb)``: a batch of cases' deadlines in one call,
  with every check of the per-case function (the caller's row filter, the cases locked,
  an open deadline moved later only with an event of this transaction that moves it or
  by an administrator, the audit queue for every login but the owner), one statement
  each for the batch; a case appears once in a batch. ``hotline_store_deadlines(integer,
  jsonb)`` stays, as the batch of one (one text of the checks). EXECUTE on the batch
  function is granted here to whoever may execute the per-case one (``python main.py db
  roles`` grants it from ``rules.EXECUTE_GRANTS`` too).
- ``case_deadlines_guard`` fires on an inserted deadline only when it is met (trigger
  ``case_deadlines_guard_met``, ``WHEN (NEW.met_at IS NOT NULL)``): an open one it let
  through without a check; on an update it fires as before (and refuses).

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from console.services import dbguards

revision: str = "0021"
down_revision: str | Sequence[str] | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = "public.hotline_store_deadlines_batch(jsonb)"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    dbguards.install(bind)
    # the groups that store deadlines one case at a time store them a batch at once
    grantees = bind.exec_driver_sql(
        "SELECT pg_catalog.quote_ident(r.rolname) FROM pg_catalog.pg_proc p, "
        "LATERAL pg_catalog.aclexplode(p.proacl) a "
        "JOIN pg_catalog.pg_roles r ON r.oid = a.grantee "
        "WHERE p.oid = 'public.hotline_store_deadlines(integer, jsonb)'::regprocedure "
        "AND a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner"
    ).scalars()
    for grantee in grantees:
        op.execute(f"GRANT EXECUTE ON FUNCTION {_BATCH} TO {grantee}")


def downgrade() -> None:
    # the guards of this release stay, the batch function with them (the per-case one
    # is its batch of one): they refuse exactly what 0019's did
    pass
