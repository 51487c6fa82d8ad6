"""The deadlines of a batch of cases stored in one call (``hotline_store_deadlines_batch``,
what the console and the exchange service call) keep every check of the per-case
function: the caller's row filter, an open deadline moved later only with an event that
moves it (an administrator excepted), each case once, the audit queue for every case a
login stores. A refusal stores nothing of the batch. And the one row of who a session
is, which the triggers read, says what ``hotline_role()``, ``hotline_agent_id()`` and
``hotline_unit_id()`` say."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from psycopg import errors as pgerr
from sqlalchemy import text

from console.app import AppContext
from console.services.dbguards.sql_who import WHO_ROW
from tests.helpers.roles import World
from tests.security.test_attacks import ctxs, me

pytestmark = pytest.mark.pg

__all__ = ["ctxs"]

#: a batch of the cases %(ids)s with their stored deadlines, each moved %(by)s later
BATCH = (
    "SELECT public.hotline_store_deadlines_batch((SELECT jsonb_agg(jsonb_build_object("
    "'case_id', c.id, 'rows', (SELECT jsonb_agg(CASE WHEN d.due_at IS NULL THEN to_jsonb(d) "
    "ELSE jsonb_set(to_jsonb(d), '{due_at}', to_jsonb(d.due_at + CAST(%(by)s AS interval))) END) "
    "FROM case_deadlines d WHERE d.case_id = c.id))) "
    "FROM unnest(CAST(%(ids)s AS integer[])) AS c(id)))"
)


def _due(world: World, ids: list[int]) -> list[tuple[Any, ...]]:
    with world.owner.connect() as c:
        return [
            tuple(r)
            for r in c.execute(
                text(
                    "SELECT case_id, milestone_code, due_at FROM case_deadlines "
                    "WHERE case_id = ANY(:ids) ORDER BY case_id, seq"
                ),
                {"ids": ids},
            )
        ]


def _two_cases(world: World, ctxs: dict[str, AppContext]) -> list[int]:
    a1 = me(ctxs["a1"], world, "a1")
    ids = [ctxs["a1"].cases.create(world.draft, a1).id for _ in range(2)]
    assert _due(world, ids)
    return ids


def _queued(world: World) -> set[int]:
    with world.owner.connect() as c:
        return {int(r) for r in c.execute(text("SELECT case_id FROM deadline_audit")).scalars()}


def _empty_queue(world: World) -> None:
    with world.owner.begin() as c:
        c.execute(text("DELETE FROM deadline_audit"))


def test_a_batch_moving_a_deadline_later_without_an_event_stores_nothing(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    ids = _two_cases(world, ctxs)
    before = _due(world, ids)
    for who in ("a1", "a2", "sup"):
        with world.raw(who) as conn, pytest.raises(pgerr.InsufficientPrivilege):
            conn.execute(BATCH, {"ids": ids, "by": "10 days"})
    # one case of the batch with an event that moves its deadlines: the other still refused
    with world.raw("a1") as conn, pytest.raises(pgerr.InsufficientPrivilege):
        with conn.transaction():
            conn.execute(
                "INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
                "VALUES (%(c)s, 'paused', now(), '', '', '{}')",
                {"c": ids[0]},
            )
            conn.execute(BATCH, {"ids": ids, "by": "10 days"})
    assert _due(world, ids) == before
    # the same deadlines again, or earlier ones: stored
    with world.raw("a1") as conn:
        conn.execute(BATCH, {"ids": ids, "by": "0 days"})
        conn.execute(BATCH, {"ids": ids, "by": "-1 hour"})
    assert len(_due(world, ids)) == len(before)


def test_an_administrator_recomputes_later(world: World, ctxs: dict[str, AppContext]) -> None:
    ids = _two_cases(world, ctxs)
    before = _due(world, ids)
    with world.raw("adm") as conn:
        conn.execute(BATCH, {"ids": ids, "by": "10 days"})
    assert _due(world, ids) == [
        (c, m, d if d is None else d + timedelta(days=10)) for c, m, d in before
    ]


def test_a_batch_with_a_case_the_caller_cannot_see_stores_nothing(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    ids = _two_cases(world, ctxs)
    before = _due(world, ids)
    with world.raw("u1") as conn, pytest.raises(pgerr.InsufficientPrivilege, match="no case"):
        conn.execute(BATCH, {"ids": ids, "by": "-1 hour"})
    # a case that does not exist, in a batch of visible ones
    with world.raw("a1") as conn, pytest.raises(pgerr.InsufficientPrivilege, match="no case"):
        conn.execute(BATCH, {"ids": [*ids, max(ids) + 1000], "by": "-1 hour"})
    with world.raw("a1") as conn, pytest.raises(pgerr.InsufficientPrivilege, match="no case"):
        conn.execute(
            'SELECT public.hotline_store_deadlines_batch(\'[{"case_id": null, "rows": []}]\')'
        )
    assert _due(world, ids) == before


def test_a_case_twice_in_a_batch_is_refused(world: World, ctxs: dict[str, AppContext]) -> None:
    ids = _two_cases(world, ctxs)
    before = _due(world, ids)
    with world.raw("a1") as conn, pytest.raises(pgerr.InvalidParameterValue):
        conn.execute(BATCH, {"ids": [ids[0], ids[1], ids[0]], "by": "-1 hour"})
    assert _due(world, ids) == before


def test_every_case_a_login_stores_is_queued_for_the_audit(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    ids = _two_cases(world, ctxs)
    _empty_queue(world)
    with world.raw("a1") as conn:
        conn.execute(BATCH, {"ids": ids, "by": "-1 hour"})
    assert _queued(world) == set(ids)
    _empty_queue(world)
    with world.raw("adm") as conn:  # an administrator's recomputation is audited too
        conn.execute(BATCH, {"ids": ids, "by": "1 hour"})
    assert _queued(world) == set(ids)
    _empty_queue(world)
    with world.owner.begin() as c:  # the schema owner's own workers are not
        c.execute(text(BATCH.replace("%(ids)s", ":ids").replace("%(by)s", ":by")),
                  {"ids": ids, "by": "1 hour"})  # fmt: skip
    assert _queued(world) == set()


def test_no_login_without_its_grant_or_account_stores(world: World) -> None:
    with world.owner.connect() as c:
        granted = c.execute(
            text(
                "SELECT has_function_privilege(:who, "
                "'public.hotline_store_deadlines_batch(jsonb)', 'EXECUTE')"
            ),
            {"who": world.login("u1")},
        ).scalar_one()
        public = c.execute(
            text(
                "SELECT has_function_privilege('public', "
                "'public.hotline_store_deadlines_batch(jsonb)', 'EXECUTE')"
            )
        ).scalar_one()
    assert granted and not public


def test_the_triggers_read_who_a_session_is_as_the_functions_say(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    del ctxs  # the accounts signed in
    for who in ("a1", "sup", "adm", "u1"):
        with world.raw(who) as conn:
            row = conn.execute(
                f"SELECT w.role, w.agent_id, w.unit_id FROM {WHO_ROW} w"  # noqa: S608
            ).fetchone()
            said = conn.execute(
                "SELECT public.hotline_role(), public.hotline_agent_id(), public.hotline_unit_id()"
            ).fetchone()
            assert row == said and row is not None and row[0] is not None and row[1]
    with world.owner.connect() as c:  # the schema owner, whatever its account
        assert c.execute(text(f"SELECT w.role FROM {WHO_ROW} w")).scalar_one() == "owner"  # noqa: S608
    # an account switched off is nobody, at once (nothing of who it was is kept)
    with world.raw("a2") as conn:
        assert conn.execute("SELECT public.hotline_role()").fetchone() == ("agent",)
        with world.owner.begin() as c:
            c.execute(
                text("UPDATE agents SET active = false WHERE username = :u"),
                {"u": world.login("a2")},
            )
        try:
            assert conn.execute("SELECT public.hotline_role()").fetchone() == (None,)
            assert conn.execute(f"SELECT w.role FROM {WHO_ROW} w").fetchone() == (None,)  # noqa: S608
            with pytest.raises(pgerr.InsufficientPrivilege):
                conn.execute(BATCH, {"ids": [1], "by": "0 days"})
        finally:
            with world.owner.begin() as c:
                c.execute(
                    text("UPDATE agents SET active = true WHERE username = :u"),
                    {"u": world.login("a2")},
                )
