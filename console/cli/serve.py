"""``python main.py [--database URL] serve --listen HOST:PORT``: the exchange service.

python main.py --database postgresql://exchange@db/hotline serve --listen 0.0.0.0:8345 \\
    --sms-url 'https://sms.example.gov.cn/send?to={phone}&msg={text}&id={id}'
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import threading
from collections.abc import Callable
from typing import Any

log = logging.getLogger("console.exchange")

SMS_URL_ENV = "HOTLINE_SMS_URL"
#: the process id of the ``serve`` that started a child (a child ends when it is gone)
PARENT_ENV = "HOTLINE_PARENT_PID"


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="run the exchange service (HTTP API for platforms and units)",
        description="The HTTP exchange service beside the central database: platforms push "
        "work orders and receive webhooks, units read their inbox and record their steps; "
        "SMS to citizens at intake and closure. API documented at /openapi.json.",
    )
    p.add_argument("--database", metavar="URL", dest="sub_database")
    p.add_argument("--listen", metavar="HOST:PORT", default="127.0.0.1:8345")
    p.add_argument(
        "--sms-url",
        metavar="TEMPLATE",
        default=os.environ.get(SMS_URL_ENV, ""),
        help="the SMS gateway's URL with {phone} {text} {id} "
        f"(default ${SMS_URL_ENV}; none: no SMS is sent)",
    )
    p.add_argument("--sms-method", choices=["GET", "POST"], default="GET")
    p.add_argument("--rate", type=float, default=50.0, help="requests per second per token")
    p.add_argument("--burst", type=int, default=100, help="burst allowance per token")
    p.add_argument(
        "--no-workers", action="store_true", help="serve HTTP only (another process delivers)"
    )
    p.add_argument(
        "--deliver-only",
        action="store_true",
        help="deliver webhooks and SMS only, no HTTP (serve runs this as a child process; "
        "with --no-workers elsewhere: a delivery process of its own)",
    )
    p.add_argument(
        "--workers-in-process",
        action="store_true",
        help="deliver in threads of the HTTP process instead of a child process",
    )
    p.add_argument(
        "--no-suggestions",
        action="store_true",
        help="do not start the child process that stores suggestions for pushed orders "
        "(run 'suggest backfill --follow' elsewhere instead)",
    )


def parse_listen(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise SystemExit(f"error: --listen HOST:PORT, got {text!r}")
    return host.strip("[]") or "127.0.0.1", int(port)


def cmd_serve(args: argparse.Namespace, url: str) -> int:
    from console.exchange.app import ExchangeConfig
    from console.exchange.service import ExchangeService, ServeOptions
    from console.exchange.sms import HttpSmsGateway

    host, port = parse_listen(args.listen)
    gateway = HttpSmsGateway(args.sms_url, args.sms_method) if args.sms_url else None
    config = ExchangeConfig(rate_per_s=args.rate, burst=args.burst)
    if args.deliver_only:
        service = ExchangeService(url, ServeOptions(config=config, sms_gateway=gateway))
        _exit_on_sigterm()
        service.deliver(parent_gone)
        return 0
    in_process = args.workers_in_process
    options = ServeOptions(config=config, workers=False, sms_gateway=gateway)
    # constructed first: a new database's service station is registered by this process
    service = ExchangeService(url, options)
    _exit_on_sigterm()
    children = Children()
    if not args.no_workers:
        if in_process or not children.add(
            "delivery worker", lambda: start_deliverer(url, args.sms_url, args.sms_method)
        ):
            service.start_workers()  # in this process after all
        if not args.no_suggestions:
            children.add("suggestion worker", lambda: start_suggestion_worker(url))
    children.watch()
    try:
        service.serve(host, port)
    finally:
        children.stop()
    return 0


_Start = Callable[[], "subprocess.Popen[bytes] | None"]


class Children:
    """The worker processes ``serve`` runs beside itself: started again when one ends
    while the service runs (at most every ``RESTART_S`` seconds, with a warning), and
    stopped with it."""

    RESTART_S = 10.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._procs: dict[str, tuple[subprocess.Popen[bytes], _Start]] = {}
        self._stopping = threading.Event()

    def add(self, what: str, start: _Start) -> bool:
        proc = start()
        if proc is None:
            return False
        with self._lock:
            self._procs[what] = (proc, start)
        return True

    def watch(self) -> None:
        threading.Thread(target=self._watch, name="children", daemon=True).start()

    def _watch(self) -> None:
        while not self._stopping.wait(self.RESTART_S):
            with self._lock:
                ended = [(w, p, s) for w, (p, s) in self._procs.items() if p.poll() is not None]
            for what, proc, start in ended:
                with self._lock:  # never one started after stop() took the list
                    if self._stopping.is_set():
                        return
                    log.warning("%s ended (exit %s): started again", what, proc.returncode)
                    again = start()
                    if again is not None:
                        self._procs[what] = (again, start)

    def stop(self) -> None:
        with self._lock:
            self._stopping.set()
            procs = [p for p, _s in self._procs.values()]
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def parent_gone() -> bool:
    """True once the ``serve`` that started this process is gone (killed, crashed)."""
    parent = os.environ.get(PARENT_ENV, "")
    return parent.isdigit() and os.getppid() != int(parent)


def _exit_on_sigterm() -> None:
    """SIGTERM (a service manager's stop) unwinds like Ctrl+C, so the worker below is
    stopped too: uvicorn handles the signal while it serves and, once shut down, raises
    it again under the handler it found — by default that kills the process at once."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def start_deliverer(url: str, sms_url: str, sms_method: str) -> subprocess.Popen[bytes] | None:
    """``serve --deliver-only`` in a process of its own: the webhooks' and SMS' delivery
    (building payloads, HTTP calls, their bookkeeping) runs beside the API instead of
    taking turns with it for Python's GIL. Measured with bench/exchange.py on two cores
    (interleaved runs): 3-25 % more pushes a second at 100,000 cases (7 pairs), a draw at
    1,000,000 (2 pairs); webhooks later under load (lag p95 0.15-0.5 s against 0.07-0.09
    s in threads) and up to the poll interval (0.2 s) when the service is idle, as
    nothing wakes the other process at a commit. The URLs go through the environment
    (``ps`` shows command lines to every user)."""
    env = {SMS_URL_ENV: sms_url} if sms_url else {}
    return _start_child(url, ["serve", "--deliver-only", "--sms-method", sms_method], env,
                        "delivery worker")  # fmt: skip


def start_suggestion_worker(url: str) -> subprocess.Popen[bytes] | None:
    """``suggest backfill --follow`` in a process of its own: the suggestions for pushed
    orders are computed beside the service, never in a push request, and in another
    interpreter (segmenting text holds Python's GIL: in a thread of this process it
    would slow the push path). The URL goes through the environment, not the command
    line (``ps`` shows a command line to every user of the machine)."""
    return _start_child(url, ["suggest", "backfill", "--follow"], {}, "suggestion worker")


def _start_child(
    url: str, command: list[str], env: dict[str, str], what: str
) -> subprocess.Popen[bytes] | None:
    import sys
    from pathlib import Path

    main_py = Path(__file__).resolve().parents[2] / "main.py"
    if not main_py.is_file():
        log.warning("%s not started: %s not found", what, main_py)
        return None
    # the child also ends by itself when this process is gone (killed, crashed)
    env = dict(os.environ, **env, CONSOLE_DATABASE_URL=url, **{PARENT_ENV: str(os.getpid())})
    try:
        return subprocess.Popen(
            [sys.executable, str(main_py), *command],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
        )
    except OSError as exc:
        log.warning("%s not started: %s", what, exc)
        return None
