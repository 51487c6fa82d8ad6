"""What agents did with the suggestions learned from history (for the supervisors'
figures): one row per case saved while suggestions were shown."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
)
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


class SuggestionModelRow(Base):
    """One training attempt of the centre's suggestion model: the pickled model of a
    promoted version in ``data`` (every workstation loads the newest promoted one), or
    only its figures when it was refused as worse than the model in use."""

    __tablename__ = "suggestion_models"
    __table_args__ = (Index("ix_suggestion_models_promoted", "promoted", "version"),)

    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    promoted: Mapped[bool] = mapped_column(Boolean, default=False)
    format: Mapped[int] = mapped_column(Integer, default=0)
    trained_at: Mapped[float] = mapped_column(Float, default=0.0)
    examples: Mapped[int] = mapped_column(Integer, default=0)
    held_back: Mapped[int] = mapped_column(Integer, default=0)
    metrics: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the new model's
    old_metrics: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the one in use then
    reason: Mapped[str] = mapped_column(String(200), default="")
    trained_by: Mapped[str] = mapped_column(String(64), default="")  # host / command
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    sha256: Mapped[str] = mapped_column(String(64), default="")
    data: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)


class CaseSuggestion(Base):
    """The suggestions stored for a case nobody typed (an imported web message, an order
    a platform pushed), computed in the background; ``items`` best first, each
    {category, category_path, category_id, class_code, class_name, unit, unit_id,
    unit_source, urgency, confidence}."""

    __tablename__ = "case_suggestions"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    model_version: Mapped[int] = mapped_column(Integer, default=0)
    items: Mapped[list[Any]] = mapped_column(JSON, default=list)
