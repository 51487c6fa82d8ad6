"""The one state machine, walked: every status reachable from a new case, every status
but the archived one has an action for some party, and from every status the case can
still reach its end (no dead ends)."""

from __future__ import annotations

import pytest

from console.domain import lifecycle as L
from console.domain.casetypes import CaseType, Status, SubType
from console.domain.errors import Refused

A = L.Action


def _reachable(start: str) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for nxt in L.successors(todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def test_every_status_is_reachable_from_a_new_case() -> None:
    assert _reachable(Status.RECEIVED) == set(L.ALL_STATUSES)


def test_every_open_status_has_an_action_for_some_party() -> None:
    for status in L.ALL_STATUSES:
        acts = [r for r in L.RULES if status in r.statuses]
        if status in L.FINAL:
            assert acts == [], status
        else:
            assert acts, f"{status} has no action"
            assert any(r.by for r in acts)


def test_no_dead_ends_every_status_can_reach_archived() -> None:
    for status in L.ALL_STATUSES:
        assert Status.ARCHIVED in _reachable(status), status


def test_every_action_of_the_command_line_contract_is_in_the_machine() -> None:
    contract = (
        "dispatch answer_close forward merge invalid accept contact on_scene progress reply "
        "return request_extension approve_extension refuse_extension review_accept send_back "
        "accept_return refuse_return redispatch callback callback_unreached reopen archive "
        "remind supervise"
    ).split()
    rule_actions = {r.action for r in L.RULES}
    assert set(contract) <= rule_actions
    assert rule_actions == set(L.ACTIONS)


def test_every_rule_names_known_statuses_parties_and_events() -> None:
    from console.domain.casetypes import EventKind

    for r in L.RULES:
        assert r.statuses <= set(L.ALL_STATUSES)
        assert r.by <= set(L.PARTIES)
        assert r.to is None or r.to in L.ALL_STATUSES
        assert all(e in {k.value for k in EventKind} for e in r.events)


@pytest.mark.parametrize("status", [s for s in L.ALL_STATUSES])
def test_available_agrees_with_decide(status: str) -> None:
    facts = L.Facts(case_type=CaseType.CONSULTATION, callback_due=False)
    for parties in ([L.AGENT], [L.SUPERVISOR], [L.LEAD], [L.ASSIST]):
        allowed = {r.action for r in L.available(status, parties, facts)}
        for action in L.ACTIONS:
            try:
                L.decide(action, status, parties, facts)
                ok = True
            except Refused:
                ok = False
            assert ok == (action in allowed), (status, parties, action)


def test_triage_guards_and_outcomes() -> None:
    demand = L.Facts(case_type=CaseType.DEMAND, sub_type=SubType.COMPLAINT)
    with pytest.raises(Refused) as e:
        L.decide(A.FORWARD, Status.RECEIVED, [L.AGENT], demand)
    assert e.value.code == "consultation_only"
    consult = L.Facts(case_type=CaseType.CONSULTATION)
    assert L.decide(A.FORWARD, Status.RECEIVED, [L.AGENT], consult).to == Status.DISPATCHED
    with pytest.raises(Refused) as e:
        L.decide(A.DISPATCH, Status.RECEIVED, [L.AGENT], consult)
    assert e.value.code == "demand_only"
    with pytest.raises(Refused) as e:
        L.decide(A.DISPATCH, Status.RECEIVED, [L.LEAD], demand)
    assert e.value.code == "forbidden"
    # an archived case is read-only
    with pytest.raises(Refused) as e:
        L.decide(A.REOPEN, Status.ARCHIVED, [L.ADMIN], demand)
    assert e.value.code == "not_allowed"
    # archive a closed case only when no callback is due
    due = L.Facts(callback_due=True)
    with pytest.raises(Refused) as e:
        L.decide(A.ARCHIVE, Status.CLOSED, [L.AGENT], due)
    assert e.value.code == "callback_due"
    assert L.decide(A.ARCHIVE, Status.CLOSED, [L.AGENT], L.Facts()).to == Status.ARCHIVED
    # the last unanswered callback ends it as unreachable
    one_left = L.Facts(callback_due=True, callback_attempts_left=1)
    assert L.decide(A.CALLBACK_UNREACHED, Status.CLOSED, [L.AGENT], one_left).to == "visited"
    more = L.Facts(callback_due=True, callback_attempts_left=2)
    assert L.decide(A.CALLBACK_UNREACHED, Status.CLOSED, [L.AGENT], more).to == "closed"
    # a refused return goes back to the unit as it was
    assert L.decide(A.REFUSE_RETURN, Status.RETURNED, [L.AGENT], L.Facts()).to == "dispatched"
    had = L.Facts(unit_had_accepted=True)
    assert L.decide(A.REFUSE_RETURN, Status.RETURNED, [L.AGENT], had).to == "in_progress"
    # reminders and supervision orders are the supervisors'
    with pytest.raises(Refused) as e:
        L.decide(A.REMIND, Status.DISPATCHED, [L.AGENT])
    assert e.value.code == "forbidden"
    assert L.decide(A.REMIND, Status.DISPATCHED, [L.ADMIN]).to == Status.DISPATCHED


def test_parties_of_a_person() -> None:
    assert L.parties_of("unit", 5, lead_unit=5) == {L.LEAD}
    assert L.parties_of("unit", 6, lead_unit=5, co_units=[6]) == {L.ASSIST}
    assert L.parties_of("unit", 7, lead_unit=5, co_units=[6]) == frozenset()
    assert L.parties_of("agent", None, lead_unit=5) == {L.AGENT, L.LEAD}
    assert L.parties_of("admin", None, lead_unit=5, co_units=[6], acting_unit=6) == {
        L.ADMIN,
        L.ASSIST,
    }
    assert L.parties_of("supervisor", None, lead_unit=None) == {L.SUPERVISOR, L.LEAD}
    with pytest.raises(Refused) as e:  # not yet with a unit: refused by status, not role
        L.decide(A.ACCEPT, Status.RECEIVED, L.parties_of("admin", None, lead_unit=None))
    assert e.value.code == "not_allowed"


def test_needs() -> None:
    rule = L.decide(A.INVALID, Status.RECEIVED, [L.AGENT]).rule
    with pytest.raises(Refused) as e:
        L.need(rule, text=" ")
    assert e.value.code == "reason_required"
    rule = L.decide(A.MERGE, Status.RECEIVED, [L.AGENT]).rule
    with pytest.raises(Refused) as e:
        L.need(rule)
    assert e.value.code == "into_required"
    assert "merge" in str(e.value)
