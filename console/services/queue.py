"""Queue queries: server-side filtering and sorting with keyset paging."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
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


def _base(query: QueueQuery, now: datetime) -> Select[tuple[object, ...]]:
    assignee = aliased(Agent)
    district = aliased(Region)
    stmt = (
        select(
            Case.id,
            Case.number,
            Case.status,
            Case.case_type,
            Case.sub_type,
            Case.urgency,
            BusinessClass.name,
            MatterCategory.path,
            district.name,
            Case.caller_name,
            Case.caller_phone,
            Case.caller_confidential,
            Case.title,
            assignee.display_name,
            HandlingUnit.name,
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
    return stmt


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
    rows = []
    for r in session.execute(stmt.limit(limit)):
        confidential = bool(r[11])
        caller = "保密" if confidential else (r[9] or _mask_phone(r[10]) if r[10] else r[9])
        rows.append(
            QueueRow(
                id=r[0],
                number=r[1],
                status=r[2],
                case_type=r[3],
                sub_type=r[4],
                urgency=r[5],
                class_name=r[6] or "",
                category=r[7] or "",
                district=r[8] or "",
                caller=caller or "",
                title=r[12] or "",
                assignee=r[13] or "",
                unit=r[14] or "",
                received_at=r[15],
                next_milestone=r[16],
                next_due_at=r[17],
            )
        )
    return rows


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
