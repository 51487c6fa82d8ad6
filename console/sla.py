"""SLA policies and deadlines: the "1、2、1、3" rule and the other policies.

A policy is a list of milestones. Each milestone has a limit (hours, wall clock, 24/7;
or working days, counted by console.workcalendar), the SLA event that starts its clock
and the SLA event that meets it. Deadlines are always recomputed from the case's events
(never from counters), so they are the same whoever computes them, wherever.

Placeholder scope (foundation): pauses and extensions (延期) arrive with the SLA issue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.casetypes import CaseType, EventKind, Urgency
from console.workcalendar import EXCLUSIVE, WorkCalendar

HOURS = "hours"
WORKDAYS = "workdays"

#: which SLA clock events each case event stands for
SLA_EVENTS_OF: dict[str, tuple[str, ...]] = {
    EventKind.CREATED: ("received",),
    EventKind.CLOSED_DIRECTLY: ("replied", "closed"),
    EventKind.DISPATCHED: ("dispatched",),
    EventKind.ACCEPTED: ("accepted",),
    EventKind.CONTACTED: ("contacted",),
    EventKind.ON_SCENE: ("on_scene",),
    EventKind.PROGRESS: ("replied_initial",),
    EventKind.REPLIED: ("replied_initial", "replied"),
    EventKind.CLOSED: ("replied", "closed"),
}


@dataclass(frozen=True)
class Milestone:
    code: str
    name: str
    limit_value: int
    limit_unit: str  # HOURS | WORKDAYS
    start_event: str = "received"
    met_by_event: str = "closed"


@dataclass(frozen=True)
class Policy:
    id: int | None
    code: str
    version: int
    name: str
    workday_rule: str
    milestones: tuple[Milestone, ...]


@dataclass(frozen=True)
class MilestoneState:
    code: str
    name: str
    due_at: datetime | None  # None: its clock has not started
    met_at: datetime | None
    verified: bool

    @property
    def open(self) -> bool:
        return self.met_at is None and self.due_at is not None


@dataclass(frozen=True)
class CaseDeadlines:
    milestones: tuple[MilestoneState, ...]

    @property
    def next(self) -> MilestoneState | None:
        pending = [m for m in self.milestones if m.open]
        return min(pending, key=lambda m: m.due_at or datetime.max) if pending else None

    @property
    def final_due_at(self) -> datetime | None:
        return self.milestones[-1].due_at if self.milestones else None

    @property
    def verified(self) -> bool:
        return all(m.verified for m in self.milestones)


def choose_policy_code(case_type: str, urgency: str, channel_code: str) -> str:
    """Which policy a new case gets. Administrators' selection rules come later."""
    if urgency == Urgency.URGENT:
        return "urgent"
    if channel_code == "enterprise_line":
        return "enterprise"
    if case_type == CaseType.DEMAND:
        return "demand"
    return "consultation"


def milestone_due(
    m: Milestone, start: datetime, calendar: WorkCalendar, rule: str = EXCLUSIVE
) -> tuple[datetime, bool]:
    if m.limit_unit == HOURS:
        return start + timedelta(hours=m.limit_value), True
    if m.limit_unit == WORKDAYS:
        d = calendar.add_workdays(start, m.limit_value, rule)
        return d.at, d.verified
    raise ValueError(f"unknown limit unit {m.limit_unit!r}")


def clock_events(events: Iterable[tuple[str, datetime]]) -> dict[str, datetime]:
    """First time each SLA clock event happened, from (case event kind, at) pairs."""
    seen: dict[str, datetime] = {}
    for kind, at in sorted(events, key=lambda e: e[1]):
        for sla_event in SLA_EVENTS_OF.get(kind, ()):
            seen.setdefault(sla_event, at)
    return seen


def compute_deadlines(
    policy: Policy, clock: Mapping[str, datetime], calendar: WorkCalendar
) -> CaseDeadlines:
    states = []
    for m in policy.milestones:
        start = clock.get(m.start_event)
        due: datetime | None = None
        verified = True
        if start is not None:
            due, verified = milestone_due(m, start, calendar, policy.workday_rule)
        states.append(MilestoneState(m.code, m.name, due, clock.get(m.met_by_event), verified))
    return CaseDeadlines(tuple(states))


# --- countdowns -------------------------------------------------------------------

ON_TRACK = "on_track"
DUE_SOON = "due_soon"
CRITICAL = "critical"
BREACHED = "breached"


@dataclass(frozen=True)
class CountdownThresholds:
    due_soon: timedelta = timedelta(hours=4)
    critical: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class TimeLeft:
    seconds: int  # negative once breached
    state: str

    @property
    def parts(self) -> tuple[int, int, int]:
        """(days, hours, minutes) of the absolute time left or overdue."""
        s = abs(self.seconds)
        return s // 86400, (s % 86400) // 3600, (s % 3600) // 60


def time_left(
    due: datetime, now: datetime, thresholds: CountdownThresholds = CountdownThresholds()
) -> TimeLeft:
    secs = int((due - now).total_seconds())
    if secs < 0:
        state = BREACHED
    elif secs <= thresholds.critical.total_seconds():
        state = CRITICAL
    elif secs <= thresholds.due_soon.total_seconds():
        state = DUE_SOON
    else:
        state = ON_TRACK
    return TimeLeft(secs, state)
