"""drop ``ix_case_events_case_id``: ``ix_case_events_case_kind`` already covers it

``ix_case_events_case_id (case_id)`` is the leading column of ``ix_case_events_case_kind
(case_id, kind, at)`` (revision 0007): a case's history, the foreign key's checks and
every "events of these cases" query are served by the longer index, and each event
written (about three for every pushed order, more for every case the console works on)
no longer maintains an index entry it did not need. As revision 0018 did for ``cases``.

Also parks the undelivered webhook messages of platforms without a webhook URL (their
``next_try_at`` set to ``console.models.exchange.PARKED``), as the outbox now queues
them: out of the due rows every pass of the webhook worker reads, until the platform is
given a URL (``api platform NAME --webhook URL`` makes them due again).

Both engines; plain ``DROP INDEX``.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from console.models.base import UtcDateTime
from console.models.exchange import PARKED

revision: str = "0020"
down_revision: str | Sequence[str] | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_case_events_case_id", table_name="case_events")
    deliveries = sa.table(
        "webhook_deliveries",
        sa.column("platform_id", sa.Integer),
        sa.column("next_try_at", UtcDateTime),
        sa.column("delivered_at", UtcDateTime),
    )
    platforms = sa.table("exchange_platforms", sa.column("id"), sa.column("webhook_url"))
    op.execute(
        deliveries.update()
        .where(
            deliveries.c.delivered_at.is_(None),
            deliveries.c.platform_id.in_(
                sa.select(platforms.c.id).where(platforms.c.webhook_url == "")
            ),
        )
        .values(next_try_at=PARKED)
    )


def downgrade() -> None:
    op.create_index("ix_case_events_case_id", "case_events", ["case_id"], unique=False)
