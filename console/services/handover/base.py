"""The handover service's shared state and helpers (loading, views)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from console.domain.clock import to_local
from console.domain.errors import Refused
from console.domain.handover import HandoverStatus, Reason, window_label
from console.domain.identity import Identity
from console.domain.shifts import ShiftDef, ShiftWindow, shift_at, window
from console.models import Handover, HandoverGroup, HandoverItem, ShiftIncident
from console.services.errors import Conflict, NotFound
from console.services.handover.building import _agent_names
from console.services.handover.storing import _figures_from, _gap_from
from console.services.handover.views import GroupView, HandoverView, IncidentView, ItemView


def _require_supervisor(who: Identity) -> None:
    if not who.is_supervisor:
        raise Refused("only a shift supervisor or an administrator may do this", code="forbidden")


class HandoverBase:
    """Sessions and the helpers every part of the handover service uses."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # -- helpers ------------------------------------------------------------------------------
    @staticmethod
    def _window(
        shifts: Sequence[ShiftDef], at: datetime, code: str | None, day: date | None
    ) -> ShiftWindow:
        if code is None:
            return shift_at(shifts, at)
        for d in shifts:
            if d.code == code:
                return window(d, day or to_local(at).date())
        raise NotFound(f"shift {code!r}")

    @staticmethod
    def _stored_window(h: Handover) -> ShiftWindow:
        start, end = to_local(h.starts_at), to_local(h.ends_at)
        sd = ShiftDef(h.shift_code, h.shift_name or h.shift_code, start.time(), end.time())
        return ShiftWindow(sd, start.date(), h.starts_at, h.ends_at)

    @staticmethod
    def _load(s: Session, handover_id: int) -> Handover:
        h = s.get(Handover, handover_id)
        if h is None:
            raise NotFound(f"handover #{handover_id}")
        return h

    def _draft(self, s: Session, handover_id: int, version: int | None) -> Handover:
        h = self._load(s, handover_id)
        if h.status != HandoverStatus.DRAFT:
            raise Conflict(f"handover #{h.id} is {h.status}: it can no longer be changed")
        if version is not None and h.version != version:
            raise Conflict(f"handover #{h.id} was changed by someone else: reload it")
        return h

    def _commit_view(
        self, s: Session, h: Handover, items: list[SimpleNamespace] | None = None
    ) -> HandoverView:
        try:
            s.flush()
        except StaleDataError as exc:
            raise Conflict(f"handover #{h.id} was changed by someone else: reload it") from exc
        return self._view(s, h, items)

    @staticmethod
    def _item_view(it: Any, names: dict[int, str], label: str = "") -> ItemView:
        """From a HandoverItem or a row of its columns."""
        snap = it.snapshot or {}
        return ItemView(
            id=it.id,
            handover_id=it.handover_id,
            case_id=it.case_id,
            number=it.case_number,
            title=str(snap.get("title", "")),
            reason=it.reason,
            status=str(snap.get("status", "")),
            case_type=str(snap.get("type", "")),
            urgency=str(snap.get("urgency", "")),
            class_code=str(snap.get("class", "")),
            channel_code=str(snap.get("channel", "")),
            unit=str(snap.get("unit", "")),
            milestone=str(snap.get("milestone", "")),
            due_at=it.due_at,
            flagged=it.flagged,
            note=it.note,
            assignee_id=it.assignee_id,
            assignee=names.get(it.assignee_id or 0, ""),
            picked_up_by=names.get(it.picked_up_by_id or 0, ""),
            picked_up_at=it.picked_up_at,
            done_by=names.get(it.done_by_id or 0, ""),
            done_at=it.done_at,
            handover_label=label,
            version=getattr(it, "version", None) or 1,
        )

    def _view(
        self, s: Session, h: Handover, rows: list[SimpleNamespace] | None = None
    ) -> HandoverView:
        """``rows``: the items as just stored; read from the database when None."""
        names = _agent_names(s)
        order = {r.value: i for i, r in enumerate(Reason)}
        items = sorted(
            (
                self._item_view(it, names)
                # plain rows, not ORM objects: thousands of items load several times faster
                for it in (
                    rows
                    if rows is not None
                    else s.execute(
                        select(*HandoverItem.__table__.c).where(HandoverItem.handover_id == h.id)
                    )
                )
            ),
            key=lambda i: (
                not i.flagged,
                order.get(i.reason, 99),
                i.due_at is None,
                i.due_at or h.starts_at,
                i.number,
            ),
        )
        groups = tuple(
            GroupView(g.key, g.count, names.get(g.accepted_by_id or 0, ""), g.accepted_at)
            for g in s.scalars(
                select(HandoverGroup)
                .where(HandoverGroup.handover_id == h.id)
                .order_by(HandoverGroup.key)
            )
        )
        start = h.starts_at
        end = h.as_of or h.ends_at
        incidents = tuple(
            IncidentView(i.id, i.at, i.kind, i.text, names.get(i.reported_by_id or 0, ""))
            for i in s.scalars(
                select(ShiftIncident)
                .where(ShiftIncident.at >= start, ShiftIncident.at < end)
                .order_by(ShiftIncident.at)
            )
        )
        summary = h.summary or {}
        return HandoverView(
            id=h.id,
            version=h.version,
            shift_code=h.shift_code,
            shift_name=h.shift_name,
            starts_at=h.starts_at,
            ends_at=h.ends_at,
            label=window_label(self._stored_window(h)),
            next_label=str(summary.get("next_label", "")),
            status=h.status,
            coverage_from=h.coverage_from,
            as_of=h.as_of,
            notes=h.notes,
            created_by=names.get(h.created_by_id or 0, ""),
            submitted_by=names.get(h.submitted_by_id or 0, ""),
            submitted_by_id=h.submitted_by_id,
            submitted_at=h.submitted_at,
            acknowledged_by=names.get(h.acknowledged_by_id or 0, ""),
            acknowledged_at=h.acknowledged_at,
            acknowledge_note=h.acknowledge_note,
            figures=_figures_from(summary.get("figures", {})),
            gap=_gap_from(summary.get("gap")),
            items=tuple(items),
            groups=groups,
            incidents=incidents,
        )
