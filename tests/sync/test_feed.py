"""The change feed on SQLite and PostgreSQL: triggers record every case change, the
cursor never loses a change committed out of order, and a running feed delivers what
another connection commits."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session, sessionmaker

from console.domain.clock import now_utc
from console.infra.database import make_engine, make_session_factory
from console.models import Case, CaseChange
from console.services.presence import PresenceService
from console.sync import RESYNC, Change, ChangeCursor, ChangeFeed, prune
from tests.helpers.queue_data import add_agents, add_cases


def _cursor(sessions: sessionmaker[Session]) -> ChangeCursor:
    cur = ChangeCursor()
    with sessions() as s:
        cur.start_at_latest(s)
    return cur


def _read(sessions: sessionmaker[Session], cur: ChangeCursor) -> list[Change]:
    with sessions() as s:
        return cur.read(s)


def test_triggers_record_inserts_updates_and_presence(sessions: sessionmaker[Session]) -> None:
    cur = _cursor(sessions)
    ids = add_cases(sessions, 2)
    assert [(c.case_id, c.kind) for c in _read(sessions, cur)] == [
        (ids[0], "insert"),
        (ids[1], "insert"),
    ]
    assert _read(sessions, cur) == []  # nothing twice
    with sessions() as s, s.begin():
        s.execute(update(Case).where(Case.id == ids[1]).values(title="改"))
    assert [(c.case_id, c.kind) for c in _read(sessions, cur)] == [(ids[1], "update")]

    (agent,) = add_agents(sessions, 1)
    presence = PresenceService(sessions, lambda: "001")
    presence.heartbeat(agent)  # no case open: no news
    assert _read(sessions, cur) == []
    presence.open_case(agent, ids[0])
    presence.heartbeat(agent)  # a heartbeat alone is no news
    presence.open_case(agent, ids[1])
    presence.close_case(agent)
    got = [(c.case_id, c.kind) for c in _read(sessions, cur)]
    assert got == [(ids[0], "presence"), (ids[0], "presence"), (ids[1], "presence"),
                   (ids[1], "presence")]  # fmt: skip


def test_prune_keeps_the_newest_change(sessions: sessionmaker[Session]) -> None:
    add_cases(sessions, 3)
    with sessions() as s, s.begin():
        assert prune(s, keep=timedelta(0), now=now_utc() + timedelta(seconds=5)) == 2
    with sessions() as s:
        assert len(s.scalars(select(CaseChange.seq)).all()) == 1
    cur = _cursor(sessions)
    ids = add_cases(sessions, 1)
    assert [c.case_id for c in _read(sessions, cur)] == ids  # the sequence went on


def test_cursor_waits_for_a_change_committed_out_of_order(
    db_url: str, sessions: sessionmaker[Session]
) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite writers are serialised (BEGIN IMMEDIATE): commit order = sequence")
    cur = _cursor(sessions)
    cid, other = add_cases(sessions, 2)
    _read(sessions, cur)
    engine = make_engine(db_url)
    try:
        slow = engine.connect()
        tx = slow.begin()
        slow.execute(text("UPDATE cases SET title = 'slow' WHERE id = :i"), {"i": cid})  # seq n
        with sessions() as s, s.begin():  # seq n+1, committed first
            s.execute(update(Case).where(Case.id == other).values(title="fast"))
        first = _read(sessions, cur)
        assert [c.kind for c in first] == ["update"] and cur.waiting == 1
        tx.commit()
        slow.close()
        second = _read(sessions, cur)
        assert [(c.case_id, c.kind) for c in second] == [(cid, "update")]
        assert second[0].seq < first[0].seq
        assert cur.waiting == 0
    finally:
        engine.dispose()


def test_cursor_gives_up_on_a_rolled_back_sequence() -> None:
    clock = [0.0]
    cur = ChangeCursor(grace=10, clock=lambda: clock[0])
    cur.started = True
    cur.low = 5
    cur._seen.update({7, 8})  # 6 was rolled back (never appears)
    cur._advance()
    assert cur.low == 5 and cur.waiting == 1
    clock[0] = 11
    cur._advance()
    assert cur.low == 8 and cur.waiting == 0


def test_running_feed_delivers_another_connections_commit(
    db_url: str, sessions: sessionmaker[Session]
) -> None:
    (cid,) = add_cases(sessions, 1)
    got: list[tuple[float, list[Change]]] = []
    states: list[bool] = []
    arrived = threading.Event()

    def on_changes(changes: list[Change]) -> None:
        got.append((time.monotonic(), changes))
        arrived.set()

    engine = make_engine(db_url)
    feed = ChangeFeed(engine, on_changes, states.append, poll_seconds=0.2)
    feed.start()
    try:
        deadline = time.monotonic() + 10
        while feed.online is not True and time.monotonic() < deadline:
            time.sleep(0.02)
        assert feed.online is True and states == [True]
        other = make_session_factory(make_engine(db_url))
        with other() as s, s.begin():
            s.execute(update(Case).where(Case.id == cid).values(title="别处保存"))
            committed = 0.0
        committed = time.monotonic()
        assert arrived.wait(5), "no change delivered"
        at, changes = got[0]
        assert [(c.case_id, c.kind) for c in changes] == [(cid, "update")]
        limit = 1.0 if feed.uses_notify else 2.0
        assert at - committed < limit
        other.kw["bind"].dispose()
    finally:
        feed.stop()
        engine.dispose()
    assert not feed.running


@pytest.mark.pg
def test_feed_reports_a_lost_connection_and_recovers(pg_url: str) -> None:
    from tests.helpers.db import pg_reset

    pg_reset(pg_url)
    states: list[bool] = []
    resyncs = threading.Event()

    def on_changes(changes: list[Change]) -> None:
        if RESYNC in changes:
            resyncs.set()

    engine = make_engine(pg_url)
    feed = ChangeFeed(engine, on_changes, states.append, retry_seconds=0.2)
    feed.start()
    try:
        deadline = time.monotonic() + 10
        while feed.online is not True and time.monotonic() < deadline:
            time.sleep(0.02)
        admin = make_engine(pg_url)
        with admin.connect() as c:  # the server drops the listening connection
            c.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE application_name = 'hotline-console-listen' "
                    "AND datname = current_database()"
                )
            )
        admin.dispose()
        assert resyncs.wait(10), f"no recovery; states {states}"
        assert states[:3] == [True, False, True]
    finally:
        feed.stop()
        engine.dispose()
