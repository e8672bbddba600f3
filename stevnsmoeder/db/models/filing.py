"""Filing in the municipality's case system (ESDH): how each kind of document is classified
(editable reference data, as the KLE plan changes), and a record of every document filed."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from stevnsmoeder.db.base import Entity, UTCDateTime


class FilingClass(Entity):
    """The KLE number, handling facet and access code a kind of document is filed under.

    ``tracked_from``: on a database that had approved minutes before the program kept track of
    filing, the newest approval then (those were filed by hand; only later ones can be
    unfiled). The same on every row, None where every approval is tracked. It is kept here,
    not as a setting, so that every replica holds it with the reference data."""

    __tablename__ = "filing_class"

    kind: Mapped[str] = mapped_column(String(20), unique=True)  # "minutes", "extract" …
    kle_number: Mapped[str] = mapped_column(String(20))  # e.g. "27.24.00"
    facet: Mapped[str] = mapped_column(String(10))  # handlingsfacet, e.g. "G01"
    access_code: Mapped[str] = mapped_column(String(80), default="")
    tracked_from: Mapped[datetime | None] = mapped_column(UTCDateTime())


class FilingRecord(Entity):
    """One document written to the filing folder: when, by whom, where, which version.

    ``version`` is the document's own version (1 as approved, one more for every addendum the
    document shows); ``minutes_version`` the number of the meeting's minutes version it was
    made from. A child's extract has the child's case; the minutes have none."""

    __tablename__ = "filing_record"

    meeting_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    case_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("child_case.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)
    minutes_version: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(255))
    folder: Mapped[str] = mapped_column(String(1000))
    checksum: Mapped[str] = mapped_column(String(64))  # SHA-256 of the file written
    content_checksum: Mapped[str] = mapped_column(String(64), default="")
    filed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    filed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
