"""cheaper guards: who a session is, planned once and read once a trigger

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

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from console.services import dbguards

revision: str = "0020"
down_revision: str | Sequence[str] | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    dbguards.install(bind)


def downgrade() -> None:
    # the guards of this release stay: they refuse exactly what 0019's did
    pass
