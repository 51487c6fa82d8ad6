"""A policy matches on sub-type as well as type, urgency, channel and class: a new case,
the form's preview and an edited case all get the same one."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from console.domain.identity import Identity
from console.domain.validation import CaseDraft
from console.domain.workcalendar import WorkCalendar
from console.models import Agent, Case, MatterCategory, Region, SlaPolicy
from console.services.cases import CaseService
from console.services.numbers import register_workstation
from console.services.routing import RoutingService

T0 = datetime(2026, 6, 2, 2, 0, tzinfo=UTC)


def test_new_cases_and_the_preview_choose_by_sub_type(sessions: sessionmaker[Session]) -> None:
    station = register_workstation(sessions, "p")
    cases = CaseService(sessions, WorkCalendar, lambda: station)
    routing = RoutingService(sessions, WorkCalendar)
    with sessions() as s:
        a = s.scalars(select(Agent).where(Agent.username == "admin")).one()
        who = Identity(a.id, a.username, a.display_name, a.role)
        cat = s.scalars(select(MatterCategory.id).where(MatterCategory.level == 3)).first()
        district = s.scalars(select(Region.id).where(Region.level == 1)).first()
    got = {}
    for sub in ("complaint", "help", "suggestion", "report", "thanks"):
        draft = CaseDraft(case_type="demand", sub_type=sub, class_code="city", category_id=cat,
                          district_id=district, caller_phone="13800138000",
                          description="路灯坏了很久没人修理")  # fmt: skip
        saved = cases.create(draft, who, now=T0)
        preview = routing.suggest(cat, district, None, class_code="city", sub_type=sub).sla
        assert preview is not None
        got[sub] = (saved.policy_code, preview.policy_code)
    assert got == {
        "complaint": ("complaint", "complaint"),
        "help": ("help", "help"),
        "suggestion": ("suggestion", "suggestion"),
        "report": ("report", "report"),
        "thanks": ("demand", "demand"),  # the fallback: the measures name no limit
    }
    urgent = CaseDraft(case_type="demand", sub_type="help", class_code="city", category_id=cat,
                       district_id=district, caller_phone="13800138000", urgency="urgent",
                       description="水管爆裂大量喷水")  # fmt: skip
    assert cases.create(urgent, who, now=T0).policy_code == "urgent"
    with sessions() as s:  # the case keeps the policy version it was created under
        codes = set(
            s.scalars(select(SlaPolicy.code).join(Case, Case.sla_policy_id == SlaPolicy.id))
        )
    assert codes == {"complaint", "help", "suggestion", "report", "demand", "urgent"}
