"""The delivery workers in a process of their own (``serve --deliver-only``, which
``serve`` starts beside itself): what the API service commits is delivered by the other
process, and the command line's whole path, HTTP push to webhook arrival."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from console.exchange.credentials import issue_token
from console.exchange.service import ExchangeService, ServeOptions, ThreadedServer
from console.infra.database import make_engine, make_session_factory
from tests.exchange.conftest import order, wait_for
from tests.helpers.db import pg_reset
from tests.helpers.fake_receivers import FakePlatform, fake_platform

pytestmark = pytest.mark.pg
ROOT = Path(__file__).resolve().parents[2]


def test_what_the_api_commits_is_delivered_by_the_delivery_service(pg_url: str) -> None:
    pg_reset(pg_url)
    with fake_platform() as platform:
        deliverer = ExchangeService(pg_url, ServeOptions(poll_s=0.2))
        token = issue_token(deliverer.sessions, platform="粤省心", webhook_url=platform.url)[1]
        done = threading.Event()
        thread = threading.Thread(target=deliverer.deliver, args=(done.is_set, 0.1))
        thread.start()
        api = ExchangeService(pg_url, ServeOptions(workers=False))
        server = ThreadedServer(api.app)
        server.start()
        try:
            _push_and_see_it_delivered(f"http://127.0.0.1:{server.port}", token, platform, "W-1")
        finally:
            done.set()
            thread.join(timeout=15)
            server.stop()
            api.stop()
        assert not thread.is_alive()


def test_serve_delivers_webhooks_from_its_child_process(pg_url: str) -> None:
    pg_reset(pg_url)
    engine = make_engine(pg_url)
    sessions = make_session_factory(engine)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with fake_platform() as platform:
        token = issue_token(sessions, platform="粤省心", webhook_url=platform.url)[1]
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--database", pg_url,
             "serve", "--listen", f"127.0.0.1:{port}", "--no-suggestions"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            assert wait_for(lambda: _up(base) or proc.poll() is not None, 60)
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            children = _children(proc.pid)
            assert len(children) == 1, "serve starts its delivery process"
            _push_and_see_it_delivered(base, token, platform, "CLI-1")
            # a delivery process that dies is started again, and nothing is lost
            os.kill(children[0], signal.SIGKILL)
            _push_and_see_it_delivered(base, token, platform, "CLI-2")
            new = set(_children(proc.pid)) - set(children)
            assert new, "a delivery process was started again"
            children += new
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            engine.dispose()
        assert wait_for(lambda: not any(Path(f"/proc/{c}").exists() for c in children), 20), (
            "the delivery process outlived serve"
        )


def _push_and_see_it_delivered(base: str, token: str, platform: FakePlatform, eid: str) -> None:
    r = httpx.post(
        f"{base}/api/v1/orders",
        json=order(eid),
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert r.status_code == 201, r.text
    number = r.json()["number"]
    assert wait_for(lambda: len(platform.events(number)) == 2, 30)
    assert platform.events(number) == ["created", "dispatched"]


def _up(base: str) -> bool:
    try:
        return httpx.get(f"{base}/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def _children(pid: int) -> list[int]:
    from tests.exchange.test_api import _children as children

    return children(pid)
