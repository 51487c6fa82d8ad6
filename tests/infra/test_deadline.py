"""Every call to the central database has a deadline, also on a link that swallows
traffic (an in-process proxy in front of the real PostgreSQL)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from console.infra.database import CONNECT_TIMEOUT_S, make_engine
from console.infra.deadline import TCP_OPTIONS, deadline
from tests.helpers.proxy import TcpProxy

pytestmark = pytest.mark.pg


@pytest.fixture
def proxy() -> Iterator[TcpProxy]:
    p = TcpProxy(("127.0.0.1", 5432)).start()
    yield p
    p.stop()


def test_a_swallowed_statement_fails_at_its_deadline_and_the_pool_recovers(
    pg_url: str, proxy: TcpProxy
) -> None:
    engine = make_engine(proxy.url(pg_url), call_timeout_s=1.0)
    try:
        with engine.connect() as c:
            assert c.execute(text("SELECT 1")).scalar() == 1
        proxy.blackhole()
        t0 = time.monotonic()
        with pytest.raises(DBAPIError), engine.connect() as c:
            c.execute(text("SELECT 1"))
        # the pooled connection's ping is cut at 1 s, the pool then tries a fresh
        # connection, which libpq's connect_timeout ends
        assert time.monotonic() - t0 < 1.0 + CONNECT_TIMEOUT_S + 2.0
        proxy.restore()
        with engine.connect() as c:  # a fresh connection replaces the cut one
            assert c.execute(text("SELECT 2")).scalar() == 2
            proxy.blackhole()
            t0 = time.monotonic()
            with pytest.raises(DBAPIError):
                c.execute(text("SELECT 3"))  # mid-session
            assert time.monotonic() - t0 < 3.0
        proxy.restore()
        with engine.begin() as c:
            assert c.execute(text("SELECT 4")).scalar() == 4
    finally:
        engine.dispose()


def test_the_change_feeds_raw_listen_connection_is_bounded_too(
    pg_url: str, proxy: TcpProxy
) -> None:
    url = proxy.url(pg_url).replace("postgresql+psycopg://", "postgresql://")
    conn = psycopg.connect(url, autocommit=True, connect_timeout=5, **TCP_OPTIONS)
    try:
        proxy.blackhole()
        t0 = time.monotonic()
        with pytest.raises(psycopg.OperationalError), deadline(conn, 1.0):
            conn.execute("SELECT 1")
        assert time.monotonic() - t0 < 3.0
    finally:
        conn.close()
