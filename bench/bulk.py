"""Shared by the benchmarks: a database of a benchmark's own, filled fast with a
realistic volume of cases (the hotline's ~2 million a year, kept for years).

    url = fresh_database("postgresql", "queue")     # or "sqlite"
    bulk_cases(url, 1_000_000)

Rows are generated in Python and written with COPY (PostgreSQL) or executemany
(SQLite), bypassing the ORM; the schema comes from the real migrations and the
reference data from the real seeder, so benchmarks measure the real tables and indexes.
"""

from __future__ import annotations

import io
import os
import random
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import make_url

from console.domain.casetypes import OPEN_STATUS_VALUES
from console.infra.database import make_engine, make_session_factory, normalize_url
from console.migrations import upgrade
from console.models import Agent, HandlingUnit, MatterCategory, Region, SlaPolicy
from console.seed.reference import seed_reference

PG_ADMIN_URL = os.environ.get(
    "CONSOLE_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
STATION = "900"  # bench cases get a station of their own
OPEN = OPEN_STATUS_VALUES

CASE_COLUMNS = (
    "uuid", "number", "station", "channel_code", "case_type", "sub_type", "class_code",
    "category_id", "district_id", "town_id", "address", "caller_name", "caller_phone",
    "caller_anonymous", "caller_confidential", "enterprise_name", "credit_code", "title",
    "description", "answer", "urgency", "status", "created_by_id", "assignee_id", "unit_id",
    "sla_policy_id", "next_milestone", "next_due_at", "final_due_at", "received_at",
    "created_at", "updated_at", "dispatched_at", "closed_at", "version",
)  # fmt: skip
EVENT_COLUMNS = ("case_id", "kind", "at", "actor_id", "actor_name", "station", "detail")


def fresh_database(kind: str, name: str) -> str:
    """An empty database named for the benchmark, migrated and reference-seeded."""
    if kind == "sqlite":
        path = Path(tempfile.gettempdir()) / f"hotline_bench_{name}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    elif kind == "postgresql":
        admin = make_engine(PG_ADMIN_URL)
        db = f"hotline_bench_{name}"
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            c.exec_driver_sql(f'CREATE DATABASE "{db}"')
        admin.dispose()
        url = make_url(PG_ADMIN_URL).set(database=db).render_as_string(hide_password=False)
    else:
        raise ValueError(kind)
    engine = make_engine(url)
    upgrade(engine)
    with make_session_factory(engine)() as s, s.begin():
        seed_reference(s)
        if s.scalars(select(Agent.id).where(Agent.username == "bench01")).first() is None:
            s.add_all(
                Agent(username=f"bench{i:02d}", display_name=f"坐席{i:02d}", role="agent")
                for i in range(1, 51)
            )
    engine.dispose()
    return url


def _refs(url: str) -> dict[str, list[int]]:
    engine = make_engine(url)
    with make_session_factory(engine)() as s:
        refs = {
            "categories": list(
                s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3))
            ),
            "districts": list(s.scalars(select(Region.id).where(Region.level == 1))),
            "towns": list(s.scalars(select(Region.id).where(Region.level == 2))),
            "units": list(s.scalars(select(HandlingUnit.id))),
            "agents": list(s.scalars(select(Agent.id))),
            "policies": list(s.scalars(select(SlaPolicy.id))),
        }
    engine.dispose()
    return refs


def generate(
    n: int,
    refs: dict[str, list[int]],
    *,
    now: datetime,
    callers: int,
    seed: int,
    days: int = 730,
    open_share: float = 0.03,
) -> Iterator[tuple[tuple[object, ...], list[tuple[str, datetime]]]]:
    """(case row, [(event kind, at), …]) for n cases over the last ``days`` days; the
    newest ``open_share`` of them are open with deadlines around now."""
    rnd = random.Random(seed)
    phones = [f"1{rnd.choice('3456789')}{rnd.randrange(10**9):09d}" for _ in range(callers)]
    classes = ("consumer", "enterprise", "city", "livelihood", "environment")
    channels = ("phone_12345",) * 6 + ("enterprise_line", "wechat", "gov_website", "foshantong_app")
    span = days * 86400
    seq_by_day: dict[str, int] = {}
    n_open = int(n * open_share)
    for i in range(n):
        # oldest first; the last n_open are the recent, open ones
        if i >= n - n_open:
            received = now - timedelta(seconds=rnd.randrange(0, 5 * 86400))
        else:
            received = now - timedelta(seconds=rnd.randrange(5 * 86400, span))
        day = (received + timedelta(hours=8)).strftime("%y%m%d")
        seq = seq_by_day.get(day, 0) + 1
        seq_by_day[day] = seq
        # sequence beyond 9999 a day: spread over pseudo-stations 900-999
        station = f"{900 + (seq - 1) // 9999:03d}"
        number = f"{day}-{station}-{(seq - 1) % 9999 + 1:04d}"
        demand = rnd.random() < 0.33
        is_open = i >= n - n_open
        status = (
            rnd.choice(OPEN)
            if is_open
            else ("visited" if demand and rnd.random() < 0.5 else "closed")
        )
        due = received + timedelta(hours=rnd.choice((1, 2, 24, 72, 120))) if is_open else None
        closed = None if is_open else received + timedelta(hours=rnd.randrange(1, 96))
        dispatched = received + timedelta(minutes=5) if demand else None
        phone = phones[rnd.randrange(callers)]
        row = (
            uuid.UUID(int=rnd.getrandbits(128), version=4), number, station,
            rnd.choice(channels), "demand" if demand else "consultation",
            rnd.choice(("complaint", "help", "report", "suggestion")) if demand else "policy",
            rnd.choice(classes), rnd.choice(refs["categories"]), rnd.choice(refs["districts"]),
            rnd.choice(refs["towns"]), f"测试路{rnd.randrange(1, 999)}号", "", phone, False,
            False, "", "", "市民反映测试事项", "市民反映测试事项，请尽快处理。", "",
            "urgent" if rnd.random() < 0.03 else "normal", status, rnd.choice(refs["agents"]),
            rnd.choice(refs["agents"]) if is_open and rnd.random() < 0.8 else None,
            rnd.choice(refs["units"]) if demand else None, rnd.choice(refs["policies"]),
            "result" if is_open else None, due, due, received, received,
            closed or received, dispatched, closed, 1,
        )  # fmt: skip
        events = [("created", received)]
        if demand:
            events.append(("dispatched", dispatched or received))
        if closed is not None:
            events.append(("closed" if demand else "closed_directly", closed))
        yield row, events


def _sqlite_value(v: object) -> object:
    if isinstance(v, datetime):
        return v.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, uuid.UUID):
        return v.hex
    return v


def _copy_value(v: object) -> str:
    if v is None:
        return "\\N"
    if isinstance(v, bool):
        return "t" if v else "f"
    if isinstance(v, datetime):
        return v.isoformat()
    return str(v).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def bulk_cases(
    url: str,
    n: int,
    *,
    now: datetime | None = None,
    callers: int = 100_000,
    seed: int = 1,
    chunk: int = 50_000,
    progress: Callable[[str], None] = print,
) -> None:
    """Append ``n`` cases (with their events) to a migrated, reference-seeded database."""
    now = now or datetime.now(UTC)
    refs = _refs(url)
    u = normalize_url(url)
    started = time.perf_counter()
    rows: list[tuple[object, ...]] = []
    events: list[list[tuple[str, datetime]]] = []
    done = 0

    if u.get_backend_name() == "sqlite":
        assert u.database
        conn = sqlite3.connect(u.database)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=OFF")
        cols = ", ".join(CASE_COLUMNS)
        marks = ", ".join("?" * len(CASE_COLUMNS))

        def flush() -> None:
            cur = conn.cursor()
            first = (cur.execute("SELECT COALESCE(MAX(id), 0) FROM cases").fetchone() or (0,))[
                0
            ] + 1
            cur.executemany(
                f"INSERT INTO cases ({cols}) VALUES ({marks})",
                [tuple(_sqlite_value(v) for v in r) for r in rows],
            )
            cur.executemany(
                "INSERT INTO case_events (case_id, kind, at, actor_id, actor_name, station, detail)"
                " VALUES (?, ?, ?, NULL, '', ?, '{}')",
                [
                    (first + k, kind, _sqlite_value(at), STATION)
                    for k, evs in enumerate(events)
                    for kind, at in evs
                ],
            )
            conn.commit()
    else:
        import psycopg

        conn_pg = psycopg.connect(
            u.set(drivername="postgresql").render_as_string(hide_password=False)
        )
        # a load of generated, consistent rows: no per-row triggers (the change feed's
        # NOTIFY, the guards, which skip the owner anyway) nor foreign-key checks (the
        # references come from the seeded tables). Needs a superuser; otherwise as is.
        try:
            conn_pg.execute("SET session_replication_role = replica")
            conn_pg.commit()
        except psycopg.Error:
            conn_pg.rollback()

        def flush() -> None:
            with conn_pg.cursor() as cur:
                cur.execute("SELECT COALESCE(MAX(id), 0) FROM cases")
                first = (cur.fetchone() or (0,))[0] + 1
                buf = io.StringIO()
                for r in rows:
                    buf.write("\t".join(_copy_value(v) for v in r) + "\n")
                with cur.copy(f"COPY cases ({', '.join(CASE_COLUMNS)}) FROM STDIN") as cp:
                    cp.write(buf.getvalue())
                buf = io.StringIO()
                for k, evs in enumerate(events):
                    for kind, at in evs:
                        buf.write(
                            f"{first + k}\t{kind}\t{at.isoformat()}\t\\N\t\t{STATION}\t{{}}\n"
                        )
                with cur.copy(f"COPY case_events ({', '.join(EVENT_COLUMNS)}) FROM STDIN") as cp:
                    cp.write(buf.getvalue())
            conn_pg.commit()

    for row, evs in generate(n, refs, now=now, callers=callers, seed=seed):
        rows.append(row)
        events.append(evs)
        if len(rows) >= chunk:
            flush()
            done += len(rows)
            rows.clear()
            events.clear()
            progress(f"  {done:,} cases ({time.perf_counter() - started:.0f} s)")
    if rows:
        flush()
        done += len(rows)
    if u.get_backend_name() == "sqlite":
        conn.execute("ANALYZE")
        conn.close()
    else:
        conn_pg.autocommit = True
        conn_pg.execute("VACUUM ANALYZE cases")
        conn_pg.execute("VACUUM ANALYZE case_events")
        conn_pg.close()
    progress(f"  {done:,} cases in {time.perf_counter() - started:.1f} s")
