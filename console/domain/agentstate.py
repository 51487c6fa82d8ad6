"""Agent states at the phone: ready, not ready (with a reason), on a call, after-call
work (话后处理). The rules for moving between them, by the agent's choice or by the
phone system's events, and the wallboard's call figures. Plain Python."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class AgentState(StrEnum):
    READY = "ready"
    NOT_READY = "not_ready"
    ON_CALL = "on_call"
    AFTER_CALL = "after_call"  # 话后处理: wrapping up the case after the caller hung up
    SIGNED_OUT = "signed_out"


class NotReadyReason(StrEnum):
    BREAK = "break"
    MEAL = "meal"
    TRAINING = "training"
    MEETING = "meeting"


#: states an agent picks in the status bar (on a call comes from the phone)
CHOSEN = (AgentState.READY, AgentState.NOT_READY, AgentState.AFTER_CALL)
#: states in which the phone system should not offer this agent queue calls
PAUSED = frozenset({AgentState.NOT_READY, AgentState.AFTER_CALL})
DEFAULT_AFTER_CALL_LIMIT = timedelta(seconds=120)
DEFAULT_SERVICE_LEVEL = timedelta(seconds=20)


@dataclass(frozen=True)
class StateNow:
    state: AgentState
    reason: str = ""  # a NotReadyReason value when not ready
    since: datetime | None = None


class InvalidState(ValueError):
    pass


def choose(current: StateNow, state: AgentState, reason: str, at: datetime) -> StateNow:
    """The agent picks a state. Not ready needs a reason; nobody picks "on a call" (the
    phone says so), and a call in progress is not left by a click."""
    if state not in CHOSEN:
        raise InvalidState(f"{state} is set by the phone system")
    if state is AgentState.NOT_READY:
        if reason not in {r.value for r in NotReadyReason}:
            raise InvalidState("not ready needs a reason")
    else:
        reason = ""
    if current.state is AgentState.ON_CALL:
        raise InvalidState("on a call")
    if current.state is state and current.reason == reason:
        return current
    return StateNow(state, reason, at)


def on_call_started(current: StateNow, at: datetime) -> StateNow:
    """The agent answered: on a call, whatever they were before."""
    if current.state is AgentState.ON_CALL:
        return current
    return StateNow(AgentState.ON_CALL, "", at)


def on_call_ended(current: StateNow, at: datetime) -> StateNow:
    """The caller hung up: after-call work, to finish the case."""
    if current.state is not AgentState.ON_CALL:
        return current
    return StateNow(AgentState.AFTER_CALL, "", at)


def after_call_expired(current: StateNow, at: datetime, limit: timedelta) -> StateNow:
    """After-call work longer than the limit: back to ready (limit 0: no limit)."""
    if (
        current.state is AgentState.AFTER_CALL
        and limit > timedelta(0)
        and current.since is not None
        and at - current.since >= limit
    ):
        return StateNow(AgentState.READY, "", at)
    return current


# --- the wallboard's figures ----------------------------------------------------------


@dataclass(frozen=True)
class CallTimes:
    """One call as the wallboard needs it (times in UTC)."""

    offered_at: datetime  # joined the queue, or rang an extension directly
    answered_at: datetime | None
    ended_at: datetime | None
    abandoned: bool
    wrapped_at: datetime | None = None  # the agent left after-call work


@dataclass(frozen=True)
class CallFigures:
    waiting: int
    longest_wait: timedelta | None
    offered: int  # answered + abandoned in the period
    answered: int
    answered_in_time: int
    abandoned: int
    service_level: float | None  # answered within the threshold / offered (None: no call)
    average_handle: timedelta | None  # talk + after-call work, over calls ended
    threshold: timedelta


#: a call waiting longer than this is taken as a lost event, not a call still waiting
STALE_WAIT = timedelta(hours=2)


def call_figures(
    calls: Iterable[CallTimes], now: datetime, threshold: timedelta = DEFAULT_SERVICE_LEVEL
) -> CallFigures:
    """Calls waiting and the longest wait, the service level (share of the calls offered
    that were answered within ``threshold``; abandoned calls count as offered, not
    answered), abandoned calls, and the average handle time."""
    waiting: list[timedelta] = []
    answered = in_time = abandoned = 0
    handle: list[timedelta] = []
    for c in calls:
        if c.abandoned:
            abandoned += 1
            continue
        if c.answered_at is None:
            if c.ended_at is None and timedelta(0) <= now - c.offered_at < STALE_WAIT:
                waiting.append(now - c.offered_at)
            continue
        answered += 1
        if c.answered_at - c.offered_at <= threshold:
            in_time += 1
        if c.ended_at is not None:
            end = c.wrapped_at if c.wrapped_at and c.wrapped_at > c.ended_at else c.ended_at
            handle.append(end - c.answered_at)
    offered = answered + abandoned
    return CallFigures(
        waiting=len(waiting),
        longest_wait=max(waiting) if waiting else None,
        offered=offered,
        answered=answered,
        answered_in_time=in_time,
        abandoned=abandoned,
        service_level=in_time / offered if offered else None,
        average_handle=sum(handle, timedelta(0)) / len(handle) if handle else None,
        threshold=threshold,
    )
