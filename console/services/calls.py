"""The call log and the agents' states at the phone: written from the plain call events
(console.telephony.events), read by the call log command, the case view and the
supervisor's wallboard. One unit of work per call; plain dataclasses out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import literal, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.agentstate import (
    DEFAULT_SERVICE_LEVEL,
    AgentState,
    CallFigures,
    CallTimes,
    StateNow,
    call_figures,
)
from console.domain.clock import now_utc
from console.domain.identity import Identity
from console.domain.shifts import shift_at
from console.models import Agent, AgentPresence, Case, UtcDateTime
from console.models.telephony import AgentPhoneState, CallLog
from console.services.queue import PRESENCE_TTL
from console.services.reference import load_shifts
from console.telephony.events import CallEvent, CallEventKind

#: the wallboard's period when no shift is defined for now
DEFAULT_PERIOD = timedelta(hours=8)


@dataclass(frozen=True)
class CallRecord:
    id: int
    uniqueid: str
    caller: str
    extension: str | None
    queue: str | None
    agent: str | None  # username
    source: str
    offered_at: datetime
    rang_at: datetime | None
    answered_at: datetime | None
    ended_at: datetime | None
    abandoned: bool
    recording: str | None
    case_id: int | None
    case_number: str | None

    def as_json(self) -> dict[str, object]:
        def iso(d: datetime | None) -> str | None:
            return d.isoformat() if d is not None else None

        return {
            "caller": self.caller,
            "extension": self.extension,
            "rang_at": iso(self.rang_at),
            "answered_at": iso(self.answered_at),
            "ended_at": iso(self.ended_at),
            "case": self.case_number,
            "case_id": self.case_id,
            "unique_id": self.uniqueid,
            "queue": self.queue,
            "offered_at": iso(self.offered_at),
            "abandoned": self.abandoned,
            "recording": self.recording,
            "agent": self.agent,
            "source": self.source,
        }


@dataclass(frozen=True)
class AgentOnBoard:
    agent_id: int
    display_name: str
    username: str
    state: str  # AgentState value
    reason: str
    since: datetime
    extension: str | None


@dataclass(frozen=True)
class Wallboard:
    at: datetime
    period_start: datetime
    calls: CallFigures
    agents: tuple[AgentOnBoard, ...]

    def by_state(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for a in self.agents:
            out[a.state] = out.get(a.state, 0) + 1
        return out


def _earliest(a: datetime | None, b: datetime) -> datetime:
    return b if a is None or b < a else a


def _apply(row: CallLog, e: CallEvent, who: Identity | None) -> None:
    if e.caller and not row.caller:
        row.caller = e.caller[:32]
    k = e.kind
    if k is CallEventKind.RING:
        row.rang_at = row.rang_at or e.at
        row.extension = e.extension or row.extension
        if who is not None:
            row.agent_id = who.agent_id
        row.offered_at = _earliest(row.offered_at, e.at)
    elif k is CallEventKind.QUEUE_JOIN:
        row.queued_at = row.queued_at or e.at
        row.queue = e.queue or row.queue
        row.offered_at = _earliest(row.offered_at, e.at)
    elif k in (CallEventKind.ANSWER, CallEventKind.AGENT_CONNECT):
        row.answered_at = row.answered_at or e.at
        row.extension = e.extension or row.extension
        if k is CallEventKind.ANSWER and who is not None:
            row.agent_id = who.agent_id
        if e.wait_seconds is not None:
            row.wait_seconds = e.wait_seconds
        if e.queue:
            row.queue = e.queue
    elif k is CallEventKind.HANGUP:
        row.ended_at = row.ended_at or e.at
    elif k is CallEventKind.QUEUE_ABANDON:
        if row.answered_at is None:
            row.abandoned = True
        row.ended_at = row.ended_at or e.at
        row.queue = e.queue or row.queue
        if e.wait_seconds is not None:
            row.wait_seconds = e.wait_seconds
    elif k is CallEventKind.RECORDING:
        row.recording = e.recording[:512]
    elif k is CallEventKind.AGENT_CALLED:
        row.queue = e.queue or row.queue
    row.updated_at = now_utc()


#: events that start a call's row; the others only update a call already known (a hang-up
#: of an internal call the console never saw ring leaves no row)
STARTS = frozenset(
    {
        CallEventKind.RING,
        CallEventKind.QUEUE_JOIN,
        CallEventKind.AGENT_CONNECT,
        CallEventKind.QUEUE_ABANDON,
        CallEventKind.ANSWER,
    }
)


def _row_for(s: Session, e: CallEvent) -> CallLog | None:
    row = s.scalars(select(CallLog).where(CallLog.uniqueid == e.call_id)).first()
    if row is not None or e.kind not in STARTS:
        return row
    try:
        with s.begin_nested():
            row = CallLog(
                uniqueid=e.call_id[:64],
                caller=e.caller[:32],
                source=e.source or "ami",
                offered_at=e.at,
                abandoned=False,
                updated_at=now_utc(),
            )
            s.add(row)
            s.flush()
        return row
    except IntegrityError:  # another console recorded the same call meanwhile
        found = s.scalars(select(CallLog).where(CallLog.uniqueid == e.call_id)).first()
        assert found is not None
        return found


def _records(s: Session, stmt_where: list[object], limit: int) -> list[CallRecord]:
    stmt = (
        select(CallLog, Agent.username, Case.number)
        .outerjoin(Agent, Agent.id == CallLog.agent_id)
        .outerjoin(Case, Case.id == CallLog.case_id)
        .where(*stmt_where)  # type: ignore[arg-type]
        .order_by(CallLog.offered_at.desc(), CallLog.id.desc())
        .limit(limit)
    )
    return [
        CallRecord(
            c.id,
            c.uniqueid,
            c.caller,
            c.extension,
            c.queue,
            username,
            c.source,
            c.offered_at,
            c.rang_at,
            c.answered_at,
            c.ended_at,
            c.abandoned,
            c.recording,
            c.case_id,
            number,
        )
        for c, username, number in s.execute(stmt)
    ]


class CallService:
    def __init__(self, sessions: sessionmaker[Session], station: Callable[[], str]) -> None:
        self._sessions = sessions
        self._station = station

    # --- the call log -------------------------------------------------------------------
    def record(self, event: CallEvent, who: Identity | None = None) -> int | None:
        """Record one event on its call's row (created by the first event seen; the same
        event recorded twice, by two consoles, changes nothing). The row's id, or None
        for an event of a call never seen starting."""
        with self._sessions() as s, s.begin():
            row = _row_for(s, event)
            if row is None:
                return None
            _apply(row, event, who)
            s.flush()
            return row.id

    def record_many(self, events: list[CallEvent], who: Identity | None = None) -> int:
        """A batch of events in one transaction (a burst); how many were recorded."""
        with self._sessions() as s, s.begin():
            for e in events:
                row = _row_for(s, e)
                if row is not None:
                    _apply(row, e, who)
        return len(events)

    def link_case(self, call_id: str, case_id: int) -> bool:
        """The case this call produced (or was added to). True when the call's row was
        there; else the row is started here and the call's events, still on their way
        to the database, fill it in."""
        with self._sessions() as s, s.begin():
            stmt = (
                update(CallLog)
                .where(CallLog.uniqueid == call_id)
                .values(case_id=case_id, updated_at=now_utc())
            )
            if s.execute(stmt).rowcount:  # type: ignore[attr-defined]
                return True
            try:
                with s.begin_nested():
                    s.add(
                        CallLog(
                            uniqueid=call_id[:64],
                            caller="",
                            source="ami",
                            offered_at=now_utc(),
                            abandoned=False,
                            case_id=case_id,
                            updated_at=now_utc(),
                        )
                    )
            except IntegrityError:
                s.execute(stmt)
            return False

    def wrap_up(self, call_id: str, at: datetime | None = None) -> None:
        """The agent finished the after-call work of this call."""
        with self._sessions() as s, s.begin():
            s.execute(
                update(CallLog)
                .where(CallLog.uniqueid == call_id, CallLog.wrapped_at.is_(None))
                .values(wrapped_at=at or now_utc(), updated_at=now_utc())
            )

    def recent(self, limit: int = 100, since: datetime | None = None) -> list[CallRecord]:
        with self._sessions() as s:
            where: list[object] = []
            if since is not None:
                where.append(CallLog.offered_at >= literal(since, UtcDateTime()))
            return _records(s, where, limit)

    def for_case(self, case_id: int) -> list[CallRecord]:
        with self._sessions() as s:
            return _records(s, [CallLog.case_id == case_id], 50)

    def get(self, call_id: str) -> CallRecord | None:
        with self._sessions() as s:
            found = _records(s, [CallLog.uniqueid == call_id], 1)
            return found[0] if found else None

    # --- agents' states -----------------------------------------------------------------
    def set_state(
        self,
        who: Identity,
        state: StateNow,
        extension: str | None = None,
        call_id: str | None = None,
    ) -> None:
        at = state.since or now_utc()
        values = {
            "state": state.state.value,
            "reason": state.reason,
            "since": at,
            "extension": extension,
            "station": self._station(),
            "call_id": call_id,
            "updated_at": now_utc(),
        }
        with self._sessions() as s, s.begin():
            done = s.execute(
                update(AgentPhoneState)
                .where(AgentPhoneState.agent_id == who.agent_id)
                .values(**values)
            )
            if done.rowcount:  # type: ignore[attr-defined]
                return
            try:
                with s.begin_nested():
                    s.add(AgentPhoneState(agent_id=who.agent_id, **values))
            except IntegrityError:
                s.execute(
                    update(AgentPhoneState)
                    .where(AgentPhoneState.agent_id == who.agent_id)
                    .values(**values)
                )

    def state_of(self, who: Identity) -> StateNow | None:
        with self._sessions() as s:
            row = s.get(AgentPhoneState, who.agent_id)
            if row is None:
                return None
            return StateNow(AgentState(row.state), row.reason, row.since)

    # --- the wallboard ------------------------------------------------------------------
    def wallboard(
        self, now: datetime | None = None, threshold: timedelta = DEFAULT_SERVICE_LEVEL
    ) -> Wallboard:
        """The calls of the current shift (calls waiting: whenever they came) and the
        agents signed in, by state."""
        at = now or now_utc()
        with self._sessions() as s:
            try:
                start = shift_at(load_shifts(s), at).start
            except LookupError:
                start = at - DEFAULT_PERIOD
            waiting_since = at - timedelta(hours=2)
            rows = s.execute(
                select(
                    CallLog.offered_at,
                    CallLog.answered_at,
                    CallLog.ended_at,
                    CallLog.abandoned,
                    CallLog.wrapped_at,
                ).where(
                    or_(
                        CallLog.offered_at >= literal(start, UtcDateTime()),
                        (CallLog.offered_at >= literal(waiting_since, UtcDateTime()))
                        & CallLog.answered_at.is_(None)
                        & CallLog.ended_at.is_(None),
                    )
                )
            ).all()
            figures = call_figures(
                (
                    CallTimes(
                        r[0],
                        r[1],
                        r[2],
                        bool(r[3]),
                        r[4],
                    )
                    for r in rows
                    if r[0] >= start or r[1] is None
                ),
                at,
                threshold,
            )
            alive = (
                select(AgentPresence.agent_id)
                .where(AgentPresence.seen_at >= literal(at - PRESENCE_TTL, UtcDateTime()))
                .distinct()
            )
            agents = tuple(
                AgentOnBoard(aid, name, user, state, reason, since, ext)
                for aid, name, user, state, reason, since, ext in s.execute(
                    select(
                        Agent.id,
                        Agent.display_name,
                        Agent.username,
                        AgentPhoneState.state,
                        AgentPhoneState.reason,
                        AgentPhoneState.since,
                        AgentPhoneState.extension,
                    )
                    .join(AgentPhoneState, AgentPhoneState.agent_id == Agent.id)
                    .where(
                        Agent.id.in_(alive),
                        AgentPhoneState.state != AgentState.SIGNED_OUT.value,
                    )
                    .order_by(AgentPhoneState.state, AgentPhoneState.since)
                )
            )
        return Wallboard(at, start, figures, agents)
