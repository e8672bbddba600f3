"""Filing in the municipality's case system (ESDH): archival PDF/A files with a manifest each,
written into the filing folder, and a record of every filing.

The case system is the official record, and the duty to take notes (notatpligt) means that
what a meeting decides about a child must reach the child's case there soon. For an approved
meeting this writes the minutes and each child's extract as PDF/A-2b (reports.archival) into
the filing folder (a setting: the municipality's ESDH import folder or mailbox drop, often a
network share), each with a JSON manifest beside it: title, date, document type, KLE number
and handling facet (editable reference data, ``filing_class``), the child's case number in
ESDH when known, access code, version and checksum.

- File names are ASCII, with no name and no CPR: date, meeting type, district, document, and
  the case number for a child's extract (``2026-11-24_Distriktsmoede_Hother-Haarlev_Referat_v1
  .pdf``, ``2026-11-24_Distriktsmoede_Uddrag_S-2025-0074.pdf``; a later version of an extract
  ends ``_v2``, so the filed first version is never overwritten).
- Every file is written beside its place under a temporary name (``.….tmp``, which an import
  robot does not take for a document) and renamed into place, the PDF before its manifest: an
  importer that waits for the manifest finds the PDF whole. Nothing else is assumed of the
  folder, so a Windows share serves as well as a local folder. A folder that is not there
  (a share not connected) is refused, never created.
- Each document filed gets a record (when, by whom, where, which version) and an access-log
  event. An addendum makes the filed version out of date; filing again gives version 2.
- On a laptop's replica the files are written here (the laptop reaches the filing folder) and
  the record travels to the server as an operation (``record_filing``), which the server
  checks as here before it keeps it: the server's list of what is unfiled follows.
- Only those who may see the whole of a meeting's minutes (every item, every child by name)
  may file the minutes; a child's extract, whoever may see that child's item by name.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import unicodedata
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from stevnsmoeder import __version__
from stevnsmoeder.db.models import (
    AgendaItem,
    Case,
    FilingClass,
    FilingRecord,
    Meeting,
    MinutesVersion,
)
from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.i18n import _, danish
from stevnsmoeder.model.documents import CaseDocument, MeetingDocument
from stevnsmoeder.model.enums import Role
from stevnsmoeder.model.filing import (
    CASE_HISTORY,
    EXTRACT,
    MINUTES,
    FileableDocument,
    FiledDocument,
    FilingReport,
    FilingStatus,
    UnfiledDocument,
)
from stevnsmoeder.reports import archival, case_pdf, meeting_pdf
from stevnsmoeder.services import app_settings, audit, documents, filing_state, minutes
from stevnsmoeder.services.cases import initials
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from stevnsmoeder.services.meetings import summaries_in
from stevnsmoeder.services.oplog import operation, refuse_if_read_only
from stevnsmoeder.services.permissions import (
    SCOPED_ROLES,
    Permission,
    allowed,
    log_denial,
    meeting_visible,
    require,
)

FOLDER_KEY = "filing.folder"
MANIFEST_FORMAT = "stevnsmoeder/esdh-filing"
MANIFEST_VERSION = 1
KINDS = (MINUTES, EXTRACT, CASE_HISTORY)
# The document in a file name: Danish, ASCII (the case system's lists show them).
FILE_WORDS = {
    MINUTES: "Referat",
    EXTRACT: "Uddrag",
    CASE_HISTORY: "Sagsforloeb",
    "agenda": "Dagsorden",
    "runsheet": "Drejebog",
}
KLE_NUMBER = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
FACET = re.compile(r"^[A-Z]\d{2}$")
MAX_ESDH_NUMBER = 40  # Case.esdh_case_number
MAX_ACCESS_CODE = 80  # FilingClass.access_code
_TRANSLITERATE = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"}
)


# -- reference data and settings ---------------------------------------------------------------


@dataclass(frozen=True)
class FilingClassInfo:
    kind: str
    kle_number: str
    facet: str  # handlingsfacet
    access_code: str

    @property
    def keywords(self) -> str:
        """'KLE 27.24.00 G01', as the archival file's keywords."""
        return f"KLE {self.kle_number} {self.facet}"

    def to_json(self) -> dict[str, Any]:
        """As the manifests name the fields."""
        return {
            "document": self.kind,
            "kle_number": self.kle_number,
            "handling_facet": self.facet,
            "access_code": self.access_code,
        }


def filing_classes(ctx: ServiceContext) -> list[FilingClassInfo]:
    """How each kind of document is classified when filed: the minutes, a child's extract and
    the case history, in that order (a kind removed by hand is left out)."""
    with ctx.db.begin() as s:
        rows = [_class_info(row) for row in s.scalars(select(FilingClass))]
    return sorted(rows, key=lambda c: KINDS.index(c.kind) if c.kind in KINDS else len(KINDS))


def _class_info(row: FilingClass) -> FilingClassInfo:
    return FilingClassInfo(row.kind, row.kle_number, row.facet, row.access_code)


def _filing_class(s: Session, kind: str) -> FilingClassInfo:
    row = s.scalar(select(FilingClass).where(FilingClass.kind == kind))
    if row is None:  # removed by hand: file without a classification rather than not at all
        return FilingClassInfo(kind, "", "", "")
    return _class_info(row)


def may_edit_classes(ctx: ServiceContext) -> bool:
    """The actor may change the classification (the administrator)."""
    return allowed(ctx, Permission.EDIT_REFERENCE)


def check_filing_class(kle_number: str, facet: str, access_code: str) -> tuple[str, str, str]:
    """A classification as it is kept (the facet in capitals, no spaces around), or
    ValidationError saying what is wrong, in the user's words."""
    kle_number, facet, access_code = kle_number.strip(), facet.strip().upper(), access_code.strip()
    if not kle_number:
        raise ValidationError(_("Write the KLE number, such as 27.24.00."))
    if not KLE_NUMBER.match(kle_number):
        raise ValidationError(
            _(
                "«{value}» is not a KLE number: it is written as three pairs of digits with "
                "points between them, such as 27.24.00.",
                value=kle_number,
            )
        )
    if not facet:
        raise ValidationError(_("Write the handling facet, such as G01."))
    if not FACET.match(facet):
        raise ValidationError(
            _(
                "«{value}» is not a handling facet: it is a letter and two digits, such as G01.",
                value=facet,
            )
        )
    if len(access_code) > MAX_ACCESS_CODE:
        raise ValidationError(_("The access code is at most 80 characters."))
    return kle_number, facet, access_code


def set_filing_class(
    ctx: ServiceContext, kind: str, kle_number: str, facet: str, access_code: str
) -> FilingClassInfo:
    """Change the KLE number, handling facet and access code a kind of document is filed
    under (the administrator, as the KLE plan changes). Every change is logged, with what it
    was and what it became; the same values again change nothing.

    Not on a laptop's replica: the classification is the server's reference data, and a
    replica's change would not travel (the next sync would undo it)."""
    require(ctx, Permission.EDIT_REFERENCE, "change how documents are filed")
    if kind not in KINDS:
        raise ValidationError(
            _(
                "Unknown kind of document: {kind}. Known: {kinds}.",
                kind=kind,
                kinds=", ".join(KINDS),
            )
        )
    kle_number, facet, access_code = check_filing_class(kle_number, facet, access_code)
    if ctx.db.replica:
        raise ValidationError(
            _(
                "The classification is changed on the server, not on a laptop's copy: the "
                "next synchronisation would undo it here."
            )
        )
    with ctx.db.begin() as s:
        row = s.scalar(select(FilingClass).where(FilingClass.kind == kind))
        before = "-"
        if row is None:
            row = FilingClass(kind=kind, tracked_from=filing_state.tracked_from(s))
            s.add(row)
        elif (row.kle_number, row.facet, row.access_code) == (kle_number, facet, access_code):
            return _class_info(row)
        else:
            before = f"{row.kle_number} {row.facet} {row.access_code}".strip()
        row.kle_number, row.facet, row.access_code = kle_number, facet, access_code
        after = f"{kle_number} {facet} {access_code}".strip()
        audit.record(s, ctx, "filing.class", detail=f"{kind}: {before} -> {after}")
        return _class_info(row)


def filing_folder(ctx: ServiceContext) -> Path | None:
    """The filing folder (the ESDH import folder or mailbox drop), if one is set."""
    with ctx.db.begin() as s:
        value = app_settings.get(s, FOLDER_KEY)
    return Path(value) if value else None


def may_set_folder(ctx: ServiceContext) -> bool:
    return allowed(ctx, Permission.EDIT_MEETINGS) or allowed(ctx, Permission.EDIT_REFERENCE)


def set_filing_folder(ctx: ServiceContext, folder: Path | None) -> None:
    """Where filed documents go (the secretary or the administrator); None: none set."""
    if not may_set_folder(ctx):
        require(ctx, Permission.EDIT_MEETINGS, "set the filing folder")
    if folder is not None and not folder.is_absolute():
        raise ValidationError(_("The filing folder must be a full path."))
    with ctx.db.begin() as s:
        app_settings.put(s, FOLDER_KEY, str(folder) if folder else "")
        audit.record(s, ctx, "filing.folder")


@operation("filing.set_esdh_case_number")
def set_esdh_case_number(ctx: ServiceContext, case_id: uuid.UUID, number: str) -> str:
    """The child's case number in the case system, where the child's extracts are filed."""
    require(ctx, Permission.EDIT_CASES, "record the case number in the case system")
    number = " ".join(number.split())
    if len(number) > MAX_ESDH_NUMBER:
        raise ValidationError(_("A case number in the case system is at most 40 characters."))
    with ctx.db.begin() as s:
        case = s.get(Case, case_id)
        if case is None or case.anonymous:
            raise NotFound(_("The case does not exist."))
        if case.esdh_case_number != number:
            case.esdh_case_number = number
            audit.record(
                s, ctx, "filing.esdh_case", object_type="case", object_id=case.id, case_id=case.id
            )
        return number


# -- file names --------------------------------------------------------------------------------


def ascii_words(text: str) -> str:
    """'Hother/Hårlev' -> 'Hother-Haarlev': letters and digits in ASCII (æ, ø, å written out
    the Danish way), every other run of characters one hyphen."""
    plain = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    plain = plain.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-")


def file_stem(
    day: str,
    type_name: str,
    district: str | None,
    kind: str,
    version: int,
    reference: str = "",
    clock: str = "",
) -> str:
    """The file name without its extension: ASCII, no name, no CPR. ``clock`` (HHMM) tells
    apart two meetings of the same type and forum on one day."""
    parts = [day]
    if clock:
        parts.append(clock)
    parts.append(ascii_words(type_name))
    if kind != EXTRACT and district:
        parts.append(ascii_words(district))
    parts.append(FILE_WORDS[kind])
    if kind == EXTRACT:
        parts.append(ascii_words(reference))
        if version > 1:
            parts.append(f"v{version}")
    elif kind == MINUTES:
        parts.append(f"v{version}")
    return "_".join(p for p in parts if p)


# -- what there is to file ---------------------------------------------------------------------


def _visible_meeting(s: Session, ctx: ServiceContext, meeting_id: uuid.UUID) -> Meeting:
    meeting = s.scalar(select(Meeting).where(Meeting.id == meeting_id, meeting_visible(ctx)))
    if meeting is None:
        raise NotFound(_("The meeting does not exist or is not visible to you."))
    return meeting


def sees_whole_minutes(s: Session, ctx: ServiceContext, meeting: Meeting) -> bool:
    """The actor sees every item of the meeting and every child by name: the minutes as
    filed. Not the police, a participant or the administrator, who see only some."""
    if ctx.actor.role in (*SCOPED_ROLES, Role.ADMIN):
        return False
    return minutes.sight(s, ctx, meeting).every


def _documents(s: Session, ctx: ServiceContext, meeting: Meeting) -> list[FileableDocument]:
    if meeting.approved_at is None:
        return []
    found = filing_state.statuses(
        s, ctx, [meeting.id], with_minutes=sees_whole_minutes(s, ctx, meeting)
    )
    out: list[FileableDocument] = []
    if meeting.id in found.minutes:
        out.append(
            FileableDocument(meeting.id, MINUTES, None, "", "", "", found.minutes[meeting.id])
        )
    if allowed(ctx, Permission.VIEW_CASES) and found.extracts:
        cases = {
            c.id: c
            for c in s.scalars(select(Case).where(Case.id.in_([c for _m, c in found.extracts])))
        }
        for (_m, case_id), status in sorted(
            found.extracts.items(), key=lambda pair: cases[pair[0][1]].reference
        ):
            case = cases[case_id]
            out.append(
                FileableDocument(
                    meeting.id,
                    EXTRACT,
                    case.id,
                    case.reference,
                    initials(case),
                    case.esdh_case_number,
                    status,
                )
            )
    return out


def fileable(ctx: ServiceContext, meeting_id: uuid.UUID) -> list[FileableDocument]:
    """The documents of an approved meeting the actor may file, each with where it stands:
    the minutes (for those who see all of them), then the children's extracts by case number.
    Empty while the minutes are not approved."""
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    with ctx.db.begin() as s:
        return _documents(s, ctx, _visible_meeting(s, ctx, meeting_id))


# -- the export --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Source:
    """What a document is made from: its meeting's newest minutes version that it shows."""

    minutes_version: int
    content_checksum: str


def _source(s: Session, meeting: Meeting, doc: FileableDocument) -> _Source:
    query = select(MinutesVersion).where(MinutesVersion.meeting_id == meeting.id)
    if doc.kind == EXTRACT:
        items = select(AgendaItem.id).where(
            AgendaItem.meeting_id == meeting.id, AgendaItem.case_id == doc.case_id
        )
        query = query.where(
            or_(
                MinutesVersion.kind == minutes.APPROVAL,
                and_(
                    MinutesVersion.kind == minutes.ADDENDUM,
                    MinutesVersion.agenda_item_id.is_(None),
                ),
                MinutesVersion.agenda_item_id.in_(items),
            )
        )
    newest = s.scalar(query.order_by(MinutesVersion.number.desc()).limit(1))
    if newest is None:
        return _Source(1, meeting.approved_checksum or "")
    return _Source(newest.number, newest.checksum)


def _needs_clock(s: Session, meeting: Meeting, doc: FileableDocument) -> bool:
    """Another meeting of the same type (and forum, for minutes; with the same child, for an
    extract) on the same day: its files would have the same names."""
    day = meeting.starts_at.replace(hour=0, minute=0, second=0, microsecond=0)
    query = select(func.count(Meeting.id)).where(
        Meeting.id != meeting.id,
        Meeting.meeting_type_id == meeting.meeting_type_id,
        Meeting.starts_at >= day,
        Meeting.starts_at < day + timedelta(days=1),
    )
    if doc.kind == MINUTES:
        query = query.where(
            Meeting.district_id.is_(None)
            if meeting.district_id is None
            else Meeting.district_id == meeting.district_id
        )
    else:
        query = query.where(
            Meeting.id.in_(select(AgendaItem.meeting_id).where(AgendaItem.case_id == doc.case_id))
        )
    return bool(s.scalar(query))


def _base(name: str) -> str:
    """A file name without its version and extension: the same document in every version."""
    return re.sub(r"(_v\d+)?\.pdf$", "", name)


def _stem(s: Session, meeting: Meeting, doc: FileableDocument) -> tuple[str, str | None]:
    """The document's file name (without extension), and the file name of the version it
    supersedes, if one was filed. The meeting's clock goes into the name when another meeting
    of the same type and forum that day has (or could get) the same name; a document keeps
    the form of name its earlier versions were filed under."""
    day = meeting.starts_at.date().isoformat()
    district = meeting.district.name if meeting.district else None
    names = {
        clock: file_stem(
            day,
            meeting.meeting_type.name,
            district,
            doc.kind,
            doc.status.version,
            doc.case_reference,
            clock,
        )
        for clock in ("", meeting.starts_at.strftime("%H%M"))
    }
    same_day = s.execute(
        select(FilingRecord.meeting_id, FilingRecord.kind, FilingRecord.case_id,
               FilingRecord.version, FilingRecord.file_name)
        .where(FilingRecord.file_name.like(f"{day}_%"))
        .order_by(FilingRecord.version.desc(), FilingRecord.filed_at.desc())
    ).all()  # fmt: skip
    taken = {_base(name) for m, _k, _c, _v, name in same_day if m != meeting.id}
    earlier = [
        name
        for m, kind, case_id, version, name in same_day
        if m == meeting.id and kind == doc.kind and case_id == doc.case_id
        and version < doc.status.version
    ]  # fmt: skip
    if _base(f"{names['']}.pdf") in taken:
        clocked = True
    elif earlier:
        clocked = _base(earlier[0]) == _base(f"{names[meeting.starts_at.strftime('%H%M')]}.pdf")
    else:
        clocked = _needs_clock(s, meeting, doc)
    stem = names[meeting.starts_at.strftime("%H%M")] if clocked else names[""]
    return stem, earlier[0] if earlier else None


def _check_folder(folder: Path) -> Path:
    if not folder.is_absolute():
        raise ValidationError(_("The filing folder must be a full path."))
    if not folder.is_dir():
        # Never created: a share that is not connected would become an empty local folder.
        raise ValidationError(
            _(
                "The filing folder {folder} cannot be reached. Check that the network drive "
                "is connected, or choose another folder.",
                folder=folder,
            )
        )
    return folder


def write_file(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` as ``folder/name``, whole or not at all: under a temporary name beside
    it (hidden, ``.tmp``: no import robot takes it for a document), then renamed into place
    (os.replace: on Windows too, over an existing file of the same name)."""
    target = folder / name
    tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def _manifest(
    *,
    file: str,
    doc: FileableDocument,
    title: str,
    day: str,
    document_type: str,
    cls: FilingClassInfo,
    checksum: str,
    source: _Source,
    meeting_id: uuid.UUID,
    created: datetime,
    filed_by: str,
    pages: int,
    supersedes: str | None,
) -> dict[str, Any]:
    return {
        "format": MANIFEST_FORMAT,
        "format_version": MANIFEST_VERSION,
        "file": file,
        "media_type": "application/pdf",
        "conformance": archival.CONFORMANCE,
        "title": title,
        "date": day,
        "document_type": document_type,
        "kle_number": cls.kle_number,
        "handling_facet": cls.facet,
        "esdh_case_number": doc.esdh_case_number or None,
        "case_reference": doc.case_reference or None,
        "access_code": cls.access_code,
        "version": doc.status.version,
        "supersedes": supersedes,
        "checksum": {"algorithm": "SHA-256", "value": checksum},
        "approved_content_sha256": source.content_checksum or None,
        "minutes_version": source.minutes_version,
        "meeting_id": str(meeting_id),
        "created": created.astimezone(LOCAL_TZ).isoformat(timespec="seconds"),
        "filed_by": filed_by,
        "pages": pages,
        "language": "da",
        "producer": f"stevnsmoeder {__version__}",
    }


def _archival_info(
    doc: MeetingDocument, fd: FileableDocument, cls: FilingClassInfo, source: _Source, now: datetime
) -> archival.ArchivalInfo:
    forum = f"{doc.type_name} {doc.district}" if doc.district else doc.type_name
    day = doc.starts_at.date().strftime("%d.%m.%Y")
    if fd.kind == EXTRACT:
        subject = danish(
            "Extract of the approved minutes of {forum} on {day} for case {case}, version {n}",
            forum=forum,
            day=day,
            case=fd.case_reference,
            n=fd.status.version,
        )
    else:
        subject = danish(
            "The approved minutes of {forum} on {day}, version {n}",
            forum=forum,
            day=day,
            n=fd.status.version,
        )
    return archival.ArchivalInfo(
        title=meeting_pdf.archival_title(doc),
        subject=subject,
        document_type=meeting_pdf.document_type(doc),
        created=now.astimezone(LOCAL_TZ),
        version=fd.status.version,
        content_checksum=source.content_checksum or None,
        keywords=cls.keywords if cls.kle_number else "",
    )


def _file_one(
    ctx: ServiceContext, meeting_id: uuid.UUID, fd: FileableDocument, folder: Path
) -> FiledDocument:
    with ctx.db.begin() as s:
        meeting = _visible_meeting(s, ctx, meeting_id)
        source = _source(s, meeting, fd)
        cls = _filing_class(s, fd.kind)
        stem, previous = _stem(s, meeting, fd)
        filed_by = minutes.user_name(s, ctx.actor.user_id)
    doc = documents.meeting_document(ctx, meeting_id, fd.kind, case_id=fd.case_id)
    plain, pages = meeting_pdf.render_meeting_document(doc)
    now = ctx.now()
    data = archival.to_pdfa(plain, _archival_info(doc, fd, cls, source, now))
    checksum = hashlib.sha256(data).hexdigest()
    day = doc.starts_at.date().isoformat()
    manifest = _manifest(
        file=f"{stem}.pdf",
        doc=fd,
        title=meeting_pdf.archival_title(doc),
        day=day,
        document_type=meeting_pdf.document_type(doc),
        cls=cls,
        checksum=checksum,
        source=source,
        meeting_id=meeting_id,
        created=now,
        filed_by=filed_by,
        pages=pages,
        supersedes=previous,
    )
    pdf_path = write_file(folder, f"{stem}.pdf", data)
    manifest_path = write_file(
        folder,
        f"{stem}.json",
        (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
    )
    record_filing(
        ctx,
        FilingEntry(
            meeting_id=meeting_id,
            kind=fd.kind,
            case_id=fd.case_id,
            version=fd.status.version,
            minutes_version=source.minutes_version,
            file_name=pdf_path.name,
            folder=str(folder),
            checksum=checksum,
            content_checksum=source.content_checksum,
        ),
    )
    return FiledDocument(
        fd.kind,
        fd.case_id,
        fd.case_reference,
        fd.status.version,
        str(pdf_path),
        str(manifest_path),
        checksum,
        pages,
    )


@dataclass(frozen=True)
class FilingEntry:
    """A document written to the filing folder, as its record keeps it: what travels from a
    laptop's replica to the server (the files stay where they were written)."""

    meeting_id: uuid.UUID
    kind: str  # MINUTES or EXTRACT
    case_id: uuid.UUID | None  # the child's, for an extract
    version: int  # the document's version filed
    minutes_version: int  # the minutes version it was made from
    file_name: str
    folder: str
    checksum: str  # SHA-256 of the file written
    content_checksum: str  # of the approved content it shows ("" before checksums)


_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def _check_entry(entry: object) -> FilingEntry:
    """A filing record as the services write it; anything else (a push made by hand) is
    refused before it reaches the database."""

    def count(value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 100_000

    ok = (
        isinstance(entry, FilingEntry)
        and isinstance(entry.meeting_id, uuid.UUID)
        and entry.kind in (MINUTES, EXTRACT)
        and (
            entry.case_id is None if entry.kind == MINUTES else isinstance(entry.case_id, uuid.UUID)
        )
        and count(entry.version)
        and count(entry.minutes_version)
        and isinstance(entry.file_name, str)
        and 0 < len(entry.file_name) <= 255
        and entry.file_name == Path(entry.file_name).name
        and entry.file_name.endswith(".pdf")
        and isinstance(entry.folder, str)
        and 0 < len(entry.folder) <= 1000
        and isinstance(entry.checksum, str)
        and bool(_SHA256.match(entry.checksum))
        and isinstance(entry.content_checksum, str)
        and (entry.content_checksum == "" or bool(_SHA256.match(entry.content_checksum)))
    )
    if not ok:
        raise ValidationError(_("The record of the filing is not valid."))
    assert isinstance(entry, FilingEntry)
    return entry


@operation("filing.record_filing")
def record_filing(ctx: ServiceContext, entry: FilingEntry) -> None:
    """Record that the actor filed a document just now (its files are written: see
    ``file_meeting``). On a laptop's replica this is what travels to the server, which
    records it as the user after the same checks: the meeting's minutes are approved, the
    user may file the document (the minutes: who sees every item; a child's extract: who may
    see the child's item by name), and its version is one the record has (an addendum
    refused meanwhile makes a version the server never had). A version the record has moved
    past since (an addendum on the server meanwhile) is recorded as filed: the document is
    then out of date, and listed as unfiled again. The same file recorded twice is one
    filing."""
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    entry = _check_entry(entry)
    with ctx.db.begin() as s:
        meeting = _visible_meeting(s, ctx, entry.meeting_id)
        if meeting.approved_at is None:
            raise ValidationError(
                _("The minutes are not approved yet; they are filed once approved.")
            )
        found = {d.key: d for d in _documents(s, ctx, meeting)}
        doc = found.get((entry.kind, entry.case_id))
        if doc is None:
            if entry.kind == MINUTES:
                _refuse_minutes(ctx)
            require(ctx, Permission.VIEW_CASES, "file a child's extract")
            log_denial(ctx, "file a child's extract (the child's item is not visible by name)")
            raise PermissionDenied(
                _("Only someone who may see the child's item by name may file the child's extract.")
            )
        if entry.version > doc.status.version:
            raise ConflictError(
                _(
                    "Version {filed} was filed, but the record holds version {current}: an "
                    "addendum it was made with did not reach the record.",
                    filed=entry.version,
                    current=doc.status.version,
                )
            )
        same = select(FilingRecord.id).where(
            FilingRecord.meeting_id == entry.meeting_id,
            FilingRecord.kind == entry.kind,
            FilingRecord.case_id.is_(None)
            if entry.case_id is None
            else FilingRecord.case_id == entry.case_id,
            FilingRecord.version == entry.version,
            FilingRecord.checksum == entry.checksum,
            FilingRecord.filed_by_id == ctx.actor.user_id,
        )
        if s.scalar(same.limit(1)) is not None:
            return  # recorded already (done again on top of a pull)
        s.add(
            FilingRecord(
                meeting_id=entry.meeting_id,
                case_id=entry.case_id,
                kind=entry.kind,
                version=entry.version,
                minutes_version=entry.minutes_version,
                file_name=entry.file_name,
                folder=entry.folder,
                checksum=entry.checksum,
                content_checksum=entry.content_checksum,
                filed_at=ctx.now(),
                filed_by_id=ctx.actor.user_id,
            )
        )
        audit.record(
            s,
            ctx,
            "filing.minutes" if entry.kind == MINUTES else "filing.extract",
            object_type="meeting",
            object_id=entry.meeting_id,
            case_id=entry.case_id,
            detail=f"v{entry.version} {entry.file_name}",
        )


def file_meeting(
    ctx: ServiceContext,
    meeting_id: uuid.UUID,
    folder: Path | None = None,
    *,
    case_id: uuid.UUID | None = None,
    only: Collection[tuple[str, uuid.UUID | None]] | None = None,
    again: bool = False,
) -> FilingReport:
    """File the documents of an approved meeting in the filing folder (``folder``, or the
    setting): the minutes and every child's extract the actor may file, or with ``case_id``
    that child's extract, or with ``only`` those documents (kind, case). A document already
    filed in its current version is left as it is, unless ``again``; with ``only``, what is
    named is filed."""
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    refuse_if_read_only(ctx)  # before a file is written: its record could not be kept
    target = folder if folder is not None else filing_folder(ctx)
    if target is None:
        raise ValidationError(_("No filing folder is set: choose one."))
    target = _check_folder(target)
    with ctx.db.begin() as s:
        meeting = _visible_meeting(s, ctx, meeting_id)
        if meeting.approved_at is None:
            raise ValidationError(
                _("The minutes are not approved yet; they are filed once approved.")
            )
        docs = _documents(s, ctx, meeting)
        whole = sees_whole_minutes(s, ctx, meeting)
    if case_id is not None:
        chosen = [d for d in docs if d.kind == EXTRACT and d.case_id == case_id]
        if not chosen:
            raise NotFound(
                _(
                    "This meeting has no extract to file for the child: the child is not on "
                    "its agenda by name, or is not yours to see."
                )
            )
    elif only is not None:
        wanted = set(only)
        chosen = [d for d in docs if d.key in wanted]
        if (MINUTES, None) in wanted and not whole:
            _refuse_minutes(ctx)
        again = True
    else:
        chosen = docs
    if not chosen:
        if not whole:
            _refuse_minutes(ctx)
        raise ValidationError(_("There is nothing to file from this meeting."))
    to_file = [d for d in chosen if again or d.status.pending]
    filed = tuple(_file_one(ctx, meeting_id, d, target) for d in to_file)
    already = tuple(d for d in chosen if d not in to_file)
    return FilingReport(str(target), filed, already)


def _refuse_minutes(ctx: ServiceContext) -> None:
    log_denial(ctx, "file the minutes (not every item is visible)")
    raise PermissionDenied(
        _("Only someone who may see every item of the meeting may file its minutes.")
    )


# -- the secretary's list ----------------------------------------------------------------------


def unfiled(ctx: ServiceContext, *, limit: int | None = None) -> list[UnfiledDocument]:
    """Approved minutes and children's extracts not yet filed (or filed before an addendum made
    a new version), oldest meeting first, with the days since the meeting: the secretary's list
    (those who may approve minutes). Showing the children's extracts is logged, with the count.
    """
    if not allowed(ctx, Permission.EDIT_MEETINGS):
        return []
    with ctx.db.begin() as s:
        since = filing_state.tracked_from(s)
        scope = select(Meeting.id).where(
            Meeting.approved_at.is_not(None), filing_state.tracked(since), meeting_visible(ctx)
        )
        found = filing_state.statuses(s, ctx, scope)
        pending = {(m, MINUTES, None): st for m, st in found.minutes.items() if st.pending} | {
            (m, EXTRACT, c): st for (m, c), st in found.extracts.items() if st.pending
        }
        if not pending:
            return []
        ids = list({m for m, _k, _c in pending})
        summaries = {m.id: m for m in summaries_in(s, ctx, Meeting.id.in_(ids))}
        case_ids = list({c for _m, _k, c in pending if c is not None})
        cases = {c.id: c for c in s.scalars(select(Case).where(Case.id.in_(case_ids)))}
        today = ctx.today()
        rows = []
        for (meeting_id, kind, case_id), status in pending.items():
            m = summaries.get(meeting_id)
            if m is None:
                continue
            case = cases.get(case_id) if case_id else None
            rows.append(
                UnfiledDocument(
                    meeting_id,
                    m.title,
                    m.type_name,
                    m.district,
                    m.starts_at,
                    kind,
                    case_id,
                    case.reference if case else "",
                    initials(case) if case else "",
                    status,
                    (today - m.starts_at.date()).days,
                )
            )
        rows.sort(key=lambda u: (u.starts_at, u.kind != MINUTES, u.case_reference))
        if limit is not None:
            rows = rows[:limit]
        children = sum(1 for u in rows if u.case_id)
        if children:
            audit.record(s, ctx, "filing.unfiled", detail=f"{children} extracts")
        return rows


def unfiled_count(ctx: ServiceContext) -> int:
    """How many documents wait to be filed (0 for roles that may not approve minutes)."""
    if not allowed(ctx, Permission.EDIT_MEETINGS):
        return 0
    with ctx.db.begin() as s:
        since = filing_state.tracked_from(s)
        scope = select(Meeting.id).where(
            Meeting.approved_at.is_not(None), filing_state.tracked(since), meeting_visible(ctx)
        )
        found = filing_state.statuses(s, ctx, scope)
        return sum(st.pending for st in found.minutes.values()) + sum(
            st.pending for st in found.extracts.values()
        )


# -- archival documents for saving -------------------------------------------------------------


@dataclass(frozen=True)
class ArchivalDocument:
    data: bytes  # PDF/A-2b
    pages: int
    file_name: str  # ASCII, as filed


def archival_meeting_document(
    ctx: ServiceContext,
    meeting_id: uuid.UUID,
    kind: str,
    *,
    case_id: uuid.UUID | None = None,
    anonymised: bool = False,
) -> ArchivalDocument:
    """A meeting's document as PDF/A-2b with the metadata it is filed with (the same path as
    filing, for saving it oneself); the version and checksum where the minutes are
    approved."""
    doc = documents.meeting_document(ctx, meeting_id, kind, case_id=case_id, anonymised=anonymised)
    with ctx.db.begin() as s:
        meeting = _visible_meeting(s, ctx, meeting_id)
        status: FilingStatus | None = None
        if meeting.approved_at is not None and not anonymised:
            found = filing_state.statuses(s, ctx, [meeting.id], case_id=case_id)
            if kind == MINUTES:
                status = found.minutes.get(meeting.id)
            elif kind == EXTRACT and case_id is not None:
                status = found.extracts.get((meeting.id, case_id))
        case = s.get(Case, case_id) if case_id is not None else None
        reference = case.reference if case is not None and not anonymised else ""
        fd = FileableDocument(
            meeting.id, kind, case_id, reference, "", "", status or FilingStatus(1, None)
        )
        source = _source(s, meeting, fd) if status is not None else _Source(0, "")
        cls = _filing_class(s, kind)
    plain, pages = meeting_pdf.render_meeting_document(doc)
    info = _archival_info(doc, fd, cls, source, ctx.now())
    if status is None:  # a draft, an agenda or an anonymised copy: no version of the record
        info = replace(info, version=None, content_checksum=None)
    data = archival.to_pdfa(plain, info)
    stem = file_stem(
        doc.starts_at.date().isoformat(),
        doc.type_name,
        doc.district,
        kind,
        fd.status.version,
        reference,
    )
    return ArchivalDocument(data, pages, f"{stem}.pdf")


def archival_case_history(
    ctx: ServiceContext, case_id: uuid.UUID, *, anonymised: bool = False
) -> ArchivalDocument:
    """The case history as PDF/A-2b (title: the case number and the day, never the name)."""
    doc: CaseDocument = documents.case_document(ctx, case_id, anonymised=anonymised)
    with ctx.db.begin() as s:
        cls = _filing_class(s, CASE_HISTORY)
    plain, pages = case_pdf.render_case_document(doc)
    info = archival.ArchivalInfo(
        title=case_pdf.archival_title(doc),
        subject=danish("The path of case {case} across meetings", case=doc.reference or "-"),
        document_type=danish("Case history"),
        created=ctx.now().astimezone(LOCAL_TZ),
        keywords=cls.keywords if cls.kle_number else "",
    )
    data = archival.to_pdfa(plain, info)
    day = doc.generated_at.astimezone(LOCAL_TZ).date().isoformat()
    parts: Sequence[str] = (day, ascii_words(doc.reference), FILE_WORDS[CASE_HISTORY])
    return ArchivalDocument(data, pages, "_".join(p for p in parts if p) + ".pdf")
