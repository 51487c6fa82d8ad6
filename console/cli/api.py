"""``python main.py api …``: credentials of the exchange service, and the SMS settings.

python main.py api token --platform 粤省心 --webhook https://platform/hooks/12345
python main.py api token --unit 南海区人民政府
python main.py api list
python main.py api revoke ID|PREFIX
python main.py api platform 粤省心 --webhook URL
python main.py api sms-template intake '【12345】工单{number}已受理，预计{expected}前答复'
python main.py api sms-opt-out 13800138000 [--undo]
"""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(sub: Any) -> None:
    api = sub.add_parser(
        "api",
        help="credentials of the exchange service (tokens, webhooks) and SMS settings",
        description="Bearer tokens are printed once and stored hashed (SHA-256).",
    )
    api_sub = api.add_subparsers(dest="api_command", metavar="ACTION", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--database", metavar="URL", dest="sub_database")

    tok = api_sub.add_parser("token", help="issue a bearer token for a platform or a unit")
    who = tok.add_mutually_exclusive_group(required=True)
    who.add_argument("--platform", metavar="NAME", help="a platform (created if new)")
    who.add_argument("--unit", metavar="UNIT_NAME", help="a handling unit (name or id)")
    tok.add_argument("--webhook", metavar="URL", help="the platform's webhook URL")
    common(tok)
    ls = api_sub.add_parser("list", help="tokens (prefix, owner, created, revoked)")
    common(ls)
    rv = api_sub.add_parser("revoke", help="revoke a token by id, prefix or the token itself")
    rv.add_argument("token")
    common(rv)
    pf = api_sub.add_parser("platform", help="set a platform's webhook URL")
    pf.add_argument("name")
    pf.add_argument("--webhook", metavar="URL", required=True)
    common(pf)
    tpl = api_sub.add_parser("sms-template", help="show or set an SMS text (intake, closure)")
    tpl.add_argument("code", choices=["intake", "closure"])
    tpl.add_argument("text", nargs="?", help="placeholders {number} {expected} {result}")
    common(tpl)
    opt = api_sub.add_parser("sms-opt-out", help="a phone number that wants no SMS")
    opt.add_argument("phone")
    opt.add_argument("--undo", action="store_true", help="opt back in")
    common(opt)


def cmd_api(args: argparse.Namespace, url: str) -> int:
    from console.exchange import credentials as cr
    from console.exchange import sms
    from console.infra.database import make_engine, make_session_factory
    from console.models import SmsTemplate

    engine = make_engine(url)
    sessions = make_session_factory(engine)
    try:
        c = args.api_command
        if c == "token":
            tid, token = cr.issue_token(
                sessions, platform=args.platform, unit=args.unit, webhook_url=args.webhook
            )
            print(token)
            return 0
        if c == "list":
            for r in cr.list_tokens(sessions):
                state = f"revoked {r.revoked_at:%Y-%m-%d %H:%M}" if r.revoked_at else "active"
                hook = f" webhook {r.webhook_url}" if r.webhook_url else ""
                print(f"{r.id:>4}  {r.prefix}…  {r.kind:<8} {r.name}  {state}{hook}")
            return 0
        if c == "revoke":
            n = cr.revoke(sessions, args.token)
            print(f"revoked {n} token(s)")
            return 0 if n else 1
        if c == "platform":
            cr.set_webhook(sessions, args.name, args.webhook)
            print(f"platform {args.name}: webhook {args.webhook or '(none)'}")
            return 0
        if c == "sms-template":
            if args.text is None:
                with sessions() as s:
                    row = s.get(SmsTemplate, args.code)
                    print(row.text if row else "")
                return 0
            sms.set_template(sessions, args.code, args.text)
            print(f"SMS template {args.code} saved")
            return 0
        if c == "sms-opt-out":
            p = sms.opt_out(sessions, args.phone, out=not args.undo)
            print(f"{sms.mask_phone(p)}: {'opted in again' if args.undo else 'no more SMS'}")
            return 0
        raise SystemExit(f"unknown action {c}")
    finally:
        engine.dispose()
