"""Idempotent seeder of the reference data in ``resources/reference``.

Each row is looked up by its natural key (channel code, class code, category path,
region (parent, name), unit name, shift code, policy (code, version 1), agent
username). Missing rows are inserted; existing rows are never updated, because
administrators may have edited them. The caller owns the transaction: the seeder
only adds and flushes, it does not commit.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.casetypes import Role
from console.domain.sla import LIMIT_UNITS as SLA_LIMIT_UNITS
from console.infra import resources
from console.models import (
    Agent,
    BusinessClass,
    Channel,
    HandlingUnit,
    MatterCategory,
    Region,
    ShiftDefinition,
    SlaMilestone,
    SlaPolicy,
)

CHANNEL_KINDS = frozenset({"phone", "web", "media"})
REGION_KINDS = frozenset({"区", "街道", "镇"})
UNIT_KINDS = frozenset({"district", "town", "bureau", "enterprise"})
LIMIT_UNITS = frozenset(SLA_LIMIT_UNITS)
WORKDAY_RULES = frozenset({"exclusive", "inclusive"})


def reference_dir() -> Path:
    """The ``reference`` directory of the package data (``resources/reference``)."""
    return resources.reference_dir()


def _read_csv(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = tuple(reader.fieldnames or ())
        if header != columns:
            raise ValueError(f"{path.name}: expected columns {columns}, found {header}")
        return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def _check(ok: bool, path: Path, line: int, message: str) -> None:
    if not ok:
        raise ValueError(f"{path.name}:{line}: {message}")


def _hhmm(value: str) -> bool:
    parts = value.split(":")
    return (
        len(value) == 5
        and len(parts) == 2
        and all(p.isdigit() for p in parts)
        and 0 <= int(parts[0]) <= 23
        and 0 <= int(parts[1]) <= 59
    )


def _seed_channels(session: Session, data_dir: Path) -> int:
    path = data_dir / "channels.csv"
    rows = _read_csv(path, ("code", "name", "name_en", "kind", "sort_order"))
    existing = set(session.scalars(select(Channel.code)))
    added = 0
    for n, row in enumerate(rows, start=2):
        _check(row["kind"] in CHANNEL_KINDS, path, n, f"unknown kind {row['kind']!r}")
        if row["code"] in existing:
            continue
        session.add(
            Channel(
                code=row["code"],
                name=row["name"],
                name_en=row["name_en"],
                kind=row["kind"],
                sort_order=int(row["sort_order"]),
                active=True,
            )
        )
        existing.add(row["code"])
        added += 1
    return added


def _seed_business_classes(session: Session, data_dir: Path) -> int:
    path = data_dir / "business_classes.csv"
    rows = _read_csv(path, ("code", "name", "name_en", "sort_order"))
    existing = set(session.scalars(select(BusinessClass.code)))
    added = 0
    for row in rows:
        if row["code"] in existing:
            continue
        session.add(
            BusinessClass(
                code=row["code"],
                name=row["name"],
                name_en=row["name_en"],
                sort_order=int(row["sort_order"]),
            )
        )
        existing.add(row["code"])
        added += 1
    return added


def _seed_matter_categories(session: Session, data_dir: Path) -> int:
    path = data_dir / "matter-taxonomy.csv"
    rows = _read_csv(path, ("level1", "level2", "level3"))
    ids: dict[str, int] = {
        p: i for p, i in session.execute(select(MatterCategory.path, MatterCategory.id))
    }
    paths: list[tuple[str, str, str]] = []
    for n, row in enumerate(rows, start=2):
        names = (row["level1"], row["level2"], row["level3"])
        _check(all(names), path, n, "empty level")
        _check(not any("/" in x for x in names), path, n, "'/' is the path separator")
        paths.append(names)
    added = 0
    # one flush per level: parents get their ids before their children are built
    for level in (1, 2, 3):
        new: dict[str, MatterCategory] = {}
        for names in paths:
            cat_path = "/".join(names[:level])
            if cat_path in ids or cat_path in new:
                continue
            parent_id = ids["/".join(names[: level - 1])] if level > 1 else None
            new[cat_path] = MatterCategory(
                parent_id=parent_id, level=level, name=names[level - 1], path=cat_path
            )
        session.add_all(new.values())
        session.flush()
        ids.update((p, c.id) for p, c in new.items())
        added += len(new)
    return added


def _seed_regions(session: Session, data_dir: Path) -> tuple[int, dict[tuple[str, str], int]]:
    """Returns the count added and ids by (district, town), town "" for a district."""
    path = data_dir / "regions.csv"
    rows = _read_csv(path, ("district", "town", "kind"))
    by_key: dict[tuple[int | None, str], int] = {
        (parent, name): rid
        for rid, parent, name in session.execute(select(Region.id, Region.parent_id, Region.name))
    }
    ids: dict[tuple[str, str], int] = {}
    added = 0
    for n, row in enumerate(rows, start=2):
        district, town, kind = row["district"], row["town"], row["kind"]
        _check(bool(district), path, n, "empty district")
        _check(kind in REGION_KINDS, path, n, f"unknown kind {kind!r}")
        _check((kind == "区") == (town == ""), path, n, "a district row has no town")
        if town:
            _check((district, "") in ids, path, n, f"district {district!r} not declared above")
            parent_id: int | None = ids[(district, "")]
            name, level = town, 2
        else:
            parent_id, name, level = None, district, 1
        key = (parent_id, name)
        if key not in by_key:
            region = Region(
                parent_id=parent_id, level=level, name=name, kind=kind, sort_order=(n - 1) * 10
            )
            session.add(region)
            session.flush()
            by_key[key] = region.id
            added += 1
        ids[(district, town)] = by_key[key]
    return added, ids


def _seed_handling_units(
    session: Session, data_dir: Path, regions: dict[tuple[str, str], int]
) -> int:
    path = data_dir / "handling_units.csv"
    rows = _read_csv(path, ("name", "kind", "district", "town", "phone"))
    existing = set(session.scalars(select(HandlingUnit.name)))
    added = 0
    for n, row in enumerate(rows, start=2):
        kind, district, town = row["kind"], row["district"], row["town"]
        _check(bool(row["name"]), path, n, "empty name")
        _check(kind in UNIT_KINDS, path, n, f"unknown kind {kind!r}")
        _check(kind != "town" or bool(town), path, n, "a town unit needs its town")
        _check(kind != "district" or bool(district), path, n, "a district unit needs its district")
        region_id: int | None = None
        if district:
            key = (district, town)
            _check(key in regions, path, n, f"unknown region {district}/{town}")
            region_id = regions[key]
        else:
            _check(not town, path, n, "a town needs its district")
        if row["name"] in existing:
            continue
        session.add(
            HandlingUnit(
                name=row["name"],
                kind=kind,
                region_id=region_id,
                phone=row["phone"] or None,
                active=True,
            )
        )
        existing.add(row["name"])
        added += 1
    return added


def _seed_shifts(session: Session, data_dir: Path) -> int:
    path = data_dir / "shifts.csv"
    rows = _read_csv(path, ("code", "name", "starts", "ends", "sort_order"))
    existing = set(session.scalars(select(ShiftDefinition.code)))
    added = 0
    for n, row in enumerate(rows, start=2):
        _check(_hhmm(row["starts"]) and _hhmm(row["ends"]), path, n, "times are HH:MM, 00-23")
        if row["code"] in existing:
            continue
        session.add(
            ShiftDefinition(
                code=row["code"],
                name=row["name"],
                starts=row["starts"],
                ends=row["ends"],
                sort_order=int(row["sort_order"]),
            )
        )
        existing.add(row["code"])
        added += 1
    return added


def _seed_sla_policies(session: Session, data_dir: Path) -> tuple[int, int]:
    """Each policy of the file at its ``version``: added when its code is new, and put in
    force over an older version the seeder shipped itself; an administrator's saved
    version (not ``shipped``) is never replaced. Cases keep the version they have."""
    path = data_dir / "sla_policies.json"
    data: Any = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path.name}: expected a list of policies")
    known = {code for code in session.scalars(select(SlaPolicy.code))}
    current = {p.code: p for p in session.scalars(select(SlaPolicy).where(SlaPolicy.current))}
    policies = milestones = 0
    for spec in data:
        code = str(spec["code"])
        version = int(spec.get("version", 1))
        rule = str(spec.get("workday_rule", "exclusive"))
        if rule not in WORKDAY_RULES:
            raise ValueError(f"{path.name}: {code}: unknown workday_rule {rule!r}")
        now = current.get(code)
        if code in known and (now is None or not now.shipped or now.version >= version):
            continue
        if now is not None:
            now.current = False
            session.flush()
        match = spec.get("match", {})
        policy = SlaPolicy(
            code=code,
            version=version,
            name=str(spec["name"]),
            workday_rule=rule,
            current=True,
            shipped=True,
            priority=int(spec.get("priority", 0)),
            match_case_type=match.get("case_type"),
            match_urgency=match.get("urgency"),
            match_channel=match.get("channel_code"),
            match_class=match.get("class_code"),
            match_sub_type=match.get("sub_type"),
        )
        if "work_hours" in spec:
            policy.work_hours = str(spec["work_hours"])
        for seq, ms in enumerate(spec["milestones"], start=1):
            unit = str(ms["limit_unit"])
            value = int(ms["limit_value"])
            if unit not in LIMIT_UNITS or value <= 0:
                raise ValueError(f"{path.name}: {code}/{ms['code']}: bad limit {value} {unit}")
            policy.milestones.append(
                SlaMilestone(
                    seq=seq,
                    code=str(ms["code"]),
                    name=str(ms["name"]),
                    limit_value=value,
                    limit_unit=unit,
                    start_event=str(ms["start_event"]),
                    met_by_event=str(ms["met_by_event"]),
                    warn_minutes=ms.get("warn_minutes"),
                    critical_minutes=ms.get("critical_minutes"),
                )
            )
            milestones += 1
        session.add(policy)
        known.add(code)
        policies += 1
    return policies, milestones


def _seed_agents(session: Session, data_dir: Path) -> int:
    path = data_dir / "agents.csv"
    rows = _read_csv(path, ("username", "display_name", "role", "team"))
    existing = set(session.scalars(select(Agent.username)))
    roles = {r.value for r in Role}
    added = 0
    for n, row in enumerate(rows, start=2):
        _check(row["role"] in roles, path, n, f"unknown role {row['role']!r}")
        if row["username"] in existing:
            continue
        session.add(
            Agent(
                username=row["username"],
                display_name=row["display_name"],
                role=row["role"],
                team=row["team"] or None,
                active=True,
            )
        )
        existing.add(row["username"])
        added += 1
    return added


def seed_reference(
    session: Session, data_dir: Path | None = None, *, intake: bool = True
) -> dict[str, int]:
    """Insert the reference rows that are missing; return rows inserted per table.

    Safe to run on every start: a second run inserts nothing and leaves edited rows
    alone. Flushes but does not commit.
    """
    d = data_dir if data_dir is not None else reference_dir()
    counts: dict[str, int] = {}
    counts[Channel.__tablename__] = _seed_channels(session, d)
    counts[BusinessClass.__tablename__] = _seed_business_classes(session, d)
    counts[MatterCategory.__tablename__] = _seed_matter_categories(session, d)
    counts[Region.__tablename__], regions = _seed_regions(session, d)
    counts[HandlingUnit.__tablename__] = _seed_handling_units(session, d, regions)
    counts[ShiftDefinition.__tablename__] = _seed_shifts(session, d)
    policies, milestones = _seed_sla_policies(session, d)
    counts[SlaPolicy.__tablename__] = policies
    counts[SlaMilestone.__tablename__] = milestones
    counts[Agent.__tablename__] = _seed_agents(session, d)
    session.flush()
    if not intake:  # the knowledge base needs jieba (a second): seeded later, then
        return counts
    from console.seed.intake import seed_intake  # knowledge base, routing rules

    counts.update(seed_intake(session, d))
    session.flush()
    return counts
