"""Command line: start the console, or administer its database.

python main.py                         start the console (embedded SQLite by default)
python main.py --demo                  start on the demo database (a week of sample cases)
python main.py --database URL          start on the central PostgreSQL
python main.py db upgrade              create or migrate the schema, seed reference data
python main.py db current              show the schema revision
python main.py db roles                group roles and grants (central PostgreSQL)
python main.py db add-agent|disable-agent|list-agents   per-person database accounts
python main.py seed --demo             fill a database with a realistic demo week
python main.py report daily --date D --out F.xlsx|.pdf   the daily (or monthly) report
python main.py calls list [--json]     the call log
python main.py calls record --cti-url ami://USER@HOST:PORT   queue calls for the wallboard
python main.py pop --caller NUMBER     hand a ringing call to the running console
python main.py --cti-url ami://USER:SECRET@HOST:PORT --extension EXT   follow the phone
python main.py serve --listen HOST:PORT   the exchange service (HTTP API, webhooks, SMS)
python main.py api token|list|revoke|platform|sms-template|sms-opt-out   its credentials
python main.py suggest train | backfill [--follow] | --text TEXT [--json] | --file F.csv --json
python main.py [--user NAME] case show|do|new ...        a case's lifecycle
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping, Sequence

EPILOG = """\
database URLs:
  sqlite:///PATH                 an embedded database file (the default lives in the
                                 user data directory; nothing to configure)
  postgresql://USER@HOST:5432/DB the central database shared by all workstations
                                 (psycopg 3; the password is asked for, never stored here)

The same URL can be set once in the settings dialog, or in CONSOLE_DATABASE_URL.

examples:
  python main.py --demo
  python main.py db upgrade --database postgresql://admin@db.hotline.local/hotline
  python main.py seed --demo --database sqlite:///./try.sqlite3
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="main.py",
        description="Operator console of the city citizen hotline (12345 / 市长直通车).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--database",
        metavar="URL",
        help="database URL (default: settings, then the embedded SQLite file)",
    )
    p.add_argument(
        "--demo",
        action="store_true",
        help="open the clearly labelled demo database with a week of sample cases",
    )
    p.add_argument("--lang", choices=["zh_CN", "en"], help="interface language (default zh_CN)")
    p.add_argument("--user", metavar="USERNAME", help="pre-fill the sign-in with this user")
    p.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    p.add_argument(
        "--cti-url",
        metavar="ami://USER:SECRET@HOST:PORT",
        help="the phone system's Asterisk Manager Interface (default: settings)",
    )
    p.add_argument("--extension", metavar="EXT", help="this agent's phone extension")
    # for start-up measurements (bench/startup.py): print the time to a usable window, quit
    p.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    db = sub.add_parser(
        "db",
        help="administer the schema",
        description="Create or migrate the schema (Alembic) and seed the "
        "reference data. Run once per release against the central database.",
    )
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    up = db_sub.add_parser("upgrade", help="migrate to the newest schema and seed reference data")
    up.add_argument("--database", metavar="URL", dest="sub_database")
    up.add_argument("--revision", default="head", help="target revision (default head)")
    cur = db_sub.add_parser("current", help="print the schema revision")
    cur.add_argument("--database", metavar="URL", dest="sub_database")
    from console.cli.dbroles import add_parsers as add_account_parsers

    add_account_parsers(db_sub)  # roles, add-agent, disable-agent, list-agents

    from console.cli.sla import add_parser as add_sla_parser

    add_sla_parser(sub)
    from console.cli.imports import add_parser as add_import_parser

    add_import_parser(sub)
    from console.cli.report import add_parser as add_report_parser

    add_report_parser(sub)
    from console.cli.calls import add_parser as add_calls_parser

    add_calls_parser(sub)  # calls list, pop
    from console.cli.api import add_parser as add_api_parser
    from console.cli.serve import add_parser as add_serve_parser

    add_serve_parser(sub)
    add_api_parser(sub)
    from console.cli.suggest import add_parser as add_suggest_parser

    add_suggest_parser(sub)
    from console.cli.case import add_parser as add_case_parser

    add_case_parser(sub)
    seed = sub.add_parser(
        "seed",
        help="load data into a database",
        description="Seed reference data, or a realistic demo week.",
    )
    seed.add_argument("--database", metavar="URL", dest="sub_database")
    seed.add_argument(
        "--demo",
        action="store_true",
        dest="seed_demo",
        help="add a week of realistic demo cases (and demo agents)",
    )
    seed.add_argument("--days", type=int, default=7)
    seed.add_argument("--per-day", type=int, default=300)
    return p


def _url(args: argparse.Namespace) -> str:
    import os

    from console.infra.paths import default_database_url
    from console.infra.settings import DATABASE_URL, Settings

    explicit = getattr(args, "sub_database", None) or args.database
    if explicit:
        return str(explicit)
    if os.environ.get("CONSOLE_DATABASE_URL"):
        return os.environ["CONSOLE_DATABASE_URL"]
    if args.demo:
        return default_database_url(demo=True)
    return Settings().get(DATABASE_URL) or default_database_url()


def cmd_db(args: argparse.Namespace) -> int:
    from console import migrations
    from console.app import seed_reference_data
    from console.infra.database import make_engine, make_session_factory, mask

    url = _url(args)
    from console.cli.dbroles import ACTIONS as ACCOUNT_ACTIONS

    if args.db_command in ACCOUNT_ACTIONS:
        from console.cli.dbroles import run as run_accounts

        return run_accounts(args, url)
    engine = make_engine(url)
    try:
        if args.db_command == "current":
            print(
                f"{mask(url)}: {migrations.current_revision(engine) or '(empty)'} "
                f"(head {migrations.head_revision()})"
            )
            return 0
        migrations.upgrade(engine, args.revision)
        counts = seed_reference_data(make_session_factory(engine))
        from console.infra.roleprefix import configured_prefix
        from console.services import dbroles

        prefix = configured_prefix()
        if dbroles.groups_exist(engine, prefix):  # this release's tables get grants too
            dbroles.apply_roles(engine, prefix)
        added = ", ".join(f"{k} +{v}" for k, v in counts.items() if v) or "nothing new"
        print(
            f"{mask(url)}: schema at {migrations.current_revision(engine)}; reference data: {added}"
        )
        return 0
    finally:
        engine.dispose()


def cmd_seed(args: argparse.Namespace) -> int:
    from console.app import open_context
    from console.infra.database import mask
    from console.infra.settings import Settings

    url = _url(args)
    ctx = open_context(url, Settings(), upgrade=True)
    try:
        if args.seed_demo:
            from console.seed.demo import seed_demo

            stats = seed_demo(
                ctx.sessions,
                station=ctx.station,
                days=args.days,
                per_day=args.per_day,
                calendar=ctx.calendar,
            )
            print(f"{mask(url)}: demo cases added: {stats.total}")
        else:
            print(f"{mask(url)}: reference data is seeded")
        return 0
    finally:
        ctx.close()


#: exit status of a command that failed through a bug (sysexits' EX_SOFTWARE)
EXIT_BUG = 70


def report_failure(exc: BaseException) -> int:
    """Say on stderr what went wrong, by its kind (``console.infra.failures.classify``):
    a refusal and the environment in a line, with exit status 1; a bug with its traceback
    in the log and exit status 70."""
    from console.domain.errors import Refused
    from console.infra.failures import Failure, classify, first_line

    log = logging.getLogger("console")
    kind = classify(exc)
    if kind is Failure.REFUSAL:
        log.debug("command refused", exc_info=exc)
        text = exc.text() if isinstance(exc, Refused) else first_line(exc, 500)
        print(f"refused: {text}", file=sys.stderr)
        return 1
    if kind is Failure.ENVIRONMENT:
        log.debug("command failed (environment)", exc_info=exc)
        print(f"error: {exc.__class__.__name__}: {first_line(exc, 500)}", file=sys.stderr)
        return 1
    log.error("command failed: a bug in the console", exc_info=exc)
    print(
        f"error: {exc.__class__.__name__}: {exc}\n"
        "This is a bug in the console; the log has the details.",
        file=sys.stderr,
    )
    return EXIT_BUG


def main(argv: Sequence[str] | None = None) -> int:
    import gc
    import time

    process_start = time.perf_counter()
    # the imports of a start allocate a few hundred thousand objects that all live on:
    # the cyclic collector would walk them again and again (~0.1 s of a start); the GUI
    # collects on its own thread, from a timer (console/ui/gc.py), a command from here on
    collecting = gc.isenabled()
    gc.disable()
    try:
        args = build_parser().parse_args(argv)
    except BaseException:  # --help, a bad option: the caller's collector as it was
        if collecting:
            gc.enable()
        raise
    from console.infra.logs import setup_logging

    setup_logging(verbose=args.verbose)
    if args.command is not None and collecting:
        gc.enable()
    try:
        if args.command == "db":
            return cmd_db(args)
        if args.command == "sla":
            from console.cli.sla import cmd_sla

            return cmd_sla(args, _url(args))
        if args.command == "seed":
            return cmd_seed(args)
        if args.command == "import":
            from console.cli.imports import cmd_import

            return cmd_import(args, _url(args))
        if args.command == "calls":
            from console.cli.calls import cmd_calls

            return cmd_calls(args, _url(args))
        if args.command == "pop":
            from console.cli.calls import cmd_pop

            return cmd_pop(args)
        if args.command == "case":
            from console.cli.case import cmd_case

            return cmd_case(args, _url(args))
        if args.command == "report":
            from console.cli.report import cmd_report

            return cmd_report(args, _url(args))
        if args.command == "serve":
            from console.cli.serve import cmd_serve

            return cmd_serve(args, _url(args))
        if args.command == "api":
            from console.cli.api import cmd_api

            return cmd_api(args, _url(args))
        if args.command == "suggest":
            from console.cli.suggest import cmd_suggest

            return cmd_suggest(args, _url(args))
    except Exception as exc:  # an administrator's command: say what went wrong, plainly
        return report_failure(exc)
    missing = no_display()
    if missing:
        if collecting:
            gc.enable()
        print(missing, file=sys.stderr)
        return 2
    from console.ui.launch import run_gui

    return run_gui(args, process_start)


def no_display(environ: Mapping[str, str] | None = None) -> str | None:
    """One plain line when there is no screen to open a window on (checked before Qt
    starts, which would otherwise abort with its own message), else None."""
    env = os.environ if environ is None else environ
    if sys.platform in ("win32", "darwin"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"):
        return None
    return (
        "No display: the console needs a graphical session (DISPLAY or WAYLAND_DISPLAY); "
        "the administrator's commands work without one (python main.py --help)."
    )
