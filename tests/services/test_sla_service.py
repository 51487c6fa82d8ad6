"""The SLA over the database, on SQLite and PostgreSQL: stored deadlines, pauses,
extensions, breaches recorded once, policy versions, calendar overrides."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import EventKind
from console.domain.clock import format_deadline
from console.domain.identity import Identity
from console.domain.sla import HOURS, Milestone, compute_deadlines, history_from_events
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.models import Agent, Case, CaseBreach, CaseDeadline, CaseEvent, MatterCategory, Region
from console.services.cases import CaseService
from console.services.errors import ServiceError
from console.services.numbers import register_workstation
from console.services.reference import policy_by_id
from console.services.sla import SlaService, load_calendar


def _setup(sessions: sessionmaker[Session]) -> tuple[CaseService, SlaService, Identity, CaseDraft]:
    station = register_workstation(sessions, "t")
    cal = WorkCalendar()
    with sessions() as s:
        a = s.scalars(select(Agent).where(Agent.username == "admin")).one()
        cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
        district = s.scalars(select(Region.id).where(Region.level == 1)).first()
    who = Identity(a.id, a.username, a.display_name, a.role)
    draft = CaseDraft(
        case_type="demand",
        sub_type="complaint",
        class_code="city",
        category_id=cat,
        district_id=district,
        caller_phone="13800138000",
        description="占道经营影响通行，请处理",
        urgency="urgent",
    )
    return (
        CaseService(sessions, lambda: cal, lambda: station),
        SlaService(sessions, lambda: cal, lambda: station),
        who,
        draft,
    )


def _stored(sessions: sessionmaker[Session], case_id: int) -> dict[str, CaseDeadline]:
    with sessions() as s:
        return {
            d.milestone_code: d
            for d in s.scalars(select(CaseDeadline).where(CaseDeadline.case_id == case_id))
        }


T0 = datetime(2026, 9, 30, 2, 0, tzinfo=UTC)  # 10:00 local


def test_create_stores_every_milestone(sessions: sessionmaker[Session]) -> None:
    cases, _sla, who, draft = _setup(sessions)
    saved = cases.create(draft, who, now=T0)
    rows = _stored(sessions, saved.id)
    assert set(rows) == {"contact", "on_scene", "feedback", "result"}
    assert rows["contact"].due_at == T0 + timedelta(hours=1)
    assert format_deadline(rows["result"].due_at) == "2026-10-10 24:00"  # type: ignore[arg-type]
    with sessions() as s:
        case = s.get(Case, saved.id)
        assert case is not None and case.next_milestone == "contact"
        assert case.next_critical_at == T0 + timedelta(minutes=55)  # policy: 5 min before
        assert case.next_limit_unit == HOURS and not case.sla_unverified


def test_pause_and_resume_move_the_hour_deadlines(sessions: sessionmaker[Session]) -> None:
    cases, sla, who, draft = _setup(sessions)
    saved = cases.create(draft, who, now=T0)
    sla.pause(saved.id, who, "等待市民提供材料", at=T0 + timedelta(minutes=10))
    with sessions() as s:
        case = s.get(Case, saved.id)
        assert case is not None and case.sla_paused and case.next_due_at is None
    with pytest.raises(ServiceError):
        sla.pause(saved.id, who, "again", at=T0 + timedelta(minutes=11))
    sla.resume(saved.id, who, at=T0 + timedelta(minutes=40))
    rows = _stored(sessions, saved.id)
    assert rows["contact"].due_at == T0 + timedelta(hours=1, minutes=30)
    assert rows["on_scene"].due_at == T0 + timedelta(hours=2, minutes=30)


def test_breach_recorded_once_even_by_racing_sweepers(sessions: sessionmaker[Session]) -> None:
    cases, sla, who, draft = _setup(sessions)
    saved = cases.create(draft, who, now=T0)
    later = T0 + timedelta(hours=1, minutes=1)
    results: list[int] = []
    errors: list[BaseException] = []

    def sweep() -> None:
        try:
            results.append(len(sla.sweep(later)))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=sweep) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sum(results) == 1  # only "contact" is overdue at 11:01, recorded once
    assert sla.sweep(later + timedelta(minutes=5)) == []
    with sessions() as s:
        events = s.scalars(
            select(CaseEvent).where(
                CaseEvent.case_id == saved.id, CaseEvent.kind == EventKind.BREACHED
            )
        ).all()
        assert len(events) == 1 and events[0].detail["milestone"] == "contact"
        assert len(s.scalars(select(CaseBreach.case_id)).all()) == 1
    assert [b.milestone_code for b in sla.breaches_since(T0)] == ["contact"]
    # met on time: no breach for that milestone
    sla.record(saved.id, EventKind.ON_SCENE, who, at=T0 + timedelta(minutes=90))
    assert sla.sweep(T0 + timedelta(hours=3)) == []


def test_new_policy_version_leaves_existing_cases_alone(sessions: sessionmaker[Session]) -> None:
    cases, sla, who, draft = _setup(sessions)
    old_case = cases.create(draft, who, now=T0)
    urgent = next(p for p in sla.policies() if p.code == "urgent")
    faster = urgent.__class__(
        None,
        urgent.code,
        urgent.version,
        urgent.name,
        urgent.workday_rule,
        (
            Milestone("contact", "联系群众", 30, "hours", "received", "contacted"),
            *urgent.milestones[1:],
        ),
        urgent.match,
        urgent.priority,
        urgent.work_hours,
    )
    saved_policy = sla.save_policy(faster)
    assert saved_policy.version == urgent.version + 1
    new_case = cases.create(draft, who, now=T0)
    assert _stored(sessions, old_case.id)["contact"].due_at == T0 + timedelta(hours=1)
    assert _stored(sessions, new_case.id)["contact"].due_at == T0 + timedelta(hours=30)
    # recomputing the old case still uses the version it was created under
    sla.record(old_case.id, EventKind.NOTE, who, at=T0 + timedelta(minutes=1), text="x")
    assert _stored(sessions, old_case.id)["contact"].due_at == T0 + timedelta(hours=1)
    with pytest.raises(ServiceError):
        sla.save_policy(urgent.__class__(None, "bad", 1, "bad", "exclusive", ()))


def test_calendar_override_applies_after_recompute(sessions: sessionmaker[Session]) -> None:
    cases, sla, who, draft = _setup(sessions)
    saved = cases.create(draft, who, now=T0)
    sla.set_override(date(2026, 10, 8), False, "台风停工", who)
    with sessions() as s:
        assert load_calendar(s).is_workday(date(2026, 10, 8)) is False
    assert format_deadline(_stored(sessions, saved.id)["feedback"].due_at) == "2026-10-08 24:00"  # type: ignore[arg-type]
    sla_with_db_calendar = SlaService(sessions, sla.load_calendar, lambda: "001")
    assert sla_with_db_calendar.recompute_open() == 1
    assert format_deadline(_stored(sessions, saved.id)["feedback"].due_at) == "2026-10-09 24:00"  # type: ignore[arg-type]
    assert [o.note for o in sla.overrides()] == ["台风停工"]


def test_unknown_year_marks_case_unverified(sessions: sessionmaker[Session]) -> None:
    cases, sla, who, draft = _setup(sessions)
    cases.create(draft, who, now=datetime(2026, 12, 30, 2, tzinfo=UTC))
    assert sla.unverified_open_count() == 1


offsets = st.lists(st.integers(1, 60 * 24 * 6), min_size=1, max_size=5)


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=offsets)
def test_stored_deadlines_equal_pure_computation(
    sessions: sessionmaker[Session], steps: list[int]
) -> None:
    """Whatever the engine, what is stored is exactly what the domain computes."""
    cases, sla, who, draft = _setup_once(sessions)
    saved = cases.create(draft, who, now=T0)
    kinds = [EventKind.PAUSED, EventKind.RESUMED] * 3
    t = T0
    for kind, minutes in zip(kinds, sorted(steps), strict=False):
        t = T0 + timedelta(minutes=minutes)
        sla.record(saved.id, kind, who, at=t)
    with sessions() as s:
        case = s.get(Case, saved.id)
        assert case is not None
        events = s.execute(
            select(CaseEvent.kind, CaseEvent.at, CaseEvent.detail)
            .where(CaseEvent.case_id == saved.id)
            .order_by(CaseEvent.id)  # events of the same moment in the order recorded
        ).all()
        expected = compute_deadlines(
            policy_by_id(s, case.sla_policy_id or 0), history_from_events(events), WorkCalendar()
        )
    rows = _stored(sessions, saved.id)
    for m in expected.milestones:
        assert rows[m.code].due_at == m.due_at
        assert rows[m.code].paused == m.paused


_ONCE: dict[int, tuple[CaseService, SlaService, Identity, CaseDraft]] = {}


def _setup_once(
    sessions: sessionmaker[Session],
) -> tuple[CaseService, SlaService, Identity, CaseDraft]:
    key = id(sessions)
    if key not in _ONCE:
        _ONCE.clear()
        _ONCE[key] = _setup(sessions)
    return _ONCE[key]
