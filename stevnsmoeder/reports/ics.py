"""Write calendar events as an iCalendar file (RFC 5545) that Outlook and phones import."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from stevnsmoeder import __version__
from stevnsmoeder.model.calendar import CalendarEvent

TZ = ZoneInfo("Europe/Copenhagen")


def render(events: Sequence[CalendarEvent], *, name: str, stamp: datetime) -> bytes:
    cal = Calendar()
    cal.add("prodid", f"-//Stevns Kommune//stevnsmoeder {__version__}//DA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Copenhagen")
    for e in events:
        ev = Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", e.start.replace(tzinfo=TZ))
        ev.add("dtend", e.end.replace(tzinfo=TZ))
        ev.add("summary", e.summary)
        if e.location:
            ev.add("location", e.location)
        if e.description:
            ev.add("description", e.description)
        ev.add("sequence", e.sequence)
        ev.add("status", "CANCELLED" if e.cancelled else "CONFIRMED")
        ev.add("transp", "TRANSPARENT" if e.cancelled else "OPAQUE")
        cal.add_component(ev)
    cal.add_missing_timezones()
    data: bytes = cal.to_ical()
    return data


def write(path: Path, events: Sequence[CalendarEvent], *, name: str, stamp: datetime) -> Path:
    path.write_bytes(render(events, name=name, stamp=stamp))
    return path
