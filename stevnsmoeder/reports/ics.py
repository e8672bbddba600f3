"""Write calendar events as an iCalendar file (RFC 5545) that Outlook and phones import.

The time zone is written as Denmark's rule (summer time from the last Sunday of March to the
last Sunday of October, as in the EU since 1996) rather than a list of dates that ends some
year, and every text is marked as Danish.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from stevnsmoeder import __version__
from stevnsmoeder.model.calendar import CalendarEvent

TZ = ZoneInfo("Europe/Copenhagen")
TZID = "Europe/Copenhagen"
DANISH = {"LANGUAGE": "da"}


def _timezone() -> Timezone:
    tz = Timezone()
    tz.add("tzid", TZID)
    for part, start, month, offsets, name in (
        (TimezoneDaylight(), datetime(1996, 3, 31, 2), 3, ("+0100", "+0200"), "CEST"),
        (TimezoneStandard(), datetime(1996, 10, 27, 3), 10, ("+0200", "+0100"), "CET"),
    ):
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1SU"})
        part["tzoffsetfrom"], part["tzoffsetto"] = offsets
        part.add("tzname", name)
        tz.add_component(part)
    return tz


def render(events: Sequence[CalendarEvent], *, name: str, stamp: datetime) -> bytes:
    cal = Calendar()
    cal.add("prodid", f"-//Stevns Kommune//stevnsmoeder {__version__}//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    cal.add_component(_timezone())
    for e in events:
        ev = Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", e.start.replace(tzinfo=TZ))
        ev.add("dtend", e.end.replace(tzinfo=TZ))
        ev.add("summary", e.summary, parameters=DANISH)
        if e.location:
            ev.add("location", e.location, parameters=DANISH)
        if e.description:
            ev.add("description", e.description, parameters=DANISH)
        ev.add("sequence", e.sequence)
        ev.add("status", "CANCELLED" if e.cancelled else "CONFIRMED")
        ev.add("transp", "TRANSPARENT" if e.cancelled else "OPAQUE")
        cal.add_component(ev)
    data: bytes = cal.to_ical()
    return data


def write(path: Path, events: Sequence[CalendarEvent], *, name: str, stamp: datetime) -> Path:
    path.write_bytes(render(events, name=name, stamp=stamp))
    return path
