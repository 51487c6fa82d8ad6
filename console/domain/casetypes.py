"""The vocabulary of cases: types, sub-types, statuses, urgency and roles.

Stored as plain strings in the database (portable, easy to extend with a migration);
these enums are the one place the allowed values are listed.
"""

from __future__ import annotations

from enum import StrEnum


class CaseType(StrEnum):
    CONSULTATION = "consultation"  # 咨询类
    DEMAND = "demand"  # 诉求类


class SubType(StrEnum):
    # consultation
    POLICY = "policy"  # 政策咨询
    SERVICE = "service"  # 办事咨询
    # demand
    COMPLAINT = "complaint"  # 投诉
    HELP = "help"  # 求助
    REPORT = "report"  # 举报
    SUGGESTION = "suggestion"  # 建议
    THANKS = "thanks"  # 表扬/感谢


SUBTYPES_BY_TYPE: dict[CaseType, tuple[SubType, ...]] = {
    CaseType.CONSULTATION: (SubType.POLICY, SubType.SERVICE),
    CaseType.DEMAND: (
        SubType.COMPLAINT,
        SubType.HELP,
        SubType.REPORT,
        SubType.SUGGESTION,
        SubType.THANKS,
    ),
}


class Status(StrEnum):
    """The lifecycle of DOMAIN.md: 受理 → 派单 → 签收 → 办理 → 反馈 → 办结 → 回访."""

    RECEIVED = "received"  # 受理: saved by the agent, not yet dispatched or closed
    DISPATCHED = "dispatched"  # 派单: sent to a handling unit, awaiting 签收
    ACCEPTED = "accepted"  # 签收: the unit acknowledged it
    IN_PROGRESS = "in_progress"  # 办理
    REPLIED = "replied"  # 反馈: the unit reported a result, the centre reviews it
    RETURNED = "returned"  # 退单: the unit sent it back (mis-routed)
    CLOSED = "closed"  # 办结
    VISITED = "visited"  # 回访: the citizen was called back; nothing left to do
    ARCHIVED = "archived"  # 归档: filed after the callback (or none due); read-only
    INVALID = "invalid"  # 无效: spam, a test call, no content (reason in the event)
    MERGED = "merged"  # 合并: the same issue as another case (its number in the event)


OPEN_STATUSES: frozenset[Status] = frozenset(
    {
        Status.RECEIVED,
        Status.DISPATCHED,
        Status.ACCEPTED,
        Status.IN_PROGRESS,
        Status.REPLIED,
        Status.RETURNED,
    }
)
DONE_STATUSES: frozenset[Status] = frozenset(
    {Status.CLOSED, Status.VISITED, Status.ARCHIVED, Status.INVALID, Status.MERGED}
)
#: the open statuses' values in lifecycle order: the one spelling of "open" for SQL (an IN
#: list, the partial indexes' predicate text, generated from it in console.models.case)
OPEN_STATUS_VALUES: tuple[str, ...] = tuple(s.value for s in Status if s in OPEN_STATUSES)
DONE_STATUS_VALUES: tuple[str, ...] = tuple(s.value for s in Status if s in DONE_STATUSES)


def is_open(status: str) -> bool:
    """Whether a case in ``status`` still needs work (a plain string is fine)."""
    return status in OPEN_STATUSES


class MilestoneCode(StrEnum):
    """The SLA milestones the reference policies define (``sla_milestones.code``);
    administrators may add others, so a code outside this list is still valid."""

    ACCEPT = "accept"  # 签收: the unit acknowledges
    CONTACT = "contact"  # 联系群众: the citizen is contacted
    ON_SCENE = "on_scene"  # 到达现场
    FEEDBACK = "feedback"  # 初步反馈
    RESULT = "result"  # 办结反馈: the final result
    ANSWER = "answer"  # 答复: a consultation's answer


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"  # on the urgent matters list (紧急事项清单): the 1-2-1-3 rule


class Satisfaction(StrEnum):
    """A callback's (回访) verdict; stored in the ``visited`` event's detail as
    ``satisfaction``, with ``solved`` (bool, asked separately) and ``unit_fault`` (bool:
    the dissatisfaction is for reasons the unit controls, which reopens the case)."""

    SATISFIED = "satisfied"  # 满意
    BASICALLY = "basically_satisfied"  # 基本满意
    UNSATISFIED = "unsatisfied"  # 不满意


class Role(StrEnum):
    AGENT = "agent"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    UNIT = "unit"  # a handling unit's user (承办单位): sees and works its unit's inbox


class EventKind(StrEnum):
    """What a case event records. The history is the evidence for assessment."""

    CREATED = "created"
    CLOSED_DIRECTLY = "closed_directly"  # 直接答复办结
    DISPATCHED = "dispatched"
    CLAIMED = "claimed"
    ASSIGNED = "assigned"
    ACCEPTED = "accepted"
    CONTACTED = "contacted"
    ON_SCENE = "on_scene"
    PROGRESS = "progress"
    REPLIED = "replied"
    RETURNED = "returned"
    CLOSED = "closed"
    VISITED = "visited"
    NOTE = "note"
    BREACHED = "breached"
    PAUSED = "paused"  # SLA clocks stop (waiting for the citizen)
    RESUMED = "resumed"
    EXTENSION_REQUESTED = "extension_requested"  # 延期申请
    EXTENSION_APPROVED = "extension_approved"  # detail: milestone, due_at (ISO)
    EXTENSION_REFUSED = "extension_refused"
    # closing the loop. Unit steps (accepted … replied, returned, extension_*)
    # carry detail unit_id, unit_role ("lead" | "assist") and on_behalf (an agent recorded
    # a unit's step taken by phone).
    SENT_BACK = "sent_back"  # the centre refused a unit's result (detail: reason)
    ESCALATED = "escalated"  # to a supervisor (detail: reason, e.g. "bounced")
    REMINDED = "reminded"  # 督办 reminder to the unit (detail: unit_id, text)
    SUPERVISED = "supervised"  # formal 督办 order (detail: unit_id, text, level)
    CALLBACK_ATTEMPT = "callback_attempt"  # 回访 attempt, citizen not reached
    REOPENED = "reopened"  # 重办: a new round with a new SLA (detail: round, reason)
    EDITED = "edited"  # case fields changed (detail: changes {field: [old, new]})
    # triage, return review and archiving (one lifecycle: console.domain.lifecycle)
    FORWARDED = "forwarded"  # 咨询转办: a consultation sent to a unit for its answer
    MERGED = "merged"  # the same issue as another case (detail: into, into_id)
    MERGED_IN = "merged_in"  # on the surviving case (detail: number, case_id)
    INVALIDATED = "invalidated"  # marked invalid (detail: reason)
    PRAISED = "praised"  # thanks/praise recorded for a unit, no dispatch (detail: unit_id)
    HANDED_OFF = "handed_off"  # emergency hand-off to 110/119/120/122 (service, operator)
    RETURN_ACCEPTED = "return_accepted"  # 退单审核 passed (detail: unit_id)
    RETURN_REFUSED = "return_refused"  # improper return (不当退单), back to the unit
    ARCHIVED = "archived"  # 归档
    # the trusted deadline audit (console/services/sla_audit.py) rewrote a case's policy
    # or deadlines a login had stored differently from the SLA engine's (detail:
    # deadlines {milestone: [old, new]}, policy [old, new]); signed by the system only
    DEADLINE_CORRECTED = "deadline_corrected"
