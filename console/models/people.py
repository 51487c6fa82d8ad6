"""Agents (operators, supervisors, administrators) and workstations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, UtcDateTime, utcnow


class Agent(Base):
    __tablename__ = "agents"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # console.domain.casetypes.Role
    team: Mapped[str | None] = mapped_column(String(32))  # business class code of the team
    # a handling unit's user (Role.UNIT) works that unit's inbox
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("handling_units.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class Workstation(Base):
    """A console installation; its code is part of every case number it issues."""

    __tablename__ = "workstations"

    code: Mapped[str] = mapped_column(String(3), primary_key=True)
    hostname: Mapped[str] = mapped_column(String(128))
    registered_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # the last time the central database heard from the station with nothing in its
    # offline outbox (stamped by the database: hotline_station_contact); a case replayed
    # from the outbox was answered after it (console/services/dbguards)
    last_contact_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)


class NumberCounter(Base):
    """Last sequence issued by one workstation on one (local) day."""

    __tablename__ = "number_counters"

    station: Mapped[str] = mapped_column(String(3), primary_key=True)
    day: Mapped[str] = mapped_column(String(6), primary_key=True)  # YYMMDD
    last_seq: Mapped[int] = mapped_column(default=0)
