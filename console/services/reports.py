"""The daily report to the mayor and the monthly report, built as plain data (frozen
dataclasses) for the screen and the exporters (``console.services.report_export`` for Excel,
``console.ui.reports.pdf`` for PDF).

Daily report for day D (local): the volumes of D by channel, type and class; the key
rates of D's cohort and of the month to date (1st of the month to D: the figures the
mayor follows, since a single day's demands are mostly not yet due); the urgent cases
received on D; the deadlines breached on D (``case_breaches.recorded_at``); the
hotspots of the 7 days ending with D against the 7 days before — common (the largest
groups), strongly felt (urgent cases, mostly complaints or repeated callers) and
repeated (already a hotspot the week before).

Monthly report for month M: volumes; the rates of M against the previous month (环比)
and the same month a year before (同比); the
trend by day within M and by month over the six months ending with M; the rankings of
handling units (by the headline on-time closure rate, at least ``min_cases`` dispatched
demands), districts, classes and channels; topical analysis: the matter categories of M
with their change against the previous month, and the hotspot groups of the last 7 days
of M.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.clock import now_utc
from console.domain.hotspots import Hotspot
from console.models import Case, CaseBreach, HandlingUnit, MatterCategory
from console.queries.assessment import Dimension, Period, RateRow, day_period, month_period
from console.services.assessment import (
    AssessmentService,
    CaseRow,
    Labels,
    Volumes,
    rate_rows,
    rate_rows_sets,
    refresh_facts,
    total_of,
    volumes,
)
from console.services.hotspots import HotspotResult, HotspotService

LIST_LIMIT = 50


@dataclass(frozen=True)
class BreachRow:
    case_id: int
    number: str
    title: str
    milestone: str
    due_at: datetime
    unit: str


@dataclass(frozen=True)
class DailyReport:
    day: date
    period: Period
    as_of: datetime
    volumes: Volumes
    rates_day: RateRow | None
    rates_month_to_date: RateRow | None
    rates_by_class: tuple[RateRow, ...]  # month to date
    urgent: tuple[CaseRow, ...]
    urgent_total: int
    breaches: tuple[BreachRow, ...]
    breaches_total: int
    breaches_by_milestone: tuple[tuple[str, int], ...]
    hotspots: HotspotResult

    @property
    def common(self) -> tuple[Hotspot, ...]:
        return self.hotspots.groups[:10]

    @property
    def strongly_felt(self) -> tuple[Hotspot, ...]:
        return tuple(g for g in self.hotspots.groups if g.strongly_felt)[:10]

    @property
    def repeated(self) -> tuple[Hotspot, ...]:
        return tuple(g for g in self.hotspots.groups if g.repeated)[:10]


@dataclass(frozen=True)
class CategoryTrend:
    category: str
    count: int
    previous: int

    @property
    def change(self) -> float | None:
        return None if not self.previous else (self.count - self.previous) / self.previous


@dataclass(frozen=True)
class MonthlyReport:
    month: str
    period: Period
    as_of: datetime
    volumes: Volumes
    rates: RateRow | None
    rates_previous: RateRow | None
    by_day: tuple[RateRow, ...]
    by_month: tuple[RateRow, ...]  # six months ending with this one
    units: tuple[RateRow, ...]  # ranked
    districts: tuple[RateRow, ...]
    classes: tuple[RateRow, ...]
    channels: tuple[RateRow, ...]
    categories: tuple[CategoryTrend, ...]
    hotspots: HotspotResult
    min_cases: int
    rates_last_year: RateRow | None = None  # the same month a year before (同比)


def _breaches(
    s: Session, period: Period, labels: Labels
) -> tuple[list[BreachRow], int, list[tuple[str, int]]]:
    where = (CaseBreach.recorded_at >= period.start, CaseBreach.recorded_at < period.end)
    by_ms = [
        (str(k), int(n))
        for k, n in s.execute(
            select(CaseBreach.milestone_code, func.count()).where(*where)
            .group_by(CaseBreach.milestone_code).order_by(func.count().desc())
        )
    ]  # fmt: skip
    total = sum(n for _, n in by_ms)
    rows = [
        BreachRow(cid, number, title, ms, due, labels.units.get(unit, "") if unit else "")
        for cid, number, title, ms, due, unit in s.execute(
            select(Case.id, Case.number, Case.title, CaseBreach.milestone_code,
                   CaseBreach.due_at, Case.unit_id)
            .join(Case, Case.id == CaseBreach.case_id)
            .where(*where).order_by(CaseBreach.due_at, Case.id).limit(LIST_LIMIT)
        )
    ]  # fmt: skip
    return rows, total, by_ms


def _urgent(s: Session, period: Period, labels: Labels) -> tuple[list[CaseRow], int]:
    where = (
        Case.created_at >= period.start, Case.created_at < period.end, Case.urgency == "urgent"
    )  # fmt: skip
    total = s.execute(select(func.count()).select_from(Case).where(*where)).scalar_one()
    rows = [
        CaseRow(
            c.id, c.number, c.title, c.status, c.case_type, c.urgency,
            labels.units.get(c.unit_id, "") if c.unit_id else "",
            labels.regions.get(c.district_id, "") if c.district_id else "",
            c.created_at, c.closed_at,
        )
        for c in s.execute(
            select(Case.id, Case.number, Case.title, Case.status, Case.case_type, Case.urgency,
                   Case.unit_id, Case.district_id, Case.created_at, Case.closed_at)
            .where(*where).order_by(Case.created_at, Case.id).limit(LIST_LIMIT)
        )
    ]  # fmt: skip
    return rows, int(total)


def _categories(s: Session, period: Period, limit: int = 15) -> list[CategoryTrend]:
    prev = period.previous()

    def counts(p: Period) -> dict[int | None, int]:
        return {
            k: int(n)
            for k, n in s.execute(
                select(Case.category_id, func.count())
                .where(Case.created_at >= p.start, Case.created_at < p.end)
                .group_by(Case.category_id)
            )
        }

    now, before = counts(period), counts(prev)
    top = sorted(now.items(), key=lambda kv: -kv[1])[:limit]
    ids = [k for k, _ in top if k is not None]
    names = {
        k: v
        for k, v in s.execute(
            select(MatterCategory.id, MatterCategory.path).where(MatterCategory.id.in_(ids or [0]))
        )
    }
    return [
        CategoryTrend(names.get(k, "—") if k is not None else "—", n, before.get(k, 0))
        for k, n in top
    ]


class ReportService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions
        self.assessment = AssessmentService(sessions)
        self.hotspot_service = HotspotService(sessions)

    def daily(self, day: date, as_of: datetime | None = None) -> DailyReport:
        period = day_period(day)
        as_of = as_of or min(now_utc(), period.end)
        mtd = Period("range", day.replace(day=1), day)
        refresh_facts(self.sessions)
        with self.sessions() as s:
            labels = Labels(s)
            vols = volumes(s, period, labels)
            # one pass over the month to date: its classes, and its days (the report day)
            sets = rate_rows_sets(s, mtd, (Dimension.CLASS, Dimension.DAY), as_of, labels)
            by_class = sets[Dimension.CLASS]
            rates_mtd = total_of(by_class)
            rates_day = next((r for r in sets[Dimension.DAY] if r.key == f"{day:%Y-%m-%d}"), None)
            urgent, urgent_total = _urgent(s, period, labels)
            breaches, b_total, b_by = _breaches(s, period, labels)
        hot = self.hotspot_service.build(period.end, days=7, limit=50)
        return DailyReport(
            day, period, as_of, vols, rates_day, rates_mtd, tuple(by_class), tuple(urgent),
            urgent_total, tuple(breaches), b_total, tuple(b_by), hot,
        )  # fmt: skip

    def monthly(
        self, year: int, month: int, as_of: datetime | None = None, min_cases: int = 5
    ) -> MonthlyReport:
        period = month_period(year, month)
        as_of = as_of or min(now_utc(), period.end)
        first6 = period.first
        for _ in range(5):
            first6 = (first6 - timedelta(days=1)).replace(day=1)
        six = Period("range", first6, period.last)
        refresh_facts(self.sessions)
        with self.sessions() as s:
            labels = Labels(s)
            vols = volumes(s, period, labels)
            by_month = rate_rows(s, six, Dimension.MONTH, as_of, labels)
            prev = next((r for r in by_month if r.key == period.previous().label), None)
            last_year = month_period(year - 1, month)
            yoy = next(
                (
                    r
                    for r in rate_rows(s, last_year, Dimension.MONTH, as_of, labels)
                    if r.key == last_year.label
                ),
                None,
            )
            dims = (
                Dimension.UNIT, Dimension.DISTRICT, Dimension.CLASS, Dimension.CHANNEL,
                Dimension.DAY,
            )  # fmt: skip
            sets = rate_rows_sets(s, period, dims, as_of, labels)
            by_day = sets[Dimension.DAY]
            units = [
                r
                for r in sets[Dimension.UNIT]
                if r.key is not None and r.figures["return_rate"].denominator >= min_cases
            ]
            units.sort(
                key=lambda r: (
                    -(r.value("ontime_rate") or 0.0),
                    -(r.value("satisfaction_rate") or 0.0),
                    -r.figures["return_rate"].denominator,
                    r.label,
                )
            )
            districts = sets[Dimension.DISTRICT]
            classes = sets[Dimension.CLASS]
            total = total_of(classes)
            channels = sets[Dimension.CHANNEL]
            cats = _categories(s, period)
        hot = self.hotspot_service.build(
            min(period.end, as_of + timedelta(seconds=1)), days=7, limit=50
        )
        return MonthlyReport(
            period.label, period, as_of, vols, total, prev, tuple(by_day), tuple(by_month),
            tuple(units), tuple(districts), tuple(classes), tuple(channels), tuple(cats), hot,
            min_cases, yoy,
        )  # fmt: skip

    def unit_names(self) -> dict[int, str]:
        with self.sessions() as s:
            return {k: v for k, v in s.execute(select(HandlingUnit.id, HandlingUnit.name))}
