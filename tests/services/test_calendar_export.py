"""The .ics export round-trips through icalendar, with stable UIDs and no child data."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from stevnsmoeder.reports import ics
from stevnsmoeder.services import calendar_export, cases, meetings, series
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, ValidationError
from tests.conftest import FakeClock

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]
CPH = ZoneInfo("Europe/Copenhagen")


def _parse(data: bytes) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(data).walk("VEVENT"))


def _series(ctx: ServiceContext) -> series.SeriesInfo:
    info = series.create_series(
        ctx,
        series.NewSeries(
            type_code="district",
            rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
            starts_on=date(2027, 3, 2),
            start_time=time(13, 0),
            district="stroeby",
            place="Strøby Egede Skole",
        ),
    )
    series.generate(ctx, horizon_days=70, from_day=date(2027, 3, 1))
    return info


def test_series_round_trip_and_stable_uids(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("referent")
    info = _series(ctx)
    first = ics.render(calendar_export.events(ctx, series_id=info.id), name="x", stamp=clock())
    events = _parse(first)
    assert len(events) == 5
    e = events[0]
    assert str(e["summary"]) == "Distriktsmøde – Strøby/Nordstevns"
    assert str(e["location"]) == "Strøby Egede Skole"
    assert e.decoded("dtstart") == datetime(2027, 3, 2, 13, 0, tzinfo=CPH)
    assert str(e["status"]) == "CONFIRMED"
    assert b"BEGIN:VTIMEZONE" in first and b"TZID:Europe/Copenhagen" in first

    meeting_id = next(m.id for m in meetings.list_meetings(ctx) if m.series_id == info.id)
    series.cancel_meeting(ctx, meeting_id, "Sygdom")
    clock.advance(days=1)
    second = _parse(
        ics.render(calendar_export.events(ctx, series_id=info.id), name="x", stamp=clock())
    )
    assert [str(ev["uid"]) for ev in second] == [str(ev["uid"]) for ev in events]
    cancelled = second[0]
    assert str(cancelled["status"]) == "CANCELLED"
    assert int(cancelled["sequence"]) == 1 > int(e["sequence"])


def test_moved_meeting_says_why(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("referent")
    info = series.create_series(
        ctx,
        series.NewSeries(
            type_code="ssp", rule="FREQ=WEEKLY;BYDAY=TH", starts_on=date(2027, 3, 25),
            ends_on=date(2027, 3, 25), start_time=time(14, 0),
        ),
    )  # fmt: skip
    series.generate(ctx, from_day=date(2027, 3, 1))
    (event,) = _parse(
        ics.render(calendar_export.events(ctx, series_id=info.id), name="x", stamp=clock())
    )
    assert event.decoded("dtstart").date() == date(2027, 3, 30)
    assert "Skærtorsdag" in str(event["description"])


def test_ftm_calendar_text_has_no_child_data(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("leder")
    child = cases.create_case(
        ctx, cases.NewCase(first_name="Zenobia", last_name="Kvist", cpr="0202154002")
    ).case
    ftm = meetings.create_ftm_for_case(ctx, child.id, datetime(2027, 1, 4, 10), place="Rådhuset")
    data = ics.render(calendar_export.events(ctx, meeting_id=ftm.id), name="x", stamp=clock())
    for forbidden in (b"Zenobia", b"Kvist", b"020215", child.reference.encode()):
        assert forbidden not in data
    assert str(_parse(data)[0]["summary"]) == "Familie Team Møde"


def test_all_my_meetings_and_bad_requests(login: LoginFn, clock: FakeClock, tmp_path: Path) -> None:
    ctx = login("referent")
    _series(ctx)
    assert calendar_export.events(ctx, mine=True) == []  # the secretary takes part in none
    with pytest.raises(ValidationError):
        calendar_export.events(ctx)
    import uuid

    with pytest.raises(NotFound):
        calendar_export.events(ctx, meeting_id=uuid.uuid4())
    police = login("politi")
    all_ids = [m.id for m in meetings.list_meetings(ctx)]
    with pytest.raises(NotFound):
        calendar_export.events(police, meeting_id=all_ids[0])  # a district meeting
