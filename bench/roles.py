"""What the database's own rules cost ("who may do what"), on PostgreSQL.

    python bench/roles.py                 # 200,000 cases
    python bench/roles.py --cases 20000   # quick

1. The two row triggers of migration 0009 (holder guard, confidential callers): inserting
   copies of up to 20,000 cases server side (rolled back) with them and without them,
   alternating, median of 3: seconds each.
2. The same queries as the schema owner (row-level security bypassed) and as an agent's
   own login (RLS policy on cases, column grants): the first page of "all open" by time
   left, "my cases", a free-text search, and a claim + give-back; medians of --repeat, ms.
3. A sweep-like UPDATE of 1,000 cases' deadlines (what every console's SLA recompute
   does) as the owner and as the agent: ms.
4. Intake: saving a new demand case through the console's own service (number, history,
   deadlines: every guard of migration 0013 on the agent's side), as the owner and as
   the agent: median ms per case.

The last line is one JSON object with the figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if sys.path and Path(sys.path[0]).resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)  # bench/queue.py is named like the stdlib `queue`: hide bench/
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.bulk import CASE_COLUMNS, PG_ADMIN_URL, bulk_cases, fresh_database  # noqa: E402
from console.domain.casetypes import Role  # noqa: E402
from console.domain.identity import Identity  # noqa: E402
from console.domain.validation import CaseDraft  # noqa: E402
from console.domain.workcalendar import WorkCalendar  # noqa: E402
from console.infra.database import make_engine, make_session_factory  # noqa: E402
from console.services import dbroles  # noqa: E402
from console.services.cases import CaseService  # noqa: E402
from console.services.claims import ClaimService  # noqa: E402
from console.services.numbers import register_workstation  # noqa: E402
from console.services.queue import QueueFilter, QueueQuery, QueueService, QueueView  # noqa: E402


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 2)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=200_000)
    p.add_argument("--repeat", type=int, default=15)
    args = p.parse_args()

    url = fresh_database("postgresql", "roles")
    owner = make_engine(url)
    bulk_cases(url, args.cases, progress=lambda _s: None)
    with owner.begin() as c:
        c.exec_driver_sql("ANALYZE")
    # the triggers' cost, server side: insert copies of n cases (rolled back), with the
    # two row triggers and without, alternating, median of 3 each
    n = min(args.cases, 20_000)
    cols = [c for c in CASE_COLUMNS if c not in ("uuid", "number")]
    copy_sql = (
        f"INSERT INTO cases (uuid, number, {', '.join(cols)}) "
        f"SELECT gen_random_uuid(), 'X' || id, {', '.join(cols)} FROM cases "
        f"ORDER BY id LIMIT {n}"
    )
    timings: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(3):
        for on in (True, False):
            with owner.connect() as c:
                tx = c.begin()
                if not on:
                    c.exec_driver_sql("ALTER TABLE cases DISABLE TRIGGER cases_guard_holder_insert")
                    c.exec_driver_sql("ALTER TABLE cases DISABLE TRIGGER cases_hide_confidential")
                t = time.perf_counter()
                c.exec_driver_sql(copy_sql)
                timings[on].append(time.perf_counter() - t)
                tx.rollback()
    with_triggers = statistics.median(timings[True])
    without_triggers = statistics.median(timings[False])
    print(f"insert {n} cases with the 0009 row triggers: {with_triggers:.3f} s")
    print(f"insert {n} cases without them: {without_triggers:.3f} s")
    prefix = f"bench{uuid.uuid4().hex[:6]}_"
    login = f"{prefix}a1"
    admin = make_engine(PG_ADMIN_URL)
    try:
        dbroles.apply_roles(owner, prefix)
        dbroles.add_agent(owner, login, Role.AGENT, "Bench-pass-1", prefix=prefix)
        agent_url = make_url(url).set(username=login, password="Bench-pass-1")
        agent = make_engine(agent_url)
        figures: dict[str, Any] = {
            "cases": args.cases,
            "insert_n": n,
            "insert_s_with_triggers": round(with_triggers, 3),
            "insert_s_without_triggers": round(without_triggers, 3),
        }
        with owner.connect() as c:
            me = c.execute(
                text("SELECT id FROM agents WHERE username = :u"), {"u": login}
            ).scalar_one()
            ids = list(c.execute(text("SELECT id FROM cases ORDER BY id LIMIT 1000")).scalars())
        with owner.begin() as c:
            # the bulk cases carry queue deadlines without milestone rows: give the 1,000
            # the rows their next and final deadlines come from (the guards check that)
            c.execute(
                text(
                    "INSERT INTO case_deadlines (case_id, milestone_code, seq, limit_unit, "
                    "start_at, original_due_at, due_at, met_at, paused, verified) "
                    "SELECT id, m.code, m.seq, 'days', received_at, m.due, m.due, NULL, "
                    "false, true FROM cases, LATERAL (VALUES ('next', 1, next_due_at), "
                    "('final', 2, final_due_at)) AS m(code, seq, due) "
                    "WHERE id = ANY(:ids) ON CONFLICT DO NOTHING"
                ),
                {"ids": ids},
            )
            cat = c.execute(
                text("SELECT id FROM matter_categories WHERE level = 3 LIMIT 1")
            ).scalar_one()
            district = c.execute(text("SELECT id FROM regions WHERE name = '南海区'")).scalar_one()
        who = Identity(int(me), login, login, Role.AGENT)
        station = register_workstation(make_session_factory(owner), "bench-roles")
        draft = CaseDraft(
            case_type="demand",
            sub_type="help",
            class_code="city",
            category_id=int(cat),
            district_id=int(district),
            caller_phone="13800138000",
            description="小区门口路灯坏了一个星期",
        )
        for name, engine in (("owner", owner), ("agent", agent)):
            sessions = make_session_factory(engine)
            q = QueueService(sessions)
            claims = ClaimService(sessions, lambda: "900")
            queries = {
                "open_page": QueueQuery(QueueView.OPEN),
                "mine_page": QueueQuery(QueueView.MINE, agent_id=who.agent_id),
                "search": QueueQuery(QueueView.OPEN, filter=QueueFilter(text="路灯")),
            }
            for label, query in queries.items():

                def page(q: QueueService = q, query: QueueQuery = query) -> None:
                    q.page(query, limit=50)

                figures[f"{label}_ms_{name}"] = median_ms(page, args.repeat)

            def claim_and_give_back(claims: ClaimService = claims) -> None:
                got = claims.claim_next(who)
                if got is not None:
                    claims.release(got.case_id, who)

            figures[f"claim_release_ms_{name}"] = median_ms(claim_and_give_back, args.repeat)

            def sweep_like(engine: Any = engine) -> None:
                with engine.begin() as c:
                    c.execute(
                        text("UPDATE cases SET next_due_at = next_due_at WHERE id = ANY(:ids)"),
                        {"ids": ids},
                    )

            figures[f"update1000_ms_{name}"] = median_ms(sweep_like, args.repeat)

            cases = CaseService(sessions, WorkCalendar, lambda: station)

            def intake(cases: CaseService = cases) -> None:
                cases.create(draft, who)

            figures[f"intake_ms_{name}"] = median_ms(intake, args.repeat)
            for key in (k for k in figures if k.endswith(name)):
                print(f"{key}: {figures[key]}")
        agent.dispose()
    finally:
        owner.dispose()
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            db = make_url(url).database
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            for role in [login, *dbroles.all_group_names(prefix)]:
                c.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
        admin.dispose()
    print(json.dumps(figures), flush=True)


if __name__ == "__main__":
    main()
