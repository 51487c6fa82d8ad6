"""SLA use cases: deadlines recomputed from history, pauses, extensions, breaches
recorded once, calendar overrides, policy versions, explanations."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from console.domain.casetypes import DONE_STATUSES, OPEN_STATUS_VALUES, EventKind
from console.domain.clock import now_utc
from console.domain.identity import Identity
from console.domain.sla import (
    CLOCK_EVENTS,
    LIMIT_UNITS,
    CaseDeadlines,
    MilestoneState,
    Policy,
    compute_deadlines,
    history_from_events,
)
from console.domain.validation import FieldError, text_problem
from console.domain.workcalendar import WORKDAY_RULES, WorkCalendar
from console.models import (
    CalendarOverride,
    Case,
    CaseBreach,
    CaseDeadline,
    CaseEvent,
    SlaMilestone,
    SlaPolicy,
)
from console.services.base import CaseWorkService
from console.services.errors import (
    Conflict,
    NotFound,
    ServiceError,
    StaleWrite,
    ValidationFailed,
)
from console.services.reference import current_policies, policy_by_id, policy_from_row

SYSTEM_ACTOR = "SLA"


@dataclass(frozen=True)
class Breach:
    case_id: int
    number: str
    milestone_code: str
    due_at: datetime
    recorded_at: datetime


@dataclass(frozen=True)
class CorrectedCase:
    """The deadline audit put a case's deadlines back (``sla audit``): someone stored
    deadlines or a policy the SLA rule does not give."""

    case_id: int
    number: str
    at: datetime


@dataclass(frozen=True)
class OverrideRow:
    day: date
    workday: bool
    note: str


#: ``seen`` not given: the caller (the command line) does not compare
UNCHECKED = object()


def _check_seen(day: date, row: CalendarOverride | None, seen: object) -> None:
    """Compare-and-set for a calendar override: refuse when the day's override is not
    what the administrator's screen showed."""
    if seen is UNCHECKED:
        return
    now = None if row is None else (row.workday, row.note)
    was = None if seen is None else (seen.workday, seen.note)  # type: ignore[attr-defined]
    if now != was:
        raise StaleWrite("override", day.isoformat(), "" if row is None else row.note)


def load_calendar(session: Session) -> WorkCalendar:
    overrides = {o.day: o.workday for o in session.scalars(select(CalendarOverride))}
    return WorkCalendar(overrides)


def case_deadlines(session: Session, case: Case, calendar: WorkCalendar) -> CaseDeadlines | None:
    if case.sla_policy_id is None:
        return None
    policy = policy_by_id(session, case.sla_policy_id)
    # in the order recorded: events of the same moment (a pause resumed at once) keep it
    rows = session.execute(
        select(CaseEvent.kind, CaseEvent.at, CaseEvent.detail)
        .where(CaseEvent.case_id == case.id)
        .order_by(CaseEvent.id)
    ).all()
    return compute_deadlines(
        policy, history_from_events((k, a, d or {}) for k, a, d in rows), calendar
    )


def store_deadlines(session: Session, batch: Sequence[tuple[int, CaseDeadlines]]) -> None:
    """Replace the deadline rows of these cases (one per milestone; a case given twice:
    its last deadlines). On PostgreSQL through the database's own
    ``hotline_store_deadlines_batch``, one call for the batch (logins cannot write
    ``case_deadlines`` directly; the function refuses a deadline moved later without an
    event of the history that moves it: console/services/dbguards)."""
    if not batch:
        return
    batch = list(dict(batch).items())  # each case once, its last deadlines
    if session.get_bind().dialect.name != "postgresql":
        ids = [case_id for case_id, _d in batch]
        session.execute(delete(CaseDeadline).where(CaseDeadline.case_id.in_(ids)))
        session.add_all(
            CaseDeadline(**row) for case_id, d in batch for row in deadline_rows(case_id, d)
        )
        return
    session.flush()  # the cases and the events the function looks at
    ids_set = {case_id for case_id, _d in batch}
    for obj in list(session.identity_map.values()):
        if isinstance(obj, CaseDeadline) and obj.case_id in ids_set:
            session.expunge(obj)
    payload = json.dumps(
        [
            {
                "case_id": case_id,
                "rows": [
                    {k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in r.items()}
                    for r in deadline_rows(case_id, d)
                ],
            }
            for case_id, d in batch
        ]
    )
    session.execute(
        text("SELECT public.hotline_store_deadlines_batch(CAST(:batch AS jsonb))"),
        {"batch": payload},
    )


def refresh_deadlines(session: Session, case: Case, calendar: WorkCalendar) -> CaseDeadlines | None:
    """Recompute the case's deadlines from its whole event history and store them: one
    case_deadlines row per milestone, and the next deadline on the case for queues."""
    deadlines = case_deadlines(session, case, calendar)
    if deadlines is None:
        return None
    store_deadlines(session, [(case.id, deadlines)])
    for name, value in deadline_fields(deadlines, case.status).items():
        setattr(case, name, value)
    return deadlines


def deadline_rows(case_id: int, deadlines: CaseDeadlines) -> list[dict[str, Any]]:
    """The case_deadlines rows of computed deadlines (one per milestone)."""
    return [
        {
            "case_id": case_id,
            "milestone_code": m.code,
            "seq": i,
            "limit_unit": m.limit_unit,
            "start_at": m.start_at,
            "original_due_at": m.original_due_at,
            "due_at": m.due_at,
            "met_at": m.met_at,
            "paused": m.paused,
            "verified": m.verified,
        }
        for i, m in enumerate(deadlines.milestones, start=1)
    ]


def deadline_fields(deadlines: CaseDeadlines, status: str) -> dict[str, Any]:
    """The case row's copy of its deadlines (the next one, for queues) in ``status``."""
    done = status in DONE_STATUSES
    nxt = None if done else deadlines.next
    # an open case whose milestones are all met (the unit replied, the centre reviews)
    # keeps its final deadline for sorting, with no milestone named; a paused one has none
    shown = nxt
    if nxt is None and not done and not deadlines.paused and deadlines.milestones:
        shown = deadlines.milestones[-1] if deadlines.milestones[-1].due_at else None
    return {
        "next_milestone": nxt.code if nxt else None,
        "next_due_at": shown.due_at if shown else None,
        "next_limit_unit": shown.limit_unit if shown else None,
        "next_warn_at": shown.warn_at if shown else None,
        "next_critical_at": shown.critical_at if shown else None,
        "final_due_at": deadlines.final_due_at,
        "sla_paused": deadlines.paused and not done,
        "sla_unverified": not deadlines.verified,
    }


def add_event(
    session: Session,
    case: Case,
    kind: str,
    who: Identity | None,
    station: str,
    at: datetime,
    **detail: Any,
) -> None:
    session.add(
        CaseEvent(
            case_id=case.id,
            kind=kind,
            at=at,
            actor_id=who.agent_id if who else None,
            actor_name=who.display_name if who else SYSTEM_ACTOR,
            station=station,
            detail=detail,
        )
    )


def _insert(session: Session) -> Any:
    return postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert


def sweep_breaches(
    session: Session, now: datetime, station: str = "", limit: int = 500
) -> list[Breach]:
    """Record each breach once (case, milestone), with a BREACHED event; returns the ones
    this call recorded. Safe to run from every workstation at once."""
    candidates = session.execute(
        select(CaseDeadline.case_id, CaseDeadline.milestone_code, CaseDeadline.due_at, Case.number)
        .join(Case, Case.id == CaseDeadline.case_id)
        .outerjoin(
            CaseBreach,
            (CaseBreach.case_id == CaseDeadline.case_id)
            & (CaseBreach.milestone_code == CaseDeadline.milestone_code),
        )
        .where(
            CaseDeadline.met_at.is_(None),
            CaseDeadline.paused.is_(False),
            CaseDeadline.due_at < now,
            CaseBreach.case_id.is_(None),
            Case.status.in_(OPEN_STATUS_VALUES),
        )
        .order_by(CaseDeadline.due_at)
        .limit(limit)
    ).all()
    recorded: list[Breach] = []
    for case_id, code, due, number in candidates:
        if due is None:
            continue
        stmt = (
            _insert(session)(CaseBreach)
            .values(case_id=case_id, milestone_code=code, due_at=due, recorded_at=now)
            .on_conflict_do_nothing()
            .returning(CaseBreach.case_id)
        )
        if session.execute(stmt).first() is None:
            continue  # another workstation recorded it first
        session.add(
            CaseEvent(
                case_id=case_id,
                kind=EventKind.BREACHED,
                at=now,
                actor_id=None,
                actor_name=SYSTEM_ACTOR,
                station=station,
                detail={"milestone": code, "due_at": due.isoformat()},
            )
        )
        recorded.append(Breach(case_id, number, code, due, now))
    return recorded


class SlaService(CaseWorkService):
    # --- the calendar ---------------------------------------------------------------
    def load_calendar(self) -> WorkCalendar:
        with self._sessions() as s:
            return load_calendar(s)

    def overrides(self) -> list[OverrideRow]:
        with self._sessions() as s:
            return [
                OverrideRow(o.day, o.workday, o.note)
                for o in s.scalars(select(CalendarOverride).order_by(CalendarOverride.day))
            ]

    def set_override(
        self,
        day: date,
        workday: bool,
        note: str,
        who: Identity | None,
        *,
        seen: OverrideRow | None | object = UNCHECKED,
    ) -> None:
        """Existing deadlines keep their values until their cases are recomputed
        (``recompute_open``): an administrator decides when a correction applies.
        ``seen``: the override of that day as the editor showed it (None: none); when
        another administrator set or changed it meanwhile nothing is written."""
        problem = text_problem(note)
        if problem is not None:
            raise ValidationFailed([FieldError("note", problem)])
        with self._sessions() as s, s.begin():
            row = s.get(CalendarOverride, day, with_for_update=True)
            _check_seen(day, row, seen)
            if row is None:
                s.add(
                    CalendarOverride(
                        day=day,
                        workday=workday,
                        note=note,
                        created_by_id=who.agent_id if who else None,
                    )
                )
            else:
                row.workday, row.note = workday, note

    def remove_override(self, day: date, *, seen: OverrideRow | None | object = UNCHECKED) -> None:
        with self._sessions() as s, s.begin():
            _check_seen(day, s.get(CalendarOverride, day, with_for_update=True), seen)
            s.execute(delete(CalendarOverride).where(CalendarOverride.day == day))

    def recompute_open(self, batch: int = 500) -> int:
        """Recompute the deadlines of every open case (after a calendar correction)."""
        done = 0
        last_id = 0
        while True:
            with self._sessions() as s, s.begin():
                calendar = load_calendar(s)
                cases = list(
                    s.scalars(
                        select(Case)
                        .where(Case.status.in_(OPEN_STATUS_VALUES), Case.id > last_id)
                        .order_by(Case.id)
                        .limit(batch)
                    )
                )
                if not cases:
                    return done
                for c in cases:
                    refresh_deadlines(s, c, calendar)
                last_id = cases[-1].id
                done += len(cases)

    def unverified_open_count(self) -> int:
        from sqlalchemy import func

        with self._sessions() as s:
            return int(
                s.execute(
                    select(func.count())
                    .select_from(Case)
                    .where(
                        Case.sla_unverified.is_(True),
                        Case.status.in_(OPEN_STATUS_VALUES),
                    )
                ).scalar_one()
            )

    # --- a case's clocks --------------------------------------------------------------
    def deadlines(self, case_id: int) -> tuple[MilestoneState, ...]:
        with self._sessions() as s:
            case = s.get(Case, case_id)
            if case is None:
                raise NotFound(f"case #{case_id}")
            d = case_deadlines(s, case, self._calendar())
            return d.milestones if d else ()

    def record(
        self,
        case_id: int,
        kind: str,
        who: Identity,
        *,
        at: datetime | None = None,
        expected_version: int | None = None,
        **detail: Any,
    ) -> CaseDeadlines | None:
        """Append one event to a case and recompute its deadlines, in one unit of work."""
        when = at or now_utc()
        with self._sessions() as s, s.begin():
            case = s.get(Case, case_id, with_for_update=True)
            if case is None:
                raise NotFound(f"case #{case_id}")
            if expected_version is not None and case.version != expected_version:
                raise Conflict(f"case {case.number} was changed by someone else")
            if kind == EventKind.PAUSED and case.sla_paused:
                raise ServiceError(f"case {case.number} is already paused")
            if kind == EventKind.RESUMED and not case.sla_paused:
                raise ServiceError(f"case {case.number} is not paused")
            add_event(s, case, kind, who, self._station(), when, **detail)
            s.flush()
            case.updated_at = when
            return refresh_deadlines(s, case, self._calendar())

    def pause(self, case_id: int, who: Identity, reason: str, at: datetime | None = None) -> None:
        self.record(case_id, EventKind.PAUSED, who, at=at, reason=reason)

    def resume(self, case_id: int, who: Identity, at: datetime | None = None) -> None:
        self.record(case_id, EventKind.RESUMED, who, at=at)

    # --- breaches ------------------------------------------------------------------------
    def sweep(self, now: datetime | None = None) -> list[Breach]:
        with self._sessions() as s, s.begin():
            return sweep_breaches(s, now or now_utc(), self._station())

    def breaches_since(self, since: datetime, limit: int = 200) -> list[Breach]:
        with self._sessions() as s:
            rows = s.execute(
                select(
                    CaseBreach.case_id,
                    Case.number,
                    CaseBreach.milestone_code,
                    CaseBreach.due_at,
                    CaseBreach.recorded_at,
                )
                .join(Case, Case.id == CaseBreach.case_id)
                .where(CaseBreach.recorded_at > since)
                .order_by(CaseBreach.recorded_at)
                .limit(limit)
            ).all()
            return [Breach(*r) for r in rows]

    def corrections_since(self, since: datetime, limit: int = 200) -> list[CorrectedCase]:
        """The audit's corrections recorded after ``since``, oldest first."""
        with self._sessions() as s:
            rows = s.execute(
                select(CaseEvent.case_id, Case.number, CaseEvent.at)
                .join(Case, Case.id == CaseEvent.case_id)
                .where(CaseEvent.at > since, CaseEvent.kind == EventKind.DEADLINE_CORRECTED)
                .order_by(CaseEvent.at)
                .limit(limit)
            ).all()
            return [CorrectedCase(*r) for r in rows]

    # --- policies ----------------------------------------------------------------------
    def policies(self) -> list[Policy]:
        with self._sessions() as s:
            return sorted(current_policies(s), key=lambda p: (-p.priority, p.code))

    def save_policy(self, policy: Policy) -> Policy:
        """A new version of ``policy.code`` becomes current; cases keep the version they
        were created under, so no existing deadline moves. An edit of a stored version
        (``policy.id`` set) must start from the current one: a version saved meanwhile
        by someone else is not silently replaced (Conflict)."""
        _check_policy(policy)
        with self._sessions() as s, s.begin():
            latest = s.scalars(
                select(SlaPolicy)
                .where(SlaPolicy.code == policy.code)
                .order_by(SlaPolicy.version.desc())
                .with_for_update()
            ).first()
            if latest is not None and policy.id is not None and latest.version != policy.version:
                # edited from an older version: saving would drop the other change
                raise StaleWrite("policy", policy.code, f"v{latest.version}")
            version = (latest.version + 1) if latest else 1
            s.execute(update(SlaPolicy).where(SlaPolicy.code == policy.code).values(current=False))
            row = SlaPolicy(
                code=policy.code,
                version=version,
                name=policy.name,
                workday_rule=policy.workday_rule,
                current=True,
                priority=policy.priority,
                match_case_type=policy.match.case_type,
                match_urgency=policy.match.urgency,
                match_channel=policy.match.channel_code,
                match_class=policy.match.class_code,
                match_sub_type=policy.match.sub_type,
                work_hours=policy.work_hours,
            )
            for i, m in enumerate(policy.milestones, start=1):
                row.milestones.append(
                    SlaMilestone(
                        seq=i,
                        code=m.code,
                        name=m.name,
                        limit_value=m.limit_value,
                        limit_unit=m.limit_unit,
                        start_event=m.start_event,
                        met_by_event=m.met_by_event,
                        warn_minutes=m.warn_minutes,
                        critical_minutes=m.critical_minutes,
                    )
                )
            s.add(row)
            s.flush()
            return policy_from_row(row)

    def explain(self, code: str, received: datetime) -> tuple[Policy, CaseDeadlines]:
        """Each milestone's deadline for a case received at ``received``, assuming every
        start event (dispatch, acknowledgement) happens at the same moment."""
        with self._sessions() as s:
            matches = [p for p in current_policies(s) if p.code == code]
            if not matches:
                raise NotFound(f"no current SLA policy {code!r}")
            calendar = load_calendar(s)
        policy = matches[0]
        clock = {e: received for e in ("received", "dispatched", "accepted")}
        return policy, compute_deadlines(policy, clock, calendar)

    def explain_case(
        self,
        received: datetime,
        *,
        case_type: str,
        sub_type: str = "",
        urgency: str = "normal",
        channel_code: str = "phone_12345",
        class_code: str = "",
    ) -> tuple[Policy, CaseDeadlines]:
        """The policy a new case of this kind would get, and its deadlines, taking the
        case as dispatched and acknowledged at the moment it is received."""
        from console.domain.sla import choose_policy

        with self._sessions() as s:
            policy = choose_policy(
                current_policies(s), case_type, urgency, channel_code, class_code, sub_type
            )
            calendar = load_calendar(s)
        clock = {e: received for e in ("received", "dispatched", "accepted")}
        return policy, compute_deadlines(policy, clock, calendar)


def _check_policy(p: Policy) -> None:
    problems = []
    if not p.milestones:
        problems.append("a policy needs at least one milestone")
    if p.workday_rule not in WORKDAY_RULES:
        problems.append(f"unknown working-day rule {p.workday_rule!r}")
    codes = [m.code for m in p.milestones]
    if len(set(codes)) != len(codes):
        problems.append("milestone codes repeat")
    for m in p.milestones:
        if m.limit_unit not in LIMIT_UNITS or m.limit_value < 1:
            problems.append(f"{m.code}: bad limit {m.limit_value} {m.limit_unit}")
        for ev in (m.start_event, m.met_by_event):
            if ev not in CLOCK_EVENTS:
                problems.append(f"{m.code}: unknown clock event {ev!r}")
    if problems:
        raise ServiceError("; ".join(problems))
