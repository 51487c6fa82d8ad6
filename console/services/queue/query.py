"""What a queue page asks for (view, filter, sort, page key) and the rows it gets."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

#: "due soon" view: open cases whose next deadline falls within this window
DUE_SOON_WINDOW = timedelta(hours=4)
#: a console that has not sent a heartbeat for this long is no longer present
PRESENCE_TTL = timedelta(seconds=90)


class QueueView(StrEnum):
    OPEN = "open"  # every open case
    MINE = "mine"  # open cases assigned to me
    UNASSIGNED = "unassigned"  # the team queue: open, nobody holds it (of my team if set)
    TO_TRIAGE = "to_triage"  # received (saved, imported) or returned: the centre decides
    AWAITING_UNIT = "awaiting_unit"  # dispatched, not yet acknowledged by the unit
    CALLBACKS = "callbacks"  # closed demands waiting for the callback (回访)
    DUE_SOON = "due_soon"  # open, next deadline within DUE_SOON_WINDOW
    BREACHED = "breached"  # open and past the next deadline
    ALL = "all"  # every case, open or not (supervisors)


SUPERVISOR_VIEWS = frozenset({QueueView.ALL})


class QueueSort(StrEnum):
    TIME_LEFT = "time_left"  # next deadline first (default)
    NEWEST = "newest"  # most recently received first


@dataclass(frozen=True)
class QueueFilter:
    """A custom filter on top of a view; empty tuples mean "any"."""

    class_codes: tuple[str, ...] = ()
    category_ids: tuple[int, ...] = ()  # any level: a category matches its whole subtree
    district_ids: tuple[int, ...] = ()
    unit_ids: tuple[int, ...] = ()
    channel_codes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    urgencies: tuple[str, ...] = ()
    text: str = ""  # case number, caller (name or phone) or description

    @property
    def empty(self) -> bool:
        return self == QueueFilter()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v:
                out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QueueFilter:
        kw: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            v = data[f.name]
            kw[f.name] = str(v) if f.name == "text" else tuple(v)
        return cls(**kw)


@dataclass(frozen=True)
class QueueQuery:
    view: QueueView = QueueView.OPEN
    sort: QueueSort = QueueSort.TIME_LEFT
    agent_id: int | None = None  # for MINE; also "me" when listing who else has a case open
    team: str | None = None  # business class of the team, for UNASSIGNED
    filter: QueueFilter = field(default_factory=QueueFilter)


@dataclass(frozen=True)
class QueueRow:
    id: int
    number: str
    status: str
    case_type: str
    sub_type: str
    urgency: str
    class_name: str
    category: str
    district: str
    caller: str  # masked when the caller is confidential
    title: str
    assignee: str
    unit: str
    received_at: datetime
    next_milestone: str | None
    next_due_at: datetime | None
    channel: str = ""
    assignee_id: int | None = None
    version: int = 1
    viewers: tuple[str, ...] = ()  # other agents who have this case open right now
    # the next deadline's own colour thresholds and unit (console.domain.sla.countdown)
    next_warn_at: datetime | None = None
    next_critical_at: datetime | None = None
    next_limit_unit: str | None = None
    sla_paused: bool = False

    @property
    def key(self) -> tuple[datetime | None, int]:
        return (self.next_due_at, self.id)


@dataclass(frozen=True)
class PageKey:
    """Where the previous page ended: (sort value, id)."""

    value: datetime | None
    id: int
