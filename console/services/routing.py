"""Dispatch suggestions: which unit a demand goes to, by editable routing rules.

A rule names a matter category at any level (a level-1 class covers all its leaves)
and optionally a district. For a case, the most specific active rule wins: the deeper
category first, then a rule of the case's district over a city-wide one, then the
higher priority. A rule without a unit means "the government of the case's town, else
of its district"; a rule's co-handling units are offered ticked. Without any rule, the
local government is suggested. The applicable SLA is previewed with the suggestion, so
the agent sees both before confirming the dispatch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import CaseType, Urgency
from console.domain.clock import now_utc
from console.domain.errors import Refused
from console.domain.identity import Identity
from console.domain.reference import category_ancestors
from console.domain.validation import FieldError, text_problem
from console.domain.workcalendar import WorkCalendar
from console.models import HandlingUnit, MatterCategory, RoutingRule
from console.services.errors import NotFound, StaleWrite, ValidationFailed


@dataclass(frozen=True)
class UnitChoice:
    id: int
    name: str


@dataclass(frozen=True)
class SlaStep:
    code: str
    name: str
    limit_value: int
    limit_unit: str
    start_event: str
    due_at: datetime | None  # None: its clock starts later (e.g. when the unit accepts)


@dataclass(frozen=True)
class SlaPreview:
    policy_code: str
    policy_name: str
    steps: tuple[SlaStep, ...]


@dataclass(frozen=True)
class RoutingSuggestion:
    unit: UnitChoice | None
    co_units: tuple[UnitChoice, ...]
    note: str
    rule_id: int | None  # None: no rule matched, the local government is suggested
    sla: SlaPreview | None


@dataclass(frozen=True)
class Rule:
    id: int
    category_id: int | None
    category_path: str
    district_id: int | None
    unit_id: int | None
    co_unit_ids: tuple[int, ...]
    note: str
    priority: int
    active: bool
    version: int = 1  # what save_rule's expected_version compares with


@dataclass(frozen=True)
class RuleInput:
    category_id: int | None
    district_id: int | None
    unit_id: int | None
    co_unit_ids: tuple[int, ...] = ()
    note: str = ""
    priority: int = 0
    active: bool = True


def _ancestors(session: Session, category_id: int | None) -> dict[int, int]:
    """{category id: level} of the category and its parents, read row by row."""

    def parent_of(cid: int) -> tuple[int | None, int] | None:
        row = session.get(MatterCategory, cid)
        return None if row is None else (row.parent_id, row.level)

    return category_ancestors(category_id, parent_of)


def best_rule(
    rules: Sequence[Rule], ancestors: dict[int, int], district_id: int | None
) -> Rule | None:
    """The most specific active rule for a category (with its ancestors) and district."""
    best: tuple[int, int, int, int] | None = None
    chosen: Rule | None = None
    for r in rules:
        if not r.active:
            continue
        if r.category_id is not None and r.category_id not in ancestors:
            continue
        if r.district_id is not None and r.district_id != district_id:
            continue
        depth = ancestors.get(r.category_id, 0) if r.category_id is not None else 0
        key = (depth, 1 if r.district_id is not None else 0, r.priority, -r.id)
        if best is None or key > best:
            best, chosen = key, r
    return chosen


def local_government(
    session: Session, district_id: int | None, town_id: int | None
) -> HandlingUnit | None:
    for region_id, kind in ((town_id, "town"), (district_id, "district")):
        if region_id is None:
            continue
        unit = session.scalars(
            select(HandlingUnit)
            .where(
                HandlingUnit.region_id == region_id,
                HandlingUnit.kind == kind,
                HandlingUnit.active.is_(True),
            )
            .order_by(HandlingUnit.id)
        ).first()
        if unit is not None:
            return unit
    return None


def _rules(session: Session) -> list[Rule]:
    paths = dict(session.execute(select(MatterCategory.id, MatterCategory.path)).all())
    return [
        Rule(
            r.id,
            r.category_id,
            paths.get(r.category_id, "") if r.category_id is not None else "",
            r.district_id,
            r.unit_id,
            tuple(int(x) for x in (r.co_unit_ids or [])),
            r.note,
            r.priority,
            r.active,
            r.version or 1,
        )
        for r in session.scalars(select(RoutingRule).order_by(RoutingRule.id))
    ]


def sla_preview(
    session: Session,
    calendar: WorkCalendar,
    *,
    case_type: str,
    urgency: str,
    channel_code: str,
    class_code: str,
    at: datetime,
    sub_type: str = "",
) -> SlaPreview | None:
    """The policy a case saved and dispatched now would get, with its deadlines."""
    from console.domain.sla import choose_policy, compute_deadlines
    from console.services.reference import current_policies

    try:
        policy = choose_policy(
            current_policies(session), case_type, urgency, channel_code, class_code, sub_type
        )
    except LookupError:
        return None
    clock = {"received": at, "dispatched": at}
    deadlines = compute_deadlines(policy, clock, calendar)
    steps = tuple(
        SlaStep(m.code, m.name, m.limit_value, m.limit_unit, m.start_event, st.due_at)
        for m, st in zip(policy.milestones, deadlines.milestones, strict=True)
    )
    return SlaPreview(policy.code, policy.name, steps)


class RoutingService:
    def __init__(
        self, sessions: sessionmaker[Session], calendar: Callable[[], WorkCalendar]
    ) -> None:
        self._sessions = sessions
        self._calendar = calendar

    def suggest(
        self,
        category_id: int | None,
        district_id: int | None,
        town_id: int | None,
        *,
        case_type: str = CaseType.DEMAND,
        urgency: str = Urgency.NORMAL,
        channel_code: str = "phone_12345",
        class_code: str = "",
        at: datetime | None = None,
        sub_type: str = "",
    ) -> RoutingSuggestion:
        with self._sessions() as s:
            rule = best_rule(_rules(s), _ancestors(s, category_id), district_id)
            unit: HandlingUnit | None = None
            if rule is not None and rule.unit_id is not None:
                unit = s.get(HandlingUnit, rule.unit_id)
            if unit is None:
                unit = local_government(s, district_id, town_id)
            co: list[UnitChoice] = []
            for uid in rule.co_unit_ids if rule else ():
                u = s.get(HandlingUnit, uid)
                if u is not None and u.active and (unit is None or u.id != unit.id):
                    co.append(UnitChoice(u.id, u.name))
            preview = sla_preview(
                s,
                self._calendar(),
                case_type=case_type,
                urgency=urgency,
                channel_code=channel_code,
                class_code=class_code,
                at=at or now_utc(),
                sub_type=sub_type,
            )
            return RoutingSuggestion(
                UnitChoice(unit.id, unit.name) if unit is not None else None,
                tuple(co),
                rule.note if rule else "",
                rule.id if rule else None,
                preview,
            )

    # --- the rules (supervisors and administrators) -----------------------------------
    def rules(self) -> list[Rule]:
        with self._sessions() as s:
            return _rules(s)

    def save_rule(
        self,
        data: RuleInput,
        who: Identity,
        rule_id: int | None = None,
        expected_version: int | None = None,
    ) -> Rule:
        """Add or change a rule; with ``expected_version`` (the version the editor
        loaded) a change saved meanwhile by someone else is refused (Conflict)."""
        if not who.is_supervisor:
            raise Refused(
                "only supervisors and administrators edit routing rules", code="forbidden"
            )
        if data.category_id is None and data.district_id is None:
            raise ValidationFailed([FieldError("category_id", "required")])
        note_problem = text_problem(data.note)
        if note_problem is not None:
            raise ValidationFailed([FieldError("note", note_problem)])
        with self._sessions() as s, s.begin():
            clash = s.scalars(
                select(RoutingRule.id).where(
                    RoutingRule.category_id.is_(None)
                    if data.category_id is None
                    else RoutingRule.category_id == data.category_id,
                    RoutingRule.district_id.is_(None)
                    if data.district_id is None
                    else RoutingRule.district_id == data.district_id,
                )
            ).first()
            if clash is not None and clash != rule_id:
                raise ValidationFailed([FieldError("category_id", "duplicate")])
            if rule_id is None:
                row = RoutingRule()
                s.add(row)
            else:
                found = s.get(RoutingRule, rule_id)
                if found is None:
                    raise NotFound(f"routing rule #{rule_id}")
                if expected_version is not None and found.version != expected_version:
                    raise StaleWrite("routing_rule", f"#{rule_id}")
                row = found
            row.category_id = data.category_id
            row.district_id = data.district_id
            row.unit_id = data.unit_id
            row.co_unit_ids = [int(u) for u in data.co_unit_ids if u != data.unit_id]
            row.note = data.note.strip()
            row.priority = data.priority
            row.active = data.active
            row.updated_at = now_utc()
            s.flush()
            rid = row.id
            return next(r for r in _rules(s) if r.id == rid)
