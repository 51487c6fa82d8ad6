"""Queue at the hotline's real size: paint times, claims under load, change propagation.

    python bench/queue.py                      # 1,000,000 cases on PostgreSQL and SQLite
    python bench/queue.py --cases 20000        # quick
    python bench/queue.py --reuse              # keep an already filled benchmark database

1. The real QueueModel in the queue screen's QueueTable (offscreen) over the
   supervisors' "all cases" view (every case: the largest queue) and the "all open"
   view: time to the first painted page when the queue opens, when the sort changes,
   when a filter is applied and when jumping to the end (median of --repeat), and the
   time until the exact count replaces the planner's estimate; the same four steps on a
   bare QAbstractTableModel over the same rows held in memory; client RSS.
2. PostgreSQL: --agents simulated agents (threads in --procs processes) claiming from
   the same team queue with ClaimService.claim_next until it is empty; claims per
   second, then a check that no case was claimed twice and none was lost.
   The agents share --connections server connections (default 8, 4 per process), as
   300 workstations do through a transaction pooler (PgBouncer) in front of a 2-core
   server; an agent waits for a free connection like a pooled client would. Everyone
   racing for the head of one queue over many more connections than the server has
   cores is slower, not faster (one process claiming in a loop on this machine:
   8 connections 1,360/s, 16 998/s, 40 628/s), because every claim has to skip the
   rows the others hold locked and the server's two cores switch between them.
3. Change propagation: another process runs the queue model with the live feed; this
   process commits changes to a visible case; the time from commit to the row changed
   in the other process's model (LISTEN/NOTIFY on PostgreSQL, polling on SQLite).

The last line is one JSON object: the per-step figures and the propagation figures
are {"postgresql": …, "sqlite": …}; claims figures are PostgreSQL's.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if sys.path and Path(sys.path[0]).resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)  # this file is named like the stdlib `queue`: hide the bench dir
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import json  # noqa: E402
import multiprocessing as mp  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable  # noqa: E402
from typing import Any  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


STEPS = ("open", "sort", "filter", "end")


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


# --- the database --------------------------------------------------------------------


def prepare(kind: str, n: int, reuse: bool) -> str:
    from sqlalchemy import func, select

    from bench.bulk import PG_ADMIN_URL, bulk_cases, fresh_database
    from console.infra.database import make_engine, make_session_factory
    from console.migrations import upgrade
    from console.models import Case

    if reuse:
        if kind == "sqlite":
            import tempfile

            url = f"sqlite:///{Path(tempfile.gettempdir()) / 'hotline_bench_queue.sqlite3'}"
        else:
            from sqlalchemy.engine import make_url

            url = (
                make_url(PG_ADMIN_URL)
                .set(database="hotline_bench_queue")
                .render_as_string(hide_password=False)
            )
        try:
            engine = make_engine(url)
            upgrade(engine)  # a database filled by an older version: today's schema
            with make_session_factory(engine)() as s:
                have = s.execute(select(func.count()).select_from(Case)).scalar_one()
            engine.dispose()
            if have >= n:
                print(f"{kind}: reusing {have:,} cases")
                return url
        except Exception as exc:  # noqa: BLE001 - fall through to a fresh database
            print(f"{kind}: cannot reuse ({exc.__class__.__name__}); filling afresh")
    print(f"{kind}: filling {n:,} cases …")
    url = fresh_database(kind, "queue")
    bulk_cases(url, n)
    return url


# --- 1. paint times ------------------------------------------------------------------


def _spin(app: Any, cond: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.perf_counter() + timeout
    while not cond():
        app.processEvents()
        if time.perf_counter() > end:
            raise TimeoutError("the queue did not load in time")
        time.sleep(0.0005)


def ui_figures(url: str, repeat: int) -> dict[str, Any]:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QMainWindow
    from sqlalchemy import select

    from console.infra.database import make_engine, make_session_factory
    from console.models import Region
    from console.services.queue import QueueFilter, QueueQuery, QueueService, QueueSort, QueueView
    from console.ui.queue.model import QueueModel
    from console.ui.queue.table import QueueTable
    from console.ui.queue.windows import WindowRequest, fetch_window
    from console.ui.runner import BackgroundRunner

    app = QApplication.instance() or QApplication([])
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    service = QueueService(sessions)
    with sessions() as s:
        district = s.execute(select(Region.id).where(Region.name == "南海区")).scalar_one()

    errors: list[BaseException] = []
    runner = BackgroundRunner(errors.append)

    def fetch(q: QueueQuery, r: WindowRequest) -> Any:
        return fetch_window(service, q, r)

    def run(fn: Any, ok: Any, fail: Any) -> None:
        runner.run(fn, ok, fail)

    window = QMainWindow()
    view = QueueTable()  # the queue screen's own table
    window.setCentralWidget(view)
    window.resize(1366, 800)
    window.show()
    app.processEvents()
    results: dict[str, Any] = {}
    flt = QueueFilter(district_ids=(district,), class_codes=("city",))

    for label, base in (("all", QueueView.ALL), ("open", QueueView.OPEN)):
        model = QueueModel(fetch, run)
        view.setModel(model)

        def visible(model: QueueModel = model) -> tuple[int, int]:
            first = view.rowAt(0)
            last = view.rowAt(view.viewport().height() - 1)
            n = model.rowCount()
            if first < 0:
                return (0, min(n - 1, 30))
            return first, last if last >= 0 else n - 1

        model.visible_range = visible

        def painted(m: QueueModel = model) -> bool:
            if m.busy or not m.loaded_once:
                return False
            if m.rowCount() and view.rowAt(0) < 0:
                return False  # the view has not laid out the new size yet
            first, last = visible(m)
            return m.fully_loaded(first, last)

        def show(q: QueueQuery, m: QueueModel = model) -> Callable[[], None]:
            return lambda: m.set_query(q)

        def step(action: Callable[[], None]) -> float:
            t = time.perf_counter()
            action()
            app.processEvents()
            _spin(app, painted)
            view.viewport().repaint()
            return (time.perf_counter() - t) * 1000

        samples: dict[str, list[float]] = {
            "open": [], "sort": [], "filter": [], "end": [], "exact": []
        }  # fmt: skip
        for _ in range(repeat):
            view.scrollToTop()
            t_open = time.perf_counter()
            samples["open"].append(step(show(QueueQuery(base))))
            _spin(app, lambda m=model: m.total_exact)  # type: ignore[misc]
            samples["exact"].append((time.perf_counter() - t_open) * 1000)
            samples["sort"].append(step(show(QueueQuery(base, QueueSort.NEWEST))))
            samples["filter"].append(step(show(QueueQuery(base, QueueSort.NEWEST, filter=flt))))
            model.set_query(QueueQuery(base))
            _spin(app, painted)
            samples["end"].append(step(view.scrollToBottom))
        _spin(app, lambda m=model: m.total_exact)  # type: ignore[misc]
        rows = model.rowCount()
        med = {k: statistics.median(v) for k, v in samples.items()}
        results[label] = {"rows": rows, **med}
        print(
            f"  {label:>4} view, {rows:,} rows: open {med['open']:.1f} ms, sort "
            f"{med['sort']:.1f} ms, filter {med['filter']:.1f} ms, end {med['end']:.1f} ms "
            f"(median of {repeat}); exact count in place {med['exact']:.1f} ms after opening"
        )
    runner.wait(30_000)
    assert not errors, errors
    view.setModel(None)  # type: ignore[arg-type]
    results["rss_mb"] = rss_mb()
    print(f"  client RSS with the database-backed queue: {results['rss_mb']:.0f} MB")

    # the baseline: a bare model over the same rows ("all" view) held in memory
    t = time.perf_counter()
    mem_rows = _load_all_rows(engine)
    load_s = time.perf_counter() - t

    class Bare(QAbstractTableModel):
        def __init__(self, rows: list[tuple[Any, ...]]) -> None:
            super().__init__()
            self.rows = rows

        def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else 8

        def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            v = self.rows[index.row()][index.column()]
            return "" if v is None else str(v)

        def reset(self, rows: list[tuple[Any, ...]]) -> None:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

    bare = Bare([])
    view.setModel(bare)
    by_due = sorted(mem_rows, key=lambda r: (r[7] is None, r[7] or "", r[0]))
    mem: dict[str, list[float]] = {"open": [], "sort": [], "filter": [], "end": []}

    def mstep(action: Callable[[], None]) -> float:
        t0 = time.perf_counter()
        action()
        app.processEvents()
        view.viewport().repaint()
        return (time.perf_counter() - t0) * 1000

    for _ in range(repeat):
        mem["open"].append(mstep(lambda: (view.scrollToTop(), bare.reset(by_due))[-1]))
        mem["sort"].append(
            mstep(lambda: bare.reset(sorted(mem_rows, key=lambda r: (r[6], r[0]), reverse=True)))
        )
        mem["filter"].append(
            mstep(
                lambda: bare.reset(
                    sorted(
                        (r for r in mem_rows if r[4] == district and r[3] == "city"),
                        key=lambda r: (r[6], r[0]),
                        reverse=True,
                    )
                )
            )
        )
        bare.reset(by_due)
        mem["end"].append(mstep(view.scrollToBottom))
    mmed = {k: statistics.median(v) for k, v in mem.items()}
    results["memory"] = {**mmed, "rss_mb": rss_mb(), "load_s": load_s}
    print(
        f"  in-memory baseline ({len(mem_rows):,} rows, {load_s:.1f} s to load, RSS "
        f"{rss_mb():.0f} MB): open {mmed['open']:.1f} ms, sort {mmed['sort']:.1f} ms, "
        f"filter {mmed['filter']:.1f} ms, end {mmed['end']:.1f} ms"
    )
    view.setModel(None)  # type: ignore[arg-type]
    window.close()
    engine.dispose()
    ours = results["all"]
    results["ratio"] = sum(ours[k] for k in mem) / sum(mmed[k] for k in mem)
    steps = ", ".join(f"{k} {ours[k] / mmed[k]:.2f}x" for k in mem)
    print(f"  database-backed / in-memory: {steps}; all four steps {results['ratio']:.2f}x")
    return results


def ui_in_child(url: str, repeat: int) -> dict[str, Any]:
    child = subprocess.run(
        [sys.executable, __file__, "--child-ui", url, "--repeat", str(repeat)],
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    lines = child.stdout.strip().splitlines()
    for line in lines[:-1]:
        print(line)
    return dict(json.loads(lines[-1]))


def _load_all_rows(engine: Any) -> list[tuple[Any, ...]]:
    intern: dict[Any, Any] = {}
    out: list[tuple[Any, ...]] = []
    with engine.connect() as c:
        res = c.exec_driver_sql(
            "SELECT id, number, status, class_code, district_id, title, received_at, "
            "next_due_at FROM cases"
        )
        for r in res:
            out.append(
                (
                    r[0],
                    r[1],
                    intern.setdefault(r[2], r[2]),
                    intern.setdefault(r[3], r[3]),
                    r[4],
                    intern.setdefault(r[5], r[5]),
                    r[6],
                    r[7],
                )  # fmt: skip
            )
    return out


# --- 2. claims -----------------------------------------------------------------------


def _claim_worker(
    url: str, agent_ids: list[int], pool: int, team: str | None, out: Any, start: Any
) -> None:
    sys.path[0] = str(ROOT)
    from console.domain.identity import Identity
    from console.infra.database import make_engine, make_session_factory
    from console.services.claims import ClaimService

    engine = make_engine(url, pool_size=pool)
    engine.pool._max_overflow = 0  # type: ignore[attr-defined]
    engine.pool._timeout = 120  # type: ignore[attr-defined]
    svc = ClaimService(make_session_factory(engine), lambda: "900")
    warm = [engine.connect() for _ in range(pool)]  # connect before the start line
    for c in warm:
        c.close()
    got: list[tuple[int, int]] = []
    errors: list[str] = []
    lock = threading.Lock()
    ready = threading.Barrier(len(agent_ids) + 1)

    def agent(aid: int) -> None:
        who = Identity(aid, f"a{aid}", f"坐席{aid}", "agent")
        mine: list[tuple[int, int]] = []
        ready.wait()
        start.wait()
        while True:
            try:
                c = svc.claim_next(who, team)
            except Exception as exc:  # noqa: BLE001 - counted and reported
                with lock:
                    errors.append(f"{exc.__class__.__name__}: {exc}"[:200])
                continue
            if c is None:
                break
            mine.append((c.case_id, aid))
        with lock:
            got.extend(mine)

    threads = [threading.Thread(target=agent, args=(a,)) for a in agent_ids]
    for t in threads:
        t.start()
    ready.wait()
    for t in threads:
        t.join()
    engine.dispose()
    out.put((got, errors))


def claims_figures(url: str, agents: int, procs: int, connections: int = 8) -> dict[str, Any]:
    from sqlalchemy import func, select, text, update

    from console.infra.database import make_engine, make_session_factory
    from console.models import Agent, Case, CaseEvent
    from console.models.case import OPEN_STATUS_SQL

    engine = make_engine(url)
    sessions = make_session_factory(engine)
    open_sql = OPEN_STATUS_SQL
    with sessions() as s, s.begin():
        have = s.execute(
            select(func.count()).select_from(Agent).where(Agent.username.like("claim%"))
        ).scalar_one()
        for i in range(have, agents):
            s.add(Agent(username=f"claim{i:03d}", display_name=f"抢单{i:03d}", role="agent"))
    with sessions() as s, s.begin():
        agent_ids = list(
            s.scalars(select(Agent.id).where(Agent.username.like("claim%")).order_by(Agent.id))
        )[:agents]
        # one shared queue: every open case, unassigned
        s.execute(update(Case).where(text(open_sql)).values(assignee_id=None))
        queue = set(s.scalars(select(Case.id).where(text(open_sql), Case.assignee_id.is_(None))))
        last_event = s.execute(select(func.max(CaseEvent.id))).scalar() or 0
        events_before = s.execute(
            select(func.count()).select_from(CaseEvent).where(CaseEvent.kind == "claimed")
        ).scalar_one()
    with engine.connect() as c:
        max_conn = int(c.exec_driver_sql("SHOW max_connections").scalar_one())
        used = int(c.exec_driver_sql("SELECT count(*) FROM pg_stat_activity").scalar_one())
    engine.dispose()
    free = max_conn - used - 15  # leave room for others on this shared server
    wanted = connections if connections > 0 else agents
    per_proc = max(1, min(agents // procs, free // procs, max(wanted // procs, 1)))
    print(
        f"  {agents} agents in {procs} processes share {per_proc * procs} server connections "
        f"(max_connections={max_conn}, {used} in use); queue of {len(queue):,} cases"
    )
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    start = ctx.Event()
    chunks = [agent_ids[i::procs] for i in range(procs)]
    workers = [
        ctx.Process(target=_claim_worker, args=(url, chunk, per_proc, None, out, start))
        for chunk in chunks
    ]
    for w in workers:
        w.start()
    time.sleep(3.0)  # let every process import, connect and reach the start line
    t = time.perf_counter()
    start.set()
    claims: list[tuple[int, int]] = []
    errors: list[str] = []
    for _ in workers:
        got, errs = out.get()
        claims += got
        errors += errs
    elapsed = time.perf_counter() - t
    for w in workers:
        w.join()
    per_case = Counter(cid for cid, _ in claims)
    double_from_agents = sum(1 for n in per_case.values() if n > 1)
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    with sessions() as s:
        holder = dict(
            s.execute(select(Case.id, Case.assignee_id).where(Case.id.in_(list(queue)))).all()
        )
        events = Counter(  # this run's claims, as the case histories record them
            s.scalars(
                select(CaseEvent.case_id).where(
                    CaseEvent.kind == "claimed", CaseEvent.id > last_event
                )
            )
        )
        events_after = events_before + sum(events.values())
    engine.dispose()
    double_in_db = sum(1 for cid in queue if events.get(cid, 0) > 1)
    mismatched = sum(1 for cid, aid in claims if holder.get(cid) != aid)
    unclaimed = sum(1 for cid in queue if cid not in per_case)
    rate = len(claims) / elapsed if elapsed else 0.0
    print(
        f"  {len(claims):,} claims in {elapsed:.2f} s: {rate:,.0f} claims/s; "
        f"claimed twice: {double_from_agents} (agents' view), {double_in_db} (history); "
        f"lost: {mismatched} (holder differs) + {unclaimed} (left in the queue); "
        f"errors: {len(errors)}; claimed events {events_before:,} -> {events_after:,}"
    )
    if errors:
        print("  first errors:", errors[:3])
    return {
        "claims_per_s": rate,
        "double_claims": double_from_agents + double_in_db,
        "lost": mismatched + unclaimed,
        "errors": len(errors),
    }


# --- 3. propagation ------------------------------------------------------------------


def child_propagation(url: str, seconds: float) -> None:
    """The other workstation: the queue model with the live feed; prints when each
    marker title first appears in the model."""
    from PySide6.QtWidgets import QApplication

    from console.infra.database import make_engine, make_session_factory
    from console.services.queue import QueueQuery, QueueService, QueueView
    from console.ui.queue.live import LiveFeed
    from console.ui.queue.model import QueueModel
    from console.ui.queue.table import QueueTable
    from console.ui.queue.windows import WindowRequest, fetch_window
    from console.ui.runner import BackgroundRunner

    app = QApplication.instance() or QApplication([])
    engine = make_engine(url)
    service = QueueService(make_session_factory(engine))
    runner = BackgroundRunner(lambda e: print("error", e, file=sys.stderr))

    def fetch(q: QueueQuery, r: WindowRequest) -> Any:
        return fetch_window(service, q, r)

    model = QueueModel(fetch, lambda fn, ok, fail: runner.run(fn, ok, fail))
    view = QueueTable()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    model.visible_range = lambda: (0, 39)
    seen: dict[str, float] = {}

    def check() -> None:
        now = time.time()
        for i in range(min(model.rowCount(), 40)):
            row = model.row_at(i)
            if row is not None and row.title.startswith("P#") and row.title not in seen:
                seen[row.title] = now

    model.window_loaded.connect(check)
    feed = LiveFeed(engine, poll_seconds=2.0)
    debounce = 0  # the bench measures the feed and the model, not a UI debounce
    feed.changed.connect(lambda _c: model.refresh())
    feed.start()
    model.set_query(QueueQuery(QueueView.OPEN))
    end = time.time() + seconds
    ready_said = False
    while time.time() < end:
        app.processEvents()
        if not ready_said and feed.online and model.loaded_once:
            print("READY", flush=True)
            ready_said = True
        time.sleep(0.001)
    feed.stop()
    runner.wait(10_000)
    print(json.dumps(seen), flush=True)
    del debounce


def propagation_figures(url: str, changes: int) -> tuple[float, float]:
    from sqlalchemy import text

    from console.infra.database import make_engine, make_session_factory
    from console.services.queue import QueueQuery, QueueService, QueueView

    engine = make_engine(url)
    sessions = make_session_factory(engine)
    # distinct visible cases in turn, so that no change overwrites one not yet seen
    tops = [r.id for r in QueueService(sessions).page(QueueQuery(QueueView.OPEN), None, limit=25)]
    spacing = 0.4
    duration = 8 + changes * spacing + 5
    child = subprocess.Popen(
        [sys.executable, __file__, "--child-propagation", url, "--seconds", str(duration)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() != "READY":
        raise RuntimeError(f"propagation child: {line!r}")
    time.sleep(0.5)
    committed: dict[str, float] = {}
    run = os.getpid()
    for i in range(changes):
        title = f"P#{run}-{i:04d}"
        with sessions() as s, s.begin():
            s.execute(
                text("UPDATE cases SET title = :t WHERE id = :i"),
                {"t": title, "i": tops[i % len(tops)]},
            )
        committed[title] = time.time()
        time.sleep(spacing)
    out, _ = child.communicate(timeout=duration + 30)
    seen = json.loads(out.strip().splitlines()[-1])
    engine.dispose()
    lat = sorted((seen[k] - t) * 1000 for k, t in committed.items() if k in seen)
    missing = len(committed) - len(lat)
    p50 = statistics.median(lat) if lat else float("nan")
    p95 = lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))] if lat else float("nan")
    print(
        f"  {len(lat)} of {changes} changes seen in the other process's model"
        f"{f' ({missing} overtaken by the next change before a refresh)' if missing else ''}: "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms"
    )
    return p50, p95


# --- main ----------------------------------------------------------------------------


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--agents", type=int, default=300)
    p.add_argument("--procs", type=int, default=2, help="processes the agents run in")
    p.add_argument(
        "--connections",
        type=int,
        default=8,
        help="server connections the claiming agents share, as through a transaction "
        "pooler (PgBouncer) sized at 4x the server's cores; 0: one per agent, as far as "
        "max_connections allows",
    )
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--changes", type=int, default=40, help="changes for the propagation")
    p.add_argument("--engines", default="postgresql,sqlite")
    p.add_argument("--reuse", action="store_true", help="reuse a filled benchmark database")
    p.add_argument("--child-propagation", metavar="URL", help=argparse.SUPPRESS)
    p.add_argument("--seconds", type=float, default=30, help=argparse.SUPPRESS)
    p.add_argument("--child-ui", metavar="URL", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child_ui:
        print(json.dumps(ui_figures(args.child_ui, args.repeat)), flush=True)
        return
    if args.child_propagation:
        child_propagation(args.child_propagation, args.seconds)
        return
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    figures: dict[str, dict[str, Any]] = {}
    claims: dict[str, Any] = {}
    for kind in engines:
        url = prepare(kind, args.cases, args.reuse)
        print(f"{kind}: queue paint times (in a fresh process, so RSS is the queue's own)")
        ui = ui_in_child(url, args.repeat)
        print(f"{kind}: change propagation")
        p50, p95 = propagation_figures(url, args.changes)
        if kind == "postgresql":
            print(f"{kind}: claims")
            claims = claims_figures(url, args.agents, args.procs, args.connections)
        figures[kind] = {**ui, "p50": p50, "p95": p95}

    def per_engine(fn: Callable[[dict[str, Any]], float]) -> dict[str, float]:
        return {k: round(fn(v), 1) for k, v in figures.items()}

    result = {
        "open_ms": per_engine(lambda f: f["all"]["open"]),
        "sort_ms": per_engine(lambda f: f["all"]["sort"]),
        "filter_ms": per_engine(lambda f: f["all"]["filter"]),
        "end_ms": per_engine(lambda f: f["all"]["end"]),
        "ratio_vs_memory": {k: round(v["ratio"], 2) for k, v in figures.items()},
        "ratio_by_step": {
            k: {step: round(v["all"][step] / v["memory"][step], 2) for step in STEPS}
            for k, v in figures.items()
        },
        "exact_count_ms": per_engine(lambda f: f["all"]["exact"]),
        "rss_mb": per_engine(lambda f: f["rss_mb"]),
        "claims_per_s": round(claims.get("claims_per_s", float("nan")), 1),
        "double_claims": claims.get("double_claims"),
        "lost": claims.get("lost"),
        "propagation_p50_ms": per_engine(lambda f: f["p50"]),
        "propagation_p95_ms": per_engine(lambda f: f["p95"]),
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
