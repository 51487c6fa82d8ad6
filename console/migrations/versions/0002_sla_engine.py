"""sla engine: policy matching and thresholds, calendar overrides, per-milestone
deadlines, breaches recorded once, next-deadline details on cases

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNMET = "met_at IS NULL AND NOT paused"


def upgrade() -> None:
    with op.batch_alter_table("sla_policies") as b:
        b.add_column(sa.Column("match_case_type", sa.String(16), nullable=True))
        b.add_column(sa.Column("match_urgency", sa.String(16), nullable=True))
        b.add_column(sa.Column("match_channel", sa.String(32), nullable=True))
        b.add_column(sa.Column("match_class", sa.String(32), nullable=True))
        b.add_column(sa.Column("priority", sa.Integer(), nullable=False, server_default="0"))
        b.add_column(
            sa.Column(
                "work_hours",
                sa.String(64),
                nullable=False,
                server_default="09:00-12:00,14:00-18:00",
            )
        )
    with op.batch_alter_table("sla_milestones") as b:
        b.add_column(sa.Column("warn_minutes", sa.Integer(), nullable=True))
        b.add_column(sa.Column("critical_minutes", sa.Integer(), nullable=True))
    with op.batch_alter_table("cases") as b:
        b.add_column(sa.Column("next_limit_unit", sa.String(16), nullable=True))
        b.add_column(sa.Column("next_warn_at", sa.DateTime(timezone=True), nullable=True))
        b.add_column(sa.Column("next_critical_at", sa.DateTime(timezone=True), nullable=True))
        b.add_column(sa.Column("sla_paused", sa.Boolean(), nullable=False, server_default="0"))
        b.add_column(sa.Column("sla_unverified", sa.Boolean(), nullable=False, server_default="0"))

    op.create_table(
        "calendar_overrides",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("workday", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(200), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["agents.id"],
            name=op.f("fk_calendar_overrides_created_by_id_agents"),
        ),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_calendar_overrides")),
    )
    op.create_table(
        "case_deadlines",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("milestone_code", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("limit_unit", sa.String(16), nullable=False),
        sa.Column("start_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("original_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("met_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_deadlines_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("case_id", "milestone_code", name=op.f("pk_case_deadlines")),
    )
    op.create_index(
        "ix_case_deadlines_unmet_due",
        "case_deadlines",
        ["due_at"],
        postgresql_where=sa.text(UNMET),
        sqlite_where=sa.text(UNMET),
    )
    op.create_table(
        "case_breaches",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("milestone_code", sa.String(32), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_breaches_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("case_id", "milestone_code", name=op.f("pk_case_breaches")),
    )
    op.create_index(op.f("ix_case_breaches_recorded_at"), "case_breaches", ["recorded_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_case_breaches_recorded_at"), table_name="case_breaches")
    op.drop_table("case_breaches")
    op.drop_index("ix_case_deadlines_unmet_due", table_name="case_deadlines")
    op.drop_table("case_deadlines")
    op.drop_table("calendar_overrides")
    with op.batch_alter_table("cases") as b:
        for col in (
            "sla_unverified",
            "sla_paused",
            "next_critical_at",
            "next_warn_at",
            "next_limit_unit",
        ):
            b.drop_column(col)
    with op.batch_alter_table("sla_milestones") as b:
        b.drop_column("critical_minutes")
        b.drop_column("warn_minutes")
    with op.batch_alter_table("sla_policies") as b:
        for col in (
            "work_hours",
            "priority",
            "match_class",
            "match_channel",
            "match_urgency",
            "match_case_type",
        ):
            b.drop_column(col)
