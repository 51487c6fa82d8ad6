"""``sla audit [--json] [--follow]`` on SQLite and PostgreSQL (as the schema owner): the
queued cases are checked, a forged deadline is corrected, the totals are printed as
``{"checked": N, "corrected": M}``. (On SQLite nothing queues a case by itself: the test
queues it, as the database's guards do for a login's writes on PostgreSQL.)"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from console.models import Case, CaseDeadline, DeadlineAudit
from tests.cli.test_case_cli import run
from tests.services.test_sla_service import _setup


def _forge_and_queue(sessions: sessionmaker[Session]) -> int:
    cases, _sla, who, draft = _setup(sessions)
    forged = cases.create(draft, who)
    fine = cases.create(draft, who)
    with sessions() as s, s.begin():
        row = s.get(CaseDeadline, (forged.id, "result"))
        case = s.get(Case, forged.id)
        assert row is not None and row.due_at is not None and case is not None
        row.due_at = row.due_at + timedelta(days=365)
        case.final_due_at = row.due_at
        s.add_all([DeadlineAudit(case_id=forged.id), DeadlineAudit(case_id=fine.id)])
    return forged.id


def test_sla_audit_json(
    capsys: pytest.CaptureFixture[str], db_url: str, sessions: sessionmaker[Session]
) -> None:
    assert json.loads(run(capsys, db_url, "sla", "audit", "--json")[1]) == {
        "checked": 0,
        "corrected": 0,
    }
    forged = _forge_and_queue(sessions)
    rc, out, err = run(capsys, db_url, "sla", "audit", "--json")
    assert rc == 0, err
    assert json.loads(out) == {"checked": 2, "corrected": 1}
    with sessions() as s:
        case = s.get(Case, forged)
        row = s.get(CaseDeadline, (forged, "result"))
        assert case is not None and row is not None
        assert case.final_due_at == row.due_at
    rc, out, _err = run(capsys, db_url, "sla", "audit")
    assert rc == 0 and out == "checked 0 cases, corrected 0"


def test_sla_audit_follow_reports_each_round_and_the_totals(
    capsys: pytest.CaptureFixture[str],
    db_url: str,
    sessions: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _forge_and_queue(sessions)
    rounds = iter([None])

    def sleep(_seconds: float) -> None:  # one pause between rounds, then Ctrl+C
        if next(rounds, KeyboardInterrupt) is KeyboardInterrupt:
            raise KeyboardInterrupt

    monkeypatch.setattr("console.cli.sla._pause", sleep)
    rc, out, err = run(capsys, db_url, "sla", "audit", "--follow", "--every", "0", "--json")
    assert rc == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    # the round that found something, then the totals once interrupted
    assert lines == [{"checked": 2, "corrected": 1}, {"checked": 2, "corrected": 1}]
