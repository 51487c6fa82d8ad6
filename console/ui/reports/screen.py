"""The Reports screen (supervisors and administrators): the assessment rates of a day or a
month by unit, district, class, channel or day, charted (QtCharts) and tabulated, each
figure drilling down to its cases; the daily and monthly reports exported to Excel or
PDF off the GUI thread; and the hotspot groups, which a supervisor confirms or
dismisses. Every query runs on the BackgroundRunner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QEvent, QLocale, QModelIndex, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.domain.clock import now_utc, to_local
from console.queries.assessment import (
    METRIC_BY_KEY,
    METRICS,
    Dimension,
    Period,
    RateTable,
    day_period,
    month_period,
)
from console.services.assessment import CaseRow
from console.ui import files
from console.ui.context import UiContext
from console.ui.reports.hotspots import HotspotsPanel
from console.ui.reports.models import (
    KEY_ROLE,
    RatesModel,
    metric_formula,
    metric_title,
)
from console.ui.reports.widgets import CasesDialog, _table

CHART_ROWS = 12  # bars in the chart: each name needs a line of its own
CHART_LABEL_CHARS = 14  # longer names are cut (佛山市城市管理和综合执法局 has 13)


def chart_label(label: str) -> str:
    return label if len(label) <= CHART_LABEL_CHARS else label[: CHART_LABEL_CHARS - 1] + "…"


class AssessmentPanel(QWidget):
    """Period and dimension selectors, the chart, the rates table, exports."""

    loaded = Signal()
    exported = Signal(str)

    DIMENSIONS = (
        Dimension.UNIT, Dimension.DISTRICT, Dimension.CLASS, Dimension.CHANNEL, Dimension.DAY,
        Dimension.TOTAL,
    )  # fmt: skip

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.service = ctx.app.assessment
        self.reports = ctx.app.reports
        self.table_data: RateTable | None = None
        self.cases_dialog: CasesDialog | None = None

        self.kind = QComboBox()
        self.kind.addItem(self.tr("Day"), "day")
        self.kind.addItem(self.tr("Month"), "month")
        self.kind.setCurrentIndex(1)
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        today = to_local(now_utc()).date()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.dimension = QComboBox()
        for dim, title in zip(
            self.DIMENSIONS,
            (self.tr("Handling unit"), self.tr("District"), self.tr("Business class"),
             self.tr("Channel"), self.tr("Day"), self.tr("Whole city")),
            strict=True,
        ):  # fmt: skip
            self.dimension.addItem(title, dim.value)
        self.chart_metric = QComboBox()
        for m in METRICS:
            self.chart_metric.addItem(metric_title(m.key), m.key)
            self.chart_metric.setItemData(self.chart_metric.count() - 1, metric_formula(m.key),
                                    Qt.ItemDataRole.ToolTipRole)  # fmt: skip
        self.chart_metric.setCurrentIndex([m.key for m in METRICS].index("ontime_rate"))
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.excel_button = QPushButton(self.tr("Export &Excel…"))
        self.pdf_button = QPushButton(self.tr("Export &PDF…"))
        self.help_button = QPushButton(self.tr("&Formulas"))
        self.help_button.setCheckable(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.status = QLabel()

        bar = QHBoxLayout()
        for label, w in (
            (self.tr("Period:"), self.kind), (None, self.day),
            (self.tr("By:"), self.dimension), (self.tr("Chart:"), self.chart_metric),
        ):  # fmt: skip
            if label:
                bar.addWidget(QLabel(label))
            bar.addWidget(w)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.progress)
        bar.addWidget(self.help_button)
        bar.addWidget(self.excel_button)
        bar.addWidget(self.pdf_button)

        self.chart = QChart()
        self.chart.legend().hide()
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(300)
        self._names_width = 0
        self.chart_view.installEventFilter(self)
        self.model = RatesModel(self)
        self.table = _table(self.model)
        self.table.doubleClicked.connect(self.drill_numerator)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.help = QTextBrowser()
        self.help.setHtml(self.formulas_html())
        self.help.hide()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart_view)
        split.addWidget(self.table)
        split.setStretchFactor(1, 2)
        body = QHBoxLayout()
        body.addWidget(split, 3)
        body.addWidget(self.help, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.status)
        lay.addLayout(body, 1)

        self._update_date_format()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.dimension.currentIndexChanged.connect(lambda _i: self.refresh())
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.chart_metric.currentIndexChanged.connect(lambda _i: self._draw_chart())
        self.refresh_button.clicked.connect(self.refresh)
        self.help_button.toggled.connect(self.help.setVisible)
        self.excel_button.clicked.connect(lambda: self.export_dialog(".xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export_dialog(".pdf"))

    # --- selection --------------------------------------------------------------------
    def formulas_html(self) -> str:
        rows = "".join(
            f"<p><b>{metric_title(m.key)}</b>"
            + (" " + self.tr("(headline)") if m.headline else "")
            + f"<br/>{metric_formula(m.key)}</p>"
            for m in METRICS
        )
        intro = self.tr(
            "Figures count the cases received in the period (local time), as their history "
            "stands now, against the lead handling unit. Double-click a figure for the cases "
            "it counts; right-click for the cases it is measured against."
        )
        return f"<p>{intro}</p>{rows}"

    def _kind_changed(self, _index: int) -> None:
        self._update_date_format()
        self.refresh()

    def _update_date_format(self) -> None:
        self.day.setDisplayFormat("yyyy-MM-dd" if self.kind.currentData() == "day" else "yyyy-MM")

    def period(self) -> Period:
        d = self.day.date()
        if self.kind.currentData() == "day":
            return day_period(date(d.year(), d.month(), d.day()))
        return month_period(d.year(), d.month())

    def dim(self) -> Dimension:
        return Dimension(self.dimension.currentData())

    # --- loading ----------------------------------------------------------------------
    def refresh(self) -> None:
        period, dim, svc = self.period(), self.dim(), self.service
        self.status.setText(self.tr("Loading {0}…").format(period.label))
        self.ctx.runner.run(
            lambda: svc.rate_table(period, dim), self.show_table, self._failed, owner=self
        )

    def show_table(self, t: RateTable) -> None:
        self.table_data = t
        self.model.set_rows(t.rows, self.dimension.currentText())
        total = t.total
        head = ""
        if total is not None:
            f = total.figures
            head = self.tr(
                "{0}: {1} cases received; on-time closure {2}, satisfaction {3}, response {4}"
            ).format(
                t.period.label,
                f["closure_rate"].denominator,
                _pct(f["ontime_rate"].value),
                _pct(f["satisfaction_rate"].value),
                _pct(f["response_rate"].value),
            )
        self.status.setText(head or self.tr("{0}: no cases").format(t.period.label))
        self._draw_chart()
        self.loaded.emit()

    def _place_plot(self) -> None:
        """QtCharts gives a left category axis too little room and cuts every name to
        "…": the plot area is placed by hand, right of the longest name."""
        if not self._names_width:
            return
        size = self.chart_view.size()
        left = self._names_width + 24
        top, right, bottom = 40, 24, 40
        self.chart.setPlotArea(
            QRectF(
                left,
                top,
                max(50, size.width() - left - right),
                max(50, size.height() - top - bottom),
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.chart_view and event.type() == QEvent.Type.Resize:
            self._place_plot()
        return super().eventFilter(watched, event)

    def _draw_chart(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        t = self.table_data
        key = str(self.chart_metric.currentData())
        if t is None or not t.rows:
            return
        # horizontal bars: a unit's or a district's name reads in full on the left
        # (under vertical bars, 25 names share the width and are cut to "佛…")
        rows = [r for r in t.rows if r.value(key) is not None][:CHART_ROWS]
        rows.reverse()  # the first row of the table at the top
        avg = METRIC_BY_KEY[key].kind == "average_hours"
        bars = QBarSet(metric_title(key))
        for r in rows:
            v = r.value(key) or 0.0
            bars.append(v if avg else v * 100)
        series = QHorizontalBarSeries()
        series.append(bars)
        self.chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([chart_label(r.label) for r in rows])
        values = QValueAxis()
        values.setLabelFormat("%.1f" if avg else "%.0f%%")
        if not avg:
            values.setRange(0, 100)
        self.chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)
        self._names_width = max(
            (QFontMetrics(names.labelsFont()).horizontalAdvance(n) for n in names.categories()),
            default=0,
        )
        self._place_plot()
        self.chart.setTitle(f"{metric_title(key)} — {t.period.label}")

    # --- drill-down -------------------------------------------------------------------
    def _menu(self, pos: Any) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid() or self.model.metric_at(index.column()) is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Cases counted (numerator)"), lambda: self.drill(index, "numerator"))
        menu.addAction(
            self.tr("Cases measured (denominator)"), lambda: self.drill(index, "denominator")
        )
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def drill_numerator(self, index: QModelIndex) -> None:
        part = "denominator" if index.column() <= 1 else "numerator"
        self.drill(index, part)

    def drill(self, index: QModelIndex, part: str) -> None:
        t = self.table_data
        metric = self.model.metric_at(index.column())
        if t is None or metric is None:
            return
        key = self.model.data(index, KEY_ROLE)
        svc = self.service
        period, dim, as_of = t.period, t.dimension, t.as_of
        label = self.model.data(self.model.index(index.row(), 0))
        what = self.tr("counted") if part == "numerator" else self.tr("measured")
        title = f"{label} · {metric_title(metric)} · {what}"

        def work() -> tuple[list[CaseRow], int]:
            ids = svc.drill_ids(period, dim, key, metric, part, as_of)
            return svc.case_rows(ids), len(ids)

        def done(result: tuple[list[CaseRow], int]) -> None:
            rows, total = result
            self.cases_dialog = CasesDialog(self.ctx, title, rows, total, self)
            self.cases_dialog.show()

        self.ctx.runner.run(work, done, self._failed, owner=self)

    # --- export -----------------------------------------------------------------------
    def export_dialog(self, suffix: str) -> None:
        p = self.period()
        kind = "daily" if p.kind == "day" else "monthly"
        name = f"{kind}-report-{p.label}{suffix}"
        filt = (
            self.tr("Excel workbooks (*.xlsx)")
            if suffix == ".xlsx"
            else self.tr("PDF files (*.pdf)")
        )
        path = files.ask_save(self, self.tr("Export the report"), name, filt)
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            self.export_to(Path(path))

    def export_to(self, path: Path, on_done: Callable[[str], None] | None = None) -> None:
        p = self.period()
        reports = self.reports
        # the document's language follows the interface's (QLocale's default, console.ui.i18n)
        lang = "zh" if QLocale().language() == QLocale.Language.Chinese else "en"

        def work() -> str:
            from console.services.report_export import document_for, export_excel

            report = (
                reports.daily(p.first)
                if p.kind == "day"
                else reports.monthly(p.first.year, p.first.month)
            )
            doc = document_for(report, lang)
            if path.suffix.lower() == ".pdf":
                from console.ui.reports.pdf import export_pdf

                export_pdf(doc, path)
            else:
                export_excel(doc, path)
            return str(path)

        before = self.status.text()  # the figures' summary comes back when done
        self._busy(True, self.tr("Exporting {0}…").format(path.name))

        def done(out: str) -> None:
            self._busy(False)
            self.status.setText(before)
            self.ctx.messages.info(self.tr("Report saved to {0}").format(out))
            self.exported.emit(out)
            if on_done is not None:
                on_done(out)

        def failed(exc: BaseException) -> None:
            self._busy(False)
            self.status.setText(self.tr("Not exported: {0}").format(exc))

        self.ctx.runner.run(work, done, failed, owner=self)

    def _busy(self, on: bool, text: str = "") -> None:
        self.progress.setVisible(on)
        for b in (self.excel_button, self.pdf_button):
            b.setEnabled(not on)
        if text:
            self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("Could not load the figures: {0}").format(exc))
        self.ctx.messages.error(exc)


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v * 100:.1f}%"


class ReportsScreen(QWidget):
    """Assessment and reports | hotspots, as two tabs; loads when first shown."""

    def __init__(self, ctx: UiContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.assessment = AssessmentPanel(ctx)
        self.hotspots = HotspotsPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.assessment, self.tr("Assessment and reports"))
        self.tabs.addTab(self.hotspots, self.tr("Hotspots"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)
        self._loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._load_tab)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._load_tab(self.tabs.currentIndex())

    def _load_tab(self, i: int) -> None:
        if i in self._loaded:
            return
        self._loaded.add(i)
        (self.assessment if i == 0 else self.hotspots).refresh()
