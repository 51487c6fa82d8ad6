"""Closing the loop at the hotline's size: a unit's inbox, the centre's review list, the
extension requests, the supervisors' overdue list and the callback queue, each one query
of the real services over a database of --cases cases (PostgreSQL by default).

    python bench/loop.py                     # 1,000,000 cases on PostgreSQL
    python bench/loop.py --cases 100000      # quicker
    python bench/loop.py --engine sqlite

Median of --repeat runs per list. The last line is one JSON object with ``cases``,
``inbox_ms`` (the busiest unit's inbox), ``review_ms``, ``extensions_ms``,
``overdue_ms`` and ``callbacks_ms``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if sys.path and Path(sys.path[0]).resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)  # bench/queue.py would hide the stdlib `queue` psycopg needs
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

from sqlalchemy import func, select  # noqa: E402

from bench.bulk import bulk_cases, fresh_database  # noqa: E402
from console.domain.lifecycle import WITH_UNITS  # noqa: E402
from console.domain.workcalendar import WorkCalendar  # noqa: E402
from console.infra.database import make_engine, make_session_factory  # noqa: E402
from console.models import Case  # noqa: E402
from console.services.callbacks import CallbackService  # noqa: E402
from console.services.supervision import SupervisionService  # noqa: E402
from console.services.units import UnitService  # noqa: E402


def median_ms(fn: Callable[[], Any], repeat: int) -> tuple[float, int]:
    times, n = [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        n = len(fn())
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 1), n


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--engine", choices=("postgresql", "sqlite"), default="postgresql")
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args()
    url = fresh_database(args.engine, "loop")
    t = time.perf_counter()
    bulk_cases(url, args.cases, progress=lambda m: print(m, flush=True))
    print(f"{args.cases} cases written in {time.perf_counter() - t:.0f} s", flush=True)
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    with sessions() as s:
        if engine.dialect.name == "postgresql":
            s.connection().exec_driver_sql("ANALYZE")
        busiest = s.execute(
            select(Case.unit_id, func.count())
            .where(Case.status.in_(sorted(WITH_UNITS)), Case.unit_id.is_not(None))
            .group_by(Case.unit_id)
            .order_by(func.count().desc())
            .limit(1)
        ).first()
    assert busiest is not None and busiest[0] is not None
    unit, with_unit = int(busiest[0]), int(busiest[1])
    cal = WorkCalendar()
    units = UnitService(sessions, lambda: cal, lambda: "900")
    callbacks = CallbackService(sessions, lambda: cal, lambda: "900")
    supervision = SupervisionService(sessions, lambda: "900")
    figures: dict[str, Any] = {"cases": args.cases, "engine": args.engine}
    for key, fn in (
        ("inbox_ms", lambda: units.inbox(unit)),
        ("review_ms", units.awaiting_centre),
        ("extensions_ms", units.pending_extensions),
        ("overdue_ms", supervision.overdue),
        ("callbacks_ms", callbacks.queue),
    ):
        ms, rows = median_ms(fn, args.repeat)
        figures[key] = ms
        print(f"{key[:-3]:<11} {ms:8.1f} ms  ({rows} rows)", flush=True)
    print(f"busiest unit #{unit}: {with_unit} cases with it", flush=True)
    engine.dispose()
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
