"""A shift of 300 agents on PostgreSQL with the central link cut twice.

    python bench/faults.py                      # 300 agents, an 8 h shift in 200 s
    python bench/faults.py --cases 3000         # quicker
    python bench/faults.py --agents 60 --shift-seconds 60

Each simulated agent is a workstation of its own: its own station code, its own local
store (an SQLite file with the outbox) and its own replay thread (console.offline). The
agents run as threads in --procs processes; each process shares one engine (a pool of
--pool connections) among its agents, as this PostgreSQL allows max_connections=100
(shared with other users): 4 processes × (8 + 2 overflow) = 40 connections at most,
where a real site has one small pool per workstation.

All of them reach PostgreSQL through an in-process TCP proxy (tests/helpers/proxy.py)
that this process controls: the shared server is never stopped. Time is compressed: an
8-hour shift (480 simulated minutes) runs in --shift-seconds; calls arrive at random
(Poisson) so that the shift totals about --cases cases. The default, 6,000 cases (20 per
agent, 30 saves a second at 144× compression), is sized for this benchmark machine: all
300 simulated workstations share its 2 cores with the database server, and it saturates
at about 30 saves a second; a real agent takes 60-100 calls a shift, each on a
workstation with its own CPU. Above that load the backlog only drains when the shift ends.
The link is cut twice:

1. at 30 % of the shift, connections refused and the open ones reset (a server restart,
   a pulled cable seen by a router), for --cut-seconds;
2. at 65 %, the link swallows all traffic (a hung firewall or proxy): calls get no
   answer until their deadline.

Afterwards every case the callers were given a number for is looked up centrally by its
client uuid: stored, duplicates (a uuid or a number stored twice; target 0), lost
(target 0), numbers changed by the server (renumbered). The outbox backlog (items
waiting on all workstations together) is sampled every 0.5 s: its maximum and the
time from each restore to an empty outbox (drain). The last line is JSON with
``entered``, ``stored``, ``duplicates``, ``lost``, ``max_backlog``, ``drain_s``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if sys.path and Path(sys.path[0]).resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)  # bench/queue.py would hide the stdlib `queue`
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import argparse  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import multiprocessing as mp  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from collections import Counter  # noqa: E402
from concurrent.futures import ThreadPoolExecutor  # noqa: E402
from typing import Any  # noqa: E402

from sqlalchemy import select  # noqa: E402

from bench.bulk import _refs, fresh_database  # noqa: E402
from console.domain.identity import Identity  # noqa: E402
from console.domain.validation import CaseDraft  # noqa: E402
from console.domain.workcalendar import WorkCalendar  # noqa: E402
from console.infra.database import make_engine, make_session_factory  # noqa: E402
from console.models import Agent, Case, Workstation  # noqa: E402
from console.offline.policy import Backoff, LinkState  # noqa: E402
from console.offline.service import OfflineService  # noqa: E402
from console.offline.store import LocalStore  # noqa: E402
from console.services.cases import CLOSE, DISPATCH, SAVE, CaseService  # noqa: E402
from console.services.intake import IntakeService  # noqa: E402

SHIFT_MINUTES = 480
SAMPLE_S = 0.5


def _draft(rnd: random.Random, refs: dict[str, list[int]]) -> tuple[CaseDraft, str, int | None]:
    phone = f"1{rnd.choice('3456789')}{rnd.randrange(10**9):09d}"
    r = rnd.random()
    if r < 0.35:
        d = CaseDraft(
            case_type="consultation",
            sub_type="policy",
            class_code="livelihood",
            caller_phone=phone,
            description="咨询居住证办理需要哪些材料，以及签注的时间",
            answer="携带身份证、租赁合同到所在街道出租屋管理服务中心办理。",
        )
        return d, CLOSE, None
    if r < 0.6:
        d = CaseDraft(
            case_type="consultation",
            sub_type="service",
            class_code="livelihood",
            caller_phone=phone,
            description="咨询社保卡补办流程，需要回电告知",
        )
        return d, SAVE, None
    d = CaseDraft(
        case_type="demand",
        sub_type="complaint",
        class_code="city",
        category_id=rnd.choice(refs["categories"]),
        district_id=rnd.choice(refs["districts"]),
        caller_phone=phone,
        description="小区旁工地夜间施工噪音扰民，已持续一周",
    )
    return d, DISPATCH, rnd.choice(refs["units"])


def _worker(
    idx: int,
    url: str,
    stations: list[str],
    agents: list[list[Any]],
    refs: dict[str, list[int]],
    per_agent: float,
    shift_s: float,
    start_at: float,
    pool: int,
    out_dir: str,
) -> None:
    """One process: len(stations) workstations sharing one engine."""
    # the simulated workstations of a process share one pool: waiting for a pooled
    # connection is this simulation's queue, not the link failing (a workstation's own
    # pool is never that busy), so the wait for one is long here
    engine = make_engine(url, pool_size=pool, call_timeout_s=5, pool_timeout_s=60)
    logging.getLogger("console").setLevel(logging.ERROR)  # the cuts log a lot
    sessions = make_session_factory(engine)
    executor = ThreadPoolExecutor(32, thread_name_prefix=f"direct-{idx}")
    services: list[OfflineService] = []
    for st in stations:
        cases = CaseService(sessions, WorkCalendar, lambda st=st: st)  # type: ignore[misc]
        intake = IntakeService(cases, lambda st=st: st)  # type: ignore[misc]
        svc = OfflineService(
            LocalStore(Path(out_dir) / f"outbox-{st}.sqlite3"),
            sessions,
            intake,
            lambda st=st: st,  # type: ignore[misc]
            backoff=Backoff(base=0.25, factor=2.0, cap=4.0),
            probe_every=5.0,
            executor=executor,
        )
        services.append(svc)
    records: list[list[Any]] = []
    lock = threading.Lock()
    samples: list[tuple[float, int]] = []
    stop_sampling = threading.Event()

    def sampler() -> None:
        while not stop_sampling.is_set():
            t = time.time()
            total = sum(s.store.counts().waiting for s in services)
            samples.append((t, total))
            stop_sampling.wait(SAMPLE_S)

    def agent(k: int, svc: OfflineService) -> None:
        rnd = random.Random(idx * 1000 + k)
        who = Identity(*agents[k % len(agents)])
        rate = per_agent / shift_s  # calls per real second
        t = start_at + rnd.expovariate(rate)
        end = start_at + shift_s
        while t < end:
            delay = t - time.time()
            if delay > 0:
                time.sleep(delay)
            draft, action, unit = _draft(rnd, refs)
            cu = uuid.uuid4()
            t0 = time.monotonic()
            try:
                saved = svc.submit_case(draft, who, action=action, unit_id=unit, case_uuid=cu)
                rec = [str(cu), saved.number, bool(saved.queued), time.monotonic() - t0, ""]
            except Exception as e:  # noqa: BLE001 - counted: the agent could not save
                rec = [str(cu), "", False, time.monotonic() - t0, f"{e.__class__.__name__}: {e}"]
            with lock:
                records.append(rec)
            t += rnd.expovariate(rate)

    for s in services:
        s.start()
    threading.Thread(target=sampler, daemon=True).start()
    threads = [threading.Thread(target=agent, args=(k, s)) for k, s in enumerate(services)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    # the shift is over: wait for every outbox to drain (bounded)
    deadline = time.time() + 300
    while time.time() < deadline:
        sts = [s.status() for s in services]
        if all(st.state is LinkState.ONLINE and st.pending == 0 for st in sts):
            break
        time.sleep(0.2)
    time.sleep(2 * SAMPLE_S)
    stop_sampling.set()
    held = sum(s.status().held for s in services)
    for s in services:
        s.stop()
        s.store.close()
    executor.shutdown(wait=False, cancel_futures=True)
    engine.dispose()
    from console.infra.deadline import WATCHDOG

    Path(out_dir, f"result-{idx}.json").write_text(
        json.dumps({"records": records, "samples": samples, "held": held, "cut": WATCHDOG.fired})
    )


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--agents", type=int, default=300)
    p.add_argument("--procs", type=int, default=4)
    p.add_argument("--pool", type=int, default=8, help="connections per process (+2 overflow)")
    p.add_argument("--cases", type=int, default=6000, help="cases in the whole shift (about)")
    p.add_argument("--shift-seconds", type=float, default=200.0)
    p.add_argument("--cut-seconds", type=float, default=12.0)
    a = p.parse_args()
    from tests.helpers.proxy import TcpProxy

    compression = SHIFT_MINUTES * 60 / a.shift_seconds
    print(
        f"{a.agents} agents in {a.procs} processes (pool {a.pool}+2 each), "
        f"~{a.cases} cases in an 8 h shift compressed to {a.shift_seconds:g} s "
        f"({compression:.0f}×); cuts of {a.cut_seconds:g} s at 30 % (refused) and 65 % "
        "(swallowed)",
        flush=True,
    )
    url = fresh_database("postgresql", "faults")
    refs = _refs(url)
    engine = make_engine(url)
    sessions = make_session_factory(engine)
    with sessions() as s, s.begin():
        s.add_all(Workstation(code=f"{i:03d}", hostname=f"bench-{i:03d}")
                  for i in range(1, a.agents + 1))  # fmt: skip
    with sessions() as s:
        agents = [
            [x.id, x.username, x.display_name, x.role]
            for x in s.scalars(select(Agent).where(Agent.username.like("bench%")))
        ]
    stations = [f"{i:03d}" for i in range(1, a.agents + 1)]
    proxy = TcpProxy(("127.0.0.1", make_engine(url).url.port or 5432)).start()
    out_dir = tempfile.mkdtemp(prefix="hotline-faults-")
    per_agent = a.cases / a.agents
    start_at = time.time() + 3.0
    ctx = mp.get_context("spawn")
    procs = []
    for i in range(a.procs):
        mine = stations[i :: a.procs]
        pr = ctx.Process(
            target=_worker,
            args=(i, proxy.url(url), mine, agents, refs, per_agent, a.shift_seconds,
                  start_at, a.pool, out_dir),
        )  # fmt: skip
        pr.start()
        procs.append(pr)
    cuts = [
        (0.30, "refuse", proxy.refuse),
        (0.65, "blackhole", proxy.blackhole),
    ]
    restores: list[float] = []
    for frac, name, cut in cuts:
        time.sleep(max(0.0, start_at + frac * a.shift_seconds - time.time()))
        cut()
        print(f"cut ({name}) at {time.time() - start_at:.1f} s", flush=True)
        time.sleep(a.cut_seconds)
        proxy.restore()
        restores.append(time.time())
        print(f"restored at {time.time() - start_at:.1f} s", flush=True)
    for pr in procs:
        pr.join()
    proxy.stop()

    records: list[list[Any]] = []
    series: Counter[int] = Counter()
    held = 0
    cut_calls = 0
    for i in range(a.procs):
        r = json.loads(Path(out_dir, f"result-{i}.json").read_text())
        records += r["records"]
        held += r["held"]
        cut_calls += r["cut"]
        for t, n in r["samples"]:
            series[int(t / SAMPLE_S)] += n
    shutil.rmtree(out_dir, ignore_errors=True)

    given = {rec[0]: rec[1] for rec in records if rec[1]}
    failed = [rec for rec in records if not rec[1]]
    with sessions() as s:
        rows = s.execute(select(Case.uuid, Case.number)).all()
    engine.dispose()
    stored_by_uuid = Counter(str(u) for u, _n in rows)
    numbers = Counter(n for _u, n in rows)
    ours = {str(u): n for u, n in rows if str(u) in given}
    entered = len(given)
    stored = len(ours)
    duplicates = sum(c - 1 for c in stored_by_uuid.values() if c > 1) + sum(
        c - 1 for c in numbers.values() if c > 1
    )
    lost = entered - stored
    renumbered = sum(1 for u, n in ours.items() if given[u] != n)
    queued = sum(1 for rec in records if rec[2])
    latencies = sorted(rec[3] for rec in records)
    bins = sorted(series)
    max_backlog = max(series.values(), default=0)
    drains = []
    for t_r in restores:
        b0 = int(t_r / SAMPLE_S)
        zero = next((b for b in bins if b >= b0 and series[b] == 0), None)
        drains.append(round((zero - b0) * SAMPLE_S, 2) if zero is not None else None)
    print(f"entered (callers given a number): {entered}; not saved at all: {len(failed)}")
    print(f"saved on the workstation (outbox): {queued}; held for a person: {held}; "
          f"calls cut at their deadline: {cut_calls}")  # fmt: skip
    print(f"stored centrally: {stored}; duplicates: {duplicates}; lost: {lost}; "
          f"renumbered: {renumbered}")  # fmt: skip
    print(
        f"save latency as the agent sees it: median {statistics.median(latencies) * 1000:.1f} ms, "
        f"p99 {latencies[int(len(latencies) * 0.99) - 1] * 1000:.0f} ms, "
        f"max {latencies[-1] * 1000:.0f} ms"
    )
    print(f"longest outbox backlog (all workstations): {max_backlog}; drain after each "
          f"restore: {drains} s")  # fmt: skip
    valid = [d for d in drains if d is not None]
    print(
        json.dumps(
            {
                "entered": entered,
                "stored": stored,
                "duplicates": duplicates,
                "lost": lost,
                "max_backlog": max_backlog,
                "drain_s": max(valid) if len(valid) == len(drains) else None,
                "drain_each_s": drains,
                "queued": queued,
                "held": held,
                "renumbered": renumbered,
                "failed": len(failed),
                "agents": a.agents,
                "procs": a.procs,
                "compression": round(compression),
            }
        )
    )


if __name__ == "__main__":
    main()
