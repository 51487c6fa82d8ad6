"""The guards PostgreSQL enforces whatever client a login uses (installed by migration
0013, refreshed by ``python main.py db roles``). No Qt here.

- **Functions.** Every function below pins ``search_path = pg_catalog, pg_temp`` and
  names each table with its schema, so a temporary object of the same name cannot stand
  in for a table (PostgreSQL manual, "Writing SECURITY DEFINER Functions Safely").
  EXECUTE is revoked from PUBLIC; :data:`EXECUTE_GRANTS` says which groups may call
  which function (trigger functions need no grant to fire).
- **Who.** ``hotline_role()`` maps ``session_user`` (not ``current_user``: a ``SET ROLE``
  or a SECURITY DEFINER frame does not change it) to its active ``agents`` row; the schema
  owner and superusers are ``'owner'``; anything else is NULL, and NULL sees and writes
  nothing (row-level security fails closed).
- **Rows.** :data:`CASE_TABLES` lists every table that carries a case's data: a unit's
  users see (and write) only rows of the cases their unit leads or co-handles; the
  centre (agents, supervisors, administrators) sees all; no account, nothing.
  Co-handling units are assigned by the centre only.
- **Evidence.** For logins (not the owner), who and when are stamped from the session:
  case history (actor, time; the client's own time is kept in the event's detail as
  ``client_at``), breaches, supervision notices, callbacks. History events a role's
  buttons cannot produce are refused (a unit records steps for its own unit only and
  never the centre's decisions; only supervisors remind or supervise). A deadline's
  ``met_at`` must be the time of an event in the case's history. Counters only go up.
  Nothing of the evidence is deleted by a login.
- **Status.** A status change by a login must be a row of ``lifecycle_transitions``
  (from, to, role), rendered from ``console.domain.lifecycle`` by
  :func:`transition_rows` — one source, not a second copy written in SQL. An agent
  changes the status of a received case only if it holds it or nobody does; a unit's
  users only of the cases their unit leads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy import Connection, text

from console.domain import lifecycle
from console.domain.casetypes import OPEN_STATUSES, EventKind, Role

CENTRE: tuple[str, ...] = (Role.AGENT.value, Role.SUPERVISOR.value, Role.ADMIN.value)
STAFF: tuple[str, ...] = (*CENTRE, Role.UNIT.value)

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
}

#: function -> groups allowed to call it (PUBLIC holds nothing)
EXECUTE_GRANTS: Mapping[str, tuple[str, ...]] = {
    "hotline_role()": STAFF,
    "hotline_agent_id()": STAFF,
    "hotline_unit_id()": STAFF,
    "hotline_sees_case(integer)": STAFF,
    "hotline_co_handled()": STAFF,  # named in the row filter every group plans
    "hotline_refresh_facts(boolean)": STAFF,
}


def _roles_of(party: str) -> tuple[str, ...]:
    """The database groups that may play ``party`` of the lifecycle: a unit's part is
    played by its own users and, on its behalf, by the centre's people."""
    if party in (lifecycle.LEAD, lifecycle.ASSIST):
        return STAFF
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
    return sorted(rows)


#: event kinds only supervisors and administrators record (reminders and supervision
#: orders; extensions are decided by the centre, agents included)
SUPERVISOR_EVENTS: frozenset[str] = frozenset({EventKind.REMINDED, EventKind.SUPERVISED})
#: event kinds a unit's users record (its steps, and what the console adds to them)
UNIT_EVENTS: frozenset[str] = frozenset(
    {*lifecycle.UNIT_STEPS, EventKind.BREACHED, EventKind.ESCALATED, EventKind.NOTE}
)


def _sql_list(values: Iterable[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in sorted({str(v) for v in values}))


_WHO = """
-- invoker functions, every name qualified and no SET clause, so that the planner inlines
-- them into the row filters (a SET clause makes each call a separate planned call);
-- logins can create nothing anywhere (no CREATE on any schema, no TEMP), so nothing
-- can shadow a name in them
CREATE OR REPLACE FUNCTION public.hotline_role() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN pg_catalog.current_setting('is_superuser') OPERATOR(pg_catalog.=) 'on'
            THEN 'owner'
        WHEN pg_catalog.pg_has_role(session_user,
                (SELECT c.relowner FROM pg_catalog.pg_class c
                 WHERE c.oid OPERATOR(pg_catalog.=) 'public.cases'::pg_catalog.regclass),
                'MEMBER') THEN 'owner'
        ELSE (SELECT a.role FROM public.agents a
              WHERE a.username OPERATOR(pg_catalog.=) session_user AND a.active LIMIT 1)
    END
$$;

CREATE OR REPLACE FUNCTION public.hotline_agent_id() RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT a.id FROM public.agents a
    WHERE a.username OPERATOR(pg_catalog.=) session_user AND a.active LIMIT 1
$$;

CREATE OR REPLACE FUNCTION public.hotline_unit_id() RETURNS integer
LANGUAGE sql STABLE AS $$
    SELECT a.unit_id FROM public.agents a
    WHERE a.username OPERATOR(pg_catalog.=) session_user AND a.active LIMIT 1
$$;

-- the cases a unit co-handles: read with the owner's rights (the row filter on
-- case_co_units itself refers to cases; this breaks the circle)
CREATE OR REPLACE FUNCTION public.hotline_co_handled() RETURNS SETOF integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT cu.case_id FROM public.case_co_units cu
    WHERE cu.unit_id = (SELECT a.unit_id FROM public.agents a
                        WHERE a.username = session_user AND a.active LIMIT 1)
$$;

-- under the caller's own row-level security on cases: true if the caller sees the case
CREATE OR REPLACE FUNCTION public.hotline_sees_case(case_id integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM public.cases c WHERE c.id = hotline_sees_case.case_id)
$$;
"""

_HOLDER_AND_CONFIDENTIAL = """
CREATE OR REPLACE FUNCTION public.cases_guard_holder() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r text;
    me integer;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.assignee_id IS NOT DISTINCT FROM OLD.assignee_id THEN
        RETURN NEW;
    END IF;
    IF pg_catalog.current_setting('is_superuser') = 'on' THEN
        RETURN NEW;
    END IF;
    r := public.hotline_role();
    IF r IN ('owner', 'supervisor', 'admin') THEN
        RETURN NEW;
    END IF;
    IF r IS NULL THEN
        RAISE EXCEPTION 'no active console account for database user %', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    me := public.hotline_agent_id();
    IF TG_OP = 'INSERT' THEN
        IF NEW.assignee_id IS NOT NULL AND NEW.assignee_id <> me THEN
            RAISE EXCEPTION 'only a supervisor assigns a case to someone else'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.created_by_id IS NOT NULL AND NEW.created_by_id <> me THEN
            RAISE EXCEPTION 'a case is created in one''s own name'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF (OLD.assignee_id IS NULL AND NEW.assignee_id = me)
       OR (OLD.assignee_id = me AND NEW.assignee_id IS NULL) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'only a supervisor reassigns cases (case %)', OLD.number
        USING ERRCODE = 'insufficient_privilege';
END $$;

-- runs with the owner's rights (it writes the side table logins cannot touch): every
-- name qualified, search_path pinned, pg_temp last
CREATE OR REPLACE FUNCTION public.cases_hide_confidential_caller() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r text := public.hotline_role();
    known boolean;
BEGIN
    IF NEW.caller_confidential
       AND (coalesce(NEW.caller_name, '') <> '' OR coalesce(NEW.caller_phone, '') <> '') THEN
        IF r IS NULL THEN
            RAISE EXCEPTION 'no active console account for database user %', session_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT true INTO known FROM public.case_confidential_callers c
            WHERE c.case_id = NEW.id AND (c.caller_name <> '' OR c.caller_phone <> '');
        IF known AND r NOT IN ('owner', 'supervisor', 'admin') THEN
            RAISE EXCEPTION 'only a supervisor changes a confidential caller''s identity'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        INSERT INTO public.case_confidential_callers AS c
            (case_id, caller_name, caller_phone, recorded_at)
        VALUES (NEW.id, coalesce(NEW.caller_name, ''), coalesce(NEW.caller_phone, ''),
                pg_catalog.now())
        ON CONFLICT (case_id) DO UPDATE SET
            caller_name = coalesce(nullif(EXCLUDED.caller_name, ''), c.caller_name),
            caller_phone = coalesce(nullif(EXCLUDED.caller_phone, ''), c.caller_phone),
            recorded_at = pg_catalog.now();
        IF known THEN  -- an overwrite is a logged action (without the identity itself)
            INSERT INTO public.case_events (case_id, kind, at, actor_id, actor_name, station,
                                            detail)
            SELECT NEW.id, 'edited', pg_catalog.now(), a.id, coalesce(a.display_name, ''),
                   '', '{"changes": {"caller_identity": ["(confidential)",
                                     "(confidential)"]}}'::json
            FROM (SELECT 1) one
            LEFT JOIN public.agents a ON a.username = session_user AND a.active;
        END IF;
        NEW.caller_name := '';
        NEW.caller_phone := '';
    END IF;
    RETURN NEW;
END $$;
"""


#: how long a workstation may keep a case in its offline outbox: a replayed case
#: received earlier than this is refused (and held in the outbox for a person)
MAX_OFFLINE = "72 hours"


#: the columns of ``cases`` an edit changes (the intake form's fields)
CONTENT_COLUMNS: tuple[str, ...] = (
    "channel_code", "case_type", "sub_type", "class_code", "category_id", "district_id",
    "town_id", "address", "caller_name", "caller_phone", "caller_anonymous",
    "caller_confidential", "enterprise_name", "credit_code", "title", "description",
    "answer", "urgency",
)  # fmt: skip


def _guards_sql() -> str:
    centre = _sql_list(CENTRE)
    content_new = ", ".join(f"NEW.{c}" for c in CONTENT_COLUMNS)
    content_old = ", ".join(f"OLD.{c}" for c in CONTENT_COLUMNS)
    open_statuses = _sql_list(OPEN_STATUSES)
    sup_events = _sql_list(SUPERVISOR_EVENTS)
    unit_events = _sql_list(UNIT_EVENTS)
    unit_steps = _sql_list(lifecycle.UNIT_STEPS)
    return f"""
-- history: who and when from the session; a role records only what its buttons record
CREATE OR REPLACE FUNCTION public.case_events_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r text := public.hotline_role();
    me integer;
    d jsonb;
    answered timestamptz;
BEGIN
    IF r = 'owner' THEN
        RETURN NEW;
    END IF;
    IF r IS NULL THEN
        RAISE EXCEPTION 'no active console account for database user %', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.kind IN ({sup_events}) AND r NOT IN ('supervisor', 'admin') THEN
        RAISE EXCEPTION 'only a supervisor records %', NEW.kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    d := coalesce(NEW.detail::jsonb, '{{}}'::jsonb);
    IF r = 'unit' THEN
        IF NEW.kind NOT IN ({unit_events}) THEN
            RAISE EXCEPTION 'a handling unit does not record %', NEW.kind
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.kind IN ({unit_steps})
           AND (d->>'unit_id') IS DISTINCT FROM public.hotline_unit_id()::text THEN
            RAISE EXCEPTION 'a unit records its own steps only'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    IF NEW.kind = 'edited' AND d ? 'changes'
       AND EXISTS (SELECT 1 FROM public.cases c
                   WHERE c.id = NEW.case_id AND c.caller_confidential) THEN
        IF d->'changes' ? 'caller_name' THEN
            d := pg_catalog.jsonb_set(d, '{{changes,caller_name}}',
                                      '["(confidential)", "(confidential)"]');
        END IF;
        IF d->'changes' ? 'caller_phone' THEN
            d := pg_catalog.jsonb_set(d, '{{changes,caller_phone}}',
                                      '["(confidential)", "(confidential)"]');
        END IF;
        NEW.detail := d::json;
    END IF;
    me := public.hotline_agent_id();
    NEW.actor_id := me;
    NEW.actor_name := coalesce((SELECT a.display_name FROM public.agents a WHERE a.id = me), '');
    IF NEW.at IS DISTINCT FROM pg_catalog.now() THEN
        d := d || pg_catalog.jsonb_build_object('client_at', NEW.at);
        NEW.detail := d::json;
    END IF;
    -- the events of a case's own creation keep the time the caller was answered (a
    -- case saved offline and replayed later), within what the case row allowed; the
    -- history says the case was entered late
    SELECT c.received_at INTO answered FROM public.cases c
        WHERE c.id = NEW.case_id AND c.created_at = pg_catalog.now();
    IF answered IS NOT NULL THEN
        NEW.at := GREATEST(answered, LEAST(NEW.at, pg_catalog.now()));
        IF answered < pg_catalog.now() - interval '2 minutes' THEN
            d := d || pg_catalog.jsonb_build_object('entered_offline', true,
                                                    'stored_at', pg_catalog.now());
            NEW.detail := d::json;
        END IF;
    ELSE
        NEW.at := pg_catalog.now();
    END IF;
    RETURN NEW;
END $$;

-- a case's status moves along the lifecycle's table only; received cases by their holder
CREATE OR REPLACE FUNCTION public.cases_guard_update() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r text := public.hotline_role();
BEGIN
    IF r = 'owner' THEN
        RETURN NEW;
    END IF;
    IF r IS NULL THEN
        RAISE EXCEPTION 'no active console account for database user %', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF ({content_new}) IS DISTINCT FROM ({content_old}) THEN
        -- what the citizen said and how it was classified: edited by the agent holding an
        -- open case (or one nobody holds) and by supervisors, as the console's editor
        IF r = 'unit' THEN
            RAISE EXCEPTION 'a handling unit does not edit case %', OLD.number
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF r = 'agent' AND OLD.created_at <> pg_catalog.now()
           AND (OLD.status NOT IN ({open_statuses})
                OR OLD.assignee_id IS DISTINCT FROM public.hotline_agent_id()
                   AND OLD.assignee_id IS NOT NULL) THEN
            RAISE EXCEPTION 'case % is edited by the agent holding it', OLD.number
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    IF NEW.received_at IS DISTINCT FROM OLD.received_at THEN
        RAISE EXCEPTION 'the time a case was received is evidence (case %)', OLD.number
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF NOT EXISTS (SELECT 1 FROM public.lifecycle_transitions t
                       WHERE t.from_status = OLD.status AND t.to_status = NEW.status
                         AND t.role = r) THEN
            RAISE EXCEPTION 'a % cannot move case % from % to %', r, OLD.number,
                OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF r = 'agent' AND OLD.status = 'received' AND OLD.assignee_id IS NOT NULL
           AND OLD.assignee_id IS DISTINCT FROM public.hotline_agent_id() THEN
            RAISE EXCEPTION 'case % is held by someone else', OLD.number
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF r = 'unit' AND OLD.unit_id IS DISTINCT FROM public.hotline_unit_id() THEN
            RAISE EXCEPTION 'only the lead unit moves case %', OLD.number
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.status = 'returned' THEN  -- the unit still sees what it let go of
            NEW.returned_by_unit_id := OLD.unit_id;
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- a new case: stored now (created_at), received when the caller was answered: no later
-- than now, no earlier than an offline workstation may hold a case, nor than its station
CREATE OR REPLACE FUNCTION public.cases_stamp_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    earliest timestamptz := pg_catalog.now() - interval '{MAX_OFFLINE}';
    registered timestamptz;
BEGIN
    IF public.hotline_role() = 'owner' THEN
        RETURN NEW;
    END IF;
    IF NEW.status IS DISTINCT FROM 'received' OR NEW.closed_at IS NOT NULL THEN
        -- a case starts received; every later status goes through the lifecycle's guard
        RAISE EXCEPTION 'a new case starts received (case %)', NEW.number
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.created_at := pg_catalog.now();
    IF NEW.received_at IS NULL OR NEW.received_at > pg_catalog.now() THEN
        NEW.received_at := pg_catalog.now();
    END IF;
    SELECT w.registered_at INTO registered FROM public.workstations w
        WHERE w.code = NEW.station;
    IF NEW.received_at < earliest OR NEW.received_at < registered THEN
        RAISE EXCEPTION 'case % received at % : earlier than its workstation could hold it',
            NEW.number, NEW.received_at USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

-- a deadline is met at the time of an event of the case's (database-stamped) history
CREATE OR REPLACE FUNCTION public.case_deadlines_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF public.hotline_role() = 'owner' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN  -- the console rewrites a case's deadlines whole, from history
        RAISE EXCEPTION 'a deadline is not edited: it is recomputed from the history'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.met_at IS NOT NULL
       AND (TG_OP = 'INSERT' OR NEW.met_at IS DISTINCT FROM OLD.met_at)
       AND NOT EXISTS (SELECT 1 FROM public.case_events e
                       WHERE e.case_id = NEW.case_id
                         AND e.at BETWEEN NEW.met_at - interval '2 seconds'
                                      AND NEW.met_at + interval '2 seconds')
       AND NOT (NEW.met_at BETWEEN pg_catalog.now() - interval '2 minutes'
                               AND pg_catalog.now() + interval '2 minutes') THEN
        RAISE EXCEPTION 'a deadline is met by an event of the case''s history'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

-- the deadlines are recomputed from the history (deleted and written again): only a
-- login that may write the case's history may do that, and never for a case it
-- cannot see (row-level security); other evidence is never deleted by a login
CREATE OR REPLACE FUNCTION public.evidence_no_delete() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF public.hotline_role() = 'owner' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is evidence: a login does not delete it', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

-- deadlines are rewritten whole from the history: at commit a case with a policy has them
CREATE OR REPLACE FUNCTION public.case_deadlines_kept() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF public.hotline_role() <> 'owner'
       AND NOT EXISTS (SELECT 1 FROM public.case_deadlines d WHERE d.case_id = OLD.case_id)
       AND EXISTS (SELECT 1 FROM public.cases c
                   WHERE c.id = OLD.case_id AND c.sla_policy_id IS NOT NULL) THEN
        RAISE EXCEPTION 'a case''s deadlines are evidence: a login does not delete them'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION public.case_breaches_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF public.hotline_role() = 'owner' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'a breach is recorded once' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.due_at >= pg_catalog.now() OR NOT EXISTS (
        SELECT 1 FROM public.case_deadlines d
        WHERE d.case_id = NEW.case_id AND d.milestone_code = NEW.milestone_code
          AND d.due_at = NEW.due_at AND d.met_at IS NULL) THEN
        RAISE EXCEPTION 'no such breach' USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.recorded_at := pg_catalog.now();
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION public.supervision_notices_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r text := public.hotline_role();
BEGIN
    IF r = 'owner' THEN
        RETURN NEW;
    END IF;
    IF r IS NULL THEN
        RAISE EXCEPTION 'no active console account' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.kind <> 'escalated' AND r NOT IN ('supervisor', 'admin') THEN
            RAISE EXCEPTION 'only a supervisor reminds or supervises a unit'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.created_at := pg_catalog.now();
        NEW.created_by_id := public.hotline_agent_id();
        NEW.created_by_name := coalesce((SELECT a.display_name FROM public.agents a
                                         WHERE a.id = NEW.created_by_id), '');
        NEW.resolved_at := NULL;
        NEW.resolved_by_id := NULL;
        RETURN NEW;
    END IF;
    IF (NEW.case_id, NEW.unit_id, NEW.kind, NEW.level, NEW.text, NEW.created_at,
        NEW.created_by_id, NEW.created_by_name)
       IS DISTINCT FROM (OLD.case_id, OLD.unit_id, OLD.kind, OLD.level, OLD.text,
                         OLD.created_at, OLD.created_by_id, OLD.created_by_name) THEN
        RAISE EXCEPTION 'a notice is not rewritten' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.resolved_at IS NOT NULL THEN
        RAISE EXCEPTION 'a notice is resolved once' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF r = 'unit' AND (OLD.unit_id IS DISTINCT FROM public.hotline_unit_id()
                       OR OLD.kind = 'escalated') THEN
        RAISE EXCEPTION 'not a notice to your unit' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.kind = 'escalated' AND r NOT IN ('supervisor', 'admin') THEN
        RAISE EXCEPTION 'a supervisor closes an escalation'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.resolved_at IS NOT NULL THEN
        NEW.resolved_at := pg_catalog.now();
        NEW.resolved_by_id := public.hotline_agent_id();
    END IF;
    RETURN NEW;
END $$;

-- callbacks: times of attempts and outcomes are the database's
CREATE OR REPLACE FUNCTION public.case_callbacks_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF public.hotline_role() = 'owner' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.done_at IS NOT NULL AND NEW.round = OLD.round
       AND (NEW.outcome, NEW.done_at) IS DISTINCT FROM (OLD.outcome, OLD.done_at) THEN
        RAISE EXCEPTION 'a callback''s outcome is recorded once a round'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.done_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.done_at IS NULL) THEN
        NEW.done_at := pg_catalog.now();
    END IF;
    IF NEW.last_attempt_at IS NOT NULL
       AND (TG_OP = 'INSERT' OR NEW.last_attempt_at IS DISTINCT FROM OLD.last_attempt_at) THEN
        NEW.last_attempt_at := pg_catalog.now();
    END IF;
    RETURN NEW;
END $$;

-- shift handovers: who submitted and acknowledged, and when, from the session; an
-- acknowledged handover is not taken back
CREATE OR REPLACE FUNCTION public.handovers_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF public.hotline_role() = 'owner' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.created_at := pg_catalog.now();
        NEW.created_by_id := public.hotline_agent_id();
        RETURN NEW;
    END IF;
    IF OLD.status = 'acknowledged' AND NEW.status IS DISTINCT FROM OLD.status THEN
        RAISE EXCEPTION 'an acknowledged handover stays acknowledged'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW.created_at, NEW.created_by_id) IS DISTINCT FROM (OLD.created_at, OLD.created_by_id)
    THEN
        RAISE EXCEPTION 'who wrote a handover is not rewritten'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.submitted_at IS DISTINCT FROM OLD.submitted_at
       OR NEW.submitted_by_id IS DISTINCT FROM OLD.submitted_by_id THEN
        NEW.submitted_at := CASE WHEN NEW.submitted_at IS NULL THEN NULL
                                 ELSE pg_catalog.now() END;
        NEW.submitted_by_id := CASE WHEN NEW.submitted_at IS NULL THEN NULL
                                    ELSE public.hotline_agent_id() END;
    END IF;
    IF NEW.acknowledged_at IS DISTINCT FROM OLD.acknowledged_at
       OR NEW.acknowledged_by_id IS DISTINCT FROM OLD.acknowledged_by_id THEN
        NEW.acknowledged_at := CASE WHEN NEW.acknowledged_at IS NULL THEN NULL
                                    ELSE pg_catalog.now() END;
        NEW.acknowledged_by_id := CASE WHEN NEW.acknowledged_at IS NULL THEN NULL
                                       ELSE public.hotline_agent_id() END;
    END IF;
    RETURN NEW;
END $$;

-- case numbers: a day's counter only goes up
CREATE OR REPLACE FUNCTION public.number_counters_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF public.hotline_role() = 'owner' THEN
        RETURN NEW;
    END IF;
    IF NEW.station IS DISTINCT FROM OLD.station OR NEW.day IS DISTINCT FROM OLD.day
       OR NEW.last_seq < OLD.last_seq THEN
        RAISE EXCEPTION 'a number counter only goes up'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

-- co-handling units are assigned by the centre
CREATE OR REPLACE FUNCTION public.centre_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF public.hotline_role() IN ('owner', {centre}) THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    RAISE EXCEPTION 'only the centre changes %', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
"""


#: superusers (migrations, benchmarks' loads) skip the guards without a function call
_NOT_SUPERUSER = "pg_catalog.current_setting('is_superuser') <> 'on'"

#: (trigger name, table, timing/events, function)
_TRIGGERS: tuple[tuple[str, str, str, str], ...] = (
    ("case_events_stamp", "case_events", "BEFORE INSERT", "case_events_stamp"),
    ("cases_guard_update", "cases", "BEFORE UPDATE", "cases_guard_update"),
    ("cases_stamp_insert", "cases", "BEFORE INSERT", "cases_stamp_insert"),
    ("case_deadlines_guard", "case_deadlines", "BEFORE INSERT OR UPDATE", "case_deadlines_guard"),
    ("case_breaches_stamp", "case_breaches", "BEFORE INSERT OR UPDATE", "case_breaches_stamp"),
    ("case_breaches_keep", "case_breaches", "BEFORE DELETE", "evidence_no_delete"),
    (
        "supervision_notices_stamp",
        "supervision_notices",
        "BEFORE INSERT OR UPDATE",
        "supervision_notices_stamp",
    ),
    ("supervision_notices_keep", "supervision_notices", "BEFORE DELETE", "evidence_no_delete"),
    ("case_callbacks_stamp", "case_callbacks", "BEFORE INSERT OR UPDATE", "case_callbacks_stamp"),
    ("case_callbacks_keep", "case_callbacks", "BEFORE DELETE", "evidence_no_delete"),
    ("number_counters_guard", "number_counters", "BEFORE UPDATE", "number_counters_guard"),
    ("number_counters_keep", "number_counters", "BEFORE DELETE", "evidence_no_delete"),
    ("case_facts_keep", "case_facts", "BEFORE DELETE", "evidence_no_delete"),
    ("handovers_keep", "handovers", "BEFORE DELETE", "evidence_no_delete"),
    ("handovers_stamp", "handovers", "BEFORE INSERT OR UPDATE", "handovers_stamp"),
    ("case_co_units_centre", "case_co_units", "BEFORE INSERT OR UPDATE OR DELETE", "centre_only"),
)

_FUNCTIONS: tuple[str, ...] = (
    "cases_guard_update()",
    "cases_stamp_insert()",
    "case_events_stamp()",
    "case_deadlines_guard()",
    "case_breaches_stamp()",
    "evidence_no_delete()",
    "case_deadlines_kept()",
    "supervision_notices_stamp()",
    "case_callbacks_stamp()",
    "number_counters_guard()",
    "centre_only()",
    "handovers_stamp()",
    "hotline_sees_case(integer)",
    "hotline_co_handled()",
    "hotline_refresh_facts(boolean)",
)


def _refresh_facts_sql() -> str:
    """The figures' refresh, run with the owner's rights: from the history only, the
    cases with events (or created) after the watermark, or all of them (``full``)."""
    from console.services.assessment import upsert_facts_sql

    upsert = upsert_facts_sql("refresh_ids")
    return f"""
CREATE OR REPLACE FUNCTION public.hotline_refresh_facts(refresh_all boolean) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
    seen_event integer;
    seen_case integer;
    max_event integer;
    max_case integer;
    refresh_ids integer[];
BEGIN
    IF public.hotline_role() IS NULL THEN
        RAISE EXCEPTION 'no active console account for database user %', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO public.facts_watermark AS w (id, event_id, case_id, refreshed_at)
        VALUES (1, 0, 0, pg_catalog.now()) ON CONFLICT (id) DO NOTHING;
    SELECT w.event_id, w.case_id INTO seen_event, seen_case
        FROM public.facts_watermark w WHERE w.id = 1 FOR UPDATE;
    SELECT coalesce(max(e.id), 0) INTO max_event FROM public.case_events e;
    SELECT coalesce(max(c.id), 0) INTO max_case FROM public.cases c;
    IF NOT refresh_all AND max_event = seen_event AND max_case = seen_case THEN
        RETURN 0;
    END IF;
    IF refresh_all OR (seen_event = 0 AND seen_case = 0) THEN
        SELECT coalesce(array_agg(c.id), '{{}}') INTO refresh_ids FROM public.cases c
            WHERE c.id <= max_case;
    ELSE
        SELECT coalesce(array_agg(DISTINCT u.x), '{{}}') INTO refresh_ids FROM (
            SELECT e.case_id AS x FROM public.case_events e
                WHERE e.id > seen_event AND e.id <= max_event
            UNION SELECT c.id FROM public.cases c
                WHERE c.id > seen_case AND c.id <= max_case) u;
    END IF;
    {upsert};
    UPDATE public.facts_watermark w SET
        event_id = GREATEST(w.event_id, max_event),
        case_id = GREATEST(w.case_id, max_case),
        refreshed_at = pg_catalog.now()
        WHERE w.id = 1;
    RETURN pg_catalog.cardinality(refresh_ids);
END $fn$;
"""


def _sees(role_ok: str, column: str, table: str) -> str:
    """The row filter: the centre sees every row; a unit's users the rows of cases they
    see; nobody else (no active account) anything. One evaluation of the role a
    statement (an init plan)."""
    return (
        f"CASE WHEN (SELECT public.hotline_role()) IN ({role_ok}) THEN true "
        f"WHEN (SELECT public.hotline_role()) = 'unit' THEN ({table}.{column} IS NULL "
        f"OR EXISTS (SELECT 1 FROM public.cases c WHERE c.id = {table}.{column})) "
        "ELSE false END"
    )


_CASES_SEE = (
    "CASE WHEN (SELECT public.hotline_role()) IN ('owner', 'agent', 'supervisor', 'admin') "
    "THEN true WHEN (SELECT public.hotline_role()) = 'unit' THEN (cases.unit_id = "
    "(SELECT public.hotline_unit_id()) OR cases.id IN (SELECT public.hotline_co_handled()) "
    "OR (cases.status = 'returned' AND cases.unit_id IS NULL "
    "AND cases.returned_by_unit_id = (SELECT public.hotline_unit_id()))) ELSE false END"
)


def _existing_tables(conn: Connection) -> set[str]:
    return {
        str(t)
        for t in conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
    }


def sync_transitions(conn: Connection) -> int:
    """Render the lifecycle's transition table into ``lifecycle_transitions``."""
    rows = transition_rows()
    conn.execute(text("DELETE FROM lifecycle_transitions"))
    conn.execute(
        text(
            "INSERT INTO lifecycle_transitions (from_status, to_status, role) VALUES (:f, :t, :r)"
        ),
        [{"f": f, "t": t, "r": r} for f, t, r in rows],
    )
    return len(rows)


def _script(conn: Connection, sql: str) -> None:
    """Run DDL with no parameters (its ``%`` are PL/pgSQL's, not placeholders)."""
    cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cur.execute(sql)
    finally:
        cur.close()


def install(conn: Connection) -> None:
    """Create or replace every function, trigger and policy of the guards. Idempotent."""
    _script(conn, _WHO)
    _script(conn, _HOLDER_AND_CONFIDENTIAL)
    _script(conn, _guards_sql())
    _script(conn, _refresh_facts_sql())
    tables = _existing_tables(conn)
    for name, table, when, fn in _TRIGGERS:
        if table not in tables:
            continue
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON public.{table}")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {name} {when} ON public.{table} FOR EACH ROW "
            f"WHEN ({_NOT_SUPERUSER}) EXECUTE FUNCTION public.{fn}()"
        )
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS case_deadlines_kept ON public.case_deadlines")
    conn.exec_driver_sql(
        "CREATE CONSTRAINT TRIGGER case_deadlines_kept AFTER DELETE ON public.case_deadlines "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
        f"WHEN ({_NOT_SUPERUSER}) EXECUTE FUNCTION public.case_deadlines_kept()"
    )
    # row-level security, failing closed, on cases and on every table of a case's data
    for policy in ("cases_read", "cases_insert", "cases_update"):
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS {policy} ON public.cases")
    conn.exec_driver_sql(
        f"CREATE POLICY cases_read ON public.cases FOR SELECT USING ({_CASES_SEE})"
    )
    conn.exec_driver_sql(
        "CREATE POLICY cases_insert ON public.cases FOR INSERT WITH CHECK "
        "((SELECT public.hotline_role()) IN ('owner', 'agent', 'supervisor', 'admin'))"
    )
    # a unit returning a case (退单) keeps seeing it until it is re-dispatched
    # (returned_by_unit_id, set by the guard): the new row passes the filter of a reader
    conn.exec_driver_sql(
        f"CREATE POLICY cases_update ON public.cases FOR UPDATE USING ({_CASES_SEE}) "
        f"WITH CHECK ({_CASES_SEE})"
    )
    conn.exec_driver_sql("DROP POLICY IF EXISTS case_events_read ON public.case_events")
    conn.exec_driver_sql("DROP POLICY IF EXISTS case_events_insert ON public.case_events")
    everyone = "'owner', 'agent', 'supervisor', 'admin'"
    for table, column in CASE_TABLES.items():
        if table not in tables:
            continue
        conn.exec_driver_sql(f"ALTER TABLE public.{table} ENABLE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS case_rows ON public.{table}")
        sees = _sees(everyone, column, table)
        conn.exec_driver_sql(
            f"CREATE POLICY case_rows ON public.{table} FOR ALL USING ({sees}) WITH CHECK ({sees})"
        )
    sync_transitions(conn)
    # nobody but the groups named in EXECUTE_GRANTS calls a function of the schema
    conn.exec_driver_sql("REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC")
    conn.exec_driver_sql(
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC"
    )


def uninstall(conn: Connection) -> None:
    """Back to revision 0009's guards (its own functions are left as they are now)."""
    tables = _existing_tables(conn)
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS case_deadlines_kept ON public.case_deadlines")
    for name, table, _when, _fn in _TRIGGERS:
        if table in tables:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON public.{table}")
    for table in CASE_TABLES:
        if table in tables and table != "case_events":
            conn.exec_driver_sql(f"DROP POLICY IF EXISTS case_rows ON public.{table}")
            conn.exec_driver_sql(f"ALTER TABLE public.{table} DISABLE ROW LEVEL SECURITY")
    conn.exec_driver_sql("DROP POLICY IF EXISTS case_rows ON public.case_events")
    conn.exec_driver_sql(
        "CREATE POLICY case_events_read ON public.case_events FOR SELECT USING ("
        "(SELECT public.hotline_role()) IS DISTINCT FROM 'unit' "
        "OR EXISTS (SELECT 1 FROM public.cases c WHERE c.id = case_events.case_id))"
    )
    conn.exec_driver_sql(
        "CREATE POLICY case_events_insert ON public.case_events FOR INSERT WITH CHECK (true)"
    )
    unit_sees = (
        "(SELECT hotline_role()) IS DISTINCT FROM 'unit' OR unit_id = (SELECT hotline_unit_id()) "
        "OR id IN (SELECT cu.case_id FROM case_co_units cu "
        "WHERE cu.unit_id = (SELECT hotline_unit_id()))"
    )
    for policy in ("cases_read", "cases_insert", "cases_update"):
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS {policy} ON public.cases")
    conn.exec_driver_sql(f"CREATE POLICY cases_read ON cases FOR SELECT USING ({unit_sees})")
    conn.exec_driver_sql("CREATE POLICY cases_insert ON cases FOR INSERT WITH CHECK (true)")
    conn.exec_driver_sql(
        f"CREATE POLICY cases_update ON cases FOR UPDATE USING ({unit_sees}) WITH CHECK (true)"
    )
    for fn in _FUNCTIONS:
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS public.{fn}")
    conn.exec_driver_sql("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO PUBLIC")


def grant_execute(conn: Connection, group_of: Mapping[str, str]) -> None:
    """EXECUTE on the guards' callable functions to the groups that need them
    (``group_of``: console role -> group role name, already quoted)."""
    for fn, roles in EXECUTE_GRANTS.items():
        for role in STAFF:
            verb = "GRANT" if role in roles else "REVOKE"
            prep = "TO" if verb == "GRANT" else "FROM"
            conn.exec_driver_sql(f"{verb} EXECUTE ON FUNCTION public.{fn} {prep} {group_of[role]}")
