"""Closing the loop (issue 8): what a handling unit, the centre and the callback agent may
do to a case in each status. Plain Python, no database, no Qt.

**Rules and settings** (constants here; a deployment changes them in one place):

- ``BOUNCE_LIMIT`` = 2: a case returned (退单) by units more than twice in all its rounds
  is escalated (``escalated`` event, reason ``bounced``) to the supervisors.
- ``CALLBACK_DUE`` = 48 hours: a closed demand is due its callback (回访) within this
  time after closure; the callback queue is ordered by that due time (or the time of
  the next retry).
- ``CALLBACK_MAX_ATTEMPTS`` = 3: the third unanswered call closes the callback as
  unreachable (a ``visited`` event with ``unreachable: true`` and no verdict);
  ``CALLBACK_RETRY_AFTER`` = 2 hours between attempts.

**Statuses and who moves them** (casetypes.Status):

=============  ==================================================================
dispatched     lead unit: accept (签收) → accepted; return (退单) → returned
accepted       lead unit: contact / on scene / progress → in_progress; reply (反馈) →
               replied; return → returned; request an extension (status unchanged)
in_progress    lead unit: contact / on scene / progress (stays); reply → replied;
               return → returned; request an extension
replied        the centre: accept the result → closed; send back with a reason →
               in_progress (the unit works again)
returned       the centre: re-dispatch to a unit → dispatched
closed         callback (demands): an attempt (citizen not reached, status unchanged,
               the last allowed one → visited as unreachable); a verdict → visited;
               unsatisfied for reasons the unit controls → reopened (重办): a new
               round, dispatched again to the lead unit with a new SLA
=============  ==================================================================

Assisting units (协办, ``case_co_units``) have their own steps while the case is with
the lead unit (dispatched … in_progress): accept, contact, on scene, progress, reply
(their contribution). Their steps never move the case's status or its SLA clocks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from console.domain.casetypes import EventKind, Satisfaction, Status
from console.domain.errors import Refused

BOUNCE_LIMIT = 2
CALLBACK_DUE = timedelta(hours=48)
CALLBACK_MAX_ATTEMPTS = 3
CALLBACK_RETRY_AFTER = timedelta(hours=2)

LEAD = "lead"
ASSIST = "assist"
UNIT_ROLES = (LEAD, ASSIST)

#: the unit steps (events carrying unit_id, unit_role, on_behalf)
UNIT_STEPS: tuple[str, ...] = (
    EventKind.ACCEPTED,
    EventKind.CONTACTED,
    EventKind.ON_SCENE,
    EventKind.PROGRESS,
    EventKind.REPLIED,
    EventKind.RETURNED,
    EventKind.EXTENSION_REQUESTED,
)
#: steps that need a text (reason, reply, progress note)
TEXT_REQUIRED: frozenset[str] = frozenset(
    {EventKind.PROGRESS, EventKind.REPLIED, EventKind.RETURNED, EventKind.EXTENSION_REQUESTED}
)

_WORKING = (Status.ACCEPTED, Status.IN_PROGRESS)

#: lead unit: status → {step: status after}
LEAD_STEPS: dict[str, dict[str, str]] = {
    Status.DISPATCHED: {
        EventKind.ACCEPTED: Status.ACCEPTED,
        EventKind.RETURNED: Status.RETURNED,
    },
    **{
        s: {
            EventKind.CONTACTED: Status.IN_PROGRESS,
            EventKind.ON_SCENE: Status.IN_PROGRESS,
            EventKind.PROGRESS: Status.IN_PROGRESS,
            EventKind.REPLIED: Status.REPLIED,
            EventKind.RETURNED: Status.RETURNED,
            EventKind.EXTENSION_REQUESTED: s,
        }
        for s in _WORKING
    },
}

#: the statuses in which a case is with its units (an inbox shows it)
WITH_UNITS: frozenset[str] = frozenset({Status.DISPATCHED, *_WORKING})

#: assisting unit: its own state → {step: state after}; "dispatched" = not yet accepted
ASSIST_DISPATCHED = "dispatched"
ASSIST_ACCEPTED = "accepted"
ASSIST_WORKING = "in_progress"
ASSIST_REPLIED = "replied"
ASSIST_STEPS: dict[str, dict[str, str]] = {
    ASSIST_DISPATCHED: {EventKind.ACCEPTED: ASSIST_ACCEPTED},
    **{
        s: {
            EventKind.CONTACTED: ASSIST_WORKING,
            EventKind.ON_SCENE: ASSIST_WORKING,
            EventKind.PROGRESS: ASSIST_WORKING,
            EventKind.REPLIED: ASSIST_REPLIED,
        }
        for s in (ASSIST_ACCEPTED, ASSIST_WORKING)
    },
}

# the centre's actions
REVIEW_ACCEPT = "accept"
REVIEW_SEND_BACK = "send_back"
REDISPATCH = "redispatch"
CENTRE_ACTIONS: dict[str, dict[str, str]] = {
    Status.REPLIED: {REVIEW_ACCEPT: Status.CLOSED, REVIEW_SEND_BACK: Status.IN_PROGRESS},
    Status.RETURNED: {REDISPATCH: Status.DISPATCHED},
}


#: the step is not allowed now (wrong status, wrong unit, missing reason): the one refusal
StepRefused = Refused


def lead_step(status: str, step: str) -> str:
    """The case's status after the lead unit's ``step``; refuses a step the status does
    not allow."""
    after = LEAD_STEPS.get(status, {}).get(step)
    if after is None:
        raise StepRefused(
            "{step} is not allowed while the case is {status}",
            code="not_allowed",
            step=step,
            status=status,
        )
    return after


def assist_step(case_status: str, state: str, step: str) -> str:
    """An assisting unit's state after ``step``; only while the case is with its units."""
    if case_status not in WITH_UNITS:
        raise StepRefused(
            "the case is {case_status}: assisting is over",
            code="not_allowed",
            case_status=case_status,
        )
    after = ASSIST_STEPS.get(state, {}).get(step)
    if after is None:
        raise StepRefused(
            "{step} is not allowed for an assisting unit {state}",
            code="not_allowed",
            step=step,
            state=state,
        )
    return after


def centre_action(status: str, action: str) -> str:
    after = CENTRE_ACTIONS.get(status, {}).get(action)
    if after is None:
        raise StepRefused(
            "{action} is not allowed while the case is {status}",
            code="not_allowed",
            action=action,
            status=status,
        )
    return after


def allowed_lead_steps(status: str) -> tuple[str, ...]:
    return tuple(LEAD_STEPS.get(status, {}))


def allowed_assist_steps(case_status: str, state: str) -> tuple[str, ...]:
    if case_status not in WITH_UNITS:
        return ()
    return tuple(ASSIST_STEPS.get(state, {}))


def need_text(step: str, text: str) -> None:
    if step in TEXT_REQUIRED and not text.strip():
        raise StepRefused("{step} needs a reason or text", code="reason_required", step=step)


# --- events of a case ----------------------------------------------------------------

Event = tuple[str, datetime, Mapping[str, Any]]


def returns_count(events: Iterable[Event]) -> int:
    """How many times units returned (退单) the case, in all its rounds."""
    return sum(1 for kind, _at, _d in events if kind == EventKind.RETURNED)


def should_escalate_bounce(returns: int, limit: int = BOUNCE_LIMIT) -> bool:
    """Bounced more than ``limit`` times: a supervisor must look."""
    return returns > limit


def round_of(events: Iterable[Event]) -> int:
    """The case's round: 1, plus one for each reopening (重办)."""
    return 1 + sum(1 for kind, _at, _d in events if kind == EventKind.REOPENED)


def since_last_reopen(events: Sequence[Event]) -> list[Event]:
    ordered = sorted(events, key=lambda e: e[1])
    start = 0
    for i, (kind, _at, _d) in enumerate(ordered):
        if kind == EventKind.REOPENED:
            start = i
    return ordered[start:]


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
        if kind == EventKind.EXTENSION_REQUESTED:
            pending[code] = PendingExtension(
                code,
                datetime.fromisoformat(str(d["due_at"])),
                str(d.get("reason", "")),
                at,
                _int_or_none(d.get("unit_id")),
            )
        elif kind in (EventKind.EXTENSION_APPROVED, EventKind.EXTENSION_REFUSED):
            pending.pop(code, None)
    return list(pending.values())


def check_extension_request(
    now: datetime, current_due: datetime | None, requested_due: datetime, met: bool
) -> None:
    """An extension is asked before the deadline, for a later one, of a running milestone."""
    if met:
        raise StepRefused("this time limit is already met", code="milestone_met")
    if current_due is None:
        raise StepRefused("this time limit has not started", code="no_deadline")
    if now >= current_due:
        raise StepRefused("an extension must be asked before the deadline", code="too_late")
    if requested_due <= current_due:
        raise StepRefused("the requested deadline must be later than the current", code="not_later")


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
        raise StepRefused(
            "unit fault applies to an unsatisfied citizen", code="fault_needs_unsatisfied"
        )
    if v.reopens and not v.comment.strip():
        raise StepRefused("reopening needs the citizen's reason", code="reason_required")


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
