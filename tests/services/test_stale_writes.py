"""Every record the console lets users edit refuses a stale write (two workstations on
one database, SQLite and PostgreSQL): handover items, knowledge articles, routing
rules, SLA policies (versioned), calendar overrides. Cases: tests/services/test_case_edit.py;
handover notes and claims: their own tests."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.clock import CITY_TZ
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.infra.database import make_engine, make_session_factory
from console.models import (
    HandlingUnit,
    KnowledgeArticle,
    MatterCategory,
    Region,
    RoutingRule,
)
from console.services.cases import CaseService
from console.services.errors import Conflict
from console.services.handover import HandoverService
from console.services.knowledge import ArticleInput, KnowledgeService
from console.services.numbers import register_workstation
from console.services.routing import RoutingService, RuleInput
from console.services.sla import SlaService
from tests.helpers.people import person as _person

DAY = date(2026, 11, 25)


@pytest.fixture
def other(db_url: str) -> Iterator[sessionmaker[Session]]:
    """The second workstation's own engine on the same database."""
    engine = make_engine(db_url)
    yield make_session_factory(engine)
    engine.dispose()


def test_handover_item_note_is_not_overwritten(
    sessions: sessionmaker[Session], other: sessionmaker[Session]
) -> None:
    with sessions() as s:
        cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
        district = s.scalars(select(Region.id).where(Region.name == "南海区")).one()
    sup_a = _person(sessions, "sup_a", "supervisor")
    sup_b = _person(sessions, "sup_b", "supervisor")
    station = register_workstation(sessions, "h")
    CaseService(sessions, WorkCalendar, lambda: station).create(
        CaseDraft(
            case_type="demand",
            sub_type="complaint",
            class_code="city",
            category_id=cat,
            district_id=district,
            caller_phone="13900139000",
            description="小区门口占道经营，晚上噪音很大",
        ),
        sup_a,
        now=datetime.combine(DAY, time(10), tzinfo=CITY_TZ),
    )
    a, b = HandoverService(sessions), HandoverService(other)
    view = a.prepare(sup_a, now=datetime.combine(DAY, time(15), tzinfo=CITY_TZ))
    item = view.items[0]
    seen_by_b = b.get(view.id).items[0]
    saved = a.update_item(item.id, sup_a, note="等街道回电", expected_version=item.version)
    assert saved.version > item.version
    with pytest.raises(Conflict, match="等街道回电"):
        b.update_item(seen_by_b.id, sup_b, note="已联系", expected_version=seen_by_b.version)
    with pytest.raises(Conflict):
        b.update_item(seen_by_b.id, sup_b, flagged=True, expected_version=seen_by_b.version)
    assert a.get(view.id).items[0].note == "等街道回电"
    # after a reload the edit goes through
    fresh = b.get(view.id).items[0]
    assert b.update_item(fresh.id, sup_b, flagged=True, expected_version=fresh.version).flagged


def test_knowledge_article_stale_save_refused(
    sessions: sessionmaker[Session], other: sessionmaker[Session]
) -> None:
    # reference data outlives a test on PostgreSQL: the admin writes, the row goes after
    sup = _person(sessions, "admin", "admin")
    a, b = KnowledgeService(sessions), KnowledgeService(other)
    q = f"居住证怎么办理（测试{uuid.uuid4().hex[:6]}）"
    art = a.save(ArticleInput(q, "带身份证和租赁合同到街道办理。"), sup)
    try:
        seen_by_b = b.get(art.id)
        a.save(
            ArticleInput(q, "带身份证、租赁合同到街道出租屋管理中心办理。"),
            sup,
            art.id,
            art.version,
        )
        with pytest.raises(Conflict):
            b.save(ArticleInput(q, "去派出所。"), sup, art.id, seen_by_b.version)
        assert a.get(art.id).answer.startswith("带身份证、租赁合同")
    finally:
        with sessions() as s, s.begin():
            s.execute(delete(KnowledgeArticle).where(KnowledgeArticle.id == art.id))


def test_routing_rule_stale_save_refused(
    sessions: sessionmaker[Session], other: sessionmaker[Session]
) -> None:
    sup = _person(sessions, "admin", "admin")
    with sessions() as s:
        cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).all()[-1]
        units = s.scalars(select(HandlingUnit.id).limit(2)).all()
    a, b = RoutingService(sessions, WorkCalendar), RoutingService(other, WorkCalendar)
    rule = a.save_rule(RuleInput(cat, None, units[0]), sup)
    try:
        seen_by_b = next(r for r in b.rules() if r.id == rule.id)
        a.save_rule(RuleInput(cat, None, units[1]), sup, rule.id, rule.version)
        with pytest.raises(Conflict):
            b.save_rule(
                RuleInput(cat, None, units[0], note="改回"), sup, rule.id, seen_by_b.version
            )
        assert next(r for r in a.rules() if r.id == rule.id).unit_id == units[1]
    finally:
        with sessions() as s, s.begin():
            s.execute(delete(RoutingRule).where(RoutingRule.id == rule.id))


def test_sla_policy_edit_from_an_old_version_refused(
    sessions: sessionmaker[Session], other: sessionmaker[Session]
) -> None:
    a = SlaService(sessions, WorkCalendar, lambda: "001")
    b = SlaService(other, WorkCalendar, lambda: "002")
    seen_a = next(p for p in a.policies() if p.code == "urgent")
    seen_b = next(p for p in b.policies() if p.code == "urgent")
    saved = a.save_policy(replace(seen_a, name="紧急事项（修订）"))
    assert saved.version == seen_a.version + 1
    with pytest.raises(Conflict, match=f"now: v{saved.version}"):
        b.save_policy(replace(seen_b, name="紧急事项（另一修订）"))
    current = next(p for p in b.policies() if p.code == "urgent")
    assert current.name == "紧急事项（修订）"
    # from the current version it saves
    assert b.save_policy(replace(current, priority=current.priority)).version == saved.version + 1


def test_calendar_override_compare_and_set(
    sessions: sessionmaker[Session], other: sessionmaker[Session]
) -> None:
    admin = _person(sessions, "admin", "admin")
    a = SlaService(sessions, WorkCalendar, lambda: "001")
    b = SlaService(other, WorkCalendar, lambda: "002")
    day = date(2026, 12, 24)
    a.set_override(day, False, "全市停电", admin, seen=None)
    with pytest.raises(Conflict, match="全市停电"):
        b.set_override(day, True, "照常上班", admin, seen=None)  # b's list showed nothing
    shown = next(o for o in b.overrides() if o.day == day)
    a.set_override(day, False, "全市停电（延长）", admin, seen=shown)
    with pytest.raises(Conflict):
        b.remove_override(day, seen=shown)
    assert [o.note for o in a.overrides() if o.day == day] == ["全市停电（延长）"]
    b.remove_override(day, seen=next(o for o in b.overrides() if o.day == day))
    assert not [o for o in a.overrides() if o.day == day]


def test_shifts_and_roster_compare_and_set(
    sessions: sessionmaker[Session], other: sessionmaker[Session]
) -> None:
    admin = _person(sessions, "admin", "admin")
    a, b = HandoverService(sessions), HandoverService(other)
    cfg_a, cfg_b = a.shift_config(), b.shift_config()
    rows = [
        (d.code, d.name, d.starts.strftime("%H:%M"), d.ends.strftime("%H:%M")) for d in cfg_a.shifts
    ]
    renamed = [(rows[0][0], rows[0][1] + "（改）", *rows[0][2:]), *rows[1:]]
    a.save_shifts(admin, renamed, cfg_a.shifts)
    with pytest.raises(Conflict):
        b.save_shifts(admin, rows, cfg_b.shifts)
    assert a.shift_config().shifts[0].name.endswith("（改）")
    code = cfg_a.shifts[0].code
    sup = _person(sessions, "roster_sup", "supervisor")
    a.set_roster(admin, code, [(sup.agent_id, "supervisor")], expected=[])
    with pytest.raises(Conflict):
        b.set_roster(admin, code, [], expected=[])  # b's screen showed an empty roster
    assert [(r.agent_id, r.role) for r in a.shift_config().roster if r.shift_code == code] == [
        (sup.agent_id, "supervisor")
    ]
    # put the seeded shifts back (reference data outlives a test on PostgreSQL)
    a.save_shifts(admin, rows, a.shift_config().shifts)
