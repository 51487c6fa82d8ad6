"""Mainland China's working-day calendar, with local overrides.

Sources, in order:
1. local overrides (an administrator's table: a city closure, or next year's State
   Council notice before the package knows it);
2. the ``chinesecalendar`` package, which knows public holidays and the adjusted
   working weekends (调休) for the years it covers;
3. otherwise Monday-Friday — but such a day is *unverified*, and every deadline that
   depends on one says so, so that no deadline is silently computed from weekends alone.

Rules for "N working days" (``add_workdays``):
- ``exclusive`` (the legal default, 期间开始之日不计算在内): the day the clock starts does
  not count; the deadline is 24:00 of the N-th working day after that day.
- ``inclusive`` (含本数): the start day counts as the first day if it is a working day;
  the deadline is 24:00 of the N-th working day counting from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import chinese_calendar

from console.clock import end_of_local_day, local_date

EXCLUSIVE = "exclusive"
INCLUSIVE = "inclusive"
WORKDAY_RULES = (EXCLUSIVE, INCLUSIVE)


@dataclass(frozen=True)
class DayInfo:
    workday: bool
    verified: bool  # False: neither an override nor the package knows this day


@dataclass(frozen=True)
class WorkdayDeadline:
    at: datetime  # aware, 24:00 local of the last counted day
    verified: bool


@dataclass
class WorkCalendar:
    overrides: Mapping[date, bool] = field(default_factory=dict)

    def day(self, d: date) -> DayInfo:
        if d in self.overrides:
            return DayInfo(self.overrides[d], True)
        try:
            return DayInfo(chinese_calendar.is_workday(d), True)
        except NotImplementedError:
            return DayInfo(d.weekday() < 5, False)

    def is_workday(self, d: date) -> bool:
        return self.day(d).workday

    def add_workdays(self, start: datetime, n: int, rule: str = EXCLUSIVE) -> WorkdayDeadline:
        if n < 1:
            raise ValueError("n must be at least 1")
        if rule not in WORKDAY_RULES:
            raise ValueError(f"unknown working-day rule {rule!r}")
        d = local_date(start)
        verified = True
        if rule == INCLUSIVE:
            info = self.day(d)
            verified &= info.verified
            counted = 1 if info.workday else 0
            if counted == n:
                return WorkdayDeadline(end_of_local_day(d), verified)
        else:
            counted = 0
        while counted < n:
            d += timedelta(days=1)
            info = self.day(d)
            verified &= info.verified
            if info.workday:
                counted += 1
        return WorkdayDeadline(end_of_local_day(d), verified)

    def workdays_between(self, start: date, end: date) -> int:
        """Working days in (start, end], the way "N working days left" is counted."""
        n = 0
        d = start
        while d < end:
            d += timedelta(days=1)
            if self.is_workday(d):
                n += 1
        return n
