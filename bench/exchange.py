"""The exchange service under load: one ``python main.py serve`` process over a database of
--cases cases (PostgreSQL by default), a platform pushing work orders from several
threads, units reading their inboxes and accepting orders, and a fake platform on
loopback receiving the webhooks. On PostgreSQL the service signs in with a login of its
own (group roles ``hotline_bench_*`` and the login ``bench_exchange``, cluster-wide and
reused), as a deployment runs it: the guards and row filters are in every figure.

    python bench/exchange.py                    # 1,000,000 cases on PostgreSQL
    python bench/exchange.py --as-owner         # the service as the schema owner (no guards)
    python bench/exchange.py --cases 100000     # quicker
    python bench/exchange.py --engine sqlite

Figures: pushes per second (new orders, 201), p95 of GET /api/v1/orders/{number} and of
GET /api/v1/inbox, p95 of the webhook delivery lag (from the 201 answer of a push, or the
200 of a step, to the arrival of its webhook), and the webhooks lost (an event of a
pushed order that never arrived) and duplicated (an event applied twice, or a delivery
id arriving again after it was acknowledged). The last line is one JSON object with
``push_per_s``, ``get_p95_ms``, ``inbox_p95_ms``, ``webhook_lag_p95_ms``, ``lost``,
``duplicates``.
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
import http.client  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from concurrent.futures import ThreadPoolExecutor  # noqa: E402
from datetime import UTC, datetime  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402
from typing import Any  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

import httpx  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bench.bulk import bulk_cases, fresh_database  # noqa: E402
from console.domain.lifecycle import WITH_UNITS  # noqa: E402
from console.exchange.credentials import issue_token  # noqa: E402
from console.exchange.outbox import WEBHOOK_EVENTS  # noqa: E402
from console.infra.database import make_engine, make_session_factory  # noqa: E402
from console.models import Case, CaseEvent, ExchangeOrder, HandlingUnit, MatterCategory  # noqa: E402

DISTRICTS = ("禅城区", "南海区", "顺德区", "高明区", "三水区")


class Receiver:
    """The platform's end: every arrival with its time; HTTP/1.1 keep-alive."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.arrivals: list[tuple[str, dict[str, Any], float]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                at = time.time()
                with receiver.lock:
                    receiver.arrivals.append(
                        (self.headers.get("Idempotency-Key", ""), json.loads(body), at)
                    )
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_a: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def p95(values: list[float]) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    return round(v[min(len(v) - 1, int(len(v) * 0.95))], 1)


#: the bench's own group roles (cluster-wide): never a deployment's hotline_ groups
BENCH_PREFIX = "hotline_bench_"


def service_login(engine: Any, url: str) -> tuple[str, str]:
    """The service's own login, as a deployment runs it (``db roles``, ``db add-service``):
    a member of the exchange group only, so the guards' triggers and the row filters run
    in every statement it makes. Returns the URL to serve with and a description."""
    import secrets

    from sqlalchemy.engine import make_url

    from console.services import dbroles

    dbroles.apply_roles(engine, BENCH_PREFIX)
    username = "bench_exchange"
    password = secrets.token_urlsafe(18)
    dbroles.add_service(engine, password, username, prefix=BENCH_PREFIX)
    served = make_url(url).set(username=username, password=password)
    return served.render_as_string(hide_password=False), f"its own login {username}"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--engine", choices=("postgresql", "sqlite"), default="postgresql")
    p.add_argument("--pushes", type=int, default=3000, help="new orders pushed")
    p.add_argument("--threads", type=int, default=8, help="concurrent clients")
    p.add_argument("--reads", type=int, default=1000, help="order reads and inbox reads each")
    p.add_argument(
        "--as-owner",
        action="store_true",
        help="run the service as the schema owner (superuser): no guards, no row filters",
    )
    p.add_argument(
        "--workers-in-process",
        action="store_true",
        help="deliver webhooks in threads of the service's process (serve's option)",
    )
    p.add_argument(
        "--db-name",
        default="exchange",
        help="database hotline_bench_NAME (sessions sharing a server: one each)",
    )
    args = p.parse_args()

    print(f"load average before: {os.getloadavg()[0]:.1f} (2 cores, shared)", flush=True)
    url = fresh_database(args.engine, args.db_name)
    t = time.perf_counter()
    bulk_cases(url, args.cases, progress=lambda m: print(m, flush=True))
    print(f"{args.cases:,} cases written in {time.perf_counter() - t:.0f} s", flush=True)
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    with sessions() as s:
        if engine.dialect.name == "postgresql":
            s.connection().exec_driver_sql("ANALYZE")
        categories = list(
            s.scalars(
                select(MatterCategory.path)
                .where(MatterCategory.level == 3)
                .order_by(MatterCategory.id)
            )
        )
        busy_units = [
            str(n)
            for n, _c in s.execute(
                select(HandlingUnit.name, func.count())
                .join(Case, Case.unit_id == HandlingUnit.id)
                .where(Case.status.in_(sorted(WITH_UNITS)))
                .group_by(HandlingUnit.name)
                .order_by(func.count().desc())
                .limit(5)
            )
        ]
    receiver = Receiver()
    platform_token = issue_token(sessions, platform="粤省心", webhook_url=receiver.url)[1]
    unit_tokens = {u: issue_token(sessions, unit=u)[1] for u in busy_units}

    serve_url, login = url, "the schema owner (superuser: guards and row filters off)"
    if engine.dialect.name == "postgresql" and not args.as_owner:
        serve_url, login = service_login(engine, url)
    print(f"the service signs in as {login}", flush=True)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--database",
            serve_url,
            "serve",
            "--listen",
            f"127.0.0.1:{port}",
            "--rate",
            "100000",
            "--burst",
            "100000",
            *(["--workers-in-process"] if args.workers_in_process else []),
        ],
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the service did not start")
            time.sleep(0.2)
        where = (
            "delivery in threads of that process, suggestions in a process of their own"
            if args.workers_in_process
            else "delivery and suggestion workers in processes of their own"
        )
        print(f"service up on {base} (one HTTP process; {where})", flush=True)
        figures = run_load(args, base, platform_token, unit_tokens, categories, receiver, sessions)
    finally:
        server.terminate()
        server.wait(timeout=30)
        engine.dispose()
    print(f"load average after: {os.getloadavg()[0]:.1f}", flush=True)
    figures_out = {
        k: figures[k]
        for k in (
            "push_per_s",
            "get_p95_ms",
            "inbox_p95_ms",
            "webhook_lag_p95_ms",
            "lost",
            "duplicates",
        )
    }
    print(json.dumps(figures_out))
    return 0


class Answer:
    def __init__(self, status_code: int, body: bytes) -> None:
        self.status_code = status_code
        self.text = body.decode("utf-8", "replace")
        self._body = body

    def json(self) -> Any:
        return json.loads(self._body)


class ApiClient:
    """The platforms' and units' side: one keep-alive HTTP/1.1 connection per thread and
    token (the standard library's client: the load generator shares the 2 cores with the
    service and PostgreSQL, and httpx spends several times its CPU per request)."""

    def __init__(self, base: str, token: str) -> None:
        parts = urlsplit(base)
        self._host, self._port = parts.hostname or "127.0.0.1", parts.port or 80
        self._headers = {"Authorization": f"Bearer {token}"}
        self._conn: http.client.HTTPConnection | None = None

    def _call(self, method: str, path: str, body: Any = None) -> Answer:
        data = None
        headers = dict(self._headers)
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            if self._conn is None:
                self._conn = http.client.HTTPConnection(self._host, self._port, timeout=30)
            try:
                self._conn.request(method, path, data, headers)
                r = self._conn.getresponse()
                return Answer(r.status, r.read())
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self._conn.close()
                self._conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def get(self, path: str) -> Answer:
        return self._call("GET", path)

    def post(self, path: str, json: Any) -> Answer:  # noqa: A002 - httpx's keyword
        return self._call("POST", path, json)


def run_load(
    args: argparse.Namespace,
    base: str,
    platform_token: str,
    unit_tokens: dict[str, str],
    categories: list[str],
    receiver: Receiver,
    sessions: Any,
) -> dict[str, Any]:
    rnd = random.Random(7)
    local = threading.local()

    def client(token: str) -> ApiClient:
        key = f"c_{token[:12]}"
        c = getattr(local, key, None)
        if c is None:
            c = ApiClient(base, token)
            setattr(local, key, c)
        return c

    run = f"{int(time.time())}"
    bodies = [
        {
            "external_id": f"B{run}-{i}",
            "title": "市民反映噪音扰民",
            "description": f"小区附近工地夜间施工噪音扰民，已持续多日，请尽快处理。编号{i}",
            "caller_name": "测试",
            "caller_phone": f"139{rnd.randrange(10**8):08d}",
            "received_at": datetime.now(UTC).isoformat(),
            "category": rnd.choice(categories),
            "district": rnd.choice(DISTRICTS),
            "sub_type": "complaint",
            "urgent": rnd.random() < 0.05,
        }
        for i in range(args.pushes)
    ]
    acked: dict[str, float] = {}  # number -> wall time of the 201
    numbers: list[str] = []
    codes: Counter[int] = Counter()
    lock = threading.Lock()

    def push(body: dict[str, Any]) -> None:
        r = client(platform_token).post("/api/v1/orders", json=body)
        now = time.time()
        with lock:
            codes[r.status_code] += 1
            if r.status_code == 201:
                n = r.json()["number"]
                acked[n] = now
                numbers.append(n)

    t0 = time.perf_counter()
    with ThreadPoolExecutor(args.threads) as ex:
        list(ex.map(push, bodies))
    elapsed = time.perf_counter() - t0
    push_per_s = round(codes[201] / elapsed, 1)
    print(
        f"pushes: {codes[201]} new in {elapsed:.1f} s = {push_per_s}/s "
        f"with {args.threads} clients (codes {dict(codes)})",
        flush=True,
    )
    # the same external ids again: 200 and the same numbers, never a second case
    again = Counter(
        client(platform_token).post("/api/v1/orders", json=b).status_code for b in bodies[:100]
    )
    print(f"re-pushed 100 external ids: codes {dict(again)}", flush=True)

    get_ms: list[float] = []
    inbox_ms: list[float] = []

    def get_one(number: str) -> None:
        t = time.perf_counter()
        r = client(platform_token).get(f"/api/v1/orders/{number}")
        ms = (time.perf_counter() - t) * 1000
        assert r.status_code == 200, r.text
        with lock:
            get_ms.append(ms)

    def inbox_one(token: str) -> None:
        t = time.perf_counter()
        r = client(token).get("/api/v1/inbox")
        ms = (time.perf_counter() - t) * 1000
        assert r.status_code == 200, r.text
        with lock:
            inbox_ms.append(ms)

    sample = [rnd.choice(numbers) for _ in range(args.reads)]
    inbox_calls = [rnd.choice(list(unit_tokens.values())) for _ in range(args.reads)]
    reader_threads = max(1, args.threads // 2)
    with ThreadPoolExecutor(reader_threads) as ex:
        list(ex.map(get_one, sample))
        list(ex.map(inbox_one, inbox_calls))
    print(
        f"order reads: p50 {p95_of(get_ms, 0.5)} ms, p95 {p95(get_ms)} ms "
        f"({len(get_ms)} reads, {reader_threads} clients)",
        flush=True,
    )
    print(
        f"inbox reads: p50 {p95_of(inbox_ms, 0.5)} ms, p95 {p95(inbox_ms)} ms "
        f"({len(inbox_ms)} reads of {len(unit_tokens)} busiest units' inboxes)",
        flush=True,
    )

    # units accept the orders routed to them (status changes that go back as webhooks)
    with sessions() as s:
        routed = s.execute(
            select(Case.number, HandlingUnit.name)
            .join(ExchangeOrder, ExchangeOrder.case_id == Case.id)
            .join(HandlingUnit, HandlingUnit.id == Case.unit_id)
            .where(Case.status == "dispatched")
            .limit(300)
        ).all()
    step_tokens: dict[str, str] = {}
    for _n, unit in routed:
        if unit not in step_tokens:
            step_tokens[unit] = unit_tokens.get(unit) or issue_token(sessions, unit=unit)[1]
    stepped: dict[str, float] = {}

    def accept(row: tuple[str, str]) -> None:
        number, unit = row
        r = client(step_tokens[unit]).post(
            f"/api/v1/orders/{number}/steps", json={"action": "accept"}
        )
        if r.status_code == 200:
            with lock:
                stepped[number] = time.time()

    with ThreadPoolExecutor(args.threads) as ex:
        list(ex.map(accept, routed))
    print(f"unit steps: {len(stepped)} orders accepted", flush=True)

    # wait for the outbox to drain, then compare what was due with what arrived
    with sessions() as s:
        expected = {
            (num, kind, eid)
            for num, kind, eid in s.execute(
                select(Case.number, CaseEvent.kind, CaseEvent.id)
                .join(ExchangeOrder, ExchangeOrder.case_id == Case.id)
                .join(CaseEvent, CaseEvent.case_id == Case.id)
            )
            if kind in WEBHOOK_EVENTS
        }
    want = Counter((num, kind) for num, kind, _e in expected)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        with receiver.lock:
            got = Counter((p["number"], p["event"]) for _k, p, _t in receiver.arrivals)
        if all(got[k] >= v for k, v in want.items()):
            break
        time.sleep(0.2)
    with receiver.lock:
        arrivals = list(receiver.arrivals)
    by_event: dict[tuple[str, str], set[str]] = {}
    per_key: Counter[str] = Counter()
    first_at: dict[tuple[str, str], float] = {}
    for key, payload, at in arrivals:
        ev = (payload["number"], payload["event"])
        by_event.setdefault(ev, set()).add(key)
        per_key[key] += 1
        first_at.setdefault(ev, at)
    lost = sum(max(0, v - len(by_event.get(k, ()))) for k, v in want.items())
    duplicates = sum(c - 1 for c in per_key.values() if c > 1) + sum(
        max(0, len(keys) - want.get(ev, 0)) for ev, keys in by_event.items()
    )
    lags = [
        (first_at[(n, "created")] - t) * 1000
        for n, t in acked.items()
        if (n, "created") in first_at
    ] + [
        (first_at[(n, "accepted")] - t) * 1000
        for n, t in stepped.items()
        if (n, "accepted") in first_at
    ]
    print(
        f"webhooks: {len(arrivals)} arrivals for {sum(want.values())} events due; "
        f"lag p50 {p95_of(lags, 0.5)} ms, p95 {p95(lags)} ms; lost {lost}, duplicates {duplicates}",
        flush=True,
    )
    return {
        "push_per_s": push_per_s,
        "get_p95_ms": p95(get_ms),
        "inbox_p95_ms": p95(inbox_ms),
        "webhook_lag_p95_ms": p95(lags),
        "lost": lost,
        "duplicates": duplicates,
    }


def p95_of(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    return round(v[min(len(v) - 1, int(len(v) * q))], 1)


if __name__ == "__main__":
    raise SystemExit(main())
