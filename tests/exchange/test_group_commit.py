"""Pushes written by group commit (console.exchange.batch, CaseService.create_many): a
batch gives each order what a push on its own gives it, and one order's problem never
fails the others."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from console.exchange.batch import GroupCommit
from console.exchange.credentials import Principal, authenticate
from console.exchange.pushed import PushedOrder, PushResult, order_from_mapping
from console.models import Case, CaseDeadline, CaseEvent, ExchangeOrder
from console.services.errors import ValidationFailed
from console.services.sla import case_deadlines, deadline_fields
from tests.exchange.conftest import Running, order


def pushed(external_id: str, **over: Any) -> PushedOrder:
    body = order(external_id, **over)
    body["received_at"] = datetime.fromisoformat(body["received_at"])
    return order_from_mapping(body)


def platform(r: Running) -> Principal:
    with r.service.sessions() as s:
        p = authenticate(s, r.tokens["platform"])
    assert p is not None
    return p


def snapshot(r: Running, number: str) -> dict[str, Any]:
    """What a case is: its row's lifecycle fields, its history and its deadlines."""
    with r.service.sessions() as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        kinds = [
            (k, {x: v for x, v in (d or {}).items() if x not in ("platform_received_at", "number")})
            for k, d in s.execute(
                select(CaseEvent.kind, CaseEvent.detail)
                .where(CaseEvent.case_id == case.id)
                .order_by(CaseEvent.id)
            )
        ]
        deadlines = [
            (d.milestone_code, d.seq, d.limit_unit, d.met_at is None, d.paused)
            for d in s.scalars(
                select(CaseDeadline)
                .where(CaseDeadline.case_id == case.id)
                .order_by(CaseDeadline.seq)
            )
        ]
        # the stored copy is what the SLA engine computes from the stored history
        fresh = case_deadlines(s, case, r.service.calendar)
        assert fresh is not None
        stored = {k: getattr(case, k) for k in deadline_fields(fresh, case.status)}
        assert stored == deadline_fields(fresh, case.status)
        return {
            "status": case.status,
            "unit_id": case.unit_id,
            "assignee_id": case.assignee_id,
            "title": case.title,
            "policy": case.sla_policy_id,
            "dispatched": case.dispatched_at is not None,
            "events": kinds,
            "deadlines": deadlines,
            "next_milestone": case.next_milestone,
        }


def test_a_batch_gives_each_order_what_a_push_alone_gives(running: Running) -> None:
    who = platform(running)
    alone = running.service.orders.push(who, pushed("ALONE-1"))
    consult = running.service.orders.push(
        who, pushed("ALONE-2", sub_type="policy", category=None, district=None)
    )
    results = running.service.orders.push_many(
        [
            (who, pushed("B-1")),
            (who, pushed("B-2", sub_type="policy", category=None, district=None)),
            (who, pushed("B-BAD", caller_phone="12345")),  # invalid: only it is refused
            (who, pushed("B-1")),  # the same id twice in one batch: one case
            (who, pushed("ALONE-1")),  # pushed before: its number again
        ]
    )
    b1, b2, bad, b1_again, alone_again = results
    assert isinstance(b1, PushResult) and b1.created and b1.status == alone.status
    assert isinstance(b2, PushResult) and b2.created and b2.status == consult.status
    assert isinstance(bad, ValidationFailed)
    assert {e.field for e in bad.errors} == {"caller_phone"}
    assert isinstance(b1_again, PushResult) and not b1_again.created
    assert b1_again.number == b1.number
    assert isinstance(alone_again, PushResult) and not alone_again.created
    assert alone_again.number == alone.number
    assert snapshot(running, b1.number) == snapshot(running, alone.number)
    assert snapshot(running, b2.number) == snapshot(running, consult.number)
    with running.service.sessions() as s:
        assert s.execute(select(func.count()).select_from(Case)).scalar_one() == 4
        assert (
            s.execute(select(func.count()).where(ExchangeOrder.external_id == "B-BAD")).scalar_one()
            == 0
        )


def test_a_failed_batch_is_done_again_one_by_one(
    running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch refused as a whole (here: the unique key of an external id another service
    process pushed at the same moment) rolls back, and each push is done on its own."""
    who = platform(running)
    lifecycle = running.service.orders._lifecycle

    def refuse(*_a: Any, **_k: Any) -> Any:
        raise IntegrityError("INSERT", {}, Exception("duplicate key"))

    monkeypatch.setattr(lifecycle, "create_cases", refuse)
    results = running.service.orders.push_many([(who, pushed("F-1")), (who, pushed("F-2"))])
    assert all(isinstance(r, PushResult) and r.created for r in results)
    with running.service.sessions() as s:
        assert s.execute(select(func.count()).select_from(Case)).scalar_one() == 2


def test_many_concurrent_pushes_each_get_their_own_committed_case(running: Running) -> None:
    def one(i: int) -> tuple[int, str]:
        with running.client("platform") as c:
            r = c.post("/api/v1/orders", json=order(f"MANY-{i}"))
        number = r.json()["number"]
        # answered after the commit: the case is already readable
        with running.service.sessions() as s:
            assert s.scalars(select(Case.id).where(Case.number == number)).first() is not None
        return r.status_code, number

    with ThreadPoolExecutor(12) as ex:
        out = list(ex.map(one, range(60)))
    assert [code for code, _n in out] == [201] * 60
    assert len({n for _c, n in out}) == 60
    commits = running.service.orders._commits
    assert commits.items >= 60 and commits.batches < commits.items  # grouped
    with running.client("platform") as c:
        assert c.post("/api/v1/orders", json=order("MANY-7")).status_code == 200


def test_group_commit_answers_each_item_after_its_batch() -> None:
    seen: list[list[int]] = []
    gate = threading.Event()

    def write(items: Sequence[int]) -> list[int | BaseException]:
        gate.wait(5)
        seen.append(list(items))
        return [ValueError(i) if i < 0 else i * 10 for i in items]

    g: GroupCommit[int, int] = GroupCommit(write, window_s=0.01)
    futures = [g.submit(i) for i in (1, -2, 3)]
    time.sleep(0.05)
    assert not any(f.done() for f in futures)  # nothing answered before the write
    gate.set()
    assert futures[0].result(5) == 10 and futures[2].result(5) == 30
    with pytest.raises(ValueError):
        futures[1].result(5)
    assert sum(len(b) for b in seen) == 3

    def broken(items: Sequence[int]) -> list[int | BaseException]:
        raise httpx.ConnectError("database gone")

    g2: GroupCommit[int, int] = GroupCommit(broken)
    f = g2.submit(1)
    with pytest.raises(httpx.ConnectError):
        f.result(5)
    g.close()
    g2.close()
    with pytest.raises(RuntimeError):
        g.submit(4)
