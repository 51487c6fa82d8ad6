"""database roles grants row level security

The rules of "who may do what" that the database itself enforces (PostgreSQL only; on
SQLite only the side table is created, the console's own checks apply):

- ``hotline_role()`` / ``hotline_agent_id()``: the signed-in database login mapped to its
  agents row (agents.username = the login role's name). The schema owner (and a
  superuser) is ``'owner'``: administrators, migrations and benchmarks are not limited.
- A trigger on ``cases`` refuses, for agents and unit users, any change of holder other
  than claiming an unassigned case for oneself or giving one's own case back, and a case
  created in someone else's name: only supervisors and administrators (re)assign.
- A trigger moves a confidential caller's name and phone out of ``cases`` into
  ``case_confidential_callers``, which only supervisors and administrators may read
  (grants from ``python main.py db roles`` plus row-level security here).
- Row-level security on ``cases`` shows a handling unit's users only their unit's cases
  (lead or co-handling), and on ``case_events`` only those cases' history; everyone
  else sees every case.

Group roles, login roles and GRANTs are cluster objects and live in
``console/services/dbroles.py`` (``python main.py db roles``); nothing here depends on their names.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FUNCTIONS = """
CREATE FUNCTION hotline_role() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT CASE
        WHEN current_setting('is_superuser') = 'on' THEN 'owner'
        WHEN pg_has_role(current_user,
                         (SELECT relowner FROM pg_class WHERE oid = 'public.cases'::regclass),
                         'MEMBER') THEN 'owner'
        ELSE (SELECT a.role FROM public.agents a
              WHERE a.username = current_user AND a.active LIMIT 1)
    END
$$;

CREATE FUNCTION hotline_agent_id() RETURNS integer
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT a.id FROM public.agents a WHERE a.username = current_user AND a.active LIMIT 1
$$;

CREATE FUNCTION hotline_unit_id() RETURNS integer
LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $$
    SELECT a.unit_id FROM public.agents a WHERE a.username = current_user AND a.active LIMIT 1
$$;

CREATE FUNCTION cases_guard_holder() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
DECLARE
    r text;
    me integer;
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.assignee_id IS NOT DISTINCT FROM OLD.assignee_id THEN
        RETURN NEW;  -- the common case: nothing about who holds it changes
    END IF;
    IF current_setting('is_superuser') = 'on' THEN
        RETURN NEW;  -- administrators, migrations, benchmarks (a read-only setting)
    END IF;
    r := hotline_role();
    IF r IN ('owner', 'supervisor', 'admin') THEN
        RETURN NEW;
    END IF;
    IF r IS NULL THEN
        RAISE EXCEPTION 'no active console account for database user %', current_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    me := hotline_agent_id();
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
        RETURN NEW;  -- claim an unassigned case, or give one's own back
    END IF;
    RAISE EXCEPTION 'only a supervisor reassigns cases (case %)', OLD.number
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE FUNCTION cases_hide_confidential_caller() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
    IF NEW.caller_confidential
       AND (coalesce(NEW.caller_name, '') <> '' OR coalesce(NEW.caller_phone, '') <> '') THEN
        INSERT INTO case_confidential_callers AS c
            (case_id, caller_name, caller_phone, recorded_at)
        VALUES (NEW.id, coalesce(NEW.caller_name, ''), coalesce(NEW.caller_phone, ''), now())
        ON CONFLICT (case_id) DO UPDATE SET
            caller_name = coalesce(nullif(EXCLUDED.caller_name, ''), c.caller_name),
            caller_phone = coalesce(nullif(EXCLUDED.caller_phone, ''), c.caller_phone),
            recorded_at = now();
        NEW.caller_name := '';
        NEW.caller_phone := '';
    END IF;
    RETURN NEW;
END $$;
"""

# a unit's users see the cases their unit leads or co-handles; everyone else, all cases
_UNIT_SEES = """
    (SELECT hotline_role()) IS DISTINCT FROM 'unit'
    OR unit_id = (SELECT hotline_unit_id())
    OR id IN (SELECT cu.case_id FROM case_co_units cu
              WHERE cu.unit_id = (SELECT hotline_unit_id()))
"""


def upgrade() -> None:
    op.create_table(
        "case_confidential_callers",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("caller_name", sa.String(length=64), nullable=False),
        sa.Column("caller_phone", sa.String(length=32), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.id"],
            name=op.f("fk_case_confidential_callers_case_id_cases"),
            deferrable=True,
            initially="DEFERRED",
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_confidential_callers")),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(_FUNCTIONS)
    # WHEN clauses keep the functions out of the common paths (bulk loads by the owner,
    # updates that do not change the holder, callers who are not confidential)
    op.execute(
        "CREATE TRIGGER cases_guard_holder_insert BEFORE INSERT ON cases FOR EACH ROW "
        "WHEN (current_setting('is_superuser') <> 'on') "
        "EXECUTE FUNCTION cases_guard_holder()"
    )
    op.execute(
        "CREATE TRIGGER cases_guard_holder_update BEFORE UPDATE OF assignee_id ON cases "
        "FOR EACH ROW WHEN (OLD.assignee_id IS DISTINCT FROM NEW.assignee_id) "
        "EXECUTE FUNCTION cases_guard_holder()"
    )
    op.execute(
        "CREATE TRIGGER cases_hide_confidential BEFORE INSERT OR UPDATE ON cases FOR EACH ROW "
        "WHEN (NEW.caller_confidential AND (NEW.caller_name <> '' OR NEW.caller_phone <> '')) "
        "EXECUTE FUNCTION cases_hide_confidential_caller()"
    )
    # confidential callers already stored: move them (the trigger does it on UPDATE)
    op.execute(
        "UPDATE cases SET caller_confidential = true WHERE caller_confidential "
        "AND (caller_name <> '' OR caller_phone <> '')"
    )
    op.execute("ALTER TABLE case_confidential_callers ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY confidential_callers_read ON case_confidential_callers FOR SELECT "
        "USING ((SELECT hotline_role()) IN ('supervisor', 'admin', 'owner'))"
    )
    op.execute("ALTER TABLE cases ENABLE ROW LEVEL SECURITY")
    op.execute(f"CREATE POLICY cases_read ON cases FOR SELECT USING ({_UNIT_SEES})")
    op.execute("CREATE POLICY cases_insert ON cases FOR INSERT WITH CHECK (true)")
    op.execute(
        f"CREATE POLICY cases_update ON cases FOR UPDATE USING ({_UNIT_SEES}) WITH CHECK (true)"
    )
    # a case's history follows the case: a unit's users read the history of the cases
    # they see (the EXISTS runs under their own row-level security on cases)
    op.execute("ALTER TABLE case_events ENABLE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY case_events_read ON case_events FOR SELECT USING ("
        "(SELECT hotline_role()) IS DISTINCT FROM 'unit' "
        "OR EXISTS (SELECT 1 FROM cases c WHERE c.id = case_events.case_id))"
    )
    op.execute("CREATE POLICY case_events_insert ON case_events FOR INSERT WITH CHECK (true)")
    # history is evidence: nobody but the owner may empty it either (TRUNCATE skips the
    # row trigger); PUBLIC holds nothing here by default, this states it
    op.execute("REVOKE UPDATE, DELETE, TRUNCATE ON case_events FROM PUBLIC")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for policy in ("cases_read", "cases_insert", "cases_update"):
            op.execute(f"DROP POLICY IF EXISTS {policy} ON cases")
        op.execute("ALTER TABLE cases DISABLE ROW LEVEL SECURITY")
        op.execute("DROP POLICY IF EXISTS confidential_callers_read ON case_confidential_callers")
        op.execute("DROP POLICY IF EXISTS case_events_read ON case_events")
        op.execute("DROP POLICY IF EXISTS case_events_insert ON case_events")
        op.execute("ALTER TABLE case_events DISABLE ROW LEVEL SECURITY")
        op.execute("DROP TRIGGER IF EXISTS cases_hide_confidential ON cases")
        op.execute("DROP TRIGGER IF EXISTS cases_guard_holder_update ON cases")
        op.execute("DROP TRIGGER IF EXISTS cases_guard_holder_insert ON cases")
        # give the confidential callers back to their cases before the table goes
        op.execute(
            "UPDATE cases SET caller_name = c.caller_name, caller_phone = c.caller_phone "
            "FROM case_confidential_callers c WHERE c.case_id = cases.id"
        )
        for fn in (
            "cases_hide_confidential_caller()",
            "cases_guard_holder()",
            "hotline_unit_id()",
            "hotline_agent_id()",
            "hotline_role()",
        ):
            op.execute(f"DROP FUNCTION IF EXISTS {fn}")
    op.drop_table("case_confidential_callers")
