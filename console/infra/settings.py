"""Settings declared once: typed, with defaults and a title for the settings dialog.

Stored in an INI file in the user's config directory so that the GUI and the
administrator's command line read the same values without Qt. Secrets never go here:
passwords live only in the operating system's keyring (console.infra.credentials).
"""

from __future__ import annotations

import configparser
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar
from urllib.parse import quote

from console.infra.paths import config_dir

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T
    title: str  # English source text; the UI translates it


DATABASE_URL = Option("database_url", "", "Central database URL (empty: this computer)")
LANGUAGE = Option("language", "zh_CN", "Language")
FIRST_START_DONE = Option("first_start_done", False, "First start completed")
LAST_USER = Option("last_user", "", "Last signed-in user")
REFRESH_SECONDS = Option("queue_refresh_seconds", 5, "Queue refresh interval (seconds)")
# the connection to the central database; libpq's own names and meanings
DB_SSLMODE = Option("db_sslmode", "prefer", "TLS mode")
DB_SSLROOTCERT = Option("db_sslrootcert", "", "TLS root certificate (file)")
DB_SSLCERT = Option("db_sslcert", "", "TLS client certificate (file)")
DB_SSLKEY = Option("db_sslkey", "", "TLS client key (file)")
IDLE_LOCK_MINUTES = Option("idle_lock_minutes", 10, "Lock after idle minutes (0: never)")
# telephony: the phone system (its secret lives in the keyring, see console.infra.credentials)
CTI_URL = Option("cti_url", "", "Phone system (AMI) URL, ami://USER@HOST:PORT")
CTI_EXTENSION = Option("cti_extension", "", "My phone extension")
CTI_QUEUE_INTERFACE = Option(
    "cti_queue_interface", "", "Queue member interface to pause when not ready (e.g. PJSIP/1001)"
)
CTI_QUEUE_LOG = Option("cti_queue_log", False, "Record every queue call for the wallboard")
CTI_AFTER_CALL_SECONDS = Option("cti_after_call_seconds", 120, "After-call work limit (s)")
CTI_SERVICE_LEVEL_SECONDS = Option("cti_service_level_seconds", 20, "Service level (s)")
CTI_RECORDING_URL = Option(
    "cti_recording_url", "", "Recordings address; {0} is the phone system's file name"
)
SSLMODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")

ALL_OPTIONS: tuple[Option[str] | Option[int] | Option[bool], ...] = (
    DATABASE_URL,
    LANGUAGE,
    FIRST_START_DONE,
    LAST_USER,
    REFRESH_SECONDS,
    DB_SSLMODE,
    DB_SSLROOTCERT,
    DB_SSLCERT,
    DB_SSLKEY,
    IDLE_LOCK_MINUTES,
    CTI_URL,
    CTI_EXTENSION,
    CTI_QUEUE_INTERFACE,
    CTI_QUEUE_LOG,
    CTI_AFTER_CALL_SECONDS,
    CTI_SERVICE_LEVEL_SECONDS,
    CTI_RECORDING_URL,
)
LANGUAGES = ("zh_CN", "en")

_SECTION = "console"
_STATIONS = "stations"


def _key(text: str) -> str:
    """INI keys may not hold ':' or '=' (URLs do): percent-encode them."""
    return quote(text, safe="")


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or (config_dir() / "settings.ini")
        self._cp = configparser.ConfigParser(interpolation=None, delimiters=("=",))
        self._cp.optionxform = str  # type: ignore[assignment,method-assign]
        if self.path.exists():
            self._cp.read(self.path, encoding="utf-8")
        for section in (_SECTION, _STATIONS):
            if not self._cp.has_section(section):
                self._cp.add_section(section)

    def get(self, opt: Option[T]) -> T:
        raw = self._cp.get(_SECTION, opt.key, fallback=None)
        if raw is None:
            return opt.default
        try:
            if isinstance(opt.default, bool):
                return raw.strip().lower() in ("1", "true", "yes", "on")  # type: ignore[return-value]
            if isinstance(opt.default, int):
                return int(raw)  # type: ignore[return-value]
        except ValueError:
            return opt.default
        return raw  # type: ignore[return-value]

    def set(self, opt: Option[T], value: T) -> None:
        if "password" in opt.key:
            raise ValueError("secrets belong in the keyring, not in settings")
        self._cp.set(
            _SECTION, opt.key, str(value).lower() if isinstance(value, bool) else str(value)
        )

    def station_for(self, database: str) -> str | None:
        """The station code this workstation registered with that database (masked URL)."""
        return self._cp.get(_STATIONS, _key(database), fallback=None)

    def set_station_for(self, database: str, code: str) -> None:
        self._cp.set(_STATIONS, _key(database), code)

    def items(self) -> Iterator[tuple[str, str]]:
        yield from self._cp.items(_SECTION)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as f:
            self._cp.write(f)
        tmp.replace(self.path)  # atomic: a crash never leaves half a settings file
