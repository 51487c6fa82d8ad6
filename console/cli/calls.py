"""`python main.py [--demo] calls list [--json]`: the call log (caller, extension, when it
rang, was answered and ended, the case it produced); `calls record --cti-url URL`: record
the queue's calls beside the phone system for the wallboard, whoever is signed in;
`python main.py pop --caller N`: hand a ringing call to the console running for this
user (a softphone's command)."""

from __future__ import annotations

import argparse
import json
import sys

from console.domain.clock import parse_local, to_local


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    calls = sub.add_parser(
        "calls",
        help="the call log",
        description="Every call the consoles followed: caller, extension, rang / answered "
        "/ ended, the case it produced and the recording's reference.",
    )
    calls.add_argument("--database", metavar="URL", dest="sub_database")
    c = calls.add_subparsers(dest="calls_command", metavar="ACTION", required=True)
    ls = c.add_parser("list", help="the newest calls first")
    ls.add_argument("--json", action="store_true", help="a JSON array instead of a table")
    ls.add_argument("--limit", type=int, default=100)
    ls.add_argument("--since", metavar="'YYYY-MM-DD HH:MM'", help="local time")

    rec = c.add_parser(
        "record",
        help="record the queue's calls for the wallboard (runs until stopped)",
        description="Follow the phone system and record every queue call (callers "
        "waiting, abandoned, answered, ended) in the call log, so that the supervisors' "
        "wallboard is filled whether or not a supervisor is signed in. Runs until "
        "Ctrl+C or SIGTERM; run one beside the phone system. The AMI secret: in the URL, "
        "or in HOTLINE_AMI_SECRET, or in the keyring (the settings dialog keeps it there).",
    )
    rec.add_argument(
        "--cti-url",
        dest="record_cti_url",
        required=True,
        metavar="ami://USER@HOST:PORT",
        help="the Asterisk Manager Interface to follow",
    )
    rec.add_argument(
        "--seconds", type=float, default=0, help="stop after this long (0: until stopped)"
    )

    pop = sub.add_parser(
        "pop",
        help="hand an incoming call to the running console (softphones)",
        description="Open the case entry form of the console running for this user with "
        "the caller's number and history: the command a softphone runs on an incoming "
        "call (MicroSIP, Zoiper, …). Exits 1 when no console is running.",
    )
    pop.add_argument("--caller", required=True, metavar="NUMBER")
    pop.add_argument("--call-id", default="", metavar="ID", help="the softphone's call id")
    pop.add_argument(
        "--event",
        choices=("ring", "answer", "hangup"),
        default="ring",
        help="what happened to the call (default ring: the form opens)",
    )


def _when(d: object) -> str:
    from datetime import datetime

    return to_local(d).strftime("%m-%d %H:%M:%S") if isinstance(d, datetime) else "—"


def cmd_calls(args: argparse.Namespace, url: str) -> int:
    from console.app import open_context
    from console.infra.settings import Settings

    if args.calls_command == "record":
        return cmd_record(args, url)

    ctx = open_context(url, Settings())
    try:
        since = parse_local(args.since) if args.since else None
        rows = ctx.calls.recent(limit=max(1, args.limit), since=since)
    finally:
        ctx.close()
    if args.json:
        print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=1))
        return 0
    print(
        f"{'caller':<16} {'ext':<6} {'rang':<15} {'answered':<15} {'ended':<15} "
        f"{'case':<18} recording"
    )
    for r in rows:
        rang = _when(r.rang_at or r.offered_at)
        answered = "abandoned" if r.abandoned else _when(r.answered_at)
        print(
            f"{r.caller:<16} {r.extension or '—':<6} {rang:<15} {answered:<15} "
            f"{_when(r.ended_at):<15} {r.case_number or '—':<18} {r.recording or ''}"
        )
    print(f"{len(rows)} call(s)")
    return 0


def cmd_pop(args: argparse.Namespace) -> int:
    from console.telephony.softphone import NoConsole, send_pop

    try:
        answer = send_pop(args.caller, args.call_id, event=args.event)
    except NoConsole:
        print(
            "No console is running for this user: start the console and sign in, then "
            "the call can be handed to it.",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:
        print(f"The console did not take the call: {exc}", file=sys.stderr)
        return 1
    try:
        doc = json.loads(answer)
    except ValueError:
        doc = {}
    if not doc.get("ok"):
        print(f"The console did not take the call: {doc.get('error') or answer}", file=sys.stderr)
        return 1
    print(f"call {doc.get('call_id', '')} from {args.caller} handed to the console")
    return 0


def cmd_record(args: argparse.Namespace, url: str) -> int:
    import os
    import signal
    import threading
    from dataclasses import replace

    from console.app import open_context
    from console.infra.credentials import cti_secret
    from console.infra.settings import Settings
    from console.services.call_recorder import QueueRecorder
    from console.telephony.ami import AmiAdapter, AmiUrlError, parse_ami_url
    from console.telephony.events import LinkState, LinkStatus

    try:
        ami = parse_ami_url(args.record_cti_url)
    except (AmiUrlError, ValueError) as exc:
        print(f"The phone system's address is not valid: {exc}", file=sys.stderr)
        return 1
    secret = ami.secret or os.environ.get("HOTLINE_AMI_SECRET") or cti_secret(ami.account)
    if not secret:
        print(
            f"No AMI secret for {ami.account}: give it in HOTLINE_AMI_SECRET or keep it in "
            "the keyring (settings dialog).",
            file=sys.stderr,
        )
        return 1
    ctx = open_context(url, Settings())
    stop = threading.Event()
    refused = threading.Event()
    recorder = QueueRecorder(ctx.calls.record_many, None)

    def status(s: LinkStatus) -> None:
        print(f"phone system: {s.state.value}{': ' + s.message if s.message else ''}", flush=True)
        if s.state is LinkState.REFUSED:
            refused.set()
            stop.set()

    adapter = AmiAdapter(replace(ami, secret=secret), "", recorder.take, status)
    previous = {
        sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)
    }
    recorder.start()
    adapter.start()
    try:
        stop.wait(args.seconds if args.seconds > 0 else None)
    finally:
        adapter.stop()
        recorder.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        ctx.close()
    f = recorder.figures
    print(
        f"{f.received} queue event(s) received, {f.written} recorded, {f.dropped} dropped, "
        f"{f.retries} write(s) retried"
    )
    return 1 if refused.is_set() else 0
