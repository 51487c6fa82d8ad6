"""Assessment (考核): one documented formula per rate, evaluated in SQL.

Every figure is computed over a **cohort**: the cases *received* (``cases.created_at``)
in the period (local days and months, Asia/Shanghai), as the history stands at the
report's ``as_of`` time. A case is assessed against its **lead handling unit**
(``cases.unit_id``: the unit in charge now), its district, business class and channel.

Each metric below is a numerator and a denominator, both counts of cases (the average
response time is a sum of hours over a count of cases); every figure drills down to the
case ids behind both (``numerator_ids``/``denominator_ids`` in the service). The same
SQL expression feeds the figure and its drill-down, so they cannot disagree.

The rates, as shown in the console (the help panel of the Reports screen), in the
exported reports and in the README:

- **Closure rate 办结率** = cohort cases closed (办结, ``closed_at`` set) ÷ all cohort
  cases.
- **Response rate 响应率** = dispatched demands whose response milestone (the SLA's
  first milestone: ``accept`` 签收 for ordinary demands, ``contact`` for urgent and
  enterprise cases) was met by its deadline ÷ dispatched demands whose response
  milestone was met or is already due.
- **On-time closure rate 按时办结率 (headline)** = dispatched demands whose final result
  (the SLA's ``result`` milestone, met by the unit's 反馈; the closing time when the
  case has no SLA rows) came by the deadline *in force*, i.e. including approved
  extensions (延期) ÷ dispatched demands with a result deadline that are done or due.
  The headline counts an approved extension as the deadline because the centre approved
  it; the **original-deadline variant 按时办结率(原时限)** uses the deadline before
  any extension (``case_deadlines.original_due_at``), numerator and denominator alike.
- **Satisfaction rate 满意率** = cases whose latest callback (回访) verdict is
  满意 or 基本满意 ÷ cases with a callback verdict. Unreached callbacks do not count.
- **Resolution rate 解决率** = cases whose latest callback says the problem was solved
  ÷ cases with a callback verdict (asked separately from satisfaction).
- **Average response time 平均响应时长** = Σ over dispatch rounds (the lead unit's
  first 签收 after a dispatch − that dispatch) in hours ÷ the dispatch rounds that were
  acknowledged. Every dispatch (first, re-dispatch after a return, reopening) is a round
  of its own, paired only with an acknowledgement after it: never negative.
- **Return rate 退单率** = dispatched demands returned (退单) at least once ÷ dispatched
  demands; the number of returns is shown beside it.
- **Improper return rate 不当退单率** = dispatched demands with a return the centre
  refused (``return_refused``) ÷ dispatched demands; the number of such returns beside it.
- **Extension rate 延期率** = dispatched demands with an approved extension ÷
  dispatched demands; requested extensions are shown beside it.

The per-case facts are computed from the history by ``live_facts`` and stored in the
summary table ``case_facts`` (kept current by ``services.assessment.refresh_facts``);
``facts`` reads a period's rows from it, and the metrics aggregate those.

No Qt here; the expressions are SQLAlchemy Core, portable to SQLite and PostgreSQL.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.sql.selectable import Subquery

from console.domain.casetypes import CaseType, Satisfaction
from console.domain.clock import CITY_TZ
from console.queries.facts import (  # noqa: F401 - re-exported
    FACT_COLUMNS,
    _flag,
    facts,
    live_facts,
    local_bucket,
    response_rounds,
    seconds_between,
)

# --- periods ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Local calendar days ``[first, last]`` (inclusive); ``kind`` day | month | range."""

    kind: str
    first: date
    last: date

    @property
    def start(self) -> datetime:
        """The period's first instant (aware; local midnight)."""
        return datetime(self.first.year, self.first.month, self.first.day, tzinfo=CITY_TZ)

    @property
    def end(self) -> datetime:
        """The instant after the period (exclusive)."""
        nxt = self.last + timedelta(days=1)
        return datetime(nxt.year, nxt.month, nxt.day, tzinfo=CITY_TZ)

    @property
    def label(self) -> str:
        if self.kind == "day":
            return f"{self.first:%Y-%m-%d}"
        if self.kind == "month":
            return f"{self.first:%Y-%m}"
        return f"{self.first:%Y-%m-%d} – {self.last:%Y-%m-%d}"

    def previous(self) -> Period:
        """The period of the same kind just before this one (for trends)."""
        if self.kind == "month":
            prev_last = self.first - timedelta(days=1)
            return month_period(prev_last.year, prev_last.month)
        span = (self.last - self.first).days + 1
        return Period(self.kind, self.first - timedelta(days=span), self.first - timedelta(1))


def day_period(d: date) -> Period:
    return Period("day", d, d)


def month_period(year: int, month: int) -> Period:
    last = _calendar.monthrange(year, month)[1]
    return Period("month", date(year, month, 1), date(year, month, last))


def parse_day(text: str) -> Period:
    """``YYYY-MM-DD`` → a day period; a clear ValueError otherwise."""
    try:
        return day_period(datetime.strptime(text.strip(), "%Y-%m-%d").date())
    except ValueError as exc:
        raise ValueError(f"expected a date as YYYY-MM-DD, got {text!r}") from exc


def parse_month(text: str) -> Period:
    """``YYYY-MM`` → a month period; a clear ValueError otherwise."""
    try:
        d = datetime.strptime(text.strip(), "%Y-%m").date()
    except ValueError as exc:
        raise ValueError(f"expected a month as YYYY-MM, got {text!r}") from exc
    return month_period(d.year, d.month)


# --- dimensions ---------------------------------------------------------------------------


class Dimension(StrEnum):
    TOTAL = "total"
    UNIT = "unit"
    DISTRICT = "district"
    CLASS = "class"
    CHANNEL = "channel"
    DAY = "day"
    MONTH = "month"


# --- metrics ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Metric:
    """One figure: ``numerator`` and ``denominator`` are 0/1 (or, for an average, a
    measure) per cohort case, summed over a group."""

    key: str
    title: str  # English; the UI translates it
    formula: str  # one line: numerator ÷ denominator, shown in tooltips and reports
    numerator: Callable[[Subquery], ColumnElement[Any]]
    denominator: Callable[[Subquery], ColumnElement[Any]]
    kind: str = "rate"  # rate | average_hours
    headline: bool = False
    extra: str | None = None  # a count column shown beside the rate (returns, requests)


def _dispatched(f: Subquery) -> ColumnElement[Any]:
    return and_(f.c.case_type == CaseType.DEMAND.value, f.c.dispatched_at.is_not(None))


def _due_or_met(
    due: ColumnElement[Any], met: ColumnElement[Any], f: Subquery
) -> ColumnElement[Any]:
    return and_(due.is_not(None), or_(met.is_not(None), due <= f.c.as_of))


def closure_rate_num(f: Subquery) -> ColumnElement[Any]:
    """Closure rate 办结率 numerator: cohort cases with ``closed_at`` set."""
    return _flag(f.c.closed_at.is_not(None))


def closure_rate_den(f: Subquery) -> ColumnElement[Any]:
    """Closure rate denominator: every cohort case."""
    return literal(1, Integer)


def response_rate_den(f: Subquery) -> ColumnElement[Any]:
    """Response rate 响应率 denominator: dispatched demands whose response milestone
    (``accept``, else ``contact``) was met or is due at ``as_of``."""
    return _flag(and_(_dispatched(f), _due_or_met(f.c.resp_due, f.c.resp_met, f)))


def response_rate_num(f: Subquery) -> ColumnElement[Any]:
    """Response rate numerator: of those, the milestone met by its deadline."""
    return _flag(
        and_(
            _dispatched(f),
            f.c.resp_due.is_not(None),
            f.c.resp_met.is_not(None),
            f.c.resp_met <= f.c.resp_due,
        )
    )


def ontime_den(f: Subquery) -> ColumnElement[Any]:
    """On-time closure (headline) denominator: dispatched demands with a result deadline
    in force (extensions included) that are done or due at ``as_of``."""
    return _flag(and_(_dispatched(f), _due_or_met(f.c.due_ext, f.c.done_at, f)))


def ontime_num(f: Subquery) -> ColumnElement[Any]:
    """On-time closure (headline) numerator: done by the deadline in force."""
    return _flag(
        and_(_dispatched(f), f.c.due_ext.is_not(None), f.c.done_at.is_not(None),
             f.c.done_at <= f.c.due_ext)
    )  # fmt: skip


def ontime_original_den(f: Subquery) -> ColumnElement[Any]:
    """On-time closure against the original deadline, denominator: done or due by the
    deadline before any extension."""
    return _flag(and_(_dispatched(f), _due_or_met(f.c.due_orig, f.c.done_at, f)))


def ontime_original_num(f: Subquery) -> ColumnElement[Any]:
    """On-time closure against the original deadline, numerator."""
    return _flag(
        and_(_dispatched(f), f.c.due_orig.is_not(None), f.c.done_at.is_not(None),
             f.c.done_at <= f.c.due_orig)
    )  # fmt: skip


_VERDICTS = tuple(s.value for s in Satisfaction)
_CONTENT = (Satisfaction.SATISFIED.value, Satisfaction.BASICALLY.value)


def verdict_den(f: Subquery) -> ColumnElement[Any]:
    """Satisfaction and resolution denominator: cases whose latest callback has a
    verdict (满意 / 基本满意 / 不满意)."""
    return _flag(f.c.satisfaction.in_(_VERDICTS))


def satisfaction_num(f: Subquery) -> ColumnElement[Any]:
    """Satisfaction rate 满意率 numerator: latest verdict 满意 or 基本满意."""
    return _flag(f.c.satisfaction.in_(_CONTENT))


def resolution_num(f: Subquery) -> ColumnElement[Any]:
    """Resolution rate 解决率 numerator: latest callback says solved."""
    return _flag(and_(f.c.satisfaction.in_(_VERDICTS), f.c.solved == 1))


def response_time_num(f: Subquery) -> ColumnElement[Any]:
    """Average response time numerator: Σ hours from each dispatch to the lead unit's
    first 签收 after it."""
    return case(
        (and_(_dispatched(f), f.c.response_rounds > 0), f.c.response_seconds / 3600.0),
        else_=0,
    )


def response_time_den(f: Subquery) -> ColumnElement[Any]:
    """Average response time denominator: the acknowledged dispatch rounds."""
    return case((_dispatched(f), f.c.response_rounds), else_=0)


def improper_num(f: Subquery) -> ColumnElement[Any]:
    """Improper return rate 不当退单率 numerator: dispatched demands with a refused return."""
    return _flag(and_(_dispatched(f), f.c.improper_returns > 0))


def dispatched_den(f: Subquery) -> ColumnElement[Any]:
    """Return and extension rates' denominator: dispatched demands."""
    return _flag(_dispatched(f))


def returned_num(f: Subquery) -> ColumnElement[Any]:
    """Return rate 退单率 numerator: dispatched demands returned at least once."""
    return _flag(and_(_dispatched(f), f.c.returns > 0))


def extended_num(f: Subquery) -> ColumnElement[Any]:
    """Extension rate 延期率 numerator: dispatched demands with an approved extension."""
    return _flag(and_(_dispatched(f), f.c.ext_approved > 0))


METRICS: tuple[Metric, ...] = (
    Metric(
        "closure_rate", "Closure rate",
        "cases closed ÷ cases received in the period",
        closure_rate_num, closure_rate_den,
    ),
    Metric(
        "response_rate", "Response rate",
        "dispatched demands acknowledged (签收, or contacted for urgent cases) by the "
        "response deadline ÷ dispatched demands whose response was made or due",
        response_rate_num, response_rate_den,
    ),
    Metric(
        "ontime_rate", "On-time closure rate",
        "dispatched demands with the final result by the deadline in force (approved "
        "extensions included) ÷ dispatched demands done or due",
        ontime_num, ontime_den, headline=True,
    ),
    Metric(
        "ontime_original_rate", "On-time closure rate (original deadline)",
        "dispatched demands with the final result by the original deadline (before any "
        "extension) ÷ dispatched demands done or originally due",
        ontime_original_num, ontime_original_den,
    ),
    Metric(
        "satisfaction_rate", "Satisfaction rate",
        "cases whose latest callback was satisfied or basically satisfied ÷ cases with a "
        "callback verdict",
        satisfaction_num, verdict_den,
    ),
    Metric(
        "resolution_rate", "Resolution rate",
        "cases whose latest callback says the problem was solved ÷ cases with a callback "
        "verdict",
        resolution_num, verdict_den,
    ),
    Metric(
        "avg_response_hours", "Average response time (h)",
        "Σ hours from each dispatch to the lead unit's first acknowledgement after it ÷ "
        "dispatch rounds acknowledged",
        response_time_num, response_time_den, kind="average_hours",
    ),
    Metric(
        "return_rate", "Return rate",
        "dispatched demands returned (退单) at least once ÷ dispatched demands",
        returned_num, dispatched_den, extra="returns",
    ),
    Metric(
        "improper_return_rate", "Improper return rate",
        "dispatched demands with a return the centre refused (不当退单) ÷ dispatched demands",
        improper_num, dispatched_den, extra="improper_returns",
    ),
    Metric(
        "extension_rate", "Extension rate",
        "dispatched demands with an approved extension ÷ dispatched demands",
        extended_num, dispatched_den, extra="ext_requested",
    ),
)  # fmt: skip
METRIC_BY_KEY = {m.key: m for m in METRICS}


def dimension_column(f: Subquery, dim: Dimension) -> ColumnElement[Any]:
    return {
        Dimension.TOTAL: literal("all"),
        Dimension.UNIT: f.c.unit_id,
        Dimension.DISTRICT: f.c.district_id,
        Dimension.CLASS: f.c.class_code,
        Dimension.CHANNEL: f.c.channel,
        Dimension.DAY: f.c.day,
        Dimension.MONTH: f.c.month,
    }[dim]


def aggregate(f: Subquery, dim: Dimension) -> Select[Any]:
    """One row per group: the group key, then numerator and denominator of every metric
    (in METRICS order), then the extra counts (returns, extensions requested)."""
    key = dimension_column(f, dim)
    return select(key.label("key"), *_sums(f)).group_by(key)


def _sums(f: Subquery) -> list[ColumnElement[Any]]:
    cols: list[ColumnElement[Any]] = []
    for m in METRICS:
        cols.append(func.sum(m.numerator(f)).label(f"{m.key}__num"))
        cols.append(func.sum(m.denominator(f)).label(f"{m.key}__den"))
    cols.append(func.sum(cast(f.c.returns, Integer)).label("returns"))
    cols.append(func.sum(cast(f.c.ext_requested, Integer)).label("ext_requested"))
    return cols


def aggregate_sets(f: Subquery, dims: Sequence[Dimension]) -> Select[Any]:
    """PostgreSQL: several dimensions in one pass over the cohort (GROUPING SETS); each
    row has the dimension columns and ``g_<dim>`` = 0 for the dimension it groups by."""
    keys = [dimension_column(f, d) for d in dims]
    cols: list[ColumnElement[Any]] = []
    for d, k in zip(dims, keys, strict=True):
        cols.append(k.label(f"k_{d.value}"))
        cols.append(func.grouping(k).label(f"g_{d.value}"))
    return select(*cols, *_sums(f)).group_by(func.grouping_sets(*keys))


def drill(f: Subquery, dim: Dimension, value: object, metric: str, part: str) -> Select[Any]:
    """The case ids behind one figure: ``part`` is ``numerator`` or ``denominator``."""
    m = METRIC_BY_KEY[metric]
    expr = m.numerator(f) if part == "numerator" else m.denominator(f)
    if m.kind == "average_hours" and part == "numerator":
        expr = m.denominator(f)  # the cases whose hours are summed
    q = select(f.c.id).where(expr > 0)
    if dim != Dimension.TOTAL:
        col = dimension_column(f, dim)
        q = q.where(col.is_(None) if value is None else col == value)
    return q.order_by(f.c.id)


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    numerator: float
    denominator: int

    @property
    def value(self) -> float | None:
        """The rate (0..1) or the average; None when nothing was counted."""
        return None if not self.denominator else self.numerator / self.denominator


@dataclass(frozen=True)
class RateRow:
    key: str | int | None
    label: str
    figures: dict[str, Figure]
    returns: int = 0
    ext_requested: int = 0

    def value(self, metric: str) -> float | None:
        return self.figures[metric].value


@dataclass(frozen=True)
class RateTable:
    period: Period
    dimension: Dimension
    as_of: datetime
    rows: tuple[RateRow, ...]
    total: RateRow | None = None
    metrics: tuple[str, ...] = field(default_factory=lambda: tuple(m.key for m in METRICS))


def format_value(metric: str, value: float | None) -> str:
    if value is None:
        return "—"
    if METRIC_BY_KEY[metric].kind == "average_hours":
        return f"{value:.1f}"
    return f"{value * 100:.1f}%"
