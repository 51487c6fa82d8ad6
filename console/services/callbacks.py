"""Callbacks (回访) of closed demands: the queue, unanswered attempts, the citizen's
verdict and reopening (重办) with a new SLA round.

Events (the assessment reads exactly these keys):

- ``callback_attempt``: ``attempt`` (1, 2, …), ``max_attempts``, ``note``;
- ``visited``: ``satisfaction`` (casetypes.Satisfaction value, or None when the citizen
  was unreachable), ``solved`` (bool, or None when unreachable), ``unit_fault`` (bool),
  ``unreachable`` (bool), ``attempts`` (unanswered calls before), ``comment``,
  ``round`` (the case's round), ``unit_id`` (the lead unit judged);
- ``reopened``: ``round`` (the new round, 2, 3, …), ``reason`` (the citizen's words),
  ``unit_id``; followed at the same moment by ``dispatched`` (``unit_id``, ``unit``,
  ``round``, ``reopened: true``). The SLA counts only events since the last
  ``reopened``, so every deadline restarts; the earlier rounds stay in the history.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain import lifecycle
from console.domain.casetypes import CaseType, EventKind, Satisfaction, Status
from console.domain.clock import now_utc
from console.domain.identity import Identity
from console.domain.lifecycle import CallbackVerdict, StepRefused
from console.domain.workcalendar import WorkCalendar
from console.models import Case, CaseAssistState, CaseCallback, HandlingUnit
from console.services.errors import NotFound
from console.services.sla import add_event, refresh_deadlines
from console.services.units import (
    Refused,
    case_events,
    lock_case,
    open_callback,
    require_centre,
    touch,
    unit_name,
)


@dataclass(frozen=True)
class CallbackRow:
    case_id: int
    number: str
    version: int
    title: str
    caller_name: str
    caller_phone: str
    unit: str
    closed_at: datetime | None
    due_at: datetime | None
    attempts: int
    next_try_at: datetime | None
    round: int

    def ready(self, now: datetime) -> bool:
        return self.next_try_at is None or self.next_try_at <= now


@dataclass(frozen=True)
class CallbackCase:
    """What the callback screen shows beside the script."""

    row: CallbackRow
    description: str
    reply: str  # the unit's result as reported
    anonymous: bool


@dataclass(frozen=True)
class CallbackResult:
    case_id: int
    number: str
    status: str
    version: int
    attempts: int
    unreachable: bool = False
    reopened_round: int | None = None


class CallbackService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        calendar: Callable[[], WorkCalendar],
        station: Callable[[], str],
        *,
        max_attempts: int = lifecycle.CALLBACK_MAX_ATTEMPTS,
    ) -> None:
        self._sessions = sessions
        self._calendar = calendar
        self._station = station
        self.max_attempts = max_attempts

    def queue(
        self, now: datetime | None = None, *, include_later: bool = False, limit: int = 300
    ) -> list[CallbackRow]:
        """Closed demands due a callback, the longest closed first; those whose next
        attempt is later only with ``include_later``. Anonymous callers cannot be called."""
        at = now or now_utc()
        stmt = (
            select(Case, CaseCallback, HandlingUnit.name)
            .outerjoin(CaseCallback, CaseCallback.case_id == Case.id)
            .outerjoin(HandlingUnit, HandlingUnit.id == Case.unit_id)
            .where(
                Case.status == Status.CLOSED,
                Case.case_type == CaseType.DEMAND,
                Case.caller_anonymous.is_(False),
                Case.caller_phone != "",
            )
            .order_by(Case.closed_at, Case.id)
            .limit(limit)
        )
        if not include_later:
            stmt = stmt.where(or_(CaseCallback.case_id.is_(None), CaseCallback.next_try_at <= at))
        with self._sessions() as s:
            return [_row(c, cb, name) for c, cb, name in s.execute(stmt)]

    def case(self, case_id: int) -> CallbackCase:
        with self._sessions() as s:
            got = s.execute(
                select(Case, CaseCallback, HandlingUnit.name)
                .outerjoin(CaseCallback, CaseCallback.case_id == Case.id)
                .outerjoin(HandlingUnit, HandlingUnit.id == Case.unit_id)
                .where(Case.id == case_id)
            ).first()
            if got is None:
                raise NotFound(f"case #{case_id}")
            c, cb, name = got
            reply = ""
            for kind, _at, d in case_events(s, case_id):
                if (
                    kind == EventKind.REPLIED
                    and d.get("unit_role", lifecycle.LEAD) == lifecycle.LEAD
                ):
                    reply = str(d.get("reply", ""))
            return CallbackCase(_row(c, cb, name), c.description, reply, c.caller_anonymous)

    def attempt(
        self,
        case_id: int,
        who: Identity,
        note: str = "",
        *,
        expected_version: int | None = None,
        at: datetime | None = None,
    ) -> CallbackResult:
        """The citizen did not answer. The last allowed attempt closes the callback as
        unreachable (``visited`` with ``unreachable: true``)."""
        require_centre(who)
        when = at or now_utc()
        station = self._station()
        with self._sessions() as s, s.begin():
            case = lock_case(s, case_id, expected_version)
            cb = self._callback(s, case)
            n, next_try = lifecycle.after_attempt(cb.attempts, when, self.max_attempts)
            add_event(s, case, EventKind.CALLBACK_ATTEMPT, who, station, when,
                      attempt=n, max_attempts=self.max_attempts, note=note.strip())  # fmt: skip
            cb.attempts, cb.last_attempt_at = n, when
            unreachable = next_try is None
            if unreachable:
                add_event(s, case, EventKind.VISITED, who, station, when,
                          satisfaction=None, solved=None, unit_fault=False, unreachable=True,
                          attempts=n, comment=note.strip(), round=cb.round,
                          unit_id=case.unit_id)  # fmt: skip
                cb.done_at, cb.outcome = when, "unreachable"
                case.status = Status.VISITED
            else:
                assert next_try is not None
                cb.next_try_at = next_try
            touch(case, when)
            s.flush()
            return CallbackResult(case.id, case.number, case.status, case.version, n, unreachable)

    def record(
        self,
        case_id: int,
        who: Identity,
        verdict: CallbackVerdict,
        *,
        expected_version: int | None = None,
        at: datetime | None = None,
    ) -> CallbackResult:
        """The citizen's verdict: satisfaction and solved, asked separately. Unsatisfied
        for reasons the unit controls reopens the case (重办): a new round, dispatched to
        the same lead unit, with a new SLA."""
        require_centre(who)
        try:
            lifecycle.check_verdict(verdict)
        except StepRefused as exc:
            raise Refused(exc.message, code=exc.code, **exc.params) from exc
        when = at or now_utc()
        station = self._station()
        with self._sessions() as s, s.begin():
            case = lock_case(s, case_id, expected_version)
            cb = self._callback(s, case)
            add_event(s, case, EventKind.VISITED, who, station, when,
                      satisfaction=Satisfaction(verdict.satisfaction).value,
                      solved=verdict.solved, unit_fault=verdict.unit_fault,
                      unreachable=False, attempts=cb.attempts,
                      comment=verdict.comment.strip(), round=cb.round,
                      unit_id=case.unit_id)  # fmt: skip
            cb.done_at, cb.outcome = when, Satisfaction(verdict.satisfaction).value
            case.status = Status.VISITED
            reopened = None
            if verdict.reopens:
                reopened = cb.round + 1
                self._reopen(s, case, who, station, when, reopened, verdict.comment.strip())
            touch(case, when)
            s.flush()
            refresh_deadlines(s, case, self._calendar())
            s.flush()
            return CallbackResult(
                case.id, case.number, case.status, case.version, cb.attempts, False, reopened
            )

    def _reopen(
        self, s: Session, case: Case, who: Identity, station: str, at: datetime, rnd: int,
        reason: str,
    ) -> None:  # fmt: skip
        unit = case.unit_id
        add_event(s, case, EventKind.REOPENED, who, station, at,
                  round=rnd, reason=reason, unit_id=unit)  # fmt: skip
        if unit is not None:
            add_event(s, case, EventKind.DISPATCHED, who, station, at,
                      unit_id=unit, unit=unit_name(s, unit), round=rnd,
                      reopened=True)  # fmt: skip
            case.status = Status.DISPATCHED
            case.dispatched_at = at
        else:  # no unit to send it to: the centre dispatches it again
            case.status = Status.RECEIVED
        case.closed_at = None
        # the assisting units start the new round afresh
        s.execute(delete(CaseAssistState).where(CaseAssistState.case_id == case.id))

    def _callback(self, s: Session, case: Case) -> CaseCallback:
        if case.status != Status.CLOSED or case.case_type != CaseType.DEMAND:
            raise Refused(
                "case {number} is not a closed demand due a callback",
                code="not_due",
                number=case.number,
            )
        cb = s.get(CaseCallback, case.id)
        if cb is None:  # closed by an earlier console or an import
            open_callback(s, case, case.closed_at or case.updated_at)
            s.flush()
            cb = s.get(CaseCallback, case.id)
            assert cb is not None
        return cb

    def rounds(self, case_id: int) -> int:
        with self._sessions() as s:
            return lifecycle.round_of(case_events(s, case_id))


def _row(c: Case, cb: CaseCallback | None, name: str | None) -> CallbackRow:
    closed = c.closed_at
    return CallbackRow(
        case_id=c.id,
        number=c.number,
        version=c.version,
        title=c.title,
        caller_name=c.caller_name,
        caller_phone=c.caller_phone,
        unit=name or "",
        closed_at=closed,
        due_at=cb.due_at if cb else (lifecycle.callback_due_at(closed) if closed else None),
        attempts=cb.attempts if cb else 0,
        next_try_at=cb.next_try_at if cb else None,
        round=cb.round if cb else 1,
    )


__all__ = ["CallbackCase", "CallbackResult", "CallbackRow", "CallbackService"]
