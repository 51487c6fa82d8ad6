"""central suggestion models and stored suggestions per case

``suggestion_models``: the trained suggestion models of the centre, one row per training
attempt (version), the pickled model in ``data`` for a promoted one (NULL for an attempt
that was refused as worse than the model in use): one training serves every workstation,
which loads the newest promoted version. ``case_suggestions``: the suggestions computed
in the background for a case that arrived without a person typing it (imported web
messages, orders pushed by platforms), shown where the case is triaged (a case's data:
row-level security as on the other tables of dbguards.CASE_TABLES).

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "suggestion_models",
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("promoted", sa.Boolean(), nullable=False),
        sa.Column("format", sa.Integer(), nullable=False),
        sa.Column("trained_at", sa.Float(), nullable=False),
        sa.Column("examples", sa.Integer(), nullable=False),
        sa.Column("held_back", sa.Integer(), nullable=False),
        sa.Column("metrics", sa.JSON(), nullable=False),
        sa.Column("old_metrics", sa.JSON(), nullable=True),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("trained_by", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("version", name=op.f("pk_suggestion_models")),
    )
    op.create_index("ix_suggestion_models_promoted", "suggestion_models", ["promoted", "version"])
    op.create_table(
        "case_suggestions",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("model_version", sa.Integer(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_case_suggestions_case_id_cases")
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_suggestions")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        # a case's data: a unit's users see the rows of the cases they see, as on every
        # table of dbguards.CASE_TABLES (whose row filter 0013 installed before this
        # table existed; `db roles` re-applies the grants)
        from console.services.dbguards.sql_rls import _sees

        sees = _sees("'owner', 'agent', 'supervisor', 'admin'", "case_id", "case_suggestions")
        op.execute("ALTER TABLE public.case_suggestions ENABLE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY case_rows ON public.case_suggestions FOR ALL USING ({sees}) "
            f"WITH CHECK ({sees})"
        )


def downgrade() -> None:
    op.drop_table("case_suggestions")
    op.drop_index("ix_suggestion_models_promoted", table_name="suggestion_models")
    op.drop_table("suggestion_models")
