"""Bearer tokens of platforms and units: issued once (printed, never stored in clear),
stored as SHA-256, revocable. A platform also has its webhook URL here."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from console.domain.clock import now_utc
from console.domain.errors import UserError
from console.models import ExchangePlatform, ExchangeToken, HandlingUnit, WebhookDelivery
from console.models.base import PLAIN
from console.models.exchange import PARKED

PLATFORM = "platform"
UNIT = "unit"
TOKEN_PREFIX = "hx_"


class CredentialError(UserError):
    """An administrator's token command cannot be carried out (shown plainly)."""


@dataclass(frozen=True)
class Principal:
    """Who calls the API: a platform or a handling unit."""

    token_id: int
    kind: str  # PLATFORM | UNIT
    platform_id: int | None
    unit_id: int | None
    name: str  # the platform's or the unit's name


@dataclass(frozen=True)
class TokenRow:
    id: int
    prefix: str
    kind: str
    name: str
    created_at: datetime
    revoked_at: datetime | None
    webhook_url: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def _platform(s: Session, name: str, create: bool) -> ExchangePlatform:
    name = name.strip()
    if not name or len(name) > 64:
        raise CredentialError("a platform name is 1-64 characters")
    row = s.scalars(select(ExchangePlatform).where(ExchangePlatform.name == name)).first()
    if row is None:
        if not create:
            raise CredentialError(f"no platform named {name!r}")
        row = ExchangePlatform(name=name, webhook_url="", created_at=now_utc())
        s.add(row)
        s.flush()
    return row


def _unit(s: Session, name_or_id: str) -> HandlingUnit:
    key = name_or_id.strip()
    row = s.scalars(select(HandlingUnit).where(HandlingUnit.name == key)).first()
    if row is None and key.isdigit():
        row = s.get(HandlingUnit, int(key))
    if row is None:
        raise CredentialError(f"no handling unit {name_or_id!r}")
    return row


def check_webhook_url(url: str) -> str:
    url = url.strip()
    if url and not (url.startswith("http://") or url.startswith("https://")):
        raise CredentialError("a webhook URL starts with http:// or https://")
    if len(url) > 500:
        raise CredentialError("a webhook URL is at most 500 characters")
    return url


def issue_token(
    sessions: sessionmaker[Session],
    *,
    platform: str | None = None,
    unit: str | None = None,
    webhook_url: str | None = None,
) -> tuple[int, str]:
    """A new token for a platform (created if new) or a unit; returns (id, token)."""
    if (platform is None) == (unit is None):
        raise CredentialError("name either a platform or a unit")
    token = new_token()
    with sessions() as s, s.begin():
        row = ExchangeToken(token_hash=hash_token(token), prefix=token[:10], created_at=now_utc())
        if platform is not None:
            p = _platform(s, platform, create=True)
            if webhook_url is not None:
                _set_url(s, p, webhook_url)
            row.platform_id = p.id
        else:
            assert unit is not None
            if webhook_url is not None:
                raise CredentialError("webhooks go to platforms, not to units")
            row.unit_id = _unit(s, unit).id
        s.add(row)
        s.flush()
        return int(row.id), token


def set_webhook(sessions: sessionmaker[Session], platform: str, url: str) -> None:
    with sessions() as s, s.begin():
        _set_url(s, _platform(s, platform, create=True), url)


def _set_url(s: Session, p: ExchangePlatform, url: str) -> None:
    """The platform's webhook URL; its undelivered messages are parked while it has none
    and due again once it has one (the outbox's passes do not scan parked ones)."""
    p.webhook_url = check_webhook_url(url)
    pending = (WebhookDelivery.platform_id == p.id) & WebhookDelivery.delivered_at.is_(None)
    if p.webhook_url:
        s.execute(
            update(WebhookDelivery)
            .where(pending, WebhookDelivery.next_try_at == PARKED)
            .values(next_try_at=now_utc()),
            execution_options=PLAIN,
        )
    else:
        s.execute(
            update(WebhookDelivery).where(pending).values(next_try_at=PARKED),
            execution_options=PLAIN,
        )


def revoke(sessions: sessionmaker[Session], token_or_id: str) -> int:
    """Revoke by id, by prefix shown in ``api list``, or by the token itself; returns
    how many tokens were revoked."""
    key = token_or_id.strip()
    with sessions() as s, s.begin():
        stmt = select(ExchangeToken).where(ExchangeToken.revoked_at.is_(None))
        if key.isdigit():
            stmt = stmt.where(ExchangeToken.id == int(key))
        elif len(key) > 20:
            stmt = stmt.where(ExchangeToken.token_hash == hash_token(key))
        else:
            stmt = stmt.where(ExchangeToken.prefix == key)
        rows = list(s.scalars(stmt))
        if len(rows) > 1:
            raise CredentialError(f"{key!r} names {len(rows)} tokens: revoke by id")
        for r in rows:
            r.revoked_at = now_utc()
        return len(rows)


def list_tokens(sessions: sessionmaker[Session]) -> list[TokenRow]:
    with sessions() as s:
        rows = s.execute(
            select(ExchangeToken, ExchangePlatform, HandlingUnit.name)
            .outerjoin(ExchangePlatform, ExchangePlatform.id == ExchangeToken.platform_id)
            .outerjoin(HandlingUnit, HandlingUnit.id == ExchangeToken.unit_id)
            .order_by(ExchangeToken.id)
        ).all()
        return [
            TokenRow(
                t.id,
                t.prefix,
                PLATFORM if p is not None else UNIT,
                p.name if p is not None else (u or ""),
                t.created_at,
                t.revoked_at,
                p.webhook_url if p is not None else "",
            )
            for t, p, u in rows
        ]


def authenticate(s: Session, token: str) -> Principal | None:
    """The principal of a live token, or None (unknown or revoked)."""
    row = s.execute(
        select(ExchangeToken, ExchangePlatform.name, HandlingUnit.name)
        .outerjoin(ExchangePlatform, ExchangePlatform.id == ExchangeToken.platform_id)
        .outerjoin(HandlingUnit, HandlingUnit.id == ExchangeToken.unit_id)
        .where(ExchangeToken.token_hash == hash_token(token), ExchangeToken.revoked_at.is_(None))
    ).first()
    if row is None:
        return None
    t, pname, uname = row
    if t.platform_id is not None:
        return Principal(t.id, PLATFORM, t.platform_id, None, pname or "")
    return Principal(t.id, UNIT, None, t.unit_id, uname or "")
