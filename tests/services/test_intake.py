"""Intake services on SQLite and PostgreSQL: caller history, repeat calls, the knowledge
base, routing with the SLA preview, duplicates and "same issue" links, co-units."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.casetypes import EventKind, Role
from console.domain.errors import Refused
from console.domain.identity import Identity
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.models import (
    CaseCoUnit,
    CaseEvent,
    CaseLink,
    HandlingUnit,
    KnowledgeArticle,
    KnowledgeUse,
    MatterCategory,
    Region,
)
from console.services.callers import CallerService
from console.services.cases import CLOSE, DISPATCH, SAVE, CaseService
from console.services.duplicates import DuplicateQuery, DuplicateService, address_stem
from console.services.errors import Conflict, ValidationFailed
from console.services.intake import IntakeExtras, IntakeService
from console.services.knowledge import ArticleInput, KnowledgeService
from console.services.numbers import register_workstation
from console.services.routing import RoutingService
from tests.helpers.people import admin as _admin


def _category(s: Session, path: str) -> int:
    return s.scalars(select(MatterCategory.id).where(MatterCategory.path == path)).one()


def _region(s: Session, name: str) -> int:
    return s.scalars(select(Region.id).where(Region.name == name)).one()


def _unit(s: Session, name: str) -> int:
    return s.scalars(select(HandlingUnit.id).where(HandlingUnit.name == name)).one()


@pytest.fixture
def intake(sessions: sessionmaker[Session]) -> tuple[CaseService, IntakeService]:
    station = register_workstation(sessions, "test-host")
    cases = CaseService(sessions, WorkCalendar, lambda: station)
    return cases, IntakeService(cases, lambda: station)


NOISE = "南海大道北工地夜间施工噪音扰民，凌晨一点还在打桩"


def _demand(s: Session, **kw: object) -> CaseDraft:
    base: dict[str, object] = dict(
        case_type="demand",
        sub_type="complaint",
        class_code="environment",
        category_id=_category(s, "环境保护/环境污染/噪音污染"),
        district_id=_region(s, "南海区"),
        town_id=_region(s, "桂城街道"),
        address="南海大道北38号",
        caller_phone="13800138000",
        description=NOISE,
    )
    base.update(kw)
    return CaseDraft(**base)  # type: ignore[arg-type]


def test_caller_history_newest_first_and_repeat_call(
    sessions: sessionmaker[Session], intake: tuple[CaseService, IntakeService]
) -> None:
    cases, _ = intake
    who = _admin(sessions)
    callers = CallerService(sessions)
    assert callers.history("1380013") is None  # an incomplete number asks nothing
    with sessions() as s:
        draft = _demand(s)
    t0 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    first = cases.create(draft, who, now=t0)
    closed = cases.create(
        CaseDraft(
            case_type="consultation",
            sub_type="policy",
            class_code="livelihood",
            caller_phone="138-0013-8000",
            description="咨询居住证签注需要什么材料",
            answer="带居住证和身份证到出租屋管理服务中心办理。",
        ),
        who,
        action=CLOSE,
        now=t0 + timedelta(days=1),
    )
    cases.create(_demand_other_phone(sessions), who, now=t0)

    hist = callers.history("+86 138 0013 8000")
    assert hist is not None and hist.phone == "13800138000"
    assert [c.number for c in hist.cases] == [closed.number, first.number]
    assert hist.cases[1].category == "环境保护/环境污染/噪音污染"
    assert [c.id for c in hist.open_cases] == [first.id]
    assert not hist.more

    added = callers.add_call(first.id, "13800138000", "又来电：今晚还在施工", who, "001")
    assert added.number == first.number
    with sessions() as s:
        note = s.scalars(
            select(CaseEvent).where(CaseEvent.case_id == first.id, CaseEvent.kind == "note")
        ).one()
        assert note.detail["text"] == "又来电：今晚还在施工"
    with pytest.raises(Conflict):
        callers.add_call(closed.id, "13800138000", "再问一次", who)


def _demand_other_phone(sessions: sessionmaker[Session]) -> CaseDraft:
    with sessions() as s:
        return _demand(s, caller_phone="13900139000")


def test_knowledge_search_segments_chinese_and_hides_expired(
    sessions: sessionmaker[Session],
) -> None:
    kb = KnowledgeService(sessions)
    hits = kb.search("市民来电说居住证快到期了，想问怎么签注续期")
    assert hits, "the starter set answers a residence-permit question"
    assert "签注" in hits[0].article.question
    assert "签注" in hits[0].matched
    # words, not substrings: "居住" alone is a word of its own, "住证" is nothing
    assert kb.search("住证") == []
    # the 粤康码 article of the starter set expired in 2023: not offered on the call
    assert all("粤康码" not in h.article.question for h in kb.search("粤康码变成红码了"))
    old = kb.search("粤康码变成红码了", today=date(2022, 6, 1))
    assert old and "粤康码" in old[0].article.question


def test_knowledge_maintenance_needs_a_supervisor_and_reindexes(
    sessions: sessionmaker[Session],
) -> None:
    kb = KnowledgeService(sessions)
    admin = _admin(sessions)
    agent = Identity(admin.agent_id, "a1", "坐席", Role.AGENT)
    data = ArticleInput(
        question="石湾公园龙舟赛几点开始？",
        answer="以主办方公告为准，一般上午9时开始。",
        keywords="龙舟赛,石湾公园",
        department="禅城区人民政府",
        valid_until=date(2099, 12, 31),
    )
    assert kb.search("龙舟赛") == []  # builds the index before the change
    with pytest.raises(Refused):
        kb.save(data, agent)
    with pytest.raises(ValidationFailed):
        kb.save(ArticleInput(question="问", answer="答"), admin)
    saved = kb.save(data, admin)
    hits = kb.search("请问今年龙舟赛什么时候开始")
    assert hits and hits[0].article.id == saved.id  # another service's index sees it too
    kb.save(ArticleInput(**{**data.__dict__, "active": False}), admin, saved.id)
    assert all(h.article.id != saved.id for h in KnowledgeService(sessions).search("龙舟赛"))


def test_routing_rules_most_specific_wins_with_sla_preview(
    sessions: sessionmaker[Session],
) -> None:
    routing = RoutingService(sessions, WorkCalendar)
    with sessions() as s:
        water = _category(s, "环境保护/环境污染/水污染")
        noise = _category(s, "环境保护/环境污染/噪音污染")
        nanhai, chancheng = _region(s, "南海区"), _region(s, "禅城区")
        guicheng = _region(s, "桂城街道")
        wage = _category(s, "劳动和社会保障/工资福利/工资发放")
        lamp = _category(s, "城乡建设/城市建设和市政管理/城市公共设施")
    at = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)  # a Monday, 10:00 in Foshan
    r = routing.suggest(water, nanhai, guicheng, at=at, class_code="environment")
    assert r.unit is not None and r.unit.name == "佛山市生态环境局南海分局"  # district rule
    r = routing.suggest(water, chancheng, None, at=at, class_code="environment")
    assert r.unit is not None and r.unit.name == "佛山市生态环境局"  # the city-wide rule
    r = routing.suggest(noise, nanhai, guicheng, at=at, class_code="environment")
    assert r.unit is not None and r.unit.name == "桂城街道办事处"  # leaf rule: local gov
    assert [u.name for u in r.co_units] == ["佛山市生态环境局"]
    assert "噪音" in r.note
    r = routing.suggest(wage, nanhai, guicheng, at=at, class_code="livelihood")
    assert r.unit is not None and r.unit.name == "桂城街道办事处"
    assert [u.name for u in r.co_units] == ["佛山市人力资源和社会保障局"]
    r = routing.suggest(lamp, nanhai, None, at=at, class_code="city")
    assert r.unit is not None and r.unit.name == "南海区人民政府"  # no town: the district
    assert r.sla is not None and r.sla.steps
    assert any(step.due_at is not None and step.due_at > at for step in r.sla.steps)
    urgent = routing.suggest(lamp, nanhai, None, at=at, urgency="urgent", class_code="city")
    assert urgent.sla is not None
    first = urgent.sla.steps[0]
    assert first.limit_unit == "hours" and first.due_at == at + timedelta(hours=1)


def test_duplicates_found_and_linked_as_same_issue(
    sessions: sessionmaker[Session], intake: tuple[CaseService, IntakeService]
) -> None:
    cases, svc = intake
    who = _admin(sessions)
    now = datetime.now(UTC)
    with sessions() as s:
        first, guicheng_office = _demand(s), _unit(s, "桂城街道办事处")
        unrelated = _demand(
            s,
            category_id=_category(s, "城乡建设/城市建设和市政管理/城市公共设施"),
            address="桂澜路8号",
            description="桂澜路路灯整排不亮，晚上很黑",
        )
        q = DuplicateQuery(
            category_id=_category(s, "环境保护/环境污染/噪音污染"),
            district_id=_region(s, "南海区"),
            town_id=_region(s, "桂城街道"),
            address="南海大道北40号",
            description="南海大道北那个工地晚上施工打桩，噪音太大睡不着",
        )
    master = cases.create(first, who, action=DISPATCH, unit_id=guicheng_office)
    cases.create(unrelated, who)
    found = DuplicateService(sessions).suggest(q, now=now)
    assert [c.id for c in found] == [master.id]
    assert set(found[0].reasons) >= {"category", "nearby", "text"}
    assert DuplicateService(sessions).suggest(q, now=now + timedelta(days=8)) == []

    with sessions() as s:
        again = _demand(s, caller_phone="13700137000", description=q.description)
    saved = svc.submit(again, who, action=SAVE, extras=IntakeExtras(same_issue_as=master.id))
    assert saved.status == "closed"
    with sessions() as s:
        link = s.scalars(select(CaseLink).where(CaseLink.case_id == saved.id)).one()
        assert (link.linked_case_id, link.kind) == (master.id, "same_issue")
        kinds = s.scalars(select(CaseEvent.kind).where(CaseEvent.case_id == master.id)).all()
        assert EventKind.NOTE in kinds
    # the issue is dispatched once
    with pytest.raises(ValidationFailed):
        svc.submit(
            again,
            who,
            action=DISPATCH,
            unit_id=1,
            extras=IntakeExtras(same_issue_as=master.id),
        )


def test_address_stem_keeps_the_road() -> None:
    assert address_stem("南海大道北 38号") == "南海大道北"
    assert address_stem("季华五路28号之一") == "季华五路"


def test_close_from_knowledge_base_and_dispatch_with_co_units(
    sessions: sessionmaker[Session], intake: tuple[CaseService, IntakeService]
) -> None:
    _, svc = intake
    who = _admin(sessions)
    kb = KnowledgeService(sessions)
    hit = kb.search("居住证怎么签注")[0]
    consult = CaseDraft(
        case_type="consultation",
        sub_type="service",
        class_code="livelihood",
        caller_phone="13800138000",
        description="居住证快到期，问怎么签注",
        answer=hit.article.answer,
    )
    closed = svc.submit(
        consult, who, action=CLOSE, extras=IntakeExtras(kb_article_id=hit.article.id)
    )
    assert closed.status == "closed"
    with sessions() as s:
        use = s.scalars(select(KnowledgeUse).where(KnowledgeUse.case_id == closed.id)).one()
        assert use.article_id == hit.article.id
        unit, co = _unit(s, "桂城街道办事处"), _unit(s, "佛山市生态环境局")
        draft = _demand(s)
    sent = svc.submit(
        draft,
        who,
        action=DISPATCH,
        unit_id=unit,
        extras=IntakeExtras(co_unit_ids=(co, unit), dispatch_note="请今晚到现场核查"),
    )
    assert sent.status == "dispatched"
    with sessions() as s:
        assert s.scalars(select(CaseCoUnit.unit_id).where(CaseCoUnit.case_id == sent.id)).all() == [
            co
        ]
        notes = s.scalars(
            select(CaseEvent.detail).where(CaseEvent.case_id == sent.id, CaseEvent.kind == "note")
        ).all()
        assert notes == [{"note": "dispatch_note", "text": "请今晚到现场核查"}]
        assert (s.scalar(select(func.count(KnowledgeArticle.id))) or 0) >= 30
