"""The city's time zone and small time helpers (no Qt)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

#: Foshan, like all of mainland China, keeps UTC+8 with no daylight saving.
CITY_TZ = ZoneInfo("Asia/Shanghai")


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_local(dt: datetime) -> datetime:
    if dt.tzinfo is None:
        raise ValueError("naive datetime")
    return dt.astimezone(CITY_TZ)


def local_date(dt: datetime) -> date:
    return to_local(dt).date()


def local_midnight(d: date) -> datetime:
    """00:00 of local day d, as an aware datetime in the city's zone."""
    return datetime.combine(d, time(0, 0), tzinfo=CITY_TZ)


def end_of_local_day(d: date) -> datetime:
    """24:00 of local day d (= 00:00 of the next day)."""
    return local_midnight(d + timedelta(days=1))


def format_deadline(at: datetime) -> str:
    """Local "YYYY-MM-DD HH:MM"; the end of a day is 24:00 of that day, not 00:00 of the
    next (the way deadlines are announced)."""
    local = to_local(at)
    if local.hour == 0 and local.minute == 0 and local.second == 0:
        prev = date.fromordinal(local.date().toordinal() - 1)
        return f"{prev:%Y-%m-%d} 24:00"
    return f"{local:%Y-%m-%d %H:%M}"


def parse_local(text: str) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=CITY_TZ)
    except ValueError as exc:
        raise ValueError(f"expected 'YYYY-MM-DD HH:MM', got {text!r}") from exc
