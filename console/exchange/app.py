"""The exchange service's HTTP API (FastAPI): platforms push work orders and read them back,
units read their inbox and record their steps. Versioned under ``/api/v1``, documented at
``/openapi.json``. Stateless: every request is one or two units of work on the central
database; only the rate-limit buckets and a short token cache live in the process.

Status codes: 201 a new case, 200 the same external id again; 401 no or a bad token; 404
anything the caller may not see (never 403: a number's existence is not revealed); 409
the lifecycle refused the step; 413 a body over the limit; 422 invalid fields (named);
429 too many requests for this token.
"""

import asyncio
import hashlib
import json
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session, sessionmaker

from console.exchange.credentials import PLATFORM, UNIT, Principal, authenticate
from console.exchange.limits import BodyLimitAndLog, TokenBuckets
from console.exchange.orders import OrderService
from console.exchange.pushed import PushedOrder
from console.exchange.steps import StepRefusedError
from console.services.errors import NotFound, ValidationFailed

API = "/api/v1"


@dataclass(frozen=True)
class ExchangeConfig:
    max_body: int = 256 * 1024  # a work order is a few KiB
    max_upload: int = 8 * 1024 * 1024  # an attachment, base64 (files up to 5 MiB)
    rate_per_s: float = 50.0  # per token
    burst: int = 100
    token_cache_s: float = 5.0  # a revoked token stops working within this time


class OrderIn(BaseModel):
    external_id: str = Field(min_length=1, max_length=100, description="the platform's id")
    title: str = Field(max_length=500)
    description: str = Field(max_length=20000)
    caller_name: str = Field(max_length=200)
    caller_phone: str = Field(max_length=64)
    received_at: datetime = Field(description="ISO 8601; without a zone: the city's time")
    category: str | None = Field(default=None, max_length=200, description="matter path or name")
    district: str | None = Field(default=None, max_length=64, description="district name")
    address: str = Field(default="", max_length=1000)
    sub_type: str | None = Field(default=None, max_length=32, description="default: help")
    urgent: bool = False
    anonymous: bool = False
    confidential: bool = False


class OrderOut(BaseModel):
    number: str
    status: str
    created: bool


class StepIn(BaseModel):
    action: Literal[
        "accept", "contact", "on_scene", "progress", "reply", "return", "request_extension"
    ]
    text: str = Field(default="", max_length=8000)
    until: datetime | None = Field(default=None, description="request_extension: new deadline")
    milestone: str | None = Field(default=None, max_length=32, description="default: next")


class StepOut(BaseModel):
    number: str
    status: str
    version: int


class AttachmentIn(BaseModel):
    filename: str = Field(min_length=1, max_length=200)
    content_base64: str = Field(min_length=1)


class Problem(BaseModel):
    detail: str
    code: str | None = None


class FieldProblem(BaseModel):
    field: str
    code: str


class Invalid(BaseModel):
    detail: str
    errors: list[FieldProblem]


#: the answers every route may give, for the OpenAPI document
COMMON: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem, "description": "no bearer token, or not a valid one"},
    404: {"model": Problem, "description": "not found, or not yours to see"},
    413: {"model": Problem, "description": "request body too large"},
    422: {"model": Invalid, "description": "invalid fields, named"},
    429: {"model": Problem, "description": "too many requests for this token"},
}


class Auth:
    """Bearer token -> principal, with a short cache, and the per-token rate limit."""

    def __init__(self, sessions: sessionmaker[Session], config: ExchangeConfig) -> None:
        self._sessions = sessions
        self._ttl = config.token_cache_s
        self._cache: dict[str, tuple[Principal | None, float]] = {}
        self._lock = threading.Lock()
        self.buckets = TokenBuckets(config.rate_per_s, config.burst)

    def cached(self, token: str) -> tuple[bool, Principal | None]:
        """(True, principal) from the cache, or (False, None) when it must be read."""
        key = hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()  # no token kept
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None and hit[1] > time.monotonic():
            return True, hit[0]
        return False, None

    def principal(self, token: str) -> Principal | None:
        found, p = self.cached(token)
        if found:
            return p
        now = time.monotonic()
        key = hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()
        with self._sessions() as s:
            p = authenticate(s, token)
        with self._lock:
            if len(self._cache) > 10000:
                self._cache.clear()
            self._cache[key] = (p, now + self._ttl)
        return p


class _Unauthorized(Exception):
    pass


class _TooMany(Exception):
    def __init__(self, wait: float) -> None:
        self.wait = wait


def create_app(
    sessions: sessionmaker[Session], orders: OrderService, config: ExchangeConfig | None = None
) -> FastAPI:
    cfg = config or ExchangeConfig()
    auth = Auth(sessions, cfg)
    bearer = HTTPBearer(auto_error=False)
    app = FastAPI(
        responses=COMMON,
        title="12345 hotline exchange",
        version="1",
        description="Work orders between the city hotline, the provincial platform and the "
        "handling units' own systems. Bearer tokens from `python main.py api token`.",
        openapi_url="/openapi.json",
        docs_url=None,
        redoc_url=None,
    )

    async def caller(
        request: Request,
        creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Principal:
        # on the event loop: a cached token costs no thread hop; a miss reads in a thread
        if creds is None or not creds.credentials:
            raise _Unauthorized
        found, p = auth.cached(creds.credentials)
        if not found:
            p = await run_in_threadpool(auth.principal, creds.credentials)
        if p is None:
            raise _Unauthorized
        request.state.token_id = p.token_id
        wait = auth.buckets.take(p.token_id)
        if wait > 0:
            raise _TooMany(wait)
        return p

    Caller = Annotated[Principal, Depends(caller)]

    @app.exception_handler(_Unauthorized)
    def _401(_r: Request, _e: _Unauthorized) -> JSONResponse:
        return JSONResponse(
            {"detail": "a valid bearer token is required"},
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )

    @app.exception_handler(_TooMany)
    def _429(_r: Request, e: _TooMany) -> JSONResponse:
        return JSONResponse(
            {"detail": "too many requests"},
            status_code=429,
            headers={"Retry-After": str(max(1, round(e.wait)))},
        )

    @app.exception_handler(NotFound)
    def _404(_r: Request, _e: NotFound) -> JSONResponse:
        return JSONResponse({"detail": "not found"}, status_code=404)

    @app.exception_handler(ValidationFailed)
    def _422(_r: Request, e: ValidationFailed) -> JSONResponse:
        return JSONResponse(
            {
                "detail": "invalid fields",
                "errors": [
                    {"field": x.field, "code": x.code, **({"params": x.params} if x.params else {})}
                    for x in e.errors
                ],
            },
            status_code=422,
        )

    @app.exception_handler(RequestValidationError)
    def _422_body(_r: Request, e: RequestValidationError) -> JSONResponse:
        errors = []
        for x in e.errors():
            loc = [str(p) for p in x.get("loc", ()) if p != "body"]
            errors.append({"field": ".".join(loc) or "body", "code": x.get("type", "invalid")})
        return JSONResponse({"detail": "invalid fields", "errors": errors}, status_code=422)

    @app.exception_handler(StepRefusedError)
    def _409(_r: Request, e: StepRefusedError) -> JSONResponse:
        return JSONResponse({"detail": e.reason, "code": e.code}, status_code=409)

    @app.get("/health", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.post(
        f"{API}/orders",
        response_model=OrderOut,
        status_code=201,
        responses={200: {"model": OrderOut, "description": "this external id was pushed before"}},
        summary="Push a work order (platforms)",
    )
    async def push(body: OrderIn, who: Caller, response: Response) -> OrderOut:
        if who.kind != PLATFORM:
            raise NotFound("orders")
        # group commit (console.exchange.batch): answered once the case is committed
        r = await asyncio.wrap_future(orders.submit(who, PushedOrder(**body.model_dump())))
        if not r.created:
            response.status_code = 200
        return OrderOut(number=r.number, status=r.status, created=r.created)

    @app.get(f"{API}/orders/{{number}}", summary="A work order: status, deadlines, history, reply")
    def get_order(number: str, who: Caller) -> Response:
        return _json(orders.view(who, number))

    @app.get(f"{API}/inbox", summary="The unit's orders awaiting its steps, by time left")
    def inbox(who: Caller, limit: int = 200) -> Response:
        if who.kind != UNIT:
            raise NotFound("inbox")
        return _json({"orders": orders.inbox(who, limit=max(1, min(limit, 500)))})

    @app.post(
        f"{API}/orders/{{number}}/steps",
        response_model=StepOut,
        responses={409: {"model": Problem, "description": "the lifecycle refuses it now"}},
        summary="Record a unit's step",
    )
    def step(number: str, body: StepIn, who: Caller) -> StepOut:
        r = orders.step(who, number, body.action, body.text, body.until, body.milestone)
        return StepOut(number=r.number, status=r.status, version=r.version)

    @app.post(
        f"{API}/orders/{{number}}/attachments",
        status_code=201,
        summary="Attach a photo or document (jpg, png, pdf, docx; up to 5 MiB)",
    )
    def attach(number: str, body: AttachmentIn, who: Caller) -> dict[str, Any]:
        return orders.attach(who, number, body.filename, body.content_base64)

    @app.get(f"{API}/orders/{{number}}/attachments/{{attachment_id}}", summary="An attachment")
    def attachment(number: str, attachment_id: int, who: Caller) -> Response:
        name, ctype, data = orders.attachment(who, number, attachment_id)
        return Response(
            data,
            media_type=ctype,
            headers={"Content-Disposition": f"attachment; filename*=UTF-8''{_quote(name)}"},
        )

    app.add_middleware(BodyLimitAndLog, max_body=cfg.max_body, max_upload=cfg.max_upload)
    return app


def _json(data: dict[str, Any]) -> Response:
    """Plain JSON values (str, int, bool, None, lists, dicts) encoded at once: FastAPI's
    generic encoder walks every value of a 200-row inbox first, which costs more than
    the query."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(body, media_type="application/json")


def _quote(name: str) -> str:
    import urllib.parse

    return urllib.parse.quote(name)
