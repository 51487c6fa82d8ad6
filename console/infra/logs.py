"""Logging by area (console.db, console.sync, console.ui, …) into a rotating file in
the user's log directory and stderr; native crashes (a segfault in Qt or a driver) into
``native-crash.log`` next to it, through ``faulthandler``."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import re
from collections import deque
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from console.infra.paths import log_dir

CRASH_LOG = "native-crash.log"
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


# mobile numbers (optionally +86), landlines with an area code, and any other run of 7 or
# more digits that is not a case number (YYMMDD-SSS-NNNN keeps its dashes)
_PHONE = re.compile(
    r"(?<![\d-])(?:\+?86[- ]?)?1[3-9]\d{9}(?![\d-])"
    r"|(?<![\d-])0\d{2,3}-?\d{7,8}(?![\d-])"
    r"|(?<![\d-])\d{7,}(?![\d-])"
)


def mask_phone(text: str) -> str:
    """Phone numbers in ``text`` with all but their last four digits starred."""
    return _PHONE.sub(lambda m: "*" * (len(m.group()) - 4) + m.group()[-4:], text)


class PrivacyFilter(logging.Filter):
    """Every log line leaves with phone numbers masked (whoever wrote it)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string is logged as it is
            return True
        masked = mask_phone(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            record.exc_text = mask_phone(logging.Formatter().formatException(record.exc_info))
        return True


PRIVACY = PrivacyFilter()


def safe_error(exc: BaseException) -> str:
    """An error for a log line: its class, SQLSTATE and first line; never the statement's
    parameters nor the server's DETAIL (which quotes a failing row's values)."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None)
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else ""
    head = f"{orig.__class__.__name__}" + (f" ({state})" if state else "")
    return mask_phone(f"{head}: {first}" if first else head)


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
    err.addFilter(PRIVACY)
    RING.addFilter(PRIVACY)
    root.addHandler(err)
    root.addHandler(RING)
    try:
        d = log_dir()
        d.mkdir(parents=True, exist_ok=True)
        fh = logging.handlers.RotatingFileHandler(
            d / "console.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
        fh.setFormatter(logging.Formatter(FORMAT))
        fh.addFilter(PRIVACY)
        root.addHandler(fh)
    except OSError as exc:  # a read-only home must not stop the console
        logging.getLogger("console").warning("no log file: %s", exc)
    root._console_configured = True  # type: ignore[attr-defined]


_crash_file: TextIO | None = None  # kept open: faulthandler writes to its descriptor


def enable_crash_log() -> Path | None:
    """Have ``faulthandler`` write the Python stacks of every thread to ``native-crash.log``
    in the log directory when the process dies of a fatal signal (segfault, abort, …),
    where no Python handler runs. Returns the file, or None when it cannot be opened (the
    stacks then go to stderr). Idempotent."""
    global _crash_file
    if _crash_file is not None and not _crash_file.closed:
        return Path(_crash_file.name)
    try:
        d = log_dir()
        d.mkdir(parents=True, exist_ok=True)
        path = d / CRASH_LOG
        f = path.open("a", encoding="utf-8")
        f.write(f"--- console started {datetime.now(UTC).isoformat(timespec='seconds')}"
                f" pid {os.getpid()} ---\n")  # fmt: skip
        f.flush()
    except OSError as exc:
        logging.getLogger("console").warning("no native crash log: %s", exc)
        faulthandler.enable(all_threads=True)
        return None
    _crash_file = f
    faulthandler.enable(file=f, all_threads=True)
    return path
