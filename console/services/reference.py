"""Reference data as plain, immutable values for forms and screens (the values are
console.domain.reference's; re-exported here)."""

from __future__ import annotations

import threading

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from console.domain.reference import Category, Choice, ReferenceData, RegionRef, UnitRef
from console.domain.shifts import ShiftDef, parse_hhmm
from console.domain.sla import Milestone, Policy, PolicyMatch
from console.models import (
    BusinessClass,
    Channel,
    HandlingUnit,
    MatterCategory,
    Region,
    ShiftDefinition,
    SlaPolicy,
)


def load_reference(session: Session) -> ReferenceData:
    channels = tuple(
        Choice(c.code, c.name, c.name_en)
        for c in session.scalars(
            select(Channel).where(Channel.active.is_(True)).order_by(Channel.sort_order)
        )
    )
    classes = tuple(
        Choice(c.code, c.name, c.name_en)
        for c in session.scalars(select(BusinessClass).order_by(BusinessClass.sort_order))
    )
    categories = tuple(
        Category(c.id, c.parent_id, c.level, c.name, c.path)
        for c in session.scalars(select(MatterCategory).order_by(MatterCategory.id))
    )
    regions = tuple(
        RegionRef(r.id, r.parent_id, r.level, r.name)
        for r in session.scalars(select(Region).order_by(Region.sort_order, Region.id))
    )
    units = tuple(
        UnitRef(u.id, u.name, u.kind, u.region_id)
        for u in session.scalars(
            select(HandlingUnit).where(HandlingUnit.active.is_(True)).order_by(HandlingUnit.id)
        )
    )
    shifts = tuple(
        ShiftDef(s.code, s.name, parse_hhmm(s.starts), parse_hhmm(s.ends))
        for s in session.scalars(select(ShiftDefinition).order_by(ShiftDefinition.sort_order))
    )
    return ReferenceData(channels, classes, categories, regions, units, shifts)


def load_shifts(session: Session) -> tuple[ShiftDef, ...]:
    return tuple(
        ShiftDef(s.code, s.name, parse_hhmm(s.starts), parse_hhmm(s.ends))
        for s in session.scalars(select(ShiftDefinition).order_by(ShiftDefinition.sort_order))
    )


def current_policy(session: Session, code: str) -> Policy:
    row = session.scalars(
        select(SlaPolicy)
        .where(SlaPolicy.code == code, SlaPolicy.current.is_(True))
        .order_by(SlaPolicy.version.desc())
    ).first()
    if row is None:
        raise LookupError(f"no current SLA policy {code!r}")
    return policy_from_row(row)


def policy_by_id(session: Session, policy_id: int) -> Policy:
    row = session.get(SlaPolicy, policy_id)
    if row is None:
        raise LookupError(f"no SLA policy #{policy_id}")
    return policy_from_row(row)


def policy_from_row(row: SlaPolicy) -> Policy:
    return Policy(
        row.id,
        row.code,
        row.version,
        row.name,
        row.workday_rule,
        tuple(
            Milestone(
                m.code,
                m.name,
                m.limit_value,
                m.limit_unit,
                m.start_event,
                m.met_by_event,
                m.warn_minutes,
                m.critical_minutes,
            )
            for m in row.milestones
        ),
        PolicyMatch(
            row.match_case_type,
            row.match_urgency,
            row.match_channel,
            row.match_class,
            row.match_sub_type,
        ),
        row.priority,
        row.work_hours,
    )


def current_policies(session: Session) -> list[Policy]:
    return [
        policy_from_row(p)
        for p in session.scalars(select(SlaPolicy).where(SlaPolicy.current.is_(True)))
    ]


class PolicyCache:
    """The current SLA policies, kept in a process (a service that creates many cases).

    A policy's version never changes once stored (an edit adds a version and moves
    ``current``), so the set of current version ids says whether the cached policies
    are still the current ones: each use costs one small indexed query instead of
    loading every policy and its milestones. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[int, ...] | None = None
        self._policies: list[Policy] = []

    def current(self, session: Session) -> list[Policy]:
        key = tuple(
            session.scalars(
                select(SlaPolicy.id).where(SlaPolicy.current.is_(True)).order_by(SlaPolicy.id)
            )
        )
        with self._lock:
            if key == self._key:
                return self._policies
        rows = session.scalars(
            select(SlaPolicy)
            .where(SlaPolicy.id.in_(key))
            .options(selectinload(SlaPolicy.milestones))
        ).all()
        policies = [policy_from_row(p) for p in rows]
        with self._lock:
            self._key, self._policies = key, policies
        return policies


class ReferenceService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def load(self) -> ReferenceData:
        with self._sessions() as s:
            return load_reference(s)
