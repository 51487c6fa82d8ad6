"""Abuse limits and the access log of the exchange service: bounded request bodies (413),
a token bucket per bearer token (429), and one log line per request with nothing
personal in it (method, path, status, time, token id; never a body or a query string):
refusals and failures at INFO, answered requests at DEBUG (``--verbose``)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

log = logging.getLogger("console.exchange.access")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def log_failure(logger: logging.Logger, what: str, exc: BaseException) -> None:
    """Log a failure without its message: a database error's text can quote a row (a
    caller's name or phone); the exception's class and the code's frames are enough."""
    import traceback

    frames = "\n".join(  # where, not the source lines
        f"  {f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(exc.__traceback__)
    )
    logger.error("%s: %s (message withheld)\n%s", what, exc.__class__.__name__, frames)


class TokenBuckets:
    """``rate`` requests a second per key, bursts up to ``burst``; thread-safe."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate = rate
        self.burst = burst
        self._lock = threading.Lock()
        self._state: dict[Any, tuple[float, float]] = {}

    def take(self, key: Any) -> float:
        """0 when allowed; otherwise the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._state.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._state[key] = (tokens - 1.0, now)
                return 0.0
            self._state[key] = (tokens, now)
            return (1.0 - tokens) / self.rate if self.rate > 0 else 60.0


async def _reply(send: Send, status: int, body: bytes) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": body})


class BodyLimitAndLog:
    """Pure ASGI middleware: refuse bodies over the limit (by Content-Length at once, or
    while streaming) and log each request without personal data."""

    def __init__(
        self, app: ASGIApp, max_body: int, max_upload: int, upload_suffix: str = "/attachments"
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.max_upload = max_upload
        self.upload_suffix = upload_suffix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        path: str = scope.get("path", "")
        limit = self.max_upload if path.endswith(self.upload_suffix) else self.max_body
        status = {"code": 0}

        async def send_logged(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        def done() -> None:
            # an answered request at DEBUG (a busy service answers hundreds a second: at
            # INFO they would fill the log file and push the warnings out of it within
            # minutes); refusals and failures at INFO (abuse shows there)
            level = logging.DEBUG if 0 < status["code"] < 400 else logging.INFO
            if not log.isEnabledFor(level):
                return
            log.log(
                level,
                "%s %s %d %.1fms token=%s",
                scope.get("method"),
                path,
                status["code"],
                (time.perf_counter() - start) * 1000,
                scope.get("state", {}).get("token_id", "-"),
            )

        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    too_big = int(v) > limit
                except ValueError:
                    too_big = True
                if too_big:
                    status["code"] = 413
                    await _reply(send, 413, b'{"detail":"request body too large"}')
                    done()
                    return
        # read the body here, bounded (chunked bodies have no Content-Length), then hand
        # it on: the limits are small, so buffering costs little
        chunks: list[bytes] = []
        seen = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, receive, send_logged)
                done()
                return
            body = message.get("body", b"")
            seen += len(body)
            if seen > limit:
                status["code"] = 413
                await _reply(send, 413, b'{"detail":"request body too large"}')
                done()
                return
            chunks.append(body)
            more = bool(message.get("more_body", False))
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        try:
            await self.app(scope, replay, send_logged)
        except Exception as exc:  # noqa: BLE001 - a bug: logged here, without its message
            # (uvicorn's own log would print the message, which may quote personal data)
            log_failure(log, f"{scope.get('method')} {path}", exc)
            if status["code"] == 0:
                status["code"] = 500
                await _reply(send, 500, b'{"detail":"internal error"}')
        finally:
            done()
