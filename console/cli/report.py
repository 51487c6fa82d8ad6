"""`python main.py report daily|monthly …`: the daily report to the mayor and the monthly
report as Excel (.xlsx) or PDF (.pdf) files, for scheduled runs (cron, Task Scheduler).

    python main.py report daily --date 2026-11-26 --out daily.xlsx
    python main.py report monthly --month 2026-10 --out monthly.pdf
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    rep = sub.add_parser(
        "report",
        help="write the daily or monthly report to an Excel or PDF file",
        description="Build the daily report to the mayor (volumes, key rates, urgent cases, "
        "breaches, hotspots) or the monthly report (trends, unit rankings, topical "
        "analysis) and write it as .xlsx (one sheet per section) or .pdf (A4).",
    )
    rep.add_argument("--database", metavar="URL", dest="sub_database")
    s = rep.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    d = s.add_parser("daily", help="the daily report of one day")
    d.add_argument("--date", required=True, metavar="YYYY-MM-DD", dest="report_date")
    m = s.add_parser("monthly", help="the monthly report of one month")
    m.add_argument("--month", required=True, metavar="YYYY-MM", dest="report_month")
    for p in (d, m):
        p.add_argument("--out", required=True, metavar="FILE.xlsx|FILE.pdf", dest="report_out")
        p.add_argument(
            "--lang", choices=["zh", "en"], default="zh", dest="report_lang",
            help="language of the document (default zh)",
        )  # fmt: skip
        p.add_argument("--database", metavar="URL", dest="sub_database")


def cmd_report(args: argparse.Namespace, url: str) -> int:
    from console.queries.assessment import parse_day, parse_month
    from console.services.report_export import check_output_path, document_for, export_excel

    # refuse bad input before connecting to anything
    try:
        period = (
            parse_day(args.report_date)
            if args.report_kind == "daily"
            else parse_month(args.report_month)
        )
        out = check_output_path(Path(args.report_out))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    from console.app import open_context
    from console.infra.settings import Settings
    from console.services.reports import ReportService

    ctx = open_context(url, Settings())
    try:
        svc = ReportService(ctx.sessions)
        report = (
            svc.daily(period.first)
            if args.report_kind == "daily"
            else svc.monthly(period.first.year, period.first.month)
        )
        doc = document_for(report, args.report_lang)
        if out.suffix.lower() == ".pdf":
            from console.ui.reports.pdf import export_pdf_standalone

            export_pdf_standalone(doc, out)
        else:
            export_excel(doc, out)
        print(f"{args.report_kind} report {period.label} written to {out}")
        return 0
    finally:
        ctx.close()
