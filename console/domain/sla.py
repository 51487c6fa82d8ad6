"""SLA policies and deadlines: the "1、2、1、3" rule and the other policies.

A **policy** is a versioned list of **milestones**. A milestone has a limit — hours
(wall clock, 24/7), working hours (office hours of working days) or working days (see
console.domain.workcalendar for the counting rule) — the clock event that starts it and the
clock event that meets it. Clock events come from the case's history (``SLA_EVENTS_OF``),
so the centre's time (received → dispatched) and the handling unit's time (dispatched or
acknowledged → result) are measured apart.

Rules, each applied per milestone, always recomputed from the whole event history
(never from running counters, so a changed pause or extension cannot make them drift):

1. **Start**: the first time the milestone's start event happened. Not started: no
   deadline yet.
2. **Met**: the first time its meeting event happened (at or after the start).
3. **Base deadline**: the limit added to the start.
4. **Pauses** (``paused`` … ``resumed``, e.g. waiting for the citizen): a pause counts
   only while the milestone runs (after its start, before it is met, before the current
   deadline). Its length is given back in the milestone's own unit: hours → the wall-clock
   length; working hours → the office time it covered; working days → one working day for
   every working day the pause touched. A pause not yet resumed freezes the milestone
   (no deadline until resumed). Adding a pause therefore never moves a deadline earlier.
   The deadline after pauses is the **original deadline**.
5. **Extension** (延期, an approved ``extended`` event naming the milestone and the
   approved deadline): the **approved deadline** replaces the original one if it is
   later; both are kept (reports need both).
6. **Breach**: not met by the (approved) deadline. The case's next deadline is the
   earliest deadline of its started, unmet, unpaused milestones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from console.domain.casetypes import EventKind
from console.domain.workcalendar import DEFAULT_WORK_HOURS, EXCLUSIVE, WorkCalendar

HOURS = "hours"
WORK_HOURS = "work_hours"
WORKDAYS = "workdays"
LIMIT_UNITS = (HOURS, WORK_HOURS, WORKDAYS)

#: the clock events a policy may name
CLOCK_EVENTS = (
    "received",
    "dispatched",
    "accepted",
    "contacted",
    "on_scene",
    "replied_initial",
    "replied",
    "closed",
)

#: which SLA clock events each case event stands for
SLA_EVENTS_OF: dict[str, tuple[str, ...]] = {
    EventKind.CREATED: ("received",),
    EventKind.CLOSED_DIRECTLY: ("replied_initial", "replied", "closed"),
    EventKind.DISPATCHED: ("dispatched",),
    EventKind.ACCEPTED: ("accepted",),
    EventKind.CONTACTED: ("contacted",),
    EventKind.ON_SCENE: ("on_scene",),
    EventKind.PROGRESS: ("replied_initial",),
    EventKind.REPLIED: ("replied_initial", "replied"),
    EventKind.CLOSED: ("replied_initial", "replied", "closed"),
    EventKind.FORWARDED: ("dispatched",),
    EventKind.PRAISED: ("replied_initial", "replied", "closed"),
    EventKind.HANDED_OFF: ("replied_initial", "replied", "closed"),
}


@dataclass(frozen=True)
class Milestone:
    code: str
    name: str
    limit_value: int
    limit_unit: str  # HOURS | WORK_HOURS | WORKDAYS
    start_event: str = "received"
    met_by_event: str = "closed"
    warn_minutes: int | None = None  # "due soon" this long before the deadline
    critical_minutes: int | None = None  # "critical" this long before the deadline

    def thresholds(self) -> tuple[timedelta, timedelta]:
        """(due soon, critical) before the deadline: the policy's, or by default a
        quarter and a tenth of an hour limit, and 4 h / 1 h for working days."""
        if self.warn_minutes is not None and self.critical_minutes is not None:
            return timedelta(minutes=self.warn_minutes), timedelta(minutes=self.critical_minutes)
        if self.limit_unit == WORKDAYS:
            return timedelta(hours=4), timedelta(hours=1)
        limit = timedelta(hours=self.limit_value)
        return limit / 4, limit / 10


@dataclass(frozen=True)
class PolicyMatch:
    """Which cases a policy applies to; None matches anything."""

    case_type: str | None = None
    urgency: str | None = None
    channel_code: str | None = None
    class_code: str | None = None
    sub_type: str | None = None

    def matches(
        self, case_type: str, urgency: str, channel_code: str, class_code: str, sub_type: str = ""
    ) -> bool:
        return all(
            want is None or want == have
            for want, have in (
                (self.case_type, case_type),
                (self.urgency, urgency),
                (self.channel_code, channel_code),
                (self.class_code, class_code),
                (self.sub_type, sub_type),
            )
        )


@dataclass(frozen=True)
class Policy:
    id: int | None
    code: str
    version: int
    name: str
    workday_rule: str
    milestones: tuple[Milestone, ...]
    match: PolicyMatch = field(default_factory=PolicyMatch)
    priority: int = 0
    work_hours: str = DEFAULT_WORK_HOURS


def choose_policy(
    policies: Iterable[Policy],
    case_type: str,
    urgency: str,
    channel_code: str,
    class_code: str,
    sub_type: str = "",
) -> Policy:
    """The matching policy of highest priority (ties: the lowest code, for stability).
    A policy naming a sub-type matches only cases of that sub-type."""
    fits = [
        p
        for p in policies
        if p.match.matches(case_type, urgency, channel_code, class_code, sub_type)
    ]
    if not fits:
        raise LookupError(
            f"no SLA policy matches {case_type}/{sub_type}/{urgency}/{channel_code}/{class_code}"
        )
    return sorted(fits, key=lambda p: (-p.priority, p.code))[0]


# --- events -----------------------------------------------------------------------


@dataclass(frozen=True)
class CaseHistory:
    """What the SLA needs of a case's history: clock events, pauses, extensions."""

    clock: Mapping[str, datetime]
    pauses: tuple[tuple[datetime, datetime | None], ...] = ()
    extensions: Mapping[str, datetime] = field(default_factory=dict)


def history_from_events(events: Iterable[tuple[str, datetime, Mapping[str, Any]]]) -> CaseHistory:
    """Build the SLA's view of (case event kind, at, detail) triples, in any order.

    Rounds: only the events since the last ``reopened`` (重办) count, and the
    reopening itself is the new round's ``received``, so every deadline restarts; the
    earlier rounds stay in the history for assessment. An assisting unit's steps
    (detail ``unit_role: "assist"``) move no clock, and a result the centre sent back
    (``sent_back``) no longer meets ``replied``: the unit's next result does."""
    # a reopening sorts first among events of the same moment: it opens the round
    ordered = sorted(events, key=lambda e: (e[1], e[0] != EventKind.REOPENED))
    for i in range(len(ordered) - 1, -1, -1):
        if ordered[i][0] == EventKind.REOPENED:
            ordered = ordered[i:]
            break
    clock: dict[str, datetime] = {}
    pauses: list[tuple[datetime, datetime | None]] = []
    extensions: dict[str, datetime] = {}
    open_pause: datetime | None = None
    for kind, at, detail in ordered:
        if kind == EventKind.REOPENED:
            clock.setdefault("received", at)
            continue
        if kind == EventKind.SENT_BACK:
            clock.pop("replied", None)
            continue
        if detail.get("unit_role") == "assist":
            continue
        for sla_event in SLA_EVENTS_OF.get(kind, ()):
            clock.setdefault(sla_event, at)
        if kind == EventKind.PAUSED and open_pause is None:
            open_pause = at
        elif kind == EventKind.RESUMED and open_pause is not None:
            pauses.append((open_pause, at))
            open_pause = None
        elif kind == EventKind.EXTENSION_APPROVED:
            code = str(detail.get("milestone", ""))
            due = datetime.fromisoformat(str(detail["due_at"]))
            extensions[code] = due  # the latest approval counts
    if open_pause is not None:
        pauses.append((open_pause, None))
    return CaseHistory(clock, tuple(pauses), extensions)


def clock_events(events: Iterable[tuple[str, datetime]]) -> dict[str, datetime]:
    """First time each SLA clock event happened, from (case event kind, at) pairs."""
    return dict(history_from_events((k, a, {}) for k, a in events).clock)


# --- deadlines --------------------------------------------------------------------


@dataclass(frozen=True)
class MilestoneState:
    code: str
    name: str
    limit_unit: str
    start_at: datetime | None
    original_due_at: datetime | None  # after pauses, before any extension
    due_at: datetime | None  # the deadline in force (approved extension included)
    met_at: datetime | None
    paused: bool
    verified: bool
    warn_at: datetime | None = None
    critical_at: datetime | None = None

    @property
    def open(self) -> bool:
        """Running: started, not met, not paused."""
        return self.met_at is None and self.due_at is not None and not self.paused

    def breached(self, now: datetime) -> bool:
        if self.due_at is None:
            return False
        if self.met_at is not None:
            return self.met_at > self.due_at
        return now > self.due_at and not self.paused


@dataclass(frozen=True)
class CaseDeadlines:
    milestones: tuple[MilestoneState, ...]

    @property
    def next(self) -> MilestoneState | None:
        running = [m for m in self.milestones if m.open]
        return min(running, key=lambda m: m.due_at or datetime.max) if running else None

    @property
    def paused(self) -> bool:
        return any(m.paused and m.met_at is None for m in self.milestones)

    @property
    def final_due_at(self) -> datetime | None:
        return self.milestones[-1].due_at if self.milestones else None

    @property
    def verified(self) -> bool:
        return all(m.verified for m in self.milestones)


def _limit_due(
    m: Milestone, start: datetime, calendar: WorkCalendar, policy: Policy
) -> tuple[datetime, bool]:
    if m.limit_unit == HOURS:
        return start + timedelta(hours=m.limit_value), True
    if m.limit_unit == WORK_HOURS:
        return calendar.add_work_seconds(start, m.limit_value * 3600, policy.work_hours)
    if m.limit_unit == WORKDAYS:
        d = calendar.add_workdays(start, m.limit_value, policy.workday_rule)
        return d.at, d.verified
    raise ValueError(f"unknown limit unit {m.limit_unit!r}")


def _give_back(
    m: Milestone,
    due: datetime,
    a: datetime,
    b: datetime,
    calendar: WorkCalendar,
    policy: Policy,
) -> tuple[datetime, bool]:
    """The deadline moved later by the pause [a, b), in the milestone's own unit."""
    if m.limit_unit == HOURS:
        return due + (b - a), True
    if m.limit_unit == WORK_HOURS:
        secs = calendar.work_seconds_between(a, b, policy.work_hours)
        return calendar.add_work_seconds(due, secs, policy.work_hours) if secs else (due, True)
    n, verified = calendar.workdays_touched(a, b)
    if n == 0:
        return due, verified
    last_day_moment = due - timedelta(microseconds=1)  # inside the deadline's own day
    moved = calendar.add_workdays(last_day_moment, n, EXCLUSIVE)
    return moved.at, verified and moved.verified


def milestone_state(
    m: Milestone, policy: Policy, history: CaseHistory, calendar: WorkCalendar
) -> MilestoneState:
    start = history.clock.get(m.start_event)
    met = history.clock.get(m.met_by_event)
    if start is None:
        return MilestoneState(m.code, m.name, m.limit_unit, None, None, None, met, False, True)
    if met is not None and met < start:
        met = start  # met before the clock even started: met at once
    due, verified = _limit_due(m, start, calendar, policy)
    paused = False
    for p, r in sorted(history.pauses, key=lambda x: x[0]):
        a = max(p, start)
        if met is not None and a >= met:
            break
        if a >= due:
            break  # a pause after the deadline does not undo a breach
        if r is None:
            paused = True
            break
        if r <= a:
            continue
        due, ok = _give_back(m, due, a, r, calendar, policy)
        verified &= ok
    original = due
    extended = history.extensions.get(m.code)
    if extended is not None and extended > due:
        due = extended
    warn, critical = m.thresholds()
    return MilestoneState(
        m.code,
        m.name,
        m.limit_unit,
        start,
        None if paused else original,
        None if paused else due,
        met,
        paused and met is None,
        verified,
        None if paused else due - warn,
        None if paused else due - critical,
    )


def compute_deadlines(
    policy: Policy, history: CaseHistory | Mapping[str, datetime], calendar: WorkCalendar
) -> CaseDeadlines:
    if not isinstance(history, CaseHistory):
        history = CaseHistory(history)
    return CaseDeadlines(
        tuple(milestone_state(m, policy, history, calendar) for m in policy.milestones)
    )


# --- countdowns -------------------------------------------------------------------


class CountdownState(StrEnum):
    """How close a deadline is: the one list of states every screen colours the same way
    (``console.ui.colours``) and names the same way (``console.domain.wording``)."""

    ON_TRACK = "on_track"
    DUE_SOON = "due_soon"  # within the milestone's "due soon" threshold
    CRITICAL = "critical"  # within its "critical" threshold
    BREACHED = "breached"  # past the deadline, not met
    PAUSED = "paused"  # the clock is stopped (waiting for the citizen)


ON_TRACK: str = CountdownState.ON_TRACK
DUE_SOON: str = CountdownState.DUE_SOON
CRITICAL: str = CountdownState.CRITICAL
BREACHED: str = CountdownState.BREACHED
PAUSED: str = CountdownState.PAUSED


@dataclass(frozen=True)
class CountdownThresholds:
    due_soon: timedelta = timedelta(hours=4)
    critical: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class TimeLeft:
    seconds: int  # negative once breached
    state: str
    workdays: int | None = None  # whole working days left before the deadline's day

    @property
    def parts(self) -> tuple[int, int, int]:
        """(days, hours, minutes) of the absolute time left or overdue."""
        s = abs(self.seconds)
        return s // 86400, (s % 86400) // 3600, (s % 3600) // 60


def state_at(
    due: datetime, now: datetime, warn_at: datetime | None, critical_at: datetime | None
) -> str:
    if now > due:
        return BREACHED
    if critical_at is not None and now >= critical_at:
        return CRITICAL
    if warn_at is not None and now >= warn_at:
        return DUE_SOON
    return ON_TRACK


def time_left(
    due: datetime, now: datetime, thresholds: CountdownThresholds = CountdownThresholds()
) -> TimeLeft:
    secs = int((due - now).total_seconds())
    state = state_at(due, now, due - thresholds.due_soon, due - thresholds.critical)
    return TimeLeft(secs, state)


def countdown(
    due: datetime,
    now: datetime,
    *,
    warn_at: datetime | None,
    critical_at: datetime | None,
    limit_unit: str | None = None,
    calendar: WorkCalendar | None = None,
) -> TimeLeft:
    """Time left with the state from the case's own thresholds; for a working-day
    milestone due after today, also the working days left (for "剩余 2个工作日")."""
    from console.domain.clock import local_date

    secs = int((due - now).total_seconds())
    state = state_at(due, now, warn_at, critical_at)
    workdays = None
    if limit_unit == WORKDAYS and calendar is not None and secs > 0:
        due_day = local_date(due - timedelta(microseconds=1))
        today = local_date(now)
        if due_day > today:
            workdays = calendar.workdays_between(today, due_day)
    return TimeLeft(secs, state, workdays)


def deadlines_summary(states: Sequence[MilestoneState]) -> dict[str, Any]:
    """A JSON-able description (for events and explanations)."""
    return {
        m.code: {
            "due_at": m.due_at.isoformat() if m.due_at else None,
            "original_due_at": m.original_due_at.isoformat() if m.original_due_at else None,
            "met_at": m.met_at.isoformat() if m.met_at else None,
            "paused": m.paused,
            "verified": m.verified,
        }
        for m in states
    }


def choose_policy_code(case_type: str, urgency: str, channel_code: str) -> str:
    """The built-in choice used before policies carried their own match rules."""
    if urgency == "urgent":
        return "urgent"
    if channel_code == "enterprise_line":
        return "enterprise"
    if case_type == "demand":
        return "demand"
    return "consultation"
