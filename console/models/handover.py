"""Shift handovers: what the outgoing shift leaves to the incoming one, the shift roster,
who signed in on which shift, and the incidents logged during a shift."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, UtcDateTime, partial_index, utcnow

#: "received this shift" counts by received_at (a handover over 1,000,000 cases needs an
#: index): ix_cases_received_id (received_at, id) in console.models.queue serves them

OPEN_FLAGS_SQL = "flagged AND done_at IS NULL"


class Handover(Base):
    __tablename__ = "handovers"
    __table_args__ = (
        UniqueConstraint("shift_code", "starts_at"),
        Index("ix_handovers_starts_at", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_code: Mapped[str] = mapped_column(ForeignKey("shift_definitions.code"))
    shift_name: Mapped[str] = mapped_column(String(32), server_default="")
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft|submitted|acknowledged
    notes: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    #: what the handover covers: open cases received before ``as_of`` and work done in
    #: [coverage_from, as_of); coverage_from is earlier than starts_at when the previous
    #: shift left no handover or submitted it before its end
    coverage_from: Mapped[datetime | None] = mapped_column(UtcDateTime)
    as_of: Mapped[datetime | None] = mapped_column(UtcDateTime)
    submitted_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    acknowledge_note: Mapped[str] = mapped_column(Text, server_default="", default="")
    version: Mapped[int] = mapped_column(Integer, server_default="1", default=1)

    __mapper_args__ = {"version_id_col": version}


class HandoverItem(Base):
    """One case listed in a handover, with the supervisor's note, flag and assignee.

    The ``snapshot`` keeps what the case looked like when the handover was built, so an
    acknowledged handover reads the same years later."""

    __tablename__ = "handover_items"
    __table_args__ = (
        UniqueConstraint("handover_id", "case_id"),
        partial_index(
            "ix_handover_items_open_flags",
            "handover_id",
            where=OPEN_FLAGS_SQL,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # looked up by handover through the unique (handover_id, case_id) index
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    reason: Mapped[str] = mapped_column(String(16), server_default="touched", default="touched")
    case_number: Mapped[str] = mapped_column(String(20), server_default="", default="")
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    snapshot: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    picked_up_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    picked_up_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # optimistic locking (migration 0008): two supervisors' notes on one item
    version: Mapped[int] = mapped_column(Integer, server_default="1", default=1)

    __mapper_args__ = {"version_id_col": version}


class HandoverGroup(Base):
    """Open cases not listed one by one but counted, accepted by the supervisor."""

    __tablename__ = "handover_groups"
    __table_args__ = (UniqueConstraint("handover_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    key: Mapped[str] = mapped_column(String(48))  # console.domain.handover.group_key
    count: Mapped[int] = mapped_column(Integer, default=0)
    accepted_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    accepted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ShiftIncident(Base):
    """An agent's or a system's incident logged during a shift (phone line down, an
    abusive caller, a unit unreachable...)."""

    __tablename__ = "shift_incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(16))  # agent | system
    text: Mapped[str] = mapped_column(Text)
    reported_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    station: Mapped[str] = mapped_column(String(3), default="")


class ShiftRoster(Base):
    """Who works which shift, and who supervises it (several supervisors allowed)."""

    __tablename__ = "shift_roster"
    __table_args__ = (UniqueConstraint("shift_code", "agent_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_code: Mapped[str] = mapped_column(ForeignKey("shift_definitions.code"))
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # agent | supervisor


class ShiftAttendance(Base):
    """An agent's sign-in places them in the shift window current at that moment."""

    __tablename__ = "shift_attendance"
    __table_args__ = (
        UniqueConstraint("agent_id", "shift_code", "starts_at"),
        Index("ix_shift_attendance_starts_at", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    shift_code: Mapped[str] = mapped_column(ForeignKey("shift_definitions.code"))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    signed_in_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    station: Mapped[str] = mapped_column(String(3), default="")
