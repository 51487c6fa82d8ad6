"""What the central database keeps for the offline outbox (console.offline): one row
per replayed item, written in the same transaction as the item's effect, so that an
item replayed twice (the console killed between the central commit and the local
"done") has its effect once. Cases are also keyed by ``cases.uuid``; notes have no key
of their own and rely on this log."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, UtcDateTime


class OfflineReplay(Base):
    __tablename__ = "offline_replays"

    item_uuid: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # case | note
    station: Mapped[str] = mapped_column(String(3))
    case_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    applied_at: Mapped[datetime] = mapped_column(UtcDateTime())
