"""Queue support: the change feed, who has which case open, saved filters, per-user
preferences, and the extra indexes the queue views and claims need. No Qt here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.domain.casetypes import CaseType, Status
from console.models.base import Base, UtcDateTime, partial_index, utcnow
from console.models.case import OPEN_STATUS_SQL, Case

UNASSIGNED_OPEN_SQL = f"{OPEN_STATUS_SQL} AND assignee_id IS NULL"
CALLBACK_SQL = f"status = '{Status.CLOSED.value}' AND case_type = '{CaseType.DEMAND.value}'"

# --- indexes on cases for the queue views (declared here, created in migration 0003) ---
# the team queue and claim-next: unassigned open cases by time left, all classes / one class
partial_index(
    "ix_cases_unassigned_due",
    Case.next_due_at,
    Case.id,
    where=UNASSIGNED_OPEN_SQL,
)
partial_index(
    "ix_cases_unassigned_class_due",
    Case.class_code,
    Case.next_due_at,
    Case.id,
    where=UNASSIGNED_OPEN_SQL,
)
# open cases, newest first
partial_index(
    "ix_cases_open_received",
    Case.received_at,
    Case.id,
    where=OPEN_STATUS_SQL,
)
# callbacks due (回访): closed demands not yet called back
partial_index(
    "ix_cases_callback_due",
    Case.next_due_at,
    Case.id,
    where=CALLBACK_SQL,
)
# the supervisors' "all cases" view in both sort orders, and arrivals per hour
Index("ix_cases_due_id", Case.next_due_at, Case.id)
Index("ix_cases_received_id", Case.received_at, Case.id)


class CaseChange(Base):
    """The change feed: one row per inserted or updated case (and per presence change),
    written by database triggers so that no service has to remember to publish. Clients
    read the rows after the last sequence they saw; on PostgreSQL the trigger also sends
    NOTIFY case_changes so they wake at once. Old rows are pruned."""

    __tablename__ = "case_changes"
    __table_args__ = (Index("ix_case_changes_at", "at"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # insert | update | presence
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class AgentPresence(Base):
    """A signed-in console: who, where, since when, last heartbeat, and the case it has
    open right now (so that two agents do not work the same case unknowingly)."""

    __tablename__ = "agent_presence"
    __table_args__ = (Index("ix_agent_presence_case_id", "case_id"),)

    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"), primary_key=True)
    station: Mapped[str] = mapped_column(String(3), primary_key=True)
    signed_in_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    case_id: Mapped[int | None] = mapped_column(Integer)
    case_opened_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class SavedFilter(Base):
    """A custom queue filter an agent saved under a name (criteria as JSON)."""

    __tablename__ = "saved_filters"
    __table_args__ = (UniqueConstraint("agent_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"))
    name: Mapped[str] = mapped_column(String(64))
    view: Mapped[str] = mapped_column(String(32))
    criteria: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class AgentPreference(Base):
    """A per-user preference that follows the agent to any workstation (e.g. the queue's
    column choice and order)."""

    __tablename__ = "agent_preferences"

    agent_id: Mapped[int] = mapped_column(ForeignKey("agents.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


__all__ = ["AgentPreference", "AgentPresence", "CaseChange", "SavedFilter"]
