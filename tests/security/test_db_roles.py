"""Who may do what, enforced by PostgreSQL itself: per-person logins in group
roles, GRANTs, the holder guard, the append-only history, confidential callers kept in a
side table only supervisors read, and handling units seeing only their cases.

Each module run has a database and role names of its own (a unique prefix); they are
dropped afterwards. The local server trusts 127.0.0.1, so passwords are not checked at
connect time here; the SCRAM verifier stored is checked instead."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest
from psycopg import errors as pgerr
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from console.app import AppContext, open_context
from console.domain.casetypes import Role
from console.domain.identity import Identity
from console.infra.settings import Settings
from console.services import dbroles
from console.services.claims import AlreadyClaimed
from console.services.queue import QueueFilter, QueueQuery, QueueView
from tests.helpers.db import TRANSACTIONAL
from tests.helpers.roles import PASSWORD, PREFIX, World

pytestmark = pytest.mark.pg


@pytest.fixture
def ctxs(world: World, tmp_path: Path) -> Iterator[dict[str, AppContext]]:
    """A console opened as each person, as the GUI opens it (station registration,
    calendar) — through their own login."""
    with world.owner.begin() as c:  # every test starts without cases
        c.execute(text(f"TRUNCATE {', '.join(TRANSACTIONAL)} RESTART IDENTITY CASCADE"))
    opened: dict[str, AppContext] = {}
    try:
        for short in ("a1", "a2", "sup", "u1"):
            opened[short] = open_context(world.urls[short], Settings(tmp_path / f"{short}.ini"))
        yield opened
    finally:
        for opened_ctx in opened.values():
            opened_ctx.close()


def me(ctx: AppContext, world: World, short: str) -> Identity:
    return ctx.agents.sign_in(world.login(short))


def _refused(exc: BaseException) -> bool:
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    return isinstance(orig, pgerr.InsufficientPrivilege)


# --- refused by the database -----------------------------------------------------------


def test_agent_cannot_take_or_reassign_another_agents_case(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    a2 = me(ctxs["a2"], world, "a2")
    saved = ctxs["a1"].cases.create(world.draft, a1)  # created and held by a1
    with world.raw("a2") as c:
        for sql, args in (
            ("UPDATE cases SET assignee_id = %s WHERE id = %s", (a2.agent_id, saved.id)),
            ("UPDATE cases SET assignee_id = NULL WHERE id = %s", (saved.id,)),
        ):
            with pytest.raises(pgerr.InsufficientPrivilege, match="supervisor"):
                c.execute(sql, args)
            c.rollback()
    # the console's supervisor path with a forged identity: the database still says no
    forged = Identity(a2.agent_id, a2.username, a2.display_name, Role.SUPERVISOR)
    with pytest.raises(DBAPIError) as err:
        ctxs["a2"].claims.assign([saved.id], a2.agent_id, forged)
    assert _refused(err.value)
    # the app's own check answers first for the ordinary claim
    with pytest.raises(AlreadyClaimed):
        ctxs["a2"].claims.claim(saved.id, a2)
    assert ctxs["a1"].claims.holder(saved.id)[0] == a1.agent_id


def test_agent_cannot_hand_an_unassigned_case_to_someone_else(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    a2 = me(ctxs["a2"], world, "a2")
    saved = ctxs["a1"].cases.create(world.draft, a1)
    ctxs["a1"].claims.release(saved.id, a1)
    with world.raw("a1") as c:
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute("UPDATE cases SET assignee_id = %s WHERE id = %s", (a2.agent_id, saved.id))
        c.rollback()
        # nor create a case in someone else's name or for someone else
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute("UPDATE cases SET created_by_id = %s WHERE id = %s", (a2.agent_id, saved.id))
    assert ctxs["a1"].claims.holder(saved.id)[0] is None


FORBIDDEN = (
    "UPDATE sla_policies SET priority = priority + 1",
    "INSERT INTO sla_policies (code, version, name, workday_rule, current, created_at, "
    "priority, work_hours) VALUES ('x', 9, 'x', 'exclusive', true, now(), 99, '')",
    "UPDATE sla_milestones SET limit_value = 999",
    "DELETE FROM sla_milestones",
    "INSERT INTO calendar_overrides (day, workday, note, created_at) "
    "VALUES ('2026-12-01', false, 'x', now())",
    "DELETE FROM calendar_overrides",
    "UPDATE agents SET role = 'admin'",
    "UPDATE alembic_version SET version_num = '0001'",
    "UPDATE case_events SET detail = '{}'",
    "DELETE FROM case_events",
    "TRUNCATE case_events",
    "DELETE FROM cases",
    "CREATE TABLE sneaky (id int)",
)


@pytest.mark.parametrize("who", ["a1", "u1", "sup"])
def test_agents_units_and_supervisors_cannot_edit_policies_or_history(
    world: World, ctxs: dict[str, AppContext], who: str
) -> None:
    ctxs["a1"].cases.create(world.draft, me(ctxs["a1"], world, "a1"))  # some history
    with world.raw(who) as c:
        for sql in FORBIDDEN:
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute(sql)
            c.rollback()
    with world.owner.connect() as c:
        assert c.execute(text("SELECT count(*) FROM case_events")).scalar_one() == 1
        assert c.execute(text("SELECT count(*) FROM sla_policies WHERE code = 'x'")).scalar() == 0


def test_history_is_append_only_even_for_administrators(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    ctxs["a1"].cases.create(world.draft, me(ctxs["a1"], world, "a1"))
    with world.raw("adm") as c:
        assert c.execute("SELECT count(*) FROM case_events").fetchone() == (1,)
        for sql in ("UPDATE case_events SET actor_name = 'x'", "DELETE FROM case_events"):
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute(sql)
            c.rollback()
        # administrators do change policies and the calendar
        c.execute("UPDATE sla_milestones SET warn_minutes = warn_minutes")
        c.execute(
            "INSERT INTO calendar_overrides (day, workday, note, created_at) "
            "VALUES ('2026-12-02', false, 'test', now())"
        )
        c.rollback()


def test_confidential_caller_is_hidden_from_agents_in_the_database(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    secret = replace(
        world.draft,
        sub_type="report",
        caller_name="李四",
        caller_phone="13912345678",
        caller_confidential=True,
        description="举报某工地夜间违规施工",
    )
    saved = ctxs["a1"].cases.create(secret, a1)
    plain = ctxs["a1"].cases.create(world.draft, a1)
    with world.raw("a1") as c:
        row = c.execute(
            "SELECT caller_name, caller_phone FROM cases WHERE id = %s", (saved.id,)
        ).fetchone()
        assert row == ("", "")  # not in the case row at all
        with pytest.raises(pgerr.InsufficientPrivilege):
            c.execute("SELECT * FROM case_confidential_callers")
        c.rollback()
        assert c.execute(
            "SELECT count(*) FROM cases WHERE caller_phone LIKE '%12345678%'"
        ).fetchone() == (0,)
        # an ordinary caller stays readable
        assert c.execute("SELECT caller_name FROM cases WHERE id = %s", (plain.id,)).fetchone() == (
            "张三",
        )
    for who in ("a2", "u1"):
        with world.raw(who) as c, pytest.raises(pgerr.InsufficientPrivilege):
            c.execute("SELECT caller_phone FROM case_confidential_callers")
    with world.raw("sup") as c:
        assert c.execute(
            "SELECT caller_name, caller_phone FROM case_confidential_callers WHERE case_id = %s",
            (saved.id,),
        ).fetchone() == ("李四", "13912345678")
    # the console still lists and searches as the agent: masked, not found by phone
    q = ctxs["a1"].queue
    rows = q.page(QueueQuery(QueueView.OPEN), limit=50)
    assert {r.id for r in rows} == {saved.id, plain.id}
    assert next(r for r in rows if r.id == saved.id).caller == "保密"
    found = q.page(QueueQuery(QueueView.OPEN, filter=QueueFilter(text="1391234")), limit=50)
    assert found == []
    assert q.detail(saved.id, a1.agent_id).caller_phone == ""


def test_unit_user_sees_only_its_units_cases(world: World, ctxs: dict[str, AppContext]) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    u1 = me(ctxs["u1"], world, "u1")
    with world.owner.connect() as c:
        unit_id = c.execute(
            text("SELECT unit_id FROM agents WHERE username = :u"), {"u": world.login("u1")}
        ).scalar_one()
        other = c.execute(
            text("SELECT id FROM handling_units WHERE id <> :u LIMIT 1"), {"u": unit_id}
        ).scalar_one()
    mine = ctxs["a1"].cases.create(world.draft, a1, action="dispatch", unit_id=unit_id)
    theirs = ctxs["a1"].cases.create(world.draft, a1, action="dispatch", unit_id=other)
    kept = ctxs["a1"].cases.create(world.draft, a1)
    assert u1.agent_id
    with world.raw("u1") as c:
        seen = {int(r[0]) for r in c.execute("SELECT id FROM cases")}  # type: ignore[call-overload]
        assert seen == {mine.id}
        # an update of a case it cannot see changes nothing
        cur = c.execute("UPDATE cases SET title = 'x' WHERE id = %s", (theirs.id,))
        assert cur.rowcount == 0
        # and the history it reads is its cases' only
        history = {int(r[0]) for r in c.execute("SELECT DISTINCT case_id FROM case_events")}  # type: ignore[call-overload]
        assert history == {mine.id}
    with world.raw("a1") as c:
        assert {int(r[0]) for r in c.execute("SELECT id FROM cases")} == {  # type: ignore[call-overload]
            mine.id,
            theirs.id,
            kept.id,
        }


def test_login_without_an_active_agent_row_can_do_nothing_with_cases(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    saved = ctxs["a1"].cases.create(world.draft, a1)
    ctxs["a1"].claims.release(saved.id, a1)
    with world.owner.begin() as c:
        c.execute(
            text("UPDATE agents SET active = false WHERE username = :u"),
            {"u": world.login("a2")},
        )
    try:
        with world.raw("a2") as c:  # row-level security fails closed: it sees nothing
            assert c.execute("SELECT count(*) FROM cases").fetchone() == (0,)
            assert c.execute("SELECT count(*) FROM case_events").fetchone() == (0,)
            cur = c.execute("UPDATE cases SET assignee_id = 1 WHERE id = %s", (saved.id,))
            assert cur.rowcount == 0
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute(
                    "INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
                    "VALUES (%s, 'note', now(), 'x', '', '{}')",
                    (saved.id,),
                )
    finally:
        with world.owner.begin() as c:
            c.execute(
                text("UPDATE agents SET active = true WHERE username = :u"),
                {"u": world.login("a2")},
            )


# --- what must keep working under the agent's own login ---------------------------------


def test_agent_console_flows_work_under_the_agents_login(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    ctx = ctxs["a1"]
    a1 = me(ctx, world, "a1")
    assert a1.role == Role.AGENT
    saved = ctx.cases.create(world.draft, a1)  # create: numbered, held by its creator
    assert saved.number and ctx.claims.holder(saved.id)[0] == a1.agent_id
    ctx.claims.release(saved.id, a1)  # give back
    assert ctx.claims.holder(saved.id)[0] is None
    claimed = ctx.claims.claim(saved.id, a1)  # claim a chosen case
    assert claimed.assignee_id == a1.agent_id
    ctx.claims.release(saved.id, a1)
    nxt = ctx.claims.claim_next(a1)  # claim the most urgent one
    assert nxt is not None and nxt.case_id == saved.id
    ctx.presence.heartbeat(a1)
    ctx.presence.open_case(a1, saved.id)
    assert world.login("a1") in {p.username for p in ctx.presence.present()}
    ctx.presence.close_case(a1, saved.id)
    ctx.callers.add_call(saved.id, "13800138000", "市民再次来电催办", a1, ctx.station)
    mine = ctx.queue.page(QueueQuery(QueueView.MINE, agent_id=a1.agent_id), limit=20)
    assert [r.id for r in mine] == [saved.id]
    assert ctx.queue.window(QueueQuery(QueueView.OPEN), 0, 50).total == 1
    kinds = [e.kind for e in ctx.cases.history(saved.id)]
    assert kinds == ["created", "assigned", "claimed", "assigned", "claimed", "note"]
    ctx.sla.sweep()  # the breach sweep runs on every console, agents' too
    ctx.sla.recompute_open()


def test_supervisor_reassigns_under_the_supervisors_login(
    world: World, ctxs: dict[str, AppContext]
) -> None:
    a1 = me(ctxs["a1"], world, "a1")
    a2 = me(ctxs["a2"], world, "a2")
    sup = me(ctxs["sup"], world, "sup")
    saved = ctxs["a1"].cases.create(world.draft, a1)
    result = ctxs["sup"].claims.assign([saved.id], a2.agent_id, sup)
    assert [c.assignee_id for c in result.assigned] == [a2.agent_id] and not result.conflicts
    assert ctxs["a1"].claims.holder(saved.id)[0] == a2.agent_id
    with world.raw("sup") as c:  # and directly, too
        c.execute("UPDATE cases SET assignee_id = %s WHERE id = %s", (a1.agent_id, saved.id))


# --- accounts --------------------------------------------------------------------------


def test_accounts_scram_disable_and_new_tables_get_grants(world: World) -> None:
    with world.owner.connect() as c:
        verifier = c.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"),
            {"n": world.login("a1")},
        ).scalar_one()
    assert str(verifier).startswith("SCRAM-SHA-256$4096:")
    rows = {r.username: r for r in dbroles.list_agents(world.owner, PREFIX)}
    assert rows[world.login("sup")].groups == (f"{PREFIX}supervisor",)
    assert rows[world.login("a1")].can_login is True
    # a table another migration adds: the default rule covers it on the next `db roles`
    with world.owner.begin() as c:
        c.exec_driver_sql("CREATE TABLE later_feature (id serial PRIMARY KEY, v text)")
        c.exec_driver_sql("CREATE VIEW later_view AS SELECT id, v FROM later_feature")
    try:
        dbroles.apply_roles(world.owner, PREFIX)
        with world.raw("a1") as c:
            c.execute("INSERT INTO later_feature (v) VALUES ('ok')")
            assert c.execute("SELECT v FROM later_view").fetchone() == ("ok",)
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute("INSERT INTO later_view (v) VALUES ('no')")
            c.rollback()
            with pytest.raises(pgerr.InsufficientPrivilege):
                c.execute("TRUNCATE later_feature")
    finally:
        with world.owner.begin() as c:
            c.exec_driver_sql("DROP VIEW later_view")
            c.exec_driver_sql("DROP TABLE later_feature")
    # a new account, then disabled: it can no longer log in
    name = world.login("tmp")
    dbroles.add_agent(world.owner, name, "agent", PASSWORD, prefix=PREFIX)
    try:
        u = make_url(world.owner_url)
        with psycopg.connect(host=u.host, port=u.port, dbname=u.database, user=name) as c:
            assert c.execute("SELECT current_user").fetchone() == (name,)
        dbroles.disable_agent(world.owner, name)
        with pytest.raises(psycopg.OperationalError, match="not permitted to log in"):
            psycopg.connect(host=u.host, port=u.port, dbname=u.database, user=name)
        row = {r.username: r for r in dbroles.list_agents(world.owner, PREFIX)}[name]
        assert row.active is False and row.can_login is False
    finally:
        with world.owner.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql(f'DROP OWNED BY "{name}"')
            c.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')


def test_db_account_commands(
    world: World, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    from console.cli.entry import main

    name = world.login("cli")
    base = ["--database", world.owner_url, "--prefix", PREFIX]
    monkeypatch.setattr("sys.stdin", io.StringIO("Cli-pass-123\n"))
    try:
        assert (
            main(["db", "add-agent", name, "--role", "supervisor", "--name", "主管甲", *base]) == 0
        )
        assert main(["db", "roles", *base]) == 0  # idempotent, after migrating
        assert main(["db", "list-agents", *base]) == 0
        out = capsys.readouterr().out
        assert "Cli-pass-123" not in out
        line = next(ln for ln in out.splitlines() if ln.startswith(name))
        assert "supervisor" in line and f"{PREFIX}supervisor" in line and " yes " in line
        assert main(["db", "disable-agent", name, "--database", world.owner_url]) == 0
        row = {r.username: r for r in dbroles.list_agents(world.owner, PREFIX)}[name]
        assert row.active is False and row.can_login is False
        # a bad name is refused plainly, nothing is created
        monkeypatch.setattr("sys.stdin", io.StringIO("Cli-pass-123\n"))
        assert main(["db", "add-agent", "Bad Name", "--role", "agent", *base]) == 2
        assert "bad user name" in capsys.readouterr().err
    finally:
        with world.owner.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql(f'DROP OWNED BY "{name}"')
            c.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')


def test_people_signing_in_on_one_workstation_share_its_station(
    world: World, tmp_path: Path
) -> None:
    settings = Settings(tmp_path / "shared.ini")
    stations = []
    for short in ("a1", "sup"):
        ctx = open_context(world.urls[short], settings)
        stations.append(ctx.station)
        ctx.close()
    assert stations[0] == stations[1]
    assert world.login("a1") not in (tmp_path / "shared.ini").read_text(encoding="utf-8")
