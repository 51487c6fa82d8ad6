"""People in a test database: the seeded administrator, and accounts made on demand."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.identity import Identity
from console.models import Agent


def identity_of(a: Agent) -> Identity:
    return Identity(a.id, a.username, a.display_name, a.role)


def admin(sessions: sessionmaker[Session]) -> Identity:
    """The seeded ``admin`` account."""
    with sessions() as s:
        return identity_of(s.scalars(select(Agent).where(Agent.username == "admin")).one())


def person(sessions: sessionmaker[Session], username: str, role: str) -> Identity:
    """The account ``username``, created with ``role`` when it does not exist yet."""
    with sessions() as s, s.begin():
        a = s.scalars(select(Agent).where(Agent.username == username)).first()
        if a is None:
            a = Agent(username=username, display_name=f"名{username}", role=role)
            s.add(a)
            s.flush()
        return identity_of(a)
