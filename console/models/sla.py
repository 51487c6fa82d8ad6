"""SLA policies: versioned lists of milestones (the 1、2、1、3 rule and others)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.models.base import Base, UtcDateTime, utcnow


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

    policy: Mapped[SlaPolicy] = relationship(back_populates="milestones")
