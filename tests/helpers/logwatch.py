"""A pytest plugin (loaded by tests/conftest.py): every log line of the test run is
kept, formatted exactly as the console's own handlers write it (``console.infra.logs``:
its FORMAT and the PRIVACY filter, the ``console`` loggers at INFO as in the console's
log file), and at the end of the run a line that holds an unmasked phone number or a
known test caller's name fails the run ("no personal data in any log line").

Tests may plant a line on purpose to prove the check works: :meth:`LogWatch.plant`
returns a token; lines holding it are reported by :meth:`LogWatch.offending` and left
out of the end-of-run verdict."""

from __future__ import annotations

import logging
import tempfile
import threading
import uuid
from pathlib import Path

import pytest

from console.infra.logs import _PHONE, FORMAT, PRIVACY

#: the callers' names the tests use (their phones are caught as unmasked numbers)
KNOWN_NAMES: tuple[str, ...] = (
    "张三", "李四", "王五", "赵六", "陈先生", "陈女士", "周女士", "李先生",
)  # fmt: skip


def offending_lines(lines: list[str]) -> list[str]:
    """The lines that hold an unmasked phone number (or any run of 7+ digits the
    console's masking would have starred) or a known caller's name."""
    return [line for line in lines if _PHONE.search(line) or any(n in line for n in KNOWN_NAMES)]


class LogWatch(logging.Handler):
    def __init__(self, path: Path) -> None:
        super().__init__(logging.NOTSET)
        self.setFormatter(logging.Formatter(FORMAT))
        self.addFilter(PRIVACY)
        self.path = path
        path.touch()
        self._guard = threading.Lock()
        self.planted: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record)
        except Exception:  # noqa: BLE001 - a bad format string: its raw parts
            line = f"{record.name}: {record.msg!r} {record.args!r}"
        with self._guard:
            # opened for each line: logging.config.dictConfig (uvicorn's) closes every
            # handler it finds; one entry a line, a traceback's lines joined
            with self.path.open("a", encoding="utf-8") as f:
                f.write(line.replace("\n", " ⏎ ") + "\n")

    def lines(self) -> list[str]:
        with self._guard:
            return self.path.read_text(encoding="utf-8").splitlines()

    def plant(self) -> str:
        """A token for a line a test writes on purpose (not held against the run)."""
        # letters only: a run of digits would be masked like a phone number
        token = "logwatch-planted-" + "".join(chr(97 + int(c, 16)) for c in uuid.uuid4().hex)
        self.planted.add(token)
        return token

    def offending(self, token: str | None = None) -> list[str]:
        """Offending lines: those holding ``token``, or else all but the planted ones."""
        found = offending_lines(self.lines())
        if token is not None:
            return [line for line in found if token in line]
        return [line for line in found if not any(t in line for t in self.planted)]


WATCH: LogWatch | None = None
_CONSOLE_LEVEL: int = logging.NOTSET


def pytest_configure(config: pytest.Config) -> None:
    global WATCH, _CONSOLE_LEVEL
    if WATCH is not None:
        return
    folder = Path(tempfile.mkdtemp(prefix="hotline-test-logs-"))
    WATCH = LogWatch(folder / "all-lines.log")
    logging.getLogger().addHandler(WATCH)
    console = logging.getLogger("console")
    _CONSOLE_LEVEL = console.level
    if console.getEffectiveLevel() > logging.INFO:  # as in the console's own log file
        console.setLevel(logging.INFO)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    global WATCH
    if WATCH is None:
        return
    watch, WATCH = WATCH, None
    logging.getLogger().removeHandler(watch)
    logging.getLogger("console").setLevel(_CONSOLE_LEVEL)
    bad = watch.offending()
    total = len(watch.lines())
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.ensure_newline()
    if bad:
        if reporter is not None:
            reporter.write_sep("=", "personal data in log lines", red=True)
            for line in bad[:20]:
                reporter.write_line(line[:300])
            reporter.write_line(f"{len(bad)} of {total} log lines; all kept in {watch.path}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    elif reporter is not None:
        reporter.write_line(f"log lines checked for personal data: {total}, none found")
