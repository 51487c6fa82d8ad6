"""The centre's one suggestion model in its database, and the suggestions stored for
cases nobody typed (imported web messages, pushed orders), on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from console.domain.identity import Identity
from console.domain.workcalendar import WorkCalendar
from console.learning.store import DatabaseModelStore
from console.models import (
    Agent,
    Case,
    CaseEvent,
    CaseSuggestion,
    MatterCategory,
    SuggestionFeedback,
    SuggestionModelRow,
)
from console.services.case_edit import CaseEditService
from console.services.errors import NotFound
from console.services.importer import ImportService
from console.services.numbers import register_workstation
from console.services.suggestions import SuggestionService
from tests.helpers.suggest_data import add_cases, examples


def _workstation(sessions: sessionmaker[Session], cache: Path) -> SuggestionService:
    return SuggestionService(sessions, DatabaseModelStore(sessions, cache, "ws"))


def _admin(sessions: sessionmaker[Session]) -> Identity:
    with sessions() as s:
        a = s.scalars(select(Agent).where(Agent.username == "admin")).one()
        return Identity(a.id, a.username, a.display_name, a.role)


def test_one_training_serves_every_workstation(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    trainer = _workstation(sessions, tmp_path / "trainer")
    desk = _workstation(sessions, tmp_path / "desk")
    assert desk.suggest("老板拖欠工资") is None  # no model in the centre yet
    add_cases(sessions, 8)
    outcome = trainer.train()
    assert outcome.promoted and outcome.version == 1
    with sessions() as s:
        row = s.get(SuggestionModelRow, 1)
        assert row is not None and row.promoted and row.data is not None
        assert row.size == len(row.data) and row.examples == outcome.examples
    # the desk never trained: it asks the database, once, and loads what was promoted
    assert desk.suggest("老板拖欠工资") is None  # it looked before the training...
    assert desk.refresh_model() == 1  # ...and finds the new model on its next check
    result = desk.suggest("老板拖欠工资三个月")
    assert result is not None and result.model_version == 1
    assert result.items[0].category.startswith("劳动和社会保障")
    # a third workstation loads it at its first suggestion, into its own cache
    third = _workstation(sessions, tmp_path / "third")
    assert third.suggest("夜间施工噪音扰民") is not None
    assert (tmp_path / "third" / "suggest-v0001.pickle").is_file()
    # a damaged cache is noticed (SHA-256) and the model fetched again
    (tmp_path / "third" / "suggest-v0001.pickle").write_bytes(b"junk")
    fourth = SuggestionService(sessions, DatabaseModelStore(sessions, tmp_path / "third"))
    assert fourth.refresh_model() == 1

    # a worse model (a bad teacher) is recorded as an attempt and not used anywhere
    from console.learning.training import train_and_promote

    wrong = examples(18, seed=3, wrong=True) + examples(2, seed=4)
    refused = train_and_promote(wrong, trainer.taxonomy(), trainer.store)
    assert not refused.promoted and refused.version == 1
    with sessions() as s:
        row = s.get(SuggestionModelRow, 2)
        assert row is not None and not row.promoted and row.data is None
    assert desk.refresh_model() == 1
    info = desk.store.info()
    assert info["version"] == 1 and [a["promoted"] for a in info["attempts"]] == [True, False]

    # a better one is promoted: each desk keeps v1 until its own check loads v3
    add_cases(sessions, 4, seed=5)
    again = trainer.train()
    assert again.promoted and again.version == 3
    assert desk.suggest("老板拖欠工资") is not None
    assert desk.store.current() is not None and desk.store.current().version == 1  # type: ignore[union-attr]
    assert desk.refresh_model() == 3


def _received_messages(sessions: sessionmaker[Session], tmp_path: Path) -> list[int]:
    rows = ["留言编号,留言用户,留言主题,留言时间,留言详情"]
    rows.append("w1,U1,欠薪,2026/1/5 10:00:00,工厂老板拖欠工资三个月了")
    rows.append("w2,U2,噪音,2026/1/5 11:00:00,夜间工地施工噪音扰民")
    rows.append("w3,U3,树,2026/1/5 12:00:00,绿化带树木枯死没人管")
    path = tmp_path / "web.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    station = register_workstation(sessions, "test-host")
    report = ImportService(sessions, lambda: station, WorkCalendar).import_file(
        path, _admin(sessions), triage=True
    )
    assert report.accepted == 3
    return list(report.case_ids)


def test_stored_for_received_cases_and_taken_by_one_key(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    svc = _workstation(sessions, tmp_path / "models")
    ids = _received_messages(sessions, tmp_path)
    assert svc.backfill() == 0  # no model yet: nothing stored, nothing fails
    add_cases(sessions, 8)
    svc.train()
    assert svc.backfill_cases(ids[:1]) == 1
    assert svc.backfill() == 2  # the other received cases without suggestions
    assert svc.backfill() == 0  # each case once
    with sessions() as s:
        assert s.scalar(select(CaseSuggestion.case_id).where(CaseSuggestion.case_id.in_(ids)))
        closed = s.scalars(select(Case.id).where(Case.status != "received")).all()
        assert not s.scalars(
            select(CaseSuggestion.case_id).where(CaseSuggestion.case_id.in_(closed))
        ).all()  # confirmed history is not triaged: nothing stored for it
    stored = svc.stored(ids[0])
    assert stored is not None and stored.model_version == 1 and len(stored.items) == 3
    top = stored.items[0]
    assert top.category == "劳动和社会保障 / 工资福利 / 工资发放"
    assert top.class_code == "livelihood" and top.unit and top.unit_source in ("rule", "model")
    assert 0 < top.confidence <= 1

    who = _admin(sessions)
    editor = CaseEditService(sessions, WorkCalendar, lambda: "901")
    saved = svc.take(ids[0], 1, who, editor)
    assert saved.fields.category_id == top.category_id and saved.fields.class_code == "livelihood"
    with sessions() as s:
        cat = s.get(MatterCategory, top.category_id)
        assert cat is not None and cat.path == "劳动和社会保障/工资福利/工资发放"
        fb = s.scalars(select(SuggestionFeedback)).one()
        assert (fb.case_id, fb.accepted_rank, fb.model_version) == (ids[0], 1, 1)
        kinds = s.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == ids[0])).all()
        assert "edited" in kinds
    with pytest.raises(NotFound):
        svc.take(ids[1], 4, who, editor)
    assert svc.stored(10**6) is None


def test_backfill_keeps_a_row_stored_meanwhile(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    svc = _workstation(sessions, tmp_path / "models")
    ids = _received_messages(sessions, tmp_path)
    add_cases(sessions, 8)
    svc.train()
    with sessions() as s, s.begin():
        s.add(CaseSuggestion(case_id=ids[1], model_version=0, items=[]))
    assert svc.backfill() == 2
    with sessions() as s:
        row = s.get(CaseSuggestion, ids[1])
        assert row is not None and row.model_version == 0  # not overwritten
    with sessions() as s, s.begin():
        s.execute(update(Case).where(Case.id == ids[2]).values(status="received"))
