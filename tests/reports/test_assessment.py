"""Every assessment formula on a generated month with known answers, on both engines;
every figure's drill-down lists exactly the cases it counts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.orm import Session, sessionmaker

from console.models import CaseEvent
from console.queries.assessment import (
    METRICS,
    Dimension,
    Figure,
    day_period,
    parse_day,
    parse_month,
)
from console.services.assessment import (
    AssessmentService,
    rate_rows,
    rate_rows_sets,
    refresh_facts,
)
from tests.helpers.assessment_data import (
    AS_OF,
    EXPECTED,
    EXPECTED_UNIT_A,
    EXPECTED_UNIT_B,
    MONTH,
    build_month,
    expected_ids,
)


def _check(figures: dict[str, Figure], expected: dict[str, tuple[float, int]]) -> None:
    for key, (num, den) in expected.items():
        fig = figures[key]
        assert (round(fig.numerator, 6), fig.denominator) == (num, den), key


def test_every_formula_on_a_known_month(sessions: sessionmaker[Session]) -> None:
    m = build_month(sessions)
    svc = AssessmentService(sessions)
    period = parse_month(MONTH)
    total = svc.rate_table(period, Dimension.TOTAL, AS_OF)
    assert total.total is not None
    _check(total.total.figures, EXPECTED)
    assert total.total.returns == 3 and total.total.ext_requested == 3
    assert total.total.value("satisfaction_rate") == pytest.approx(5 / 6)
    assert total.total.value("avg_response_hours") == pytest.approx(81.5 / 14)

    unit_table = svc.rate_table(period, Dimension.UNIT, AS_OF)
    assert unit_table.total is not None  # the sum of the groups is the whole cohort
    _check(unit_table.total.figures, EXPECTED)
    by_unit = {r.key: r for r in unit_table.rows}
    _check(by_unit[m.unit_a].figures, EXPECTED_UNIT_A)
    _check(by_unit[m.unit_b].figures, EXPECTED_UNIT_B)
    assert by_unit[None].figures["closure_rate"].denominator == 4  # the consultations
    assert by_unit[m.unit_a].label and by_unit[m.unit_a].label != str(m.unit_a)

    by_district = {r.key: r for r in svc.rate_table(period, Dimension.DISTRICT, AS_OF).rows}
    _check(by_district[m.district_1].figures, EXPECTED_UNIT_A)
    by_channel = {r.key: r for r in svc.rate_table(period, Dimension.CHANNEL, AS_OF).rows}
    assert by_channel["phone_12345"].figures["closure_rate"].numerator == 13
    assert by_channel["wechat"].figures["response_rate"].denominator == 5
    by_class = {r.key: r for r in svc.rate_table(period, Dimension.CLASS, AS_OF).rows}
    assert by_class["consumer"].figures["ontime_rate"].numerator == 4
    by_day = svc.rate_table(period, Dimension.DAY, AS_OF).rows
    assert sum(r.figures["closure_rate"].denominator for r in by_day) == 19
    assert by_day[0].key == "2026-09-03"
    by_month = svc.rate_table(period, Dimension.MONTH, AS_OF).rows
    assert [r.key for r in by_month] == ["2026-09"]
    # the case of 31 August (18:00 local) belongs to August
    assert m.outside not in svc.drill_ids(
        period, Dimension.TOTAL, None, "closure_rate", "denominator", AS_OF
    )
    aug = svc.rate_table(parse_month("2026-08"), Dimension.TOTAL, AS_OF)
    assert aug.total is not None and aug.total.figures["closure_rate"].denominator == 1


def test_one_pass_over_several_dimensions(sessions: sessionmaker[Session]) -> None:
    """GROUPING SETS (PostgreSQL) gives the same rows as one query per dimension."""
    build_month(sessions)
    assert refresh_facts(sessions) == 20
    assert refresh_facts(sessions) == 0  # nothing new
    period = parse_month(MONTH)
    dims = (Dimension.UNIT, Dimension.DISTRICT, Dimension.CLASS, Dimension.CHANNEL,
            Dimension.DAY)  # fmt: skip
    with sessions() as s:
        together = rate_rows_sets(s, period, dims, AS_OF)
        for d in dims:
            assert together[d] and together[d] == rate_rows(s, period, d, AS_OF), d


def test_summary_follows_new_events(sessions: sessionmaker[Session]) -> None:
    """case_facts is refreshed from the events after its watermark before each figure."""
    m = build_month(sessions)
    svc = AssessmentService(sessions)
    period = parse_month(MONTH)
    before = svc.rate_table(period, Dimension.TOTAL, AS_OF).total
    assert before is not None and before.figures["satisfaction_rate"].denominator == 6
    with sessions() as s, s.begin():  # a late callback on unit A's seventh demand
        s.add(
            CaseEvent(
                case_id=m.a[6], kind="visited", at=AS_OF - timedelta(days=1),
                detail={"satisfaction": "unsatisfied", "solved": False, "unit_fault": True},
            )
        )  # fmt: skip
    after = svc.rate_table(period, Dimension.TOTAL, AS_OF).total
    assert after is not None
    assert after.figures["satisfaction_rate"].denominator == 7
    assert after.figures["satisfaction_rate"].numerator == 5
    assert m.a[6] in svc.drill_ids(
        period, Dimension.TOTAL, None, "satisfaction_rate", "denominator", AS_OF
    )
    assert refresh_facts(sessions, full=True) == m.outside


def test_as_of_decides_what_is_due(sessions: sessionmaker[Session]) -> None:
    """Before the deadlines came, undone cases are not yet counted against anyone."""
    build_month(sessions)
    svc = AssessmentService(sessions)
    day = parse_day("2026-09-12")  # unit A's tenth demand, received that day
    early = svc.rate_table(day, Dimension.TOTAL, parse_day("2026-09-12").end)
    assert early.total is not None
    assert early.total.figures["ontime_rate"].denominator == 0
    late = svc.rate_table(day, Dimension.TOTAL, AS_OF)
    assert late.total is not None
    assert late.total.figures["ontime_rate"].denominator == 1
    assert late.total.figures["ontime_rate"].numerator == 0


def test_drill_down_lists_match_the_counts(sessions: sessionmaker[Session]) -> None:
    m = build_month(sessions)
    svc = AssessmentService(sessions)
    period = parse_month(MONTH)
    total = svc.rate_table(period, Dimension.TOTAL, AS_OF).total
    assert total is not None
    known = expected_ids(m)
    for metric in METRICS:
        for part in ("numerator", "denominator"):
            ids = svc.drill_ids(period, Dimension.TOTAL, None, metric.key, part, AS_OF)
            fig = total.figures[metric.key]
            if metric.kind == "rate":
                want = fig.numerator if part == "numerator" else fig.denominator
                assert len(ids) == want, (metric.key, part)
            else:
                assert len(ids) == fig.denominator
            if (metric.key, part) in known:
                assert set(ids) == known[(metric.key, part)], (metric.key, part)
    # per group too
    ids = svc.drill_ids(period, Dimension.UNIT, m.unit_b, "response_rate", "numerator", AS_OF)
    assert ids == sorted(m.b[:4])
    rows = svc.case_rows(ids)
    assert [r.id for r in rows] == ids and all(r.unit for r in rows)


def test_periods() -> None:
    p = parse_month("2026-02")
    assert (p.first.day, p.last.day) == (1, 28)
    assert p.previous().label == "2026-01"
    assert parse_day("2026-03-01").previous().label == "2026-02-28"
    assert day_period(p.first).start.utcoffset().total_seconds() == 8 * 3600  # type: ignore[union-attr]
    for bad in ("2026-13", "26-1", ""):
        with pytest.raises(ValueError, match="YYYY-MM"):
            parse_month(bad)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_day("2026-02-30")
