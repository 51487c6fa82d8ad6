"""Who may do what on the central PostgreSQL, as data: the grants of each group role
(agent, supervisor, admin, unit) and of the exchange service, table by table. Applied by
console.services.dbroles (``db roles``); the row-level rules are in dbguards."""

from __future__ import annotations

from collections.abc import Mapping

from console.domain.casetypes import Role
from console.services import dbguards

GROUPS: tuple[Role, ...] = (Role.AGENT, Role.SUPERVISOR, Role.ADMIN, Role.UNIT)
#: the exchange service's group (``<prefix>exchange``): a service, not a person; its
#: login is made by ``db add-service`` and its account row has the role ``exchange``
SERVICE = dbguards.SERVICE
SERVICE_USERNAME = "exchange"
SERVICE_DISPLAY = "交换服务 (exchange service)"

READ = ("SELECT",)
APPEND = ("SELECT", "INSERT")
WRITE = ("SELECT", "INSERT", "UPDATE")
WORK = ("SELECT", "INSERT", "UPDATE", "DELETE")

#: the default rule: working data (cases' side tables, presence, preferences, handovers,
#: numbering, and whatever later migrations add) is read and written by every group.
#: Nobody but the schema owner gets TRUNCATE, REFERENCES or TRIGGER.
DEFAULT: Mapping[Role, tuple[str, ...]] = {g: WORK for g in GROUPS}

_STAFF_READ_ADMIN_WRITE: Mapping[Role, tuple[str, ...]] = {
    Role.AGENT: READ,
    Role.UNIT: READ,
    Role.SUPERVISOR: READ,
    Role.ADMIN: WORK,
}
_CENTRE_WRITE: Mapping[Role, tuple[str, ...]] = {
    Role.AGENT: WRITE,
    Role.SUPERVISOR: WRITE,
    Role.ADMIN: WRITE,
}
_CENTRE_APPEND: Mapping[Role, tuple[str, ...]] = {
    Role.AGENT: APPEND,
    Role.SUPERVISOR: APPEND,
    Role.ADMIN: APPEND,
}
#: what only the exchange service and administrators (``python main.py api …``) touch:
#: tokens, platforms, orders, outboxes, SMS
_ADMIN_ONLY: Mapping[Role, tuple[str, ...]] = {Role.ADMIN: WORK}
_SUPERVISORS_WRITE: Mapping[Role, tuple[str, ...]] = {
    Role.AGENT: READ,
    Role.UNIT: READ,
    Role.SUPERVISOR: WORK,
    Role.ADMIN: WORK,
}

#: the explicit exceptions to the default rule
RESTRICTED: Mapping[str, Mapping[Role, tuple[str, ...]]] = {
    # the schema revision: the console checks it, only migrations change it
    "alembic_version": {g: READ for g in GROUPS},
    # accounts: administrators (db add-agent), never deleted (history names them)
    "agents": {
        Role.AGENT: READ,
        Role.UNIT: READ,
        Role.SUPERVISOR: READ,
        Role.ADMIN: WRITE,
    },
    # workstations: registered by their console; the registration time and the last
    # contact are the database's (hotline_station_contact)
    "workstations": {
        Role.AGENT: APPEND,
        Role.UNIT: APPEND,
        Role.SUPERVISOR: APPEND,
        Role.ADMIN: WRITE,
    },
    # SLA policies and the working-day calendar: administrators only
    "sla_policies": _STAFF_READ_ADMIN_WRITE,
    "sla_milestones": _STAFF_READ_ADMIN_WRITE,
    "calendar_overrides": _STAFF_READ_ADMIN_WRITE,
    # reference data and the shift table/roster: administrators
    "channels": _STAFF_READ_ADMIN_WRITE,
    "business_classes": _STAFF_READ_ADMIN_WRITE,
    "matter_categories": _STAFF_READ_ADMIN_WRITE,
    "regions": _STAFF_READ_ADMIN_WRITE,
    "handling_units": _STAFF_READ_ADMIN_WRITE,
    "shift_definitions": _STAFF_READ_ADMIN_WRITE,
    "shift_roster": _STAFF_READ_ADMIN_WRITE,
    # the knowledge base and routing rules: supervisors maintain them
    "knowledge_articles": _SUPERVISORS_WRITE,
    "routing_rules": _SUPERVISORS_WRITE,
    # the centre's suggestion models: unpickled by every console, so trainers only
    "suggestion_models": _SUPERVISORS_WRITE,
    # the case history is append-only for everyone (a trigger refuses UPDATE/DELETE too)
    "case_events": {g: APPEND for g in GROUPS},
    # confidential callers: written by a trigger, read by supervisors and administrators
    "case_confidential_callers": {Role.SUPERVISOR: READ, Role.ADMIN: READ},
    # cases: see CASE_COLUMNS_FIXED; nobody deletes a case
    "cases": {g: WRITE for g in GROUPS},
    # evidence and figures (console/services/dbguards/ stamps and guards the rows):
    # nobody deletes them; a unit's users only read co-handling, callbacks and facts
    "lifecycle_transitions": {g: READ for g in GROUPS},
    # deadlines: written through hotline_store_deadlines() only (console/services/sla.py)
    "case_deadlines": {g: READ for g in GROUPS},
    "case_breaches": {g: APPEND for g in GROUPS},
    "supervision_notices": {g: WRITE for g in GROUPS},
    "number_counters": {g: WRITE for g in GROUPS},
    # shift handovers: prepared, submitted and acknowledged by supervisors only
    "handovers": {
        Role.AGENT: READ,
        Role.SUPERVISOR: WRITE,
        Role.ADMIN: WRITE,
        Role.UNIT: READ,
    },
    "case_co_units": {
        Role.AGENT: WORK,
        Role.SUPERVISOR: WORK,
        Role.ADMIN: WORK,
        Role.UNIT: READ,
    },
    "case_callbacks": {
        Role.AGENT: WRITE,
        Role.SUPERVISOR: WRITE,
        Role.ADMIN: WRITE,
        Role.UNIT: READ,
    },
    # the deadline audit's queue: filled by the database's own functions, read by the
    # trusted worker under the schema owner (console/services/sla_audit.py): no group
    "deadline_audit": {},
    # report figures: refreshed by the database itself (hotline_refresh_facts)
    "case_facts": {g: READ for g in GROUPS},
    "facts_watermark": {g: READ for g in GROUPS},
    # telephony: the centre's consoles record calls (as answered by themselves only) and
    # their own state at the phone (row-level security); units see neither
    "calls": _CENTRE_WRITE,
    "agent_states": _CENTRE_WRITE,
    # what agents did with the suggestions: appended in one's own name
    "suggestion_feedback": _CENTRE_APPEND,
    # attachments: received by the exchange service, read in the case view
    "case_attachments": {g: READ for g in GROUPS},
    "attachment_blobs": {g: READ for g in GROUPS},
    # the exchange service's own tables: no person but an administrator
    "exchange_platforms": _ADMIN_ONLY,
    "exchange_tokens": _ADMIN_ONLY,
    "exchange_orders": _ADMIN_ONLY,
    "exchange_watermarks": _ADMIN_ONLY,
    "webhook_deliveries": _ADMIN_ONLY,
    "sms_templates": _ADMIN_ONLY,
    "sms_opt_outs": _ADMIN_ONLY,
    "sms_messages": _ADMIN_ONLY,
}

#: the exchange service's grants: an allow-list (a table not named here: nothing)
SERVICE_GRANTS: Mapping[str, tuple[str, ...]] = {
    # what it reads to build a case, route it and count its deadlines
    **{
        t: READ
        for t in (
            "alembic_version", "agents", "channels", "business_classes",
            "matter_categories", "regions", "handling_units", "sla_policies",
            "sla_milestones", "calendar_overrides", "routing_rules",
            "lifecycle_transitions", "shift_definitions", "case_facts",
        )
    },
    # its station code, its cases' numbers
    "workstations": APPEND,
    "number_counters": WRITE,
    # pushed orders become cases, units' steps move them (the guards check every row)
    "cases": WRITE,
    "case_events": APPEND,
    "case_deadlines": READ,
    "case_breaches": READ,
    "case_changes": APPEND,
    "case_keywords": WORK,
    "case_co_units": APPEND,
    "case_assist_states": WRITE,
    "case_callbacks": READ,
    "supervision_notices": WRITE,
    "case_links": READ,
    # its own tables
    "exchange_platforms": READ,
    "exchange_tokens": READ,
    "exchange_orders": APPEND,
    "exchange_watermarks": WRITE,
    "webhook_deliveries": WRITE,
    "sms_templates": READ,
    "sms_opt_outs": READ,
    "sms_messages": WRITE,
    "case_attachments": APPEND,
    "attachment_blobs": APPEND,
    # its suggestion worker (`serve` starts `suggest backfill --follow` with its URL):
    # the centre's model, and the suggestions of received cases
    "suggestion_models": READ,
    "case_suggestions": APPEND,
}  # fmt: skip

#: columns of ``cases`` nobody changes once the case exists (column-level UPDATE grants
#: cover every other column, whatever later migrations add)
CASE_COLUMNS_FIXED = frozenset(
    {"id", "uuid", "number", "station", "created_by_id", "created_at", "returned_by_unit_id"}
)
