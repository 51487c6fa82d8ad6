"""Items flagged for an incoming shift, across handovers: picked up and done."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from console.domain.clock import now_utc
from console.domain.handover import window_label
from console.domain.identity import Identity
from console.models import Handover, HandoverItem
from console.services.errors import Conflict, NotFound
from console.services.handover.base import HandoverBase
from console.services.handover.building import _agent_names
from console.services.handover.common import DONE
from console.services.handover.views import ItemView


class FlaggedMixin(HandoverBase):
    """Items flagged for the incoming shifts: listed until done, picked up, done."""

    # -- flagged items, across handovers -------------------------------------------------------
    def outstanding(self) -> list[ItemView]:
        """Items flagged for an incoming shift and not yet done, oldest first."""
        with self._sessions() as s:
            names = _agent_names(s)
            rows = s.execute(
                select(HandoverItem, Handover)
                .join(Handover, Handover.id == HandoverItem.handover_id)
                .where(
                    HandoverItem.flagged.is_(True),
                    HandoverItem.done_at.is_(None),
                    Handover.status.in_(DONE),
                )
                .order_by(Handover.starts_at, HandoverItem.id)
            ).all()
            return [
                self._item_view(it, names, window_label(self._stored_window(h))) for it, h in rows
            ]

    def pick_up(self, item_id: int, who: Identity, now: datetime | None = None) -> ItemView:
        return self._track(item_id, who, now, done=False)

    def mark_done(self, item_id: int, who: Identity, now: datetime | None = None) -> ItemView:
        return self._track(item_id, who, now, done=True)

    def _track(self, item_id: int, who: Identity, now: datetime | None, done: bool) -> ItemView:
        at = now or now_utc()
        with self._sessions() as s, s.begin():
            it = s.get(HandoverItem, item_id)
            if it is None:
                raise NotFound(f"handover item #{item_id}")
            h = self._load(s, it.handover_id)
            if h.status not in DONE:
                raise Conflict("the handover has not been submitted yet")
            if it.done_at is not None:
                raise Conflict("already done")
            if it.picked_up_at is None:
                it.picked_up_by_id = who.agent_id
                it.picked_up_at = at
            if done:
                it.done_by_id = who.agent_id
                it.done_at = at
            s.flush()
            return self._item_view(it, _agent_names(s))
