"""Dates the Danish way, ISO weeks, and date parsing."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stevnsmoeder.domain import dates


def test_long_date_danish() -> None:
    assert dates.long_date(date(2027, 1, 5), "da") == "tirsdag den 5. januar 2027"
    assert dates.long_datetime(datetime(2027, 1, 5, 13, 0), "da") == (
        "tirsdag den 5. januar 2027, kl. 13.00"
    )


def test_long_date_english() -> None:
    assert dates.long_date(date(2027, 1, 5), "en") == "Tuesday 5 January 2027"
    assert dates.clock(datetime(2027, 1, 5, 9, 5), "en") == "09:05"


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2027, 1, 5), "uge 1"),
        (date(2026, 12, 31), "uge 53"),  # 2026 has 53 ISO weeks
        (date(2027, 1, 1), "uge 53"),  # still week 53 of 2026
        (date(2026, 11, 23), "uge 48"),
    ],
)
def test_iso_week_labels(day: date, label: str) -> None:
    assert dates.week_label(day, "da") == label


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_parse_date_round_trips(day: date) -> None:
    assert dates.parse_date(day.isoformat()) == day
    assert dates.parse_date(f"{day.day}.{day.month}.{day.year}") == day
    assert dates.parse_date(dates.short_date(day)) == day


@pytest.mark.parametrize("text", ["", "2026-13-01", "32.1.2026", "i morgen", "1.1.26"])
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        dates.parse_date(text)


def test_names_are_lowercase() -> None:
    assert all(n == n.lower() for n in dates.DA_WEEKDAYS + dates.DA_MONTHS)


@given(st.text(max_size=40))
def test_parse_date_gives_a_date_or_a_value_error(text: str) -> None:
    try:
        parsed = dates.parse_date(text)
    except ValueError:
        return
    assert isinstance(parsed, date)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("5.1.2027", date(2027, 1, 5)),
        ("05.01.2027", date(2027, 1, 5)),
        ("5-1-27", date(2027, 1, 5)),
        ("05/01/2027", date(2027, 1, 5)),
        ("05012027", date(2027, 1, 5)),
        ("050127", date(2027, 1, 5)),
        (" 5 1 2027 ", date(2027, 1, 5)),
        ("2027-01-05", date(2027, 1, 5)),
        ("29.2.2028", date(2028, 2, 29)),
    ],
)
def test_a_typed_date_is_read_day_first(typed: str, day: date) -> None:
    assert dates.parse_typed_date(typed) == day


@pytest.mark.parametrize(
    "typed", ["", "5.1.", "5.1.202", "31.2.2027", "29.2.2027", "0501", "i dag"]
)
def test_a_date_half_typed_or_impossible_is_none(typed: str) -> None:
    assert dates.parse_typed_date(typed) is None


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_a_typed_date_round_trips_through_the_form(day: date) -> None:
    assert dates.parse_typed_date(dates.short_date(day)) == day
    assert dates.parse_typed_date(day.strftime("%d%m%Y")) == day
    assert dates.parse_typed_date(f"{day.day}-{day.month}-{day.year % 100:02d}") == day


def test_weekday_names() -> None:
    assert dates.weekday_name(date(2026, 12, 5), "da") == "lørdag"
    assert dates.weekday_name(date(2026, 12, 5), "en") == "Saturday"
