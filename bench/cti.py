"""Screen pop latency and events lost under a burst, through the real AMI adapter.

    python bench/cti.py                    # 1,000,000 cases on PostgreSQL
    python bench/cti.py --cases 100000     # quicker
    python bench/cti.py --engine sqlite

A database of its own with N cases of 100,000 callers (bench/bulk.py), the real entry
form (offscreen), the real AMI adapter (panoramisk, its own thread) logged in to the
fake AMI server on loopback (tests/helpers/fake_ami.py), the real screen pop:

- screen pop: from the moment the ring's events are written to the AMI socket to the
  moment the form shows the caller's number and their history (the form's
  ``history_shown`` signal, on the GUI thread, after the history query on the database);
  one call at a time, each from a caller with earlier cases, the form cleared between;
- burst: 100 events a second (queue joins and abandons of distinct calls) for some
  seconds; lost = events written to the socket − plain call events that reached the GUI
  thread. The call log rows the batches wrote are counted as well.

The last line is JSON: screen_pop_p50_ms, screen_pop_p95_ms, lost_events.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if sys.path and Path(sys.path[0]).resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)  # bench/ holds queue.py: keep the standard library's queue
elif str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import timedelta  # noqa: E402

from sqlalchemy import func, select  # noqa: E402

from bench.bulk import bulk_cases, fresh_database  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    s = sorted(values)
    k = max(0, min(len(s) - 1, round(p / 100 * (len(s) - 1))))
    return s[k]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--callers", type=int, default=100_000)
    p.add_argument("--engine", choices=("postgresql", "sqlite"), default="postgresql")
    p.add_argument("--pops", type=int, default=60)
    p.add_argument("--burst-seconds", type=int, default=10)
    p.add_argument("--rate", type=int, default=100, help="burst events per second")
    args = p.parse_args()

    os.environ.setdefault("HOTLINE_CONSOLE_HOME", tempfile.mkdtemp(prefix="hotline-bench-cti-"))
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from console.app import open_context
    from console.domain.agentstate import AgentState
    from console.infra.settings import Settings
    from console.models import Case
    from console.models.telephony import CallLog
    from console.telephony.ami import AmiUrl
    from console.telephony.events import CallEvent, CallEventKind, LinkState
    from console.ui.context import UiContext
    from console.ui.intake.form import CaseEntryScreen
    from console.ui.messages import MessageBar, Messages
    from console.ui.runner import BackgroundRunner
    from console.ui.telephony.link import AmiLink
    from console.ui.telephony.phone import Telephony
    from console.ui.telephony.pop import ScreenPop
    from tests.helpers.fake_ami import FakeAmi, FakeCall

    print(f"== {args.engine}: {args.cases:,} cases of {args.callers:,} callers")
    url = fresh_database(args.engine, "cti")
    t = time.perf_counter()
    bulk_cases(url, args.cases, callers=args.callers, progress=lambda m: print(m, flush=True))
    print(f"  filled in {time.perf_counter() - t:.0f} s", flush=True)

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    ctx = open_context(url, Settings(Path(tempfile.mkdtemp()) / "settings.ini"))
    rnd = random.Random(5)
    with ctx.sessions() as s:
        max_id = s.scalar(select(func.max(Case.id))) or 1
        ids = [rnd.randrange(1, max_id + 1) for _ in range(args.pops * 3)]
        phones = list(
            dict.fromkeys(
                p for p in s.scalars(select(Case.caller_phone).where(Case.id.in_(ids))) if p
            )
        )[: args.pops]
    identity = ctx.agents.sign_in("admin")
    bar = MessageBar()
    errors: list[BaseException] = []
    runner = BackgroundRunner(errors.append)
    ui = UiContext(ctx, identity, runner, Messages(bar))

    def wait(pred: Callable[[], bool], timeout_s: float = 20.0) -> bool:
        end = time.perf_counter() + timeout_s
        while not pred():
            if time.perf_counter() > end:
                return False
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.001)
        return True

    entry = CaseEntryScreen(ui)
    entry.show()
    assert wait(lambda: entry.isEnabled() and entry.ref is not None), "form not ready"
    # the form's start-up work in the background (pinyin index, then jieba) is not a call's
    assert wait(lambda: entry.categories is not None and runner.in_flight == 0, 60)
    pop = ScreenPop(ui, entry, lambda: None, entry)
    phone = Telephony(
        ui, pop, extension="1001", after_call_limit=timedelta(0), record_queue=True, parent=entry
    )
    ami = FakeAmi()
    ami.start()
    link = AmiLink(AmiUrl("console", "s3cret", "127.0.0.1", ami.port), "1001", phone)
    phone.attach_ami(link)
    phone.start()
    assert wait(lambda: link.last.state is LinkState.CONNECTED), "AMI not connected"

    # --- screen pop ----------------------------------------------------------------------
    latencies: list[float] = []
    sizes: list[int] = []
    for number in phones:
        shown: list[float] = []

        def on_shown(history: object, number: str = number, shown: list[float] = shown) -> None:
            if entry.phone.text() == number and history is not None:
                shown.append(time.perf_counter())
                sizes.append(len(getattr(history, "cases", ())))

        entry.history_shown.connect(on_shown)
        call = FakeCall(number, extension="1001")
        t0 = time.perf_counter()  # the ring's events go to the socket now
        ami.send(*call.ringing())
        loop = QEventLoop()
        entry.history_shown.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        while not shown and time.perf_counter() - t0 < 10:
            loop.exec()
        entry.history_shown.disconnect(on_shown)
        entry.history_shown.disconnect(loop.quit)
        if not shown:
            print(f"  no pop for {number} within 10 s")
            continue
        latencies.append((shown[0] - t0) * 1000)
        ami.send(*call.answered(), *call.ended())
        wait(lambda: phone.state.state is AgentState.AFTER_CALL, 5)
        phone.choose(AgentState.READY)
        entry.new_case(ask=False)  # a pop the bench made: nothing an agent typed
        wait(lambda: runner.in_flight == 0, 5)
    p50 = statistics.median(latencies) if latencies else float("nan")
    p95 = percentile(latencies, 95) if latencies else float("nan")
    slowest = max(range(len(latencies)), key=lambda i: latencies[i])
    print(
        f"  screen pop over {len(latencies)} calls: p50 {p50:.1f} ms, p95 {p95:.1f} ms, "
        f"max {latencies[slowest]:.1f} ms (call {slowest + 1}; the first took "
        f"{latencies[0]:.1f} ms), history of {min(sizes)}–{max(sizes)} cases"
    )

    # --- burst ---------------------------------------------------------------------------
    seen: list[CallEvent] = []
    link.call_event.connect(seen.append)
    n_calls = args.rate * args.burst_seconds // 2
    calls = [FakeCall(f"139{i:08d}") for i in range(n_calls)]
    events = [c.join() for c in calls] + [c.abandon() for c in calls]
    sent_before = ami.sent
    start = time.perf_counter()
    per_tick = max(1, args.rate // 10)
    for i in range(0, len(events), per_tick):  # every 100 ms, a tenth of the second's events
        ami.send(*events[i : i + per_tick])
        target = start + (i + per_tick) / args.rate
        while time.perf_counter() < target:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    sent = ami.sent - sent_before
    send_s = time.perf_counter() - start
    wait(lambda: len(seen) >= sent, 15)
    burst_kinds = {CallEventKind.QUEUE_JOIN, CallEventKind.QUEUE_ABANDON}
    arrived = sum(1 for e in seen if e.kind in burst_kinds)
    lost = sent - arrived
    wait(lambda: not phone._pending and not phone._writing and runner.in_flight == 0, 30)
    written_s = time.perf_counter() - start
    burst_ids = [c.uid for c in calls]
    with ctx.sessions() as s:
        rows = abandoned = 0
        for k in range(0, len(burst_ids), 500):
            part = CallLog.uniqueid.in_(burst_ids[k : k + 500])
            rows += s.scalar(select(func.count()).select_from(CallLog).where(part)) or 0
            abandoned += (
                s.scalar(
                    select(func.count())
                    .select_from(CallLog)
                    .where(part, CallLog.abandoned.is_(True))
                )
                or 0
            )
    print(
        f"  burst: {sent} events sent in {send_s:.1f} s ({sent / send_s:.0f}/s), {arrived} "
        f"reached the GUI thread, lost {lost}; call log written {written_s:.1f} s after the "
        f"first: {rows} calls, {abandoned} abandoned (expected {n_calls} and {n_calls})"
    )
    phone.shutdown()
    runner.wait(10_000)
    ami.stop()
    ctx.close()
    if errors:
        print(f"  background errors: {errors!r}")
    print(
        json.dumps(
            {
                "screen_pop_p50_ms": round(p50, 1),
                "screen_pop_p95_ms": round(p95, 1),
                "lost_events": lost,
                "cases": args.cases,
                "engine": args.engine,
                "pops": len(latencies),
                "burst_events": sent,
                "call_log_rows": rows,
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
