"""telephony: the call log and agents' states at the phone

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uniqueid", sa.String(length=64), nullable=False),
        sa.Column("caller", sa.String(length=32), nullable=False),
        sa.Column("extension", sa.String(length=32), nullable=True),
        sa.Column("queue", sa.String(length=64), nullable=True),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("offered_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("rang_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("wrapped_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("abandoned", sa.Boolean(), nullable=False),
        sa.Column("wait_seconds", sa.Float(), nullable=True),
        sa.Column("recording", sa.String(length=512), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["agent_id"], ["agents.id"], name="fk_calls_agent_id_agents"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_calls_case_id_cases"),
        sa.PrimaryKeyConstraint("id", name="pk_calls"),
        sa.UniqueConstraint("uniqueid", name="uq_calls_uniqueid"),
    )
    op.create_index("ix_calls_offered_at", "calls", ["offered_at"])
    op.create_index("ix_calls_case_id", "calls", ["case_id"])
    op.create_index("ix_calls_caller", "calls", ["caller"])
    op.create_table(
        "agent_states",
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=16), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extension", sa.String(length=32), nullable=True),
        sa.Column("station", sa.String(length=3), nullable=True),
        sa.Column("call_id", sa.String(length=64), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name="fk_agent_states_agent_id_agents"
        ),
        sa.PrimaryKeyConstraint("agent_id", name="pk_agent_states"),
    )


def downgrade() -> None:
    op.drop_table("agent_states")
    op.drop_index("ix_calls_caller", table_name="calls")
    op.drop_index("ix_calls_case_id", table_name="calls")
    op.drop_index("ix_calls_offered_at", table_name="calls")
    op.drop_table("calls")
