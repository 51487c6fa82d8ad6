"""drop two indexes of ``cases`` that another index already covers

``ix_cases_unit_id (unit_id)`` is the leading column of ``ix_cases_unit_id_status
(unit_id, status)`` and ``ix_cases_received_at (received_at)`` the leading column of
``ix_cases_received_id (received_at, id)``: every query that used one of them (a unit's
cases, the foreign key's checks, "received this shift" counts and ranges) is served by
the longer index, and every new or moved case no longer writes two index entries it did
not need (``cases`` had 22 indexes; the exchange service's pushes pay for each).

Both engines; plain ``DROP INDEX`` (no table rebuild on SQLite, so its triggers stay).

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: (dropped index, its column, the index that covers it)
_DROPPED = (
    ("ix_cases_unit_id", "unit_id", "ix_cases_unit_id_status"),
    ("ix_cases_received_at", "received_at", "ix_cases_received_id"),
)


def upgrade() -> None:
    for name, _column, _covered_by in _DROPPED:
        op.drop_index(name, table_name="cases")


def downgrade() -> None:
    for name, column, _covered_by in _DROPPED:
        op.create_index(name, "cases", [column], unique=False)
