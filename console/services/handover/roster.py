"""The shift itself: its figures, where we are, sign-in attendance, the roster and
the shift table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from console.domain.casetypes import EventKind, Role
from console.domain.clock import now_utc
from console.domain.errors import Refused
from console.domain.handover import parse_shift, validate_shifts, window_label
from console.domain.identity import Identity
from console.domain.shifts import ShiftDef, ShiftWindow, next_window, previous_window, shift_at
from console.domain.validation import FieldError
from console.models import (
    Agent,
    Case,
    CaseEvent,
    Handover,
    HandoverItem,
    ShiftAttendance,
    ShiftDefinition,
    ShiftRoster,
)
from console.services.errors import NotFound, StaleWrite, ValidationFailed
from console.services.handover.base import HandoverBase
from console.services.handover.building import _agent_names, _handover_of
from console.services.handover.common import DONE
from console.services.handover.figures import shift_summary
from console.services.handover.views import (
    AgentChoice,
    RosterEntry,
    ShiftConfig,
    ShiftStatus,
    ShiftSummary,
)
from console.services.reference import load_shifts


@dataclass(frozen=True)
class TileCase:
    """One case behind a count of the shift."""

    id: int
    number: str
    status: str
    title: str


# how early before their shift someone rostered on it may sign in and be counted in it
EARLY_SIGN_IN = timedelta(hours=1)


class RosterMixin(HandoverBase):
    """The shift's figures and status, sign-in attendance, the shift table and roster."""

    # -- figures (the "this shift" tiles) -------------------------------------------------
    def current_summary(self, now: datetime | None = None) -> ShiftSummary:
        at = now or now_utc()
        with self._sessions() as s:
            shifts = load_shifts(s)
            w = shift_at(shifts, at)
            return shift_summary(s, w, next_window(shifts, w), at)

    def tile_cases(self, key: str, now: datetime | None = None, limit: int = 500) -> list[TileCase]:
        """The cases behind one of the "this shift" counts (received, consultations
        closed on the call, dispatched, closed), newest first."""
        at = now or now_utc()
        with self._sessions() as s:
            w = shift_at(load_shifts(s), at)
            stmt = select(Case.id, Case.number, Case.status, Case.title, Case.description)
            if key == "received":
                stmt = stmt.where(Case.received_at >= w.start, Case.received_at < w.end)
            elif key == "closed":
                stmt = stmt.where(Case.closed_at >= w.start, Case.closed_at < w.end)
            elif key in ("closed_directly", "dispatched"):
                kind = (
                    EventKind.CLOSED_DIRECTLY if key == "closed_directly" else EventKind.DISPATCHED
                )
                stmt = stmt.where(
                    Case.id.in_(
                        select(CaseEvent.case_id).where(
                            CaseEvent.kind == kind, CaseEvent.at >= w.start, CaseEvent.at < w.end
                        )
                    )
                )
            else:
                raise ValueError(f"no cases behind {key!r}")
            rows = s.execute(stmt.order_by(Case.id.desc()).limit(limit)).all()
            return [
                TileCase(int(i), str(n), str(st), str(t or d or "")[:60]) for i, n, st, t, d in rows
            ]

    # -- where we are -------------------------------------------------------------------------
    def status(self, now: datetime | None = None) -> ShiftStatus:
        at = now or now_utc()
        with self._sessions() as s:
            shifts = load_shifts(s)
            w = shift_at(shifts, at)
            prev = previous_window(shifts, w)
            names = _agent_names(s)
            ph = _handover_of(s, prev)
            ch = _handover_of(s, w)
            flags = int(
                s.execute(
                    select(func.count())
                    .select_from(HandoverItem)
                    .join(Handover, Handover.id == HandoverItem.handover_id)
                    .where(
                        HandoverItem.flagged.is_(True),
                        HandoverItem.done_at.is_(None),
                        Handover.status.in_(DONE),
                    )
                ).scalar_one()
            )
            on_shift = tuple(
                names.get(a, "")
                for a in s.scalars(
                    select(ShiftAttendance.agent_id)
                    .where(
                        ShiftAttendance.shift_code == w.shift.code,
                        ShiftAttendance.starts_at == w.start,
                    )
                    .order_by(ShiftAttendance.signed_in_at)
                )
            )
            sups = tuple(
                names.get(a, "")
                for a in s.scalars(
                    select(ShiftRoster.agent_id).where(
                        ShiftRoster.shift_code == w.shift.code, ShiftRoster.role == "supervisor"
                    )
                )
            )
            return ShiftStatus(
                current=w,
                current_label=window_label(w),
                previous=prev,
                previous_label=window_label(prev),
                previous_status=(
                    ph.status
                    if ph is not None
                    else "missing"
                    if _anything_before(s, w.start)
                    else "none"  # a new database: there was no shift before to hand over
                ),
                previous_id=ph.id if ph is not None else None,
                previous_submitted_by=names.get(ph.submitted_by_id or 0, "") if ph else "",
                current_id=ch.id if ch is not None else None,
                current_status=ch.status if ch is not None else "none",
                outstanding_flags=flags,
                on_shift=on_shift,
                supervisors=sups,
            )

    # -- roster and shift configuration ------------------------------------------------------
    def check_in(
        self, who: Identity, *, station: str = "", now: datetime | None = None
    ) -> ShiftWindow:
        """Sign-in places the agent in the shift current at that moment (idempotent); a
        person rostered on the next shift, and not on this one, who signs in less than
        EARLY_SIGN_IN before it starts is placed in the next shift (they come early for
        the handover). A handling unit's user is no member of a hotline shift: nothing is
        recorded."""
        at = now or now_utc()
        with self._sessions() as s, s.begin():
            shifts = load_shifts(s)
            w = shift_at(shifts, at)
            if who.is_unit:
                return w
            nxt = next_window(shifts, w)
            if nxt.start - at <= EARLY_SIGN_IN and nxt.shift.code != w.shift.code:
                rostered = set(
                    s.scalars(
                        select(ShiftRoster.shift_code).where(ShiftRoster.agent_id == who.agent_id)
                    )
                )
                if nxt.shift.code in rostered and w.shift.code not in rostered:
                    w = nxt
            seen = s.scalars(
                select(ShiftAttendance.id).where(
                    ShiftAttendance.agent_id == who.agent_id,
                    ShiftAttendance.shift_code == w.shift.code,
                    ShiftAttendance.starts_at == w.start,
                )
            ).first()
            if seen is None:
                s.add(
                    ShiftAttendance(
                        agent_id=who.agent_id,
                        shift_code=w.shift.code,
                        starts_at=w.start,
                        signed_in_at=at,
                        station=station,
                    )
                )
            return w

    def shift_config(self) -> ShiftConfig:
        with self._sessions() as s:
            names = _agent_names(s)
            roster = tuple(
                RosterEntry(r.shift_code, r.agent_id, names.get(r.agent_id, ""), r.role)
                for r in s.scalars(
                    select(ShiftRoster).order_by(ShiftRoster.shift_code, ShiftRoster.id)
                )
            )
            agents = tuple(
                AgentChoice(a.id, a.username, a.display_name, a.role)
                for a in s.scalars(
                    select(Agent).where(Agent.active.is_(True)).order_by(Agent.username)
                )
            )
            return ShiftConfig(load_shifts(s), roster, agents)

    def save_shifts(
        self,
        who: Identity,
        rows: Sequence[tuple[str, str, str, str]],
        seen: Sequence[ShiftDef] | None = None,
    ) -> tuple[ShiftDef, ...]:
        """Replace the shift table (code, name, "HH:MM" start, "HH:MM" end). Administrator
        only; the shifts must cover the day exactly once. Past handovers keep the window
        they were taken for."""
        if who.role != Role.ADMIN:
            raise Refused("only an administrator edits the shifts", code="forbidden")
        errors: list[FieldError] = []
        defs: list[ShiftDef] = []
        for code, name, starts, ends in rows:
            try:
                defs.append(parse_shift(code, name, starts, ends))
            except ValueError:
                errors.append(FieldError(f"shift:{code}", "bad_time"))
        if errors:
            raise ValidationFailed(errors)
        problems = validate_shifts(defs)
        if problems:
            raise ValidationFailed([FieldError(f"shifts:{p.detail}", p.code) for p in problems])
        with self._sessions() as s, s.begin():
            if seen is not None and _shift_key(load_shifts(s)) != _shift_key(seen):
                # ``seen``: the table the administrator edited; another one saved meanwhile
                raise StaleWrite("shifts")
            existing = {d.code: d for d in s.scalars(select(ShiftDefinition))}
            for i, d in enumerate(defs):
                row = existing.pop(d.code, None)
                if row is None:
                    row = ShiftDefinition(code=d.code)
                    s.add(row)
                row.name = d.name
                row.starts = d.starts.strftime("%H:%M")
                row.ends = d.ends.strftime("%H:%M")
                row.sort_order = (i + 1) * 10
            for code, row in existing.items():
                used = s.scalars(
                    select(Handover.id).where(Handover.shift_code == code).limit(1)
                ).first()
                if used is not None:
                    raise ValidationFailed([FieldError(f"shift:{code}", "in_use")])
                s.execute(delete(ShiftRoster).where(ShiftRoster.shift_code == code))
                s.execute(delete(ShiftAttendance).where(ShiftAttendance.shift_code == code))
                s.flush()
                s.delete(row)
        return tuple(defs)

    def set_roster(
        self,
        who: Identity,
        shift_code: str,
        entries: Sequence[tuple[int, str]],
        expected: Sequence[tuple[int, str]] | None = None,
    ) -> tuple[RosterEntry, ...]:
        """Who works ``shift_code`` (agent id, "agent" or "supervisor"). ``expected``: the
        roster of that shift as the administrator's screen showed it; when another
        administrator changed it meanwhile nothing is written (Conflict)."""
        if who.role != Role.ADMIN:
            raise Refused("only an administrator edits the roster", code="forbidden")
        with self._sessions() as s, s.begin():
            if (
                s.scalars(
                    select(ShiftDefinition.id).where(ShiftDefinition.code == shift_code)
                ).first()
                is None
            ):
                raise NotFound(f"shift {shift_code!r}")
            if expected is not None:
                now_rows = {
                    (r.agent_id, r.role)
                    for r in s.scalars(
                        select(ShiftRoster)
                        .where(ShiftRoster.shift_code == shift_code)
                        .with_for_update()
                    )
                }
                if now_rows != set(expected):
                    raise StaleWrite("roster", shift_code)
            s.execute(delete(ShiftRoster).where(ShiftRoster.shift_code == shift_code))
            seen: set[int] = set()
            for agent_id, role in entries:
                if role not in ("agent", "supervisor"):
                    raise ValidationFailed([FieldError("role", "unknown")])
                if agent_id in seen:
                    continue
                seen.add(agent_id)
                s.add(ShiftRoster(shift_code=shift_code, agent_id=agent_id, role=role))
            s.flush()
            names = _agent_names(s)
            return tuple(
                RosterEntry(shift_code, a, names.get(a, ""), r) for a, r in entries if a in seen
            )


def _shift_key(defs: Iterable[ShiftDef]) -> set[tuple[str, str, str, str]]:
    return {(d.code, d.name, d.starts.strftime("%H:%M"), d.ends.strftime("%H:%M")) for d in defs}


def _anything_before(session: Session, start: datetime) -> bool:
    """Whether the hotline worked before ``start`` in this database: a case received,
    a shift signed into or a handover of an earlier shift."""
    for query in (
        select(Case.id).where(Case.received_at < start),
        select(ShiftAttendance.agent_id).where(ShiftAttendance.starts_at < start),
        select(Handover.id).where(Handover.starts_at < start),
    ):
        if session.scalars(query.limit(1)).first() is not None:
            return True
    return False
