"""SLA engine cost.

    python bench/sla.py [--cases 1000000]

1. Recompute the deadlines of N cases from their event histories (the domain's
   compute_deadlines over a realistic mix of policies, clock events, pauses and
   extensions), in the process, as refresh_deadlines does for each write: µs per case.
2. Evaluate the countdown state of N cases from their stored next deadline and thresholds
   (what a queue does per visible row per second): µs per case.
3. The GUI-thread cost of one countdown tick of a full queue screen (a 1366×800 window,
   the real QueueModel and QTableView, offscreen): dataChanged over the visible rows of
   the countdown column plus the repaint of those cells that the event loop does next;
   median of 300 ticks. (A forced repaint of the whole viewport is printed too.)

The last line is JSON with `us_per_case` (1) and `tick_ms` (3), plus `state_us_per_case`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from console.domain.casetypes import EventKind  # noqa: E402
from console.domain.sla import (  # noqa: E402
    HOURS,
    WORKDAYS,
    Milestone,
    Policy,
    compute_deadlines,
    countdown,
    history_from_events,
)
from console.domain.workcalendar import EXCLUSIVE, WorkCalendar  # noqa: E402

POLICIES = (
    Policy(1, "urgent", 1, "紧急事项", EXCLUSIVE, (
        Milestone("contact", "联系群众", 1, HOURS, "received", "contacted", 15, 5),
        Milestone("on_scene", "到达现场", 2, HOURS, "received", "on_scene", 30, 10),
        Milestone("feedback", "初步反馈", 1, WORKDAYS, "received", "replied_initial"),
        Milestone("result", "办结反馈", 3, WORKDAYS, "received", "replied"),
    )),
    Policy(2, "demand", 1, "一般诉求", EXCLUSIVE, (
        Milestone("accept", "签收", 1, WORKDAYS, "dispatched", "accepted"),
        Milestone("contact", "联系群众", 1, WORKDAYS, "accepted", "contacted"),
        Milestone("result", "办结反馈", 5, WORKDAYS, "received", "replied"),
    )),
    Policy(3, "consultation", 1, "咨询回复", EXCLUSIVE, (
        Milestone("answer", "答复", 1, WORKDAYS, "received", "closed"),
    )),
)  # fmt: skip


def histories(n: int, now: datetime, seed: int = 7) -> list[tuple[Policy, list[Any]]]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        policy = rnd.choices(POLICIES, weights=(5, 30, 65))[0]
        t0 = now - timedelta(minutes=rnd.randrange(0, 60 * 24 * 20))
        ev: list[tuple[str, datetime, dict[str, Any]]] = [(EventKind.CREATED, t0, {})]
        t = t0
        for kind in (
            EventKind.DISPATCHED,
            EventKind.ACCEPTED,
            EventKind.CONTACTED,
            EventKind.REPLIED,
        ):
            if rnd.random() < 0.6:
                t = t + timedelta(minutes=rnd.randrange(5, 600))
                ev.append((kind, t, {}))
        if rnd.random() < 0.1:
            p = t + timedelta(minutes=rnd.randrange(5, 300))
            ev.append((EventKind.PAUSED, p, {}))
            ev.append((EventKind.RESUMED, p + timedelta(minutes=rnd.randrange(5, 900)), {}))
        if rnd.random() < 0.03:
            ev.append(
                (
                    EventKind.EXTENSION_APPROVED,
                    t + timedelta(hours=1),
                    {"milestone": "result", "due_at": (t + timedelta(days=9)).isoformat()},
                )
            )
        out.append((policy, ev))
    return out


def bench_compute(n: int, now: datetime) -> float:
    calendar = WorkCalendar()
    data = histories(n, now)
    started = time.perf_counter()
    for policy, events in data:
        compute_deadlines(policy, history_from_events(events), calendar)
    return (time.perf_counter() - started) / n * 1e6


def bench_state(n: int, now: datetime) -> float:
    calendar = WorkCalendar()
    rnd = random.Random(3)
    rows = []
    for _ in range(n):
        due = now + timedelta(minutes=rnd.randrange(-600, 60 * 24 * 5))
        unit = WORKDAYS if rnd.random() < 0.7 else HOURS
        rows.append((due, due - timedelta(hours=4), due - timedelta(hours=1), unit))
    started = time.perf_counter()
    for due, warn, critical, unit in rows:
        countdown(due, now, warn_at=warn, critical_at=critical, limit_unit=unit, calendar=calendar)
    return (time.perf_counter() - started) / n * 1e6


def bench_tick(ticks: int = 300) -> tuple[float, int]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    from console.services.queue import QueueRow
    from console.ui.queue.model import QueueModel

    app = QApplication.instance() or QApplication([])
    now = datetime.now(UTC)
    rnd = random.Random(1)
    rows = [
        QueueRow(
            id=i, number=f"261127-001-{i:04d}", status="dispatched", case_type="demand",
            sub_type="complaint", urgency="normal", class_name="城市管理", category="城乡建设/x/y",
            district="南海区", caller="陈先生", title="市民反映占道经营问题", assignee="坐席01",
            unit="桂城街道办事处", received_at=now - timedelta(hours=2), next_milestone="result",
            next_due_at=now + timedelta(minutes=rnd.randrange(-300, 6000)),
        )
        for i in range(1, 1001)
    ]  # fmt: skip

    def fetch(_q: Any, _after: Any, limit: int) -> list[QueueRow]:
        return rows[:limit]

    def run(fn: Any, ok: Any, _fail: Any) -> None:
        ok(fn())  # synchronous: the bench measures the GUI side only

    model = QueueModel(fetch, run)
    window = QMainWindow()
    view = QTableView()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1366, 800)
    window.show()
    model.set_query(model.query)
    for _ in range(5):
        app.processEvents()
    first = view.rowAt(0)
    last = view.rowAt(view.viewport().height() - 1)
    visible = last - first + 1
    samples = []
    for _ in range(ticks):
        t = time.perf_counter()
        model.tick(first, last)
        app.processEvents()  # the event loop repaints the dirty cells, as after a real tick
        samples.append((time.perf_counter() - t) * 1000)
    full = []
    for _ in range(50):
        t = time.perf_counter()
        model.tick(first, last)
        view.viewport().repaint()
        full.append((time.perf_counter() - t) * 1000)
    print(f"  (whole viewport repainted with each tick: {statistics.median(full):.2f} ms)")
    window.close()
    view.setModel(None)  # type: ignore[arg-type]
    return statistics.median(samples), visible


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=3, help="repetitions of the state pass")
    args = p.parse_args()
    now = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
    print(f"recomputing deadlines of {args.cases:,} cases from their histories …")
    us = bench_compute(args.cases, now)
    print(f"  {us:.1f} µs per case ({us * args.cases / 1e6:.1f} s for all)")
    states = [bench_state(min(args.cases, 200_000), now) for _ in range(args.repeat)]
    state_us = statistics.median(states)
    print(
        f"countdown state from stored deadlines: {state_us:.2f} µs per case (median of "
        f"{args.repeat})"
    )
    tick_ms, visible = bench_tick()
    print(
        f"one countdown tick of a full queue screen ({visible} visible rows): "
        f"{tick_ms:.2f} ms median of 300"
    )
    print(
        json.dumps(
            {
                "us_per_case": round(us, 2),
                "tick_ms": round(tick_ms, 3),
                "state_us_per_case": round(state_us, 3),
                "cases": args.cases,
            }
        )
    )


if __name__ == "__main__":
    main()
