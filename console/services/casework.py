"""Helpers the services of a case's lifecycle share: locking a case against the version
the caller saw, its events, unit names, the callback row, the bounce rule."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.domain import lifecycle as L
from console.domain.casetypes import EventKind
from console.domain.identity import Identity
from console.models import (
    Case,
    CaseCallback,
    CaseCoUnit,
    CaseEvent,
    HandlingUnit,
    SupervisionNotice,
)
from console.services.errors import Conflict, NotFound
from console.services.sla import add_event

E = EventKind


# --- helpers shared by the services of the loop -------------------------------------
def lock_case(session: Session, case_id: int, expected_version: int | None) -> Case:
    case = session.get(Case, case_id, with_for_update=True)
    if case is None:
        raise NotFound(f"case #{case_id}")
    if expected_version is not None and case.version != expected_version:
        raise Conflict(f"case {case.number} was changed by someone else")
    return case


def case_id_of(session: Session, number: str) -> int:
    cid = session.execute(select(Case.id).where(Case.number == number.strip())).scalar()
    if cid is None:
        raise NotFound(f"no case {number}")
    return int(cid)


def case_events(session: Session, case_id: int) -> list[tuple[str, datetime, dict[str, Any]]]:
    rows = session.execute(
        select(CaseEvent.kind, CaseEvent.at, CaseEvent.detail)
        .where(CaseEvent.case_id == case_id)
        .order_by(CaseEvent.id)
    ).all()
    return [(k, a, dict(d or {})) for k, a, d in rows]


def unit_name(session: Session, unit_id: int | None) -> str:
    if unit_id is None:
        return ""
    name = session.execute(select(HandlingUnit.name).where(HandlingUnit.id == unit_id)).scalar()
    return str(name) if name else f"#{unit_id}"


def unit_id_by_name(session: Session, name: str) -> int:
    """A unit by its (Chinese) name, or by ``#id``."""
    text = name.strip()
    if text.startswith("#") and text[1:].isdigit():
        if session.get(HandlingUnit, int(text[1:])) is not None:
            return int(text[1:])
    uid = session.execute(select(HandlingUnit.id).where(HandlingUnit.name == text)).scalar()
    if uid is None:
        raise NotFound(f"no handling unit named {text}")
    return int(uid)


def co_units_of(session: Session, case_id: int) -> list[int]:
    return list(session.scalars(select(CaseCoUnit.unit_id).where(CaseCoUnit.case_id == case_id)))


def touch(case: Case, at: datetime) -> None:
    """Every step rewrites the case row: its version moves (optimistic checks) and the
    change feed's triggers tell the other consoles."""
    case.updated_at = at


def open_callback(session: Session, case: Case, closed_at: datetime) -> None:
    """A closed demand is due its callback (one row per case, reset on each round)."""
    rnd = L.round_of(case_events(session, case.id))
    due = L.callback_due_at(closed_at)
    row = session.get(CaseCallback, case.id)
    if row is None:
        session.add(CaseCallback(case_id=case.id, round=rnd, closed_at=closed_at, due_at=due,
                                 next_try_at=closed_at, attempts=0))  # fmt: skip
    else:
        row.round, row.closed_at, row.due_at, row.next_try_at = rnd, closed_at, due, closed_at
        row.attempts, row.last_attempt_at, row.done_at, row.outcome = 0, None, None, None


def callback_row(session: Session, case: Case) -> CaseCallback:
    cb = session.get(CaseCallback, case.id)
    if cb is None:  # closed by an earlier console or an import
        open_callback(session, case, case.closed_at or case.updated_at)
        session.flush()
        cb = session.get(CaseCallback, case.id)
        assert cb is not None
    return cb


def notice(session: Session, case: Case, unit_id: int | None, kind: str, level: int,
            text: str, who: Identity | None, at: datetime) -> None:  # fmt: skip
    session.add(SupervisionNotice(case_id=case.id, unit_id=unit_id, kind=kind, level=level,
                                  text=text, created_at=at,
                                  created_by_id=who.agent_id if who else None,
                                  created_by_name=who.display_name if who else "SLA"))  # fmt: skip


def escalate_if_bounced(
    session: Session, case: Case, who: Identity | None, station: str, at: datetime
) -> bool:
    """More than ``BOUNCE_LIMIT`` returns and no open escalation of this case yet → an
    ``escalated`` event and a notice to the supervisors."""
    returns = L.returns_count(case_events(session, case.id))
    if not L.should_escalate_bounce(returns):
        return False
    open_one = session.execute(
        select(SupervisionNotice.id).where(
            SupervisionNotice.case_id == case.id,
            SupervisionNotice.kind == E.ESCALATED,
            SupervisionNotice.resolved_at.is_(None),
        )
    ).first()
    if open_one is not None:
        return False
    text = f"returned {returns} times"
    add_event(session, case, E.ESCALATED, who, station, at, reason="bounced", returns=returns,
              text=text)  # fmt: skip
    notice(session, case, None, E.ESCALATED, 1, text, who, at)
    return True
