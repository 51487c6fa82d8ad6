"""Queue queries: server-side filtering and sorting with keyset paging."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, RowMapping, Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from console.casetypes import OPEN_STATUSES, Status
from console.clock import now_utc
from console.models import Agent, BusinessClass, Case, HandlingUnit, MatterCategory, Region


class QueueView(StrEnum):
    OPEN = "open"  # every open case
    MINE = "mine"  # open cases assigned to me
    UNASSIGNED = "unassigned"  # the team queue: open, nobody holds it
    AWAITING_UNIT = "awaiting_unit"  # dispatched, not yet acknowledged by the unit
    BREACHED = "breached"  # open and past the next deadline


class QueueSort(StrEnum):
    TIME_LEFT = "time_left"  # next deadline first (default)
    NEWEST = "newest"  # most recently received first


@dataclass(frozen=True)
class QueueQuery:
    view: QueueView = QueueView.OPEN
    sort: QueueSort = QueueSort.TIME_LEFT
    agent_id: int | None = None  # for MINE


@dataclass(frozen=True)
class QueueRow:
    id: int
    number: str
    status: str
    case_type: str
    sub_type: str
    urgency: str
    class_name: str
    category: str
    district: str
    caller: str  # masked when the caller is confidential
    title: str
    assignee: str
    unit: str
    received_at: datetime
    next_milestone: str | None
    next_due_at: datetime | None

    @property
    def key(self) -> tuple[datetime | None, int]:
        return (self.next_due_at, self.id)


@dataclass(frozen=True)
class PageKey:
    """Where the previous page ended: (sort value, id)."""

    value: datetime | None
    id: int


def _base(query: QueueQuery, now: datetime) -> Select[*tuple[Any, ...]]:
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
        )
        .join(BusinessClass, BusinessClass.code == Case.class_code)
        .outerjoin(MatterCategory, MatterCategory.id == Case.category_id)
        .outerjoin(district, district.id == Case.district_id)
        .outerjoin(assignee, assignee.id == Case.assignee_id)
        .outerjoin(HandlingUnit, HandlingUnit.id == Case.unit_id)
        .where(_view_filter(query, now))
    )


def _view_filter(query: QueueQuery, now: datetime) -> ColumnElement[bool]:
    is_open = Case.status.in_([s.value for s in OPEN_STATUSES])
    match query.view:
        case QueueView.OPEN:
            return is_open
        case QueueView.MINE:
            return and_(is_open, Case.assignee_id == query.agent_id)
        case QueueView.UNASSIGNED:
            return and_(is_open, Case.assignee_id.is_(None))
        case QueueView.AWAITING_UNIT:
            return Case.status == Status.DISPATCHED
        case QueueView.BREACHED:
            return and_(is_open, Case.next_due_at < now)
    raise ValueError(query.view)


def _after(query: QueueQuery, key: PageKey) -> ColumnElement[bool]:
    if query.sort is QueueSort.NEWEST:
        v = key.value
        return or_(Case.received_at < v, and_(Case.received_at == v, Case.id < key.id))
    if key.value is None:  # already into the rows without a deadline (sorted last)
        return and_(Case.next_due_at.is_(None), Case.id > key.id)
    return or_(
        Case.next_due_at > key.value,
        and_(Case.next_due_at == key.value, Case.id > key.id),
        Case.next_due_at.is_(None),
    )


def _mask_phone(phone: str) -> str:
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 8 else "****"


def fetch_page(
    session: Session,
    query: QueueQuery,
    after: PageKey | None = None,
    limit: int = 200,
    now: datetime | None = None,
) -> list[QueueRow]:
    stmt = _base(query, now or now_utc())
    if after is not None:
        stmt = stmt.where(_after(query, after))
    if query.sort is QueueSort.NEWEST:
        stmt = stmt.order_by(Case.received_at.desc(), Case.id.desc())
    else:
        stmt = stmt.order_by(Case.next_due_at.asc().nulls_last(), Case.id.asc())
    return [_row(m) for m in session.execute(stmt.limit(limit)).mappings()]


def _caller(m: RowMapping) -> str:
    if m["caller_confidential"]:
        return "保密"  # confidential caller: never shown in lists
    name: str = m["caller_name"] or ""
    phone: str = m["caller_phone"] or ""
    return name or (_mask_phone(phone) if phone else "")


def _row(m: RowMapping) -> QueueRow:
    return QueueRow(
        id=m["id"],
        number=m["number"],
        status=m["status"],
        case_type=m["case_type"],
        sub_type=m["sub_type"],
        urgency=m["urgency"],
        class_name=m["class_name"] or "",
        category=m["category"] or "",
        district=m["district"] or "",
        caller=_caller(m),
        title=m["title"] or "",
        assignee=m["assignee"] or "",
        unit=m["unit"] or "",
        received_at=m["received_at"],
        next_milestone=m["next_milestone"],
        next_due_at=m["next_due_at"],
    )


def page_key(query: QueueQuery, row: QueueRow) -> PageKey:
    if query.sort is QueueSort.NEWEST:
        return PageKey(row.received_at, row.id)
    return PageKey(row.next_due_at, row.id)


def count(session: Session, query: QueueQuery, now: datetime | None = None) -> int:
    stmt = select(func.count()).select_from(Case).where(_view_filter(query, now or now_utc()))
    return int(session.execute(stmt).scalar_one())


class QueueService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def page(
        self, query: QueueQuery, after: PageKey | None = None, limit: int = 200
    ) -> list[QueueRow]:
        with self._sessions() as s:
            return fetch_page(s, query, after, limit)

    def count(self, query: QueueQuery) -> int:
        with self._sessions() as s:
            return count(s, query)
