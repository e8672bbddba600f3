"""Every PDF embeds its own fonts, extracts Danish text, and numbers its pages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from stevnsmoeder.reports.base import build_pdf, styles

DANISH = "Børnefaglig undersøgelse – Barnets lov §§ 20–23. ÆØÅ æøå."


def _write(path: Path, paragraphs: int) -> int:
    st = styles()
    return build_pdf(
        path,
        "Distriktsmøde Hother/Hårlev – tirsdag den 5. januar 2027",
        lambda: (
            [Paragraph("Referat", st.title)]
            + [Paragraph(f"{i}. {DANISH}", st.body) for i in range(paragraphs)]
        ),
        title="Referat",
    )


def test_fonts_are_embedded_and_no_helvetica(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    _write(pdf, 3)
    reader = PdfReader(pdf)
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]))
            descendant = font.get("/DescendantFonts")
            desc = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
            assert desc is not None, font
            desc = desc.get_object()
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
    assert fonts and all("DejaVuSans" in f for f in fonts), fonts
    assert not any("Helvetica" in f for f in fonts)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_agrees(tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    _write(pdf, 3)
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows and all(" yes " in row for row in rows), out.stdout
    assert "Helvetica" not in out.stdout


def test_danish_text_and_page_numbers_extract(tmp_path: Path) -> None:
    pdf = tmp_path / "long.pdf"
    pages = _write(pdf, 120)
    assert pages >= 3
    reader = PdfReader(pdf)
    assert len(reader.pages) == pages
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Side {number} af {pages}" in text
        assert "Fortroligt – indeholder personfølsomme oplysninger" in text
    assert DANISH in reader.pages[0].extract_text()
