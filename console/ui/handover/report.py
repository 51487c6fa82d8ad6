"""The handover as a document a supervisor hands to a manager: A4, a title block,
who handed over to whom and when, the shift's figures, the gap carried from the
previous shift, the listed cases, the accepted groups, incidents and notes.

Rendered by QTextDocument into a QPdfWriter (export) or a QPrinter (print)."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from console.domain.clock import to_local
from console.services.handover import HandoverView
from console.ui import labels
from console.ui.handover.models import bucket_name, reason_name, status_text, time_left


def _when(at: datetime | None) -> str:
    return "—" if at is None else to_local(at).strftime("%Y-%m-%d %H:%M")


def handover_html(v: HandoverView, channel_names: dict[str, str] | None = None) -> str:
    names = channel_names or {}
    t_shift_handover = QCoreApplication.translate("handover", "Shift handover")
    t_figures_of_the_shift = QCoreApplication.translate("handover", "Figures of the shift")
    t_by_channel = QCoreApplication.translate("handover", "By channel")
    t_by_type = QCoreApplication.translate("handover", "By type")
    t_carried_from_the_previous_shift = QCoreApplication.translate(
        "handover", "Carried from the previous shift"
    )
    t_notes_of_the_shift = QCoreApplication.translate("handover", "Notes of the shift")
    t_open_cases_listed = QCoreApplication.translate("handover", "Open cases listed")
    t_flag = QCoreApplication.translate("handover", "Flag")
    t_why_listed = QCoreApplication.translate("handover", "Why listed")
    t_case_number = QCoreApplication.translate("handover", "Case number")
    t_summary = QCoreApplication.translate("handover", "Summary")
    t_status = QCoreApplication.translate("handover", "Status")
    t_time_left = QCoreApplication.translate("handover", "Time left")
    t_assigned_to = QCoreApplication.translate("handover", "Assigned to")
    t_note_for_the_next_shift = QCoreApplication.translate("handover", "Note for the next shift")
    t_open_cases_counted_in_accepted_groups = QCoreApplication.translate(
        "handover", "Open cases counted in accepted groups"
    )
    t_group = QCoreApplication.translate("handover", "Group")
    t_cases = QCoreApplication.translate("handover", "Cases")
    t_accepted_by = QCoreApplication.translate("handover", "Accepted by")
    t_incidents = QCoreApplication.translate("handover", "Incidents")
    t_acknowledgement_note = QCoreApplication.translate("handover", "Acknowledgement note")
    f = v.figures
    at = v.as_of or v.ends_at
    rows: list[str] = []
    rows.append(
        "<style>"
        "body{font-size:9.5pt} h1{font-size:15pt;margin:0} h2{font-size:11pt;margin:10px 0 4px 0;"
        "border-bottom:1px solid #888} table{border-collapse:collapse} "
        "td,th{border:1px solid #999;padding:2px 4px;font-size:8.5pt} "
        "th{background:#eee;text-align:left} .nw{white-space:nowrap} "
        ".num{text-align:right} .meta td{border:none;padding:1px 8px 1px 0}"
        "</style>"
    )
    rows.append(f"<h1>{escape(t_shift_handover)} — {escape(v.label)}</h1>")
    meta = [
        (QCoreApplication.translate("handover", "Status"), status_text(v.status)),
        (
            QCoreApplication.translate("handover", "Covers"),
            f"{_when(v.coverage_from)} – {_when(at)}",
        ),
        (QCoreApplication.translate("handover", "Next shift"), v.next_label),
        (
            QCoreApplication.translate("handover", "Submitted by"),
            f"{v.submitted_by} {_when(v.submitted_at)}",
        ),
        (
            QCoreApplication.translate("handover", "Acknowledged by"),
            f"{v.acknowledged_by} {_when(v.acknowledged_at)}" if v.acknowledged_by else "—",
        ),
    ]
    rows.append("<table class='meta'>")
    for k, val in meta:
        rows.append(f"<tr><td><b>{escape(k)}</b></td><td>{escape(val)}</td></tr>")
    rows.append("</table>")

    rows.append(f"<h2>{escape(t_figures_of_the_shift)}</h2>")
    figures = [
        (QCoreApplication.translate("handover", "Received"), f.received),
        (
            QCoreApplication.translate("handover", "Consultations closed on the call"),
            f.closed_directly,
        ),
        (QCoreApplication.translate("handover", "Demands dispatched"), f.dispatched),
        (QCoreApplication.translate("handover", "Cases closed"), f.closed),
        (QCoreApplication.translate("handover", "Closed after the deadline"), f.closed_late),
        (QCoreApplication.translate("handover", "Deadlines breached during the shift"), f.breached),
        (QCoreApplication.translate("handover", "Callbacks promised"), f.callbacks_promised),
        (QCoreApplication.translate("handover", "Callbacks made"), f.callbacks_made),
        (
            QCoreApplication.translate(
                "handover", "Escalations (urgent cases and escalation events)"
            ),
            f.escalations,
        ),
        (QCoreApplication.translate("handover", "Incidents logged"), f.incidents),
        (QCoreApplication.translate("handover", "Open cases handed over"), f.open_total),
    ]
    rows.append("<table><tr>")
    half = (len(figures) + 1) // 2
    for col in (figures[:half], figures[half:]):
        rows.append("<td style='border:none;vertical-align:top'><table>")
        for k, n in col:
            rows.append(f"<tr><td>{escape(k)}</td><td class='num'>{n}</td></tr>")
        rows.append("</table></td>")
    rows.append("</tr></table>")
    if f.received_by_channel or f.received_by_type:
        rows.append("<p>")
        by_ch = ", ".join(
            f"{escape(names.get(k, k))} {n}"
            for k, n in sorted(f.received_by_channel.items(), key=lambda kv: -kv[1])
        )
        by_ty = ", ".join(
            f"{escape(labels.case_type_name(k))} {n}" for k, n in sorted(f.received_by_type.items())
        )
        rows.append(f"<b>{escape(t_by_channel)}:</b> {by_ch}<br/>")
        rows.append(f"<b>{escape(t_by_type)}:</b> {by_ty}</p>")

    if v.gap is not None:
        gp = v.gap
        rows.append(f"<h2>{escape(t_carried_from_the_previous_shift)}</h2><p>")
        if gp.previous_missing:
            rows.append(
                escape(
                    QCoreApplication.translate(
                        "handover", "{0} ended without a submitted handover."
                    ).format(gp.previous_label)
                )
                + " "
            )
        rows.append(
            escape(
                QCoreApplication.translate(
                    "handover",
                    "From {0} to {1}: {2} received, {3} closed, {4} open cases listed below.",
                ).format(_when(gp.since), _when(gp.until), gp.received, gp.closed, gp.listed)
            )
        )
        rows.append("</p>")

    if v.notes:
        rows.append(f"<h2>{escape(t_notes_of_the_shift)}</h2>")
        rows.append("<p>" + escape(v.notes).replace("\n", "<br/>") + "</p>")

    rows.append(
        f"<h2>{escape(t_open_cases_listed)} ({len(v.items)})</h2>"
        "<table width='100%'><tr>"
        f"<th>{escape(t_flag)}</th>"
        f"<th>{escape(t_why_listed)}</th>"
        f"<th>{escape(t_case_number)}</th>"
        f"<th>{escape(t_summary)}</th>"
        f"<th>{escape(t_status)}</th>"
        f"<th>{escape(t_time_left)}</th>"
        f"<th>{escape(t_assigned_to)}</th>"
        f"<th>{escape(t_note_for_the_next_shift)}</th></tr>"
    )
    for it in v.items:
        rows.append(
            "<tr>"
            f"<td>{'⚑' if it.flagged else ''}</td>"
            f"<td>{escape(reason_name(it.reason))}</td>"
            f"<td class='nw'>{escape(it.number)}</td>"
            f"<td>{escape(it.title)}</td>"
            f"<td>{escape(labels.status_name(it.status))}</td>"
            f"<td class='nw'>{escape(time_left(it.due_at, at))}</td>"
            f"<td>{escape(it.assignee)}</td>"
            f"<td>{escape(it.note)}</td></tr>"
        )
    rows.append("</table>")

    if v.groups:
        rows.append(
            f"<h2>{escape(t_open_cases_counted_in_accepted_groups)} "
            f"({v.grouped})</h2><table><tr>"
            f"<th>{escape(t_group)}</th>"
            f"<th>{escape(t_cases)}</th>"
            f"<th>{escape(t_accepted_by)}</th></tr>"
        )
        for g in v.groups:
            who = f"{g.accepted_by} {_when(g.accepted_at)}" if g.accepted else "—"
            rows.append(
                f"<tr><td>{escape(bucket_name(g.bucket))} — "
                f"{escape(labels.status_name(g.status))}</td>"
                f"<td class='num'>{g.count}</td><td>{escape(who)}</td></tr>"
            )
        rows.append("</table>")

    if v.incidents:
        rows.append(f"<h2>{escape(t_incidents)}</h2><ul>")
        for inc in v.incidents:
            rows.append(
                f"<li>{_when(inc.at)} [{escape(inc.kind)}] {escape(inc.text)}"
                f" — {escape(inc.reported_by)}</li>"
            )
        rows.append("</ul>")
    if v.acknowledge_note:
        rows.append(f"<h2>{escape(t_acknowledgement_note)}</h2>")
        rows.append("<p>" + escape(v.acknowledge_note) + "</p>")
    return "".join(rows)


def document(v: HandoverView, channel_names: dict[str, str] | None = None) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(handover_html(v, channel_names))
    return doc


def export_pdf(v: HandoverView, path: Path, channel_names: dict[str, str] | None = None) -> Path:
    writer = QPdfWriter(str(path))
    writer.setTitle(QCoreApplication.translate("handover", "Shift handover") + " — " + v.label)
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
    doc = document(v, channel_names)
    doc.print_(writer)
    return path
