"""Translated one-line texts of the intake panels (history, knowledge base,
duplicates, SLA preview) and intake's own validation messages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.clock import to_local
from console.domain.validation import FieldError
from console.services.callers import PastCase
from console.services.duplicates import Candidate
from console.services.knowledge import KbHit
from console.services.routing import SlaPreview
from console.ui import labels


def past_case_line(c: PastCase) -> str:
    when = to_local(c.created_at).strftime("%Y-%m-%d")
    category = c.category.replace("/", " / ") if c.category else labels.case_type_name(c.case_type)
    mark = "● " if c.open else ""
    return f"{mark}{when}  {labels.status_name(c.status)}  {c.number}\n{category}\n{c.title}"


def kb_line(h: KbHit) -> str:
    a = h.article
    return f"{a.question}\n{a.department}"


def kb_detail(h: KbHit) -> str:
    a = h.article
    until = (
        QCoreApplication.translate("intake", "valid until {0}").format(a.valid_until.isoformat())
        if a.valid_until
        else QCoreApplication.translate("intake", "no end date")
    )
    return f"{a.answer[:160]}{'…' if len(a.answer) > 160 else ''}\n— {a.department}, {until}"


def duplicate_line(c: Candidate) -> str:
    reasons = {
        "category": QCoreApplication.translate("intake", "same category"),
        "address": QCoreApplication.translate("intake", "same address"),
        "nearby": QCoreApplication.translate("intake", "nearby"),
        "text": QCoreApplication.translate("intake", "similar text"),
    }
    why = ", ".join(reasons.get(r, r) for r in c.reasons)
    when = to_local(c.created_at).strftime("%m-%d %H:%M")
    return (
        f"{c.number}  {labels.status_name(c.status)}  {when}\n{c.address}  {c.title[:40]}\n({why})"
    )


def sla_text(p: SlaPreview | None) -> str:
    if p is None:
        return QCoreApplication.translate("intake", "No SLA policy applies.")
    parts = []
    for s in p.steps:
        if s.limit_unit == "workdays":
            limit = QCoreApplication.translate("intake", "{0} working days").format(s.limit_value)
        else:
            limit = QCoreApplication.translate("intake", "{0} h").format(s.limit_value)
        if s.due_at is not None:
            due = to_local(s.due_at).strftime("%m-%d %H:%M")
            parts.append(
                QCoreApplication.translate("intake", "{0}: {1}, by {2}").format(s.name, limit, due)
            )
        else:
            parts.append(
                QCoreApplication.translate("intake", "{0}: {1} once its clock starts").format(
                    s.name, limit
                )
            )
    return QCoreApplication.translate("intake", "SLA {0}: {1}").format(
        p.policy_name, "; ".join(parts)
    )


def field_error(e: FieldError) -> str:
    own = {
        "duplicate": QCoreApplication.translate("intake", "This already exists."),
        "same_issue_not_dispatched": QCoreApplication.translate(
            "intake", "Linked as the same issue: it is not dispatched again."
        ),
    }
    text = own.get(e.code)
    return text if text is not None else labels.field_error(e)
