"""Dates and times the Danish way: "tirsdag den 5. januar 2027, kl. 13.00", "uge 1".

Weekday and month names are lowercase in Danish. ISO 8601 week numbers are what Danes plan by.
English is the second language.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from stevnsmoeder.i18n import language

# Stevns Kommune's wall clock: meeting times are stored in it (naive), row times in UTC.
LOCAL_TZ = ZoneInfo("Europe/Copenhagen")

DA_WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
DA_MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def iso_week(day: date) -> int:
    return day.isocalendar().week


def week_label(day: date, lang: str | None = None) -> str:
    word = "uge" if (lang or language()) == "da" else "week"
    return f"{word} {iso_week(day)}"


def weekday_name(day: date, lang: str | None = None) -> str:
    """'lørdag' / 'Saturday'."""
    return (DA_WEEKDAYS if (lang or language()) == "da" else EN_WEEKDAYS)[day.weekday()]


def long_date(day: date, lang: str | None = None) -> str:
    """'tirsdag den 5. januar 2027' / 'Tuesday 5 January 2027'."""
    if (lang or language()) == "da":
        return f"{DA_WEEKDAYS[day.weekday()]} den {day.day}. {DA_MONTHS[day.month - 1]} {day.year}"
    return f"{EN_WEEKDAYS[day.weekday()]} {day.day} {EN_MONTHS[day.month - 1]} {day.year}"


def date_words(day: date, lang: str | None = None) -> str:
    """'5. januar 2027' / '5 January 2027': the date written out, without the weekday."""
    if (lang or language()) == "da":
        return f"{day.day}. {DA_MONTHS[day.month - 1]} {day.year}"
    return f"{day.day} {EN_MONTHS[day.month - 1]} {day.year}"


def clock(at: time | datetime, lang: str | None = None) -> str:
    """'kl. 13.00' / '13:00'."""
    if (lang or language()) == "da":
        return f"kl. {at.hour:02d}.{at.minute:02d}"
    return f"{at.hour:02d}:{at.minute:02d}"


def long_datetime(at: datetime, lang: str | None = None) -> str:
    """'tirsdag den 5. januar 2027, kl. 13.00'."""
    return f"{long_date(at.date(), lang)}, {clock(at, lang)}"


def month_year(day: date, lang: str | None = None) -> str:
    """'aug. 2025' / 'Aug 2025', for chart axes."""
    if (lang or language()) == "da":
        name = DA_MONTHS[day.month - 1]
        return f"{name if len(name) <= 4 else name[:3] + '.'} {day.year}"
    return f"{EN_MONTHS[day.month - 1][:3]} {day.year}"


def short_date(day: date) -> str:
    """'05.01.2027', the numeric form used in Danish tables."""
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


# Bounds for a range of days typed by a user ("--to 9999-12-31" means "no end"): a day
# before or after them, and any time zone, must still be a valid date.
FIRST_DAY, LAST_DAY = date(1, 1, 3), date(9999, 12, 29)


def range_start(day: date) -> datetime:
    """Midnight at the start of ``day`` (an inclusive lower bound)."""
    return datetime.combine(max(day, FIRST_DAY), time.min)


def range_end(day: date) -> datetime:
    """Midnight after ``day`` (an exclusive upper bound); the calendar's last days give the
    last bound there is instead of an overflow."""
    return datetime.combine(min(day, LAST_DAY) + timedelta(days=1), time.min)


def parse_date(text: str) -> date:
    """Parse ISO (2027-01-05) or Danish numeric (5.1.2027, 05-01-2027) dates.

    Raises ValueError for anything else.
    """
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    for sep in (".", "-", "/"):
        parts = text.split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
    raise ValueError(text)


_TYPED = (
    re.compile(r"(\d{1,2})[.\-/ ](\d{1,2})[.\-/ ](\d{4}|\d{2})"),  # 5.1.2027, 05-01-27
    re.compile(r"(\d{2})(\d{2})(\d{4}|\d{2})"),  # 05012027, 050127
)


def parse_typed_date(text: str) -> date | None:
    """A date as a Dane types it into a form: day first, with dots, dashes, slashes or
    nothing between ("5.1.2027", "05-01-27", "05012027"); ISO as well. None when it is not
    (yet) a date. A two-digit year is this century."""
    text = text.strip()
    for pattern in _TYPED:
        found = pattern.fullmatch(text)
        if found:
            day, month, year = (int(part) for part in found.groups())
            try:
                return date(year + 2000 if year < 100 else year, month, day)
            except ValueError:
                return None
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None
