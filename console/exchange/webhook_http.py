"""The webhook worker's HTTP client: one JSON POST per event over keep-alive connections.

The worker sends one request per case event, from one thread of the service process that
also answers the API; httpx spends about 0.45 ms of CPU on such a request, the standard
library's ``http.client`` about 0.08 ms (measured on loopback), and in a process
serialised by the GIL the difference is taken from the pushes. A receiver behind a proxy
named by the environment (``HTTPS_PROXY`` and the like, which ``http.client`` does not
read) is still reached through httpx, as before.
"""

from __future__ import annotations

import http.client
import json
import ssl
import urllib.request
from typing import Any
from urllib.parse import urlsplit

import httpx

#: what a failed POST raises (the worker retries it later)
PostError = (OSError, http.client.HTTPException, httpx.HTTPError, ValueError)

#: errors of a reused keep-alive connection that the receiver closed while it was idle:
#: no answer was read, so the request is sent once more on a fresh connection (the
#: delivery id makes a repeat harmless to a receiver that keeps them)
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


class WebhookPoster:
    """``post(url, payload, headers) -> status``; one connection per origin, kept open.
    Used from one thread (the webhook worker's)."""

    def __init__(self, timeout: float) -> None:
        self._timeout = timeout
        self._conns: dict[tuple[str, str], http.client.HTTPConnection] = {}
        self._ssl: ssl.SSLContext | None = None
        self._fallback: httpx.Client | None = None
        # the environment's proxies, read once (reading them walks the whole environment:
        # it cost more than the request itself), and the answer per receiver
        self._proxies = urllib.request.getproxies()
        self._proxied: dict[tuple[str, str], bool] = {}

    def post(self, url: str, payload: dict[str, Any], headers: dict[str, str]) -> int:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError("webhook URL must be http(s)://host/...")
        if self.proxied(parts.scheme, parts.hostname):
            return self._via_httpx(url, payload, headers)
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        head = {"Content-Type": "application/json", **headers}
        key = (parts.scheme, parts.netloc)
        for attempt in (1, 2):
            conn = self._conns.get(key)
            reused = conn is not None
            if conn is None:
                conn = self._connect(parts.scheme, parts.hostname, parts.port)
                self._conns[key] = conn
            try:
                conn.request("POST", target, body, head)
                r = conn.getresponse()
                r.read()
            except _STALE:
                self._drop(key)
                if reused and attempt == 1:
                    continue
                raise
            except BaseException:
                self._drop(key)
                raise
            if r.will_close:
                self._drop(key)
            return int(r.status)
        raise AssertionError("unreachable")  # pragma: no cover

    def proxied(self, scheme: str, host: str) -> bool:
        """Whether the environment (as it was when this poster was made) names a proxy
        for this receiver, as httpx would use one."""
        origin = (scheme, host)
        found = self._proxied.get(origin)
        if found is None:
            found = self._proxied[origin] = _proxied(self._proxies, scheme, host)
        return found

    def close(self) -> None:
        for key in list(self._conns):
            self._drop(key)
        if self._fallback is not None:
            self._fallback.close()

    def _connect(self, scheme: str, host: str, port: int | None) -> http.client.HTTPConnection:
        if scheme == "https":
            if self._ssl is None:  # the certificates httpx trusts (certifi, or
                # SSL_CERT_FILE / SSL_CERT_DIR): the same as the proxy path and the SMS
                self._ssl = httpx.create_ssl_context()
            return http.client.HTTPSConnection(host, port, timeout=self._timeout, context=self._ssl)
        return http.client.HTTPConnection(host, port, timeout=self._timeout)

    def _drop(self, key: tuple[str, str]) -> None:
        conn = self._conns.pop(key, None)
        if conn is not None:
            conn.close()

    def _via_httpx(self, url: str, payload: dict[str, Any], headers: dict[str, str]) -> int:
        if self._fallback is None:
            self._fallback = httpx.Client(timeout=self._timeout)
        return self._fallback.post(url, json=payload, headers=headers).status_code


def _proxied(proxies: dict[str, str], scheme: str, host: str) -> bool:
    """Whether the environment names a proxy for this receiver (as httpx would use)."""
    if not (proxies.get(scheme) or proxies.get("all")):
        return False
    return not urllib.request.proxy_bypass(host)
