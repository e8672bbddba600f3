"""Running a meeting and taking its minutes, through the services, on a fake clock."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, time

import pytest
from sqlalchemy import text

from stevnsmoeder.model.enums import AgendaItemKind, AgendaItemStatus, Attendance
from stevnsmoeder.services import cases, live, meetings, minutes, planning, series
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import PermissionDenied, ValidationError
from tests.conftest import FakeClock

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


def _prepared(ctx: ServiceContext) -> tuple[meetings.MeetingSummary, list[planning.PlanItem]]:
    """A district meeting in a series, with two children on the agenda (each 10 minutes)."""
    series.create_series(
        ctx,
        series.NewSeries(type_code="district", rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
                         starts_on=date(2026, 11, 23), start_time=time(9), district="privat"),
    )  # fmt: skip
    series.generate(ctx, horizon_days=20, from_day=date(2026, 11, 23))
    m = meetings.list_meetings(ctx)[0]
    plan = planning.get_plan(ctx, m.id)
    for first in ("Asta", "Bo"):
        child = cases.create_case(ctx, cases.NewCase(first_name=first, last_name="Holm",
                                  custody_holders=((f"Mor til {first}", "mor"),))).case  # fmt: skip
        plan = planning.add_item(ctx, m.id, plan.revision, title=f"Trivsel {first}", minutes=10,
                                 kind=AgendaItemKind.CASE, case_id=child.id)  # fmt: skip
        item = next(i for i in plan.items if i.case_id == child.id)
        plan = planning.set_legal_basis(ctx, m.id, plan.revision, item.id,
                                        planning.LegalBasisKind.ANONYMOUS)  # fmt: skip
    return m, list(plan.items)


def test_the_clock_warns_at_80_percent_and_shows_overrun(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("leder")
    m, items = _prepared(ctx)
    state = live.start(ctx, m.id)
    assert state.status.value == "in_progress" and state.current_item_id == items[0].id
    first = items[0]  # "Godkendelse af dagsorden", 5 minutes
    clock.advance(minutes=3)
    c = live.state(ctx, m.id).clock_of(first.id)
    assert c is not None and (c.left_seconds, c.warning, c.overrun) == (120, False, False)
    clock.advance(minutes=1)
    c = live.state(ctx, m.id).clock_of(first.id)
    assert c is not None and c.warning and not c.overrun  # 4 of 5 minutes: 80 %
    clock.advance(minutes=2)
    c = live.state(ctx, m.id).clock_of(first.id)
    assert c is not None and c.overrun and c.left_seconds == -60
    # time stops when the chair moves on, and resumes on coming back
    live.step(ctx, m.id, 1)
    clock.advance(minutes=5)
    assert live.state(ctx, m.id).clock_of(first.id).spent_seconds == 360  # type: ignore[union-attr]
    live.step(ctx, m.id, -1)
    clock.advance(seconds=30)
    assert live.state(ctx, m.id).clock_of(first.id).spent_seconds == 390  # type: ignore[union-attr]


def test_attendance_for_the_meeting_and_one_item(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("leder")
    m, items = _prepared(ctx)
    child_item = next(i for i in items if i.case_id)
    plan = planning.invite_family(ctx, m.id, planning.get_plan(ctx, m.id).revision,
                                  child_item.case_id)  # type: ignore[arg-type]  # fmt: skip
    (mother,) = [p for p in plan.participants if p.is_family]
    plan = planning.set_attendance(ctx, m.id, plan.revision, mother.person_id, Attendance.AFBUD)
    state = live.start(ctx, m.id)
    assert mother.person_id not in state.present  # sent apologies: not marked present
    # the mother joins for her child's item only
    state = live.set_present(ctx, m.id, mother.person_id, Attendance.PRESENT,
                             item_id=child_item.id)  # fmt: skip
    assert mother.person_id in state.item_present[child_item.id]
    assert mother.person_id not in state.present
    assert all(mother.person_id not in v for k, v in state.item_present.items()
               if k != child_item.id)  # fmt: skip


def test_end_carries_unreached_and_pushed_items_to_the_next_meeting(
    login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    m, items = _prepared(ctx)
    live.start(ctx, m.id)
    live.step(ctx, m.id, 1)  # to "Orientering"
    live.step(ctx, m.id, 1)  # to Asta
    asta, _bo = (i for i in items if i.case_id)
    live.push_to_next_time(ctx, m.id, asta.id)
    clock.advance(minutes=30)
    report = live.end(ctx, m.id)
    assert (report.not_reached, report.carried) == (1, 2)  # Bo not reached; Asta pushed
    assert report.next_meeting_id is not None
    nxt = planning.get_plan(ctx, report.next_meeting_id)
    carried = [i.title for i in nxt.items if i.carried_over]
    assert carried == ["Trivsel Asta", "Trivsel Bo"] and nxt.items[-1].title == "Eventuelt"
    assert all(i.basis.label == "Drøftes anonymt" for i in nxt.items if i.carried_over)
    done = planning.get_plan(ctx, m.id)
    assert [i.status for i in done.items if i.case_id] == [
        AgendaItemStatus.NEXT_TIME, AgendaItemStatus.NOT_REACHED,
    ]  # fmt: skip


def test_minutes_text_level_actions_and_bad_input(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("referent")
    m, items = _prepared(ctx)
    asta = next(i for i in items if i.case_id)
    with pytest.raises(ValidationError, match="begyndt"):
        minutes.save_text(ctx, asta.id, "notes", "for tidligt")
    live.start(ctx, m.id)
    weird = "Mor fortæller 😊 om\r\nsøvn\x00 og \x07\tmad – ﺳﻼﻡ"
    minutes.save_text(ctx, asta.id, "notes", weird)
    minutes.save_text(ctx, asta.id, "decision", "Observation i klassen i to uger.")
    long_text = "a" * 100_000
    minutes.save_text(ctx, asta.id, "family_view", long_text)
    with pytest.raises(ValidationError, match="længere end"):
        minutes.save_text(ctx, asta.id, "notes", "x" * 1_000_001)
    minutes.set_level(ctx, asta.id, 3)
    with pytest.raises(ValidationError, match="fra 1 til 5"):
        minutes.set_level(ctx, asta.id, 6)
    with pytest.raises(ValidationError, match="før mødet"):
        minutes.add_action(ctx, asta.id, minutes.NewAction("Ring", owner_text="Skolen",
                                                           due_on=date(2026, 11, 1)))  # fmt: skip
    with pytest.raises(ValidationError, match="hvem"):
        minutes.add_action(ctx, asta.id, minutes.NewAction("Ring"))
    action = minutes.add_action(
        ctx, asta.id, minutes.NewAction("  Ring  til mor ", owner_text="Skolen",
                                        due_on=date(2026, 12, 4)),
    )  # fmt: skip
    assert action.text == "Ring til mor"
    state = minutes.get_minutes(ctx, m.id)
    v = state.items[asta.id]
    assert v.notes == "Mor fortæller 😊 om\nsøvn og \tmad – ﺳﻼﻡ"  # only control chars dropped
    assert v.family_view == long_text
    assert (v.level, v.level_label, v.step_label) == (3, "sårbar trivsel", "tidlig indsats")
    assert [(a.owner, a.text) for a in v.actions] == [("Skolen", "Ring til mor")]


def test_forvisitation_preliminary_decision_and_next_step(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("leder")
    m = meetings.create_meeting(
        ctx, meetings.NewMeeting("forvisitation", datetime(2026, 11, 23, 9))
    )
    child = cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym="Dreng, 12 år")).case
    plan = planning.get_plan(ctx, m.id)
    plan = planning.add_item(ctx, m.id, plan.revision, title="Visitation", minutes=20,
                             kind=AgendaItemKind.CASE, case_id=child.id)  # fmt: skip
    item = next(i for i in plan.items if i.case_id)
    live.start(ctx, m.id)
    minutes.save_text(ctx, item.id, "preliminary_decision", "Børnefaglig undersøgelse")
    minutes.set_preliminary_basis(ctx, item.id, "bl20")
    step = minutes.add_next_step(ctx, item.id, "conversation", date(2026, 12, 7), None)
    assert step.text == "Samtale med barnet (Barnets lov § 5)"
    assert step.legal_reference == "Barnets lov § 5"
    v = minutes.get_minutes(ctx, m.id).items[item.id]
    assert (v.preliminary_decision, v.legal_reference) == (
        "Børnefaglig undersøgelse", "Barnets lov §§ 20–23",
    )  # fmt: skip
    clock.advance(days=10)
    minutes.complete_action(ctx, step.id, date(2026, 12, 3), "Endelig afgørelse: § 32-indsats")
    done = minutes.get_minutes(ctx, m.id).items[item.id].actions[0]
    assert done.status.value == "done" and done.done_on == date(2026, 12, 3)


def test_approval_locks_and_addenda_are_versions(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("referent")
    m, items = _prepared(ctx)
    asta = next(i for i in items if i.case_id)
    live.start(ctx, m.id)
    minutes.save_text(ctx, asta.id, "notes", "Drøftet.")
    with pytest.raises(ValidationError, match="afholdt"):
        minutes.approve(ctx, m.id)
    live.end(ctx, m.id)
    minutes.save_text(ctx, asta.id, "decision", "Rettet efter mødet.")  # held: still editable
    checksum = minutes.approve(ctx, m.id)
    assert len(checksum) == 64
    state = minutes.get_minutes(ctx, m.id)
    assert state.locked and state.approved_by == "referent" and state.checksum == checksum
    with pytest.raises(ValidationError, match="tillæg"):
        minutes.save_text(ctx, asta.id, "notes", "ændring")
    with pytest.raises(ValidationError, match="allerede"):
        minutes.approve(ctx, m.id)
    clock.advance(days=2)
    version = minutes.add_addendum(ctx, m.id, "Tilføjet: mor deltog i punkt 3.")
    assert version.number == 2
    all_versions = minutes.versions(ctx, m.id)
    assert [v.kind for v in all_versions] == ["approval", "addendum"]
    first = json.loads(all_versions[0].content)
    assert first["items"][2]["decision"] == "Rettet efter mødet."
    assert json.loads(all_versions[1].content)["addenda"][0]["text"].startswith("Tilføjet")
    assert minutes.verify(ctx, m.id)
    with ctx.db.begin() as s:  # tampering with a kept version shows
        s.execute(text("UPDATE minutes_version SET content = replace(content, 'Drøftet', 'X')"))
    assert not minutes.verify(ctx, m.id)


def test_the_family_is_printed_once_and_by_relation_where_it_is_not_named(
    login: LoginFn, clock: FakeClock
) -> None:
    """The minutes listed an invited mother as "Forælder / Forælder" (her role for a name,
    and again as her role). Where the family is not named it is its role once; in the
    child's anonymised extract it is its relation, as in the rest of that document."""
    from stevnsmoeder.services import documents

    ctx = login("leder")
    m, items = _prepared(ctx)
    asta = next(i for i in items if i.title == "Trivsel Asta")
    assert asta.case_id is not None
    planning.invite_family(ctx, m.id, planning.get_plan(ctx, m.id).revision, asta.case_id)

    def family(kind: str, **which: object) -> list[tuple[str, str]]:
        doc = documents.meeting_document(ctx, m.id, kind, **which)  # type: ignore[arg-type]
        people = [(p.name, p.role) for p in doc.people]
        assert all(name != role for name, role in people), people  # never a word twice
        return [(n, r) for n, r in people if "Mor" in n or n in ("Forælder", "mor")]

    for kind in (documents.AGENDA, documents.MINUTES, documents.RUNSHEET):
        assert family(kind) == [("Forælder", "")]
        assert family(kind, anonymised=True) == [("Forælder", "")]
    assert family(documents.EXTRACT, case_id=asta.case_id) == [("Mor til Asta", "Forælder")]
    extract = family(documents.EXTRACT, case_id=asta.case_id, anonymised=True)
    assert extract == [("mor", "Forælder")]
    bo = next(i for i in items if i.title == "Trivsel Bo")
    assert family(documents.EXTRACT, case_id=bo.case_id) == []  # another child's mother


def test_an_action_typed_but_not_added_is_kept_until_added_or_approved(
    login: LoginFn, clock: FakeClock
) -> None:
    """The chair's half-written action stays with its item in the database (the window may
    close meanwhile); it goes when the action is added, and with every other one when the
    minutes are approved. Only who takes the minutes reads it."""
    ctx = login("leder")
    m, items = _prepared(ctx)
    asta = next(i for i in items if i.title == "Trivsel Asta")
    bo = next(i for i in items if i.title == "Trivsel Bo")
    with pytest.raises(ValidationError):  # before the meeting: no minutes, no drafts
        minutes.keep_action_draft(ctx, asta.id, "Ringe til skolen", "", None)
    live.start(ctx, m.id)
    minutes.keep_action_draft(ctx, asta.id, " Ringe til skolen ", "AKT-læreren", date(2026, 12, 7))
    minutes.keep_action_draft(ctx, bo.id, "Sende referatet", "", None)
    drafts = minutes.action_drafts(ctx, m.id)
    assert drafts[asta.id] == minutes.DraftView(
        asta.id, " Ringe til skolen ", "AKT-læreren", date(2026, 12, 7)
    )
    assert set(drafts) == {asta.id, bo.id}
    minutes.keep_action_draft(ctx, bo.id, "  ", "", None)  # emptied: gone
    assert set(minutes.action_drafts(ctx, m.id)) == {asta.id}
    for role in ("ppr", "politi", "deltager"):
        with pytest.raises(PermissionDenied):
            minutes.action_drafts(login(role), m.id)
    # added: the draft has done its work
    minutes.add_action(ctx, asta.id, minutes.NewAction("Ringe til skolen", owner_text="AKT"))
    assert minutes.action_drafts(ctx, m.id) == {}
    assert minutes.get_minutes(ctx, m.id).items[asta.id].actions  # and it is in the minutes
    minutes.keep_action_draft(ctx, bo.id, "Sende referatet", "Sekretæren", None)
    live.end(ctx, m.id)
    assert set(minutes.action_drafts(ctx, m.id)) == {bo.id}  # held: still there to add
    minutes.approve(ctx, m.id)
    assert minutes.action_drafts(ctx, m.id) == {}
    with pytest.raises(ValidationError):
        minutes.keep_action_draft(ctx, bo.id, "For sent", "", None)


def test_setting_a_meeting_back_to_planned_forgets_its_drafts(
    login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    m, items = _prepared(ctx)
    live.start(ctx, m.id)
    minutes.keep_action_draft(ctx, items[0].id, "Noget", "", None)
    live.set_back_to_planned(ctx, m.id)  # a draft is no record: it does not stop this
    live.start(ctx, m.id)
    assert minutes.action_drafts(ctx, m.id) == {}
