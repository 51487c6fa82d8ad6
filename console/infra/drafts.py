"""Drafts of the call being typed, kept on the workstation so that a crash or a power
loss never loses a call: the entry form writes its fields here as the agent types,
atomically (a temporary file, fsync, rename), and reads them back when it opens.

One draft per console installation (its settings file), database and agent. Writes
may come from worker threads: a write older than the newest one written is dropped.
No Qt here.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console.infra.paths import private_dir

FORMAT = 1


class DraftStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._written = -1

    @classmethod
    def for_console(
        cls, data_dir: Path, settings_path: Path, database: str, username: str
    ) -> DraftStore:
        key = hashlib.sha256(
            f"{Path(settings_path).resolve()}\n{database}\n{username}".encode()
        ).hexdigest()[:16]
        return cls(data_dir / "drafts" / f"intake-{key}.json")

    def save(self, fields: dict[str, Any], seq: int) -> bool:
        """Write the draft unless a newer one (higher ``seq``) was written already."""
        doc = {"format": FORMAT, "saved_at": datetime.now(UTC).isoformat(), "fields": fields}
        data = json.dumps(doc, ensure_ascii=False, sort_keys=True).encode("utf-8")
        with self._lock:
            if seq <= self._written:
                return False
            private_dir(self.path.parent)  # a citizen's words: this user's eyes only
            tmp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
            fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
            if os.name == "posix":
                os.fchmod(fd, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
            self._written = seq
            return True

    def load(self) -> tuple[dict[str, Any], datetime] | None:
        """The saved fields and when they were saved, or None (no draft, or unreadable:
        an unreadable draft is set aside as ``*.bad`` rather than crash the form)."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            doc = json.loads(raw.decode("utf-8"))
            fields = doc["fields"]
            saved_at = datetime.fromisoformat(doc["saved_at"])
            if doc.get("format") != FORMAT or not isinstance(fields, dict):
                raise ValueError("unknown draft format")
        except (ValueError, KeyError, TypeError):
            os.replace(self.path, self.path.with_name(self.path.name + ".bad"))
            return None
        return fields, saved_at

    def clear(self, seq: int) -> None:
        """Forget the draft (saved or discarded); later writes need a higher ``seq``."""
        with self._lock:
            self._written = max(self._written, seq)
            self.path.unlink(missing_ok=True)
