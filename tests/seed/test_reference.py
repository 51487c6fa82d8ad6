"""The reference seeder against a fresh SQLite database built by the migrations."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from console.infra.database import make_engine, make_session_factory
from console.migrations import upgrade
from console.models import (
    Agent,
    BusinessClass,
    Channel,
    HandlingUnit,
    MatterCategory,
    Region,
    ShiftDefinition,
    SlaMilestone,
    SlaPolicy,
)
from console.seed.reference import reference_dir, seed_reference


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    eng = make_engine(str(tmp_path / "t.sqlite3"))  # takes str | URL, not Path
    upgrade(eng)
    yield eng
    eng.dispose()


@pytest.fixture
def factory(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


@pytest.fixture
def seeded(factory: sessionmaker[Session]) -> dict[str, int]:
    with factory.begin() as session:
        return seed_reference(session)


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_reference_dir_holds_the_files() -> None:
    d = reference_dir()
    for name in (
        "channels.csv",
        "business_classes.csv",
        "matter-taxonomy.csv",
        "regions.csv",
        "handling_units.csv",
        "shifts.csv",
        "sla_policies.json",
        "agents.csv",
        "README.md",
    ):
        assert (d / name).is_file(), name


def test_first_run_counts_match_the_database(
    seeded: dict[str, int], factory: sessionmaker[Session]
) -> None:
    models: list[type] = [
        Channel,
        BusinessClass,
        MatterCategory,
        Region,
        HandlingUnit,
        ShiftDefinition,
        SlaPolicy,
        SlaMilestone,
        Agent,
    ]
    with factory() as s:
        for model in models:
            table = model.__tablename__  # type: ignore[attr-defined]
            assert seeded[table] == _count(s, model) > 0, table
    # urgent, enterprise, consultation, help, suggestion, complaint, report, demand
    assert seeded["sla_policies"] == 8
    assert seeded["sla_milestones"] == 4 + 2 + 1 + 2 * 4 + 2


def test_channels_and_classes(seeded: dict[str, int], factory: sessionmaker[Session]) -> None:
    with factory() as s:
        channels = {c.code: c for c in s.scalars(select(Channel))}
        classes = set(s.scalars(select(BusinessClass.code)))
    assert len(channels) == 11  # with the provincial platform (the exchange service)
    assert channels["phone_12345"].kind == "phone"
    assert channels["enterprise_line"].name == "企业服务专线"
    assert {c.kind for c in channels.values()} == {"phone", "web", "media"}
    assert classes == {"consumer", "enterprise", "city", "livelihood", "environment"}


def test_matter_taxonomy(seeded: dict[str, int], factory: sessionmaker[Session]) -> None:
    with factory() as s:
        by_level = {
            level: n
            for level, n in s.execute(
                select(MatterCategory.level, func.count()).group_by(MatterCategory.level)
            )
        }
        assert by_level[1] == 15
        assert by_level[3] == 517
        leaf = s.scalars(
            select(MatterCategory).where(MatterCategory.path == "城乡建设/安全生产/事故处理")
        ).one()
        assert leaf.level == 3 and leaf.name == "事故处理"
        mid = s.get(MatterCategory, leaf.parent_id)
        assert mid is not None and mid.path == "城乡建设/安全生产" and mid.level == 2
        top = s.get(MatterCategory, mid.parent_id)
        assert top is not None and top.path == "城乡建设" and top.parent_id is None
        # every non-root has a parent one level up whose path prefixes its own
        parents = {c.id: c for c in s.scalars(select(MatterCategory))}
        for c in parents.values():
            if c.level == 1:
                assert c.parent_id is None
            else:
                p = parents[c.parent_id]  # type: ignore[index]
                assert p.level == c.level - 1 and c.path == f"{p.path}/{c.name}"


def test_taxonomy_is_the_shared_file_byte_for_byte() -> None:
    shared = Path("/work/shared/data/matter-taxonomy.csv")
    if not shared.exists():
        pytest.skip("shared data not mounted")
    assert (reference_dir() / "matter-taxonomy.csv").read_bytes() == shared.read_bytes()


def test_regions(seeded: dict[str, int], factory: sessionmaker[Session]) -> None:
    with factory() as s:
        districts = {r.name: r for r in s.scalars(select(Region).where(Region.parent_id.is_(None)))}
        assert set(districts) == {"禅城区", "南海区", "顺德区", "高明区", "三水区"}
        assert all(d.level == 1 and d.kind == "区" for d in districts.values())
        shishan = s.scalars(select(Region).where(Region.name == "狮山镇")).one()
        assert shishan.parent_id == districts["南海区"].id
        assert shishan.level == 2 and shishan.kind == "镇"
        hecheng = s.scalars(select(Region).where(Region.name == "荷城街道")).one()
        assert hecheng.parent_id == districts["高明区"].id and hecheng.kind == "街道"
        assert _count(s, Region) == 5 + 32


def test_every_town_has_a_town_unit(seeded: dict[str, int], factory: sessionmaker[Session]) -> None:
    with factory() as s:
        towns = list(s.scalars(select(Region).where(Region.level == 2)))
        unit_regions = set(
            s.scalars(select(HandlingUnit.region_id).where(HandlingUnit.kind == "town"))
        )
        assert towns
        missing = [t.name for t in towns if t.id not in unit_regions]
        assert not missing
        gc = s.scalars(select(HandlingUnit).where(HandlingUnit.name == "桂城街道办事处")).one()
        nanhai = s.scalars(select(Region).where(Region.name == "南海区")).one()
        assert s.get(Region, gc.region_id).parent_id == nanhai.id  # type: ignore[union-attr]
        branch = s.scalars(
            select(HandlingUnit).where(HandlingUnit.name == "佛山市生态环境局南海分局")
        ).one()
        assert branch.kind == "bureau" and branch.region_id == nanhai.id
        district_units = s.scalars(select(HandlingUnit).where(HandlingUnit.kind == "district"))
        assert len(list(district_units)) == 5
        assert (
            s.scalar(
                select(func.count()).where(HandlingUnit.kind == "bureau").select_from(HandlingUnit)
            )
            or 0
        ) >= 20


def test_shifts(seeded: dict[str, int], factory: sessionmaker[Session]) -> None:
    with factory() as s:
        shifts = {x.code: (x.name, x.starts, x.ends) for x in s.scalars(select(ShiftDefinition))}
    assert shifts == {
        "morning": ("早班", "08:00", "16:00"),
        "evening": ("中班", "16:00", "00:00"),
        "night": ("夜班", "00:00", "08:00"),
    }


def test_urgent_policy_is_the_1_2_1_3_rule(
    seeded: dict[str, int], factory: sessionmaker[Session]
) -> None:
    with factory() as s:
        policy = s.scalars(
            select(SlaPolicy).where(SlaPolicy.code == "urgent", SlaPolicy.version == 1)
        ).one()
        assert policy.current and policy.workday_rule == "exclusive"
        got = [
            (m.seq, m.code, m.limit_value, m.limit_unit, m.start_event, m.met_by_event)
            for m in policy.milestones
        ]
    assert got == [
        (1, "contact", 1, "hours", "received", "contacted"),
        (2, "on_scene", 2, "hours", "received", "on_scene"),
        (3, "feedback", 1, "workdays", "received", "replied_initial"),
        (4, "result", 3, "workdays", "received", "replied"),
    ]


def test_other_policies(seeded: dict[str, int], factory: sessionmaker[Session]) -> None:
    with factory() as s:
        policies = {p.code: p for p in s.scalars(select(SlaPolicy))}
        assert set(policies) == {
            "urgent", "demand", "enterprise", "consultation",
            "help", "suggestion", "complaint", "report",
        }  # fmt: skip
        demand = [(m.code, m.limit_value, m.limit_unit) for m in policies["demand"].milestones]
        assert demand == [("accept", 1, "workdays"), ("result", 15, "workdays")]
        limits = {
            code: policies[code].milestones[-1].limit_value
            for code in ("consultation", "help", "suggestion", "complaint", "report")
        }
        assert limits == {"consultation": 2, "help": 10, "suggestion": 10, "complaint": 15,
                          "report": 15}  # fmt: skip
        assert policies["complaint"].match_sub_type == "complaint"
        assert all(p.shipped for p in policies.values())
        assert policies["demand"].milestones[0].start_event == "dispatched"
        ent = [(m.code, m.limit_value, m.limit_unit) for m in policies["enterprise"].milestones]
        assert ent == [("contact", 4, "hours"), ("result", 3, "workdays")]


def test_admin_agent(seeded: dict[str, int], factory: sessionmaker[Session]) -> None:
    with factory() as s:
        admin = s.scalars(select(Agent).where(Agent.username == "admin")).one()
    assert admin.role == "admin" and admin.display_name == "系统管理员" and admin.active
    assert admin.team is None


def test_second_run_inserts_nothing_and_keeps_edits(
    seeded: dict[str, int], factory: sessionmaker[Session]
) -> None:
    with factory.begin() as s:
        s.scalars(select(Channel).where(Channel.code == "wechat")).one().name = "微信（已改名）"
        s.scalars(
            select(ShiftDefinition).where(ShiftDefinition.code == "morning")
        ).one().ends = "15:30"
        urgent = s.scalars(select(SlaPolicy).where(SlaPolicy.code == "urgent")).one()
        urgent.milestones[0].limit_value = 2
        unit = s.scalars(select(HandlingUnit).where(HandlingUnit.name == "佛山燃气集团")).one()
        unit.phone = "0757-12345678"
        unit.active = False
    with factory() as s:
        before = {
            m.__tablename__: _count(s, m)
            for m in (Channel, MatterCategory, Region, HandlingUnit, SlaMilestone, Agent)
        }
    with factory.begin() as s:
        again = seed_reference(s)
    assert set(again) == set(seeded)
    assert all(v == 0 for v in again.values()), again
    with factory() as s:
        after = {
            m.__tablename__: _count(s, m)
            for m in (Channel, MatterCategory, Region, HandlingUnit, SlaMilestone, Agent)
        }
        assert after == before
        assert s.scalars(select(Channel.name).where(Channel.code == "wechat")).one() == (
            "微信（已改名）"
        )
        assert (
            s.scalars(select(ShiftDefinition.ends).where(ShiftDefinition.code == "morning")).one()
            == "15:30"
        )
        urgent = s.scalars(select(SlaPolicy).where(SlaPolicy.code == "urgent")).one()
        assert urgent.milestones[0].limit_value == 2
        unit = s.scalars(select(HandlingUnit).where(HandlingUnit.name == "佛山燃气集团")).one()
        assert unit.phone == "0757-12345678" and not unit.active


def test_only_missing_rows_are_added(
    seeded: dict[str, int], factory: sessionmaker[Session]
) -> None:
    """A deleted reference row (not used by any case) comes back; nothing else moves."""
    with factory.begin() as s:
        s.delete(s.scalars(select(Channel).where(Channel.code == "media_xqrx")).one())
    with factory.begin() as s:
        again = seed_reference(s)
    assert again["channels"] == 1
    assert sum(again.values()) == 1


def test_custom_data_dir_and_bad_data_refused(
    tmp_path: Path, factory: sessionmaker[Session]
) -> None:
    d = tmp_path / "ref"
    d.mkdir()
    for f in reference_dir().iterdir():
        (d / f.name).write_bytes(f.read_bytes())
    with (d / "regions.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(["南海区", "黄岐", "村"])
    with factory() as s, pytest.raises(ValueError, match="regions.csv"):
        seed_reference(s, d)


def test_newer_shipped_defaults_replace_shipped_versions_not_edits(
    tmp_path: Path, factory: sessionmaker[Session]
) -> None:
    """A database seeded with the old defaults (consultation 1 working day, every demand
    5) gets the Guangdong ones; a policy an administrator saved stays as saved."""
    import json
    import shutil

    from console.domain.sla import Milestone, Policy, PolicyMatch
    from console.domain.workcalendar import WorkCalendar
    from console.services.sla import SlaService

    old_dir = tmp_path / "old"
    shutil.copytree(reference_dir(), old_dir)
    old = [
        {"code": "consultation", "version": 1, "name": "咨询回复", "workday_rule": "exclusive",
         "milestones": [{"code": "answer", "name": "答复", "limit_value": 1,
                         "limit_unit": "workdays", "start_event": "received",
                         "met_by_event": "closed"}],
         "match": {"case_type": "consultation"}, "priority": 10},
        {"code": "demand", "version": 1, "name": "一般诉求", "workday_rule": "exclusive",
         "milestones": [{"code": "result", "name": "办结反馈", "limit_value": 5,
                         "limit_unit": "workdays", "start_event": "received",
                         "met_by_event": "replied"}],
         "match": {"case_type": "demand"}, "priority": 10},
    ]  # fmt: skip
    (old_dir / "sla_policies.json").write_text(json.dumps(old), encoding="utf-8")
    with factory.begin() as s:
        seed_reference(s, old_dir)
    sla = SlaService(factory, WorkCalendar, lambda: "t")
    current = {p.code: p for p in sla.policies()}
    assert current["demand"].milestones[-1].limit_value == 5
    # an administrator edits the demand policy (version 2, not shipped)
    edited = current["demand"]
    sla.save_policy(
        Policy(
            edited.id,
            "demand",
            edited.version,
            "本地诉求",
            "exclusive",
            (Milestone("result", "办结反馈", 7, "workdays", "received", "replied"),),
            PolicyMatch(case_type="demand"),
            10,
        )  # fmt: skip
    )
    with factory.begin() as s:
        seed_reference(s)  # this release's defaults
    current = {p.code: p for p in sla.policies()}
    assert current["consultation"].version == 2  # shipped v1 replaced by shipped v2
    assert current["consultation"].milestones[0].limit_value == 2
    assert current["demand"].name == "本地诉求"  # the administrator's edit stays
    assert current["demand"].milestones[-1].limit_value == 7
    assert current["complaint"].milestones[-1].limit_value == 15  # new codes added
    with factory.begin() as s:  # and a second run changes nothing
        assert seed_reference(s)["sla_policies"] == 0
