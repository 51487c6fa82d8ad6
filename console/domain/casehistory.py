"""A case's history read for the lifecycle's rules: returns and the bounce rule,
rounds (重办), pending extension requests, callbacks. Plain Python; re-exported by
console.domain.lifecycle."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from console.domain.casetypes import CaseType, EventKind, Satisfaction, SubType
from console.domain.errors import Refused

E = EventKind
LEAD = "lead"
BOUNCE_LIMIT = 2
CALLBACK_DUE = timedelta(hours=48)
CALLBACK_MAX_ATTEMPTS = 3
CALLBACK_RETRY_AFTER = timedelta(hours=2)

# --- events of a case ------------------------------------------------------------------

Event = tuple[str, datetime, Mapping[str, Any]]


def returns_count(events: Iterable[Event]) -> int:
    """How many times units returned (退单) the case, in all its rounds."""
    return sum(1 for kind, _at, _d in events if kind == E.RETURNED)


def should_escalate_bounce(returns: int, limit: int = BOUNCE_LIMIT) -> bool:
    """Bounced more than ``limit`` times: a supervisor must look."""
    return returns > limit


def round_of(events: Iterable[Event]) -> int:
    """The case's round: 1, plus one for each reopening (重办)."""
    return 1 + sum(1 for kind, _at, _d in events if kind == E.REOPENED)


def since_last_reopen(events: Sequence[Event]) -> list[Event]:
    ordered = sorted(events, key=lambda e: e[1])
    start = 0
    for i, (kind, _at, _d) in enumerate(ordered):
        if kind == E.REOPENED:
            start = i
    return ordered[start:]


def unit_had_accepted(events: Sequence[Event], unit_id: int | None) -> bool:
    """Whether ``unit_id`` acknowledged the case since it was last dispatched to it."""
    ok = False
    for kind, _at, d in events:
        if kind in (E.DISPATCHED, E.FORWARDED, E.RETURN_REFUSED):
            ok = ok and kind == E.RETURN_REFUSED
        elif kind == E.ACCEPTED and d.get("unit_role", LEAD) == LEAD:
            ok = d.get("unit_id") == unit_id
    return ok


@dataclass(frozen=True)
class PendingExtension:
    milestone: str
    due_at: datetime
    reason: str
    requested_at: datetime
    unit_id: int | None


def pending_extensions(events: Sequence[Event]) -> list[PendingExtension]:
    """Requests (this round) not yet approved or refused, one per milestone (the last)."""
    pending: dict[str, PendingExtension] = {}
    for kind, at, d in since_last_reopen(events):
        code = str(d.get("milestone", ""))
        if kind == E.EXTENSION_REQUESTED:
            pending[code] = PendingExtension(
                code,
                datetime.fromisoformat(str(d["due_at"])),
                str(d.get("reason", "")),
                at,
                _int_or_none(d.get("unit_id")),
            )
        elif kind in (E.EXTENSION_APPROVED, E.EXTENSION_REFUSED):
            pending.pop(code, None)
    return list(pending.values())


def check_extension_request(
    now: datetime, current_due: datetime | None, requested_due: datetime, met: bool
) -> None:
    """An extension is asked before the deadline, for a later one, of a running milestone."""
    if met:
        raise Refused("This time limit is already met.", code="milestone_met")
    if current_due is None:
        raise Refused("This time limit has not started.", code="no_deadline")
    if now >= current_due:
        raise Refused("An extension must be requested before the deadline.", code="too_late")
    if requested_due <= current_due:
        raise Refused(
            "The requested deadline must be later than the present one.", code="not_later"
        )


# --- callbacks -------------------------------------------------------------------------


@dataclass(frozen=True)
class CallbackVerdict:
    satisfaction: Satisfaction
    solved: bool
    unit_fault: bool = False  # dissatisfaction for reasons the unit controls
    comment: str = ""

    @property
    def reopens(self) -> bool:
        return self.satisfaction == Satisfaction.UNSATISFIED and self.unit_fault


def check_verdict(v: CallbackVerdict) -> None:
    if v.unit_fault and v.satisfaction != Satisfaction.UNSATISFIED:
        raise Refused(
            "Unit fault applies only to an unsatisfied citizen.", code="fault_needs_unsatisfied"
        )
    if v.reopens and not v.comment.strip():
        raise Refused("Reopening needs the citizen's reason.", code="reason_required")


def callback_wanted(case_type: str, sub_type: str, anonymous: bool, phone: str) -> bool:
    """A closed case is called back (回访) when it is a demand (not thanks) whose caller
    left a number; otherwise it is archived at once."""
    return (
        case_type == CaseType.DEMAND
        and sub_type != SubType.THANKS
        and not anonymous
        and bool(phone.strip())
    )


def callback_due_at(closed_at: datetime, due: timedelta = CALLBACK_DUE) -> datetime:
    return closed_at + due


def after_attempt(
    attempts_before: int, at: datetime, max_attempts: int = CALLBACK_MAX_ATTEMPTS
) -> tuple[int, datetime | None]:
    """(attempts, next try) after one more unanswered call; no next try: unreachable."""
    n = attempts_before + 1
    if n >= max_attempts:
        return n, None
    return n, at + CALLBACK_RETRY_AFTER


def _int_or_none(v: Any) -> int | None:
    try:
        return int(v) if v is not None else None
    except (TypeError, ValueError):
        return None
