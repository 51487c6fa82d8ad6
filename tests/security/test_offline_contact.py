"""A replayed (offline-saved) case's receipt time is bounded by its workstation's last
contact with an empty outbox, stamped by the database (not the client); the history
still says the case was entered offline."""

from __future__ import annotations

from datetime import timedelta

import pytest
from psycopg import errors as pgerr
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from console.app import AppContext
from console.domain.clock import now_utc
from console.services.numbers import station_contact
from tests.helpers.roles import World
from tests.security.test_attacks import ctxs, me

pytestmark = pytest.mark.pg

__all__ = ["ctxs"]


def test_replayed_receipt_not_before_the_stations_last_contact(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    ctx = ctxs["a1"]
    a1 = me(ctx, world, "a1")
    station = ctx.station
    with world.owner.begin() as c:  # a station registered two days ago
        c.execute(
            text("UPDATE workstations SET registered_at = now() - interval '2 days', "
                 "last_contact_at = NULL WHERE code = :s"),
            {"s": station},
        )  # fmt: skip
    # without a recorded contact: the 72 hours and the registration bound it
    old = ctx.cases.create(world.draft, a1, now=now_utc() - timedelta(hours=30))
    station_contact(ctx.sessions, station)  # an empty outbox seen by the database now
    with world.owner.connect() as c:
        stamped = c.execute(
            text("SELECT last_contact_at > now() - interval '1 minute' FROM workstations "
                 "WHERE code = :s"),
            {"s": station},
        ).scalar_one()  # fmt: skip
    assert stamped and old.id
    with pytest.raises(DBAPIError) as refused:
        ctx.cases.create(world.draft, a1, now=now_utc() - timedelta(hours=3))
    assert isinstance(refused.value.orig, pgerr.InsufficientPrivilege)
    late = ctx.cases.create(world.draft, a1, now=now_utc() - timedelta(minutes=50))
    with world.owner.connect() as c:
        offline = c.execute(
            text("SELECT bool_and((detail::jsonb->>'entered_offline')::boolean) "
                 "FROM case_events WHERE case_id = :c"),
            {"c": late.id},
        ).scalar_one()  # fmt: skip
    assert offline
    # the stamp is the database's: a login does not write it, nor the registration
    for sql in (
        "UPDATE workstations SET last_contact_at = now() - interval '3 days'",
        "UPDATE workstations SET registered_at = now() - interval '3 days'",
        "DELETE FROM workstations",
    ):
        with world.raw("a1") as c, pytest.raises(pgerr.InsufficientPrivilege):
            c.execute(sql)
