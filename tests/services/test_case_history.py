"""One child's path across meetings, through the services on a real database."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from sqlalchemy import select

from stevnsmoeder.cli import main
from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.model.cases import CaseSummary
from stevnsmoeder.services import (
    case_history,
    cases,
    consent,
    live,
    meetings,
    minutes,
    planning,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, PermissionDenied
from tests.conftest import PASSWORD

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


@dataclass
class Story:
    asta: CaseSummary
    other: CaseSummary
    district: meetings.MeetingSummary
    ftm: meetings.MeetingSummary
    ssp: meetings.MeetingSummary
    later: meetings.MeetingSummary


def _child_item(
    ctx: ServiceContext,
    m: meetings.MeetingSummary,
    case_id: object,
    title: str,
    kind: planning.LegalBasisKind,
    consent_id: object = None,
) -> planning.PlanItem:
    plan = planning.get_plan(ctx, m.id)
    plan = planning.add_item(
        ctx,
        m.id,
        plan.revision,
        title=title,
        minutes=15,
        kind=planning.AgendaItemKind.CASE,
        case_id=case_id,  # type: ignore[arg-type]
    )
    item = [i for i in plan.items if i.case_id == case_id][-1]
    planning.set_legal_basis(
        ctx,
        m.id,
        plan.revision,
        item.id,
        kind,
        consent_id=consent_id,  # type: ignore[arg-type]
    )
    return item


def _story(ctx: ServiceContext) -> Story:
    """Asta: a district meeting (level 3), an FTM with her mother (level 4, an overdue
    agreement), an SSP meeting under § 115 (level 4), and a planned district meeting."""
    asta = cases.create_case(
        ctx,
        cases.NewCase(
            first_name="Asta",
            last_name="Ødegård",
            cpr="0103154001",
            institution="Hårlev Skole",
            grade="5. klasse",
            district="hother",
            custody_holders=(("Åse Ødegård", "mor"),),
        ),
    ).case
    other = cases.create_case(
        ctx,
        cases.NewCase(first_name="Bo", last_name="Berg", custody_holders=(("Bent Berg", "far"),)),
    ).case
    given = consent.record_consent(
        ctx,
        asta.id,
        consent.NewConsent(
            "Åse Ødegård", "mor", "Trivsel", "Skole og PPR",
            date(2026, 1, 1), date(2026, 12, 10), ("district", "ftm"),
        ),
    )  # fmt: skip
    ok = consent.record_consent(
        ctx,
        other.id,
        consent.NewConsent(
            "Bent Berg", "far", "Trivsel", "Skole", date(2026, 1, 1), None, ("district",)
        ),
    )

    district = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 9, 1, 13), district="hother")
    )
    a1 = _child_item(
        ctx, district, asta.id, "Bekymring for trivsel", planning.LegalBasisKind.CONSENT, given.id
    )
    b1 = _child_item(ctx, district, other.id, "Bos fravær", planning.LegalBasisKind.CONSENT, ok.id)
    plan = planning.get_plan(ctx, district.id)
    planning.invite_family(ctx, district.id, plan.revision, other.id)  # Bo's father attends
    live.start(ctx, district.id)
    minutes.save_text(ctx, a1.id, "notes", "Asta trækker sig i frikvarteret.")
    minutes.save_text(ctx, a1.id, "decision", "Skolen observerer i to uger.")
    minutes.set_level(ctx, a1.id, 3)
    minutes.add_action(
        ctx, a1.id, minutes.NewAction("Observation", owner_text="Skolen", due_on=date(2026, 12, 20))
    )
    minutes.save_text(ctx, b1.id, "notes", "Bo har meget fravær.")
    live.end(ctx, district.id)

    ftm = meetings.create_meeting(ctx, meetings.NewMeeting("ftm", datetime(2026, 10, 6, 9)))
    f1 = _child_item(ctx, ftm, asta.id, "Familiens plan", planning.LegalBasisKind.CONSENT, given.id)
    plan = planning.get_plan(ctx, ftm.id)
    planning.invite_family(ctx, ftm.id, plan.revision, asta.id)
    live.start(ctx, ftm.id)
    minutes.save_text(ctx, f1.id, "family_view", "Mor er bekymret for søvnen.")
    minutes.set_level(ctx, f1.id, 4)
    minutes.set_follow_up(ctx, f1.id, date(2027, 1, 12))
    minutes.add_action(
        ctx, f1.id, minutes.NewAction("Ringe til lægen", owner_text="mor", due_on=date(2026, 11, 1))
    )
    minutes.add_action(ctx, f1.id, minutes.NewAction("Skrive til PPR", owner_text="skolen"))
    live.end(ctx, ftm.id)

    ssp = meetings.create_meeting(ctx, meetings.NewMeeting("ssp", datetime(2026, 10, 20, 10)))
    s1 = _child_item(ctx, ssp, asta.id, "Hærværk ved hallen", planning.LegalBasisKind.RPL115)
    live.start(ctx, ssp.id)
    minutes.save_text(ctx, s1.id, "notes", "Politiet orienterer.")
    minutes.set_level(ctx, s1.id, 4)
    live.end(ctx, ssp.id)

    later = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 12, 1, 13), district="hother")
    )
    _child_item(ctx, later, asta.id, "Opfølgning", planning.LegalBasisKind.CONSENT, given.id)
    return Story(asta, other, district, ftm, ssp, later)  # fmt: skip


@pytest.fixture
def story(login: LoginFn) -> Story:
    return _story(login("leder"))


def test_the_timeline_runs_across_meeting_types_in_date_order(login: LoginFn, story: Story) -> None:
    h = case_history.case_history(login("ppr"), story.asta.id)
    assert [(e.day, e.type_code, e.title) for e in h.entries] == [
        (date(2026, 9, 1), "district", "Bekymring for trivsel"),
        (date(2026, 10, 6), "ftm", "Familiens plan"),
        (date(2026, 10, 20), "ssp", "Hærværk ved hallen"),
        (date(2026, 12, 1), "district", "Opfølgning"),
    ]
    first, ftm, ssp, later = h.entries
    assert first.record.notes == "Asta trækker sig i frikvarteret."
    assert first.record.decision == "Skolen observerer i to uger."
    assert first.basis == "Samtykke"
    assert ssp.basis == "Retsplejeloven § 115"
    assert ftm.record.family_view == "Mor er bekymret for søvnen."
    assert first.held and not later.held
    assert [code for code, _name in h.meeting_types] == ["district", "ftm", "ssp"]
    # Only this child's family: Bo's father was at the district meeting, Asta's mother at the FTM.
    assert "Bent Berg" not in first.present
    assert "Åse Ødegård" in ftm.present
    assert "Bo har meget fravær." not in json.dumps([e.to_json() for e in h.entries])


def test_levels_show_each_move_up_and_down(login: LoginFn, story: Story) -> None:
    h = case_history.case_history(login("ppr"), story.asta.id)
    assert [(p.day, p.level, p.change) for p in h.levels] == [
        (date(2026, 9, 1), 3, 0),
        (date(2026, 10, 6), 4, 1),
        (date(2026, 10, 20), 4, 0),
    ]
    assert h.levels[1].step == "intrusive"
    assert [s.level for s in h.scale] == [1, 2, 3, 4, 5]


def test_open_agreements_overdue_first_and_follow_ups(login: LoginFn, story: Story) -> None:
    h = case_history.case_history(login("ppr"), story.asta.id)
    assert [(a.what, a.overdue) for a in h.open_actions] == [
        ("Ringe til lægen", True),
        ("Observation", False),
        ("Skrive til PPR", False),
    ]
    assert [f.day for f in h.follow_ups] == [date(2027, 1, 12)]


def test_header_age_family_and_consent_warning(login: LoginFn, story: Story) -> None:
    h = case_history.case_history(login("ppr"), story.asta.id)
    assert h.age == 11  # born 1 March 2015, today 23 November 2026
    assert h.grade == "5. klasse"
    assert [(x.name, x.relation) for x in h.holders] == [("Åse Ødegård", "mor")]
    assert [c.state for c in h.consents] == ["expiring"]
    assert any("udløber 10.12.2026" in w for w in h.warnings)


def test_police_see_the_ssp_item_only(login: LoginFn, story: Story) -> None:
    h = case_history.case_history(login("politi"), story.asta.id)
    assert [e.type_code for e in h.entries] == ["ssp"]
    assert [p.level for p in h.levels] == [4]
    assert h.open_actions == ()
    # Nor do the case list's counts and level tell of the other meetings.
    summary = cases.get_case(login("politi"), story.asta.id)
    assert summary.open_actions == 0 and summary.level == 4
    assert cases.get_case(login("ppr"), story.asta.id).open_actions == 3
    with pytest.raises(NotFound):
        case_history.case_history(login("politi"), story.other.id)  # never at SSP


def test_admin_sees_no_case(login: LoginFn, story: Story) -> None:
    with pytest.raises(PermissionDenied):
        case_history.case_history(login("admin"), story.asta.id)


def test_opening_a_history_is_logged_against_the_child(login: LoginFn, story: Story) -> None:
    ctx = login("ppr")
    case_history.case_history(ctx, story.asta.id)
    with ctx.db.begin() as s:
        events = s.scalars(
            select(AuditEvent).where(
                AuditEvent.action == "case.history", AuditEvent.case_id == story.asta.id
            )
        ).all()
    assert len(events) == 1
    assert "Asta" not in (events[0].detail or "")


def test_a_case_is_found_by_number_too(login: LoginFn, story: Story) -> None:
    ctx = login("ppr")
    assert cases.case_id_for(ctx, story.asta.reference.lower()) == story.asta.id
    assert cases.case_id_for(ctx, str(story.asta.id)) == story.asta.id
    with pytest.raises(NotFound):
        cases.case_id_for(ctx, "S-1999-0001")


@pytest.mark.file_only
def test_case_command_prints_the_timeline_as_json(
    login: LoginFn, story: Story, db_path: object, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    code = main(["--db", str(db_path), "--user", "ppr", "case", story.asta.reference, "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert [e["meeting_type"] for e in data["timeline"]] == ["district", "ftm", "ssp", "district"]
    assert data["levels"][1] == {"date": "2026-10-06", "level": 4, "step": "intrusive"}
    assert data["open_actions"][0]["overdue"] is True
    assert main(["--db", str(db_path), "--user", "politi", "case", story.other.reference]) == 1


def test_another_childs_parent_is_never_in_this_childs_record(login: LoginFn) -> None:
    """A parent came for their own child's item, and was marked present while each item was
    current: they still appear only in their own child's history and extract."""
    from stevnsmoeder.services import documents

    leder = login("leder")
    asta = cases.create_case(
        leder, cases.NewCase(first_name="Asta", custody_holders=(("Åse Ødegård", "mor"),))
    ).case
    bo = cases.create_case(
        leder, cases.NewCase(first_name="Bo", custody_holders=(("Bent Berg", "far"),))
    ).case
    m = meetings.create_meeting(
        leder, meetings.NewMeeting("district", datetime(2026, 12, 1, 13), district="hother")
    )
    _child_item(leder, m, asta.id, "Asta", planning.LegalBasisKind.ANONYMOUS)
    _child_item(leder, m, bo.id, "Bo", planning.LegalBasisKind.ANONYMOUS)
    for child in (asta, bo):
        planning.invite_family(leder, m.id, planning.get_plan(leder, m.id).revision, child.id)
    live.start(leder, m.id)
    for item in planning.get_plan(leder, m.id).items:
        live.go_to(leder, m.id, item.id)  # everyone present is recorded for each item
    live.end(leder, m.id)
    (entry,) = case_history.case_history(login("ppr"), asta.id).entries
    assert "Bent Berg" not in entry.present and "Åse Ødegård" in entry.present
    extract = documents.meeting_document(leder, m.id, documents.EXTRACT, case_id=asta.id)
    (item,) = extract.items
    assert "Bent Berg" not in item.present and "Åse Ødegård" in item.present
    anonymous = documents.meeting_document(
        leder, m.id, documents.EXTRACT, case_id=asta.id, anonymised=True
    )
    assert "Åse Ødegård" not in anonymous.items[0].present and "mor" in anonymous.items[0].present
