"""Translated names of the domain's codes (statuses, types, validation messages)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.sla import BREACHED, TimeLeft
from console.domain.validation import FieldError


def status_name(code: str) -> str:
    names = {
        "received": QCoreApplication.translate("labels", "Received"),
        "dispatched": QCoreApplication.translate("labels", "Dispatched"),
        "accepted": QCoreApplication.translate("labels", "Accepted by unit"),
        "in_progress": QCoreApplication.translate("labels", "In progress"),
        "replied": QCoreApplication.translate("labels", "Unit replied"),
        "returned": QCoreApplication.translate("labels", "Returned by unit"),
        "closed": QCoreApplication.translate("labels", "Closed"),
        "visited": QCoreApplication.translate("labels", "Callback done"),
        "archived": QCoreApplication.translate("labels", "Archived"),
        "invalid": QCoreApplication.translate("labels", "Invalid"),
        "merged": QCoreApplication.translate("labels", "Merged"),
    }
    return names.get(code, code)


def case_type_name(code: str) -> str:
    return {
        "consultation": QCoreApplication.translate("labels", "Consultation"),
        "demand": QCoreApplication.translate("labels", "Demand"),
    }.get(code, code)


def sub_type_name(code: str) -> str:
    names = {
        "policy": QCoreApplication.translate("labels", "Policy question"),
        "service": QCoreApplication.translate("labels", "How-to question"),
        "complaint": QCoreApplication.translate("labels", "Complaint"),
        "help": QCoreApplication.translate("labels", "Request for help"),
        "report": QCoreApplication.translate("labels", "Report"),
        "suggestion": QCoreApplication.translate("labels", "Suggestion"),
        "thanks": QCoreApplication.translate("labels", "Thanks"),
    }
    return names.get(code, code)


def urgency_name(code: str) -> str:
    return {
        "normal": QCoreApplication.translate("labels", "Normal"),
        "urgent": QCoreApplication.translate("labels", "Urgent (1-2-1-3)"),
    }.get(code, code)


def milestone_name(code: str | None) -> str:
    names = {
        "contact": QCoreApplication.translate("labels", "contact citizen"),
        "on_scene": QCoreApplication.translate("labels", "on scene"),
        "feedback": QCoreApplication.translate("labels", "initial feedback"),
        "result": QCoreApplication.translate("labels", "final result"),
        "accept": QCoreApplication.translate("labels", "unit acknowledges"),
        "answer": QCoreApplication.translate("labels", "answer"),
    }
    return names.get(code or "", code or "")


def event_name(kind: str) -> str:
    names = {
        "created": QCoreApplication.translate("labels", "Received"),
        "closed_directly": QCoreApplication.translate("labels", "Answered and closed"),
        "dispatched": QCoreApplication.translate("labels", "Dispatched"),
        "claimed": QCoreApplication.translate("labels", "Claimed"),
        "assigned": QCoreApplication.translate("labels", "Assigned"),
        "accepted": QCoreApplication.translate("labels", "Accepted by unit"),
        "contacted": QCoreApplication.translate("labels", "Citizen contacted"),
        "on_scene": QCoreApplication.translate("labels", "On scene"),
        "progress": QCoreApplication.translate("labels", "Progress"),
        "replied": QCoreApplication.translate("labels", "Unit replied"),
        "returned": QCoreApplication.translate("labels", "Returned by unit"),
        "closed": QCoreApplication.translate("labels", "Closed"),
        "visited": QCoreApplication.translate("labels", "Callback done"),
        "note": QCoreApplication.translate("labels", "Note"),
        "breached": QCoreApplication.translate("labels", "Deadline breached"),
        "paused": QCoreApplication.translate("labels", "Clock paused"),
        "resumed": QCoreApplication.translate("labels", "Clock resumed"),
        "extension_requested": QCoreApplication.translate("labels", "Extension requested"),
        "extension_approved": QCoreApplication.translate("labels", "Extension approved"),
        "extension_refused": QCoreApplication.translate("labels", "Extension refused"),
        "sent_back": QCoreApplication.translate("labels", "Sent back to the unit"),
        "escalated": QCoreApplication.translate("labels", "Escalated to supervisors"),
        "reminded": QCoreApplication.translate("labels", "Unit reminded"),
        "supervised": QCoreApplication.translate("labels", "Supervision order"),
        "callback_attempt": QCoreApplication.translate("labels", "Callback: not reached"),
        "reopened": QCoreApplication.translate("labels", "Reopened"),
        "edited": QCoreApplication.translate("labels", "Case edited"),
        "forwarded": QCoreApplication.translate("labels", "Forwarded for an answer"),
        "merged": QCoreApplication.translate("labels", "Merged into another case"),
        "merged_in": QCoreApplication.translate("labels", "Another case merged into this one"),
        "invalidated": QCoreApplication.translate("labels", "Marked invalid"),
        "praised": QCoreApplication.translate("labels", "Thanks recorded for the unit"),
        "handed_off": QCoreApplication.translate("labels", "Handed off to emergency services"),
        "return_accepted": QCoreApplication.translate("labels", "Return accepted"),
        "return_refused": QCoreApplication.translate("labels", "Return refused (improper)"),
        "archived": QCoreApplication.translate("labels", "Archived"),
    }
    return names.get(kind, kind)


def event_summary(kind: str, detail: dict[str, object]) -> str:
    """An event's name with what the history must say: the unit and its role, a step
    recorded on a unit's behalf, the reason or the callback's verdict (issue 8)."""
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
            parts.append(
                {
                    "satisfied": QCoreApplication.translate("labels", "satisfied"),
                    "basically_satisfied": QCoreApplication.translate(
                        "labels", "basically satisfied"
                    ),
                    "unsatisfied": QCoreApplication.translate("labels", "unsatisfied"),
                }.get(str(detail["satisfaction"]), str(detail["satisfaction"]))
            )
            parts.append(
                QCoreApplication.translate("labels", "solved")
                if detail.get("solved")
                else QCoreApplication.translate("labels", "not solved")
            )
    if kind == "reopened" and detail.get("round"):
        parts.append(QCoreApplication.translate("labels", "round {0}").format(detail["round"]))
    if kind == "callback_attempt" and detail.get("attempt"):
        parts.append(QCoreApplication.translate("labels", "attempt {0}").format(detail["attempt"]))
    changes = detail.get("changes")
    if kind == "edited" and isinstance(changes, dict):  # issue 7: which fields
        from console.ui.queue.case_edit import FieldNames

        parts.append("、".join(FieldNames.title(str(f)) for f in changes))
    words = detail.get("reason") or detail.get("reply") or detail.get("text")
    if words:
        parts.append(str(words))
    return f"{text}（{'；'.join(parts)}）" if parts else text


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


def countdown_state_name(state: str) -> str:
    names = {
        "on_track": QCoreApplication.translate("labels", "on track"),
        "due_soon": QCoreApplication.translate("labels", "due soon"),
        "critical": QCoreApplication.translate("labels", "critical"),
        "breached": QCoreApplication.translate("labels", "breached"),
        "paused": QCoreApplication.translate("labels", "paused"),
    }
    return names.get(state, state)
