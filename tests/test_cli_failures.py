"""The command line says what went wrong by its kind: a refusal or the environment in one
line (exit status 1), a bug with its traceback in the log (exit status 70)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from console.cli.entry import EXIT_BUG, main, report_failure
from console.domain.errors import Refused


def test_a_refusal_is_one_plain_line(capsys: pytest.CaptureFixture[str]) -> None:
    rc = report_failure(Refused("case {number} is held by another agent", number="N-7"))
    assert rc == 1
    assert capsys.readouterr().err == "refused: case N-7 is held by another agent\n"


def test_a_damaged_database_is_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / "x.db"
    damaged.write_bytes(b"this is not an SQLite file, it was overwritten" * 100)
    url = f"sqlite:///{damaged}"
    rc = main(["report", "daily", "--date", "2026-09-15", "--out", str(tmp_path / "d.xlsx"),
               "--database", url])  # fmt: skip
    err = capsys.readouterr().err
    assert rc == 1, err
    assert err.startswith("error: ") and "bug" not in err


@pytest.mark.error_log_expected  # the bug is provoked on purpose
def test_a_syntax_error_is_a_bug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with pytest.raises(DBAPIError) as caught, engine.begin() as conn:
        conn.execute(text("SELEC 1"))
    engine.dispose()
    with caplog.at_level(logging.ERROR, logger="console"):
        rc = report_failure(caught.value)
    assert rc == EXIT_BUG
    assert "This is a bug in the console" in capsys.readouterr().err
    assert any(r.exc_info for r in caplog.records if r.levelno == logging.ERROR)
