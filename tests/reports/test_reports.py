"""The daily and monthly reports: built from a known month, exported to Excel (read back
with openpyxl) and PDF (read back with pypdf), and written by the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot
from sqlalchemy.orm import Session, sessionmaker

from console.cli.entry import main
from console.services.report_export import daily_document, export_excel, monthly_document
from console.services.reports import ReportService
from tests.helpers.assessment_data import AS_OF, build_month


def test_daily_report(sessions: sessionmaker[Session]) -> None:
    m = build_month(sessions)
    r = ReportService(sessions).daily(date(2026, 9, 15), as_of=AS_OF)
    # 15 September: unit B's first urgent case (received 2026-09-15 10:00 local)
    assert r.volumes.total == 1 and r.urgent_total == 1
    assert [c.id for c in r.urgent] == [m.b[0]]
    assert r.volumes.by_channel[0][0] == "wechat"
    mtd = r.rates_month_to_date
    assert mtd is not None
    # 1-15 September: everything but unit B's four urgent cases of the 16th-19th
    assert mtd.figures["closure_rate"].denominator == 15
    assert mtd.figures["response_rate"].denominator == 11


def test_monthly_report_and_excel(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    m = build_month(sessions)
    r = ReportService(sessions).monthly(2026, 9, as_of=AS_OF, min_cases=5)
    assert r.volumes.total == 19 and r.volumes.urgent == 5
    assert r.rates is not None and r.rates.figures["ontime_rate"].numerator == 12
    assert (
        r.rates_previous is not None and r.rates_previous.figures["closure_rate"].denominator == 1
    )
    # unit B (4/5 on time) ranks above unit A (8/10): equal rates, then satisfaction…
    assert [u.key for u in r.units] == [m.unit_a, m.unit_b] or [u.key for u in r.units] == [
        m.unit_b,
        m.unit_a,
    ]
    assert {u.key for u in r.units} == {m.unit_a, m.unit_b}
    assert [x.key for x in r.by_month][-2:] == ["2026-08", "2026-09"]
    assert sum(x.figures["closure_rate"].denominator for x in r.by_day) == 19

    doc = monthly_document(r)
    path = export_excel(doc, tmp_path / "monthly.xlsx")
    wb = openpyxl.load_workbook(path)
    assert len(wb.sheetnames) == len(doc.sections)
    rates = wb["主要指标"]
    assert "月报" in str(rates["A1"].value)
    assert "2026-09" in str(rates["A2"].value)
    header_row = [c.value for c in rates[3]]
    assert header_row[0] == "指标" and "本月 比率" in header_row
    found = {row[0].value: row for row in rates.iter_rows(min_row=4)}
    ontime = found["按时办结率"]
    assert ontime[1].value == pytest.approx(12 / 15) and ontime[1].number_format == "0.0%"
    assert (ontime[2].value, ontime[3].value) == (12, 15)
    assert found["平均响应时长（小时）"][1].number_format == "0.0"
    assert rates.column_dimensions["A"].width >= 10
    units = wb["承办单位排名"]
    names = [row[1].value for row in units.iter_rows(min_row=5) if row[1].value]
    assert len(names) == 2
    assert wb["指标口径"]["B5"].value  # the formulas travel with the figures


def test_pdf_export(qtbot: QtBot, sessions: sessionmaker[Session], tmp_path: Path) -> None:
    build_month(sessions)
    svc = ReportService(sessions)
    from console.ui.reports.pdf import export_pdf

    daily = svc.daily(date(2026, 9, 15), as_of=AS_OF)
    # English: the text layer of Qt's CJK fonts is not extractable by pypdf
    path = export_pdf(daily_document(daily, "en"), tmp_path / "daily.pdf")
    reader = PdfReader(str(path))
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595) < 3 and abs(float(box.height) - 842) < 3  # A4
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "daily report" in text and "Date: 2026-09-15" in text
    assert "On-time closure rate" in text and "Urgent cases" in text
    assert (
        reader.metadata is not None
        and reader.metadata.title == "12345 Citizen Hotline — daily report"
    )
    monthly = svc.monthly(2026, 9, as_of=AS_OF)
    reader = PdfReader(str(export_pdf(monthly_document(monthly, "en"), tmp_path / "m.pdf")))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Unit ranking" in text and "80.0%" in text and "12" in text
    assert any(p.images for p in reader.pages)  # the charts
    # the Chinese document: same figures and dates, Chinese title in the metadata
    reader = PdfReader(str(export_pdf(monthly_document(monthly), tmp_path / "m_zh.pdf")))
    assert reader.metadata is not None and reader.metadata.title == "市长直通车 12345 热线月报"
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "2026-09" in text and "80.0%" in text and len(reader.pages) >= 2


def test_cli(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from console.infra.database import make_engine, make_session_factory

    engine = make_engine(db_url)
    build_month(make_session_factory(engine))
    engine.dispose()
    out = tmp_path / "d.xlsx"
    rc = main(["report", "daily", "--date", "2026-09-15", "--out", str(out),
               "--database", db_url])  # fmt: skip
    assert rc == 0 and out.exists()
    assert "written" in capsys.readouterr().out
    wb = openpyxl.load_workbook(out)
    assert wb["概况"]["B4"].value == 1  # received that day
    rc = main(["report", "monthly", "--month", "2026-09", "--out", str(tmp_path / "m.pdf"),
               "--lang", "en", "--database", db_url])  # fmt: skip
    first_page = PdfReader(str(tmp_path / "m.pdf")).pages[0].extract_text()
    assert rc == 0 and "monthly report" in " ".join(first_page.split())
    # clear errors, nothing written
    assert main(["report", "daily", "--date", "2026-02-30", "--out", str(out),
                 "--database", db_url]) == 2  # fmt: skip
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["report", "monthly", "--month", "2026-09", "--out", str(tmp_path / "x.doc"),
                 "--database", db_url]) == 2  # fmt: skip
    assert "unsupported output" in capsys.readouterr().err
    assert main(["report", "monthly", "--month", "2026-09", "--out",
                 str(tmp_path / "nowhere" / "m.xlsx"), "--database", db_url]) == 2  # fmt: skip
    assert "does not exist" in capsys.readouterr().err


def test_monthly_report_year_on_year(sessions: sessionmaker[Session], tmp_path: Path) -> None:
    """同比: the same month a year before stands beside this month and the previous one."""
    from datetime import UTC, datetime

    build_month(sessions)  # September 2026
    r = ReportService(sessions).monthly(2027, 9, as_of=datetime(2027, 10, 1, tzinfo=UTC))
    assert r.rates_last_year is not None
    assert r.rates_last_year.figures["ontime_rate"].numerator == 12
    assert r.rates_last_year.figures["closure_rate"].denominator == 19
    doc = monthly_document(r)
    wb = openpyxl.load_workbook(export_excel(doc, tmp_path / "yoy.xlsx"))
    header = [c.value for c in wb["主要指标"][3]]
    assert "去年同月 比率" in header
    ontime = next(
        row for row in wb["主要指标"].iter_rows(values_only=True) if row[0] == "按时办结率"
    )
    assert ontime[header.index("去年同月 分子")] == 12
