"""What the handover service gives screens: frozen views."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from console.domain.handover import HandoverStatus, split_group_key
from console.domain.shifts import ShiftDef, ShiftWindow


@dataclass(frozen=True)
class ShiftSummary:
    window: ShiftWindow
    next_window: ShiftWindow
    received_by_channel: dict[str, int]
    received_by_type: dict[str, int]
    closed_directly: int
    dispatched: int
    closed: int
    open_now: int
    breached_open: int
    due_next_shift: int

    @property
    def received(self) -> int:
        return sum(self.received_by_type.values())


@dataclass(frozen=True)
class Figures:
    """The shift's figures, counted over [window.start, as_of)."""

    received_by_channel: dict[str, int] = field(default_factory=dict)
    received_by_type: dict[str, int] = field(default_factory=dict)
    closed_directly: int = 0
    dispatched: int = 0
    closed: int = 0
    closed_late: int = 0
    breached: int = 0  # open cases whose deadline passed during the shift
    callbacks_promised: int = 0  # consultations not answered on the call
    callbacks_made: int = 0  # consultations answered by a callback + 回访 calls (reached or not)
    urgent_received: int = 0
    escalation_events: int = 0
    incidents: int = 0
    open_total: int = 0
    listed: int = 0
    by_reason: dict[str, int] = field(default_factory=dict)

    @property
    def received(self) -> int:
        return sum(self.received_by_type.values())

    @property
    def escalations(self) -> int:
        return self.urgent_received + self.escalation_events


@dataclass(frozen=True)
class GapInfo:
    """Time before this shift carried into its handover."""

    previous_label: str
    previous_missing: bool  # the previous shift submitted no handover
    since: datetime
    until: datetime
    received: int
    closed: int
    listed: int


@dataclass(frozen=True)
class ItemView:
    id: int
    handover_id: int
    case_id: int
    number: str
    title: str
    reason: str
    status: str
    case_type: str
    urgency: str
    class_code: str
    channel_code: str
    unit: str
    milestone: str
    due_at: datetime | None
    flagged: bool
    note: str
    assignee_id: int | None
    assignee: str
    picked_up_by: str
    picked_up_at: datetime | None
    done_by: str
    done_at: datetime | None
    handover_label: str = ""
    version: int = 1  # what update_item's expected_version compares with


@dataclass(frozen=True)
class GroupView:
    key: str
    count: int
    accepted_by: str
    accepted_at: datetime | None

    @property
    def bucket(self) -> str:
        return split_group_key(self.key)[0]

    @property
    def status(self) -> str:
        return split_group_key(self.key)[1]

    @property
    def accepted(self) -> bool:
        return self.accepted_at is not None


@dataclass(frozen=True)
class IncidentView:
    id: int
    at: datetime
    kind: str
    text: str
    reported_by: str


@dataclass(frozen=True)
class HandoverView:
    id: int
    version: int
    shift_code: str
    shift_name: str
    starts_at: datetime
    ends_at: datetime
    label: str
    next_label: str
    status: str
    coverage_from: datetime | None
    as_of: datetime | None
    notes: str
    created_by: str
    submitted_by: str
    submitted_by_id: int | None
    submitted_at: datetime | None
    acknowledged_by: str
    acknowledged_at: datetime | None
    acknowledge_note: str
    figures: Figures
    gap: GapInfo | None
    items: tuple[ItemView, ...]
    groups: tuple[GroupView, ...]
    incidents: tuple[IncidentView, ...]

    @property
    def read_only(self) -> bool:
        return self.status != HandoverStatus.DRAFT

    @property
    def unaccepted_groups(self) -> list[str]:
        return [g.key for g in self.groups if g.count and not g.accepted]

    @property
    def grouped(self) -> int:
        return sum(g.count for g in self.groups)


@dataclass(frozen=True)
class HandoverRow:
    """One line of the history list."""

    id: int
    label: str
    shift_code: str
    starts_at: datetime
    status: str
    submitted_by: str
    submitted_at: datetime | None
    acknowledged_by: str
    acknowledged_at: datetime | None
    listed: int
    open_total: int
    notes: str


@dataclass(frozen=True)
class ShiftStatus:
    """What the screen shows the incoming supervisor before anything else."""

    current: ShiftWindow
    current_label: str
    previous: ShiftWindow
    previous_label: str
    previous_status: str  # none (nothing before) | missing | draft | submitted | acknowledged
    previous_id: int | None
    previous_submitted_by: str
    current_id: int | None
    current_status: str  # none | draft | submitted | acknowledged
    outstanding_flags: int
    on_shift: tuple[str, ...]
    supervisors: tuple[str, ...]

    @property
    def previous_missing(self) -> bool:
        """The previous shift handed over nothing, and this shift's handover (which
        carries its work) is not submitted yet."""
        return self.previous_status in (
            "missing",
            HandoverStatus.DRAFT,
        ) and self.current_status not in (HandoverStatus.SUBMITTED, HandoverStatus.ACKNOWLEDGED)

    @property
    def awaiting_acknowledgement(self) -> bool:
        return self.previous_status == HandoverStatus.SUBMITTED


@dataclass(frozen=True)
class RosterEntry:
    shift_code: str
    agent_id: int
    name: str
    role: str  # agent | supervisor


@dataclass(frozen=True)
class AgentChoice:
    id: int
    username: str
    name: str
    role: str


@dataclass(frozen=True)
class ShiftConfig:
    shifts: tuple[ShiftDef, ...]
    roster: tuple[RosterEntry, ...]
    agents: tuple[AgentChoice, ...]
