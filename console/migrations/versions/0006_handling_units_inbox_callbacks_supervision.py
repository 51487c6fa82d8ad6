"""handling units inbox callbacks supervision

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_NOTICE_SQL = "resolved_at IS NULL"
PENDING_CALLBACK_SQL = "done_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as b:
        b.create_index("ix_cases_unit_id_status", ["unit_id", "status"], unique=False)

    with op.batch_alter_table("agents", schema=None) as b:
        b.add_column(sa.Column("unit_id", sa.Integer(), nullable=True))
        b.create_foreign_key(
            "fk_agents_unit_id_handling_units", "handling_units", ["unit_id"], ["id"]
        )

    op.create_table(
        "case_assist_states",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_case_assist_states_case_id_cases"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["handling_units.id"], name="fk_case_assist_states_unit_id_handling_units"
        ),
        sa.PrimaryKeyConstraint("case_id", "unit_id", name="pk_case_assist_states"),
    )

    op.create_table(
        "supervision_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_by_name", sa.String(length=64), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name="fk_supervision_notices_case_id_cases"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["handling_units.id"], name="fk_supervision_notices_unit_id_handling_units"
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["agents.id"], name="fk_supervision_notices_created_by_id_agents"
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_id"], ["agents.id"], name="fk_supervision_notices_resolved_by_id_agents"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_supervision_notices"),
    )
    with op.batch_alter_table("supervision_notices", schema=None) as b:
        b.create_index("ix_supervision_notices_case_id", ["case_id"], unique=False)
        b.create_index(
            "ix_supervision_notices_open_unit",
            ["unit_id", "created_at"],
            unique=False,
            postgresql_where=sa.text(OPEN_NOTICE_SQL),
            sqlite_where=sa.text(OPEN_NOTICE_SQL),
        )
        b.create_index(
            "ix_supervision_notices_open_kind",
            ["kind", "created_at"],
            unique=False,
            postgresql_where=sa.text(OPEN_NOTICE_SQL),
            sqlite_where=sa.text(OPEN_NOTICE_SQL),
        )

    op.create_table(
        "case_callbacks",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=24), nullable=True),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_case_callbacks_case_id_cases"),
        sa.PrimaryKeyConstraint("case_id", name="pk_case_callbacks"),
    )
    with op.batch_alter_table("case_callbacks", schema=None) as b:
        b.create_index(
            "ix_case_callbacks_pending",
            ["next_try_at", "case_id"],
            unique=False,
            postgresql_where=sa.text(PENDING_CALLBACK_SQL),
            sqlite_where=sa.text(PENDING_CALLBACK_SQL),
        )


def downgrade() -> None:
    op.drop_table("case_callbacks")
    op.drop_table("supervision_notices")
    op.drop_table("case_assist_states")
    with op.batch_alter_table("cases", schema=None) as b:
        b.drop_index("ix_cases_unit_id_status")
    with op.batch_alter_table("agents", schema=None) as b:
        b.drop_constraint("fk_agents_unit_id_handling_units", type_="foreignkey")
        b.drop_column("unit_id")
