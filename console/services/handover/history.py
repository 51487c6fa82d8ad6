"""Past handovers (searchable) and the incidents log."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import exists, func, or_, select

from console.domain.clock import CITY_TZ, now_utc
from console.domain.handover import window_label
from console.domain.identity import Identity
from console.domain.validation import FieldError, searchable
from console.models import Handover, HandoverItem, ShiftIncident
from console.services.errors import ValidationFailed
from console.services.handover.base import HandoverBase
from console.services.handover.building import _agent_names
from console.services.handover.storing import _figures_from
from console.services.handover.views import HandoverRow, IncidentView


class HistoryMixin(HandoverBase):
    """Past handovers, searchable, and the incidents log."""

    # -- history ------------------------------------------------------------------------------
    def history(self, query: str = "", limit: int = 200) -> list[HandoverRow]:
        """Past handovers, newest first; ``query`` matches a date (YYYY-MM-DD), the shift,
        the notes, an item's note or case number, or a supervisor's name."""
        q = searchable(query).strip()
        with self._sessions() as s:
            names = _agent_names(s)
            stmt = select(Handover).order_by(Handover.starts_at.desc()).limit(limit)
            if q:
                day = _parse_day(q)
                if day is not None:
                    start = datetime.combine(day, datetime.min.time(), tzinfo=CITY_TZ)
                    stmt = stmt.where(
                        Handover.starts_at < start + timedelta(days=1), Handover.ends_at > start
                    )
                else:
                    like = f"%{q.lower()}%"
                    agent_ids = [i for i, n in names.items() if q.lower() in n.lower()]
                    stmt = stmt.where(
                        or_(
                            func.lower(Handover.notes).like(like),
                            func.lower(Handover.shift_name).like(like),
                            func.lower(Handover.shift_code).like(like),
                            func.lower(Handover.acknowledge_note).like(like),
                            Handover.submitted_by_id.in_(agent_ids),
                            Handover.acknowledged_by_id.in_(agent_ids),
                            exists().where(
                                HandoverItem.handover_id == Handover.id,
                                or_(
                                    func.lower(HandoverItem.note).like(like),
                                    HandoverItem.case_number.like(f"%{q}%"),
                                ),
                            ),
                        )
                    )
            out: list[HandoverRow] = []
            for h in s.scalars(stmt):
                fig = _figures_from((h.summary or {}).get("figures", {}))
                out.append(
                    HandoverRow(
                        id=h.id,
                        label=window_label(self._stored_window(h)),
                        shift_code=h.shift_code,
                        starts_at=h.starts_at,
                        status=h.status,
                        submitted_by=names.get(h.submitted_by_id or 0, ""),
                        submitted_at=h.submitted_at,
                        acknowledged_by=names.get(h.acknowledged_by_id or 0, ""),
                        acknowledged_at=h.acknowledged_at,
                        listed=fig.listed,
                        open_total=fig.open_total,
                        notes=h.notes,
                    )
                )
            return out

    # -- incidents ----------------------------------------------------------------------------
    def log_incident(
        self,
        who: Identity,
        kind: str,
        text: str,
        *,
        station: str = "",
        now: datetime | None = None,
    ) -> IncidentView:
        if kind not in ("agent", "system"):
            raise ValidationFailed([FieldError("kind", "unknown")])
        if not text.strip():
            raise ValidationFailed([FieldError("text", "required")])
        at = now or now_utc()
        with self._sessions() as s, s.begin():
            inc = ShiftIncident(
                at=at, kind=kind, text=text.strip(), reported_by_id=who.agent_id, station=station
            )
            s.add(inc)
            s.flush()
            return IncidentView(inc.id, at, kind, inc.text, who.display_name)


def _parse_day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None
