"""lifecycle: SLA policies match on sub-type; shipped defaults told apart from edits

- ``sla_policies.match_sub_type``: a policy may name the sub-type it applies to
  (Guangdong's limits differ between help/suggestion and complaint/report).
- ``case_facts.response_rounds`` / ``improper_returns``: the average response time is
  measured per dispatch round (never negative after a reopening), improper returns are
  counted; the stored facts are dropped to be recomputed from the history.
- ``sla_policies.shipped``: the version came from the reference data, not from an
  administrator's save; the seeder replaces only shipped versions with newer defaults.
  Every existing version 1 was seeded, so it is marked shipped.

The new statuses (archived, invalid, merged) and event kinds are plain strings in the
existing columns: no schema change.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sla_policies") as batch:
        batch.add_column(sa.Column("match_sub_type", sa.String(16), nullable=True))
        batch.add_column(sa.Column("shipped", sa.Boolean(), nullable=False, server_default="0"))
    op.execute(sa.text("UPDATE sla_policies SET shipped = :t WHERE version = 1").bindparams(t=True))
    # assessment: response time per dispatch round; improper returns (refused by the
    # centre). The stored facts are recomputed from the history (services.assessment).
    with op.batch_alter_table("case_facts") as batch:
        batch.add_column(
            sa.Column("response_rounds", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(
            sa.Column("improper_returns", sa.Integer(), nullable=False, server_default="0")
        )
    # emptied with the watermark: the next refresh recomputes every case from its history
    op.execute("DELETE FROM case_facts")
    op.execute("DELETE FROM facts_watermark")


def downgrade() -> None:
    with op.batch_alter_table("case_facts") as batch:
        batch.drop_column("improper_returns")
        batch.drop_column("response_rounds")
    with op.batch_alter_table("sla_policies") as batch:
        batch.drop_column("shipped")
        batch.drop_column("match_sub_type")
