"""Versioned model files in the user data directory, one folder per database.

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
from pathlib import Path
from typing import Any

from console.infra import paths
from console.learning.model import FORMAT, SuggestionModel

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
