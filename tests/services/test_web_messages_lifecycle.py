"""Done means: the web messages of tests/data/web-answered.xlsx imported for triage, each
triaged and carried to its end (archived) through ``case do`` — the first ones through
the command line itself, the rest through the same service call it makes — on SQLite
and PostgreSQL. Nothing stays in "received"."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.cli.entry import main
from console.domain.casetypes import Status
from console.domain.identity import Identity
from console.domain.workcalendar import WorkCalendar
from console.models import Agent, Case, CaseEvent, ImportedMessage
from console.services.errors import Refused
from console.services.lifecycle import LifecycleService
from console.services.numbers import register_workstation
from console.services.queue import QueueQuery, QueueService, QueueView

DATA = Path(__file__).resolve().parents[1] / "data" / "web-answered.xlsx"
UNITS = ("佛山市生态环境局南海分局", "南海区人民政府", "桂城街道办事处")
THROUGH_CLI = 6  # the first messages go through `python main.py case do` in-process


def _plan(i: int, first: str, text: str) -> list[tuple[str, dict[str, str]]]:
    """The path of message ``i``: most are dispatched, some answered at once, one in
    seven merged into the first message, one in eleven invalid; returns go through the
    centre's review; the rest of the way is the same for all."""
    unit = UNITS[i % len(UNITS)]
    if i == 0:
        pass
    elif i % 11 == 5:
        return [("invalid", {"text": "无实质内容"}), ("archive", {})]
    elif i % 7 == 3:
        return [("merge", {"into": first}), ("archive", {})]
    elif i % 4 == 1:
        return [("answer_close", {"text": text}), ("archive", {})]
    steps: list[tuple[str, dict[str, str]]] = [("dispatch", {"unit": unit})]
    if i % 4 == 2:  # a return, refused once (improper), then accepted and triaged again
        steps += [
            ("return", {"text": "非本单位职责"}),
            ("refuse_return", {"text": "属本单位职责"}),
            ("return", {"text": "确非本单位职责"}),
            ("accept_return", {}),
            ("dispatch", {"unit": UNITS[(i + 1) % len(UNITS)]}),
        ]
    steps += [
        ("accept", {}),
        ("contact", {"text": "已联系网友"}),
        ("reply", {"text": text[:200]}),
        ("review_accept", {}),
        ("archive", {}),  # a web message leaves no phone: no callback is due
    ]
    return steps


def test_every_web_message_is_triaged_and_archived(
    db_url: str, sessions: sessionmaker[Session], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", db_url, "import", str(DATA), "--to-triage"]) == 0
    out = capsys.readouterr().out
    assert "accepted (new cases): 120" in out
    with sessions() as s:
        rows = s.execute(
            select(Case.number, Case.status, CaseEvent.detail)
            .join(ImportedMessage, ImportedMessage.case_id == Case.id)
            .join(CaseEvent, (CaseEvent.case_id == Case.id) & (CaseEvent.kind == "created"))
            .order_by(Case.id)
        ).all()
        admin = s.scalars(select(Agent).where(Agent.username == "admin")).one()
        who = Identity(admin.id, admin.username, admin.display_name, admin.role)
    assert len(rows) == 120 and {r.status for r in rows} == {Status.RECEIVED}
    triage = QueueQuery(view=QueueView.TO_TRIAGE)
    assert QueueService(sessions).count(triage) == 120  # the queue's "to triage" view
    station = register_workstation(sessions, "w")
    life = LifecycleService(sessions, WorkCalendar, lambda: station)
    first = rows[0].number
    used: Counter[str] = Counter()
    # the first message is the one others are merged into: it is carried to its end last
    # (an archived case is read-only, nothing is merged into it)
    order = list(enumerate(rows))[1:] + [(0, rows[0])]
    for i, (number, _status, detail) in order:
        answer = str(detail.get("web_answer") or "已答复")
        for action, params in _plan(i, first, answer):
            used[action] += 1
            if i < THROUGH_CLI:
                args = ["--database", db_url, "case", "do", number, action]
                for k, v in params.items():
                    args += [f"--{k}", v]
                rc = main(args)
                _out, err = capsys.readouterr()
                assert rc == 0, f"{number} {action}: {err}"
            else:
                given: dict[str, Any] = dict(params)
                life.do(number, action, who, **given)
    with sessions() as s:
        statuses = Counter(s.scalars(select(Case.status)))
    assert statuses == {Status.ARCHIVED: 120}
    assert QueueService(sessions).count(triage) == 0
    assert {"dispatch", "answer_close", "merge", "invalid", "refuse_return",
            "accept_return"} <= set(used)  # fmt: skip
    # archived cases are read-only
    with pytest.raises(Refused):
        life.do(first, "reopen", who, text="再次")
