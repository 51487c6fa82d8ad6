"""The shift handover on SQLite and PostgreSQL: built from the database, submitted,
acknowledged, read-only; shift boundaries (midnight, late, early, missing), two
supervisors, flagged items carried until done, and nothing lost on a generated day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.clock import CITY_TZ
from console.domain.errors import Refused
from console.domain.handover import GroupState, OpenCase, Reason, bounds_for, nothing_lost
from console.domain.identity import Identity
from console.domain.shifts import next_window, previous_window, window
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.models import Case, HandlingUnit, Handover, MatterCategory, Region
from console.seed.demo import seed_demo
from console.services.cases import CLOSE, DISPATCH, CaseService
from console.services.errors import Conflict, ValidationFailed
from console.services.handover import (
    OPEN_ORDER,
    HandoverIncomplete,
    HandoverService,
    HandoverView,
)
from console.services.numbers import register_workstation
from console.services.reference import load_shifts
from tests.helpers.people import person as _agent

DAY = date(2026, 11, 25)  # a Wednesday


def local(h: int, m: int = 0, d: date = DAY) -> datetime:
    return datetime.combine(d, time(h, m), tzinfo=CITY_TZ)


def _cases(sessions: sessionmaker[Session]) -> CaseService:
    station = register_workstation(sessions, "test-host")
    return CaseService(sessions, WorkCalendar, lambda: station)


def _unit(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        unit = s.scalars(select(HandlingUnit.id).where(HandlingUnit.kind == "town")).first()
        assert unit is not None
        return unit


CONSULT = CaseDraft(
    case_type="consultation",
    sub_type="policy",
    class_code="livelihood",
    caller_phone="13800138000",
    description="咨询居住证办理需要哪些材料",
    answer="携带身份证、租赁合同到所在街道办理。",
)


def _demand(sessions: sessionmaker[Session]) -> CaseDraft:
    with sessions() as s:
        cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
        district = s.scalars(select(Region.id).where(Region.name == "南海区")).one()
    return CaseDraft(
        case_type="demand",
        sub_type="complaint",
        class_code="city",
        category_id=cat,
        district_id=district,
        caller_phone="13900139000",
        description="小区门口占道经营，晚上噪音很大",
    )


def _accept_all(svc: HandoverService, view: HandoverView, who: Identity) -> None:
    for g in view.groups:
        if g.count and not g.accepted:
            svc.accept_group(view.id, g.key, who)


def _submit(svc: HandoverService, who: Identity, now: datetime, **kw: object) -> HandoverView:
    view = svc.prepare(who, now=now, **kw)  # type: ignore[arg-type]
    _accept_all(svc, view, who)
    return svc.submit(view.id, who, svc.get(view.id).version, now=now)


def test_build_lists_the_shift_work_and_counts_figures(sessions: sessionmaker[Session]) -> None:
    DEMAND = _demand(sessions)
    cases = _cases(sessions)
    sup = _agent(sessions, "sup_a", "supervisor")
    old = cases.create(DEMAND, sup, now=local(9) - timedelta(days=3))  # nobody touches it
    closed = cases.create(CONSULT, sup, action=CLOSE, now=local(9))
    callback = cases.create(CONSULT, sup, now=local(10))
    sent = cases.create(DEMAND, sup, action=DISPATCH, unit_id=_unit(sessions), now=local(11))
    night = cases.create(CONSULT, sup, now=local(7))  # the night shift's
    svc = HandoverService(sessions)
    svc.log_incident(sup, "system", "12345 trunk 2 down 10:05-10:20", now=local(10, 5))
    view = svc.prepare(sup, now=local(15, 30))
    assert view.status == "draft" and view.shift_code == "morning"
    assert view.as_of == local(15, 30) and view.label == "早班 2026-11-25 08:00–16:00"
    reasons = {i.case_id: i.reason for i in view.items}
    assert closed.id not in reasons
    assert reasons[callback.id] == Reason.CALLBACK
    assert sent.id in reasons
    assert old.id not in reasons
    # no handover before: the night shift is carried as the gap
    assert night.id in reasons and view.gap is not None and view.gap.previous_missing
    f = view.figures
    assert f.received == 3 and f.received_by_type == {"consultation": 2, "demand": 1}
    assert f.closed_directly == 1 and f.dispatched == 1 and f.closed == 1
    assert f.callbacks_promised == 1 and f.incidents == 1
    assert [i.text for i in view.incidents] == ["12345 trunk 2 down 10:05-10:20"]
    # every open case is listed or grouped
    assert f.open_total == len(view.items) + view.grouped == 4
    assert any(g.count == 1 for g in view.groups)  # the old demand


def test_submit_refused_until_groups_accepted_then_acknowledged_read_only(
    sessions: sessionmaker[Session],
) -> None:
    DEMAND = _demand(sessions)
    cases = _cases(sessions)
    out = _agent(sessions, "sup_out", "supervisor")
    inc = _agent(sessions, "sup_in", "supervisor")
    agent = _agent(sessions, "agent_x", "agent")
    cases.create(DEMAND, out, now=local(9) - timedelta(days=2))
    svc = HandoverService(sessions)
    view = svc.prepare(out, now=local(15, 40))
    assert view.unaccepted_groups
    with pytest.raises(HandoverIncomplete) as err:
        svc.submit(view.id, out, view.version, now=local(15, 45))
    assert {p.code for p in err.value.problems} == {"group_not_accepted"}
    with pytest.raises(Refused):
        svc.prepare(agent, now=local(15, 40))
    _accept_all(svc, view, out)
    view = svc.set_notes(view.id, "2号中继线故障已恢复；注意环保类投诉增多", out, view.version)
    done = svc.submit(view.id, out, view.version, now=local(15, 50))
    assert done.status == "submitted" and done.submitted_by == out.display_name
    assert done.as_of == local(15, 50)
    with pytest.raises(Refused):  # the one who submitted does not acknowledge
        svc.acknowledge(done.id, out, now=local(16, 5))
    ack = svc.acknowledge(done.id, inc, "收到", now=local(16, 5))
    assert ack.status == "acknowledged" and ack.read_only
    assert ack.acknowledged_by == inc.display_name and ack.acknowledged_at == local(16, 5)
    with pytest.raises(Conflict):
        svc.set_notes(ack.id, "changed", inc, ack.version)
    with pytest.raises(Conflict):
        svc.accept_group(ack.id, ack.groups[0].key, inc, accepted=False)
    with pytest.raises(Conflict):
        svc.acknowledge(ack.id, inc)
    # preparing the same shift again shows the kept record, unchanged
    again = svc.prepare(inc, shift_code="morning", day=DAY, now=local(17))
    assert (
        again.id == ack.id and again.notes.startswith("2号中继线") and again.as_of == local(15, 50)
    )


def test_two_supervisors_of_one_shift(sessions: sessionmaker[Session]) -> None:
    admin = _agent(sessions, "admin", "admin")
    a = _agent(sessions, "sup_a", "supervisor")
    b = _agent(sessions, "sup_b", "supervisor")
    c = _agent(sessions, "sup_c", "supervisor")
    svc = HandoverService(sessions)
    svc.set_roster(admin, "morning", [(a.agent_id, "supervisor"), (b.agent_id, "supervisor")])
    svc.set_roster(admin, "evening", [(c.agent_id, "supervisor")])
    assert svc.status(now=local(10)).supervisors == (a.display_name, b.display_name)
    _cases(sessions).create(CONSULT, a, now=local(9))
    va = svc.prepare(a, now=local(15))
    vb = svc.prepare(b, now=local(15, 1))  # the same draft, rebuilt
    assert va.id == vb.id
    vb = svc.set_notes(vb.id, "B 的交接说明", b, vb.version)
    with pytest.raises(Conflict):  # A's view is stale: B's notes are not overwritten
        svc.set_notes(va.id, "A 的交接说明", a, va.version)
    _accept_all(svc, vb, b)
    sub = svc.submit(vb.id, b, svc.get(vb.id).version, now=local(15, 55))
    with pytest.raises(Conflict):
        svc.submit(va.id, a, sub.version, now=local(15, 56))
    # the co-supervisor of the same shift may acknowledge, the submitter may not
    with pytest.raises(Refused):
        svc.acknowledge(sub.id, b)
    assert svc.acknowledge(sub.id, c, now=local(16, 2)).acknowledged_by == c.display_name
    assert svc.get(sub.id).notes == "B 的交接说明"


def test_midnight_and_late_submission(sessions: sessionmaker[Session]) -> None:
    cases = _cases(sessions)
    sup = _agent(sessions, "sup_e", "supervisor")
    nsup = _agent(sessions, "sup_n", "supervisor")
    before = cases.create(CONSULT, sup, now=local(23, 50))
    after = cases.create(CONSULT, sup, now=local(0, 10, DAY + timedelta(days=1)))
    svc = HandoverService(sessions)
    late = local(0, 40, DAY + timedelta(days=1))
    # the evening supervisor submits 40 minutes late: still the evening shift's handover
    view = svc.prepare(sup, shift_code="evening", day=DAY, now=late)
    assert view.label == "中班 2026-11-25 16:00–24:00"
    assert view.as_of == local(0, 0, DAY + timedelta(days=1))
    ids = {i.case_id for i in view.items}
    assert before.id in ids and after.id not in ids
    _accept_all(svc, view, sup)
    sub = svc.submit(view.id, sup, svc.get(view.id).version, now=late)
    assert sub.submitted_at == late and sub.as_of == view.as_of
    night = svc.prepare(nsup, now=local(7, 30, DAY + timedelta(days=1)))
    assert night.shift_code == "night" and night.coverage_from == view.as_of
    assert night.gap is None
    assert after.id in {i.case_id for i in night.items}


def test_early_submission_carries_the_rest_of_the_shift(sessions: sessionmaker[Session]) -> None:
    DEMAND = _demand(sessions)
    cases = _cases(sessions)
    sup = _agent(sessions, "sup_m", "supervisor")
    esup = _agent(sessions, "sup_e", "supervisor")
    svc = HandoverService(sessions)
    _submit(svc, sup, local(15, 30))
    late_case = cases.create(CONSULT, sup, action=CLOSE, now=local(15, 45))
    cases.create(DEMAND, sup, now=local(15, 50))
    evening = svc.prepare(esup, now=local(20))
    assert evening.coverage_from == local(15, 30)
    gap = evening.gap
    assert gap is not None and not gap.previous_missing
    assert gap.received == 2 and gap.closed == 1
    assert late_case.id not in {i.case_id for i in evening.items}  # closed: nothing to do
    assert evening.figures.open_total == len(evening.items) + evening.grouped


def test_missing_handover_warns_the_incoming_supervisor(sessions: sessionmaker[Session]) -> None:
    DEMAND = _demand(sessions)
    cases = _cases(sessions)
    sup = _agent(sessions, "sup_m", "supervisor")
    worked = cases.create(DEMAND, sup, now=local(10))
    svc = HandoverService(sessions)
    st = svc.status(now=local(16, 10))
    assert st.current.shift.code == "evening" and st.previous_missing
    assert st.previous_status == "missing" and st.previous_label.startswith("早班")
    svc.prepare(sup, shift_code="morning", day=DAY, now=local(16, 20))  # a draft only
    assert svc.status(now=local(16, 30)).previous_status == "draft"
    evening = svc.prepare(sup, now=local(23))
    assert evening.gap is not None and evening.gap.previous_missing
    assert evening.coverage_from == local(8)
    assert worked.id in {i.case_id for i in evening.items}
    assert evening.gap.received == 1


def test_flagged_items_stay_visible_until_done(sessions: sessionmaker[Session]) -> None:
    DEMAND = _demand(sessions)
    cases = _cases(sessions)
    sup = _agent(sessions, "sup_m", "supervisor")
    esup = _agent(sessions, "sup_e", "supervisor")
    agent = _agent(sessions, "agent_y", "agent")
    case = cases.create(DEMAND, sup, now=local(10))
    svc = HandoverService(sessions)
    view = svc.prepare(sup, now=local(15))
    item = next(i for i in view.items if i.case_id == case.id)
    changed = svc.update_item(
        item.id,
        sup,
        note="市民 17:00 前等回电",
        flagged=True,
        assign=True,
        assignee_id=agent.agent_id,
    )
    assert changed.flagged and changed.assignee == agent.display_name
    _accept_all(svc, view, sup)
    svc.submit(view.id, sup, svc.get(view.id).version, now=local(15, 55))
    [out] = svc.outstanding()
    assert out.case_id == case.id and out.note == "市民 17:00 前等回电"
    assert out.handover_label.startswith("早班")
    # the evening's handover carries it while it is not done
    evening = svc.prepare(esup, now=local(23))
    assert {i.case_id: i.reason for i in evening.items}[case.id] == Reason.CARRIED
    picked = svc.pick_up(out.id, agent, now=local(16, 5))
    assert picked.picked_up_by == agent.display_name and picked.done_at is None
    assert len(svc.outstanding()) == 1
    svc.mark_done(out.id, agent, now=local(16, 30))
    assert svc.outstanding() == []
    with pytest.raises(Conflict):
        svc.mark_done(out.id, agent)


def test_history_browse_and_search(sessions: sessionmaker[Session]) -> None:
    DEMAND = _demand(sessions)
    cases = _cases(sessions)
    sup = _agent(sessions, "sup_m", "supervisor")
    esup = _agent(sessions, "sup_e", "supervisor")
    saved = cases.create(DEMAND, sup, now=local(10))
    svc = HandoverService(sessions)
    m = svc.prepare(sup, now=local(15))
    svc.set_notes(m.id, "燃气泄漏事件已移交", sup, m.version)
    it = next(i for i in svc.get(m.id).items if i.case_id == saved.id)
    svc.update_item(it.id, sup, note="等待街道回复")
    _submit(svc, sup, local(15, 50))
    _submit(svc, esup, local(23, 50))
    rows = svc.history()
    assert [r.shift_code for r in rows] == ["evening", "morning"]
    assert [r.id for r in svc.history("燃气")] == [m.id]
    assert [r.id for r in svc.history("街道回复")] == [m.id]
    assert [r.id for r in svc.history(saved.number)] == [m.id]
    assert [r.shift_code for r in svc.history(esup.display_name)] == ["evening"]
    assert {r.id for r in svc.history("2026-11-25")} == {r.id for r in rows}
    assert svc.history("2026-11-20") == []


def test_shift_configuration_roster_and_sign_in(sessions: sessionmaker[Session]) -> None:
    admin = _agent(sessions, "admin", "admin")
    sup = _agent(sessions, "sup_m", "supervisor")
    agent = _agent(sessions, "agent_z", "agent")
    svc = HandoverService(sessions)
    with pytest.raises(Refused):
        svc.save_shifts(sup, [("morning", "早班", "08:00", "16:00")])
    with pytest.raises(ValidationFailed) as err:
        svc.save_shifts(
            admin,
            [
                ("morning", "早班", "08:00", "16:00"),
                ("evening", "中班", "16:00", "23:00"),
                ("night", "夜班", "00:00", "08:00"),
            ],
        )
    assert [e.code for e in err.value.errors] == ["gap"]
    defaults = [
        ("morning", "早班", "08:00", "16:00"),
        ("evening", "中班", "16:00", "00:00"),
        ("night", "夜班", "00:00", "08:00"),
    ]
    try:
        svc.save_shifts(
            admin,
            [
                ("morning", "早班", "07:00", "15:00"),
                ("evening", "中班", "15:00", "23:00"),
                ("night", "夜班", "23:00", "07:00"),
            ],
        )
        with sessions() as s:
            shifts = load_shifts(s)
        assert [(d.code, d.starts.hour, d.ends.hour) for d in shifts] == [
            ("morning", 7, 15),
            ("evening", 15, 23),
            ("night", 23, 7),
        ]
        w = svc.check_in(agent, now=local(23, 30))
        assert w.shift.code == "night" and w.start == local(23)
        assert svc.check_in(agent, now=local(23, 45)) == w  # once per shift
        svc.set_roster(admin, "night", [(sup.agent_id, "supervisor"), (agent.agent_id, "agent")])
        st = svc.status(now=local(23, 50))
        assert st.on_shift == (agent.display_name,) and st.supervisors == (sup.display_name,)
        cfg = svc.shift_config()
        assert {(r.shift_code, r.role) for r in cfg.roster} == {
            ("night", "supervisor"),
            ("night", "agent"),
        }
    finally:  # shift definitions are reference data: the PostgreSQL reset keeps them
        svc.save_shifts(admin, defaults)


# --- nothing lost, against a generated day of cases -----------------------------------


def _open_now(sessions: sessionmaker[Session]) -> list[OpenCase]:
    """The open cases, read independently of the handover service."""
    with sessions() as s:
        return [
            OpenCase(c.id, c.status, c.case_type, c.received_at, c.next_due_at)
            for c in s.scalars(select(Case).where(Case.status.in_(OPEN_ORDER)))
        ]


@pytest.mark.parametrize("taken", ["on_time", "late"])
def test_nothing_lost_on_a_generated_day(sessions: sessionmaker[Session], taken: str) -> None:
    now = local(15, 40)
    register_workstation(sessions, "demo-host")
    seed_demo(sessions, station="001", now=now, days=2, per_day=260)
    sup = _agent(sessions, "supervisor1", "supervisor")
    svc = HandoverService(sessions)
    with sessions() as s:
        shifts = load_shifts(s)
    # the demo seeder puts its agents on the roster, one supervisor per shift
    roster = svc.shift_config().roster
    for d in shifts:
        assert [r.role for r in roster if r.shift_code == d.code].count("supervisor") == 1
    # the night and the evening before were handed over; the morning is being handed over
    for code, day in (("evening", DAY - timedelta(days=1)), ("night", DAY)):
        _submit(svc, sup, now, shift_code=code, day=day)
    at = now if taken == "on_time" else local(16, 25)
    view = svc.prepare(sup, now=at, shift_code="morning", day=DAY)
    opened = _open_now(sessions)
    w = window(next(d for d in shifts if d.code == "morning"), DAY)
    with sessions() as s:
        prev = s.scalars(select(Handover).where(Handover.shift_code == "night")).one()
        prev_as_of = prev.as_of
    b = bounds_for(w, next_window(shifts, w), at, previous_window(shifts, w), prev_as_of)
    assert view.as_of == b.as_of and view.coverage_from == b.coverage_from
    listed = {i.case_id for i in view.items}
    unaccepted = {g.key: GroupState(g.count, g.accepted) for g in view.groups}
    problems = nothing_lost(opened, b, listed, unaccepted)
    # before acceptance the only problems are groups waiting for the supervisor
    assert {p.code for p in problems} <= {"group_not_accepted"}
    assert len(problems) == len([g for g in view.groups if g.count])
    accepted = {k: GroupState(g.count, True) for k, g in unaccepted.items()}
    assert nothing_lost(opened, b, listed, accepted) == []
    expected_open = {c.id for c in opened if c.received_at < b.as_of}
    assert view.figures.open_total == len(expected_open) == len(listed) + view.grouped
    assert listed <= {c.id for c in opened}
    assert len(listed) > 20 and view.grouped > 0  # a real mix of both
    reasons = {i.reason for i in view.items}
    assert {Reason.TOUCHED, Reason.DUE_NEXT, Reason.BREACHED} <= reasons
    _accept_all(svc, view, sup)
    sub = svc.submit(view.id, sup, svc.get(view.id).version, now=at)
    assert sub.status == "submitted"
    assert sub.figures.open_total == len(sub.items) + sub.grouped


def test_items_keep_awkward_text_exactly(sessions: sessionmaker[Session]) -> None:
    """Items are written with COPY on PostgreSQL: tabs, backslashes and quotes survive."""
    cases = _cases(sessions)
    sup = _agent(sessions, "sup_m", "supervisor")
    text = 'C:\\路灯\t"不亮"\\N 咨询'
    saved = cases.create(replace(CONSULT, description=text), sup, now=local(10))
    svc = HandoverService(sessions)
    view = svc.prepare(sup, now=local(15))
    [item] = [i for i in view.items if i.case_id == saved.id]
    assert item.title == text
    assert [i.title for i in svc.get(view.id).items if i.case_id == saved.id] == [text]


def test_a_new_database_warns_of_no_missed_handover_and_submission_clears_it(
    sessions: sessionmaker[Session],
) -> None:
    svc = HandoverService(sessions)
    # nothing happened before this shift: no shift before it to hand over
    st = svc.status(now=local(16, 10))
    assert st.previous_status == "none" and not st.previous_missing
    # once the hotline worked in the morning, the morning's missing handover is warned of
    DEMAND = _demand(sessions)
    sup = _agent(sessions, "sup_n", "supervisor")
    _cases(sessions).create(DEMAND, sup, now=local(10))
    st = svc.status(now=local(16, 10))
    assert st.previous_status == "missing" and st.previous_missing
    # and no longer once the evening's handover (which carries the morning's work) is in
    _submit(svc, sup, local(23, 50))
    st = svc.status(now=local(23, 55))
    assert st.current_status in ("submitted", "acknowledged") and not st.previous_missing


def test_early_supervisor_is_placed_in_the_incoming_shift_and_units_in_none(
    sessions: sessionmaker[Session],
) -> None:
    from console.models import ShiftAttendance, ShiftRoster

    svc = HandoverService(sessions)
    early = _agent(sessions, "sup_early", "supervisor")
    late = _agent(sessions, "sup_out", "supervisor")
    with sessions() as s, s.begin():
        s.add(ShiftRoster(shift_code="evening", agent_id=early.agent_id, role="supervisor"))
        s.add(ShiftRoster(shift_code="morning", agent_id=late.agent_id, role="supervisor"))
    # half an hour before the evening shift: the evening's supervisor is in the evening
    assert svc.check_in(early, now=local(15, 30)).shift.code == "evening"
    # the morning's supervisor, still at work, stays in the morning
    assert svc.check_in(late, now=local(15, 30)).shift.code == "morning"
    # two hours early is not "early for the handover"
    other = _agent(sessions, "sup_early2", "supervisor")
    with sessions() as s, s.begin():
        s.add(ShiftRoster(shift_code="evening", agent_id=other.agent_id, role="supervisor"))
    assert svc.check_in(other, now=local(14)).shift.code == "morning"
    # a handling unit's user is no member of a hotline shift
    unit = _agent(sessions, "unit_x", "unit")
    svc.check_in(unit, now=local(10))
    with sessions() as s:
        ids = set(s.scalars(select(ShiftAttendance.agent_id)))
    assert unit.agent_id not in ids and early.agent_id in ids
    st = svc.status(now=local(10, 5))
    assert all("unit_x" not in n for n in st.on_shift)


def test_callbacks_made_count_the_satisfaction_callbacks(sessions: sessionmaker[Session]) -> None:
    from console.models import CaseEvent

    DEMAND = _demand(sessions)
    sup = _agent(sessions, "sup_cb", "supervisor")
    case = _cases(sessions).create(DEMAND, sup, now=local(9))
    svc = HandoverService(sessions)
    with sessions() as s, s.begin():
        s.add(CaseEvent(case_id=case.id, kind="visited", at=local(10, 30), actor_id=sup.agent_id))
        s.add(
            CaseEvent(case_id=case.id, kind="callback_attempt", at=local(11), actor_id=sup.agent_id)
        )
    view = svc.prepare(sup, now=local(15))
    assert view.figures.callbacks_made == 2
