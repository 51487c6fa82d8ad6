"""Database passwords live only in the operating system's keyring, never in settings
files or logs. On a machine without a usable keyring (headless: keyring's ``fail``
backend) nothing is remembered and the console asks each time."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from sqlalchemy.engine import URL

from console.infra.database import normalize_url

if TYPE_CHECKING:
    from console.infra.settings import Settings

log = logging.getLogger("console.db")

SERVICE = "hotline-console"


def account(url: str | URL) -> str:
    """The keyring account for a database: user@host:port/database, no password."""
    u = normalize_url(url)
    return f"{u.username or ''}@{u.host or ''}:{u.port or 5432}/{u.database or ''}"


def split_password(url: str) -> tuple[str, str | None]:
    """(URL without its password, the password or None)."""
    u = normalize_url(url)
    if u.password is None:
        return url, None
    bare = URL.create(
        u.drivername,
        username=u.username,
        host=u.host,
        port=u.port,
        database=u.database,
        query=u.query,
    )
    return bare.render_as_string(hide_password=False), str(u.password)


def remember(url: str, password: str) -> bool:
    import keyring  # loaded when a password is remembered or looked up, not at start
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, account(url), password)
        return True
    except KeyringError as exc:
        log.warning("password not remembered: no usable keyring (%s)", exc.__class__.__name__)
        return False


def forget(url: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.delete_password(SERVICE, account(url))
    except KeyringError:
        pass


def with_password(url: str, password: str | None = None) -> str:
    """The URL to connect with: an explicit password, else the keyring's, else none."""
    u = normalize_url(url)
    if u.get_backend_name() == "sqlite" or u.password is not None:
        return url
    if password is None:
        import keyring
        from keyring.errors import KeyringError

        try:
            password = keyring.get_password(SERVICE, account(url))
        except KeyringError:
            password = None
    if password is None:
        return url
    return u.set(password=password).render_as_string(hide_password=False)


# --- per-person sign-in on the central database ------------------------------

#: connection problems that mean "these credentials were refused" (libpq's words)
AUTH_REFUSED = (
    "password authentication failed",
    "authentication failed",
    'role "',  # role "x" does not exist
    "not permitted to log in",
    "no password supplied",
    "no pg_hba.conf entry",
)


def tls_options(settings: Settings) -> dict[str, str]:
    """libpq's TLS parameters from the settings (only those set)."""
    from console.infra.settings import DB_SSLCERT, DB_SSLKEY, DB_SSLMODE, DB_SSLROOTCERT, SSLMODES

    out: dict[str, str] = {}
    mode = settings.get(DB_SSLMODE).strip()
    if mode and mode in SSLMODES:
        out["sslmode"] = mode
    for key, opt in (
        ("sslrootcert", DB_SSLROOTCERT),
        ("sslcert", DB_SSLCERT),
        ("sslkey", DB_SSLKEY),
    ):
        value = settings.get(opt).strip()
        if value:
            out[key] = value
    return out


def login_url(
    url: str,
    username: str | None,
    password: str | None,
    tls: Mapping[str, str] | None = None,
) -> str:
    """The central database URL as this person: their login role, their password (kept
    in memory only), the TLS options. Mask it before showing or logging it."""
    u = normalize_url(url)
    # URL.set() ignores None: rebuild to drop a password that came with the URL
    u = URL.create(
        u.drivername,
        username=username or u.username,
        password=password or None,
        host=u.host,
        port=u.port,
        database=u.database,
        query=u.query,
    )
    if tls:
        u = u.update_query_dict(dict(tls))
    return u.render_as_string(hide_password=False)


def remembered(url: str, username: str) -> str | None:
    """The password remembered for this person on this database, if any."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, account(login_url(url, username, None)))
    except KeyringError:
        return None


def refused_credentials(exc: BaseException) -> bool:
    """True when a connection failed because the user name or password was refused
    (not because the server could not be reached)."""
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if any(word in str(e) for word in AUTH_REFUSED):
            return True
        e = getattr(e, "orig", None) or e.__cause__
    return False


# --- the phone system's AMI secret (telephony) -------------------------------------------
CTI_SERVICE = "hotline-console-ami"


def remember_cti_secret(account_: str, secret: str) -> bool:
    """Keep the AMI secret of ``user@host:port`` in the keyring (False: no keyring)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(CTI_SERVICE, account_, secret)
        return True
    except KeyringError as exc:
        log.warning("AMI secret not remembered: no usable keyring (%s)", exc.__class__.__name__)
        return False


def cti_secret(account_: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(CTI_SERVICE, account_)
    except KeyringError:
        return None
