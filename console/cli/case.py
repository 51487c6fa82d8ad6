"""`python main.py case …`: a case's lifecycle from the command line (a contract: other
checks drive cases through it).

  case show NUMBER [--json]       status, unit, deadlines, the actions the user may take
                                  now, and the history (one entry per event)
  case do NUMBER ACTION [...]     one action of the state machine; a refusal exits 3
                                  with the reason in one line
  case new --type T --sub-type S --phone P --description TEXT [...]
                                  save a case as the form would and print its number

``--user NAME`` (the global option) names the acting account; it defaults to ``admin``.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from console.domain.clock import end_of_local_day, to_local

SATISFACTION = {"satisfied": "satisfied", "basic": "basically_satisfied",
                "unsatisfied": "unsatisfied"}  # fmt: skip
EXIT_REFUSED = 3
#: a draft's field -> the option of ``case new`` that gives it
OPTION_OF = {"category_id": "category", "district_id": "district", "town_id": "town",
             "caller_phone": "phone", "caller_name": "name", "sub_type": "sub-type",
             "case_type": "type"}  # fmt: skip
EXIT_NOT_FOUND = 2


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from console.domain.lifecycle import ACTIONS

    case = sub.add_parser(
        "case",
        help="show a case, take an action of its lifecycle, or save a new one",
        description="Drive a case through its lifecycle: the same state machine as the "
        "screens decides what the acting user (--user, default admin) may do.",
    )
    case.add_argument("--database", metavar="URL", dest="sub_database")
    s = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)
    show = s.add_parser("show", help="status, unit, deadlines, allowed actions, history")
    show.add_argument("number", metavar="NUMBER")
    show.add_argument("--json", action="store_true", help="print one JSON object")
    do = s.add_parser("do", help="take one action on a case")
    do.add_argument("number", metavar="NUMBER")
    # not argparse choices: an unknown action is refused by the lifecycle, in one line
    do.add_argument("action", metavar="ACTION", help=", ".join(ACTIONS))
    do.add_argument("--unit", metavar="NAME", help="destination unit, or the unit acting")
    do.add_argument("--co-unit", metavar="NAME", action="append", default=[],
                    help="a co-handling unit of a dispatch (repeat)")  # fmt: skip
    do.add_argument("--text", default="", help="reason, answer, reply or note")
    do.add_argument("--until", metavar="YYYY-MM-DD", help="the deadline asked or granted")
    do.add_argument("--milestone", help="the time limit to extend (default: the next one)")
    do.add_argument("--into", metavar="NUMBER", help="the case this one is merged into")
    do.add_argument("--satisfaction", choices=sorted(SATISFACTION))
    do.add_argument("--solved", choices=["yes", "no"])
    do.add_argument("--unit-fault", action="store_true",
                    help="callback: the dissatisfaction is the unit's fault")  # fmt: skip
    do.add_argument("--operator", default="", help="hand-off: the operator number")
    do.add_argument("--json", action="store_true", help="print the case after, as JSON")
    new = s.add_parser("new", help="save a case as the form would, print its number")
    new.add_argument("--type", required=True, choices=["consultation", "demand"])
    new.add_argument("--sub-type", required=True)
    new.add_argument("--phone", required=True)
    new.add_argument("--name", default="")
    new.add_argument("--description", required=True)
    new.add_argument("--category", metavar="'L1 / L2 / L3'", default="")
    new.add_argument("--district", default="")
    new.add_argument("--town", default="")
    new.add_argument("--address", default="")
    new.add_argument("--channel", default="phone_12345")
    new.add_argument("--urgent", action="store_true")
    new.add_argument("--json", action="store_true")


def _until(text: str | None) -> datetime | None:
    if not text:
        return None
    from datetime import date

    return end_of_local_day(date.fromisoformat(text))


def _minute(dt: datetime | None) -> str | None:
    return None if dt is None else to_local(dt).strftime("%Y-%m-%dT%H:%M")


def sheet_json(sheet: Any) -> dict[str, Any]:
    return {
        "number": sheet.number,
        "status": sheet.status,
        "unit": sheet.unit or None,
        "deadlines": [
            {
                "code": d.code,
                "due": _minute(d.due_at),
                "original_due": _minute(d.original_due_at),
                "met": _minute(d.met_at),
            }
            for d in sheet.deadlines
        ],
        "actions": [a.action for a in sheet.actions],
        "history": [
            {
                "at": to_local(e.at).isoformat(timespec="seconds"),
                "kind": e.kind,
                "actor": e.actor,
                "detail": e.detail,
            }
            for e in sheet.history
        ],
    }


def _print_sheet(sheet: Any) -> None:
    print(f"{sheet.number}  {sheet.status}  {sheet.case_type}/{sheet.sub_type}  "
          f"unit: {sheet.unit or '-'}")  # fmt: skip
    for d in sheet.deadlines:
        met = f"met {_minute(d.met_at)}" if d.met_at else "open"
        print(f"  limit {d.code:<10} due {_minute(d.due_at) or '-':<17} {met}")
    acts = ", ".join(f"{a.action}" + (f" [{a.key}]" if a.key else "") for a in sheet.actions)
    print(f"  actions: {acts or '(none: read-only for you)'}")
    for e in sheet.history:
        detail = ", ".join(f"{k}={v}" for k, v in e.detail.items())
        print(f"  {to_local(e.at):%Y-%m-%d %H:%M}  {e.kind:<18} {e.actor}  {detail}")


def cmd_case(args: argparse.Namespace, url: str) -> int:
    from console.app import open_context
    from console.domain.errors import Refused
    from console.infra.settings import Settings
    from console.services.errors import NotFound, ValidationFailed

    ctx = open_context(url, Settings())
    try:
        try:
            who = ctx.agents.sign_in(args.user or "admin")
            if args.case_command == "show":
                sheet = ctx.lifecycle.show(args.number, who)
                if args.json:
                    print(json.dumps(sheet_json(sheet), ensure_ascii=False))
                else:
                    _print_sheet(sheet)
                return 0
            if args.case_command == "do":
                return _do(ctx, args, who)
            if args.case_command == "new":
                return _new(ctx, args, who)
        except Refused as exc:
            print(f"refused: {' '.join(str(exc).split())}", file=sys.stderr)
            return EXIT_REFUSED
        except ValidationFailed as exc:
            fields = "; ".join(f"--{OPTION_OF.get(e.field, e.field)}: {e.code}" for e in exc.errors)
            print(f"refused: the case cannot be saved ({fields})", file=sys.stderr)
            return EXIT_REFUSED
        except NotFound as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_NOT_FOUND
        raise ValueError(args.case_command)
    finally:
        ctx.close()


def _do(ctx: Any, args: argparse.Namespace, who: Any) -> int:
    solved = None if args.solved is None else args.solved == "yes"
    done = ctx.lifecycle.do(
        args.number,
        args.action,
        who,
        unit=args.unit,
        co_units=args.co_unit,
        text=args.text,
        until=_until(args.until),
        milestone=args.milestone,
        into=args.into,
        satisfaction=SATISFACTION.get(args.satisfaction or ""),
        solved=solved,
        unit_fault=args.unit_fault,
        operator=args.operator,
    )
    if args.json:
        print(json.dumps(sheet_json(ctx.lifecycle.show(done.number, who)), ensure_ascii=False))
    else:
        print(f"{done.number}: {args.action} -> {done.status}")
    return 0


def _new(ctx: Any, args: argparse.Namespace, who: Any) -> int:
    from console.services.case_drafts import draft_from_names

    with ctx.sessions() as s:
        draft = draft_from_names(
            s,
            case_type=args.type,
            sub_type=args.sub_type,
            phone=args.phone,
            name=args.name,
            description=args.description,
            category=args.category,
            district=args.district,
            town=args.town,
            address=args.address,
            channel=args.channel,
            urgent=args.urgent,
        )
    saved = ctx.cases.create(draft, who)
    if args.json:
        print(json.dumps({"number": saved.number, "status": saved.status,
                          "policy": saved.policy_code,
                          "next_due": _minute(saved.next_due_at)},
                         ensure_ascii=False))  # fmt: skip
    else:
        print(saved.number)
    return 0


__all__ = ["add_parser", "cmd_case", "sheet_json"]
