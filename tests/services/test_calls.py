"""The call log and agents' states on SQLite and PostgreSQL: calls recorded from plain
events (idempotently: many consoles see a queue call), linked to their case, the call
log command, and the wallboard's figures."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.cli.entry import main
from console.domain.agentstate import AgentState, StateNow
from console.models import Case
from console.models.telephony import CallLog
from console.services.calls import CallService
from console.services.presence import PresenceService
from console.telephony.events import CallEvent
from console.telephony.events import CallEventKind as K
from tests.helpers.queue_data import add_agents, add_cases

T = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 10:00 local, inside the day shift


def ev(kind: K, call_id: str, seconds: float, **kw: object) -> CallEvent:
    return CallEvent(kind, call_id, at=T + timedelta(seconds=seconds), **kw)  # type: ignore[arg-type]


@pytest.fixture
def calls(sessions: sessionmaker[Session]) -> CallService:
    return CallService(sessions, lambda: "001")


def test_a_call_recorded_from_its_events_and_linked_to_its_case(
    sessions: sessionmaker[Session], calls: CallService
) -> None:
    (agent,) = add_agents(sessions, 1)
    story = [
        ev(K.QUEUE_JOIN, "c1", 0, caller="13800138000", queue="hotline"),
        ev(K.RING, "c1", 4, caller="13800138000", extension="1001"),
        ev(K.ANSWER, "c1", 9, extension="1001"),
        ev(K.AGENT_CONNECT, "c1", 9.2, extension="1001", queue="hotline", wait_seconds=9),
        ev(K.RECORDING, "c1", 9.5, recording="/monitor/c1.wav"),
        ev(K.HANGUP, "c1", 130),
    ]
    for e in story:
        calls.record(e, agent)
    for e in story:  # a second console saw the same queue call: nothing changes
        calls.record(e, None)
    (case_id,) = add_cases(sessions, 1)
    assert calls.link_case("c1", case_id)
    # linked before its first event reached the database: the events fill the row in
    assert not calls.link_case("early", case_id)
    calls.record(ev(K.RING, "early", 1, caller="13700137000", extension="1001"))
    early = calls.get("early")
    assert early is not None and early.case_id == case_id and early.caller == "13700137000"
    r = calls.get("c1")
    assert r is not None
    assert (r.caller, r.extension, r.queue, r.agent) == (
        "13800138000",
        "1001",
        "hotline",
        agent.username,
    )
    assert r.offered_at == T and r.rang_at == T + timedelta(seconds=4)
    assert r.answered_at == T + timedelta(seconds=9)
    assert r.ended_at == T + timedelta(seconds=130)
    assert r.recording == "/monitor/c1.wav" and r.case_id == case_id and r.case_number
    assert {x.uniqueid for x in calls.for_case(case_id)} == {"c1", "early"}
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(CallLog)) == 2


def test_wallboard_figures_and_agent_states(
    sessions: sessionmaker[Session], calls: CallService
) -> None:
    a1, a2, a3 = add_agents(sessions, 3)
    now = T + timedelta(seconds=120)
    presence = PresenceService(sessions, lambda: "001")
    for a in (a1, a2):  # a3 is not signed in: not on the board
        presence.heartbeat(a, now=now)
    # answered in 5 s and in 40 s; one abandoned after 30 s; one waiting for 50 s
    calls.record_many(
        [
            ev(K.QUEUE_JOIN, "q1", 0, caller="1"),
            ev(K.AGENT_CONNECT, "q1", 5, extension="1001"),
            ev(K.HANGUP, "q1", 65),
            ev(K.QUEUE_JOIN, "q2", 10, caller="2"),
            ev(K.AGENT_CONNECT, "q2", 50, extension="1002"),
            ev(K.HANGUP, "q2", 110),
            ev(K.QUEUE_JOIN, "q3", 20, caller="3"),
            ev(K.QUEUE_ABANDON, "q3", 50, wait_seconds=30),
            ev(K.QUEUE_JOIN, "q4", 70, caller="4"),
        ]
    )
    calls.wrap_up("q1", T + timedelta(seconds=95))  # 30 s of after-call work
    calls.set_state(a1, StateNow(AgentState.ON_CALL, "", T), extension="1001", call_id="q5")
    calls.set_state(a2, StateNow(AgentState.NOT_READY, "meal", T - timedelta(minutes=3)))
    calls.set_state(a3, StateNow(AgentState.READY, "", T))
    calls.set_state(a1, StateNow(AgentState.AFTER_CALL, "", T + timedelta(seconds=60)))
    assert calls.state_of(a1) == StateNow(AgentState.AFTER_CALL, "", T + timedelta(seconds=60))
    board = calls.wallboard(now)
    f = board.calls
    assert (f.waiting, f.longest_wait) == (1, timedelta(seconds=50))
    assert (f.offered, f.answered, f.answered_in_time, f.abandoned) == (3, 2, 1, 1)
    assert f.service_level == pytest.approx(1 / 3)
    # handle: q1 5→95 (talk and after-call work) = 90 s, q2 50→110 = 60 s
    assert f.average_handle == timedelta(seconds=75)
    assert {(a.username, a.state, a.reason) for a in board.agents} == {
        (a1.username, "after_call", ""),
        (a2.username, "not_ready", "meal"),
    }
    assert board.by_state() == {"after_call": 1, "not_ready": 1}
    # a longer service-level threshold counts the 40 s answer in time
    assert calls.wallboard(now, timedelta(seconds=45)).calls.answered_in_time == 2


def test_calls_list_command(
    db_url: str, sessions: sessionmaker[Session], capsys: pytest.CaptureFixture[str]
) -> None:
    calls = CallService(sessions, lambda: "001")
    (case_id,) = add_cases(sessions, 1)
    calls.record(ev(K.RING, "s1", 0, caller="13800138000", extension="1001", source="softphone"))
    calls.record(ev(K.ANSWER, "s1", 3))
    calls.record(ev(K.HANGUP, "s1", 60))
    calls.link_case("s1", case_id)
    calls.record(ev(K.QUEUE_JOIN, "s2", 100, caller="075783381234"))
    calls.record(ev(K.QUEUE_ABANDON, "s2", 120))
    assert main(["--database", db_url, "calls", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["caller"] for r in rows] == ["075783381234", "13800138000"]
    first = rows[1]
    assert {"caller", "extension", "rang_at", "answered_at", "ended_at", "case"} <= set(first)
    assert first["extension"] == "1001" and first["case"] and first["case_id"] == case_id
    assert datetime.fromisoformat(first["rang_at"]) == T
    assert rows[0]["abandoned"] is True and rows[0]["answered_at"] is None
    assert main(["--database", db_url, "calls", "list"]) == 0
    out = capsys.readouterr().out
    assert "abandoned" in out and "2 call(s)" in out


def test_demo_has_calls_behind_its_phone_cases(sessions: sessionmaker[Session]) -> None:
    from console.seed.demo import seed_demo
    from console.services.numbers import register_workstation

    station = register_workstation(sessions, "demo-host")
    seed_demo(sessions, station=station, now=T, days=1, per_day=80)
    calls = CallService(sessions, lambda: station)
    rows = calls.recent(limit=1000)
    linked = [r for r in rows if r.case_id is not None]
    assert linked and all(r.recording and r.answered_at and r.ended_at for r in linked)
    assert all(r.rang_at is not None and r.rang_at <= T for r in linked)
    with sessions() as s:
        phone_cases = s.scalar(
            select(func.count())
            .select_from(Case)
            .where(Case.channel_code.in_(("phone_12345", "enterprise_line")))
        )
    assert len(linked) == phone_cases
    board = calls.wallboard(T)
    assert board.calls.offered > 0 and board.calls.service_level is not None
