"""Where suggestion models are kept: ``DatabaseModelStore``, the centre's database (what
the console and the commands use: one training for every workstation), or
``ModelStore``, versioned files in a directory (the benchmark, tests).

The file store: versioned model files in a directory, one folder per database.

``suggest-v0003.pickle`` is version 3; ``current.json`` names the version in use with its
held-back figures and keeps a short log of training attempts (kept or refused). A new
version becomes current only through ``promote``, so a console keeps using the previous
model until a better-or-equal one is written. Files are written to a temporary name and
renamed, so a reader never sees half a model.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import threading
import time
import zlib
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from console.infra import paths
from console.learning.model import FORMAT, SuggestionModel
from console.models import SuggestionModelRow

log = logging.getLogger("console.learning")

KEEP_FILES = 3  # the current version and the two before it


def database_key(masked_url: str) -> str:
    return hashlib.sha1(masked_url.encode("utf-8")).hexdigest()[:12]


class ModelStore:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._lock = threading.Lock()
        self._loaded: SuggestionModel | None = None

    @classmethod
    def for_database(cls, masked_url: str) -> ModelStore:
        return cls(paths.data_dir() / "models" / "suggest" / database_key(masked_url))

    # --- the pointer ------------------------------------------------------------------
    @property
    def _pointer(self) -> Path:
        return self.directory / "current.json"

    def info(self) -> dict[str, Any]:
        try:
            data = json.loads(self._pointer.read_text("utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def current_version(self) -> int:
        return int(self.info().get("version") or 0)

    def _file(self, version: int) -> Path:
        return self.directory / f"suggest-v{version:04d}.pickle"

    def _write_json(self, data: dict[str, Any]) -> None:
        tmp = self._pointer.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
        os.replace(tmp, self._pointer)

    # --- reading ----------------------------------------------------------------------
    def current(self) -> SuggestionModel | None:
        """The model in use (loaded once per version; cheap to call again)."""
        version = self.current_version()
        with self._lock:
            if self._loaded is not None and self._loaded.version == version:
                return self._loaded
            if not version:
                self._loaded = None
                return None
            try:
                with self._file(version).open("rb") as f:
                    model = pickle.load(f)  # our own file, written by promote()
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
                log.warning("suggestion model v%s unreadable: %s", version, exc)
                return self._loaded
            if not isinstance(model, SuggestionModel) or vars(model).get("format") != FORMAT:
                log.warning("suggestion model v%s is of another layout: retrain", version)
                return self._loaded
            self._loaded = model
            return model

    # --- writing ----------------------------------------------------------------------
    def promote(self, model: SuggestionModel, outcome: dict[str, Any]) -> int:
        """Write ``model`` as the next version and make it current."""
        self.directory.mkdir(parents=True, exist_ok=True)
        info = self.info()
        version = max(int(info.get("version") or 0), int(info.get("last_version") or 0)) + 1
        model.version = version
        tmp = self._file(version).with_suffix(".tmp")
        with tmp.open("wb") as f:
            pickle.dump(model, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self._file(version))
        self._log(
            info,
            dict(outcome, version=version, promoted=True),
            version=version,
            last_version=version,
            metrics=model.metrics,
            examples=model.examples,
            trained_at=model.trained_at,
        )
        for old in sorted(self.directory.glob("suggest-v*.pickle"))[:-KEEP_FILES]:
            old.unlink(missing_ok=True)
        return version

    def refuse(self, outcome: dict[str, Any]) -> None:
        """Record a training attempt whose model was not good enough (nothing changes)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        self._log(self.info(), dict(outcome, promoted=False))

    def _log(self, info: dict[str, Any], attempt: dict[str, Any], **changes: Any) -> None:
        attempts = list(info.get("attempts") or [])[-19:] + [attempt]
        self._write_json(dict(info, attempts=attempts, **changes))


#: how often a workstation asks the central database for a newer model (seconds)
CHECK_EVERY_S = 600.0


class DatabaseModelStore(ModelStore):
    """The centre's models in its database (``suggestion_models``), one row per training
    attempt; a promoted row carries the pickled model, zlib-compressed, with its SHA-256.

    One place trains (``suggest train`` on a schedule, or a supervisor's *Retrain now*);
    every workstation loads the newest promoted version, caching the file in its data
    directory (so a restart does not fetch it again), and keeps using the model it has
    until the newer one is downloaded, verified and unpickled: ``current()`` never goes
    to the database once a model is loaded; ``refresh()`` (a timer of the console, the
    background worker of ``serve``) looks for a newer version and loads it.

    Trust: the rows are unpickled, so writing ``suggestion_models`` must be restricted
    to the accounts that train (supervisors, administrators, the trainer's login).
    """

    def __init__(
        self, sessions: sessionmaker[Session], cache_dir: Path, trained_by: str = ""
    ) -> None:
        super().__init__(cache_dir)
        self._sessions = sessions
        self.trained_by = trained_by[:64]
        self._checked = 0.0

    @classmethod
    def central(
        cls, sessions: sessionmaker[Session], masked_url: str, trained_by: str = ""
    ) -> DatabaseModelStore:
        directory = paths.data_dir() / "models" / "suggest" / database_key(masked_url)
        return cls(sessions, directory, trained_by)

    # --- reading ----------------------------------------------------------------------
    def _newest(self, s: Session) -> SuggestionModelRow | None:
        return s.scalars(
            select(SuggestionModelRow)
            .where(SuggestionModelRow.promoted.is_(True), SuggestionModelRow.format == FORMAT)
            .order_by(SuggestionModelRow.version.desc())
            .limit(1)
        ).first()

    def info(self) -> dict[str, Any]:
        with self._sessions() as s:
            row = self._newest(s)
            rows = list(
                s.scalars(
                    select(SuggestionModelRow).order_by(SuggestionModelRow.version.desc()).limit(20)
                )
            )
        attempts = [
            {
                "at": r.at.timestamp(),
                "version": r.version,
                "promoted": r.promoted,
                "examples": r.examples,
                "held_back": r.held_back,
                "new": r.metrics,
                "old": r.old_metrics,
                "reason": r.reason,
                "trained_by": r.trained_by,
            }
            for r in reversed(rows)
        ]
        if row is None:
            return {"attempts": attempts} if attempts else {}
        return {
            "version": row.version,
            "last_version": rows[0].version if rows else row.version,
            "metrics": row.metrics,
            "examples": row.examples,
            "trained_at": row.trained_at,
            "size": row.size,
            "attempts": attempts,
        }

    def current_version(self) -> int:
        with self._sessions() as s:
            v = s.scalar(
                select(func.max(SuggestionModelRow.version)).where(
                    SuggestionModelRow.promoted.is_(True), SuggestionModelRow.format == FORMAT
                )
            )
        return int(v or 0)

    def current(self) -> SuggestionModel | None:
        """The model loaded (the newest promoted one at the first call, then whatever
        ``refresh`` loaded): no database round trip on the suggestion path."""
        with self._lock:
            loaded, checked = self._loaded, self._checked
        if loaded is not None or checked:
            return loaded
        return self.refresh()

    def refresh(self) -> SuggestionModel | None:
        """Load the newest promoted model if it is not the one in use (a download and
        an unpickle: seconds on a large history; run it in the background)."""
        version = self.current_version()
        with self._lock:
            self._checked = time.monotonic()
            if not version or (self._loaded is not None and self._loaded.version >= version):
                return self._loaded
        model = self._load(version)
        with self._lock:
            if model is not None and (self._loaded is None or self._loaded.version < version):
                self._loaded = model
            return self._loaded

    def due(self) -> bool:
        return time.monotonic() - self._checked >= CHECK_EVERY_S

    def _load(self, version: int) -> SuggestionModel | None:
        cached = self._file(version)
        with self._sessions() as s:
            row = s.get(SuggestionModelRow, version)
            if row is None:
                return None
            digest, size = row.sha256, row.size
        blob: bytes | None = None
        try:
            data = cached.read_bytes()
            if hashlib.sha256(data).hexdigest() == digest:
                blob = data
        except OSError:
            pass
        if blob is None:
            with self._sessions() as s:
                data = s.scalar(
                    select(SuggestionModelRow.data).where(SuggestionModelRow.version == version)
                )
            if data is None or hashlib.sha256(data).hexdigest() != digest:
                log.warning("suggestion model v%s: stored data missing or damaged", version)
                return None
            blob = bytes(data)
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                tmp = cached.with_suffix(".tmp")
                tmp.write_bytes(blob)
                os.replace(tmp, cached)
                for old in sorted(self.directory.glob("suggest-v*.pickle"))[:-KEEP_FILES]:
                    old.unlink(missing_ok=True)
            except OSError as exc:  # no cache: it is fetched again next start
                log.info("suggestion model not cached: %s", exc)
        try:
            model = pickle.loads(zlib.decompress(blob))  # the centre's own, checked above
        except (zlib.error, pickle.UnpicklingError, EOFError, AttributeError) as exc:
            log.warning("suggestion model v%s unreadable: %s", version, exc)
            return None
        if not isinstance(model, SuggestionModel) or vars(model).get("format") != FORMAT:
            log.warning("suggestion model v%s is of another layout: retrain", version)
            return None
        model.version = version
        log.info("suggestion model v%s loaded (%d bytes)", version, size)
        return model

    # --- writing ----------------------------------------------------------------------
    def promote(self, model: SuggestionModel, outcome: dict[str, Any]) -> int:
        data = zlib.compress(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL), 6)
        version = self._insert(
            outcome,
            promoted=True,
            format=FORMAT,
            trained_at=model.trained_at,
            metrics=model.metrics,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
        )
        model.version = version
        try:  # the model is in this process already: the cache spares a download
            self.directory.mkdir(parents=True, exist_ok=True)
            self._file(version).write_bytes(data)
        except OSError:
            pass
        with self._lock:
            self._loaded, self._checked = model, time.monotonic()
        with self._sessions() as s, s.begin():  # only the newest few keep their bytes
            keep = list(
                s.scalars(
                    select(SuggestionModelRow.version)
                    .where(SuggestionModelRow.promoted.is_(True))
                    .order_by(SuggestionModelRow.version.desc())
                    .limit(KEEP_FILES)
                )
            )
            s.execute(
                update(SuggestionModelRow)
                .where(
                    SuggestionModelRow.version.not_in(keep),
                    SuggestionModelRow.data.is_not(None),
                )
                .values(data=None)
            )
        return version

    def refuse(self, outcome: dict[str, Any]) -> None:
        self._insert(outcome, promoted=False, metrics=outcome.get("new") or {})

    def _insert(self, outcome: dict[str, Any], **values: Any) -> int:
        for _attempt in range(5):  # two trainers at once: the second takes the next number
            try:
                with self._sessions() as s, s.begin():
                    last = s.scalar(select(func.max(SuggestionModelRow.version))) or 0
                    version = int(last) + 1
                    s.add(
                        SuggestionModelRow(
                            version=version,
                            examples=int(outcome.get("examples") or 0),
                            held_back=int(outcome.get("held_back") or 0),
                            old_metrics=outcome.get("old"),
                            reason=str(outcome.get("reason") or "")[:200],
                            trained_by=self.trained_by,
                            **values,
                        )
                    )
                return version
            except IntegrityError:
                continue
        raise RuntimeError("could not number the suggestion model")
