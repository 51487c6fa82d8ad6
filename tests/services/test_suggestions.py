"""Suggestions from a database's history, on SQLite and PostgreSQL: what counts as
history, routing rules over the model's unit, the acceptance and quality figures."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from console.domain.identity import Identity
from console.domain.workcalendar import WorkCalendar
from console.learning.store import ModelStore
from console.learning.training import NotEnoughHistory
from console.models import Agent, Case, HandlingUnit, SuggestionFeedback
from console.services.importer import ImportService
from console.services.numbers import register_workstation
from console.services.suggestions import SuggestionService
from tests.helpers.suggest_data import add_cases


def _service(sessions: sessionmaker[Session], tmp_path: Path) -> SuggestionService:
    return SuggestionService(sessions, ModelStore(tmp_path / "models"))


def test_history_is_what_a_person_confirmed(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    svc = _service(sessions, tmp_path)
    add_cases(sessions, 1, status="received")  # typed, not yet dispatched: not history
    closed = add_cases(sessions, 1, status="closed", seed=2)
    dispatched = add_cases(sessions, 1, status="dispatched", seed=3)
    returned = add_cases(sessions, 1, status="returned", seed=4)
    add_cases(sessions, 1, status="received", channel="gov_website", with_unit=False, seed=5)
    history = svc.history()
    assert len(history) == 4 * 4
    with_unit = [e for e in history if e.unit]
    assert len(with_unit) == len(closed)  # the unit only once the unit took the case
    assert all(e.category and e.class_code for e in history)
    # the unit that returned a case is not taught; the one that finally accepted it is
    case_id = returned[0]
    with sessions() as s, s.begin():
        other = s.scalars(select(HandlingUnit).where(HandlingUnit.name == "祖庙街道办事处")).one()
        s.execute(
            update(Case).where(Case.id == case_id).values(unit_id=other.id, status="accepted")
        )
    units = [e.unit for e in svc.history() if e.unit]
    assert units.count("祖庙街道办事处") == 1 and len(units) == len(closed) + 1
    assert dispatched  # counted above for its category


def test_train_suggest_rules_win_and_say_so(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    svc = _service(sessions, tmp_path)
    assert svc.suggest("工地夜间施工噪音扰民") is None  # no model yet
    with pytest.raises(NotEnoughHistory):
        svc.train()
    add_cases(sessions, 8)
    outcome = svc.train()
    assert outcome.promoted and outcome.version == 1 and outcome.examples == 32
    assert outcome.new["level1_top1"] == 1.0

    noise = svc.suggest("工地夜间施工噪音扰民，吵得睡不着")
    assert noise is not None and len(noise.items) == 3
    top = noise.items[0]
    assert top.category == "环境保护 / 环境污染 / 噪音污染" and top.category_id is not None
    # the most specific routing rule names no unit: the model's unit, said so
    assert (top.unit, top.unit_source, top.class_name) == ("桂城街道办事处", "model", "人居环境")
    school = svc.suggest("孩子入学学位怎么申请")
    assert school is not None
    first = school.items[0]
    assert first.category.startswith("教育文体")
    # a routing rule sends 教育文体 to the education bureau: it wins over the model
    assert (first.unit, first.unit_source) == ("佛山市教育局", "rule")
    assert [i.confidence for i in school.items] == sorted(
        (i.confidence for i in school.items), reverse=True
    )
    # a second training on the same history is no worse: promoted as version 2
    assert svc.train().version == 2


def test_imported_messages_with_a_category_are_history(
    sessions: sessionmaker[Session], tmp_path: Path
) -> None:
    rows = ["留言编号,留言用户,留言主题,留言时间,留言详情,一级分类"]
    for i in range(25):
        rows.append(
            f"{i + 1},U{i},学位问题{i},2020/1/{i % 28 + 1} 10:00:00,"
            f"孩子入学学位申请第{i}次没有结果,教育文体"
        )
        rows.append(
            f"{i + 101},V{i},噪音{i},2020/2/{i % 28 + 1} 10:00:00,夜间施工噪音扰民第{i}次,环境保护"
        )
    path = tmp_path / "web.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    station = register_workstation(sessions, "test-host")
    with sessions() as s:
        a = s.scalars(select(Agent).where(Agent.username == "admin")).one()
        who = Identity(a.id, a.username, a.display_name, a.role)
    report = ImportService(sessions, lambda: station, WorkCalendar).import_file(path, who)
    assert report.accepted == 50
    svc = _service(sessions, tmp_path)
    history = svc.history()
    assert len(history) == 50 and {e.category for e in history} == {"教育文体", "环境保护"}
    svc.train()
    result = svc.suggest("施工噪音太吵")
    assert result is not None and result.items[0].category.startswith("环境保护")


def test_acceptances_and_quality_figures(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    svc = _service(sessions, tmp_path)
    add_cases(sessions, 8)
    svc.train()
    empty = svc.quality()
    assert empty.model_version == 1 and empty.shown == 0 and empty.acceptance == 0.0
    assert empty.held_back["level1_n"] > 0 and empty.recent == {}
    result = svc.suggest("老板拖欠工资三个月")
    assert result is not None
    with sessions() as s:
        agent = s.scalars(select(Agent.id)).first()
    ids = add_cases(sessions, 2, seed=9, start=datetime.now(UTC))  # confirmed after training
    svc.record(result, 1, agent, ids[0])
    svc.record(result, None, agent, ids[1])
    svc.record(result, 2, agent, None)
    q = svc.quality()
    assert (q.shown, q.accepted, q.accepted_first) == (3, 2, 1)
    assert q.acceptance == pytest.approx(2 / 3)
    assert q.recent["level1_n"] == 8 and q.recent["level1_top1"] == 1.0
    assert q.recent["unit_n"] == 8
    with sessions() as s:
        row = s.scalars(select(SuggestionFeedback).order_by(SuggestionFeedback.id)).first()
        assert row is not None and row.shown[0] == "劳动和社会保障/工资福利/工资发放"
        assert row.model_version == 1 and row.case_id == ids[0]
