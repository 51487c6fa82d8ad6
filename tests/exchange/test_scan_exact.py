"""The outbox scanners miss no event, however late it commits: on PostgreSQL an event's
id is taken at insert and seen at commit, so a lower id can appear after many higher
ones (console.exchange.outbox.Horizon)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select, text

from console.exchange.credentials import authenticate, issue_token
from console.exchange.outbox import Horizon, queue_webhooks
from console.exchange.pushed import order_from_mapping
from console.exchange.service import ExchangeService, ServeOptions
from console.models import Case, CaseEvent, ExchangeWatermark, WebhookDelivery
from tests.exchange.conftest import order

INSERT_EVENT = (
    "INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
    "VALUES (:case_id, :kind, now(), 'test', '001', '{}') RETURNING id"
)


def test_an_event_committed_late_is_still_sent(db_url: str) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite commits ids in order (one writer at a time)")
    service = ExchangeService(db_url, ServeOptions(workers=False))
    try:
        sessions = service.sessions
        token = issue_token(sessions, platform="粤省心", webhook_url="http://127.0.0.1:9/")[1]
        with sessions() as s:
            who = authenticate(s, token)
        assert who is not None
        body = order("LATE-1")
        body["received_at"] = datetime.fromisoformat(body["received_at"])
        number = service.orders.push(who, order_from_mapping(body)).number
        with sessions() as s:
            case_id = s.scalars(select(Case.id).where(Case.number == number)).one()
        horizon = Horizon()
        queue_webhooks(sessions, horizon)  # the push's own events
        late = service.engine.connect()
        late_tx = late.begin()
        late_id = late.execute(
            text(INSERT_EVENT), {"case_id": case_id, "kind": "progress"}
        ).scalar_one()
        # well over the old 1,000-id look-back commits meanwhile, and the scanner runs
        with service.engine.begin() as c:
            c.execute(text(INSERT_EVENT), [{"case_id": case_id, "kind": "note"}] * 1500)
            c.execute(text(INSERT_EVENT), {"case_id": case_id, "kind": "accepted"})
        for _ in range(4):
            queue_webhooks(sessions, horizon)
        with sessions() as s:
            mark = s.get(ExchangeWatermark, "webhooks")
            assert mark is not None and mark.last_event_id < late_id  # held back
            kinds = set(
                s.scalars(
                    select(CaseEvent.kind)
                    .join(WebhookDelivery, WebhookDelivery.event_id == CaseEvent.id)
                    .where(CaseEvent.case_id == case_id)
                )
            )
            assert "accepted" in kinds and "progress" not in kinds
        late_tx.commit()
        late.close()
        for _ in range(4):
            queue_webhooks(sessions, horizon)
        with sessions() as s:
            assert (
                s.execute(
                    select(func.count()).where(WebhookDelivery.event_id == late_id)
                ).scalar_one()
                == 1
            )
            mark = s.get(ExchangeWatermark, "webhooks")
            assert mark is not None and mark.last_event_id >= late_id  # and it moves on
            # every webhook event of the order queued exactly once
            due = s.execute(
                select(func.count()).where(
                    CaseEvent.case_id == case_id,
                    CaseEvent.kind.in_(["created", "dispatched", "progress", "accepted"]),
                )
            ).scalar_one()
            queued = s.execute(
                select(func.count()).where(WebhookDelivery.case_id == case_id)
            ).scalar_one()
            assert queued == due
    finally:
        service.stop()
