"""Shared by the outbox tests: a central database's services, drafts, and a gate that
makes the central database unreachable without touching the server (the fault tests
put a real TCP proxy in between instead)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.numbering import parse_case_number
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.models import Case, MatterCategory, NumberCounter, Region
from console.services.cases import CaseService
from console.services.intake import IntakeService
from tests.helpers.people import admin

__all__ = ["admin"]


def intake_for(sessions: sessionmaker[Session], station: str) -> IntakeService:
    cases = CaseService(sessions, WorkCalendar, lambda: station)
    return IntakeService(cases, lambda: station)


def draft(i: int) -> CaseDraft:
    return CaseDraft(
        case_type="consultation",
        sub_type="policy",
        class_code="livelihood",
        caller_phone=f"138{i:08d}",
        description=f"第{i}号来电：咨询居住证办理需要哪些材料",
        answer="携带身份证、租赁合同到所在街道出租屋管理服务中心办理。",
    )


def demand(sessions: sessionmaker[Session]) -> CaseDraft:
    with sessions() as s:
        cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
        district = s.scalars(select(Region.id).where(Region.name == "南海区")).one()
    return CaseDraft(
        case_type="demand",
        sub_type="complaint",
        class_code="city",
        category_id=cat,
        district_id=district,
        caller_phone="0757-83381234",
        description="桂城街道某工地夜间施工噪音扰民",
    )


def refused() -> OperationalError:
    return OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))


class Gate:
    """A switch in front of the central database's session factory and intake."""

    def __init__(self, sessions: sessionmaker[Session], intake: IntakeService) -> None:
        self._sessions = sessions
        self._intake = intake
        self.open = True
        self.calls = 0

    def sessions(self) -> AbstractContextManager[Session]:
        if not self.open:
            raise refused()
        return self._sessions()

    def submit(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        if not self.open:
            raise refused()
        return self._intake.submit(*args, **kwargs)


def central_cases(sessions: sessionmaker[Session], uuids: Iterable[Any]) -> list[tuple[Any, str]]:
    wanted = set(uuids)
    with sessions() as s:
        rows = s.execute(select(Case.uuid, Case.number)).all()
    return [(u, n) for u, n in rows if u in wanted]


def check_exactly_once(
    sessions: sessionmaker[Session], given: dict[Any, str], station: str
) -> dict[str, int]:
    """Every case the callers were given a number for is stored exactly once, under
    that number; numbers are unique; the central counter is past every one of them."""
    rows = central_cases(sessions, given)
    per_uuid = Counter(u for u, _n in rows)
    duplicates = sum(c - 1 for c in per_uuid.values() if c > 1)
    lost = len(set(given) - set(per_uuid))
    with sessions() as s:
        numbers = list(s.scalars(select(Case.number)))
        counters = {(c.station, c.day): c.last_seq for c in s.scalars(select(NumberCounter))}
    assert duplicates == 0, f"{duplicates} duplicates"
    assert lost == 0, f"{lost} lost"
    assert len(numbers) == len(set(numbers)), "a number was issued twice"
    stored = dict(rows)
    assert stored == given, "a case is stored under another number than the caller's"
    for n in given.values():
        p = parse_case_number(n)
        assert counters[(station, f"{p.day:%y%m%d}")] >= p.seq
    return {"stored": len(rows), "duplicates": duplicates, "lost": lost}
