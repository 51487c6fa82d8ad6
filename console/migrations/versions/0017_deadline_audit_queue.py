"""the deadline audit's queue: cases whose deadlines or policy a login wrote

``deadline_audit`` (case, time queued) on both engines. On PostgreSQL it is filled by the
database itself and read by no login (no grant, row-level security with no policy):

- ``hotline_store_deadlines`` queues every case a login (not the owner) stores deadlines
  for;
- a trigger on ``cases`` queues every case a login creates, and every case whose policy,
  the fields that choose it, or the deadlines the queues show a login changes;
- logins cannot record the audit's ``deadline_corrected`` event.

The trusted worker (``python main.py sla audit``, under the schema owner) recomputes the
queued cases with the one SLA engine and corrects what differs (console/services/
sla_audit.py). Re-installs the guards of revision 0013 (``console.services.dbguards``).
On SQLite (no logins) the table stays empty.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from console.services import dbguards
from console.services.dbguards.sql_audit import uninstall_queue

revision: str = "0017"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "deadline_audit",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_deadline_audit_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_deadline_audit")),
    )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    dbguards.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        uninstall_queue(bind)
    op.drop_table("deadline_audit")
    # hotline_store_deadlines without the queue (the guards render it so when the table
    # is not there)
    if bind.dialect.name == "postgresql":
        dbguards.install(bind)
