"""`python main.py sla …`: administrators check a policy or the calendar; the schema
owner runs the trusted deadline audit (``sla audit``: console/services/sla_audit.py)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from console.domain.clock import format_deadline, parse_local, to_local


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    sla = sub.add_parser(
        "sla",
        help="explain SLA deadlines, edit the calendar's local overrides",
        description="Check an SLA policy against the working-day calendar, or correct the "
        "calendar (a city closure; next year's holidays before the package knows them).",
    )
    sla.add_argument("--database", metavar="URL", dest="sub_database")
    s = sla.add_subparsers(dest="sla_command", metavar="ACTION", required=True)
    ex = s.add_parser("explain", help="print each milestone's deadline for a receipt time")
    ex.add_argument("--policy", help="policy code, e.g. urgent")
    ex.add_argument("--type", dest="case_type", choices=["consultation", "demand"],
                    help="choose the policy as a new case of this type would")  # fmt: skip
    ex.add_argument("--sub-type", dest="sub_type", default="", help="e.g. complaint, policy")
    ex.add_argument("--urgent", action="store_true", help="on the urgent-matters list")
    ex.add_argument("--channel", default="phone_12345", help="channel code (default phone)")
    ex.add_argument("--class", dest="class_code", default="", help="business class code")
    ex.add_argument("--json", action="store_true", help="print one JSON object")
    ex.add_argument(
        "--received",
        required=True,
        metavar="'YYYY-MM-DD HH:MM'",
        help="local time (Asia/Shanghai) the case was received",
    )
    s.add_parser("policies", help="list the current policies")
    s.add_parser("calendar", help="list the local calendar overrides")
    add = s.add_parser("override", help="mark a day as working (--workday) or closed")
    add.add_argument("day", metavar="YYYY-MM-DD")
    add.add_argument("--workday", action="store_true", help="the day is a working day")
    add.add_argument("--note", default="")
    rm = s.add_parser("remove-override", help="remove a day's override")
    rm.add_argument("day", metavar="YYYY-MM-DD")
    s.add_parser("recompute", help="recompute the deadlines of every open case")
    au = s.add_parser(
        "audit",
        help="recompute the cases whose deadlines a login wrote; correct what differs",
        description="The trusted deadline audit, under the schema owner's login: the cases "
        "the database queued (deadlines, policy or the fields that choose it written by a "
        "login) are recomputed with the SLA engine; a value that differs is corrected, "
        "with a 'deadline_corrected' event in the case's history and a WARNING in the log.",
    )
    au.add_argument("--follow", action="store_true",
                    help="keep auditing every --every seconds until interrupted")  # fmt: skip
    au.add_argument("--every", type=float, default=AUDIT_EVERY_S, metavar="SECONDS",
                    help="--follow: seconds between rounds (default %(default)s)")  # fmt: skip
    au.add_argument("--json", action="store_true",
                    help='print {"checked": N, "corrected": M} (--follow: one line a round '
                    "that checked something)")  # fmt: skip


def explain_json(policy: Any, deadlines: Any) -> dict[str, Any]:
    """``{"policy", "milestones": [{"code", "due"}], "verified"}``, dues in local time."""
    return {
        "policy": policy.code,
        "milestones": [
            {"code": st.code, "due": to_local(st.due_at).strftime("%Y-%m-%dT%H:%M")}
            for st in deadlines.milestones
            if st.due_at is not None
        ],
        "verified": deadlines.verified,
    }


#: ``sla audit --follow``: seconds between rounds
AUDIT_EVERY_S = 10.0


def _pause(seconds: float) -> None:
    import time

    time.sleep(seconds)


def _audit(sessions: Any, follow: bool, every: float, as_json: bool) -> int:
    """One pass over the queue (or rounds until interrupted), then the totals."""
    import json

    from console.services.sla_audit import audit_queued

    checked = corrected = 0
    try:
        while True:
            result = audit_queued(sessions)
            checked += result.checked
            corrected += result.corrected
            if not follow:
                break
            if result.checked:
                line = result.as_json()
                text = f"checked {line['checked']}, corrected {line['corrected']}"
                print(json.dumps(line) if as_json else text, flush=True)
            _pause(every)
    except KeyboardInterrupt:
        pass
    if as_json:
        print(json.dumps({"checked": checked, "corrected": corrected}))
    else:
        print(f"checked {checked} cases, corrected {corrected}")
    return 0


UNIT_WORDS = {"hours": "h", "work_hours": "working h", "workdays": "working day(s)"}


def cmd_sla(args: argparse.Namespace, url: str) -> int:
    from console.app import open_context
    from console.infra.settings import Settings

    ctx = open_context(url, Settings())
    try:
        svc = ctx.sla
        if args.sla_command == "explain":
            received = parse_local(args.received)
            if args.policy:
                policy, deadlines = svc.explain(args.policy, received)
            elif args.case_type:
                policy, deadlines = svc.explain_case(
                    received,
                    case_type=args.case_type,
                    sub_type=args.sub_type,
                    urgency="urgent" if args.urgent else "normal",
                    channel_code=args.channel,
                    class_code=args.class_code,
                )
            else:
                raise SystemExit("sla explain: give --policy CODE or --type (and --sub-type)")
            if args.json:
                import json

                print(json.dumps(explain_json(policy, deadlines), ensure_ascii=False))
                return 0
            print(
                f"policy {policy.code} v{policy.version} ({policy.name}), "
                f"working days counted {policy.workday_rule}; received "
                f"{received:%Y-%m-%d %H:%M}"
            )
            for m, state in zip(policy.milestones, deadlines.milestones, strict=True):
                assert state.due_at is not None
                flag = "" if state.verified else "  UNVERIFIED: the calendar does not know a day"
                print(
                    f"{m.code:<10} {m.name:<8} {m.limit_value} {UNIT_WORDS[m.limit_unit]:<15} "
                    f"from {m.start_event:<10} {format_deadline(state.due_at)}{flag}"
                )
            if not deadlines.verified:
                print(
                    "warning: a deadline needs a year the calendar does not cover; add the "
                    "official holidays with `python main.py sla override`"
                )
            return 0
        if args.sla_command == "policies":
            for p in svc.policies():
                ms = ", ".join(
                    f"{m.code} {m.limit_value}{UNIT_WORDS[m.limit_unit]}" for m in p.milestones
                )
                print(f"{p.code:<13} v{p.version} prio {p.priority:<3} {p.name}: {ms}")
            return 0
        if args.sla_command == "calendar":
            for o in svc.overrides():
                print(f"{o.day:%Y-%m-%d} {'working' if o.workday else 'closed '} {o.note}")
            return 0
        if args.sla_command == "override":
            svc.set_override(date.fromisoformat(args.day), args.workday, args.note, None)
            print(
                f"{args.day}: {'working day' if args.workday else 'closed'}; run "
                "`sla recompute` to apply it to open cases"
            )
            return 0
        if args.sla_command == "remove-override":
            svc.remove_override(date.fromisoformat(args.day))
            return 0
        if args.sla_command == "audit":
            return _audit(ctx.sessions, args.follow, args.every, args.json)
        if args.sla_command == "recompute":
            print(f"recomputed {svc.recompute_open()} open cases")
            return 0
        raise ValueError(args.sla_command)
    finally:
        ctx.close()
