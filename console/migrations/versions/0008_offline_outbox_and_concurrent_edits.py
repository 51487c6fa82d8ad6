"""offline outbox and concurrent edits

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _offline_upgrade()
    _concurrent_edits_upgrade()


def _offline_upgrade() -> None:
    """Offline outbox (console.offline): the log of replayed items, for idempotency."""
    op.create_table(
        "offline_replays",
        sa.Column("item_uuid", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("station", sa.String(length=3), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("item_uuid", name="pk_offline_replays"),
    )


def downgrade() -> None:
    _concurrent_edits_downgrade()
    _offline_downgrade()


def _offline_downgrade() -> None:
    op.drop_table("offline_replays")


# --- concurrent edits: optimistic locking -------------------------------------
#: records users edit that had no version column yet (cases and handovers had one); each
#: becomes SQLAlchemy's version_id_col, so a stale save is refused, never written
_VERSIONED = ("knowledge_articles", "routing_rules", "handover_items")


def _concurrent_edits_upgrade() -> None:
    for table in _VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def _concurrent_edits_downgrade() -> None:
    for table in reversed(_VERSIONED):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
