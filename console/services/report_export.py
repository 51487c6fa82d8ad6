"""Reports as documents: the sections (titled tables) of a daily or monthly report, and
their Excel export (openpyxl: a title, the date, formatted headers, column widths and
number formats, one sheet per section). The PDF export renders the same sections with
Qt (``console.ui.reports.pdf``). No Qt here.

The documents are written in Chinese (the office files them) or in English
(``lang="en"``); the document's own labels are in ``LABELS``, the names of statuses, case
types, milestones and metrics are the screens' own words (``console.domain.wording``
translated by the catalogue the screens use, ``console.infra.catalogue``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from console.domain import wording
from console.domain.clock import to_local
from console.domain.exports import neutralise
from console.infra import catalogue
from console.queries.assessment import METRICS, RateRow
from console.services.reports import DailyReport, MonthlyReport

# column kinds: text | int | pct | hours | datetime | signed
Column = tuple[str, str]


@dataclass(frozen=True)
class Chart:
    """A bar chart of one column against the first (labels) column."""

    value_column: int
    title: str
    kind: str = "bar"  # bar | line


@dataclass(frozen=True)
class Styled:
    """A cell whose kind differs from its column's (the average hours in a rates table)."""

    value: object
    kind: str

    def __str__(self) -> str:
        return "" if self.value is None else str(self.value)


@dataclass(frozen=True)
class Section:
    key: str  # sheet name (≤ 31 characters)
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[object, ...], ...]
    note: str = ""
    chart: Chart | None = None


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str  # the date or month, and when it was generated
    sections: tuple[Section, ...] = field(default_factory=tuple)


LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "daily_title": "市长直通车 12345 热线日报",
        "monthly_title": "市长直通车 12345 热线月报",
        "date": "日期", "month": "月份", "generated": "生成时间", "as_of": "统计截至",
        "summary": "概况", "item": "项目", "value": "数值",
        "received": "受理总量", "urgent": "紧急事项", "breaches": "超时",
        "channels": "来源渠道", "types": "类型", "classes": "业务类别",
        "count": "数量", "share": "占比", "channel": "渠道", "type": "类型", "class": "类别",
        "rates": "主要指标", "metric": "指标", "numerator": "分子", "denominator": "分母",
        "rate": "比率", "formula": "口径", "day_cohort": "当日受理",
        "mtd": "本月累计", "previous": "上月", "this_month": "本月", "last_year": "去年同月",
        "urgent_cases": "紧急事项", "number": "工单编号", "title": "标题", "status": "状态",
        "unit": "承办单位", "district": "区", "received_at": "受理时间",
        "closed_at": "办结时间", "breach_list": "超时工单", "milestone": "时限节点",
        "due": "时限", "hotspots": "热点问题", "place": "地点", "subject": "问题",
        "cases": "件数", "previous_window": "上期", "trend": "变化", "words": "关键词",
        "kinds": "性质", "common": "普遍", "strong": "反映强烈", "repeated": "反复出现",
        "review": "研判", "confirmed": "已确认", "dismissed": "已排除",
        "by_day": "日趋势", "by_month": "月趋势", "day": "日期",
        "unit_ranking": "承办单位排名", "rank": "名次", "districts": "各区",
        "topics": "专题分析", "category": "事项分类", "change": "环比",
        "returns": "退单次数", "ext_requested": "延期申请",
        "formulas": "指标口径", "consultation": "咨询", "demand": "诉求",
        "hotspot_note": "近7日相似工单分组（同一地点、同一分类或相同关键词），与前7日比较",
        "unit_note": "按按时办结率（含批准延期）排序，派单不少于 {0} 件的单位",
        "mtd_note": "本月1日至报告日受理的工单",
    },
    "en": {
        "daily_title": "12345 Citizen Hotline — daily report",
        "monthly_title": "12345 Citizen Hotline — monthly report",
        "date": "Date", "month": "Month", "generated": "Generated", "as_of": "As of",
        "summary": "Summary", "item": "Item", "value": "Value",
        "received": "Cases received", "urgent": "Urgent", "breaches": "Breaches",
        "channels": "Channels", "types": "Types", "classes": "Classes",
        "count": "Count", "share": "Share", "channel": "Channel", "type": "Type",
        "class": "Class", "rates": "Key rates", "metric": "Metric",
        "numerator": "Numerator", "denominator": "Denominator", "rate": "Rate",
        "formula": "Formula", "day_cohort": "Received this day", "mtd": "Month to date",
        "previous": "Previous month", "this_month": "This month",
        "last_year": "Same month last year",
        "urgent_cases": "Urgent cases", "number": "Case number", "title": "Title",
        "status": "Status", "unit": "Handling unit", "district": "District",
        "received_at": "Received", "closed_at": "Closed", "breach_list": "Breaches",
        "milestone": "Milestone", "due": "Deadline", "hotspots": "Hotspots",
        "place": "Place", "subject": "Issue", "cases": "Cases",
        "previous_window": "Previous", "trend": "Change", "words": "Keywords",
        "kinds": "Kind", "common": "common", "strong": "strongly felt",
        "repeated": "repeated", "review": "Review", "confirmed": "confirmed",
        "dismissed": "dismissed", "by_day": "By day", "by_month": "By month", "day": "Day",
        "unit_ranking": "Unit ranking", "rank": "Rank", "districts": "Districts",
        "topics": "Topics", "category": "Matter category", "change": "Change",
        "returns": "Returns", "ext_requested": "Extensions requested",
        "formulas": "Formulas", "consultation": "Consultation", "demand": "Demand",
        "hotspot_note": "Similar cases of the last 7 days (same place and category or "
        "keyword) against the 7 days before",
        "unit_note": "Ranked by on-time closure rate (approved extensions included), "
        "units with at least {0} dispatched demands",
        "mtd_note": "Cases received from the 1st of the month to the report day",
    },
}  # fmt: skip


def metric_name(key: str, lang: str) -> str:
    return catalogue.word(wording.METRIC, key, lang)


def formula_text(key: str, lang: str) -> str:
    return catalogue.word(wording.METRIC_FORMULA, key, lang)


def _rate_cell(row: RateRow | None, key: str) -> float | None:
    if row is None:
        return None
    return row.figures[key].value


def _rates_section(key: str, title: str, rows: Sequence[tuple[str, RateRow | None]], lang: str,
                   note: str = "") -> Section:  # fmt: skip
    L = LABELS[lang]
    cols: list[Column] = [(L["metric"], "text")]
    for name, _ in rows:
        cols += [(f"{name} {L['rate']}", "pct"), (f"{name} {L['numerator']}", "num"),
                 (f"{name} {L['denominator']}", "int")]  # fmt: skip
    out = []
    for m in METRICS:
        line: list[object] = [metric_name(m.key, lang)]
        for _, r in rows:
            fig = r.figures[m.key] if r is not None else None
            value = fig.value if fig is not None else None
            line += [
                Styled(value, "hours") if m.kind == "average_hours" else value,
                fig.numerator if fig is not None else None,
                fig.denominator if fig is not None else None,
            ]
        out.append(tuple(line))
    cols_t = tuple(cols)
    # the average is hours, not a rate
    return Section(key, title, cols_t, tuple(out), note)


def _by_dimension(
    key: str,
    title: str,
    first: str,
    rows: Sequence[RateRow],
    lang: str,
    note: str = "",
    rank: bool = False,
    chart: Chart | None = None,
) -> Section:
    L = LABELS[lang]
    cols: list[Column] = [(L["rank"], "int")] if rank else []
    cols += [(first, "text"), (L["cases"], "int")]
    keys = [m.key for m in METRICS]
    cols += [(metric_name(k, lang), "hours" if k == "avg_response_hours" else "pct") for k in keys]
    cols += [(L["returns"], "int"), (L["ext_requested"], "int")]
    out = []
    for i, r in enumerate(rows, 1):
        line: list[object] = [i] if rank else []
        line += [r.label, r.figures["closure_rate"].denominator]
        line += [r.value(k) for k in keys]
        line += [r.returns, r.ext_requested]
        out.append(tuple(line))
    return Section(key, title, tuple(cols), tuple(out), note, chart)


def _hotspots_section(groups: Sequence[object], lang: str, daily: DailyReport | None) -> Section:
    from console.domain.hotspots import Hotspot

    L = LABELS[lang]
    strong = {g.key for g in daily.strongly_felt} if daily else set()
    repeated = {g.key for g in daily.repeated} if daily else set()
    rows = []
    for g in groups:
        assert isinstance(g, Hotspot)
        kinds = [L["common"]]
        if g.key in strong or g.strongly_felt:
            kinds.append(L["strong"])
        if g.key in repeated or g.repeated:
            kinds.append(L["repeated"])
        rows.append(
            (g.place_label, g.subject, g.count, g.previous, g.trend, "、".join(g.words),
             "、".join(kinds), L.get(g.review, "") if g.review else "")
        )  # fmt: skip
    return Section(
        "hotspots",
        L["hotspots"],
        (
            (L["place"], "text"), (L["subject"], "text"), (L["cases"], "int"),
            (L["previous_window"], "int"), (L["trend"], "signed"), (L["words"], "text"),
            (L["kinds"], "text"), (L["review"], "text"),
        ),
        tuple(rows),
        L["hotspot_note"],
        Chart(2, L["hotspots"]),
    )  # fmt: skip


def _formulas(lang: str) -> Section:
    L = LABELS[lang]
    return Section(
        "formulas", L["formulas"], ((L["metric"], "text"), (L["formula"], "text")),
        tuple((metric_name(m.key, lang), formula_text(m.key, lang)) for m in METRICS),
    )  # fmt: skip


def _volumes(report: DailyReport | MonthlyReport, lang: str) -> list[Section]:
    L = LABELS[lang]
    v = report.volumes
    total = v.total or 1

    def share(n: int) -> float:
        return n / total

    return [
        Section(
            "channels", L["channels"], ((L["channel"], "text"), (L["count"], "int"),
                                        (L["share"], "pct")),
            tuple((name, n, share(n)) for _, name, n in v.by_channel),
            chart=Chart(1, L["channels"]),
        ),
        Section(
            "types", L["types"], ((L["type"], "text"), (L["count"], "int"), (L["share"], "pct")),
            tuple(
                (catalogue.word(wording.CASE_TYPE, k, lang), n, share(n))
                for k, n in v.by_type
            ),
        ),
        Section(
            "classes", L["classes"], ((L["class"], "text"), (L["count"], "int"),
                                      (L["share"], "pct")),
            tuple((name, n, share(n)) for _, name, n in v.by_class),
            chart=Chart(1, L["classes"]),
        ),
    ]  # fmt: skip


def _when(at: datetime | None) -> datetime | None:
    return None if at is None else to_local(at).replace(tzinfo=None)


def daily_document(r: DailyReport, lang: str = "zh", generated: datetime | None = None) -> Document:
    L = LABELS[lang]
    gen = to_local(generated or datetime.now().astimezone())
    summary = Section(
        "summary", L["summary"], ((L["item"], "text"), (L["value"], "int")),
        (
            (L["received"], r.volumes.total),
            (L["urgent"], r.urgent_total),
            (L["breaches"], r.breaches_total),
            (L["hotspots"], len(r.hotspots.groups)),
        ),
    )  # fmt: skip
    rates = _rates_section(
        "rates", L["rates"],
        [(L["day_cohort"], r.rates_day), (L["mtd"], r.rates_month_to_date)], lang,
        L["mtd_note"],
    )  # fmt: skip
    sections = [summary, *_volumes(r, lang), rates]
    sections.append(_by_dimension("class_rates", f"{L['classes']} · {L['mtd']}", L["class"],
                                  r.rates_by_class, lang))  # fmt: skip
    sections.append(
        Section(
            "urgent", L["urgent_cases"],
            ((L["number"], "text"), (L["title"], "text"), (L["status"], "text"),
             (L["unit"], "text"), (L["received_at"], "datetime")),
            tuple((c.number, c.title, catalogue.word(wording.STATUS, c.status, lang), c.unit,
                   _when(c.received_at)) for c in r.urgent),
        )
    )  # fmt: skip
    sections.append(
        Section(
            "breaches", L["breach_list"],
            ((L["number"], "text"), (L["title"], "text"), (L["milestone"], "text"),
             (L["due"], "datetime"), (L["unit"], "text")),
            tuple((b.number, b.title, catalogue.word(wording.MILESTONE, b.milestone, lang),
                   _when(b.due_at), b.unit) for b in r.breaches),
        )
    )  # fmt: skip
    sections.append(_hotspots_section(r.hotspots.groups[:30], lang, r))
    sections.append(_formulas(lang))
    return Document(
        L["daily_title"],
        f"{L['date']}: {r.day:%Y-%m-%d}    {L['as_of']}: {_fmt(r.as_of)}    "
        f"{L['generated']}: {gen:%Y-%m-%d %H:%M}",
        tuple(sections),
    )


def _fmt(at: datetime) -> str:
    return to_local(at).strftime("%Y-%m-%d %H:%M")


def monthly_document(
    r: MonthlyReport, lang: str = "zh", generated: datetime | None = None
) -> Document:
    L = LABELS[lang]
    gen = to_local(generated or datetime.now().astimezone())
    summary = Section(
        "summary", L["summary"], ((L["item"], "text"), (L["value"], "int")),
        ((L["received"], r.volumes.total), (L["urgent"], r.volumes.urgent),
         (L["hotspots"], len(r.hotspots.groups))),
    )  # fmt: skip
    rates = _rates_section(
        "rates", L["rates"],
        [(L["this_month"], r.rates), (L["previous"], r.rates_previous),
         (L["last_year"], r.rates_last_year)],
        lang,
    )  # fmt: skip
    sections = [summary, *_volumes(r, lang), rates]
    sections.append(_by_dimension("by_day", L["by_day"], L["day"], r.by_day, lang,
                                  chart=Chart(1, L["by_day"], "line")))  # fmt: skip
    sections.append(_by_dimension("by_month", L["by_month"], L["month"], r.by_month, lang,
                                  chart=Chart(1, L["by_month"])))  # fmt: skip
    sections.append(_by_dimension("units", L["unit_ranking"], L["unit"], r.units, lang,
                                  L["unit_note"].format(r.min_cases), rank=True))  # fmt: skip
    sections.append(_by_dimension("districts", L["districts"], L["district"], r.districts, lang))
    sections.append(_by_dimension("class_rates", L["classes"], L["class"], r.classes, lang))
    sections.append(_by_dimension("channel_rates", L["channels"], L["channel"], r.channels, lang))
    sections.append(
        Section(
            "topics", L["topics"],
            ((L["category"], "text"), (L["this_month"], "int"), (L["previous"], "int"),
             (L["change"], "pct")),
            tuple((c.category, c.count, c.previous, c.change) for c in r.categories),
            chart=Chart(1, L["topics"]),
        )
    )  # fmt: skip
    sections.append(_hotspots_section(r.hotspots.groups[:30], lang, None))
    sections.append(_formulas(lang))
    return Document(
        L["monthly_title"],
        f"{L['month']}: {r.month}    {L['as_of']}: {_fmt(r.as_of)}    "
        f"{L['generated']}: {gen:%Y-%m-%d %H:%M}",
        tuple(sections),
    )


def document_for(report: DailyReport | MonthlyReport, lang: str = "zh") -> Document:
    if isinstance(report, DailyReport):
        return daily_document(report, lang)
    return monthly_document(report, lang)


# --- Excel ----------------------------------------------------------------------------------

NUMBER_FORMATS = {
    "int": "#,##0",
    "num": "#,##0.##",
    "pct": "0.0%",
    "hours": "0.0",
    "datetime": "yyyy-mm-dd hh:mm",
    "signed": "+#,##0;-#,##0;0",
}


def _width(value: object) -> int:
    s = "" if value is None else str(value)
    # CJK characters take two columns
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def export_excel(doc: Document, path: Path) -> Path:
    """One sheet per section: title, date line, header row, rows; widths and formats."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    wb = Workbook()
    first = True
    thin = Side(style="thin", color="999999")
    header_fill = PatternFill("solid", fgColor="DDE4EE")
    for sec in doc.sections:
        ws = wb.active if first else wb.create_sheet()
        assert ws is not None
        first = False
        ws.title = sec.title[:31].replace("/", "·") or sec.key[:31]
        ncol = max(1, len(sec.columns))
        ws.cell(row=1, column=1, value=neutralise(f"{doc.title} — {sec.title}")).font = Font(
            bold=True, size=14
        )
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(ncol, 4))
        ws.cell(row=2, column=1, value=neutralise(doc.subtitle)).font = Font(size=9, color="555555")
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=max(ncol, 4))
        row0 = 3
        if sec.note:
            ws.cell(row=3, column=1, value=neutralise(sec.note)).font = Font(italic=True, size=9)
            row0 = 4
        widths = [_width(h) + 2 for h, _ in sec.columns]
        for j, (h, _) in enumerate(sec.columns, 1):
            c = ws.cell(row=row0, column=j, value=neutralise(h))
            c.font = Font(bold=True)
            c.fill = header_fill
            c.border = Border(top=thin, bottom=thin, left=thin, right=thin)
            c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for i, values in enumerate(sec.rows, row0 + 1):
            for j, ((_, kind), v) in enumerate(zip(sec.columns, values, strict=True), 1):
                if isinstance(v, Styled):
                    kind = v.kind
                    v = v.value
                c = ws.cell(row=i, column=j, value=neutralise(v))
                c.border = Border(top=thin, bottom=thin, left=thin, right=thin)
                if kind in NUMBER_FORMATS:
                    c.number_format = NUMBER_FORMATS[kind]
                widths[j - 1] = max(widths[j - 1], _width(v if kind == "text" else "0000000000"))
        for j, w in enumerate(widths, 1):
            ws.column_dimensions[ws.cell(row=row0, column=j).column_letter].width = min(
                max(w, 8), 60
            )
        ws.freeze_panes = ws.cell(row=row0 + 1, column=1)
        ws.print_title_rows = f"{row0}:{row0}"
        ws.page_setup.orientation = "landscape" if ncol > 6 else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
    wb.properties.title = doc.title
    wb.properties.creator = "Citizen Hotline Console"
    path = Path(path)
    wb.save(path)
    return path


def check_output_path(path: Path, suffixes: Sequence[str] = (".xlsx", ".pdf")) -> Path:
    """A clear error before any work: unknown extension, missing directory."""
    path = Path(path)
    if path.suffix.lower() not in suffixes:
        raise ValueError(f"unsupported output {path.name!r}: use one of {', '.join(suffixes)}")
    if not path.parent.exists() or not path.parent.is_dir():
        raise ValueError(f"the directory {str(path.parent)!r} does not exist")
    return path
