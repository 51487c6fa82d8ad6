"""Creating cases and moving them along their lifecycle."""

from __future__ import annotations

import contextlib
import uuid as uuidlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from console.domain.casetypes import CaseType, EventKind, Status
from console.domain.clock import local_date, now_utc
from console.domain.identity import Identity
from console.domain.sla import (
    CaseDeadlines,
    choose_policy,
    compute_deadlines,
    history_from_events,
)
from console.domain.validation import CaseDraft, FieldError, normalize_phone, validate_draft
from console.models import Case, CaseCoUnit, CaseEvent, HandlingUnit
from console.models.base import table_of
from console.services.base import CaseWorkService
from console.services.errors import NotFound, ValidationFailed
from console.services.numbers import claim_case_number, next_case_number, next_case_numbers
from console.services.reference import PolicyCache, current_policies
from console.services.sla import (
    add_event,
    deadline_fields,
    refresh_deadlines,
    store_deadlines,
)

#: the tables the batch writes with Core statements
_CASES = table_of(Case)
_EVENTS = table_of(CaseEvent)
_CO_UNITS = table_of(CaseCoUnit)

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


@dataclass(frozen=True)
class NewCase:
    """One case of :meth:`CaseService.create_many`: saved (``SAVE``) or dispatched at
    once (``DISPATCH`` to ``unit_id``, with co-handling units), with ``notes`` (the
    details of NOTE events) after the action's events."""

    draft: CaseDraft
    who: Identity
    action: str = SAVE
    unit_id: int | None = None
    co_unit_ids: tuple[int, ...] = ()
    title: str | None = None  # default: the description's first line
    held: bool = True  # held by its creator (False: nobody's, in the centre's queue)
    notes: tuple[dict[str, Any], ...] = field(default=())
    #: saved for the centre to classify (a pushed order): a demand may lack its
    #: category and district (console.domain.validation.validate_draft)
    to_triage: bool = False


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
        to_triage: bool = False,
    ) -> SavedCase:
        """``on_created(session, case)`` runs inside the same transaction once the case
        and its action's events exist (intake: links, co-units, knowledge-base use).
        ``number``: a number this workstation issued itself (console.offline); it is
        stored as is and the central counter moves past it (``NumberTaken`` if used)."""
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        errors = validate_draft(
            draft, closing_directly=action == CLOSE, to_triage=to_triage and action == SAVE
        )
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

    def create_many(
        self,
        items: Sequence[NewCase],
        *,
        policies: PolicyCache | None = None,
        unit_names: Mapping[int, str] | None = None,
        on_created: Callable[[Session, list[tuple[int, int, str]]], None] | None = None,
        session: Session | None = None,
    ) -> list[SavedCase]:
        """Many new cases in one transaction, with the statements of one case: each gets
        what :meth:`create` gives it (the form's validation, a number, the policy, the
        lifecycle's decision for its triage, the SLA engine's deadlines), written with one
        multi-row statement per table instead of one per row and event. All or nothing:
        an invalid draft, an unknown unit or an error of ``on_created(session, [(index,
        case id, number)])`` (run in the same transaction) rolls every case back.
        ``unit_names``: the caller's copy of the units' names (no query for them);
        ``session``: the caller's transaction to work in (default: one of its own)."""
        from console.services.lifecycle import Params, decide_new, dispatch_detail

        if not items:
            return []
        for it in items:
            if it.action not in (SAVE, DISPATCH):
                raise ValueError(f"create_many does not {it.action!r}")
            errors = validate_draft(it.draft, to_triage=it.to_triage and it.action == SAVE)
            if it.action == DISPATCH:
                if it.draft.case_type != CaseType.DEMAND:
                    errors.append(FieldError("case_type", "dispatch_needs_demand"))
                if it.unit_id is None:
                    errors.append(FieldError("unit_id", "required"))
            if errors:
                raise ValidationFailed(errors)
        at = now_utc()
        station = self._station()
        calendar = self._calendar()
        with contextlib.ExitStack() as stack:
            if session is None:
                s = stack.enter_context(self._sessions())
                stack.enter_context(s.begin())
            else:
                s = session
            current = policies.current(s) if policies is not None else current_policies(s)
            unit_ids = {it.unit_id for it in items if it.unit_id is not None}
            names: dict[int, str] = {}
            if unit_names is not None and unit_ids <= unit_names.keys():
                names = {u: unit_names[u] for u in unit_ids}  # the caller's fresh copy
            elif unit_ids:
                names = {
                    int(i): str(n)
                    for i, n in s.execute(
                        select(HandlingUnit.id, HandlingUnit.name).where(
                            HandlingUnit.id.in_(unit_ids)
                        )
                    )
                }
                if unit_ids - names.keys():
                    raise ValidationFailed([FieldError("unit_id", "unknown")])
            numbers = next_case_numbers(s, station, local_date(at), len(items))
            rows: list[dict[str, Any]] = []
            plans: list[tuple[str, list[tuple[str, dict[str, Any]]], Any, Any]] = []
            for it, number in zip(items, numbers, strict=True):
                d = it.draft
                policy = choose_policy(
                    current, d.case_type, d.urgency, d.channel_code, d.class_code, d.sub_type
                )
                events: list[tuple[str, dict[str, Any]]] = [(EventKind.CREATED, {"number": number})]
                status: str = Status.RECEIVED
                if it.action == DISPATCH:
                    assert it.unit_id is not None
                    text = d.answer.strip()
                    decision = decide_new(
                        DISPATCH, it.who, d.case_type, d.sub_type,
                        Params(text=d.answer, unit_id=it.unit_id),
                    )  # fmt: skip
                    detail = dispatch_detail(it.unit_id, names[it.unit_id], (), text)
                    events.append((decision.rule.events[0], detail))
                    status = decision.to
                events += [(EventKind.NOTE, dict(n)) for n in it.notes]
                deadlines = compute_deadlines(
                    policy, history_from_events((k, at, dd) for k, dd in events), calendar
                )
                rows.append(
                    {
                        "uuid": uuidlib.uuid4(),
                        "number": number,
                        "station": station,
                        "channel_code": d.channel_code,
                        "case_type": d.case_type,
                        "sub_type": d.sub_type,
                        "class_code": d.class_code,
                        "category_id": d.category_id,
                        "district_id": d.district_id,
                        "town_id": d.town_id,
                        "address": d.address.strip(),
                        "caller_name": d.caller_name.strip(),
                        "caller_phone": normalize_phone(d.caller_phone),
                        "caller_anonymous": d.caller_anonymous,
                        "caller_confidential": d.caller_confidential,
                        "enterprise_name": d.enterprise_name.strip(),
                        "credit_code": d.credit_code.strip().upper(),
                        "title": it.title
                        if it.title is not None
                        else d.description.strip().splitlines()[0][:60],
                        "description": d.description.strip(),
                        "urgency": d.urgency,
                        # written once, where the lifecycle's decision above takes it (a
                        # database guard allows a new case only where one step of the
                        # lifecycle's table takes a received case)
                        "status": status,
                        "unit_id": it.unit_id if status != Status.RECEIVED else None,
                        "dispatched_at": at if status != Status.RECEIVED else None,
                        "created_by_id": it.who.agent_id,
                        "assignee_id": it.who.agent_id if it.held else None,
                        "sla_policy_id": policy.id,
                        "received_at": at,
                        "created_at": at,
                        "updated_at": at,
                        "version": 1 if status == Status.RECEIVED else 2,  # one per change
                        **deadline_fields(deadlines, status),
                    }
                )
                plans.append((status, events, deadlines, policy))
            # Core statements on the tables (not the ORM's bulk insert, which walks every
            # row's attributes again): one multi-row INSERT per table with RETURNING
            # ("insertmanyvalues"), where a plain executemany would send one per row
            ids = [
                int(i)
                for i in s.execute(
                    insert(_CASES).returning(_CASES.c.id, sort_by_parameter_order=True), rows
                ).scalars()
            ]
            event_rows: list[dict[str, Any]] = []
            stored: list[tuple[int, CaseDeadlines]] = []
            co_rows: list[dict[str, Any]] = []
            for it, case_id, (_s, events, deadlines, _p) in zip(items, ids, plans, strict=True):
                event_rows += [
                    {
                        "case_id": case_id,
                        "kind": kind,
                        "at": at,
                        "actor_id": it.who.agent_id,
                        "actor_name": it.who.display_name,
                        "station": station,
                        "detail": detail,
                    }
                    for kind, detail in events
                ]
                stored.append((case_id, deadlines))
                if it.action == DISPATCH:
                    co_rows += [
                        {"case_id": case_id, "unit_id": u, "created_at": at}
                        for u in dict.fromkeys(it.co_unit_ids)
                        if u != it.unit_id
                    ]
            s.execute(insert(_EVENTS).returning(_EVENTS.c.id), event_rows).all()
            store_deadlines(s, stored)  # on PostgreSQL through the database's own function
            if co_rows:
                s.execute(insert(_CO_UNITS).returning(_CO_UNITS.c.case_id), co_rows).all()
            if on_created is not None:
                on_created(s, [(k, ids[k], numbers[k]) for k in range(len(items))])
            return [
                SavedCase(
                    case_id,
                    row["uuid"],
                    row["number"],
                    status,
                    policy.code,
                    row["next_milestone"],
                    row["next_due_at"],
                    created=True,
                )
                for case_id, row, (status, _e, _d, policy) in zip(ids, rows, plans, strict=True)
            ]

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
