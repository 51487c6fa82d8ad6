"""Outgoing webhooks to the platforms, from a database outbox.

1. ``queue_webhooks`` scans ``case_events`` past a watermark for events of orders a
   platform pushed and inserts one ``webhook_deliveries`` row per event (unique per event
   and platform, so several service processes scanning at once queue each event once).
   On PostgreSQL an event's id is taken when it is inserted but seen only at commit, so
   a higher id can be seen before a lower one: the watermark moves only as far as
   :class:`Horizon` proves that no transaction can still commit an id below it (exact,
   whatever the delay), and the scan past it asks the database only for the events
   not queued yet.
2. ``deliver_webhooks`` leases due rows (``FOR UPDATE SKIP LOCKED`` on PostgreSQL; SQLite
   serialises writers), POSTs each with its delivery id as ``Idempotency-Key`` and marks
   it delivered on a 2xx answer; otherwise it retries later with exponential backoff. A
   row is never deleted before it is delivered (nothing is lost); a crash between the
   answer and the mark sends it again with the same delivery id, which a receiver that
   keeps its delivery ids applies once. Messages of one case go out in order: a row waits
   while an earlier one of the same case is undelivered.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import exists, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import EventKind
from console.domain.clock import now_utc
from console.exchange import outbox_pg
from console.exchange.webhook_http import PostError, WebhookPoster
from console.models import (
    Case,
    CaseEvent,
    ExchangeOrder,
    ExchangePlatform,
    ExchangeWatermark,
    WebhookDelivery,
)
from console.models.base import PLAIN
from console.models.exchange import PARKED

log = logging.getLogger("console.exchange")

WEBHOOKS = "webhooks"
SCAN_BATCH = 2000
#: the ids a Horizon keeps waiting while a long transaction writes events
HORIZON_KEEP = 64
#: how long a leased message is this process's to send (then another may)
LEASE = timedelta(seconds=60)
#: the events a platform hears about: status changes and results
WEBHOOK_EVENTS = frozenset(
    {
        EventKind.CREATED,
        EventKind.CLOSED_DIRECTLY,
        EventKind.DISPATCHED,
        EventKind.ACCEPTED,
        EventKind.CONTACTED,
        EventKind.ON_SCENE,
        EventKind.PROGRESS,
        EventKind.REPLIED,
        EventKind.RETURNED,
        EventKind.CLOSED,
        EventKind.VISITED,
        EventKind.REOPENED,
        EventKind.SENT_BACK,
        EventKind.EXTENSION_REQUESTED,
        EventKind.EXTENSION_APPROVED,
        EventKind.EXTENSION_REFUSED,
    }
)
PAYLOAD_KEYS = ("unit", "text", "reply", "reason", "milestone", "due_at")
IDEMPOTENCY_HEADER = "Idempotency-Key"
DELIVERY_HEADER = "X-Delivery-Id"


def insert_for(s: Session) -> Any:
    return postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert


def watermark(s: Session, name: str) -> int:
    """The scanner's watermark; on first use, the newest event (history is not replayed)."""
    mark = select(ExchangeWatermark.last_event_id).where(ExchangeWatermark.name == name)
    last = s.execute(mark).scalar()
    if last is None:
        top = s.execute(select(func.max(CaseEvent.id))).scalar() or 0
        s.execute(
            insert_for(s)(ExchangeWatermark)
            .values(name=name, last_event_id=int(top))
            .on_conflict_do_nothing(index_elements=["name"])
        )
        last = s.execute(mark).scalar_one()
    return int(last)


def advance(s: Session, name: str, last: int) -> None:
    s.execute(
        update(ExchangeWatermark)
        .where(ExchangeWatermark.name == name, ExchangeWatermark.last_event_id < last)
        .values(last_event_id=last),
        execution_options=PLAIN,
    )


#: the transactions of this database writing case_events now (they hold this lock
#: from their first insert into the table until they end)
_WRITERS = text(
    "SELECT l.virtualtransaction FROM pg_catalog.pg_locks l "
    "WHERE l.locktype = 'relation' AND l.mode = 'RowExclusiveLock' "
    "AND l.relation = 'public.case_events'::regclass "
    "AND l.database = (SELECT d.oid FROM pg_catalog.pg_database d "
    "                  WHERE d.datname = pg_catalog.current_database())"
)


class Horizon:
    """How far a scanner of ``case_events`` may move its watermark.

    SQLite has one writer at a time, so ids commit in order: the newest id seen is safe.
    On PostgreSQL a transaction takes an event id when it inserts the row and shows it
    at commit, perhaps after higher ids. Each scan notes ``top``, the highest id it sees,
    and then the transactions writing ``case_events`` at that moment (from ``pg_locks``:
    a writer holds the table's RowExclusiveLock from before it takes its first id until
    it ends). A transaction holding a lower id took it before ``top`` was taken, so it has
    either committed already (its rows are seen by this scan's next statement) or is one
    of those writers. Once none of them is still writing, every event up to ``top`` that
    will ever exist is visible, and the watermark may move there. Only this database's
    writers of this table count (not the cluster's oldest transaction). One Horizon per
    scanner and process: a restart only starts the proof again."""

    def __init__(self) -> None:
        self._pending: list[tuple[int, frozenset[str]]] = []  # (top, its writers)

    def safe(self, s: Session, top: int | None) -> int | None:
        """The highest id the watermark may move to now (None: not further yet). Call it
        after reading ``top`` and before reading the rows up to it."""
        if top is None:
            return None
        if s.get_bind().dialect.name != "postgresql":
            return top
        writers = frozenset(str(v) for v in s.scalars(_WRITERS))
        if not self._pending or self._pending[-1][0] < top:
            self._pending.append((top, writers))
        out: int | None = None
        keep: list[tuple[int, frozenset[str]]] = []
        for c, holding in self._pending:
            if holding & writers:
                keep.append((c, holding))
            else:
                out = c if out is None else max(out, c)
        self._pending = [(c, h) for c, h in keep if out is None or c > out][-HORIZON_KEEP:]
        return out


def queue_webhooks(sessions: sessionmaker[Session], horizon: Horizon | None = None) -> int:
    """Queue the new events of pushed orders; returns how many rows were added."""
    with sessions() as s, s.begin():
        return queue_in(s, horizon or Horizon())[0]


def queue_in(
    s: Session, horizon: Horizon, lease: timedelta | None = None
) -> tuple[int, list[Leased]]:
    """:func:`queue_webhooks` in the caller's transaction: (rows added, the new rows
    leased for the caller to send when it asks with ``lease``: those with nothing
    earlier of their case undelivered — on PostgreSQL written leased by the queue's
    statement, elsewhere leased after it)."""
    start = watermark(s, WEBHOOKS)
    top = s.execute(select(func.max(CaseEvent.id)).where(CaseEvent.id >= start)).scalar()
    safe = horizon.safe(s, top)
    if top is None or top <= start:
        return 0, []
    leased: list[Leased] = []
    if s.get_bind().dialect.name == "postgresql":
        now = now_utc()
        added, found, last, rows = s.execute(
            outbox_pg.QUEUE,
            {
                "start": start,
                "top": top,
                "kinds": sorted(WEBHOOK_EVENTS),
                "keys": list(PAYLOAD_KEYS),
                "batch": SCAN_BATCH,
                "at": now,
                "parked": PARKED,
                "until": now + lease if lease is not None else None,
            },
        ).one()
        leased = [
            Leased(r["id"], r["delivery_id"], r["url"], r["payload"], r["attempts"], r["case_id"])
            for r in rows or ()
        ]
    else:
        added, found, last = _queue_rows(s, start, top)
        if added and lease is not None:  # no leasing at once here: the new rows now
            leased = lease_in(s, lease=lease)
    if found == SCAN_BATCH and safe is not None and last is not None:
        safe = min(safe, int(last))  # the rest of the range: next time
    if safe is not None:
        advance(s, WEBHOOKS, safe)
    return int(added), leased


def _queue_rows(s: Session, start: int, top: int) -> tuple[int, int, int | None]:
    """The portable queue (SQLite): the rows read, their payloads built here."""
    queued = exists().where(
        WebhookDelivery.event_id == CaseEvent.id,
        WebhookDelivery.platform_id == ExchangeOrder.platform_id,
    )
    # the events past the mark not queued yet: the database filters, so rows read
    # again while the mark waits for its proof cost nothing here
    rows = s.execute(
        select(
            CaseEvent.id,
            CaseEvent.kind,
            CaseEvent.at,
            CaseEvent.detail,
            CaseEvent.case_id,
            ExchangeOrder.platform_id,
            ExchangeOrder.external_id,
            Case.number,
            Case.status,
            ExchangePlatform.webhook_url,
        )
        .join(ExchangeOrder, ExchangeOrder.case_id == CaseEvent.case_id)
        .join(ExchangePlatform, ExchangePlatform.id == ExchangeOrder.platform_id)
        .join(Case, Case.id == CaseEvent.case_id)
        .where(
            CaseEvent.id > start,
            CaseEvent.id <= top,
            CaseEvent.kind.in_(sorted(WEBHOOK_EVENTS)),
            ~queued,
        )
        .order_by(CaseEvent.id)
        .limit(SCAN_BATCH)
    ).all()
    if not rows:
        return 0, 0, None
    at = now_utc()
    values = []
    for r in rows:
        d = dict(r.detail or {})
        delivery = str(uuid.uuid4())
        payload = {
            "delivery_id": delivery,
            "external_id": r.external_id,
            "number": r.number,
            "event": r.kind,
            "at": r.at.isoformat(),
            "status": r.status,
            **{k: d[k] for k in PAYLOAD_KEYS if k in d},
        }
        values.append(
            {
                "delivery_id": delivery,
                "platform_id": r.platform_id,
                "case_id": r.case_id,
                "event_id": r.id,
                "payload": payload,
                "created_at": at,
                "next_try_at": at if r.webhook_url else PARKED,
                "attempts": 0,
                "last_error": "",
            }
        )
    # one statement executed for many rows: compiled once, not per batch size
    s.execute(
        insert_for(s)(WebhookDelivery).on_conflict_do_nothing(
            index_elements=["event_id", "platform_id"]
        ),
        values,
    )
    return len(values), len(rows), int(rows[-1].id)


@dataclass(frozen=True)
class Leased:
    id: int
    delivery_id: str
    url: str
    payload: dict[str, Any]
    attempts: int
    case_id: int


def lease_webhooks(
    sessions: sessionmaker[Session], limit: int = 200, lease: timedelta = LEASE
) -> list[Leased]:
    with sessions() as s, s.begin():
        return lease_in(s, limit, lease)


def lease_in(s: Session, limit: int = 200, lease: timedelta = LEASE) -> list[Leased]:
    """Due rows, leased in the caller's transaction, in the order they are to be sent
    (by id): a row only with every earlier undelivered row of its case (sent before it
    in the same pass), so that the events of one case go out in order."""
    now = now_utc()
    if s.get_bind().dialect.name == "postgresql":
        rows = s.execute(outbox_pg.LEASE, {"now": now, "until": now + lease, "limit": limit}).all()
        out = [Leased(i, d, url, dict(p), a, c) for i, d, url, p, a, c in rows]
        return sorted(out, key=lambda m: m.id)
    cand = s.execute(
        select(
            WebhookDelivery.id,
            WebhookDelivery.delivery_id,
            ExchangePlatform.webhook_url,
            WebhookDelivery.payload,
            WebhookDelivery.attempts,
            WebhookDelivery.case_id,
        )
        .join(ExchangePlatform, ExchangePlatform.id == WebhookDelivery.platform_id)
        .where(
            WebhookDelivery.delivered_at.is_(None),
            WebhookDelivery.next_try_at <= now,
            (WebhookDelivery.lease_until.is_(None)) | (WebhookDelivery.lease_until < now),
            ExchangePlatform.webhook_url != "",
        )
        .order_by(WebhookDelivery.next_try_at, WebhookDelivery.id)
        .limit(limit)
        .with_for_update(skip_locked=True, of=WebhookDelivery)
    ).all()
    if not cand:
        return []
    ids = {r.id for r in cand}
    # per case, the first undelivered row that is not among them: rows after it wait
    blocked: dict[int, int] = {
        int(c): int(first)
        for c, first in s.execute(
            select(WebhookDelivery.case_id, func.min(WebhookDelivery.id))
            .where(
                WebhookDelivery.delivered_at.is_(None),
                WebhookDelivery.case_id.in_({r.case_id for r in cand}),
                WebhookDelivery.id.not_in(ids),
            )
            .group_by(WebhookDelivery.case_id)
        )
    }
    out = sorted(
        (
            Leased(r.id, r.delivery_id, r.webhook_url, dict(r.payload), r.attempts, r.case_id)
            for r in cand
            if r.case_id not in blocked or r.id < blocked[r.case_id]
        ),
        key=lambda m: m.id,
    )
    if out:
        s.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id.in_([m.id for m in out]))
            .values(lease_until=now + lease),
            execution_options=PLAIN,
        )
    return out


def backoff(attempts: int, base: float) -> timedelta:
    return timedelta(seconds=min(base * 2 ** max(0, attempts - 1), 600.0))


def finish(
    sessions: sessionmaker[Session],
    model: Any,
    row_id: int,
    ok: bool,
    error: str,
    attempts: int,
    base: float,
) -> None:
    """Mark a leased row delivered, or schedule its next try."""
    now = now_utc()
    done_col = model.delivered_at if model is WebhookDelivery else model.sent_at
    with sessions() as s, s.begin():
        if ok:
            s.execute(
                update(model)
                .where(model.id == row_id, done_col.is_(None))
                .values({done_col.key: now, "lease_until": None, "attempts": attempts + 1}),
                execution_options=PLAIN,
            )
        else:
            s.execute(
                update(model)
                .where(model.id == row_id)
                .values(
                    attempts=attempts + 1,
                    lease_until=None,
                    next_try_at=now + backoff(attempts + 1, base),
                    last_error=error[:200],
                ),
                execution_options=PLAIN,
            )


def mark_delivered(sessions: sessionmaker[Session], model: Any, ids: list[int]) -> None:
    """Mark a batch of sent rows done in one transaction (a crash before this sends them
    again with the same ids: the receiver's idempotency key makes that harmless)."""
    if not ids:
        return
    with sessions() as s, s.begin():
        _mark_in(s, model, ids)


def _mark_in(s: Session, model: Any, ids: list[int]) -> None:
    if not ids:
        return
    done_col = model.delivered_at if model is WebhookDelivery else model.sent_at
    s.execute(
        update(model)
        .where(model.id.in_(ids), done_col.is_(None))
        .values({done_col.key: now_utc(), "lease_until": None, "attempts": model.attempts + 1}),
        execution_options=PLAIN,
    )


def post_leased(
    sessions: sessionmaker[Session],
    client: WebhookPoster,
    leased: list[Leased],
    base_backoff: float,
) -> tuple[list[int], int]:
    """POST the leased rows in order; (the ids delivered, the number failed). A failed
    row is rescheduled at once; the later rows of its case in this pass are not sent and
    their lease is given back (they wait for it)."""
    ok_ids: list[int] = []
    failed = 0
    stopped: set[int] = set()
    released: list[int] = []
    for m in leased:
        if m.case_id in stopped:
            released.append(m.id)
            continue
        try:
            status = client.post(
                m.url,
                m.payload,
                {IDEMPOTENCY_HEADER: m.delivery_id, DELIVERY_HEADER: m.delivery_id},
            )
            ok = 200 <= status < 300
            error = "" if ok else f"HTTP {status}"
        except PostError as exc:
            ok, error = False, exc.__class__.__name__
        if ok:
            ok_ids.append(m.id)
        else:
            failed += 1
            stopped.add(m.case_id)
            finish(sessions, WebhookDelivery, m.id, False, error, m.attempts, base_backoff)
            log.info("webhook %s not delivered (%s), try %d", m.delivery_id, error, m.attempts + 1)
    if released:
        with sessions() as s, s.begin():
            s.execute(
                update(WebhookDelivery)
                .where(WebhookDelivery.id.in_(released))
                .values(lease_until=None),
                execution_options=PLAIN,
            )
    return ok_ids, failed


def deliver_webhooks(
    sessions: sessionmaker[Session], client: WebhookPoster, base_backoff: float = 1.0
) -> tuple[int, int]:
    """Send the due messages once; returns (delivered, failed)."""
    ok_ids, failed = post_leased(sessions, client, lease_webhooks(sessions), base_backoff)
    mark_delivered(sessions, WebhookDelivery, ok_ids)
    return len(ok_ids), failed


class Worker(threading.Thread):
    """Runs ``tick`` every ``interval`` seconds until stopped (inside ``serve``)."""

    def __init__(
        self, name: str, tick: Callable[[], int], interval: float, min_gap: float = 0.05
    ) -> None:
        super().__init__(name=name, daemon=True)
        self._tick = tick
        self._interval = interval
        # woken by every commit, ticks are at least this far apart: under load one tick
        # takes what many commits wrote instead of a tick per commit
        self._min_gap = min(min_gap, interval)
        self._halt = threading.Event()
        self.wake = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            started = time.monotonic()
            try:
                busy = self._tick()
            except Exception as exc:  # noqa: BLE001 - a worker survives a database hiccup
                from console.exchange.limits import log_failure

                log_failure(log, f"{self.name}: tick failed", exc)
                busy = 0
            if not busy:
                self.wake.wait(self._interval)
                self.wake.clear()
            rest = self._min_gap - (time.monotonic() - started)
            if rest > 0:
                self._halt.wait(rest)
        flush = getattr(self._tick, "flush", None)
        if flush is not None:
            try:
                flush()
            except Exception as exc:  # noqa: BLE001 - sent again later, same delivery ids
                from console.exchange.limits import log_failure

                log_failure(log, f"{self.name}: last marks not written", exc)

    def stop(self) -> None:
        self._halt.set()
        self.wake.set()


class WebhookTick:
    """One pass of the webhook worker: in one transaction the marks of the previous
    pass's deliveries, the new events queued and the due rows leased; then the POSTs,
    outside any transaction. The marks wait for the next pass (or :meth:`flush`): a
    crash before them sends those rows again with the same delivery ids, which a
    receiver that keeps its delivery ids applies once."""

    def __init__(
        self, sessions: sessionmaker[Session], client: WebhookPoster, base_backoff: float
    ) -> None:
        self._sessions = sessions
        self._client = client
        self._backoff = base_backoff
        self._horizon = Horizon()
        self._sent: list[int] = []

    def __call__(self) -> int:
        with self._sessions() as s, s.begin():
            _mark_in(s, WebhookDelivery, self._sent)
            # the due rows first: a new row is leased at once only if nothing earlier of
            # its case is undelivered (leased by this pass included)
            leased = lease_in(s, lease=LEASE)
            queued, fresh = queue_in(s, self._horizon, LEASE)
        self._sent = []  # marked: committed with the lease
        leased = sorted(leased + fresh, key=lambda m: m.id)
        self._sent, _failed = post_leased(self._sessions, self._client, leased, self._backoff)
        return queued + len(self._sent)

    def flush(self) -> None:
        """Mark what the last pass delivered (the worker's end)."""
        sent, self._sent = self._sent, []
        mark_delivered(self._sessions, WebhookDelivery, sent)


def webhook_tick(
    sessions: sessionmaker[Session], client: WebhookPoster, base_backoff: float
) -> WebhookTick:
    return WebhookTick(sessions, client, base_backoff)


def pending_count(sessions: sessionmaker[Session]) -> int:
    with sessions() as s:
        return int(
            s.execute(
                select(func.count()).where(WebhookDelivery.delivered_at.is_(None))
            ).scalar_one()
        )


def last_delivered(s: Session) -> datetime | None:
    return s.execute(select(func.max(WebhookDelivery.delivered_at))).scalar()
