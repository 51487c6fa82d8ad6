"""Agent states at the phone and the wallboard's call figures: plain rules, no Qt, no
database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.domain.agentstate import (
    AgentState,
    CallTimes,
    InvalidState,
    StateNow,
    after_call_expired,
    call_figures,
    choose,
    on_call_ended,
    on_call_started,
)

T = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
S = timedelta(seconds=1)


def test_the_agent_chooses_and_the_phone_sets() -> None:
    ready = StateNow(AgentState.READY, "", T)
    with pytest.raises(InvalidState):
        choose(ready, AgentState.NOT_READY, "", T)  # a reason is needed
    with pytest.raises(InvalidState):
        choose(ready, AgentState.NOT_READY, "nap", T)  # one of the four
    with pytest.raises(InvalidState):
        choose(ready, AgentState.ON_CALL, "", T)  # the phone says so, not a click
    meal = choose(ready, AgentState.NOT_READY, "meal", T + S)
    assert meal == StateNow(AgentState.NOT_READY, "meal", T + S)
    assert choose(meal, AgentState.NOT_READY, "meal", T + 9 * S) is meal  # time kept
    on_call = on_call_started(meal, T + 2 * S)
    assert on_call.state is AgentState.ON_CALL
    with pytest.raises(InvalidState):
        choose(on_call, AgentState.READY, "", T + 3 * S)  # not left by a click
    wrap = on_call_ended(on_call, T + 60 * S)
    assert wrap == StateNow(AgentState.AFTER_CALL, "", T + 60 * S)
    assert on_call_ended(ready, T) is ready  # a call never answered: nothing to wrap up
    limit = timedelta(seconds=120)
    assert after_call_expired(wrap, T + 179 * S, limit) is wrap
    assert after_call_expired(wrap, T + 180 * S, limit).state is AgentState.READY
    assert after_call_expired(wrap, T + 999 * S, timedelta(0)) is wrap  # no limit


def test_call_figures() -> None:
    now = T + 300 * S
    calls = [
        CallTimes(T, T + 20 * S, T + 80 * S, False),  # exactly 20 s: in time
        CallTimes(T, T + 21 * S, T + 81 * S, False, wrapped_at=T + 141 * S),
        CallTimes(T, None, T + 30 * S, True),  # abandoned
        CallTimes(now - 40 * S, None, None, False),  # waiting 40 s
        CallTimes(now - 10 * S, None, None, False),  # waiting 10 s
        CallTimes(now - timedelta(hours=3), None, None, False),  # a lost hang-up: not waiting
        CallTimes(T, None, T + 5 * S, False),  # rang, never answered nor abandoned in queue
    ]
    f = call_figures(calls, now)
    assert (f.waiting, f.longest_wait) == (2, 40 * S)
    assert (f.offered, f.answered, f.answered_in_time, f.abandoned) == (3, 2, 1, 1)
    assert f.service_level == pytest.approx(1 / 3)
    assert f.average_handle == (60 * S + 120 * S) / 2
    empty = call_figures([], now)
    assert empty.service_level is None and empty.average_handle is None
    assert empty.longest_wait is None
