"""Every benchmark runs end to end at a small size and ends with its JSON line under the
keys its issue names: a benchmark that hangs on a dialog or breaks on a renamed call is
found by ``make test``, not the next time someone measures. Figures are not checked
here (performance is measured, not asserted in tests)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.pg

#: script, small-size arguments, keys its last line must hold
BENCHES = [
    ("cti.py", ["--cases", "2000", "--callers", "500", "--pops", "3", "--burst-seconds", "1"],
     {"screen_pop_p50_ms", "screen_pop_p95_ms", "lost_events"}),
    ("handover.py", ["--cases", "3000", "--shift-cases", "200", "--runs", "1"], {"build_ms"}),
    ("intake.py", ["--cases", "3000", "--callers", "500", "--articles", "100", "--reps", "3"],
     {"history_ms", "duplicates_ms", "kb_search_ms"}),
    ("loop.py", ["--cases", "3000", "--repeat", "1"],
     {"inbox_ms", "review_ms", "extensions_ms", "overdue_ms", "callbacks_ms"}),
    ("reports.py", ["--cases", "3000", "--repeat", "1"],
     {"daily_ms", "monthly_ms", "hotspots_ms"}),
    ("sla.py", ["--cases", "3000", "--repeat", "1"], {"us_per_case", "tick_ms"}),
    ("suggest.py", ["--cases", "2000", "--folds", "3", "--latency-samples", "50"],
     {"top1", "top3", "suggest_p95_ms", "train_s", "ece", "ece_raw", "model_bytes"}),
]  # fmt: skip


@pytest.mark.parametrize(("script", "args", "keys"), BENCHES, ids=[b[0] for b in BENCHES])
def test_benchmark_runs_small_and_ends_with_its_figures(
    script: str, args: list[str], keys: set[str]
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert lines, "no output"
    figures = json.loads(lines[-1])
    assert keys <= figures.keys(), f"missing {keys - figures.keys()} in {lines[-1]}"
