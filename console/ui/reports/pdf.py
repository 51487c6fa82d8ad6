"""A report as a PDF an office files: A4, the title and date on top, one titled table per
section, simple bar or line charts drawn with QPainter above the tables that have one.

Rendered by QTextDocument into a QPdfWriter, like the handover document. Needs a
QGuiApplication (the command line creates an offscreen one)."""

from __future__ import annotations

import os
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from console.services.report_export import Document, Section, Styled

BAR = QColor("#3B6EA8")


def format_cell(value: object, kind: str) -> str:
    if isinstance(value, Styled):
        kind = value.kind
        value = value.value
    if value is None:
        return "—"
    if kind == "pct" and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if kind == "hours" and isinstance(value, int | float):
        return f"{value:.1f}"
    if kind == "num" and isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if kind in ("int",) and isinstance(value, int | float):
        return f"{int(value):,}"
    if kind == "signed" and isinstance(value, int):
        return f"{value:+d}" if value else "0"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _numeric(v: object) -> float | None:
    if isinstance(v, Styled):
        v = v.value
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def chart_image(sec: Section, width: int = 1600, height: int = 520) -> QImage | None:
    """A bar (or line) chart of the section's chart column against its first column."""
    if sec.chart is None or not sec.rows:
        return None
    col = sec.chart.value_column
    label_col = 1 if sec.columns and sec.columns[0][1] == "int" and len(sec.columns) > 1 else 0
    points = [(str(r[label_col]), _numeric(r[col])) for r in sec.rows[:31]]
    points = [(k, v) for k, v in points if v is not None]
    if not points:
        return None
    pct = sec.columns[col][1] == "pct"
    img = QImage(width, height, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.white)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(22)
    p.setFont(font)
    left, right, top, bottom = 110, 30, 40, 150
    plot = QRectF(left, top, width - left - right, height - top - bottom)
    vmax = max(v for _, v in points if v is not None) or 1.0
    p.setPen(QPen(QColor("#666"), 2))
    p.drawLine(plot.bottomLeft(), plot.bottomRight())
    p.drawLine(plot.bottomLeft(), plot.topLeft())
    for i in range(5):
        y = plot.bottom() - plot.height() * i / 4
        val = vmax * i / 4
        p.setPen(QPen(QColor("#ddd"), 1))
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(QColor("#333"))
        text = f"{val * 100:.0f}%" if pct else (f"{val:,.0f}" if vmax >= 10 else f"{val:.1f}")
        p.drawText(QRectF(0, y - 14, left - 10, 28),
                   Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)  # fmt: skip
    n = len(points)
    step = plot.width() / n
    prev: QPointF | None = None
    for i, (label, v) in enumerate(points):
        assert v is not None
        h = plot.height() * v / vmax
        x = plot.left() + i * step
        if sec.chart.kind == "line":
            pt = QPointF(x + step / 2, plot.bottom() - h)
            p.setPen(QPen(BAR, 4))
            if prev is not None:
                p.drawLine(prev, pt)
            p.drawEllipse(pt, 4, 4)
            prev = pt
        else:
            p.fillRect(QRectF(x + step * 0.15, plot.bottom() - h, step * 0.7, h), BAR)
        p.setPen(QColor("#333"))
        p.save()
        p.translate(x + step / 2, plot.bottom() + 8)
        p.rotate(40 if n > 6 else 0)
        short = label if len(label) <= 12 else label[:11] + "…"
        if n > 6:
            p.drawText(QRectF(0, -12, 200, 28), Qt.AlignmentFlag.AlignLeft, short)
        else:
            p.drawText(QRectF(-step / 2, 0, step, 28), Qt.AlignmentFlag.AlignCenter, short)
        p.restore()
    p.end()
    return img


CSS = (
    "body{font-size:9pt} h1{font-size:16pt;margin:0;text-align:center} "
    ".sub{text-align:center;color:#444;font-size:8.5pt} "
    "h2{font-size:11pt;margin:12px 0 4px 0;border-bottom:1px solid #888} "
    "table{border-collapse:collapse} td,th{border:1px solid #999;padding:2px 4px;"
    "font-size:8pt} th{background:#e4e9f0} .num{text-align:right} .note{color:#555;"
    "font-size:8pt}"
)


def document_html(doc: Document, with_charts: bool = True) -> tuple[str, dict[str, QImage]]:
    images: dict[str, QImage] = {}
    out = [f"<style>{CSS}</style>", f"<h1>{escape(doc.title)}</h1>",
           f"<p class='sub'>{escape(doc.subtitle)}</p>"]  # fmt: skip
    for sec in doc.sections:
        out.append(f"<h2>{escape(sec.title)}</h2>")
        if sec.note:
            out.append(f"<p class='note'>{escape(sec.note)}</p>")
        if with_charts:
            img = chart_image(sec)
            if img is not None:
                name = f"chart_{sec.key}.png"
                images[name] = img
                out.append(f"<p><img src='{name}' width='620' /></p>")
        out.append("<table width='100%'><tr>")
        out += [f"<th>{escape(h)}</th>" for h, _ in sec.columns]
        out.append("</tr>")
        for row in sec.rows:
            out.append("<tr>")
            for (_, kind), v in zip(sec.columns, row, strict=True):
                cls = " class='num'" if kind != "text" else ""
                out.append(f"<td{cls}>{escape(format_cell(v, kind))}</td>")
            out.append("</tr>")
        if not sec.rows:
            out.append(f"<tr><td colspan='{len(sec.columns)}'>—</td></tr>")
        out.append("</table>")
    return "".join(out), images


def export_pdf(doc: Document, path: Path) -> Path:
    writer = QPdfWriter(str(path))
    writer.setTitle(doc.title)
    writer.setCreator("Citizen Hotline Console")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    html, images = document_html(doc)
    qdoc = QTextDocument()
    for name, img in images.items():
        qdoc.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name), img)
    qdoc.setHtml(html)
    qdoc.print_(writer)
    return Path(path)


def export_pdf_standalone(doc: Document, path: Path) -> Path:
    """For the command line: QTextDocument and QPdfWriter need a QGuiApplication; a
    headless run (no display) uses the offscreen platform."""
    from PySide6.QtGui import QGuiApplication

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(["hotline-report"])
    try:
        return export_pdf(doc, path)
    finally:
        del app
