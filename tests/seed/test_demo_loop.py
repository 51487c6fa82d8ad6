"""The demo week and closing the loop: unit users with their units, cases in
their inboxes and in every loop state, callbacks with the new detail keys."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import EventKind, Role, Satisfaction
from console.domain.clock import CITY_TZ
from console.domain.workcalendar import WorkCalendar
from console.models import (
    Agent,
    Case,
    CaseCallback,
    CaseEvent,
    HandlingUnit,
    SupervisionNotice,
)
from console.seed.demo import seed_demo
from console.services.callbacks import CallbackService
from console.services.units import UnitService
from tests.seed.test_demo import _fresh

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=CITY_TZ)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> sessionmaker[Session]:
    sessions = _fresh(tmp_path_factory.mktemp("demo-loop") / "d.sqlite3")
    seed_demo(sessions, station="001", now=NOW, days=7, per_day=60)
    return sessions


def test_unit_users_and_their_inboxes(demo: sessionmaker[Session]) -> None:
    with demo() as s:
        users = {a.username: a for a in s.scalars(select(Agent).where(Agent.role == Role.UNIT))}
    assert {"unit01", "unit02"} <= set(users)
    assert all(a.unit_id is not None for a in users.values())
    # every unit that has cases has a user to try its inbox with
    with demo() as s:
        with_cases = set(s.scalars(select(Case.unit_id).where(Case.unit_id.is_not(None))))
    assert with_cases <= {a.unit_id for a in users.values()}
    cal = WorkCalendar()
    units = UnitService(demo, lambda: cal, lambda: "001")
    u1 = users["unit01"].unit_id
    assert u1 is not None
    inbox = units.inbox(u1)
    roles = {r.unit_role for r in inbox}
    assert len(inbox) >= 5 and roles == {"lead", "assist"}
    assert any(r.notices for r in inbox)  # reminded and supervised
    assert {n.kind for n in units.notices(u1)} == {"reminded", "supervised"}
    assert [n.kind for n in units.notices(None, kind="escalated")] == ["escalated"]
    assert units.pending_extensions()
    assert any(r.status == "replied" for r in units.awaiting_centre())


def test_every_loop_state_and_the_callback_keys(demo: sessionmaker[Session]) -> None:
    with demo() as s:
        kinds = set(s.scalars(select(CaseEvent.kind)))
        visits = s.scalars(select(CaseEvent).where(CaseEvent.kind == EventKind.VISITED))
        visited = [e.detail for e in visits]
        behalf = {
            e.detail.get("on_behalf")
            for e in s.scalars(select(CaseEvent).where(CaseEvent.kind == EventKind.ACCEPTED))
        }
        retry = list(s.scalars(select(CaseCallback)))
        notices = list(s.scalars(select(SupervisionNotice)))
    assert {
        "sent_back", "escalated", "reminded", "supervised", "callback_attempt", "reopened",
        "extension_requested",
    } <= kinds  # fmt: skip
    assert behalf == {True, False}  # by agents on the units' behalf, and by the units
    assert visited and all("satisfied" not in d for d in visited)
    values = {d["satisfaction"] for d in visited}
    assert values <= {*(x.value for x in Satisfaction), None}
    assert all({"solved", "unit_fault", "unreachable"} <= set(d) for d in visited)
    assert any(d["unit_fault"] for d in visited)
    assert len(retry) == 1 and retry[0].attempts == 1 and len(notices) == 3
    cal = WorkCalendar()
    queue = CallbackService(demo, lambda: cal, lambda: "001").queue(now=NOW, include_later=True)
    assert retry[0].case_id in [r.case_id for r in queue]


def test_a_town_government_gets_only_its_own_towns_cases(demo: sessionmaker[Session]) -> None:
    with demo() as s:
        rows = s.execute(
            select(Case.town_id, HandlingUnit.region_id)
            .join(HandlingUnit, HandlingUnit.id == Case.unit_id)
            .where(HandlingUnit.kind == "town", Case.town_id.is_not(None))
        ).all()
    assert rows
    assert all(town == region for town, region in rows)
