"""Creating cases and moving them along their lifecycle."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain.casetypes import CaseType, EventKind, Status
from console.domain.clock import local_date, now_utc
from console.domain.identity import Identity
from console.domain.sla import choose_policy
from console.domain.validation import CaseDraft, FieldError, normalize_phone, validate_draft
from console.models import Case, CaseEvent, HandlingUnit
from console.services.base import CaseWorkService
from console.services.errors import NotFound, ValidationFailed
from console.services.numbers import claim_case_number, next_case_number
from console.services.reference import current_policies
from console.services.sla import add_event, refresh_deadlines

SAVE = "save"
CLOSE = "close"  # 直接答复办结: a consultation answered on the call
DISPATCH = "dispatch"  # 派单 to a handling unit
ACTIONS = (SAVE, CLOSE, DISPATCH)


@dataclass(frozen=True)
class SavedCase:
    id: int
    uuid: uuidlib.UUID
    number: str
    status: str
    policy_code: str | None
    next_milestone: str | None
    next_due_at: datetime | None
    created: bool  # False when this uuid had been saved before (idempotent replay)
    # True when saved on this workstation only, waiting in the offline outbox
    queued: bool = False


@dataclass(frozen=True)
class CaseEventView:
    kind: str
    at: datetime
    actor_name: str
    detail: dict[str, Any]


def _saved(case: Case, policy_code: str | None, created: bool) -> SavedCase:
    return SavedCase(
        case.id,
        case.uuid,
        case.number,
        case.status,
        policy_code,
        case.next_milestone,
        case.next_due_at,
        created,
    )


class CaseService(CaseWorkService):
    def create(
        self,
        draft: CaseDraft,
        who: Identity,
        *,
        action: str = SAVE,
        unit_id: int | None = None,
        case_uuid: uuidlib.UUID | None = None,
        now: datetime | None = None,
        on_created: Callable[[Session, Case], None] | None = None,
        number: str | None = None,
    ) -> SavedCase:
        """``on_created(session, case)`` runs inside the same transaction once the case
        and its action's events exist (intake: links, co-units, knowledge-base use).
        ``number``: a number this workstation issued itself (console.offline); it is
        stored as is and the central counter moves past it (``NumberTaken`` if used)."""
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        errors = validate_draft(draft, closing_directly=action == CLOSE)
        if action == DISPATCH:
            if draft.case_type != CaseType.DEMAND:
                errors.append(FieldError("case_type", "dispatch_needs_demand"))
            if unit_id is None:
                errors.append(FieldError("unit_id", "required"))
        if errors:
            raise ValidationFailed(errors)
        at = now or now_utc()
        station = self._station()
        calendar = self._calendar()
        with self._sessions() as s, s.begin():
            if case_uuid is not None:
                existing = s.scalars(select(Case).where(Case.uuid == case_uuid)).first()
                if existing is not None:
                    return _saved(existing, None, created=False)
            if unit_id is not None and s.get(HandlingUnit, unit_id) is None:
                raise ValidationFailed([FieldError("unit_id", "unknown")])
            policy = choose_policy(
                current_policies(s),
                draft.case_type,
                draft.urgency,
                draft.channel_code,
                draft.class_code,
                draft.sub_type,
            )
            case = Case(
                uuid=case_uuid or uuidlib.uuid4(),
                number=(
                    claim_case_number(s, number, station)
                    if number is not None
                    else next_case_number(s, station, local_date(at))
                ),
                station=station,
                channel_code=draft.channel_code,
                case_type=draft.case_type,
                sub_type=draft.sub_type,
                class_code=draft.class_code,
                category_id=draft.category_id,
                district_id=draft.district_id,
                town_id=draft.town_id,
                address=draft.address.strip(),
                caller_name=draft.caller_name.strip(),
                caller_phone=normalize_phone(draft.caller_phone),
                caller_anonymous=draft.caller_anonymous,
                caller_confidential=draft.caller_confidential,
                enterprise_name=draft.enterprise_name.strip(),
                credit_code=draft.credit_code.strip().upper(),
                title=draft.description.strip().splitlines()[0][:60],
                description=draft.description.strip(),
                urgency=draft.urgency,
                status=Status.RECEIVED,
                created_by_id=who.agent_id,
                assignee_id=who.agent_id,
                sla_policy_id=policy.id,
                received_at=at,
                created_at=at,
                updated_at=at,
            )
            s.add(case)
            s.flush()
            add_event(s, case, EventKind.CREATED, who, station, at, number=case.number)
            s.flush()
            if action in (CLOSE, DISPATCH):  # the lifecycle's triage, in the same unit of work
                from console.services.lifecycle import Params, apply

                step = "answer_close" if action == CLOSE else "dispatch"
                apply(s, case, step, who, station, at, calendar,
                      Params(text=draft.answer, unit_id=unit_id))  # fmt: skip
            s.flush()
            if on_created is not None:
                on_created(s, case)
                s.flush()
            refresh_deadlines(s, case, calendar)
            return _saved(case, policy.code, created=True)

    def history(self, case_id: int) -> list[CaseEventView]:
        with self._sessions() as s:
            if s.get(Case, case_id) is None:
                raise NotFound(f"case #{case_id}")
            return [
                CaseEventView(e.kind, e.at, e.actor_name, dict(e.detail))
                for e in s.scalars(
                    select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
                )
            ]
