"""Mainland China's working-day calendar, with local overrides.

Sources, in order:
1. local overrides (an administrator's table, ``calendar_overrides``: a city closure, or
   next year's State Council notice before the package knows it);
2. the ``chinesecalendar`` package, which knows public holidays and the adjusted working
   weekends (调休) for the years it covers (2004-2026 in version 1.11);
3. otherwise Monday-Friday — but such a day is *unverified*, and every deadline that
   depends on one says so (``verified=False``), so that no deadline is silently computed
   from weekends alone; administrators are warned.

Rules for "N working days" (``add_workdays``):
- ``exclusive`` (the legal default, 期间开始之日不计算在内): the day the clock starts does
  not count; the deadline is 24:00 of the N-th working day after that day.
- ``inclusive`` (含本数): the start day counts as the first day if it is a working day;
  the deadline is 24:00 of the N-th working day counting from it.

"Working hours" (``add_work_seconds``) count only the office hours of working days, e.g.
09:00-12:00 and 14:00-18:00; a clock started outside them starts at the next opening.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import chinese_calendar

from console.domain.clock import CITY_TZ, end_of_local_day, local_date, to_local

EXCLUSIVE = "exclusive"
INCLUSIVE = "inclusive"
WORKDAY_RULES = (EXCLUSIVE, INCLUSIVE)
DEFAULT_WORK_HOURS = "09:00-12:00,14:00-18:00"
#: at most this many days are searched for the next working day (a calendar with no
#: working day in a year is a data error, not a reason to loop forever)
MAX_SEARCH_DAYS = 366


@dataclass(frozen=True)
class DayInfo:
    workday: bool
    verified: bool  # False: neither an override nor the package knows this day


@dataclass(frozen=True)
class WorkdayDeadline:
    at: datetime  # aware, 24:00 local of the last counted day
    verified: bool


def parse_work_hours(text: str) -> tuple[tuple[time, time], ...]:
    """ "09:00-12:00,14:00-18:00" → ((09:00, 12:00), (14:00, 18:00)), sorted, non-empty."""
    spans = []
    for part in text.split(","):
        a, b = part.strip().split("-")
        ta = time.fromisoformat(a.strip())
        tb = time.fromisoformat(b.strip())
        if tb <= ta:
            raise ValueError(f"working-hours span {part!r} ends before it starts")
        spans.append((ta, tb))
    if not spans:
        raise ValueError("no working hours")
    return tuple(sorted(spans))


@dataclass
class WorkCalendar:
    overrides: Mapping[date, bool] = field(default_factory=dict)
    _cache: dict[date, DayInfo] = field(default_factory=dict, repr=False, compare=False)

    def day(self, d: date) -> DayInfo:
        hit = self._cache.get(d)
        if hit is not None:
            return hit
        if d in self.overrides:
            info = DayInfo(self.overrides[d], True)
        else:
            try:
                info = DayInfo(chinese_calendar.is_workday(d), True)
            except NotImplementedError:
                info = DayInfo(d.weekday() < 5, False)
        self._cache[d] = info
        return info

    def is_workday(self, d: date) -> bool:
        return self.day(d).workday

    def add_workdays(self, start: datetime, n: int, rule: str = EXCLUSIVE) -> WorkdayDeadline:
        if n < 1:
            raise ValueError("n must be at least 1")
        if rule not in WORKDAY_RULES:
            raise ValueError(f"unknown working-day rule {rule!r}")
        d = local_date(start)
        verified = True
        counted = 0
        if rule == INCLUSIVE:
            info = self.day(d)
            verified &= info.verified
            counted = 1 if info.workday else 0
        searched = 0
        while counted < n:
            d += timedelta(days=1)
            searched += 1
            if searched > MAX_SEARCH_DAYS * n:
                raise ValueError("no working days in the calendar")
            info = self.day(d)
            verified &= info.verified
            if info.workday:
                counted += 1
        return WorkdayDeadline(end_of_local_day(d), verified)

    def workdays_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: how "N working days left" is counted."""
        n = 0
        d = start
        while d < end:
            d += timedelta(days=1)
            if self.is_workday(d):
                n += 1
        return n

    def workdays_touched(self, a: datetime, b: datetime) -> tuple[int, bool]:
        """Working days on which any part of [a, b) falls, and whether all were verified."""
        if b <= a:
            return 0, True
        first, last = local_date(a), local_date(b - timedelta(microseconds=1))
        n, verified, d = 0, True, first
        while d <= last:
            info = self.day(d)
            verified &= info.verified
            n += 1 if info.workday else 0
            d += timedelta(days=1)
        return n, verified

    # --- working hours ------------------------------------------------------------
    def _open_spans(
        self, d: date, hours: tuple[tuple[time, time], ...]
    ) -> list[tuple[datetime, datetime]]:
        if not self.is_workday(d):
            return []
        return [
            (datetime.combine(d, a, tzinfo=CITY_TZ), datetime.combine(d, b, tzinfo=CITY_TZ))
            for a, b in hours
        ]

    def add_work_seconds(
        self, start: datetime, seconds: float, work_hours: str = DEFAULT_WORK_HOURS
    ) -> tuple[datetime, bool]:
        """The moment ``seconds`` of office time after ``start`` have elapsed."""
        hours = parse_work_hours(work_hours)
        t = to_local(start)
        left = seconds
        d = t.date()
        verified = True
        for _ in range(MAX_SEARCH_DAYS * 10):
            verified &= self.day(d).verified
            for a, b in self._open_spans(d, hours):
                if b <= t:
                    continue
                begin = max(a, t)
                span = (b - begin).total_seconds()
                if left <= span:
                    return begin + timedelta(seconds=left), verified
                left -= span
            d += timedelta(days=1)
            t = datetime.combine(d, time(0, 0), tzinfo=CITY_TZ)
        raise ValueError("no working hours in the calendar")

    def work_seconds_between(
        self, a: datetime, b: datetime, work_hours: str = DEFAULT_WORK_HOURS
    ) -> float:
        if b <= a:
            return 0.0
        hours = parse_work_hours(work_hours)
        la, lb = to_local(a), to_local(b)
        total = 0.0
        d = la.date()
        while d <= lb.date():
            for x, y in self._open_spans(d, hours):
                lo, hi = max(x, la), min(y, lb)
                if hi > lo:
                    total += (hi - lo).total_seconds()
            d += timedelta(days=1)
        return total
