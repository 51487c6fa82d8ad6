"""Work orders over the exchange: pushed by a platform (idempotent per platform and
external id), read by the platform that pushed them and the units that hold them, moved
by units. Plain values in and out; the HTTP layer (console.exchange.app) maps errors to
status codes."""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import EventKind, Urgency
from console.domain.clock import now_utc
from console.domain.validation import FieldError, check_text
from console.exchange.batch import GroupCommit
from console.exchange.credentials import PLATFORM, UNIT, Principal
from console.exchange.pushed import (
    PushedOrder,
    PushResult,
    ReferenceCache,
    aware,
    build_draft,
)
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
)
from console.models.base import table_of
from console.services.errors import NotFound, ValidationFailed

_ORDERS = table_of(ExchangeOrder)

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
        self._ref = ReferenceCache(sessions)
        self._commits: GroupCommit[tuple[Principal, PushedOrder], PushResult] = GroupCommit(
            self.push_many, name="push-commit"
        )
        self._listeners: list[Callable[[], None]] = []

    def on_commit(self, listener: Callable[[], None]) -> None:
        """``listener()`` after each commit that wrote history (the webhook worker wakes
        at once instead of at its next poll)."""
        self._listeners.append(listener)

    def _committed(self) -> None:
        for listener in self._listeners:
            listener()

    def close(self) -> None:
        """Write the pushes still queued and stop the group-commit writer."""
        self._commits.close()

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
        draft, errors = build_draft(self._ref.fresh(), o)
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

        unit_id, co_units, note = self._ref.dispatch_to(draft)
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

    def submit(self, who: Principal, o: PushedOrder) -> Future[PushResult]:
        """:meth:`push` through the group commit: the future is resolved once the
        transaction holding the case has committed (or with the push's own error)."""
        return self._commits.submit((who, o))

    def push_many(
        self, batch: Sequence[tuple[Principal, PushedOrder]]
    ) -> list[PushResult | BaseException]:
        """Several pushes, each answered as :meth:`push` answers it, the new cases written
        in one transaction. If that transaction fails as a whole (an external id pushed
        at the same moment through another service process, a unit removed meanwhile),
        each push is done again on its own, so one cannot fail the others."""
        out: list[PushResult | BaseException | None] = [None] * len(batch)
        orders: list[tuple[int, int, PushedOrder]] = []
        for i, (who, o) in enumerate(batch):
            if who.kind != PLATFORM or who.platform_id is None:
                out[i] = NotFound("orders are pushed by platforms")
            else:
                orders.append((i, who.platform_id, replace(o, received_at=aware(o.received_at))))
        if not orders:
            return [r for r in out if r is not None]
        ref = self._ref.fresh()
        new: list[tuple[int, int, PushedOrder]] = []
        first_of: dict[tuple[int, str], int] = {}  # the same id twice in one batch
        again: list[tuple[int, int]] = []

        def on_created(s: Session, made: list[tuple[int, int, str]]) -> None:
            at = now_utc()
            s.execute(
                insert(_ORDERS).returning(_ORDERS.c.case_id),
                [
                    {
                        "platform_id": new[k][1],
                        "external_id": new[k][2].external_id,
                        "case_id": case_id,
                        "created_at": at,
                    }
                    for k, case_id, _n in made
                ],
            ).all()  # RETURNING: one multi-row statement

        try:
            # one transaction: the ids pushed before, then the new cases
            with self._sessions() as s, s.begin():
                known = {
                    (int(p), str(e)): PushResult(n, False, st)
                    for p, e, n, st in s.execute(
                        select(
                            ExchangeOrder.platform_id,
                            ExchangeOrder.external_id,
                            Case.number,
                            Case.status,
                        )
                        .join(Case, Case.id == ExchangeOrder.case_id)
                        .where(  # the unique key (platform, external id) serves it
                            ExchangeOrder.platform_id.in_({p for _i, p, _o in orders}),
                            ExchangeOrder.external_id.in_({o.external_id for _i, _p, o in orders}),
                        )
                    )
                }
                items = []
                for i, platform_id, o in orders:
                    key = (platform_id, o.external_id)
                    if key in known:
                        out[i] = known[key]
                        continue
                    if key in first_of:
                        again.append((i, first_of[key]))
                        continue
                    draft, errors = build_draft(ref, o)
                    if errors:
                        out[i] = ValidationFailed(errors)
                        continue
                    unit_id, co_units, note = ref.dispatch_to(draft)
                    first_of[key] = i
                    new.append((i, platform_id, o))
                    items.append(
                        self._lifecycle.new_case(
                            draft,
                            batch[i][0].name,
                            o.received_at,
                            unit_id=unit_id,
                            co_unit_ids=co_units,
                            note=note,
                            title=o.title.strip(),
                        )
                    )
                saved = (
                    self._lifecycle.create_cases(items, on_created, ref.unit_names, session=s)
                    if items
                    else []
                )
        except Exception:  # noqa: BLE001 - each push again on its own, with its own error
            repeated = {i for i, _f in again}
            for i, _p, o in orders:
                if out[i] is None and i not in repeated:
                    try:
                        out[i] = self.push(batch[i][0], o)
                    except Exception as exc:  # noqa: BLE001 - that push's answer
                        out[i] = exc
        else:
            for (i, _p, _o), sc in zip(new, saved, strict=True):
                out[i] = PushResult(sc.number, True, sc.status)
        if new:
            self._committed()
        for i, first in again:
            r = out[first]
            out[i] = PushResult(r.number, False, r.status) if isinstance(r, PushResult) else r
        return [r if r is not None else RuntimeError("push not answered") for r in out]

    # --- reading --------------------------------------------------------------------
    def _visible_case(self, s: Session, who: Principal, number: str) -> tuple[Case, str | None]:
        """The case and its external id if ``who`` may see it; NotFound otherwise (never
        "forbidden": a caller must not learn that a number exists). One query."""
        row = s.execute(
            select(Case, ExchangeOrder.platform_id, ExchangeOrder.external_id)
            .outerjoin(ExchangeOrder, ExchangeOrder.case_id == Case.id)
            .where(Case.number == number)
        ).first()
        if row is None:
            raise NotFound(number)
        case, platform_id, external_id = row
        ok: object
        if who.kind == PLATFORM:
            ok = platform_id is not None and platform_id == who.platform_id
        else:
            ok = case.unit_id == who.unit_id or s.get(CaseCoUnit, (case.id, who.unit_id))
        if not ok:
            raise NotFound(number)
        return case, external_id

    def case_id_for_unit(self, who: Principal, number: str) -> int:
        if who.kind != UNIT:
            raise NotFound(number)
        with self._sessions() as s:
            return int(self._visible_case(s, who, number)[0].id)

    def view(self, who: Principal, number: str) -> dict[str, Any]:
        with self._sessions() as s:
            case, ext = self._visible_case(s, who, number)
            unit = self._ref.fresh().all_unit_names.get(case.unit_id) if case.unit_id else None
            if unit is None and case.unit_id is not None:  # a unit newer than the cache
                unit = s.get(HandlingUnit, case.unit_id).name  # type: ignore[union-attr]
            # plain columns, not ORM objects: a read builds no identity map
            deadlines = [
                {
                    "milestone": code,
                    "due_at": _iso(due),
                    "original_due_at": _iso(original),
                    "met_at": _iso(met),
                }
                for code, due, original, met in s.execute(
                    select(
                        CaseDeadline.milestone_code,
                        CaseDeadline.due_at,
                        CaseDeadline.original_due_at,
                        CaseDeadline.met_at,
                    )
                    .where(CaseDeadline.case_id == case.id)
                    .order_by(CaseDeadline.seq)
                )
            ]
            history = []
            reply = None
            for kind, at, actor, detail in s.execute(
                select(CaseEvent.kind, CaseEvent.at, CaseEvent.actor_name, CaseEvent.detail)
                .where(CaseEvent.case_id == case.id)
                .order_by(CaseEvent.id)
            ):
                d = detail or {}
                history.append(
                    {
                        "event": kind,
                        "at": _iso(at),
                        "by": actor,
                        **{k: d[k] for k in HISTORY_KEYS if k in d},
                    }
                )
                if kind == EventKind.REPLIED and d.get("unit_role", "lead") == "lead":
                    reply = {"text": d.get("reply", ""), "unit": d.get("unit"), "at": _iso(at)}
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
                for a in s.execute(
                    select(
                        CaseAttachment.id,
                        CaseAttachment.filename,
                        CaseAttachment.content_type,
                        CaseAttachment.size,
                        CaseAttachment.sha256,
                        CaseAttachment.source,
                        CaseAttachment.created_at,
                    )
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
        done = self._lifecycle.unit_step(
            case_id,
            who.unit_id,
            who.name,
            action,
            text,
            aware(until) if until is not None else None,
            milestone,
        )
        self._committed()
        return done

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
            case, _ext = self._visible_case(s, who, number)
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
            case, _ext = self._visible_case(s, who, number)
            a = s.get(CaseAttachment, attachment_id)
            if a is None or a.case_id != case.id:
                raise NotFound(str(attachment_id))
            blob = s.get(AttachmentBlob, a.sha256)
            assert blob is not None
            return a.filename, a.content_type, bytes(blob.data)


def _iso(dt: datetime | None) -> str | None:
    return dt.isoformat() if dt is not None else None
