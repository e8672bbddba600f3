"""Addenda to approved minutes obey the rules the items obey.

An SSP meeting discusses Asta under Retsplejeloven § 115 (the police may see it) and Bo on a
report of concern (they may not); a district meeting discusses both on consent (the police
do not see the meeting, the administrator sees no child's item). Every item gets an addendum
with a word of its own, and each meeting a general one naming both children; then every role
reads the addenda through every entry point, and sees exactly the words it may."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select, text

from stevnsmoeder.cli import main
from stevnsmoeder.db.models import MinutesVersion, ParticipantRole, Participation
from stevnsmoeder.model.cases import CaseSummary
from stevnsmoeder.services import (
    case_history,
    cases,
    consent,
    documents,
    live,
    meetings,
    minutes,
    planning,
    retention,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, PermissionDenied, ValidationError
from tests.conftest import PASSWORD, FakeClock

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]
ROLES = ("admin", "leder", "referent", "deltager", "ppr", "politi")

# One word per addendum, so a reader's text tells exactly which addenda it got.
SSP_ASTA, SSP_BO, SSP_OTHER, SSP_GENERAL = "ahornblad", "birkeblad", "egeblad", "granblad"
D_ASTA, D_BO, D_OTHER, D_GENERAL = "lindeblad", "poppelblad", "pileblad", "valnoedblad"
WORDS = (SSP_ASTA, SSP_BO, SSP_OTHER, SSP_GENERAL, D_ASTA, D_BO, D_OTHER, D_GENERAL)
EVERYTHING = set(WORDS)

# What each role may read, by the rules the items follow (permissions.item_visible).
SEES: dict[str, set[str]] = {
    "leder": EVERYTHING,
    "referent": EVERYTHING,
    "ppr": EVERYTHING,
    "deltager": EVERYTHING,  # takes part in both meetings, and participants see every item
    # § 115 items and items about no child; not the district meeting; no general addendum,
    # since they do not see every item of the SSP meeting.
    "politi": {SSP_ASTA, SSP_OTHER},
    "admin": {SSP_OTHER, D_OTHER},  # meetings yes, no child's item
}


@dataclass
class Story:
    asta: CaseSummary
    bo: CaseSummary
    ssp: meetings.MeetingSummary
    district: meetings.MeetingSummary
    items: dict[str, planning.PlanItem]  # by the word of the addendum about the item


def _take_part(ctx: ServiceContext, meeting_id: object, who: ServiceContext) -> None:
    with ctx.db.begin() as s:
        role_id = s.scalar(select(ParticipantRole.id).where(ParticipantRole.code == "school"))
        s.add(Participation(meeting_id=meeting_id, person_id=who.actor.person_id, role_id=role_id))


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
        ctx, m.id, plan.revision, title=title, minutes=15,
        kind=planning.AgendaItemKind.CASE, case_id=case_id,  # type: ignore[arg-type]
    )  # fmt: skip
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


def _other_item(ctx: ServiceContext, m: meetings.MeetingSummary) -> planning.PlanItem:
    plan = planning.get_plan(ctx, m.id)
    plan = planning.add_item(ctx, m.id, plan.revision, title="Orientering", minutes=5)
    return next(i for i in plan.items if i.title == "Orientering")


def _story(
    ctx: ServiceContext, deltager: ServiceContext, clock: FakeClock, *, tied: bool = True
) -> Story:
    asta = cases.create_case(
        ctx,
        cases.NewCase(
            first_name="Asta", last_name="Ødegård", cpr="0103154001",
            custody_holders=(("Åse Ødegård", "mor"),),
        ),
    ).case  # fmt: skip
    bo = cases.create_case(
        ctx,
        cases.NewCase(first_name="Bo", last_name="Berg", custody_holders=(("Bent Berg", "far"),)),
    ).case
    given = {
        child.id: consent.record_consent(
            ctx,
            child.id,
            consent.NewConsent(
                holder, relation, "Trivsel", "Skole og PPR",
                datetime(2026, 1, 1).date(), None, ("district",),
            ),
        ).id
        for child, holder, relation in ((asta, "Åse Ødegård", "mor"), (bo, "Bent Berg", "far"))
    }  # fmt: skip
    items: dict[str, planning.PlanItem] = {}

    ssp = meetings.create_meeting(ctx, meetings.NewMeeting("ssp", datetime(2026, 10, 20, 10)))
    items[SSP_ASTA] = _child_item(ctx, ssp, asta.id, "Hærværk", planning.LegalBasisKind.RPL115)
    items[SSP_BO] = _child_item(
        ctx, ssp, bo.id, "Bekymring for Bo", planning.LegalBasisKind.UNDERRETNING
    )
    items[SSP_OTHER] = _other_item(ctx, ssp)

    district = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 10, 27, 13), district="hother")
    )
    items[D_ASTA] = _child_item(
        ctx, district, asta.id, "Trivsel", planning.LegalBasisKind.CONSENT, given[asta.id]
    )
    items[D_BO] = _child_item(
        ctx, district, bo.id, "Fravær", planning.LegalBasisKind.CONSENT, given[bo.id]
    )
    items[D_OTHER] = _other_item(ctx, district)

    for m in (ssp, district):
        _take_part(ctx, m.id, deltager)
        live.start(ctx, m.id)
        live.end(ctx, m.id)
        minutes.approve(ctx, m.id)
    clock.advance(days=1)
    for word, item in items.items() if tied else ():
        m = ssp if word in (SSP_ASTA, SSP_BO, SSP_OTHER) else district
        minutes.add_addendum(ctx, m.id, f"Rettelse {word}: Asta Ødegård (010315-4001).", item.id)
    for word, m in ((SSP_GENERAL, ssp), (D_GENERAL, district)):
        minutes.add_addendum(ctx, m.id, f"Rettelse {word}: Bo Berg og Asta Ødegård.")
    return Story(asta, bo, ssp, district, items)


@pytest.fixture
def story(login: LoginFn, clock: FakeClock) -> Story:
    return _story(login("leder"), login("deltager"), clock)


def _words(found: object) -> set[str]:
    blob = found if isinstance(found, str) else repr(found)
    return {w for w in WORDS if w in blob}


def _pdf_text(data: bytes, tmp_path: Path, name: str = "doc.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _each_meeting(ctx: ServiceContext, story: Story, read: Callable[[Any], object]) -> set[str]:
    """The words one entry point gives this actor, over both meetings (a meeting the actor
    may not see gives nothing)."""
    seen: set[str] = set()
    for m in (story.ssp, story.district):
        with contextlib.suppress(NotFound):
            seen |= _words(read(m.id))
    return seen


# -- the finding, as reported ------------------------------------------------------------------


def test_the_finding_a_general_addendum_naming_a_child(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    """As reported: an addendum (then always about the whole meeting) was shown in full to the
    police and the administrator, printed verbatim in anonymised PDFs, and outlived the purge
    of the child it named."""
    leder = login("leder")
    story = _story(leder, login("deltager"), clock, tied=False)
    for who, m in (("politi", story.ssp), ("admin", story.district)):
        got = minutes.versions(login(who), m.id)
        assert "Asta" not in repr(got) and "010315" not in repr(got), who
    pdf = documents.render(leder, story.district.id, documents.MINUTES, anonymised=True)
    found = _pdf_text(pdf.data, tmp_path)
    assert "Asta" not in found and "010315" not in found and D_GENERAL in found
    _close_asta(leder, story)
    retention.purge(login("admin"), dry_run=False)
    assert "Asta" not in _kept(leder)


# -- the service -------------------------------------------------------------------------------


def test_an_addendum_is_about_an_item_or_the_meeting(login: LoginFn, story: Story) -> None:
    leder = login("leder")
    found = minutes.versions(leder, story.ssp.id)
    assert [v.kind for v in found] == ["approval", "addendum", "addendum", "addendum", "addendum"]
    about = {v.item_id for v in found[1:]}
    assert about == {story.items[w].id for w in (SSP_ASTA, SSP_BO, SSP_OTHER)} | {None}
    last = json.loads(found[-1].content)["addenda"]
    assert [(a["item"], a["case"]) for a in last] == [
        ("Hærværk", story.asta.reference),
        ("Bekymring for Bo", story.bo.reference),
        ("Orientering", None),
        (None, None),
    ]
    # The item's record carries its addenda; the meeting's general ones stand apart.
    state = minutes.get_minutes(leder, story.ssp.id)
    assert [a.text for a in state.items[story.items[SSP_ASTA].id].addenda] == [
        f"Rettelse {SSP_ASTA}: Asta Ødegård (010315-4001)."
    ]
    assert _words(state.general_addenda) == {SSP_GENERAL}
    assert minutes.verify(leder, story.ssp.id)


def test_an_addendum_names_an_item_of_its_own_meeting(login: LoginFn, story: Story) -> None:
    leder = login("leder")
    with pytest.raises(NotFound):
        minutes.add_addendum(leder, story.ssp.id, "x", story.items[D_ASTA].id)
    with pytest.raises(ValidationError):
        minutes.add_addendum(leder, story.ssp.id, "   ", story.items[SSP_ASTA].id)
    with pytest.raises(PermissionDenied):
        minutes.add_addendum(login("ppr"), story.ssp.id, "x", story.items[SSP_ASTA].id)


@pytest.mark.parametrize("role", ROLES)
def test_every_role_gets_only_the_addenda_of_items_it_may_see(
    login: LoginFn, story: Story, role: str, tmp_path: Path
) -> None:
    """The role matrix for addenda: versions, minutes, the printed minutes (data and PDF),
    the anonymised minutes and the case history."""
    ctx = login(role)
    expected = SEES[role]

    def versions(m: object) -> object:
        return [(v.addendum, v.content) for v in minutes.versions(ctx, m)]  # type: ignore[arg-type]

    def printed(m: object, anonymised: bool = False) -> str:
        doc = documents.render(ctx, m, documents.MINUTES, anonymised=anonymised)  # type: ignore[arg-type]
        return _pdf_text(doc.data, tmp_path)

    assert _each_meeting(ctx, story, versions) == expected, "versions"
    assert _each_meeting(ctx, story, lambda m: minutes.get_minutes(ctx, m)) == expected, "minutes"
    assert (
        _each_meeting(ctx, story, lambda m: documents.meeting_document(ctx, m, documents.MINUTES))
        == expected
    ), "document"
    assert _each_meeting(ctx, story, printed) == expected, "PDF"
    assert _each_meeting(ctx, story, lambda m: printed(m, True)) == expected, "anonymised PDF"
    try:
        history = case_history.case_history(ctx, story.asta.id)
    except (PermissionDenied, NotFound):
        assert role == "admin"
    else:
        assert _words(history) == expected & {SSP_ASTA, D_ASTA}, "case history"
        assert _words(json.dumps([e.to_json() for e in history.entries])) == _words(history)


@pytest.mark.file_only
def test_the_police_print_no_addendum_they_may_not_see(
    story: Story, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    out = tmp_path / "referat.pdf"
    argv = ["pdf", "minutes", str(story.ssp.id), "-o", str(out)]
    assert main([*argv, "--db", str(db_path), "--user", "politi"]) == 0
    assert _words(_pdf_text(out.read_bytes(), tmp_path)) == {SSP_ASTA, SSP_OTHER}


@pytest.mark.file_only
def test_the_case_command_shows_the_addenda_of_items_the_user_may_see(
    story: Story, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    for user, words in (("ppr", {SSP_ASTA, D_ASTA}), ("politi", {SSP_ASTA})):
        assert main(["case", story.asta.reference, "--db", str(db_path), "--user", user]) == 0
        assert _words(capsys.readouterr().out) == words, user


# -- anonymised documents ----------------------------------------------------------------------


def test_anonymised_documents_name_no_child_in_an_addendum(
    login: LoginFn, story: Story, tmp_path: Path
) -> None:
    leder = login("leder")
    minutes_pdf = documents.render(leder, story.ssp.id, documents.MINUTES, anonymised=True)
    extract = documents.render(
        leder, story.ssp.id, documents.EXTRACT, anonymised=True, case_id=story.asta.id
    )
    history = documents.render_case(leder, story.asta.id, anonymised=True)
    for data, words in (
        (minutes_pdf.data, {SSP_ASTA, SSP_BO, SSP_OTHER, SSP_GENERAL}),
        (extract.data, {SSP_ASTA, SSP_GENERAL}),
        (history.data, {SSP_ASTA, D_ASTA}),
    ):
        found = _pdf_text(data, tmp_path).replace("\n", " ")
        assert _words(found) == words
        for name in ("Asta", "Ødegård", "Bo Berg", "010315"):
            assert name not in found, name
        assert f"Rettelse {SSP_ASTA}: A.Ø. ([CPR fjernet])." in found


def test_an_extract_holds_no_other_childs_addendum(
    login: LoginFn, story: Story, tmp_path: Path
) -> None:
    leder = login("leder")
    doc = documents.meeting_document(leder, story.ssp.id, documents.EXTRACT, case_id=story.asta.id)
    assert _words(doc) == {SSP_ASTA, SSP_GENERAL}
    found = _pdf_text(documents.render(leder, story.ssp.id, documents.EXTRACT,
                                       case_id=story.asta.id).data, tmp_path)  # fmt: skip
    assert "Bo Berg" not in found and f"Rettelse {SSP_GENERAL}: B.B. og Asta Ødegård." in found


# -- purge -------------------------------------------------------------------------------------


def _close_asta(ctx: ServiceContext, story: Story) -> None:
    with ctx.db.begin() as s:
        s.execute(
            text("UPDATE child_case SET closed_on = '2019-06-30' WHERE id = :id"),
            {"id": story.asta.id.hex},
        )


def _kept(ctx: ServiceContext) -> str:
    with ctx.db.begin() as s:
        rows = s.scalars(select(MinutesVersion).order_by(MinutesVersion.number)).all()
        return json.dumps([(v.kind, v.addendum, v.content) for v in rows], ensure_ascii=False)


def test_purge_deletes_the_childs_addenda_and_redacts_the_others(
    login: LoginFn, story: Story
) -> None:
    admin, leder = login("admin"), login("leder")
    _close_asta(leder, story)
    assert [c.reference for c in retention.purge(admin, dry_run=False).candidates] == [
        story.asta.reference
    ]
    kept = _kept(leder)
    assert SSP_ASTA not in kept and D_ASTA not in kept  # the text about her items is gone
    for name in ("Asta", "Ødegård", "010315"):
        assert name not in kept, name
    assert {SSP_BO, SSP_OTHER, SSP_GENERAL, D_BO, D_OTHER, D_GENERAL} <= _words(kept)
    found = minutes.versions(leder, story.ssp.id)
    assert [(v.kind, v.addendum) for v in found if v.kind != "addendum"] == [
        ("approval", ""),
        ("purged", ""),
    ]
    general = next(v for v in found if SSP_GENERAL in v.addendum)
    assert general.addendum == f"Rettelse {SSP_GENERAL}: Bo Berg og A.Ø."
    # The record says what was taken out, with the checksum it had; every version still checks.
    assert all(json.loads(v.content)["purged"][0]["approved_checksum"] for v in found)
    assert minutes.verify(leder, story.ssp.id) and minutes.verify(leder, story.district.id)
    assert minutes.add_addendum(leder, story.ssp.id, "Efter oprydningen.").number == 6


def test_purge_pseudonymises_the_childs_addenda(login: LoginFn, story: Story) -> None:
    admin, leder = login("admin"), login("leder")
    _close_asta(leder, story)
    retention.set_policy(admin, 5, "pseudonymise")
    retention.purge(admin, dry_run=False)
    kept = _kept(leder)
    for name in ("Asta", "Ødegård", "010315", "Åse"):
        assert name not in kept, name
    # The course of the case is kept: her addenda stay with her (pseudonymised) items …
    state = minutes.get_minutes(leder, story.ssp.id)
    assert [a.text for a in state.items[story.items[SSP_ASTA].id].addenda] == [
        f"Rettelse {SSP_ASTA}: A.Ø. ([CPR fjernet])."
    ]
    # … while the approved record's copy goes the way of her item there: a note.
    last = json.loads(minutes.versions(leder, story.ssp.id)[-1].content)
    assert last["addenda"][0] == {"case": story.asta.reference, "purged": "2026-11-24"}
    assert minutes.verify(leder, story.ssp.id)


# -- a child discussed anonymously -------------------------------------------------------------


def test_an_addendum_does_not_name_a_child_discussed_anonymously(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    """The police see every item of this SSP meeting, so they read its general addenda; but
    Asta is discussed there anonymously, and they know her from nowhere else: no addendum may
    tell them who she is (issue 13, part 4's rule, for addenda)."""
    leder, police = login("leder"), login("politi")
    asta = cases.create_case(
        leder, cases.NewCase(first_name="Asta", last_name="Ødegård", cpr="0103154001")
    ).case
    ssp = meetings.create_meeting(leder, meetings.NewMeeting("ssp", datetime(2026, 11, 3, 10)))
    item = _child_item(leder, ssp, asta.id, "Uro ved stationen", planning.LegalBasisKind.ANONYMOUS)
    live.start(leder, ssp.id)
    live.end(leder, ssp.id)
    minutes.approve(leder, ssp.id)
    clock.advance(days=1)
    minutes.add_addendum(leder, ssp.id, "Rettelse ahornblad: Asta Ødegård var ikke alene.", item.id)
    minutes.add_addendum(leder, ssp.id, "Rettelse granblad: den anonyme sag var Asta Ødegård.")

    shown = [
        repr(minutes.versions(police, ssp.id)),
        repr(minutes.get_minutes(police, ssp.id)),
        repr(documents.meeting_document(police, ssp.id, documents.MINUTES)),
        _pdf_text(documents.render(police, ssp.id, documents.MINUTES).data, tmp_path),
    ]
    for text_shown in shown:
        assert {"ahornblad", "granblad"} <= _words(text_shown)
        assert "Asta" not in text_shown and "Ødegård" not in text_shown
    assert "Asta Ødegård" in repr(minutes.versions(leder, ssp.id))  # the chair knows her
