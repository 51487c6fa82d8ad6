"""Hand-checked deadlines around the 2025-2026 holidays (State Council notices: Spring
Festival 2026 off 15-23 Feb, Saturdays 14 and 28 Feb worked; Labour Day 2026 off 1-5 May,
Saturday 9 May worked; National Day 2025 off 1-8 Oct, Sunday 28 Sep and Saturday 11 Oct
worked; National Day 2026 off 1-7 Oct, Saturday 10 Oct worked) and the pause, extension
and policy-choice rules of console.domain.sla."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.domain.clock import CITY_TZ, format_deadline, parse_local
from console.domain.sla import (
    BREACHED,
    CRITICAL,
    DUE_SOON,
    HOURS,
    ON_TRACK,
    WORK_HOURS,
    WORKDAYS,
    CaseHistory,
    Milestone,
    Policy,
    PolicyMatch,
    choose_policy,
    compute_deadlines,
    countdown,
    history_from_events,
)
from console.domain.workcalendar import EXCLUSIVE, INCLUSIVE, WorkCalendar

CAL = WorkCalendar()


def workdays_policy(n: int, rule: str = EXCLUSIVE) -> Policy:
    return Policy(None, "t", 1, "t", rule, (Milestone("result", "办结", n, WORKDAYS),))


@pytest.mark.parametrize(
    "received,n,rule,expected",
    [
        # Spring Festival 2026
        ("2026-02-13 10:00", 1, EXCLUSIVE, "2026-02-14 24:00"),  # Saturday 14 Feb worked
        ("2026-02-13 10:00", 3, EXCLUSIVE, "2026-02-25 24:00"),  # 14, 24, 25 Feb
        ("2026-02-14 09:00", 1, EXCLUSIVE, "2026-02-24 24:00"),
        ("2026-02-14 09:00", 1, INCLUSIVE, "2026-02-14 24:00"),  # the working Saturday counts
        ("2026-02-22 15:00", 1, EXCLUSIVE, "2026-02-24 24:00"),  # received on a holiday
        ("2026-02-22 15:00", 1, INCLUSIVE, "2026-02-24 24:00"),
        ("2026-02-26 11:00", 2, EXCLUSIVE, "2026-02-28 24:00"),  # 27 Feb, Saturday 28 Feb
        # Labour Day 2026
        ("2026-04-30 16:00", 1, EXCLUSIVE, "2026-05-06 24:00"),
        ("2026-04-30 16:00", 3, EXCLUSIVE, "2026-05-08 24:00"),
        ("2026-04-30 16:00", 4, EXCLUSIVE, "2026-05-09 24:00"),  # Saturday 9 May worked
        ("2026-05-08 10:00", 2, EXCLUSIVE, "2026-05-11 24:00"),
        ("2026-04-30 16:00", 1, INCLUSIVE, "2026-04-30 24:00"),
        # National Day 2025 (Sunday 28 Sep and Saturday 11 Oct worked)
        ("2025-09-27 10:00", 1, EXCLUSIVE, "2025-09-28 24:00"),
        ("2025-09-30 10:00", 3, EXCLUSIVE, "2025-10-11 24:00"),
        ("2025-10-05 10:00", 1, EXCLUSIVE, "2025-10-09 24:00"),
        # National Day 2026 (Saturday 10 Oct worked)
        ("2026-09-30 10:00", 1, EXCLUSIVE, "2026-10-08 24:00"),
        ("2026-09-30 10:00", 3, EXCLUSIVE, "2026-10-10 24:00"),
        ("2026-09-30 23:59", 1, INCLUSIVE, "2026-09-30 24:00"),
    ],
)
def test_working_day_deadlines(received: str, n: int, rule: str, expected: str) -> None:
    dl = compute_deadlines(workdays_policy(n, rule), {"received": parse_local(received)}, CAL)
    state = dl.milestones[0]
    assert state.due_at is not None and state.verified
    assert format_deadline(state.due_at) == expected
    local_day = (state.due_at - timedelta(microseconds=1)).astimezone(CITY_TZ).date()
    assert CAL.is_workday(local_day)


URGENT = Policy(None, "urgent", 1, "紧急", EXCLUSIVE, (
    Milestone("contact", "联系群众", 1, HOURS, "received", "contacted", 15, 5),
    Milestone("on_scene", "到达现场", 2, HOURS, "received", "on_scene", 30, 10),
    Milestone("feedback", "初步反馈", 1, WORKDAYS, "received", "replied_initial"),
    Milestone("result", "办结反馈", 3, WORKDAYS, "received", "replied"),
))  # fmt: skip


def test_urgent_1_2_1_3_from_history() -> None:
    t0 = parse_local("2026-09-30 10:00")
    history = history_from_events([
        ("created", t0, {}),
        ("contacted", t0 + timedelta(minutes=40), {}),
    ])  # fmt: skip
    dl = compute_deadlines(URGENT, history, CAL)
    by = {m.code: m for m in dl.milestones}
    assert by["contact"].met_at == t0 + timedelta(minutes=40)
    assert not by["contact"].breached(t0 + timedelta(hours=5))
    assert dl.next is not None and dl.next.code == "on_scene"
    assert format_deadline(by["result"].due_at) == "2026-10-10 24:00"  # type: ignore[arg-type]


def test_hour_pause_gives_back_its_length_and_open_pause_freezes() -> None:
    t0 = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)
    p = Policy(
        None,
        "x",
        1,
        "x",
        EXCLUSIVE,
        (Milestone("contact", "c", 2, HOURS, "received", "contacted"),),
    )
    base = compute_deadlines(p, CaseHistory({"received": t0}), CAL).milestones[0]
    paused = compute_deadlines(
        p,
        CaseHistory({"received": t0}, ((t0 + timedelta(minutes=30), t0 + timedelta(minutes=75)),)),
        CAL,
    ).milestones[0]
    assert paused.due_at == base.due_at + timedelta(minutes=45)  # type: ignore[operator]
    frozen = compute_deadlines(
        p, CaseHistory({"received": t0}, ((t0 + timedelta(minutes=30), None),)), CAL
    )
    assert frozen.milestones[0].paused and frozen.milestones[0].due_at is None
    assert frozen.paused and frozen.next is None
    late = compute_deadlines(
        p, CaseHistory({"received": t0}, ((t0 + timedelta(hours=3), t0 + timedelta(hours=4)),)), CAL
    ).milestones[0]
    assert late.due_at == base.due_at  # a pause after the deadline gives nothing back


def test_workday_pause_gives_back_touched_working_days() -> None:
    t0 = parse_local("2026-11-23 10:00")  # Monday
    p = workdays_policy(3)
    base = compute_deadlines(p, CaseHistory({"received": t0}), CAL).milestones[0]
    assert format_deadline(base.due_at) == "2026-11-26 24:00"  # type: ignore[arg-type]
    # paused Tuesday 15:00 to Wednesday 09:00: two working days touched
    pause = (parse_local("2026-11-24 15:00"), parse_local("2026-11-25 09:00"))
    moved = compute_deadlines(p, CaseHistory({"received": t0}, (pause,)), CAL).milestones[0]
    assert format_deadline(moved.due_at) == "2026-11-30 24:00"  # type: ignore[arg-type]
    assert moved.original_due_at == moved.due_at
    # a pause over the weekend only touches no working day
    weekend = (parse_local("2026-11-21 10:00"), parse_local("2026-11-22 18:00"))
    t_sat = parse_local("2026-11-20 16:00")
    same = compute_deadlines(p, CaseHistory({"received": t_sat}, (weekend,)), CAL).milestones[0]
    ref = compute_deadlines(p, CaseHistory({"received": t_sat}), CAL).milestones[0]
    assert same.due_at == ref.due_at


def test_extension_keeps_original_and_approved_deadlines() -> None:
    t0 = parse_local("2026-11-23 10:00")
    approved = parse_local("2026-12-04 18:00")
    ext = {"milestone": "result", "due_at": approved.isoformat()}
    day = timedelta(days=1)
    history = history_from_events(
        [("created", t0, {}), ("extension_requested", t0 + day, ext),
         ("extension_approved", t0 + day + timedelta(hours=1), ext)]
    )  # fmt: skip
    m = compute_deadlines(workdays_policy(3), history, CAL).milestones[0]
    assert format_deadline(m.original_due_at) == "2026-11-26 24:00"  # type: ignore[arg-type]
    assert m.due_at == approved
    refused = history_from_events([("created", t0, {}), ("extension_refused", t0 + day, ext)])
    r = compute_deadlines(workdays_policy(3), refused, CAL).milestones[0]
    assert r.due_at == r.original_due_at


def test_working_hours_limit_counts_office_time() -> None:
    p = Policy(None, "w", 1, "w", EXCLUSIVE, (Milestone("answer", "答复", 4, WORK_HOURS),))
    # Friday 17:00: one office hour left that day, the other three on Monday 09:00-12:00
    m = compute_deadlines(p, {"received": parse_local("2026-11-27 17:00")}, CAL).milestones[0]
    assert format_deadline(m.due_at) == "2026-11-30 12:00"  # type: ignore[arg-type]
    # received at night: the clock starts at 09:00
    m2 = compute_deadlines(p, {"received": parse_local("2026-11-25 22:00")}, CAL).milestones[0]
    assert m2.due_at is not None
    assert format_deadline(m2.due_at) == "2026-11-26 15:00"  # 09-12 and 14-15


def test_clock_starts_at_its_own_event() -> None:
    p = Policy(None, "d", 1, "d", EXCLUSIVE, (
        Milestone("accept", "签收", 1, WORKDAYS, "dispatched", "accepted"),
        Milestone("result", "办结", 5, WORKDAYS, "received", "replied"),
    ))  # fmt: skip
    t0 = parse_local("2026-11-23 10:00")
    not_yet = compute_deadlines(p, {"received": t0}, CAL)
    assert not_yet.milestones[0].due_at is None and not_yet.next is not None
    assert not_yet.next.code == "result"
    dispatched = compute_deadlines(p, {"received": t0, "dispatched": t0 + timedelta(days=1)}, CAL)
    assert dispatched.next is not None and dispatched.next.code == "accept"


def _policy(code: str, prio: int, match: PolicyMatch) -> Policy:
    return Policy(None, code, 1, code, EXCLUSIVE, (Milestone("m", "m", 1, HOURS),), match, prio)


def test_policy_choice_by_priority_and_match() -> None:
    mk = _policy
    policies = [
        mk("urgent", 100, PolicyMatch(urgency="urgent")),
        mk("enterprise", 50, PolicyMatch(channel_code="enterprise_line")),
        mk("demand", 10, PolicyMatch(case_type="demand")),
        mk("consultation", 10, PolicyMatch(case_type="consultation")),
    ]
    assert choose_policy(policies, "demand", "urgent", "enterprise_line", "city").code == "urgent"
    assert (
        choose_policy(policies, "demand", "normal", "enterprise_line", "city").code == "enterprise"
    )
    assert choose_policy(policies, "demand", "normal", "phone_12345", "city").code == "demand"
    with pytest.raises(LookupError):
        choose_policy(policies[:1], "demand", "normal", "phone_12345", "city")


def test_countdown_states_from_thresholds_and_workdays_left() -> None:
    due = parse_local("2026-11-27 11:00")
    warn, crit = due - timedelta(minutes=15), due - timedelta(minutes=5)
    at = lambda s: countdown(due, parse_local(s), warn_at=warn, critical_at=crit)  # noqa: E731
    assert at("2026-11-27 10:40").state == ON_TRACK
    assert at("2026-11-27 10:50").state == DUE_SOON
    assert at("2026-11-27 10:57").state == CRITICAL
    assert at("2026-11-27 11:01").state == BREACHED
    wd = parse_local("2026-12-02 00:00")  # 24:00 on Tuesday 1 Dec
    left = countdown(
        wd,
        parse_local("2026-11-27 10:00"),
        warn_at=None,
        critical_at=None,
        limit_unit=WORKDAYS,
        calendar=CAL,
    )
    assert left.workdays == 2  # Monday 30 Nov and Tuesday 1 Dec
    today = countdown(
        wd,
        parse_local("2026-12-01 10:00"),
        warn_at=None,
        critical_at=None,
        limit_unit=WORKDAYS,
        calendar=CAL,
    )
    assert today.workdays is None  # due today: hours and minutes


def test_explain_formats_end_of_day_as_24() -> None:
    assert format_deadline(parse_local("2026-10-09 00:00")) == "2026-10-08 24:00"
    assert format_deadline(parse_local("2026-10-09 00:01")) == "2026-10-09 00:01"
