"""What happens to a demo case: consultations, demands and the live scenarios."""

from __future__ import annotations

from datetime import datetime, timedelta
from random import Random
from typing import Any

from console.domain.casetypes import OPEN_STATUSES, CaseType, EventKind
from console.seed.demo.constants import (
    ASSIST,
    CALLBACK,
    CALLBACK_RETRY,
    CONSULTATION_SHARE,
    DEMAND_NEW,
    ENTERPRISE_FRESH,
    ENTERPRISE_LATE,
    ESCALATED,
    EXTENSION,
    LOOP_SCENARIOS,
    REMINDED,
    REOPENED,
    REPLIED_OPEN,
    RETURNED_OPEN,
    SATISFACTION_SHARE,
    SENT_BACK,
    UNACCEPTED,
    UNIT_NEW,
    URGENT_FRESH,
    URGENT_LATE,
    URGENT_ON_WAY,
    URGENT_SHARE,
)
from console.seed.demo.loop import _loop_steps
from console.seed.demo.plan import (
    _agent,
    _caller,
    _describe,
    _minutes,
    _office,
    _on,
    _pick_text,
    _Plan,
    _Step,
    _supervisor,
    _unit_for,
    _visit,
    _weighted,
    status_of,
)
from console.seed.demo.world import Actor, _World


def _build(world: _World, rng: Random, received_at: datetime, scenario: str | None) -> _Plan:
    plan = _Plan(received_at, scenario)
    # channel, type, urgency
    if scenario in (ENTERPRISE_FRESH, ENTERPRISE_LATE):
        plan.channel = "enterprise_line"
    elif scenario is not None:
        plan.channel = "phone_12345"
    else:
        plan.channel = _weighted(rng, [(c, w) for c, _, w in world.channels])
    kinds = {c: k for c, k, _ in world.channels}
    plan.channel_kind = kinds.get(plan.channel, "phone")
    if scenario == CALLBACK:
        case_type: str = CaseType.CONSULTATION
    elif scenario is not None or plan.channel == "report_site":
        case_type = CaseType.DEMAND
    else:
        share = CONSULTATION_SHARE.get(plan.channel, CONSULTATION_SHARE[plan.channel_kind])
        case_type = CaseType.CONSULTATION if rng.random() < share else CaseType.DEMAND
    plan.urgent = case_type == CaseType.DEMAND and (
        scenario in (URGENT_FRESH, URGENT_ON_WAY, URGENT_LATE)
        or (scenario is None and plan.channel != "enterprise_line" and rng.random() < URGENT_SHARE)
    )
    plan.text = _pick_text(world, rng, plan, case_type)
    _describe(world, rng, plan)
    _caller(world, rng, plan)
    plan.creator = _agent(world, rng, received_at, plan.text.class_code)
    plan.steps.append(_Step(EventKind.CREATED, received_at, plan.creator))
    if case_type == CaseType.CONSULTATION:
        _consultation_steps(world, rng, plan)
    else:
        _demand_steps(world, rng, plan)
    plan.steps = [s for s in plan.steps if s.at <= world.now]
    open_ = status_of(plan.steps) in OPEN_STATUSES
    unassigned_share = 0.5 if plan.channel_kind in ("web", "media") else 0.1
    plan.unassigned = open_ and rng.random() < unassigned_share
    return plan


def _consultation_steps(world: _World, rng: Random, plan: _Plan) -> None:
    assert plan.text is not None and plan.creator is not None
    r = plan.received_at
    if plan.scenario == CALLBACK:
        return  # still waiting for the answer
    if plan.scenario is None and rng.random() < 0.1:
        # answered by a callback once the agent found out; some take days (the
        # enterprise line promises a call within hours)
        if plan.channel == "enterprise_line":
            delay = _minutes(rng, 20, 220)
        elif rng.random() < 0.85:
            delay = _minutes(rng, 30, 1200)
        else:
            delay = _minutes(rng, 1440, 4320)
        at = _office(rng, r + delay)
        plan.answer = plan.text.answer
        actor = _agent(world, rng, at, plan.text.class_code)
        plan.steps.append(_Step(EventKind.CLOSED, at, actor, {"answer": "callback"}))
        return
    plan.answer = plan.text.answer
    plan.steps.append(_Step(EventKind.CLOSED_DIRECTLY, r, plan.creator))


def _demand_steps(world: _World, rng: Random, plan: _Plan) -> None:
    assert plan.text is not None and plan.creator is not None
    if plan.scenario is not None:
        _scenario_steps(world, rng, plan)
        return
    team = plan.text.class_code
    r = plan.received_at
    urgent = plan.urgent
    enterprise = plan.channel == "enterprise_line"
    f = 3.0 if rng.random() < 0.08 else 1.0  # a slow case

    def add(kind: str, at: datetime, actor: Actor | None = None, **detail: Any) -> None:
        plan.steps.append(_Step(kind, at, actor or _agent(world, rng, at, team), detail))

    t = r + (_minutes(rng, 2, 8) if urgent else _minutes(rng, 3, 50))
    unit, unit_name = _unit_for(world, rng, plan)
    dispatcher = _supervisor(world, rng, t) if urgent else None
    add(EventKind.DISPATCHED, t, dispatcher, unit_id=unit, unit=unit_name)
    if not urgent and rng.random() < 0.05:
        t = _office(rng, t + _minutes(rng, 20, 300))
        reason = rng.choice(world.texts.return_reasons)
        add(EventKind.RETURNED, t, **_on(unit, unit_name), reason=reason)
        # re-dispatched within the hour or two, or after a day when the right unit is
        # unclear; until then it waits in the centre's queue
        t += _minutes(rng, 10, 120) if rng.random() < 0.75 else _minutes(rng, 360, 2160)
        unit, unit_name = _unit_for(world, rng, plan, avoid=unit)
        add(EventKind.DISPATCHED, t, unit_id=unit, unit=unit_name)
    on = _on(unit, unit_name)
    if urgent:
        t = t + _minutes(rng, 3, 15)
        add(EventKind.ACCEPTED, t, **on)
        late = rng.random() < 0.06
        contact = r + (_minutes(rng, 65, 150) if late else _minutes(rng, 15, 55))
        t = max(t + _minutes(rng, 1, 5), contact)
        add(EventKind.CONTACTED, t, **on)
        scene = r + (_minutes(rng, 125, 200) if late else _minutes(rng, 45, 115))
        t = max(t + _minutes(rng, 10, 40), scene)
        add(EventKind.ON_SCENE, t, **on)
        t += _minutes(rng, 60, 480)
        add(EventKind.PROGRESS, t, **on)
        t = _office(rng, t + _minutes(rng, 240, 2400))
    else:
        t = _office(rng, t + _minutes(rng, 10, 300) * f)
        add(EventKind.ACCEPTED, t, **on)
        hi = 200 if enterprise else 1200
        t = _office(rng, t + _minutes(rng, 20, hi) * f)
        add(EventKind.CONTACTED, t, **on)
        if rng.random() < 0.3:
            t = _office(rng, t + _minutes(rng, 240, 2880) * f)
            add(EventKind.PROGRESS, t, **on)
        t = _office(
            rng, t + _minutes(rng, 120 if enterprise else 240, 2400 if enterprise else 3600) * f
        )
    reply = rng.choice(world.texts.replies.get(team, ("已办理。",)))
    add(EventKind.REPLIED, t, **on, reply=reply)
    t = _office(rng, t + _minutes(rng, 20, 900))
    add(EventKind.CLOSED, t)
    if rng.random() < 0.7:
        t = _office(rng, t + _minutes(rng, 120, 2880))
        if plan.anonymous or rng.random() < 0.02:  # not reached three times
            for n in range(1, 4):
                add(EventKind.CALLBACK_ATTEMPT, t, attempt=n, max_attempts=3, note="无人接听")
                if n < 3:
                    t = _office(rng, t + _minutes(rng, 120, 300))
            add(EventKind.VISITED, t, **_visit(None, None, unit, attempts=3))
        else:
            sat = _weighted(rng, SATISFACTION_SHARE)
            solved = rng.random() < (0.97 if sat != "unsatisfied" else 0.3)
            add(EventKind.VISITED, t, **_visit(sat, solved, unit))


def _scenario_steps(world: _World, rng: Random, plan: _Plan) -> None:
    """Events of a live case; its received_at was chosen for the scenario."""
    assert plan.text is not None
    team = plan.text.class_code
    r = plan.received_at
    s = plan.scenario
    if s == DEMAND_NEW:
        return

    def add(kind: str, at: datetime, **detail: Any) -> None:
        plan.steps.append(_Step(kind, at, _agent(world, rng, at, team), detail))

    if s in LOOP_SCENARIOS:
        _loop_steps(world, rng, plan)
        return
    unit, unit_name = _unit_for(world, rng, plan)
    on = _on(unit, unit_name)
    t = r + _minutes(rng, 2, 5)
    add(EventKind.DISPATCHED, t, **on)
    if s in (ENTERPRISE_FRESH, UNACCEPTED):
        return
    if s == RETURNED_OPEN:
        reason = rng.choice(world.texts.return_reasons)
        add(EventKind.RETURNED, t + _minutes(rng, 20, 90), **on, reason=reason)
        return
    t += _minutes(rng, 3, 8)
    add(EventKind.ACCEPTED, t, **on)
    if s in (URGENT_FRESH, URGENT_LATE, ENTERPRISE_LATE):
        return
    if s == URGENT_ON_WAY:
        add(EventKind.CONTACTED, max(t, r + _minutes(rng, 20, 45)), **on)
        return
    # REPLIED_OPEN: handled over a couple of days, the reply came in today
    t += _minutes(rng, 60, 240)
    add(EventKind.CONTACTED, t, **on)
    reply_at = max(t + _minutes(rng, 30, 60), world.now - _minutes(rng, 10, 360))
    reply = rng.choice(world.texts.replies.get(team, ("已办理。",)))
    add(EventKind.REPLIED, min(reply_at, world.now), **on, reply=reply)


def _scenario_received(rng: Random, scenario: str, now: datetime, span: timedelta) -> datetime:
    minutes: dict[str, tuple[float, float]] = {
        DEMAND_NEW: (1, 8),
        URGENT_FRESH: (12, 50),
        URGENT_ON_WAY: (65, 100),
        URGENT_LATE: (150, 300),
        ENTERPRISE_FRESH: (40, 150),
        ENTERPRISE_LATE: (300, 420),
        RETURNED_OPEN: (180, 1200),
        REPLIED_OPEN: (2880, 5760),
        UNACCEPTED: (6000, 7500),
        CALLBACK: (60, 600),
        UNIT_NEW: (20, 90),
        SENT_BACK: (1500, 2600),
        EXTENSION: (1500, 2600),
        REMINDED: (4400, 5600),
        ESCALATED: (1500, 2800),
        CALLBACK_RETRY: (2900, 4200),
        REOPENED: (5800, 7000),
        ASSIST: (200, 600),
    }
    lo, hi = minutes[scenario]
    cap = span.total_seconds() / 60 * 0.95
    return now - timedelta(minutes=min(rng.uniform(lo, hi), cap))
