"""One child's path across meetings: the case page, the case history document and
``stevnsmoeder case``.

Everything the actor may see about the child, in date order, across meeting types (district
meeting → FTM → forvisitation and back): each item with its meeting, who was present, what was
written, decided and agreed, and the Trivselslinealen level; the level over time; the open
agreements (overdue first) and the next follow-ups; custody holders and the state of consent.

Only meetings the actor may see contribute (a police SSP participant sees SSP items only; a
participant only the meetings they take part in). Opening the history is logged against the
child.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session, aliased

from stevnsmoeder.db.models import (
    ActionStatus,
    AgendaItem,
    AgendaItemStatus,
    Case,
    CustodyHolder,
    District,
    ItemAttendance,
    LegalBasis,
    LegalBasisKind,
    Meeting,
    MeetingStatus,
    MeetingType,
    ParticipantRole,
    Participation,
    Person,
    WellbeingAssessment,
    WellbeingLevel,
)
from stevnsmoeder.db.models.meetings import Attendance
from stevnsmoeder.i18n import _
from stevnsmoeder.services import audit, consent, minutes
from stevnsmoeder.services.cases import CaseSummary, get_case_in, hiding_redactor
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.permissions import (
    Permission,
    item_visible,
    linked_to_child,
    meeting_visible,
    require,
    whole_case,
)

CONSENT_WARNING_DAYS = 30

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
    record: minutes.ItemMinutesView
    minutes_approved: bool = False  # the meeting's minutes are approved (and locked)

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
            "title": self.title,
            "status": self.status.value,
            "legal_basis": self.basis_kind.value if self.basis_kind else None,
            "present": list(self.present),
            **minutes.texts(r),
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
    info: consent.ConsentInfo
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


def _age(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _consent_state(info: consent.ConsentInfo, today: date) -> str:
    if info.withdrawn_on is not None and info.withdrawn_on <= today:
        return "withdrawn"
    if info.given_on > today:
        return "future"
    if info.expires_on is not None and info.expires_on < today:
        return "expired"
    if info.expires_on is not None and info.expires_on <= today + timedelta(
        days=CONSENT_WARNING_DAYS
    ):
        return "expiring"
    return "valid"


def case_history(ctx: ServiceContext, case_id: uuid.UUID, *, log: bool = True) -> CaseHistory:
    """Everything the actor may see about one child, in date order; logged as a case view."""
    require(ctx, Permission.VIEW_CASES, "see cases")
    today = ctx.today()
    consents = consent.list_consents(ctx, case_id)  # also checks the case is visible
    with ctx.db.begin() as s:
        summary = get_case_in(s, ctx, case_id)
        case = s.get_one(Case, case_id)
        # (is the child named to the actor: then only the items that name the child count)
        known_named = set() if case.anonymous or summary.anonymous else {case_id}
        holders = tuple(
            Holder(h.name, h.relation, h.has_custody)
            for h in s.scalars(
                select(CustodyHolder)
                .where(CustodyHolder.case_id == case_id)
                .order_by(CustodyHolder.created_at)
            )
        )
        rows = s.execute(
            select(AgendaItem, Meeting, MeetingType, District.name, LegalBasis.kind)
            .join(Meeting, AgendaItem.meeting_id == Meeting.id)
            .join(MeetingType, Meeting.meeting_type_id == MeetingType.id)
            .outerjoin(District, Meeting.district_id == District.id)
            .outerjoin(LegalBasis, LegalBasis.agenda_item_id == AgendaItem.id)
            .where(
                AgendaItem.case_id == case_id,
                Meeting.status != MeetingStatus.CANCELLED,
                meeting_visible(ctx),
                item_visible(ctx),
                linked_to_child(ctx, AgendaItem, Meeting, known_named),
            )
            .order_by(Meeting.starts_at, AgendaItem.position)
        ).all()
        item_ids = [item.id for item, *_rest in rows]
        views = minutes.item_views(s, item_ids)
        present = present_for_child(
            s, case_id, [(item.id, meeting.id) for item, meeting, *_r in rows]
        )
        entries = tuple(
            TimelineEntry(
                item_id=item.id,
                meeting_id=meeting.id,
                meeting_title=meeting.title,
                type_code=mt.code,
                type_name=mt.name,
                district=district,
                starts_at=meeting.starts_at,
                meeting_status=meeting.status,
                title=item.title,
                status=item.status,
                basis_kind=LegalBasisKind.ANONYMOUS if case.anonymous else kind,
                present=present.get(item.id, ()),
                record=views[item.id],
                minutes_approved=meeting.approved_at is not None,
            )
            for item, meeting, mt, district, kind in rows
        )
        levels = _levels(s, ctx, case_id, known_named)
        open_actions = _open_actions(entries, today)
        follow_ups = tuple(
            sorted(
                (
                    FollowUp(e.record.follow_up_on, e.meeting_id, e.type_name, e.title)
                    for e in entries
                    if e.record.follow_up_on is not None and e.record.follow_up_on >= today
                ),
                key=lambda f: f.day,
            )
        )
        history = CaseHistory(
            case=summary,
            grade=case.grade,
            age=_age(case.birth_date, today),
            closed_on=case.closed_on,
            holders=holders,
            consents=tuple(ConsentStatus(c, _consent_state(c, today)) for c in consents),
            entries=entries,
            levels=levels,
            scale=tuple(
                ScaleStep(lv.level, lv.label, lv.step, lv.step_label)
                for lv in s.scalars(select(WellbeingLevel).order_by(WellbeingLevel.level))
            ),
            open_actions=open_actions,
            follow_ups=follow_ups,
            generated_at=ctx.now(),
        )
        if summary.anonymous and not case.anonymous:  # a child the actor may not know
            history = _unknown_child(s, history)
        if log:
            audit.record(
                s,
                ctx,
                "case.history",
                object_type="case",
                object_id=case_id,
                case_id=case_id,
                detail=f"{len(entries)} items",
            )
        return history


def _unknown_child(s: Session, history: CaseHistory) -> CaseHistory:
    """The history of a named child as shown to someone who learnt of the child only through
    anonymous discussion (permissions.identity_known): no family, consent, grade, age or
    closing date; the family present by relation; names and CPR numbers out of the text."""
    # documents imports this module
    from stevnsmoeder.services.documents import redact_history_text

    redact = hiding_redactor(s, [history.case.id])
    return replace(
        redact_history_text(history, redact),
        grade="",
        age=None,
        closed_on=None,
        holders=(),
        consents=(),
    )


def present_for_child(
    s: Session, case_id: uuid.UUID, items: list[tuple[uuid.UUID, uuid.UUID]]
) -> dict[uuid.UUID, tuple[str, ...]]:
    """Who was present for each (item, meeting) about this child: the item's own attendance
    where it was taken, else those present at the meeting — never another child's family
    (a parent who came for their own child's item), whichever way it was recorded."""
    item_ids = [i for i, _m in items]
    own_family = select(CustodyHolder.person_id).where(
        CustodyHolder.case_id == case_id, CustodyHolder.person_id.is_not(None)
    )
    other_family = select(CustodyHolder.person_id).where(
        CustodyHolder.case_id != case_id, CustodyHolder.person_id.is_not(None)
    )
    not_other_family = or_(Person.id.not_in(other_family), Person.id.in_(own_family))
    per_item: dict[uuid.UUID, list[str]] = {}
    for item_id, name in s.execute(
        select(ItemAttendance.agenda_item_id, Person.name)
        .join(Person, ItemAttendance.person_id == Person.id)
        .where(
            ItemAttendance.agenda_item_id.in_(item_ids),
            ItemAttendance.attendance == Attendance.PRESENT,
            not_other_family,
        )
        .order_by(Person.name)
    ):
        per_item.setdefault(item_id, []).append(name)
    per_meeting: dict[uuid.UUID, list[str]] = {}
    meeting_ids = {m for _i, m in items}
    for meeting_id, name in s.execute(
        select(Participation.meeting_id, Person.name)
        .join(Person, Participation.person_id == Person.id)
        .join(ParticipantRole, Participation.role_id == ParticipantRole.id)
        .where(
            Participation.meeting_id.in_(meeting_ids),
            Participation.attendance == Attendance.PRESENT,
            or_(ParticipantRole.is_family.is_(False), Person.id.in_(own_family)),
            not_other_family,
        )
        .order_by(ParticipantRole.sort_order, Person.name)
    ):
        per_meeting.setdefault(meeting_id, []).append(name)
    return {
        item_id: tuple(per_item.get(item_id) or per_meeting.get(meeting_id) or ())
        for item_id, meeting_id in items
    }


def _levels(
    s: Session, ctx: ServiceContext, case_id: uuid.UUID, known_named: set[uuid.UUID]
) -> tuple[LevelPoint, ...]:
    """The assessments from meetings the actor may see (all of them for full case roles)."""
    labels = {lv.level: lv for lv in s.scalars(select(WellbeingLevel))}
    seen = aliased(AgendaItem)
    rows = s.execute(
        select(WellbeingAssessment, MeetingType.name)
        .outerjoin(Meeting, WellbeingAssessment.meeting_id == Meeting.id)
        .outerjoin(MeetingType, Meeting.meeting_type_id == MeetingType.id)
        .where(
            WellbeingAssessment.case_id == case_id,
            or_(
                and_(
                    Meeting.id.is_not(None),
                    meeting_visible(ctx),
                    or_(
                        WellbeingAssessment.agenda_item_id.is_(None),
                        exists().where(
                            seen.id == WellbeingAssessment.agenda_item_id,
                            item_visible(ctx, seen),
                            linked_to_child(ctx, seen, Meeting, known_named),
                        ),
                    ),
                ),
                and_(WellbeingAssessment.meeting_id.is_(None), whole_case(ctx)),
            ),
        )
        .order_by(WellbeingAssessment.assessed_on, WellbeingAssessment.created_at)
    ).all()
    points: list[LevelPoint] = []
    for a, type_name in rows:
        lv = labels.get(a.level)
        previous = points[-1].level if points else a.level
        points.append(
            LevelPoint(
                day=a.assessed_on,
                level=a.level,
                label=lv.label if lv else "",
                step=lv.step if lv else "",
                step_label=lv.step_label if lv else "",
                meeting_type=type_name or "",
                change=(a.level > previous) - (a.level < previous),
            )
        )
    return tuple(points)


def _open_actions(entries: tuple[TimelineEntry, ...], today: date) -> tuple[OpenAction, ...]:
    """The open agreements made on the child's items, overdue first."""
    out = []
    for e in entries:
        for a in e.record.actions:
            if a.status is not ActionStatus.OPEN:
                continue
            out.append(
                OpenAction(
                    id=a.id,
                    item_id=e.item_id,
                    meeting_id=e.meeting_id,
                    agreed_on=e.day,
                    meeting_type=e.type_name,
                    who=a.owner,
                    what=a.text,
                    due_on=a.due_on,
                    overdue=a.due_on is not None and a.due_on < today,
                )
            )
    out.sort(key=lambda a: (not a.overdue, a.due_on is None, a.due_on or today, a.agreed_on))
    return tuple(out)
