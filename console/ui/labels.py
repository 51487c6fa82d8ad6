"""Translated names of the domain's codes (statuses, types, validation messages)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.sla import BREACHED, TimeLeft
from console.validation import FieldError


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status_name(code: str) -> str:
    names = {
        "received": _t("Received"),
        "dispatched": _t("Dispatched"),
        "accepted": _t("Accepted by unit"),
        "in_progress": _t("In progress"),
        "replied": _t("Unit replied"),
        "returned": _t("Returned by unit"),
        "closed": _t("Closed"),
        "visited": _t("Callback done"),
    }
    return names.get(code, code)


def case_type_name(code: str) -> str:
    return {"consultation": _t("Consultation"), "demand": _t("Demand")}.get(code, code)


def sub_type_name(code: str) -> str:
    names = {
        "policy": _t("Policy question"),
        "service": _t("How-to question"),
        "complaint": _t("Complaint"),
        "help": _t("Request for help"),
        "report": _t("Report"),
        "suggestion": _t("Suggestion"),
        "thanks": _t("Thanks"),
    }
    return names.get(code, code)


def urgency_name(code: str) -> str:
    return {"normal": _t("Normal"), "urgent": _t("Urgent (1-2-1-3)")}.get(code, code)


def milestone_name(code: str | None) -> str:
    names = {
        "contact": _t("contact citizen"),
        "on_scene": _t("on scene"),
        "feedback": _t("initial feedback"),
        "result": _t("final result"),
        "accept": _t("unit acknowledges"),
        "answer": _t("answer"),
    }
    return names.get(code or "", code or "")


def field_error(e: FieldError) -> str:
    msgs = {
        "required": _t("Required."),
        "subtype_mismatch": _t("This sub-type does not belong to the case type."),
        "too_short": _t("Too short: at least {min} characters."),
        "too_long": _t("Too long: at most {max} characters."),
        "phone_invalid": _t(
            "Not a mainland number: an 11-digit mobile (1xx…) or a landline such as 0757-83381234."
        ),
        "phone_required": _t("A demand needs a callback number, or tick “anonymous”."),
        "credit_code_length": _t("A unified social credit code has 18 characters."),
        "credit_code_check": _t("The check character does not match: a typing error?"),
        "close_needs_consultation": _t("Only a consultation can be closed on the call."),
        "dispatch_needs_demand": _t("Only a demand is dispatched to a unit."),
        "unknown": _t("Unknown value."),
    }
    text = msgs.get(e.code, e.code)
    return text.format(**e.params) if e.params else text


def time_left_text(t: TimeLeft) -> str:
    """'剩余 42分05秒', '剩余 2小时14分', '剩余 3天5小时', '超时 3小时5分'."""
    days, hours, minutes = t.parts
    secs = abs(t.seconds) % 60
    if days:
        amount = _t("{d}d {h}h").format(d=days, h=hours)
    elif hours:
        amount = _t("{h}h {m}m").format(h=hours, m=minutes)
    else:
        amount = _t("{m}m {s}s").format(m=minutes, s=f"{secs:02d}")
    if t.state == BREACHED:
        return _t("overdue {0}").format(amount)
    return _t("{0} left").format(amount)
