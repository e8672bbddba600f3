"""Archival PDF/A-2b, for filing in the municipality's case system (ESDH).

The screen and print path (``reports.base.render_pdf``) stays as it is: fast and in memory.
For filing, that PDF is converted with ``pikepdf.pdfa``: an sRGB output intent, XMP metadata
written from (and agreeing with) the document information, no JavaScript, no attachments, no
encryption; the fonts are the bundled TrueType faces reportlab embeds already. ``save`` writes
the file and validates the bytes it wrote with the library's own checker, so a document that
does not pass is never handed out.

The metadata says what the document is without opening it: the title (meeting type, forum and
date, never a child's name), the subject, the author (Stevns Kommune), the creation date, the
document type, the version, the KLE number and handling facet as keywords, and the SHA-256 of
the approved content where there is one. Where XMP has a predefined property for a piece
(dc:type, xmpMM:VersionID, dc:identifier) it is there too; PDF/A allows no properties of our
own in XMP without an extension schema, so the custom fields live in the document information.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from stevnsmoeder import __version__

AUTHOR = "Stevns Kommune"
FLAVOUR = "2b"
CONFORMANCE = "PDF/A-2b"
# Custom entries of the document information dictionary (the "custom fields").
INFO_DOCUMENT_TYPE = "/DocumentType"
INFO_VERSION = "/DocumentVersion"
INFO_CONTENT_CHECKSUM = "/ApprovedContentSHA256"


class ArchivalError(Exception):
    """The document could not be made PDF/A (the checker's findings are in the message)."""


@dataclass(frozen=True)
class ArchivalInfo:
    """What the archival file says about itself."""

    title: str  # meeting type, forum and date: never a child's name
    subject: str
    document_type: str  # "Referat", "Uddrag af referat", "Sagsforløb"
    created: datetime  # aware
    version: int | None = None
    content_checksum: str | None = None  # SHA-256 of the approved content, where there is one
    keywords: str = ""  # the KLE number and handling facet
    language: str = "da"


def to_pdfa(data: bytes, info: ArchivalInfo) -> bytes:
    """The PDF ``data`` (as reports.base renders it) as validated PDF/A-2b bytes."""
    # lazy: pikepdf.pdfa loads lxml, jsonschema and fontTools (~0.4 s); only filing needs it
    import pikepdf
    from pikepdf import pdfa
    from pikepdf.models.metadata import encode_pdf_date

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            # reportlab writes an empty page transition on every page, which says nothing and
            # which the checker does not know.
            trans = page.obj.get("/Trans")
            if isinstance(trans, pikepdf.Dictionary) and len(trans.keys()) == 0:
                del page.obj["/Trans"]
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        pdf.Root.Lang = pikepdf.String(info.language)
        docinfo = pdf.docinfo
        for key in list(docinfo.keys()):
            del docinfo[key]
        when = encode_pdf_date(info.created)
        values: dict[str, str] = {
            "/Title": info.title,
            "/Subject": info.subject,
            "/Author": AUTHOR,
            "/Creator": f"stevnsmoeder {__version__}",
            "/CreationDate": when,
            "/ModDate": when,
            INFO_DOCUMENT_TYPE: info.document_type,
        }
        if info.keywords:
            values["/Keywords"] = info.keywords
        if info.version is not None:
            values[INFO_VERSION] = str(info.version)
        if info.content_checksum:
            values[INFO_CONTENT_CHECKSUM] = info.content_checksum
        for key, value in values.items():
            docinfo[key] = pikepdf.String(value)
        # The predefined XMP properties for what the custom fields say; pdfa.prepare adds the
        # title, subject, author, keywords and dates from the document information.
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:type"] = {info.document_type}
            meta["dc:language"] = {info.language}
            meta["dc:publisher"] = {AUTHOR}
            if info.version is not None:
                meta["xmpMM:VersionID"] = str(info.version)
            if info.content_checksum:
                meta["dc:identifier"] = f"sha256:{info.content_checksum}"
        try:
            pdfa.save(pdf, out, FLAVOUR, output_intent="sRGB")
        except pdfa.PdfaError as exc:
            raise ArchivalError(str(exc)) from exc
    return out.getvalue()


@dataclass(frozen=True)
class Validation:
    passed: bool
    summary: str  # the checker's verdict and findings, in its own words


def validate(data: bytes) -> Validation:
    """Check PDF bytes against PDF/A-2b with the library's checker."""
    # lazy: see to_pdfa
    from pikepdf import pdfa

    report = pdfa.validate_written(io.BytesIO(data), FLAVOUR)
    return Validation(report.passed, report.summary())


def metadata(data: bytes) -> dict[str, Any]:
    """The document information of a PDF, as text (for reading a filed file back)."""
    # lazy: see to_pdfa
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {str(k): str(v) for k, v in pdf.docinfo.items()}
