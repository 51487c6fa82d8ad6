"""Handling units' work (issue 8): the unit inbox, the units' steps (lead and assisting),
the centre's review of a result, returns and re-dispatch, extension requests and the
centre's decisions.

Every call is one unit of work: the case row is locked, its version checked when the
caller passes the version it saw (optimistic), the event appended, the status moved
through ``cases.status`` (which fires the change feed's triggers) and the SLA deadlines
recomputed from the whole history (console.services.sla.refresh_deadlines).

Event details (the assessment reads exactly these keys):

- unit steps ``accepted`` ``contacted`` ``on_scene`` ``progress`` ``replied``
  ``returned`` ``extension_requested``: ``unit_id``, ``unit`` (name), ``unit_role``
  ("lead" | "assist"), ``on_behalf`` (an agent recorded it for a unit working by phone),
  and ``text`` (progress, contact and on-scene notes), ``reply`` (replied), ``reason``
  (returned, extension_requested), ``milestone`` and ``due_at`` (extension_requested);
- ``extension_approved`` / ``extension_refused``: ``milestone``, ``due_at``, ``note``,
  ``unit_id``;
- ``sent_back``: ``unit_id``, ``reason``; ``closed`` (the centre accepted the result):
  ``unit_id``, ``review: "accepted"``;
- ``dispatched`` (re-dispatch after a return): ``unit_id``, ``unit``, ``redispatch: true``;
- ``escalated`` (bounce rule): ``reason: "bounced"``, ``returns`` (count so far).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, literal, or_, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain import lifecycle
from console.domain.casetypes import CaseType, EventKind, Role, Status
from console.domain.clock import now_utc
from console.domain.errors import Refused
from console.domain.identity import Identity
from console.domain.lifecycle import StepRefused
from console.domain.workcalendar import WorkCalendar
from console.models import (
    Case,
    CaseAssistState,
    CaseCallback,
    CaseCoUnit,
    CaseDeadline,
    CaseEvent,
    HandlingUnit,
    SupervisionNotice,
)
from console.services.errors import Conflict, NotFound
from console.services.sla import add_event, refresh_deadlines


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


def _refuse(exc: StepRefused) -> Refused:
    return Refused(exc.message, code=exc.code, **exc.params)


def lock_case(session: Session, case_id: int, expected_version: int | None) -> Case:
    case = session.get(Case, case_id, with_for_update=True)
    if case is None:
        raise NotFound(f"case #{case_id}")
    if expected_version is not None and case.version != expected_version:
        raise Conflict(f"case {case.number} was changed by someone else")
    return case


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


def require_centre(who: Identity) -> None:
    if who.role == Role.UNIT:
        raise Refused("only the centre's agents and supervisors may do this", code="forbidden")


def touch(case: Case, at: datetime) -> None:
    """Every step rewrites the case row: its version moves (optimistic checks) and the
    change feed's triggers tell the other consoles."""
    case.updated_at = at


def escalate_if_bounced(
    session: Session, case: Case, who: Identity | None, station: str, at: datetime
) -> bool:
    """The bounce rule: more than ``lifecycle.BOUNCE_LIMIT`` returns and no open escalation of
    this case yet → an ``escalated`` event and a notice to the supervisors."""
    returns = lifecycle.returns_count(case_events(session, case.id))
    if not lifecycle.should_escalate_bounce(returns):
        return False
    open_one = session.execute(
        select(SupervisionNotice.id).where(
            SupervisionNotice.case_id == case.id,
            SupervisionNotice.kind == EventKind.ESCALATED,
            SupervisionNotice.resolved_at.is_(None),
        )
    ).first()
    if open_one is not None:
        return False
    text = f"returned {returns} times"
    add_event(session, case, EventKind.ESCALATED, who, station, at, reason="bounced",
              returns=returns, text=text)  # fmt: skip
    session.add(
        SupervisionNotice(
            case_id=case.id,
            unit_id=None,
            kind=EventKind.ESCALATED,
            level=1,
            text=text,
            created_at=at,
            created_by_id=who.agent_id if who else None,
            created_by_name=who.display_name if who else "SLA",
        )
    )
    return True


class UnitService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        calendar: Callable[[], WorkCalendar],
        station: Callable[[], str],
    ) -> None:
        self._sessions = sessions
        self._calendar = calendar
        self._station = station

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
        with_units = sorted(lifecycle.WITH_UNITS)
        columns = (
            Case.id, Case.number, Case.version, Case.title, Case.status, Case.urgency,
            Case.address, Case.received_at, Case.next_milestone, Case.next_due_at,
            Case.next_warn_at, Case.next_critical_at, Case.next_limit_unit, Case.sla_paused,
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
        with self._sessions() as s:
            rows: dict[int, tuple[Any, str]] = {}
            for r in s.execute(assist):
                rows[r.id] = (r, lifecycle.ASSIST)
            for r in s.execute(lead):
                rows[r.id] = (r, lifecycle.LEAD)  # leading wins over assisting
            counts: dict[int, int] = {}
            ids = list(rows)
            for i in range(0, len(ids), 500):
                counts.update(
                    (int(cid), int(n))
                    for cid, n in s.execute(
                        select(SupervisionNotice.case_id, func.count())
                        .where(
                            SupervisionNotice.unit_id == unit_id,
                            SupervisionNotice.resolved_at.is_(None),
                            SupervisionNotice.case_id.in_(ids[i : i + 500]),
                        )
                        .group_by(SupervisionNotice.case_id)
                    )
                )
        out = [
            InboxRow(
                case_id=r.id,
                number=r.number,
                version=r.version,
                title=r.title,
                status=r.status,
                urgency=r.urgency,
                unit_role=role,
                assist_state=None
                if role == lifecycle.LEAD
                else (r.state or lifecycle.ASSIST_DISPATCHED),
                address=r.address,
                received_at=r.received_at,
                next_milestone=r.next_milestone,
                next_due_at=r.next_due_at,
                next_warn_at=r.next_warn_at,
                next_critical_at=r.next_critical_at,
                next_limit_unit=r.next_limit_unit,
                sla_paused=bool(r.sla_paused),
                notices=counts.get(r.id, 0),
            )
            for r, role in rows.values()
        ]
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

    # --- a unit's steps --------------------------------------------------------------
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
        """Record ``step`` of ``unit_id`` on the case: by the unit's own user, or by an
        agent on its behalf (``on_behalf`` in the event; the history says so)."""
        if step not in lifecycle.UNIT_STEPS:
            raise Refused("unknown step '{step}'", code="unknown_step", step=step)
        if who.role == Role.UNIT and who.unit_id != unit_id:
            raise Refused("a unit records its own steps only", code="forbidden")
        try:
            lifecycle.need_text(step, text)
        except StepRefused as exc:
            raise _refuse(exc) from exc
        when = at or now_utc()
        station = self._station()
        with self._sessions() as s, s.begin():
            case = lock_case(s, case_id, expected_version)
            role = self._role(s, case, unit_id)
            detail: dict[str, Any] = {
                "unit_id": unit_id,
                "unit": unit_name(s, unit_id),
                "unit_role": role,
                "on_behalf": who.role != Role.UNIT,
            }
            if step == EventKind.REPLIED:
                detail["reply"] = text.strip()
            elif step in (EventKind.RETURNED, EventKind.EXTENSION_REQUESTED):
                detail["reason"] = text.strip()
            elif text.strip():
                detail["text"] = text.strip()
            escalated = False
            try:
                if role == lifecycle.LEAD:
                    after = lifecycle.lead_step(case.status, step)
                    if step == EventKind.EXTENSION_REQUESTED:
                        self._check_extension(s, case, milestone, due_at, when)
                        assert due_at is not None
                        detail["milestone"] = milestone
                        detail["due_at"] = due_at.isoformat()
                else:
                    row = s.get(CaseAssistState, (case.id, unit_id))
                    state = row.state if row else lifecycle.ASSIST_DISPATCHED
                    new_state = lifecycle.assist_step(case.status, state, step)
                    if row is None:
                        s.add(CaseAssistState(case_id=case.id, unit_id=unit_id,
                                              state=new_state, updated_at=when))  # fmt: skip
                    else:
                        row.state, row.updated_at = new_state, when
                    after = case.status
            except StepRefused as exc:
                raise _refuse(exc) from exc
            add_event(s, case, step, who, station, when, **detail)
            if after != case.status:
                case.status = after
            if step == EventKind.RETURNED:
                case.unit_id = None  # back to the centre, which re-dispatches
            touch(case, when)
            s.flush()
            if step == EventKind.RETURNED:
                escalated = escalate_if_bounced(s, case, who, station, when)
            refresh_deadlines(s, case, self._calendar())
            s.flush()
            return StepResult(case.id, case.number, case.status, case.version, escalated)

    def _role(self, s: Session, case: Case, unit_id: int) -> str:
        if case.unit_id == unit_id:
            return lifecycle.LEAD
        co = s.get(CaseCoUnit, (case.id, unit_id))
        if co is not None:
            return lifecycle.ASSIST
        raise Refused(
            "case {number} is not with unit #{unit_id}",
            code="not_your_case",
            number=case.number,
            unit_id=unit_id,
        )

    def _check_extension(
        self,
        s: Session,
        case: Case,
        milestone: str | None,
        due_at: datetime | None,
        now: datetime,
    ) -> None:
        if not milestone or due_at is None:
            raise StepRefused("name the time limit and the new deadline", code="milestone_required")
        d = s.scalars(
            select(CaseDeadline).where(
                CaseDeadline.case_id == case.id, CaseDeadline.milestone_code == milestone
            )
        ).first()
        if d is None:
            raise StepRefused(
                "no time limit '{milestone}' on this case", code="no_deadline", milestone=milestone
            )
        lifecycle.check_extension_request(now, d.due_at, due_at, d.met_at is not None)
        if any(
            p.milestone == milestone for p in lifecycle.pending_extensions(case_events(s, case.id))
        ):
            raise StepRefused(
                "an extension of this limit awaits a decision", code="already_pending"
            )

    # --- the centre ------------------------------------------------------------------
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
        require_centre(who)
        if not accept and not reason.strip():
            raise Refused("sending back needs a reason", code="reason_required")
        when = at or now_utc()
        station = self._station()
        with self._sessions() as s, s.begin():
            case = lock_case(s, case_id, expected_version)
            action = lifecycle.REVIEW_ACCEPT if accept else lifecycle.REVIEW_SEND_BACK
            try:
                after = lifecycle.centre_action(case.status, action)
            except StepRefused as exc:
                raise _refuse(exc) from exc
            if accept:
                add_event(s, case, EventKind.CLOSED, who, station, when,
                          unit_id=case.unit_id, review="accepted")  # fmt: skip
                case.closed_at = when
                if case.case_type == CaseType.DEMAND:
                    open_callback(s, case, when)
            else:
                add_event(s, case, EventKind.SENT_BACK, who, station, when,
                          unit_id=case.unit_id, reason=reason.strip())  # fmt: skip
            case.status = after
            touch(case, when)
            s.flush()
            refresh_deadlines(s, case, self._calendar())
            s.flush()
            return StepResult(case.id, case.number, case.status, case.version)

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
        """A returned case goes to a (usually other) unit."""
        require_centre(who)
        when = at or now_utc()
        station = self._station()
        with self._sessions() as s, s.begin():
            case = lock_case(s, case_id, expected_version)
            try:
                after = lifecycle.centre_action(case.status, lifecycle.REDISPATCH)
            except StepRefused as exc:
                raise _refuse(exc) from exc
            if s.get(HandlingUnit, unit_id) is None:
                raise NotFound(f"unit #{unit_id}")
            detail: dict[str, Any] = {
                "unit_id": unit_id,
                "unit": unit_name(s, unit_id),
                "redispatch": True,
            }
            if note.strip():
                detail["note"] = note.strip()
            add_event(s, case, EventKind.DISPATCHED, who, station, when, **detail)
            case.status = after
            case.unit_id = unit_id
            case.dispatched_at = when
            touch(case, when)
            s.flush()
            refresh_deadlines(s, case, self._calendar())
            s.flush()
            return StepResult(case.id, case.number, case.status, case.version)

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
        require_centre(who)
        when = at or now_utc()
        station = self._station()
        with self._sessions() as s, s.begin():
            case = lock_case(s, case_id, expected_version)
            pending = {
                p.milestone: p for p in lifecycle.pending_extensions(case_events(s, case.id))
            }
            req = pending.get(milestone)
            if req is None:
                raise Refused(
                    "no extension of '{milestone}' awaits a decision",
                    code="nothing_pending",
                    milestone=milestone,
                )
            granted = due_at or req.due_at
            kind = EventKind.EXTENSION_APPROVED if approve else EventKind.EXTENSION_REFUSED
            add_event(s, case, kind, who, station, when, milestone=milestone,
                      due_at=granted.isoformat(), note=note.strip(),
                      unit_id=req.unit_id)  # fmt: skip
            touch(case, when)
            s.flush()
            refresh_deadlines(s, case, self._calendar())
            s.flush()
            return StepResult(case.id, case.number, case.status, case.version)

    def resolve_notice(self, notice_id: int, who: Identity, at: datetime | None = None) -> None:
        """A unit acknowledges a reminder; a supervisor closes an escalation."""
        when = at or now_utc()
        with self._sessions() as s, s.begin():
            n = s.get(SupervisionNotice, notice_id, with_for_update=True)
            if n is None:
                raise NotFound(f"notice #{notice_id}")
            if who.role == Role.UNIT and n.unit_id != who.unit_id:
                raise Refused("not a notice to your unit", code="forbidden")
            if n.kind == EventKind.ESCALATED and not who.is_supervisor:
                raise Refused("a supervisor closes an escalation", code="forbidden")
            if n.resolved_at is None:
                n.resolved_at, n.resolved_by_id = when, who.agent_id


def open_callback(session: Session, case: Case, closed_at: datetime) -> None:
    """A closed demand is due its callback (one row per case, reset on each round)."""
    events = case_events(session, case.id)
    rnd = lifecycle.round_of(events)
    due = lifecycle.callback_due_at(closed_at)
    row = session.get(CaseCallback, case.id)
    if row is None:
        session.add(
            CaseCallback(
                case_id=case.id,
                round=rnd,
                closed_at=closed_at,
                due_at=due,
                next_try_at=closed_at,
                attempts=0,
            )  # fmt: skip
        )
    else:
        row.round, row.closed_at, row.due_at, row.next_try_at = rnd, closed_at, due, closed_at
        row.attempts, row.last_attempt_at, row.done_at, row.outcome = 0, None, None, None
