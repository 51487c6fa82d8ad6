"""Deadline forgery with a login of one's own: deadlines are written only through the
database's ``hotline_store_deadlines``, which refuses an open deadline moved later
unless the same transaction records an event the SLA reads; the deadlines a case shows
in the queues must be those of its milestones. The console's own recomputations (a
pause and its resumption) still go through."""

from __future__ import annotations

import pytest
from psycopg import errors as pgerr
from sqlalchemy import text

from console.app import AppContext
from tests.helpers.roles import World
from tests.security.test_attacks import ctxs, me

pytestmark = pytest.mark.pg

__all__ = ["ctxs"]

LATER = (
    "SELECT public.hotline_store_deadlines({c}, (SELECT jsonb_agg(CASE WHEN d.due_at IS NULL "
    "THEN to_jsonb(d) ELSE jsonb_set(to_jsonb(d), '{{due_at}}', "
    "to_jsonb(d.due_at + interval '10 days')) END) FROM case_deadlines d "
    "WHERE d.case_id = {c}))"
)


def _due(world: World, case_id: int) -> list[object]:
    with world.owner.connect() as c:
        return list(
            c.execute(
                text("SELECT due_at FROM case_deadlines WHERE case_id = :c ORDER BY seq"),
                {"c": case_id},
            ).scalars()
        )


def test_deadlines_cannot_be_rewritten_later(world: World, ctxs: dict[str, AppContext]) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    case = ctxs["a1"].cases.create(world.draft, a1)
    before = _due(world, case.id)
    assert before and before[-1] is not None  # the result's deadline runs from receipt
    c = case.id
    direct = (
        f"DELETE FROM case_deadlines WHERE case_id = {c}",
        f"UPDATE case_deadlines SET due_at = due_at + interval '10 days' WHERE case_id = {c}",
        f"INSERT INTO case_deadlines (case_id, milestone_code, seq, limit_unit, due_at, "
        f"paused, verified) VALUES ({c}, 'x', 9, 'days', now() + interval '1 year', "
        "false, true)",
    )
    for who in ("a1", "sup", "adm"):
        for sql in direct:
            with world.raw(who) as conn, pytest.raises(pgerr.InsufficientPrivilege):
                conn.execute(sql)
    # through the function: later without an event that moves deadlines
    for who in ("a1", "a2", "sup"):
        with world.raw(who) as conn, pytest.raises(pgerr.InsufficientPrivilege):
            conn.execute(LATER.format(c=c))
    # an event that does not move deadlines does not help
    with world.raw("a1") as conn, pytest.raises(pgerr.InsufficientPrivilege):
        with conn.transaction():
            conn.execute(
                "INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
                f"VALUES ({c}, 'note', now(), '', '', '{{}}')"
            )
            conn.execute(LATER.format(c=c))
    # a unit's user on a case it does not see
    with world.raw("u1") as conn, pytest.raises(pgerr.InsufficientPrivilege):
        conn.execute(LATER.format(c=c))
    assert _due(world, c) == before


def test_the_queue_shows_only_a_milestones_deadline(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    case = ctxs["a1"].cases.create(world.draft, a1)
    for column in ("next_due_at", "final_due_at"):
        with pytest.raises(pgerr.InsufficientPrivilege):  # refused at commit
            with world.raw("a1") as conn:
                conn.execute(
                    f"UPDATE cases SET {column} = {column} + interval '10 days' "
                    f"WHERE id = {case.id}"
                )


def test_the_consoles_pause_and_resume_still_move_deadlines(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    case = ctxs["a1"].cases.create(world.draft, a1)
    before = _due(world, case.id)
    ctxs["a1"].sla.pause(case.id, a1, "等待市民补充材料")
    ctxs["a1"].sla.resume(case.id, a1)
    after = _due(world, case.id)
    assert len(after) == len(before) and after[-1] is not None
    assert after[-1] >= before[-1]  # type: ignore[operator]
