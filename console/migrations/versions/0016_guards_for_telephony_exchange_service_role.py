"""guards for this wave's tables (calls, agents' states, attachments, suggestions'
feedback, the exchange service's tables), the exchange service's own group, counters

PostgreSQL only (on SQLite nothing changes). Re-installs the guards of revision 0013
(``console.services.dbguards``), which now also cover:

- row-level security (failing closed) on the new tables that carry a case's data:
  ``calls``, ``case_attachments``, ``suggestion_feedback``, ``exchange_orders``,
  ``webhook_deliveries``, ``sms_messages``; attachments' bytes are read through an
  attachment of a visible case; ``agent_states`` and ``suggestion_feedback`` are
  written by a login in its own name only;
- the call log's guard (answered by oneself only, the phone system's times kept);
- number counters: a login starts only a registered workstation's counter of a day its
  cases can carry;
- a workstation's last contact with an empty outbox (``workstations.last_contact_at``,
  stamped by the database through ``hotline_station_contact``): a case replayed from
  the outbox cannot have been answered more than 2 hours before it;
- a case's deadlines are written only through ``hotline_store_deadlines`` (an open
  deadline moves later only with an event the SLA reads), and the deadlines a case
  shows (``next_due_at``, ``final_due_at``) must be its milestones';
- the exchange service's account role ``exchange`` (group ``<prefix>exchange``, created
  by ``db roles``; its login by ``db add-service``): sees every case, records a case's
  creation, its dispatch and the units' steps, nothing else.

Grants are applied by ``python main.py db roles`` (``db upgrade`` re-applies them when
the groups exist).

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from console.services import dbguards

revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (policy, table) pairs this revision adds
_POLICIES = (
    *(("case_rows", t) for t in ("calls", "case_attachments", "suggestion_feedback",
                                 "exchange_orders", "webhook_deliveries", "sms_messages",
                                 "attachment_blobs")),
    *((p, t) for t in ("agent_states", "suggestion_feedback")
      for p in ("own_rows_read", "own_rows_insert", "own_rows_update", "own_rows_delete")),
)  # fmt: skip


def upgrade() -> None:
    # the station's last contact with an empty outbox (stamped by the database)
    op.add_column(
        "workstations", sa.Column("last_contact_at", sa.DateTime(timezone=True), nullable=True)
    )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    dbguards.install(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        op.drop_column("workstations", "last_contact_at")
        return
    for name, table in (("calls_guard", "calls"),
                        ("number_counters_insert", "number_counters")):  # fmt: skip
        op.execute(f"DROP TRIGGER IF EXISTS {name} ON public.{table}")
    op.execute("DROP FUNCTION IF EXISTS public.calls_guard()")
    op.execute("DROP FUNCTION IF EXISTS public.number_counters_insert()")
    for policy, table in _POLICIES:
        op.execute(f"DROP POLICY IF EXISTS {policy} ON public.{table}")
    for table in {t for _p, t in _POLICIES}:
        op.execute(f"ALTER TABLE public.{table} DISABLE ROW LEVEL SECURITY")
    for trigger in ("cases_due_checked", "cases_due_checked_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger} ON public.cases")
    op.execute("DROP FUNCTION IF EXISTS public.cases_due_checked()")
    op.execute("DROP FUNCTION IF EXISTS public.hotline_store_deadlines(integer, jsonb)")
    op.execute("DROP FUNCTION IF EXISTS public.hotline_station_contact(text)")
    op.drop_column("workstations", "last_contact_at")
