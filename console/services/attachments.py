"""Attachments of a case (photos and documents from web channels and units, received by
the exchange service): listed for the case view, read back on demand. The bytes live in
``attachment_blobs`` (content-addressed), outside the case rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.models import AttachmentBlob, CaseAttachment
from console.services.errors import NotFound


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    filename: str
    content_type: str
    size: int
    source: str
    created_at: datetime


class AttachmentService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def for_case(self, case_id: int) -> list[AttachmentRow]:
        with self._sessions() as s:
            return [
                AttachmentRow(a.id, a.filename, a.content_type, a.size, a.source, a.created_at)
                for a in s.scalars(
                    select(CaseAttachment)
                    .where(CaseAttachment.case_id == case_id)
                    .order_by(CaseAttachment.id)
                )
            ]

    def content(self, attachment_id: int) -> tuple[str, bytes]:
        """(file name, bytes) of one attachment."""
        with self._sessions() as s:
            a = s.get(CaseAttachment, attachment_id)
            blob = s.get(AttachmentBlob, a.sha256) if a is not None else None
            if a is None or blob is None:
                raise NotFound(f"attachment #{attachment_id}")
            return a.filename, bytes(blob.data)
