"""The shift handover's rules, in plain Python (no Qt, no database).

*Nothing is lost*: every case still open when a handover is taken is in it, either
listed one by one (with the reason it matters to the incoming shift) or counted in a
group the outgoing supervisor explicitly accepted. ``plan`` sorts each open case into
exactly one of the two; ``nothing_lost`` checks a stored handover against the open
cases independently of how it was built.

Time bounds of a handover of shift window W:

- ``as_of``: the moment it is taken: now while W runs, W's end once it is over (a
  handover submitted late still describes its own shift); the submission fixes it;
- ``coverage_from``: where the shift's work starts counting: W's start, or earlier when
  the previous shift left no submitted handover (its gap is carried into this one), or
  submitted it before its end (what happened after it is carried too);
- ``next_end``: the end of the next shift: cases falling due before it are listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from console.domain.clock import to_local
from console.domain.shifts import ShiftDef, ShiftWindow, parse_hhmm, window

#: how far back a handover reaches for a previous shift that left none
MAX_GAP = timedelta(hours=24)

#: event kinds that count as an escalation (督办) when recorded during the shift
ESCALATION_EVENTS: tuple[str, ...] = ("escalated", "supervised", "extension_requested")


class HandoverStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ACKNOWLEDGED = "acknowledged"


class Reason(StrEnum):
    """Why a case is listed one by one, in the order of precedence."""

    CARRIED = "carried"  # flagged in an earlier handover and not yet done
    BREACHED = "breached"  # its deadline passed during the shift, still open
    DUE_NEXT = "due_next"  # falls due before the end of the next shift
    CALLBACK = "callback"  # consultation taken this shift, the citizen awaits a callback
    TOUCHED = "touched"  # received or worked on during the shift
    GAP = "gap"  # worked on after the previous shift's handover (or with none)


REASON_ORDER: tuple[Reason, ...] = tuple(Reason)


class Bucket(StrEnum):
    """Where an unlisted open case's deadline lies."""

    OVERDUE = "overdue"  # overdue since before this shift
    LATER = "later"  # due after the next shift
    NONE = "none"  # no running deadline (paused or no policy)


@dataclass(frozen=True)
class Bounds:
    window: ShiftWindow
    next_window: ShiftWindow
    coverage_from: datetime
    as_of: datetime

    @property
    def next_end(self) -> datetime:
        return self.next_window.end


@dataclass(frozen=True)
class OpenCase:
    """What the rule needs of an open case."""

    id: int
    status: str
    case_type: str
    received_at: datetime
    next_due_at: datetime | None


@dataclass(frozen=True)
class Plan:
    listed: dict[int, Reason]
    groups: dict[str, tuple[int, ...]]  # group key -> case ids (sorted)

    @property
    def open_total(self) -> int:
        return len(self.listed) + sum(len(v) for v in self.groups.values())

    def group_counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.groups.items()}


@dataclass(frozen=True)
class GroupState:
    count: int
    accepted: bool


@dataclass(frozen=True)
class Problem:
    code: str  # unlisted | group_not_accepted | count_mismatch
    key: str = ""
    case_ids: tuple[int, ...] = field(default=())
    expected: int = 0
    found: int = 0


def bounds_for(
    w: ShiftWindow,
    nxt: ShiftWindow,
    now: datetime,
    previous: ShiftWindow,
    previous_as_of: datetime | None,
) -> Bounds:
    """The bounds of the handover of ``w`` taken at ``now``.

    ``previous_as_of`` is the as_of of the latest submitted handover before ``w``
    (None if there is none within MAX_GAP): the time between it and ``w.start`` is
    carried into this handover; with none, the whole previous shift is (its gap)."""
    as_of = min(now, w.end)
    if as_of < w.start:
        raise ValueError("a shift's handover cannot be taken before the shift starts")
    if previous_as_of is not None and w.start - MAX_GAP <= previous_as_of:
        start = min(previous_as_of, w.start)
    else:
        start = previous.start
    return Bounds(w, nxt, start, as_of)


def group_key(bucket: Bucket | str, status: str) -> str:
    return f"{bucket}:{status}"


def split_group_key(key: str) -> tuple[str, str]:
    bucket, _, status = key.partition(":")
    return bucket, status


def bucket_of(case: OpenCase, b: Bounds) -> Bucket:
    if case.next_due_at is None:
        return Bucket.NONE
    if case.next_due_at < b.coverage_from:
        return Bucket.OVERDUE
    return Bucket.LATER


def reason_for(
    case: OpenCase,
    b: Bounds,
    *,
    touched_in_shift: bool,
    touched_in_gap: bool,
    carried: bool,
) -> Reason | None:
    """Why ``case`` is listed, or None when it belongs in a group."""
    if carried:
        return Reason.CARRIED
    due = case.next_due_at
    if due is not None and b.coverage_from <= due < b.as_of:
        return Reason.BREACHED
    if due is not None and b.as_of <= due < b.next_end:
        return Reason.DUE_NEXT
    if case.case_type == "consultation" and b.coverage_from <= case.received_at < b.as_of:
        return Reason.CALLBACK
    if touched_in_shift:
        return Reason.TOUCHED
    if touched_in_gap:
        return Reason.GAP
    return None


def plan(
    open_cases: Iterable[OpenCase],
    b: Bounds,
    *,
    touched_shift: set[int],
    touched_gap: set[int],
    carried: set[int],
) -> Plan:
    """Sort every open case received before ``as_of`` into exactly one place: listed
    with its reason, or in the group of its deadline bucket and status.

    ``touched_shift``: cases with an event in [window.start, as_of); ``touched_gap``:
    in [coverage_from, window.start); ``carried``: flagged earlier, not yet done."""
    listed: dict[int, Reason] = {}
    groups: dict[str, list[int]] = {}
    for c in open_cases:
        if c.received_at >= b.as_of:
            continue  # the next shift's
        r = reason_for(
            c,
            b,
            touched_in_shift=c.id in touched_shift,
            touched_in_gap=c.id in touched_gap,
            carried=c.id in carried,
        )
        if r is not None:
            listed[c.id] = r
        else:
            groups.setdefault(group_key(bucket_of(c, b), c.status), []).append(c.id)
    return Plan(listed, {k: tuple(sorted(v)) for k, v in sorted(groups.items())})


def grouped_counts(
    totals: Mapping[str, int], listed: Iterable[OpenCase], b: Bounds
) -> dict[str, int]:
    """Group counts when the database counts the open cases by (bucket, status) and
    only the candidates for listing are read one by one: a group holds its total less
    the listed cases that fall in it. Raises if the two reads disagree (they must come
    from one snapshot)."""
    out = dict(totals)
    for c in listed:
        key = group_key(bucket_of(c, b), c.status)
        out[key] = out.get(key, 0) - 1
    if any(n < 0 for n in out.values()):
        raise ValueError(f"listed cases missing from the open totals: {out}")
    return {k: n for k, n in sorted(out.items()) if n}


def nothing_lost(
    open_cases: Sequence[OpenCase],
    b: Bounds,
    listed: Iterable[int],
    groups: Mapping[str, GroupState],
) -> list[Problem]:
    """Problems that make a handover lose a case; empty means nothing is lost.

    Every open case received before ``as_of`` must be listed or fall in a group whose
    count covers it and that the supervisor accepted."""
    listed_ids = set(listed)
    members: dict[str, list[int]] = {}
    for c in open_cases:
        if c.received_at >= b.as_of or c.id in listed_ids:
            continue
        members.setdefault(group_key(bucket_of(c, b), c.status), []).append(c.id)
    problems: list[Problem] = []
    for key, ids in sorted(members.items()):
        g = groups.get(key)
        if g is None:
            problems.append(Problem("unlisted", key, tuple(sorted(ids)), len(ids), 0))
        elif g.count != len(ids):
            problems.append(Problem("count_mismatch", key, (), len(ids), g.count))
        elif not g.accepted:
            problems.append(Problem("group_not_accepted", key, (), len(ids), g.count))
    for key, g in sorted(groups.items()):
        if key not in members and g.count:
            problems.append(Problem("count_mismatch", key, (), 0, g.count))
    return problems


def unaccepted(groups: Mapping[str, GroupState]) -> list[str]:
    return sorted(k for k, g in groups.items() if g.count and not g.accepted)


# --- shift configuration --------------------------------------------------------------


@dataclass(frozen=True)
class ShiftProblem:
    code: str  # empty | bad_time | duplicate_code | gap | overlap | zero_length
    detail: str = ""


def validate_shifts(shifts: Sequence[ShiftDef]) -> list[ShiftProblem]:
    """Shifts must cover the 24 hours of a day once: no gap, no overlap."""
    if not shifts:
        return [ShiftProblem("empty")]
    problems: list[ShiftProblem] = []
    codes = [s.code for s in shifts]
    for c in codes:
        if not c.strip() or codes.count(c) > 1:
            problems.append(ShiftProblem("duplicate_code", c))
            break
    minutes = [0] * (24 * 60)
    for s in shifts:
        if s.starts == s.ends:
            problems.append(ShiftProblem("zero_length", s.code))
            continue
        a = s.starts.hour * 60 + s.starts.minute
        e = s.ends.hour * 60 + s.ends.minute
        m = a
        while True:
            minutes[m] += 1
            m = (m + 1) % (24 * 60)
            if m == e:
                break
    if any(n == 0 for n in minutes):
        first = minutes.index(0)
        problems.append(ShiftProblem("gap", f"{first // 60:02d}:{first % 60:02d}"))
    if any(n > 1 for n in minutes):
        first = next(i for i, n in enumerate(minutes) if n > 1)
        problems.append(ShiftProblem("overlap", f"{first // 60:02d}:{first % 60:02d}"))
    return problems


def parse_shift(code: str, name: str, starts: str, ends: str) -> ShiftDef:
    """A shift from the administrator's "HH:MM" fields; ValueError if malformed."""
    try:
        a, e = parse_hhmm(starts), parse_hhmm(ends)
    except ValueError as exc:
        raise ValueError(f"bad_time:{code}") from exc
    return ShiftDef(code.strip(), name.strip(), a, e)


def window_label(w: ShiftWindow) -> str:
    """'早班 2026-11-27 08:00–16:00' (24:00 for a midnight end)."""
    s, e = to_local(w.start), to_local(w.end)
    end = "24:00" if (e.hour, e.minute) == (0, 0) else e.strftime("%H:%M")
    return f"{w.shift.name} {s:%Y-%m-%d} {s:%H:%M}–{end}"


__all__ = [
    "Bounds",
    "Bucket",
    "GroupState",
    "HandoverStatus",
    "OpenCase",
    "Plan",
    "Problem",
    "Reason",
    "bounds_for",
    "group_key",
    "grouped_counts",
    "nothing_lost",
    "plan",
    "validate_shifts",
    "window",
    "window_label",
]
