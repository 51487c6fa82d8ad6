"""What the outbox keeps of a case or a note, and how a replayed item is checked and
written (the repeat-call note's one writer)."""

from __future__ import annotations

import logging
import uuid as uuidlib
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import DONE_STATUSES, CaseType
from console.domain.identity import Identity
from console.domain.validation import CaseDraft, FieldError, validate_draft
from console.models import Case, OfflineReplay
from console.offline.store import NOTE
from console.services.callers import record_repeat_call
from console.services.cases import CLOSE, DISPATCH
from console.services.errors import Conflict, NotFound
from console.services.intake import IntakeExtras

log = logging.getLogger("console.sync")

#: seconds a direct save may take before the case goes to the outbox instead


def case_payload(
    draft: CaseDraft,
    who: Identity,
    action: str,
    unit_id: int | None,
    extras: IntakeExtras,
    at: datetime,
) -> dict[str, Any]:
    x = asdict(extras)
    x["co_unit_ids"] = list(extras.co_unit_ids)
    return {
        "draft": asdict(draft),
        "who": asdict(who),
        "action": action,
        "unit_id": unit_id,
        "extras": x,
        "at": at.isoformat(),
    }


CaseArgs = tuple[CaseDraft, Identity, str, int | None, IntakeExtras, datetime]


def _case_args(p: dict[str, Any]) -> CaseArgs:
    x = dict(p["extras"])
    x["co_unit_ids"] = tuple(x.get("co_unit_ids") or ())
    return (
        CaseDraft(**p["draft"]),
        Identity(**p["who"]),
        p["action"],
        p["unit_id"],
        IntakeExtras(**x),
        datetime.fromisoformat(p["at"]),
    )


def check_case(
    draft: CaseDraft, action: str, unit_id: int | None, extras: IntakeExtras
) -> list[FieldError]:
    """What ``CaseService.create`` and ``IntakeService.submit`` refuse without asking
    the database: checked before the case is queued, so the outbox holds only cases
    the agent finished."""
    errors = validate_draft(draft, closing_directly=action == CLOSE)
    if action == DISPATCH:
        if draft.case_type != CaseType.DEMAND:
            errors.append(FieldError("case_type", "dispatch_needs_demand"))
        if unit_id is None:
            errors.append(FieldError("unit_id", "required"))
        if extras.same_issue_as is not None:
            errors.append(FieldError("unit_id", "same_issue_not_dispatched"))
    return errors


def record_note(
    sessions: sessionmaker[Session],
    note_uuid: uuidlib.UUID,
    payload: dict[str, Any],
    station: str,
    *,
    require_open: bool,
) -> tuple[str, int, str]:
    """Store a repeat call's note once (``offline_replays`` is its idempotency key);
    returns the case's number, id and status."""
    who = Identity(**payload["who"])
    at = datetime.fromisoformat(payload["at"])
    with sessions() as s, s.begin():
        done = s.get(OfflineReplay, note_uuid)
        if done is not None and done.case_id is not None:
            case = s.get(Case, done.case_id)
            if case is not None:
                return case.number, case.id, case.status
        if payload.get("case_id"):
            case = s.get(Case, int(payload["case_id"]))
        else:
            case = s.scalars(
                select(Case).where(Case.uuid == uuidlib.UUID(payload["case_uuid"]))
            ).first()
        if case is None:
            raise NotFound(f"case {payload.get('number') or payload.get('case_id')}")
        if require_open and case.status in DONE_STATUSES:
            raise Conflict(f"case {case.number} is {case.status}: open a new case")
        record_repeat_call(s, case, who, station, at, payload["phone"], payload["text"])
        s.add(
            OfflineReplay(
                item_uuid=note_uuid, kind=NOTE, station=station, case_id=case.id, applied_at=at
            )
        )
        return case.number, case.id, case.status
