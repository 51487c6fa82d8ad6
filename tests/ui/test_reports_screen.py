"""The Reports screen against a real database: rates by unit for a known month, the
chart, drill-down to the cases, an Excel export off the GUI thread, and the hotspots
with a supervisor's verdict. SQL never runs on the GUI thread (the ui_ctx guard)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt
from PySide6.QtGui import QFontMetrics
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from console.domain.clock import now_utc
from console.models import Case, Region
from console.ui.context import UiContext
from console.ui.reports.screen import ReportsScreen
from tests.helpers.assessment_data import build_month
from tests.ui.conftest import off_gui_thread


@pytest.fixture(autouse=True)
def _delete_widgets_on_the_gui_thread() -> Iterator[None]:
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def _recent_tutoring(ui_ctx: UiContext) -> None:
    with ui_ctx.app.sessions() as s, s.begin():
        town = s.scalars(select(Region.id).where(Region.level == 2).limit(1)).one()
        now = now_utc()
        for i, text in enumerate(("学校周末违规补课收费", "中学寒假强制补课", "补课收费太高",
                                  "周末补课影响休息")):  # fmt: skip
            at = now - timedelta(hours=3 + i)
            s.add(
                Case(
                    number=f"261126-779-{i:04d}", station="779", channel_code="gov_website",
                    case_type="demand", sub_type="complaint", class_code="livelihood",
                    status="received", title=text, description=text, town_id=town,
                    received_at=at, created_at=at, updated_at=at,
                )
            )  # fmt: skip


def test_reports_screen(qtbot: QtBot, ui_ctx: UiContext, tmp_path: Path) -> None:
    month = off_gui_thread(lambda: build_month(ui_ctx.app.sessions))
    off_gui_thread(lambda: _recent_tutoring(ui_ctx))
    screen = ReportsScreen(ui_ctx)
    qtbot.addWidget(screen)
    panel = screen.assessment
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        screen.show()
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.day.setDate(QDate(2026, 9, 20))  # the month of the known answers
    assert panel.period().label == "2026-09"
    assert panel.dim().value == "unit"
    ModelTester(None).check(panel.model)  # type: ignore[arg-type]
    rows = {r.key: r for r in panel.model.rows}
    assert rows[month.unit_a].figures["ontime_rate"].numerator == 8
    col = 2 + list(panel.model.METRIC_COLUMNS).index("ontime_rate")
    row = [r.key for r in panel.model.rows].index(month.unit_a)
    cell = panel.model.index(row, col)
    assert panel.model.data(cell) == "80.0%"
    assert "deadline in force" in str(
        panel.model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    )
    assert "2026-09" in panel.status.text() and "80.0%" in panel.status.text()
    assert len(panel.chart.series()) == 1  # one bar series
    # the names read in full on the left of horizontal bars, each on a line of its own
    [names] = panel.chart.axes(Qt.Orientation.Vertical)
    assert isinstance(names, QBarCategoryAxis)
    shown_names = names.categories()
    assert set(shown_names) <= {r.label for r in panel.model.rows}
    line = QFontMetrics(names.labelsFont()).height()
    plot = panel.chart.plotArea()
    assert plot.height() / max(1, len(shown_names)) >= line
    # the plot starts right of the longest name (QtCharts' own layout cut them to "…")
    fm = QFontMetrics(names.labelsFont())
    assert plot.left() >= max(fm.horizontalAdvance(n) for n in shown_names)
    # the formulas help panel
    panel.help_button.click()
    assert panel.help.isVisible() and "÷" in panel.help.toPlainText()

    # drill-down: the cases counted in unit A's on-time closures, then one opened
    panel.drill_numerator(cell)
    qtbot.waitUntil(lambda: panel.cases_dialog is not None, timeout=10_000)
    dlg = panel.cases_dialog
    assert dlg is not None
    assert {r.id for r in dlg.model.rows} == set(month.a[:6]) | {month.a[7], month.a[8]}
    ModelTester(None).check(dlg.model)  # type: ignore[arg-type]
    dlg.open_case(dlg.model.index(0, 0))
    assert dlg.case_view is not None
    qtbot.waitUntil(lambda: dlg.case_view is not None and dlg.case_view.detail is not None,  # type: ignore[attr-defined]
                    timeout=10_000)  # fmt: skip
    dlg.case_view.close()
    dlg.close()
    # the denominator of the district dimension
    with qtbot.waitSignal(panel.loaded, timeout=20_000):
        panel.dimension.setCurrentIndex(1)
    panel.cases_dialog = None
    d_row = [r.key for r in panel.model.rows].index(month.district_1)
    panel.drill(panel.model.index(d_row, col), "denominator")
    qtbot.waitUntil(lambda: panel.cases_dialog is not None, timeout=10_000)
    district_dialog = panel.cases_dialog
    assert district_dialog is not None
    assert len(district_dialog.model.rows) == 10
    district_dialog.close()

    # export off the GUI thread, with the progress shown meanwhile
    out = tmp_path / "monthly.xlsx"
    summary = panel.status.text()
    with qtbot.waitSignal(panel.exported, timeout=30_000) as sig:
        panel.export_to(out)
        assert panel.progress.isVisible() and not panel.excel_button.isEnabled()
        assert out.name in panel.status.text()  # "Exporting monthly.xlsx…"
    assert sig.args == [str(out)]
    assert not panel.progress.isVisible() and panel.excel_button.isEnabled()
    assert panel.status.text() == summary  # the "exporting" message is gone
    wb = openpyxl.load_workbook(out)
    assert len(wb.sheetnames) > 5

    # hotspots: the four recent tutoring complaints form a group; confirm it
    hot = screen.hotspots
    with qtbot.waitSignal(hot.loaded, timeout=30_000):
        screen.tabs.setCurrentIndex(1)
    ModelTester(None).check(hot.model)  # type: ignore[arg-type]
    keys = [g.subject for g in hot.model.groups]
    assert "补课" in keys
    i = keys.index("补课")
    assert hot.model.groups[i].count == 4
    hot.table.selectRow(i)
    assert hot.confirm_button.isEnabled()
    with qtbot.waitSignal(hot.loaded, timeout=30_000):
        hot.confirm_button.click()
    g = next(g for g in hot.model.groups if g.subject == "补课")
    assert g.review == "confirmed"
    assert "Confirmed" in str(hot.model.data(hot.model.index(hot.model.groups.index(g), 7)))
    hot.table.selectRow(hot.model.groups.index(g))
    with qtbot.waitSignal(hot.loaded, timeout=30_000):
        hot.dismiss_button.click()
    assert "补课" not in [g.subject for g in hot.model.groups]
