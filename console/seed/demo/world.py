"""The demo agents, the world the generator draws from, and the arrivals."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from random import Random

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.casetypes import CaseType, Role
from console.domain.clock import to_local
from console.domain.shifts import ShiftDef, shift_at
from console.domain.sla import Policy
from console.models import Agent, Channel, HandlingUnit, MatterCategory, Region
from console.seed.demo.constants import (
    CHANNEL_SHARE,
    DEMO_AGENTS_FILE,
    DEMO_TEXTS_FILE,
    DISTRICT_WEIGHT,
    HOURLY_LOAD,
    SHIFT_SHARE,
    WEEKEND_LOAD,
)
from console.seed.demo.texts import DemoText, DemoTexts
from console.seed.reference import reference_dir
from console.services.reference import current_policy, load_shifts

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
    added += _seed_unit_users(session, existing)
    return added


def _seed_unit_users(session: Session, existing: set[str]) -> int:
    """A demo user for every active handling unit that has none (``unitNN``, after the
    ones of demo_agents.csv), so that each unit's inbox can be tried as the unit."""
    covered = set(
        session.scalars(
            select(Agent.unit_id).where(Agent.role == Role.UNIT, Agent.unit_id.is_not(None))
        )
    )
    units = session.scalars(
        select(HandlingUnit).where(HandlingUnit.active.is_(True)).order_by(HandlingUnit.id)
    )
    n = 0
    added = 0
    for u in units:
        if u.id in covered:
            continue
        while True:
            n += 1
            username = f"unit{n:02d}"
            if username not in existing:
                break
        session.add(
            Agent(
                username=username,
                display_name=f"{u.name}承办员",
                role=Role.UNIT,
                unit_id=u.id,
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
