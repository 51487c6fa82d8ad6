"""The exchange service under a database login of its own (an agent's grants, row-level
security and the holder guard apply), never the schema owner's."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from console.domain.casetypes import Role
from console.exchange.credentials import issue_token
from console.exchange.service import ExchangeService, ServeOptions, ThreadedServer
from console.infra.database import make_session_factory
from console.models import Agent, Case
from console.services import dbroles
from tests.exchange.conftest import UNIT_A, order, wait_for
from tests.helpers.fake_receivers import fake_platform
from tests.helpers.roles import PASSWORD, PREFIX, TAG, World

pytestmark = pytest.mark.pg


@pytest.fixture
def exchange_url(world: World) -> Iterator[str]:
    name = f"{TAG}_exchange"
    dbroles.add_agent(world.owner, name, Role.AGENT, PASSWORD, display_name="交换服务",
                      prefix=PREFIX)  # fmt: skip
    yield (
        make_url(world.owner_url)
        .set(username=name, password=PASSWORD)
        .render_as_string(hide_password=False)
    )
    with world.owner.begin() as c:
        c.exec_driver_sql(f'DROP OWNED BY "{name}"')
        c.exec_driver_sql(f'DROP ROLE IF EXISTS "{name}"')


def test_service_runs_under_its_own_login(world: World, exchange_url: str) -> None:
    owner_sessions = make_session_factory(world.owner)
    with fake_platform() as platform:
        service = ExchangeService(exchange_url, ServeOptions(poll_s=0.05))
        server = ThreadedServer(service.app)
        try:
            with service.sessions() as s:
                who = s.execute(text("SELECT current_user, hotline_role()")).one()
            assert tuple(who) == (f"{TAG}_exchange", "agent")
            ptoken = issue_token(owner_sessions, platform="粤省心", webhook_url=platform.url)[1]
            utoken = issue_token(owner_sessions, unit=UNIT_A)[1]
            server.start()
            service.start_workers()
            base = f"http://127.0.0.1:{server.port}"
            with httpx.Client(base_url=base, timeout=30) as c:
                r = c.post(
                    "/api/v1/orders",
                    json=order("ROLE-1"),
                    headers={"Authorization": f"Bearer {ptoken}"},
                )
                assert r.status_code == 201, r.text
                number = r.json()["number"]
                r = c.post(
                    f"/api/v1/orders/{number}/steps",
                    json={"action": "accept"},
                    headers={"Authorization": f"Bearer {utoken}"},
                )
                assert r.status_code == 200, r.text
            assert wait_for(lambda: "accepted" in platform.events(number))
            with owner_sessions() as s:
                case = s.scalars(select(Case).where(Case.number == number)).one()
                me = s.scalars(select(Agent.id).where(Agent.username == f"{TAG}_exchange")).one()
                assert case.created_by_id == me and case.assignee_id is None
                assert case.status == "accepted"
        finally:
            server.stop()
            service.stop()
