"""Closing the loop: live cases in the units' inboxes and every loop state."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from random import Random
from typing import Any

from sqlalchemy.orm import Session

from console.domain.casetypes import EventKind, MilestoneCode
from console.domain.clock import to_local
from console.models import Case, CaseCallback, CaseCoUnit, SupervisionNotice
from console.seed.demo.constants import (
    ASSIST,
    CALLBACK_RETRY,
    ESCALATED,
    EXTENSION,
    REMINDED,
    SENT_BACK,
    UNIT_NEW,
)
from console.seed.demo.plan import (
    _agent,
    _minutes,
    _office,
    _on,
    _Plan,
    _Step,
    _supervisor,
    _visit,
    loop_lead,
)
from console.seed.demo.world import Actor, _World


def _loop_steps(world: _World, rng: Random, plan: _Plan) -> None:
    """A live case of closing the loop; most go to the demo unit users' units."""
    assert plan.text is not None
    team = plan.text.class_code
    r = plan.received_at
    s = plan.scenario
    units = list(world.unit_users) or list(world.unit_names)[:2]
    u1 = units[0]
    u2 = units[1] if len(units) > 1 else units[0]
    lead = loop_lead(world, s)
    assert lead is not None
    name = world.unit_names[lead]
    own = world.unit_users.get(lead)

    def add(kind: str, at: datetime, actor: Actor | None = None, **detail: Any) -> None:
        at = min(at, world.now)
        plan.steps.append(_Step(kind, at, actor or _agent(world, rng, at, team), detail))

    def unit_step(kind: str, at: datetime, **detail: Any) -> None:
        # the unit's user records its own steps half the time, else an agent does
        by_unit = own is not None and rng.random() < 0.5
        add(kind, at, own if by_unit else None, **_on(lead, name, by_unit), **detail)

    reply = rng.choice(world.texts.replies.get(team, ("已办理。",)))
    t = r + _minutes(rng, 2, 6)
    if s == ESCALATED:
        others = [u for u in world.unit_names if u not in (u1, u2)][:3]
        for other in others:
            add(EventKind.DISPATCHED, t, unit_id=other, unit=world.unit_names[other])
            t += _minutes(rng, 40, 180)
            reason = rng.choice(world.texts.return_reasons)
            add(EventKind.RETURNED, t, **_on(other, world.unit_names[other]), reason=reason)
            t += _minutes(rng, 10, 60)
        sup = _supervisor(world, rng, t)
        text = f"returned {len(others)} times"
        add(EventKind.ESCALATED, t, sup, reason="bounced", returns=len(others), text=text)
        plan.notices.append((EventKind.ESCALATED, None, text, t, sup))
        add(EventKind.DISPATCHED, t + _minutes(rng, 5, 30), sup, unit_id=lead, unit=name)
        return
    add(EventKind.DISPATCHED, t, unit_id=lead, unit=name)
    if s == UNIT_NEW:
        return
    if s == REMINDED:
        sup = _supervisor(world, rng, world.now)
        at = world.now - _minutes(rng, 120, 600)
        text = "该件已超过签收时限，请立即签收并联系市民。"
        add(EventKind.REMINDED, at, sup, unit_id=lead, unit=name, text=text)
        plan.notices.append((EventKind.REMINDED, lead, text, at, sup))
        at += _minutes(rng, 30, 90)
        text = "督办：请于今日内签收办理并反馈。"
        add(EventKind.SUPERVISED, at, sup, unit_id=lead, unit=name, text=text, level=1)
        plan.notices.append((EventKind.SUPERVISED, lead, text, at, sup))
        return
    t = _office(rng, t + _minutes(rng, 10, 120))
    unit_step(EventKind.ACCEPTED, t)
    if s == ASSIST:
        plan.co_units.append(u1)
        return
    t += _minutes(rng, 30, 240)
    unit_step(EventKind.CONTACTED, t)
    if s == EXTENSION:
        t += _minutes(rng, 60, 300)
        due = to_local(r) + timedelta(days=12)
        unit_step(
            EventKind.EXTENSION_REQUESTED, t, milestone=MilestoneCode.RESULT.value,
            due_at=due.replace(hour=23, minute=59, second=0, microsecond=0).isoformat(),
            reason="涉及多个部门联合执法，需协调时间。",
        )  # fmt: skip
        return
    t = _office(rng, t + _minutes(rng, 120, 600))
    unit_step(EventKind.REPLIED, t, reply=reply)
    if s == SENT_BACK:
        add(EventKind.SENT_BACK, t + _minutes(rng, 20, 120), unit_id=lead,
            reason="反馈内容未说明处理结果，请补充现场照片和整改情况。")  # fmt: skip
        return
    t += _minutes(rng, 20, 240)
    add(EventKind.CLOSED, t, unit_id=lead, review="accepted")
    if s == CALLBACK_RETRY:
        t = max(t + _minutes(rng, 60, 300), world.now - _minutes(rng, 150, 400))
        add(EventKind.CALLBACK_ATTEMPT, t, attempt=1, max_attempts=3, note="无人接听")
        plan.callback = (1, min(t, world.now))
        return
    # REOPENED: unsatisfied for the unit's fault, round 2 back with the same unit
    t = _office(rng, t + _minutes(rng, 120, 600))
    why = "问题依旧，单位只是电话回复，没有到现场处理。"
    add(EventKind.VISITED, t, **_visit("unsatisfied", False, lead, unit_fault=True,
                                       comment=why))  # fmt: skip
    add(EventKind.REOPENED, t, round=2, reason=why, unit_id=lead)
    add(EventKind.DISPATCHED, t, unit_id=lead, unit=name, round=2, reopened=True)
    unit_step(EventKind.ACCEPTED, _office(rng, t + _minutes(rng, 30, 180)))


def _loop_rows(
    session: Session, cases: Sequence[Case], plans: Sequence[_Plan], now: datetime
) -> None:
    """Co-units, supervision notices and callbacks in progress of the loop scenarios."""
    from console.domain.lifecycle import CALLBACK_DUE, CALLBACK_RETRY_AFTER

    for case, plan in zip(cases, plans, strict=True):
        for unit in plan.co_units:
            session.add(CaseCoUnit(case_id=case.id, unit_id=unit, created_at=plan.received_at))
        for kind, unit_id, text, at, by in plan.notices:
            session.add(
                SupervisionNotice(
                    case_id=case.id, unit_id=unit_id, kind=kind, level=1, text=text,
                    created_at=at, created_by_id=by.id, created_by_name=by.name,
                )
            )  # fmt: skip
        if plan.callback is not None and case.closed_at is not None:
            attempts, last = plan.callback
            session.add(
                CaseCallback(
                    case_id=case.id, round=1, closed_at=case.closed_at,
                    due_at=case.closed_at + CALLBACK_DUE, next_try_at=last + CALLBACK_RETRY_AFTER,
                    attempts=attempts, last_attempt_at=last,
                )
            )  # fmt: skip
