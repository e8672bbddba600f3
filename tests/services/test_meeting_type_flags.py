"""What a meeting type does is data on the type (reference data), not its code: a type the
municipality adds behaves as its flags say, and changing a flag changes the behaviour."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

import pytest
from sqlalchemy import select

from stevnsmoeder.db.models import MeetingType
from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.domain.minutes_fields import MinutesSection
from stevnsmoeder.services import cases, meetings, planning, reference_data, series
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ValidationError

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


def _add_type(ctx: ServiceContext, code: str, **flags: Any) -> None:
    """A meeting type of the municipality's own: a row of reference data, nothing else."""
    with ctx.db.begin() as s:
        s.add(
            MeetingType(
                code=code,
                name="Netværksmøde",
                short_name="Netværk",
                description="",
                default_duration_minutes=60,
                default_rrule="",
                has_district=False,
                family_present=True,
                allows_rpl115=False,
                sort_order=10,
                **flags,
            )
        )


def _set(ctx: ServiceContext, code: str, **flags: Any) -> None:
    with ctx.db.begin() as s:
        mt = s.scalars(select(MeetingType).where(MeetingType.code == code)).one()
        for name, value in flags.items():
            setattr(mt, name, value)


def test_the_types_the_municipality_starts_with(login: LoginFn) -> None:
    found = {
        t.code: (t.ad_hoc, t.police_visible, t.minutes_sections, t.colour)
        for t in reference_data.meeting_types(login("leder"))
    }
    common = MinutesSection.COMMON
    assert found == {
        "district": (False, False, {common}, "#1f5fa8"),
        "ssp": (False, True, {common}, "#a33b20"),
        "ftm": (True, False, {common, MinutesSection.FAMILY_ROUNDS}, "#2e7d32"),
        "forvisitation": (False, False, {common, MinutesSection.PRELIMINARY_DECISION}, "#6a3d9a"),
        "presence": (False, False, {common}, "#8a6d00"),
    }


def test_a_new_type_behaves_as_its_flags_say(login: LoginFn) -> None:
    leder, politi = login("leder"), login("politi")
    _add_type(
        leder,
        "netvaerk",
        police_visible=True,
        minutes_family_rounds=True,
        colour="#005f73",
    )
    m = meetings.create_meeting(
        leder, meetings.NewMeeting("netvaerk", datetime(2026, 12, 1, 10), title="Netværk")
    )
    assert planning.get_plan(leder, m.id).minutes_sections == {
        MinutesSection.COMMON,
        MinutesSection.FAMILY_ROUNDS,
    }
    assert [x.id for x in meetings.list_meetings(politi)] == [m.id]  # the police see it
    (kind,) = [t for t in reference_data.meeting_types(leder) if t.code == "netvaerk"]
    assert (kind.colour, kind.police_visible, kind.ad_hoc) == ("#005f73", True, False)


def test_police_see_the_types_flagged_for_them(login: LoginFn) -> None:
    leder, politi = login("leder"), login("politi")
    for code in ("ssp", "district"):
        series.create_series(
            leder,
            series.NewSeries(
                type_code=code,
                rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
                starts_on=date(2026, 11, 26),
                start_time=time(13),
                district="privat" if code == "district" else None,
            ),
        )
    series.generate(leder, horizon_days=20, from_day=date(2026, 11, 23))
    assert {m.type_code for m in meetings.list_meetings(politi)} == {"ssp"}
    assert [s.type_code for s in series.list_series(politi)] == ["ssp"]
    _set(leder, "ssp", police_visible=False)
    _set(leder, "district", police_visible=True)
    assert {m.type_code for m in meetings.list_meetings(politi)} == {"district"}
    assert [s.type_code for s in series.list_series(politi)] == ["district"]


def test_a_family_meeting_for_one_child_is_of_the_ad_hoc_type(login: LoginFn) -> None:
    leder = login("leder")
    child = cases.create_case(
        leder, cases.NewCase(first_name="Bo", last_name="Berg", custody_holders=(("Bent", "far"),))
    ).case
    assert meetings.create_ftm_for_case(leder, child.id, datetime(2026, 12, 1, 9)).type_code == (
        "ftm"
    )
    _set(leder, "ftm", ad_hoc=False)
    with pytest.raises(ValidationError):
        meetings.create_ftm_for_case(leder, child.id, datetime(2026, 12, 2, 9))
    _add_type(leder, "netvaerk", ad_hoc=True)
    booked = meetings.create_ftm_for_case(leder, child.id, datetime(2026, 12, 3, 9))
    assert booked.type_code == "netvaerk" and booked.title.startswith("Netværksmøde – ")


def test_every_minutes_section_has_its_flag_and_its_heading() -> None:
    """A section of the minutes (domain.minutes_fields) is shown where a meeting type's flag
    ``minutes_<section>`` says, under its heading in the editor."""
    columns = set(MeetingType.__table__.columns.keys())
    for section in MinutesSection:
        if section is not MinutesSection.COMMON:
            assert f"minutes_{section.value}" in columns, section
            assert str(minutes_fields.SECTION_TITLES[section]), section
