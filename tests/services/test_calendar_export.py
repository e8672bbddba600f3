"""The .ics export round-trips through icalendar, with stable UIDs and no child data."""

from __future__ import annotations

import re
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


def _past_series(ctx: ServiceContext) -> series.SeriesInfo:
    """Weekly SSP meetings from 1 October 2026: some before today (23 November), some after."""
    info = series.create_series(
        ctx,
        series.NewSeries(
            type_code="ssp", rule="FREQ=WEEKLY;BYDAY=TH", starts_on=date(2026, 10, 1),
            ends_on=date(2027, 1, 28), start_time=time(14, 0),
        ),
    )  # fmt: skip
    series.generate(ctx, from_day=date(2026, 10, 1))
    return info


def test_a_series_offers_the_future_by_default(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("referent")
    info = _past_series(ctx)
    today = ctx.today()
    everything = calendar_export.events(ctx, series_id=info.id, with_past=True)
    assert any(e.start.date() < today for e in everything)
    coming = calendar_export.events(ctx, series_id=info.id)
    assert coming and all(e.start.date() >= today for e in coming)
    assert coming == [e for e in everything if e.start.date() >= today]
    later = calendar_export.events(ctx, series_id=info.id, start=date(2027, 1, 1))
    assert [e.start.date() for e in later] == [date(2027, 1, 7), date(2027, 1, 14),
                                                date(2027, 1, 21), date(2027, 1, 28)]  # fmt: skip
    # One chosen meeting is given whenever it is.
    past = next(m for m in meetings.list_meetings(ctx) if m.starts_at.date() < today)
    assert len(calendar_export.events(ctx, meeting_id=past.id)) == 1
    # A series that has only past meetings gives none (not "does not exist").
    clock.advance(days=120)
    assert calendar_export.events(ctx, series_id=info.id) == []


ENGLISH = re.compile(
    r"\b(cancelled|moved|from|reason|this|timezone|only|works|meeting|until|to)\b", re.I
)


def test_the_calendar_speaks_danish_only_whatever_the_window_speaks(
    login: LoginFn, clock: FakeClock
) -> None:
    from stevnsmoeder import i18n

    ctx = login("referent")
    i18n.set_language("en")  # a window in English
    info = _series(ctx)  # planned in English: "Moved from …" where a holiday is in the way
    moved, cancelled = [m for m in meetings.list_meetings(ctx) if m.series_id == info.id][:2]
    series.move_meeting(ctx, moved.id, datetime(2027, 3, 3, 9), "Sygdom")
    series.cancel_meeting(ctx, cancelled.id, "Skolen holder lukket")
    ssp = series.create_series(
        ctx,
        series.NewSeries(
            type_code="ssp", rule="FREQ=WEEKLY;BYDAY=TH", starts_on=date(2027, 3, 25),
            ends_on=date(2027, 3, 25), start_time=time(14, 0),
        ),
    )  # fmt: skip
    series.generate(ctx, from_day=date(2027, 3, 1))
    found = calendar_export.events(ctx, series_id=info.id)
    found += calendar_export.events(ctx, series_id=ssp.id)
    data = ics.render(found, name=calendar_export.CALENDAR_NAME, stamp=clock())
    cal = Calendar.from_ical(data)
    texts = [str(cal["x-wr-calname"])]
    for component in cal.walk():
        for name in ("summary", "description", "location", "comment"):
            if name in component:
                texts.append(str(component[name]))
    assert not [t for t in texts if ENGLISH.search(t)], texts
    assert b"COMMENT" not in data
    by_uid = {str(e["uid"]): e for e in _parse(data)}
    first = by_uid[f"{moved.id}@{calendar_export.UID_DOMAIN}"]
    assert str(first["description"]) == "Flyttet fra tirsdag den 2. marts 2027, kl. 13.00: Sygdom"
    off = by_uid[f"{cancelled.id}@{calendar_export.UID_DOMAIN}"]
    assert str(off["summary"]) == "Aflyst: Distriktsmøde – Strøby/Nordstevns"
    assert str(off["description"]) == "Årsag: Skolen holder lukket"
    holiday = next(e for e in _parse(data) if str(e["summary"]) == "SSP-møde")
    assert str(holiday["description"]) == (
        "Flyttet fra torsdag den 25. marts 2027, kl. 14.00: Skærtorsdag"
    )
    assert first["summary"].params["LANGUAGE"] == "da"


def test_the_time_zone_is_denmarks_rule_not_a_list_that_ends(
    login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("referent")
    info = _series(ctx)
    data = ics.render(calendar_export.events(ctx, series_id=info.id), name="x", stamp=clock())
    (tz,) = Calendar.from_ical(data).walk("VTIMEZONE")
    assert str(tz["tzid"]) == "Europe/Copenhagen"
    rules = sorted(str(part["rrule"].to_ical(), "ascii") for part in tz.subcomponents)
    assert rules == ["FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"]
    # The rule agrees with the system's zone, also long after 2038.
    rule = tz.to_tz()
    for at in (datetime(2027, 3, 28, 3, 30), datetime(2027, 10, 31, 3, 30), datetime(2040, 7, 1)):
        assert at.replace(tzinfo=rule).utcoffset() == at.replace(tzinfo=CPH).utcoffset(), at
