"""Writing the demo: the cases' rows, and ``seed_demo``."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import datetime, timedelta
from random import Random

from sqlalchemy import insert
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import flag_modified

from console.domain.casetypes import DONE_STATUSES, EventKind, Status, Urgency
from console.domain.clock import local_date, now_utc
from console.domain.sla import choose_policy_code
from console.domain.workcalendar import WorkCalendar
from console.models import Case, CaseEvent
from console.seed.demo.constants import FLUSH_EVERY, LIVE_EXTRA, LIVE_SHARE, SCENARIOS, DemoStats
from console.seed.demo.loop import _loop_rows
from console.seed.demo.plan import _Plan, status_of
from console.seed.demo.steps import _build, _scenario_received
from console.seed.demo.texts import load_demo_texts
from console.seed.demo.world import _load_world, _World, arrival_times, seed_demo_agents
from console.seed.roster import seed_demo_roster
from console.services.cases import refresh_deadlines
from console.services.numbers import next_case_number


def _case_row(plan: _Plan, number: str, station: str, world: _World, rng: Random) -> Case:
    text = plan.text
    assert text is not None and plan.creator is not None
    last = plan.steps[-1]
    status = status_of(plan.steps)
    dispatched_at: datetime | None = None
    closed_at: datetime | None = None
    unit_id: int | None = None
    for step in plan.steps:
        if step.kind == EventKind.DISPATCHED:
            dispatched_at, unit_id = step.at, step.detail["unit_id"]
        elif step.kind == EventKind.RETURNED:
            unit_id = None
        elif step.kind in (EventKind.CLOSED, EventKind.CLOSED_DIRECTLY):
            closed_at = step.at
        elif step.kind == EventKind.REOPENED:
            closed_at = None
    urgency = Urgency.URGENT if plan.urgent else Urgency.NORMAL
    policy = world.policies[choose_policy_code(text.case_type, urgency, plan.channel)]
    return Case(
        uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
        number=number,
        station=station,
        channel_code=plan.channel,
        case_type=text.case_type,
        sub_type=text.sub_type,
        class_code=text.class_code,
        category_id=world.categories[text.category],
        district_id=plan.district_id,
        town_id=plan.town.id if plan.town else None,
        address=plan.address,
        caller_name=plan.caller_name,
        caller_phone=plan.caller_phone,
        caller_anonymous=plan.anonymous,
        caller_confidential=plan.confidential,
        enterprise_name=plan.enterprise_name,
        credit_code=plan.credit_code,
        title=plan.title,
        description=plan.description,
        answer=plan.answer if status in DONE_STATUSES else "",
        urgency=urgency,
        status=status,
        created_by_id=plan.creator.id,
        assignee_id=None if plan.unassigned else plan.creator.id,
        unit_id=unit_id,
        sla_policy_id=policy.id,
        received_at=plan.received_at,
        created_at=plan.received_at,
        updated_at=last.at,
        dispatched_at=dispatched_at,
        closed_at=closed_at,
    )


def seed_demo(
    sessions: sessionmaker[Session],
    *,
    station: str,
    now: datetime | None = None,
    days: int = 7,
    per_day: int = 300,
    seed: int = 20261127,
    calendar: WorkCalendar | None = None,
) -> DemoStats:
    """Add the demo agents and ``days * per_day`` demo cases up to ``now``, in one
    transaction. Deterministic for the same seed, ``now`` and reference data."""
    at = now if now is not None else now_utc()
    if at.tzinfo is None:
        raise ValueError("naive datetime refused: pass an aware now")
    if days < 1 or per_day < 0:
        raise ValueError("days must be at least 1 and per_day not negative")
    cal = calendar if calendar is not None else WorkCalendar()
    rng = Random(seed)
    texts = load_demo_texts()
    total = days * per_day
    span = timedelta(days=days)
    counts: Counter[str] = Counter()
    breached = 0
    with sessions() as s, s.begin():
        added = seed_demo_agents(s)
        world = _load_world(s, at, texts)
        seed_demo_roster(s, world.agents_by_shift, world.supervisors_by_shift)
        live = min(total, max(len(SCENARIOS), per_day // LIVE_SHARE))
        arrivals: list[tuple[datetime, str | None]] = [
            (t, None) for t in arrival_times(rng, at - span, at, total - live)
        ]
        for i in range(live):
            n = len(SCENARIOS)
            scenario = SCENARIOS[i] if i < n else LIVE_EXTRA[(i - n) % len(LIVE_EXTRA)]
            arrivals.append((_scenario_received(rng, scenario, at, span), scenario))
        arrivals.sort(key=lambda a: a[0])
        plans = [_build(world, rng, t, scenario) for t, scenario in arrivals]
        for start in range(0, len(plans), FLUSH_EVERY):
            chunk = plans[start : start + FLUSH_EVERY]
            numbers = [next_case_number(s, station, local_date(p.received_at)) for p in chunk]
            cases = [
                _case_row(p, n, station, world, rng) for p, n in zip(chunk, numbers, strict=True)
            ]
            s.add_all(cases)
            s.flush()
            _loop_rows(s, cases, chunk, at)
            s.execute(
                insert(CaseEvent),
                [
                    {
                        "case_id": case.id,
                        "kind": step.kind,
                        "at": step.at,
                        "actor_id": step.actor.id,
                        "actor_name": step.actor.name,
                        "station": station,
                        "detail": (
                            {"number": case.number}
                            if step.kind == EventKind.CREATED
                            else step.detail
                        ),
                    }
                    for case, plan in zip(cases, chunk, strict=True)
                    for step in plan.steps
                ],
            )
            with s.no_autoflush:
                for case in cases:
                    counts[case.status] += 1
                    if case.status in DONE_STATUSES:
                        continue
                    updated = case.updated_at
                    refresh_deadlines(s, case, cal)
                    case.updated_at = updated
                    flag_modified(case, "updated_at")  # not "now" by onupdate
                    if case.next_due_at is not None and case.next_due_at < at:
                        breached += 1
            s.flush()
            s.expunge_all()  # keeps the identity map (and each flush) small
        from console.seed.demo_calls import seed_demo_calls

        seed_demo_calls(s, at, Random(seed + 1))  # the calls behind the phone cases
    return DemoStats(
        **{st.value: counts.get(st.value, 0) for st in Status},
        breached=breached,
        agents_added=added,
    )
