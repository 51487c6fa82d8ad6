"""Who is signed in where, and which case each console has open right now.

Every console sends a heartbeat (``seen_at``) while signed in; a console silent for
longer than PRESENCE_TTL counts as gone (a crash or a cut cable needs no clean-up).
Opening or closing a case changes ``case_id``, which a trigger publishes on the change
feed so that the other queues show "also open at …" within a second.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, literal, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import OPEN_STATUS_VALUES
from console.domain.clock import now_utc
from console.domain.identity import Identity
from console.models import Agent, AgentPresence, Case, UtcDateTime
from console.services.queue import PRESENCE_TTL


@dataclass(frozen=True)
class PresentAgent:
    agent_id: int
    username: str
    display_name: str
    role: str
    team: str | None
    station: str
    signed_in_at: datetime
    case_id: int | None  # the case open on screen, if any
    case_number: str | None
    open_cases: int  # open cases the agent holds


def _touch(
    s: Session, who: Identity, station: str, at: datetime, values: dict[str, object]
) -> None:
    cond = (AgentPresence.agent_id == who.agent_id) & (AgentPresence.station == station)
    done = s.execute(update(AgentPresence).where(cond).values(seen_at=at, **values))
    if done.rowcount:  # type: ignore[attr-defined]
        return
    try:
        with s.begin_nested():
            s.add(
                AgentPresence(
                    agent_id=who.agent_id,
                    station=station,
                    signed_in_at=at,
                    seen_at=at,
                    **values,
                )
            )
    except IntegrityError:  # the same console raced itself: the row exists now
        s.execute(update(AgentPresence).where(cond).values(seen_at=at, **values))


class PresenceService:
    def __init__(self, sessions: sessionmaker[Session], station: Callable[[], str]) -> None:
        self._sessions = sessions
        self._station = station

    def heartbeat(self, who: Identity, now: datetime | None = None) -> None:
        """Signed in and alive (creates the presence row on the first call)."""
        with self._sessions() as s, s.begin():
            _touch(s, who, self._station(), now or now_utc(), {})

    def open_case(self, who: Identity, case_id: int, now: datetime | None = None) -> None:
        at = now or now_utc()
        with self._sessions() as s, s.begin():
            _touch(s, who, self._station(), at, {"case_id": case_id, "case_opened_at": at})

    def close_case(self, who: Identity, case_id: int | None = None) -> None:
        """The case view closed (only clears ``case_id`` if it is still that case)."""
        at = now_utc()
        with self._sessions() as s, s.begin():
            cond = (AgentPresence.agent_id == who.agent_id) & (
                AgentPresence.station == self._station()
            )
            if case_id is not None:
                cond = cond & (AgentPresence.case_id == case_id)
            s.execute(
                update(AgentPresence)
                .where(cond)
                .values(case_id=None, case_opened_at=None, seen_at=at)
            )

    def sign_out(self, who: Identity) -> None:
        with self._sessions() as s, s.begin():
            s.execute(
                delete(AgentPresence).where(
                    AgentPresence.agent_id == who.agent_id,
                    AgentPresence.station == self._station(),
                )
            )

    def viewers(self, case_id: int, me: int | None, now: datetime | None = None) -> list[str]:
        at = now or now_utc()
        with self._sessions() as s:
            stmt = (
                select(Agent.display_name)
                .join(AgentPresence, AgentPresence.agent_id == Agent.id)
                .where(
                    AgentPresence.case_id == case_id,
                    AgentPresence.seen_at >= literal(at - PRESENCE_TTL, UtcDateTime()),
                )
                .order_by(AgentPresence.case_opened_at)
            )
            if me is not None:
                stmt = stmt.where(AgentPresence.agent_id != me)
            return list(dict.fromkeys(str(n) for n in s.scalars(stmt)))

    def present(self, now: datetime | None = None) -> list[PresentAgent]:
        """Agents signed in right now, with the case they have open and how many open
        cases they hold."""
        at = now or now_utc()
        with self._sessions() as s:
            return present_agents(s, at)


def present_agents(s: Session, at: datetime) -> list[PresentAgent]:
    open_count = (
        select(Case.assignee_id, func.count().label("n"))
        .where(Case.status.in_(OPEN_STATUS_VALUES))
        .group_by(Case.assignee_id)
        .subquery()
    )
    stmt = (
        select(
            Agent.id,
            Agent.username,
            Agent.display_name,
            Agent.role,
            Agent.team,
            AgentPresence.station,
            AgentPresence.signed_in_at,
            AgentPresence.case_id,
            Case.number,
            func.coalesce(open_count.c.n, 0),
        )
        .join(AgentPresence, AgentPresence.agent_id == Agent.id)
        .outerjoin(Case, Case.id == AgentPresence.case_id)
        .outerjoin(open_count, open_count.c.assignee_id == Agent.id)
        .where(AgentPresence.seen_at >= literal(at - PRESENCE_TTL, UtcDateTime()))
        .order_by(Agent.display_name, AgentPresence.station)
    )
    return [
        PresentAgent(int(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], int(r[9]))
        for r in s.execute(stmt)
    ]
