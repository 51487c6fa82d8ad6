"""assessment reports hotspots

Revision ID: 0007
Revises: 0006

The assessment's summary table (case_facts, one narrow row per case, and its
watermark), indexes for computing it (a case's events by kind; dispatch times), the
hotspot reviews and the per-case keyword cache.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # a cohort's events: (case_id, kind) makes "first acceptance, returns, last callback
    # of these cases" an index range per case instead of a scan of the whole history
    op.create_index("ix_case_events_case_kind", "case_events", ["case_id", "kind", "at"])
    op.create_index("ix_cases_dispatched_at", "cases", ["dispatched_at"])
    # the assessment's summary table: one narrow row per case, refreshed from the history
    op.create_table(
        "case_facts",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("class_code", sa.String(length=32), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("case_type", sa.String(length=16), nullable=False),
        sa.Column("dispatched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resp_due", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resp_met", sa.DateTime(timezone=True), nullable=True),
        sa.Column("due_ext", sa.DateTime(timezone=True), nullable=True),
        sa.Column("due_orig", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("response_seconds", sa.Float(), nullable=True),
        sa.Column("returns", sa.Integer(), nullable=False),
        sa.Column("ext_requested", sa.Integer(), nullable=False),
        sa.Column("ext_approved", sa.Integer(), nullable=False),
        sa.Column("satisfaction", sa.String(length=32), nullable=True),
        sa.Column("solved", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_case_facts_case_id_cases"),
        sa.PrimaryKeyConstraint("case_id", name="pk_case_facts"),
    )
    op.create_index("ix_case_facts_created_at", "case_facts", ["created_at"])
    op.create_table(
        "facts_watermark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("refreshed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_facts_watermark"),
    )
    op.create_table(
        "case_keywords",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("words", sa.String(length=200), nullable=False),
        sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_case_keywords_case_id_cases"),
        sa.PrimaryKeyConstraint("case_id", name="pk_case_keywords"),
    )
    op.create_table(
        "hotspot_reviews",
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("note", sa.String(length=400), nullable=False),
        sa.Column("reviewed_by_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_by_name", sa.String(length=64), nullable=False),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["reviewed_by_id"], ["agents.id"], name="fk_hotspot_reviews_reviewed_by_id_agents"
        ),
        sa.PrimaryKeyConstraint("key", name="pk_hotspot_reviews"),
    )


def downgrade() -> None:
    op.drop_table("hotspot_reviews")
    op.drop_table("case_keywords")
    op.drop_table("facts_watermark")
    op.drop_index("ix_case_facts_created_at", table_name="case_facts")
    op.drop_table("case_facts")
    op.drop_index("ix_cases_dispatched_at", table_name="cases")
    op.drop_index("ix_case_events_case_kind", table_name="case_events")
