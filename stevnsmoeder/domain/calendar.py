"""Recurrence and the Danish calendar: when a series' meetings fall, and what a holiday does.

Rules are RFC 5545 RRULE text (what Outlook understands), read with python-dateutil. Official
Danish public holidays come from the ``holidays`` package (Store Bededag only until 2023;
Grundlovsdag, Christmas Eve and New Year's Eve are not official holidays). The municipality
adds its own closed days (Christmas week, school holidays, Grundlovsdag if it so decides).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

from stevnsmoeder.i18n import _

MAX_HORIZON_DAYS = 3 * 366  # generating further ahead than three years is a mistake
# A meeting moves to the next working day only within a week, and only if that day is
# nearer its own date than the series' next meeting; otherwise (the summer holidays, Easter
# in a weekly series) it is skipped instead of piling up beside the next one.
MAX_MOVE_DAYS = 7
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)
_WEEKDAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"}


class HolidayPolicy(enum.StrEnum):
    SKIP = "skip"
    MOVE = "move"  # to the next working day


class RuleError(ValueError):
    """A recurrence rule or date range that cannot be used; the message is for the user."""


@dataclass(frozen=True)
class Closure:
    """A day the municipality is closed, with its reason (for the moved/skipped note)."""

    day: date
    reason: str


@lru_cache(maxsize=64)
def public_holidays(year: int) -> dict[date, str]:
    """Official Danish public holidays of ``year``, with their Danish names."""
    import holidays

    return dict(holidays.country_holidays("DK", years=year, language="da").items())


def closed_days(start: date, end: date, extra: Iterable[Closure] = ()) -> dict[date, str]:
    """Every closed day in [start, end]: weekends are not included, only named closures."""
    days: dict[date, str] = {}
    for year in range(start.year, end.year + 1):
        for day, name in public_holidays(year).items():
            if start <= day <= end:
                days[day] = name
    for closure in extra:
        if start <= closure.day <= end:
            days.setdefault(closure.day, closure.reason)
    return days


def is_working_day(day: date, closed: Mapping[date, str]) -> bool:
    return day.weekday() < 5 and day not in closed


def next_working_day(day: date, closed: Mapping[date, str]) -> date:
    candidate = day + timedelta(days=1)
    while not is_working_day(candidate, closed):
        candidate += timedelta(days=1)
    return candidate


def validate_rule(rule: str) -> str:
    """Normalise RRULE text (with or without the ``RRULE:`` prefix) or raise RuleError."""
    text = rule.strip().upper().removeprefix("RRULE:")
    if not text:
        raise RuleError(_("The recurrence rule is empty."))
    parts: dict[str, str] = {}
    for part in text.split(";"):
        key, sep, value = part.partition("=")
        if not sep or not key or not value:
            raise RuleError(_("The recurrence rule {rule} cannot be read.", rule=rule))
        parts[key] = value
    if parts.get("FREQ") not in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
        raise RuleError(_("The recurrence rule needs FREQ=WEEKLY, MONTHLY, DAILY or YEARLY."))
    interval = parts.get("INTERVAL", "1")
    if not interval.isdigit() or not 1 <= int(interval) <= 52:
        raise RuleError(_("The interval must be a whole number from 1 to 52."))
    for day in parts.get("BYDAY", "").split(",") if "BYDAY" in parts else ():
        if re.sub(r"^[+-]?\d{0,2}", "", day) not in _WEEKDAYS:
            raise RuleError(_("Unknown weekday {day}: use MO, TU, WE, TH, FR, SA or SU.", day=day))
    if "COUNT" in parts and (not parts["COUNT"].isdigit() or int(parts["COUNT"]) < 1):
        raise RuleError(_("COUNT must be a whole number above 0."))
    if "DTSTART" in parts:
        raise RuleError(_("Give the start date separately, not inside the rule."))
    try:
        rrulestr(text, dtstart=datetime(2026, 1, 1))
    except (ValueError, TypeError) as exc:
        raise RuleError(_("The recurrence rule {rule} cannot be read.", rule=rule)) from exc
    return text


def check_range(start: date, end: date | None) -> None:
    for day in (start, end):
        if day is not None and not EARLIEST <= day <= LATEST:
            raise RuleError(_("The date {day} is outside any sensible range.", day=day))
    if end is not None and end < start:
        raise RuleError(_("The series ends before it starts."))


def rule_dates(rule: str, starts_on: date, window_start: date, window_end: date) -> list[date]:
    """The rule's dates within [window_start, window_end], counting from ``starts_on``."""
    text = validate_rule(rule)
    if window_end < window_start:
        return []
    rr = rrulestr(text, dtstart=datetime.combine(starts_on, time.min))
    assert isinstance(rr, rrule)
    found = rr.between(
        datetime.combine(window_start, time.min),
        datetime.combine(window_end, time.max),
        inc=True,
    )
    return [d.date() for d in found]


@dataclass(frozen=True)
class Occurrence:
    """One planned date of a series: where it lands, and where it would have been."""

    rule_date: date
    day: date | None  # None: skipped
    reason: str = ""  # the holiday or closure that moved or skipped it

    @property
    def moved(self) -> bool:
        return self.day is not None and self.day != self.rule_date

    @property
    def skipped(self) -> bool:
        return self.day is None


def apply_policy(
    rule_date: date,
    policy: HolidayPolicy,
    closed: Mapping[date, str],
    next_rule_date: date | None = None,
) -> Occurrence:
    if rule_date not in closed:
        return Occurrence(rule_date, rule_date)
    reason = closed[rule_date]
    if policy is HolidayPolicy.SKIP:
        return Occurrence(rule_date, None, reason)
    moved = next_working_day(rule_date, closed)
    shift = (moved - rule_date).days
    crowding = next_rule_date is not None and shift >= (next_rule_date - moved).days
    if shift > MAX_MOVE_DAYS or crowding:
        return Occurrence(rule_date, None, reason)
    return Occurrence(rule_date, moved, reason)


def occurrences(
    rule: str,
    starts_on: date,
    window_start: date,
    window_end: date,
    policy: HolidayPolicy,
    extra_closures: Iterable[Closure] = (),
    ends_on: date | None = None,
) -> list[Occurrence]:
    """The series' occurrences in the window, after the holiday policy."""
    check_range(starts_on, ends_on)
    check_range(window_start, window_end)
    if (window_end - window_start).days > MAX_HORIZON_DAYS:
        raise RuleError(_("Plan at most three years ahead at a time."))
    last = min(window_end, ends_on) if ends_on else window_end
    first = max(window_start, starts_on)
    # Look a few weeks past the window: a moved occurrence may come from just before it.
    closed = closed_days(first, last + timedelta(days=21), extra_closures)
    # One rule date past the window tells whether the last one may move.
    lookahead = rule_dates(rule, starts_on, first, last + timedelta(days=MAX_MOVE_DAYS + 1))
    result = []
    for i, day in enumerate(lookahead):
        if day > last:
            break
        following = lookahead[i + 1] if i + 1 < len(lookahead) else None
        if following is not None and ends_on is not None and following > ends_on:
            following = None
        result.append(apply_policy(day, policy, closed, following))
    return result


_DA_DAYS = {"MO": "mandag", "TU": "tirsdag", "WE": "onsdag", "TH": "torsdag", "FR": "fredag",
            "SA": "lørdag", "SU": "søndag"}  # fmt: skip
_EN_DAYS = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
            "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}  # fmt: skip
_DA_EVERY = {1: "hver", 2: "hver anden", 3: "hver tredje", 4: "hver fjerde"}
_EN_EVERY = {1: "every", 2: "every other", 3: "every third", 4: "every fourth"}


def describe_rule(rule: str, lang: str = "da") -> str:
    """A weekly rule in words ("hver anden tirsdag"); other rules as their RRULE text."""
    try:
        parts = dict(p.split("=", 1) for p in validate_rule(rule).split(";"))
    except (RuleError, ValueError):
        return rule
    days = [d for d in parts.get("BYDAY", "").split(",") if d in _WEEKDAYS]
    interval = int(parts.get("INTERVAL", "1"))
    if parts.get("FREQ") != "WEEKLY" or not days or set(parts) - {"FREQ", "INTERVAL", "BYDAY"}:
        return rule
    names = _DA_DAYS if lang == "da" else _EN_DAYS
    every = (_DA_EVERY if lang == "da" else _EN_EVERY).get(interval)
    joined = (" og " if lang == "da" else " and ").join(names[d] for d in days)
    if every is None:
        weeks = f"hver {interval}. uge" if lang == "da" else f"every {interval} weeks"
        return f"{weeks}: {joined}"
    return f"{every} {joined}"


def weekly_rule(weekday: int, interval: int) -> str:
    """The RRULE text for 'every ``interval`` weeks on ``weekday`` (0 = Monday)'."""
    code = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[weekday]
    return validate_rule(f"FREQ=WEEKLY;INTERVAL={interval};BYDAY={code}")


def weekly_parts(rule: str) -> tuple[int, int] | None:
    """(weekday, interval) of a simple weekly rule such as weekly_rule() makes, else None."""
    try:
        parts = dict(p.split("=", 1) for p in validate_rule(rule).split(";"))
    except (RuleError, ValueError):
        return None
    codes = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
    if parts.get("FREQ") != "WEEKLY" or parts.get("BYDAY") not in codes:
        return None
    return codes.index(parts["BYDAY"]), int(parts.get("INTERVAL", "1"))
