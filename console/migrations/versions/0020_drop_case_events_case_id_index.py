"""drop ``ix_case_events_case_id``: ``ix_case_events_case_kind`` already covers it

``ix_case_events_case_id (case_id)`` is the leading column of ``ix_case_events_case_kind
(case_id, kind, at)`` (revision 0007): a case's history, the foreign key's checks and
every "events of these cases" query are served by the longer index, and each event
written (about three for every pushed order, more for every case the console works on)
no longer maintains an index entry it did not need. As revision 0018 did for ``cases``.

Both engines; plain ``DROP INDEX``.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | Sequence[str] | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_case_events_case_id", table_name="case_events")


def downgrade() -> None:
    op.create_index("ix_case_events_case_id", "case_events", ["case_id"], unique=False)
