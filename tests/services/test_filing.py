"""Filing in the case system (ESDH): PDF/A files checked by pikepdf's own checker, manifests
read back, names without a child's name or CPR, versions after an addendum, the unfiled list,
the case page's state, who may file, and the access log."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pikepdf
import pytest
from pikepdf import pdfa
from pypdf import PdfReader
from sqlalchemy import select, update

from stevnsmoeder.db.models import AuditEvent, FilingClass, FilingRecord
from stevnsmoeder.model.filing import EXTRACT, MINUTES, FilingState
from stevnsmoeder.services import (
    access_log,
    case_history,
    cases,
    consent,
    filing,
    live,
    meetings,
    minutes,
    planning,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, PermissionDenied, ValidationError
from tests.conftest import FakeClock

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]
WEDNESDAY = datetime(2026, 11, 25, 7, 30, tzinfo=UTC)  # 08.30 in Stevns, the day after
NAMES = ("Asta", "Ødegård", "Odegard", "Oedegaard", "Åse", "Bo", "Hansen", "Carl", "Dahl", "Dina")
CPRS = ("0103154001", "010315-4001", "0205164321", "020516-4321")


@dataclass
class Meeting:
    id: object
    asta: cases.CaseSummary
    bo: cases.CaseSummary
    carl: cases.CaseSummary
    asta_item: planning.PlanItem
    bo_item: planning.PlanItem


def _case_item(
    ctx: ServiceContext, meeting_id: object, title: str, case_id: object
) -> planning.PlanItem:
    plan = planning.get_plan(ctx, meeting_id)  # type: ignore[arg-type]
    plan = planning.add_item(
        ctx,
        meeting_id,  # type: ignore[arg-type]
        plan.revision,
        title=title,
        minutes=15,
        kind=planning.AgendaItemKind.CASE,
        case_id=case_id,  # type: ignore[arg-type]
    )
    return next(i for i in plan.items if i.case_id == case_id)


def _approved_meeting(ctx: ServiceContext, clock: FakeClock, district: str = "hother") -> Meeting:
    """Tuesday's district meeting: Asta (consent), Bo (report of concern), Carl discussed
    anonymously, an anonymous case, and Dina (report of concern), whose item was not reached
    and has nothing written; held, minutes written and approved."""
    m = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 11, 24, 13), district=district)
    )
    asta = cases.create_case(
        ctx,
        cases.NewCase(
            first_name="Asta",
            last_name="Ødegård",
            cpr="0103154001",
            custody_holders=(("Åse Ødegård", "mor"),),
        ),
    ).case
    bo = cases.create_case(
        ctx, cases.NewCase(first_name="Bo", last_name="Hansen", cpr="0205164321")
    ).case
    carl = cases.create_case(ctx, cases.NewCase(first_name="Carl", last_name="Dahl")).case
    dina = cases.create_case(ctx, cases.NewCase(first_name="Dina", last_name="Dahl")).case
    anon = cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym="Pige, 10 år")).case
    given = consent.record_consent(
        ctx,
        asta.id,
        consent.NewConsent(
            "Åse Ødegård", "mor", "Trivsel", "Skole og PPR", date(2026, 11, 1),
            date(2027, 10, 31), ("district",),
        ),
    )  # fmt: skip
    asta_item = _case_item(ctx, m.id, "Bekymring for trivsel", asta.id)
    bo_item = _case_item(ctx, m.id, "Underretning fra skolen", bo.id)
    carl_item = _case_item(ctx, m.id, "Fravær", carl.id)
    anon_item = _case_item(ctx, m.id, "Uro i frikvarteret", anon.id)
    dina_item = _case_item(ctx, m.id, "Bekymring fra dagplejen", dina.id)
    plan = planning.get_plan(ctx, m.id)
    for item, kind, extra in (
        (asta_item, planning.LegalBasisKind.CONSENT, {"consent_id": given.id}),
        (bo_item, planning.LegalBasisKind.UNDERRETNING, {}),
        (carl_item, planning.LegalBasisKind.ANONYMOUS, {}),
        (dina_item, planning.LegalBasisKind.UNDERRETNING, {}),
    ):
        plan = planning.set_legal_basis(ctx, m.id, plan.revision, item.id, kind, **extra)  # type: ignore[arg-type]
    live.start(ctx, m.id)
    minutes.save_text(ctx, asta_item.id, "notes", "Asta Ødegård sover dårligt, siger Åse.")
    minutes.save_text(ctx, asta_item.id, "decision", "Observation i to uger.")
    minutes.save_text(ctx, bo_item.id, "decision", "Samtale med Bo Hansen og far.")
    minutes.save_text(ctx, carl_item.id, "notes", "Drøftet anonymt.")
    minutes.save_text(ctx, anon_item.id, "notes", "Pigen slår.")
    live.end(ctx, m.id)
    clock.current = WEDNESDAY
    minutes.approve(ctx, m.id)
    return Meeting(m.id, asta, bo, carl, asta_item, bo_item)


def _assert_archival(path: Path) -> pikepdf.Pdf:
    """The library's checker passes the file, and it is what the issue asks of it."""
    report = pdfa.validate_written(path, "2b")
    assert report.passed, report.summary()
    pdf = pikepdf.open(path)
    assert not pdf.is_encrypted
    names = pdf.Root.get("/Names")
    assert names is None or ("/EmbeddedFiles" not in names and "/JavaScript" not in names)
    assert "/OpenAction" not in pdf.Root and "/AA" not in pdf.Root
    intents = pdf.Root.OutputIntents
    assert len(intents) == 1 and str(intents[0].OutputConditionIdentifier) == "sRGB"
    for page in pdf.pages:
        for font in page.Resources.Font.values():
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor, font.BaseFont
    with pdf.open_metadata() as meta:
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"] == str(pdf.docinfo.Title)
        assert meta["dc:description"] == str(pdf.docinfo.Subject)
    assert str(pdf.docinfo.Author) == "Stevns Kommune"
    return pdf


def _no_child(text: str) -> None:
    for word in (*NAMES, *CPRS):
        assert word not in text, word


def test_filing_writes_pdfa_and_manifests_for_the_minutes_and_each_named_child(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    ctx = login("referent")
    m = _approved_meeting(ctx, clock)
    folder = tmp_path / "esdh-import"
    folder.mkdir()
    filing.set_esdh_case_number(ctx, m.asta.id, "27.24.00-G01-123-26")

    report = filing.file_meeting(ctx, m.id, folder)  # type: ignore[arg-type]

    # The minutes, and an extract for the two children named on a basis that holds: not for
    # Carl (discussed anonymously) or the anonymous case.
    assert sorted(p.name for p in folder.iterdir()) == [
        f"2026-11-24_Distriktsmoede_Hother-Haarlev_Referat_v1.{ext}" for ext in ("json", "pdf")
    ] + [
        f"2026-11-24_Distriktsmoede_Uddrag_{ref}.{ext}"
        for ref in sorted((m.asta.reference, m.bo.reference))
        for ext in ("json", "pdf")
    ]
    assert [(f.kind, f.case_reference, f.version) for f in report.filed] == [
        (MINUTES, "", 1),
        *sorted([(EXTRACT, m.asta.reference, 1), (EXTRACT, m.bo.reference, 1)]),
    ]
    checksum = minutes.versions(ctx, m.id)[0].checksum  # type: ignore[arg-type]
    for f in report.filed:
        path = Path(f.path)
        pdf = _assert_archival(path)
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
        manifest = json.loads(Path(f.manifest).read_text(encoding="utf-8"))
        assert manifest["file"] == path.name and Path(f.manifest).stem == path.stem
        assert manifest["checksum"] == {"algorithm": "SHA-256", "value": f.checksum}
        assert manifest["approved_content_sha256"] == checksum
        assert info["/ApprovedContentSHA256"] == checksum
        assert info["/DocumentVersion"] == "1" and manifest["version"] == 1
        assert manifest["conformance"] == "PDF/A-2b" and manifest["date"] == "2026-11-24"
        assert manifest["title"] == info["/Title"]
        assert manifest["access_code"] == "Fortrolig"
        assert manifest["supersedes"] is None
        assert manifest["created"] == "2026-11-25T08:30:00+01:00"
        assert info["/CreationDate"].startswith("D:20261125083000+01")
        with pdf.open_metadata() as meta:
            assert meta["xmpMM:VersionID"] == "1"
            assert meta["dc:identifier"] == f"sha256:{checksum}"
            assert meta["dc:type"] == {info["/DocumentType"]}
        # Never a child's name or CPR number: not in the name, the manifest or the metadata.
        _no_child(path.name)
        _no_child(json.dumps(manifest, ensure_ascii=False))
        _no_child(json.dumps(info, ensure_ascii=False))
        if f.kind == MINUTES:
            assert info["/Title"] == "Referat – Distriktsmøde Hother/Hårlev – 24. november 2026"
            assert info["/DocumentType"] == "Referat"
            assert (manifest["kle_number"], manifest["handling_facet"]) == ("00.01.10", "P35")
            assert manifest["esdh_case_number"] is None and manifest["case_reference"] is None
            text = "".join(p.extract_text() for p in PdfReader(path).pages)
            assert "Asta Ødegård" in text and "Bo Hansen" in text  # the minutes themselves
        else:
            assert info["/DocumentType"] == "Udskrift af referat"
            assert (manifest["kle_number"], manifest["handling_facet"]) == ("27.24.00", "G01")
            assert manifest["case_reference"] == f.case_reference
            assert f.case_reference in info["/Subject"]
            if f.case_id == m.asta.id:
                assert manifest["esdh_case_number"] == "27.24.00-G01-123-26"
                text = "".join(p.extract_text() for p in PdfReader(path).pages)
                assert "Asta Ødegård" in text and "Bo Hansen" not in text
            else:
                assert manifest["esdh_case_number"] is None
    # Nothing but the files: no temporary file left behind.
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_an_addendum_outdates_the_filed_version_and_refiling_makes_version_2(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    ctx = login("referent")
    m = _approved_meeting(ctx, clock)
    folder = tmp_path / "esdh"
    folder.mkdir()

    before = filing.unfiled(ctx)
    assert [(u.kind, u.case_reference, u.days) for u in before] == [
        (MINUTES, "", 1),
        *sorted([(EXTRACT, m.asta.reference, 1), (EXTRACT, m.bo.reference, 1)]),
    ]
    assert all(u.status.state is FilingState.UNFILED for u in before)
    assert filing.unfiled_count(ctx) == 3
    filing.file_meeting(ctx, m.id, folder)  # type: ignore[arg-type]
    assert filing.unfiled(ctx) == [] and filing.unfiled_count(ctx) == 0

    # Filing again changes nothing that is filed in its current version.
    again = filing.file_meeting(ctx, m.id, folder)  # type: ignore[arg-type]
    assert again.filed == () and len(again.already) == 3

    # An addendum about Asta's item: the minutes and Asta's extract are out of date, Bo's not.
    clock.advance(days=2)
    minutes.add_addendum(ctx, m.id, "Mor deltog også.", m.asta_item.id)  # type: ignore[arg-type]
    after = filing.unfiled(ctx)
    assert [(u.kind, u.case_reference, u.status.state, u.status.version) for u in after] == [
        (MINUTES, "", FilingState.OUTDATED, 2),
        (EXTRACT, m.asta.reference, FilingState.OUTDATED, 2),
    ]
    assert after[0].status.filed is not None and after[0].status.filed.version == 1
    assert after[0].days == 3
    states = {d.key: d.status for d in filing.fileable(ctx, m.id)}  # type: ignore[arg-type]
    assert states[(EXTRACT, m.bo.id)].state is FilingState.FILED

    report = filing.file_meeting(ctx, m.id, folder)  # type: ignore[arg-type]
    assert [(f.kind, f.version) for f in report.filed] == [(MINUTES, 2), (EXTRACT, 2)]
    assert [d.case_id for d in report.already] == [m.bo.id]
    names = {p.name for p in folder.iterdir()}
    v2 = "2026-11-24_Distriktsmoede_Hother-Haarlev_Referat_v2.pdf"
    assert v2 in names and "2026-11-24_Distriktsmoede_Hother-Haarlev_Referat_v1.pdf" in names
    extract_v2 = f"2026-11-24_Distriktsmoede_Uddrag_{m.asta.reference}_v2.pdf"
    assert extract_v2 in names
    for name in (v2, extract_v2):
        pdf = _assert_archival(folder / name)
        assert str(pdf.docinfo["/DocumentVersion"]) == "2"
        text = "".join(p.extract_text() for p in PdfReader(folder / name).pages)
        assert "Mor deltog også." in text
    manifest = json.loads((folder / v2).with_suffix(".json").read_text(encoding="utf-8"))
    assert manifest["version"] == 2 and manifest["minutes_version"] == 2
    assert manifest["supersedes"] == "2026-11-24_Distriktsmoede_Hother-Haarlev_Referat_v1.pdf"
    assert filing.unfiled(ctx) == []

    # An addendum about the meeting in general is in every extract.
    minutes.add_addendum(ctx, m.id, "Næste møde flyttes.")  # type: ignore[arg-type]
    assert [(u.case_reference, u.status.version) for u in filing.unfiled(ctx)] == [
        ("", 3),
        *sorted([(m.asta.reference, 3), (m.bo.reference, 2)]),
    ]


def test_each_record_says_when_by_whom_where_and_which_version(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    ctx = login("referent")
    m = _approved_meeting(ctx, clock)
    folder = tmp_path / "esdh"
    folder.mkdir()
    filing.file_meeting(ctx, m.id, folder, case_id=m.asta.id)  # type: ignore[arg-type]
    docs = {d.key: d for d in filing.fileable(ctx, m.id)}  # type: ignore[arg-type]
    assert docs[(MINUTES, None)].status.state is FilingState.UNFILED
    filed = docs[(EXTRACT, m.asta.id)].status.filed
    assert filed is not None
    assert (filed.version, filed.filed_at, filed.filed_by, filed.folder) == (
        1,
        WEDNESDAY,
        "referent",
        str(folder),
    )
    assert filed.file_name == f"2026-11-24_Distriktsmoede_Uddrag_{m.asta.reference}.pdf"
    with ctx.db.begin() as s:
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.action.like("filing.%")).order_by(AuditEvent.seq)
        ).all()
        assert [(e.action, e.case_id) for e in events] == [("filing.extract", m.asta.id)]
        assert "Hother" not in events[0].detail  # the file name only
    found = access_log.entries(login("admin"), access_log.Query(action="filing"))
    assert [e.label for e in found] == [
        f"referent arkiverede et barns udskrift af Distriktsmøde 24.11.2026 i ESDH "
        f"(sag {m.asta.reference})"
    ]


def test_the_case_page_shows_each_items_filing_state(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    ctx = login("referent")
    m = _approved_meeting(ctx, clock)
    folder = tmp_path / "esdh"
    folder.mkdir()

    def state(case_id: object) -> FilingState | None:
        entry = case_history.case_history(ctx, case_id).entries[0]  # type: ignore[arg-type]
        return entry.filing.state if entry.filing else None

    assert state(m.asta.id) is FilingState.UNFILED
    assert state(m.carl.id) is None  # discussed anonymously: nothing to file in his case
    filing.file_meeting(ctx, m.id, folder)  # type: ignore[arg-type]
    assert state(m.asta.id) is FilingState.FILED
    minutes.add_addendum(ctx, m.id, "Rettelse.", m.asta_item.id)  # type: ignore[arg-type]
    assert state(m.asta.id) is FilingState.OUTDATED
    assert state(m.bo.id) is FilingState.FILED
    history = case_history.case_history(ctx, m.asta.id)
    assert history.entries[0].to_json()["filing"] == "outdated"


def test_only_those_who_may_see_the_minutes_or_the_child_may_file(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    ctx = login("referent")
    m = _approved_meeting(ctx, clock)
    folder = tmp_path / "esdh"
    folder.mkdir()
    # The administrator sees meetings, but no child's item: not the minutes, no extract.
    admin = login("admin")
    assert filing.fileable(admin, m.id) == []  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        filing.file_meeting(admin, m.id, folder)  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        filing.file_meeting(admin, m.id, folder, only=[(MINUTES, None)])  # type: ignore[arg-type]
    # A participant who did not take part does not see the meeting at all.
    with pytest.raises(NotFound):
        filing.file_meeting(login("deltager"), m.id, folder)  # type: ignore[arg-type]
    # The police see no district meeting.
    with pytest.raises(NotFound):
        filing.fileable(login("politi"), m.id)  # type: ignore[arg-type]
    # PPR reads every case: may file what it may see.
    ppr = login("ppr")
    assert [d.kind for d in filing.fileable(ppr, m.id)] == [MINUTES, EXTRACT, EXTRACT]  # type: ignore[arg-type]
    filing.file_meeting(ppr, m.id, folder, case_id=m.bo.id)  # type: ignore[arg-type]
    # Carl was discussed anonymously: there is no extract of his to file.
    with pytest.raises(NotFound):
        filing.file_meeting(ctx, m.id, folder, case_id=m.carl.id)  # type: ignore[arg-type]
    assert sorted(os.listdir(folder)) == [
        f"2026-11-24_Distriktsmoede_Uddrag_{m.bo.reference}.{e}" for e in ("json", "pdf")
    ]
    with ctx.db.begin() as s:
        refused = s.scalars(select(AuditEvent).where(AuditEvent.action == "denied")).all()
        assert any("file the minutes" in e.detail for e in refused)
    # The list is the secretary's: empty for those who may not approve minutes.
    assert filing.unfiled(ppr) == [] and filing.unfiled_count(ppr) == 0


def test_only_approved_minutes_go_and_only_to_a_folder_that_is_there(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    ctx = login("referent")
    m = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 11, 24, 13), district="hother")
    )
    live.start(ctx, m.id)
    live.end(ctx, m.id)
    with pytest.raises(ValidationError, match="ikke godkendt"):
        filing.file_meeting(ctx, m.id, tmp_path)
    assert filing.fileable(ctx, m.id) == []
    minutes.approve(ctx, m.id)
    gone = tmp_path / "not-connected" / "esdh"
    with pytest.raises(ValidationError, match="kan ikke nås"):
        filing.file_meeting(ctx, m.id, gone)
    assert not gone.parent.exists()  # never created (a share that is not connected)
    with pytest.raises(ValidationError, match="Der er ikke valgt en arkiveringsmappe"):
        filing.file_meeting(ctx, m.id)
    filing.set_filing_folder(ctx, tmp_path)
    assert filing.filing_folder(ctx) == tmp_path
    report = filing.file_meeting(ctx, m.id)  # the setting
    assert [Path(f.path).parent for f in report.filed] == [tmp_path]
    with pytest.raises(ValidationError):
        filing.set_filing_folder(ctx, Path("relative/folder"))
    with pytest.raises(PermissionDenied):
        filing.set_filing_folder(login("ppr"), tmp_path)


def test_a_failed_write_leaves_the_filed_file_and_no_temporary_one(
    login: LoginFn, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = login("referent")
    m = _approved_meeting(ctx, clock)
    filing.file_meeting(ctx, m.id, tmp_path, case_id=m.bo.id)  # type: ignore[arg-type]
    name = f"2026-11-24_Distriktsmoede_Uddrag_{m.bo.reference}.pdf"
    before = (tmp_path / name).read_bytes()

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(filing.os, "replace", full_disk)
    with pytest.raises(OSError):
        filing.file_meeting(ctx, m.id, tmp_path, case_id=m.bo.id, again=True)  # type: ignore[arg-type]
    assert (tmp_path / name).read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
    with ctx.db.begin() as s:  # the failed filing is not recorded as done
        assert len(s.scalars(select(FilingRecord)).all()) == 1


def test_the_classification_is_reference_data(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    admin = login("admin")
    assert {(c.kind, c.kle_number, c.facet) for c in filing.filing_classes(admin)} == {
        ("minutes", "00.01.10", "P35"),
        ("extract", "27.24.00", "G01"),
        ("case_history", "27.24.00", "G01"),
    }
    changed = filing.set_filing_class(admin, "extract", "27.24.04", "g01", "Følsom")
    assert (changed.kle_number, changed.facet, changed.access_code) == ("27.24.04", "G01", "Følsom")
    with pytest.raises(ValidationError, match=r"»27\.24« er ikke et KLE-nummer"):
        filing.set_filing_class(admin, "extract", "27.24", "G01", "")
    with pytest.raises(ValidationError):
        filing.set_filing_class(admin, "extract", "27.24.00", "GG1", "")
    ctx = login("referent")
    with pytest.raises(PermissionDenied):
        filing.set_filing_class(ctx, "extract", "27.24.00", "G01", "")
    m = _approved_meeting(ctx, clock)
    report = filing.file_meeting(ctx, m.id, tmp_path, case_id=m.asta.id)  # type: ignore[arg-type]
    manifest = json.loads(Path(report.filed[0].manifest).read_text(encoding="utf-8"))
    assert (manifest["kle_number"], manifest["handling_facet"], manifest["access_code"]) == (
        "27.24.04",
        "G01",
        "Følsom",
    )
    pdf = pikepdf.open(report.filed[0].path)
    assert str(pdf.docinfo.Keywords) == "KLE 27.24.04 G01"


def test_minutes_approved_before_tracking_began_are_not_listed_as_unfiled(
    login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("referent")
    m = _approved_meeting(ctx, clock)
    with ctx.db.begin() as s:  # as the migration leaves a database that had approved minutes
        s.execute(update(FilingClass).values(tracked_from=WEDNESDAY))
    assert filing.unfiled(ctx) == []
    states = {d.status.state for d in filing.fileable(ctx, m.id)}  # type: ignore[arg-type]
    assert states == {FilingState.UNTRACKED}
    clock.advance(days=7)
    later = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 12, 1, 13), district="hother")
    )
    live.start(ctx, later.id)
    live.end(ctx, later.id)
    minutes.approve(ctx, later.id)
    assert [u.meeting_id for u in filing.unfiled(ctx)] == [later.id]


def _held_and_approved(ctx: ServiceContext, hour: int, district: str) -> object:
    m = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 11, 24, hour), district=district)
    )
    live.start(ctx, m.id)
    live.end(ctx, m.id)
    minutes.approve(ctx, m.id)
    return m.id


def test_two_meetings_of_one_forum_on_one_day_get_their_clock_in_the_name(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    ctx = login("referent")
    both = [_held_and_approved(ctx, hour, "hother") for hour in (9, 13)]
    names = [Path(f.path).name for m in both for f in filing.file_meeting(ctx, m, tmp_path).filed]  # type: ignore[arg-type]
    assert names == [
        "2026-11-24_0900_Distriktsmoede_Hother-Haarlev_Referat_v1.pdf",
        "2026-11-24_1300_Distriktsmoede_Hother-Haarlev_Referat_v1.pdf",
    ]
    # A meeting planned that day after the first was filed: the filed name is not reused,
    # and the first keeps its form of name in its next version.
    first = _held_and_approved(ctx, 10, "stroeby")
    assert [Path(f.path).name for f in filing.file_meeting(ctx, first, tmp_path).filed] == [  # type: ignore[arg-type]
        "2026-11-24_Distriktsmoede_Stroeby-Nordstevns_Referat_v1.pdf"
    ]
    later = _held_and_approved(ctx, 15, "stroeby")
    assert [Path(f.path).name for f in filing.file_meeting(ctx, later, tmp_path).filed] == [  # type: ignore[arg-type]
        "2026-11-24_1500_Distriktsmoede_Stroeby-Nordstevns_Referat_v1.pdf"
    ]
    minutes.add_addendum(ctx, first, "Rettelse.")  # type: ignore[arg-type]
    assert [Path(f.path).name for f in filing.file_meeting(ctx, first, tmp_path).filed] == [  # type: ignore[arg-type]
        "2026-11-24_Distriktsmoede_Stroeby-Nordstevns_Referat_v2.pdf"
    ]


def test_archival_copies_for_saving_pass_the_checker(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    """Every document that can be filed can be saved as PDF/A: the minutes, a child's extract
    and the case history (whose title has the case number, never the name)."""
    ctx = login("referent")
    m = _approved_meeting(ctx, clock)
    made = [
        filing.archival_meeting_document(ctx, m.id, MINUTES),  # type: ignore[arg-type]
        filing.archival_meeting_document(ctx, m.id, EXTRACT, case_id=m.asta.id),  # type: ignore[arg-type]
        filing.archival_case_history(ctx, m.asta.id),
    ]
    for n, doc in enumerate(made):
        path = tmp_path / f"{n}.pdf"
        path.write_bytes(doc.data)
        pdf = _assert_archival(path)
        _no_child(str(pdf.docinfo.Title))
        _no_child(doc.file_name)
    history = pikepdf.open(io.BytesIO(made[2].data))
    assert str(history.docinfo.Title) == f"Sagsforløb – {m.asta.reference} – 25. november 2026"
    assert made[2].file_name == f"2026-11-25_{m.asta.reference}_Sagsforloeb.pdf"
    assert made[1].file_name == f"2026-11-24_Distriktsmoede_Uddrag_{m.asta.reference}.pdf"


def test_a_pseudonymised_case_loses_its_case_system_number_and_filing_records(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    from stevnsmoeder.services import retention

    ctx = login("referent")
    m = _approved_meeting(ctx, clock)
    filing.set_esdh_case_number(ctx, m.bo.id, "ESDH-77")
    filing.file_meeting(ctx, m.id, tmp_path)  # type: ignore[arg-type]
    cases.close_case(ctx, m.bo.id, date(2026, 11, 25))
    admin = login("admin")
    retention.set_policy(admin, 1, "pseudonymise")
    clock.current = datetime(2028, 1, 10, 9, tzinfo=UTC)
    retention.purge(admin, dry_run=False)
    with ctx.db.begin() as s:
        from stevnsmoeder.db.models import Case

        case = s.get_one(Case, m.bo.id)
        assert case.esdh_case_number == ""
        kept = s.scalars(select(FilingRecord.case_id)).all()
        assert m.bo.id not in kept and m.asta.id in kept
