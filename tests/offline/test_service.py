"""The outbox on SQLite and PostgreSQL: saving while the central database is
unreachable, numbers, replay in order, idempotency, refusals kept for a person."""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import EventKind
from console.domain.clock import local_date, now_utc
from console.domain.numbering import parse_case_number
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.models import Case, CaseEvent, HandlingUnit
from console.offline.policy import Backoff, ItemState, LinkState
from console.offline.service import OfflineService
from console.offline.store import LocalStore, outbox
from console.services.cases import DISPATCH, CaseService
from console.services.errors import ValidationFailed
from console.services.numbers import counter_value, register_workstation
from tests.offline.support import Gate, admin, check_exactly_once, demand, draft, intake_for

FAST = Backoff(base=0.01, factor=2.0, cap=0.05)


@pytest.fixture
def station(sessions: sessionmaker[Session]) -> str:
    return register_workstation(sessions, "offline-test")


@pytest.fixture
def gate(sessions: sessionmaker[Session], station: str) -> Gate:
    return Gate(sessions, intake_for(sessions, station))


@pytest.fixture
def service(gate: Gate, station: str, tmp_path: Path) -> Any:
    svc = OfflineService(
        LocalStore(tmp_path / "outbox.sqlite3"),
        gate.sessions,  # type: ignore[arg-type]
        gate,  # type: ignore[arg-type]
        lambda: station,
        backoff=FAST,
        direct_timeout=2.0,
    )
    yield svc
    svc.stop()
    svc.store.close()


def _today_seq(sessions: sessionmaker[Session], station: str) -> int:
    return counter_value(sessions, station, local_date(now_utc()))


def test_online_save_uses_this_workstations_number_and_moves_the_counter(
    service: OfflineService, sessions: sessionmaker[Session], station: str
) -> None:
    who = admin(sessions)
    a = service.submit_case(draft(1), who)
    b = service.submit_case(draft(2), who)
    assert not a.queued and not b.queued and a.id > 0
    pa, pb = parse_case_number(a.number), parse_case_number(b.number)
    assert pa.station == station and (pa.seq, pb.seq) == (1, 2)
    assert _today_seq(sessions, station) == 2
    assert service.status().state is LinkState.ONLINE and service.status().waiting == 0


def test_offline_saves_are_local_at_once_and_replay_exactly_once_in_order(
    service: OfflineService, sessions: sessionmaker[Session], gate: Gate, station: str
) -> None:
    who = admin(sessions)
    given = {}
    first = service.submit_case(draft(0), who)
    given[first.uuid] = first.number
    gate.open = False
    t0 = time.monotonic()
    queued = [service.submit_case(draft(i), who) for i in range(1, 6)]
    assert time.monotonic() - t0 < 1.0  # written locally at once
    assert all(q.queued for q in queued)
    assert [parse_case_number(q.number).seq for q in queued] == [2, 3, 4, 5, 6]
    assert gate.calls == 2  # one direct attempt found the link down, then straight local
    st = service.status()
    assert st.state is LinkState.OFFLINE and st.pending == 5
    given.update({q.uuid: q.number for q in queued})
    assert not service.probe()  # still down
    gate.open = True
    assert service.probe()
    assert service.status().state is LinkState.REPLAYING
    late = service.submit_case(draft(99), who)  # saved during the replay: queued behind
    assert late.queued
    given[late.uuid] = late.number
    assert service.replay_pass() == 6
    assert service.status() == type(service.status())(LinkState.ONLINE, 0, 0)
    check_exactly_once(sessions, given, station)
    with sessions() as s:
        order = list(s.scalars(select(Case.number).order_by(Case.id)))
    assert order == sorted(given.values())  # stored in the order they were taken
    # the central counter never issues an offline number again
    svc = CaseService(sessions, WorkCalendar, lambda: station)
    nxt = svc.create(draft(100), who)
    assert parse_case_number(nxt.number).seq == 8


def test_replay_of_an_already_stored_item_is_a_no_op(
    service: OfflineService, sessions: sessionmaker[Session], gate: Gate, station: str
) -> None:
    """The console killed after the central commit, before the local "done"."""
    who = admin(sessions)
    gate.open = False
    q = service.submit_case(draft(1), who)
    item = service.store.to_replay()[0]
    # the replay's central half, as if the console died right after it
    stored = intake_for(sessions, station).submit(
        draft(1), who, case_uuid=q.uuid, number=q.number, now=item.created_at
    )
    assert stored.created
    again = intake_for(sessions, station).submit(draft(1), who, case_uuid=q.uuid)
    assert not again.created and again.number == q.number and again.id == stored.id
    gate.open = True
    service.probe()
    assert service.replay_pass() == 1
    done = service.store.get(item.seq)
    assert done is not None and done.state == ItemState.DONE
    assert done.result_number == q.number and done.result_case_id == stored.id
    check_exactly_once(sessions, {q.uuid: q.number}, station)


def test_refused_items_are_held_with_the_reason_and_block_their_notes(
    service: OfflineService, sessions: sessionmaker[Session], gate: Gate, station: str
) -> None:
    who = admin(sessions)
    gate.open = False
    a = service.submit_case(draft(1), who)
    b = service.submit_case(draft(2), who)
    note_b = service.add_note(None, "13800000002", "又打来催办", who, case_uuid=b.uuid,
                              number=b.number)  # fmt: skip
    service.submit_case(
        demand(sessions),
        who,
        action=DISPATCH,
        unit_id=987654,  # no such unit: the server refuses it
    )
    c = service.submit_case(draft(4), who)
    assert note_b.number == b.number
    # meanwhile another path stored a case under b's number (a copied local store)
    CaseService(sessions, WorkCalendar, lambda: station).create(draft(50), who, number=b.number)
    gate.open = True
    service.probe()
    assert service.replay_pass() == 2  # a and c; b held, its note waits, bad held
    items = {i.seq: i for i in service.store.items()}
    states = [i.state for i in items.values()]
    assert states == ["done", "held", "pending", "held", "done"]
    held_b, held_bad = items[2], items[4]
    assert held_b.error_code == "number_taken" and b.number in held_b.reason
    assert held_bad.error_code == "validation" and "unit_id" in held_bad.reason
    st = service.status()
    assert (st.pending, st.held, st.waiting) == (0, 3, 3)  # the note waits behind b
    assert st.state is LinkState.ONLINE  # held items need a person, not the link
    # a person retries b: numbered by the central counter; then its note follows
    service.retry(held_b.seq)
    assert service.status().state is LinkState.REPLAYING
    before = service.replayed
    service.step()  # the replay thread's turn: one pass
    assert service.replayed - before == 2
    b_done = service.store.get(held_b.seq)
    assert b_done is not None and b_done.state == ItemState.DONE
    assert b_done.result_number != b.number
    with sessions() as s:
        notes = s.scalars(
            select(CaseEvent)
            .join(Case)
            .where(Case.uuid == b.uuid, CaseEvent.kind == EventKind.NOTE)
        ).all()
    assert [n.detail["text"] for n in notes] == ["又打来催办"]
    # and discards the other (with confirmation, in the dialog): kept, never sent
    service.discard(held_bad.seq)
    assert service.status().waiting == 0
    assert service.store.get(held_bad.seq).state == ItemState.DISCARDED  # type: ignore[union-attr]
    check_exactly_once(sessions, {a.uuid: a.number, c.uuid: c.number}, station)


def test_notes_replay_once(
    service: OfflineService, sessions: sessionmaker[Session], gate: Gate, station: str
) -> None:
    who = admin(sessions)
    central = service.submit_case(draft(1), who)
    gate.open = False
    added = service.add_note(central.id, "13800000001", "再次来电", who,
                             number=central.number, status="received")  # fmt: skip
    assert added.number == central.number and service.status().pending == 1
    gate.open = True
    service.probe()
    service.replay_pass()
    # replayed again (killed before the local "done"): still one note
    with service.store.engine.begin() as c:
        c.execute(update(outbox).values(state=ItemState.PENDING))
    service.link.reachable(1)
    service.replay_pass()
    with sessions() as s:
        n = s.scalar(
            select(func.count())
            .select_from(CaseEvent)
            .where(CaseEvent.case_id == central.id, CaseEvent.kind == EventKind.NOTE)
        )
    assert n == 1


def test_validation_is_checked_before_queueing(
    service: OfflineService, sessions: sessionmaker[Session], gate: Gate
) -> None:
    gate.open = False
    with pytest.raises(ValidationFailed):
        service.submit_case(CaseDraft(), admin(sessions))
    assert service.status().waiting == 0


def test_a_lost_local_store_catches_up_with_the_central_counter(
    sessions: sessionmaker[Session], gate: Gate, station: str, tmp_path: Path
) -> None:
    who = admin(sessions)
    first = OfflineService(LocalStore(tmp_path / "a.sqlite3"), sessions, gate,  # type: ignore[arg-type]
                           lambda: station, backoff=FAST)  # fmt: skip
    for i in range(3):
        first.submit_case(draft(i), who)
    first.store.close()
    fresh = OfflineService(LocalStore(tmp_path / "b.sqlite3"), gate.sessions,  # type: ignore[arg-type]
                           gate, lambda: station, backoff=FAST)  # type: ignore[arg-type]  # fmt: skip
    # online: the taken number is noticed and the central counter numbers the case
    saved = fresh.submit_case(draft(3), who)
    assert parse_case_number(saved.number).seq == 4 and not saved.queued
    # the local counter caught up: offline numbers continue after the central ones
    gate.open = False
    q = fresh.submit_case(draft(4), who)
    assert q.queued and parse_case_number(q.number).seq == 5
    fresh.store.close()
    # a probe alone also catches up
    third = OfflineService(LocalStore(tmp_path / "c.sqlite3"), gate.sessions,  # type: ignore[arg-type]
                           gate, lambda: station, backoff=FAST)  # type: ignore[arg-type]  # fmt: skip
    gate.open = True
    assert third.probe()
    assert third.store.counter(station, local_date(now_utc())) == 4
    third.store.close()


def test_an_in_doubt_direct_save_and_its_replay_make_one_case(
    sessions: sessionmaker[Session], station: str, tmp_path: Path
) -> None:
    """The direct save passes its deadline but commits later: the outbox holds the
    same uuid and number, and the replay finds the case there."""
    who = admin(sessions)
    intake = intake_for(sessions, station)
    release = threading.Event()

    class Slow:
        def submit(self, *args: Any, **kwargs: Any) -> Any:
            release.wait(10)
            return intake.submit(*args, **kwargs)

    svc = OfflineService(LocalStore(tmp_path / "o.sqlite3"), sessions, Slow(),  # type: ignore[arg-type]
                         lambda: station, backoff=FAST, direct_timeout=0.2)  # fmt: skip
    q = svc.submit_case(draft(1), who)
    assert q.queued and svc.status().state is LinkState.OFFLINE
    release.set()
    deadline = time.monotonic() + 10
    while not [r for r in _rows(sessions) if r[0] == q.uuid] and time.monotonic() < deadline:
        time.sleep(0.05)
    svc._intake = intake  # noqa: SLF001 - the link is fine again
    assert svc.probe()
    svc.replay_pass()
    check_exactly_once(sessions, {q.uuid: q.number}, station)
    svc.stop()
    svc.store.close()


def _rows(sessions: sessionmaker[Session]) -> list[tuple[uuid.UUID, str]]:
    with sessions() as s:
        return [(u, n) for u, n in s.execute(select(Case.uuid, Case.number))]


def test_unknown_unit_exists_check(sessions: sessionmaker[Session]) -> None:
    with sessions() as s:
        assert s.get(HandlingUnit, 987654) is None


def test_replay_racing_the_in_doubt_save_finds_its_own_number(
    sessions: sessionmaker[Session], station: str, tmp_path: Path
) -> None:
    """The in-doubt direct save commits while the replay of the same case runs: the
    replay sees the number taken — by the same uuid — and marks the item done."""
    from console.services.numbers import NumberTaken

    who = admin(sessions)
    intake = intake_for(sessions, station)

    class Racing:
        def submit(self, *args: Any, **kwargs: Any) -> Any:
            intake.submit(*args, **kwargs)  # the other thread's commit
            raise NumberTaken(kwargs["number"])

    gate = Gate(sessions, intake)
    gate.open = False
    svc = OfflineService(LocalStore(tmp_path / "r.sqlite3"), gate.sessions, gate,  # type: ignore[arg-type]
                         lambda: station, backoff=FAST)  # fmt: skip
    q = svc.submit_case(draft(1), who)
    svc._intake = Racing()  # type: ignore[assignment]  # noqa: SLF001
    gate.open = True
    assert svc.probe()
    assert svc.replay_pass() == 1
    assert svc.status().waiting == 0
    check_exactly_once(sessions, {q.uuid: q.number}, station)
    svc.store.close()
