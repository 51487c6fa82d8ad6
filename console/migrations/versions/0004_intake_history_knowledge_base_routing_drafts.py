"""intake history knowledge base routing drafts

Knowledge base (articles and their uses), routing rules, "same issue" links between
cases, co-handling units, the log of imported web-channel messages (unique by channel
and message id: imports are idempotent) and partial indexes for duplicate suggestions.
Drafts are kept on the workstation (console.infra.drafts), not in the database.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_STATUS_SQL = (
    "status IN ('received','dispatched','accepted','in_progress','replied','returned')"
)
DUPLICATE_INDEXES = (
    ("ix_cases_open_category_created", "category_id"),
    ("ix_cases_open_town_created", "town_id"),
    ("ix_cases_open_district_created", "district_id"),
)


def upgrade() -> None:
    op.create_table(
        "knowledge_articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=200), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("keywords", sa.String(length=400), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["matter_categories.id"],
            name=op.f("fk_knowledge_articles_category_id_matter_categories"),
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["agents.id"],
            name=op.f("fk_knowledge_articles_updated_by_id_agents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_articles")),
        sa.UniqueConstraint("question", name=op.f("uq_knowledge_articles_question")),
    )
    with op.batch_alter_table("knowledge_articles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_knowledge_articles_updated_at"), ["updated_at"], unique=False
        )

    op.create_table(
        "knowledge_uses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name=op.f("fk_knowledge_uses_agent_id_agents")
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["knowledge_articles.id"],
            name=op.f("fk_knowledge_uses_article_id_knowledge_articles"),
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_knowledge_uses_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_uses")),
    )
    with op.batch_alter_table("knowledge_uses", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_knowledge_uses_article_id"), ["article_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_knowledge_uses_case_id"), ["case_id"], unique=False)

    op.create_table(
        "routing_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("co_unit_ids", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["matter_categories.id"],
            name=op.f("fk_routing_rules_category_id_matter_categories"),
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["regions.id"], name=op.f("fk_routing_rules_district_id_regions")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["handling_units.id"],
            name=op.f("fk_routing_rules_unit_id_handling_units"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routing_rules")),
        sa.UniqueConstraint(
            "category_id", "district_id", name=op.f("uq_routing_rules_category_id_district_id")
        ),
    )

    op.create_table(
        "case_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("linked_case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_links_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["agents.id"], name=op.f("fk_case_links_created_by_id_agents")
        ),
        sa.ForeignKeyConstraint(
            ["linked_case_id"], ["cases.id"], name=op.f("fk_case_links_linked_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_links")),
        sa.UniqueConstraint(
            "case_id",
            "linked_case_id",
            "kind",
            name=op.f("uq_case_links_case_id_linked_case_id_kind"),
        ),
    )
    with op.batch_alter_table("case_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_case_links_linked_case_id"), ["linked_case_id"], unique=False
        )

    op.create_table(
        "case_co_units",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_co_units_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["handling_units.id"],
            name=op.f("fk_case_co_units_unit_id_handling_units"),
        ),
        sa.PrimaryKeyConstraint("case_id", "unit_id", name=op.f("pk_case_co_units")),
    )

    op.create_table(
        "imported_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_code", sa.String(length=32), nullable=False),
        sa.Column("message_id", sa.String(length=64), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("source_file", sa.String(length=255), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_imported_messages_case_id_cases")
        ),
        sa.ForeignKeyConstraint(
            ["channel_code"],
            ["channels.code"],
            name=op.f("fk_imported_messages_channel_code_channels"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_messages")),
        sa.UniqueConstraint(
            "channel_code",
            "message_id",
            name=op.f("uq_imported_messages_channel_code_message_id"),
        ),
    )
    with op.batch_alter_table("imported_messages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_imported_messages_case_id"), ["case_id"], unique=False)

    for name, column in DUPLICATE_INDEXES:
        op.create_index(
            name,
            "cases",
            [column, "created_at"],
            unique=False,
            postgresql_where=sa.text(OPEN_STATUS_SQL),
            sqlite_where=sa.text(OPEN_STATUS_SQL),
        )


def downgrade() -> None:
    for name, _column in DUPLICATE_INDEXES:
        op.drop_index(
            name,
            table_name="cases",
            postgresql_where=sa.text(OPEN_STATUS_SQL),
            sqlite_where=sa.text(OPEN_STATUS_SQL),
        )
    with op.batch_alter_table("imported_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_imported_messages_case_id"))
    op.drop_table("imported_messages")
    op.drop_table("case_co_units")
    with op.batch_alter_table("case_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_links_linked_case_id"))
    op.drop_table("case_links")
    op.drop_table("routing_rules")
    with op.batch_alter_table("knowledge_uses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_knowledge_uses_case_id"))
        batch_op.drop_index(batch_op.f("ix_knowledge_uses_article_id"))
    op.drop_table("knowledge_uses")
    with op.batch_alter_table("knowledge_articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_knowledge_articles_updated_at"))
    op.drop_table("knowledge_articles")
