"""SQLAlchemy 2 typed models. No Qt here."""

from console.models.base import Base, UtcDateTime, utcnow
from console.models.case import Case, CaseEvent
from console.models.exchange import (
    AttachmentBlob,
    CaseAttachment,
    ExchangeOrder,
    ExchangePlatform,
    ExchangeToken,
    ExchangeWatermark,
    SmsMessage,
    SmsOptOut,
    SmsTemplate,
    WebhookDelivery,
)
from console.models.handover import (
    Handover,
    HandoverGroup,
    HandoverItem,
    ShiftAttendance,
    ShiftIncident,
    ShiftRoster,
)
from console.models.intake import (
    CaseCoUnit,
    CaseLink,
    ImportedMessage,
    KnowledgeArticle,
    KnowledgeUse,
    RoutingRule,
)
from console.models.learning import CaseSuggestion, SuggestionFeedback, SuggestionModelRow
from console.models.loop import CaseAssistState, CaseCallback, SupervisionNotice
from console.models.offline import OfflineReplay
from console.models.people import Agent, NumberCounter, Workstation
from console.models.queue import AgentPreference, AgentPresence, CaseChange, SavedFilter
from console.models.reference import (
    BusinessClass,
    Channel,
    HandlingUnit,
    MatterCategory,
    Region,
    ShiftDefinition,
)
from console.models.reports import CaseFacts, CaseKeywords, FactsWatermark, HotspotReview
from console.models.security import CaseConfidentialCaller, LifecycleTransition
from console.models.sla import (
    CalendarOverride,
    CaseBreach,
    CaseDeadline,
    DeadlineAudit,
    SlaMilestone,
    SlaPolicy,
)
from console.models.telephony import AgentPhoneState, CallLog

__all__ = [
    "AgentPhoneState",
    "CallLog",
    "AttachmentBlob",
    "CaseAttachment",
    "ExchangeOrder",
    "ExchangePlatform",
    "ExchangeToken",
    "ExchangeWatermark",
    "SmsMessage",
    "SmsOptOut",
    "SmsTemplate",
    "WebhookDelivery",
    "SuggestionFeedback",
    "SuggestionModelRow",
    "CaseSuggestion",
    "CaseConfidentialCaller",
    "LifecycleTransition",
    "CaseFacts",
    "CaseKeywords",
    "FactsWatermark",
    "HotspotReview",
    "CaseAssistState",
    "CaseCallback",
    "SupervisionNotice",
    "AgentPreference",
    "AgentPresence",
    "CaseChange",
    "SavedFilter",
    "RoutingRule",
    "KnowledgeUse",
    "KnowledgeArticle",
    "ImportedMessage",
    "CaseLink",
    "CaseCoUnit",
    "Agent",
    "Base",
    "BusinessClass",
    "CalendarOverride",
    "CaseBreach",
    "CaseDeadline",
    "Case",
    "CaseEvent",
    "Channel",
    "HandlingUnit",
    "Handover",
    "HandoverGroup",
    "HandoverItem",
    "MatterCategory",
    "NumberCounter",
    "OfflineReplay",
    "Region",
    "ShiftAttendance",
    "ShiftDefinition",
    "ShiftIncident",
    "ShiftRoster",
    "DeadlineAudit",
    "SlaMilestone",
    "SlaPolicy",
    "UtcDateTime",
    "Workstation",
    "utcnow",
]
