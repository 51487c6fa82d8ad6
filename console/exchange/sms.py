"""The citizen is told by SMS: at intake (the case number, when to expect an answer) and at
closure (the result, and that a callback may follow).

Queued from ``case_events`` past a watermark (like the webhooks, console.exchange.outbox),
so every case gets its texts whoever created or closed it; sent by a worker inside
``serve`` through a pluggable gateway with retries and backoff. Never to an anonymous or
confidential caller, never to a number that opted out, only to mobile numbers. Texts
come from the editable ``sms_templates`` rows (``{number}``, ``{expected}``, ``{result}``).
"""

from __future__ import annotations

import logging
import urllib.parse
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

import httpx
from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import EventKind
from console.domain.clock import format_deadline, now_utc
from console.domain.errors import UserError
from console.domain.validation import normalize_phone, phone_kind
from console.exchange.outbox import (
    SCAN_BATCH,
    Horizon,
    advance,
    finish,
    insert_for,
    watermark,
)
from console.models import Case, CaseEvent, SmsMessage, SmsOptOut, SmsTemplate

log = logging.getLogger("console.exchange")

SMS = "sms"
INTAKE = "intake"
CLOSURE = "closure"
KINDS: dict[str, str] = {
    EventKind.CREATED: INTAKE,
    EventKind.CLOSED: CLOSURE,
    EventKind.CLOSED_DIRECTLY: CLOSURE,
}
MAX_RESULT = 60


def mask_phone(phone: str) -> str:
    """For logs: 138****5678."""
    p = normalize_phone(phone)
    return p[:3] + "****" + p[-4:] if len(p) >= 8 else "****"


class SmsGateway(Protocol):
    def send(self, phone: str, text: str, message_id: str) -> None:
        """Hand the text to the carrier; raise on any failure (the message is retried)."""


class SmsFailed(Exception):
    pass


class HttpSmsGateway:
    """A generic HTTP gateway, the centre's own: ``url_template`` with ``{phone}``,
    ``{text}`` and ``{id}`` (URL-encoded) is fetched with GET; with ``method="POST"`` the
    template's URL gets a JSON body ``{"phone", "text", "id"}``. A 2xx answer is success."""

    def __init__(self, url_template: str, method: str = "GET", timeout: float = 5.0) -> None:
        if not url_template.startswith(("http://", "https://")):
            raise ValueError("the SMS gateway URL starts with http:// or https://")
        self.url_template = url_template
        self.method = method.upper()
        self._client = httpx.Client(timeout=timeout)

    def send(self, phone: str, text: str, message_id: str) -> None:
        q = urllib.parse.quote
        url = self.url_template.format(phone=q(phone), text=q(text), id=q(message_id))
        try:
            if self.method == "POST":
                r = self._client.post(
                    url,
                    json={"phone": phone, "text": text, "id": message_id},
                    headers={"Idempotency-Key": message_id},
                )
            else:
                r = self._client.get(url, headers={"Idempotency-Key": message_id})
        except httpx.HTTPError as exc:
            raise SmsFailed(exc.__class__.__name__) from exc
        if not 200 <= r.status_code < 300:
            raise SmsFailed(f"HTTP {r.status_code}")

    def close(self) -> None:
        self._client.close()


@dataclass(frozen=True)
class Skipped:
    reason: str  # anonymous | confidential | no_mobile | opted_out | closed_at_intake


def _template(s: Session, code: str) -> str:
    row = s.get(SmsTemplate, code)
    return row.text if row is not None else ""


def _result(s: Session, case: Case, kind: str) -> str:
    if kind == EventKind.CLOSED_DIRECTLY or case.answer:
        text = case.answer
    else:
        text = ""
        for d in s.scalars(
            select(CaseEvent.detail)
            .where(CaseEvent.case_id == case.id, CaseEvent.kind == EventKind.REPLIED)
            .order_by(CaseEvent.id)
        ):
            if (d or {}).get("unit_role", "lead") == "lead":
                text = str((d or {}).get("reply", ""))
    text = " ".join(text.split())
    return text if len(text) <= MAX_RESULT else text[: MAX_RESULT - 1] + "…"


def compose(s: Session, case: Case, event_kind: str) -> tuple[str, str] | Skipped:
    """(phone, text) of the SMS for this event, or why none is sent."""
    if case.caller_anonymous:
        return Skipped("anonymous")
    if case.caller_confidential:
        return Skipped("confidential")
    phone = normalize_phone(case.caller_phone)
    if phone_kind(phone) != "mobile":
        return Skipped("no_mobile")
    if s.get(SmsOptOut, phone) is not None:
        return Skipped("opted_out")
    kind = KINDS[event_kind]
    if kind == INTAKE:
        closed_directly = s.scalars(
            select(CaseEvent.id).where(
                CaseEvent.case_id == case.id, CaseEvent.kind == EventKind.CLOSED_DIRECTLY
            )
        ).first()
        if closed_directly is not None:
            return Skipped("closed_at_intake")  # the closure text says it all
    due = case.final_due_at or case.next_due_at
    values = {
        "number": case.number,
        "expected": format_deadline(due) if due is not None else "尽快",
        "result": _result(s, case, event_kind) if kind == CLOSURE else "",
    }
    template = _template(s, kind)
    try:
        text = template.format(**values)
    except (KeyError, IndexError, ValueError):
        text = template
    return phone, text


def queue_sms(sessions: sessionmaker[Session], horizon: Horizon | None = None) -> int:
    """Queue the texts of new intake and closure events; returns how many. The watermark
    moves as :class:`console.exchange.outbox.Horizon` allows (exact on PostgreSQL)."""
    horizon = horizon or Horizon()
    added = 0
    with sessions() as s, s.begin():
        start = watermark(s, SMS)
        top = s.execute(select(func.max(CaseEvent.id)).where(CaseEvent.id >= start)).scalar()
        safe = horizon.safe(s, top)
        rows = s.execute(
            select(CaseEvent.id, CaseEvent.kind, CaseEvent.case_id)
            .where(
                CaseEvent.id > start,
                CaseEvent.id <= (top or start),
                CaseEvent.kind.in_(list(KINDS)),
                ~exists().where(SmsMessage.event_id == CaseEvent.id),
            )
            .order_by(CaseEvent.id)
            .limit(SCAN_BATCH)
        ).all()
        if rows:
            at = now_utc()
            for r in rows:
                case = s.get(Case, r.case_id)
                if case is None:
                    continue
                got = compose(s, case, r.kind)
                if isinstance(got, Skipped):
                    continue
                phone, text = got
                res = s.execute(
                    insert_for(s)(SmsMessage)
                    .values(
                        message_id=str(uuid.uuid4()),
                        case_id=case.id,
                        event_id=r.id,
                        kind=KINDS[r.kind],
                        phone=phone,
                        text=text,
                        created_at=at,
                        next_try_at=at,
                        attempts=0,
                        last_error="",
                    )
                    .on_conflict_do_nothing(index_elements=["event_id", "kind"])
                )
                added += max(0, getattr(res, "rowcount", 0) or 0)
            if len(rows) == SCAN_BATCH and safe is not None:
                safe = min(safe, rows[-1].id)
        if safe is not None:
            advance(s, SMS, safe)
    return added


def send_sms(
    sessions: sessionmaker[Session], gateway: SmsGateway, base_backoff: float = 5.0, limit: int = 50
) -> tuple[int, int]:
    """Send the due texts once; returns (sent, failed). A number that opted out after the
    text was queued gets nothing: the row is marked done with ``opted_out``."""
    now = now_utc()
    with sessions() as s, s.begin():
        leased = []
        for m in s.scalars(
            select(SmsMessage)
            .where(
                SmsMessage.sent_at.is_(None),
                SmsMessage.next_try_at <= now,
                (SmsMessage.lease_until.is_(None)) | (SmsMessage.lease_until < now),
            )
            .order_by(SmsMessage.next_try_at, SmsMessage.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        ):
            if s.get(SmsOptOut, m.phone) is not None:
                m.sent_at, m.last_error = now, "opted_out"
                continue
            m.lease_until = now + timedelta(seconds=60)
            leased.append((m.id, m.message_id, m.phone, m.text, m.attempts))
    sent = failed = 0
    for row_id, message_id, phone, text, attempts in leased:
        try:
            gateway.send(phone, text, message_id)
            ok, error = True, ""
        except Exception as exc:  # noqa: BLE001 - any gateway failure: retry later
            ok, error = False, str(exc) or exc.__class__.__name__
        finish(sessions, SmsMessage, row_id, ok, error, attempts, base_backoff)
        if ok:
            sent += 1
        else:
            failed += 1
            log.info("sms %s to %s failed (%s)", message_id, mask_phone(phone), error)
    return sent, failed


def sms_tick(
    sessions: sessionmaker[Session], gateway: SmsGateway, base_backoff: float
) -> Callable[[], int]:
    horizon = Horizon()

    def tick() -> int:
        queued = queue_sms(sessions, horizon)
        sent, _failed = send_sms(sessions, gateway, base_backoff)
        return queued + sent

    return tick


# --- the centre's settings (command line) ---------------------------------------------


def set_template(sessions: sessionmaker[Session], code: str, text: str) -> None:
    if code not in (INTAKE, CLOSURE):
        raise UserError(f"unknown SMS template {code!r}: {INTAKE} or {CLOSURE}")
    try:
        text.format(number="", expected="", result="")
    except (KeyError, IndexError, ValueError) as exc:
        raise UserError(f"bad placeholder in the template: {exc}") from exc
    with sessions() as s, s.begin():
        row = s.get(SmsTemplate, code)
        if row is None:
            s.add(SmsTemplate(code=code, text=text, updated_at=now_utc()))
        else:
            row.text, row.updated_at = text, now_utc()


def opt_out(sessions: sessionmaker[Session], phone: str, out: bool = True) -> str:
    p = normalize_phone(phone)
    if phone_kind(p) is None:
        raise ValueError("not a valid phone number")
    with sessions() as s, s.begin():
        row = s.get(SmsOptOut, p)
        if out and row is None:
            s.add(SmsOptOut(phone=p, created_at=now_utc()))
        elif not out and row is not None:
            s.delete(row)
    return p
