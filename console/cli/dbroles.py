"""``python main.py db roles|add-agent|add-service|disable-agent|list-agents``: database
accounts.

python main.py db roles --database postgresql://admin@db/hotline
python main.py db add-agent wang.li --role agent --name 王丽 --database …
echo "$PASSWORD" | python main.py db add-agent unit.nh --role unit --unit 3 --database …
echo "$PASSWORD" | python main.py db add-service --database …   # the exchange service
python main.py db disable-agent wang.li --database …
python main.py db list-agents --database …
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from console.domain.casetypes import Role
from console.infra.roleprefix import PREFIX_ENV, configured_prefix

ACTIONS = ("roles", "add-agent", "add-service", "disable-agent", "list-agents")


def _common(p: argparse.ArgumentParser, prefix: bool = True) -> None:
    p.add_argument("--database", metavar="URL", dest="sub_database")
    if prefix:
        p.add_argument(
            "--prefix",
            default=configured_prefix(),
            help=f"group role name prefix (default hotline_, or ${PREFIX_ENV})",
        )


def add_parsers(db_sub: Any) -> None:
    roles = db_sub.add_parser(
        "roles",
        help="migrate, then create the group roles and apply every grant (idempotent)",
        description="Migrate the schema to head, create the group roles <prefix>agent, "
        "<prefix>supervisor, <prefix>admin, <prefix>unit if missing and (re)apply the "
        "grants: the default rule on every table, with the restricted tables narrowed.",
    )
    _common(roles)
    add = db_sub.add_parser(
        "add-agent",
        help="create or update a person's account (database login + agents row)",
        description="The password is asked twice on a terminal, or read from the first "
        "line of standard input when it is not a terminal (scripts).",
    )
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--unit", metavar="UNIT", help="handling unit (id or name) of a unit user")
    add.add_argument("--name", metavar="DISPLAY_NAME", help="name shown in the console")
    add.add_argument("--team", metavar="CLASS", help="business class code of the agent's team")
    _common(add)
    svc = db_sub.add_parser(
        "add-service",
        help="create or update the exchange service's login (group <prefix>exchange)",
        description="The exchange service (`serve`) signs in with a login of its own, never "
        "a person's: a member of <prefix>exchange only, with an account row of role "
        "'exchange'. The password is asked twice on a terminal, or read from the first "
        "line of standard input.",
    )
    svc.add_argument("username", nargs="?", default="exchange", help="login name (exchange)")
    _common(svc)
    dis = db_sub.add_parser(
        "disable-agent", help="NOLOGIN and inactive; the person's open sessions are ended"
    )
    dis.add_argument("username")
    _common(dis, prefix=False)
    ls = db_sub.add_parser("list-agents", help="accounts with their login and group roles")
    _common(ls)


def read_password(username: str) -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise SystemExit("error: no password on standard input")
        return line
    first = getpass.getpass(f"Password for {username}: ")
    second = getpass.getpass("Again: ")
    if first != second:
        raise SystemExit("error: the passwords differ")
    if len(first) < 8:
        raise SystemExit("error: a password has at least 8 characters")
    return first


def run(args: argparse.Namespace, url: str) -> int:
    from console.infra.database import make_engine, mask
    from console.services import dbroles

    engine = make_engine(url)
    try:
        if args.db_command == "roles":
            from console import migrations
            from console.app import seed_reference_data
            from console.infra.database import make_session_factory

            dbroles._require_pg(engine)
            migrations.upgrade(engine)
            seed_reference_data(make_session_factory(engine))
            plan = dbroles.apply_roles(engine, args.prefix)
            tables = len({g.table for g in plan})
            print(f"{mask(url)}: group roles "
                  f"{args.prefix}{{agent,supervisor,admin,unit,exchange}}; "
                  f"grants on {tables} tables")  # fmt: skip
            return 0
        if args.db_command == "add-agent":
            pg = engine.dialect.name == "postgresql"
            password = read_password(args.username) if pg else None
            row = dbroles.add_agent(
                engine,
                args.username,
                args.role,
                password,
                display_name=args.name,
                unit=args.unit,
                team=args.team,
                prefix=args.prefix,
            )
            where = "login role and agents row" if pg else "agents row (no roles on SQLite)"
            print(f"{mask(url)}: {row.username} ({row.role}): {where} ready")
            return 0
        if args.db_command == "add-service":
            dbroles._require_pg(engine)
            row = dbroles.add_service(
                engine, read_password(args.username), args.username, prefix=args.prefix
            )
            print(f"{mask(url)}: {row.username} ({row.role}): service login ready; run "
                  f"`serve --database postgresql://{row.username}@…`")  # fmt: skip
            return 0
        if args.db_command == "disable-agent":
            dbroles.disable_agent(engine, args.username)
            print(f"{mask(url)}: {args.username} disabled")
            return 0
        rows = dbroles.list_agents(engine, args.prefix)
        print(f"{'user':<20} {'name':<12} {'role':<10} {'active':<6} {'login':<6} groups")
        for r in rows:
            login = "-" if r.can_login is None else ("yes" if r.can_login else "no")
            print(
                f"{r.username:<20} {r.display_name:<12} {r.role:<10} "
                f"{'yes' if r.active else 'no':<6} {login:<6} {','.join(r.groups)}"
            )
        return 0
    except dbroles.AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
