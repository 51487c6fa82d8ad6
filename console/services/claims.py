"""Who works which case: claim the next case or a chosen one, assign and reassign (one
or many), and a fair automatic assignment for team queues.

Every change of holder is one atomic statement and leaves an event in the case's
history. Two agents can never hold the same case:

- PostgreSQL: claim-next is ``UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)
  RETURNING`` (concurrent claimers skip each other's rows instead of queueing);
  claiming a chosen case is ``UPDATE … WHERE id = :id AND assignee_id IS NULL`` — a
  concurrent claimer blocks on the row lock, re-reads the committed row and updates
  nothing.
- SQLite: every unit of work begins with BEGIN IMMEDIATE (console.infra.database), so the
  read and the write of a claim happen under the database's single write lock.

The loser gets :class:`AlreadyClaimed` (a :class:`Conflict`) naming who holds the case.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    and_,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import OPEN_STATUS_VALUES, OPEN_STATUSES, EventKind, Role
from console.domain.clock import now_utc
from console.domain.errors import Refused
from console.domain.identity import Identity
from console.models import Agent, AgentPresence, Case, CaseEvent, UtcDateTime
from console.models.base import table_of
from console.models.case import OPEN_STATUS_SQL
from console.services.errors import Conflict, NotFound
from console.services.queue import PRESENCE_TTL

#: auto-assignment stops giving an agent cases once they hold this many open ones
DEFAULT_CAP = 8
OPEN_SQL = OPEN_STATUS_SQL  # the partial indexes' own predicate text

_cases = table_of(Case)
_events = table_of(CaseEvent)


class AlreadyClaimed(Conflict):
    """Someone else holds the case (or took it a moment ago)."""

    code = "already_claimed"

    def __init__(self, case_id: int, number: str, holder: str) -> None:
        super().__init__(f"case {number} is already held by {holder}")
        self.case_id = case_id
        self.number = number
        self.holder = holder


class CaseNotOpen(Conflict):
    code = "case_not_open"

    def __init__(self, case_id: int, number: str, status: str) -> None:
        super().__init__(f"case {number} is {status}: nothing to claim")
        self.case_id = case_id
        self.number = number
        self.status = status


@dataclass(frozen=True)
class Claimed:
    case_id: int
    number: str
    assignee_id: int | None
    version: int
    already_mine: bool = False


@dataclass(frozen=True)
class AssignConflict:
    case_id: int
    number: str
    holder: str  # who holds it now ("" when nobody)
    reason: str  # "changed" (not what the supervisor saw) | "not_open" | "not_found"


@dataclass(frozen=True)
class AssignResult:
    assigned: tuple[Claimed, ...]
    conflicts: tuple[AssignConflict, ...]


@dataclass(frozen=True)
class AutoAssignResult:
    by_agent: dict[int, tuple[int, ...]] = field(default_factory=dict)  # agent -> case ids

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.by_agent.values())


def _open() -> ColumnElement[bool]:
    return _cases.c.status.in_(OPEN_STATUS_VALUES)


def _unassigned_open(team: str | None) -> ColumnElement[bool]:
    cond = and_(_open(), _cases.c.assignee_id.is_(None))
    return and_(cond, _cases.c.class_code == team) if team else cond


def _dt(v: datetime) -> Any:
    return literal(v, UtcDateTime())


def _event(
    session: Session,
    case_ids: Iterable[int],
    kind: str,
    who: Identity,
    station: str,
    at: datetime,
    detail: Mapping[str, Any],
) -> None:
    rows = [
        {
            "case_id": cid,
            "kind": kind,
            "at": at,
            "actor_id": who.agent_id,
            "actor_name": who.display_name,
            "station": station,
            "detail": dict(detail),
        }
        for cid in case_ids
    ]
    if rows:
        session.execute(insert(_events), rows)


def _holder_name(session: Session, agent_id: int | None) -> str:
    if agent_id is None:
        return ""
    name = session.execute(select(Agent.display_name).where(Agent.id == agent_id)).scalar()
    return str(name) if name else f"#{agent_id}"


def _set_holder(
    session: Session,
    where: ColumnElement[bool],
    to: int | None,
    at: datetime,
) -> list[tuple[int, str, int]]:
    stmt = (
        update(_cases)
        .where(where)
        .values(assignee_id=to, version=_cases.c.version + 1, updated_at=at)
        .returning(_cases.c.id, _cases.c.number, _cases.c.version)
    )
    return [(int(r[0]), str(r[1]), int(r[2])) for r in session.execute(stmt)]


def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _claim_next_sql(team: bool) -> str:
    """Pick (skipping rows other claimers hold), take and record, in one statement.
    Ascending puts cases without a deadline last on PostgreSQL, like the queue."""
    of_team = "AND class_code = %(team)s" if team else ""
    return f"""
        WITH picked AS (
            UPDATE cases SET assignee_id = %(me)s, version = version + 1, updated_at = %(at)s
            WHERE id = (
                SELECT id FROM cases
                WHERE {OPEN_SQL} AND assignee_id IS NULL {of_team}
                ORDER BY next_due_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
            ) AND assignee_id IS NULL
            RETURNING id, number, version
        ), recorded AS (
            INSERT INTO case_events (case_id, kind, at, actor_id, actor_name, station, detail)
            SELECT id, 'claimed', %(at)s, %(me)s, %(name)s, %(station)s,
                CAST('{{"how": "next"}}' AS json)
            FROM picked
        )
        SELECT id, number, version FROM picked
    """


#: claim-next on PostgreSQL, as the driver's own SQL (no compilation per call: at
#: hundreds of claims a second the client's CPU is what limits, see bench/queue.py)
_CLAIM_NEXT_PG = {False: _claim_next_sql(False), True: _claim_next_sql(True)}


def _claim_next_pg(
    conn: Connection, who: Identity, team: str | None, at: datetime, station: str
) -> Claimed | None:
    params = {"me": who.agent_id, "at": at, "name": who.display_name, "station": station}
    if team:
        params["team"] = team
    row = conn.exec_driver_sql(_CLAIM_NEXT_PG[bool(team)], params).first()
    if row is None:
        return None
    return Claimed(int(row[0]), str(row[1]), who.agent_id, int(row[2]))


def claim_next_in(
    session: Session, who: Identity, team: str | None, at: datetime, station: str
) -> Claimed | None:
    """Claim the unassigned open case with the least time left (inside the caller's
    transaction). None when the queue is empty."""
    pick = select(_cases.c.id).where(_unassigned_open(team))
    if _is_pg(session):
        return _claim_next_pg(session.connection(), who, team, at, station)
    # under BEGIN IMMEDIATE nobody else writes between this read and the update
    case_id = session.execute(
        pick.where(_cases.c.next_due_at.is_not(None))
        .order_by(_cases.c.next_due_at.asc(), _cases.c.id.asc())
        .limit(1)
    ).scalar()
    if case_id is None:
        case_id = session.execute(
            pick.where(_cases.c.next_due_at.is_(None)).order_by(_cases.c.id.asc()).limit(1)
        ).scalar()
    if case_id is None:
        return None
    done = _set_holder(
        session,
        and_(_cases.c.id == case_id, _cases.c.assignee_id.is_(None)),
        who.agent_id,
        at,
    )
    if not done:
        return None
    cid, number, version = done[0]
    _event(session, [cid], EventKind.CLAIMED, who, station, at, {"how": "next"})
    return Claimed(cid, number, who.agent_id, version)


class ClaimService:
    def __init__(self, sessions: sessionmaker[Session], station: Any = lambda: "") -> None:
        self._sessions = sessions
        self._station = station

    # --- agents ------------------------------------------------------------------------
    def claim_next(
        self, who: Identity, team: str | None = None, now: datetime | None = None
    ) -> Claimed | None:
        """Take the most urgent unassigned case (of a team's class, if given)."""
        at = now or now_utc()
        engine = self._sessions.kw.get("bind")
        if isinstance(engine, Engine) and engine.dialect.name == "postgresql":
            # on PostgreSQL claim-next is one atomic statement: run it in autocommit, two
            # round trips (pool check + statement) instead of four (… BEGIN, COMMIT)
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                return _claim_next_pg(conn, who, team, at, self._station())
        with self._sessions() as s, s.begin():
            return claim_next_in(s, who, team, at, self._station())

    def claim(self, case_id: int, who: Identity, now: datetime | None = None) -> Claimed:
        """Take this case. Raises AlreadyClaimed if someone else holds it."""
        at = now or now_utc()
        with self._sessions() as s, s.begin():
            done = _set_holder(
                s,
                and_(_cases.c.id == case_id, _cases.c.assignee_id.is_(None), _open()),
                who.agent_id,
                at,
            )
            if done:
                cid, number, version = done[0]
                _event(s, [cid], EventKind.CLAIMED, who, self._station(), at, {"how": "chosen"})
                return Claimed(cid, number, who.agent_id, version)
            row = s.execute(
                select(
                    _cases.c.number, _cases.c.status, _cases.c.assignee_id, _cases.c.version
                ).where(_cases.c.id == case_id)
            ).first()
            if row is None:
                raise NotFound(f"case #{case_id}")
            number, status, holder, version = row
            if holder == who.agent_id:
                return Claimed(case_id, number, holder, version, already_mine=True)
            if status not in OPEN_STATUSES:
                raise CaseNotOpen(case_id, number, status)
            raise AlreadyClaimed(case_id, number, _holder_name(s, holder))

    def release(self, case_id: int, who: Identity, now: datetime | None = None) -> None:
        """Give my case back to the team queue."""
        at = now or now_utc()
        with self._sessions() as s, s.begin():
            done = _set_holder(
                s, and_(_cases.c.id == case_id, _cases.c.assignee_id == who.agent_id), None, at
            )
            if not done:
                row = s.execute(
                    select(_cases.c.number, _cases.c.assignee_id).where(_cases.c.id == case_id)
                ).first()
                if row is None:
                    raise NotFound(f"case #{case_id}")
                raise AlreadyClaimed(case_id, row[0], _holder_name(s, row[1]))
            _event(
                s, [case_id], EventKind.ASSIGNED, who, self._station(), at,
                {"from": who.agent_id, "to": None, "how": "released"},
            )  # fmt: skip

    # --- supervisors -------------------------------------------------------------------
    def assign(
        self,
        case_ids: Iterable[int],
        to_agent_id: int | None,
        who: Identity,
        *,
        expected: Mapping[int, int | None] | None = None,
        now: datetime | None = None,
    ) -> AssignResult:
        """Assign (or, with None, unassign) one or many cases. With ``expected`` (case id
        -> the holder the supervisor saw), a case whose holder changed meanwhile is left
        alone and reported as a conflict instead of being taken from its new holder."""
        if not who.is_supervisor:
            raise Refused("only a supervisor assigns cases", code="forbidden")
        at = now or now_utc()
        ids = list(dict.fromkeys(case_ids))
        assigned: list[Claimed] = []
        conflicts: list[AssignConflict] = []
        with self._sessions() as s, s.begin():
            if to_agent_id is not None:
                active = s.execute(select(Agent.active).where(Agent.id == to_agent_id)).scalar()
                if not active:
                    raise NotFound(f"agent #{to_agent_id}")
            before = {
                int(r[0]): (r[1], r[2])
                for r in s.execute(
                    select(_cases.c.id, _cases.c.number, _cases.c.assignee_id).where(
                        _cases.c.id.in_(ids)
                    )
                )
            }
            for cid in ids:
                cond = and_(_cases.c.id == cid, _open())
                if expected is not None and cid in expected:
                    cond = and_(cond, _cases.c.assignee_id.is_not_distinct_from(expected[cid]))
                done = _set_holder(s, cond, to_agent_id, at)
                if done:
                    _, number, version = done[0]
                    assigned.append(Claimed(cid, number, to_agent_id, version))
                    prev = before.get(cid, ("", None))[1]
                    _event(
                        s, [cid], EventKind.ASSIGNED, who, self._station(), at,
                        {"from": prev, "to": to_agent_id, "how": "supervisor"},
                    )  # fmt: skip
                    continue
                row = s.execute(
                    select(_cases.c.number, _cases.c.status, _cases.c.assignee_id).where(
                        _cases.c.id == cid
                    )
                ).first()
                if row is None:
                    conflicts.append(AssignConflict(cid, "", "", "not_found"))
                elif row[1] not in OPEN_STATUSES:
                    conflicts.append(
                        AssignConflict(cid, row[0], _holder_name(s, row[2]), "not_open")
                    )
                else:
                    conflicts.append(
                        AssignConflict(cid, row[0], _holder_name(s, row[2]), "changed")
                    )
        return AssignResult(tuple(assigned), tuple(conflicts))

    def auto_assign(
        self,
        who: Identity,
        *,
        team: str | None = None,
        cap: int = DEFAULT_CAP,
        now: datetime | None = None,
    ) -> AutoAssignResult:
        """Fair round robin: the unassigned open cases of the team queue, most urgent
        first, each to the signed-in agent (of that team, if given) holding the fewest
        open cases, never beyond ``cap`` open cases per agent."""
        if not who.is_supervisor:
            raise Refused("only a supervisor starts auto-assignment", code="forbidden")
        at = now or now_utc()
        station = self._station()
        with self._sessions() as s, s.begin():
            present = select(AgentPresence.agent_id).where(
                AgentPresence.seen_at >= _dt(at - PRESENCE_TTL)
            )
            agents_q = select(Agent.id).where(
                Agent.id.in_(present), Agent.active.is_(True), Agent.role == Role.AGENT
            )
            if team:
                agents_q = agents_q.where(Agent.team == team)
            agent_ids = [int(a) for a in s.scalars(agents_q)]
            if not agent_ids:
                return AutoAssignResult()
            loads = {a: 0 for a in agent_ids}
            for aid, n in s.execute(
                select(_cases.c.assignee_id, func.count())
                .where(_open(), _cases.c.assignee_id.in_(agent_ids))
                .group_by(_cases.c.assignee_id)
            ):
                loads[int(aid)] = int(n)
            room = sum(max(cap - n, 0) for n in loads.values())
            if room == 0:
                return AutoAssignResult()
            pick = select(_cases.c.id).where(_unassigned_open(team))
            if _is_pg(s):
                pick = pick.order_by(_cases.c.next_due_at.asc(), _cases.c.id.asc())
                case_ids = [
                    int(c) for c in s.scalars(pick.limit(room).with_for_update(skip_locked=True))
                ]
            else:
                case_ids = [
                    int(c)
                    for c in s.scalars(
                        pick.where(_cases.c.next_due_at.is_not(None))
                        .order_by(_cases.c.next_due_at.asc(), _cases.c.id.asc())
                        .limit(room)
                    )
                ]
                if len(case_ids) < room:
                    case_ids += [
                        int(c)
                        for c in s.scalars(
                            pick.where(_cases.c.next_due_at.is_(None))
                            .order_by(_cases.c.id.asc())
                            .limit(room - len(case_ids))
                        )
                    ]
            # least loaded first; among equals, whoever was given a case longest ago
            heap = [(n, i, a) for i, (a, n) in enumerate(sorted(loads.items())) if n < cap]
            heapq.heapify(heap)
            turn = len(heap)
            given: dict[int, list[int]] = {}
            for cid in case_ids:
                if not heap:
                    break
                n, _, aid = heapq.heappop(heap)
                done = _set_holder(
                    s, and_(_cases.c.id == cid, _cases.c.assignee_id.is_(None)), aid, at
                )
                if not done:
                    heapq.heappush(heap, (n, turn, aid))
                    turn += 1
                    continue
                given.setdefault(aid, []).append(cid)
                _event(
                    s, [cid], EventKind.ASSIGNED, who, station, at,
                    {"from": None, "to": aid, "how": "auto"},
                )  # fmt: skip
                if n + 1 < cap:
                    heapq.heappush(heap, (n + 1, turn, aid))
                    turn += 1
            return AutoAssignResult({a: tuple(c) for a, c in given.items()})

    def holder(self, case_id: int) -> tuple[int | None, str]:
        with self._sessions() as s:
            row = s.execute(select(_cases.c.assignee_id).where(_cases.c.id == case_id)).first()
            if row is None:
                raise NotFound(f"case #{case_id}")
            return row[0], _holder_name(s, row[0])
