"""Filing in the case system (ESDH), as shown: which documents of a meeting can be filed, what
became of them, and what is still unfiled (services.filing and services.filing_state)."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

# The kinds of document that are filed.
MINUTES, EXTRACT, CASE_HISTORY = "minutes", "extract", "case_history"


class FilingState(enum.StrEnum):
    UNFILED = "unfiled"  # approved, and never filed
    FILED = "filed"  # filed in its current version
    OUTDATED = "outdated"  # filed, but an addendum has made a newer version since
    UNTRACKED = "untracked"  # approved before the program kept track (filed by hand then)


@dataclass(frozen=True)
class FiledInfo:
    """The latest filing of a document: when, by whom, where, which version."""

    version: int
    filed_at: datetime  # aware UTC
    filed_by: str  # by name (the login when the user has no person)
    folder: str
    file_name: str

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "filed_at": self.filed_at.isoformat(timespec="seconds"),
            "filed_by": self.filed_by,
            "folder": self.folder,
            "file_name": self.file_name,
        }


@dataclass(frozen=True)
class FilingStatus:
    """Where one document stands: its current version, and its latest filing."""

    version: int
    filed: FiledInfo | None
    tracked: bool = True

    @property
    def state(self) -> FilingState:
        if self.filed is None:
            return FilingState.UNFILED if self.tracked else FilingState.UNTRACKED
        return FilingState.FILED if self.filed.version >= self.version else FilingState.OUTDATED

    @property
    def pending(self) -> bool:
        """Still to be filed (never, or not in its current version)."""
        return self.state in (FilingState.UNFILED, FilingState.OUTDATED)


@dataclass(frozen=True)
class FileableDocument:
    """A document of an approved meeting that can be filed: the minutes, or one child's
    extract (``case_id``; shown by case number and initials, never by name)."""

    meeting_id: uuid.UUID
    kind: str  # MINUTES or EXTRACT
    case_id: uuid.UUID | None
    case_reference: str
    child_initials: str
    esdh_case_number: str
    status: FilingStatus

    @property
    def key(self) -> tuple[str, uuid.UUID | None]:
        return (self.kind, self.case_id)


@dataclass(frozen=True)
class UnfiledDocument:
    """A line of the secretary's list of what is still to be filed."""

    meeting_id: uuid.UUID
    meeting_title: str
    type_name: str
    district: str | None
    starts_at: datetime  # local wall-clock
    kind: str
    case_id: uuid.UUID | None
    case_reference: str
    child_initials: str
    status: FilingStatus
    days: int  # since the meeting (notatpligt: as soon as possible)

    @property
    def day(self) -> date:
        return self.starts_at.date()

    def to_json(self) -> dict[str, Any]:
        return {
            "meeting_id": str(self.meeting_id),
            "meeting": self.meeting_title,
            "date": self.day.isoformat(),
            "days_since_meeting": self.days,
            "document": self.kind,
            "case_id": str(self.case_id) if self.case_id else None,
            "case_reference": self.case_reference or None,
            "state": self.status.state.value,
            "version": self.status.version,
            "filed": self.status.filed.to_json() if self.status.filed else None,
        }


@dataclass(frozen=True)
class FiledDocument:
    """One document written to the filing folder, with its manifest."""

    kind: str
    case_id: uuid.UUID | None
    case_reference: str
    version: int
    path: str  # the PDF/A file
    manifest: str  # its JSON manifest beside it
    checksum: str  # SHA-256 of the file
    pages: int

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.kind,
            "case_id": str(self.case_id) if self.case_id else None,
            "case_reference": self.case_reference or None,
            "version": self.version,
            "file": self.path,
            "manifest": self.manifest,
            "sha256": self.checksum,
            "pages": self.pages,
        }


@dataclass(frozen=True)
class FilingReport:
    folder: str
    filed: tuple[FiledDocument, ...]
    already: tuple[FileableDocument, ...]  # filed in their current version; left as they are

    def to_json(self) -> dict[str, Any]:
        return {
            "folder": self.folder,
            "filed": [f.to_json() for f in self.filed],
            "already_filed": [
                {
                    "document": d.kind,
                    "case_reference": d.case_reference or None,
                    "version": d.status.version,
                }
                for d in self.already
            ],
        }
