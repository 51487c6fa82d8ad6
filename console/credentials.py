"""Database passwords live only in the operating system's keyring, never in settings
files or logs. On a machine without a usable keyring (headless: keyring's ``fail``
backend) nothing is remembered and the console asks each time."""

from __future__ import annotations

import logging

import keyring
from keyring.errors import KeyringError
from sqlalchemy.engine import URL

from console.database import normalize_url

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
    try:
        keyring.set_password(SERVICE, account(url), password)
        return True
    except KeyringError as exc:
        log.warning("password not remembered: no usable keyring (%s)", exc.__class__.__name__)
        return False


def forget(url: str) -> None:
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
        try:
            password = keyring.get_password(SERVICE, account(url))
        except KeyringError:
            password = None
    if password is None:
        return url
    return u.set(password=password).render_as_string(hide_password=False)
