"""The exchange service started for real on loopback (uvicorn in a thread), on SQLite and
PostgreSQL, with a fake platform receiving its webhooks and a fake SMS gateway."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from console.exchange.app import ExchangeConfig
from console.exchange.credentials import issue_token
from console.exchange.service import ExchangeService, ServeOptions, ThreadedServer
from console.exchange.sms import HttpSmsGateway
from tests.helpers.fake_receivers import (
    FakePlatform,
    FakeSmsGateway,
    fake_platform,
    fake_sms_gateway,
)

UNIT_A = "佛山市生态环境局南海分局"  # routed: 环境保护 in 南海区
UNIT_B = "佛山市生态环境局"  # routed: 环境保护 elsewhere (禅城区)
CATEGORY = "环境保护/环保管理/环境监测"


@dataclass
class Running:
    service: ExchangeService
    base: str
    platform: FakePlatform
    sms: FakeSmsGateway
    tokens: dict[str, str]

    def client(self, who: str) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.tokens[who]}"} if who else {}
        return httpx.Client(base_url=self.base, headers=headers, timeout=30)


def order(external_id: str, **over: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "external_id": external_id,
        "title": "河涌有异味",
        "description": "小区旁边的河涌连续三天发出恶臭，请尽快处理。",
        "caller_name": "陈先生",
        "caller_phone": "13800138000",
        "received_at": "2026-12-01T09:30:00+08:00",
        "category": CATEGORY,
        "district": "南海区",
        "sub_type": "complaint",
    }
    body.update(over)
    return body


def wait_for(check: Callable[[], bool], timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return check()


@pytest.fixture
def running_factory(db_url: str) -> Iterator[Callable[..., Running]]:
    stack: list[tuple[ExchangeService, ThreadedServer]] = []
    with fake_platform() as platform, fake_sms_gateway() as sms:

        def start(config: ExchangeConfig | None = None) -> Running:
            gateway = HttpSmsGateway(sms.url_template)
            service = ExchangeService(
                db_url,
                ServeOptions(
                    config=config or ExchangeConfig(rate_per_s=1000, burst=1000),
                    poll_s=0.05,
                    webhook_backoff_s=0.2,
                    sms_gateway=gateway,
                    sms_backoff_s=0.2,
                    pool_size=6,
                ),
            )
            tokens = {
                "platform": issue_token(
                    service.sessions, platform="粤省心", webhook_url=platform.url
                )[1],
                "other_platform": issue_token(service.sessions, platform="另一平台")[1],
                "unit_a": issue_token(service.sessions, unit=UNIT_A)[1],
                "unit_b": issue_token(service.sessions, unit=UNIT_B)[1],
            }
            server = ThreadedServer(service.app)
            server.start()
            service.start_workers()
            stack.append((service, server))
            return Running(service, f"http://127.0.0.1:{server.port}", platform, sms, tokens)

        try:
            yield start
        finally:
            for service, server in stack:
                server.stop()
                service.stop()


@pytest.fixture
def running(running_factory: Callable[..., Running]) -> Running:
    return running_factory()
