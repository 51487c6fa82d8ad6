"""Cases and agents for queue, claim and change-feed tests, written straight to the
database (no SLA computation: the tests choose the deadlines)."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from console.domain.identity import Identity
from console.models import Agent, Case
from tests.helpers.people import admin

__all__ = ["admin"]

_serial = itertools.count(1)
T0 = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)


def add_agents(
    sessions: sessionmaker[Session], n: int, *, role: str = "agent", team: str | None = None
) -> list[Identity]:
    out: list[Identity] = []
    with sessions() as s, s.begin():
        for _ in range(n):
            k = next(_serial)
            a = Agent(username=f"t{role}{k:04d}", display_name=f"坐席{k:04d}", role=role, team=team)
            s.add(a)
            s.flush()
            out.append(Identity(a.id, a.username, a.display_name, a.role))
    return out


def add_cases(
    sessions: sessionmaker[Session],
    n: int,
    *,
    status: str = "received",
    assignee_id: int | None = None,
    class_code: str = "city",
    case_type: str = "demand",
    due: datetime | None = T0,
    step: timedelta = timedelta(minutes=10),
    received: datetime = T0,
    description: str = "市民反映路灯损坏",
    caller_name: str = "",
    caller_phone: str = "13800138000",
) -> list[int]:
    ids: list[int] = []
    with sessions() as s, s.begin():
        for i in range(n):
            k = next(_serial)
            c = Case(
                number=f"261120-9{k // 10000:02d}-{k % 10000:04d}",
                station="900",
                channel_code="phone_12345",
                case_type=case_type,
                sub_type="help" if case_type == "demand" else "policy",
                class_code=class_code,
                caller_name=caller_name,
                caller_phone=caller_phone,
                title=description[:60],
                description=description,
                status=status,
                assignee_id=assignee_id,
                next_due_at=None if due is None else due + step * i,
                received_at=received + timedelta(seconds=i),
                created_at=received,
                updated_at=received,
            )
            s.add(c)
            s.flush()
            ids.append(c.id)
    return ids
