"""Per-user queue settings kept in the database, so they follow the agent to any
workstation: saved custom filters and the queue's column choice and order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.clock import now_utc
from console.domain.identity import Identity
from console.domain.validation import FieldError
from console.models import AgentPreference, SavedFilter
from console.services.errors import NotFound, ValidationFailed
from console.services.queue import QueueFilter, QueueView

QUEUE_COLUMNS_KEY = "queue.columns"


@dataclass(frozen=True)
class SavedFilterView:
    id: int
    name: str
    view: QueueView
    filter: QueueFilter


@dataclass(frozen=True)
class ColumnLayout:
    """Column keys in display order; the hidden ones are simply absent."""

    visible: tuple[str, ...]
    widths: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {"visible": list(self.visible), "widths": dict(self.widths)}

    @classmethod
    def from_json(cls, data: Any) -> ColumnLayout | None:
        if not isinstance(data, dict) or not isinstance(data.get("visible"), list):
            return None
        widths = data.get("widths") or {}
        return cls(
            tuple(str(c) for c in data["visible"]),
            {str(k): int(v) for k, v in widths.items() if isinstance(v, int | float)},
        )


class PreferenceService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # --- saved filters -----------------------------------------------------------------
    def filters(self, who: Identity) -> list[SavedFilterView]:
        with self._sessions() as s:
            return [
                SavedFilterView(f.id, f.name, QueueView(f.view), QueueFilter.from_json(f.criteria))
                for f in s.scalars(
                    select(SavedFilter)
                    .where(SavedFilter.agent_id == who.agent_id)
                    .order_by(SavedFilter.name)
                )
            ]

    def save_filter(
        self, who: Identity, name: str, view: QueueView, flt: QueueFilter
    ) -> SavedFilterView:
        """Save under a name; saving an existing name replaces that filter."""
        name = name.strip()
        if not name:
            raise ValidationFailed([FieldError("name", "required")])
        if len(name) > 64:
            raise ValidationFailed([FieldError("name", "too_long", {"max": 64})])
        at = now_utc()
        with self._sessions() as s, s.begin():
            row = s.scalars(
                select(SavedFilter).where(
                    SavedFilter.agent_id == who.agent_id, SavedFilter.name == name
                )
            ).first()
            if row is None:
                row = SavedFilter(agent_id=who.agent_id, name=name, created_at=at)
                s.add(row)
            row.view = view.value
            row.criteria = flt.to_json()
            row.updated_at = at
            s.flush()
            return SavedFilterView(row.id, row.name, view, flt)

    def delete_filter(self, who: Identity, filter_id: int) -> None:
        with self._sessions() as s, s.begin():
            done = s.execute(
                delete(SavedFilter).where(
                    SavedFilter.id == filter_id, SavedFilter.agent_id == who.agent_id
                )
            )
            if not done.rowcount:  # type: ignore[attr-defined]
                raise NotFound(f"saved filter #{filter_id}")

    # --- generic preferences -----------------------------------------------------------
    def get(self, who: Identity, key: str) -> Any:
        with self._sessions() as s:
            row = s.get(AgentPreference, (who.agent_id, key))
            return None if row is None else row.value

    def put(self, who: Identity, key: str, value: Any) -> None:
        with self._sessions() as s, s.begin():
            row = s.get(AgentPreference, (who.agent_id, key))
            if row is None:
                s.add(AgentPreference(agent_id=who.agent_id, key=key, value=value))
            else:
                row.value = value
                row.updated_at = now_utc()

    def columns(self, who: Identity) -> ColumnLayout | None:
        return ColumnLayout.from_json(self.get(who, QUEUE_COLUMNS_KEY))

    def save_columns(self, who: Identity, layout: ColumnLayout) -> None:
        self.put(who, QUEUE_COLUMNS_KEY, layout.to_json())
