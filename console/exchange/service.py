"""Composition of the exchange service: engine, lifecycle adapter, HTTP app and the
delivery workers (webhooks, SMS). Used by ``python main.py serve`` (the HTTP service in
one process, the delivery workers in a child process: :meth:`ExchangeService.deliver`)
and by the tests, which run both in one process on loopback with uvicorn in a thread."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import uvicorn
from fastapi import FastAPI
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from console import migrations
from console.app import SchemaOutdated
from console.exchange.app import ExchangeConfig, create_app
from console.exchange.orders import OrderService
from console.exchange.outbox import WEBHOOKS, Worker, watermark, webhook_tick
from console.exchange.sms import SMS, SmsGateway, sms_tick
from console.exchange.steps import Lifecycle, service_agent_id
from console.exchange.webhook_http import WebhookPoster
from console.infra.database import make_engine, make_session_factory, mask
from console.models import Workstation
from console.services.numbers import register_workstation
from console.services.sla import load_calendar

log = logging.getLogger("console.exchange")

#: the workstation row whose station code the service's case numbers carry
STATION_HOST = "exchange-service"


@dataclass(frozen=True)
class ServeOptions:
    config: ExchangeConfig = field(default_factory=ExchangeConfig)
    workers: bool = True
    poll_s: float = 0.2
    webhook_backoff_s: float = 2.0
    webhook_timeout_s: float = 5.0
    sms_gateway: SmsGateway | None = None
    sms_backoff_s: float = 10.0
    pool_size: int = 8


def service_station(sessions: sessionmaker[Session]) -> str:
    with sessions() as s:
        code = s.scalars(
            select(Workstation.code)
            .where(Workstation.hostname == STATION_HOST)
            .order_by(Workstation.code)
        ).first()
    return code or register_workstation(sessions, hostname=STATION_HOST)


def quiet_http_client_logs() -> None:
    """httpx logs every request's URL at INFO: an SMS gateway's URL carries the phone
    number and the text. Nothing personal in the service's logs."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)


def cache_batch_statements() -> None:
    """psycopg turns a query's ``%(name)s`` placeholders into PostgreSQL's with a regular
    expression, and keeps the result only for queries under 4 KiB and 50 parameters
    (``psycopg._queries``). The group commit's multi-row INSERTs (a batch of cases, 37
    columns a row, and of their events) repeat a few texts, one per batch size, and
    parsing each again took about a third of the writer's CPU: this process keeps them.
    Private constants of psycopg: if they are renamed, only the speed changes."""
    from functools import lru_cache

    from psycopg import _queries

    # and more of them than its 128 (the service's statements, each batch size's)
    nocache = getattr(_queries, "_query2pg_nocache", None)
    if callable(nocache) and hasattr(_queries, "_query2pg"):
        _queries._query2pg = lru_cache(maxsize=1024)(nocache)
    for name, value in (
        ("MAX_CACHED_STATEMENT_LENGTH", 512 * 1024),
        ("MAX_CACHED_STATEMENT_PARAMS", 32767),
    ):
        if isinstance(getattr(_queries, name, None), int):
            setattr(_queries, name, value)


class ExchangeService:
    def __init__(self, url: str, options: ServeOptions | None = None) -> None:
        quiet_http_client_logs()
        cache_batch_statements()
        self.options = options or ServeOptions()
        self.url = url
        self.engine: Engine = make_engine(url, pool_size=self.options.pool_size)
        # a failed statement's message must not quote its parameters (callers' phones)
        self.engine.hide_parameters = True
        if not migrations.is_up_to_date(self.engine):
            self.engine.dispose()
            raise SchemaOutdated(
                f"{mask(url)}: the schema is not at this release's revision "
                f"({migrations.head_revision()}): run `python main.py db upgrade` first"
            )
        self.sessions = make_session_factory(self.engine)
        self.station = service_station(self.sessions)
        with self.sessions() as s:
            self.calendar = load_calendar(s)
        agent_id = service_agent_id(self.sessions)
        self.lifecycle = Lifecycle(
            self.sessions, lambda: self.calendar, lambda: self.station, agent_id
        )
        self.orders = OrderService(self.sessions, self.lifecycle)
        self.app: FastAPI = create_app(self.sessions, self.orders, self.options.config)
        self._client = WebhookPoster(self.options.webhook_timeout_s)
        self._workers: list[Worker] = []
        # the scanners start from now: history before the first start is not replayed
        with self.sessions() as s, s.begin():
            watermark(s, WEBHOOKS)
            watermark(s, SMS)

    def start_workers(self) -> None:
        o = self.options
        self._workers.append(
            Worker(
                "webhooks",
                webhook_tick(self.sessions, self._client, o.webhook_backoff_s),
                o.poll_s,
            )
        )
        if o.sms_gateway is not None:
            self._workers.append(
                Worker("sms", sms_tick(self.sessions, o.sms_gateway, o.sms_backoff_s), o.poll_s)
            )
        hooks = self._workers[0]
        self.orders.on_commit(hooks.wake.set)  # a new event: deliver now, not at the next poll
        for w in self._workers:
            w.start()

    def deliver(self, done: Callable[[], bool], check_every_s: float = 1.0) -> None:
        """The delivery workers without the HTTP service, until ``done()`` (the process
        ``serve`` starts beside itself). Nothing wakes them across processes: they
        poll every ``poll_s`` while idle (a webhook then waits up to that long), and
        pass after pass while there is work."""
        self.start_workers()
        try:
            while not done():
                time.sleep(check_every_s)
        finally:
            self.stop()

    def stop(self) -> None:
        self.orders.close()
        for w in self._workers:
            w.stop()
        for w in self._workers:
            w.join(timeout=10)
        self._workers.clear()
        self._client.close()
        self.engine.dispose()

    def serve(self, host: str, port: int) -> None:
        """Run until interrupted (the command line)."""
        if self.options.workers:
            self.start_workers()
        log.info("exchange service on %s:%d, database %s", host, port, mask(self.url))
        http, loop = fast_loop()
        try:
            uvicorn.run(
                self.app,
                host=host,
                port=port,
                access_log=False,  # ours logs without personal data (console.exchange.limits)
                log_level="warning",
                server_header=False,
                date_header=False,
                http=http,
                loop=loop,
            )
        finally:
            self.stop()


def fast_loop() -> tuple[str, str]:
    """(http, loop) for uvicorn: its C parser and event loop when installed (httptools,
    uvloop: several times less CPU per request than h11 and asyncio's own loop)."""
    import importlib.util

    http = "httptools" if importlib.util.find_spec("httptools") is not None else "h11"
    loop = "uvloop" if importlib.util.find_spec("uvloop") is not None else "asyncio"
    return http, loop


class ThreadedServer:
    """uvicorn in a background thread (tests, benchmarks); ``port`` once started."""

    def __init__(self, app: FastAPI, host: str = "127.0.0.1", port: int = 0) -> None:
        self.config = uvicorn.Config(
            app, host=host, port=port, access_log=False, log_level="warning", lifespan="off"
        )
        self.server = uvicorn.Server(self.config)
        self._thread = threading.Thread(target=self.server.run, daemon=True)
        self.port = 0

    def start(self, timeout: float = 10.0) -> None:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the exchange service did not start")
            time.sleep(0.02)
        sock = self.server.servers[0].sockets[0]
        self.port = int(sock.getsockname()[1])

    def stop(self) -> None:
        self.server.should_exit = True
        self._thread.join(timeout=10)
