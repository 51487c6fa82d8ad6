"""Closing the loop: the allowed steps per status (lead and assisting units, the centre),
the bounce rule, callbacks, and the SLA's rounds after a reopening (重办)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from console.domain import lifecycle
from console.domain.casetypes import EventKind, Satisfaction, Status
from console.domain.errors import Refused
from console.domain.lifecycle import CallbackVerdict
from console.domain.sla import HOURS, Milestone, Policy, compute_deadlines, history_from_events
from console.domain.workcalendar import WorkCalendar

T0 = datetime(2026, 6, 1, 1, 0, tzinfo=UTC)


def h(n: float) -> datetime:
    return T0 + timedelta(hours=n)


@pytest.mark.parametrize(
    ("status", "step", "after"),
    [
        (Status.DISPATCHED, EventKind.ACCEPTED, Status.ACCEPTED),
        (Status.DISPATCHED, EventKind.RETURNED, Status.RETURNED),
        (Status.ACCEPTED, EventKind.CONTACTED, Status.IN_PROGRESS),
        (Status.ACCEPTED, EventKind.ON_SCENE, Status.IN_PROGRESS),
        (Status.ACCEPTED, EventKind.PROGRESS, Status.IN_PROGRESS),
        (Status.ACCEPTED, EventKind.REPLIED, Status.REPLIED),
        (Status.ACCEPTED, EventKind.RETURNED, Status.RETURNED),
        (Status.ACCEPTED, EventKind.EXTENSION_REQUESTED, Status.ACCEPTED),
        (Status.IN_PROGRESS, EventKind.CONTACTED, Status.IN_PROGRESS),
        (Status.IN_PROGRESS, EventKind.PROGRESS, Status.IN_PROGRESS),
        (Status.IN_PROGRESS, EventKind.REPLIED, Status.REPLIED),
        (Status.IN_PROGRESS, EventKind.RETURNED, Status.RETURNED),
        (Status.IN_PROGRESS, EventKind.EXTENSION_REQUESTED, Status.IN_PROGRESS),
    ],
)
def test_lead_unit_steps(status: str, step: str, after: str) -> None:
    assert lifecycle.lead_step(status, step) == after


@pytest.mark.parametrize(
    ("status", "step"),
    [
        (Status.DISPATCHED, EventKind.CONTACTED),  # acknowledge first
        (Status.DISPATCHED, EventKind.REPLIED),
        (Status.DISPATCHED, EventKind.EXTENSION_REQUESTED),
        (Status.ACCEPTED, EventKind.ACCEPTED),
        (Status.REPLIED, EventKind.PROGRESS),  # waiting for the centre's review
        (Status.RETURNED, EventKind.ACCEPTED),
        (Status.RECEIVED, EventKind.ACCEPTED),
        (Status.CLOSED, EventKind.REPLIED),
        (Status.VISITED, EventKind.RETURNED),
    ],
)
def test_lead_unit_refusals(status: str, step: str) -> None:
    with pytest.raises(Refused) as e:
        lifecycle.lead_step(status, step)
    assert e.value.code == "not_allowed"


def test_assisting_unit_has_its_own_steps() -> None:
    s = lifecycle.assist_step(Status.IN_PROGRESS, lifecycle.ASSIST_DISPATCHED, EventKind.ACCEPTED)
    assert s == lifecycle.ASSIST_ACCEPTED
    s = lifecycle.assist_step(Status.IN_PROGRESS, s, EventKind.ON_SCENE)
    assert s == lifecycle.ASSIST_WORKING
    s = lifecycle.assist_step(Status.IN_PROGRESS, s, EventKind.REPLIED)
    assert s == lifecycle.ASSIST_REPLIED
    with pytest.raises(Refused):
        lifecycle.assist_step(Status.IN_PROGRESS, s, EventKind.PROGRESS)  # done
    with pytest.raises(Refused):  # assisting units do not return the case
        lifecycle.assist_step(Status.ACCEPTED, lifecycle.ASSIST_ACCEPTED, EventKind.RETURNED)
    with pytest.raises(Refused):  # nor step before accepting
        lifecycle.assist_step(Status.ACCEPTED, lifecycle.ASSIST_DISPATCHED, EventKind.CONTACTED)
    with pytest.raises(Refused):  # nor after the lead replied
        lifecycle.assist_step(Status.REPLIED, lifecycle.ASSIST_ACCEPTED, EventKind.PROGRESS)
    assert lifecycle.allowed_assist_steps(Status.CLOSED, lifecycle.ASSIST_ACCEPTED) == ()


def test_centre_actions() -> None:
    centre = [lifecycle.AGENT]
    A = lifecycle.Action
    assert lifecycle.decide(A.REVIEW_ACCEPT, Status.REPLIED, centre).to == Status.CLOSED
    assert lifecycle.decide(A.SEND_BACK, Status.REPLIED, centre).to == Status.IN_PROGRESS
    assert lifecycle.decide(A.REDISPATCH, Status.RETURNED, centre).to == Status.DISPATCHED
    for status, action in (
        (Status.IN_PROGRESS, A.REVIEW_ACCEPT),
        (Status.RETURNED, A.SEND_BACK),
        (Status.REPLIED, A.REDISPATCH),
        (Status.CLOSED, A.REVIEW_ACCEPT),
    ):
        with pytest.raises(Refused):
            lifecycle.decide(action, status, centre)
    with pytest.raises(Refused) as e:  # a unit does not review its own result
        lifecycle.decide(A.REVIEW_ACCEPT, Status.REPLIED, [lifecycle.LEAD])
    assert e.value.code == "forbidden"


def test_reasons_required() -> None:
    for step in (EventKind.RETURNED, EventKind.REPLIED, EventKind.PROGRESS):
        with pytest.raises(Refused) as e:
            lifecycle.need_text(step, "  ")
        assert e.value.code == "reason_required"
    lifecycle.need_text(EventKind.ACCEPTED, "")


def test_bounce_rule() -> None:
    ev: list[tuple[str, datetime, dict[str, Any]]] = []
    for i in range(lifecycle.BOUNCE_LIMIT):
        ev += [(EventKind.DISPATCHED, h(i), {}), (EventKind.RETURNED, h(i + 0.5), {})]
    assert lifecycle.returns_count(ev) == lifecycle.BOUNCE_LIMIT
    assert not lifecycle.should_escalate_bounce(lifecycle.returns_count(ev))
    ev.append((EventKind.RETURNED, h(9), {}))
    assert lifecycle.should_escalate_bounce(lifecycle.returns_count(ev))


def test_extension_request_rules() -> None:
    due = h(10)
    lifecycle.check_extension_request(h(1), due, h(20), met=False)
    for now, cur, want, met, code in (
        (h(11), due, h(20), False, "too_late"),
        (h(10), due, h(20), False, "too_late"),
        (h(1), due, h(9), False, "not_later"),
        (h(1), due, h(20), True, "milestone_met"),
        (h(1), None, h(20), False, "no_deadline"),
    ):
        with pytest.raises(Refused) as e:
            lifecycle.check_extension_request(now, cur, want, met)
        assert e.value.code == code


def test_pending_extensions_one_per_milestone_until_decided() -> None:
    ev: list[tuple[str, datetime, dict[str, Any]]] = [
        (EventKind.EXTENSION_REQUESTED, h(1), {"milestone": "result", "due_at": h(50).isoformat(),
                                                "reason": "x", "unit_id": 7}),
    ]  # fmt: skip
    (p,) = lifecycle.pending_extensions(ev)
    assert (p.milestone, p.due_at, p.unit_id) == ("result", h(50), 7)
    ev.append((EventKind.EXTENSION_REFUSED, h(2), {"milestone": "result"}))
    assert lifecycle.pending_extensions(ev) == []
    ev.append((EventKind.EXTENSION_REQUESTED, h(3), {"milestone": "result",
                                                     "due_at": h(40).isoformat()}))  # fmt: skip
    ev.append((EventKind.REOPENED, h(4), {"round": 2}))
    assert lifecycle.pending_extensions(ev) == []  # a new round forgets the old requests


def test_callback_rules() -> None:
    n, nxt = lifecycle.after_attempt(0, h(0))
    assert n == 1 and nxt == h(0) + lifecycle.CALLBACK_RETRY_AFTER
    n, nxt = lifecycle.after_attempt(lifecycle.CALLBACK_MAX_ATTEMPTS - 1, h(5))
    assert n == lifecycle.CALLBACK_MAX_ATTEMPTS and nxt is None  # unreachable
    assert lifecycle.callback_due_at(h(0)) == h(48)
    assert CallbackVerdict(Satisfaction.UNSATISFIED, False, True, "x").reopens
    assert not CallbackVerdict(Satisfaction.UNSATISFIED, False, False).reopens
    assert not CallbackVerdict(Satisfaction.BASICALLY, True).reopens
    with pytest.raises(Refused):
        lifecycle.check_verdict(CallbackVerdict(Satisfaction.SATISFIED, True, unit_fault=True))
    with pytest.raises(Refused) as e:
        lifecycle.check_verdict(CallbackVerdict(Satisfaction.UNSATISFIED, False, True, ""))
    assert e.value.code == "reason_required"
    assert lifecycle.round_of([(EventKind.REOPENED, h(1), {}), (EventKind.REOPENED, h(2), {})]) == 3


# --- the SLA's rounds ----------------------------------------------------------------

POLICY = Policy(
    None, "t", 1, "t", "exclusive",
    (
        Milestone("accept", "签收", 2, HOURS, "dispatched", "accepted"),
        Milestone("result", "办结", 10, HOURS, "received", "replied"),
    ),
)  # fmt: skip


def _states(events: list[tuple[str, datetime, dict[str, Any]]]) -> dict[str, Any]:
    d = compute_deadlines(POLICY, history_from_events(events), WorkCalendar())
    return {m.code: m for m in d.milestones}


def test_reopen_starts_a_new_round_of_deadlines() -> None:
    first: list[tuple[str, datetime, dict[str, Any]]] = [
        (EventKind.CREATED, h(0), {}),
        (EventKind.DISPATCHED, h(0.5), {}),
        (EventKind.ACCEPTED, h(1), {}),
        (EventKind.REPLIED, h(5), {}),
        (EventKind.CLOSED, h(6), {}),
        (EventKind.VISITED, h(30), {"satisfaction": "unsatisfied", "unit_fault": True}),
    ]
    m = _states(first)
    assert m["result"].due_at == h(10) and m["result"].met_at == h(5)
    reopened = [
        *first,
        (EventKind.REOPENED, h(30), {"round": 2}),
        (EventKind.DISPATCHED, h(30), {"round": 2}),  # same moment: still in round 2
    ]
    m = _states(reopened)
    assert m["result"].start_at == h(30) and m["result"].due_at == h(40)
    assert m["result"].met_at is None  # the first round's reply does not count
    assert m["accept"].due_at == h(32) and m["accept"].met_at is None
    m = _states([*reopened, (EventKind.ACCEPTED, h(31), {}), (EventKind.REPLIED, h(35), {})])
    assert m["accept"].met_at == h(31) and m["result"].met_at == h(35)


def test_old_round_extension_and_pause_do_not_carry_over() -> None:
    ev: list[tuple[str, datetime, dict[str, Any]]] = [
        (EventKind.CREATED, h(0), {}),
        (EventKind.EXTENSION_APPROVED, h(1), {"milestone": "result", "due_at": h(99).isoformat()}),
        (EventKind.PAUSED, h(2), {}),
        (EventKind.REOPENED, h(20), {}),
    ]
    m = _states(ev)
    assert m["result"].due_at == h(30) and not m["result"].paused


def test_assisting_units_steps_move_no_clock() -> None:
    m = _states([
        (EventKind.CREATED, h(0), {}),
        (EventKind.DISPATCHED, h(0), {}),
        (EventKind.ACCEPTED, h(1), {"unit_role": "assist"}),
        (EventKind.REPLIED, h(2), {"unit_role": "assist"}),
    ])  # fmt: skip
    assert m["accept"].met_at is None and m["result"].met_at is None


def test_sent_back_result_no_longer_meets_the_limit() -> None:
    ev: list[tuple[str, datetime, dict[str, Any]]] = [
        (EventKind.CREATED, h(0), {}),
        (EventKind.REPLIED, h(3), {}),
        (EventKind.SENT_BACK, h(4), {"reason": "敷衍"}),
    ]
    assert _states(ev)["result"].met_at is None
    assert _states([*ev, (EventKind.REPLIED, h(12), {})])["result"].met_at == h(12)
