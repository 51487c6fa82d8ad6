"""The webhook outbox's two busy statements, as PostgreSQL runs them: each a single
statement the server executes set-wise, where the portable code (console.exchange.outbox,
used on SQLite) reads rows into Python and writes them back one by one. The payload's
keys, the events and the order rule come from that module: one source, two renderings.

- :data:`QUEUE`: the events of pushed orders past the watermark that are not queued yet
  become ``webhook_deliveries`` rows with their payload built by the server (a fresh
  delivery id each), in one INSERT … SELECT; it answers how many rows it added, how many
  events it found (the scan's batch) and the highest event id it took. The worker's
  pass has the new rows it can send at once written leased (nothing earlier of their
  case undelivered), and gets them back: a row is written twice (queued, delivered),
  not three times.
- :data:`LEASE`: due rows are leased in one UPDATE … RETURNING. A row is leased only if
  every earlier undelivered row of its case is leased with it (they are sent in order, in
  the same pass): the two events of a push (created, dispatched) go out together instead
  of one pass each.
"""

from __future__ import annotations

from sqlalchemy import bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.types import String

#: parameters ``start``, ``top``, ``kinds`` (the events), ``keys`` (the payload's keys
#: taken from an event's detail), ``batch``, ``at``, ``parked`` (the next try of a
#: message to a platform without a webhook URL), ``until`` (None, or the lease of the
#: rows this pass sends at once: answered as JSON in ``leased``)
QUEUE = text(
    """
WITH due AS (
    SELECT e.id, e.kind, e.at, e.detail, e.case_id, o.platform_id, o.external_id,
           c.number, c.status, p.webhook_url <> '' AS has_url
    FROM public.case_events e
    JOIN public.exchange_orders o ON o.case_id = e.case_id
    JOIN public.exchange_platforms p ON p.id = o.platform_id
    JOIN public.cases c ON c.id = e.case_id
    WHERE e.id > :start AND e.id <= :top AND e.kind = ANY(:kinds)
      AND NOT EXISTS (SELECT 1 FROM public.webhook_deliveries w
                      WHERE w.event_id = e.id AND w.platform_id = o.platform_id)
    ORDER BY e.id
    LIMIT :batch
), made AS (
    SELECT due.*, gen_random_uuid()::text AS delivery_id FROM due
), ins AS (
    INSERT INTO public.webhook_deliveries AS w
        (delivery_id, platform_id, case_id, event_id, payload, created_at, next_try_at,
         attempts, last_error, lease_until)
    SELECT m.delivery_id, m.platform_id, m.case_id, m.id,
           (jsonb_build_object(
                'delivery_id', m.delivery_id,
                'external_id', m.external_id,
                'number', m.number,
                'event', m.kind,
                'at', to_char(m.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
                      || '+00:00',
                'status', m.status)
            || coalesce((SELECT jsonb_object_agg(d.key, d.value)
                         FROM jsonb_each(coalesce(m.detail::jsonb, '{}'::jsonb)) d
                         WHERE d.key = ANY(:keys)), '{}'::jsonb))::json,
           :at, CASE WHEN m.has_url THEN :at ELSE :parked END, 0, '',
           -- leased at once for this pass (when it asks: ``until``) if nothing earlier
           -- of the case is undelivered: no second write of the row to lease it
           CASE WHEN m.has_url AND CAST(:until AS timestamptz) IS NOT NULL
                     AND NOT EXISTS (SELECT 1 FROM public.webhook_deliveries e
                                     WHERE e.case_id = m.case_id
                                       AND e.delivered_at IS NULL)
                THEN CAST(:until AS timestamptz) END
    FROM made m
    ORDER BY m.id
    ON CONFLICT (event_id, platform_id) DO NOTHING
    RETURNING w.id, w.delivery_id, w.payload, w.attempts, w.case_id, w.platform_id,
              w.lease_until
)
SELECT (SELECT count(*) FROM ins) AS added, (SELECT count(*) FROM due) AS found,
       (SELECT max(id) FROM due) AS last,
       (SELECT json_agg(json_build_object(
                    'id', ins.id, 'delivery_id', ins.delivery_id, 'payload', ins.payload,
                    'attempts', ins.attempts, 'case_id', ins.case_id,
                    'url', p.webhook_url) ORDER BY ins.id)
        FROM ins JOIN public.exchange_platforms p ON p.id = ins.platform_id
        WHERE ins.lease_until IS NOT NULL) AS leased
"""
).bindparams(
    bindparam("kinds", type_=ARRAY(String)),
    bindparam("keys", type_=ARRAY(String)),
)


LEASE = text(
    """
WITH cand AS (
    SELECT w.id, w.case_id
    FROM public.webhook_deliveries w
    JOIN public.exchange_platforms p ON p.id = w.platform_id
    WHERE w.delivered_at IS NULL AND w.next_try_at <= :now
      AND (w.lease_until IS NULL OR w.lease_until < :now)
      AND p.webhook_url <> ''
    ORDER BY w.next_try_at, w.id
    LIMIT :limit
    FOR UPDATE OF w SKIP LOCKED
)
UPDATE public.webhook_deliveries w SET lease_until = :until
FROM cand, public.exchange_platforms p
WHERE w.id = cand.id AND p.id = w.platform_id
  AND NOT EXISTS (SELECT 1 FROM public.webhook_deliveries e
                  WHERE e.case_id = cand.case_id AND e.id < cand.id
                    AND e.delivered_at IS NULL
                    AND e.id NOT IN (SELECT c2.id FROM cand c2))
RETURNING w.id, w.delivery_id, p.webhook_url, w.payload, w.attempts, w.case_id
"""
)
