"""Case creation, numbering, queue and shift figures on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import Status
from console.domain.numbering import parse_case_number
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.models import Case, CaseEvent, HandlingUnit, MatterCategory, Region
from console.services.cases import CLOSE, DISPATCH, CaseService
from console.services.errors import ValidationFailed
from console.services.handover import HandoverService
from console.services.numbers import register_workstation
from console.services.queue import QueueQuery, QueueService, QueueSort, QueueView, page_key
from tests.helpers.people import admin as _admin


def _ids(sessions: sessionmaker[Session]) -> tuple[int, int, int]:
    with sessions() as s:
        cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
        district = s.scalars(select(Region.id).where(Region.name == "南海区")).one()
        unit = s.scalars(select(HandlingUnit.id).where(HandlingUnit.kind == "town")).first()
        assert cat is not None and unit is not None
        return cat, district, unit


def _service(sessions: sessionmaker[Session]) -> CaseService:
    station = register_workstation(sessions, "test-host")
    return CaseService(sessions, WorkCalendar, lambda: station)


CONSULT = CaseDraft(
    case_type="consultation",
    sub_type="policy",
    class_code="livelihood",
    caller_phone="13800138000",
    description="咨询居住证办理需要哪些材料",
    answer="携带身份证、租赁合同到所在街道出租屋管理服务中心办理。",
)


def test_save_consultation_issues_number_and_history(sessions: sessionmaker[Session]) -> None:
    svc = _service(sessions)
    who = _admin(sessions)
    saved = svc.create(CONSULT, who)
    assert saved.created and saved.status == Status.RECEIVED
    n = parse_case_number(saved.number)
    assert n.station == "001" and n.seq == 1
    assert saved.policy_code == "consultation" and saved.next_due_at is not None
    second = svc.create(CONSULT, who)
    assert parse_case_number(second.number).seq == 2
    assert [e.kind for e in svc.history(saved.id)] == ["created"]


def test_close_directly_records_answer(sessions: sessionmaker[Session]) -> None:
    svc = _service(sessions)
    saved = svc.create(CONSULT, _admin(sessions), action=CLOSE)
    assert saved.status == Status.CLOSED and saved.next_due_at is None
    with sessions() as s:
        case = s.get(Case, saved.id)
        assert case is not None and case.answer.startswith("携带身份证")
        assert case.closed_at is not None
    assert [e.kind for e in svc.history(saved.id)] == ["created", "closed_directly"]


def test_dispatch_demand_to_unit(sessions: sessionmaker[Session]) -> None:
    cat, district, unit = _ids(sessions)
    svc = _service(sessions)
    draft = CaseDraft(
        case_type="demand",
        sub_type="complaint",
        class_code="city",
        category_id=cat,
        district_id=district,
        caller_phone="0757-83381234",
        description="桂城街道某工地夜间施工噪音扰民",
        urgency="urgent",
    )
    t0 = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    saved = svc.create(draft, _admin(sessions), action=DISPATCH, unit_id=unit, now=t0)
    assert saved.status == Status.DISPATCHED
    assert saved.policy_code == "urgent" and saved.next_milestone == "contact"
    assert saved.next_due_at == t0 + timedelta(hours=1)
    assert [e.kind for e in svc.history(saved.id)] == ["created", "dispatched"]


def test_invalid_draft_is_refused_and_nothing_saved(sessions: sessionmaker[Session]) -> None:
    svc = _service(sessions)
    with pytest.raises(ValidationFailed) as err:
        svc.create(
            CaseDraft(
                case_type="demand", sub_type="complaint", class_code="city", description="短"
            ),
            _admin(sessions),
        )
    assert {e.field for e in err.value.errors} >= {"description", "caller_phone"}
    with sessions() as s:
        assert s.scalars(select(Case.id)).first() is None


def test_same_uuid_saves_once(sessions: sessionmaker[Session]) -> None:
    svc = _service(sessions)
    key = uuid.uuid4()
    a = svc.create(CONSULT, _admin(sessions), case_uuid=key)
    b = svc.create(CONSULT, _admin(sessions), case_uuid=key)
    assert a.created and not b.created and a.number == b.number
    with sessions() as s:
        assert len(s.scalars(select(Case.id)).all()) == 1


def test_case_history_is_append_only(sessions: sessionmaker[Session]) -> None:
    svc = _service(sessions)
    saved = svc.create(CONSULT, _admin(sessions))
    for stmt in ("UPDATE case_events SET actor_name = 'x'", "DELETE FROM case_events"):
        with pytest.raises(DBAPIError, match="append-only"):
            with sessions() as s, s.begin():
                s.execute(text(stmt))
    with sessions() as s:
        assert s.scalars(select(CaseEvent.actor_name).where(CaseEvent.case_id == saved.id)).all()


def test_concurrent_saves_get_distinct_numbers(sessions: sessionmaker[Session]) -> None:
    svc = _service(sessions)
    who = _admin(sessions)
    numbers: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                numbers.append(svc.create(CONSULT, who).number)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(numbers) == 20 and len(set(numbers)) == 20


def test_queue_keyset_pages_cover_every_open_case(sessions: sessionmaker[Session]) -> None:
    svc = _service(sessions)
    who = _admin(sessions)
    t0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
    for i in range(23):
        svc.create(CONSULT, who, now=t0 + timedelta(minutes=7 * i))
    svc.create(CONSULT, who, action=CLOSE, now=t0)
    q = QueueService(sessions)
    query = QueueQuery(QueueView.OPEN, QueueSort.TIME_LEFT)
    seen: list[int] = []
    after = None
    while True:
        page = q.page(query, after, limit=5)
        if not page:
            break
        seen += [r.id for r in page]
        after = page_key(query, page[-1])
    assert len(seen) == 23 == len(set(seen)) == q.count(query)
    dues = [r.next_due_at for r in q.page(query, None, limit=100)]
    assert dues == sorted(dues)  # type: ignore[type-var]
    newest = q.page(QueueQuery(QueueView.OPEN, QueueSort.NEWEST), None, limit=3)
    assert newest[0].received_at >= newest[1].received_at >= newest[2].received_at


def test_queue_views_filter(sessions: sessionmaker[Session]) -> None:
    cat, district, unit = _ids(sessions)
    svc = _service(sessions)
    who = _admin(sessions)
    svc.create(CONSULT, who)
    svc.create(
        CaseDraft(
            case_type="demand",
            sub_type="help",
            class_code="city",
            category_id=cat,
            district_id=district,
            caller_anonymous=True,
            description="小区路灯损坏多日无人维修",
        ),
        who,
        action=DISPATCH,
        unit_id=unit,
    )
    q = QueueService(sessions)
    assert q.count(QueueQuery(QueueView.MINE, agent_id=who.agent_id)) == 2
    assert q.count(QueueQuery(QueueView.AWAITING_UNIT)) == 1
    assert q.count(QueueQuery(QueueView.UNASSIGNED)) == 0
    assert q.count(QueueQuery(QueueView.BREACHED)) == 0


def test_shift_summary_counts_from_database(sessions: sessionmaker[Session]) -> None:
    cat, district, unit = _ids(sessions)
    svc = _service(sessions)
    who = _admin(sessions)
    # 10:00 local on 27 Nov 2026 = 02:00 UTC: the morning shift 08:00-16:00
    t = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    svc.create(CONSULT, who, action=CLOSE, now=t)
    svc.create(CONSULT, who, now=t + timedelta(minutes=5))
    svc.create(
        CaseDraft(
            case_type="demand",
            sub_type="report",
            class_code="environment",
            category_id=cat,
            district_id=district,
            caller_anonymous=True,
            description="河涌有污水直排，气味很大",
        ),
        who,
        action=DISPATCH,
        unit_id=unit,
        now=t + timedelta(minutes=9),
    )
    svc.create(CONSULT, who, now=t - timedelta(hours=3))  # night shift: not counted
    summary = HandoverService(sessions).current_summary(now=t + timedelta(hours=1))
    assert summary.window.shift.code == "morning"
    assert summary.received == 3
    assert summary.received_by_type == {"consultation": 2, "demand": 1}
    assert summary.received_by_channel == {"phone_12345": 3}
    assert summary.closed_directly == 1 and summary.dispatched == 1 and summary.closed == 1
    assert summary.open_now == 3
    assert summary.next_window.shift.code == "evening"
