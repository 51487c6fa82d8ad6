"""The run-wide log check (tests/helpers/logwatch.py) catches what it must: a planted
line with a caller's name, and a phone number that slipped past the masking (a
traceback formatted before the console's filter saw it); masked lines pass."""

from __future__ import annotations

import logging
import re
import sys

from tests.helpers import logwatch


def _watch() -> logwatch.LogWatch:
    assert logwatch.WATCH is not None, "the plugin is loaded by tests/conftest.py"
    return logwatch.WATCH


def test_lines_are_formatted_and_masked_as_the_console_writes_them() -> None:
    watch = _watch()
    token = watch.plant()
    logging.getLogger("console.db").info("%s call from 13800138000", token)
    mine = [line for line in watch.lines() if token in line]
    assert len(mine) == 1
    assert re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO    console\.db: ", mine[0]), mine[
        0
    ]
    assert "*******8000" in mine[0] and "13800138000" not in mine[0]
    assert watch.offending(token) == []


def test_the_check_catches_a_planted_name_and_an_unmasked_phone() -> None:
    watch = _watch()
    token = watch.plant()
    logging.getLogger("console.ui").warning("%s saved the case of 陈先生", token)
    try:
        raise ValueError("13912345678")
    except ValueError:
        record = logging.getLogger("console.sync").makeRecord(
            "console.sync", logging.ERROR, __file__, 1, f"{token} send failed", (),
            sys.exc_info(),
        )  # fmt: skip
    # formatted by a handler without the filter first: the traceback keeps the number
    record.exc_text = logging.Formatter().formatException(record.exc_info)  # type: ignore[arg-type]
    watch.handle(record)
    caught = watch.offending(token)
    assert len(caught) == 2
    assert "陈先生" in caught[0] and "13912345678" in caught[1]
    # planted lines are not held against the run
    assert not any(token in line for line in watch.offending())
