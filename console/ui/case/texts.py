"""Translated names for closing the loop (steps, unit roles, refusals) and the common
way the loop's screens report a refusal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.domain.errors import Refused, UserError
from console.services.errors import Conflict
from console.ui.messages import Messages


def step_name(step: str) -> str:
    names = {
        "accepted": QCoreApplication.translate("loop", "Acknowledge"),
        "contacted": QCoreApplication.translate("loop", "Citizen contacted"),
        "on_scene": QCoreApplication.translate("loop", "On scene"),
        "progress": QCoreApplication.translate("loop", "Progress note"),
        "replied": QCoreApplication.translate("loop", "Report result"),
        "returned": QCoreApplication.translate("loop", "Return to the centre"),
        "extension_requested": QCoreApplication.translate("loop", "Request extension"),
    }
    return names.get(step, step)


def step_prompt(step: str) -> str:
    prompts = {
        "contacted": QCoreApplication.translate("loop", "How the citizen was contacted (optional)"),
        "on_scene": QCoreApplication.translate("loop", "What was found on scene (optional)"),
        "progress": QCoreApplication.translate("loop", "What has been done so far"),
        "replied": QCoreApplication.translate("loop", "The result, as the citizen will hear it"),
        "returned": QCoreApplication.translate(
            "loop", "Why this case is not for this unit (and who it is for)"
        ),
        "extension_requested": QCoreApplication.translate("loop", "Why more time is needed"),
    }
    return prompts.get(step, "")


def role_name(role: str | None) -> str:
    return {
        "lead": QCoreApplication.translate("loop", "Lead"),
        "assist": QCoreApplication.translate("loop", "Assisting"),
    }.get(role or "", role or "")


def assist_state_name(state: str | None) -> str:
    return {
        "dispatched": QCoreApplication.translate("loop", "not acknowledged"),
        "accepted": QCoreApplication.translate("loop", "acknowledged"),
        "in_progress": QCoreApplication.translate("loop", "working"),
        "replied": QCoreApplication.translate("loop", "done"),
    }.get(state or "", state or "")


def notice_kind_name(kind: str) -> str:
    return {
        "reminded": QCoreApplication.translate("loop", "Reminder"),
        "supervised": QCoreApplication.translate("loop", "Supervision order"),
        "escalated": QCoreApplication.translate("loop", "Escalation"),
    }.get(kind, kind)


def refusal_text(exc: UserError) -> str:
    if isinstance(exc, Conflict):
        return QCoreApplication.translate(
            "loop", "Someone else changed this case meanwhile: the list is reloaded, try again."
        )
    if not isinstance(exc, Refused):
        return str(exc)
    texts = {
        "not_allowed": QCoreApplication.translate(
            "loop", "This step is not possible in the case's present status."
        ),
        "forbidden": QCoreApplication.translate("loop", "Your role does not allow this."),
        "not_your_case": QCoreApplication.translate("loop", "This case is not with this unit."),
        "reason_required": QCoreApplication.translate("loop", "Please give the reason or text."),
        "too_late": QCoreApplication.translate(
            "loop", "An extension must be requested before the deadline."
        ),
        "not_later": QCoreApplication.translate(
            "loop", "The requested deadline must be later than the present one."
        ),
        "milestone_met": QCoreApplication.translate("loop", "This time limit is already met."),
        "no_deadline": QCoreApplication.translate("loop", "This time limit has not started."),
        "already_pending": QCoreApplication.translate(
            "loop", "An extension of this time limit already awaits a decision."
        ),
        "nothing_pending": QCoreApplication.translate(
            "loop", "No extension request awaits a decision."
        ),
        "not_due": QCoreApplication.translate("loop", "This case is not due a callback."),
        "not_with_unit": QCoreApplication.translate("loop", "This case is not with a unit."),
        "fault_needs_unsatisfied": QCoreApplication.translate(
            "loop", "Unit fault applies only to an unsatisfied citizen."
        ),
        "consultation_only": QCoreApplication.translate(
            "loop", "Only a consultation is forwarded for an answer: dispatch a demand."
        ),
        "demand_only": QCoreApplication.translate(
            "loop", "Only a demand is dispatched: forward a consultation for an answer."
        ),
        "callback_due": QCoreApplication.translate(
            "loop", "The callback is still due: call the citizen before archiving."
        ),
        "merge_self": QCoreApplication.translate("loop", "A case cannot be merged into itself."),
        "merge_target": QCoreApplication.translate(
            "loop", "That case is merged, invalid or archived: merge into the case it leads to."
        ),
        "archived": QCoreApplication.translate("loop", "This case is archived: it is read-only."),
    }
    if exc.code in texts:
        return texts[exc.code]
    return exc.text(lambda m: QCoreApplication.translate("refusal", m))


def action_name(action: str) -> str:
    """The name of a lifecycle action (console.domain.lifecycle.Action) on its button."""
    names = {
        "dispatch": QCoreApplication.translate("loop", "Dispatch"),
        "answer_close": QCoreApplication.translate("loop", "Answer and close"),
        "forward": QCoreApplication.translate("loop", "Forward for an answer"),
        "merge": QCoreApplication.translate("loop", "Merge into a case"),
        "invalid": QCoreApplication.translate("loop", "Mark invalid"),
        "thanks": QCoreApplication.translate("loop", "Record thanks"),
        "handoff": QCoreApplication.translate("loop", "Emergency hand-off"),
        "accept": QCoreApplication.translate("loop", "Acknowledge"),
        "contact": QCoreApplication.translate("loop", "Citizen contacted"),
        "on_scene": QCoreApplication.translate("loop", "On scene"),
        "progress": QCoreApplication.translate("loop", "Progress note"),
        "reply": QCoreApplication.translate("loop", "Report result"),
        "return": QCoreApplication.translate("loop", "Return to the centre"),
        "request_extension": QCoreApplication.translate("loop", "Request extension"),
        "approve_extension": QCoreApplication.translate("loop", "Approve extension"),
        "grant_extension": QCoreApplication.translate("loop", "Extend a time limit"),
        "refuse_extension": QCoreApplication.translate("loop", "Refuse extension"),
        "review_accept": QCoreApplication.translate("loop", "Accept the result"),
        "send_back": QCoreApplication.translate("loop", "Send back"),
        "accept_return": QCoreApplication.translate("loop", "Accept the return"),
        "refuse_return": QCoreApplication.translate("loop", "Refuse the return"),
        "redispatch": QCoreApplication.translate("loop", "Re-dispatch"),
        "callback": QCoreApplication.translate("loop", "Callback verdict"),
        "callback_unreached": QCoreApplication.translate("loop", "Citizen not reached"),
        "reopen": QCoreApplication.translate("loop", "Reopen"),
        "archive": QCoreApplication.translate("loop", "Archive"),
        "remind": QCoreApplication.translate("loop", "Remind the unit"),
        "supervise": QCoreApplication.translate("loop", "Supervision order"),
        "escalate": QCoreApplication.translate("loop", "Escalate"),
    }
    return names.get(action, action)


def report_failure(messages: Messages, exc: BaseException) -> None:
    """A refusal is a warning the user can act on; anything else goes the usual way."""
    if isinstance(exc, UserError):
        messages.warning(refusal_text(exc))
    else:
        messages.error(exc)
