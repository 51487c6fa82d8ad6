"""The triggers' functions: stamps from the session, the status moves, evidence
(SQL text)."""

from __future__ import annotations

from console.domain import lifecycle
from console.domain.casetypes import OPEN_STATUSES
from console.services.dbguards.rules import (
    CENTRE,
    SERVICE,
    SERVICE_EVENTS,
    SUPERVISOR_EVENTS,
    SYSTEM_EVENTS,
    UNIT_EVENTS,
    _sql_list,
)
from console.services.dbguards.sql_who import CONTENT_COLUMNS, MAX_ENTRY, MAX_OFFLINE, WHO_INTO


def _guards_sql() -> str:
    centre = _sql_list(CENTRE)
    content_new = ", ".join(f"NEW.{c}" for c in CONTENT_COLUMNS)
    content_old = ", ".join(f"OLD.{c}" for c in CONTENT_COLUMNS)
    open_statuses = _sql_list(OPEN_STATUSES)
    sup_events = _sql_list(SUPERVISOR_EVENTS)
    unit_events = _sql_list(UNIT_EVENTS)
    unit_steps = _sql_list(lifecycle.UNIT_STEPS)
    service_events = _sql_list(SERVICE_EVENTS)
    system_events = _sql_list(SYSTEM_EVENTS)
    return f"""
-- history: who and when from the session; a role records only what its buttons record
-- (the session's account read once, the case once: under the caller's row filter)
CREATE OR REPLACE FUNCTION public.case_events_stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r text;
    me integer;
    my_unit integer;
    my_name text;
    d jsonb;
    answered timestamptz;
    created timestamptz;
    confidential boolean;
BEGIN
    {WHO_INTO};
    IF r = 'owner' THEN
        RETURN NEW;
    END IF;
    IF r IS NULL THEN
        RAISE EXCEPTION 'no active console account for database user %', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.kind IN ({system_events}) THEN
        RAISE EXCEPTION 'only the system records %', NEW.kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.kind IN ({sup_events}) AND r NOT IN ('supervisor', 'admin') THEN
        RAISE EXCEPTION 'only a supervisor records %', NEW.kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF r = '{SERVICE}' AND NEW.kind NOT IN ({service_events}) THEN
        RAISE EXCEPTION 'the exchange service does not record %', NEW.kind
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    d := coalesce(NEW.detail::jsonb, '{{}}'::jsonb);
    IF r = 'unit' THEN
        IF NEW.kind NOT IN ({unit_events}) THEN
            RAISE EXCEPTION 'a handling unit does not record %', NEW.kind
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.kind IN ({unit_steps})
           AND (d->>'unit_id') IS DISTINCT FROM my_unit::text THEN
            RAISE EXCEPTION 'a unit records its own steps only'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    SELECT c.caller_confidential, c.received_at, c.created_at
        INTO confidential, answered, created
        FROM public.cases c WHERE c.id = NEW.case_id;
    IF NEW.kind = 'edited' AND d ? 'changes' AND confidential THEN
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
    NEW.actor_id := me;
    NEW.actor_name := coalesce(my_name, '');
    IF NEW.at IS DISTINCT FROM pg_catalog.now() THEN
        d := d || pg_catalog.jsonb_build_object('client_at', NEW.at);
        NEW.detail := d::json;
    END IF;
    -- the events of a case's own creation keep the time the caller was answered (a
    -- case saved offline and replayed later), within what the case row allowed; the
    -- history says the case was entered late
    IF created IS DISTINCT FROM pg_catalog.now() THEN
        answered := NULL;
    END IF;
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
    r text;
    me integer;
    my_unit integer;
    my_name text;
BEGIN
    {WHO_INTO};
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
        IF r = 'unit' OR (r = '{SERVICE}' AND OLD.created_at <> pg_catalog.now()) THEN
            RAISE EXCEPTION 'a % does not edit case %', r, OLD.number
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF r = 'agent' AND OLD.created_at <> pg_catalog.now()
           AND (OLD.status NOT IN ({open_statuses})
                OR OLD.assignee_id IS DISTINCT FROM me
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
           AND OLD.assignee_id IS DISTINCT FROM me THEN
            RAISE EXCEPTION 'case % is held by someone else', OLD.number
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF r = 'unit' AND OLD.unit_id IS DISTINCT FROM my_unit THEN
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
    r text := public.hotline_role();
    earliest timestamptz := pg_catalog.now() - interval '{MAX_OFFLINE}';
    registered timestamptz;
    contact timestamptz;
BEGIN
    IF r = 'owner' THEN
        RETURN NEW;
    END IF;
    -- a case starts received, or in an open status where one step of the lifecycle's
    -- table takes a received case for this login's role (a case created and dispatched
    -- at once is written once, with what the insert and that step's update would have
    -- allowed together: no more; never born closed)
    IF NEW.closed_at IS NOT NULL
       OR NEW.status IS DISTINCT FROM 'received' AND (
           r = 'unit'
           OR NEW.status NOT IN ({open_statuses})
           OR NOT EXISTS (SELECT 1 FROM public.lifecycle_transitions t
                          WHERE t.from_status = 'received' AND t.to_status = NEW.status
                            AND t.role = r)) THEN
        RAISE EXCEPTION 'a new case starts received (case %)', NEW.number
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.created_at := pg_catalog.now();
    IF NEW.received_at IS NULL OR NEW.received_at > pg_catalog.now() THEN
        NEW.received_at := pg_catalog.now();
    END IF;
    SELECT w.registered_at, w.last_contact_at INTO registered, contact
        FROM public.workstations w WHERE w.code = NEW.station;
    IF NEW.received_at < earliest OR NEW.received_at < registered THEN
        RAISE EXCEPTION 'case % received at % : earlier than its workstation could hold it',
            NEW.number, NEW.received_at USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- the station was in contact with nothing in its outbox (stamped by the database):
    -- a case answered well before that would have been sent then
    IF NEW.received_at < contact - interval '{MAX_ENTRY}' THEN
        RAISE EXCEPTION 'case % received at % : before its workstation''s last contact %',
            NEW.number, NEW.received_at, contact USING ERRCODE = 'insufficient_privilege';
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
    r text;
    me integer;
    my_unit integer;
    my_name text;
BEGIN
    {WHO_INTO};
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
        NEW.created_by_id := me;
        NEW.created_by_name := coalesce(my_name, '');
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
    IF r = 'unit' AND (OLD.unit_id IS DISTINCT FROM my_unit
                       OR OLD.kind = 'escalated') THEN
        RAISE EXCEPTION 'not a notice to your unit' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.kind = 'escalated' AND r NOT IN ('supervisor', 'admin') THEN
        RAISE EXCEPTION 'a supervisor closes an escalation'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.resolved_at IS NOT NULL THEN
        NEW.resolved_at := pg_catalog.now();
        NEW.resolved_by_id := me;
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

-- co-handling units are assigned by the centre (and by the exchange service as it
-- creates a pushed order's case, dispatched at once)
CREATE OR REPLACE FUNCTION public.centre_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r text := public.hotline_role();
BEGIN
    IF r IN ('owner', {centre}) THEN
        RETURN coalesce(NEW, OLD);
    END IF;
    IF r = '{SERVICE}' AND TG_OP = 'INSERT' AND EXISTS (
        SELECT 1 FROM public.cases c
        WHERE c.id = NEW.case_id AND c.created_at = pg_catalog.now()) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'only the centre changes %', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;

-- case numbers: a login starts the counter of a registered workstation's day, and only
-- of a day its cases can carry (today, or an offline outbox's days; a day either side
-- for the workstation's time zone)
CREATE OR REPLACE FUNCTION public.number_counters_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF public.hotline_role() = 'owner' THEN
        RETURN NEW;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM public.workstations w WHERE w.code = NEW.station) THEN
        RAISE EXCEPTION 'no workstation % : a counter belongs to a registered station',
            NEW.station USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.day !~ '^[0-9]{{6}}$'
       OR NEW.day < pg_catalog.to_char(pg_catalog.now() - interval '{MAX_OFFLINE}'
                                       - interval '1 day', 'YYMMDD')
       OR NEW.day > pg_catalog.to_char(pg_catalog.now() + interval '1 day', 'YYMMDD') THEN
        RAISE EXCEPTION 'a counter of day % is not one a workstation issues numbers on',
            NEW.day USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;

-- the call log: the phone system's times are kept once known, a call is recorded as
-- answered by oneself only, and only the centre writes it
CREATE OR REPLACE FUNCTION public.calls_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r text := public.hotline_role();
BEGIN
    IF r = 'owner' THEN
        RETURN NEW;
    END IF;
    IF r IS NULL OR r NOT IN ({centre}) THEN
        RAISE EXCEPTION 'only the centre records calls' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.agent_id IS NOT NULL AND NEW.agent_id IS DISTINCT FROM public.hotline_agent_id()
       AND (TG_OP = 'INSERT' OR NEW.agent_id IS DISTINCT FROM OLD.agent_id) THEN
        RAISE EXCEPTION 'a call is recorded as answered by oneself only'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'UPDATE' AND (
        NEW.uniqueid IS DISTINCT FROM OLD.uniqueid
        OR (OLD.rang_at IS NOT NULL AND NEW.rang_at IS DISTINCT FROM OLD.rang_at)
        OR (OLD.queued_at IS NOT NULL AND NEW.queued_at IS DISTINCT FROM OLD.queued_at)
        OR (OLD.answered_at IS NOT NULL AND NEW.answered_at IS DISTINCT FROM OLD.answered_at)
        OR (OLD.ended_at IS NOT NULL AND NEW.ended_at IS DISTINCT FROM OLD.ended_at)
        OR (OLD.wrapped_at IS NOT NULL AND NEW.wrapped_at IS DISTINCT FROM OLD.wrapped_at)
        OR NEW.offered_at > OLD.offered_at) THEN
        RAISE EXCEPTION 'the times of a call are kept once known'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.updated_at := pg_catalog.now();
    RETURN NEW;
END $$;

-- a workstation in contact with an empty outbox: the time is the database's
CREATE OR REPLACE FUNCTION public.hotline_station_contact(station text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
    IF public.hotline_role() IS NULL THEN
        RAISE EXCEPTION 'no active console account for database user %', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE public.workstations w SET last_contact_at = pg_catalog.now()
        WHERE w.code = hotline_station_contact.station
          AND w.last_contact_at IS DISTINCT FROM pg_catalog.now();
END $fn$;
"""
