"""Filer → Eksportér mine møder til kalender: the meetings from today on, in Danish."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from stevnsmoeder.services import calendar_export, meetings, series
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def test_my_meetings_are_exported_from_today_on(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, tmp_path: Path
) -> None:
    ctx = login("referent")
    assert ctx.actor.person_id is not None
    days = (date(2026, 11, 3), date(2026, 11, 23), date(2026, 12, 8))  # today: 23 November
    for day in days:
        m = meetings.create_meeting(
            ctx, meetings.NewMeeting("ftm", datetime.combine(day, datetime.min.time()))
        )
        series.add_participant(ctx, m.id, ctx.actor.person_id, "secretary")
    assert len(calendar_export.events(ctx, mine=True, with_past=True)) == 3
    prompts = RecordingPrompts()
    window = MainWindow(ctx, prompts)
    qtbot.addWidget(window)
    prompts.paths.append(tmp_path / "mine")
    window.export_my_meetings()
    events = list(Calendar.from_ical((tmp_path / "mine.ics").read_bytes()).walk("VEVENT"))
    assert [e.decoded("dtstart").date() for e in events] == [date(2026, 11, 23), date(2026, 12, 8)]
    assert [str(e["summary"]) for e in events] == ["Familie Team Møde"] * 2
    assert "2 møder skrevet til" in window.statusBar().currentMessage()
