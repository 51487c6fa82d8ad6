"""A work order pushed by a platform, as plain values: the order, the result of a push,
and the case draft it becomes under the form's own rules (categories, districts and
routing read from a cache, so that a push needs no reference query)."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import SUBTYPES_BY_TYPE, CaseType, SubType, Urgency
from console.domain.clock import CITY_TZ, now_utc
from console.domain.reference import category_ancestors
from console.domain.validation import CaseDraft, FieldError, check_text, validate_draft
from console.domain.workcalendar import WorkCalendar
from console.models import HandlingUnit, MatterCategory, Region
from console.services.importer import CLASS_OF_LEVEL1, DEFAULT_CLASS
from console.services.routing import RoutingService, Rule, best_rule

CHANNEL = "province_platform"
#: how far in the future a platform's clock may be
CLOCK_SKEW = timedelta(minutes=5)
#: the API's field names for the draft's fields
FIELD_NAMES = {"category_id": "category", "district_id": "district", "urgency": "urgent"}


@dataclass(frozen=True)
class PushedOrder:
    external_id: str
    title: str
    description: str
    caller_name: str
    caller_phone: str
    received_at: datetime
    category: str | None = None
    district: str | None = None
    address: str = ""
    sub_type: str | None = None
    urgent: bool = False
    anonymous: bool = False
    confidential: bool = False


class ReferenceCache:
    """Categories, districts, routing rules and local governments, read once a minute: a
    push then needs no reference query (the service is otherwise stateless; an edited
    rule applies within ``ttl`` seconds)."""

    def __init__(self, sessions: sessionmaker[Session], ttl: float = 60.0) -> None:
        self._sessions = sessions
        self._ttl = ttl
        self._lock = threading.Lock()
        self._loaded = -1e9
        self.by_path: dict[str, tuple[int, str]] = {}
        self.by_name: dict[str, tuple[int, str] | None] = {}  # None: ambiguous
        self.parents: dict[int, tuple[int | None, int]] = {}
        self.districts: dict[str, int] = {}
        self.rules: list[Rule] = []
        self.local_units: dict[tuple[int, str], tuple[int, str]] = {}
        self.unit_names: dict[int, str] = {}  # active units
        self.all_unit_names: dict[int, str] = {}

    def fresh(self) -> ReferenceCache:
        with self._lock:
            if time.monotonic() - self._loaded > self._ttl:
                self._load()
                self._loaded = time.monotonic()
        return self

    def _load(self) -> None:
        with self._sessions() as s:
            by_path: dict[str, tuple[int, str]] = {}
            by_name: dict[str, tuple[int, str] | None] = {}
            best_level: dict[str, int] = {}
            parents: dict[int, tuple[int | None, int]] = {}
            for cid, parent, level, name, path in s.execute(
                select(
                    MatterCategory.id,
                    MatterCategory.parent_id,
                    MatterCategory.level,
                    MatterCategory.name,
                    MatterCategory.path,
                )
            ):
                by_path[path] = (cid, path)
                parents[cid] = (parent, level)
                if name not in best_level or level > best_level[name]:
                    best_level[name] = level
                    by_name[name] = (cid, path)
                elif level == best_level[name]:
                    by_name[name] = None  # two leaves of that name: say which
            self.by_path, self.by_name, self.parents = by_path, by_name, parents
            self.districts = {
                n: i for i, n in s.execute(select(Region.id, Region.name).where(Region.level == 1))
            }
            units: dict[tuple[int, str], tuple[int, str]] = {}
            names: dict[int, str] = {}
            all_names: dict[int, str] = {}
            for uid, name, region, kind, active in s.execute(
                select(
                    HandlingUnit.id,
                    HandlingUnit.name,
                    HandlingUnit.region_id,
                    HandlingUnit.kind,
                    HandlingUnit.active,
                ).order_by(HandlingUnit.id)
            ):
                all_names[uid] = name
                if active:
                    names[uid] = name
                    if region is not None:
                        units.setdefault((region, kind), (uid, name))
            self.local_units, self.unit_names, self.all_unit_names = units, names, all_names
        self.rules = RoutingService(self._sessions, WorkCalendar).rules()

    def category(self, text: str) -> tuple[int, str] | None:
        key = text.strip()
        return self.by_path.get(key) or self.by_name.get(key)

    def ancestors(self, category_id: int | None) -> dict[int, int]:
        return category_ancestors(category_id, self.parents.get)

    def route(
        self, category_id: int | None, district_id: int | None
    ) -> tuple[int | None, tuple[int, ...], str]:
        """The routing service's choice (console.services.routing.best_rule, then the
        district's local government), without its SLA preview."""
        rule = best_rule(self.rules, self.ancestors(category_id), district_id)
        unit: int | None = None
        if rule is not None and rule.unit_id in self.unit_names:
            unit = rule.unit_id
        if unit is None and district_id is not None:
            found = self.local_units.get((district_id, "district"))
            unit = found[0] if found else None
        if unit is None:
            return None, (), ""
        co = tuple(
            u for u in (rule.co_unit_ids if rule else ()) if u in self.unit_names and u != unit
        )
        return unit, co, rule.note if rule else ""

    def dispatch_to(self, draft: CaseDraft) -> tuple[int | None, tuple[int, ...], str]:
        """Where a pushed order goes: a demand with its matter category and district to
        the unit :meth:`route` chooses; a consultation, or a demand the centre must still
        classify, stays received for the centre's triage (no unit)."""
        if (
            draft.case_type != CaseType.DEMAND
            or draft.category_id is None
            or draft.district_id is None
        ):
            return None, (), ""
        return self.route(draft.category_id, draft.district_id)


@dataclass(frozen=True)
class PushResult:
    number: str
    created: bool
    status: str


def _field(name: str) -> str:
    return FIELD_NAMES.get(name, name)


def build_draft(ref: ReferenceCache, o: PushedOrder) -> tuple[CaseDraft, list[FieldError]]:
    """The case draft of a pushed order and the problems found, with the form's rules."""
    errors: list[FieldError] = []
    sub = o.sub_type or SubType.HELP
    ctype = next((t for t, subs in SUBTYPES_BY_TYPE.items() if sub in subs), None)
    if ctype is None:
        errors.append(FieldError("sub_type", "unknown"))
        ctype = CaseType.DEMAND
    category_id: int | None = None
    class_code = DEFAULT_CLASS
    if o.category:
        cat = ref.category(o.category)
        if cat is None:
            errors.append(FieldError("category", "unknown"))
        else:
            category_id = cat[0]
            class_code = CLASS_OF_LEVEL1.get(cat[1].split("/")[0], DEFAULT_CLASS)
    district_id: int | None = None
    if o.district:
        district_id = ref.districts.get(o.district.strip())
        if district_id is None:
            errors.append(FieldError("district", "unknown"))
    draft = CaseDraft(
        channel_code=CHANNEL,
        case_type=ctype,
        sub_type=sub,
        class_code=class_code,
        category_id=category_id,
        district_id=district_id,
        address=o.address,
        caller_name=o.caller_name,
        caller_phone=o.caller_phone,
        caller_anonymous=o.anonymous,
        caller_confidential=o.confidential,
        description=o.description,
        urgency=Urgency.URGENT if o.urgent else Urgency.NORMAL,
    )
    known = {e.field for e in errors}
    # a demand without its category or district is taken for the centre to classify
    for e in validate_draft(draft, to_triage=True):
        name = _field(e.field)
        if name not in known:
            errors.append(FieldError(name, e.code, e.params))
            known.add(name)
    errors += check_text("title", o.title)
    if not o.title.strip():
        errors.append(FieldError("title", "required"))
    if o.received_at > now_utc() + CLOCK_SKEW:
        errors.append(FieldError("received_at", "in_future"))
    return draft, errors


def aware(dt: datetime) -> datetime:
    """A time without a zone is the city's local time."""
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=CITY_TZ)


def order_from_mapping(m: Mapping[str, Any]) -> PushedOrder:
    return PushedOrder(**{k: v for k, v in m.items() if k in PushedOrder.__dataclass_fields__})
