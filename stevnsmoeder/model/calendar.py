"""Meetings as calendar events (services.calendar_export makes them, reports.ics writes
them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    start: datetime  # local wall-clock, Europe/Copenhagen
    end: datetime
    summary: str
    location: str
    description: str
    cancelled: bool
    sequence: int
