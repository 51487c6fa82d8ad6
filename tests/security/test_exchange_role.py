"""The exchange service under a database login of its own (group ``<prefix>exchange``,
made by ``db add-service``), never a person's and never the schema owner's: the API's
flows work under it, and what it may not do (or what people may not do with its
tables) is refused by PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from psycopg import errors as pgerr
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from console.exchange.app import ExchangeConfig
from console.exchange.credentials import issue_token
from console.exchange.service import ExchangeService, ServeOptions, ThreadedServer
from console.exchange.sms import HttpSmsGateway
from console.infra.database import make_session_factory
from console.models import Agent, Case
from console.services import dbroles
from tests.exchange.conftest import UNIT_A, UNIT_B, Running, order, wait_for
from tests.exchange.test_api import (  # noqa: F401 - collected here too, under the login
    test_attachments,
    test_concurrent_pushes_of_one_external_id_make_one_case,
    test_nothing_personal_in_the_logs,
    test_push_is_idempotent,
    test_reads_are_404_for_anyone_but_the_pusher_and_the_holder,
    test_request_extension_needs_until,
    test_unit_steps_and_refusals,
    test_webhooks_retry_and_are_applied_once,
)
from tests.helpers.db import TRANSACTIONAL
from tests.helpers.fake_receivers import fake_platform, fake_sms_gateway
from tests.helpers.roles import PASSWORD, PREFIX, TAG, World

pytestmark = pytest.mark.pg

SERVICE = f"{TAG}_xsvc"


@pytest.fixture(scope="module")
def service_url(world: World) -> Iterator[str]:
    row = dbroles.add_service(world.owner, PASSWORD, SERVICE, prefix=PREFIX)
    assert row.role == "exchange" and row.groups == (f"{PREFIX}exchange",)
    yield (
        make_url(world.owner_url)
        .set(username=SERVICE, password=PASSWORD)
        .render_as_string(hide_password=False)
    )
    with world.owner.begin() as c:
        c.exec_driver_sql(f'DROP OWNED BY "{SERVICE}"')
        c.exec_driver_sql(f'DROP ROLE IF EXISTS "{SERVICE}"')


@pytest.fixture
def running(world: World, service_url: str) -> Iterator[Running]:
    """tests/exchange's ``running``, the service under its own login; the tokens are
    issued by an administrator (the owner here), as ``api token`` does."""
    with world.owner.begin() as c:
        c.execute(text(f"TRUNCATE {', '.join(TRANSACTIONAL)} RESTART IDENTITY CASCADE"))
    owner_sessions = make_session_factory(world.owner)
    with fake_platform() as platform, fake_sms_gateway() as sms:
        service = ExchangeService(
            service_url,
            ServeOptions(
                config=ExchangeConfig(rate_per_s=1000, burst=1000),
                poll_s=0.05,
                webhook_backoff_s=0.2,
                sms_gateway=HttpSmsGateway(sms.url_template),
                sms_backoff_s=0.2,
                pool_size=6,
            ),
        )
        tokens = {
            "platform": issue_token(owner_sessions, platform="粤省心", webhook_url=platform.url)[1],
            "other_platform": issue_token(owner_sessions, platform="另一平台")[1],
            "unit_a": issue_token(owner_sessions, unit=UNIT_A)[1],
            "unit_b": issue_token(owner_sessions, unit=UNIT_B)[1],
        }
        server = ThreadedServer(service.app)
        try:
            server.start()
            service.start_workers()
            yield Running(service, f"http://127.0.0.1:{server.port}", platform, sms, tokens)
        finally:
            server.stop()
            service.stop()


def test_service_runs_under_its_own_login(world: World, running: Running) -> None:
    with running.service.sessions() as s:
        who = s.execute(text("SELECT current_user, hotline_role()")).one()
    assert tuple(who) == (SERVICE, "exchange")
    with httpx.Client(base_url=running.base, timeout=30) as c:
        r = c.post(
            "/api/v1/orders",
            json=order("ROLE-1"),
            headers={"Authorization": f"Bearer {running.tokens['platform']}"},
        )
        assert r.status_code == 201, r.text
        number = r.json()["number"]
        r = c.post(
            f"/api/v1/orders/{number}/steps",
            json={"action": "accept"},
            headers={"Authorization": f"Bearer {running.tokens['unit_a']}"},
        )
        assert r.status_code == 200, r.text
    assert wait_for(lambda: "accepted" in running.platform.events(number))
    with make_session_factory(world.owner)() as s:
        case = s.scalars(select(Case).where(Case.number == number)).one()
        me = s.scalars(select(Agent.id).where(Agent.username == SERVICE)).one()
        assert case.created_by_id == me and case.assignee_id is None
        assert case.status == "accepted"


def test_sms_at_intake_and_closure(world: World, running: Running) -> None:
    """tests/exchange's, with the case closed by the centre (the service may not)."""
    from sqlalchemy.exc import DBAPIError

    from console.domain.casetypes import Role
    from console.domain.identity import Identity
    from console.services.units import UnitService

    number = push_order(running, order("YSX-SMS", caller_phone="13700001111"))
    assert wait_for(lambda: len(running.sms.to("13700001111")) == 1)
    assert number in running.sms.to("13700001111")[0]
    with running.client("unit_a") as a:
        a.post(f"/api/v1/orders/{number}/steps", json={"action": "accept"})
        a.post(f"/api/v1/orders/{number}/steps", json={"action": "reply", "text": "已清理河涌"})
    with running.service.sessions() as s:
        admin_id = s.scalars(select(Agent.id).where(Agent.username == "admin")).one()
        case_id = s.scalars(select(Case.id).where(Case.number == number)).one()
    admin = Identity(admin_id, "admin", "管理员", Role.ADMIN)
    with pytest.raises(DBAPIError) as refused:  # the service closes no case
        running.service.lifecycle.units.review(case_id, admin, accept=True)
    assert isinstance(refused.value.orig, pgerr.InsufficientPrivilege)
    centre = UnitService(
        make_session_factory(world.owner),
        lambda: running.service.calendar,
        lambda: running.service.station,
    )
    centre.review(case_id, admin, accept=True)
    assert wait_for(lambda: len(running.sms.to("13700001111")) == 2)
    closure = running.sms.to("13700001111")[1]
    assert number in closure and "已清理河涌" in closure


def push_order(running: Running, body: dict[str, object]) -> str:
    with running.client("platform") as c:
        r = c.post("/api/v1/orders", json=body)
    assert r.status_code == 201, r.text
    return str(r.json()["number"])


def _raw(world: World, url: str):  # type: ignore[no-untyped-def]
    import psycopg

    u = make_url(url)
    return psycopg.connect(
        host=u.host, port=u.port, dbname=u.database, user=u.username, password=u.password
    )


def test_people_cannot_read_tokens_or_outboxes(world: World, running: Running) -> None:
    with httpx.Client(base_url=running.base, timeout=30) as c:
        r = c.post(
            "/api/v1/orders",
            json=order("ROLE-2"),
            headers={"Authorization": f"Bearer {running.tokens['platform']}"},
        )
        assert r.status_code == 201, r.text
    for who in ("a1", "sup", "u1"):
        for sql in (
            "SELECT token_hash FROM exchange_tokens",
            "SELECT payload FROM webhook_deliveries",
            "SELECT phone, text FROM sms_messages",
            "SELECT * FROM exchange_orders",
            "SELECT webhook_url FROM exchange_platforms",
            "UPDATE exchange_watermarks SET last_event_id = 0",
            "INSERT INTO sms_opt_outs (phone, created_at) VALUES ('13800138000', now())",
        ):
            with world.raw(who) as conn, pytest.raises(pgerr.InsufficientPrivilege):
                conn.execute(sql)


def test_an_agents_login_does_not_run_the_service(world: World) -> None:
    with pytest.raises(RuntimeError, match="add-service"):
        ExchangeService(world.urls["a1"], ServeOptions(workers=False))


def test_the_service_does_only_what_the_api_does(
    world: World, running: Running, service_url: str
) -> None:
    with httpx.Client(base_url=running.base, timeout=30) as c:
        r = c.post(
            "/api/v1/orders",
            json=order("ROLE-3", caller_name="周女士", confidential=True),
            headers={"Authorization": f"Bearer {running.tokens['platform']}"},
        )
        assert r.status_code == 201, r.text
    with world.owner.begin() as c:
        case_id = c.execute(text("SELECT max(id) FROM cases")).scalar_one()
    refused = (
        "SELECT * FROM case_confidential_callers",
        "SELECT * FROM calls",
        "SELECT * FROM agent_states",
        "UPDATE exchange_tokens SET revoked_at = NULL",
        "INSERT INTO exchange_tokens (token_hash, prefix, created_at) VALUES ('x', 'x', now())",
        "DELETE FROM exchange_orders",
        "DELETE FROM cases",
        "UPDATE agents SET role = 'admin'",
        "SELECT * FROM handovers",
        # a case it did not create just now is not edited, closed or given a closing event
        f"UPDATE cases SET description = 'x' WHERE id = {case_id}",
        f"UPDATE cases SET status = 'closed' WHERE id = {case_id}",
        f"INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
        f"VALUES ({case_id}, 'closed', now(), '', '', '{{}}')",
        f"INSERT INTO case_events (case_id, kind, at, actor_name, station, detail) "
        f"VALUES ({case_id}, 'supervised', now(), '', '', '{{}}')",
    )
    for sql in refused:
        with _raw(world, service_url) as conn:
            with pytest.raises((pgerr.InsufficientPrivilege, pgerr.RaiseException)):
                conn.execute(sql)


def test_the_services_suggestion_worker_works_under_its_login(
    world: World, service_url: str, tmp_path: Path
) -> None:
    """``serve`` starts ``suggest backfill --follow`` with its own database URL: under the
    service's login the worker reads the centre's model and stores the suggestions of
    received cases (it was refused the model's table: no pushed order got any)."""
    import contextlib
    import io

    from console.cli.entry import main
    from console.learning.store import DatabaseModelStore
    from console.models import CaseSuggestion
    from console.services.suggestions import SuggestionService
    from tests.helpers.suggest_data import add_cases

    with world.owner.begin() as c:
        c.execute(text(f"TRUNCATE {', '.join(TRANSACTIONAL)} RESTART IDENTITY CASCADE"))
    owner = make_session_factory(world.owner)
    add_cases(owner, 8)  # the history it learns from
    SuggestionService(owner, DatabaseModelStore(owner, tmp_path / "trainer", "ws")).train()
    (received,) = add_cases(owner, 1, status="received", seed=7)[:1]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        rc = main(["--database", service_url, "suggest", "backfill"])
    assert rc == 0, out.getvalue()
    with owner() as s:
        stored = s.get(CaseSuggestion, received)
        assert stored is not None and stored.items
