"""The average response time is measured per dispatch round and is never negative,
whatever the walk of the lifecycle (returns, re-dispatches, reopenings, refused
returns): a property test over random walks of the state machine, each carried out by
the lifecycle service on a real database and measured by the assessment's own query."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from console.domain import lifecycle as L
from console.domain.identity import Identity
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.infra.database import make_engine, make_session_factory
from console.models import Agent, CaseEvent, HandlingUnit, MatterCategory, Region
from console.queries.assessment import live_facts
from console.services.cases import CaseService
from console.services.lifecycle import LifecycleService, Params
from console.services.numbers import register_workstation
from tests.helpers.db import sqlite_copy

T0 = datetime(2026, 6, 2, 2, 0, tzinfo=UTC)
#: the actions a walk may take (each with what it needs)
WALK = {
    "dispatch": True, "accept": False, "contact": False, "return": False, "reply": False,
    "review_accept": False, "send_back": False, "accept_return": False,
    "refuse_return": False, "redispatch": True, "callback": False, "reopen": False,
}  # fmt: skip


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> Iterator[tuple[Any, ...]]:
    url = sqlite_copy(sqlite_template, tmp_path_factory.mktemp("rounds"))
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    station = register_workstation(sessions, "r")
    with sessions() as s:
        a = s.scalars(select(Agent).where(Agent.username == "admin")).one()
        who = Identity(a.id, a.username, a.display_name, a.role)
        units = list(s.scalars(select(HandlingUnit.id).order_by(HandlingUnit.id).limit(2)))
        cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
        district = s.scalars(select(Region.id).where(Region.level == 1)).first()
    cases = CaseService(sessions, WorkCalendar, lambda: station)
    life = LifecycleService(sessions, WorkCalendar, lambda: station)
    draft = CaseDraft(case_type="demand", sub_type="complaint", class_code="city",
                      category_id=cat, district_id=district, caller_phone="13800138000",
                      description="路灯坏了很久没人修理")  # fmt: skip
    yield sessions, who, units, cases, life, draft
    engine.dispose()


def _params(action: str, units: list[int], i: int) -> Params:
    if action == "callback":
        return Params(satisfaction="unsatisfied", solved=False, text="未解决")
    return Params(text="说明", unit_id=units[i % len(units)] if WALK.get(action) else None)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    choices=st.lists(st.integers(min_value=0, max_value=50), min_size=3, max_size=14),
    gaps=st.lists(st.integers(min_value=1, max_value=600), min_size=14, max_size=14),
)
def test_response_time_per_round_is_never_negative(
    world: tuple[Any, ...], choices: list[int], gaps: list[int]
) -> None:
    sessions, who, units, cases, life, draft = world
    saved = cases.create(draft, who, now=T0)
    at = T0
    status = "received"
    for i, pick in enumerate(choices):
        sheet = life.sheet(saved.id, who)
        allowed = [a.action for a in sheet.actions if a.action in WALK]
        if not allowed:
            break
        action = allowed[pick % len(allowed)]
        at = at + timedelta(minutes=gaps[i])
        status = life.do_id(saved.id, action, who, _params(action, units, i), at=at).status
    assert status
    with sessions() as s:
        dialect = s.get_bind().dialect.name
        row = s.execute(live_facts(dialect, select(CaseEvent.case_id).where(
            CaseEvent.case_id == saved.id).distinct())).one()  # fmt: skip
        events = [(k, a) for k, a in s.execute(
            select(CaseEvent.kind, CaseEvent.at).where(CaseEvent.case_id == saved.id)
            .order_by(CaseEvent.id))]  # fmt: skip
    # the expected figure, by hand from the history: each lead acknowledgement belongs
    # to the latest dispatch before it; the first one of each dispatch counts
    last_dispatch: datetime | None = None
    firsts: dict[datetime, datetime] = {}
    for kind, when in events:
        if kind in ("dispatched", "forwarded"):
            last_dispatch = when
        elif kind == "accepted" and last_dispatch is not None:
            firsts.setdefault(last_dispatch, when)
    expected = sum((a - d).total_seconds() for d, a in firsts.items())
    assert row.response_rounds == len(firsts)
    if firsts:
        assert row.response_seconds is not None and row.response_seconds >= 0
        assert row.response_seconds == pytest.approx(expected, abs=1.0)
    assert all(a >= d for d, a in firsts.items())
    assert set(WALK) <= set(L.ACTIONS)  # the walk uses the state machine's own names
