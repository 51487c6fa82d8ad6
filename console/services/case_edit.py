"""Editing a saved case, with optimistic locking and a three-way merge on conflict.

The editor loads an :class:`EditableCase` (its fields and the version it read) and
saves :class:`CaseFields` against that version. When another workstation changed the
case since, nothing is written: :class:`EditConflict` carries the three versions of
every field (original, theirs, yours) and the proposed merge, and the user merges
(saving again against the version they now have seen) or reloads. A save that only
reached the database after a concurrent one (the version moved between the read and
the write) is refused the same way: ``cases.version`` is SQLAlchemy's version_id_col,
so the UPDATE itself carries ``WHERE version = :seen``.

The save records an ``edited`` event (detail ``changes`` {field: [old, new]}) and, when
the type, class or urgency changed, chooses the SLA policy that now applies and
recomputes the deadlines from the whole history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from console.domain.casetypes import OPEN_STATUSES, EventKind
from console.domain.clock import now_utc
from console.domain.errors import Refused
from console.domain.identity import Identity
from console.domain.merge import MergeResult, diff, three_way
from console.domain.sla import choose_policy
from console.domain.validation import (
    CaseDraft,
    FieldError,
    check_text,
    normalize_phone,
    validate_draft,
)
from console.models import Case, CaseEvent, MatterCategory, Region
from console.services.base import CaseWorkService
from console.services.errors import Conflict, NotFound, ValidationFailed
from console.services.reference import current_policies, policy_by_id
from console.services.sla import add_event, refresh_deadlines

#: fields whose change may change the SLA policy that applies
SLA_FIELDS = frozenset({"case_type", "class_code", "urgency"})


@dataclass(frozen=True)
class CaseFields:
    """The editable fields of a case, as plain values (ids, codes, text)."""

    case_type: str
    sub_type: str
    class_code: str
    category_id: int | None
    district_id: int | None
    town_id: int | None
    address: str
    caller_name: str
    caller_phone: str
    caller_anonymous: bool
    caller_confidential: bool
    enterprise_name: str
    credit_code: str
    title: str
    description: str
    urgency: str

    def values(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> CaseFields:
        return cls(**{f.name: values[f.name] for f in fields(cls)})

    @classmethod
    def of(cls, case: Case) -> CaseFields:
        return cls(**{f.name: getattr(case, f.name) for f in fields(cls)})

    def normalized(self) -> CaseFields:
        """As stored: trimmed text, a normalized phone, an upper-case credit code."""
        return replace(
            self,
            address=self.address.strip(),
            caller_name=self.caller_name.strip(),
            caller_phone=normalize_phone(self.caller_phone),
            enterprise_name=self.enterprise_name.strip(),
            credit_code=self.credit_code.strip().upper(),
            title=self.title.strip(),
            description=self.description.strip(),
        )


EDITABLE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(CaseFields))


@dataclass(frozen=True)
class EditableCase:
    id: int
    number: str
    status: str
    channel_code: str
    version: int
    fields: CaseFields
    updated_at: datetime
    #: None when this user may edit the case, else why not (a code)
    refusal: str | None = None
    #: who made the last change, for the conflict message
    last_changed_by: str = ""

    @property
    def editable(self) -> bool:
        return self.refusal is None


class EditConflict(Conflict):
    """The case changed since the user opened it: nothing was written."""

    code = "edit_conflict"

    def __init__(self, base: EditableCase, current: EditableCase, mine: CaseFields) -> None:
        self.base = base
        self.current = current
        self.mine = mine
        self.merge: MergeResult = three_way(
            base.fields.values(), current.fields.values(), mine.values()
        )
        by = f" by {current.last_changed_by}" if current.last_changed_by else ""
        super().__init__(
            f"case {current.number} was changed{by} since you opened it "
            f"(version {base.version} -> {current.version}): nothing was saved"
        )

    @property
    def theirs(self) -> CaseFields:
        return self.current.fields

    def merged(self, choices: Mapping[str, str]) -> CaseFields:
        """The user's merge: theirs where only they changed, mine where only I did, the
        chosen side where both did (see console.domain.merge)."""
        return CaseFields.from_values(self.merge.resolve(choices))


#: a caller's identity: never written into the history of a confidential caller's case
IDENTITY_FIELDS = frozenset({"caller_name", "caller_phone"})
REDACTED = "(confidential)"


def redact_identity(
    changes: Mapping[str, tuple[Any, Any]], confidential: bool
) -> dict[str, list[Any]]:
    """The ``changes`` of an ``edited`` event; a confidential caller's name and phone are
    recorded as changed, never with their values."""
    return {
        k: [REDACTED, REDACTED] if confidential and k in IDENTITY_FIELDS else [o, n]
        for k, (o, n) in changes.items()
    }


def refusal_for(case: Case, who: Identity) -> str | None:
    """Agents edit open cases they hold or nobody holds; supervisors any case. A
    confidential caller's details (shown in full by the editor) only to the agent
    holding the case."""
    if case.status == "archived":  # 归档: read-only for everyone
        return "archived"
    if who.is_supervisor:
        return None
    if case.status not in OPEN_STATUSES:
        return "not_open"
    if case.assignee_id not in (None, who.agent_id):
        return "held_by_other"
    if case.caller_confidential and case.assignee_id != who.agent_id:
        return "confidential"
    return None


def edit_refused(refusal: str, number: str) -> Refused:
    """The refusal ``refusal_for`` named, as the exception the screens show."""
    if refusal == "not_open":
        return Refused(
            "case {number} is closed: it is no longer edited", code=refusal, number=number
        )
    if refusal == "held_by_other":
        return Refused("case {number} is held by another agent", code=refusal, number=number)
    return Refused(
        "case {number} has a confidential caller: only the agent holding it edits it",
        code=refusal,
        number=number,
    )


def validate_edit(base: CaseFields, mine: CaseFields, channel_code: str) -> list[FieldError]:
    """The intake rules (console.domain.validation) over the edited case, reporting only what
    the edit broke: a case imported without a phone number stays editable, but an edit
    cannot remove a required value or introduce a bad one."""

    def problems(f: CaseFields) -> list[FieldError]:
        draft = CaseDraft(
            channel_code=channel_code,
            case_type=f.case_type,
            sub_type=f.sub_type,
            class_code=f.class_code,
            category_id=f.category_id,
            district_id=f.district_id,
            town_id=f.town_id,
            address=f.address,
            caller_name=f.caller_name,
            caller_phone=f.caller_phone,
            caller_anonymous=f.caller_anonymous,
            caller_confidential=f.caller_confidential,
            enterprise_name=f.enterprise_name,
            credit_code=f.credit_code,
            description=f.description,
            urgency=f.urgency,
        )
        out = validate_draft(draft)
        out += check_text("title", f.title)
        if not f.title.strip() and "title" not in [e.field for e in out]:
            out.append(FieldError("title", "required"))
        return out

    before = {(e.field, e.code) for e in problems(base)}
    return [e for e in problems(mine) if (e.field, e.code) not in before]


def _last_actor(s: Session, case_id: int) -> str:
    name = s.scalars(
        select(CaseEvent.actor_name)
        .where(CaseEvent.case_id == case_id)
        .order_by(CaseEvent.id.desc())
        .limit(1)
    ).first()
    return name or ""


def _editable(s: Session, case: Case, who: Identity) -> EditableCase:
    return EditableCase(
        case.id,
        case.number,
        case.status,
        case.channel_code,
        case.version,
        CaseFields.of(case),
        case.updated_at,
        refusal_for(case, who),
        _last_actor(s, case.id),
    )


class CaseEditService(CaseWorkService):
    def load(self, case_id: int, who: Identity) -> EditableCase:
        with self._sessions() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound(f"case #{case_id}")
            return _editable(s, case, who)

    def save(
        self,
        base: EditableCase,
        mine: CaseFields,
        who: Identity,
        *,
        now: datetime | None = None,
    ) -> EditableCase:
        """Save ``mine`` over ``base`` (the version the user started from). Raises
        EditConflict when the case changed since, ValidationFailed, Refused."""
        errors = validate_edit(base.fields, mine, base.channel_code)
        if errors:
            raise ValidationFailed(errors)
        new = mine.normalized()
        at = now or now_utc()
        try:
            with self._sessions() as s, s.begin():
                case = s.get(Case, base.id, with_for_update=True)
                if case is None:
                    raise NotFound(f"case #{base.id}")
                if case.version != base.version:
                    raise EditConflict(base, _editable(s, case, who), new)
                refusal = refusal_for(case, who)
                if refusal is not None:
                    raise edit_refused(refusal, case.number)
                self._check_references(s, new)
                changes = diff(CaseFields.of(case).values(), new.values())
                if not changes:
                    return _editable(s, case, who)
                confidential = case.caller_confidential or new.caller_confidential
                if confidential and not who.is_supervisor and IDENTITY_FIELDS & changes.keys():
                    raise Refused(
                        "case {number}: only a supervisor changes a confidential caller",
                        code="forbidden",
                        number=case.number,
                    )
                for name, (_old, value) in changes.items():
                    setattr(case, name, value)
                case.updated_at = at
                detail: dict[str, Any] = {
                    "changes": redact_identity(changes, confidential),
                    "from_version": base.version,
                }
                if SLA_FIELDS & changes.keys():
                    policy = self._policy_change(s, case)
                    if policy is not None:
                        detail["policy"] = policy
                s.flush()  # UPDATE … WHERE version = :seen
                add_event(s, case, EventKind.EDITED, who, self._station(), at, **detail)
                s.flush()
                if SLA_FIELDS & changes.keys():
                    refresh_deadlines(s, case, self._calendar())
                s.flush()
                return _editable(s, case, who)
        except StaleDataError:
            # another workstation's save committed between our read and our write
            current = self.load(base.id, who)
            raise EditConflict(base, current, new) from None

    @staticmethod
    def _check_references(s: Session, f: CaseFields) -> None:
        errors: list[FieldError] = []
        if f.category_id is not None and s.get(MatterCategory, f.category_id) is None:
            errors.append(FieldError("category_id", "unknown"))
        for name in ("district_id", "town_id"):
            rid = getattr(f, name)
            if rid is not None and s.get(Region, rid) is None:
                errors.append(FieldError(name, "unknown"))
        if errors:
            raise ValidationFailed(errors)

    @staticmethod
    def _policy_change(s: Session, case: Case) -> list[str] | None:
        """Type, class or urgency changed: the policy that matches now applies (its
        current version); the deadlines are then recomputed from the whole history."""
        old = policy_by_id(s, case.sla_policy_id) if case.sla_policy_id else None
        try:
            new = choose_policy(
                current_policies(s),
                case.case_type,
                case.urgency,
                case.channel_code,
                case.class_code,
                case.sub_type,
            )
        except LookupError:
            return None
        if old is not None and old.code == new.code:
            return None
        case.sla_policy_id = new.id
        return [old.code if old else "", new.code]


__all__ = [
    "EDITABLE_FIELDS",
    "CaseEditService",
    "CaseFields",
    "EditConflict",
    "EditableCase",
    "Refused",
    "edit_refused",
    "SLA_FIELDS",
    "refusal_for",
    "validate_edit",
]
