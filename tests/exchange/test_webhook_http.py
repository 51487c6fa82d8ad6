"""The webhook worker's HTTP client: keep-alive, a receiver closing idle connections,
and receivers behind an environment proxy left to httpx."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from console.exchange import webhook_http
from console.exchange.webhook_http import WebhookPoster


class _Receiver:
    def __init__(self, close_after_each: bool) -> None:
        self.bodies: list[tuple[str, dict[str, Any]]] = []
        self.connections = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                receiver.connections += 1

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                receiver.bodies.append((self.headers["Idempotency-Key"], json.loads(body)))
                self.send_response(204 if self.path == "/hooks" else 500)
                self.send_header("Content-Length", "0")
                self.end_headers()
                if close_after_each:
                    # an idle keep-alive connection closed by the receiver, silently
                    self.close_connection = True

            def log_message(self, *_a: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(params=[False, True], ids=["keep-alive", "closes-idle"])
def receiver(request: pytest.FixtureRequest) -> Iterator[_Receiver]:
    r = _Receiver(close_after_each=request.param)
    yield r
    r.server.shutdown()
    r.server.server_close()


def test_each_post_arrives_once_with_its_key(receiver: _Receiver) -> None:
    poster = WebhookPoster(timeout=5)
    try:
        statuses = [
            poster.post(
                f"{receiver.base}/hooks", {"event": "created", "n": i}, {"Idempotency-Key": f"k{i}"}
            )
            for i in range(5)
        ]
        failing = poster.post(f"{receiver.base}/other", {"n": 9}, {"Idempotency-Key": "k9"})
    finally:
        poster.close()
    assert statuses == [204] * 5
    assert failing == 500
    assert receiver.bodies == [
        *((f"k{i}", {"event": "created", "n": i}) for i in range(5)),
        ("k9", {"n": 9}),
    ]


def test_keep_alive_reuses_one_connection() -> None:
    r = _Receiver(close_after_each=False)
    poster = WebhookPoster(timeout=5)
    try:
        for i in range(3):
            poster.post(f"{r.base}/hooks", {"n": i}, {"Idempotency-Key": f"k{i}"})
    finally:
        poster.close()
        r.server.shutdown()
        r.server.server_close()
    assert r.connections == 1


def test_unreachable_receiver_raises_a_post_error() -> None:
    poster = WebhookPoster(timeout=2)
    with pytest.raises(webhook_http.PostError):
        poster.post("http://127.0.0.1:9/hooks", {}, {"Idempotency-Key": "k"})
    with pytest.raises(webhook_http.PostError):
        poster.post("ftp://example.org/hooks", {}, {"Idempotency-Key": "k"})


def test_environment_proxy_is_left_to_httpx(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    assert not WebhookPoster(timeout=2).proxied("https", "platform.example.org")
    monkeypatch.setenv("https_proxy", "http://proxy.example.org:3128")
    poster = WebhookPoster(timeout=2)  # the environment is read once, by a new poster
    assert poster.proxied("https", "platform.example.org")
    assert poster.proxied("https", "platform.example.org")  # and the answer kept
    monkeypatch.setenv("no_proxy", "platform.example.org")
    assert not WebhookPoster(timeout=2).proxied("https", "platform.example.org")


def test_https_trusts_what_httpx_trusts(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """The keep-alive path verifies servers against the same certificates as httpx (the
    proxy path and the SMS gateway): certifi's bundle, or SSL_CERT_FILE when set."""
    import ssl

    import certifi

    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    poster = WebhookPoster(timeout=1.0)
    conn = poster._connect("https", "platform.example", 443)
    ctx = conn._context  # type: ignore[attr-defined]
    assert ctx.verify_mode == ssl.CERT_REQUIRED and ctx.check_hostname
    bundle = ssl.create_default_context(cafile=certifi.where())
    assert len(ctx.get_ca_certs()) == len(bundle.get_ca_certs()) > 0
    poster.close()
    # one certificate of the bundle as the centre's own trust store
    pem = tmp_path / "ca.pem"
    first = certifi.contents().split("-----END CERTIFICATE-----")[0]
    pem.write_text(first + "-----END CERTIFICATE-----\n", encoding="ascii")
    monkeypatch.setenv("SSL_CERT_FILE", str(pem))
    own = WebhookPoster(timeout=1.0)
    ctx = own._connect("https", "platform.example", 443)._context  # type: ignore[attr-defined]
    assert len(ctx.get_ca_certs()) == 1
    own.close()
