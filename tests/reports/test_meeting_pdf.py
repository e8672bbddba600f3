"""Agenda, minutes and the per-child extract as PDF, read back with pypdf."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from stevnsmoeder.cli import EXIT_USAGE, main
from stevnsmoeder.reports import base
from stevnsmoeder.reports.meeting_pdf import write_meeting_document
from stevnsmoeder.services import cases, consent, documents, live, meetings, minutes, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound
from tests.conftest import PASSWORD, FakeClock

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _meeting_with_two_children(
    ctx: ServiceContext,
) -> tuple[meetings.MeetingSummary, dict[str, object]]:
    m = meetings.create_meeting(
        ctx,
        meetings.NewMeeting(
            "district",
            datetime(2026, 11, 24, 13),
            district="privat",
            place="Rådhuset, mødelokale 2",
        ),
    )
    plan = planning.get_plan(ctx, m.id)
    asta = cases.create_case(
        ctx,
        cases.NewCase(
            first_name="Asta",
            last_name="Ødegård",
            cpr="0103154001",
            custody_holders=(("Åse Ødegård", "mor"),),
        ),
    ).case
    anon = cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym="Dreng, 8 år")).case
    given = consent.record_consent(
        ctx,
        asta.id,
        consent.NewConsent(
            "Åse Ødegård",
            "mor",
            "Trivsel i skolen",
            "Skole og PPR",
            date(2026, 11, 1),
            date(2027, 10, 31),
            ("district",),
        ),
    )
    plan = planning.add_item(
        ctx,
        m.id,
        plan.revision,
        title="Bekymring for trivsel",
        minutes=20,
        kind=planning.AgendaItemKind.CASE,
        case_id=asta.id,
    )
    asta_item = next(i for i in plan.items if i.case_id == asta.id)
    plan = planning.set_legal_basis(
        ctx, m.id, plan.revision, asta_item.id, planning.LegalBasisKind.CONSENT, consent_id=given.id
    )
    plan = planning.add_item(
        ctx,
        m.id,
        plan.revision,
        title="Uro i frikvarteret",
        minutes=15,
        kind=planning.AgendaItemKind.CASE,
        case_id=anon.id,
    )
    anon_item = next(i for i in plan.items if i.case_id == anon.id)
    return m, {"asta": asta, "anon": anon, "asta_item": asta_item, "anon_item": anon_item}


def _held(ctx: ServiceContext, m: meetings.MeetingSummary, kids: dict[str, object]) -> None:
    live.start(ctx, m.id)
    asta_item = kids["asta_item"]
    anon_item = kids["anon_item"]
    minutes.save_text(ctx, asta_item.id, "notes", "Mor fortæller om søvn – og §-forløbet.")  # type: ignore[attr-defined]
    minutes.save_text(ctx, asta_item.id, "decision", "Observation i to uger.")  # type: ignore[attr-defined]
    minutes.set_level(ctx, asta_item.id, 3)  # type: ignore[attr-defined]
    minutes.add_action(
        ctx,
        asta_item.id,
        minutes.NewAction(
            "Ringe til mor",
            owner_text="Skolen",  # type: ignore[attr-defined]
            due_on=date(2026, 12, 8),
        ),
    )
    minutes.save_text(ctx, anon_item.id, "notes", "Drengen slår i frikvartererne.")  # type: ignore[attr-defined]
    live.end(ctx, m.id)


def test_draft_minutes_in_danish_with_watermark(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    ctx = login("leder")
    m, kids = _meeting_with_two_children(ctx)
    _held(ctx, m, kids)
    doc = documents.meeting_document(ctx, m.id, documents.MINUTES)
    pdf = tmp_path / "referat.pdf"
    pages = write_meeting_document(doc, pdf)
    text = _text(pdf)
    assert "Referat – Distriktsmøde Det Private distrikt – tirsdag den 24. november 2026" in text
    assert "tirsdag den 24. november 2026, kl. 13.00–15.30 (uge 48)" in text
    assert "Sted: Rådhuset, mødelokale 2" in text
    assert f"Side 1 af {pages}" in text
    assert "Asta Ødegård" in text and "Dreng, 8 år" in text
    assert "Mor fortæller om søvn – og §-forløbet." in text
    assert "Beslutning: Observation i to uger." in text
    assert "Skolen" in text and "Ringe til mor" in text and "08.12.2026" in text
    assert "Trivselslinealen: 3 – sårbar trivsel (tidlig indsats)" in text
    assert "UDKAST" in text
    assert "Fortroligt – indeholder personfølsomme oplysninger" in text


def test_approved_minutes_carry_approval_and_checksum_not_the_watermark(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    ctx = login("leder")
    m, kids = _meeting_with_two_children(ctx)
    _held(ctx, m, kids)
    checksum = minutes.approve(ctx, m.id)
    clock.advance(days=1)
    minutes.add_addendum(ctx, m.id, "Mor deltog under punkt 3.")
    pdf = tmp_path / "godkendt.pdf"
    write_meeting_document(documents.meeting_document(ctx, m.id, documents.MINUTES), pdf)
    text = _text(pdf)
    assert "UDKAST" not in text
    assert "Godkendt den 23.11.2026 kl. 10.00 af leder." in text
    assert checksum in text.replace("\n", "")
    assert "Tillæg 24.11.2026 (leder): Mor deltog under punkt 3." in text


def test_anonymised_agenda_names_no_child(login: LoginFn, tmp_path: Path) -> None:
    ctx = login("leder")
    m, _kids = _meeting_with_two_children(ctx)
    pdf = tmp_path / "dagsorden.pdf"
    write_meeting_document(
        documents.meeting_document(ctx, m.id, documents.AGENDA, anonymised=True), pdf
    )
    text = _text(pdf)
    assert "Dagsorden – " in text
    assert "Asta" not in text and "Ødegård" not in text and "010315" not in text
    assert "A.Ø." in text and "Dreng, 8 år" in text
    assert "kl. 13.15 · 20 min." in text  # planned clock time and time box
    assert "UDKAST" not in text  # an agenda is not a draft of anything


def test_the_extract_holds_exactly_one_child(
    login: LoginFn, clock: FakeClock, tmp_path: Path
) -> None:
    ctx = login("leder")
    m, kids = _meeting_with_two_children(ctx)
    _held(ctx, m, kids)
    asta = kids["asta"]
    doc = documents.meeting_document(ctx, m.id, documents.EXTRACT, case_id=asta.id)  # type: ignore[attr-defined]
    pdf = tmp_path / "udskrift.pdf"
    write_meeting_document(doc, pdf)
    text = _text(pdf)
    assert "Udskrift af referat – " in text
    assert "Asta Ødegård" in text and "010315-xxxx" in text and "0103154001" not in text
    for other in ("Dreng, 8 år", "Uro i frikvarteret", "Drengen slår"):
        assert other not in text
    assert [i.title for i in doc.items] == ["Bekymring for trivsel"]
    with pytest.raises(NotFound):
        documents.meeting_document(ctx, m.id, documents.EXTRACT, case_id=m.id)


def test_a_failed_write_leaves_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "referat.pdf"
    target.write_bytes(b"the earlier, complete file")

    def broken() -> list[object]:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        base.build_pdf(target, "x", broken, title="x")  # type: ignore[arg-type]
    assert target.read_bytes() == b"the earlier, complete file"
    assert [p.name for p in tmp_path.iterdir()] == ["referat.pdf"]


def test_pdf_command(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    from stevnsmoeder.services import access

    ctx = access.login(db_path, "leder", PASSWORD)
    m, _kids = _meeting_with_two_children(ctx)
    ctx.db.close()
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    common = ["--db", str(db_path), "--user", "leder"]
    out = tmp_path / "a.pdf"
    assert main(["pdf", "agenda", str(m.id), "-o", str(out), *common]) == 0
    assert "Dagsorden" in _text(out)
    assert re.search(r"a\.pdf er skrevet \(1 side\)", capsys.readouterr().out)
    assert main(["pdf", "extract", str(m.id), "-o", str(out), *common]) == EXIT_USAGE
    assert "--case" in capsys.readouterr().err
    assert main(["pdf", "minutes", str(m.id), "-o", "/nowhere/x.pdf", *common]) == 1
    assert "findes ikke" in capsys.readouterr().err


def test_run_sheet_has_times_internal_notes_and_open_agreements(
    login: LoginFn, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from stevnsmoeder.db.models import Action, AgendaItem

    ctx = login("leder")
    m, kids = _meeting_with_two_children(ctx)
    asta = kids["asta"]
    ftm = meetings.create_ftm_for_case(ctx, asta.id, datetime(2026, 11, 2, 10))  # type: ignore[attr-defined]
    with ctx.db.begin() as s:
        item = s.scalars(
            select(AgendaItem).where(
                AgendaItem.meeting_id == ftm.id, AgendaItem.case_id.is_not(None)
            )
        ).one()
        s.add(
            Action(
                agenda_item_id=item.id,
                case_id=asta.id,
                owner_text="Mor",  # type: ignore[attr-defined]
                text="Følger Asta i skole",
                due_on=date(2026, 12, 1),
            )
        )
    plan = planning.get_plan(ctx, m.id)
    asta_item = kids["asta_item"]
    planning.update_item(
        ctx,
        m.id,
        plan.revision,
        asta_item.id,  # type: ignore[attr-defined]
        description="Spørg til søvnen først.",
    )
    pdf = tmp_path / "drejebog.pdf"
    write_meeting_document(documents.meeting_document(ctx, m.id, documents.RUNSHEET), pdf)
    text = _text(pdf)
    assert "Drejebog for mødelederen – " in text and "UDKAST" not in text
    assert "kl. 13.15 · 20 min." in text and "Spørg til søvnen først." in text
    flat = " ".join(text.split())  # table cells wrap their lines
    assert "Følger Asta i skole [Familie Team Møde, mandag den 2. november 2026]" in flat
    assert "Til mødelederens eget brug" in text
    with pytest.raises(Exception, match="rolle"):
        documents.meeting_document(login("ppr"), m.id, documents.RUNSHEET)


@pytest.mark.parametrize(
    "kind", [documents.AGENDA, documents.MINUTES, documents.RUNSHEET, documents.EXTRACT]
)
def test_every_anonymised_variant_names_no_child_even_in_free_text(
    login: LoginFn, clock: FakeClock, tmp_path: Path, kind: str
) -> None:
    ctx = login("leder")
    m, kids = _meeting_with_two_children(ctx)
    _held(ctx, m, kids)
    item = kids["asta_item"]
    minutes.save_text(
        ctx,
        item.id,  # type: ignore[attr-defined]
        "decision",
        "Åse Ødegård kontakter lægen om Astas søvn; CPR 010315-4001 sendes ikke.",
    )
    asta = kids["asta"]
    case_id = asta.id if kind == documents.EXTRACT else None  # type: ignore[attr-defined]
    doc = documents.meeting_document(ctx, m.id, kind, anonymised=True, case_id=case_id)
    pdf = tmp_path / "anonym.pdf"
    write_meeting_document(doc, pdf)
    text = " ".join(_text(pdf).split())
    for name in ("Asta", "Ødegård", "Åse", "0103154001", "010315-4001", "010315"):
        assert name not in text, (kind, name)
    if kind in (documents.MINUTES, documents.EXTRACT):
        assert "mor kontakter lægen om A.Ø.s søvn; CPR [CPR fjernet] sendes ikke." in text
    meta = PdfReader(pdf).metadata
    assert meta is not None and meta.author == "Stevns Kommune"
    assert meta.title.endswith("– Distriktsmøde Det Private distrikt – 24. november 2026")
    assert "Asta" not in str(dict(meta))
