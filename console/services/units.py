"""Handling units' work: the unit inbox, the units' steps (lead and assisting),
the centre's review of a result, returns and re-dispatch, extension requests and the
centre's decisions.

What each step may do is decided by the lifecycle (console.domain.lifecycle) and done
by console.services.lifecycle.apply, in one unit of work per call; the event details
are listed there.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, Select, and_, bindparam, func, literal, or_, select
from sqlalchemy.orm import Session

from console.domain import lifecycle
from console.domain.casetypes import EventKind, Role, Status
from console.domain.clock import now_utc
from console.domain.errors import Refused
from console.domain.identity import Identity
from console.models import (
    Case,
    CaseAssistState,
    CaseCoUnit,
    CaseDeadline,
    CaseEvent,
    HandlingUnit,
    SupervisionNotice,
)
from console.services.base import CaseWorkService
from console.services.casework import (
    case_events,
    escalate_if_bounced,
    lock_case,
    open_callback,
    touch,
    unit_name,
)
from console.services.errors import NotFound
from console.services.lifecycle import Params, apply

__all__ = [
    "InboxRow", "MilestoneDue", "Notice", "Refused", "StepResult", "UnitCase", "UnitRef",
    "UnitService", "case_events", "escalate_if_bounced", "lock_case", "open_callback", "touch",
    "unit_name",
]  # fmt: skip


@dataclass(frozen=True)
class UnitRef:
    id: int
    name: str


@dataclass(frozen=True)
class InboxRow:
    case_id: int
    number: str
    version: int
    title: str
    status: str
    urgency: str
    unit_role: str  # lead | assist
    assist_state: str | None  # an assisting unit's own state
    address: str
    received_at: datetime
    next_milestone: str | None
    next_due_at: datetime | None
    next_warn_at: datetime | None
    next_critical_at: datetime | None
    next_limit_unit: str | None
    sla_paused: bool
    notices: int  # open reminders / supervision orders to this unit on the case


@dataclass(frozen=True)
class Notice:
    id: int
    case_id: int
    number: str
    unit_id: int | None
    unit: str
    kind: str  # reminded | supervised | escalated
    level: int
    text: str
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class MilestoneDue:
    code: str
    due_at: datetime | None
    original_due_at: datetime | None
    met: bool


@dataclass(frozen=True)
class UnitCase:
    """What the unit's action panel needs about one case."""

    case_id: int
    number: str
    version: int
    status: str
    unit_id: int | None
    unit: str
    co_units: tuple[UnitRef, ...]
    assist_states: dict[int, str]
    milestones: tuple[MilestoneDue, ...]
    pending_extensions: tuple[lifecycle.PendingExtension, ...]
    round: int
    returns: int
    last_reply: str

    def role_of(self, unit_id: int) -> str | None:
        if unit_id == self.unit_id:
            return lifecycle.LEAD
        if any(u.id == unit_id for u in self.co_units):
            return lifecycle.ASSIST
        return None

    def allowed_steps(self, unit_id: int) -> tuple[str, ...]:
        role = self.role_of(unit_id)
        if role == lifecycle.LEAD:
            return lifecycle.allowed_lead_steps(self.status)
        if role == lifecycle.ASSIST:
            state = self.assist_states.get(unit_id, lifecycle.ASSIST_DISPATCHED)
            return lifecycle.allowed_assist_steps(self.status, state)
        return ()


@dataclass(frozen=True)
class StepResult:
    case_id: int
    number: str
    status: str
    version: int
    escalated: bool = False


@functools.cache
def _inbox_statements() -> tuple[Select[Any], Select[Any]]:
    """The inbox's two statements (lead, assist), built once, for ``unit_id`` and
    ``limit`` parameters: those it leads while they are with the units, and those it
    assists until it replied, each by time left. The open reminders and supervision
    orders to the unit are counted in the same statement (an indexed lookup per row)."""
    unit_id = bindparam("unit_id", type_=Integer)
    limit = bindparam("limit", type_=Integer)
    with_units = sorted(lifecycle.WITH_UNITS)
    notices = (
        select(func.count())
        .where(
            SupervisionNotice.case_id == Case.id,
            SupervisionNotice.unit_id == unit_id,
            SupervisionNotice.resolved_at.is_(None),
        )
        .correlate(Case)
        .scalar_subquery()
        .label("notices")
    )
    columns = (
        Case.id, Case.number, Case.version, Case.title, Case.status, Case.urgency,
        Case.address, Case.received_at, Case.next_milestone, Case.next_due_at,
        Case.next_warn_at, Case.next_critical_at, Case.next_limit_unit, Case.sla_paused,
        notices,
    )  # fmt: skip
    order = (Case.next_due_at.is_(None), Case.next_due_at, Case.id)
    lead = (
        select(*columns, literal(None).label("state"))
        .where(Case.unit_id == unit_id, Case.status.in_(with_units))
        .order_by(*order)
        .limit(limit)
    )
    assist = (
        select(*columns, CaseAssistState.state)
        .join(CaseCoUnit, and_(CaseCoUnit.case_id == Case.id, CaseCoUnit.unit_id == unit_id))
        .outerjoin(
            CaseAssistState,
            and_(CaseAssistState.case_id == Case.id, CaseAssistState.unit_id == unit_id),
        )
        .where(
            Case.status.in_(with_units),
            or_(
                CaseAssistState.state.is_(None),
                CaseAssistState.state != lifecycle.ASSIST_REPLIED,
            ),
        )
        .order_by(*order)
        .limit(limit)
    )
    return lead, assist


class UnitService(CaseWorkService):
    # --- reading ---------------------------------------------------------------------
    def units(self) -> list[UnitRef]:
        with self._sessions() as s:
            return [
                UnitRef(i, n)
                for i, n in s.execute(
                    select(HandlingUnit.id, HandlingUnit.name)
                    .where(HandlingUnit.active.is_(True))
                    .order_by(HandlingUnit.id)
                )
            ]

    def inbox(self, unit_id: int, limit: int = 500) -> list[InboxRow]:
        """The unit's cases awaiting its steps, by time left (no deadline last): those it
        leads while they are with the units, and those it assists until it replied.
        Two indexed queries (lead: cases by unit and status; assist: its co-unit rows)
        merged here, rather than one OR over outer joins that no index serves."""
        lead, assist = _inbox_statements()
        params = {"unit_id": unit_id, "limit": limit}
        with self._sessions() as s:
            conn = s.connection()  # plain rows: no ORM work per row
            rows: dict[int, tuple[Any, str]] = {}
            # all rows at once (iterating a result fetches them one by one)
            for r in conn.execute(assist, params).all():
                rows[r[0]] = (r, lifecycle.ASSIST)
            for r in conn.execute(lead, params).all():
                rows[r[0]] = (r, lifecycle.LEAD)  # leading wins over assisting
        out = []
        for r, role in rows.values():
            (cid, number, version, title, status, urgency, address, received_at, milestone,
             due, warn, critical, limit_unit, paused, notices, state) = r  # fmt: skip
            out.append(
                InboxRow(
                    cid,
                    number,
                    version,
                    title,
                    status,
                    urgency,
                    role,
                    None if role == lifecycle.LEAD else (state or lifecycle.ASSIST_DISPATCHED),
                    address,
                    received_at,
                    milestone,
                    due,
                    warn,
                    critical,
                    limit_unit,
                    bool(paused),
                    int(notices or 0),
                )  # fmt: skip
            )
        out.sort(key=lambda x: (x.next_due_at is None, x.next_due_at or x.received_at, x.case_id))
        return out[:limit]

    def awaiting_centre(self, limit: int = 500) -> list[InboxRow]:
        """Cases waiting for the centre: results to review (replied) and returns to
        re-dispatch, oldest change first."""
        stmt = (
            select(Case)
            .where(Case.status.in_([Status.REPLIED.value, Status.RETURNED.value]))
            .order_by(Case.updated_at, Case.id)
            .limit(limit)
        )
        with self._sessions() as s:
            return [
                InboxRow(
                    c.id,
                    c.number,
                    c.version,
                    c.title,
                    c.status,
                    c.urgency,
                    lifecycle.LEAD,
                    None,
                    c.address,
                    c.received_at,
                    c.next_milestone,
                    c.next_due_at,
                    c.next_warn_at,
                    c.next_critical_at,
                    c.next_limit_unit,
                    c.sla_paused,
                    0,
                )  # fmt: skip
                for c in s.scalars(stmt)
            ]

    def pending_extensions(
        self, limit: int = 200
    ) -> list[tuple[int, str, lifecycle.PendingExtension]]:
        """Extension requests awaiting the centre's decision: (case id, number, request)."""
        with self._sessions() as s:
            ids = s.execute(
                select(CaseEvent.case_id)
                .join(Case, Case.id == CaseEvent.case_id)
                .where(
                    CaseEvent.kind == EventKind.EXTENSION_REQUESTED,
                    Case.status.in_(sorted(lifecycle.WITH_UNITS)),
                )
                .distinct()
                .limit(limit)
            ).scalars()
            out: list[tuple[int, str, lifecycle.PendingExtension]] = []
            for cid in list(ids):
                number = s.execute(select(Case.number).where(Case.id == cid)).scalar_one()
                for p in lifecycle.pending_extensions(case_events(s, cid)):
                    out.append((cid, number, p))
            out.sort(key=lambda x: x[2].requested_at)
            return out

    def notices(self, unit_id: int | None, *, kind: str | None = None) -> list[Notice]:
        """Open notices: to one unit (its inbox), or with ``unit_id`` None the escalations
        to the supervisors (``kind`` narrows)."""
        stmt = (
            select(SupervisionNotice, Case.number, HandlingUnit.name)
            .join(Case, Case.id == SupervisionNotice.case_id)
            .outerjoin(HandlingUnit, HandlingUnit.id == SupervisionNotice.unit_id)
            .where(SupervisionNotice.resolved_at.is_(None))
            .order_by(SupervisionNotice.created_at.desc(), SupervisionNotice.id.desc())
        )
        if unit_id is not None:
            stmt = stmt.where(SupervisionNotice.unit_id == unit_id)
        if kind is not None:
            stmt = stmt.where(SupervisionNotice.kind == kind)
        with self._sessions() as s:
            return [
                Notice(
                    n.id,
                    n.case_id,
                    number,
                    n.unit_id,
                    name or "",
                    n.kind,
                    n.level,
                    n.text,
                    n.created_at,
                    n.created_by_name,
                )  # fmt: skip
                for n, number, name in s.execute(stmt)
            ]

    def case(self, case_id: int) -> UnitCase:
        with self._sessions() as s:
            c = s.get(Case, case_id)
            if c is None:
                raise NotFound(f"case #{case_id}")
            return self._unit_case(s, c)

    def _unit_case(self, s: Session, c: Case) -> UnitCase:
        co = [
            UnitRef(i, n)
            for i, n in s.execute(
                select(HandlingUnit.id, HandlingUnit.name)
                .join(CaseCoUnit, CaseCoUnit.unit_id == HandlingUnit.id)
                .where(CaseCoUnit.case_id == c.id)
                .order_by(HandlingUnit.id)
            )
        ]
        states = {
            u: st
            for u, st in s.execute(
                select(CaseAssistState.unit_id, CaseAssistState.state).where(
                    CaseAssistState.case_id == c.id
                )
            )
        }
        ms = tuple(
            MilestoneDue(d.milestone_code, d.due_at, d.original_due_at, d.met_at is not None)
            for d in s.scalars(
                select(CaseDeadline).where(CaseDeadline.case_id == c.id).order_by(CaseDeadline.seq)
            )
        )
        events = case_events(s, c.id)
        reply = ""
        for kind, _at, d in events:
            if kind == EventKind.REPLIED and d.get("unit_role", lifecycle.LEAD) == lifecycle.LEAD:
                reply = str(d.get("reply", ""))
        return UnitCase(
            case_id=c.id,
            number=c.number,
            version=c.version,
            status=c.status,
            unit_id=c.unit_id,
            unit=unit_name(s, c.unit_id),
            co_units=tuple(co),
            assist_states=states,
            milestones=ms,
            pending_extensions=tuple(lifecycle.pending_extensions(events)),
            round=lifecycle.round_of(events),
            returns=lifecycle.returns_count(events),
            last_reply=reply,
        )

    # --- a unit's steps and the centre's decisions: the lifecycle decides -------------
    def _do(self, case_id: int, action: str, who: Identity, p: Params,
            expected_version: int | None, at: datetime | None) -> StepResult:  # fmt: skip
        when = at or now_utc()
        with self._sessions() as s, s.begin():
            case = lock_case(s, case_id, expected_version)
            d = apply(s, case, action, who, self._station(), when, self._calendar(), p)
            return StepResult(d.case_id, d.number, d.status, d.version, d.escalated)

    def step(
        self,
        case_id: int,
        who: Identity,
        unit_id: int,
        step: str,
        text: str = "",
        *,
        expected_version: int | None = None,
        milestone: str | None = None,
        due_at: datetime | None = None,
        at: datetime | None = None,
    ) -> StepResult:
        """Record ``step`` (an event kind) of ``unit_id`` on the case: by the unit's own
        user, or by an agent on its behalf (``on_behalf`` in the event)."""
        action = lifecycle.STEP_ACTION.get(step)
        if action is None:
            raise Refused("Unknown step {step}.", code="unknown_step", step=step)
        p = Params(text=text, acting_unit=unit_id, milestone=milestone, until=due_at)
        return self._do(case_id, action, who, p, expected_version, at)

    def review(
        self,
        case_id: int,
        who: Identity,
        accept: bool,
        reason: str = "",
        *,
        expected_version: int | None = None,
        at: datetime | None = None,
    ) -> StepResult:
        """The centre reviews the unit's result: accept (→ closed; a demand is then due
        its callback) or send back with a reason (→ in progress, the unit works again)."""
        action = lifecycle.Action.REVIEW_ACCEPT if accept else lifecycle.Action.SEND_BACK
        return self._do(case_id, action, who, Params(text=reason), expected_version, at)

    def redispatch(
        self,
        case_id: int,
        who: Identity,
        unit_id: int,
        note: str = "",
        *,
        expected_version: int | None = None,
        at: datetime | None = None,
    ) -> StepResult:
        """A returned case goes to a (usually other) unit: the return is accepted."""
        p = Params(text=note, unit_id=unit_id)
        return self._do(case_id, lifecycle.Action.REDISPATCH, who, p, expected_version, at)

    def review_return(
        self,
        case_id: int,
        who: Identity,
        accept: bool,
        reason: str = "",
        *,
        expected_version: int | None = None,
        at: datetime | None = None,
    ) -> StepResult:
        """退单审核: accept the return (the case is triaged again) or refuse it (back to
        the unit; counted as an improper return)."""
        action = lifecycle.Action.ACCEPT_RETURN if accept else lifecycle.Action.REFUSE_RETURN
        return self._do(case_id, action, who, Params(text=reason), expected_version, at)

    def decide_extension(
        self,
        case_id: int,
        who: Identity,
        milestone: str,
        approve: bool,
        note: str = "",
        *,
        due_at: datetime | None = None,
        expected_version: int | None = None,
        at: datetime | None = None,
    ) -> StepResult:
        """Approve (the requested deadline, or ``due_at`` when the centre grants another
        one) or refuse a pending request; the original deadline is kept."""
        A = lifecycle.Action
        action = A.APPROVE_EXTENSION if approve else A.REFUSE_EXTENSION
        p = Params(text=note, milestone=milestone, until=due_at)
        return self._do(case_id, action, who, p, expected_version, at)

    def resolve_notice(self, notice_id: int, who: Identity, at: datetime | None = None) -> None:
        """A unit acknowledges a reminder; a supervisor closes an escalation."""
        when = at or now_utc()
        with self._sessions() as s, s.begin():
            n = s.get(SupervisionNotice, notice_id, with_for_update=True)
            if n is None:
                raise NotFound(f"notice #{notice_id}")
            if who.role == Role.UNIT and n.unit_id != who.unit_id:
                raise Refused("Not a notice to your unit.", code="forbidden")
            if n.kind == EventKind.ESCALATED and not who.is_supervisor:
                raise Refused("A supervisor closes an escalation.", code="forbidden")
            if n.resolved_at is None:
                n.resolved_at, n.resolved_by_id = when, who.agent_id
