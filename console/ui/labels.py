"""Translated names of the domain's codes (statuses, types, validation messages).

The names of statuses, types, milestones, events, countdown states and verdicts are the
source text of ``console.domain.wording`` translated here: the exported reports read the
same words (``console.infra.catalogue``)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from console.domain import wording
from console.domain.clock import format_deadline
from console.domain.sla import BREACHED, TimeLeft
from console.domain.validation import FieldError


def _word(vocabulary: wording.Vocabulary, code: str | None) -> str:
    """The vocabulary's word for ``code`` in the user's language (unknown: the code)."""
    if (code or "") not in vocabulary.words:
        return code or ""
    return QCoreApplication.translate(vocabulary.context, vocabulary.source(code))


def status_name(code: str) -> str:
    return _word(wording.STATUS, code)


def case_type_name(code: str) -> str:
    return _word(wording.CASE_TYPE, code)


def sub_type_name(code: str) -> str:
    return _word(wording.SUB_TYPE, code)


def urgency_name(code: str) -> str:
    return _word(wording.URGENCY, code)


def milestone_name(code: str | None) -> str:
    return _word(wording.MILESTONE, code)


def event_name(kind: str) -> str:
    return _word(wording.EVENT, kind)


def field_title(field: str) -> str:
    """The title of a case field (the case editor, its conflict dialog, the history)."""
    t = {
        "case_type": QCoreApplication.translate("case_edit", "Type"),
        "sub_type": QCoreApplication.translate("case_edit", "Sub-type"),
        "class_code": QCoreApplication.translate("case_edit", "Class"),
        "category_id": QCoreApplication.translate("case_edit", "Matter category"),
        "district_id": QCoreApplication.translate("case_edit", "District"),
        "town_id": QCoreApplication.translate("case_edit", "Town / street"),
        "address": QCoreApplication.translate("case_edit", "Address"),
        "caller_name": QCoreApplication.translate("case_edit", "Caller name"),
        "caller_phone": QCoreApplication.translate("case_edit", "Phone"),
        "caller_anonymous": QCoreApplication.translate("case_edit", "Anonymous"),
        "caller_confidential": QCoreApplication.translate("case_edit", "Confidential caller"),
        "enterprise_name": QCoreApplication.translate("case_edit", "Enterprise"),
        "credit_code": QCoreApplication.translate("case_edit", "Credit code"),
        "title": QCoreApplication.translate("case_edit", "Title"),
        "description": QCoreApplication.translate("case_edit", "Description"),
        "urgency": QCoreApplication.translate("case_edit", "Urgency"),
    }
    return t.get(field, field)


def event_summary(kind: str, detail: dict[str, object]) -> str:
    """An event's name with what the history must say: the unit and its role, a step
    recorded on a unit's behalf, the reason or the callback's verdict."""
    text = event_name(kind)
    parts: list[str] = []
    unit = detail.get("unit")
    if unit and kind not in ("dispatched",):
        parts.append(str(unit))
    elif unit:
        text += f" → {unit}"
    if detail.get("unit_role") == "assist":
        parts.append(QCoreApplication.translate("labels", "assisting"))
    if detail.get("on_behalf"):
        parts.append(QCoreApplication.translate("labels", "recorded on the unit's behalf"))
    if kind == "visited":
        if detail.get("unreachable"):
            parts.append(QCoreApplication.translate("labels", "citizen not reached"))
        elif detail.get("satisfaction"):
            parts.append(_word(wording.SATISFACTION, str(detail["satisfaction"])))
            parts.append(
                QCoreApplication.translate("labels", "solved")
                if detail.get("solved")
                else QCoreApplication.translate("labels", "not solved")
            )
    if kind == "reopened" and detail.get("round"):
        parts.append(QCoreApplication.translate("labels", "round {0}").format(detail["round"]))
    if kind == "callback_attempt" and detail.get("attempt"):
        parts.append(QCoreApplication.translate("labels", "attempt {0}").format(detail["attempt"]))
    if kind == "deadline_corrected":
        parts += _corrections(detail)
    changes = detail.get("changes")
    if kind == "edited" and isinstance(changes, dict):  # which fields
        parts.append("、".join(field_title(str(f)) for f in changes))
    words = detail.get("reason") or detail.get("reply") or detail.get("text")
    if words:
        parts.append(str(words))
    return f"{text}（{'；'.join(parts)}）" if parts else text


def _deadline_text(value: object) -> str:
    if not isinstance(value, str) or not value:
        return "—"
    try:
        return format_deadline(datetime.fromisoformat(value))
    except ValueError:
        return value


def _corrections(detail: dict[str, object]) -> list[str]:
    """What the deadline audit corrected: the policy, each milestone's old → new."""
    parts: list[str] = []
    policy = detail.get("policy")
    if isinstance(policy, list) and len(policy) == 2:
        parts.append(
            QCoreApplication.translate("labels", "policy {0} → {1}").format(
                policy[0] or "—", policy[1]
            )
        )
    moved = detail.get("deadlines")
    if isinstance(moved, dict):
        for code, pair in moved.items():
            if isinstance(pair, list) and len(pair) == 2:
                old, new = (_deadline_text(v) for v in pair)
                parts.append(f"{milestone_name(str(code))} {old} → {new}")
    return parts


def field_error(e: FieldError) -> str:
    msgs = {
        "required": QCoreApplication.translate("labels", "Required."),
        "subtype_mismatch": QCoreApplication.translate(
            "labels", "This sub-type does not belong to the case type."
        ),
        "too_short": QCoreApplication.translate("labels", "Too short: at least {min} characters."),
        "too_long": QCoreApplication.translate("labels", "Too long: at most {max} characters."),
        "phone_invalid": QCoreApplication.translate(
            "labels",
            "Not a mainland number: an 11-digit mobile (1xx…) or a landline such as 0757-83381234.",
        ),
        "phone_required": QCoreApplication.translate(
            "labels", "A demand needs a callback number, or tick “anonymous”."
        ),
        "credit_code_length": QCoreApplication.translate(
            "labels", "A unified social credit code has 18 characters."
        ),
        "credit_code_check": QCoreApplication.translate(
            "labels", "The check character does not match: a typing error?"
        ),
        "close_needs_consultation": QCoreApplication.translate(
            "labels", "Only a consultation can be closed on the call."
        ),
        "dispatch_needs_demand": QCoreApplication.translate(
            "labels", "Only a demand is dispatched to a unit."
        ),
        "unknown": QCoreApplication.translate("labels", "Unknown value."),
        "control_chars": QCoreApplication.translate(
            "labels", "Contains invisible control characters (e.g. from a paste): retype it."
        ),
        "invalid_unicode": QCoreApplication.translate(
            "labels", "Contains a broken character (half an emoji from a paste): retype it."
        ),
        "single_line": QCoreApplication.translate(
            "labels", "One line only: remove the line break."
        ),
    }
    text = msgs.get(e.code, e.code)
    return text.format(**e.params) if e.params else text


def time_left_text(t: TimeLeft) -> str:
    """'剩余 42分05秒', '剩余 2小时14分', '剩余 3天5小时', '超时 3小时5分'."""
    days, hours, minutes = t.parts
    secs = abs(t.seconds) % 60
    if days:
        amount = QCoreApplication.translate("labels", "{d}d {h}h").format(d=days, h=hours)
    elif hours:
        amount = QCoreApplication.translate("labels", "{h}h {m}m").format(h=hours, m=minutes)
    else:
        amount = QCoreApplication.translate("labels", "{m}m {s}s").format(
            m=minutes, s=f"{secs:02d}"
        )
    if t.state == BREACHED:
        return QCoreApplication.translate("labels", "overdue {0}").format(amount)
    if t.workdays:
        # a working-day deadline after today: "剩余 2个工作日"
        amount = QCoreApplication.translate("labels", "{n} working day(s)").format(n=t.workdays)
    return QCoreApplication.translate("labels", "{0} left").format(amount)


def paused_text() -> str:
    return QCoreApplication.translate("labels", "paused")


def countdown_state_name(code: str) -> str:
    return _word(wording.COUNTDOWN_STATE, code)
