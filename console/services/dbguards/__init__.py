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
- **Deadlines.** Logins cannot write ``case_deadlines``: the console hands a case's
  recomputed deadlines to ``hotline_store_deadlines`` (owner's rights, the caller's row
  filter), which refuses an open deadline moved later unless the same transaction
  records an event the SLA reads (:data:`rules.DEADLINE_EVENTS`, rendered from
  ``console.domain.sla``) or an administrator recomputes; at commit a case's
  ``next_due_at`` is one of its milestones' deadlines and ``final_due_at`` its last.
- **Audit.** Deadlines a login stores are only as good as its arithmetic: every case a
  login stores deadlines for, creates, or whose policy, policy-choosing fields or shown
  deadlines it changes is queued in ``deadline_audit`` (no login reads or writes it);
  the trusted worker recomputes it with the one SLA engine and corrects what differs
  (``console/services/sla_audit.py``, event ``deadline_corrected``, which no login
  records).
- **Stations.** ``hotline_station_contact`` stamps a workstation's last contact with an
  empty outbox (the database's clock); a replayed case was answered at most
  ``MAX_ENTRY`` before it. Counters are started only for a registered station and a
  day its cases can carry.
- **This wave's tables.** :data:`rules.OWN_ROWS` (written in one's own name),
  :data:`rules.READ_THROUGH` (read through another guarded table), the call log's guard;
  the exchange service's account (role :data:`SERVICE`) sees every case and records a
  case's creation, its dispatch and the units' steps only.
- **Status.** A status change by a login must be a row of ``lifecycle_transitions``
  (from, to, role), rendered from ``console.domain.lifecycle`` by
  :func:`transition_rows` — one source, not a second copy written in SQL. An agent
  changes the status of a received case only if it holds it or nobody does; a unit's
  users only of the cases their unit leads.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, text

from console.services.dbguards.rules import (
    CASE_TABLES,
    CENTRE,
    EXECUTE_GRANTS,
    OWN_ROWS,
    READ_THROUGH,
    SEE_ALL,
    SERVICE,
    STAFF,
    _sql_list,
    transition_rows,
)
from console.services.dbguards.sql_audit import AUDIT_TABLE, install_queue, uninstall_queue
from console.services.dbguards.sql_guards import _guards_sql
from console.services.dbguards.sql_rls import (
    _CASES_SEE,
    _FUNCTIONS,
    _NOT_SUPERUSER,
    _TRIGGERS,
    _WHEN,
    _refresh_facts_sql,
    _sees,
    _store_deadlines_sql,
)
from console.services.dbguards.sql_who import _HOLDER_AND_CONFIDENTIAL, _WHO

__all__ = [
    "CASE_TABLES",
    "CENTRE",
    "EXECUTE_GRANTS",
    "OWN_ROWS",
    "READ_THROUGH",
    "SERVICE",
    "STAFF",
    "grant_execute",
    "install",
    "sync_transitions",
    "transition_rows",
    "uninstall",
]


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
    audit = AUDIT_TABLE in tables  # migration 0017's queue
    _script(conn, _store_deadlines_sql(audit))
    if audit:
        install_queue(conn, _NOT_SUPERUSER)
    for name, table, when, fn in _TRIGGERS:
        if table not in tables:
            continue
        condition = f"{_NOT_SUPERUSER} AND {_WHEN[name]}" if name in _WHEN else _NOT_SUPERUSER
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON public.{table}")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {name} {when} ON public.{table} FOR EACH ROW "
            f"WHEN ({condition}) EXECUTE FUNCTION public.{fn}()"
        )
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS case_deadlines_kept ON public.case_deadlines")
    conn.exec_driver_sql(
        "CREATE CONSTRAINT TRIGGER case_deadlines_kept AFTER DELETE ON public.case_deadlines "
        "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
        f"WHEN ({_NOT_SUPERUSER}) EXECUTE FUNCTION public.case_deadlines_kept()"
    )
    # checked at commit, only when a login sets them (to another value)
    changed = (
        "(NEW.next_due_at IS DISTINCT FROM OLD.next_due_at "
        "OR NEW.final_due_at IS DISTINCT FROM OLD.final_due_at)"
    )
    for trigger, when, condition in (
        (
            "cases_due_checked",
            "AFTER INSERT",
            "num_nonnulls(NEW.next_due_at, NEW.final_due_at) > 0",
        ),
        ("cases_due_checked_update", "AFTER UPDATE OF next_due_at, final_due_at", changed),
    ):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger} ON public.cases")
        conn.exec_driver_sql(
            f"CREATE CONSTRAINT TRIGGER {trigger} {when} ON public.cases "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
            f"WHEN ({_NOT_SUPERUSER} AND {condition}) "
            "EXECUTE FUNCTION public.cases_due_checked()"
        )
    # row-level security, failing closed, on cases and on every table of a case's data
    for policy in ("cases_read", "cases_insert", "cases_update"):
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS {policy} ON public.cases")
    conn.exec_driver_sql(
        f"CREATE POLICY cases_read ON public.cases FOR SELECT USING ({_CASES_SEE})"
    )
    everyone = _sql_list(("owner", *SEE_ALL))
    conn.exec_driver_sql(
        "CREATE POLICY cases_insert ON public.cases FOR INSERT WITH CHECK "
        f"((SELECT public.hotline_role()) IN ({everyone}))"
    )
    # a unit returning a case (退单) keeps seeing it until it is re-dispatched
    # (returned_by_unit_id, set by the guard): the new row passes the filter of a reader
    conn.exec_driver_sql(
        f"CREATE POLICY cases_update ON public.cases FOR UPDATE USING ({_CASES_SEE}) "
        f"WITH CHECK ({_CASES_SEE})"
    )
    conn.exec_driver_sql("DROP POLICY IF EXISTS case_events_read ON public.case_events")
    conn.exec_driver_sql("DROP POLICY IF EXISTS case_events_insert ON public.case_events")
    for table, column in CASE_TABLES.items():
        if table not in tables:
            continue
        conn.exec_driver_sql(f"ALTER TABLE public.{table} ENABLE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS case_rows ON public.{table}")
        sees = _sees(everyone, column, table)
        conn.exec_driver_sql(
            f"CREATE POLICY case_rows ON public.{table} FOR ALL USING ({sees}) WITH CHECK ({sees})"
        )
    for table, condition in READ_THROUGH.items():
        if table not in tables:
            continue
        conn.exec_driver_sql(f"ALTER TABLE public.{table} ENABLE ROW LEVEL SECURITY")
        conn.exec_driver_sql(f"DROP POLICY IF EXISTS case_rows ON public.{table}")
        sees = (
            f"CASE WHEN (SELECT public.hotline_role()) IN ({everyone}) THEN true "
            f"WHEN (SELECT public.hotline_role()) = 'unit' THEN {condition} ELSE false END"
        )
        conn.exec_driver_sql(f"CREATE POLICY case_rows ON public.{table} FOR ALL USING ({sees})")
    # rows written in one's own name only (the owner excepted); readable by any account
    for table, column in OWN_ROWS.items():
        if table not in tables:
            continue
        conn.exec_driver_sql(f"ALTER TABLE public.{table} ENABLE ROW LEVEL SECURITY")
        mine = (
            f"((SELECT public.hotline_role()) = 'owner' "
            f"OR {table}.{column} = (SELECT public.hotline_agent_id()))"
        )
        for policy in ("own_rows_read", "own_rows_insert", "own_rows_update", "own_rows_delete"):
            conn.exec_driver_sql(f"DROP POLICY IF EXISTS {policy} ON public.{table}")
        if table not in CASE_TABLES:
            conn.exec_driver_sql(
                f"CREATE POLICY own_rows_read ON public.{table} FOR ALL "
                "USING ((SELECT public.hotline_role()) IS NOT NULL)"
            )
        conn.exec_driver_sql(
            f"CREATE POLICY own_rows_insert ON public.{table} AS RESTRICTIVE FOR INSERT "
            f"WITH CHECK {mine}"
        )
        conn.exec_driver_sql(
            f"CREATE POLICY own_rows_update ON public.{table} AS RESTRICTIVE FOR UPDATE "
            f"USING {mine} WITH CHECK {mine}"
        )
        conn.exec_driver_sql(
            f"CREATE POLICY own_rows_delete ON public.{table} AS RESTRICTIVE FOR DELETE "
            f"USING {mine}"
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
    uninstall_queue(conn)
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS case_deadlines_kept ON public.case_deadlines")
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS cases_due_checked ON public.cases")
    conn.exec_driver_sql("DROP TRIGGER IF EXISTS cases_due_checked_update ON public.cases")
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
    (``group_of``: console role or :data:`SERVICE` -> group role name, already quoted)."""
    for fn, roles in EXECUTE_GRANTS.items():
        for role in group_of:
            verb = "GRANT" if role in roles else "REVOKE"
            prep = "TO" if verb == "GRANT" else "FROM"
            conn.exec_driver_sql(f"{verb} EXECUTE ON FUNCTION public.{fn} {prep} {group_of[role]}")
