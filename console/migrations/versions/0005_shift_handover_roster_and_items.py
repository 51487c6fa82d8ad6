"""shift handover roster and items

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_FLAGS_SQL = "flagged AND done_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as b:
        b.create_index("ix_cases_received_at", ["received_at"], unique=False)

    with op.batch_alter_table("handovers", schema=None) as b:
        b.add_column(
            sa.Column("shift_name", sa.String(length=32), server_default="", nullable=False)
        )
        b.add_column(sa.Column("created_by_id", sa.Integer(), nullable=True))
        b.add_column(sa.Column("coverage_from", sa.DateTime(timezone=True), nullable=True))
        b.add_column(sa.Column("as_of", sa.DateTime(timezone=True), nullable=True))
        b.add_column(sa.Column("acknowledge_note", sa.Text(), server_default="", nullable=False))
        b.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))
        b.create_foreign_key(
            "fk_handovers_created_by_id_agents", "agents", ["created_by_id"], ["id"]
        )
        b.create_index("ix_handovers_starts_at", ["starts_at"], unique=False)

    with op.batch_alter_table("handover_items", schema=None) as b:
        # redundant with the unique (handover_id, case_id): one index less to maintain
        # when a handover of thousands of items is written
        b.drop_index("ix_handover_items_handover_id")
        b.add_column(
            sa.Column("reason", sa.String(length=16), server_default="touched", nullable=False)
        )
        b.add_column(
            sa.Column("case_number", sa.String(length=20), server_default="", nullable=False)
        )
        b.add_column(sa.Column("due_at", sa.DateTime(timezone=True), nullable=True))
        b.add_column(sa.Column("snapshot", sa.JSON(), nullable=True))
        b.add_column(sa.Column("picked_up_by_id", sa.Integer(), nullable=True))
        b.add_column(sa.Column("picked_up_at", sa.DateTime(timezone=True), nullable=True))
        b.add_column(sa.Column("done_by_id", sa.Integer(), nullable=True))
        b.create_foreign_key(
            "fk_handover_items_picked_up_by_id_agents", "agents", ["picked_up_by_id"], ["id"]
        )
        b.create_foreign_key(
            "fk_handover_items_done_by_id_agents", "agents", ["done_by_id"], ["id"]
        )
        b.create_index(
            "ix_handover_items_open_flags",
            ["handover_id"],
            unique=False,
            postgresql_where=sa.text(OPEN_FLAGS_SQL),
            sqlite_where=sa.text(OPEN_FLAGS_SQL),
        )

    op.create_table(
        "handover_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handover_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=48), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("accepted_by_id", sa.Integer(), nullable=True),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["accepted_by_id"], ["agents.id"], name="fk_handover_groups_accepted_by_id_agents"
        ),
        sa.ForeignKeyConstraint(
            ["handover_id"], ["handovers.id"], name="fk_handover_groups_handover_id_handovers"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_handover_groups"),
        sa.UniqueConstraint("handover_id", "key", name="uq_handover_groups_handover_id_key"),
    )
    with op.batch_alter_table("handover_groups", schema=None) as b:
        b.create_index("ix_handover_groups_handover_id", ["handover_id"], unique=False)

    op.create_table(
        "shift_incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reported_by_id", sa.Integer(), nullable=True),
        sa.Column("station", sa.String(length=3), nullable=False),
        sa.ForeignKeyConstraint(
            ["reported_by_id"], ["agents.id"], name="fk_shift_incidents_reported_by_id_agents"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_shift_incidents"),
    )
    with op.batch_alter_table("shift_incidents", schema=None) as b:
        b.create_index("ix_shift_incidents_at", ["at"], unique=False)

    op.create_table(
        "shift_roster",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_code", sa.String(length=16), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name="fk_shift_roster_agent_id_agents"
        ),
        sa.ForeignKeyConstraint(
            ["shift_code"],
            ["shift_definitions.code"],
            name="fk_shift_roster_shift_code_shift_definitions",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_shift_roster"),
        sa.UniqueConstraint("shift_code", "agent_id", name="uq_shift_roster_shift_code_agent_id"),
    )
    with op.batch_alter_table("shift_roster", schema=None) as b:
        b.create_index("ix_shift_roster_agent_id", ["agent_id"], unique=False)

    op.create_table(
        "shift_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("shift_code", sa.String(length=16), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("signed_in_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("station", sa.String(length=3), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name="fk_shift_attendance_agent_id_agents"
        ),
        sa.ForeignKeyConstraint(
            ["shift_code"],
            ["shift_definitions.code"],
            name="fk_shift_attendance_shift_code_shift_definitions",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_shift_attendance"),
        sa.UniqueConstraint(
            "agent_id",
            "shift_code",
            "starts_at",
            name="uq_shift_attendance_agent_id_shift_code_starts_at",
        ),
    )
    with op.batch_alter_table("shift_attendance", schema=None) as b:
        b.create_index("ix_shift_attendance_starts_at", ["starts_at"], unique=False)


def downgrade() -> None:
    op.drop_table("shift_attendance")
    op.drop_table("shift_roster")
    op.drop_table("shift_incidents")
    op.drop_table("handover_groups")
    with op.batch_alter_table("handover_items", schema=None) as b:
        b.drop_index("ix_handover_items_open_flags")
        b.drop_constraint("fk_handover_items_done_by_id_agents", type_="foreignkey")
        b.drop_constraint("fk_handover_items_picked_up_by_id_agents", type_="foreignkey")
        b.create_index("ix_handover_items_handover_id", ["handover_id"], unique=False)
        for col in (
            "done_by_id",
            "picked_up_at",
            "picked_up_by_id",
            "snapshot",
            "due_at",
            "case_number",
            "reason",
        ):
            b.drop_column(col)
    with op.batch_alter_table("handovers", schema=None) as b:
        b.drop_index("ix_handovers_starts_at")
        b.drop_constraint("fk_handovers_created_by_id_agents", type_="foreignkey")
        for col in (
            "version",
            "acknowledge_note",
            "as_of",
            "coverage_from",
            "created_by_id",
            "shift_name",
        ):
            b.drop_column(col)
    with op.batch_alter_table("cases", schema=None) as b:
        b.drop_index("ix_cases_received_at")
