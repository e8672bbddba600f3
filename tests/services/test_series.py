"""Series through the services: generation ahead, holidays, rule changes, one occurrence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from stevnsmoeder.db.models import AgendaItem, Meeting, Participation, Person
from stevnsmoeder.domain.calendar import HolidayPolicy
from stevnsmoeder.services import cases, meetings, series
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import PermissionDenied, ValidationError

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


def _person(ctx: ServiceContext, name: str) -> object:
    with ctx.db.begin() as s:
        person = Person(name=name, profession="Lærer", organisation="Hotherskolen")
        s.add(person)
        s.flush()
        return person.id


def _district_series(ctx: ServiceContext, **kw: object) -> series.SeriesInfo:
    teacher = _person(ctx, "Lærer Larsen")
    args: dict[str, object] = dict(
        type_code="district",
        rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        starts_on=date(2026, 12, 1),
        start_time=time(13, 0),
        district="hother-haarlev",
        place="Hotherskolen, mødelokale 2",
        standing=((teacher, "school"),),
    )
    args.update(kw)
    return series.create_series(ctx, series.NewSeries(**args))  # type: ignore[arg-type]


def _meetings(ctx: ServiceContext, series_id: object) -> list[meetings.MeetingSummary]:
    return [m for m in meetings.list_meetings(ctx) if m.series_id == series_id]


def test_generate_ahead_is_idempotent_and_uses_template_and_participants(
    login: LoginFn,
) -> None:
    ctx = login("referent")
    info = _district_series(ctx)
    first = series.generate(ctx, horizon_days=365)
    assert first.created == 26 - first.skipped  # every other Tuesday for a year
    again = series.generate(ctx, horizon_days=365)
    assert (again.created, again.existing) == (0, first.created)
    found = _meetings(ctx, info.id)
    assert len(found) == first.created
    assert all(m.starts_at.time() == time(13, 0) for m in found)
    assert all(m.place == "Hotherskolen, mødelokale 2" for m in found)
    with ctx.db.begin() as s:
        m = found[0]
        titles = list(
            s.scalars(
                select(AgendaItem.title)
                .where(AgendaItem.meeting_id == m.id)
                .order_by(AgendaItem.position)
            )
        )
        people = s.scalar(
            select(func.count()).select_from(Participation).where(Participation.meeting_id == m.id)
        )
    assert titles[0] == "Godkendelse af dagsorden" and titles[-1] == "Eventuelt"
    assert people == 1


def test_holiday_moves_or_skips(login: LoginFn) -> None:
    ctx = login("referent")
    # Every other Thursday from 11 March 2027: Skærtorsdag 25 March and Kristi himmelfart
    # 6 May fall on it.
    moved = _district_series(
        ctx,
        rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
        starts_on=date(2027, 3, 11),
        ends_on=date(2027, 5, 31),
    )
    skip = _district_series(
        ctx,
        rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
        starts_on=date(2027, 3, 11),
        ends_on=date(2027, 5, 31),
        district="privat",
        holiday_policy=HolidayPolicy.SKIP,
    )
    report = series.generate(ctx, horizon_days=365, from_day=date(2027, 3, 1))
    assert report.skipped == 2
    by_day = {m.starts_at.date(): m for m in _meetings(ctx, moved.id)}
    assert date(2027, 3, 30) in by_day and date(2027, 3, 25) not in by_day
    with ctx.db.begin() as s:
        row = s.get_one(Meeting, by_day[date(2027, 3, 30)].id)
        assert row.original_start == datetime(2027, 3, 25, 13, 0)
        assert row.move_reason == "Flyttet fra torsdag den 25. marts 2027 (Skærtorsdag)."
    skipped_days = {m.starts_at.date() for m in _meetings(ctx, skip.id)}
    assert date(2027, 3, 25) not in skipped_days and date(2027, 5, 6) not in skipped_days
    assert len(skipped_days) == 6 - 2
    assert date(2027, 5, 7) in by_day  # Kristi himmelfart → Friday


def test_municipal_closure_applies_yearly(login: LoginFn) -> None:
    ctx = login("referent")
    series.add_closed_period(ctx, date(2000, 12, 24), date(2000, 12, 31), "Juleferie", yearly=True)
    info = _district_series(ctx, rule="FREQ=WEEKLY;BYDAY=TU", starts_on=date(2027, 12, 1),
                            holiday_policy=HolidayPolicy.SKIP)  # fmt: skip
    report = series.generate(ctx, horizon_days=60, from_day=date(2027, 12, 1))
    assert {d for d, _ in report.skipped_days} == {date(2027, 12, 28)}
    assert dict(report.skipped_days)[date(2027, 12, 28)] == "Juleferie"
    assert date(2027, 12, 21) in {m.starts_at.date() for m in _meetings(ctx, info.id)}


def test_change_rule_from_a_date_keeps_earlier_meetings(login: LoginFn) -> None:
    ctx = login("referent")
    info = _district_series(ctx)
    series.generate(ctx, horizon_days=120, from_day=date(2026, 12, 1))
    before = {m.id: m.starts_at for m in _meetings(ctx, info.id)}
    new = series.change_rule(
        ctx, info.id, date(2027, 2, 1), "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", horizon_days=60
    )
    assert new.previous_id == info.id and new.rule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
    kept = _meetings(ctx, info.id)
    assert kept and all(m.starts_at.date() < date(2027, 2, 1) for m in kept)
    assert all(before[m.id] == m.starts_at for m in kept)
    later = _meetings(ctx, new.id)
    assert later and all(m.starts_at.weekday() == 2 for m in later)


def test_move_cancel_and_extra_participant_touch_one_occurrence(login: LoginFn) -> None:
    ctx = login("referent")
    info = _district_series(ctx)
    series.generate(ctx, horizon_days=60, from_day=date(2026, 12, 1))
    first, second, *_ = _meetings(ctx, info.id)
    series.move_meeting(ctx, first.id, datetime(2026, 12, 2, 9, 0), "Skolens juleafslutning")
    series.cancel_meeting(ctx, second.id, "For få sager")
    guest = _person(ctx, "Gæst Hansen")
    third = _meetings(ctx, info.id)[2]
    series.add_participant(ctx, third.id, guest, "speech")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="deltager allerede"):
        series.add_participant(ctx, third.id, guest, "speech")  # type: ignore[arg-type]
    with ctx.db.begin() as s:
        moved = s.get_one(Meeting, first.id)
        assert (moved.starts_at, moved.ends_at) == (
            datetime(2026, 12, 2, 9, 0),
            datetime(2026, 12, 2, 11, 30),
        )
        assert moved.original_start == first.starts_at and moved.sequence == 1
        cancelled = s.get_one(Meeting, second.id)
        assert cancelled.cancel_reason == "For få sager" and cancelled.sequence == 1
        others = s.scalar(
            select(func.count())
            .select_from(Participation)
            .where(Participation.person_id == guest, Participation.meeting_id != third.id)
        )
    assert others == 0
    with pytest.raises(ValidationError, match="aflyst"):
        series.move_meeting(ctx, second.id, datetime(2027, 1, 1, 9), "igen")
    with pytest.raises(ValidationError, match="Angiv"):
        series.cancel_meeting(ctx, first.id, "  ")
    # Generating again does not bring the moved or cancelled occurrence back.
    assert series.generate(ctx, horizon_days=60, from_day=date(2026, 12, 1)).created == 0


def test_a_meeting_is_not_moved_into_the_past(login: LoginFn) -> None:
    ctx = login("referent")  # the clock says Monday 23 November 2026, 10.00 in Denmark
    info = _district_series(ctx)
    series.generate(ctx, horizon_days=60, from_day=date(2026, 12, 1))
    first = _meetings(ctx, info.id)[0]
    for when in (datetime(2026, 11, 20, 13), datetime(2026, 11, 23, 9, 30)):
        with pytest.raises(ValidationError, match="tidspunkt, der er gået"):
            series.move_meeting(ctx, first.id, when, "Flyttes tilbage")
        with pytest.raises(ValidationError, match="tidspunkt, der er gået"):
            series.move_warnings(ctx, when)
    assert meetings.get_meeting_summary(ctx, first.id).starts_at == datetime(2026, 12, 1, 13)
    series.move_meeting(ctx, first.id, datetime(2026, 11, 23, 14), "Hastesag")  # later today
    assert meetings.get_meeting_summary(ctx, first.id).starts_at == datetime(2026, 11, 23, 14)


def test_weekends_holidays_and_closed_days_are_named_before_a_move(login: LoginFn) -> None:
    ctx = login("referent")
    series.add_closed_period(ctx, date(2026, 12, 21), date(2026, 12, 31), "Juleferie")
    assert series.move_warnings(ctx, datetime(2026, 12, 2, 13)) == ()
    assert series.move_warnings(ctx, datetime(2026, 12, 5, 13)) == ("Den nye dato er en lørdag.",)
    assert series.move_warnings(ctx, datetime(2026, 12, 22, 13)) == (
        "Kommunen holder lukket på den nye dato: Juleferie.",
    )
    assert series.move_warnings(ctx, datetime(2026, 12, 25, 13)) == (
        "Den nye dato er en helligdag: Juledag.",
        "Kommunen holder lukket på den nye dato: Juleferie.",
    )
    assert series.move_warnings(ctx, datetime(2026, 12, 27, 13)) == (
        "Den nye dato er en søndag.",
        "Kommunen holder lukket på den nye dato: Juleferie.",
    )
    with pytest.raises(PermissionDenied):
        series.move_warnings(login("deltager"), datetime(2026, 12, 5, 13))


def test_a_moved_meeting_says_where_it_was_moved_from(login: LoginFn) -> None:
    ctx = login("referent")
    info = _district_series(ctx)
    series.generate(ctx, horizon_days=60, from_day=date(2026, 12, 1))
    first = _meetings(ctx, info.id)[0]
    series.move_meeting(ctx, first.id, datetime(2026, 12, 5, 10), "Ekstra  møde\ni weekenden")
    moved = meetings.get_meeting_summary(ctx, first.id)
    assert moved.moved
    assert moved.note == "Flyttet fra tirsdag den 1. december 2026 (Ekstra møde i weekenden)."
    # Moved again: still from the day the series gave it, with the latest reason.
    series.move_meeting(ctx, first.id, datetime(2026, 12, 3, 13), "Lokalet er optaget")
    again = meetings.get_meeting_summary(ctx, first.id)
    assert again.note == "Flyttet fra tirsdag den 1. december 2026 (Lokalet er optaget)."
    # And back where it belongs: nothing to explain.
    series.move_meeting(ctx, first.id, datetime(2026, 12, 1, 13), "Alligevel")
    assert meetings.get_meeting_summary(ctx, first.id).note == ""


def test_texts_are_no_longer_than_their_columns(login: LoginFn) -> None:
    ctx = login("referent")
    long = "x" * 201
    with pytest.raises(ValidationError, match="højst være på 200 tegn"):
        _district_series(ctx, title=long)
    with pytest.raises(ValidationError, match="200 tegn"):
        _district_series(ctx, place=long)
    with pytest.raises(ValidationError, match="200 tegn"):
        series.add_closed_period(ctx, date(2027, 2, 15), date(2027, 2, 19), long)
    info = _district_series(ctx, title="x" * 200)
    series.generate(ctx, horizon_days=30, from_day=date(2026, 12, 1))
    first = _meetings(ctx, info.id)[0]
    with pytest.raises(ValidationError, match="200 tegn"):
        series.move_meeting(ctx, first.id, datetime(2026, 12, 2, 13), long)
    child = cases.create_case(ctx, cases.NewCase(first_name="Bo")).case
    with pytest.raises(ValidationError, match="200 tegn"):
        meetings.create_ftm_for_case(ctx, child.id, datetime(2026, 12, 2, 9), place=long)


def test_bad_rules_create_nothing(login: LoginFn) -> None:
    ctx = login("referent")
    for rule in ("FREQ=WEEKLY;INTERVAL=0;BYDAY=TU", "FREQ=WEEKLY;BYDAY=TIRSDAG"):
        with pytest.raises(ValidationError):
            _district_series(ctx, rule=rule)
    with pytest.raises(ValidationError, match="slutter"):
        _district_series(ctx, ends_on=date(2026, 1, 1))
    with pytest.raises(ValidationError, match="tre år"):
        series.generate(ctx, horizon_days=5000)
    assert series.list_series(ctx) == []


def test_ftm_for_a_case_invites_the_family(login: LoginFn) -> None:
    ctx = login("leder")
    child = cases.create_case(
        ctx,
        cases.NewCase(
            first_name="Lea", last_name="Berg",
            custody_holders=(("Mette Berg", "mor"), ("Jonas Berg", "far")),
        ),
    ).case  # fmt: skip
    ftm = meetings.create_ftm_for_case(ctx, child.id, datetime(2026, 12, 3, 10), place="Rådhuset")
    assert ftm.type_code == "ftm" and ftm.case_items == 1
    assert "Lea" not in ftm.title and child.reference in ftm.title
    with ctx.db.begin() as s:
        names = set(
            s.scalars(
                select(Person.name)
                .join(Participation, Participation.person_id == Person.id)
                .where(Participation.meeting_id == ftm.id)
            )
        )
    assert names == {"Mette Berg", "Jonas Berg"}


@pytest.mark.parametrize("who", ["ppr", "politi", "admin"])
def test_only_planners_plan(login: LoginFn, who: str) -> None:
    ctx = login(who)
    with pytest.raises(PermissionDenied):
        series.generate(ctx)


def test_planning_on_the_demo_adds_only_what_is_missing(demo_login: LoginFn) -> None:
    ctx = demo_login("referent")
    today = ctx.today()
    soon = meetings.list_meetings(ctx, start=today, end=today + timedelta(days=50))
    report = series.generate(ctx, horizon_days=365)
    assert report.created > 0 and report.existing > 0
    again = meetings.list_meetings(ctx, start=today, end=today + timedelta(days=50))
    assert [m.id for m in again] == [m.id for m in soon]  # nothing duplicated
    assert series.generate(ctx, horizon_days=365).created == 0
    summer = meetings.list_meetings(
        ctx, start=date(today.year + 1, 7, 5), end=date(today.year + 1, 7, 30)
    )
    assert [m for m in summer if m.series_id] == []  # the school holiday is closed


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    weekday=st.integers(0, 4),
    interval=st.integers(1, 4),
    offset=st.integers(0, 400),
    policy=st.sampled_from(list(HolidayPolicy)),
)
def test_generation_properties(
    login: LoginFn, weekday: int, interval: int, offset: int, policy: HolidayPolicy
) -> None:
    """Over random rules: generating twice adds nothing, no meeting lands on a closed day,
    and every meeting keeps the series' weekday unless it was moved."""
    from stevnsmoeder.domain.calendar import closed_days, weekly_rule

    ctx = login("referent")  # one database for all examples; each adds its own series
    start = date(2026, 11, 23) + timedelta(days=offset)
    info = series.create_series(
        ctx,
        series.NewSeries(
            type_code="ssp", rule=weekly_rule(weekday, interval), starts_on=start,
            start_time=time(9, 0), holiday_policy=policy,
        ),
    )  # fmt: skip
    first = series.generate(ctx, horizon_days=200, series_id=info.id, from_day=start)
    second = series.generate(ctx, horizon_days=200, series_id=info.id, from_day=start)
    assert second.created == 0 and second.existing == first.created
    found = [m for m in meetings.list_meetings(ctx) if m.series_id == info.id]
    assert len(found) == first.created
    closed = closed_days(start, start + timedelta(days=230))
    for m in found:
        day = m.starts_at.date()
        assert day not in closed and day.weekday() < 5
        assert m.moved or day.weekday() == weekday
