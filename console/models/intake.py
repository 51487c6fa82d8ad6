"""Intake: knowledge base, routing rules, links between cases, co-handling units and
the log of imported web-channel messages (idempotent imports)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, UtcDateTime, partial_index, utcnow
from console.models.case import OPEN_STATUS_SQL, Case


class KnowledgeArticle(Base):
    """One question and its authoritative answer, kept by supervisors and admins."""

    __tablename__ = "knowledge_articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(String(200), unique=True)
    answer: Mapped[str] = mapped_column(Text)
    keywords: Mapped[str] = mapped_column(String(400), default="")
    department: Mapped[str] = mapped_column(String(100), default="")  # source department
    valid_until: Mapped[date | None] = mapped_column(Date)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("matter_categories.id"))
    # the article's words as jieba segments them (space separated), kept with the row
    # so that no workstation segments 5,000 articles at start-up
    terms: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    # optimistic locking (migration 0008): a save from a stale version is refused
    version: Mapped[int] = mapped_column(Integer, server_default="1", default=1)

    __mapper_args__ = {"version_id_col": version}


class KnowledgeUse(Base):
    """An answer taken from an article to close a case on the call (直接答复办结)."""

    __tablename__ = "knowledge_uses"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("knowledge_articles.id"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))


class RoutingRule(Base):
    """Which unit a demand goes to, by matter category (any level) and district.

    The most specific matching rule wins (deeper category, then district set, then
    priority). ``unit_id`` NULL means "the government of the case's town, else its
    district"; ``co_unit_ids`` are co-handling units (协办) added to the dispatch."""

    __tablename__ = "routing_rules"
    __table_args__ = (UniqueConstraint("category_id", "district_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("matter_categories.id"))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("regions.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("handling_units.id"))
    co_unit_ids: Mapped[list[Any]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    priority: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # optimistic locking (migration 0008): a save from a stale version is refused
    version: Mapped[int] = mapped_column(Integer, server_default="1", default=1)

    __mapper_args__ = {"version_id_col": version}


class CaseLink(Base):
    """A new case recorded as the same issue as an open one (counted for hotspots)."""

    __tablename__ = "case_links"
    __table_args__ = (UniqueConstraint("case_id", "linked_case_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    linked_case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="same_issue")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))


class CaseCoUnit(Base):
    """A co-handling unit (协办单位) of a dispatched case."""

    __tablename__ = "case_co_units"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("handling_units.id"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ImportedMessage(Base):
    """One web-channel message turned into a case; (channel, message id) is unique, so
    importing the same export twice creates nothing new."""

    __tablename__ = "imported_messages"
    __table_args__ = (UniqueConstraint("channel_code", "message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel_code: Mapped[str] = mapped_column(ForeignKey("channels.code"))
    message_id: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    source_file: Mapped[str] = mapped_column(String(255), default="")
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


# Possible duplicates are looked for among the open cases of the last days, by category,
# town or district: partial indexes keep those lookups small on millions of cases.
partial_index(
    "ix_cases_open_category_created",
    Case.category_id,
    Case.created_at,
    where=OPEN_STATUS_SQL,
)
partial_index(
    "ix_cases_open_town_created",
    Case.town_id,
    Case.created_at,
    where=OPEN_STATUS_SQL,
)
partial_index(
    "ix_cases_open_district_created",
    Case.district_id,
    Case.created_at,
    where=OPEN_STATUS_SQL,
)
