"""Signing in to the central database as oneself, and checking the password again when
the idle lock asks for it (issue 7). No Qt; blocking calls run in the background runner.

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
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from console.app import AppContext, DatabaseUnavailable, open_context
from console.domain.errors import UserError
from console.domain.identity import Identity
from console.infra.credentials import login_url, refused_credentials, tls_options
from console.infra.database import is_sqlite, make_engine, mask, normalize_url
from console.infra.settings import Settings
from console.services.errors import NotFound

log = logging.getLogger("console.db")


class CredentialsRefused(UserError):
    """The database refused this user name and password (or the account is disabled)."""


@dataclass(frozen=True)
class SignedIn:
    ctx: AppContext
    identity: Identity


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


__all__ = ["CredentialsRefused", "NotFound", "PasswordCheck", "SignedIn", "connect_as"]
