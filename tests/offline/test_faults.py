"""Fault tests against the real PostgreSQL: an in-process TCP proxy between the console
and the server refuses, drops and swallows connections while cases are entered; a
console process is killed mid-replay. The shared server itself is never touched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.infra.database import make_engine, make_session_factory
from console.infra.deadline import WATCHDOG
from console.models import Case
from console.offline.policy import Backoff, ItemState, LinkState
from console.offline.service import OfflineService
from console.offline.store import LocalStore
from console.services.numbers import register_workstation
from tests.helpers.db import pg_reset
from tests.helpers.proxy import TcpProxy
from tests.offline.support import Gate, admin, check_exactly_once, draft, intake_for

pytestmark = pytest.mark.pg
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def central(pg_url: str) -> Iterator[sessionmaker[Session]]:
    """The central database seen directly (for set-up and checks), never via the proxy."""
    pg_reset(pg_url)
    engine = make_engine(pg_url)
    yield make_session_factory(engine)
    engine.dispose()


@pytest.fixture
def proxy() -> Iterator[TcpProxy]:
    p = TcpProxy(("127.0.0.1", 5432)).start()
    yield p
    p.stop()


def _wait(cond: Any, timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_cases_entered_through_cuts_are_stored_exactly_once(
    pg_url: str, central: sessionmaker[Session], proxy: TcpProxy, tmp_path: Path
) -> None:
    station = register_workstation(central, "fault-test")
    who = admin(central)
    engine = make_engine(proxy.url(pg_url), call_timeout_s=3)
    sessions = make_session_factory(engine)
    svc = OfflineService(
        LocalStore(tmp_path / "outbox.sqlite3"),
        sessions,
        intake_for(sessions, station),
        lambda: station,
        backoff=Backoff(base=0.05, factor=2.0, cap=0.5),
        direct_timeout=1.5,
        probe_every=0.3,
    )
    svc.start()
    fired_before = WATCHDOG.fired

    def blackhole_once_back_online() -> None:
        # the swallowing must meet a call on a pooled connection (the deadline's case):
        # while the service is still offline its probes open new connections, which
        # libpq's connect_timeout bounds instead, and nothing would be cut
        _wait(lambda: svc.status().state is LinkState.ONLINE, 30, "the link to come back")
        proxy.blackhole()

    def restore_once_a_swallowed_call_was_cut() -> None:
        # the link stays swallowed until the client-side deadline has cut a call waiting
        # on it (at most the 5-s deadline of a pooled connection's liveness check after
        # the first call met it): on a loaded machine the link must not come back first
        _wait(lambda: WATCHDOG.fired > fired_before, 15, "the deadline to cut a call")
        proxy.restore()

    faults = {
        12: proxy.refuse,  # connection refused
        24: proxy.restore,
        36: blackhole_once_back_online,  # a link that swallows traffic: calls must not hang
        46: restore_once_a_swallowed_call_was_cut,
        58: proxy.drop,  # every open connection reset
    }
    given: dict[Any, str] = {}
    queued = 0
    slowest = 0.0
    try:
        for i in range(70):
            if i in faults:
                faults[i]()
            t0 = time.monotonic()
            saved = svc.submit_case(draft(i), who)
            slowest = max(slowest, time.monotonic() - t0)
            given[saved.uuid] = saved.number
            queued += saved.queued
            # the swallowing lasts ~4 s, longer than the 3 s deadline of a call
            time.sleep(0.4 if 36 <= i < 46 else 0.03)
        _wait(
            lambda: svc.status().state is LinkState.ONLINE and svc.status().waiting == 0,
            90,
            "the outbox to drain",
        )
    finally:
        svc.stop()
        svc.store.close()
        engine.dispose()
    assert len(given) == 70 and len(set(given.values())) == 70
    assert queued >= 20  # the cuts really sent cases to the outbox
    assert slowest < 1.5 + 1.0  # no save waited longer than the direct deadline
    figures = check_exactly_once(central, given, station)
    assert figures == {"stored": 70, "duplicates": 0, "lost": 0}
    assert WATCHDOG.fired > fired_before  # the swallowed calls were cut, not waited for


def test_console_killed_mid_replay_then_restarted(
    pg_url: str, central: sessionmaker[Session], tmp_path: Path
) -> None:
    station = register_workstation(central, "kill-test")
    who = admin(central)
    store_path = tmp_path / "outbox.sqlite3"
    gate = Gate(central, intake_for(central, station))
    gate.open = False  # the cases are taken while the central database is gone
    svc = OfflineService(LocalStore(store_path), gate.sessions, gate, lambda: station)  # type: ignore[arg-type]
    given = {}
    for i in range(30):
        saved = svc.submit_case(draft(i), who)
        assert saved.queued
        given[saved.uuid] = saved.number
    svc.store.close()

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "tests.offline.replay_child", str(store_path), pg_url, station]
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    assert child.stdout is not None
    committed = 0
    for line in child.stdout:
        if line.startswith("committed"):
            committed += 1
            if committed == 8:
                child.send_signal(signal.SIGKILL)  # between a central commit and "done"
                break
    child.wait(10)
    assert child.returncode == -signal.SIGKILL
    with central() as s:
        stored = s.scalar(select(func.count()).select_from(Case).where(Case.station == station))
    store = LocalStore(store_path)
    done = len(store.items([ItemState.DONE]))
    store.close()
    assert stored == 8 and done == 7  # the 8th is stored centrally, not yet marked done

    # restarted: the rest is sent, the 8th is found already there
    out = subprocess.run(cmd + ["0"], capture_output=True, text=True, cwd=ROOT, env=env,
                         timeout=120, check=True)  # fmt: skip
    assert "drained" in out.stdout
    assert out.stdout.count("committed") == 30 - 7  # the 8th's replay returned the stored case
    check_exactly_once(central, given, station)
    store = LocalStore(store_path)
    assert len(store.items([ItemState.DONE])) == 30 and store.counts().waiting == 0
    store.close()
