"""What agents did with the suggestions learned from history (for the supervisors'
figures): one row per case saved while suggestions were shown."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, UtcDateTime, utcnow


class SuggestionFeedback(Base):
    __tablename__ = "suggestion_feedback"
    __table_args__ = (Index("ix_suggestion_feedback_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    model_version: Mapped[int] = mapped_column(Integer, default=0)
    # the category paths shown, best first, and where the unit came from (model | rule)
    shown: Mapped[list[Any]] = mapped_column(JSON, default=list)
    unit_source: Mapped[str] = mapped_column(String(8), default="model")
    # 1..3: which suggestion the agent accepted; None: shown, not accepted
    accepted_rank: Mapped[int | None] = mapped_column(Integer)
