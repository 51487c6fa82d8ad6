"""Signing in to the central database as oneself, and checking the password again when
the idle lock asks for it. No Qt; blocking calls run in the background runner.

On PostgreSQL the person's user name and password are the database login itself: the
console connects as that login role, so every rule the database enforces applies to
what this console does. On SQLite (one workstation, the demo) there are no passwords:
the console's own check (an active agent of that name) applies.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import threading
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from console.app import (
    AppContext,
    DatabaseUnavailable,
    open_context,
    open_offline,
    prepare_schema,
    start_cache_for,
)
from console.domain.errors import UserError
from console.domain.identity import Identity
from console.infra.credentials import login_url, refused_credentials, tls_options
from console.infra.database import is_sqlite, make_engine, mask, normalize_url
from console.infra.failures import EnvironmentProblem
from console.infra.settings import Settings
from console.services.errors import NotFound

log = logging.getLogger("console.db")


#: seconds the sign-in waits for the central database before it signs a person in
#: offline (a refused connection is known at once; a link that swallows traffic is not)
OFFLINE_GRACE_S = 1.5


class CredentialsRefused(UserError):
    """The database refused this user name and password (or the account is disabled);
    offline: the password is not the one of this person's last sign-in here."""


class Unreachable(EnvironmentProblem):
    """The central database did not answer and this person cannot start offline here:
    they never signed in on this workstation while it answered."""


@dataclass(frozen=True)
class SignedIn:
    ctx: AppContext
    identity: Identity

    @property
    def offline(self) -> bool:
        return not self.ctx.link_up


def connect_as(url: str, settings: Settings, username: str, password: str) -> SignedIn:
    """Open the central database as this person's login role and find their agents row.
    Blocking: call it off the GUI thread."""
    name = username.strip()
    target = login_url(url, name, password, tls_options(settings))
    try:
        ctx = open_context(target, settings)
    except DatabaseUnavailable as exc:
        if refused_credentials(exc):
            log.info("sign-in refused for %s on %s", name, mask(target))
            raise CredentialsRefused(name) from None
        raise
    try:
        identity = ctx.agents.sign_in(name)
    except BaseException:
        ctx.close()
        raise
    log.info("signed in as %s on %s", name, ctx.masked_url)
    return SignedIn(ctx, identity)


def sign_in(
    url: str,
    settings: Settings,
    username: str,
    password: str,
    *,
    grace_s: float = OFFLINE_GRACE_S,
) -> SignedIn:
    """Sign in to the central database, or, when it does not answer within
    ``grace_s``, offline against what this workstation kept from this person's last
    sign-in here (``console.offline.cache``). Blocking: call it off the GUI thread."""
    name = username.strip()
    cache = start_cache_for(url)
    fut: Future[SignedIn] = Future()

    def attempt() -> None:
        try:
            fut.set_result(connect_as(url, settings, name, password))
        except BaseException as exc:  # noqa: BLE001 - handed over through the future
            fut.set_exception(exc)

    threading.Thread(target=attempt, name="sign-in", daemon=True).start()
    try:
        done = fut.result(timeout=grace_s)
    except CredentialsRefused:
        cache.forget_person(name)  # an old password no longer opens it offline
        raise
    except DatabaseUnavailable as exc:
        log.info("central database unreachable at sign-in: %s", exc)
    except FutureTimeout:
        log.info("central database silent for %.1f s at sign-in", grace_s)
    else:
        cache.remember_person(done.identity, password)
        return done
    snapshot = cache.snapshot()
    if snapshot is None or not cache.known_person(name):
        if not fut.done():  # nothing to start offline with: the server is the only way
            try:
                done = fut.result()
            except DatabaseUnavailable:
                raise Unreachable(name) from None
            cache.remember_person(done.identity, password)
            return done
        raise Unreachable(name)
    identity = cache.check(name, password)
    if identity is None:
        _close_when_done(fut)
        raise CredentialsRefused(name)
    _close_when_done(fut)
    ctx = open_offline(login_url(url, name, password, tls_options(settings)), settings, snapshot)
    ctx.identity = identity
    log.info("signed in offline as %s on %s", name, ctx.masked_url)
    return SignedIn(ctx, identity)


def _close_when_done(fut: Future[SignedIn]) -> None:
    """A sign-in given up on may still succeed later: its context is closed then."""

    def done(f: Future[SignedIn]) -> None:
        if not f.cancelled() and f.exception() is None:
            f.result().ctx.close()

    fut.add_done_callback(done)


def bring_online(ctx: AppContext, username: str) -> Identity:
    """The central database answers again: check the password against the server (the
    context's engine connects as this person's login), the schema, the station and the
    account, refresh the reference data kept for the next offline start, and mark the
    context online. Blocking: call it off the GUI thread. Raises CredentialsRefused
    (the server no longer takes this password) or DatabaseUnavailable (not yet)."""
    name = username.strip()
    try:
        with ctx.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except SQLAlchemyError as exc:
        if refused_credentials(exc):
            ctx.start_cache.forget_person(name)
            raise CredentialsRefused(name) from None
        raise DatabaseUnavailable(f"{ctx.masked_url}: {exc.__class__.__name__}") from exc
    prepare_schema(ctx.engine, upgrade=False)
    from console.services.numbers import register_workstation, station_known

    if not station_known(ctx.sessions, ctx.station):
        ctx.station = register_workstation(ctx.sessions)
    identity = ctx.agents.sign_in(name)
    password = normalize_url(ctx.url).password
    ctx.start_cache.remember_person(identity, str(password) if password is not None else None)
    ctx.refresh_start_cache()
    ctx.identity = identity
    ctx.link_up = True
    log.info("back online as %s on %s", name, ctx.masked_url)
    return identity


@dataclass
class PasswordCheck:
    """Checks the signed-in person's password again (the idle lock).

    Central database: a fresh connection as their login with the typed password; when
    the database cannot be reached, the password typed at sign-in (kept in memory only
    as a salted PBKDF2 hash, never on disk) decides, so a cut link does not lock an agent
    out in the middle of a shift. Embedded database: the console's own check, the
    person's user name typed again."""

    url: str
    identity: Identity
    password: str | None = None  # the password at sign-in; only its hash is kept
    _salt: bytes = field(default_factory=lambda: os.urandom(16), repr=False)
    _hash: bytes | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.password is not None:
            self._hash = self._derive(self.password)
            self.password = None

    @property
    def embedded(self) -> bool:
        return is_sqlite(self.url)

    def _derive(self, password: str) -> bytes:
        return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), self._salt, 200_000)

    def check(self, secret: str) -> bool:
        """Blocking: call it off the GUI thread."""
        if self.embedded:
            return secret.strip() == self.identity.username
        target = normalize_url(self.url).set(password=secret).render_as_string(hide_password=False)
        engine = make_engine(target, pool_size=1)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
            return True
        except SQLAlchemyError as exc:
            if refused_credentials(exc):
                return False
            if self._hash is None:
                raise
            log.warning("database unreachable: password checked against the sign-in")
            return hmac.compare_digest(self._derive(secret), self._hash)
        finally:
            engine.dispose()


__all__ = [
    "CredentialsRefused",
    "NotFound",
    "PasswordCheck",
    "SignedIn",
    "Unreachable",
    "bring_online",
    "connect_as",
    "sign_in",
]
