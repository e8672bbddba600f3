"""The content of printed documents, as plain data for the report writers: a meeting's
agenda, minutes, run sheet or one child's extract, and a case history (services.documents
decides what they may show)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from stevnsmoeder.model.case_history import CaseHistory
from stevnsmoeder.model.enums import AgendaItemStatus, Attendance, MeetingStatus
from stevnsmoeder.model.minutes import AddendumNote, ItemMinutesView

AGENDA, MINUTES, EXTRACT, RUNSHEET = "agenda", "minutes", "extract", "runsheet"


@dataclass(frozen=True)
class DocPerson:
    name: str
    role: str
    organisation: str
    attendance: Attendance


@dataclass(frozen=True)
class DocAction:
    who: str
    what: str
    when: date | None
    done: bool


@dataclass(frozen=True)
class DocItem:
    number: int
    title: str
    planned_at: datetime
    time_box_minutes: int
    child: str  # as the legal basis (and the variant) allows; "" for other items
    child_detail: str  # case number, birth date, masked CPR: only on extracts
    basis: str
    status: AgendaItemStatus
    record: ItemMinutesView  # what was written about the item (empty on an agenda)
    present: tuple[str, ...] = ()  # for extracts: who was there while this child was discussed
    internal_note: str = ""  # run sheet: the item's description (planning notes)
    open_agreements: tuple[DocAction, ...] = ()  # run sheet: the child's open actions


@dataclass(frozen=True)
class Approval:
    at: datetime
    by: str
    checksum: str
    # About the meeting in general, and only for those who see every item (an addendum about
    # an item is in that item's record); redacted like the items' text.
    addenda: tuple[AddendumNote, ...]


@dataclass(frozen=True)
class MeetingDocument:
    kind: str
    anonymised: bool
    title: str
    type_name: str
    district: str | None
    starts_at: datetime
    ends_at: datetime
    place: str
    status: MeetingStatus
    people: tuple[DocPerson, ...]
    items: tuple[DocItem, ...]
    next_meeting: datetime | None
    approval: Approval | None
    generated_at: datetime

    @property
    def draft(self) -> bool:
        return self.kind in (MINUTES, EXTRACT) and self.approval is None


@dataclass(frozen=True)
class CaseDocument:
    """One child's path across meetings, as printed: ``history`` is already redacted for an
    anonymised document, and ``child``/``detail``/``holders`` say what the header may show."""

    anonymised: bool
    child: str
    reference: str
    detail: str  # born, masked CPR, institution, district (no birth date or CPR if anonymised)
    holders: tuple[str, ...]
    history: CaseHistory
    generated_at: datetime
