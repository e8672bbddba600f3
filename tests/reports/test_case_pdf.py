"""The case history as PDF, read back with pypdf (and pdftotext where installed)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from stevnsmoeder.cli import main
from stevnsmoeder.reports.case_pdf import file_name, write_case_document
from stevnsmoeder.services import case_history, documents, minutes
from stevnsmoeder.services.context import ServiceContext
from tests.conftest import PASSWORD
from tests.services.test_case_history import Story, _story

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]
NAMES = ("Asta", "Ødegård", "Åse", "Bent", "Berg", "0103154001", "010315-4001", "010315")


def _text(path: Path) -> str:
    """The text with all whitespace as single spaces (table cells break lines)."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture
def story(login: LoginFn) -> Story:
    ctx = login("leder")
    s = _story(ctx)
    # What people really write: names and a CPR number in the free text.
    item = case_history.case_history(ctx, s.asta.id).entries[1].item_id
    minutes.save_text(ctx, item, "decision", "Åse Ødegård ringer; Astas læge får CPR 010315-4001.")
    return s


def test_case_history_in_danish_with_chart_and_every_item(
    login: LoginFn, story: Story, tmp_path: Path
) -> None:
    doc = documents.case_document(login("ppr"), story.asta.id)
    pdf = tmp_path / file_name(doc)
    pages = write_case_document(doc, pdf)
    text = _text(pdf)
    assert pdf.name == f"{story.asta.reference} Sagsforløb.pdf"
    assert "Sagsforløb" in text and "Asta Ødegård – S-2026-0001" in text
    assert "født 01.03.2015 · CPR 010315-xxxx · Hårlev Skole · 5. klasse" in text
    assert "0103154001" not in text
    assert "Forældremyndighed: Åse Ødegård (mor)" in text
    assert "Trivselslinealen over tid" in text
    assert "Flyttet: op til 4 (udsat trivsel) den 06.10.2026." in text
    for heading in (
        "tirsdag den 1. september 2026 – Distriktsmøde, Hother/Hårlev",
        "tirsdag den 6. oktober 2026 – Familie Team Møde",
        "tirsdag den 20. oktober 2026 – SSP-møde",
        "tirsdag den 1. december 2026 – Distriktsmøde",
    ):
        assert heading in text
    assert text.index("1. september 2026 –") < text.index("6. oktober 2026 –")
    assert "Ringe til lægen" in text and "01.11.2026 (overskredet)" in text
    assert "Planlagt; mødet er ikke afholdt endnu." in text
    assert "Bo har meget fravær." not in text and "Bent Berg" not in text
    assert f"Side 1 af {pages}" in text and f"Side {pages} af {pages}" in text
    assert "Fortroligt – indeholder personfølsomme oplysninger" in text
    meta = PdfReader(pdf).metadata
    assert meta is not None
    assert meta.title == "Sagsforløb – S-2026-0001" and meta.author == "Stevns Kommune"
    assert "Asta" not in str(dict(meta))


def test_the_anonymised_history_names_no_child_and_no_family(
    login: LoginFn, story: Story, tmp_path: Path
) -> None:
    doc = documents.case_document(login("ppr"), story.asta.id, anonymised=True)
    pdf = tmp_path / file_name(doc)
    write_case_document(doc, pdf)
    text = _text(pdf)
    for name in NAMES:
        assert name not in text, name
    assert "A.Ø. – S-2026-0001" in text
    assert "mor ringer; A.Ø.s læge får CPR [CPR fjernet]." in text
    assert "11 år" in text and "Hårlev Skole" not in text
    assert "Forældremyndighed: mor" in text
    assert "anonymiseret" in pdf.name


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdftotext_reads_the_danish_letters(login: LoginFn, story: Story, tmp_path: Path) -> None:
    pdf = tmp_path / "forloeb.pdf"
    write_case_document(documents.case_document(login("ppr"), story.asta.id), pdf)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Åse Ødegård" in text and "Retsplejeloven § 115" in text
    assert "Trivselslinealen over tid" in text


def test_the_police_history_holds_the_ssp_item_only(
    login: LoginFn, story: Story, tmp_path: Path
) -> None:
    pdf = tmp_path / "politi.pdf"
    write_case_document(documents.case_document(login("politi"), story.asta.id), pdf)
    text = _text(pdf)
    assert "Hærværk ved hallen" in text
    for other in ("Bekymring for trivsel", "Familiens plan", "Mor er bekymret"):
        assert other not in text


@pytest.mark.file_only
def test_pdf_case_command(
    story: Story, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    common = ["--db", str(db_path), "--user", "ppr"]
    out = tmp_path / "case.pdf"
    assert main(["pdf", "case", str(story.asta.id), "-o", str(out), *common]) == 0
    assert re.search(r"case\.pdf er skrevet \(\d+ sider?\)", capsys.readouterr().out)
    assert "Asta Ødegård" in _text(out)
    assert main(["pdf", "case", story.asta.reference, "-o", str(out), "--anonymised", *common]) == 0
    assert "Asta" not in _text(out)
    assert main(["pdf", "case", "S-1999-0001", "-o", str(out), *common]) == 1
    assert "findes ikke" in capsys.readouterr().err


def test_the_anonymised_follow_up_names_no_child(login: LoginFn, story: Story) -> None:
    leder = login("leder")
    later = case_history.case_history(leder, story.asta.id).entries[1].item_id
    from sqlalchemy import text

    with leder.db.begin() as s:  # an item titled with the child's name, as people write
        s.execute(
            text("UPDATE agenda_item SET title = 'Astas søvn' WHERE id = :i"), {"i": later.hex}
        )
    doc = documents.case_document(login("ppr"), story.asta.id, anonymised=True)
    assert [f.title for f in doc.history.follow_ups] == ["A.Ø.s søvn"]


def test_one_item_at_one_meeting_is_said_in_the_singular(
    login: LoginFn, story: Story, tmp_path: Path
) -> None:
    """Bo was on one agenda once: "1 punkt på 1 møde", not "1 punkter på 1 møder"."""
    doc = documents.case_document(login("ppr"), story.other.id)
    pdf = tmp_path / file_name(doc)
    write_case_document(doc, pdf)
    text = _text(pdf)
    assert "1 punkt på 1 møde," in text
    assert "punkter" not in text.split("Punkterne")[0] and "1 møder" not in text
