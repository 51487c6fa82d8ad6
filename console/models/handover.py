"""Shift handovers: what the outgoing shift leaves to the incoming one."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, UtcDateTime, utcnow


class Handover(Base):
    __tablename__ = "handovers"
    __table_args__ = (UniqueConstraint("shift_code", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_code: Mapped[str] = mapped_column(ForeignKey("shift_definitions.code"))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft|submitted|acknowledged
    notes: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class HandoverItem(Base):
    __tablename__ = "handover_items"
    __table_args__ = (UniqueConstraint("handover_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
