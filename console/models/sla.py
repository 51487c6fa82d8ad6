"""SLA policies: versioned lists of milestones (the 1、2、1、3 rule and others)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    PrimaryKeyConstraint,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.models.base import Base, UtcDateTime, partial_index, utcnow


class SlaPolicy(Base):
    """One version of a policy. Editing a policy adds a version; cases keep theirs."""

    __tablename__ = "sla_policies"
    __table_args__ = (UniqueConstraint("code", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32))  # urgent | demand | enterprise | ...
    version: Mapped[int] = mapped_column(Integer, default=1)
    name: Mapped[str] = mapped_column(String(64))
    # how "N working days" count: "exclusive" (legal default: the start day does not
    # count) or "inclusive" (含本数)
    workday_rule: Mapped[str] = mapped_column(String(16), default="exclusive")
    current: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # which cases it applies to (None: any) and its precedence among matching policies
    match_case_type: Mapped[str | None] = mapped_column(String(16))
    match_urgency: Mapped[str | None] = mapped_column(String(16))
    match_channel: Mapped[str | None] = mapped_column(String(32))
    match_class: Mapped[str | None] = mapped_column(String(32))
    match_sub_type: Mapped[str | None] = mapped_column(String(16))
    # a version the seeder shipped (an administrator's save is False): the seeder may
    # replace it with a newer shipped default, never an administrator's edit
    shipped: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    priority: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # office hours for "work_hours" limits
    work_hours: Mapped[str] = mapped_column(
        String(64), default="09:00-12:00,14:00-18:00", server_default="09:00-12:00,14:00-18:00"
    )

    milestones: Mapped[list[SlaMilestone]] = relationship(
        back_populates="policy", order_by="SlaMilestone.seq", cascade="all, delete-orphan"
    )


class SlaMilestone(Base):
    __tablename__ = "sla_milestones"
    __table_args__ = (UniqueConstraint("policy_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column(ForeignKey("sla_policies.id"))
    seq: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32))  # contact | on_scene | feedback | result
    name: Mapped[str] = mapped_column(String(64))
    limit_value: Mapped[int] = mapped_column(Integer)
    limit_unit: Mapped[str] = mapped_column(String(16))  # hours | workdays
    start_event: Mapped[str] = mapped_column(String(32), default="received")
    met_by_event: Mapped[str] = mapped_column(String(32))
    # colour thresholds: "due soon" / "critical" this many minutes before the deadline
    warn_minutes: Mapped[int | None] = mapped_column(Integer)
    critical_minutes: Mapped[int | None] = mapped_column(Integer)

    policy: Mapped[SlaPolicy] = relationship(back_populates="milestones")


class CalendarOverride(Base):
    """An administrator's correction of the official calendar for one day."""

    __tablename__ = "calendar_overrides"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    workday: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(200), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class CaseDeadline(Base):
    """One milestone of one case, as last recomputed from the case's history."""

    __tablename__ = "case_deadlines"
    __table_args__ = (
        PrimaryKeyConstraint("case_id", "milestone_code"),
        partial_index(
            "ix_case_deadlines_unmet_due",
            "due_at",
            where="met_at IS NULL AND NOT paused",
        ),
    )

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    milestone_code: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column(Integer)
    limit_unit: Mapped[str] = mapped_column(String(16))
    start_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    original_due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    met_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    verified: Mapped[bool] = mapped_column(Boolean, default=True)


class CaseBreach(Base):
    """A breach, recorded once per case and milestone (the key makes it once)."""

    __tablename__ = "case_breaches"
    __table_args__ = (PrimaryKeyConstraint("case_id", "milestone_code"),)

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    milestone_code: Mapped[str] = mapped_column(String(32))
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)


class DeadlineAudit(Base):
    """A case whose deadlines or policy a login wrote: the trusted audit
    (``python main.py sla audit``, console/services/sla_audit.py) recomputes them with
    the one SLA engine and corrects what differs. Filled on PostgreSQL by the database's
    own functions and triggers (console/services/dbguards); no login reads or writes it.
    On SQLite (no logins) it stays empty."""

    __tablename__ = "deadline_audit"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    queued_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
