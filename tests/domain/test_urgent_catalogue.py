"""The urgent-matters catalogue: the shipped list parses, and what the agent types is
matched to the most pressing matter it names."""

from __future__ import annotations

import json

import pytest

from console.domain.urgent import (
    CRITICAL,
    NORMAL,
    URGENT,
    UrgentMatter,
    parse_catalogue,
    suggest,
)
from console.seed.reference import reference_dir


@pytest.fixture(scope="module")
def catalogue() -> tuple[UrgentMatter, ...]:
    return parse_catalogue(json.loads((reference_dir() / "urgent_matters.json").read_text("utf-8")))


def test_the_shipped_catalogue_has_three_levels(catalogue: tuple[UrgentMatter, ...]) -> None:
    assert {m.level for m in catalogue} == {CRITICAL, URGENT, NORMAL}
    assert {m.handoff for m in catalogue if m.level == CRITICAL} == {"110", "119", "120", "122"}
    assert all(m.handoff is None for m in catalogue if m.level != CRITICAL)


def test_suggestions(catalogue: tuple[UrgentMatter, ...]) -> None:
    s = suggest("小区门口 水管爆裂，路面大量喷水", catalogue)
    assert s is not None and s.level == URGENT and s.matter.code == "water_main"
    assert s.makes_urgent and "水管爆裂" in s.matched
    # the most pressing wins: a fire after a burst pipe
    s = suggest("水管爆裂后配电房着火了", catalogue)
    assert s is not None and s.level == CRITICAL and s.matter.handoff == "119"
    s = suggest("公司拖欠工资三个月", catalogue)
    assert s is not None and s.level == NORMAL and not s.makes_urgent
    assert suggest("咨询社保卡补办需要什么材料", catalogue) is None


def test_bad_catalogue_entries_are_refused() -> None:
    with pytest.raises(ValueError):
        parse_catalogue([{"code": "x", "name": "x", "level": "very", "keywords": ["a"]}])
    with pytest.raises(ValueError):
        parse_catalogue([{"code": "x", "name": "x", "level": "critical", "handoff": "999",
                          "keywords": ["a"]}])  # fmt: skip
    with pytest.raises(ValueError):
        parse_catalogue([{"code": "x", "name": "x", "level": "urgent", "keywords": [" "]}])
