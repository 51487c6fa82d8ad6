"""The handover service: one object over the parts of the handover (see the package)."""

from __future__ import annotations

from console.services.handover.flagged import FlaggedMixin
from console.services.handover.history import HistoryMixin
from console.services.handover.roster import RosterMixin
from console.services.handover.submission import SubmissionMixin


class HandoverService(SubmissionMixin, FlaggedMixin, HistoryMixin, RosterMixin):
    """Shift handover, flagged items, history and incidents, roster and shift table."""
