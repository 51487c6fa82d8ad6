"""Saving a case from the entry form with what intake adds to it, in one transaction:
the knowledge-base article an answer came from, co-handling units, the dispatch
note, and a "same issue" link to an open case."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from console.domain.casetypes import EventKind
from console.domain.identity import Identity
from console.domain.validation import CaseDraft, FieldError
from console.models import Case, CaseCoUnit, CaseEvent, HandlingUnit
from console.services.cases import CLOSE, DISPATCH, SAVE, CaseService, SavedCase
from console.services.duplicates import link_same_issue
from console.services.errors import ValidationFailed
from console.services.knowledge import record_use

DISPATCH_NOTE = "dispatch_note"


@dataclass(frozen=True)
class IntakeExtras:
    kb_article_id: int | None = None  # the answer came from this article (CLOSE)
    co_unit_ids: tuple[int, ...] = ()  # co-handling units (DISPATCH)
    dispatch_note: str = ""  # what the unit is asked to do (DISPATCH)
    same_issue_as: int | None = None  # an open case this one repeats (SAVE)


class IntakeService:
    def __init__(self, cases: CaseService, station: Callable[[], str]) -> None:
        self._cases = cases
        self._station = station

    def submit(
        self,
        draft: CaseDraft,
        who: Identity,
        *,
        action: str = SAVE,
        unit_id: int | None = None,
        case_uuid: uuidlib.UUID | None = None,
        extras: IntakeExtras | None = None,
        number: str | None = None,
        now: datetime | None = None,
    ) -> SavedCase:
        x = extras or IntakeExtras()
        if x.same_issue_as is not None and action == DISPATCH:
            # the issue is dispatched once, with the case it repeats
            raise ValidationFailed([FieldError("unit_id", "same_issue_not_dispatched")])
        station = self._station()

        def on_created(s: Session, case: Case) -> None:
            if action == CLOSE and x.kb_article_id is not None:
                record_use(s, x.kb_article_id, case.id, who.agent_id)
            if action == DISPATCH:
                _add_co_units(s, case, x.co_unit_ids)
                if x.dispatch_note.strip():
                    s.add(
                        CaseEvent(
                            case_id=case.id,
                            kind=EventKind.NOTE,
                            at=case.created_at,
                            actor_id=who.agent_id,
                            actor_name=who.display_name,
                            station=station,
                            detail={"note": DISPATCH_NOTE, "text": x.dispatch_note.strip()},
                        )
                    )
            if x.same_issue_as is not None:
                link_same_issue(s, case, x.same_issue_as, who, station)

        return self._cases.create(
            draft,
            who,
            action=action,
            unit_id=unit_id,
            case_uuid=case_uuid,
            on_created=on_created,
            number=number,
            now=now,
        )


def _add_co_units(s: Session, case: Case, unit_ids: Sequence[int]) -> None:
    for uid in dict.fromkeys(unit_ids):
        if uid == case.unit_id:
            continue
        if s.get(HandlingUnit, uid) is None:
            raise ValidationFailed([FieldError("unit_id", "unknown")])
        s.add(CaseCoUnit(case_id=case.id, unit_id=uid, created_at=case.created_at))
