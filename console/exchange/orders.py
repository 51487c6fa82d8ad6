"""Work orders over the exchange: pushed by a platform (idempotent per platform and
external id), read by the platform that pushed them and the units that hold them, moved
by units. Plain values in and out; the HTTP layer (console.exchange.app) maps errors to
status codes."""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import SUBTYPES_BY_TYPE, CaseType, EventKind, SubType, Urgency
from console.domain.clock import CITY_TZ, now_utc
from console.domain.validation import CaseDraft, FieldError, check_text, validate_draft
from console.exchange.credentials import PLATFORM, UNIT, Principal
from console.exchange.steps import Lifecycle, StepDone
from console.models import (
    AttachmentBlob,
    Case,
    CaseAttachment,
    CaseCoUnit,
    CaseDeadline,
    CaseEvent,
    ExchangeOrder,
    HandlingUnit,
    MatterCategory,
    Region,
)
from console.services.errors import NotFound, ValidationFailed
from console.services.importer import CLASS_OF_LEVEL1, DEFAULT_CLASS
from console.services.routing import RoutingService

CHANNEL = "province_platform"
#: how far in the future a platform's clock may be
CLOCK_SKEW = timedelta(minutes=5)
#: the API's field names for the draft's fields
FIELD_NAMES = {"category_id": "category", "district_id": "district", "urgency": "urgent"}
#: detail keys of the history an API client sees (nothing personal)
HISTORY_KEYS = ("unit", "unit_role", "text", "reply", "reason", "milestone", "due_at", "note")

MAX_ATTACHMENT = 5 * 1024 * 1024
#: allowed types, told by their first bytes (a name or a declared type proves nothing)
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"%PDF-", "application/pdf", ".pdf"),
    (
        b"PK\x03\x04",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
    ),
)


@dataclass(frozen=True)
class PushedOrder:
    external_id: str
    title: str
    description: str
    caller_name: str
    caller_phone: str
    received_at: datetime
    category: str | None = None
    district: str | None = None
    address: str = ""
    sub_type: str | None = None
    urgent: bool = False
    anonymous: bool = False
    confidential: bool = False


@dataclass(frozen=True)
class PushResult:
    number: str
    created: bool
    status: str


def _resolve_category(s: Session, text: str) -> MatterCategory | None:
    key = text.strip()
    row = s.scalars(select(MatterCategory).where(MatterCategory.path == key)).first()
    if row is None:
        rows = list(
            s.scalars(
                select(MatterCategory)
                .where(MatterCategory.name == key)
                .order_by(MatterCategory.level.desc())
                .limit(2)
            )
        )
        row = rows[0] if len(rows) == 1 or (rows and rows[0].level != rows[1].level) else None
    return row


def _field(name: str) -> str:
    return FIELD_NAMES.get(name, name)


def build_draft(s: Session, o: PushedOrder) -> tuple[CaseDraft, list[FieldError]]:
    """The case draft of a pushed order and the problems found, with the form's rules."""
    errors: list[FieldError] = []
    sub = o.sub_type or SubType.HELP
    ctype = next((t for t, subs in SUBTYPES_BY_TYPE.items() if sub in subs), None)
    if ctype is None:
        errors.append(FieldError("sub_type", "unknown"))
        ctype = CaseType.DEMAND
    category_id: int | None = None
    class_code = DEFAULT_CLASS
    if o.category:
        cat = _resolve_category(s, o.category)
        if cat is None:
            errors.append(FieldError("category", "unknown"))
        else:
            category_id = cat.id
            class_code = CLASS_OF_LEVEL1.get(cat.path.split("/")[0], DEFAULT_CLASS)
    district_id: int | None = None
    if o.district:
        district_id = s.scalars(
            select(Region.id).where(Region.level == 1, Region.name == o.district.strip())
        ).first()
        if district_id is None:
            errors.append(FieldError("district", "unknown"))
    draft = CaseDraft(
        channel_code=CHANNEL,
        case_type=ctype,
        sub_type=sub,
        class_code=class_code,
        category_id=category_id,
        district_id=district_id,
        address=o.address,
        caller_name=o.caller_name,
        caller_phone=o.caller_phone,
        caller_anonymous=o.anonymous,
        caller_confidential=o.confidential,
        description=o.description,
        urgency=Urgency.URGENT if o.urgent else Urgency.NORMAL,
    )
    known = {e.field for e in errors}
    for e in validate_draft(draft):
        name = _field(e.field)
        if name not in known:
            errors.append(FieldError(name, e.code, e.params))
            known.add(name)
    errors += check_text("title", o.title)
    if not o.title.strip():
        errors.append(FieldError("title", "required"))
    if o.received_at > now_utc() + CLOCK_SKEW:
        errors.append(FieldError("received_at", "in_future"))
    return draft, errors


def aware(dt: datetime) -> datetime:
    """A time without a zone is the city's local time."""
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=CITY_TZ)


def sniff(data: bytes, filename: str) -> tuple[str, str] | None:
    """(content type, extension) of an allowed file, from its first bytes."""
    for magic, ctype, ext in _MAGIC:
        if data.startswith(magic):
            if ext == ".docx" and (
                not filename.lower().endswith(".docx") or b"word/" not in data[:65536]
            ):
                return None  # some other zip
            return ctype, ext
    return None


class OrderService:
    def __init__(self, sessions: sessionmaker[Session], lifecycle: Lifecycle) -> None:
        self._sessions = sessions
        self._lifecycle = lifecycle
        self._routing = RoutingService(sessions, lifecycle.calendar)

    # --- platforms ------------------------------------------------------------------
    def _existing(self, s: Session, platform_id: int, external_id: str) -> PushResult | None:
        row = s.execute(
            select(Case.number, Case.status)
            .join(ExchangeOrder, ExchangeOrder.case_id == Case.id)
            .where(
                ExchangeOrder.platform_id == platform_id,
                ExchangeOrder.external_id == external_id,
            )
        ).first()
        return PushResult(row.number, False, row.status) if row is not None else None

    def push(self, who: Principal, o: PushedOrder) -> PushResult:
        """A new case (created True), or the case this external id made before."""
        if who.kind != PLATFORM or who.platform_id is None:
            raise NotFound("orders are pushed by platforms")
        platform_id = who.platform_id
        o = PushedOrder(**{**o.__dict__, "received_at": aware(o.received_at)})
        with self._sessions() as s:
            found = self._existing(s, platform_id, o.external_id)
            if found is not None:
                return found
            draft, errors = build_draft(s, o)
        if errors:
            raise ValidationFailed(errors)

        def on_created(s: Session, case: Case) -> None:
            case.title = o.title.strip()
            s.add(
                ExchangeOrder(
                    platform_id=platform_id,
                    external_id=o.external_id,
                    case_id=case.id,
                    created_at=now_utc(),
                )
            )
            s.flush()  # a concurrent push of the same id fails here, before the commit

        unit_id, co_units, note = self._route(draft, o.received_at)
        try:
            _cid, number, status = self._lifecycle.create_case(
                draft,
                who.name,
                o.received_at,
                on_created,
                unit_id=unit_id,
                co_unit_ids=co_units,
                note=note,
            )
        except IntegrityError:
            with self._sessions() as s:
                found = self._existing(s, platform_id, o.external_id)
            if found is None:
                raise
            return found
        return PushResult(number, True, status)

    def _route(self, draft: CaseDraft, at: datetime) -> tuple[int | None, tuple[int, ...], str]:
        """A demand goes at once to the unit the routing rules (or the district's local
        government) suggest; a consultation, or a demand no unit is found for, waits in
        the centre's queue."""
        if draft.case_type != CaseType.DEMAND:
            return None, (), ""
        r = self._routing.suggest(
            draft.category_id,
            draft.district_id,
            draft.town_id,
            case_type=draft.case_type,
            urgency=draft.urgency,
            channel_code=draft.channel_code,
            class_code=draft.class_code,
            at=at,
        )
        if r.unit is None:
            return None, (), ""
        return r.unit.id, tuple(u.id for u in r.co_units), r.note

    # --- reading --------------------------------------------------------------------
    def _visible_case(self, s: Session, who: Principal, number: str) -> Case:
        """The case if ``who`` may see it; NotFound otherwise (never "forbidden": a
        caller must not learn that a number exists)."""
        case = s.scalars(select(Case).where(Case.number == number)).first()
        if case is None:
            raise NotFound(number)
        ok: object
        if who.kind == PLATFORM:
            ok = s.scalars(
                select(ExchangeOrder.id).where(
                    ExchangeOrder.case_id == case.id, ExchangeOrder.platform_id == who.platform_id
                )
            ).first()
        else:
            ok = case.unit_id == who.unit_id or s.get(CaseCoUnit, (case.id, who.unit_id))
        if not ok:
            raise NotFound(number)
        return case

    def case_id_for_unit(self, who: Principal, number: str) -> int:
        if who.kind != UNIT:
            raise NotFound(number)
        with self._sessions() as s:
            return int(self._visible_case(s, who, number).id)

    def view(self, who: Principal, number: str) -> dict[str, Any]:
        with self._sessions() as s:
            case = self._visible_case(s, who, number)
            ext = s.scalars(
                select(ExchangeOrder.external_id).where(ExchangeOrder.case_id == case.id)
            ).first()
            unit = (
                s.scalars(select(HandlingUnit.name).where(HandlingUnit.id == case.unit_id)).first()
                if case.unit_id is not None
                else None
            )
            deadlines = [
                {
                    "milestone": d.milestone_code,
                    "due_at": _iso(d.due_at),
                    "original_due_at": _iso(d.original_due_at),
                    "met_at": _iso(d.met_at),
                }
                for d in s.scalars(
                    select(CaseDeadline)
                    .where(CaseDeadline.case_id == case.id)
                    .order_by(CaseDeadline.seq)
                )
            ]
            history = []
            reply = None
            for e in s.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.id)
            ):
                d = dict(e.detail or {})
                history.append(
                    {
                        "event": e.kind,
                        "at": _iso(e.at),
                        "by": e.actor_name,
                        **{k: d[k] for k in HISTORY_KEYS if k in d},
                    }
                )
                if e.kind == EventKind.REPLIED and d.get("unit_role", "lead") == "lead":
                    reply = {"text": d.get("reply", ""), "unit": d.get("unit"), "at": _iso(e.at)}
            attachments = [
                {
                    "id": a.id,
                    "filename": a.filename,
                    "content_type": a.content_type,
                    "size": a.size,
                    "sha256": a.sha256,
                    "source": a.source,
                    "at": _iso(a.created_at),
                }
                for a in s.scalars(
                    select(CaseAttachment)
                    .where(CaseAttachment.case_id == case.id)
                    .order_by(CaseAttachment.id)
                )
            ]
            out: dict[str, Any] = {
                "number": case.number,
                "external_id": ext,
                "status": case.status,
                "title": case.title,
                "description": case.description,
                "address": case.address,
                "urgent": case.urgency == Urgency.URGENT,
                "received_at": _iso(case.received_at),
                "closed_at": _iso(case.closed_at),
                "unit": unit,
                "next_milestone": case.next_milestone,
                "next_due_at": _iso(case.next_due_at),
                "final_due_at": _iso(case.final_due_at),
                "deadlines": deadlines,
                "history": history,
                "reply": reply,
                "answer": case.answer or None,
                "attachments": attachments,
            }
            if who.kind == UNIT and not case.caller_confidential:
                # the unit contacts the citizen (the 1-hour rule); a confidential caller's
                # contact goes through the centre
                out["caller_name"] = case.caller_name
                out["caller_phone"] = case.caller_phone
            return out

    def inbox(self, who: Principal, limit: int = 200) -> list[dict[str, Any]]:
        if who.kind != UNIT or who.unit_id is None:
            raise NotFound("inbox")
        rows = self._lifecycle.units.inbox(who.unit_id, limit=limit)
        return [
            {
                "number": r.number,
                "title": r.title,
                "status": r.status,
                "urgent": r.urgency == Urgency.URGENT,
                "role": r.unit_role,
                "assist_state": r.assist_state,
                "received_at": _iso(r.received_at),
                "next_milestone": r.next_milestone,
                "next_due_at": _iso(r.next_due_at),
                "sla_paused": r.sla_paused,
                "notices": r.notices,
            }
            for r in rows
        ]

    # --- units' steps ---------------------------------------------------------------
    def step(
        self,
        who: Principal,
        number: str,
        action: str,
        text: str = "",
        until: datetime | None = None,
        milestone: str | None = None,
    ) -> StepDone:
        case_id = self.case_id_for_unit(who, number)
        assert who.unit_id is not None
        return self._lifecycle.unit_step(
            case_id,
            who.unit_id,
            who.name,
            action,
            text,
            aware(until) if until is not None else None,
            milestone,
        )

    # --- attachments ----------------------------------------------------------------
    def attach(
        self, who: Principal, number: str, filename: str, content_base64: str
    ) -> dict[str, Any]:
        name = filename.strip().replace("\\", "/").rsplit("/", 1)[-1][:200]
        if not name or check_text("title", name):
            raise ValidationFailed([FieldError("filename", "invalid")])
        try:
            data = base64.b64decode(content_base64, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ValidationFailed([FieldError("content_base64", "not_base64")]) from exc
        if not data:
            raise ValidationFailed([FieldError("content_base64", "empty")])
        if len(data) > MAX_ATTACHMENT:
            raise ValidationFailed([FieldError("content_base64", "too_large")])
        kind = sniff(data, name)
        if kind is None:
            raise ValidationFailed([FieldError("content_base64", "type_not_allowed")])
        digest = hashlib.sha256(data).hexdigest()
        with self._sessions() as s, s.begin():
            case = self._visible_case(s, who, number)
            ins = (
                postgresql.insert if s.get_bind().dialect.name == "postgresql" else sqlite.insert
            )(AttachmentBlob)
            s.execute(
                ins.values(sha256=digest, size=len(data), data=data).on_conflict_do_nothing(
                    index_elements=["sha256"]
                )
            )
            row = CaseAttachment(
                case_id=case.id,
                sha256=digest,
                filename=name,
                content_type=kind[0],
                size=len(data),
                source=f"{who.kind} {who.name}"[:100],
                created_at=now_utc(),
            )
            s.add(row)
            s.flush()
            return {"id": row.id, "sha256": digest, "size": len(data), "content_type": kind[0]}

    def attachment(self, who: Principal, number: str, attachment_id: int) -> tuple[str, str, bytes]:
        with self._sessions() as s:
            case = self._visible_case(s, who, number)
            a = s.get(CaseAttachment, attachment_id)
            if a is None or a.case_id != case.id:
                raise NotFound(str(attachment_id))
            blob = s.get(AttachmentBlob, a.sha256)
            assert blob is not None
            return a.filename, a.content_type, bytes(blob.data)


def case_attachments(s: Session, case_id: int) -> list[tuple[int, str, str, int, str]]:
    """(id, filename, content type, size, source) of a case's attachments (the case view)."""
    return [
        (a.id, a.filename, a.content_type, a.size, a.source)
        for a in s.scalars(
            select(CaseAttachment)
            .where(CaseAttachment.case_id == case_id)
            .order_by(CaseAttachment.id)
        )
    ]


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt is not None else None


def order_from_mapping(m: Mapping[str, Any]) -> PushedOrder:
    return PushedOrder(**{k: v for k, v in m.items() if k in PushedOrder.__dataclass_fields__})
