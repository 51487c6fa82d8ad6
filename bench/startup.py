"""Cold, warm and offline start of the console to a usable entry form.

    python bench/startup.py [--runs 5] [--no-offline]

- cold: `main.py --demo --user agent01 --exit-when-ready` in a fresh, private
  HOTLINE_CONSOLE_HOME (migrations, reference data; the demo week and the knowledge
  base follow in the background once the form takes input);
- warm: the median of the next ``--runs`` starts in that home;
- offline: a PostgreSQL database of its own (`hotline_bench_startup_*` on the local
  server), a login of its own, reached through a TCP relay on loopback: one start signs
  in while the relay passes (the workstation keeps its offline start file), then the
  bench closes the relay and the median of ``--runs`` starts is taken (`link=offline`).

Wall-clock time from spawning the process to its `ready_s=… link=…` line. Uses the
offscreen Qt platform unless DISPLAY is set. The console's bytecode is compiled first
(as an installed console's is): PYTHONDONTWRITEBYTECODE is dropped for the children.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# this directory holds bench/queue.py, which would shadow the standard library queue
sys.path[0] = str(ROOT)

PASSWORD = "bench-Startup-pw1"
USER = "bench_startup_agent"


@dataclass(frozen=True)
class Start:
    wall_s: float  # spawn to the ready line
    cpu_s: float  # CPU time of the process (all threads) by then: little moved by load
    link: str


def _cpu_s(pid: int) -> float:
    """utime + stime of a running process, from /proc (Linux); NaN elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _env(home: Path, env_extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ, HOTLINE_CONSOLE_HOME=str(home))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(env_extra or {})
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def one_start(home: Path, extra: list[str], env_extra: dict[str, str] | None = None) -> Start:
    with tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "main.py", *extra, "--exit-when-ready"],
            cwd=ROOT,
            env=_env(home, env_extra),
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("ready_s="):
                elapsed = time.perf_counter() - started
                cpu = _cpu_s(proc.pid)
                link = line.strip().rpartition("link=")[2]
                proc.wait(timeout=120)  # the work after the form (demo week…) ends first
                return Start(elapsed, cpu, link)
        proc.wait(timeout=120)
        err.seek(0)
        raise RuntimeError(
            f"the console exited ({proc.returncode}) without becoming ready: {err.read()[-2000:]}"
        )


BARE = """
import time
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow
app = QApplication([])
w = QMainWindow()
w.setCentralWidget(QLineEdit())
w.show()
while not w.windowHandle().isExposed():
    app.processEvents()
app.processEvents()
print("ready", flush=True)
"""


def bare_window(home: Path) -> float:
    """A bare PySide6 window with one field, the same way: the floor of this machine now."""
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", BARE], env=_env(home), capture_output=True, text=True, timeout=60
    )
    if "ready" not in out.stdout:
        raise RuntimeError(out.stderr[-2000:])
    return time.perf_counter() - started


def offline_starts(runs: int) -> tuple[list[Start], float]:
    from sqlalchemy.engine import make_url

    from console import migrations
    from console.app import seed_reference_data
    from console.infra.database import make_engine, make_session_factory
    from console.services import dbroles
    from tests.helpers.db import pg_admin_url
    from tests.helpers.proxy import TcpProxy

    admin_url = make_url(pg_admin_url())
    name = f"hotline_bench_startup_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = make_engine(admin_url)
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    db_url = admin_url.set(database=name).render_as_string(hide_password=False)
    proxy = TcpProxy((admin_url.host or "127.0.0.1", admin_url.port or 5432)).start()
    try:
        engine = make_engine(db_url)
        migrations.upgrade(engine)
        seed_reference_data(make_session_factory(engine))
        dbroles.apply_roles(engine)
        dbroles.add_agent(engine, USER, "agent", PASSWORD, display_name="Bench Agent")
        engine.dispose()
        url = make_url(proxy.url(db_url)).set(username=USER, password=None)
        relay_url = url.render_as_string(hide_password=False)
        env = {"HOTLINE_PASSWORD": PASSWORD}
        args = ["--database", relay_url, "--user", USER]
        with tempfile.TemporaryDirectory(prefix="hotline-bench-offline-") as tmp:
            home = Path(tmp)
            first = one_start(home, args, env)
            online, link = first.wall_s, first.link
            print(
                f"online start through the relay (keeps the offline start file): "
                f"{online:.2f} s, link={link}"
            )
            if link != "online":
                raise RuntimeError(f"the first start should be online, was {link}")
            proxy.refuse()
            print("relay closed: the central database is unreachable")
            starts = []
            for i in range(runs):
                st = one_start(home, args, env)
                starts.append(st)
                print(
                    f"offline start {i + 1}: {st.wall_s:.2f} s (CPU {st.cpu_s:.2f} s), "
                    f"link={st.link}"
                )
        return starts, online
    finally:
        proxy.stop()
        with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            c.exec_driver_sql(f'DROP ROLE IF EXISTS "{USER}"')
        admin.dispose()


def main() -> None:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--runs", type=int, default=5, help="warm and offline starts to take")
    p.add_argument("--no-offline", action="store_true", help="skip the PostgreSQL part")
    args = p.parse_args()
    compileall.compile_dir(ROOT / "console", quiet=1)
    load = os.getloadavg()
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({os.cpu_count()} CPUs)")
    with tempfile.TemporaryDirectory(prefix="hotline-bench-startup-") as tmp:
        home = Path(tmp)
        bare = [bare_window(home) for _ in range(3)]
        print(f"bare PySide6 window (this machine, now): {statistics.median(bare):.2f} s")
        cold = one_start(home, ["--demo", "--user", "agent01"])
        print(
            f"cold start (migrate, reference data; demo week after the form): "
            f"{cold.wall_s:.2f} s (CPU {cold.cpu_s:.2f} s)"
        )
        warm: list[Start] = []
        for i in range(args.runs):
            warm.append(one_start(home, ["--demo", "--user", "agent01"]))
            print(f"warm start {i + 1}: {warm[-1].wall_s:.2f} s (CPU {warm[-1].cpu_s:.2f} s)")
    med = statistics.median(w.wall_s for w in warm) if warm else float("nan")
    print(f"warm start median of {len(warm)}: {med:.2f} s")
    result: dict[str, object] = {
        "cold_start_s": round(cold.wall_s, 3),
        "warm_start_s": round(med, 3),
        "warm_runs_s": [round(w.wall_s, 3) for w in warm],
        "cold_cpu_s": round(cold.cpu_s, 3),
        "warm_cpu_s": round(statistics.median(w.cpu_s for w in warm), 3) if warm else None,
        "bare_window_s": round(statistics.median(bare), 3),
    }
    if not args.no_offline:
        starts, online = offline_starts(args.runs)
        off = statistics.median(st.wall_s for st in starts)
        print(f"offline start median of {len(starts)}: {off:.2f} s")
        result.update(
            offline_start_s=round(off, 3),
            offline_runs_s=[round(st.wall_s, 3) for st in starts],
            offline_cpu_s=round(statistics.median(st.cpu_s for st in starts), 3),
            offline_links=sorted({st.link for st in starts}),
            online_first_start_s=round(online, 3),
        )
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    result["runs"] = args.runs
    result["load_average_1m"] = round(load[0], 2)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
