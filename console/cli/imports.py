"""`python main.py import FILE`: web-channel exports (CSV or Excel) become cases."""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "import",
        help="import a web-channel export (CSV or Excel) as cases",
        description="Turn the messages of a web-channel export into cases on that channel. "
        "Columns are found by their Chinese or English names (留言编号/message id, "
        "留言用户/user, 留言主题/title, 留言时间/time, 留言详情/body, 一级分类/category, "
        "答复意见/answer, 答复时间/answer time). Importing the same file again creates "
        "nothing new; every row is reported as accepted, already imported, blank or "
        "rejected with its reason.",
    )
    p.add_argument("file", metavar="FILE", help=".xlsx or .csv export")
    p.add_argument(
        "--channel",
        default="gov_website",
        help="the web channel the export comes from (default gov_website; "
        "e.g. wechat, people_board, foshantong_app)",
    )
    p.add_argument("--user", dest="import_user", default="admin", help="recorded as importer")
    p.add_argument(
        "--to-triage",
        action="store_true",
        help="import every message as a received case to triage, even one the export "
        "shows answered (its answer is kept in the history)",
    )
    p.add_argument("--database", metavar="URL", dest="sub_database")


def cmd_import(args: argparse.Namespace, url: str) -> int:
    from console.app import open_context
    from console.infra.settings import Settings
    from console.services.importer import ImportFailed

    ctx = open_context(url, Settings())
    try:
        who = ctx.agents.sign_in(args.import_user)

        def progress(done: int, total: int) -> None:
            print(f"\r  {done}/{total} messages", end="", file=sys.stderr, flush=True)

        try:
            report = ctx.importer.import_file(
                args.file,
                who,
                channel_code=args.channel,
                progress=progress,
                triage=args.to_triage,
            )
        except ImportFailed as exc:
            print(f"\nerror: {exc}", file=sys.stderr)
            return 2
        print(file=sys.stderr)
        print("\n".join(report.lines()))
        if report.case_ids:  # the new cases to triage get their suggestions now
            stored = ctx.suggestions.backfill_cases(report.case_ids)
            if stored:
                print(f"suggestions stored for {stored} cases to triage", file=sys.stderr)
        return 0
    finally:
        ctx.close()
