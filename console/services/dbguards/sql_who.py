"""The functions that say who a session is, and the confidential callers' and
holders' guards (SQL text)."""

from __future__ import annotations

#: the session's account as one row (role, agent_id, unit_id, display_name): a
#: superuser and a member of the schema owner's role are ``'owner'``, anyone else has the
#: role of its active ``agents`` row (``session_user``: a ``SET ROLE`` or a SECURITY
#: DEFINER frame does not change it), and no row of it is NULL. The one text of who a
#: session is: ``hotline_role()``, ``hotline_agent_id()`` and ``hotline_unit_id()`` read
#: their column of it, and the triggers that need several columns read it once
#: (``WHO_INTO``), never from anything the client can set (no GUC, no table of its own)
WHO_ROW = """(SELECT CASE
        WHEN pg_catalog.current_setting('is_superuser') OPERATOR(pg_catalog.=) 'on'
            THEN 'owner'
        WHEN pg_catalog.pg_has_role(session_user, o.relowner, 'MEMBER') THEN 'owner'
        ELSE a.role::pg_catalog.text END AS role,
        a.id AS agent_id, a.unit_id AS unit_id,
        a.display_name::pg_catalog.text AS display_name
    FROM pg_catalog.pg_class o
    LEFT JOIN public.agents a
        ON a.username OPERATOR(pg_catalog.=) session_user AND a.active
    WHERE o.oid OPERATOR(pg_catalog.=) 'public.cases'::pg_catalog.regclass)"""

#: a trigger's one read of who the session is, into its variables ``r`` (role), ``me``
#: (agent id), ``my_unit`` and ``my_name`` (declared by the trigger)
WHO_INTO = (
    "SELECT w.role, w.agent_id, w.unit_id, w.display_name INTO r, me, my_unit, my_name "
    f"FROM {WHO_ROW} w"
)

_WHO = f"""
-- invoker functions, every name qualified (logins can create nothing anywhere: no CREATE
-- on any schema, no TEMP, so nothing can shadow a name in them). PL/pgSQL, not SQL: a
-- SQL function whose body reads a table is never inlined, and was parsed and planned
-- again at every statement calling it (each row filter, each trigger); PL/pgSQL keeps
-- its plan for the session, and the pinned search_path keeps that plan valid whatever
-- search_path the calling statement runs under (a trigger's or the session's). Nothing
-- is cached but the plan: every call reads the account again
CREATE OR REPLACE FUNCTION public.hotline_role() RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN (SELECT w.role FROM {WHO_ROW} w);
END $$;

CREATE OR REPLACE FUNCTION public.hotline_agent_id() RETURNS integer
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN (SELECT w.agent_id FROM {WHO_ROW} w);
END $$;

CREATE OR REPLACE FUNCTION public.hotline_unit_id() RETURNS integer
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN (SELECT w.unit_id FROM {WHO_ROW} w);
END $$;

-- the cases a unit co-handles: read with the owner's rights (the row filter on
-- case_co_units itself refers to cases; this breaks the circle); PL/pgSQL for the same
-- reason (a plan kept, not made again at every statement)
CREATE OR REPLACE FUNCTION public.hotline_co_handled() RETURNS SETOF integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN QUERY SELECT cu.case_id FROM public.case_co_units cu
        WHERE cu.unit_id = (SELECT w.unit_id FROM {WHO_ROW} w);
END $$;

-- under the caller's own row-level security on cases: true if the caller sees the case
CREATE OR REPLACE FUNCTION public.hotline_sees_case(case_id integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM public.cases c WHERE c.id = hotline_sees_case.case_id)
$$;
"""

_HOLDER_AND_CONFIDENTIAL = f"""
CREATE OR REPLACE FUNCTION public.cases_guard_holder() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r text;
    me integer;
    my_unit integer;
    my_name text;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.assignee_id IS NOT DISTINCT FROM OLD.assignee_id THEN
        RETURN NEW;
    END IF;
    IF pg_catalog.current_setting('is_superuser') = 'on' THEN
        RETURN NEW;
    END IF;
    {WHO_INTO};
    IF r IN ('owner', 'supervisor', 'admin') THEN
        RETURN NEW;
    END IF;
    IF r IS NULL THEN
        RAISE EXCEPTION 'no active console account for database user %', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
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
                   '', '{{"changes": {{"caller_identity": ["(confidential)",
                                     "(confidential)"]}}}}'::json
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
#: how long before its station's last contact (with an empty outbox) a replayed case
#: may have been answered: a call and its entry in progress when the link dropped
MAX_ENTRY = "2 hours"


#: the columns of ``cases`` an edit changes (the intake form's fields)
CONTENT_COLUMNS: tuple[str, ...] = (
    "channel_code", "case_type", "sub_type", "class_code", "category_id", "district_id",
    "town_id", "address", "caller_name", "caller_phone", "caller_anonymous",
    "caller_confidential", "enterprise_name", "credit_code", "title", "description",
    "answer", "urgency",
)  # fmt: skip
