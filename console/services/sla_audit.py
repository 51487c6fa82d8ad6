"""The trusted deadline audit: a case's deadlines stored by a login are recomputed by
the one SLA engine and corrected where they differ.

Each person signs in to the central PostgreSQL with a login of their own, and the
deadlines are computed on their workstation: the database refuses an open deadline moved
later without an event that moves it, but cannot redo the arithmetic itself (the engine
is written once, in Python). So it records every case whose deadlines, policy or
policy-choosing fields a login wrote (``deadline_audit``, filled by the database's own
functions: console/services/dbguards/sql_audit.py), and this worker, run by the schema
owner (``python main.py sla audit``), takes the queued cases and

1. replays the policy choice from the history: the policy matching the case as created,
   among the versions current at its creation, and again at every edit of a field that
   chooses it (``case_edit.SLA_FIELDS``), as ``CaseService.create`` and
   ``CaseEditService`` do;
2. recomputes the deadlines from the history (``console.services.sla``);
3. where the stored values differ (timestamps by more than :data:`SLACK`), writes the
   recomputed ones and records a ``deadline_corrected`` event signed by the system,
   with the old and new values, and logs a WARNING (the case number and milestone
   codes only: no personal data);
4. empties the queue entry.

On SQLite (one workstation, no logins) nothing fills the queue: the audit checks what is
queued (nothing, unless a test queues it) with the same code."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session, selectinload, sessionmaker

from console.domain.casetypes import EventKind
from console.domain.clock import now_utc
from console.domain.errors import UserError
from console.domain.sla import CaseDeadlines, Policy, choose_policy
from console.domain.workcalendar import WorkCalendar
from console.models import Case, CaseDeadline, CaseEvent, DeadlineAudit, SlaPolicy
from console.services.case_edit import SLA_FIELDS
from console.services.reference import policy_from_row
from console.services.sla import (
    add_event,
    case_deadlines,
    deadline_fields,
    deadline_rows,
    load_calendar,
    store_deadlines,
)

log = logging.getLogger("console.sla")

#: stored and recomputed times closer than this agree: a deadline computed from the
#: workstation's clock before the database stamped its events (a batch of new cases)
SLACK = timedelta(minutes=2)
#: the fields of a case that choose its policy (``choose_policy``'s arguments)
POLICY_FIELDS: tuple[str, ...] = ("case_type", "urgency", "channel_code", "class_code", "sub_type")
#: a case_deadlines row, as compared
ROW_KEYS: tuple[str, ...] = (
    "milestone_code", "seq", "limit_unit", "start_at", "original_due_at", "due_at", "met_at",
    "paused", "verified",
)  # fmt: skip


class AuditRefused(UserError):
    """The audit is run by a login that is not the schema owner's."""

    code = "audit_refused"


@dataclass(frozen=True)
class AuditResult:
    checked: int
    corrected: int

    def as_json(self) -> dict[str, int]:
        return {"checked": self.checked, "corrected": self.corrected}


@dataclass(frozen=True)
class Correction:
    case_id: int
    number: str
    policy: tuple[str, str] | None  # (old "code vN", new "code vN")
    deadlines: Mapping[str, tuple[str | None, str | None]]  # milestone -> (old, new) ISO
    shown: tuple[str, ...]  # fields of the case row's copy that were corrected


class PolicyBook:
    """Every version of every policy, with the time it was saved: which versions were
    current at a given moment."""

    def __init__(self, session: Session) -> None:
        rows = session.scalars(
            select(SlaPolicy)
            .options(selectinload(SlaPolicy.milestones))
            .order_by(SlaPolicy.code, SlaPolicy.version)
        ).all()
        self.by_id: dict[int, Policy] = {}
        self._versions: dict[str, list[tuple[datetime, Policy]]] = {}
        for r in rows:
            p = policy_from_row(r)
            self.by_id[r.id] = p
            self._versions.setdefault(r.code, []).append((r.created_at, p))

    def at(self, moment: datetime) -> list[Policy]:
        """The versions current at ``moment`` (each code's latest saved by then); a
        moment before any policy was saved (cases loaded with their old dates): the
        first versions."""
        live = [
            next(p for created, p in reversed(vs) if created <= moment)
            for vs in self._versions.values()
            if vs[0][0] <= moment
        ]
        return live or [vs[0][1] for vs in self._versions.values()]


def _choose(policies: Sequence[Policy], content: Mapping[str, Any]) -> Policy | None:
    try:
        return choose_policy(
            policies,
            content["case_type"],
            content["urgency"],
            content["channel_code"],
            content["class_code"],
            content["sub_type"] or "",
        )
    except LookupError:
        return None


def _replay_policy(
    book: PolicyBook,
    case: Case,
    edits: Sequence[tuple[datetime, Mapping[str, Any]]],
    shift: timedelta,
) -> Policy | None:
    """The policy the console would have given the case: chosen at its creation, chosen
    again at each edit of a field that chooses it (a new code: that code's current
    version; the same code: the version kept). ``edits``: (time, changes) in order;
    the fields' values before an edit are its changes' old values."""
    content = {f: getattr(case, f) for f in POLICY_FIELDS}
    after: list[tuple[datetime, dict[str, Any], Mapping[str, Any]]] = []
    for at, changes in reversed(edits):
        after.append((at, dict(content), changes))
        for f, change in changes.items():
            if f in POLICY_FIELDS and isinstance(change, list | tuple) and len(change) == 2:
                content[f] = change[0]
    policy = _choose(book.at(case.created_at + shift), content)
    for at, fields, changes in reversed(after):
        if SLA_FIELDS & changes.keys():
            new = _choose(book.at(at + shift), fields)
            if new is not None and (policy is None or new.code != policy.code):
                policy = new
    return policy


def expected_policy(book: PolicyBook, case: Case, session: Session) -> Policy | None:
    """The policy the case should have: its own when a replay (at the recorded times,
    or :data:`SLACK` either side of them, for a policy saved during an intake) gives it;
    otherwise the replay's at the recorded times (None: no policy matches, nothing to
    correct with)."""
    edits = [
        (at, detail["changes"])
        for at, detail in session.execute(
            select(CaseEvent.at, CaseEvent.detail)
            .where(CaseEvent.case_id == case.id, CaseEvent.kind == EventKind.EDITED)
            .order_by(CaseEvent.id)
        )
        if isinstance(detail, dict) and isinstance(detail.get("changes"), dict)
    ]
    found = _replay_policy(book, case, edits, timedelta(0))
    if found is None or found.id == case.sla_policy_id:
        return found
    for shift in (-SLACK, SLACK):
        other = _replay_policy(book, case, edits, shift)
        if other is not None and other.id == case.sla_policy_id:
            return other
    return found


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, datetime) and isinstance(b, datetime):
        return abs(a - b) <= SLACK
    return bool(a == b)


def _iso(value: Any) -> str | None:
    return value.astimezone(UTC).isoformat() if isinstance(value, datetime) else None


def _stored_rows(session: Session, case_id: int) -> list[dict[str, Any]]:
    cols = [getattr(CaseDeadline, k) for k in ROW_KEYS]
    return [
        dict(zip(ROW_KEYS, r, strict=True))
        for r in session.execute(
            select(*cols).where(CaseDeadline.case_id == case_id).order_by(CaseDeadline.seq)
        )
    ]


def _label(policy: Policy | None) -> str:
    return f"{policy.code} v{policy.version}" if policy is not None else ""


def check_case(
    session: Session,
    case: Case,
    book: PolicyBook,
    calendar: WorkCalendar,
    station: str = "",
    now: datetime | None = None,
) -> Correction | None:
    """Recompute one case's policy and deadlines; correct and record what differs."""
    expected = expected_policy(book, case, session)
    policy_change: tuple[str, str] | None = None
    if expected is not None and expected.id != case.sla_policy_id:
        old = book.by_id.get(case.sla_policy_id) if case.sla_policy_id is not None else None
        policy_change = (_label(old), _label(expected))
        case.sla_policy_id = expected.id
    deadlines: CaseDeadlines | None = case_deadlines(session, case, calendar)
    if deadlines is None:
        return None
    old_rows = _stored_rows(session, case.id)
    new_rows = [{k: r[k] for k in ROW_KEYS} for r in deadline_rows(case.id, deadlines)]
    fields = deadline_fields(deadlines, case.status)
    shown = tuple(k for k, v in fields.items() if not _same(getattr(case, k), v))
    rows_agree = len(old_rows) == len(new_rows) and all(
        _same(o[k], n[k]) for o, n in zip(old_rows, new_rows, strict=True) for k in ROW_KEYS
    )
    if policy_change is None and rows_agree and not shown:
        return None
    # each milestone whose row differs (its deadline, or when it started, was met, …):
    # its deadline before and after
    old_by = {r["milestone_code"]: r for r in old_rows}
    new_by = {r["milestone_code"]: r for r in new_rows}
    moved = {
        code: (_iso(old_by.get(code, {}).get("due_at")), _iso(new_by.get(code, {}).get("due_at")))
        for code in sorted(old_by.keys() | new_by.keys())
        if code not in old_by
        or code not in new_by
        or not all(_same(old_by[code][k], new_by[code][k]) for k in ROW_KEYS)
    }
    store_deadlines(session, [(case.id, deadlines)])
    for name, value in fields.items():
        setattr(case, name, value)
    detail: dict[str, Any] = {"deadlines": {c: list(v) for c, v in moved.items()}}
    if policy_change is not None:
        detail["policy"] = list(policy_change)
    if shown:
        detail["shown"] = list(shown)
    add_event(
        session, case, EventKind.DEADLINE_CORRECTED, None, station, now or now_utc(), **detail
    )
    correction = Correction(case.id, case.number, policy_change, moved, shown)
    log.warning(
        "deadline audit: case %s corrected (policy %s; milestones %s; shown %s)",
        case.number,
        " -> ".join(policy_change) if policy_change else "kept",
        ", ".join(moved) or "none",
        ", ".join(shown) or "none",
    )
    return correction


def _require_owner(session: Session) -> None:
    if session.get_bind().dialect.name != "postgresql":
        return
    role = session.execute(text("SELECT public.hotline_role()")).scalar()
    if role != "owner":
        raise AuditRefused(
            "the deadline audit runs under the schema owner's login (it reads the audit "
            "queue no login can read and writes deadlines as the system)"
        )


def _audit_one(
    sessions: sessionmaker[Session],
    case_id: int,
    book: PolicyBook,
    calendar: WorkCalendar,
    station: str,
    now: datetime | None,
) -> bool | None:
    """One queued case in a transaction of its own, so that its row stays locked (against
    a login's save of the same case) only while it is checked: True if corrected; None
    when another audit holds its entry or it has left the queue."""
    with sessions() as s, s.begin():
        entry = s.scalars(
            select(DeadlineAudit.case_id)
            .where(DeadlineAudit.case_id == case_id)
            .with_for_update(skip_locked=True)
        ).first()
        if entry is None:
            return None
        # a login saving this case waits here or has committed: what follows reads it
        case = s.get(Case, case_id, with_for_update=True)
        corrected = case is not None and check_case(s, case, book, calendar, station, now)
        s.execute(delete(DeadlineAudit).where(DeadlineAudit.case_id == case_id))
        return bool(corrected)


def audit_queued(
    sessions: sessionmaker[Session],
    station: str = "",
    *,
    batch: int = 200,
    now: datetime | None = None,
) -> AuditResult:
    """Take every queued case (oldest first; one held by another audit is left to it),
    recompute it, correct it if needed, and empty its entry. A case that cannot be
    recomputed is logged (its id and the error's kind) and left queued."""
    checked = corrected = 0
    skip: set[int] = set()
    while True:
        with sessions() as s:
            _require_owner(s)
            ids = list(
                s.scalars(
                    select(DeadlineAudit.case_id)
                    .where(DeadlineAudit.case_id.notin_(skip))
                    .order_by(DeadlineAudit.queued_at, DeadlineAudit.case_id)
                    .limit(batch)
                )
            )
            if not ids:
                return AuditResult(checked, corrected)
            calendar = load_calendar(s)
            book = PolicyBook(s)
        for case_id in ids:
            try:
                done = _audit_one(sessions, case_id, book, calendar, station, now)
            except Exception as exc:  # noqa: BLE001 - one case must not stop the others
                log.warning("deadline audit: case #%d not checked: %s", case_id, type(exc).__name__)
                skip.add(case_id)
                continue
            if done is None:
                skip.add(case_id)
                continue
            checked += 1
            corrected += done
