"""Meetings and cases through the services, with need-to-know filtering and audit events."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime

import pytest
from sqlalchemy import select

from stevnsmoeder.db.models import (
    AgendaItem,
    AuditEvent,
    LegalBasis,
    ParticipantRole,
    Participation,
    Person,
)
from stevnsmoeder.model.enums import AgendaItemKind, LegalBasisKind
from stevnsmoeder.services import cases, meetings
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, PermissionDenied, ValidationError

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


def _add_case_item(
    ctx: ServiceContext,
    meeting_id: uuid.UUID,
    case_id: uuid.UUID,
    basis: LegalBasisKind | None = None,
) -> None:
    """Put a case on a meeting's agenda (the planning service comes with the workspace)."""
    with ctx.db.begin() as s:
        item = AgendaItem(
            meeting_id=meeting_id,
            position=99,
            kind=AgendaItemKind.CASE,
            title="Bekymring for fravær",
            case_id=case_id,
        )
        s.add(item)
        s.flush()
        if basis is not None:
            s.add(LegalBasis(agenda_item_id=item.id, kind=basis))


def _last_actions(ctx: ServiceContext, n: int) -> list[str]:
    with ctx.db.begin() as s:
        rows = s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq.desc()).limit(n))
        return list(reversed(list(rows)))


def test_create_meeting_uses_the_type_template(login: LoginFn) -> None:
    ctx = login("referent")
    m = meetings.create_meeting(
        ctx,
        meetings.NewMeeting("district", datetime(2027, 1, 5, 13, 0), district="hother-haarlev"),
    )
    assert m.title == "Distriktsmøde Hother/Hårlev"
    assert (m.ends_at - m.starts_at).total_seconds() == 150 * 60
    with ctx.db.begin() as s:
        titles = list(
            s.scalars(
                select(AgendaItem.title)
                .where(AgendaItem.meeting_id == m.id)
                .order_by(AgendaItem.position)
            )
        )
    assert titles[0] == "Godkendelse af dagsorden"
    assert titles[-1] == "Eventuelt"
    assert _last_actions(ctx, 1) == ["meeting.create"]


def test_district_meeting_needs_a_district(login: LoginFn) -> None:
    with pytest.raises(ValidationError, match="distrikt"):
        meetings.create_meeting(
            login("leder"), meetings.NewMeeting("district", datetime(2027, 1, 5, 13))
        )


def test_list_filters(login: LoginFn) -> None:
    ctx = login("leder")
    for day, code, district in [
        (5, "district", "Strøby"),
        (7, "ssp", None),
        (12, "district", "store-heddinge"),
    ]:
        meetings.create_meeting(
            ctx, meetings.NewMeeting(code, datetime(2027, 1, day, 13), district=district)
        )
    assert len(meetings.list_meetings(ctx)) == 3
    assert [m.type_code for m in meetings.list_meetings(ctx, type_code="SSP")] == ["ssp"]
    assert len(meetings.list_meetings(ctx, district="strøby")) == 1
    jan = meetings.list_meetings(ctx, start=date(2027, 1, 6), end=date(2027, 1, 12))
    assert [m.starts_at.day for m in jan] == [7, 12]  # end day is inclusive
    with pytest.raises(ValidationError, match="Ukendt mødetype"):
        meetings.list_meetings(ctx, type_code="fodbold")
    with pytest.raises(ValidationError, match="Ukendt distrikt"):
        meetings.list_meetings(ctx, district="Køge")
    with pytest.raises(ValidationError):
        meetings.list_meetings(ctx, start=date(2027, 2, 1), end=date(2027, 1, 1))
    data = jan[0].to_json()
    assert {"id", "type", "district", "series_id", "start", "status", "title"} <= set(data)
    assert data["start"] == "2027-01-07T13:00"


def test_police_see_only_ssp_meetings_and_ssp_cases(login: LoginFn) -> None:
    leder = login("leder")
    ssp = meetings.create_meeting(leder, meetings.NewMeeting("ssp", datetime(2027, 1, 7, 14)))
    dist = meetings.create_meeting(
        leder, meetings.NewMeeting("district", datetime(2027, 1, 5, 13), district="privat")
    )
    ssp_case = cases.create_case(leder, cases.NewCase(first_name="Bo", last_name="Ung")).case
    other = cases.create_case(leder, cases.NewCase(first_name="Lille", last_name="Barn")).case
    _add_case_item(leder, ssp.id, ssp_case.id, LegalBasisKind.RPL115)
    _add_case_item(leder, dist.id, other.id)

    police = login("politi")
    assert [m.type_code for m in meetings.list_meetings(police)] == ["ssp"]
    assert [c.id for c in cases.list_cases(police)] == [ssp_case.id]
    with pytest.raises(NotFound):
        cases.get_case(police, other.id)
    with pytest.raises(NotFound):
        meetings.get_meeting_summary(police, dist.id)
    assert {c.id for c in cases.list_cases(leder)} == {ssp_case.id, other.id}


def test_participant_sees_only_own_meetings(login: LoginFn) -> None:
    leder = login("leder")
    mine = meetings.create_meeting(leder, meetings.NewMeeting("ssp", datetime(2027, 1, 7, 14)))
    meetings.create_meeting(leder, meetings.NewMeeting("ssp", datetime(2027, 1, 21, 14)))
    deltager = login("deltager")
    assert meetings.list_meetings(deltager) == []
    with leder.db.begin() as s:
        role_id = s.scalar(select(ParticipantRole.id).where(ParticipantRole.code == "school"))
        assert role_id is not None and deltager.actor.person_id is not None
        s.add(
            Participation(meeting_id=mine.id, person_id=deltager.actor.person_id, role_id=role_id)
        )
    assert [m.id for m in meetings.list_meetings(deltager)] == [mine.id]


def test_admin_may_not_read_case_data(login: LoginFn) -> None:
    admin = login("admin")
    with pytest.raises(PermissionDenied):
        cases.list_cases(admin)
    assert _last_actions(admin, 1) == ["denied"]


@pytest.mark.parametrize("who", ["ppr", "politi", "deltager", "admin"])
def test_read_only_roles_cannot_create_cases_or_meetings(login: LoginFn, who: str) -> None:
    ctx = login(who)
    with pytest.raises(PermissionDenied):
        cases.create_case(ctx, cases.NewCase(first_name="X"))
    with pytest.raises(PermissionDenied):
        meetings.create_meeting(ctx, meetings.NewMeeting("ssp", datetime(2027, 1, 7, 14)))


def test_case_reads_and_writes_are_logged_against_the_child(login: LoginFn) -> None:
    ctx = login("leder")
    created = cases.create_case(
        ctx,
        cases.NewCase(
            first_name="Maja",
            last_name="Sørensen",
            cpr="150315-4122",
            institution="Hotherskolen",
            district="Hother/Hårlev",
            custody_holders=(("Karen Sørensen", "mor"),),
        ),
    )
    summary = created.case
    assert summary.reference == "S-2026-0001"
    assert summary.birth_date == date(2015, 3, 15)
    assert summary.cpr_masked == "150315-xxxx"
    assert summary.initials == "M.S."
    cases.list_cases(ctx)
    cases.get_case(ctx, summary.id)
    with ctx.db.begin() as s:
        events = s.execute(
            select(AuditEvent.action, AuditEvent.case_id).order_by(AuditEvent.seq)
        ).all()
    assert events[-3:] == [
        ("case.create", summary.id),
        ("case.list", None),
        ("case.view", summary.id),
    ]


def test_cpr_rules_when_creating_a_case(login: LoginFn) -> None:
    ctx = login("leder")
    odd = cases.create_case(ctx, cases.NewCase(first_name="Ida", cpr="0705154001"))
    assert odd.warnings and "modulus 11" in odd.warnings[0]  # accepted, with a warning
    with pytest.raises(ValidationError, match="gyldig dato"):
        cases.create_case(ctx, cases.NewCase(first_name="Ida", cpr="3102154001"))
    with pytest.raises(ValidationError, match="passer ikke"):
        cases.create_case(
            ctx, cases.NewCase(first_name="Ida", cpr="0705154001", birth_date=date(2015, 5, 8))
        )
    with pytest.raises(ValidationError, match="fremtiden"):
        cases.create_case(ctx, cases.NewCase(first_name="Ida", birth_date=date(2030, 1, 1)))


def test_anonymous_cases_carry_no_identity(login: LoginFn) -> None:
    ctx = login("leder")
    anon = cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym="Dreng, 8 år")).case
    assert anon.anonymous and anon.display_name == "Dreng, 8 år" and anon.cpr_masked == ""
    with pytest.raises(ValidationError, match="anonym"):
        cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym="X", first_name="Ole"))
    with pytest.raises(ValidationError, match="pseudonym"):
        cases.create_case(ctx, cases.NewCase(anonymous=True))
    with pytest.raises(ValidationError, match="fornavn"):
        cases.create_case(ctx, cases.NewCase())


def test_people_are_not_listed_as_cases(login: LoginFn) -> None:
    ctx = login("leder")
    with ctx.db.begin() as s:
        assert s.scalar(select(Person.id).limit(1)) is not None
    assert cases.list_cases(ctx) == []
