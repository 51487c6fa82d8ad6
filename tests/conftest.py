"""Test set-up: offscreen Qt, an in-memory keyring, isolated user directories, and
database fixtures that run on SQLite and on the real PostgreSQL."""

from __future__ import annotations

import gc
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

# before anything imports Qt or reads the user's directories
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # one screen of 1366×768, the workstation screen the console is made for (offscreen's
    # own default is 800×800)
    _screens = Path(tempfile.mkdtemp(prefix="hotline-test-screen-")) / "screens.json"
    _screens.write_text(
        '{"screens": [{"name": "workstation", "x": 0, "y": 0, "width": 1366, "height": 768,'
        ' "logicalDpi": 96}]}',
        encoding="utf-8",
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screens}"
os.environ["HOTLINE_CONSOLE_HOME"] = tempfile.mkdtemp(prefix="hotline-test-home-")

import keyring  # noqa: E402
import pytest  # noqa: E402
from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from console.infra.database import make_engine, make_session_factory  # noqa: E402
from tests.helpers.db import (  # noqa: E402
    make_sqlite_template,
    pg_available,
    pg_database,
    pg_reset,
    sqlite_copy,
)
from tests.helpers.keyring_memory import MemoryKeyring  # noqa: E402

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

#: every log line of the run is checked for personal data (tests/helpers/logwatch.py)
pytest_plugins = ["tests.helpers.logwatch"]


@pytest.fixture(autouse=True, scope="session")
def collect_on_main_thread() -> Iterator[None]:
    """As in the console (console/ui/gc.py): no automatic garbage collection, which could
    run on a worker thread and destroy Qt objects there; collect on the main thread."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def collect_after_test() -> Iterator[None]:
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """A test that runs the command line in-process configures logging (a stream handler
    on the stderr pytest captured for that test); later tests must not write to that
    closed stream, so the root logger gets its handlers and level back after each test."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    configured = getattr(root, "_console_configured", False)
    yield
    for h in list(root.handlers):
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)
    root._console_configured = configured  # type: ignore[attr-defined]


class _ErrorRecords(logging.Handler):
    """Keeps the ERROR (and worse) records logged while one test runs."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_error_log(request: pytest.FixtureRequest) -> Iterator[_ErrorRecords]:
    """A test fails on an unexpected ERROR log line: an error the console logs is either a
    bug or a fault the test provoked on purpose (mark it ``error_log_expected``)."""
    handler = _ErrorRecords()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
    if handler.records and request.node.get_closest_marker("error_log_expected") is None:
        lines = "\n".join(
            f"{r.name}: {r.getMessage()}" + (" [with traceback]" if r.exc_info else "")
            for r in handler.records[:5]
        )
        pytest.fail(f"unexpected ERROR log line(s):\n{lines}", pytrace=False)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_sqlite_template(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    ok, why = pg_available()
    if not ok:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required under CI and is not reachable: {why}")
        pytest.skip(f"PostgreSQL not reachable (set CONSOLE_TEST_PG_URL): {why}")
    with pg_database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, sqlite_template: Path, tmp_path: Path) -> str:
    """A migrated, reference-seeded, otherwise empty database on each engine."""
    if request.param == "sqlite":
        return sqlite_copy(sqlite_template, tmp_path)
    url: str = request.getfixturevalue("pg_url")
    pg_reset(url)
    return url


@pytest.fixture
def sessions(db_url: str) -> Iterator[sessionmaker[Session]]:
    engine = make_engine(db_url)
    yield make_session_factory(engine)
    engine.dispose()
