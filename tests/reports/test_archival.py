"""Archival PDF/A-2b (reports.archival): what the print path renders, made PDF/A and checked by
pikepdf's own checker; metadata that agrees between the document information and XMP."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pikepdf
import pytest
from pikepdf import pdfa
from reportlab.pdfgen.canvas import Canvas

from stevnsmoeder.reports import archival
from stevnsmoeder.reports.base import Paragraph, render_pdf, styles

INFO = archival.ArchivalInfo(
    title="Referat – Distriktsmøde Hother/Hårlev – 24. november 2026",
    subject="Det godkendte referat, version 2",
    document_type="Referat",
    created=datetime(2026, 11, 25, 7, 30, tzinfo=UTC),
    version=2,
    content_checksum="ab" * 32,
    keywords="KLE 00.01.10 P35",
)


def _story() -> list[object]:
    st = styles()
    return [
        Paragraph("Referat – Distriktsmøde Hother/Hårlev", st.title),
        Paragraph("Drengen kom glad 🙂 i skole ✓ – æøå ÆØÅ § ½", st.body),
        *(Paragraph("Resumé af punktet. " * 30, st.body) for _ in range(12)),
    ]


def test_a_rendered_document_becomes_pdfa_that_the_checker_passes() -> None:
    plain, pages = render_pdf("Referat", _story, title="x", watermark="UDKAST")
    assert pages > 1
    assert not archival.validate(plain).passed  # the fast path is no PDF/A (no intent, no XMP)
    data = archival.to_pdfa(plain, INFO)
    report = pdfa.validate_written(io.BytesIO(data), "2b")
    assert report.passed, report.summary()
    assert archival.validate(data).passed
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == pages
        info = {str(k): str(v) for k, v in pdf.docinfo.items()}
        assert info["/Title"] == INFO.title and info["/Author"] == "Stevns Kommune"
        assert info["/Subject"] == INFO.subject and info["/Keywords"] == "KLE 00.01.10 P35"
        assert info["/DocumentType"] == "Referat" and info["/DocumentVersion"] == "2"
        assert info["/ApprovedContentSHA256"] == "ab" * 32
        assert info["/CreationDate"].startswith("D:20261125073000")
        assert str(pdf.Root.Lang) == "da"
        with pdf.open_metadata() as meta:
            assert meta["dc:title"] == INFO.title
            assert meta["dc:creator"] == ["Stevns Kommune"]
            assert meta["dc:description"] == INFO.subject
            assert meta["pdf:Keywords"] == INFO.keywords
            assert meta["dc:type"] == {"Referat"}
            assert meta["xmpMM:VersionID"] == "2"
            assert meta["dc:identifier"] == "sha256:" + "ab" * 32
            assert meta["xmp:CreateDate"].startswith("2026-11-25T07:30:00")
    assert archival.metadata(data)["/DocumentType"] == "Referat"


def test_without_approved_content_there_is_no_checksum_field() -> None:
    plain, _pages = render_pdf("Dagsorden", _story, title="x")
    data = archival.to_pdfa(
        plain,
        archival.ArchivalInfo("Dagsorden – SSP-møde – 1. december 2026", "Dagsorden", "Dagsorden",
                              datetime(2026, 11, 25, tzinfo=UTC)),
    )  # fmt: skip
    assert archival.validate(data).passed
    info = archival.metadata(data)
    assert "/ApprovedContentSHA256" not in info and "/DocumentVersion" not in info


def test_a_document_the_checker_refuses_is_never_handed_out() -> None:
    """A font that is not embedded (Helvetica, drawn without the bundled fonts) cannot be
    made PDF/A: the conversion fails instead of writing a file that would not pass."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 720, "Ikke indlejret skrift")
    canvas.save()
    with pytest.raises(archival.ArchivalError, match="PDF/A-2b"):
        archival.to_pdfa(buffer.getvalue(), INFO)
