"""The three shifts (三班倒): which shift a moment belongs to and its time window.

Shift times are local wall-clock "HH:MM". An end at or before the start means the shift
crosses midnight; "00:00" as an end means 24:00 of the start day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from console.domain.clock import CITY_TZ, to_local


@dataclass(frozen=True)
class ShiftDef:
    code: str
    name: str
    starts: time
    ends: time


@dataclass(frozen=True)
class ShiftWindow:
    shift: ShiftDef
    day: date  # the local date the shift starts on
    start: datetime  # aware
    end: datetime  # aware, exclusive

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment < self.end


def parse_hhmm(text: str) -> time:
    hh, mm = text.strip().split(":")
    h, m = int(hh), int(mm)
    if h == 24 and m == 0:
        return time(0, 0)
    return time(h, m)


def window(shift: ShiftDef, day: date) -> ShiftWindow:
    start = datetime.combine(day, shift.starts, tzinfo=CITY_TZ)
    end_day = day if shift.ends > shift.starts else day + timedelta(days=1)
    end = datetime.combine(end_day, shift.ends, tzinfo=CITY_TZ)
    return ShiftWindow(shift, day, start, end)


def shift_at(shifts: Sequence[ShiftDef], moment: datetime) -> ShiftWindow:
    """The shift window containing ``moment``. Raises if the shifts leave a gap."""
    local = to_local(moment)
    for day in (local.date(), local.date() - timedelta(days=1)):
        for s in shifts:
            w = window(s, day)
            if w.contains(local):
                return w
    raise LookupError(f"no shift covers {local:%Y-%m-%d %H:%M}")


def next_window(shifts: Sequence[ShiftDef], current: ShiftWindow) -> ShiftWindow:
    return shift_at(shifts, current.end)


def previous_window(shifts: Sequence[ShiftDef], current: ShiftWindow) -> ShiftWindow:
    return shift_at(shifts, current.start - timedelta(seconds=1))
