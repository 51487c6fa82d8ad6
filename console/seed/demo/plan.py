"""One demo case: its plan, its steps, and the helpers that draw them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from random import Random
from typing import Any

from console.domain.casetypes import CaseType, Status
from console.domain.clock import CITY_TZ, to_local
from console.domain.validation import CREDIT_CODE_CHARS, credit_code_check_char
from console.seed.demo.constants import (
    ASSIST,
    CITY_CODE,
    CLASS_SHARE,
    DISTRICT_CODE,
    ESCALATED,
    LANDLINE_PREFIXES,
    LOOP_SCENARIOS,
    MEDIA_PREFIX,
    MOBILE_PREFIXES,
    STATUS_AFTER,
)
from console.seed.demo.texts import DemoText
from console.seed.demo.world import Actor, _Town, _World

# --- one case -----------------------------------------------------------------------


@dataclass
class _Step:
    kind: str
    at: datetime
    actor: Actor
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Plan:
    received_at: datetime
    scenario: str | None
    channel: str = ""
    channel_kind: str = ""
    text: DemoText | None = None
    urgent: bool = False
    district_id: int | None = None
    town: _Town | None = None
    address: str = ""
    caller_name: str = ""
    caller_phone: str = ""
    anonymous: bool = False
    confidential: bool = False
    enterprise_name: str = ""
    credit_code: str = ""
    title: str = ""
    description: str = ""
    answer: str = ""
    creator: Actor | None = None
    unassigned: bool = False
    steps: list[_Step] = field(default_factory=list)
    # closing the loop: co-handling units, notices, a callback in progress
    co_units: list[int] = field(default_factory=list)
    notices: list[tuple[str, int | None, str, datetime, Actor]] = field(default_factory=list)
    callback: tuple[int, datetime] | None = None  # (attempts, last attempt)


def _minutes(rng: Random, lo: float, hi: float) -> timedelta:
    return timedelta(minutes=rng.uniform(lo, hi))


def _office(rng: Random, at: datetime) -> datetime:
    """Move a handling unit's action into its working hours (08:30-20:00 local)."""
    local = to_local(at)
    opens = time(8, 30)
    if local.time() < opens:
        day = local.date()
    elif local.time() >= time(20, 0):
        day = local.date() + timedelta(days=1)
    else:
        return at
    return datetime.combine(day, opens, tzinfo=CITY_TZ) + _minutes(rng, 0, 90)


def _weighted(rng: Random, pairs: Sequence[tuple[str, float]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _agent(world: _World, rng: Random, at: datetime, team: str | None = None) -> Actor:
    pool = world.agents_by_shift.get(world.shift_code(at)) or next(
        iter(world.agents_by_shift.values())
    )
    if team is not None and rng.random() < 0.7:
        mates = [a for a in pool if a.team == team]
        if mates:
            return rng.choice(mates)
    return rng.choice(pool)


def _supervisor(world: _World, rng: Random, at: datetime) -> Actor:
    pool = world.supervisors_by_shift.get(world.shift_code(at))
    return rng.choice(pool) if pool else _agent(world, rng, at)


def credit_code(rng: Random, division: str) -> str:
    """A valid unified social credit code of an enterprise registered in ``division``."""
    body = "MA" + "".join(rng.choice(CREDIT_CODE_CHARS[:31]) for _ in range(6))
    # the organization code (GB 11714) carries its own check character
    values = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
    c9 = 11 - sum(v * w for v, w in zip(values, (3, 7, 9, 10, 5, 8, 4, 2), strict=True)) % 11
    org = body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    first17 = "91" + division + org
    check = credit_code_check_char(first17)
    assert check is not None
    return first17 + check


def _mobile(rng: Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def _caller(world: _World, rng: Random, plan: _Plan) -> None:
    t = world.texts
    surname = rng.choice(t.surnames)
    if (plan.channel_kind == "web" and rng.random() < 0.5) or rng.random() < 0.35:
        plan.caller_name = surname + rng.choice(t.given_names)
    else:
        plan.caller_name = surname + ("先生" if rng.random() < 0.5 else "女士")
    if plan.channel_kind == "phone" and rng.random() < 0.12:
        plan.caller_phone = "0757" + rng.choice(LANDLINE_PREFIXES) + f"{rng.randrange(10**6):06d}"
    else:
        plan.caller_phone = _mobile(rng)
    assert plan.text is not None
    if plan.channel != "enterprise_line" and rng.random() < 0.04:
        plan.anonymous = True
        plan.caller_name = ""
        plan.caller_phone = ""
    if plan.text.sub_type == "report" and rng.random() < 0.5:
        plan.confidential = True


def loop_lead(world: _World, scenario: str | None) -> int | None:
    """The unit leading a live closing-the-loop case (the demo unit users' units)."""
    if scenario not in LOOP_SCENARIOS:
        return None
    units = list(world.unit_users) or list(world.unit_names)[:2]
    if not units:
        return None
    u1 = units[0]
    u2 = units[1] if len(units) > 1 else units[0]
    return u2 if scenario in (ASSIST, ESCALATED) else u1


def _home_town(world: _World, unit: int | None) -> _Town | None:
    """The town whose government ``unit`` is (None for a bureau or a district)."""
    if unit is None:
        return None
    for towns in world.towns.values():
        for t in towns:
            if world.town_unit.get(t.id) == unit:
                return t
    return None


def _place(world: _World, rng: Random, plan: _Plan, needed: bool) -> str:
    if not needed and rng.random() < 0.5:
        return ""
    ids = [d[0] for d in world.districts]
    district_id = rng.choices(ids, weights=[d[2] for d in world.districts])[0]
    town = rng.choice(world.towns[district_id])
    # a case led by a town's own government is in that town (桂城街道办事处 gets
    # 桂城街道's cases, not another town's)
    home = _home_town(world, loop_lead(world, plan.scenario))
    if home is not None:
        district_id, town = home.district_id, home
    plan.district_id, plan.town = district_id, town
    frags = world.texts.addresses.get(town.district, {}).get(town.name)
    frag = rng.choice(frags) if frags else "辖区内"
    return town.name + frag.replace("{n}", str(rng.randint(1, 388)))


def _describe(world: _World, rng: Random, plan: _Plan) -> None:
    text = plan.text
    assert text is not None
    needs_place = "{place}" in text.text or text.case_type == CaseType.DEMAND
    place = _place(world, rng, plan, needs_place)
    plan.address = place
    body = text.text.replace("{place}", place or "本市").replace("附近附近", "附近")
    if plan.channel_kind == "web" and body.startswith("市民"):
        body = "网民" + body[2:]
    plan.title = body.replace("，", "。").split("。")[0][:60]
    plan.description = MEDIA_PREFIX.get(plan.channel, "") + body
    if plan.channel == "enterprise_line":
        t = world.texts
        district = plan.town.district if plan.town else ""
        plan.enterprise_name = (
            f"佛山市{district}{rng.choice(t.brands)}{rng.choice(t.trades)}有限公司"
        )
        plan.credit_code = credit_code(rng, DISTRICT_CODE.get(district, CITY_CODE))


def _pick_text(world: _World, rng: Random, plan: _Plan, case_type: str) -> DemoText:
    if plan.urgent and world.urgent_texts:
        return rng.choice(world.urgent_texts)
    if plan.channel == "enterprise_line":
        class_code = "enterprise"
    else:
        class_code = _weighted(rng, CLASS_SHARE)
    pool = world.by_class_type.get((class_code, case_type)) or [
        t for t in world.texts.texts if t.case_type == case_type and not t.urgent_only
    ]
    if plan.channel == "report_site":
        pool = [t for t in pool if t.sub_type == "report"] or pool
    return rng.choice(pool)


def _unit_for(world: _World, rng: Random, plan: _Plan, avoid: int | None = None) -> tuple[int, str]:
    text = plan.text
    assert text is not None and plan.town is not None
    local = world.town_unit.get(plan.town.id) or world.district_unit.get(plan.town.district_id)
    bureau: int | None = None
    if text.unit is not None:
        name = text.unit
        if name == "佛山市生态环境局":
            name = {"南海区": "佛山市生态环境局南海分局"}.get(plan.town.district, name)
        bureau = world.units.get(name) or world.units[text.unit]
    choices = [u for u in (bureau, local) if u is not None]
    if not choices:
        choices = list(world.unit_names)
    if bureau is not None and local is not None:
        unit = bureau if rng.random() < 0.6 else local
    else:
        unit = choices[0]
    if unit == avoid:
        others = [u for u in choices if u != avoid]
        district = world.district_unit.get(plan.town.district_id)
        unit = others[0] if others else (district or unit)
    return unit, world.unit_names[unit]


def status_of(steps: Sequence[_Step]) -> Status:
    """The status after the last event that moves it (reminders, escalations and
    reopenings leave the status to the events around them)."""
    for step in reversed(steps):
        status = STATUS_AFTER.get(step.kind)
        if status is not None:
            return status
    return Status.RECEIVED


def _on(unit: int, unit_name: str, by_unit: bool = False) -> dict[str, Any]:
    """A unit step's detail: recorded by the agent on shift on the unit's behalf, or by
    the unit's own user."""
    return {"unit_id": unit, "unit": unit_name, "unit_role": "lead", "on_behalf": not by_unit}


def _visit(
    satisfaction: str | None,
    solved: bool | None,
    unit: int,
    *,
    unit_fault: bool = False,
    attempts: int = 0,
    comment: str = "",
    round_: int = 1,
) -> dict[str, Any]:
    return {
        "satisfaction": satisfaction,
        "solved": solved,
        "unit_fault": unit_fault,
        "unreachable": satisfaction is None,
        "attempts": attempts,
        "comment": comment,
        "round": round_,
        "unit_id": unit,
    }
