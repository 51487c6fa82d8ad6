"""Demo data: a realistic week of cases, so that the queue and its SLA countdowns are
alive the first time someone looks.

``seed_demo`` adds the demo agents (``resources/reference/demo_agents.csv``, idempotent
by username) and ``days * per_day`` cases received over the last ``days`` days up to
``now``, with the texts and addresses of ``resources/reference/demo_texts.json``. The
result is deterministic for a given seed and ``now``:

- arrivals follow the hotline's hour-of-day load (quiet at night, peaks 09-11 and
  14-17 local time, a little quieter at weekends);
- about two thirds are consultations, most answered and closed on the call (直接答复办结),
  some awaiting a callback; a third are demands (about 5 % urgent) that move along
  受理 → 派单 → 签收 → 办理 → 反馈 → 办结 → 回访 according to their age, with a few
  returned (退单) and a few slow ones. Events are never later than ``now``;
- a handful of "live" cases received in the last hours make sure every status and every
  countdown state (on track, due soon, critical, breached) is on screen.

Events of a handling unit (签收, 联系, 到场, 反馈, 退单) are recorded by the agent on shift
who took the unit's report (``on_behalf: true``), or by the demo unit users ``unit01`` /
``unit02`` themselves; the unit is named in the event's detail (``unit_id``, ``unit``,
``unit_role``). Callbacks record ``satisfaction``, ``solved`` and ``unit_fault``.
Live "loop" scenarios (issue 8) put cases in the units' inboxes and in every state of
closing the loop: sent back, extension pending, reminded and supervised, escalated after
bouncing, a callback to retry, reopened (重办) in its second round, assisted (协办).

``seed_demo`` runs one transaction of its own (flushed in chunks, committed at the
end) and adds cases on every call; reference data must already be seeded.
"""

from __future__ import annotations

import csv
import json
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path
from random import Random
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import flag_modified

from console.domain.casetypes import (
    DONE_STATUSES,
    OPEN_STATUSES,
    CaseType,
    EventKind,
    Role,
    Status,
    Urgency,
)
from console.domain.clock import CITY_TZ, local_date, now_utc, to_local
from console.domain.shifts import ShiftDef, shift_at
from console.domain.sla import Policy, choose_policy_code
from console.domain.validation import CREDIT_CODE_CHARS, credit_code_check_char
from console.domain.workcalendar import WorkCalendar
from console.models import (
    Agent,
    Case,
    CaseCallback,
    CaseCoUnit,
    CaseEvent,
    Channel,
    HandlingUnit,
    MatterCategory,
    Region,
    SupervisionNotice,
)
from console.seed.reference import reference_dir
from console.seed.roster import seed_demo_roster
from console.services.cases import refresh_deadlines
from console.services.numbers import next_case_number
from console.services.reference import current_policy, load_shifts

DEMO_AGENTS_FILE = "demo_agents.csv"
DEMO_TEXTS_FILE = "demo_texts.json"
FLUSH_EVERY = 500

#: relative call volume by local hour 0..23
HOURLY_LOAD: tuple[float, ...] = (
    0.8, 0.5, 0.35, 0.3, 0.3, 0.5, 1.0, 2.0, 4.5, 7.5, 8.5, 7.5,
    4.5, 4.5, 7.0, 8.0, 7.5, 6.0, 4.0, 3.8, 3.6, 3.0, 2.0, 1.3,
)  # fmt: skip
WEEKEND_LOAD = 0.8

#: share of cases per channel (codes missing from the database are skipped)
CHANNEL_SHARE: tuple[tuple[str, float], ...] = (
    ("phone_12345", 72.0),
    ("enterprise_line", 8.0),
    ("wechat", 7.0),
    ("foshantong_app", 5.0),
    ("gov_website", 3.5),
    ("people_board", 2.0),
    ("report_site", 0.5),
    ("media_lxbb", 0.7),
    ("media_mszt", 0.7),
    ("media_xqrx", 0.6),
)
#: probability that a case of a channel is a consultation (by channel kind or code)
CONSULTATION_SHARE = {"phone": 0.72, "enterprise_line": 0.67, "web": 0.45, "media": 0.0}
URGENT_SHARE = 0.04  # of natural demands; the live cases add about 1 %
CLASS_SHARE: tuple[tuple[str, float], ...] = (
    ("consumer", 22.0),
    ("enterprise", 6.0),
    ("city", 24.0),
    ("livelihood", 32.0),
    ("environment", 16.0),
)
#: population weights of the districts (millions, 2020 census, rounded)
DISTRICT_WEIGHT = {"禅城区": 1.33, "南海区": 3.66, "顺德区": 3.23, "高明区": 0.49, "三水区": 0.80}
#: administrative division codes, part of a unified social credit code
DISTRICT_CODE = {
    "禅城区": "440604",
    "南海区": "440605",
    "顺德区": "440606",
    "三水区": "440607",
    "高明区": "440608",
}
CITY_CODE = "440600"
MEDIA_PREFIX = {
    "media_lxbb": "《梁心帮办》栏目转办：",
    "media_mszt": "《民生直通车》栏目转办：",
    "media_xqrx": "《小强热线》栏目转办：",
}
MOBILE_PREFIXES = (
    "134 135 136 137 138 139 147 150 151 152 157 158 159 178 182 183 184 187 188 198 "
    "130 131 132 155 156 166 175 176 185 186 133 153 173 177 180 181 189 191 199"
).split()
LANDLINE_PREFIXES = ("82", "83", "86", "87", "88", "22", "23", "25", "26", "28", "29")
SHIFT_SHARE = (6, 5, 3)  # demo agents per shift, in shift order (early, late, night)

#: the status a case is in after each kind of event
STATUS_AFTER: dict[str, Status] = {
    EventKind.CREATED: Status.RECEIVED,
    EventKind.CLOSED_DIRECTLY: Status.CLOSED,
    EventKind.DISPATCHED: Status.DISPATCHED,
    EventKind.RETURNED: Status.RETURNED,
    EventKind.ACCEPTED: Status.ACCEPTED,
    EventKind.CONTACTED: Status.IN_PROGRESS,
    EventKind.ON_SCENE: Status.IN_PROGRESS,
    EventKind.PROGRESS: Status.IN_PROGRESS,
    EventKind.REPLIED: Status.REPLIED,
    EventKind.CLOSED: Status.CLOSED,
    EventKind.VISITED: Status.VISITED,
    EventKind.SENT_BACK: Status.IN_PROGRESS,
    EventKind.CALLBACK_ATTEMPT: Status.CLOSED,
}

# live scenarios: recent cases that put every status and countdown colour on screen
DEMAND_NEW = "demand_new"  # received minutes ago, not yet dispatched
URGENT_FRESH = "urgent_fresh"  # urgent, accepted, contact due within the hour
URGENT_ON_WAY = "urgent_on_way"  # urgent, contacted, on-scene due within the hour
URGENT_LATE = "urgent_late"  # urgent, nobody contacted the citizen: breached
ENTERPRISE_FRESH = "enterprise_fresh"  # enterprise line, contact due in a few hours
ENTERPRISE_LATE = "enterprise_late"  # enterprise line, contact overdue
RETURNED_OPEN = "returned"  # returned by the unit, waiting to be re-dispatched
REPLIED_OPEN = "replied"  # the unit replied, the centre reviews
UNACCEPTED = "unaccepted"  # dispatched days ago, never acknowledged: breached
CALLBACK = "callback"  # a consultation awaiting its answer
SCENARIOS: tuple[str, ...] = (
    URGENT_FRESH,
    ENTERPRISE_FRESH,
    URGENT_LATE,
    DEMAND_NEW,
    CALLBACK,
    URGENT_ON_WAY,
    RETURNED_OPEN,
    REPLIED_OPEN,
    ENTERPRISE_LATE,
    UNACCEPTED,
)
# closing the loop (issue 8): cases of the demo units' inboxes and every loop state
UNIT_NEW = "unit_new"  # dispatched to unit01's unit, not yet acknowledged
SENT_BACK = "sent_back"  # the centre sent the unit's result back
EXTENSION = "extension"  # the unit asked for more time; the centre has to decide
REMINDED = "reminded"  # unacknowledged for days: reminded and supervised (督办)
ESCALATED = "escalated"  # returned three times: escalated to the supervisors
CALLBACK_RETRY = "callback_retry"  # closed; the citizen did not answer the first call
REOPENED = "reopened"  # unsatisfied for the unit's fault: round 2 (重办)
ASSIST = "assist"  # unit01's unit assists (协办) unit02's
LOOP_SCENARIOS = (
    UNIT_NEW,
    SENT_BACK,
    EXTENSION,
    REMINDED,
    ESCALATED,
    CALLBACK_RETRY,
    REOPENED,
    ASSIST,
)
SCENARIOS += LOOP_SCENARIOS
#: the demo unit users (demo_agents.csv)
UNIT_USERS = ("unit01", "unit02")
#: callback verdicts of the natural demands: (satisfaction, weight)
SATISFACTION_SHARE: tuple[tuple[str, float], ...] = (
    ("satisfied", 90.0),
    ("basically_satisfied", 7.5),
    ("unsatisfied", 2.5),
)
#: further live cases, when there are more than one of each scenario
LIVE_EXTRA = (URGENT_FRESH, ENTERPRISE_FRESH, URGENT_ON_WAY, ENTERPRISE_FRESH, CALLBACK, DEMAND_NEW)
LIVE_SHARE = 10  # one live case per LIVE_SHARE cases of a day


@dataclass(frozen=True)
class DemoStats:
    """Cases added by status, and agents added."""

    received: int = 0
    dispatched: int = 0
    accepted: int = 0
    in_progress: int = 0
    replied: int = 0
    returned: int = 0
    closed: int = 0
    visited: int = 0
    archived: int = 0
    invalid: int = 0
    merged: int = 0
    breached: int = 0  # open cases past their next deadline at ``now``
    agents_added: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_status().values())

    @property
    def open(self) -> int:
        return sum(n for s, n in self.by_status().items() if s in OPEN_STATUSES)

    def by_status(self) -> dict[str, int]:
        return {s.value: getattr(self, s.value) for s in Status}


# --- the demo texts -----------------------------------------------------------------


@dataclass(frozen=True)
class DemoText:
    class_code: str
    case_type: str
    sub_type: str
    category: str
    text: str
    answer: str = ""
    unit: str | None = None
    urgent: bool = False  # may be on the urgent matters list
    urgent_only: bool = False  # always urgent (a gas leak, people trapped in a lift)


@dataclass(frozen=True)
class DemoTexts:
    texts: tuple[DemoText, ...]
    addresses: dict[str, dict[str, tuple[str, ...]]]
    replies: dict[str, tuple[str, ...]]
    return_reasons: tuple[str, ...]
    surnames: tuple[str, ...]
    given_names: tuple[str, ...]
    brands: tuple[str, ...]
    trades: tuple[str, ...]


def load_demo_texts(path: Path | None = None) -> DemoTexts:
    p = path if path is not None else reference_dir() / DEMO_TEXTS_FILE
    data: Any = json.loads(p.read_text(encoding="utf-8"))
    texts: list[DemoText] = []
    for class_code, items in data["classes"].items():
        for item in items:
            t = DemoText(
                class_code=class_code,
                case_type=str(item["case_type"]),
                sub_type=str(item["sub_type"]),
                category=str(item["category"]),
                text=str(item["text"]),
                answer=str(item.get("answer", "")),
                unit=item.get("unit"),
                urgent=bool(item.get("urgent", False)),
                urgent_only=item.get("urgent") == "only",
            )
            if t.case_type == CaseType.CONSULTATION and not t.answer:
                raise ValueError(f"{p.name}: a consultation needs its answer: {t.text}")
            texts.append(t)
    return DemoTexts(
        texts=tuple(texts),
        addresses={
            d: {t: tuple(frags) for t, frags in towns.items()}
            for d, towns in data["addresses"].items()
        },
        replies={c: tuple(r) for c, r in data["replies"].items()},
        return_reasons=tuple(data["return_reasons"]),
        surnames=tuple(data["callers"]["surnames"]),
        given_names=tuple(data["callers"]["given_names"]),
        brands=tuple(data["enterprises"]["brands"]),
        trades=tuple(data["enterprises"]["trades"]),
    )


# --- agents -------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    id: int
    name: str
    role: str
    team: str | None


def seed_demo_agents(session: Session, path: Path | None = None) -> int:
    """Insert the demo agents missing by username; returns how many were added."""
    p = path if path is not None else reference_dir() / DEMO_AGENTS_FILE
    with p.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    existing = set(session.scalars(select(Agent.username)))
    roles = {r.value for r in Role}
    added = 0
    for row in rows:
        username = row["username"].strip()
        if row["role"].strip() not in roles:
            raise ValueError(f"{p.name}: {username}: unknown role {row['role']!r}")
        if username in existing:
            continue
        unit_name = (row.get("unit") or "").strip()
        unit_id = None
        if unit_name:
            unit_id = session.scalars(
                select(HandlingUnit.id).where(HandlingUnit.name == unit_name)
            ).first()
            if unit_id is None:
                raise ValueError(f"{p.name}: {username}: unknown unit {unit_name!r}")
        session.add(
            Agent(
                username=username,
                display_name=row["display_name"].strip(),
                role=row["role"].strip(),
                team=(row["team"] or "").strip() or None,
                unit_id=unit_id,
                active=True,
            )
        )
        existing.add(username)
        added += 1
    session.flush()
    return added


def _demo_usernames(path: Path | None = None) -> list[str]:
    p = path if path is not None else reference_dir() / DEMO_AGENTS_FILE
    with p.open(encoding="utf-8", newline="") as f:
        return [row["username"].strip() for row in csv.DictReader(f)]


# --- the world the generator draws from ---------------------------------------------


@dataclass(frozen=True)
class _Town:
    id: int
    name: str
    district_id: int
    district: str


@dataclass
class _World:
    now: datetime
    texts: DemoTexts
    channels: list[tuple[str, str, float]]  # code, kind, weight
    districts: list[tuple[int, str, float]]  # id, name, weight
    towns: dict[int, list[_Town]]  # by district id
    categories: dict[str, int]  # path -> id
    units: dict[str, int]  # name -> id
    unit_names: dict[int, str]
    town_unit: dict[int, int]  # town region id -> unit id
    district_unit: dict[int, int]  # district region id -> unit id
    policies: dict[str, Policy]
    shifts: tuple[ShiftDef, ...]
    agents_by_shift: dict[str, list[Actor]]
    supervisors_by_shift: dict[str, list[Actor]]
    unit_users: dict[int, Actor] = field(default_factory=dict)  # unit id -> its demo user
    by_class_type: dict[tuple[str, str], list[DemoText]] = field(default_factory=dict)
    urgent_texts: list[DemoText] = field(default_factory=list)
    _shift_cache: dict[datetime, str] = field(default_factory=dict)

    def shift_code(self, at: datetime) -> str:
        key = at.replace(minute=0, second=0, microsecond=0)
        code = self._shift_cache.get(key)
        if code is None:
            code = shift_at(self.shifts, at).shift.code if self.shifts else ""
            self._shift_cache[key] = code
        return code


def _load_world(session: Session, now: datetime, texts: DemoTexts) -> _World:
    channels = {c.code: c.kind for c in session.scalars(select(Channel))}
    districts: list[tuple[int, str, float]] = []
    towns: dict[int, list[_Town]] = {}
    regions = list(session.scalars(select(Region).order_by(Region.sort_order, Region.id)))
    names = {r.id: r.name for r in regions}
    for r in regions:
        if r.level == 1:
            districts.append((r.id, r.name, DISTRICT_WEIGHT.get(r.name, 0.5)))
            towns.setdefault(r.id, [])
    for r in regions:
        if r.level == 2 and r.parent_id in towns:
            towns[r.parent_id].append(_Town(r.id, r.name, r.parent_id, names[r.parent_id]))
    units = list(session.scalars(select(HandlingUnit).where(HandlingUnit.active.is_(True))))
    units.sort(key=lambda u: u.id)
    town_unit: dict[int, int] = {}
    district_unit: dict[int, int] = {}
    for u in units:
        if u.region_id is not None and u.kind == "town":
            town_unit.setdefault(u.region_id, u.id)
        elif u.region_id is not None and u.kind == "district":
            district_unit.setdefault(u.region_id, u.id)
    policies = {
        code: current_policy(session, code)
        for code in ("urgent", "demand", "enterprise", "consultation")
    }
    world = _World(
        now=now,
        texts=texts,
        channels=[(code, channels[code], w) for code, w in CHANNEL_SHARE if code in channels],
        districts=[d for d in districts if towns[d[0]]],
        towns=towns,
        categories=dict(
            (p, i) for p, i in session.execute(select(MatterCategory.path, MatterCategory.id))
        ),
        units={u.name: u.id for u in units},
        unit_names={u.id: u.name for u in units},
        town_unit=town_unit,
        district_unit=district_unit,
        policies=policies,
        shifts=load_shifts(session),
        agents_by_shift={},
        supervisors_by_shift={},
    )
    if not world.channels or not world.districts or not units:
        raise RuntimeError("reference data missing: run seed_reference first")
    for t in texts.texts:
        if t.category not in world.categories:
            raise ValueError(f"{DEMO_TEXTS_FILE}: unknown category {t.category!r}")
        if t.unit is not None and t.unit not in world.units:
            raise ValueError(f"{DEMO_TEXTS_FILE}: unknown unit {t.unit!r}")
        if not t.urgent_only:
            world.by_class_type.setdefault((t.class_code, t.case_type), []).append(t)
        if t.urgent and t.case_type == CaseType.DEMAND:
            world.urgent_texts.append(t)
    _place_agents(session, world)
    return world


def _place_agents(session: Session, world: _World) -> None:
    """Demo agents by shift: agents split 6/5/3 over the shifts, one supervisor each."""
    order = _demo_usernames()
    by_name = {
        a.username: a for a in session.scalars(select(Agent).where(Agent.username.in_(order)))
    }
    agents = [by_name[u] for u in order if u in by_name and by_name[u].role == Role.AGENT]
    sups = [
        by_name[u]
        for u in order
        if u in by_name and by_name[u].role in (Role.SUPERVISOR, Role.ADMIN)
    ]
    for u in order:
        a = by_name.get(u)
        if a is not None and a.role == Role.UNIT and a.unit_id is not None:
            world.unit_users[a.unit_id] = Actor(a.id, a.display_name, a.role, None)
    codes = [s.code for s in world.shifts] or [""]
    if not agents:
        raise RuntimeError("no demo agents")
    shares = SHIFT_SHARE if len(codes) == len(SHIFT_SHARE) else (1,) * len(codes)
    start = acc = 0
    for code, share in zip(codes, shares, strict=True):
        acc += share
        end = round(len(agents) * acc / sum(shares))
        group = agents[start:end] or agents
        world.agents_by_shift[code] = [Actor(a.id, a.display_name, a.role, a.team) for a in group]
        start = end
    for i, code in enumerate(codes):
        if sups:
            s = sups[i % len(sups)]
            world.supervisors_by_shift[code] = [Actor(s.id, s.display_name, s.role, s.team)]


# --- arrivals -----------------------------------------------------------------------


def arrival_times(rng: Random, start: datetime, end: datetime, n: int) -> list[datetime]:
    """``n`` moments in [start, end) following the hour-of-day load, sorted."""
    if n <= 0 or end <= start:
        return []
    segments: list[tuple[datetime, datetime]] = []
    cum: list[float] = []
    total = 0.0
    a = start
    while a < end:
        local = to_local(a)
        b = min(end, local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1))
        weight = HOURLY_LOAD[local.hour] * (WEEKEND_LOAD if local.weekday() >= 5 else 1.0)
        total += weight * (b - a).total_seconds() / 3600
        segments.append((a, b))
        cum.append(total)
        a = b
    picks = rng.choices(segments, cum_weights=cum, k=n)
    return sorted(a + (b - a) * rng.random() for a, b in picks)


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


def _place(world: _World, rng: Random, plan: _Plan, needed: bool) -> str:
    if not needed and rng.random() < 0.5:
        return ""
    ids = [d[0] for d in world.districts]
    district_id = rng.choices(ids, weights=[d[2] for d in world.districts])[0]
    town = rng.choice(world.towns[district_id])
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


# --- writing ------------------------------------------------------------------------


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
    return DemoStats(
        **{st.value: counts.get(st.value, 0) for st in Status},
        breached=breached,
        agents_added=added,
    )


# --- closing the loop (issue 8) -------------------------------------------------------


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


def _loop_steps(world: _World, rng: Random, plan: _Plan) -> None:
    """A live case of closing the loop; most go to the demo unit users' units."""
    assert plan.text is not None
    team = plan.text.class_code
    r = plan.received_at
    s = plan.scenario
    units = list(world.unit_users) or list(world.unit_names)[:2]
    u1 = units[0]
    u2 = units[1] if len(units) > 1 else units[0]
    lead = u2 if s in (ASSIST, ESCALATED) else u1
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
            EventKind.EXTENSION_REQUESTED, t, milestone="result",
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
