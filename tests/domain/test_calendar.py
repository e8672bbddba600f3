"""Recurrence rules, Danish holidays and the holiday policy."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stevnsmoeder.domain import calendar
from stevnsmoeder.domain.calendar import Closure, HolidayPolicy, RuleError

EVERY_OTHER_TUESDAY = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"


def test_easter_dependent_holidays() -> None:
    h = calendar.public_holidays(2027)  # Easter Sunday 28 March 2027
    assert h[date(2027, 3, 25)] == "Skærtorsdag"
    assert h[date(2027, 3, 26)] == "Langfredag"
    assert h[date(2027, 3, 29)] == "Anden påskedag"
    assert h[date(2027, 5, 6)] == "Kristi himmelfartsdag"
    assert h[date(2027, 5, 17)] == "Anden pinsedag"


def test_store_bededag_ended_in_2024() -> None:
    assert calendar.public_holidays(2023)[date(2023, 5, 5)] == "Store bededag"
    assert "Store bededag" not in calendar.public_holidays(2024).values()
    assert "Store bededag" not in calendar.public_holidays(2027).values()


def test_grundlovsdag_closes_only_when_the_municipality_says_so() -> None:
    june5 = date(2029, 6, 5)  # a Tuesday
    rule = "FREQ=WEEKLY;BYDAY=TU"
    kept = calendar.occurrences(rule, june5, june5, june5, HolidayPolicy.SKIP)
    assert [o.day for o in kept] == [june5]
    closed = [Closure(june5, "Grundlovsdag")]
    skipped = calendar.occurrences(rule, june5, june5, june5, HolidayPolicy.SKIP, closed)
    assert skipped[0].skipped and skipped[0].reason == "Grundlovsdag"


def test_move_goes_to_the_next_working_day_past_weekends_and_holidays() -> None:
    # Skærtorsdag 2027 is Thursday 25 March; Langfredag follows, then the weekend and
    # Anden påskedag (Monday): the next working day is Tuesday 30 March.
    occ = calendar.occurrences(
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", date(2027, 3, 11), date(2027, 3, 20),
        date(2027, 3, 31), HolidayPolicy.MOVE,
    )  # fmt: skip
    assert len(occ) == 1
    assert occ[0].rule_date == date(2027, 3, 25)
    assert occ[0].day == date(2027, 3, 30)
    assert occ[0].moved and occ[0].reason == "Skærtorsdag"


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=WEEKLY;INTERVAL=0;BYDAY=TU", "interval"),
        ("FREQ=WEEKLY;BYDAY=TIR", "TIR"),
        ("FREQ=WEEKLY;BYDAY=TU,FRI", "FRI"),
        ("FREQ=SOMETIMES", "FREQ"),
        ("", "tom"),
        ("hver anden tirsdag", "læses"),
        ("FREQ=WEEKLY;COUNT=0", "COUNT"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;DTSTART=20270105", "startdato"),
    ],
)
def test_impossible_rules_are_explained(rule: str, message: str) -> None:
    with pytest.raises(RuleError) as info:
        calendar.validate_rule(rule)
    assert message.lower() in str(info.value).lower()


def test_ranges_and_horizon() -> None:
    with pytest.raises(RuleError, match="slutter, før"):
        calendar.check_range(date(2027, 1, 1), date(2026, 1, 1))
    with pytest.raises(RuleError, match="fornuftigt"):
        calendar.check_range(date(1900, 1, 1), None)
    with pytest.raises(RuleError, match="tre år"):
        calendar.occurrences(
            EVERY_OTHER_TUESDAY, date(2027, 1, 5), date(2027, 1, 1), date(2035, 1, 1),
            HolidayPolicy.MOVE,
        )  # fmt: skip


def test_rule_prefix_and_case_are_normalised() -> None:
    assert calendar.validate_rule("rrule:freq=weekly;byday=tu") == "FREQ=WEEKLY;BYDAY=TU"


weekdays = st.sampled_from(["MO", "TU", "WE", "TH", "FR"])
starts = st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31))
policies = st.sampled_from(list(HolidayPolicy))


@settings(max_examples=60, deadline=None)
@given(day=weekdays, interval=st.integers(1, 4), start=starts, policy=policies,
       length=st.integers(7, 400))  # fmt: skip
def test_occurrences_respect_holidays_and_keep_the_weekday(
    day: str, interval: int, start: date, policy: HolidayPolicy, length: int
) -> None:
    rule = f"FREQ=WEEKLY;INTERVAL={interval};BYDAY={day}"
    end = start + timedelta(days=length)
    occ = calendar.occurrences(rule, start, start, end, policy)
    closed = calendar.closed_days(start, end + timedelta(days=30))
    wanted = ["MO", "TU", "WE", "TH", "FR"].index(day)
    for o in occ:
        assert o.rule_date.weekday() == wanted
        if o.day is None:
            assert o.rule_date in closed
            continue
        assert o.day not in closed and o.day.weekday() < 5  # never on a holiday
        assert 0 <= (o.day - o.rule_date).days <= calendar.MAX_MOVE_DAYS
        if not o.moved:
            assert o.day.weekday() == wanted
    landed = [o.day for o in occ if o.day]
    assert landed == sorted(set(landed))  # a move never reaches the next meeting
    # Same input, same answer.
    assert calendar.occurrences(rule, start, start, end, policy) == occ


def test_a_long_closure_skips_rather_than_piling_up() -> None:
    summer = [Closure(date(2027, 7, 5) + timedelta(days=i), "Sommerferie") for i in range(26)]
    occ = calendar.occurrences(
        "FREQ=WEEKLY;BYDAY=TU", date(2027, 6, 29), date(2027, 6, 29), date(2027, 8, 10),
        HolidayPolicy.MOVE, summer,
    )  # fmt: skip
    # 27 July would move to Monday 2 August, the day before the next meeting: skipped.
    # (Moving six days when the next meeting is one day later would crowd it.)
    assert [o.day for o in occ if o.day] == [date(2027, 6, 29), date(2027, 8, 3), date(2027, 8, 10)]
    assert all(o.reason == "Sommerferie" for o in occ if o.skipped)


def test_easter_in_a_weekly_series_is_skipped_not_crowded() -> None:
    occ = calendar.occurrences(
        "FREQ=WEEKLY;BYDAY=TH", date(2027, 3, 18), date(2027, 3, 18), date(2027, 4, 1),
        HolidayPolicy.MOVE,
    )  # fmt: skip
    assert [(o.rule_date.day, o.day and o.day.day) for o in occ] == [(18, 18), (25, None), (1, 1)]


@pytest.mark.parametrize(
    ("rule", "da", "en"),
    [
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "hver anden tirsdag", "every other Tuesday"),
        ("FREQ=WEEKLY;BYDAY=WE", "hver onsdag", "every Wednesday"),
        ("FREQ=WEEKLY;BYDAY=MO,TH", "hver mandag og torsdag", "every Monday and Thursday"),
        ("FREQ=MONTHLY;BYMONTHDAY=1", "FREQ=MONTHLY;BYMONTHDAY=1", "FREQ=MONTHLY;BYMONTHDAY=1"),
    ],
)
def test_rules_in_words(rule: str, da: str, en: str) -> None:
    assert calendar.describe_rule(rule, "da") == da
    assert calendar.describe_rule(rule, "en") == en


@given(st.integers(0, 6), st.integers(1, 52))
def test_weekly_rule_round_trips(weekday: int, interval: int) -> None:
    rule = calendar.weekly_rule(weekday, interval)
    assert calendar.weekly_parts(rule) == (weekday, interval)
    days = calendar.rule_dates(rule, date(2027, 1, 4), date(2027, 1, 4), date(2028, 12, 31))
    assert days and all(d.weekday() == weekday for d in days)
    assert all((b - a).days == 7 * interval for a, b in itertools.pairwise(days))
