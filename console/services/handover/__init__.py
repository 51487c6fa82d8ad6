"""Shift handover: built from the database, annotated by the outgoing supervisor,
submitted, acknowledged by the incoming one, kept read-only; plus the shift roster,
sign-in attendance and the incidents log.

The rule that nothing is lost lives in ``console.domain.handover``; this package feeds it the
open cases and stores what it decides:

- ``common``: the open statuses, constants and refusals;
- ``views``: what screens get;
- ``figures``: the figures of a shift;
- ``building``: reading what a handover needs (``build``);
- ``storing``: writing a build into a draft (``store``) and what submitting would lose;
- ``base``, ``submission``, ``flagged``, ``history``, ``roster``: the parts of
  ``HandoverService`` (in ``service``).
"""

from __future__ import annotations

from console.services.handover.building import CANDIDATE_COLUMNS, Built, build
from console.services.handover.common import (
    CHUNK,
    DONE,
    OPEN_ORDER,
    HandoverIncomplete,
)
from console.services.handover.figures import shift_summary
from console.services.handover.service import HandoverService
from console.services.handover.storing import (
    COPY_NULL,
    ITEM_COPY_COLUMNS,
    store,
    submission_problems,
)
from console.services.handover.views import (
    AgentChoice,
    Figures,
    GapInfo,
    GroupView,
    HandoverRow,
    HandoverView,
    IncidentView,
    ItemView,
    RosterEntry,
    ShiftConfig,
    ShiftStatus,
    ShiftSummary,
)

__all__ = [
    "CANDIDATE_COLUMNS",
    "CHUNK",
    "COPY_NULL",
    "DONE",
    "ITEM_COPY_COLUMNS",
    "OPEN_ORDER",
    "AgentChoice",
    "Built",
    "Figures",
    "GapInfo",
    "GroupView",
    "HandoverIncomplete",
    "HandoverRow",
    "HandoverService",
    "HandoverView",
    "IncidentView",
    "ItemView",
    "RosterEntry",
    "ShiftConfig",
    "ShiftStatus",
    "ShiftSummary",
    "build",
    "shift_summary",
    "store",
    "submission_problems",
]
