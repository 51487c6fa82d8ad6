"""Attacks with a person's own database login, straight through psql-like SQL: each one
must be refused by PostgreSQL itself, whatever the console would have done.

Each module run has a database and role names of its own (tests/helpers/roles.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from psycopg import errors as pgerr
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from console.app import AppContext, open_context
from console.domain.identity import Identity
from console.infra.settings import Settings
from tests.helpers.db import TRANSACTIONAL
from tests.helpers.roles import PREFIX, World

pytestmark = pytest.mark.pg


@pytest.fixture
def ctxs(world: World, tmp_path: Path) -> Iterator[dict[str, AppContext]]:
    with world.owner.begin() as c:
        c.execute(text(f"TRUNCATE {', '.join(TRANSACTIONAL)} RESTART IDENTITY CASCADE"))
    opened: dict[str, AppContext] = {}
    try:
        for short in ("a1", "a2", "sup", "u1"):
            opened[short] = open_context(world.urls[short], Settings(tmp_path / f"{short}.ini"))
        yield opened
    finally:
        for o in opened.values():
            o.close()


def me(ctx: AppContext, world: World, short: str) -> Identity:
    return ctx.agents.sign_in(world.login(short))


def _secret(world: World):  # type: ignore[no-untyped-def]
    return replace(
        world.draft,
        sub_type="report",
        caller_name="李四",
        caller_phone="13912345678",
        caller_confidential=True,
        description="举报某工地夜间违规施工",
    )


# --- privilege escalation through the owner's functions --------------------------------


def test_temp_table_cannot_hijack_the_confidential_caller_trigger(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    secret = ctxs["a1"].cases.create(_secret(world), a1)
    mine = ctxs["a1"].cases.create(world.draft, a1)
    admin_group = f"{PREFIX}admin"
    with world.raw("a1") as c:  # logins get no temporary tables at all
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute("CREATE TEMP TABLE case_confidential_callers (case_id int)")
    # and were they granted, the owner's functions would still not be fooled
    with world.owner.begin() as oc:
        db = oc.exec_driver_sql("SELECT current_database()").scalar_one()
        oc.exec_driver_sql(f'GRANT TEMPORARY ON DATABASE "{db}" TO "{world.login("a1")}"')
    try:
        _hijack(world, mine.id, admin_group)
    finally:
        with world.owner.begin() as oc:
            oc.exec_driver_sql(f'REVOKE TEMPORARY ON DATABASE "{db}" FROM "{world.login("a1")}"')
    assert secret.id


def _hijack(world: World, case_id: int, admin_group: str) -> None:
    with world.raw("a1") as c:
        c.execute(
            "CREATE TEMP TABLE case_confidential_callers (case_id int PRIMARY KEY, "
            "caller_name text, caller_phone text, recorded_at timestamptz)"
        )
        c.execute("CREATE TEMP TABLE loot (name text, phone text)")
        c.execute("GRANT ALL ON pg_temp.loot TO PUBLIC")
        c.execute(
            f"""
            CREATE FUNCTION pg_temp.evil() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                EXECUTE format('GRANT %I TO %I', '{admin_group}', session_user);
                INSERT INTO pg_temp.loot SELECT caller_name, caller_phone
                    FROM public.case_confidential_callers;
                RETURN NEW;
            END $$
            """
        )
        c.execute(
            "CREATE TRIGGER evil BEFORE INSERT ON pg_temp.case_confidential_callers "
            "FOR EACH ROW EXECUTE FUNCTION pg_temp.evil()"
        )
        c.commit()
        try:
            c.execute(
                "UPDATE cases SET caller_confidential = true, caller_name = 'x' WHERE id = %s",
                (case_id,),
            )
            c.commit()
        except pgerr.Error:
            c.rollback()
        looted = c.execute("SELECT count(*) FROM pg_temp.loot").fetchone()
        assert looted == (0,)
        member = c.execute(
            "SELECT pg_has_role(session_user, %s, 'MEMBER')", (admin_group,)
        ).fetchone()
        assert member == (False,)
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute("SELECT caller_phone FROM public.case_confidential_callers")


def test_security_definer_functions_pin_their_search_path(world: World) -> None:
    with world.owner.connect() as c:
        rows = c.execute(
            text(
                "SELECT p.proname, p.proconfig FROM pg_proc p "
                "JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = 'public' AND p.prosecdef"
            )
        ).all()
        assert rows, "no SECURITY DEFINER function found"
        for name, config in rows:
            assert "search_path=pg_catalog, pg_temp" in (config or []), name
        # nobody but the groups that need them may call them
        public_exec = (
            c.execute(
                text(
                    "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    "WHERE n.nspname = 'public' AND has_function_privilege('public', p.oid, "
                    "'EXECUTE') AND p.prosecdef"
                )
            )
            .scalars()
            .all()
        )
        assert public_exec == []


# --- forged history and figures ---------------------------------------------------------


def _units(world: World) -> tuple[int, int]:
    with world.owner.connect() as c:
        mine = c.execute(
            text("SELECT unit_id FROM agents WHERE username = :u"), {"u": world.login("u1")}
        ).scalar_one()
        other = c.execute(
            text("SELECT id FROM handling_units WHERE id <> :u ORDER BY id LIMIT 1"), {"u": mine}
        ).scalar_one()
    return int(mine), int(other)


def test_history_is_signed_and_dated_by_the_database(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    a2 = me(ctxs["a2"], world, "a2")
    saved = ctxs["a1"].cases.create(world.draft, a1)
    with world.raw("a1") as c:
        c.execute(
            "INSERT INTO case_events (case_id, kind, at, actor_id, actor_name, station, detail) "
            "VALUES (%s, 'note', '2020-01-01T00:00:00Z', %s, 'a2', '', '{}')",
            (saved.id, a2.agent_id),
        )
        row = c.execute(
            "SELECT actor_id, actor_name, at > now() - interval '1 minute', "
            "detail::jsonb ? 'client_at' FROM case_events WHERE kind = 'note'"
        ).fetchone()
        assert row == (a1.agent_id, "a1", True, True)
        c.rollback()
        # supervisors' events are not an agent's to record
        for kind in ("supervised", "reminded"):
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute(
                    "INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
                    "VALUES (%s, %s, now(), '', '', '{}')",
                    (saved.id, kind),
                )
            c.rollback()


def test_unit_records_only_its_own_steps(world: World, ctxs: dict[str, AppContext]) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    mine_unit, _other = _units(world)
    mine = ctxs["a1"].cases.create(world.draft, a1, action="dispatch", unit_id=mine_unit)
    with world.raw("u1") as c:
        for kind, unit in (("accepted", mine_unit + 1000), ("extension_approved", mine_unit)):
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute(
                    "INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
                    "VALUES (%s, %s, '2020-01-01', '', '', %s)",
                    (mine.id, kind, f'{{"unit_id": {unit}}}'),
                )
            c.rollback()
        # straight to closed is not a step of the lifecycle
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute("UPDATE cases SET status = 'closed' WHERE id = %s", (mine.id,))


def test_agents_cannot_close_push_back_or_backdate_others_cases(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    mine_unit, _ = _units(world)
    held = ctxs["a1"].cases.create(world.draft, a1)  # received, held by a1
    sent = ctxs["a1"].cases.create(world.draft, a1, action="dispatch", unit_id=mine_unit)
    with world.raw("a2") as c:
        attacks = (
            ("UPDATE cases SET status = 'closed' WHERE id = %s", (held.id,)),
            ("UPDATE cases SET status = 'closed' WHERE id = %s", (sent.id,)),
            ("UPDATE cases SET status = 'visited' WHERE id = %s", (sent.id,)),
            (
                "UPDATE cases SET received_at = received_at - interval '1 day' WHERE id = %s",
                (held.id,),
            ),  # fmt: skip
            ("UPDATE case_deadlines SET met_at = '2020-01-01' WHERE case_id = %s", (sent.id,)),
            ("DELETE FROM case_deadlines WHERE case_id = %s", (sent.id,)),
            ("DELETE FROM case_breaches", ()),
            ("UPDATE number_counters SET last_seq = 0", ()),
            ("DELETE FROM number_counters", ()),
            ("DELETE FROM supervision_notices", ()),
            (
                "INSERT INTO supervision_notices (case_id, unit_id, kind, level, text, created_at, "
                "created_by_name) VALUES (%s, %s, 'supervised', 3, 'x', now(), 'x')",
                (sent.id, mine_unit),
            ),  # fmt: skip
            (
                "INSERT INTO case_breaches (case_id, milestone_code, due_at, recorded_at) "
                "VALUES (%s, 'result', now() - interval '1 day', now())",
                (sent.id,),
            ),  # fmt: skip
            ("DELETE FROM case_callbacks", ()),
            ("DELETE FROM handovers", ()),
            ("DELETE FROM case_facts", ()),
        )
        for sql, args in attacks:
            try:
                c.execute(sql, args)
                if sql.startswith("DELETE") or sql.startswith("UPDATE number"):
                    c.execute("SET CONSTRAINTS ALL IMMEDIATE")
                    c.commit()
                    raise AssertionError(f"not refused: {sql}")
            except pgerr.InsufficientPrivilege:
                pass
            c.rollback()
    with world.raw("a1") as c:  # nor a case born closed or visited (figures)
        cols = [
            str(r[0])
            for r in c.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'cases' "
                "AND column_name NOT IN ('id', 'uuid', 'number', 'status')"
            )
        ]
        # a case may be born where one step of the lifecycle takes a received case (a
        # dispatch), but not where none does, nor closed
        for status in ("visited", "closed", "invalid", "accepted", "replied"):
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute(
                    f"INSERT INTO cases (uuid, number, status, {', '.join(cols)}) "  # noqa: S608
                    f"SELECT gen_random_uuid(), 'F' || id, %s, {', '.join(cols)} "
                    "FROM cases WHERE id = %s",
                    (status, held.id),
                )
            c.rollback()
        c.execute(  # born dispatched: what an insert and the dispatch's update allow together
            f"INSERT INTO cases (uuid, number, status, {', '.join(cols)}) "  # noqa: S608
            f"SELECT gen_random_uuid(), 'F' || id, 'dispatched', {', '.join(cols)} "
            "FROM cases WHERE id = %s",
            (held.id,),
        )
        c.rollback()
    with world.owner.connect() as oc:
        n = oc.execute(
            text("SELECT count(*) FROM case_deadlines WHERE case_id = :c"), {"c": sent.id}
        ).scalar_one()
        assert n > 0
        counters = oc.execute(text("SELECT min(last_seq) FROM number_counters")).scalar_one()
        assert counters and counters >= 2


# --- units see only their cases, everywhere ---------------------------------------------

_CASE_DATA = (
    "case_events",
    "case_deadlines",
    "case_changes",
    "case_keywords",
    "supervision_notices",
    "case_facts",
    "case_callbacks",
    "case_co_units",
    "case_assist_states",
    "case_links",
    "handover_items",
    "case_suggestions",
)


def test_unit_sees_only_its_cases_on_every_table(world: World, ctxs: dict[str, AppContext]) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    mine_unit, other = _units(world)
    mine = ctxs["a1"].cases.create(world.draft, a1, action="dispatch", unit_id=mine_unit)
    theirs = ctxs["a1"].cases.create(world.draft, a1, action="dispatch", unit_id=other)
    with world.owner.begin() as oc:  # some rows of the other unit's case everywhere
        oc.execute(
            text(
                "INSERT INTO case_keywords (case_id, words, extracted_at) "
                "VALUES (:t, '路灯', now()), (:m, '路灯', now())"
            ),
            {"t": theirs.id, "m": mine.id},
        )
        oc.execute(
            text(
                "INSERT INTO supervision_notices (case_id, unit_id, kind, level, text, "
                "created_at, created_by_name) VALUES (:t, :o, 'reminded', 1, 'x', now(), 's')"
            ),
            {"t": theirs.id, "o": other},
        )
        oc.execute(
            text(
                "INSERT INTO case_suggestions (case_id, at, model_version, items) "
                "VALUES (:t, now(), 1, '[]'), (:m, now(), 1, '[]')"
            ),
            {"t": theirs.id, "m": mine.id},
        )
    with world.raw("u1") as c:
        for table in _CASE_DATA:
            ids = {r[0] for r in c.execute(f"SELECT DISTINCT case_id FROM {table}")}  # noqa: S608
            assert theirs.id not in ids, table
        assert {r[0] for r in c.execute("SELECT case_id FROM case_keywords")} == {mine.id}
        assert {r[0] for r in c.execute("SELECT case_id FROM case_suggestions")} == {mine.id}
        # co-handling is assigned by the centre: a unit cannot add itself
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute(
                "INSERT INTO case_co_units (case_id, unit_id, created_at) VALUES (%s, %s, now())",
                (theirs.id, mine_unit),
            )
        c.rollback()
        # nor read it through the owner's helper with crafted arguments
        assert c.execute("SELECT count(*) FROM public.hotline_co_handled()").fetchone() == (0,)
        assert c.execute("SELECT public.hotline_sees_case(%s)", (theirs.id,)).fetchone() == (False,)


# --- the neighbours: COPY, sequences, large objects, DDL, roles -------------------------

_NEIGHBOURS = (
    "COPY case_confidential_callers TO STDOUT",
    "COPY cases FROM STDIN",
    "SELECT setval('cases_id_seq', 1)",
    "SELECT lo_import('/etc/passwd')",
    "SELECT pg_read_file('/etc/passwd')",
    "ALTER TABLE cases DISABLE ROW LEVEL SECURITY",
    "ALTER TABLE case_events DISABLE TRIGGER case_events_stamp",
    "DROP POLICY cases_read ON cases",
    "CREATE VIEW public.peek AS SELECT * FROM cases",
    "CREATE FUNCTION public.hotline_role() RETURNS text LANGUAGE sql AS $$ SELECT 'admin' $$",
    "CREATE OR REPLACE FUNCTION public.hotline_role() RETURNS text LANGUAGE sql "
    "AS $$ SELECT 'admin' $$",
    "CREATE SCHEMA sneaky",
    "TRUNCATE cases",
    "TRUNCATE case_deadlines",
    "TRUNCATE number_counters",
    "DELETE FROM lifecycle_transitions",
    "INSERT INTO lifecycle_transitions VALUES ('received', 'visited', 'agent')",
    "UPDATE agents SET active = true",
    "SET SESSION AUTHORIZATION postgres",
)


@pytest.mark.parametrize("who", ["a1", "u1", "sup"])
def test_neighbouring_attacks_are_refused(
    world: World, ctxs: dict[str, AppContext], who: str
) -> None:
    ctxs["a1"].cases.create(_secret(world), me(ctxs["a1"], world, "a1"))
    with world.raw(who) as c:
        for sql in _NEIGHBOURS:
            if who == "sup" and sql.startswith("COPY case_confidential"):
                continue  # supervisors do read confidential callers
            with pytest.raises(
                (pgerr.InsufficientPrivilege, pgerr.FeatureNotSupported, pgerr.UndefinedFunction)
            ):
                c.execute(sql)
            c.rollback()
        # a SET ROLE to the group does not change who the database thinks it is
        group = {"a1": "agent", "u1": "unit", "sup": "supervisor"}[who]
        c.execute(f'SET ROLE "{PREFIX}{group}"')
        assert c.execute("SELECT public.hotline_role()").fetchone() == (group,)


# --- confidential callers ----------------------------------------------------------------


def test_confidential_identity_overwritten_only_by_supervisors_and_never_in_history(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    saved = ctxs["a1"].cases.create(_secret(world), a1)  # held by a1
    with world.raw("a1") as c:
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute(
                "UPDATE cases SET caller_name = '王五', caller_phone = '13700001111' WHERE id = %s",
                (saved.id,),
            )
        c.rollback()
        # an 'edited' event naming the caller is stored without the identity
        c.execute(
            "INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) VALUES "
            "(%s, 'edited', now(), '', '', "
            """'{"changes": {"caller_phone": ["13912345678", "13700001111"]}}')""",
            (saved.id,),
        )
        c.commit()
    with world.raw("sup") as c:
        c.execute(
            "UPDATE cases SET caller_name = '王五', caller_phone = '13700001111' WHERE id = %s",
            (saved.id,),
        )
        c.commit()
        assert c.execute(
            "SELECT caller_name, caller_phone FROM case_confidential_callers WHERE case_id = %s",
            (saved.id,),
        ).fetchone() == ("王五", "13700001111")
    with world.owner.connect() as oc:
        details = [
            str(d)
            for d in oc.execute(
                text("SELECT detail::text FROM case_events WHERE case_id = :c"), {"c": saved.id}
            ).scalars()
        ]
        actors = (
            oc.execute(
                text("SELECT actor_name FROM case_events WHERE case_id = :c AND kind = 'edited'"),
                {"c": saved.id},
            )
            .scalars()
            .all()
        )
    assert not any(p in d for d in details for p in ("13912345678", "13700001111", "王五", "李四"))
    assert "sup" in actors  # the overwrite is a logged action of the supervisor's


# --- the console's own flows, each under its person's login ------------------------------


def test_closing_the_loop_under_each_persons_login(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    from datetime import timedelta

    from console.domain.casetypes import EventKind, Satisfaction, Status
    from console.domain.lifecycle import CallbackVerdict

    a1 = me(ctxs["a1"], world, "a1")
    sup = me(ctxs["sup"], world, "sup")
    u1 = me(ctxs["u1"], world, "u1")
    unit, _ = _units(world)
    units_a, units_u = ctxs["a1"].units, ctxs["u1"].units
    # lead unit: accept, contact, reply; the centre accepts; callback: attempt, verdict
    one = ctxs["a1"].cases.create(world.draft, a1, action="dispatch", unit_id=unit)
    units_u.step(one.id, u1, unit, EventKind.ACCEPTED)
    units_u.step(one.id, u1, unit, EventKind.CONTACTED)
    units_u.step(one.id, u1, unit, EventKind.REPLIED, "已修复路灯")
    assert units_a.review(one.id, a1, accept=True).status == Status.CLOSED
    ctxs["a1"].callbacks.attempt(one.id, a1, "无人接听")
    done = ctxs["a1"].callbacks.record(
        one.id, a1, CallbackVerdict(Satisfaction.SATISFIED, solved=True)
    )
    assert done.status == Status.VISITED
    # a return, re-dispatched by the centre; an extension asked and approved by an agent
    two = ctxs["a1"].cases.create(world.draft, a1, action="dispatch", unit_id=unit)
    units_u.step(two.id, u1, unit, EventKind.RETURNED, "不属于本单位")
    units_a.redispatch(two.id, a1, unit, "请再核实")
    units_u.step(two.id, u1, unit, EventKind.ACCEPTED)
    with world.owner.connect() as oc:
        due = oc.execute(
            text(
                "SELECT due_at FROM case_deadlines WHERE case_id = :c AND met_at IS NULL "
                "ORDER BY seq DESC LIMIT 1"
            ),
            {"c": two.id},
        ).scalar_one()
        code = oc.execute(
            text(
                "SELECT milestone_code FROM case_deadlines WHERE case_id = :c "
                "AND met_at IS NULL ORDER BY seq DESC LIMIT 1"
            ),
            {"c": two.id},
        ).scalar_one()
    units_u.step(two.id, u1, unit, EventKind.EXTENSION_REQUESTED, "需协调",
                 milestone=code, due_at=due + timedelta(days=3))  # fmt: skip
    units_a.decide_extension(two.id, a1, code, True, "同意")
    # supervision: the supervisor orders, the unit acknowledges; an agent escalates
    assert ctxs["sup"].supervision.supervise(two.id, sup, "请加快办理", level=1) == 1
    notice = next(n for n in units_u.notices(unit) if n.kind == EventKind.SUPERVISED)
    units_u.resolve_notice(notice.id, u1)
    ctxs["a1"].supervision.escalate(two.id, a1, "市民多次来电")
    for short in ("a1", "u1", "sup"):
        ctxs[short].sla.sweep()
    with world.owner.connect() as oc:
        rows = oc.execute(
            text("SELECT kind, actor_name FROM case_events WHERE case_id = :c ORDER BY id"),
            {"c": two.id},
        ).all()
        notices = oc.execute(
            text("SELECT created_by_name, resolved_by_id FROM supervision_notices ORDER BY id")
        ).all()
    assert ("returned", "u1") in rows and ("extension_approved", "a1") in rows
    assert ("supervised", "sup") in rows and ("escalated", "a1") in rows
    assert notices[0] == ("sup", u1.agent_id)


def test_offline_replay_keeps_the_answer_time_within_bounds(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    from datetime import UTC, datetime, timedelta

    a1 = me(ctxs["a1"], world, "a1")
    answered = datetime.now(UTC) - timedelta(hours=3)
    with world.owner.begin() as oc:  # a workstation in service since yesterday
        oc.execute(
            text(
                "UPDATE workstations SET registered_at = now() - interval '1 day' WHERE code = :s"
            ),
            {"s": ctxs["a1"].station},  # fmt: skip
        )
    late = ctxs["a1"].cases.create(world.draft, a1, now=answered)  # as the replay does
    with world.owner.connect() as oc:
        row = oc.execute(
            text(
                "SELECT received_at, created_at > now() - interval '5 minutes' FROM cases "
                "WHERE id = :c"
            ),
            {"c": late.id},  # fmt: skip
        ).one()
        ev = oc.execute(
            text(
                "SELECT at, detail::jsonb ->> 'entered_offline', actor_name FROM case_events "
                "WHERE case_id = :c AND kind = 'created'"
            ),
            {"c": late.id},  # fmt: skip
        ).one()
    assert abs((row[0] - answered).total_seconds()) < 1 and row[1]
    assert abs((ev[0] - answered).total_seconds()) < 1 and ev[1] == "true" and ev[2] == "a1"
    # a time older than a workstation may hold a case offline is refused
    with pytest.raises(DBAPIError) as err:
        ctxs["a1"].cases.create(world.draft, a1, now=datetime.now(UTC) - timedelta(days=5))
    assert isinstance(err.value.orig, pgerr.InsufficientPrivilege)
    # and a later event of the case cannot be dated back to it
    with world.raw("a1") as c:
        c.execute(
            "INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
            "VALUES (%s, 'note', %s, '', '', '{}')",
            (late.id, answered),
        )
        at = c.execute("SELECT at FROM case_events WHERE kind = 'note'").fetchone()
        assert at is not None and isinstance(at[0], datetime)
        assert at[0] > answered + timedelta(hours=2)


def test_report_figures_are_refreshed_by_the_database_not_written_by_logins(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    from console.services.assessment import refresh_facts

    a1 = me(ctxs["a1"], world, "a1")
    unit, _ = _units(world)
    made = [
        ctxs["a1"].cases.create(world.draft, a1, action="dispatch", unit_id=unit).id
        for _ in range(3)
    ]
    assert refresh_facts(ctxs["a1"].sessions) == 3  # through hotline_refresh_facts
    assert refresh_facts(ctxs["u1"].sessions) == 0  # nothing new
    ctxs["u1"].units.step(made[0], me(ctxs["u1"], world, "u1"), unit, "accepted")
    assert refresh_facts(ctxs["sup"].sessions) == 1
    with world.owner.connect() as oc:
        by_login = oc.execute(text("SELECT * FROM case_facts ORDER BY case_id")).all()
    with world.owner.begin() as oc:
        oc.execute(text("DELETE FROM case_facts"))
        oc.execute(text("DELETE FROM facts_watermark"))
    owner_sessions = __import__(
        "console.infra.database", fromlist=["make_session_factory"]
    ).make_session_factory(world.owner)
    refresh_facts(owner_sessions, full=True)  # the owner's own path gives the same figures
    with world.owner.connect() as oc:
        by_owner = oc.execute(text("SELECT * FROM case_facts ORDER BY case_id")).all()
    assert by_login == by_owner and len(by_owner) == 3
    with world.raw("a1") as c:
        for sql in (
            "UPDATE case_facts SET satisfaction = 'satisfied'",
            "INSERT INTO case_facts (case_id) VALUES (1)",
            "UPDATE facts_watermark SET event_id = 1000000",
        ):
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute(sql)
            c.rollback()


def test_handovers_and_deadlines_are_not_rewritten_by_logins(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    sup = me(ctxs["sup"], world, "sup")
    a2 = me(ctxs["a2"], world, "a2")
    unit, _ = _units(world)
    sent = ctxs["a1"].cases.create(world.draft, a1, action="dispatch", unit_id=unit)
    with world.owner.begin() as oc:
        hid = oc.execute(
            text(
                "INSERT INTO handovers (shift_code, shift_name, starts_at, ends_at, status, "
                "notes, summary, created_at, version) SELECT code, name, now(), now(), "
                "'submitted', '', '{}', now(), 1 FROM shift_definitions LIMIT 1 RETURNING id"
            )
        ).scalar_one()
    with world.raw("a1") as c:  # agents read handovers, supervisors write them
        for sql in (
            "UPDATE handovers SET status = 'acknowledged'",
            "INSERT INTO handovers (shift_code, shift_name, starts_at, ends_at, status, notes, "
            "summary, created_at, version) SELECT shift_code, '', now(), now(), 'draft', '', "
            "'{}', now(), 1 FROM handovers",
            "UPDATE case_deadlines SET due_at = due_at + interval '30 days'",
        ):
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute(sql)
            c.rollback()
    with world.raw("sup") as c:
        c.execute(
            "UPDATE handovers SET status = 'acknowledged', acknowledged_at = '2020-01-01', "
            "acknowledged_by_id = %s WHERE id = %s",
            (a2.agent_id, hid),
        )
        row = c.execute(
            "SELECT acknowledged_by_id, acknowledged_at > now() - interval '1 minute' "
            "FROM handovers WHERE id = %s",
            (hid,),
        ).fetchone()
        assert row == (sup.agent_id, True)
        c.commit()
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute("UPDATE handovers SET status = 'draft' WHERE id = %s", (hid,))
    assert sent.id


def test_owner_functions_called_with_crafted_arguments(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    mine_unit, other = _units(world)
    theirs = ctxs["a1"].cases.create(world.draft, a1, action="dispatch", unit_id=other)
    with world.raw("a1") as c:
        # the column that lets a unit see a case it returned is the guard's to set
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute(
                "UPDATE cases SET returned_by_unit_id = %s WHERE id = %s", (mine_unit, theirs.id)
            )
        c.rollback()
        # a full refresh of the figures is harmless: computed from the history only
        assert c.execute("SELECT public.hotline_refresh_facts(true)").fetchone() == (1,)
        # the confidential-caller function is a trigger: not callable
        with pytest.raises((pgerr.InsufficientPrivilege, pgerr.FeatureNotSupported)):
            c.execute("SELECT public.cases_hide_confidential_caller()")
        c.rollback()
    with world.raw("u1") as c:
        assert c.execute("SELECT count(*) FROM public.hotline_co_handled()").fetchone() == (0,)
        assert c.execute("SELECT count(*) FROM cases WHERE id = %s", (theirs.id,)).fetchone() == (
            0,
        )


def test_only_the_holder_rewrites_a_case(world: World, ctxs: dict[str, AppContext]) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    unit, _ = _units(world)
    held = ctxs["a1"].cases.create(world.draft, a1)
    sent = ctxs["a1"].cases.create(world.draft, a1, action="dispatch", unit_id=unit)
    for who, case_id in (("a2", held.id), ("u1", sent.id)):
        with world.raw(who) as c:
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute("UPDATE cases SET description = 'x' WHERE id = %s", (case_id,))
    with world.raw("a1") as c:  # the holder of an open case edits it
        c.execute("UPDATE cases SET title = '路灯不亮' WHERE id = %s", (held.id,))
    with world.raw("sup") as c:  # and a supervisor any case
        c.execute("UPDATE cases SET title = '路灯不亮' WHERE id = %s", (sent.id,))


def test_only_trainers_write_the_suggestion_models(world: World) -> None:
    """Every console unpickles the promoted model: an agent or a unit must not be able
    to put one there (or damage one); supervisors and administrators train."""
    insert = (
        "INSERT INTO suggestion_models (version, at, promoted, format, trained_at, "
        "examples, held_back, metrics, reason, trained_by, size, sha256, data) "
        "VALUES (%s, now(), true, 3, 0, 0, 0, '{}', '', '', 1, '', '\\x00')"
    )
    for who in ("a1", "u1"):
        with world.raw(who) as c:
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute(insert, (900,))
            c.rollback()
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute("UPDATE suggestion_models SET promoted = true")
            c.rollback()
            assert c.execute("SELECT count(*) FROM suggestion_models").fetchone() == (0,)
    with world.raw("sup") as c:
        c.execute(insert, (901,))
        c.commit()
