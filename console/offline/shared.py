"""A person's outbox on a central database, numbering from the workstation's counter.

Several people share a workstation, and so its station code, each with an outbox (a
local store) of their own. Offline, each store issues the station's numbers: without a
counter shared between them, the second person to work offline on a workstation would
give callers the numbers the first one already gave. The workstation's offline start
file (``console.offline.cache``) keeps that shared counter.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from console.domain.numbering import parse_case_number
from console.offline.cache import StartCache
from console.offline.store import LocalStore


class SharedCounterStore(LocalStore):
    def __init__(self, path: Path, cache: StartCache) -> None:
        super().__init__(path)
        self._cache = cache

    def issue_number(self, station: str, day: date) -> str:
        self.raise_counter(station, day, self._cache.counter(station, day))
        number = super().issue_number(station, day)
        self._cache.note_counter(station, day, parse_case_number(number).seq)
        return number
