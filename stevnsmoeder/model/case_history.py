"""One child's path across meetings, as the case page, the case history document and
``stevnsmoeder case`` show it (services.case_history builds it)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from stevnsmoeder.i18n import _
from stevnsmoeder.model.cases import CaseSummary, ConsentInfo
from stevnsmoeder.model.enums import AgendaItemStatus, LegalBasisKind, MeetingStatus
from stevnsmoeder.model.filing import FilingStatus
from stevnsmoeder.model.minutes import ItemMinutesView, texts

BASIS_LABELS = {
    LegalBasisKind.CONSENT: "Consent",
    LegalBasisKind.ANONYMOUS: "Discussed anonymously",
    LegalBasisKind.RPL115: "Retsplejeloven § 115",
    LegalBasisKind.UNDERRETNING: "Report of concern (Barnets lov § 133)",
    LegalBasisKind.OTHER: "Other",
}


@dataclass(frozen=True)
class TimelineEntry:
    """One agenda item about the child, with what the meeting wrote about it."""

    item_id: uuid.UUID
    meeting_id: uuid.UUID
    meeting_title: str
    type_code: str
    type_name: str
    district: str | None
    starts_at: datetime  # the meeting's start, local time
    meeting_status: MeetingStatus
    title: str
    status: AgendaItemStatus
    basis_kind: LegalBasisKind | None
    present: tuple[str, ...]  # who was there while the child was discussed
    record: ItemMinutesView
    minutes_approved: bool = False  # the meeting's minutes are approved (and locked)
    # The child's extract of the approved minutes in the case system (None: none to file).
    filing: FilingStatus | None = None

    @property
    def day(self) -> date:
        return self.starts_at.date()

    @property
    def basis(self) -> str:
        return _(BASIS_LABELS[self.basis_kind]) if self.basis_kind else ""

    @property
    def held(self) -> bool:
        return self.meeting_status in (MeetingStatus.HELD, MeetingStatus.IN_PROGRESS)

    def to_json(self) -> dict[str, Any]:
        r = self.record
        return {
            "item_id": str(self.item_id),
            "meeting_id": str(self.meeting_id),
            "date": self.day.isoformat(),
            "time": self.starts_at.strftime("%H:%M"),
            "meeting": self.meeting_title,
            "meeting_type": self.type_code,
            "district": self.district,
            "meeting_status": self.meeting_status.value,
            "minutes_approved": self.minutes_approved,
            "filing": self.filing.state.value if self.filing else None,
            "title": self.title,
            "status": self.status.value,
            "legal_basis": self.basis_kind.value if self.basis_kind else None,
            "present": list(self.present),
            **texts(r),
            "legal_reference": r.legal_reference,
            "level": r.level,
            "follow_up_on": r.follow_up_on.isoformat() if r.follow_up_on else None,
            "actions": [
                {
                    "id": str(a.id),
                    "who": a.owner,
                    "what": a.text,
                    "due_on": a.due_on.isoformat() if a.due_on else None,
                    "status": a.status.value,
                }
                for a in r.actions
            ],
            "addenda": [
                {"at": a.at.isoformat(timespec="seconds"), "by": a.by, "text": a.text}
                for a in r.addenda
            ],
        }


@dataclass(frozen=True)
class LevelPoint:
    """A Trivselslinealen assessment; ``change`` is +1 when the child moved up the ruler
    (more worry) since the previous one, -1 when down, 0 otherwise or first."""

    day: date
    level: int
    label: str
    step: str  # LadderStep value
    step_label: str
    meeting_type: str
    change: int


@dataclass(frozen=True)
class ScaleStep:
    """One step of the ruler as this municipality labels it."""

    level: int
    label: str
    step: str
    step_label: str


@dataclass(frozen=True)
class OpenAction:
    id: uuid.UUID
    item_id: uuid.UUID
    meeting_id: uuid.UUID
    agreed_on: date
    meeting_type: str
    who: str
    what: str
    due_on: date | None
    overdue: bool


@dataclass(frozen=True)
class FollowUp:
    day: date
    meeting_id: uuid.UUID
    meeting_type: str
    title: str  # the item it was set on


@dataclass(frozen=True)
class Holder:
    name: str
    relation: str
    has_custody: bool


@dataclass(frozen=True)
class ConsentStatus:
    info: ConsentInfo
    state: str  # "valid", "expiring", "expired", "withdrawn", "future"

    @property
    def warning(self) -> bool:
        return self.state in ("expiring", "expired")


@dataclass(frozen=True)
class CaseHistory:
    case: CaseSummary
    grade: str
    age: int | None  # whole years today
    closed_on: date | None
    holders: tuple[Holder, ...]
    consents: tuple[ConsentStatus, ...]
    entries: tuple[TimelineEntry, ...]  # oldest first
    levels: tuple[LevelPoint, ...]  # oldest first
    scale: tuple[ScaleStep, ...]  # the ruler, level 1 first
    open_actions: tuple[OpenAction, ...]  # overdue first, then by due date, undated last
    follow_ups: tuple[FollowUp, ...]  # today and later, soonest first
    generated_at: datetime

    @property
    def meeting_types(self) -> tuple[tuple[str, str], ...]:
        """(code, name) of the meeting types in the timeline, in order of first appearance."""
        seen: dict[str, str] = {}
        for e in self.entries:
            seen.setdefault(e.type_code, e.type_name)
        return tuple(seen.items())

    @property
    def warnings(self) -> tuple[str, ...]:
        out = []
        if not self.case.anonymous and not any(
            c.state in ("valid", "expiring") for c in self.consents
        ):
            out.append(_("No valid consent: discuss on another legal basis or anonymously."))
        for c in self.consents:
            if c.state == "expiring" and c.info.expires_on:
                out.append(
                    _(
                        "The consent from {holder} expires on {day}.",
                        holder=c.info.holder,
                        day=c.info.expires_on.strftime("%d.%m.%Y"),
                    )
                )
        return tuple(out)

    def to_json(self) -> dict[str, Any]:
        return {
            "case": self.case.to_json(),
            "age": self.age,
            "closed_on": self.closed_on.isoformat() if self.closed_on else None,
            "levels": [
                {"date": p.day.isoformat(), "level": p.level, "step": p.step} for p in self.levels
            ],
            "timeline": [e.to_json() for e in self.entries],
            "open_actions": [
                {
                    "id": str(a.id),
                    "who": a.who,
                    "what": a.what,
                    "due_on": a.due_on.isoformat() if a.due_on else None,
                    "overdue": a.overdue,
                    "agreed_on": a.agreed_on.isoformat(),
                }
                for a in self.open_actions
            ],
            "follow_ups": [f.day.isoformat() for f in self.follow_ups],
        }
