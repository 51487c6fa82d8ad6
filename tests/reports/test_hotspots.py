"""Hotspot grouping on the 120 real citizen messages of tests/data/web-answered.xlsx,
and the stored supervisor verdicts over the database on both engines."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.hotspots import HotspotCase, group, place_words
from console.domain.identity import Identity
from console.models import Case, CaseKeywords, Region
from console.services.hotspots import HotspotService, keywords

DATA = Path(__file__).resolve().parents[1] / "data" / "web-answered.xlsx"
PLACE = re.compile(r"[A-Z]\d*[区县市]")


def _messages() -> list[tuple[str, str]]:
    wb = openpyxl.load_workbook(DATA, read_only=True)
    rows = list(wb.worksheets[0].iter_rows(values_only=True))[1:]
    wb.close()
    return [(str(r[2]).strip(), " ".join(str(r[4] or "").split())) for r in rows if r[2]]


@pytest.fixture(scope="module")
def web_cases() -> list[HotspotCase]:
    out = []
    for i, (title, body) in enumerate(_messages(), 1):
        m = PLACE.search(title + body)
        place = m.group(0) if m else "全市"
        out.append(HotspotCase(i, place, place, None, "", tuple(keywords(f"{title}\n{body}"))))
    return out


def test_places_are_not_subjects() -> None:
    words = place_words(["狮山镇", "桂城街道", "南海区"])
    assert {"狮山", "狮山镇", "桂城", "南海", "佛山"} <= words


def test_keywords_are_words_of_the_problem() -> None:
    words = keywords("C市第三中学非法补课，一周放假6小时！希望相关部门尽快处理。")
    assert "补课" in words
    assert not {"希望", "相关部门", "尽快", "处理", "6"} & set(words)


def test_grouping_the_web_messages(web_cases: list[HotspotCase]) -> None:
    assert len(web_cases) == 120
    groups = group(web_cases, min_count=2)
    assert groups, "the real messages contain repeated issues"
    by_id = {c.id: c for c in web_cases}
    seen: set[int] = set()
    for g in groups:
        assert g.count >= 2
        assert not seen & set(g.case_ids), "a case is in one group at most"
        seen |= set(g.case_ids)
        for cid in g.case_ids:  # same place, and the shared keyword
            c = by_id[cid]
            assert c.place == g.place
            assert g.kind == "kw" and g.subject in c.words
    # the three messages about paid extra classes in C市 schools form one group
    tutoring = next(g for g in groups if g.key == "kw|C市|补课")
    titles = [_messages()[i - 1][0] for i in tutoring.case_ids]
    assert tutoring.count == 3 and all("补课" in t for t in titles)
    # largest first
    assert [g.count for g in groups] == sorted((g.count for g in groups), reverse=True)
    # min_count 3 keeps only the larger groups
    assert all(g.count >= 3 for g in group(web_cases, min_count=3))


def test_trend_against_the_previous_window(web_cases: list[HotspotCase]) -> None:
    tutoring = [c for c in web_cases if "补课" in c.words and c.place == "C市"]
    now, before = tutoring[:2] + web_cases[:10], tutoring[2:]
    g = next(g for g in group(now, before, min_count=2) if g.subject == "补课")
    assert (g.count, g.previous, g.trend) == (2, 1, 1)


def _who(role: str = "supervisor") -> Identity:
    return Identity(1, "admin", "管理员", role)


def test_build_review_and_cache(sessions: sessionmaker[Session]) -> None:
    msgs = _messages()
    end = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)
    with sessions() as s, s.begin():
        town = s.scalars(select(Region.id).where(Region.level == 2).limit(1)).one()
        # four tutoring complaints in one town this week, one the week before, noise
        texts = [m for m in msgs if "补课" in m[0]][:3]
        noise = [m for m in msgs if "补课" not in m[0] + m[1]][:20]
        rows = [(t, end - timedelta(days=1, hours=i)) for i, t in enumerate(texts)]
        rows.append((("学校周末违规补课", "孩子学校周末强制补课收费"), end - timedelta(days=2)))
        rows.append((("又在补课", "学校寒假补课"), end - timedelta(days=9)))
        rows += [(m, end - timedelta(days=3, minutes=i)) for i, m in enumerate(noise)]
        for i, ((title, body), at) in enumerate(rows):
            s.add(
                Case(
                    number=f"261119-778-{i:04d}", station="778", channel_code="gov_website",
                    case_type="demand", sub_type="complaint", class_code="livelihood",
                    status="received", title=title[:120], description=body, town_id=town,
                    received_at=at, created_at=at, updated_at=at,
                    caller_phone="13800000000" if i < 2 else "",
                )
            )  # fmt: skip
    svc = HotspotService(sessions)
    result = svc.build(end, days=7)
    assert result.cases == len(rows) - 1 and result.extracted == len(rows)
    g = next(g for g in result.groups if g.subject == "补课")
    assert g.count == 4 and g.previous == 1 and g.trend == 3
    assert g.repeat_callers == 1 and g.strongly_felt  # complaints, one caller twice
    assert not g.repeated  # one case the week before is not yet a hotspot
    town_name = g.place_label
    assert all(x.subject != town_name for x in result.groups)
    assert g.key == f"kw|r{town}|补课"
    with sessions() as s:
        assert s.execute(select(func.count()).select_from(CaseKeywords)).scalar_one() == len(rows)
    # cached: nothing extracted the second time
    assert svc.build(end, days=7).extracted == 0

    with pytest.raises(PermissionError):
        svc.review(g.key, "confirmed", _who("agent"))
    svc.review(g.key, "confirmed", _who(), label="学校违规补课")
    again = next(x for x in svc.build(end, days=7).groups if x.key == g.key)
    assert again.review == "confirmed" and again.reviewed_by == "管理员"
    svc.review(g.key, "dismissed", _who())
    assert g.key not in {x.key for x in svc.build(end, days=7).groups}
    shown = svc.build(end, days=7, include_dismissed=True).groups
    assert next(x for x in shown if x.key == g.key).review == "dismissed"
    svc.clear_review(g.key, _who())
    assert svc.reviews() == {}
