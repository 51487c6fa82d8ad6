"""Who may see what: a confidential caller's identity kept apart from the case.

On PostgreSQL a trigger on ``cases`` moves the name and phone of a confidential caller
into this table as the case is written and leaves the case's own fields empty; row-level
security and grants then let only supervisors and administrators read it (migration
0009). On SQLite (one workstation, the demo) the table stays empty and the console's own
masking applies."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, UtcDateTime, utcnow


class CaseConfidentialCaller(Base):
    __tablename__ = "case_confidential_callers"

    # deferred: the row is written by a BEFORE INSERT trigger on cases, i.e. before the
    # case row itself exists
    case_id: Mapped[int] = mapped_column(
        ForeignKey("cases.id", deferrable=True, initially="DEFERRED"), primary_key=True
    )
    caller_name: Mapped[str] = mapped_column(String(64), default="")
    caller_phone: Mapped[str] = mapped_column(String(32), default="")
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class LifecycleTransition(Base):
    """A status change a role's login may make (PostgreSQL's guard on ``cases`` checks
    it): rendered from console/domain/lifecycle.py by console/services/dbguards/ on
    ``db upgrade`` / ``db roles``, never edited by hand."""

    __tablename__ = "lifecycle_transitions"

    from_status: Mapped[str] = mapped_column(String(16), primary_key=True)
    to_status: Mapped[str] = mapped_column(String(16), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
