"""Cold and warm start of the console to a usable window (the case entry form ready).

    python bench/startup.py [--runs 5]

Runs `main.py --demo --user agent01 --exit-when-ready` in a fresh, private
HOTLINE_CONSOLE_HOME: the first run is the cold start (migrations, reference data, the
demo week seeded); the others are warm starts. Wall-clock time from spawning the process
to its "ready" line. Uses the offscreen Qt platform unless DISPLAY is set.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one_start(home: Path) -> float:
    env = dict(os.environ, HOTLINE_CONSOLE_HOME=str(home))
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "main.py", "--demo", "--user", "agent01", "--exit-when-ready"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("ready_s="):
            elapsed = time.perf_counter() - started
            proc.wait(timeout=60)
            return elapsed
    proc.wait(timeout=60)
    raise RuntimeError(f"the console exited ({proc.returncode}) without becoming ready")


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--runs", type=int, default=5, help="warm starts after the cold one")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="hotline-bench-startup-") as tmp:
        home = Path(tmp)
        cold = one_start(home)
        print(f"cold start (migrate, seed reference + demo week): {cold:.2f} s")
        warm = []
        for i in range(args.runs):
            warm.append(one_start(home))
            print(f"warm start {i + 1}: {warm[-1]:.2f} s")
    med = statistics.median(warm) if warm else float("nan")
    print(f"warm start median of {len(warm)}: {med:.2f} s")
    print(
        json.dumps(
            {"cold_start_s": round(cold, 3), "warm_start_s": round(med, 3), "runs": len(warm)}
        )
    )


if __name__ == "__main__":
    main()
