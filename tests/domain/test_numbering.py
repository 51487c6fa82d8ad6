from datetime import date

import pytest

from console.domain.numbering import (
    first_free_station,
    format_case_number,
    parse_case_number,
    spoken,
)


def test_format_and_parse_round_trip() -> None:
    n = format_case_number(date(2026, 11, 27), "042", 17)
    assert n == "261127-042-0017"
    p = parse_case_number(n)
    assert (p.day, p.station, p.seq) == (date(2026, 11, 27), "042", 17)
    assert str(p) == n


@pytest.mark.parametrize(
    "station,seq", [("42", 1), ("000", 1), ("abc", 1), ("001", 0), ("001", 100000)]
)
def test_refuses_bad_parts(station: str, seq: int) -> None:
    with pytest.raises(ValueError):
        format_case_number(date(2026, 1, 1), station, seq)


def test_parse_refuses_garbage() -> None:
    with pytest.raises(ValueError):
        parse_case_number("2611270420017")


def test_spoken_groups_digits() -> None:
    assert spoken("261127-042-0017") == "261 127 · 042 · 0017"


def test_first_free_station_fills_gaps() -> None:
    assert first_free_station(set()) == "001"
    assert first_free_station({"001", "002", "004"}) == "003"
    with pytest.raises(RuntimeError):
        first_free_station({f"{i:03d}" for i in range(1, 1000)})


def test_a_day_has_room_for_five_digit_sequences() -> None:
    day = date(2026, 12, 6)
    assert format_case_number(day, "004", 9999) == "261206-004-9999"
    assert format_case_number(day, "004", 10000) == "261206-004-10000"
    assert parse_case_number("261206-004-10000").seq == 10000
    assert parse_case_number("261206-004-0017").seq == 17  # four-digit numbers unchanged
    for bad in ("261206-004-00017", "261206-004-999999", "261206-004-017"):
        with pytest.raises(ValueError):
            parse_case_number(bad)
