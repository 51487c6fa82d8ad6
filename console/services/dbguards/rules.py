"""Who may play which part, which tables carry a case's data, and the status moves
rendered from the lifecycle's one state machine."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from console.domain import lifecycle, sla
from console.domain.casetypes import EventKind, Role

CENTRE: tuple[str, ...] = (Role.AGENT.value, Role.SUPERVISOR.value, Role.ADMIN.value)
STAFF: tuple[str, ...] = (*CENTRE, Role.UNIT.value)

#: the exchange service's account (``agents.role`` of its login, and its group's name):
#: not a person. It creates the cases platforms push (dispatching them at once, with
#: their co-handling units) and takes the steps of the units that call its API; it
#: sees every case (it answers the units' inbox itself), never a confidential caller,
#: an account's secrets, calls or agents' states.
SERVICE = "exchange"
#: the groups whose row filter lets them see every case
SEE_ALL: tuple[str, ...] = (*CENTRE, SERVICE)
#: lifecycle actions the service takes on the centre's behalf (a pushed order is
#: dispatched at once to the unit the platform names)
SERVICE_ACTIONS: frozenset[str] = frozenset({lifecycle.Action.DISPATCH.value})

#: every table carrying a case's data -> its column naming the case
CASE_TABLES: Mapping[str, str] = {
    "case_events": "case_id",
    "case_deadlines": "case_id",
    "case_breaches": "case_id",
    "case_changes": "case_id",
    "case_keywords": "case_id",
    "case_facts": "case_id",
    "case_callbacks": "case_id",
    "case_co_units": "case_id",
    "case_assist_states": "case_id",
    "case_links": "case_id",
    "supervision_notices": "case_id",
    "handover_items": "case_id",
    "imported_messages": "case_id",
    "knowledge_uses": "case_id",
    "offline_replays": "case_id",
    "agent_presence": "case_id",
    "case_suggestions": "case_id",
    "calls": "case_id",
    "case_attachments": "case_id",
    "suggestion_feedback": "case_id",
    "exchange_orders": "case_id",
    "webhook_deliveries": "case_id",
    "sms_messages": "case_id",
}

#: tables whose rows a login writes only in its own name (column naming the account):
#: an agent's state at the phone, what it did with the suggestions shown to it
OWN_ROWS: Mapping[str, str] = {
    "agent_states": "agent_id",
    "suggestion_feedback": "agent_id",
}

#: tables without a case column whose rows are read through another guarded table:
#: table -> condition (a unit's user reads an attachment's bytes only through an
#: attachment of a case it sees)
READ_THROUGH: Mapping[str, str] = {
    "attachment_blobs": "EXISTS (SELECT 1 FROM public.case_attachments a "
    "WHERE a.sha256 = attachment_blobs.sha256)",
}

#: function -> groups allowed to call it (PUBLIC holds nothing)
EXECUTE_GRANTS: Mapping[str, tuple[str, ...]] = {
    "hotline_role()": (*STAFF, SERVICE),
    "hotline_agent_id()": (*STAFF, SERVICE),
    "hotline_unit_id()": (*STAFF, SERVICE),
    "hotline_sees_case(integer)": (*STAFF, SERVICE),
    "hotline_co_handled()": (*STAFF, SERVICE),  # named in the row filter every group plans
    "hotline_refresh_facts(boolean)": STAFF,
    "hotline_store_deadlines(integer, jsonb)": (*STAFF, SERVICE),
    "hotline_store_deadlines_batch(jsonb)": (*STAFF, SERVICE),
    "hotline_station_contact(text)": STAFF,
}


def _roles_of(party: str) -> tuple[str, ...]:
    """The database groups that may play ``party`` of the lifecycle: a unit's part is
    played by its own users and, on its behalf, by the centre's people."""
    if party in (lifecycle.LEAD, lifecycle.ASSIST):
        return (*STAFF, SERVICE)
    return (party,) if party in CENTRE else ()


def transition_rows() -> list[tuple[str, str, str]]:
    """(from status, to status, role) rows a login may move a case along, rendered from
    the lifecycle's one state machine (``console.domain.lifecycle.RULES``): every rule's
    statuses, its outcome and its alternative outcome, for every group that may play one
    of the rule's parties."""
    rows: set[tuple[str, str, str]] = set()
    for rule in lifecycle.RULES:
        for before in rule.statuses:
            afters = {rule.to or before}
            if rule.alt is not None:
                afters.add(rule.alt)
            for after in afters:
                if after == before:
                    continue
                for party in rule.by:
                    for role in _roles_of(party):
                        rows.add((str(before), str(after), role))
                if rule.action in SERVICE_ACTIONS:
                    rows.add((str(before), str(after), SERVICE))
    return sorted(rows)


#: event kinds only supervisors and administrators record (reminders and supervision
#: orders; extensions are decided by the centre, agents included)
SUPERVISOR_EVENTS: frozenset[str] = frozenset({EventKind.REMINDED, EventKind.SUPERVISED})
#: event kinds only the system records (the schema owner's trusted workers): no login
SYSTEM_EVENTS: frozenset[str] = frozenset({EventKind.DEADLINE_CORRECTED})
#: event kinds a unit's users record (its steps, and what the console adds to them)
UNIT_EVENTS: frozenset[str] = frozenset(
    {*lifecycle.UNIT_STEPS, EventKind.BREACHED, EventKind.ESCALATED, EventKind.NOTE}
)
#: event kinds the exchange service records: a case's creation, the events of the
#: actions it takes for the centre, and the units' steps
SERVICE_EVENTS: frozenset[str] = frozenset(
    {
        *UNIT_EVENTS,
        EventKind.CREATED,
        *(e for r in lifecycle.RULES if r.action in SERVICE_ACTIONS for e in r.events),
    }
)


#: event kinds the SLA computation reads (``console.domain.sla``): only a transaction
#: that records one of them (or an administrator's recomputation after a calendar
#: correction) may move a case's open deadline later
DEADLINE_EVENTS: frozenset[str] = frozenset(
    {
        *sla.SLA_EVENTS_OF,
        EventKind.REOPENED,
        EventKind.SENT_BACK,
        EventKind.PAUSED,
        EventKind.RESUMED,
        EventKind.EXTENSION_APPROVED,
        EventKind.RETURN_ACCEPTED,
        EventKind.EDITED,  # a new type, class or urgency: the policy that now matches
    }
)


def _sql_list(values: Iterable[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in sorted({str(v) for v in values}))
