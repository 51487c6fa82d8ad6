"""What a workstation keeps to start without its central database.

One file per central database in the user data directory (``start-<key>.json``),
readable and writable by the user only (0600): the reference data it last saw
(channels, classes, taxonomy, regions, units, shifts, the SLA policies and the
working-day calendar's overrides), its station code, and for each person who signed
in there a salted verifier of their password (scrypt, a salt of its own per person)
with who they are. Never a password.

Plain Python (json, hashlib): the start path reads it before SQLAlchemy is loaded.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import secrets
import threading
from dataclasses import asdict, dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from console.domain.clock import now_utc
from console.domain.identity import Identity
from console.domain.reference import Category, Choice, ReferenceData, RegionRef, UnitRef
from console.domain.shifts import ShiftDef
from console.domain.sla import Milestone, Policy, PolicyMatch

log = logging.getLogger("console.sync")

FORMAT = 1
#: scrypt's cost (RFC 7914): n=2^14, r=8, p=1 is about 16 MiB and some 50 ms a check
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
#: days of counters kept (a number's day is its local date)
KEEP_COUNTER_DAYS = 3


@dataclass(frozen=True)
class Verifier:
    """A salted scrypt hash of a password: enough to check it, useless to recover it."""

    salt: str  # hex
    hash: str  # hex
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @classmethod
    def make(cls, password: str) -> Verifier:
        salt = secrets.token_bytes(SALT_BYTES)
        return cls(salt.hex(), _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P).hex())

    def matches(self, password: str) -> bool:
        got = _scrypt(password, bytes.fromhex(self.salt), self.n, self.r, self.p)
        return hmac.compare_digest(got, bytes.fromhex(self.hash))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=128 * r * n * 2, dklen=32
    )


@dataclass(frozen=True)
class Snapshot:
    """The reference data and the station as last seen on the central database."""

    reference: ReferenceData
    policies: tuple[Policy, ...]
    calendar_overrides: dict[date, bool]
    station: str
    saved_at: datetime


class StartCache:
    """The offline start file of one database (``key``: its masked URL without user)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    @classmethod
    def for_database(cls, data_dir: Path, key: str) -> StartCache:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        return cls(data_dir / f"start-{digest}.json")

    # --- reading ---------------------------------------------------------------------
    def _read(self) -> dict[str, Any]:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.warning("offline start file unreadable: %s", exc)
            return {}
        try:
            data = json.loads(raw)
        except ValueError:
            log.warning("offline start file damaged: ignored")
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        return data

    def snapshot(self) -> Snapshot | None:
        data = self._read().get("snapshot")
        if not data:
            return None
        try:
            return _snapshot_from(data)
        except (KeyError, TypeError, ValueError):
            log.warning("offline start file: reference data unreadable, ignored")
            return None

    def station(self) -> str | None:
        snap = self._read().get("snapshot") or {}
        code = snap.get("station")
        return str(code) if code else None

    def known_person(self, username: str) -> bool:
        return username.strip() in (self._read().get("people") or {})

    def check(self, username: str, password: str) -> Identity | None:
        """The person if this password matches the verifier kept for them, else None.
        Blocking (some 50 ms of CPU): off the GUI thread."""
        person = (self._read().get("people") or {}).get(username.strip())
        if not person:
            return None
        try:
            verifier = Verifier(**person["verifier"])
            identity = Identity(**person["identity"])
        except (KeyError, TypeError):
            return None
        return identity if verifier.matches(password) else None

    def identity(self, username: str) -> Identity | None:
        """Who this person was at their last sign-in (the embedded database, where
        there are no passwords)."""
        person = (self._read().get("people") or {}).get(username.strip())
        try:
            return Identity(**person["identity"]) if person else None
        except (KeyError, TypeError):
            return None

    def counter(self, station: str, day: date) -> int:
        """The last number this workstation issued offline for ``station`` on ``day``,
        whoever signed in (each person's outbox has a counter of its own)."""
        counters = self._read().get("counters") or {}
        return int((counters.get(station) or {}).get(day.isoformat(), 0))

    # --- writing ---------------------------------------------------------------------
    def note_counter(self, station: str, day: date, seq: int) -> None:
        with self._lock:
            data = self._read() or {"format": FORMAT}
            days = data.setdefault("counters", {}).setdefault(station, {})
            key = day.isoformat()
            days[key] = max(int(days.get(key, 0)), seq)
            for old in sorted(days)[:-KEEP_COUNTER_DAYS]:
                del days[old]
            self._write(data)

    def save_snapshot(
        self,
        reference: ReferenceData,
        policies: list[Policy] | tuple[Policy, ...],
        calendar_overrides: dict[date, bool],
        station: str,
    ) -> None:
        snap = {
            "reference": _encode(asdict(reference)),
            "policies": [_encode(asdict(p)) for p in policies],
            "calendar": {d.isoformat(): bool(w) for d, w in calendar_overrides.items()},
            "station": station,
            "saved_at": now_utc().isoformat(),
        }
        with self._lock:
            data = self._read() or {"format": FORMAT}
            data["snapshot"] = snap
            self._write(data)

    def remember_person(self, identity: Identity, password: str | None) -> None:
        """Keep who this person is and, on the central database, a verifier of the
        password they just signed in with (checked by the server a moment ago)."""
        entry: dict[str, Any] = {"identity": asdict(identity), "at": now_utc().isoformat()}
        if password is not None:
            entry["verifier"] = asdict(Verifier.make(password))
        with self._lock:
            data = self._read() or {"format": FORMAT}
            people = data.setdefault("people", {})
            old = people.get(identity.username) or {}
            if password is None and "verifier" in old:
                entry["verifier"] = old["verifier"]
            people[identity.username] = entry
            self._write(data)

    def forget_person(self, username: str) -> None:
        """The server refused this person (wrong password, disabled account): their
        verifier goes, so an old password no longer opens the console offline."""
        with self._lock:
            data = self._read()
            if data and username in (data.get("people") or {}):
                del data["people"][username]
                self._write(data)

    def _write(self, data: dict[str, Any]) -> None:
        data["format"] = FORMAT
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        # created 0600 from the start: never a moment where others could read it
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
            os.chmod(tmp, 0o600)  # an existing tmp file keeps its mode through O_CREAT
            os.replace(tmp, self.path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


# --- (de)serialising -------------------------------------------------------------------
def _encode(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return value


def _hhmm(text: str) -> time:
    h, m = text.split(":")
    return time(int(h), int(m))


def _snapshot_from(data: dict[str, Any]) -> Snapshot:
    r = data["reference"]
    reference = ReferenceData(
        channels=tuple(Choice(**c) for c in r["channels"]),
        classes=tuple(Choice(**c) for c in r["classes"]),
        categories=tuple(Category(**c) for c in r["categories"]),
        regions=tuple(RegionRef(**x) for x in r["regions"]),
        units=tuple(UnitRef(**u) for u in r["units"]),
        shifts=tuple(
            ShiftDef(s["code"], s["name"], _hhmm(s["starts"]), _hhmm(s["ends"]))
            for s in r["shifts"]
        ),
    )
    policies = tuple(
        Policy(
            id=p["id"],
            code=p["code"],
            version=p["version"],
            name=p["name"],
            workday_rule=p["workday_rule"],
            milestones=tuple(Milestone(**m) for m in p["milestones"]),
            match=PolicyMatch(**p["match"]),
            priority=p["priority"],
            work_hours=p["work_hours"],
        )
        for p in data.get("policies", [])
    )
    calendar = {date.fromisoformat(d): bool(w) for d, w in (data.get("calendar") or {}).items()}
    return Snapshot(
        reference,
        policies,
        calendar,
        str(data["station"]),
        datetime.fromisoformat(data["saved_at"]),
    )
