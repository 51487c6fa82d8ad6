"""Fakes on loopback for the exchange service: a platform receiving webhooks and an SMS
gateway. Both are real HTTP servers (http.server in a thread)."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakePlatform:
    """Receives webhooks; applies each delivery id once (as a careful receiver does) and
    counts every arrival, so a test sees retries and duplicates. ``fail_next`` makes the
    next N requests fail with HTTP 500."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.arrivals: list[tuple[str, dict[str, Any]]] = []  # every request
        self.applied: dict[str, dict[str, Any]] = {}  # delivery id -> payload, once
        self.fail_next = 0
        self.url = ""

    def handle(self, key: str, payload: dict[str, Any]) -> int:
        with self.lock:
            self.arrivals.append((key, payload))
            if self.fail_next > 0:
                self.fail_next -= 1
                return 500
            self.applied.setdefault(key, payload)
            return 200

    def events(self, number: str) -> list[str]:
        with self.lock:
            return [p["event"] for p in self.applied.values() if p.get("number") == number]


class FakeSmsGateway:
    """Receives GET /send?phone=…&text=…&id=…; ``fail_next`` fails the next N."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.received: list[dict[str, str]] = []
        self.fail_next = 0
        self.url_template = ""

    def handle(self, query: dict[str, str]) -> int:
        with self.lock:
            if self.fail_next > 0:
                self.fail_next -= 1
                return 503
            self.received.append(query)
            return 200

    def to(self, phone: str) -> list[str]:
        with self.lock:
            return [q["text"] for q in self.received if q.get("phone") == phone]


def _serve(handler: type[BaseHTTPRequestHandler]) -> tuple[ThreadingHTTPServer, threading.Thread]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


@contextmanager
def fake_platform() -> Iterator[FakePlatform]:
    fake = FakePlatform()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            key = self.headers.get("Idempotency-Key", "")
            code = fake.handle(key, json.loads(body or b"{}"))
            out = json.dumps({"delivery_id": key}).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def log_message(self, *_args: Any) -> None:
            pass

    server, thread = _serve(Handler)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}/hooks"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@contextmanager
def fake_sms_gateway() -> Iterator[FakeSmsGateway]:
    fake = FakeSmsGateway()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
            code = fake.handle(q)
            self.send_response(code)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_args: Any) -> None:
            pass

    server, thread = _serve(Handler)
    port = server.server_address[1]
    fake.url_template = f"http://127.0.0.1:{port}/send?phone={{phone}}&text={{text}}&id={{id}}"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
