"""a new case may be written where one step of the lifecycle takes a received case

PostgreSQL only. Re-installs the guards (``console.services.dbguards``) with the insert
guard of ``cases`` (``cases_stamp_insert``) allowing a new case in a status other than
``received`` when that status is an open one and ``lifecycle_transitions`` (rendered
from the lifecycle's one state machine) has a row from ``received`` to it for the login's
role; never for a unit's login, never closed (nor with ``closed_at`` set). A case created
and dispatched at once (the exchange service's pushes, the form's "save and dispatch" in
a batch) is then written once instead of inserted ``received`` and updated at once: the
same login could already do both in one transaction, so it is allowed nothing more; the
dispatch's event and deadlines are recorded as before.

The same re-install brings ``cases_created_checked``: at commit, a case a login created
has its ``created`` event (the start of its clocks).

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

from console.services import dbguards

revision: str = "0019"
down_revision: str | Sequence[str] | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    dbguards.install(bind)


def downgrade() -> None:
    # the wider insert guard stays: it allows nothing that an insert and the step's
    # update in one transaction did not (the code of 0018 writes received cases only)
    pass
