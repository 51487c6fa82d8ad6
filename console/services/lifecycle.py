"""Doing an action of the lifecycle: ask the state machine (console.domain.lifecycle),
then do the work in one unit of work — lock the case, write the events through
``add_event``, move the status, open the callback, recompute the SLA deadlines.

``LifecycleService.do(number, action, who, …)`` is the entry of the command line and
the case view's action bar; the unit, callback and supervision services call ``apply``
inside their own transaction. No other module decides what is allowed.

Event details (the assessment reads exactly these keys):

- unit steps ``accepted`` ``contacted`` ``on_scene`` ``progress`` ``replied``
  ``returned`` ``extension_requested``: ``unit_id``, ``unit``, ``unit_role`` ("lead" |
  "assist"), ``on_behalf``, and ``text`` / ``reply`` / ``reason``; ``milestone`` and
  ``due_at`` for an extension request;
- ``dispatched``: ``unit_id``, ``unit`` (+ ``co_units``; ``redispatch: true`` after a
  return; ``round`` and ``reopened: true`` after a reopening); ``forwarded``:
  ``unit_id``, ``unit``;
- ``return_accepted`` / ``return_refused`` (an improper return): ``unit_id``, ``unit``,
  ``reason``;
- ``closed`` (the centre accepted the result): ``unit_id``, ``review: "accepted"``;
  ``sent_back``: ``unit_id``, ``reason``;
- ``extension_approved`` / ``extension_refused``: ``milestone``, ``due_at``, ``note``,
  ``unit_id``;
- ``callback_attempt``: ``attempt``, ``max_attempts``, ``note``; ``visited``:
  ``satisfaction``, ``solved``, ``unit_fault``, ``unreachable``, ``attempts``,
  ``comment``, ``round``, ``unit_id``; ``reopened``: ``round``, ``reason``, ``unit_id``;
- ``merged``: ``into``, ``into_id`` (and ``merged_in`` on the other case: ``number``,
  ``case_id``); ``invalidated``: ``reason``; ``praised``: ``unit_id``, ``unit``,
  ``text``; ``handed_off``: ``service``, ``operator``, ``text``; ``archived``;
- ``reminded`` / ``supervised`` (+ ``level``): ``unit_id``, ``unit``, ``text``;
  ``escalated``: ``reason`` ("manual" | "bounced"), ``text`` (+ ``returns``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from console.domain import lifecycle as L
from console.domain.casetypes import EventKind, Satisfaction, Status
from console.domain.clock import now_utc
from console.domain.errors import Refused
from console.domain.identity import Identity
from console.domain.urgent import HANDOFF_SERVICES
from console.domain.workcalendar import WorkCalendar
from console.models import (
    Case,
    CaseAssistState,
    CaseCallback,
    CaseCoUnit,
    CaseDeadline,
    CaseEvent,
    HandlingUnit,
)
from console.services.base import CaseWorkService
from console.services.casework import (
    callback_row,
    case_events,
    case_id_of,
    co_units_of,
    escalate_if_bounced,
    lock_case,
    notice,
    open_callback,
    touch,
    unit_id_by_name,
    unit_name,
)
from console.services.errors import NotFound
from console.services.sla import add_event, refresh_deadlines

A = L.Action
E = EventKind


# --- the action --------------------------------------------------------------------
@dataclass(frozen=True)
class Params:
    """What an action may carry. ``unit_id``: the destination (dispatch, forward,
    redispatch, thanks); ``acting_unit``: the unit whose step it is (default the lead)."""

    text: str = ""
    unit_id: int | None = None
    acting_unit: int | None = None
    co_units: tuple[int, ...] = ()
    into: str | None = None
    until: datetime | None = None
    milestone: str | None = None
    satisfaction: str | None = None
    solved: bool | None = None
    unit_fault: bool = False
    level: int = 1
    operator: str = ""
    max_attempts: int = L.CALLBACK_MAX_ATTEMPTS


@dataclass(frozen=True)
class Done:
    case_id: int
    number: str
    status: str
    version: int
    action: str
    escalated: bool = False
    attempts: int = 0
    unreachable: bool = False
    reopened_round: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def facts_of(
    s: Session, case: Case, events: Sequence[L.Event], acting_unit: int | None, max_attempts: int
) -> L.Facts:
    state = None
    if acting_unit is not None and acting_unit != case.unit_id:
        row = s.get(CaseAssistState, (case.id, acting_unit))
        state = row.state if row else L.ASSIST_DISPATCHED
    cb = s.get(CaseCallback, case.id) if case.status == Status.CLOSED else None
    due = case.status == Status.CLOSED and L.callback_wanted(
        case.case_type, case.sub_type, case.caller_anonymous, case.caller_phone
    )
    return L.Facts(
        case_type=case.case_type,
        sub_type=case.sub_type,
        callback_due=due and (cb is None or cb.done_at is None),
        pending_extension=bool(L.pending_extensions(events)),
        assist_state=state,
        callback_attempts_left=max_attempts - (cb.attempts if cb else 0),
        unit_had_accepted=L.unit_had_accepted(events, case.unit_id),
        has_unit=case.unit_id is not None,
    )


def parties(s: Session, case: Case, who: Identity, acting_unit: int | None) -> frozenset[str]:
    co = co_units_of(s, case.id)
    if acting_unit is not None:
        if who.role == "unit" and who.unit_id != acting_unit:
            raise Refused("A unit records its own steps only.", code="forbidden")
        if acting_unit != case.unit_id and acting_unit not in co:
            raise Refused("Case {number} is not with this unit.", code="not_your_case",
                          number=case.number)  # fmt: skip
    return L.parties_of(who.role, who.unit_id, lead_unit=case.unit_id, co_units=co,
                        acting_unit=acting_unit)  # fmt: skip


def apply(
    s: Session,
    case: Case,
    action: str,
    who: Identity,
    station: str,
    when: datetime,
    calendar: WorkCalendar,
    p: Params = Params(),
) -> Done:
    """Ask the machine, then do ``action`` on the locked ``case`` inside ``s``."""
    events = case_events(s, case.id)
    acting = p.acting_unit
    if acting is None and who.role == "unit":
        acting = who.unit_id
    who_parts = parties(s, case, who, acting)
    facts = facts_of(s, case, events, acting, p.max_attempts)
    decision = L.decide(action, case.status, who_parts, facts)
    rule = decision.rule
    L.need(rule, text=p.text, unit=p.unit_id, into=p.into, until=p.until,
           satisfaction=p.satisfaction)  # fmt: skip
    text = p.text.strip()
    out: dict[str, Any] = {}
    lead_role = L.LEAD in rule.by
    if action in (A.DISPATCH, A.FORWARD, A.REDISPATCH, A.THANKS) and p.unit_id is not None:
        if s.get(HandlingUnit, p.unit_id) is None:
            raise NotFound(f"unit #{p.unit_id}")
    step_kind = next((k for k, a in L.STEP_ACTION.items() if a == action), None)
    if step_kind is not None and (lead_role or L.ASSIST in rule.by):
        unit = acting if acting is not None else case.unit_id
        _unit_step(s, case, rule, step_kind, who, station, when, unit, text, p, events)
        if action == A.RETURN:
            s.flush()
            out["escalated"] = escalate_if_bounced(s, case, who, station, when)
    elif action in (A.DISPATCH, A.FORWARD):
        detail = dispatch_detail(p.unit_id, unit_name(s, p.unit_id), p.co_units, text)
        for u in p.co_units:
            if u != p.unit_id and s.get(CaseCoUnit, (case.id, u)) is None:
                s.add(CaseCoUnit(case_id=case.id, unit_id=u, created_at=when))
        add_event(s, case, rule.events[0], who, station, when, **detail)
        case.unit_id, case.dispatched_at = p.unit_id, when
    elif action == A.ANSWER_CLOSE:
        case.answer = text
        add_event(s, case, E.CLOSED_DIRECTLY, who, station, when, answer=text)
    elif action == A.MERGE:
        _merge(s, case, p.into or "", who, station, when)
    elif action == A.INVALID:
        add_event(s, case, E.INVALIDATED, who, station, when, reason=text)
    elif action == A.THANKS:
        add_event(s, case, E.PRAISED, who, station, when, unit_id=p.unit_id,
                  unit=unit_name(s, p.unit_id), text=text)  # fmt: skip
        case.unit_id = p.unit_id
    elif action == A.HANDOFF:
        if not text.startswith(HANDOFF_SERVICES):
            raise Refused("Name the service the case was handed to: 110, 119, 120 or 122.",
                          code="handoff_service")  # fmt: skip
        add_event(s, case, E.HANDED_OFF, who, station, when, service=text,
                  operator=p.operator.strip(), text=text)  # fmt: skip
    elif action in (A.APPROVE_EXTENSION, A.REFUSE_EXTENSION):
        pending = {x.milestone: x for x in L.pending_extensions(events)}
        code = p.milestone or next(iter(pending))
        req = pending.get(code)
        if req is None:
            raise Refused("No extension request awaits a decision.", code="nothing_pending")
        granted = p.until or req.due_at
        add_event(s, case, rule.events[0], who, station, when, milestone=code,
                  due_at=granted.isoformat(), note=text, unit_id=req.unit_id)  # fmt: skip
    elif action == A.GRANT_EXTENSION:
        assert p.until is not None
        code = p.milestone or _milestone_to_extend(s, case)
        _check_grant(s, case, code, p.until)
        add_event(s, case, E.EXTENSION_APPROVED, who, station, when, milestone=code,
                  due_at=p.until.isoformat(), note=text, unit_id=case.unit_id,
                  granted=True)  # fmt: skip
    elif action == A.REVIEW_ACCEPT:
        add_event(s, case, E.CLOSED, who, station, when, unit_id=case.unit_id, review="accepted")
    elif action == A.SEND_BACK:
        add_event(s, case, E.SENT_BACK, who, station, when, unit_id=case.unit_id, reason=text)
    elif action in (A.ACCEPT_RETURN, A.REFUSE_RETURN, A.REDISPATCH):
        returned_by = case.unit_id
        kind = E.RETURN_REFUSED if action == A.REFUSE_RETURN else E.RETURN_ACCEPTED
        add_event(s, case, kind, who, station, when, unit_id=returned_by,
                  unit=unit_name(s, returned_by), reason=text)  # fmt: skip
        if action == A.ACCEPT_RETURN:
            case.unit_id = None
        elif action == A.REDISPATCH:
            detail = {"unit_id": p.unit_id, "unit": unit_name(s, p.unit_id), "redispatch": True}
            if text:
                detail["note"] = text
            add_event(s, case, E.DISPATCHED, who, station, when, **detail)
            case.unit_id, case.dispatched_at = p.unit_id, when
    elif action in (A.CALLBACK, A.CALLBACK_UNREACHED):
        out.update(_callback(s, case, action, who, station, when, p, decision.to))
    elif action == A.REOPEN:
        out["reopened_round"] = _reopen(s, case, who, station, when, text, events, decision.to)
    elif action == A.ARCHIVE:
        add_event(s, case, E.ARCHIVED, who, station, when)
    elif action in (A.REMIND, A.SUPERVISE):
        body = text or "Please handle."
        detail = {"unit_id": case.unit_id, "unit": unit_name(s, case.unit_id), "text": body}
        if action == A.SUPERVISE:
            detail["level"] = p.level
        add_event(s, case, rule.events[0], who, station, when, **detail)
        notice(s, case, case.unit_id, rule.events[0], p.level, body, who, when)
    elif action == A.ESCALATE:
        add_event(s, case, E.ESCALATED, who, station, when, reason="manual", text=text)
        notice(s, case, None, E.ESCALATED, 1, text, who, when)
    else:  # pragma: no cover - every rule's action is handled above
        raise AssertionError(action)
    if decision.to != case.status:
        case.status = decision.to
    if rule.to == Status.CLOSED:
        case.closed_at = when
        if L.callback_wanted(case.case_type, case.sub_type, case.caller_anonymous,
                             case.caller_phone):  # fmt: skip
            open_callback(s, case, when)
    touch(case, when)
    s.flush()
    if rule.sla & {L.RECOMPUTE, L.NEW_ROUND, L.STOP}:
        refresh_deadlines(s, case, calendar)
        s.flush()
    return Done(case.id, case.number, case.status, case.version, action,
                escalated=bool(out.pop("escalated", False)), attempts=out.pop("attempts", 0),
                unreachable=bool(out.pop("unreachable", False)),
                reopened_round=out.pop("reopened_round", None), extra=out)  # fmt: skip


def dispatch_detail(
    unit_id: int | None, unit: str, co_units: Sequence[int], text: str
) -> dict[str, Any]:
    """The history detail of a dispatch (or forward) to ``unit_id``."""
    detail: dict[str, Any] = {"unit_id": unit_id, "unit": unit}
    if co_units:
        detail["co_units"] = list(co_units)
    if text:
        detail["note"] = text
    return detail


def decide_new(action: str, who: Identity, case_type: str, sub_type: str, p: Params) -> L.Decision:
    """What :func:`apply` asks the machine for ``action`` on a case being created (received,
    its only event ``created``, no unit and no co-unit yet), without reading that case
    back: a service creating many cases at once takes the same decision."""
    acting = p.acting_unit
    if acting is None and who.role == "unit":
        acting = who.unit_id
    parts = L.parties_of(who.role, who.unit_id, lead_unit=None, co_units=(), acting_unit=acting)
    facts = L.Facts(
        case_type=case_type,
        sub_type=sub_type,
        callback_due=False,
        pending_extension=False,
        assist_state=None,
        callback_attempts_left=p.max_attempts,
        unit_had_accepted=False,
        has_unit=False,
    )
    decision = L.decide(action, Status.RECEIVED, parts, facts)
    L.need(decision.rule, text=p.text, unit=p.unit_id, into=p.into, until=p.until,
           satisfaction=p.satisfaction)  # fmt: skip
    return decision


def _unit_step(s: Session, case: Case, rule: L.Rule, step: str, who: Identity, station: str,
               when: datetime, unit: int | None, text: str, p: Params,
               events: Sequence[L.Event]) -> None:  # fmt: skip
    role = L.LEAD if L.LEAD in rule.by else L.ASSIST
    detail: dict[str, Any] = {"unit_id": unit, "unit": unit_name(s, unit), "unit_role": role,
                              "on_behalf": who.role != "unit"}  # fmt: skip
    if step == E.REPLIED:
        detail["reply"] = text
    elif step in (E.RETURNED, E.EXTENSION_REQUESTED):
        detail["reason"] = text
    elif text:
        detail["text"] = text
    if step == E.EXTENSION_REQUESTED:
        code = p.milestone or _milestone_to_extend(s, case)
        _check_extension(s, case, code, p.until, when, events)
        assert p.until is not None
        detail["milestone"], detail["due_at"] = code, p.until.isoformat()
    if role == L.ASSIST:
        assert unit is not None
        row = s.get(CaseAssistState, (case.id, unit))
        state = row.state if row else L.ASSIST_DISPATCHED
        new_state = L.ASSIST_STEPS[state][step]
        if row is None:
            s.add(CaseAssistState(case_id=case.id, unit_id=unit, state=new_state,
                                  updated_at=when))  # fmt: skip
        else:
            row.state, row.updated_at = new_state, when
    add_event(s, case, step, who, station, when, **detail)


def _milestone_to_extend(s: Session, case: Case) -> str:
    """The next running limit of the case, else its last one not yet met."""
    if case.next_milestone:
        return case.next_milestone
    rows = s.scalars(
        select(CaseDeadline).where(CaseDeadline.case_id == case.id).order_by(CaseDeadline.seq)
    ).all()
    unmet = [d.milestone_code for d in rows if d.met_at is None]
    if not unmet:
        raise Refused("This time limit is already met.", code="milestone_met")
    return unmet[-1]


def _check_extension(s: Session, case: Case, milestone: str, due_at: datetime | None,
                     now: datetime, events: Sequence[L.Event]) -> None:  # fmt: skip
    if due_at is None:
        raise Refused("Name the new deadline.", code="until_required")
    d = s.scalars(
        select(CaseDeadline).where(
            CaseDeadline.case_id == case.id, CaseDeadline.milestone_code == milestone
        )
    ).first()
    if d is None:
        raise Refused("No time limit {milestone} on this case.", code="no_deadline",
                      milestone=milestone)  # fmt: skip
    L.check_extension_request(now, d.due_at, due_at, d.met_at is not None)
    if any(x.milestone == milestone for x in L.pending_extensions(events)):
        raise Refused("An extension of this time limit already awaits a decision.",
                      code="already_pending")  # fmt: skip


def _check_grant(s: Session, case: Case, milestone: str, until: datetime) -> None:
    """The centre may extend a limit not yet met, to a later deadline, even after it."""
    d = s.scalars(
        select(CaseDeadline).where(
            CaseDeadline.case_id == case.id, CaseDeadline.milestone_code == milestone
        )
    ).first()
    if d is None:
        raise Refused("No time limit {milestone} on this case.", code="no_deadline",
                      milestone=milestone)  # fmt: skip
    if d.met_at is not None:
        raise Refused("This time limit is already met.", code="milestone_met")
    if d.due_at is not None and until <= d.due_at:
        raise Refused(
            "The requested deadline must be later than the present one.", code="not_later"
        )


def _merge(s: Session, case: Case, into: str, who: Identity, station: str,
           when: datetime) -> None:  # fmt: skip
    target_id = s.execute(select(Case.id).where(Case.number == into.strip())).scalar()
    if target_id is None:
        raise NotFound(f"no case {into}")
    if target_id == case.id:
        raise Refused("A case cannot be merged into itself.", code="merge_self")
    target = s.get(Case, target_id, with_for_update=True)
    assert target is not None
    if target.status in (Status.MERGED, Status.INVALID, Status.ARCHIVED):
        raise Refused("Case {number} is {status}: merge into the case it leads to.",
                      code="merge_target", number=target.number, status=target.status)  # fmt: skip
    add_event(s, case, E.MERGED, who, station, when, into=target.number, into_id=target.id)
    add_event(s, target, E.MERGED_IN, who, station, when, number=case.number, case_id=case.id)
    touch(target, when)


def _callback(s: Session, case: Case, action: str, who: Identity, station: str, when: datetime,
              p: Params, to: str) -> dict[str, Any]:  # fmt: skip
    cb = callback_row(s, case)
    if action == A.CALLBACK_UNREACHED:
        n, next_try = L.after_attempt(cb.attempts, when, p.max_attempts)
        add_event(s, case, E.CALLBACK_ATTEMPT, who, station, when, attempt=n,
                  max_attempts=p.max_attempts, note=p.text.strip())  # fmt: skip
        cb.attempts, cb.last_attempt_at = n, when
        if next_try is None:
            assert to == Status.VISITED
            add_event(s, case, E.VISITED, who, station, when, satisfaction=None, solved=None,
                      unit_fault=False, unreachable=True, attempts=n, comment=p.text.strip(),
                      round=cb.round, unit_id=case.unit_id)  # fmt: skip
            cb.done_at, cb.outcome = when, "unreachable"
        else:
            cb.next_try_at = next_try
        return {"attempts": n, "unreachable": next_try is None}
    verdict = L.CallbackVerdict(Satisfaction(p.satisfaction or ""), bool(p.solved), p.unit_fault,
                                p.text)  # fmt: skip
    L.check_verdict(verdict)
    add_event(s, case, E.VISITED, who, station, when, satisfaction=verdict.satisfaction.value,
              solved=verdict.solved, unit_fault=verdict.unit_fault, unreachable=False,
              attempts=cb.attempts, comment=p.text.strip(), round=cb.round,
              unit_id=case.unit_id)  # fmt: skip
    cb.done_at, cb.outcome = when, verdict.satisfaction.value
    return {"attempts": cb.attempts}


def _reopen(s: Session, case: Case, who: Identity, station: str, at: datetime, reason: str,
            events: Sequence[L.Event], to: str) -> int:  # fmt: skip
    rnd = L.round_of(events) + 1
    unit = case.unit_id
    add_event(s, case, E.REOPENED, who, station, at, round=rnd, reason=reason, unit_id=unit)
    if to == Status.DISPATCHED and unit is not None:
        add_event(s, case, E.DISPATCHED, who, station, at, unit_id=unit, unit=unit_name(s, unit),
                  round=rnd, reopened=True)  # fmt: skip
        case.dispatched_at = at
    case.closed_at = None
    # the assisting units start the new round afresh
    s.execute(delete(CaseAssistState).where(CaseAssistState.case_id == case.id))
    return rnd


# --- the service ---------------------------------------------------------------------
@dataclass(frozen=True)
class ActionView:
    action: str
    key: str
    needs: tuple[str, ...]


@dataclass(frozen=True)
class DeadlineView:
    code: str
    due_at: datetime | None
    original_due_at: datetime | None
    met_at: datetime | None


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    kind: str
    actor: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class CaseSheet:
    """A case as the command line and the action bar show it."""

    case_id: int
    number: str
    version: int
    status: str
    case_type: str
    sub_type: str
    unit: str
    deadlines: tuple[DeadlineView, ...]
    actions: tuple[ActionView, ...]
    history: tuple[HistoryEntry, ...]


class LifecycleService(CaseWorkService):
    def do(self, number: str, action: str, who: Identity, *, unit: str | None = None,
           co_units: Iterable[str] = (), expected_version: int | None = None,
           at: datetime | None = None, **params: Any) -> Done:  # fmt: skip
        """``action`` on case ``number``; ``unit`` by name: the destination of a dispatch,
        forward, re-dispatch or thanks, else the unit whose step it is."""
        with self._sessions() as s:
            cid = case_id_of(s, number)
            unit_id = unit_id_by_name(s, unit) if unit else None
            co = tuple(unit_id_by_name(s, u) for u in co_units)
        rules = [r for r in L.RULES if r.action == action]
        destination = any(L.UNIT in r.needs for r in rules)
        p = Params(unit_id=unit_id if destination else None,
                   acting_unit=None if destination else unit_id, co_units=co,
                   **params)  # fmt: skip
        return self.do_id(cid, action, who, p, expected_version=expected_version, at=at)

    def do_id(self, case_id: int, action: str, who: Identity, p: Params = Params(), *,
              expected_version: int | None = None, at: datetime | None = None) -> Done:  # fmt: skip
        when = at or now_utc()
        with self._sessions() as s, s.begin():
            case = lock_case(s, case_id, expected_version)
            return apply(s, case, action, who, self._station(), when, self._calendar(), p)

    def sheet(self, case_id: int, who: Identity) -> CaseSheet:
        with self._sessions() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound(f"case #{case_id}")
            return self._sheet(s, case, who)

    def show(self, number: str, who: Identity) -> CaseSheet:
        with self._sessions() as s:
            case = s.get(Case, case_id_of(s, number))
            assert case is not None
            return self._sheet(s, case, who)

    def _sheet(self, s: Session, case: Case, who: Identity) -> CaseSheet:
        events = case_events(s, case.id)
        acting = who.unit_id if who.role == "unit" else None
        try:
            who_parts = parties(s, case, who, acting)
        except Refused:
            who_parts = frozenset()
        facts = facts_of(s, case, events, acting, L.CALLBACK_MAX_ATTEMPTS)
        actions = tuple(
            ActionView(r.action, r.key, tuple(sorted(r.needs)))
            for r in L.available(case.status, who_parts, facts)
        )
        deadlines = tuple(
            DeadlineView(d.milestone_code, d.due_at, d.original_due_at, d.met_at)
            for d in s.scalars(
                select(CaseDeadline)
                .where(CaseDeadline.case_id == case.id)
                .order_by(CaseDeadline.seq)
            )
        )
        history = tuple(
            HistoryEntry(e.at, e.kind, e.actor_name, dict(e.detail or {}))
            for e in s.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id)
            )
        )
        return CaseSheet(case.id, case.number, case.version, case.status, case.case_type,
                         case.sub_type, unit_name(s, case.unit_id), deadlines, actions,
                         history)  # fmt: skip
