"""Properties of the SLA rules over generated receipts, limits and pauses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from console.domain.clock import CITY_TZ
from console.domain.sla import (
    HOURS,
    WORK_HOURS,
    WORKDAYS,
    CaseHistory,
    Milestone,
    Policy,
    compute_deadlines,
)
from console.domain.workcalendar import EXCLUSIVE, INCLUSIVE, WorkCalendar

CAL = WorkCalendar()
# the years the calendar package knows, so every day is verified
moments = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2026, 11, 30), timezones=st.just(UTC)
)
units = st.sampled_from((HOURS, WORK_HOURS, WORKDAYS))
rules = st.sampled_from((EXCLUSIVE, INCLUSIVE))


def policy(value: int, unit: str, rule: str) -> Policy:
    return Policy(None, "p", 1, "p", rule, (Milestone("m", "m", value, unit),))


@given(start=moments, n=st.integers(1, 15), rule=rules)
def test_workday_deadline_ends_a_working_day(start: datetime, n: int, rule: str) -> None:
    m = compute_deadlines(policy(n, WORKDAYS, rule), {"received": start}, CAL).milestones[0]
    assert m.due_at is not None and m.verified
    local = m.due_at.astimezone(CITY_TZ)
    assert (local.hour, local.minute, local.second) == (0, 0, 0)  # 24:00 of a day
    last_day = (m.due_at - timedelta(microseconds=1)).astimezone(CITY_TZ).date()
    assert CAL.is_workday(last_day)
    assert m.due_at > start


pause_lists = st.lists(
    st.tuples(st.integers(0, 20 * 24 * 60), st.integers(1, 3 * 24 * 60)), max_size=4
)


@settings(max_examples=300)
@given(
    start=moments,
    value=st.integers(1, 10),
    unit=units,
    rule=rules,
    pauses=pause_lists,
    extra=st.tuples(st.integers(0, 20 * 24 * 60), st.integers(1, 3 * 24 * 60)),
)
def test_adding_a_pause_never_moves_a_deadline_earlier(
    start: datetime,
    value: int,
    unit: str,
    rule: str,
    pauses: list[tuple[int, int]],
    extra: tuple[int, int],
) -> None:
    def windows(spec: list[tuple[int, int]]) -> tuple[tuple[datetime, datetime | None], ...]:
        # non-overlapping, in order: each pause starts after the previous one ended
        out: list[tuple[datetime, datetime | None]] = []
        t = start
        for gap, length in spec:
            a = t + timedelta(minutes=gap)
            b = a + timedelta(minutes=length)
            out.append((a, b))
            t = b
        return tuple(out)

    p = policy(value, unit, rule)
    before = compute_deadlines(p, CaseHistory({"received": start}, windows(pauses)), CAL)
    after = compute_deadlines(p, CaseHistory({"received": start}, windows([*pauses, extra])), CAL)
    a, b = before.milestones[0].due_at, after.milestones[0].due_at
    assert a is not None and b is not None
    assert b >= a
