"""database guards: pinned SECURITY DEFINER functions, fail-closed row-level security on
every table that carries case data, evidence stamped by the database

PostgreSQL only (on SQLite nothing changes; the console's own checks apply):

- Every function of the guards runs with ``search_path = pg_catalog, pg_temp`` and names
  every table with its schema (PostgreSQL manual, "Writing SECURITY DEFINER Functions
  Safely"): a temporary table of the same name no longer hijacks the owner's trigger.
  EXECUTE is revoked from PUBLIC; ``db roles`` grants it to the groups that need it.
- Who a session is comes from ``session_user`` (a ``SET ROLE`` does not change it).
- Row-level security on cases and on every table that carries a case's data fails
  CLOSED: a login without an active console account sees nothing; a unit's users see
  only rows of the cases their unit leads or co-handles.
- Case history, deadlines, breaches, notices, callbacks, report facts, counters and
  handovers: who and when are stamped from the session, not the client; evidence
  cannot be deleted or backdated by a login (guard triggers), status changes follow
  the lifecycle's transition table (``lifecycle_transitions``, rendered from
  console/domain by ``console.services.dbguards``, never written by hand).

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from console.services import dbguards

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lifecycle_transitions",
        sa.Column("from_status", sa.String(length=16), nullable=False),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint(
            "from_status", "to_status", "role", name=op.f("pk_lifecycle_transitions")
        ),
    )
    # a plain ADD COLUMN (no batch copy of cases on SQLite: that would drop the change
    # feed's triggers on the table); no foreign key, so SQLite can drop it in place too
    op.add_column("cases", sa.Column("returned_by_unit_id", sa.Integer(), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    dbguards.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        dbguards.uninstall(bind)
    op.drop_column("cases", "returned_by_unit_id")  # in place on SQLite ≥ 3.35 too
    op.drop_table("lifecycle_transitions")
