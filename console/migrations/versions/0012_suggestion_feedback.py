"""suggestion feedback: what agents did with the suggestions learned from history

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "suggestion_feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("model_version", sa.Integer(), nullable=False),
        sa.Column("shown", sa.JSON(), nullable=False),
        sa.Column("unit_source", sa.String(length=8), nullable=False),
        sa.Column("accepted_rank", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name="fk_suggestion_feedback_agent_id_agents"
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_suggestion_feedback_case_id_cases"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_suggestion_feedback"),
    )
    op.create_index("ix_suggestion_feedback_at", "suggestion_feedback", ["at"])


def downgrade() -> None:
    op.drop_index("ix_suggestion_feedback_at", table_name="suggestion_feedback")
    op.drop_table("suggestion_feedback")
