"""The trusted deadline audit against a person's own login: what a login stores as
deadlines (or as a case's policy) is queued by the database and recomputed by the one SLA
engine under the schema owner, so a deadline pushed out by a year with a legitimate
moving event, or a case inserted by hand with forged first deadlines and policy, is put
back, with a ``deadline_corrected`` event in its history. The console's own flows under
each person's login are checked and never corrected. No login reads, writes or empties
the queue, records the audit's event, or runs the audit."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from psycopg import errors as pgerr
from sqlalchemy import text

from console.app import AppContext
from console.cli.entry import main
from console.infra.database import make_session_factory
from console.services.sla_audit import AuditRefused, audit_queued
from tests.helpers.roles import World
from tests.security import test_attacks, test_db_roles, test_deadline_forgery
from tests.security.test_attacks import ctxs, me

pytestmark = pytest.mark.pg

__all__ = ["ctxs"]

#: the case's deadlines, each a year later (what an agent would like its own to be)
A_YEAR_LATER = (
    "(SELECT jsonb_agg(CASE WHEN d.due_at IS NULL THEN to_jsonb(d) ELSE jsonb_set("
    "to_jsonb(d), '{due_at}', to_jsonb(d.due_at + interval '1 year')) END) "
    "FROM case_deadlines d WHERE d.case_id = %(c)s)"
)


def _audit(world: World) -> dict[str, int]:
    """``sla audit --json`` as the schema owner (the trusted side)."""
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = main(["--database", world.owner_url, "sla", "audit", "--json"])
    assert rc == 0, out.getvalue()
    result: dict[str, int] = json.loads(out.getvalue().strip().splitlines()[-1])
    return result


def _stored(world: World, case_id: int) -> dict[str, datetime | None]:
    with world.owner.connect() as c:
        return {
            str(code): due
            for code, due in c.execute(
                text("SELECT milestone_code, due_at FROM case_deadlines WHERE case_id = :c"),
                {"c": case_id},
            )
        }


def _corrections(world: World, case_id: int) -> list[tuple[str, dict[str, object]]]:
    with world.owner.connect() as c:
        return [
            (str(name), dict(detail))
            for name, detail in c.execute(
                text(
                    "SELECT actor_name, detail FROM case_events WHERE case_id = :c "
                    "AND kind = 'deadline_corrected' ORDER BY id"
                ),
                {"c": case_id},
            )
        ]


def _case_columns(conn: Any, skip: Sequence[str]) -> list[str]:
    """The columns of ``cases`` but ``skip``: a copy of a case made by hand."""
    return [
        str(r[0])
        for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'cases' "
            "AND column_name <> ALL(%(s)s)",
            {"s": list(skip)},
        )
    ]


def _computed(ctx: AppContext, case_id: int) -> dict[str, datetime | None]:
    """What the SLA engine computes from the case's history (read only)."""
    return {m.code: m.due_at for m in ctx.sla.deadlines(case_id)}


def test_a_deadline_pushed_out_a_year_with_a_moving_event_is_put_back(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    case = ctxs["a1"].cases.create(world.draft, a1)
    assert _audit(world) == {"checked": 1, "corrected": 0}  # the intake itself is right
    right = _stored(world, case.id)
    with world.raw("a1") as conn, conn.transaction():
        conn.execute(
            "INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
            "VALUES (%(c)s, 'resumed', now(), '', '', '{}')",
            {"c": case.id},
        )
        conn.execute(
            f"SELECT public.hotline_store_deadlines(%(c)s, {A_YEAR_LATER})", {"c": case.id}
        )
        conn.execute(
            "UPDATE cases SET next_due_at = next_due_at + interval '1 year', "
            "final_due_at = final_due_at + interval '1 year' WHERE id = %(c)s",
            {"c": case.id},
        )
    forged = _stored(world, case.id)
    assert forged["result"] is not None and right["result"] is not None
    assert forged["result"] > right["result"] + timedelta(days=300)  # the guard let it in
    assert _audit(world) == {"checked": 1, "corrected": 1}
    assert _stored(world, case.id) == right
    with world.owner.connect() as c:
        final = c.execute(
            text("SELECT final_due_at FROM cases WHERE id = :c"), {"c": case.id}
        ).scalar_one()
    assert final == right["result"]
    ((actor, detail),) = _corrections(world, case.id)
    assert actor == "SLA"
    deadlines = detail["deadlines"]
    assert isinstance(deadlines, dict)
    assert deadlines["result"] == [forged["result"].isoformat(), right["result"].isoformat()]
    # the history the console shows says so, in the agent's own console
    history = ctxs["a1"].cases.history(case.id)
    assert [e.kind for e in history][-1] == "deadline_corrected"
    assert _audit(world) == {"checked": 0, "corrected": 0}


def test_milestones_marked_met_by_hand_are_opened_again(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    """A milestone met "now" passes the guard (no deadline moves later, and the time is
    the present): the engine, reading the history, finds nothing that met it."""
    a1 = me(ctxs["a1"], world, "a1")
    case = ctxs["a1"].cases.create(world.draft, a1, action="dispatch", unit_id=_unit(world))
    assert _audit(world) == {"checked": 1, "corrected": 0}
    with world.raw("a1") as conn:
        conn.execute(
            "SELECT public.hotline_store_deadlines(%(c)s, (SELECT jsonb_agg(jsonb_set("
            "to_jsonb(d), '{met_at}', to_jsonb(now()))) FROM case_deadlines d "
            "WHERE d.case_id = %(c)s))",
            {"c": case.id},
        )
    with world.owner.connect() as c:
        met = c.execute(
            text("SELECT count(*) FROM case_deadlines WHERE case_id = :c AND met_at IS NULL"),
            {"c": case.id},
        ).scalar_one()
    assert met == 0  # the guard let it in
    assert _audit(world) == {"checked": 1, "corrected": 1}
    with world.owner.connect() as c:
        unmet = c.execute(
            text("SELECT count(*) FROM case_deadlines WHERE case_id = :c AND met_at IS NULL"),
            {"c": case.id},
        ).scalar_one()
    assert unmet > 0
    ((_actor, detail),) = _corrections(world, case.id)
    assert isinstance(detail["deadlines"], dict) and detail["deadlines"]


def _unit(world: World) -> int:
    with world.owner.connect() as c:
        return int(c.execute(text("SELECT min(id) FROM handling_units")).scalar_one())


def test_a_case_inserted_by_hand_with_forged_policy_and_deadlines_is_corrected(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    model = ctxs["a1"].cases.create(world.draft, a1)
    with world.owner.connect() as c:
        policy = c.execute(
            text("SELECT sla_policy_id FROM cases WHERE id = :c"), {"c": model.id}
        ).scalar_one()
        lenient = c.execute(
            text(
                "SELECT p.id FROM sla_policies p WHERE p.current AND p.code <> "
                "(SELECT code FROM sla_policies WHERE id = :p) ORDER BY p.id LIMIT 1"
            ),
            {"p": policy},
        ).scalar_one()
    skip = ("id", "uuid", "number", "status", "sla_policy_id", "next_milestone", "next_due_at",
            "next_limit_unit", "next_warn_at", "next_critical_at", "final_due_at")  # fmt: skip
    with world.raw("a1") as conn:
        cols = _case_columns(conn, skip)
        with conn.transaction():
            row = conn.execute(
                f"INSERT INTO cases (uuid, number, status, sla_policy_id, {', '.join(cols)}) "  # noqa: S608
                f"SELECT gen_random_uuid(), 'F' || id, 'received', %(p)s, {', '.join(cols)} "
                "FROM cases WHERE id = %(c)s RETURNING id",
                {"p": lenient, "c": model.id},
            ).fetchone()
            assert row is not None
            forged_id = int(str(row[0]))
            conn.execute(
                "INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
                "VALUES (%(c)s, 'created', now(), '', '', '{}')",
                {"c": forged_id},
            )
            # first deadlines: nothing stored yet, so nothing "moves later"
            conn.execute(
                "SELECT public.hotline_store_deadlines(%(f)s, (SELECT jsonb_agg(jsonb_set("
                "to_jsonb(d), '{due_at}', to_jsonb(d.due_at + interval '1 year'))) "
                "FROM case_deadlines d WHERE d.case_id = %(c)s AND d.due_at IS NOT NULL))",
                {"f": forged_id, "c": model.id},
            )
            conn.execute(
                "UPDATE cases SET (next_milestone, next_due_at, final_due_at) = (SELECT "
                "d.milestone_code, d.due_at, d.due_at FROM case_deadlines d WHERE d.case_id "
                "= %(f)s ORDER BY d.seq DESC LIMIT 1) WHERE id = %(f)s",
                {"f": forged_id},
            )
    assert max(d for d in _stored(world, forged_id).values() if d) > datetime.now(UTC) + timedelta(
        days=300
    )
    # the model case was queued at its intake; both are checked, the forged one corrected
    assert _audit(world) == {"checked": 2, "corrected": 1}
    with world.owner.connect() as c:
        now_policy = c.execute(
            text("SELECT sla_policy_id FROM cases WHERE id = :c"), {"c": forged_id}
        ).scalar_one()
    assert now_policy == policy
    assert _stored(world, forged_id) == _computed(ctxs["sup"], forged_id)
    assert all(
        d is None or d < datetime.now(UTC) + timedelta(days=60)
        for d in _stored(world, forged_id).values()
    )
    ((actor, detail),) = _corrections(world, forged_id)
    assert actor == "SLA" and isinstance(detail["policy"], list)
    assert _corrections(world, model.id) == []


def test_a_case_inserted_by_hand_without_its_created_event_is_refused(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    """Without a 'created' event a case has no clock start: no deadline the audit could
    recompute, never a breach. The database refuses such a case at commit."""
    a1 = me(ctxs["a1"], world, "a1")
    model = ctxs["a1"].cases.create(world.draft, a1)
    with world.raw("a1") as conn:
        cols = _case_columns(conn, ("id", "uuid", "number"))
        copy = (
            f"INSERT INTO cases (uuid, number, {', '.join(cols)}) "  # noqa: S608
            f"SELECT gen_random_uuid(), %(n)s || id, {', '.join(cols)} FROM cases WHERE id = %(c)s"
        )
        conn.commit()  # so that each block below is a transaction of its own, checked at commit
        with pytest.raises(pgerr.InsufficientPrivilege, match="first event"):
            with conn.transaction():
                conn.execute(copy, {"n": "N", "c": model.id})
        # another case's created event does not count
        with pytest.raises(pgerr.InsufficientPrivilege, match="first event"):
            with conn.transaction():
                conn.execute(copy, {"n": "M", "c": model.id})
                conn.execute(
                    "INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
                    "VALUES (%(c)s, 'created', now(), '', '', '{}')",
                    {"c": model.id},
                )
    with world.owner.connect() as c:
        assert (
            c.execute(
                text("SELECT count(*) FROM cases WHERE number IN ('N' || :i, 'M' || :i)"),
                {"i": model.id},
            ).scalar_one()
            == 0
        )


def test_a_policy_switched_by_hand_goes_back(world: World, ctxs: dict[str, AppContext]) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    case = ctxs["a1"].cases.create(world.draft, a1)
    right = _stored(world, case.id)
    with world.owner.connect() as c:
        policy, lenient = c.execute(
            text(
                "SELECT c.sla_policy_id, (SELECT p.id FROM sla_policies p WHERE p.current "
                "AND p.id <> c.sla_policy_id ORDER BY p.id LIMIT 1) FROM cases c WHERE c.id = :c"
            ),
            {"c": case.id},
        ).one()
    with world.raw("a1") as conn:  # the column is the agent's to write (an edit switches it)
        conn.execute(
            "UPDATE cases SET sla_policy_id = %(p)s WHERE id = %(c)s", {"p": lenient, "c": case.id}
        )
    assert _audit(world) == {"checked": 1, "corrected": 1}
    with world.owner.connect() as c:
        assert (
            c.execute(
                text("SELECT sla_policy_id FROM cases WHERE id = :c"), {"c": case.id}
            ).scalar_one()
            == policy
        )
    assert _stored(world, case.id) == right


def test_the_consoles_own_flows_are_checked_and_never_corrected(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    """The flows of the other security tests, under each person's login (intake,
    dispatch, a unit's steps, review, callbacks, a return and re-dispatch, an extension,
    supervision, a pause and its resumption, an offline replay, claims, an agent's
    recompute), then an edit that switches the policy: the audit checks every case they
    touched and corrects none."""
    from dataclasses import replace

    from console.domain.casetypes import Urgency

    # in this order: the first one counts the cases of the whole queue
    test_db_roles.test_agent_console_flows_work_under_the_agents_login(world, ctxs)
    test_attacks.test_closing_the_loop_under_each_persons_login(world, ctxs)
    test_deadline_forgery.test_the_consoles_pause_and_resume_still_move_deadlines(world, ctxs)
    test_attacks.test_offline_replay_keeps_the_answer_time_within_bounds(world, ctxs)
    a1 = me(ctxs["a1"], world, "a1")
    case = ctxs["a1"].cases.create(world.draft, a1)
    opened = ctxs["a1"].case_edit.load(case.id, a1)
    ctxs["a1"].case_edit.save(opened, replace(opened.fields, urgency=Urgency.URGENT), a1)
    with world.owner.connect() as c:
        cases = c.execute(text("SELECT count(*) FROM cases")).scalar_one()
    result = _audit(world)
    assert result == {"checked": cases, "corrected": 0}
    assert cases >= 5


def test_no_login_touches_the_queue_or_the_audit(world: World, ctxs: dict[str, AppContext]) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    case = ctxs["a1"].cases.create(world.draft, a1)
    attacks = (
        "SELECT * FROM deadline_audit",
        "SELECT count(*) FROM deadline_audit",
        "DELETE FROM deadline_audit",
        f"UPDATE deadline_audit SET queued_at = now() WHERE case_id = {case.id}",
        f"INSERT INTO deadline_audit (case_id, queued_at) VALUES ({case.id}, now())",
        "TRUNCATE deadline_audit",
        "SELECT public.cases_audit_queue()",
        "COPY deadline_audit TO STDOUT",
    )
    for who in ("a1", "sup", "adm", "u1"):
        for sql in attacks:
            with world.raw(who) as conn, pytest.raises(pgerr.InsufficientPrivilege):
                conn.execute(sql)
    # nobody signs a correction but the system
    for who in ("a1", "sup", "adm"):
        with world.raw(who) as conn, pytest.raises(pgerr.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
                f"VALUES ({case.id}, 'deadline_corrected', now(), 'SLA', '', '{{}}')"
            )
    # the audit itself runs under the schema owner only
    for who in ("a1", "adm"):
        engine = world.engine(who)
        try:
            with pytest.raises(AuditRefused):
                audit_queued(make_session_factory(engine))
        finally:
            engine.dispose()
    assert _audit(world) == {"checked": 1, "corrected": 0}  # still queued, still right
