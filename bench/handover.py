"""Time to build a shift handover: a shift of 3,000 cases on a database of 1,000,000,
on PostgreSQL.

    python bench/handover.py [--cases 1000000] [--shift-cases 3000] [--runs 5] [--reuse]

The database (``hotline_bench_handover``) is filled by bench/bulk.py with
``cases - shift_cases`` cases over two years (3 % of them open, received in the last
days, deadlines around the shift), then ``shift_cases`` cases received during one
morning shift (08:00-16:00 yesterday, local): consultations mostly closed on the call,
some awaiting a callback, demands dispatched, some closed, some overdue.

Measured, median of ``--runs``:

- ``build``: reading and deciding the handover (open cases, the shift's events,
  figures, item details), nothing stored;
- ``open``: what the supervisor waits for when opening the handover: build plus the
  draft written (items and groups inserted); the draft is deleted between runs;
- ``rebuild``: opening it again (items merged with the supervisor's notes).

The last line is JSON: ``build_ms`` is the median of ``open`` (build + store).
"""

from __future__ import annotations

import sys
from pathlib import Path

# the project root replaces the bench directory, whose queue.py shadows the stdlib's
sys.path[0] = str(Path(__file__).resolve().parents[1])

import argparse  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from datetime import UTC, date, datetime, timedelta  # noqa: E402

from sqlalchemy import delete, func, select  # noqa: E402

from bench.bulk import (  # noqa: E402
    CASE_COLUMNS,
    EVENT_COLUMNS,
    _copy_value,
    _refs,
    bulk_cases,
    fresh_database,
)
from console.domain.clock import CITY_TZ  # noqa: E402
from console.domain.identity import Identity  # noqa: E402
from console.domain.shifts import window  # noqa: E402
from console.infra.database import make_engine, make_session_factory, normalize_url  # noqa: E402
from console.models import Agent, Case, Handover, HandoverGroup, HandoverItem  # noqa: E402
from console.services.handover import HandoverService, build  # noqa: E402
from console.services.reference import load_shifts  # noqa: E402

STATION = "899"  # the shift's cases: a station of their own (bulk uses 900-999)


def shift_rows(
    n: int, refs: dict[str, list[int]], start: datetime, end: datetime, seed: int = 7
) -> list[tuple[tuple[object, ...], list[tuple[str, datetime]]]]:
    rnd = random.Random(seed)
    span = int((end - start).total_seconds())
    channels = ("phone_12345",) * 6 + ("enterprise_line", "wechat", "gov_website")
    out: list[tuple[tuple[object, ...], list[tuple[str, datetime]]]] = []
    day = (start + timedelta(hours=8)).strftime("%y%m%d")
    for i in range(n):
        received = start + timedelta(seconds=rnd.randrange(span))
        demand = rnd.random() < 0.35
        r = rnd.random()
        events: list[tuple[str, datetime]] = [("created", received)]
        closed = dispatched = due = None
        if not demand:
            if r < 0.85:
                status, closed = "closed", received
                events.append(("closed_directly", received))
            else:
                status, due = "received", received + timedelta(hours=rnd.choice((2, 24, 48)))
        else:
            dispatched = received + timedelta(minutes=rnd.randrange(2, 40))
            events.append(("dispatched", min(dispatched, end)))
            if r < 0.1:
                status, due = "received", received + timedelta(hours=1)
                events.pop()
                dispatched = None
            elif r < 0.3:
                status, closed = "closed", min(dispatched + timedelta(hours=3), end)
                events.append(("closed", closed))
            else:
                status = rnd.choice(("dispatched", "accepted", "in_progress"))
                due = received + timedelta(hours=rnd.choice((1, 2, 12, 24, 72)))
        row = (
            uuid.UUID(int=rnd.getrandbits(128), version=4), f"{day}-{STATION}-{i + 1:04d}",
            STATION, rnd.choice(channels), "demand" if demand else "consultation",
            rnd.choice(("complaint", "help", "report")) if demand else "policy",
            rnd.choice(("consumer", "enterprise", "city", "livelihood", "environment")),
            rnd.choice(refs["categories"]), rnd.choice(refs["districts"]),
            rnd.choice(refs["towns"]), "测试路1号", "", "13800138000", False, False, "", "",
            "本班测试事项", "本班测试事项", "", "urgent" if rnd.random() < 0.03 else "normal",
            status, rnd.choice(refs["agents"]), rnd.choice(refs["agents"]),
            rnd.choice(refs["units"]) if dispatched else None, rnd.choice(refs["policies"]),
            "result" if due else None, due, due, received, received, closed or received,
            dispatched, closed, 1,
        )  # fmt: skip
        out.append((row, events))
    return out


def insert_shift(
    url: str, rows: list[tuple[tuple[object, ...], list[tuple[str, datetime]]]]
) -> None:
    u = normalize_url(url)
    if u.get_backend_name() != "postgresql":
        raise SystemExit("the shift's cases are inserted with COPY: PostgreSQL only")
    import psycopg

    with psycopg.connect(u.set(drivername="postgresql").render_as_string(hide_password=False)) as c:
        with c.cursor() as cur:
            cur.execute("SELECT COALESCE(MAX(id), 0) FROM cases")
            first = (cur.fetchone() or (0,))[0] + 1
            buf = io.StringIO()
            for row, _ in rows:
                buf.write("\t".join(_copy_value(v) for v in row) + "\n")
            with cur.copy(f"COPY cases ({', '.join(CASE_COLUMNS)}) FROM STDIN") as cp:
                cp.write(buf.getvalue())
            buf = io.StringIO()
            for k, (_, evs) in enumerate(rows):
                for kind, at in evs:
                    buf.write(f"{first + k}\t{kind}\t{at.isoformat()}\t\\N\t\t{STATION}\t{{}}\n")
            with cur.copy(f"COPY case_events ({', '.join(EVENT_COLUMNS)}) FROM STDIN") as cp:
                cp.write(buf.getvalue())
        c.commit()
        c.autocommit = True
        c.execute("VACUUM ANALYZE cases")
        c.execute("VACUUM ANALYZE case_events")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=1_000_000, help="cases in the database")
    ap.add_argument("--shift-cases", type=int, default=3_000, help="cases received in the shift")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--reuse", action="store_true", help="keep the database of a previous run")
    args = ap.parse_args()

    yesterday = datetime.now(CITY_TZ).date() - timedelta(days=1)
    url = "postgresql+psycopg://postgres@127.0.0.1:5432/hotline_bench_handover"
    if not args.reuse:
        url = fresh_database("postgresql", "handover")
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    with sessions() as s:
        shifts = load_shifts(s)
        morning = next(d for d in shifts if d.code == "morning")
        w = window(morning, date.fromisoformat(str(yesterday)))
        have = int(s.execute(select(func.count()).select_from(Case)).scalar_one())
        admin = s.scalars(select(Agent).where(Agent.username == "admin")).one()
        who = Identity(admin.id, admin.username, admin.display_name, "admin")
    taken = w.end - timedelta(minutes=10)
    if not args.reuse or have == 0:
        print(f"filling {args.cases - args.shift_cases:,} cases over two years …")
        bulk_cases(url, args.cases - args.shift_cases, now=w.end.astimezone(UTC))
        print(
            f"adding {args.shift_cases:,} cases received during {w.start:%Y-%m-%d %H:%M}–"
            f"{w.end:%H:%M} …"
        )
        insert_shift(url, shift_rows(args.shift_cases, _refs(url), w.start, taken))
    with sessions() as s:
        total = int(s.execute(select(func.count()).select_from(Case)).scalar_one())
        in_shift = int(
            s.execute(
                select(func.count())
                .select_from(Case)
                .where(Case.received_at >= w.start, Case.received_at < w.end)
            ).scalar_one()
        )
    print(f"database: {total:,} cases, {in_shift:,} received during the shift")

    svc = HandoverService(sessions)

    def drop() -> None:
        with sessions() as s, s.begin():
            ids = list(s.scalars(select(Handover.id)))
            s.execute(delete(HandoverItem).where(HandoverItem.handover_id.in_(ids)))
            s.execute(delete(HandoverGroup).where(HandoverGroup.handover_id.in_(ids)))
            s.execute(delete(Handover).where(Handover.id.in_(ids)))

    builds: list[float] = []
    opens: list[float] = []
    rebuilds: list[float] = []
    listed = grouped = open_total = 0
    for i in range(args.runs):
        with sessions() as s:
            t = time.perf_counter()
            b = build(s, shifts, w, taken)
            builds.append((time.perf_counter() - t) * 1000)
        drop()
        t = time.perf_counter()
        v = svc.prepare(who, now=taken, shift_code="morning", day=w.day)
        opens.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        svc.prepare(who, now=taken, shift_code="morning", day=w.day)
        rebuilds.append((time.perf_counter() - t) * 1000)
        listed, grouped, open_total = len(v.items), v.grouped, v.figures.open_total
        print(
            f"  run {i + 1}: build {builds[-1]:.0f} ms, open {opens[-1]:.0f} ms, "
            f"rebuild {rebuilds[-1]:.0f} ms ({len(b.listed):,} listed)"
        )
    drop()
    engine.dispose()
    med = statistics.median
    print(
        f"handover of {w.shift.name} {w.start:%Y-%m-%d}: {open_total:,} open cases = "
        f"{listed:,} listed + {grouped:,} in groups"
    )
    print(
        f"median of {args.runs}: build {med(builds):.0f} ms, open (build + store) "
        f"{med(opens):.0f} ms, rebuild {med(rebuilds):.0f} ms  (target < 1000 ms)"
    )
    print(
        json.dumps(
            {
                "build_ms": round(med(opens), 1),
            }
        )
    )


if __name__ == "__main__":
    main()
