"""The handover of a shift: prepared (built and stored), annotated, its groups
accepted, submitted and acknowledged."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from console.domain.clock import now_utc
from console.domain.errors import Refused
from console.domain.handover import GroupState, HandoverStatus
from console.domain.identity import Identity
from console.domain.validation import FieldError
from console.models import Agent, Handover, HandoverGroup, HandoverItem
from console.services.errors import Conflict, NotFound, StaleWrite, ValidationFailed
from console.services.handover.base import HandoverBase, _require_supervisor
from console.services.handover.building import _agent_names, _handover_of, _snapshot_reads, build
from console.services.handover.common import HandoverIncomplete
from console.services.handover.storing import store, submission_problems
from console.services.handover.views import GroupView, HandoverView, ItemView
from console.services.reference import load_shifts


class SubmissionMixin(HandoverBase):
    """Prepare, annotate, accept groups, submit and acknowledge a handover."""

    # -- the handover ---------------------------------------------------------------------------
    def prepare(
        self,
        who: Identity,
        *,
        now: datetime | None = None,
        shift_code: str | None = None,
        day: date | None = None,
    ) -> HandoverView:
        """Open (build or rebuild) the handover of the current shift, or of the shift
        ``shift_code`` starting on local ``day`` (a late handover)."""
        _require_supervisor(who)
        at = now or now_utc()
        with self._sessions() as s, s.begin():
            _snapshot_reads(s)
            shifts = load_shifts(s)
            w = self._window(shifts, at, shift_code, day)
            if w.start > at:
                raise ValidationFailed([FieldError("shift", "not_started")])
            h = _handover_of(s, w)
            if h is None:
                h = Handover(
                    shift_code=w.shift.code,
                    shift_name=w.shift.name,
                    starts_at=w.start,
                    ends_at=w.end,
                    status=HandoverStatus.DRAFT,
                    notes="",
                    summary={},
                    created_by_id=who.agent_id,
                    created_at=at,
                )
                s.add(h)
                s.flush()
            if h.status != HandoverStatus.DRAFT:
                return self._view(s, h)
            items = store(s, h, build(s, shifts, w, at, exclude_handover=h.id))
            s.flush()
            return self._view(s, h, items)

    def get(self, handover_id: int) -> HandoverView:
        with self._sessions() as s:
            return self._view(s, self._load(s, handover_id))

    def set_notes(self, handover_id: int, notes: str, who: Identity, version: int) -> HandoverView:
        _require_supervisor(who)
        with self._sessions() as s, s.begin():
            h = self._draft(s, handover_id, version)
            h.notes = notes.strip()
            return self._commit_view(s, h)

    def update_item(
        self,
        item_id: int,
        who: Identity,
        *,
        note: str | None = None,
        flagged: bool | None = None,
        assign: bool = False,
        assignee_id: int | None = None,
        expected_version: int | None = None,
    ) -> ItemView:
        """Note, flag or (with ``assign``) assign one item of a draft; ``assignee_id``
        None with ``assign`` clears the assignee. With ``expected_version`` (the item's
        version the supervisor saw) a change made meanwhile by another supervisor is
        not overwritten: Conflict, saying what the item holds now."""
        _require_supervisor(who)
        with self._sessions() as s, s.begin():
            it = s.get(HandoverItem, item_id)
            if it is None:
                raise NotFound(f"handover item #{item_id}")
            self._draft(s, it.handover_id, None)
            if expected_version is not None and it.version != expected_version:
                raise StaleWrite("handover_item", it.case_number, it.note)
            if note is not None:
                it.note = note.strip()
            if flagged is not None:
                it.flagged = flagged
            if assign:
                if assignee_id is not None and s.get(Agent, assignee_id) is None:
                    raise ValidationFailed([FieldError("assignee", "unknown")])
                it.assignee_id = assignee_id
            try:
                s.flush()
            except StaleDataError as exc:
                raise StaleWrite("handover_item", it.case_number) from exc
            return self._item_view(it, _agent_names(s))

    def accept_group(
        self, handover_id: int, key: str, who: Identity, accepted: bool = True
    ) -> GroupView:
        _require_supervisor(who)
        with self._sessions() as s, s.begin():
            self._draft(s, handover_id, None)
            g = s.scalars(
                select(HandoverGroup).where(
                    HandoverGroup.handover_id == handover_id, HandoverGroup.key == key
                )
            ).first()
            if g is None:
                raise NotFound(f"group {key!r}")
            g.accepted_by_id = who.agent_id if accepted else None
            g.accepted_at = now_utc() if accepted else None
            s.flush()
            return GroupView(g.key, g.count, who.display_name if accepted else "", g.accepted_at)

    def submit(
        self, handover_id: int, who: Identity, version: int, now: datetime | None = None
    ) -> HandoverView:
        """Rebuild at the moment of submission and submit, unless a case would be lost."""
        _require_supervisor(who)
        at = now or now_utc()
        with self._sessions() as s, s.begin():
            _snapshot_reads(s)
            h = self._draft(s, handover_id, version)
            shifts = load_shifts(s)
            w = self._stored_window(h)
            built = build(s, shifts, w, at, exclude_handover=h.id)
            items = store(s, h, built)
            s.flush()
            groups = {
                g.key: GroupState(g.count, g.accepted_at is not None)
                for g in s.scalars(select(HandoverGroup).where(HandoverGroup.handover_id == h.id))
            }
            listed = {int(it.case_id) for it in items}
            problems = submission_problems(built, listed, groups)
            if problems:
                raise HandoverIncomplete(problems)
            h.status = HandoverStatus.SUBMITTED
            h.submitted_by_id = who.agent_id
            h.submitted_at = at
            return self._commit_view(s, h, items)

    def acknowledge(
        self,
        handover_id: int,
        who: Identity,
        note: str = "",
        now: datetime | None = None,
    ) -> HandoverView:
        """The incoming supervisor has read it. After this it is read-only for good."""
        _require_supervisor(who)
        with self._sessions() as s, s.begin():
            h = self._load(s, handover_id)
            if h.status != HandoverStatus.SUBMITTED:
                raise Conflict(f"handover #{h.id} is {h.status}, not waiting for acknowledgement")
            if h.submitted_by_id == who.agent_id:
                raise Refused(
                    "the incoming supervisor acknowledges, not the one who submitted",
                    code="not_allowed",
                )
            h.status = HandoverStatus.ACKNOWLEDGED
            h.acknowledged_by_id = who.agent_id
            h.acknowledged_at = now or now_utc()
            h.acknowledge_note = note.strip()
            return self._commit_view(s, h)
