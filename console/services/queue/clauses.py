"""The WHERE clauses of the queue views and filters, and the columns a page reads."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, literal, or_, select, text, true
from sqlalchemy.orm import aliased

from console.domain.casetypes import CaseType, Status
from console.domain.validation import searchable
from console.models import (
    Agent,
    BusinessClass,
    Case,
    HandlingUnit,
    MatterCategory,
    Region,
    UtcDateTime,
)
from console.models.case import OPEN_STATUS_SQL
from console.services.queue.query import DUE_SOON_WINDOW, QueueFilter, QueueQuery, QueueView


def _columns(query: QueueQuery) -> Select[*tuple[Any, ...]]:
    del query  # every view shows the same columns
    assignee = aliased(Agent)
    district = aliased(Region)
    return (
        select(
            Case.id,
            Case.number,
            Case.status,
            Case.case_type,
            Case.sub_type,
            Case.urgency,
            BusinessClass.name.label("class_name"),
            MatterCategory.path.label("category"),
            district.name.label("district"),
            Case.caller_name,
            Case.caller_phone,
            Case.caller_confidential,
            Case.title,
            assignee.display_name.label("assignee"),
            HandlingUnit.name.label("unit"),
            Case.received_at,
            Case.next_milestone,
            Case.next_due_at,
            Case.channel_code,
            Case.assignee_id,
            Case.version,
            Case.next_warn_at,
            Case.next_critical_at,
            Case.next_limit_unit,
            Case.sla_paused,
        )
        .join(BusinessClass, BusinessClass.code == Case.class_code)
        .outerjoin(MatterCategory, MatterCategory.id == Case.category_id)
        .outerjoin(district, district.id == Case.district_id)
        .outerjoin(assignee, assignee.id == Case.assignee_id)
        .outerjoin(HandlingUnit, HandlingUnit.id == Case.unit_id)
    )


def _is_open() -> ColumnElement[bool]:
    # the partial indexes' own predicate, word for word: SQLite uses a partial index only
    # when the query shows the same literal IN list, in the same order (bound parameters
    # hide it, and the open view's end then scanned every closed case: 0.7 s at 1M)
    return and_(text(f"cases.{OPEN_STATUS_SQL}"))


def view_filter(query: QueueQuery, now: datetime) -> ColumnElement[bool]:
    is_open = _is_open()
    match query.view:
        case QueueView.OPEN:
            return is_open
        case QueueView.MINE:
            return and_(is_open, Case.assignee_id == query.agent_id)
        case QueueView.UNASSIGNED:
            cond = and_(is_open, Case.assignee_id.is_(None))
            return and_(cond, Case.class_code == query.team) if query.team else cond
        case QueueView.TO_TRIAGE:
            return and_(is_open, Case.status.in_([Status.RECEIVED.value, Status.RETURNED.value]))
        case QueueView.AWAITING_UNIT:
            return and_(is_open, Case.status == Status.DISPATCHED)
        case QueueView.CALLBACKS:
            return and_(Case.status == Status.CLOSED, Case.case_type == CaseType.DEMAND)
        case QueueView.DUE_SOON:
            return and_(
                is_open,
                Case.next_due_at >= literal(now, UtcDateTime()),
                Case.next_due_at < literal(now + DUE_SOON_WINDOW, UtcDateTime()),
            )
        case QueueView.BREACHED:
            return and_(is_open, Case.next_due_at < literal(now, UtcDateTime()))
        case QueueView.ALL:
            return true()
    raise ValueError(query.view)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filter_clause(f: QueueFilter) -> ColumnElement[bool]:
    conds: list[ColumnElement[bool]] = []
    if f.class_codes:
        conds.append(Case.class_code.in_(f.class_codes))
    if f.category_ids:
        # a chosen category matches itself and everything below it
        sub, root = aliased(MatterCategory), aliased(MatterCategory)
        subtree = (
            select(sub.id)
            .join(root, or_(sub.id == root.id, sub.path.like(root.path + "/%")))
            .where(root.id.in_(f.category_ids))
        )
        conds.append(Case.category_id.in_(subtree))
    if f.district_ids:
        conds.append(Case.district_id.in_(f.district_ids))
    if f.unit_ids:
        conds.append(Case.unit_id.in_(f.unit_ids))
    if f.channel_codes:
        conds.append(Case.channel_code.in_(f.channel_codes))
    if f.statuses:
        conds.append(Case.status.in_(f.statuses))
    if f.urgencies:
        conds.append(Case.urgency.in_(f.urgencies))
    text = searchable(f.text).strip()
    if text:
        pattern = f"%{_escape_like(text)}%"
        conds.append(
            or_(
                Case.number.like(pattern, escape="\\"),
                and_(
                    Case.caller_confidential.is_(False),
                    or_(
                        Case.caller_name.like(pattern, escape="\\"),
                        Case.caller_phone.like(
                            f"%{_escape_like(text.replace(' ', '').replace('-', ''))}%",
                            escape="\\",
                        ),
                    ),
                ),
                Case.description.like(pattern, escape="\\"),
            )
        )
    return and_(true(), *conds) if conds else true()


def _where(query: QueueQuery, now: datetime) -> ColumnElement[bool]:
    return and_(view_filter(query, now), filter_clause(query.filter))


def _dt(v: datetime | None) -> Any:
    return literal(v, UtcDateTime())
