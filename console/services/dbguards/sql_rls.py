"""The triggers list, the facts refresh and the row filters (SQL text)."""

from __future__ import annotations

from console.services.dbguards.rules import SEE_ALL, _sql_list

#: superusers (migrations, benchmarks' loads) skip the guards without a function call
_NOT_SUPERUSER = "pg_catalog.current_setting('is_superuser') <> 'on'"

#: (trigger name, table, timing/events, function)
_TRIGGERS: tuple[tuple[str, str, str, str], ...] = (
    ("case_events_stamp", "case_events", "BEFORE INSERT", "case_events_stamp"),
    ("cases_guard_update", "cases", "BEFORE UPDATE", "cases_guard_update"),
    ("cases_stamp_insert", "cases", "BEFORE INSERT", "cases_stamp_insert"),
    ("case_deadlines_guard", "case_deadlines", "BEFORE UPDATE", "case_deadlines_guard"),
    ("case_deadlines_guard_met", "case_deadlines", "BEFORE INSERT", "case_deadlines_guard"),
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
    ("calls_guard", "calls", "BEFORE INSERT OR UPDATE", "calls_guard"),
    ("number_counters_insert", "number_counters", "BEFORE INSERT", "number_counters_insert"),
)

#: trigger -> what else must hold for it to fire (the function would let anything else
#: through without a check: an inserted deadline not met)
_WHEN: dict[str, str] = {"case_deadlines_guard_met": "NEW.met_at IS NOT NULL"}

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
    "calls_guard()",
    "number_counters_insert()",
    "handovers_stamp()",
    "hotline_sees_case(integer)",
    "hotline_co_handled()",
    "hotline_refresh_facts(boolean)",
    "hotline_store_deadlines(integer, jsonb)",
    "hotline_store_deadlines_batch(jsonb)",
    "cases_due_checked()",
    "hotline_station_contact(text)",
    "cases_audit_queue()",
    "cases_created_checked()",
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


def _store_deadlines_sql(audit: bool = True) -> str:
    """A case's deadlines are written only through these functions (logins have no
    INSERT, UPDATE or DELETE on ``case_deadlines``): the console recomputes them from
    the history and hands them over whole, a batch of cases at once
    (``hotline_store_deadlines_batch``: ``[{"case_id": …, "rows": […]}, …]``; the
    per-case ``hotline_store_deadlines`` is the batch of one). Only cases the caller's
    own row filter shows; an open deadline moves later only in a transaction that
    records an event the SLA reads (pause, resume, extension, a new round, a clock's
    start, …: ``rules.DEADLINE_EVENTS``, rendered from ``console.domain``), or by an
    administrator's recomputation; a deadline is met only at the time of an event
    (``case_deadlines_guard``). What a login stores is queued for the trusted audit
    (``audit``: the queue's table exists), which recomputes the values themselves
    (console/services/sla_audit.py). A case appears once in a batch."""
    from console.services.dbguards.rules import DEADLINE_EVENTS
    from console.services.dbguards.sql_audit import queue_select_sql

    moving = _sql_list(DEADLINE_EVENTS)
    queue = (
        "IF r <> 'owner' THEN\n        "
        f"{queue_select_sql('SELECT u.id FROM pg_catalog.unnest(ids) AS u(id)')};\n"
        "    END IF;"
        if audit
        else ""
    )
    return f"""
CREATE OR REPLACE FUNCTION public.hotline_store_deadlines_batch(batch jsonb)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
    r text := public.hotline_role();
    ids integer[];
    refused boolean;
    bad integer;
    stored integer;
BEGIN
    IF r IS NULL THEN
        RAISE EXCEPTION 'no active console account for database user %', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT coalesce(pg_catalog.array_agg(x.case_id), '{{}}') INTO ids
        FROM pg_catalog.jsonb_to_recordset(batch) AS x(case_id integer);
    IF pg_catalog.cardinality(ids) = 0 THEN
        RETURN 0;
    END IF;
    -- the caller's own row filter on cases, evaluated for the session's account
    SELECT true, u.id INTO refused, bad FROM pg_catalog.unnest(ids) AS u(id)
        WHERE NOT EXISTS (SELECT 1 FROM public.cases
                          WHERE cases.id = u.id AND ({_CASES_SEE}))
        LIMIT 1;
    IF refused THEN
        RAISE EXCEPTION 'no case %', bad USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (SELECT pg_catalog.count(DISTINCT u.id) FROM pg_catalog.unnest(ids) AS u(id))
       <> pg_catalog.cardinality(ids) THEN
        RAISE EXCEPTION 'a case appears once in a batch of deadlines'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM 1 FROM public.cases c WHERE c.id = ANY (ids) ORDER BY c.id FOR UPDATE;
    IF r NOT IN ('owner', 'admin') THEN
        SELECT x.case_id INTO bad
        FROM pg_catalog.jsonb_to_recordset(batch) AS x(case_id integer, rows jsonb)
        WHERE EXISTS (
            SELECT 1 FROM public.case_deadlines o
            LEFT JOIN pg_catalog.jsonb_to_recordset(x.rows)
                AS n(milestone_code text, due_at timestamptz)
                ON n.milestone_code = o.milestone_code
            WHERE o.case_id = x.case_id
              AND o.due_at IS NOT NULL AND o.met_at IS NULL
              AND (n.milestone_code IS NULL OR n.due_at IS NULL OR n.due_at > o.due_at))
          AND NOT EXISTS (
            SELECT 1 FROM public.case_events e
            WHERE e.case_id = x.case_id AND e.kind IN ({moving})
              AND (e.at = pg_catalog.now()
                   OR (e.detail::jsonb->>'stored_at')::timestamptz = pg_catalog.now()))
        LIMIT 1;
        IF bad IS NOT NULL THEN
            RAISE EXCEPTION 'a deadline of case % moves later only by an event of its history',
                bad USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    DELETE FROM public.case_deadlines d WHERE d.case_id = ANY (ids);
    INSERT INTO public.case_deadlines AS d (case_id, milestone_code, seq, limit_unit,
        start_at, original_due_at, due_at, met_at, paused, verified)
    SELECT x.case_id, n.milestone_code, n.seq, n.limit_unit,
        n.start_at, n.original_due_at, n.due_at, n.met_at, coalesce(n.paused, false),
        coalesce(n.verified, true)
    FROM pg_catalog.jsonb_to_recordset(batch) AS x(case_id integer, rows jsonb)
    CROSS JOIN LATERAL pg_catalog.jsonb_to_recordset(x.rows) AS n(milestone_code text,
        seq integer, limit_unit text, start_at timestamptz, original_due_at timestamptz,
        due_at timestamptz, met_at timestamptz, paused boolean, verified boolean);
    GET DIAGNOSTICS stored = ROW_COUNT;
    {queue}
    RETURN stored;
END $fn$;

-- one case: the batch of one (the same checks, one text of them)
CREATE OR REPLACE FUNCTION public.hotline_store_deadlines(case_id integer, deadlines jsonb)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
    RETURN public.hotline_store_deadlines_batch(pg_catalog.jsonb_build_array(
        pg_catalog.jsonb_build_object('case_id', hotline_store_deadlines.case_id,
                                      'rows', deadlines)));
END $fn$;

-- at commit: the deadlines a case shows in the queues are those of its milestones (read
-- with the owner's rights: by key, without the row filters' cost; it only refuses)
CREATE OR REPLACE FUNCTION public.cases_due_checked() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
    nxt timestamptz;
    fin timestamptz;
BEGIN
    IF public.hotline_role() = 'owner' THEN
        RETURN NULL;
    END IF;
    SELECT c.next_due_at, c.final_due_at INTO nxt, fin FROM public.cases c
        WHERE c.id = NEW.id;
    IF (nxt IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM public.case_deadlines d WHERE d.case_id = NEW.id AND d.due_at = nxt))
       OR fin IS DISTINCT FROM (SELECT d.due_at FROM public.case_deadlines d
                                WHERE d.case_id = NEW.id ORDER BY d.seq DESC LIMIT 1) THEN
        RAISE EXCEPTION 'case % shows a deadline none of its milestones has', NEW.number
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
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
    f"CASE WHEN (SELECT public.hotline_role()) IN ({_sql_list(('owner', *SEE_ALL))}) "
    "THEN true WHEN (SELECT public.hotline_role()) = 'unit' THEN (cases.unit_id = "
    "(SELECT public.hotline_unit_id()) OR cases.id IN (SELECT public.hotline_co_handled()) "
    "OR (cases.status = 'returned' AND cases.unit_id IS NULL "
    "AND cases.returned_by_unit_id = (SELECT public.hotline_unit_id()))) ELSE false END"
)
