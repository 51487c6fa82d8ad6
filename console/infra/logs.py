"""Logging by area (console.db, console.sync, console.ui, …) into a rotating file in
the user's log directory and stderr."""

from __future__ import annotations

import logging
import logging.handlers
from collections import deque

from console.infra.paths import log_dir

FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class RingBuffer(logging.Handler):
    """The last lines, for the in-app log view and crash reports."""

    def __init__(self, capacity: int = 2000) -> None:
        super().__init__()
        self.lines: deque[str] = deque(maxlen=capacity)
        self.setFormatter(logging.Formatter(FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


RING = RingBuffer()


def setup_logging(verbose: bool = False) -> None:
    root = logging.getLogger()
    if getattr(root, "_console_configured", False):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    err = logging.StreamHandler()
    err.setLevel(logging.DEBUG if verbose else logging.WARNING)
    err.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(err)
    root.addHandler(RING)
    try:
        d = log_dir()
        d.mkdir(parents=True, exist_ok=True)
        fh = logging.handlers.RotatingFileHandler(
            d / "console.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        fh.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(fh)
    except OSError as exc:  # a read-only home must not stop the console
        logging.getLogger("console").warning("no log file: %s", exc)
    root._console_configured = True  # type: ignore[attr-defined]
