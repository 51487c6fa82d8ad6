"""Case numbers: unique across every workstation, short enough to read over the phone,
issued when the case is saved, and issuable while a workstation is offline.

Format ``YYMMDD-SSS-NNNN``: the local date the case was saved, the workstation's
three-digit station code (registered once with the central database), and that
workstation's sequence for the day. Because each workstation owns its code, no two
workstations can issue the same number, online or offline, without asking anyone.
Read aloud as three groups of digits; 13 digits, no letters to spell out.

A station's sequence has four digits up to 9999 and five from 10000 (``YYMMDD-SSS-NNNNN``):
one workstation can issue a whole day's volume (an import of a web channel's backlog runs
to tens of thousands), and every number issued before stays valid as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

NUMBER_RE = re.compile(r"^(\d{2})(\d{2})(\d{2})-(\d{3})-(\d{4}|[1-9]\d{4})$")
STATION_RE = re.compile(r"^\d{3}$")
MAX_SEQ_PER_DAY = 99999  # four digits to 9999, then five
MAX_STATIONS = 999


@dataclass(frozen=True)
class CaseNumber:
    day: date
    station: str
    seq: int

    def __str__(self) -> str:
        return format_case_number(self.day, self.station, self.seq)


def format_case_number(day: date, station: str, seq: int) -> str:
    if not STATION_RE.match(station) or station == "000":
        raise ValueError(f"invalid station code {station!r}")
    if not 1 <= seq <= MAX_SEQ_PER_DAY:
        raise ValueError(f"sequence {seq} out of range 1..{MAX_SEQ_PER_DAY}")
    return f"{day:%y%m%d}-{station}-{seq:04d}"


def parse_case_number(text: str) -> CaseNumber:
    m = NUMBER_RE.match(text.strip())
    if not m:
        raise ValueError(f"not a case number: {text!r}")
    yy, mm, dd, station, seq = m.groups()
    return CaseNumber(date(2000 + int(yy), int(mm), int(dd)), station, int(seq))


def day_key(day: date) -> str:
    return f"{day:%y%m%d}"


def spoken(number: str) -> str:
    """Digits grouped for reading to the caller: '261127-042-0017' → '261 127 · 042 · 0017'."""
    n = parse_case_number(number)
    d = day_key(n.day)
    return f"{d[:3]} {d[3:]} · {n.station} · {n.seq:04d}"


def first_free_station(taken: set[str]) -> str:
    for i in range(1, MAX_STATIONS + 1):
        code = f"{i:03d}"
        if code not in taken:
            return code
    raise RuntimeError("all 999 station codes are taken")
