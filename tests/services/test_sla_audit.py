"""The trusted deadline audit over the database, on SQLite and PostgreSQL (as the
schema owner): a queued case whose stored policy or deadlines differ from what the SLA
engine computes from its history is corrected, with a ``deadline_corrected`` event and a
WARNING; a consistent case is checked and left alone. (The queue is filled by the
database only on PostgreSQL, for logins: tests/security/test_deadline_audit.py; here the
test queues the cases itself.)"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import EventKind, Urgency
from console.domain.clock import now_utc
from console.domain.sla import Milestone
from console.models import Case, CaseDeadline, CaseEvent, DeadlineAudit, SlaPolicy
from console.services.case_edit import CaseEditService
from console.services.sla_audit import audit_queued
from tests.services.test_sla_service import T0, _setup, _stored

YEAR = timedelta(days=365)


def _queue(sessions: sessionmaker[Session], *case_ids: int) -> None:
    with sessions() as s, s.begin():
        s.add_all(DeadlineAudit(case_id=c, queued_at=T0) for c in case_ids)


def _events(sessions: sessionmaker[Session], case_id: int, kind: str) -> list[CaseEvent]:
    with sessions() as s:
        return list(
            s.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.kind == kind))
        )


def test_a_forged_deadline_is_recomputed_and_the_history_says_so(
    sessions: sessionmaker[Session], caplog: pytest.LogCaptureFixture
) -> None:
    cases, _sla, who, draft = _setup(sessions)
    forged = cases.create(draft, who)
    fine = cases.create(draft, who)
    right = {k: d.due_at for k, d in _stored(sessions, forged.id).items()}
    with sessions() as s, s.begin():  # what a login's own arithmetic could have stored
        row = s.get(CaseDeadline, (forged.id, "result"))
        case = s.get(Case, forged.id)
        assert row is not None and row.due_at is not None and case is not None
        row.due_at = row.due_at + YEAR
        case.final_due_at = row.due_at
    _queue(sessions, forged.id, fine.id)
    with caplog.at_level(logging.WARNING, logger="console.sla"):
        result = audit_queued(sessions)
    assert (result.checked, result.corrected) == (2, 1)
    assert {k: d.due_at for k, d in _stored(sessions, forged.id).items()} == right
    with sessions() as s:
        case = s.get(Case, forged.id)
        assert case is not None and case.final_due_at == right["result"]
        assert s.scalars(select(DeadlineAudit.case_id)).all() == []
    (event,) = _events(sessions, forged.id, EventKind.DEADLINE_CORRECTED)
    assert event.actor_id is None and event.actor_name == "SLA"
    old, new = event.detail["deadlines"]["result"]
    assert new == right["result"].isoformat()  # type: ignore[union-attr]
    assert old == (right["result"] + YEAR).isoformat()  # type: ignore[operator]
    assert event.detail["shown"] == ["final_due_at"]
    assert _events(sessions, fine.id, EventKind.DEADLINE_CORRECTED) == []
    (line,) = [r.getMessage() for r in caplog.records if "deadline audit" in r.getMessage()]
    assert forged.number in line and "result" in line
    assert draft.caller_phone not in line and draft.description not in line
    # a second run has nothing queued
    assert audit_queued(sessions).as_json() == {"checked": 0, "corrected": 0}


def test_a_forged_policy_and_missing_deadlines_are_put_back(
    sessions: sessionmaker[Session],
) -> None:
    cases, _sla, who, draft = _setup(sessions)
    saved = cases.create(draft, who)
    right = {k: d.due_at for k, d in _stored(sessions, saved.id).items()}
    with sessions() as s, s.begin():
        case = s.get(Case, saved.id)
        assert case is not None
        kept = case.sla_policy_id
        lenient = s.scalars(
            select(SlaPolicy.id).where(SlaPolicy.id != kept, SlaPolicy.current.is_(True))
        ).first()
        case.sla_policy_id = lenient
        s.execute(delete(CaseDeadline).where(CaseDeadline.case_id == saved.id))
        case.next_due_at = case.final_due_at = case.next_milestone = None
    _queue(sessions, saved.id)
    assert audit_queued(sessions).as_json() == {"checked": 1, "corrected": 1}
    with sessions() as s:
        case = s.get(Case, saved.id)
        assert case is not None and case.sla_policy_id == kept
        assert case.next_milestone == "contact"
    assert {k: d.due_at for k, d in _stored(sessions, saved.id).items()} == right
    (event,) = _events(sessions, saved.id, EventKind.DEADLINE_CORRECTED)
    assert event.detail["policy"][1].startswith("urgent v")
    assert set(event.detail["deadlines"]) == set(right)


def test_the_consoles_own_changes_are_not_corrected(sessions: sessionmaker[Session]) -> None:
    """A pause and its resumption, an edit that switches the policy, a newer version of
    the policy saved after the case: the case keeps what the console gave it."""
    cases, sla, who, draft = _setup(sessions)
    paused = cases.create(draft, who)
    sla.pause(paused.id, who, "等待市民补充材料")
    sla.resume(paused.id, who)
    edited = cases.create(replace(draft, urgency=Urgency.NORMAL), who)
    calendar = sla.load_calendar()
    editor = CaseEditService(sessions, lambda: calendar, lambda: "t")
    opened = editor.load(edited.id, who)
    editor.save(opened, replace(opened.fields, urgency=Urgency.URGENT), who)
    with sessions() as s:
        case = s.get(Case, edited.id)
        assert case is not None
        policy = s.get(SlaPolicy, case.sla_policy_id)
        assert policy is not None and policy.code == "urgent"
    old = cases.create(draft, who, now=now_utc() - timedelta(minutes=10))
    urgent = next(p for p in sla.policies() if p.code == "urgent")
    sla.save_policy(
        replace(
            urgent,
            milestones=(
                Milestone("contact", "联系群众", 30, "hours", "received", "contacted"),
                *urgent.milestones[1:],
            ),
        )
    )
    new = cases.create(draft, who)  # under the new version
    _queue(sessions, paused.id, edited.id, old.id, new.id)
    assert audit_queued(sessions).as_json() == {"checked": 4, "corrected": 0}
    # and a case moved to the newer version by hand goes back to its own
    with sessions() as s, s.begin():
        newer = s.scalars(
            select(SlaPolicy.id).where(SlaPolicy.code == "urgent", SlaPolicy.current.is_(True))
        ).one()
        s.execute(update(Case).where(Case.id == old.id).values(sla_policy_id=newer))
    _queue(sessions, old.id)
    assert audit_queued(sessions).as_json() == {"checked": 1, "corrected": 1}
    assert _stored(sessions, old.id)["contact"].due_at is not None
    with sessions() as s:
        case = s.get(Case, old.id)
        assert case is not None and case.sla_policy_id != newer
