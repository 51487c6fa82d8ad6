"""The handover's rules without a database: shift boundaries, bounds, reasons, and the
"nothing lost" check."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.domain.clock import CITY_TZ
from console.domain.handover import (
    Bounds,
    Bucket,
    GroupState,
    OpenCase,
    Reason,
    bounds_for,
    group_key,
    grouped_counts,
    nothing_lost,
    plan,
    validate_shifts,
    window_label,
)
from console.domain.shifts import ShiftDef, next_window, previous_window, shift_at, window

MORNING = ShiftDef("morning", "早班", time(8), time(16))
EVENING = ShiftDef("evening", "中班", time(16), time(0))
NIGHT = ShiftDef("night", "夜班", time(0), time(8))
SHIFTS = (MORNING, EVENING, NIGHT)
DAY = date(2026, 11, 27)


def local(h: int, m: int = 0, d: date = DAY) -> datetime:
    return datetime.combine(d, time(h, m), tzinfo=CITY_TZ)


def test_midnight_belongs_to_the_night_and_evening_ends_at_24() -> None:
    ev = shift_at(SHIFTS, local(23, 59))
    assert ev.shift.code == "evening" and ev.end == local(0, 0, DAY + timedelta(days=1))
    assert shift_at(SHIFTS, ev.end).shift.code == "night"
    assert next_window(SHIFTS, ev).day == DAY + timedelta(days=1)
    night = shift_at(SHIFTS, local(0, 0))
    assert previous_window(SHIFTS, night).day == DAY - timedelta(days=1)
    assert window_label(ev) == "中班 2026-11-27 16:00–24:00"


def test_a_shift_crossing_midnight_is_one_window() -> None:
    late = ShiftDef("late", "晚班", time(22), time(6))
    day = ShiftDef("day", "日班", time(6), time(22))
    w = shift_at((day, late), local(2, 30))
    assert w.shift.code == "late" and w.day == DAY - timedelta(days=1)
    assert w.end - w.start == timedelta(hours=8)
    assert validate_shifts((day, late)) == []


def test_validate_shifts_finds_gaps_overlaps_and_duplicates() -> None:
    assert validate_shifts(SHIFTS) == []
    gap = validate_shifts((MORNING, ShiftDef("evening", "中班", time(17), time(0)), NIGHT))
    assert [(p.code, p.detail) for p in gap] == [("gap", "16:00")]
    over = validate_shifts((MORNING, ShiftDef("evening", "中班", time(15), time(0)), NIGHT))
    assert [(p.code, p.detail) for p in over] == [("overlap", "15:00")]
    dup = validate_shifts((MORNING, ShiftDef("morning", "x", time(16), time(8))))
    assert [p.code for p in dup] == ["duplicate_code"]
    assert [p.code for p in validate_shifts(())] == ["empty"]


def _bounds(now: datetime, previous_as_of: datetime | None) -> Bounds:
    w = window(MORNING, DAY)
    return bounds_for(w, next_window(SHIFTS, w), now, previous_window(SHIFTS, w), previous_as_of)


def test_bounds_late_handover_is_capped_at_the_shift_end() -> None:
    b = _bounds(local(17, 30), local(8, 0))
    assert b.as_of == local(16) and b.coverage_from == local(8)
    assert b.next_end == local(0, 0, DAY + timedelta(days=1))


def test_bounds_carry_the_previous_shift_gap() -> None:
    # previous (night) shift submitted early at 07:40: 07:40-08:00 is carried
    assert _bounds(local(15), local(7, 40)).coverage_from == local(7, 40)
    # no handover at all within a day: the whole previous shift is carried
    assert _bounds(local(15), None).coverage_from == local(0)
    assert _bounds(local(15), local(8) - timedelta(days=2)).coverage_from == local(0)


def _case(i: int, due: datetime | None, *, received: datetime | None = None) -> OpenCase:
    return OpenCase(i, "dispatched", "demand", received or local(9), due)


def test_reasons_in_order_of_precedence() -> None:
    b = _bounds(local(15, 50), local(8))
    cases = [
        _case(1, local(9, 30)),  # deadline passed during the shift
        _case(2, local(18)),  # due during the next shift
        OpenCase(3, "received", "consultation", local(10), local(12) + timedelta(days=3)),
        _case(4, local(12) + timedelta(days=3)),  # touched this shift
        _case(5, local(12) + timedelta(days=3), received=local(7, 50)),  # touched in the gap
        _case(6, local(12) + timedelta(days=3), received=local(2)),  # nobody touched it
        _case(7, local(7)),  # overdue before the shift, untouched
        _case(8, None, received=local(1)),
        _case(9, local(9, 30)),  # breached but flagged earlier: carried wins
        _case(10, local(16, 30), received=local(15, 55)),  # after as_of: next shift's
    ]
    p = plan(cases, b, touched_shift={4, 1}, touched_gap={5}, carried={9})
    assert p.listed == {
        1: Reason.BREACHED,
        2: Reason.DUE_NEXT,
        3: Reason.CALLBACK,
        4: Reason.TOUCHED,
        5: Reason.GAP,
        9: Reason.CARRIED,
    }
    assert p.groups == {
        group_key(Bucket.LATER, "dispatched"): (6,),
        group_key(Bucket.OVERDUE, "dispatched"): (7,),
        group_key(Bucket.NONE, "dispatched"): (8,),
    }
    assert p.open_total == 9


def test_nothing_lost_reports_each_way_of_losing_a_case() -> None:
    b = _bounds(local(15, 50), local(8))
    cases = [_case(1, local(12) + timedelta(days=3), received=local(2)), _case(2, local(7))]
    later, overdue = group_key(Bucket.LATER, "dispatched"), group_key(Bucket.OVERDUE, "dispatched")
    ok = {later: GroupState(1, True), overdue: GroupState(1, True)}
    assert nothing_lost(cases, b, [], ok) == []
    assert nothing_lost(cases, b, [1, 2], {}) == []
    missing = nothing_lost(cases, b, [], {later: GroupState(1, True)})
    assert [(p.code, p.case_ids) for p in missing] == [("unlisted", (2,))]
    unaccepted = nothing_lost(cases, b, [], {**ok, later: GroupState(1, False)})
    assert [p.code for p in unaccepted] == ["group_not_accepted"]
    moved = nothing_lost(cases, b, [], {**ok, later: GroupState(3, True)})
    assert [(p.code, p.expected, p.found) for p in moved] == [("count_mismatch", 1, 3)]
    phantom = nothing_lost(cases, b, [1, 2], {later: GroupState(2, True)})
    assert [p.code for p in phantom] == ["count_mismatch"]


STATUSES = ("received", "dispatched", "accepted", "in_progress", "replied", "returned")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(STATUSES),
            st.sampled_from(("consultation", "demand")),
            st.integers(-72 * 60, 16 * 60),  # received, minutes from 08:00
            st.one_of(st.none(), st.integers(-72 * 60, 72 * 60)),  # due
            st.sampled_from(("", "shift", "gap", "carried")),
        ),
        max_size=60,
    ),
    st.integers(0, 10 * 60),
)
def test_plan_places_every_open_case_exactly_once(
    rows: list[tuple[str, str, int, int | None, str]], taken_after: int
) -> None:
    start = local(8)
    b = _bounds(start + timedelta(minutes=taken_after), local(7, 30))
    cases = [
        OpenCase(
            i,
            status,
            ctype,
            start + timedelta(minutes=rec),
            None if due is None else start + timedelta(minutes=due),
        )
        for i, (status, ctype, rec, due, _) in enumerate(rows)
    ]
    touched = {i for i, r in enumerate(rows) if r[4] == "shift"}
    gap = {i for i, r in enumerate(rows) if r[4] == "gap"}
    carried = {i for i, r in enumerate(rows) if r[4] == "carried"}
    p = plan(cases, b, touched_shift=touched, touched_gap=gap, carried=carried)
    grouped = [i for ids in p.groups.values() for i in ids]
    assert not set(grouped) & set(p.listed)
    assert len(grouped) == len(set(grouped))
    expected = {c.id for c in cases if c.received_at < b.as_of}
    assert set(grouped) | set(p.listed) == expected
    accepted = {k: GroupState(len(v), True) for k, v in p.groups.items()}
    assert nothing_lost(cases, b, p.listed, accepted) == []


def test_bounds_refuse_a_shift_not_started() -> None:
    w = window(MORNING, DAY)
    assert datetime(2026, 11, 27, 0, 0, tzinfo=UTC) == local(8)
    with pytest.raises(ValueError):
        bounds_for(w, next_window(SHIFTS, w), local(7), previous_window(SHIFTS, w), None)


def test_grouped_counts_subtract_the_listed_and_refuse_a_disagreement() -> None:
    b = _bounds(local(15, 50), local(8))
    later = group_key(Bucket.LATER, "dispatched")
    listed = [_case(1, local(12) + timedelta(days=3))]
    assert grouped_counts({later: 3}, listed, b) == {later: 2}
    assert grouped_counts({later: 1}, listed, b) == {}
    with pytest.raises(ValueError):
        grouped_counts({}, listed, b)
