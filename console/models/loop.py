"""Closing the loop: assisting units' own progress, supervision notices shown
in a unit's inbox and to supervisors, and the callback (回访) state of closed demands.

The case history (case_events) stays the evidence; these tables are the working state
that makes inboxes and queues one indexed query."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, UtcDateTime, partial_index, utcnow
from console.models.case import Case


class CaseAssistState(Base):
    """Where an assisting unit (协办) stands on a case; no row means not yet accepted."""

    __tablename__ = "case_assist_states"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("handling_units.id"), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))  # console.domain.lifecycle ASSIST_*
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


OPEN_NOTICE_SQL = "resolved_at IS NULL"


class SupervisionNotice(Base):
    """A reminder (催办), a formal supervision order (督办) to a unit, or an escalation to
    the supervisors (unit_id NULL). Each is also an event in the case's history."""

    __tablename__ = "supervision_notices"
    __table_args__ = (
        partial_index(
            "ix_supervision_notices_open_unit",
            "unit_id",
            "created_at",
            where=OPEN_NOTICE_SQL,
        ),
        partial_index(
            "ix_supervision_notices_open_kind",
            "kind",
            "created_at",
            where=OPEN_NOTICE_SQL,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("handling_units.id"))
    kind: Mapped[str] = mapped_column(String(16))  # reminded | supervised | escalated
    level: Mapped[int] = mapped_column(Integer, default=1)
    text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    created_by_name: Mapped[str] = mapped_column(String(64), default="")
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))


class CaseCallback(Base):
    """The callback (回访) of a closed demand in its current round: attempts so far and
    when to try next. Created at closure; done when the verdict (or unreachable) is in."""

    __tablename__ = "case_callbacks"
    __table_args__ = (
        partial_index(
            "ix_case_callbacks_pending",
            "next_try_at",
            "case_id",
            where="done_at IS NULL",
        ),
    )

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    round: Mapped[int] = mapped_column(Integer, default=1)
    closed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    next_try_at: Mapped[datetime] = mapped_column(UtcDateTime)  # due_at order until tried
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    outcome: Mapped[str | None] = mapped_column(String(24))  # satisfaction | unreachable


# a unit's inbox: its cases by status (console.services.units.inbox)
Index("ix_cases_unit_id_status", Case.unit_id, Case.status)
