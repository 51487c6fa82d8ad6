from datetime import date, datetime, timedelta

from console.domain.clock import CITY_TZ
from console.domain.shifts import ShiftDef, next_window, parse_hhmm, previous_window, shift_at
from console.domain.sla import (
    BREACHED,
    CRITICAL,
    DUE_SOON,
    HOURS,
    ON_TRACK,
    WORKDAYS,
    Milestone,
    Policy,
    clock_events,
    compute_deadlines,
    time_left,
)
from console.domain.workcalendar import EXCLUSIVE, INCLUSIVE, WorkCalendar


def local(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=CITY_TZ)


CAL = WorkCalendar()


def test_national_day_2026_exclusive() -> None:
    # received Wed 30 Sep; 1-7 Oct are holidays; Thu 8 Oct is the 1st working day after
    d = CAL.add_workdays(local(2026, 9, 30, 10), 1, EXCLUSIVE)
    assert d.at == local(2026, 10, 9) and d.verified  # 24:00 of 8 Oct
    # 3 working days: 8 Oct, 9 Oct, and Saturday 10 Oct, an adjusted working day (调休)
    d3 = CAL.add_workdays(local(2026, 9, 30, 10), 3, EXCLUSIVE)
    assert d3.at == local(2026, 10, 11)


def test_inclusive_counts_start_day() -> None:
    d = CAL.add_workdays(local(2026, 9, 30, 10), 1, INCLUSIVE)
    assert d.at == local(2026, 10, 1)  # 24:00 of 30 Sep
    # received on a holiday: the first working day counts as day one
    h = CAL.add_workdays(local(2026, 10, 3, 10), 1, INCLUSIVE)
    assert h.at == local(2026, 10, 9)


def test_unknown_year_is_flagged_unverified() -> None:
    d = CAL.add_workdays(local(2026, 12, 31, 9), 3, EXCLUSIVE)
    assert not d.verified
    assert d.at.astimezone(CITY_TZ).date() > date(2027, 1, 1)


def test_override_beats_package() -> None:
    closure = WorkCalendar(overrides={date(2026, 10, 8): False})
    d = closure.add_workdays(local(2026, 9, 30, 10), 1, EXCLUSIVE)
    assert d.at == local(2026, 10, 10)


URGENT = Policy(
    None,
    "urgent",
    1,
    "紧急",
    EXCLUSIVE,
    (
        Milestone("contact", "联系群众", 1, HOURS, "received", "contacted"),
        Milestone("on_scene", "到达现场", 2, HOURS, "received", "on_scene"),
        Milestone("feedback", "初步反馈", 1, WORKDAYS, "received", "replied_initial"),
        Milestone("result", "办结反馈", 3, WORKDAYS, "received", "replied"),
    ),
)


def test_urgent_policy_deadlines_and_next() -> None:
    t0 = local(2026, 9, 30, 10)
    clock = clock_events([("created", t0)])
    dl = compute_deadlines(URGENT, clock, CAL)
    dues = [m.due_at for m in dl.milestones]
    assert dues == [
        t0 + timedelta(hours=1),
        t0 + timedelta(hours=2),
        local(2026, 10, 9),
        local(2026, 10, 11),
    ]
    assert dl.next is not None and dl.next.code == "contact"
    clock2 = clock_events([("created", t0), ("contacted", t0 + timedelta(minutes=30))])
    nxt = compute_deadlines(URGENT, clock2, CAL).next
    assert nxt is not None and nxt.code == "on_scene"


def test_time_left_states() -> None:
    now = local(2026, 11, 27, 9)
    assert time_left(now + timedelta(hours=5), now).state == ON_TRACK
    assert time_left(now + timedelta(hours=3), now).state == DUE_SOON
    assert time_left(now + timedelta(minutes=20), now).state == CRITICAL
    late = time_left(now - timedelta(hours=3, minutes=5), now)
    assert late.state == BREACHED and late.parts == (0, 3, 5)


SHIFTS = [
    ShiftDef("morning", "早班", parse_hhmm("08:00"), parse_hhmm("16:00")),
    ShiftDef("evening", "中班", parse_hhmm("16:00"), parse_hhmm("00:00")),
    ShiftDef("night", "夜班", parse_hhmm("00:00"), parse_hhmm("08:00")),
]


def test_shift_windows_cross_midnight() -> None:
    w = shift_at(SHIFTS, local(2026, 11, 27, 23, 59))
    assert w.shift.code == "evening" and w.end == local(2026, 11, 28)
    n = next_window(SHIFTS, w)
    assert n.shift.code == "night" and n.start == local(2026, 11, 28)
    assert shift_at(SHIFTS, local(2026, 11, 28, 0, 0)).shift.code == "night"
    assert previous_window(SHIFTS, n).shift.code == "evening"
    assert shift_at(SHIFTS, local(2026, 11, 28, 8, 0)).shift.code == "morning"


def test_shift_crossing_midnight_by_hours() -> None:
    two = [
        ShiftDef("day", "白班", parse_hhmm("08:00"), parse_hhmm("20:00")),
        ShiftDef("night", "夜班", parse_hhmm("20:00"), parse_hhmm("08:00")),
    ]
    w = shift_at(two, local(2026, 11, 28, 3))
    assert w.shift.code == "night" and w.start == local(2026, 11, 27, 20)
