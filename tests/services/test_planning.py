"""Planning a meeting through the services: agenda, time boxes, legal basis, consent,
carry-over, attendance, and refusing stale changes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from stevnsmoeder.db.models import Action, AgendaItem, ItemMinutes, Meeting
from stevnsmoeder.model.cases import CaseSummary, ConsentInfo
from stevnsmoeder.model.enums import (
    AgendaItemKind,
    AgendaItemStatus,
    Attendance,
    LegalBasisKind,
    MeetingStatus,
)
from stevnsmoeder.services import carry_over, cases, consent, meetings, planning, series
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import PermissionDenied, ValidationError
from stevnsmoeder.services.planning import BasisState, ConflictError

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]
TUESDAY = date(2026, 12, 1)


def _district_meeting(ctx: ServiceContext, when: date = TUESDAY) -> meetings.MeetingSummary:
    return meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime.combine(when, time(13)), district="privat")
    )


def _child(ctx: ServiceContext, first: str = "Asta", **kw: object) -> CaseSummary:
    return cases.create_case(
        ctx,
        cases.NewCase(first_name=first, last_name="Holm",
                      custody_holders=(("Karen Holm", "mor"),), **kw),  # type: ignore[arg-type]
    ).case  # fmt: skip


def _consent(ctx: ServiceContext, child: CaseSummary, **kw: object) -> ConsentInfo:
    args: dict[str, object] = dict(
        holder_name="Karen Holm", holder_relation="mor",
        scope="Trivsel og læring i skolen", recipients="Skole, PPR og sundhedsplejen",
        given_on=date(2026, 11, 1), expires_on=date(2027, 10, 31), meeting_types=("district",),
    )  # fmt: skip
    args.update(kw)
    return consent.record_consent(ctx, child.id, consent.NewConsent(**args))  # type: ignore[arg-type]


def test_agenda_editing_time_boxes_and_overrun(login: LoginFn) -> None:
    ctx = login("referent")
    m = _district_meeting(ctx)
    plan = planning.get_plan(ctx, m.id)
    assert [i.title for i in plan.items] == [
        "Godkendelse af dagsorden", "Orientering fra deltagerne", "Eventuelt",
    ]  # fmt: skip
    assert plan.total_minutes == 20 and plan.overrun_minutes == 0
    child = _child(ctx)
    plan = planning.add_item(ctx, m.id, plan.revision, title="Bekymring for fravær",
                             minutes=60, kind=AgendaItemKind.CASE, case_id=child.id)  # fmt: skip
    plan = planning.add_item(ctx, m.id, plan.revision, title="Nyt fra PPR", minutes=80)
    titles = [i.title for i in plan.items]
    assert titles[-1] == "Eventuelt" and titles[2:4] == ["Bekymring for fravær", "Nyt fra PPR"]
    assert plan.total_minutes == 160 and plan.overrun_minutes == 10
    assert plan.planned_end == datetime(2026, 12, 1, 15, 40)
    assert [i.starts_at.strftime("%H.%M") for i in plan.items] == [
        "13.00", "13.05", "13.15", "14.15", "15.35",
    ]  # fmt: skip
    news = plan.items[3]
    plan = planning.update_item(
        ctx, m.id, plan.revision, news.id, minutes=30, title="  Nyt  fra PPR "
    )
    assert plan.items[3].title == "Nyt fra PPR" and plan.overrun_minutes == 0
    plan = planning.move_item(ctx, m.id, plan.revision, news.id, 1)
    assert [i.title for i in plan.items][1] == "Nyt fra PPR"
    order = [i.id for i in reversed(plan.items)]
    plan = planning.reorder(ctx, m.id, plan.revision, order)
    assert plan.items[0].title == "Eventuelt" and [i.number for i in plan.items] == [1, 2, 3, 4, 5]
    plan = planning.remove_item(ctx, m.id, plan.revision, news.id)
    assert len(plan.items) == 4


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (dict(title="   "), "titel"),
        (dict(title="x" * 201), "højst 200"),
        (dict(minutes=-5), "mellem 0 og 240"),
        (dict(minutes=600), "mellem 0 og 240"),
    ],
)
def test_bad_items_are_refused_and_nothing_changes(
    login: LoginFn, change: dict[str, object], message: str
) -> None:
    ctx = login("referent")
    m = _district_meeting(ctx)
    plan = planning.get_plan(ctx, m.id)
    args: dict[str, object] = dict(title="Punkt", minutes=10)
    args.update(change)
    with pytest.raises(ValidationError, match=message):
        planning.add_item(ctx, m.id, plan.revision, **args)  # type: ignore[arg-type]
    assert planning.get_plan(ctx, m.id) == plan


def test_reorder_must_name_every_item_once(login: LoginFn) -> None:
    ctx = login("referent")
    m = _district_meeting(ctx)
    plan = planning.get_plan(ctx, m.id)
    ids = [i.id for i in plan.items]
    for wrong in (ids[:-1], [*ids, ids[0]], [ids[0], ids[0], ids[1]]):
        with pytest.raises(ValidationError):
            planning.reorder(ctx, m.id, plan.revision, wrong)


def test_a_stale_change_is_refused(login: LoginFn) -> None:
    """Two windows on the same meeting: the second one's change does not overwrite."""
    ctx = login("referent")
    other = login("leder")
    m = _district_meeting(ctx)
    mine, theirs = planning.get_plan(ctx, m.id), planning.get_plan(other, m.id)
    planning.add_item(other, m.id, theirs.revision, title="Deres punkt", minutes=5)
    with pytest.raises(ConflictError, match="ændret et andet sted"):
        planning.add_item(ctx, m.id, mine.revision, title="Mit punkt", minutes=5)
    titles = [i.title for i in planning.get_plan(ctx, m.id).items]
    assert "Deres punkt" in titles and "Mit punkt" not in titles


def test_a_named_child_is_blocked_until_a_basis_holds(login: LoginFn) -> None:
    ctx = login("leder")
    m = _district_meeting(ctx)
    child = _child(ctx)
    plan = planning.get_plan(ctx, m.id)
    plan = planning.add_item(ctx, m.id, plan.revision, title="Trivsel", minutes=20,
                             kind=AgendaItemKind.CASE, case_id=child.id)  # fmt: skip
    item = next(i for i in plan.items if i.case_id)
    assert item.blocked and "anonym" in item.basis.reason

    expired = _consent(ctx, child, given_on=date(2025, 1, 1), expires_on=date(2025, 12, 31))
    with pytest.raises(ValidationError, match=r"udløb den 31\.12\.2025"):
        planning.set_legal_basis(ctx, m.id, plan.revision, item.id, LegalBasisKind.CONSENT,
                                 consent_id=expired.id)  # fmt: skip
    ssp_only = _consent(ctx, child, meeting_types=("ssp",))
    with pytest.raises(ValidationError, match="dækker ikke Distriktsmøde"):
        planning.set_legal_basis(ctx, m.id, plan.revision, item.id, LegalBasisKind.CONSENT,
                                 consent_id=ssp_only.id)  # fmt: skip
    with pytest.raises(ValidationError, match="kun på SSP-møder"):
        planning.set_legal_basis(ctx, m.id, plan.revision, item.id, LegalBasisKind.RPL115)
    with pytest.raises(ValidationError, match="med ord"):
        planning.set_legal_basis(ctx, m.id, plan.revision, item.id, LegalBasisKind.OTHER)
    assert planning.get_plan(ctx, m.id).items[2].blocked  # nothing stuck

    good = _consent(ctx, child)
    plan = planning.set_legal_basis(ctx, m.id, plan.revision, item.id, LegalBasisKind.CONSENT,
                                    consent_id=good.id)  # fmt: skip
    item = plan.items[2]
    assert item.basis.state is BasisState.OK
    assert item.basis.label == "Samtykke fra Karen Holm, til 31.10.2027"

    plan = planning.set_legal_basis(ctx, m.id, plan.revision, item.id, LegalBasisKind.ANONYMOUS)
    assert plan.items[2].shown_anonymously and not plan.items[2].blocked


def test_consent_checked_on_the_meeting_date_not_today(login: LoginFn) -> None:
    ctx = login("leder")
    child = _child(ctx)
    good = _consent(ctx, child, expires_on=date(2026, 12, 15))
    later = _district_meeting(ctx, date(2027, 1, 12))
    plan = planning.get_plan(ctx, later.id)
    plan = planning.add_item(ctx, later.id, plan.revision, title="Trivsel", minutes=20,
                             kind=AgendaItemKind.CASE, case_id=child.id)  # fmt: skip
    with pytest.raises(ValidationError, match=r"udløb den 15\.12\.2026"):
        planning.set_legal_basis(ctx, later.id, plan.revision, plan.items[2].id,
                                 LegalBasisKind.CONSENT, consent_id=good.id)  # fmt: skip


def test_police_exchange_and_underretning_at_ssp(login: LoginFn) -> None:
    ctx = login("leder")
    m = meetings.create_meeting(ctx, meetings.NewMeeting("ssp", datetime(2026, 12, 3, 14)))
    a, b = _child(ctx, "Bo"), _child(ctx, "Carl")
    plan = planning.get_plan(ctx, m.id)
    for child in (a, b):
        plan = planning.add_item(ctx, m.id, plan.revision, title="Uro i byen", minutes=15,
                                 kind=AgendaItemKind.CASE, case_id=child.id)  # fmt: skip
    first, second = (i for i in plan.items if i.case_id)
    plan = planning.set_legal_basis(ctx, m.id, plan.revision, first.id, LegalBasisKind.RPL115)
    plan = planning.set_legal_basis(ctx, m.id, plan.revision, second.id,
                                    LegalBasisKind.UNDERRETNING)  # fmt: skip
    labels = [i.basis.label for i in plan.items if i.case_id]
    assert labels == ["Retsplejeloven § 115", "Underretning (Barnets lov § 133)"]


def test_anonymous_case_needs_no_basis(login: LoginFn) -> None:
    ctx = login("leder")
    m = _district_meeting(ctx)
    anon = cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym="Pige, 9 år")).case
    plan = planning.get_plan(ctx, m.id)
    plan = planning.add_item(ctx, m.id, plan.revision, title="Ensomhed", minutes=15,
                             kind=AgendaItemKind.CASE, case_id=anon.id)  # fmt: skip
    item = plan.items[2]
    assert item.basis.state is BasisState.OK and item.shown_anonymously
    with pytest.raises(ValidationError, match="uden samtykke"):
        _consent(ctx, anon)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (dict(expires_on=date(2026, 10, 1)), "udløbe, før"),
        (dict(given_on=date(2027, 1, 1), expires_on=None), "fremtiden"),
        (dict(meeting_types=()), "mødetyper"),
        (dict(scope=" "), "dækker"),
        (dict(holder_name=""), "forældremyndighedsindehaver"),
    ],
)
def test_bad_consent_is_refused(login: LoginFn, change: dict[str, object], message: str) -> None:
    ctx = login("leder")
    child = _child(ctx)
    with pytest.raises(ValidationError, match=message):
        _consent(ctx, child, **change)
    assert consent.list_consents(ctx, child.id) == []


def test_carry_over_unreached_items_from_the_previous_meeting(login: LoginFn) -> None:
    ctx = login("referent")
    series.create_series(
        ctx,
        series.NewSeries(type_code="district", rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
                         starts_on=date(2026, 11, 10), start_time=time(13), district="privat"),
    )  # fmt: skip
    series.generate(ctx, horizon_days=30, from_day=date(2026, 11, 10))
    first, second = meetings.list_meetings(ctx)[:2]
    child = _child(ctx)
    plan = planning.get_plan(ctx, first.id)
    plan = planning.add_item(ctx, first.id, plan.revision, title="Skolevægring", minutes=20,
                             kind=AgendaItemKind.CASE, case_id=child.id)  # fmt: skip
    item_id = plan.items[2].id
    with ctx.db.begin() as s:  # the meeting was held and did not reach the item
        s.get_one(Meeting, first.id).status = MeetingStatus.HELD
        s.get_one(AgendaItem, item_id).status = AgendaItemStatus.NOT_REACHED
    found = carry_over.carry_over_candidates(ctx, second.id)
    assert [(u.item_id, u.title, u.case_name) for u in found.unfinished] == [
        (item_id, "Skolevægring", "Asta Holm")
    ]
    assert found.unfinished[0].from_meeting.startswith("Distriktsmøde, tirsdag den 10. november")
    plan = planning.get_plan(ctx, second.id)
    plan = carry_over.carry_over(ctx, second.id, plan.revision, [item_id])
    moved = [i for i in plan.items if i.carried_over]
    assert [i.title for i in moved] == ["Skolevægring"] and plan.items[-1].title == "Eventuelt"
    assert carry_over.carry_over_candidates(ctx, second.id).unfinished == ()


def test_open_agreements_follow_the_child_across_meeting_types(login: LoginFn) -> None:
    ctx = login("leder")
    child = _child(ctx)
    ftm = meetings.create_ftm_for_case(ctx, child.id, datetime(2026, 11, 2, 10))
    with ctx.db.begin() as s:
        ftm_item = s.scalars(
            select(AgendaItem).where(
                AgendaItem.meeting_id == ftm.id, AgendaItem.case_id.is_not(None)
            )
        ).one()
        s.add(
            Action(
                agenda_item_id=ftm_item.id,
                case_id=child.id,
                owner_text="Skolen",
                text="Daglig kontakt med mor om fremmøde",
                due_on=date(2026, 12, 15),
            )
        )
        s.add(ItemMinutes(agenda_item_id=ftm_item.id, follow_up_on=date(2026, 12, 1)))
    m = _district_meeting(ctx)
    plan = planning.get_plan(ctx, m.id)
    plan = planning.add_item(ctx, m.id, plan.revision, title="Fremmøde", minutes=20,
                             kind=AgendaItemKind.CASE, case_id=child.id)  # fmt: skip
    found = carry_over.carry_over_candidates(ctx, m.id)
    assert [(a.kind, a.text, a.owner) for a in found.agreements] == [
        ("action", "Daglig kontakt med mor om fremmøde", "Skolen"),
        ("follow_up", "Opfølgning aftalt til 01.12.2026", ""),
    ]
    assert found.agreements[0].from_meeting == "Familie Team Møde, mandag den 2. november 2026"
    item = next(i for i in plan.items if i.case_id)
    plan = carry_over.bring_agreements(ctx, m.id, plan.revision, item.id, found.agreements[:1])
    description = next(i for i in plan.items if i.case_id).description
    assert "Åbne aftaler:" in description and "Daglig kontakt med mor om fremmøde" in description


def test_attendance_in_advance_and_the_family(login: LoginFn) -> None:
    ctx = login("referent")
    child = _child(ctx)
    ftm = meetings.create_ftm_for_case(ctx, child.id, datetime(2026, 12, 2, 10))
    plan = planning.get_plan(ctx, ftm.id)
    (mother,) = plan.participants
    assert (mother.name, mother.role_code, mother.is_family) == ("Karen Holm", "parent", True)
    plan = planning.set_attendance(ctx, ftm.id, plan.revision, mother.person_id, Attendance.AFBUD)
    assert plan.participants[0].attendance is Attendance.AFBUD
    with pytest.raises(ValidationError, match="indkaldt eller har meldt afbud"):
        planning.set_attendance(ctx, ftm.id, plan.revision, mother.person_id, Attendance.PRESENT)
    plan = planning.invite_family(ctx, ftm.id, plan.revision, child.id)  # already there
    assert len(plan.participants) == 1
    plan = planning.remove_participant(ctx, ftm.id, plan.revision, mother.person_id)
    assert plan.participants == ()


def test_readers_see_the_plan_but_cannot_change_it(login: LoginFn) -> None:
    planner = login("referent")
    m = _district_meeting(planner)
    ppr = login("ppr")
    plan = planning.get_plan(ppr, m.id)
    with pytest.raises(PermissionDenied):
        planning.add_item(ppr, m.id, plan.revision, title="X", minutes=5)
    assert plan.editable  # the meeting is editable; the reader is not allowed to edit it
