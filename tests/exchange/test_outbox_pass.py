"""One pass of the webhook worker (console.exchange.outbox): the events of a case leave in
order, together when they are all due, and a later event never overtakes an earlier one
that is waiting for its retry; the payload is the same on both engines' paths."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, text, update

from console.domain.clock import now_utc
from console.exchange.credentials import authenticate, issue_token, set_webhook
from console.exchange.outbox import WebhookTick, lease_webhooks, queue_webhooks
from console.exchange.pushed import order_from_mapping
from console.exchange.service import ExchangeService, ServeOptions
from console.models import CaseEvent, WebhookDelivery
from console.models.exchange import PARKED
from tests.exchange.conftest import order


class Recorder:
    """A WebhookPoster stand-in: records each POST and answers ``status``."""

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []
        self.status = 200

    def post(self, url: str, payload: dict[str, Any], headers: dict[str, str]) -> int:
        assert headers["Idempotency-Key"] == payload["delivery_id"]
        self.sent.append(payload)
        return self.status


def _push(service: ExchangeService, external_id: str) -> str:
    token = issue_token(service.sessions, platform="粤省心", webhook_url="http://127.0.0.1:9/h")[1]
    with service.sessions() as s:
        who = authenticate(s, token)
    assert who is not None
    body = order(external_id)
    body["received_at"] = datetime.fromisoformat(body["received_at"])
    return service.orders.push(who, order_from_mapping(body)).number


def test_a_cases_events_leave_in_order_in_one_pass(db_url: str) -> None:
    service = ExchangeService(db_url, ServeOptions(workers=False))
    try:
        number = _push(service, "PASS-1")
        recorder = Recorder()
        tick = WebhookTick(service.sessions, recorder, 1.0)  # type: ignore[arg-type]
        assert tick() >= 2
        events = [p["event"] for p in recorder.sent if p["number"] == number]
        assert events == ["created", "dispatched"]  # both in the first pass, in order
        first = recorder.sent[0]
        assert first["external_id"] == "PASS-1" and first["status"] == "dispatched"
        at = datetime.fromisoformat(first["at"])
        assert at.utcoffset() == timedelta(0)
        with service.sessions() as s:
            created_at = s.scalars(
                select(CaseEvent.at).where(CaseEvent.kind == "created").order_by(CaseEvent.id)
            ).all()[-1]
        assert abs((at - created_at).total_seconds()) < 0.001
        dispatched = next(p for p in recorder.sent if p["event"] == "dispatched")
        assert dispatched["unit"]  # the detail's keys the payload carries
        # the marks are written by the next pass (or the worker's end)
        tick.flush()
        with service.sessions() as s:
            assert all(
                r.delivered_at is not None and r.attempts == 1
                for r in s.scalars(select(WebhookDelivery))
            )
        assert tick() == 0 and len(recorder.sent) == 2  # nothing sent twice
    finally:
        service.stop()


def test_a_later_event_waits_for_an_earlier_one_in_retry(db_url: str) -> None:
    service = ExchangeService(db_url, ServeOptions(workers=False))
    try:
        _push(service, "PASS-2")
        queue_webhooks(service.sessions)
        with service.sessions() as s, s.begin():
            first = s.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)).first()
            assert first is not None
            s.execute(  # the first event failed and waits for its next try
                update(WebhookDelivery)
                .where(WebhookDelivery.id == first.id)
                .values(next_try_at=now_utc() + timedelta(minutes=5), attempts=1)
            )
        assert lease_webhooks(service.sessions) == []  # the second one does not overtake
        # the first one's receiver fails again: the rest of its case is not sent
        with service.sessions() as s, s.begin():
            s.execute(update(WebhookDelivery).values(next_try_at=now_utc()))
        recorder = Recorder()
        recorder.status = 503
        tick = WebhookTick(service.sessions, recorder, 1.0)  # type: ignore[arg-type]
        tick()
        assert [p["event"] for p in recorder.sent] == ["created"]
        with service.sessions() as s:
            rows = s.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)).all()
            assert rows[0].attempts == 2 and rows[0].next_try_at > now_utc()
            assert rows[1].attempts == 0 and rows[1].lease_until is None  # given back
            assert all(r.delivered_at is None for r in rows)
            case_id = rows[0].case_id
        # a new event of the case, queued by a pass while the first one waits: queued,
        # not sent (not even leased at once)
        with service.engine.begin() as c:
            c.execute(
                text(
                    "INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
                    "VALUES (:c, 'progress', CURRENT_TIMESTAMP, 'test', '001', '{}')"
                ),
                {"c": case_id},
            )
        recorder.status = 200
        tick()
        assert [p["event"] for p in recorder.sent] == ["created"]
        with service.sessions() as s:
            rows = s.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)).all()
            assert len(rows) == 3 and rows[2].lease_until is None
    finally:
        service.stop()


def test_a_platform_without_a_url_has_its_messages_parked_until_it_has_one(db_url: str) -> None:
    """Kept (nothing lost), but not in the due rows every pass reads: a platform that
    never sets a URL does not slow the outbox down as its backlog grows."""
    service = ExchangeService(db_url, ServeOptions(workers=False))
    try:
        token = issue_token(service.sessions, platform="无回调平台")[1]
        with service.sessions() as s:
            who = authenticate(s, token)
        assert who is not None
        body = order("PARK-1")
        body["received_at"] = datetime.fromisoformat(body["received_at"])
        service.orders.push(who, order_from_mapping(body))
        assert queue_webhooks(service.sessions) == 2
        with service.sessions() as s:
            rows = s.scalars(select(WebhookDelivery)).all()
            assert [r.next_try_at for r in rows] == [PARKED, PARKED]
        assert lease_webhooks(service.sessions) == []
        set_webhook(service.sessions, "无回调平台", "http://127.0.0.1:9/h")
        leased = lease_webhooks(service.sessions)
        assert [m.payload["event"] for m in leased] == ["created", "dispatched"]
        set_webhook(service.sessions, "无回调平台", "")  # taken away again: parked again
        with service.sessions() as s:
            assert {r.next_try_at for r in s.scalars(select(WebhookDelivery))} == {PARKED}
    finally:
        service.stop()
