"""This wave's tables under the guards, attacked with each role's own login: calls,
agents' states, suggestions' feedback, attachments, number counters. The console's own
flows on them keep working under the same logins."""

from __future__ import annotations

import pytest
from psycopg import errors as pgerr
from sqlalchemy import text

from console.app import AppContext
from console.domain.agentstate import AgentState, StateNow
from console.services.attachments import AttachmentService
from console.telephony.events import CallEvent, CallEventKind
from tests.helpers.roles import World
from tests.security.test_attacks import ctxs, me

pytestmark = pytest.mark.pg

__all__ = ["ctxs"]

REFUSED = (pgerr.InsufficientPrivilege, pgerr.RaiseException)


def _id(world: World, short: str) -> int:
    with world.owner.connect() as c:
        return int(
            c.execute(
                text("SELECT id FROM agents WHERE username = :u"), {"u": world.login(short)}
            ).scalar_one()
        )


def test_agent_states_are_written_in_ones_own_name(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1, a2 = me(ctxs["a1"], world, "a1"), me(ctxs["a2"], world, "a2")
    ctxs["a1"].calls.set_state(a1, StateNow(AgentState.READY), extension="8001")
    ctxs["a2"].calls.set_state(a2, StateNow(AgentState.NOT_READY, "break"), extension="8002")
    mine = ctxs["a1"].calls.state_of(a1)
    assert mine is not None and mine.state == AgentState.READY
    with world.raw("sup") as c:  # the wallboard's reader sees everyone's
        assert c.execute("SELECT count(*) FROM agent_states").fetchone() == (2,)
    with world.raw("a1") as c:
        # someone else's state: not written, not inserted
        assert (
            c.execute(
                "UPDATE agent_states SET state = 'ready' WHERE agent_id = %s", (a2.agent_id,)
            ).rowcount
            == 0
        )
    with world.raw("a1") as c, pytest.raises(pgerr.InsufficientPrivilege):
        c.execute(
            "INSERT INTO agent_states (agent_id, state, reason, since, updated_at) "
            "VALUES (%s, 'ready', '', now(), now())",
            (_id(world, "sup"),),
        )
    with world.raw("a1") as c, pytest.raises(pgerr.InsufficientPrivilege):
        c.execute("DELETE FROM agent_states WHERE agent_id = %s", (a2.agent_id,))
    with world.raw("u1") as c, pytest.raises(pgerr.InsufficientPrivilege):
        c.execute("SELECT * FROM agent_states")


def test_calls_are_recorded_as_answered_by_oneself_only(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    calls = ctxs["a1"].calls
    calls.record(CallEvent(CallEventKind.QUEUE_JOIN, "c-1", caller="13800138000", queue="q"))
    calls.record(CallEvent(CallEventKind.ANSWER, "c-1", extension="8001"), a1)
    calls.record(CallEvent(CallEventKind.HANGUP, "c-1"), a1)
    case = ctxs["a1"].cases.create(world.draft, a1)
    assert calls.link_case("c-1", case.id)
    calls.wrap_up("c-1")
    got = ctxs["sup"].calls.get("c-1")
    assert got is not None and got.answered_at is not None and got.case_number == case.number
    a2 = _id(world, "a2")
    attempts = (
        # a call answered in someone else's name
        f"INSERT INTO calls (uniqueid, caller, source, offered_at, abandoned, updated_at, "
        f"agent_id) VALUES ('c-2', '', 'ami', now(), false, now(), {a2})",
        f"UPDATE calls SET agent_id = {a2} WHERE uniqueid = 'c-1'",
        # the phone system's times, once known, are kept
        "UPDATE calls SET answered_at = answered_at + interval '1 hour' WHERE uniqueid = 'c-1'",
        "UPDATE calls SET ended_at = NULL WHERE uniqueid = 'c-1'",
        "UPDATE calls SET offered_at = offered_at + interval '1 minute' WHERE uniqueid = 'c-1'",
        "DELETE FROM calls",
    )
    for sql in attempts:
        with world.raw("a1") as c, pytest.raises(REFUSED):
            c.execute(sql)
    for sql in ("SELECT caller FROM calls", "INSERT INTO calls (uniqueid) VALUES ('x')"):
        with world.raw("u1") as c, pytest.raises(pgerr.InsufficientPrivilege):
            c.execute(sql)


def test_suggestion_feedback_is_ones_own(world: World, ctxs: dict[str, AppContext]) -> None:
    a2 = _id(world, "a2")
    me(ctxs["a1"], world, "a1")
    sql = (
        "INSERT INTO suggestion_feedback (at, agent_id, model_version, shown, unit_source) "
        "VALUES (now(), %s, 1, '[]', 'model')"
    )
    with world.raw("a1") as c:
        c.execute(sql, (_id(world, "a1"),))  # one's own: fine
    with world.raw("a1") as c, pytest.raises(pgerr.InsufficientPrivilege):
        c.execute(sql, (a2,))
    with world.raw("a1") as c, pytest.raises(pgerr.InsufficientPrivilege):
        c.execute("DELETE FROM suggestion_feedback")
    with world.raw("u1") as c, pytest.raises(pgerr.InsufficientPrivilege):
        c.execute(sql, (_id(world, "u1"),))


def test_units_see_attachments_of_their_cases_only(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    case = ctxs["a1"].cases.create(world.draft, a1)  # received: no unit sees it
    with world.owner.begin() as c:
        c.execute(text("INSERT INTO attachment_blobs (sha256, size, data) VALUES ('ab', 2, 'xy')"))
        c.execute(
            text(
                "INSERT INTO case_attachments (case_id, sha256, filename, content_type, size, "
                "source, created_at) VALUES (:c, 'ab', '现场.png', 'image/png', 2, 'unit X', "
                "now())"
            ),
            {"c": case.id},
        )
    seen = AttachmentService(ctxs["a1"].sessions)  # the case view's, under the agent's login
    assert [a.filename for a in seen.for_case(case.id)] == ["现场.png"]
    assert seen.content(seen.for_case(case.id)[0].id) == ("现场.png", b"xy")
    with world.raw("u1") as c:
        assert c.execute("SELECT count(*) FROM case_attachments").fetchone() == (0,)
        assert c.execute("SELECT count(*) FROM attachment_blobs").fetchone() == (0,)
    for who in ("a1", "u1", "sup"):
        for sql in (
            "INSERT INTO attachment_blobs (sha256, size, data) VALUES ('cd', 1, 'z')",
            "UPDATE attachment_blobs SET data = 'evil'",
            "DELETE FROM case_attachments",
        ):
            with world.raw(who) as c, pytest.raises(pgerr.InsufficientPrivilege):
                c.execute(sql)


def test_number_counters_only_for_a_station_and_day_the_console_uses(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    ctxs["a1"].cases.create(world.draft, a1)  # the console's own numbering still works
    station = ctxs["a1"].station
    attempts = (
        ("INSERT INTO number_counters (station, day, last_seq) VALUES ('998', "
         "to_char(now(), 'YYMMDD'), 1)"),  # no such workstation
        (f"INSERT INTO number_counters (station, day, last_seq) VALUES ('{station}', "
         "'991231', 1)"),  # a day far ahead
        (f"INSERT INTO number_counters (station, day, last_seq) VALUES ('{station}', "
         "'200101', 1)"),  # a day long past
        (f"INSERT INTO number_counters (station, day, last_seq) VALUES ('{station}', "
         "'x', 1)"),
        "DELETE FROM number_counters",
        "UPDATE number_counters SET last_seq = 0",
    )  # fmt: skip
    for who in ("a1", "sup", "u1"):
        for sql in attempts:
            with world.raw(who) as c, pytest.raises(REFUSED):
                c.execute(sql)
