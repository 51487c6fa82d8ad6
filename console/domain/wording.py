"""The words for the domain's codes, once: status, case type, sub-type, urgency, SLA
milestone, event, countdown state, callback verdict and assessment metric.

Each vocabulary maps a code to its English source text and names the translation context
it is translated in. The screens translate it through the Qt catalogue
(``QCoreApplication.translate(context, source)``, see ``console.ui.labels``); the exported
reports read the same catalogue's Chinese without Qt (``console.infra.catalogue``). Both
ask this module, so a word cannot differ between a screen and a report. The entries reach
the catalogue through ``tools/translations.py update``, which adds every vocabulary here
to the .ts (pyside6-lupdate only sees literal ``translate`` calls).

Plain data: no Qt, no database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from console.domain.casetypes import (
    CaseType,
    EventKind,
    MilestoneCode,
    Satisfaction,
    Status,
    SubType,
    Urgency,
)
from console.domain.sla import CountdownState

LABELS = "labels"  # the translation context of the domain's names
REPORTS = "reports"  # the translation context of the assessment's words


@dataclass(frozen=True)
class Vocabulary:
    name: str
    context: str
    words: Mapping[str, str]  # code -> English source text

    def source(self, code: str | None) -> str:
        """The English text of ``code``; an unknown code stands for itself."""
        return self.words.get(code or "", code or "")


STATUS = Vocabulary(
    "status",
    LABELS,
    {
        Status.RECEIVED: "Received",
        Status.DISPATCHED: "Dispatched",
        Status.ACCEPTED: "Accepted by unit",
        Status.IN_PROGRESS: "In progress",
        Status.REPLIED: "Unit replied",
        Status.RETURNED: "Returned by unit",
        Status.CLOSED: "Closed",
        Status.VISITED: "Callback done",
        Status.ARCHIVED: "Archived",
        Status.INVALID: "Invalid",
        Status.MERGED: "Merged",
    },
)

CASE_TYPE = Vocabulary(
    "case_type",
    LABELS,
    {CaseType.CONSULTATION: "Consultation", CaseType.DEMAND: "Demand"},
)

SUB_TYPE = Vocabulary(
    "sub_type",
    LABELS,
    {
        SubType.POLICY: "Policy question",
        SubType.SERVICE: "How-to question",
        SubType.COMPLAINT: "Complaint",
        SubType.HELP: "Request for help",
        SubType.REPORT: "Report",
        SubType.SUGGESTION: "Suggestion",
        SubType.THANKS: "Thanks",
    },
)

URGENCY = Vocabulary(
    "urgency",
    LABELS,
    {Urgency.NORMAL: "Normal", Urgency.URGENT: "Urgent (1-2-1-3)"},
)

MILESTONE = Vocabulary(
    "milestone",
    LABELS,
    {
        MilestoneCode.CONTACT: "contact citizen",
        MilestoneCode.ON_SCENE: "on scene",
        MilestoneCode.FEEDBACK: "initial feedback",
        MilestoneCode.RESULT: "final result",
        MilestoneCode.ACCEPT: "unit acknowledges",
        MilestoneCode.ANSWER: "answer",
    },
)

EVENT = Vocabulary(
    "event",
    LABELS,
    {
        EventKind.CREATED: "Received",
        EventKind.CLOSED_DIRECTLY: "Answered and closed",
        EventKind.DISPATCHED: "Dispatched",
        EventKind.CLAIMED: "Claimed",
        EventKind.ASSIGNED: "Assigned",
        EventKind.ACCEPTED: "Accepted by unit",
        EventKind.CONTACTED: "Citizen contacted",
        EventKind.ON_SCENE: "On scene",
        EventKind.PROGRESS: "Progress",
        EventKind.REPLIED: "Unit replied",
        EventKind.RETURNED: "Returned by unit",
        EventKind.CLOSED: "Closed",
        EventKind.VISITED: "Callback done",
        EventKind.NOTE: "Note",
        EventKind.BREACHED: "Deadline breached",
        EventKind.PAUSED: "Clock paused",
        EventKind.RESUMED: "Clock resumed",
        EventKind.EXTENSION_REQUESTED: "Extension requested",
        EventKind.EXTENSION_APPROVED: "Extension approved",
        EventKind.EXTENSION_REFUSED: "Extension refused",
        EventKind.SENT_BACK: "Sent back to the unit",
        EventKind.ESCALATED: "Escalated to supervisors",
        EventKind.REMINDED: "Unit reminded",
        EventKind.SUPERVISED: "Supervision order",
        EventKind.CALLBACK_ATTEMPT: "Callback: not reached",
        EventKind.REOPENED: "Reopened",
        EventKind.EDITED: "Case edited",
        EventKind.FORWARDED: "Forwarded for an answer",
        EventKind.MERGED: "Merged into another case",
        EventKind.MERGED_IN: "Another case merged into this one",
        EventKind.INVALIDATED: "Marked invalid",
        EventKind.PRAISED: "Thanks recorded for the unit",
        EventKind.HANDED_OFF: "Handed off to emergency services",
        EventKind.RETURN_ACCEPTED: "Return accepted",
        EventKind.RETURN_REFUSED: "Return refused (improper)",
        EventKind.ARCHIVED: "Archived",
        EventKind.DEADLINE_CORRECTED: "Deadlines corrected by the audit",
    },
)

COUNTDOWN_STATE = Vocabulary(
    "countdown_state",
    LABELS,
    {
        CountdownState.ON_TRACK: "on track",
        CountdownState.DUE_SOON: "due soon",
        CountdownState.CRITICAL: "critical",
        CountdownState.BREACHED: "breached",
        CountdownState.PAUSED: "paused",
    },
)

SATISFACTION = Vocabulary(
    "satisfaction",
    LABELS,
    {
        Satisfaction.SATISFIED: "satisfied",
        Satisfaction.BASICALLY: "basically satisfied",
        Satisfaction.UNSATISFIED: "unsatisfied",
    },
)

METRIC = Vocabulary(
    "metric",
    REPORTS,
    {
        "closure_rate": "Closure rate",
        "response_rate": "Response rate",
        "ontime_rate": "On-time closure rate",
        "ontime_original_rate": "On-time (original deadline)",
        "satisfaction_rate": "Satisfaction rate",
        "resolution_rate": "Resolution rate",
        "avg_response_hours": "Avg. response (h)",
        "return_rate": "Return rate",
        "improper_return_rate": "Improper return rate",
        "extension_rate": "Extension rate",
    },
)

METRIC_FORMULA = Vocabulary(
    "metric_formula",
    REPORTS,
    {
        "closure_rate": "cases closed ÷ cases received in the period",
        "response_rate": "dispatched demands acknowledged (or, urgent cases, the citizen "
        "contacted) by the response deadline ÷ dispatched demands whose response was made "
        "or is due",
        "ontime_rate": "headline: dispatched demands with the final result by the deadline "
        "in force (approved extensions included) ÷ dispatched demands done or due",
        "ontime_original_rate": "dispatched demands with the final result by the original "
        "deadline (before any extension) ÷ dispatched demands done or originally due",
        "satisfaction_rate": "cases whose latest callback was satisfied or basically "
        "satisfied ÷ cases with a callback verdict",
        "resolution_rate": "cases whose latest callback says the problem was solved ÷ cases "
        "with a callback verdict",
        "avg_response_hours": "Σ hours from each dispatch to the lead unit's first "
        "acknowledgement after it ÷ dispatch rounds acknowledged",
        "return_rate": "dispatched demands returned at least once ÷ dispatched demands",
        "improper_return_rate": "dispatched demands with a return the centre refused ÷ "
        "dispatched demands",
        "extension_rate": "dispatched demands with an approved extension ÷ dispatched demands",
    },
)

VOCABULARIES: tuple[Vocabulary, ...] = (
    STATUS,
    CASE_TYPE,
    SUB_TYPE,
    URGENCY,
    MILESTONE,
    EVENT,
    COUNTDOWN_STATE,
    SATISFACTION,
    METRIC,
    METRIC_FORMULA,
)
