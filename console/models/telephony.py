"""Telephony: the call log (every call the console followed, with the case it produced
and the recording's reference) and each agent's state at the phone. No Qt here."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, UtcDateTime, utcnow


class CallLog(Base):
    """One call, keyed by the phone system's unique id. Written idempotently by every
    console that saw one of its events (a queue call is seen by many)."""

    __tablename__ = "calls"
    __table_args__ = (
        Index("ix_calls_offered_at", "offered_at"),
        Index("ix_calls_case_id", "case_id"),
        Index("ix_calls_caller", "caller"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uniqueid: Mapped[str] = mapped_column(String(64), unique=True)
    caller: Mapped[str] = mapped_column(String(32), default="")
    extension: Mapped[str | None] = mapped_column(String(32))
    queue: Mapped[str | None] = mapped_column(String(64))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    source: Mapped[str] = mapped_column(String(16), default="ami")  # ami | softphone
    # offered: joined the queue, or rang an extension directly (the service level's start)
    offered_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    queued_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    rang_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    wrapped_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # after-call work done
    abandoned: Mapped[bool] = mapped_column(Boolean, default=False)
    wait_seconds: Mapped[float | None] = mapped_column(Float)
    recording: Mapped[str | None] = mapped_column(String(512))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class AgentPhoneState(Base):
    """The agent's state at the phone now (ready, not ready with a reason, on a call,
    after-call work), so the supervisor's wallboard shows it with time in state."""

    __tablename__ = "agent_states"

    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))  # console.domain.agentstate.AgentState
    reason: Mapped[str] = mapped_column(String(16), default="")
    since: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    extension: Mapped[str | None] = mapped_column(String(32))
    station: Mapped[str | None] = mapped_column(String(3))
    call_id: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


__all__ = ["AgentPhoneState", "CallLog"]
