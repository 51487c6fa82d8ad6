"""Reports at the hotline's real size: the daily report, the monthly report and the
hotspot groups over 1,000,000 cases in PostgreSQL.

    python bench/reports.py                  # 1,000,000 cases (slow to fill: minutes)
    python bench/reports.py --cases 50000    # quick
    python bench/reports.py --reuse          # keep an already filled benchmark database

The cases come from bench/bulk.py (two years, a third of them demands); this benchmark
then adds, in set-based SQL, what the assessment reads: the SLA rows of every
dispatched demand (acceptance and result deadlines, a few approved extensions), the
lead unit's acknowledgement (签收), returns (退单), extension requests, callbacks (回访)
with satisfaction and solved verdicts, and real citizen messages (tests/data/
web-answered.xlsx) as the texts of the last 30 days' cases, so hotspots have words.

Timed (median of --repeat, after one warm-up run that also fills the keyword cache,
whose time is printed on its own): ReportService.daily for yesterday, ReportService.
monthly for the last complete month, HotspotService.build for the last 7 days.
Targets: under 1 s, 5 s and 2 s. The last line is JSON with daily_ms, monthly_ms and
hotspots_ms.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if sys.path and Path(sys.path[0]).resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)  # bench/queue.py would hide the stdlib `queue` (psycopg needs it)
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from datetime import timedelta  # noqa: E402

from sqlalchemy import func, select, text  # noqa: E402

DB_NAME = "reports"


def _url() -> str:
    from sqlalchemy.engine import make_url

    from bench.bulk import PG_ADMIN_URL

    return (
        make_url(PG_ADMIN_URL)
        .set(database=f"hotline_bench_{DB_NAME}")
        .render_as_string(hide_password=False)
    )


def _texts() -> list[tuple[str, str]]:
    import openpyxl

    wb = openpyxl.load_workbook(ROOT / "tests" / "data" / "web-answered.xlsx", read_only=True)
    ws = wb.worksheets[0]
    out = []
    for i, row in enumerate(ws.iter_rows(values_only=True)):
        if i == 0 or not row[2]:
            continue
        out.append((str(row[2]).strip()[:120], " ".join(str(row[4] or "").split())[:600]))
    wb.close()
    return out


ENRICH = [
    # deadlines: accept within 24 h of dispatch (97 % acknowledged, after 0-28 h, about
    # 4 % late); result 92 h after receipt (bulk cases close within 96 h: a few late),
    # 5 % extended by 3 days; met when the case was closed
    """
    INSERT INTO case_deadlines (case_id, milestone_code, seq, limit_unit, start_at,
        original_due_at, due_at, met_at, paused, verified)
    SELECT id, 'accept', 1, 'workdays', dispatched_at, dispatched_at + interval '24 hours',
           dispatched_at + interval '24 hours',
           CASE WHEN (id::bigint * 7919) % 1000 < 970
                THEN dispatched_at + ((id::bigint * 7919) % 1000) * ((id::bigint * 7919) % 1000)
                                     * interval '100 milliseconds' END,
           false, true
    FROM cases WHERE case_type = 'demand' AND dispatched_at IS NOT NULL
    """,
    """
    INSERT INTO case_deadlines (case_id, milestone_code, seq, limit_unit, start_at,
        original_due_at, due_at, met_at, paused, verified)
    SELECT id, 'result', 3, 'workdays', received_at, received_at + interval '92 hours',
           received_at + interval '92 hours'
             + CASE WHEN id % 20 = 0 THEN interval '3 days' ELSE interval '0' END,
           closed_at, false, true
    FROM cases WHERE case_type = 'demand' AND dispatched_at IS NOT NULL
    """,
    # the lead unit's acknowledgement at the accept milestone's met time
    """
    INSERT INTO case_events (case_id, kind, at, actor_name, station, detail)
    SELECT c.id, 'accepted', d.met_at, '', '900',
           json_build_object('unit_id', c.unit_id, 'unit_role', 'lead')
    FROM cases c JOIN case_deadlines d ON d.case_id = c.id AND d.milestone_code = 'accept'
    WHERE d.met_at IS NOT NULL
    """,
    # 3 % returned once, 5 % ask for an extension (approved), 1 % refused
    """
    INSERT INTO case_events (case_id, kind, at, actor_name, station, detail)
    SELECT id, 'returned', dispatched_at + interval '30 minutes', '', '900',
           json_build_object('unit_id', unit_id, 'unit_role', 'lead', 'reason', '非本单位职责')
    FROM cases WHERE case_type = 'demand' AND dispatched_at IS NOT NULL AND id % 33 = 1
    """,
    """
    INSERT INTO case_events (case_id, kind, at, actor_name, station, detail)
    SELECT id, 'extension_requested', received_at + interval '4 days', '', '900',
           json_build_object('unit_id', unit_id, 'milestone', 'result')
    FROM cases WHERE case_type = 'demand' AND dispatched_at IS NOT NULL
      AND (id % 20 = 0 OR id % 100 = 7)
    """,
    """
    INSERT INTO case_events (case_id, kind, at, actor_name, station, detail)
    SELECT id, CASE WHEN id % 20 = 0 THEN 'extension_approved' ELSE 'extension_refused' END,
           received_at + interval '4 days 2 hours', '', '900',
           json_build_object('milestone', 'result')
    FROM cases WHERE case_type = 'demand' AND dispatched_at IS NOT NULL
      AND (id % 20 = 0 OR id % 100 = 7)
    """,
    # callbacks of 60 % of the closed demands: 90 % satisfied, 6 % basically, 4 % not
    """
    INSERT INTO case_events (case_id, kind, at, actor_name, station, detail)
    SELECT id, 'visited', closed_at + interval '1 day', '', '900',
           json_build_object(
             'satisfaction', CASE WHEN (id * 31) % 100 < 90 THEN 'satisfied'
                                  WHEN (id * 31) % 100 < 96 THEN 'basically_satisfied'
                                  ELSE 'unsatisfied' END,
             'solved', (id * 17) % 100 < 93, 'unit_fault', false)
    FROM cases WHERE case_type = 'demand' AND closed_at IS NOT NULL AND id % 5 < 3
      AND closed_at + interval '1 day' < now()
    """,
]


def enrich(url: str, progress: object = print) -> None:
    from console.infra.database import make_engine

    # set-based statements over a million rows outlast the console's per-call deadline
    engine = make_engine(url, call_timeout_s=3600)
    started = time.perf_counter()
    with engine.begin() as c:
        c.execute(text("SET LOCAL statement_timeout = 0"))
        for i, sql in enumerate(ENRICH, 1):
            c.execute(text(sql))
            print(f"  enrich step {i}/{len(ENRICH)} ({time.perf_counter() - started:.0f} s)")
        # real citizen messages as the recent cases' texts (hotspots need words)
        texts = _texts()
        c.execute(text("CREATE TEMP TABLE bench_texts (n int, title text, body text)"))
        c.execute(
            text("INSERT INTO bench_texts VALUES (:n, :t, :b)"),
            [{"n": i, "t": t, "b": b} for i, (t, b) in enumerate(texts)],
        )
        c.execute(
            text(
                "UPDATE cases SET title = left(t.title, 120), description = t.body "
                "FROM bench_texts t WHERE t.n = (cases.id * 7) % :k "
                "AND cases.created_at > now() - interval '30 days'"
            ),
            {"k": len(texts)},
        )
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        for t in ("cases", "case_events", "case_deadlines"):
            c.execute(text(f"VACUUM ANALYZE {t}"))
    engine.dispose()
    print(f"  enriched in {time.perf_counter() - started:.1f} s")


def _ensure_summary_tables(url: str) -> None:
    """A database filled before migration 0007 gained the summary table: add it."""
    from console.infra.database import make_engine
    from console.models import CaseFacts, FactsWatermark

    engine = make_engine(url)
    CaseFacts.metadata.create_all(
        engine,
        tables=[CaseFacts.__table__, FactsWatermark.__table__],  # type: ignore[list-item]
    )
    engine.dispose()


def prepare(n: int, reuse: bool) -> str:
    from bench.bulk import bulk_cases, fresh_database
    from console.infra.database import make_engine, make_session_factory
    from console.models import Case, CaseDeadline

    if reuse:
        url = _url()
        try:
            engine = make_engine(url)
            with make_session_factory(engine)() as s:
                have = s.execute(select(func.count()).select_from(Case)).scalar_one()
                enriched = s.execute(select(CaseDeadline.case_id).limit(1)).first() is not None
            engine.dispose()
        except Exception as exc:  # noqa: BLE001 - fall through to a fresh database
            print(f"postgresql: cannot reuse ({exc.__class__.__name__}); filling afresh")
        else:
            if have >= n:
                print(f"postgresql: reusing {have:,} cases")
                _ensure_summary_tables(url)
                if not enriched:  # filled, but the enrichment did not finish
                    enrich(url)
                return url
    print(f"postgresql: filling {n:,} cases …")
    url = fresh_database("postgresql", DB_NAME)
    bulk_cases(url, n)
    enrich(url)
    return url


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--reuse", action="store_true", help="reuse a filled benchmark database")
    args = p.parse_args()

    from console.domain.clock import now_utc, to_local
    from console.infra.database import make_engine, make_session_factory
    from console.services.hotspots import HotspotService
    from console.services.reports import ReportService

    url = prepare(args.cases, args.reuse)
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    reports = ReportService(sessions)
    hot = HotspotService(sessions)
    today = to_local(now_utc()).date()
    day = today - timedelta(days=1)
    last_month_end = today.replace(day=1) - timedelta(days=1)

    from console.services.assessment import refresh_facts

    t0 = time.perf_counter()
    n_facts = refresh_facts(sessions)
    print(
        f"summary table (case_facts) brought up to date: {n_facts:,} cases recomputed in "
        f"{time.perf_counter() - t0:.1f} s (every case on the first run)"
    )
    t0 = time.perf_counter()
    first = hot.build(days=7)
    print(
        f"hotspots cold (keywords of {first.extracted:,} cases extracted and cached): "
        f"{(time.perf_counter() - t0) * 1000:.0f} ms"
    )
    t0 = time.perf_counter()
    reports.monthly(last_month_end.year, last_month_end.month)  # its own hotspot window
    print(f"monthly cold: {(time.perf_counter() - t0) * 1000:.0f} ms")

    figures: dict[str, list[float]] = {"daily_ms": [], "monthly_ms": [], "hotspots_ms": []}
    daily = monthly = None
    hs = first
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        daily = reports.daily(day)
        figures["daily_ms"].append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        monthly = reports.monthly(last_month_end.year, last_month_end.month)
        figures["monthly_ms"].append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        hs = hot.build(days=7)
        figures["hotspots_ms"].append((time.perf_counter() - t0) * 1000)
    assert daily is not None and monthly is not None
    mtd = daily.rates_month_to_date
    print(
        f"daily {day}: {daily.volumes.total:,} cases, {daily.urgent_total} urgent, "
        f"{daily.breaches_total} breaches, {len(daily.hotspots.groups)} hotspot groups"
    )
    if mtd is not None:
        print(
            "  month to date: "
            + ", ".join(
                f"{k} {v.value * 100:.1f}%" if v.value is not None else f"{k} —"
                for k, v in mtd.figures.items()
                if k != "avg_response_hours"
            )
            + f", avg response {mtd.figures['avg_response_hours'].value or 0:.1f} h"
        )
    print(
        f"monthly {monthly.month}: {monthly.volumes.total:,} cases, {len(monthly.units)} "
        f"units ranked, {len(monthly.by_month)} months of trend, "
        f"{len(monthly.categories)} categories"
    )
    print(f"hotspots: {hs.cases:,} cases in the window, {len(hs.groups)} groups")
    for k, v in figures.items():
        print(f"{k}: median {statistics.median(v):.0f} (runs {', '.join(f'{x:.0f}' for x in v)})")
    engine.dispose()
    print(json.dumps({k: round(statistics.median(v), 1) for k, v in figures.items()}))


if __name__ == "__main__":
    main()
