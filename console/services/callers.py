"""The caller's history while they talk, and adding a repeat call to an open case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, sessionmaker

from console.domain.casetypes import OPEN_STATUSES, EventKind
from console.domain.clock import now_utc
from console.domain.identity import Identity
from console.domain.validation import FieldError, normalize_phone, phone_kind
from console.models import Case, HandlingUnit, MatterCategory
from console.services.errors import Conflict, NotFound, ValidationFailed
from console.services.sla import add_event

HISTORY_LIMIT = 20
REPEAT_CALL = "repeat_call"


@dataclass(frozen=True)
class PastCase:
    id: int
    number: str
    status: str
    case_type: str
    created_at: datetime
    category: str  # the category's path, "" when none
    title: str
    unit: str  # the handling unit's name, "" when none

    @property
    def open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass(frozen=True)
class CallerHistory:
    phone: str  # normalized
    cases: tuple[PastCase, ...]  # newest first, at most HISTORY_LIMIT
    more: bool  # older cases exist beyond the limit

    @property
    def open_cases(self) -> tuple[PastCase, ...]:
        return tuple(c for c in self.cases if c.open)


@dataclass(frozen=True)
class AddedCall:
    case_id: int
    number: str
    status: str


def history_query(session: Session, phone: str, limit: int = HISTORY_LIMIT) -> list[PastCase]:
    cat = aliased(MatterCategory)
    unit = aliased(HandlingUnit)
    rows = session.execute(
        select(
            Case.id,
            Case.number,
            Case.status,
            Case.case_type,
            Case.created_at,
            cat.path,
            Case.title,
            unit.name,
        )
        .outerjoin(cat, cat.id == Case.category_id)
        .outerjoin(unit, unit.id == Case.unit_id)
        .where(Case.caller_phone == phone)
        .order_by(Case.created_at.desc(), Case.id.desc())
        .limit(limit)
    ).all()
    return [PastCase(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6], r[7] or "") for r in rows]


class CallerService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def history(self, raw_phone: str, limit: int = HISTORY_LIMIT) -> CallerHistory | None:
        """The caller's earlier cases, newest first; None for an incomplete number (the
        form asks on every pause in typing)."""
        if phone_kind(raw_phone) is None:
            return None
        phone = normalize_phone(raw_phone)
        with self._sessions() as s:
            cases = history_query(s, phone, limit + 1)
        return CallerHistory(phone, tuple(cases[:limit]), len(cases) > limit)

    def add_call(
        self, case_id: int, raw_phone: str, text: str, who: Identity, station: str = ""
    ) -> AddedCall:
        """Record a repeat call on the caller's open case instead of opening a duplicate:
        a note in its history with what the caller said now."""
        said = text.strip()
        if not said:
            raise ValidationFailed([FieldError("description", "required")])
        at = now_utc()
        with self._sessions() as s, s.begin():
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound(f"case #{case_id}")
            if case.status not in OPEN_STATUSES:
                raise Conflict(f"case {case.number} is {case.status}: open a new case")
            record_repeat_call(s, case, who, station, at, normalize_phone(raw_phone), said)
            return AddedCall(case.id, case.number, case.status)


def record_repeat_call(
    s: Session, case: Case, who: Identity, station: str, at: datetime, phone: str, said: str
) -> None:
    """The note a repeat call leaves in its case's history (also replayed from a
    workstation's outbox)."""
    add_event(s, case, EventKind.NOTE, who, station, at, note=REPEAT_CALL, phone=phone,
              text=said[:4000])  # fmt: skip
