"""SQLAlchemy 2 typed models. No Qt here."""

from console.models.base import Base, UtcDateTime, utcnow
from console.models.case import Case, CaseEvent
from console.models.handover import Handover, HandoverItem
from console.models.people import Agent, NumberCounter, Workstation
from console.models.reference import (
    BusinessClass,
    Channel,
    HandlingUnit,
    MatterCategory,
    Region,
    ShiftDefinition,
)
from console.models.sla import SlaMilestone, SlaPolicy

__all__ = [
    "Agent",
    "Base",
    "BusinessClass",
    "Case",
    "CaseEvent",
    "Channel",
    "HandlingUnit",
    "Handover",
    "HandoverItem",
    "MatterCategory",
    "NumberCounter",
    "Region",
    "ShiftDefinition",
    "SlaMilestone",
    "SlaPolicy",
    "UtcDateTime",
    "Workstation",
    "utcnow",
]
