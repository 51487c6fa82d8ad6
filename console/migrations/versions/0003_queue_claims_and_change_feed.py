"""queue claims and change feed

Revision ID: 0003
Revises: 0002

The change feed (``case_changes``) is filled by triggers on ``cases`` and on
``agent_presence``, so no service has to remember to publish. On PostgreSQL the case
triggers are statement-level with a transition table (one INSERT … SELECT and one
NOTIFY per statement, cheap for bulk COPY) and notify channel ``case_changes``.
Indexes for the queue views and for claiming (partial indexes on the open and the
unassigned cases).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN_SQL = "status IN ('received','dispatched','accepted','in_progress','replied','returned')"
UNASSIGNED_OPEN_SQL = f"{OPEN_SQL} AND assignee_id IS NULL"
CALLBACK_SQL = "status = 'closed' AND case_type = 'demand'"
NOTIFY_CHANNEL = "case_changes"
# SQLite: the text form UtcDateTime stores (naive UTC, microseconds)
SQLITE_NOW = "strftime('%Y-%m-%d %H:%M:%f','now') || '000'"

PARTIAL_INDEXES = (
    ("ix_cases_unassigned_due", ["next_due_at", "id"], UNASSIGNED_OPEN_SQL),
    ("ix_cases_unassigned_class_due", ["class_code", "next_due_at", "id"], UNASSIGNED_OPEN_SQL),
    ("ix_cases_open_received", ["received_at", "id"], OPEN_SQL),
    ("ix_cases_callback_due", ["next_due_at", "id"], CALLBACK_SQL),
)
PLAIN_INDEXES = (
    ("ix_cases_due_id", ["next_due_at", "id"]),
    ("ix_cases_received_id", ["received_at", "id"]),
)


def upgrade() -> None:
    op.create_table(
        "case_changes",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_case_changes")),
    )
    with op.batch_alter_table("case_changes", schema=None) as batch_op:
        batch_op.create_index("ix_case_changes_at", ["at"], unique=False)

    op.create_table(
        "agent_presence",
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("station", sa.String(length=3), nullable=False),
        sa.Column("signed_in_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("case_opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name=op.f("fk_agent_presence_agent_id_agents")
        ),
        sa.PrimaryKeyConstraint("agent_id", "station", name=op.f("pk_agent_presence")),
    )
    with op.batch_alter_table("agent_presence", schema=None) as batch_op:
        batch_op.create_index("ix_agent_presence_case_id", ["case_id"], unique=False)

    op.create_table(
        "saved_filters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("view", sa.String(length=32), nullable=False),
        sa.Column("criteria", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name=op.f("fk_saved_filters_agent_id_agents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_filters")),
        sa.UniqueConstraint("agent_id", "name", name=op.f("uq_saved_filters_agent_id_name")),
    )
    op.create_table(
        "agent_preferences",
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name=op.f("fk_agent_preferences_agent_id_agents")
        ),
        sa.PrimaryKeyConstraint("agent_id", "key", name=op.f("pk_agent_preferences")),
    )

    with op.batch_alter_table("cases", schema=None) as batch_op:
        for name, cols, where in PARTIAL_INDEXES:
            batch_op.create_index(
                name,
                cols,
                unique=False,
                postgresql_where=sa.text(where),
                sqlite_where=sa.text(where),
            )
        for name, cols in PLAIN_INDEXES:
            batch_op.create_index(name, cols, unique=False)

    _create_triggers()


def _create_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"""
            CREATE FUNCTION case_changes_capture() RETURNS trigger
            LANGUAGE plpgsql AS $$
            DECLARE
                n integer;
                ids text;
            BEGIN
                INSERT INTO case_changes (case_id, kind, at)
                    SELECT id, TG_ARGV[0], now() FROM new_rows ORDER BY id;
                GET DIAGNOSTICS n = ROW_COUNT;
                IF n = 0 THEN
                    RETURN NULL;
                END IF;
                IF n <= 50 THEN
                    SELECT string_agg(id::text, ',') INTO ids FROM new_rows;
                ELSE
                    ids := '*';
                END IF;
                PERFORM pg_notify('{NOTIFY_CHANNEL}', ids);
                RETURN NULL;
            END $$;
            """
        )
        for op_name, kind in (("INSERT", "insert"), ("UPDATE", "update")):
            op.execute(
                f"CREATE TRIGGER cases_feed_{kind} AFTER {op_name} ON cases "
                "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
                f"EXECUTE FUNCTION case_changes_capture('{kind}')"
            )
        op.execute(
            f"""
            CREATE FUNCTION presence_changes_capture() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP <> 'INSERT' AND OLD.case_id IS NOT NULL
                   AND (TG_OP = 'DELETE' OR OLD.case_id IS DISTINCT FROM NEW.case_id) THEN
                    INSERT INTO case_changes (case_id, kind, at)
                        VALUES (OLD.case_id, 'presence', now());
                    PERFORM pg_notify('{NOTIFY_CHANNEL}', OLD.case_id::text);
                END IF;
                IF TG_OP <> 'DELETE' AND NEW.case_id IS NOT NULL
                   AND (TG_OP = 'INSERT' OR OLD.case_id IS DISTINCT FROM NEW.case_id) THEN
                    INSERT INTO case_changes (case_id, kind, at)
                        VALUES (NEW.case_id, 'presence', now());
                    PERFORM pg_notify('{NOTIFY_CHANNEL}', NEW.case_id::text);
                END IF;
                RETURN NULL;
            END $$;
            """
        )
        op.execute(
            "CREATE TRIGGER agent_presence_feed AFTER INSERT OR UPDATE OR DELETE "
            "ON agent_presence FOR EACH ROW EXECUTE FUNCTION presence_changes_capture()"
        )
    else:
        for op_name, kind in (("INSERT", "insert"), ("UPDATE", "update")):
            op.execute(
                f"CREATE TRIGGER cases_feed_{kind} AFTER {op_name} ON cases BEGIN "
                f"INSERT INTO case_changes (case_id, kind, at) "
                f"VALUES (NEW.id, '{kind}', {SQLITE_NOW}); END"
            )
        op.execute(
            "CREATE TRIGGER agent_presence_feed_insert AFTER INSERT ON agent_presence "
            "WHEN NEW.case_id IS NOT NULL BEGIN "
            f"INSERT INTO case_changes (case_id, kind, at) "
            f"VALUES (NEW.case_id, 'presence', {SQLITE_NOW}); END"
        )
        op.execute(
            "CREATE TRIGGER agent_presence_feed_update AFTER UPDATE ON agent_presence "
            "WHEN OLD.case_id IS NOT NEW.case_id BEGIN "
            f"INSERT INTO case_changes (case_id, kind, at) SELECT OLD.case_id, 'presence', "
            f"{SQLITE_NOW} WHERE OLD.case_id IS NOT NULL; "
            f"INSERT INTO case_changes (case_id, kind, at) SELECT NEW.case_id, 'presence', "
            f"{SQLITE_NOW} WHERE NEW.case_id IS NOT NULL; END"
        )
        op.execute(
            "CREATE TRIGGER agent_presence_feed_delete AFTER DELETE ON agent_presence "
            "WHEN OLD.case_id IS NOT NULL BEGIN "
            f"INSERT INTO case_changes (case_id, kind, at) "
            f"VALUES (OLD.case_id, 'presence', {SQLITE_NOW}); END"
        )


def _drop_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS cases_feed_insert ON cases")
        op.execute("DROP TRIGGER IF EXISTS cases_feed_update ON cases")
        op.execute("DROP TRIGGER IF EXISTS agent_presence_feed ON agent_presence")
        op.execute("DROP FUNCTION IF EXISTS case_changes_capture()")
        op.execute("DROP FUNCTION IF EXISTS presence_changes_capture()")
    else:
        for name in (
            "cases_feed_insert",
            "cases_feed_update",
            "agent_presence_feed_insert",
            "agent_presence_feed_update",
            "agent_presence_feed_delete",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")


def downgrade() -> None:
    _drop_triggers()
    with op.batch_alter_table("cases", schema=None) as batch_op:
        for name, _cols, where in PARTIAL_INDEXES:
            batch_op.drop_index(name, postgresql_where=sa.text(where), sqlite_where=sa.text(where))
        for name, _cols in PLAIN_INDEXES:
            batch_op.drop_index(name)
    op.drop_table("agent_preferences")
    op.drop_table("saved_filters")
    with op.batch_alter_table("agent_presence", schema=None) as batch_op:
        batch_op.drop_index("ix_agent_presence_case_id")
    op.drop_table("agent_presence")
    with op.batch_alter_table("case_changes", schema=None) as batch_op:
        batch_op.drop_index("ix_case_changes_at")
    op.drop_table("case_changes")
