"""Assessment figures over a Session: rate tables per dimension, their drill-down to
case ids and case rows, and the volumes of a period. The formulas live in
``console.queries.assessment``; this module keeps the summary table (``case_facts``) current and
aggregates it (one query per table; GROUPING SETS on PostgreSQL)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from console.domain.clock import now_utc
from console.models import (
    BusinessClass,
    Case,
    CaseEvent,
    CaseFacts,
    Channel,
    FactsWatermark,
    HandlingUnit,
    Region,
)
from console.queries.assessment import (
    FACT_COLUMNS,
    METRICS,
    Dimension,
    Figure,
    Period,
    RateRow,
    RateTable,
    aggregate,
    aggregate_sets,
    drill,
    facts,
    live_facts,
)


@dataclass(frozen=True)
class CaseRow:
    """One line of a drill-down list."""

    id: int
    number: str
    title: str
    status: str
    case_type: str
    urgency: str
    unit: str
    district: str
    received_at: datetime
    closed_at: datetime | None


@dataclass(frozen=True)
class Volumes:
    total: int
    by_channel: tuple[tuple[str, str, int], ...]  # (code, name, count)
    by_type: tuple[tuple[str, int], ...]  # (case_type, count)
    by_class: tuple[tuple[str, str, int], ...]
    urgent: int


REFRESH_CHUNK = 20_000


def _upsert_facts(s: Session, dialect: str, cases: Any) -> None:
    from sqlalchemy.dialects import postgresql, sqlite

    ins_fn = postgresql.insert if dialect == "postgresql" else sqlite.insert
    ins = ins_fn(CaseFacts).from_select(list(FACT_COLUMNS), live_facts(dialect, cases))
    s.execute(
        ins.on_conflict_do_update(
            index_elements=["case_id"], set_={c: ins.excluded[c] for c in FACT_COLUMNS[1:]}
        )
    )


def upsert_facts_sql(ids_sql: str) -> str:
    """The facts upsert as PostgreSQL text, every table schema-qualified, for the
    database's own refresh function (console/services/dbguards/): the case ids come
    from the SQL expression ``ids_sql`` (an integer array)."""
    from sqlalchemy import literal_column
    from sqlalchemy.dialects import postgresql

    cases = select(func.unnest(literal_column(ids_sql)).column_valued("id"))
    ins = postgresql.insert(CaseFacts).from_select(
        list(FACT_COLUMNS), live_facts("postgresql", cases)
    )
    stmt = ins.on_conflict_do_update(
        index_elements=["case_id"], set_={c: ins.excluded[c] for c in FACT_COLUMNS[1:]}
    )
    return str(
        stmt.compile(
            dialect=postgresql.dialect(),
            schema_translate_map={None: "public"},
            render_schema_translate=True,
            compile_kwargs={"literal_binds": True},
        )
    )


def _refresh_in_database(sessions: sessionmaker[Session], full: bool) -> int | None:
    """On PostgreSQL, a login (not the schema owner) cannot write the figures: the
    database refreshes them itself (``hotline_refresh_facts``, with its owner's rights,
    from the history only). None: this session writes them (SQLite, the owner)."""
    with sessions() as s, s.begin():
        if _dialect(s) != "postgresql":
            return None
        fn = s.execute(text("SELECT to_regprocedure('public.hotline_refresh_facts(boolean)')"))
        if fn.scalar() is None or s.execute(text("SELECT public.hotline_role()")).scalar() in (
            "owner",
        ):
            return None
        return int(
            s.execute(text("SELECT public.hotline_refresh_facts(:f)"), {"f": full}).scalar_one()
        )


def refresh_facts(sessions: sessionmaker[Session], *, full: bool = False) -> int:
    """Bring ``case_facts`` up to date: recompute the cases with events, or created,
    after the watermark (all cases when ``full`` or the first time), in short
    transactions of at most REFRESH_CHUNK cases. Returns how many cases were recomputed.

    A deadline recomputed without any event (an administrator's ``sla recompute`` after
    a calendar change) is picked up with the case's next event, or by a full refresh."""
    in_database = _refresh_in_database(sessions, full)
    if in_database is not None:
        return in_database
    with sessions() as s:
        dialect = _dialect(s)
        wm = s.get(FactsWatermark, 1)
        seen_event, seen_case = (wm.event_id, wm.case_id) if wm else (0, 0)
        max_event = s.execute(select(func.max(CaseEvent.id))).scalar() or 0
        max_case = s.execute(select(func.max(Case.id))).scalar() or 0
        if not full and (max_event, max_case) == (seen_event, seen_case):
            return 0
        if full or (seen_event, seen_case) == (0, 0):
            ids: list[int] | None = None
        else:
            ids = sorted(
                set(
                    s.scalars(
                        select(CaseEvent.case_id).where(
                            CaseEvent.id > seen_event, CaseEvent.id <= max_event
                        )
                    )
                )
                | set(s.scalars(select(Case.id).where(Case.id > seen_case, Case.id <= max_case)))
            )
    done = 0
    if ids is None:  # everything, by ranges of ids
        lo = 0
        while lo < max_case:
            hi = lo + REFRESH_CHUNK
            with sessions() as s, s.begin():
                _upsert_facts(s, dialect, select(Case.id).where(Case.id > lo, Case.id <= hi))
            lo = hi
        done = max_case
    else:
        for i in range(0, len(ids), REFRESH_CHUNK):
            chunk = ids[i : i + REFRESH_CHUNK]
            with sessions() as s, s.begin():
                _upsert_facts(s, dialect, select(Case.id).where(Case.id.in_(chunk)))
        done = len(ids)
    with sessions() as s, s.begin():
        q = select(FactsWatermark).where(FactsWatermark.id == 1)
        wm = s.scalars(q.with_for_update() if dialect == "postgresql" else q).first()
        if wm is None:
            wm = FactsWatermark(id=1, event_id=0, case_id=0)
            s.add(wm)
        wm.event_id = max(wm.event_id or 0, max_event)
        wm.case_id = max(wm.case_id or 0, max_case)
        wm.refreshed_at = now_utc()
    return done


class Labels:
    """Names of the dimension values (small reference tables, read once per call)."""

    def __init__(self, s: Session) -> None:
        self.units = {k: v for k, v in s.execute(select(HandlingUnit.id, HandlingUnit.name))}
        self.regions = {k: v for k, v in s.execute(select(Region.id, Region.name))}
        self.classes = {k: v for k, v in s.execute(select(BusinessClass.code, BusinessClass.name))}
        self.channels = {k: v for k, v in s.execute(select(Channel.code, Channel.name))}

    def name(self, dim: Dimension, key: object) -> str:
        if key is None:
            return "—"
        if dim == Dimension.UNIT:
            return self.units.get(int(str(key)), str(key))
        if dim == Dimension.DISTRICT:
            return self.regions.get(int(str(key)), str(key))
        if dim == Dimension.CLASS:
            return self.classes.get(str(key), str(key))
        if dim == Dimension.CHANNEL:
            return self.channels.get(str(key), str(key))
        return str(key)


def _dialect(s: Session) -> str:
    return s.get_bind().dialect.name


def _row(r: Any, dim: Dimension, key: object, labels: Labels) -> RateRow:
    figures = {
        m.key: Figure(float(r[f"{m.key}__num"] or 0), int(r[f"{m.key}__den"] or 0)) for m in METRICS
    }
    return RateRow(
        key=key if key is None or isinstance(key, int | str) else str(key),
        label=labels.name(dim, key),
        figures=figures,
        returns=int(r["returns"] or 0),
        ext_requested=int(r["ext_requested"] or 0),
    )


def _sorted(rows: list[RateRow], dim: Dimension) -> list[RateRow]:
    if dim in (Dimension.DAY, Dimension.MONTH):
        rows.sort(key=lambda x: str(x.key))
    else:
        rows.sort(key=lambda x: (-x.figures["closure_rate"].denominator, x.label))
    return rows


def rate_rows(
    s: Session, period: Period, dim: Dimension, as_of: datetime, labels: Labels | None = None
) -> list[RateRow]:
    labels = labels or Labels(s)
    f = facts(_dialect(s), period.start, period.end, as_of)
    rows = [_row(r, dim, r["key"], labels) for r in s.execute(aggregate(f, dim)).mappings()]
    return _sorted(rows, dim)


def rate_rows_sets(
    s: Session,
    period: Period,
    dims: Sequence[Dimension],
    as_of: datetime,
    labels: Labels | None = None,
) -> dict[Dimension, list[RateRow]]:
    """Several dimensions of one cohort: one pass with GROUPING SETS on PostgreSQL, one
    query per dimension elsewhere. Same figures either way."""
    labels = labels or Labels(s)
    if _dialect(s) != "postgresql" or len(dims) < 2:
        return {d: rate_rows(s, period, d, as_of, labels) for d in dims}
    f = facts("postgresql", period.start, period.end, as_of)
    out: dict[Dimension, list[RateRow]] = {d: [] for d in dims}
    for r in s.execute(aggregate_sets(f, dims)).mappings():
        for d in dims:
            if r[f"g_{d.value}"] == 0:
                out[d].append(_row(r, d, r[f"k_{d.value}"], labels))
                break
    return {d: _sorted(rows, d) for d, rows in out.items()}


def total_of(rows: Sequence[RateRow], label: str = "all") -> RateRow | None:
    """The whole cohort's figures from any partition of it: numerators and denominators
    are counts (or sums of hours) per case, so they add up; no second query."""
    if not rows:
        return None
    figures = {
        m.key: Figure(
            sum(r.figures[m.key].numerator for r in rows),
            sum(r.figures[m.key].denominator for r in rows),
        )
        for m in METRICS
    }
    return RateRow(
        "all", label, figures, sum(r.returns for r in rows), sum(r.ext_requested for r in rows)
    )


class AssessmentService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def rate_table(
        self, period: Period, dim: Dimension, as_of: datetime | None = None
    ) -> RateTable:
        as_of = as_of or now_utc()
        refresh_facts(self.sessions)
        with self.sessions() as s:
            labels = Labels(s)
            rows = rate_rows(s, period, dim, as_of, labels)
        total = total_of(rows)
        return RateTable(period, dim, as_of, tuple(rows), total)

    def drill_ids(
        self,
        period: Period,
        dim: Dimension,
        key: object,
        metric: str,
        part: str,
        as_of: datetime,
    ) -> list[int]:
        """The case ids behind a figure (``part``: numerator | denominator)."""
        refresh_facts(self.sessions)
        with self.sessions() as s:
            f = facts(_dialect(s), period.start, period.end, as_of)
            return list(s.scalars(drill(f, dim, key, metric, part)))

    def case_rows(self, ids: Sequence[int], limit: int = 5000) -> list[CaseRow]:
        out: list[CaseRow] = []
        with self.sessions() as s:
            labels = Labels(s)
            wanted = list(ids)[:limit]
            for i in range(0, len(wanted), 900):
                chunk = wanted[i : i + 900]
                for c in s.execute(
                    select(
                        Case.id, Case.number, Case.title, Case.status, Case.case_type,
                        Case.urgency, Case.unit_id, Case.district_id, Case.created_at,
                        Case.closed_at,
                    ).where(Case.id.in_(chunk))
                ):  # fmt: skip
                    out.append(
                        CaseRow(
                            c.id, c.number, c.title, c.status, c.case_type, c.urgency,
                            labels.units.get(c.unit_id, "") if c.unit_id else "",
                            labels.regions.get(c.district_id, "") if c.district_id else "",
                            c.created_at, c.closed_at,
                        )
                    )  # fmt: skip
        out.sort(key=lambda r: (r.received_at, r.id))
        return out


def volumes(s: Session, period: Period, labels: Labels) -> Volumes:
    in_period = (Case.created_at >= period.start, Case.created_at < period.end)
    by_channel: dict[str, int] = {}
    by_type: dict[str, int] = {}
    by_class: dict[str, int] = {}
    urgent = 0
    total = 0
    q = (
        select(Case.channel_code, Case.case_type, Case.class_code, Case.urgency, func.count())
        .where(*in_period)
        .group_by(Case.channel_code, Case.case_type, Case.class_code, Case.urgency)
    )
    for ch, ty, cl, urg, n in s.execute(q):
        by_channel[ch] = by_channel.get(ch, 0) + n
        by_type[ty] = by_type.get(ty, 0) + n
        by_class[cl] = by_class.get(cl, 0) + n
        urgent += n if urg == "urgent" else 0
        total += n
    return Volumes(
        total=total,
        by_channel=tuple(
            (k, labels.channels.get(k, k), n)
            for k, n in sorted(by_channel.items(), key=lambda kv: -kv[1])
        ),
        by_type=tuple(sorted(by_type.items())),
        by_class=tuple(
            (k, labels.classes.get(k, k), n)
            for k, n in sorted(by_class.items(), key=lambda kv: -kv[1])
        ),
        urgent=urgent,
    )
