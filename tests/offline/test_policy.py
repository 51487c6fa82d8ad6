"""The outbox's rules without Qt or a database."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest
from sqlalchemy import exc as sa_exc

from console.offline.policy import (
    Backoff,
    Failure,
    ItemState,
    Link,
    LinkState,
    classify,
    replay_order,
)
from console.services.errors import ValidationFailed
from console.services.numbers import NumberTaken


def test_backoff_grows_exponentially_up_to_the_cap() -> None:
    b = Backoff(base=0.5, factor=2.0, cap=30.0, jitter=0.5)
    assert [b.ceiling(i) for i in range(8)] == [0.5, 1, 2, 4, 8, 16, 30, 30]
    assert b.ceiling(10_000) == 30.0  # no overflow


def test_backoff_jitter_stays_in_its_band_and_spreads_workstations() -> None:
    b = Backoff(base=1.0, factor=2.0, cap=8.0, jitter=0.5)
    rng = random.Random(7)
    for attempt in range(10):
        top = b.ceiling(attempt)
        waits = [b.delay(attempt, rng) for _ in range(300)]
        assert all(top / 2 <= w <= top for w in waits)
        # 300 workstations cut at the same moment do not come back together
        assert len({round(w, 4) for w in waits}) > 250
    assert Backoff(jitter=0.0).schedule(3) == [0.5, 1.0, 2.0]


def test_link_state_machine() -> None:
    link = Link()
    assert link.online and not link.routes_to_outbox(0)
    assert link.routes_to_outbox(1)  # online, but something waits: keep the order
    assert link.failed() is LinkState.OFFLINE and link.failures == 1
    link.failed()
    assert link.failures == 2 and link.routes_to_outbox(0)
    assert link.reachable(waiting=3) is LinkState.REPLAYING and link.failures == 0
    assert link.routes_to_outbox(0)  # still replaying: new saves queue behind
    assert link.replayed(waiting=1) is LinkState.REPLAYING  # saved meanwhile: again
    assert link.replayed(waiting=0) is LinkState.ONLINE
    link.failed()
    assert link.replayed(waiting=0) is LinkState.OFFLINE  # a failed pass stays offline
    assert link.reachable(waiting=0) is LinkState.ONLINE


@dataclass(frozen=True)
class It:
    seq: int
    case_key: str
    state: str


def test_replay_order_oldest_first_and_held_cases_block_their_notes() -> None:
    items = [
        It(5, "b", ItemState.PENDING),
        It(1, "a", ItemState.PENDING),
        It(2, "b", ItemState.HELD),
        It(3, "c", ItemState.DONE),
        It(4, "c", ItemState.PENDING),
        It(6, "a", ItemState.DISCARDED),
        It(7, "d", ItemState.PENDING),
    ]
    assert [i.seq for i in replay_order(items)] == [1, 4, 7]  # 5 waits behind held 2


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (sa_exc.OperationalError("SELECT 1", {}, ConnectionRefusedError()), Failure.TRANSIENT),
        (sa_exc.InterfaceError("SELECT 1", {}, Exception("closed")), Failure.TRANSIENT),
        (sa_exc.TimeoutError("pool"), Failure.TRANSIENT),
        (TimeoutError(), Failure.TRANSIENT),
        (ConnectionResetError(), Failure.TRANSIENT),
        (sa_exc.IntegrityError("INSERT", {}, Exception("dup")), Failure.REFUSED),
        (sa_exc.DataError("INSERT", {}, Exception("too long")), Failure.REFUSED),
        (ValidationFailed([]), Failure.REFUSED),
        (NumberTaken("x"), Failure.REFUSED),
    ],
)
def test_classify_network_versus_refusal(exc: BaseException, expected: Failure) -> None:
    assert classify(exc) is expected


def test_policy_has_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, console.offline.policy, console.offline.store, console.offline.service;"
        "assert 'PySide6' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
