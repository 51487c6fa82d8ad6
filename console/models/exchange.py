"""The exchange service's tables: platforms and units' API credentials, orders pushed in by a
platform, the webhook and SMS outboxes, SMS templates and opt-outs, attachments.

Outboxes are filled by scanning ``case_events`` past a watermark (console.exchange.outbox),
so every status change reaches the platform and the citizen whoever made it (console,
command line or API). A row stays until it is delivered: nothing is lost; the delivery id
is sent as the idempotency key, so a receiver that keeps its ids never applies one twice.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from console.models.base import Base, UtcDateTime, partial_index, utcnow

PENDING_SQL = "delivered_at IS NULL"
#: ``next_try_at`` of a message to a platform that has no webhook URL: kept (nothing is
#: lost) but out of the due rows every pass scans, until the platform is given a URL
PARKED = datetime(9999, 12, 31, tzinfo=UTC)
SMS_PENDING_SQL = "sent_at IS NULL"


class ExchangePlatform(Base):
    """A platform that pushes work orders (the provincial platform) and receives webhooks."""

    __tablename__ = "exchange_platforms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    webhook_url: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ExchangeToken(Base):
    """A bearer token, stored as its SHA-256 (the token itself is printed once)."""

    __tablename__ = "exchange_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))  # the first characters, to tell tokens apart
    platform_id: Mapped[int | None] = mapped_column(ForeignKey("exchange_platforms.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("handling_units.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ExchangeOrder(Base):
    """A work order a platform pushed in: (platform, external id) names one case, once."""

    __tablename__ = "exchange_orders"
    __table_args__ = (UniqueConstraint("platform_id", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("exchange_platforms.id"))
    external_id: Mapped[str] = mapped_column(String(100))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ExchangeWatermark(Base):
    """How far a scanner of ``case_events`` got (webhooks, sms)."""

    __tablename__ = "exchange_watermarks"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_event_id: Mapped[int] = mapped_column(Integer, default=0)


class WebhookDelivery(Base):
    """One message to a platform: a case event of an order it pushed."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("event_id", "platform_id"),
        partial_index("ix_webhook_deliveries_pending", "next_try_at", "id", where=PENDING_SQL),
        partial_index("ix_webhook_deliveries_pending_case", "case_id", "id", where=PENDING_SQL),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    delivery_id: Mapped[str] = mapped_column(String(36), unique=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("exchange_platforms.id"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    event_id: Mapped[int] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    next_try_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str] = mapped_column(String(200), default="")


class SmsTemplate(Base):
    """The text of one kind of SMS (``intake``, ``closure``), editable by the centre;
    placeholders ``{number}``, ``{expected}``, ``{result}``."""

    __tablename__ = "sms_templates"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class SmsOptOut(Base):
    """A phone number that asked for no more SMS."""

    __tablename__ = "sms_opt_outs"

    phone: Mapped[str] = mapped_column(String(32), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class SmsMessage(Base):
    """One SMS to a citizen, queued from a case event; sent through the gateway."""

    __tablename__ = "sms_messages"
    __table_args__ = (
        UniqueConstraint("event_id", "kind"),
        partial_index("ix_sms_messages_pending", "next_try_at", "id", where=SMS_PENDING_SQL),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_id: Mapped[str] = mapped_column(String(36), unique=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    event_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    phone: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    next_try_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str] = mapped_column(String(200), default="")


class AttachmentBlob(Base):
    """The bytes of an attachment, content-addressed (one copy whoever sends it again)."""

    __tablename__ = "attachment_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class CaseAttachment(Base):
    """A photo or document attached to a case (by a platform or a unit)."""

    __tablename__ = "case_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_blobs.sha256"))
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(100))  # "platform NAME" | "unit NAME"
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
