"""``python main.py [--database URL] serve --listen HOST:PORT``: the exchange service.

python main.py --database postgresql://exchange@db/hotline serve --listen 0.0.0.0:8345 \\
    --sms-url 'https://sms.example.gov.cn/send?to={phone}&msg={text}&id={id}'
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
from typing import Any

log = logging.getLogger("console.exchange")

SMS_URL_ENV = "HOTLINE_SMS_URL"


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
    options = ServeOptions(
        config=ExchangeConfig(rate_per_s=args.rate, burst=args.burst),
        workers=not args.no_workers,
        sms_gateway=gateway,
    )
    service = ExchangeService(url, options)
    _exit_on_sigterm()
    child = None if args.no_workers or args.no_suggestions else start_suggestion_worker(url)
    try:
        service.serve(host, port)
    finally:
        if child is not None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
    return 0


def _exit_on_sigterm() -> None:
    """SIGTERM (a service manager's stop) unwinds like Ctrl+C, so the worker below is
    stopped too: uvicorn handles the signal while it serves and, once shut down, raises
    it again under the handler it found — by default that kills the process at once."""
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def start_suggestion_worker(url: str) -> subprocess.Popen[bytes] | None:
    """``suggest backfill --follow`` in a process of its own: the suggestions for pushed
    orders are computed beside the service, never in a push request, and in another
    interpreter (segmenting text holds Python's GIL: in a thread of this process it
    would slow the push path). The URL goes through the environment, not the command
    line (``ps`` shows a command line to every user of the machine)."""
    import sys
    from pathlib import Path

    main_py = Path(__file__).resolve().parents[2] / "main.py"
    if not main_py.is_file():
        log.warning("suggestion worker not started: %s not found", main_py)
        return None
    # the worker also ends by itself when this process is gone (killed, crashed)
    env = dict(os.environ, CONSOLE_DATABASE_URL=url, HOTLINE_PARENT_PID=str(os.getpid()))
    try:
        return subprocess.Popen(
            [sys.executable, str(main_py), "suggest", "backfill", "--follow"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
        )
    except OSError as exc:
        log.warning("suggestion worker not started: %s", exc)
        return None
