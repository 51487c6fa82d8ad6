"""Assessment, reports and hotspots: the supervisors' verdicts on hotspot
groups and the keywords extracted from each case's text (a cache, so a hotspot build
segments only the cases it has not seen). No Qt here."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, UtcDateTime, utcnow
from console.models.case import Case, CaseEvent

# Indexes of the assessment queries on tables of other modules (migration 0007): a
# cohort's events by case and kind (first acceptance, returns, the last callback), and
# dispatches by time. Declared here, attached to their tables.
Index("ix_case_events_case_kind", CaseEvent.case_id, CaseEvent.kind, CaseEvent.at)
Index("ix_cases_dispatched_at", Case.dispatched_at)


class CaseKeywords(Base):
    """The top keywords of a case's title and description (jieba.analyse TF-IDF),
    space separated, as extracted by the hotspot builder the first time it met the case."""

    __tablename__ = "case_keywords"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    words: Mapped[str] = mapped_column(String(200), default="")
    extracted_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class HotspotReview(Base):
    """A supervisor's verdict on a hotspot group, keyed by the group's stable key
    (place + keyword): ``confirmed`` (a real class of problems, followed up) or
    ``dismissed`` (a coincidence: hidden from the list and the reports)."""

    __tablename__ = "hotspot_reviews"

    key: Mapped[str] = mapped_column(String(120), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))  # confirmed | dismissed
    label: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(String(400), default="")
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    reviewed_by_name: Mapped[str] = mapped_column(String(64), default="")
    reviewed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class CaseFacts(Base):
    """The assessment's summary table: one row per case with what the metrics read
    (``console.queries.assessment.live_facts``), so that a period's figures are one index range
    over narrow rows instead of a join of cases, events and deadlines. Kept current by
    ``refresh_facts`` before every report: the cases with events (or created) after the
    watermark are recomputed."""

    __tablename__ = "case_facts"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    channel: Mapped[str] = mapped_column(String(32))
    class_code: Mapped[str] = mapped_column(String(32))
    district_id: Mapped[int | None] = mapped_column(Integer)
    unit_id: Mapped[int | None] = mapped_column(Integer)
    case_type: Mapped[str] = mapped_column(String(16))
    dispatched_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resp_due: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resp_met: Mapped[datetime | None] = mapped_column(UtcDateTime)
    due_ext: Mapped[datetime | None] = mapped_column(UtcDateTime)
    due_orig: Mapped[datetime | None] = mapped_column(UtcDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    response_seconds: Mapped[float | None] = mapped_column(Float)
    returns: Mapped[int] = mapped_column(Integer, default=0)
    ext_requested: Mapped[int] = mapped_column(Integer, default=0)
    ext_approved: Mapped[int] = mapped_column(Integer, default=0)
    satisfaction: Mapped[str | None] = mapped_column(String(32))
    solved: Mapped[int] = mapped_column(Integer, default=0)
    day: Mapped[str] = mapped_column(String(10))
    month: Mapped[str] = mapped_column(String(7))
    # acknowledged dispatch rounds (response_seconds is their sum) and refused returns
    response_rounds: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    improper_returns: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class FactsWatermark(Base):
    """How far ``case_facts`` is current: the last case event and case seen (one row)."""

    __tablename__ = "facts_watermark"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(Integer, default=0)
    case_id: Mapped[int] = mapped_column(Integer, default=0)
    refreshed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
