"""Text bound for a spreadsheet (Excel, CSV) is neutralised: a cell a citizen wrote that
starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as a
formula (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``). As OWASP's CSV-injection guidance
says, such a cell is prefixed with a single quote, so it shows as the text it is.
Every exporter writes its cells through :func:`neutralise` (or :func:`write_csv_rows`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """``value`` as a spreadsheet may safely hold it: strings that a spreadsheet would
    read as a formula get a leading ``'``; everything else is returned as it is."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


class _Writer(Protocol):
    def writerow(self, row: Iterable[Any], /) -> Any: ...


def write_csv_rows(writer: _Writer, rows: Iterable[Iterable[Any]]) -> int:
    """Write rows through a ``csv.writer``, every cell neutralised; returns how many."""
    n = 0
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
        n += 1
    return n
