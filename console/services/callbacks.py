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

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain import lifecycle
from console.domain.casetypes import CaseType, EventKind, Satisfaction, Status, SubType
from console.domain.clock import now_utc
from console.domain.identity import Identity
from console.domain.lifecycle import Action, CallbackVerdict
from console.domain.workcalendar import WorkCalendar
from console.models import Case, CaseCallback, HandlingUnit
from console.services.base import CaseWorkService
from console.services.errors import NotFound
from console.services.lifecycle import Params, apply, case_events, lock_case


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


class CallbackService(CaseWorkService):
    def __init__(
        self,
        sessions: sessionmaker[Session],
        calendar: Callable[[], WorkCalendar],
        station: Callable[[], str],
        *,
        max_attempts: int = lifecycle.CALLBACK_MAX_ATTEMPTS,
    ) -> None:
        super().__init__(sessions, calendar, station)
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
                Case.sub_type != SubType.THANKS,
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
        p = Params(text=note, max_attempts=self.max_attempts)
        return self._do(case_id, [(Action.CALLBACK_UNREACHED, p)], who, expected_version, at)

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
        lifecycle.check_verdict(verdict)
        p = Params(text=verdict.comment, satisfaction=Satisfaction(verdict.satisfaction).value,
                   solved=verdict.solved, unit_fault=verdict.unit_fault)  # fmt: skip
        steps: list[tuple[str, Params]] = [(Action.CALLBACK, p)]
        if verdict.reopens:
            steps.append((Action.REOPEN, Params(text=verdict.comment)))
        return self._do(case_id, steps, who, expected_version, at)

    def _do(self, case_id: int, steps: list[tuple[str, Params]], who: Identity,
            expected_version: int | None, at: datetime | None) -> CallbackResult:  # fmt: skip
        when = at or now_utc()
        with self._sessions() as s, s.begin():
            case = lock_case(s, case_id, expected_version)
            done = [apply(s, case, a, who, self._station(), when, self._calendar(), p)
                    for a, p in steps]  # fmt: skip
            first, last = done[0], done[-1]
            return CallbackResult(last.case_id, last.number, last.status, last.version,
                                  first.attempts, first.unreachable,
                                  last.reopened_round)  # fmt: skip

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
