"""The deadline audit's queue (SQL text): the database records every case whose
deadlines or policy a login wrote; the trusted worker (console/services/sla_audit.py,
under the schema owner) recomputes them with the one SLA engine. No login reads or
writes the queue, nor calls its function."""

from __future__ import annotations

from sqlalchemy import Connection

from console.domain.casetypes import EventKind

#: the queue (migration 0017): case id, time queued
AUDIT_TABLE = "deadline_audit"

#: the columns of ``cases`` whose change by a login queues the case: the policy, the
#: fields that choose it, and the copy of the deadlines the queues show
AUDITED_COLUMNS: tuple[str, ...] = (
    "sla_policy_id", "case_type", "sub_type", "class_code", "urgency", "channel_code",
    "next_milestone", "next_due_at", "next_limit_unit", "next_warn_at", "next_critical_at",
    "final_due_at", "sla_paused", "sla_unverified",
)  # fmt: skip


def queue_select_sql(case_ids: str) -> str:
    """The statement that queues the cases ``case_ids`` (an SQL query of one column)
    selects, each once."""
    return (
        f"INSERT INTO public.{AUDIT_TABLE} AS q (case_id, queued_at) "
        f"SELECT s.id, pg_catalog.now() FROM ({case_ids}) AS s(id) "
        f"ON CONFLICT ON CONSTRAINT pk_{AUDIT_TABLE} DO NOTHING"
    )


def queue_sql(case_id: str) -> str:
    """The statement that queues ``case_id`` (an SQL expression), once."""
    return queue_select_sql(f"SELECT {case_id}")


_QUEUE_FUNCTION = f"""
-- a login created a case, or changed its policy, the fields that choose it or the
-- deadlines it shows: the audit recomputes it (owner's rights: logins cannot write the
-- queue themselves)
CREATE OR REPLACE FUNCTION public.cases_audit_queue() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
    IF public.hotline_role() IS DISTINCT FROM 'owner' THEN
        {queue_sql("NEW.id")};
    END IF;
    RETURN NULL;
END $fn$;
"""


_CREATED_FUNCTION = f"""
-- at commit: a case a login created has its '{EventKind.CREATED}' event, the start of its
-- clocks (a case inserted by hand without one would have no deadline the audit could
-- recompute, and never breach)
CREATE OR REPLACE FUNCTION public.cases_created_checked() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
BEGIN
    IF public.hotline_role() IS DISTINCT FROM 'owner' AND NOT EXISTS (
            SELECT 1 FROM public.case_events e
            WHERE e.case_id = NEW.id AND e.kind = '{EventKind.CREATED}') THEN
        RAISE EXCEPTION 'case % was created without its history''s first event', NEW.number
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END $fn$;
"""


def install_queue(conn: Connection, not_superuser: str) -> None:
    """The queue's function and triggers on ``cases``, and the queue closed to logins
    (row-level security with no policy, on top of no grant)."""
    cur = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cur.execute(_QUEUE_FUNCTION)
        cur.execute(_CREATED_FUNCTION)
    finally:
        cur.close()
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS cases_created_checked ON public.cases")
    conn.exec_driver_sql(
        "CREATE CONSTRAINT TRIGGER cases_created_checked AFTER INSERT ON public.cases "
        f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ({not_superuser}) "
        "EXECUTE FUNCTION public.cases_created_checked()"
    )
    changed = (
        "("
        + ", ".join(f"NEW.{c}" for c in AUDITED_COLUMNS)
        + ") IS DISTINCT FROM ("
        + ", ".join(f"OLD.{c}" for c in AUDITED_COLUMNS)
        + ")"
    )
    for trigger, when, condition in (
        ("cases_audit_queue", "AFTER INSERT", "true"),
        ("cases_audit_queue_update", f"AFTER UPDATE OF {', '.join(AUDITED_COLUMNS)}", changed),
    ):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger} ON public.cases")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {trigger} {when} ON public.cases FOR EACH ROW "
            f"WHEN ({not_superuser} AND {condition}) "
            "EXECUTE FUNCTION public.cases_audit_queue()"
        )
    conn.exec_driver_sql(f"ALTER TABLE public.{AUDIT_TABLE} ENABLE ROW LEVEL SECURITY")


def uninstall_queue(conn: Connection) -> None:
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS cases_created_checked ON public.cases")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS public.cases_created_checked()")
    for trigger in ("cases_audit_queue", "cases_audit_queue_update"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger} ON public.cases")
    conn.exec_driver_sql("DROP FUNCTION IF EXISTS public.cases_audit_queue()")
