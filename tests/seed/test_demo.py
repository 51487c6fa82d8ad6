"""The demo week generator against a fresh SQLite database built by the migrations."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import (
    DONE_STATUSES,
    OPEN_STATUSES,
    CaseType,
    EventKind,
    Status,
    Urgency,
)
from console.domain.clock import CITY_TZ, local_date
from console.domain.numbering import parse_case_number
from console.domain.sla import BREACHED, CRITICAL, DUE_SOON, ON_TRACK, time_left
from console.domain.validation import CaseDraft, is_valid_credit_code, validate_draft
from console.infra.database import make_engine, make_session_factory
from console.migrations import upgrade
from console.models import Agent, Case, CaseEvent, HandlingUnit, Region
from console.seed.demo import DemoStats, seed_demo
from console.seed.reference import seed_reference

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CITY_TZ)
DAYS, PER_DAY = 7, 60

#: the status a case is in after its last event
STATUS_AFTER = {
    EventKind.CREATED: Status.RECEIVED,
    EventKind.CLOSED_DIRECTLY: Status.CLOSED,
    EventKind.DISPATCHED: Status.DISPATCHED,
    EventKind.RETURNED: Status.RETURNED,
    EventKind.ACCEPTED: Status.ACCEPTED,
    EventKind.CONTACTED: Status.IN_PROGRESS,
    EventKind.ON_SCENE: Status.IN_PROGRESS,
    EventKind.PROGRESS: Status.IN_PROGRESS,
    EventKind.REPLIED: Status.REPLIED,
    EventKind.CLOSED: Status.CLOSED,
    EventKind.VISITED: Status.VISITED,
    EventKind.SENT_BACK: Status.IN_PROGRESS,
    EventKind.CALLBACK_ATTEMPT: Status.CLOSED,
}
UNIT_EVENTS = {
    EventKind.ACCEPTED,
    EventKind.CONTACTED,
    EventKind.ON_SCENE,
    EventKind.PROGRESS,
    EventKind.REPLIED,
    EventKind.RETURNED,
}


def _fresh(path: Path) -> sessionmaker[Session]:
    engine = make_engine(str(path))
    upgrade(engine)
    sessions = make_session_factory(engine)
    with sessions() as s, s.begin():
        seed_reference(s)
    return sessions


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[sessionmaker[Session], DemoStats]:
    sessions = _fresh(tmp_path_factory.mktemp("demo") / "d.sqlite3")
    stats = seed_demo(sessions, station="001", now=NOW, days=DAYS, per_day=PER_DAY)
    return sessions, stats


def _units(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        n = s.scalar(
            select(func.count()).select_from(HandlingUnit).where(HandlingUnit.active.is_(True))
        )
    return int(n or 0)


def _cases(sessions: sessionmaker[Session]) -> list[Case]:
    with sessions() as s:
        return list(s.scalars(select(Case).order_by(Case.id)))


def _events(sessions: sessionmaker[Session]) -> dict[int, list[CaseEvent]]:
    by_case: dict[int, list[CaseEvent]] = defaultdict(list)
    with sessions() as s:
        for e in s.scalars(select(CaseEvent).order_by(CaseEvent.id)):
            by_case[e.case_id].append(e)
    return by_case


def test_counts_and_every_status(demo: tuple[sessionmaker[Session], DemoStats]) -> None:
    sessions, stats = demo
    cases = _cases(sessions)
    assert len(cases) == stats.total == DAYS * PER_DAY
    by_status = Counter(c.status for c in cases)
    # the demo week has no triage outcomes yet (merged, invalid) nor archived cases
    assert set(by_status) == {s.value for s in Status} - {"archived", "invalid", "merged"}
    assert by_status == Counter(stats.by_status())
    # 14 agents, 3 supervisors, and a user for every handling unit (2 of them named in
    # demo_agents.csv)
    assert stats.agents_added == 17 + _units(sessions)


def test_mix_of_types_channels_and_urgency(demo: tuple[sessionmaker[Session], DemoStats]) -> None:
    cases = _cases(demo[0])
    n = len(cases)
    consultations = sum(c.case_type == CaseType.CONSULTATION for c in cases)
    assert 0.55 < consultations / n < 0.75
    channels = Counter(c.channel_code for c in cases)
    assert channels.most_common(1)[0][0] == "phone_12345"
    assert 0.04 < channels["enterprise_line"] / n < 0.13
    assert any(code.startswith("media_") for code in channels)
    demands = [c for c in cases if c.case_type == CaseType.DEMAND]
    urgent = [c for c in demands if c.urgency == Urgency.URGENT]
    assert urgent and len(urgent) / len(demands) < 0.12
    assert all(c.case_type == CaseType.DEMAND for c in urgent)
    # most consultations closed on the call, with the answer given
    direct = [c for c in cases if c.case_type == CaseType.CONSULTATION and c.status == "closed"]
    assert len(direct) > 0.8 * consultations and all(c.answer for c in direct)


def test_numbers_unique_and_parse(demo: tuple[sessionmaker[Session], DemoStats]) -> None:
    cases = _cases(demo[0])
    numbers = [c.number for c in cases]
    assert len(set(numbers)) == len(numbers)
    for c in cases:
        parsed = parse_case_number(c.number)
        assert parsed.station == "001"
        assert parsed.day == local_date(c.received_at)
    # numbered in order of arrival
    ordered = sorted(cases, key=lambda c: c.received_at)
    assert [c.number for c in ordered] == sorted(numbers)


def test_received_over_the_window_with_a_daytime_load(
    demo: tuple[sessionmaker[Session], DemoStats],
) -> None:
    cases = _cases(demo[0])
    assert all(NOW.timestamp() - DAYS * 86400 <= c.received_at.timestamp() for c in cases)
    assert all(c.received_at <= NOW for c in cases)
    hours = Counter(c.received_at.astimezone(CITY_TZ).hour for c in cases)
    night = sum(hours[h] for h in range(0, 6))
    peak = sum(hours[h] for h in (9, 10, 15, 16))
    assert peak > 3 * night


def test_open_cases_have_deadlines_closed_ones_do_not(
    demo: tuple[sessionmaker[Session], DemoStats],
) -> None:
    for c in _cases(demo[0]):
        assert c.sla_policy_id is not None
        if c.status in OPEN_STATUSES:
            assert c.next_due_at is not None, c.number
            # once the unit replied every milestone may be met: the final deadline stays
            assert c.next_milestone is not None or c.status == Status.REPLIED, c.number
            assert c.closed_at is None
        else:
            assert c.next_due_at is None and c.closed_at is not None


def test_countdowns_in_every_state(demo: tuple[sessionmaker[Session], DemoStats]) -> None:
    sessions, stats = demo
    open_cases = [c for c in _cases(sessions) if c.status in OPEN_STATUSES]
    states = Counter(
        time_left(c.next_due_at, NOW).state for c in open_cases if c.next_due_at is not None
    )
    assert set(states) == {ON_TRACK, DUE_SOON, CRITICAL, BREACHED}
    assert states[BREACHED] == stats.breached
    assert states[ON_TRACK] > states[BREACHED]


def test_no_event_after_now_and_histories_consistent(
    demo: tuple[sessionmaker[Session], DemoStats],
) -> None:
    sessions, _ = demo
    events = _events(sessions)
    with sessions() as s:
        agent_ids = set(s.scalars(select(Agent.id)))
    for c in _cases(sessions):
        evs = events[c.id]
        kinds = [e.kind for e in evs]
        assert evs, c.number
        assert all(e.at <= NOW for e in evs), c.number
        assert all(a.at <= b.at for a, b in zip(evs, evs[1:], strict=False)), c.number
        assert all(e.actor_id in agent_ids and e.actor_name and e.station == "001" for e in evs)
        assert kinds[0] == EventKind.CREATED and evs[0].at == c.received_at
        assert kinds.count(EventKind.CREATED) == 1
        moving = [k for k in kinds if k in STATUS_AFTER]  # reminders leave the status
        assert c.status == STATUS_AFTER[EventKind(moving[-1])], (c.number, kinds)
        assert c.updated_at == evs[-1].at
        if EventKind.REOPENED in kinds:  # the checks below are about the last round
            last = len(kinds) - 1 - kinds[::-1].index(EventKind.REOPENED)
            evs, kinds = evs[last:], kinds[last:]
        closing = [e for e in evs if e.kind in (EventKind.CLOSED, EventKind.CLOSED_DIRECTLY)]
        if c.status in DONE_STATUSES:
            assert len(closing) == 1 and c.closed_at == closing[0].at
        else:
            assert not closing
        if c.status == Status.VISITED:
            assert kinds.index(EventKind.CLOSED) < kinds.index(EventKind.VISITED)
        if c.case_type == CaseType.CONSULTATION:
            assert set(kinds) <= {
                EventKind.CREATED,
                EventKind.CLOSED_DIRECTLY,
                EventKind.CLOSED,
            }
            assert c.unit_id is None and c.dispatched_at is None
            continue
        # demands: dispatched before any step of a unit, replied before closed
        if len(kinds) > 1 and kinds[0] != EventKind.REOPENED:
            assert kinds[1] == EventKind.DISPATCHED, (c.number, kinds)
        for i, kind in enumerate(kinds):
            if kind in UNIT_EVENTS:
                assert EventKind.DISPATCHED in kinds[:i], (c.number, kinds)
        if c.status in DONE_STATUSES:
            assert kinds.index(EventKind.DISPATCHED) < kinds.index(EventKind.REPLIED)
            assert kinds.index(EventKind.REPLIED) < kinds.index(EventKind.CLOSED)
        dispatches = [e for e in evs if e.kind == EventKind.DISPATCHED]
        if dispatches:
            assert c.dispatched_at == dispatches[-1].at
        else:
            assert c.dispatched_at is None and c.unit_id is None
        if c.status == Status.RETURNED:
            assert c.unit_id is None
        elif dispatches:
            assert c.unit_id == dispatches[-1].detail["unit_id"]
        if c.urgency == Urgency.URGENT and c.status in DONE_STATUSES:
            assert EventKind.ON_SCENE in kinds


def test_units_regions_and_assignees(demo: tuple[sessionmaker[Session], DemoStats]) -> None:
    sessions, _ = demo
    cases = _cases(sessions)
    with sessions() as s:
        parent = {i: p for i, p in s.execute(select(Region.id, Region.parent_id))}
        unit_kinds = {i: k for i, k in s.execute(select(HandlingUnit.id, HandlingUnit.kind))}
    for c in cases:
        if c.town_id is not None:
            assert parent[c.town_id] == c.district_id
        if c.case_type == CaseType.DEMAND:
            assert c.district_id is not None and c.town_id is not None and c.address
    used = {unit_kinds[c.unit_id] for c in cases if c.unit_id is not None}
    assert {"town", "bureau"} <= used
    open_cases = [c for c in cases if c.status in OPEN_STATUSES]
    assigned = sum(c.assignee_id is not None for c in open_cases)
    assert len(open_cases) > assigned > len(open_cases) / 2


def test_every_case_is_a_valid_draft(demo: tuple[sessionmaker[Session], DemoStats]) -> None:
    cases = _cases(demo[0])
    enterprise = [c for c in cases if c.channel_code == "enterprise_line"]
    assert enterprise
    for c in enterprise:
        assert c.enterprise_name and is_valid_credit_code(c.credit_code), c.credit_code
    for c in cases:
        draft = CaseDraft(
            channel_code=c.channel_code,
            case_type=c.case_type,
            sub_type=c.sub_type,
            class_code=c.class_code,
            category_id=c.category_id,
            district_id=c.district_id,
            town_id=c.town_id,
            address=c.address,
            caller_name=c.caller_name,
            caller_phone=c.caller_phone,
            caller_anonymous=c.caller_anonymous,
            caller_confidential=c.caller_confidential,
            enterprise_name=c.enterprise_name,
            credit_code=c.credit_code,
            description=c.description,
            urgency=c.urgency,
            answer=c.answer,
        )
        closing = c.case_type == CaseType.CONSULTATION and c.status == Status.CLOSED
        assert validate_draft(draft, closing_directly=closing) == [], c.number
        assert "{" not in c.description and c.title and len(c.title) <= 60
    assert any(c.caller_phone.startswith("0757") for c in cases)
    assert any(c.caller_anonymous for c in cases)
    assert any(c.caller_confidential for c in cases)


def test_same_seed_same_week_and_agents_idempotent(tmp_path: Path) -> None:
    runs = []
    for name in ("a", "b"):
        sessions = _fresh(tmp_path / f"{name}.sqlite3")
        seed_demo(sessions, station="001", now=NOW, days=2, per_day=40)
        runs.append([(c.number, c.status, c.received_at) for c in _cases(sessions)])
    assert runs[0] == runs[1]
    # a second run adds cases, not agents, and keeps numbers unique
    stats = seed_demo(sessions, station="001", now=NOW, days=1, per_day=20)
    assert stats.agents_added == 0 and stats.total == 20
    with sessions() as s:
        people = s.scalar(select(func.count()).select_from(Agent).where(Agent.role != "admin"))
    assert people == 17 + _units(sessions)
    with sessions() as s:
        numbers = list(s.scalars(select(Case.number)))
    assert len(numbers) == len(set(numbers)) == 80 + 20
