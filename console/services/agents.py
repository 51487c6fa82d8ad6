"""Agents and sign-in. Per-user database accounts come later; identity lives here."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.identity import Identity
from console.models import Agent
from console.services.errors import NotFound


@dataclass(frozen=True)
class AgentRef:
    id: int
    username: str
    display_name: str
    role: str


class AgentService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def active(self) -> list[AgentRef]:
        with self._sessions() as s:
            return [
                AgentRef(a.id, a.username, a.display_name, a.role)
                for a in s.scalars(
                    select(Agent).where(Agent.active.is_(True)).order_by(Agent.username)
                )
            ]

    def sign_in(self, username: str) -> Identity:
        with self._sessions() as s:
            a = s.scalars(
                select(Agent).where(Agent.username == username.strip(), Agent.active.is_(True))
            ).first()
            if a is None:
                raise NotFound(f"no active agent {username!r}")
            return Identity(
                a.id, a.username, a.display_name, a.role, a.unit_id, team=a.team or None
            )
