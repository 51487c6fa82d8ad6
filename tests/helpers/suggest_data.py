"""A small history for the suggestion tests: four matters, each with its own words, its
own handling unit and its own business class, written as cases of the real tables."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.learning.features import Example
from console.models import Agent, Case, HandlingUnit, MatterCategory

#: (category path, unit, class, phrases); the rules of resources/reference give the
#: first a unit (教育文体 -> 佛山市教育局); the others' most specific rules name none
TOPICS = (
    (
        "教育文体/教育行政管理/学历学位学籍管理",
        "佛山市教育局",
        "livelihood",
        ("孩子入学学位", "小学报名入学", "学籍转移手续", "积分入学学位申请", "初中学位分配"),
    ),
    (
        "环境保护/环境污染/噪音污染",
        "桂城街道办事处",
        "environment",
        ("夜间施工噪音扰民", "工地噪音太大", "广场舞音响噪音", "凌晨施工机器轰鸣", "吵得睡不着"),
    ),
    (
        "劳动和社会保障/工资福利/工资发放",
        "石湾镇街道办事处",
        "livelihood",
        ("老板拖欠工资", "工厂欠薪三个月", "包工头不发工资", "讨要工资无果", "工资被克扣"),
    ),
    (
        "城乡建设/城市建设和市政管理/园林绿化",
        "张槎街道办事处",
        "city",
        ("绿化带树木枯死", "行道树倒伏", "公园草坪被毁", "树枝遮挡路灯", "绿化带杂草丛生"),
    ),
)  # fmt: skip
FILLER = ("希望尽快处理", "请有关部门核实", "已经反映多次", "影响居民生活", "麻烦跟进一下")


def texts(n: int, seed: int = 1) -> list[tuple[str, int]]:
    """``n`` descriptions per topic: (text, topic index)."""
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        for t, (_path, _unit, _cls, phrases) in enumerate(TOPICS):
            words = rnd.sample(phrases, 2) + [rnd.choice(FILLER)]
            out.append(("，".join(words) + "。", t))
    return out


def examples(n: int, seed: int = 1, *, wrong: bool = False) -> list[Example]:
    """As Examples; ``wrong``: every label shifted to the next topic (a bad teacher)."""
    out = []
    for text, t in texts(n, seed):
        path, unit, cls, _ = TOPICS[(t + 1) % len(TOPICS) if wrong else t]
        out.append(Example(text, path, cls, unit, "normal"))
    return out


def add_cases(
    sessions: sessionmaker[Session],
    n: int,
    *,
    status: str = "closed",
    channel: str = "phone_12345",
    with_unit: bool = True,
    seed: int = 1,
    start: datetime | None = None,
) -> list[int]:
    """``n`` cases per topic with the given status; returns their ids."""
    start = start or datetime(2026, 1, 5, 9, tzinfo=UTC)
    ids = []
    with sessions() as s, s.begin():
        cats = dict(s.execute(select(MatterCategory.path, MatterCategory.id)).all())
        units = dict(s.execute(select(HandlingUnit.name, HandlingUnit.id)).all())
        agent = s.scalars(select(Agent.id)).first()
        for i, (text, t) in enumerate(texts(n, seed)):
            path, unit, cls, _ = TOPICS[t]
            at = start + timedelta(minutes=10 * i)
            case = Case(
                uuid=uuid.uuid4(),
                number=f"T{seed:02d}{status[:3]}{i:06d}"[:20],
                station="001",
                channel_code=channel,
                case_type="demand",
                sub_type="complaint",
                class_code=cls,
                category_id=cats[path],
                unit_id=units[unit] if with_unit else None,
                title=text[:10],
                description=text,
                urgency="normal",
                status=status,
                created_by_id=agent,
                received_at=at,
                created_at=at,
                updated_at=at,
            )
            s.add(case)
            s.flush()
            ids.append(case.id)
    return ids
