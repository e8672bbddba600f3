"""Listing meetings and creating one (ad hoc, or an occurrence) with its template agenda."""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import (
    AgendaItem,
    AgendaTemplateItem,
    Case,
    CustodyHolder,
    District,
    Meeting,
    MeetingType,
    ParticipantRole,
    Participation,
    Person,
)
from stevnsmoeder.domain.dates import range_end, range_start
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import AgendaItemKind, MeetingStatus
from stevnsmoeder.services import audit
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, ValidationError
from stevnsmoeder.services.oplog import operation
from stevnsmoeder.services.permissions import (
    Permission,
    case_visible,
    item_visible,
    meeting_visible,
    require,
)

STATUS_LABELS = {
    MeetingStatus.PLANNED: "planned",
    MeetingStatus.IN_PROGRESS: "in progress",
    MeetingStatus.HELD: "held",
    MeetingStatus.CANCELLED: "cancelled",
}


MAX_TITLE = 200  # Meeting.title, MeetingSeries.title
MAX_PLACE = 200  # Meeting.place, MeetingSeries.place
MAX_REASON = 200  # why a meeting moved, why the municipality is closed


def within(value: str, limit: int) -> str:
    """``value`` without surrounding space, refused when longer than its column holds."""
    value = value.strip()
    if len(value) > limit:
        raise ValidationError(_("A name or text is at most {n} characters.", n=limit))
    return value


def status_label(status: MeetingStatus) -> str:
    return _(STATUS_LABELS[status])


@dataclass(frozen=True)
class MeetingSummary:
    id: uuid.UUID
    type_code: str
    type_name: str
    district: str | None
    series_id: uuid.UUID | None
    title: str
    starts_at: datetime  # local wall-clock
    ends_at: datetime
    place: str
    status: MeetingStatus
    case_items: int
    original_start: datetime | None = None  # set when the meeting was moved
    move_reason: str = ""
    cancel_reason: str = ""
    sequence: int = 0
    type_short: str = ""
    approved_at: datetime | None = None  # when the minutes were approved (aware UTC)

    @property
    def status_text(self) -> str:
        """The status as a list shows it: "godkendt" once the minutes are approved."""
        return _("approved") if self.approved_at is not None else status_label(self.status)

    @property
    def moved(self) -> bool:
        return self.original_start is not None and self.original_start != self.starts_at

    @property
    def note(self) -> str:
        """Why the meeting is not where its series would have it, or why it is off."""
        if self.status is MeetingStatus.CANCELLED:
            return _("Cancelled: {reason}", reason=self.cancel_reason or "-")
        if self.moved:
            return self.move_reason or _("Moved")
        return ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            id=str(self.id),
            type=self.type_code,
            series_id=str(self.series_id) if self.series_id else None,
            start=self.starts_at.isoformat(timespec="minutes"),
            end=self.ends_at.isoformat(timespec="minutes"),
            status=self.status.value,
            original_start=self.original_start.isoformat(timespec="minutes")
            if self.original_start
            else None,
            approved_at=self.approved_at.isoformat(timespec="seconds")
            if self.approved_at
            else None,
        )
        for key in ("type_code", "starts_at", "ends_at", "sequence", "type_short"):
            del data[key]
        return data


def resolve_type(session: Session, code: str) -> MeetingType:
    mt = session.scalar(select(MeetingType).where(MeetingType.code == code.strip().lower()))
    if mt is None:
        known = ", ".join(session.scalars(select(MeetingType.code).order_by(MeetingType.code)))
        raise ValidationError(
            _("Unknown meeting type {code}. Known types: {known}.", code=code, known=known)
        )
    return mt


def resolve_district(session: Session, name: str) -> District:
    """A district by code or by (the start of) its name, case-insensitive."""
    wanted = name.strip().lower()
    districts = list(session.scalars(select(District).order_by(District.sort_order)))
    for d in districts:
        if wanted in (d.code, d.name.lower()):
            return d
    matches = [d for d in districts if d.name.lower().startswith(wanted)] if wanted else []
    if len(matches) == 1:
        return matches[0]
    known = "; ".join(d.name for d in districts)
    raise ValidationError(_("Unknown district {name}. Districts: {known}.", name=name, known=known))


def summaries_in(
    s: Session, ctx: ServiceContext, *conditions: Any, limit: int | None = None
) -> list[MeetingSummary]:
    case_count = (  # the children's items the actor may see (the police: § 115's only)
        select(func.count(AgendaItem.id))
        .where(
            AgendaItem.meeting_id == Meeting.id,
            AgendaItem.case_id.is_not(None),
            item_visible(ctx),
        )
        .correlate(Meeting)
        .scalar_subquery()
    )
    q = (
        select(
            Meeting,
            MeetingType.code,
            MeetingType.name,
            MeetingType.short_name,
            District.name,
            case_count,
        )
        .join(MeetingType, Meeting.meeting_type_id == MeetingType.id)
        .outerjoin(District, Meeting.district_id == District.id)
        .where(meeting_visible(ctx), *conditions)
        .order_by(Meeting.starts_at, Meeting.title, Meeting.place)  # the same on any engine
        .limit(limit)
    )
    return [
        MeetingSummary(
            id=m.id,
            type_code=code,
            type_name=type_name,
            district=district_name,
            series_id=m.series_id,
            title=m.title,
            starts_at=m.starts_at,
            ends_at=m.ends_at,
            place=m.place,
            status=m.status,
            case_items=count,
            original_start=m.original_start,
            move_reason=m.move_reason or "",
            cancel_reason=m.cancel_reason or "",
            sequence=m.sequence,
            type_short=short,
            approved_at=m.approved_at,
        )
        for m, code, type_name, short, district_name, count in s.execute(q)
    ]


def list_meetings(
    ctx: ServiceContext,
    *,
    start: date | None = None,
    end: date | None = None,
    type_code: str | None = None,
    district: str | None = None,
) -> list[MeetingSummary]:
    """Meetings the actor may see, in time order; ``start`` and ``end`` are inclusive days."""
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    if start and end and end < start:
        raise ValidationError(_("The end date is before the start date."))
    with ctx.db.begin() as s:
        conditions: list[Any] = []
        if start:
            conditions.append(Meeting.starts_at >= range_start(start))
        if end:
            conditions.append(Meeting.starts_at < range_end(end))
        if type_code:
            conditions.append(Meeting.meeting_type_id == resolve_type(s, type_code).id)
        if district:
            conditions.append(Meeting.district_id == resolve_district(s, district).id)
        return summaries_in(s, ctx, *conditions)


def list_meetings_where(ctx: ServiceContext, *conditions: Any) -> list[MeetingSummary]:
    """Visible meetings matching SQL ``conditions`` on Meeting, in time order."""
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    with ctx.db.begin() as s:
        return summaries_in(s, ctx, *conditions)


def get_meeting_summary(ctx: ServiceContext, meeting_id: uuid.UUID) -> MeetingSummary:
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    with ctx.db.begin() as s:
        found = summaries_in(s, ctx, Meeting.id == meeting_id)
    if not found:
        raise NotFound(_("The meeting does not exist or is not visible to you."))
    return found[0]


@dataclass(frozen=True)
class NewMeeting:
    type_code: str
    starts_at: datetime  # local wall-clock
    duration_minutes: int | None = None
    district: str | None = None
    title: str = ""
    place: str = ""


@operation("meetings.create_meeting")
def create_meeting(ctx: ServiceContext, new: NewMeeting) -> MeetingSummary:
    """Create an ad hoc meeting with the meeting type's template agenda."""
    require(ctx, Permission.EDIT_MEETINGS, "plan meetings")
    with ctx.db.begin() as s:
        mt = resolve_type(s, new.type_code)
        district = resolve_district(s, new.district) if new.district else None
        if mt.has_district and district is None:
            raise ValidationError(_("A {type} needs a district.", type=mt.name))
        minutes = new.duration_minutes or mt.default_duration_minutes
        if minutes <= 0:
            raise ValidationError(_("A meeting must last at least one minute."))
        title = within(new.title, MAX_TITLE) or (
            f"{mt.name} {district.name}" if district else mt.name
        )
        meeting = Meeting(
            meeting_type_id=mt.id,
            district_id=district.id if district else None,
            title=title,
            starts_at=new.starts_at,
            ends_at=new.starts_at + timedelta(minutes=minutes),
            place=within(new.place, MAX_PLACE),
            status=MeetingStatus.PLANNED,
        )
        s.add(meeting)
        s.flush()
        add_template_agenda(s, meeting, mt)
        audit.record(s, ctx, "meeting.create", object_type="meeting", object_id=meeting.id)
        return summaries_in(s, ctx, Meeting.id == meeting.id)[0]


def add_template_agenda(
    s: Session, meeting: Meeting, mt: MeetingType, *, case: Case | None = None
) -> None:
    """The type's template as the agenda. Case slots stay empty until planned, unless the
    meeting is about one ``case`` (an FTM), which then takes the slot."""
    steps = s.scalars(
        select(AgendaTemplateItem)
        .where(AgendaTemplateItem.meeting_type_id == mt.id)
        .order_by(AgendaTemplateItem.position)
    )
    position = 0
    for step in steps:
        if step.is_case_slot and case is None:
            continue
        position += 1
        if step.is_case_slot:
            kind = AgendaItemKind.CASE
        elif step.kind == "information":
            kind = AgendaItemKind.INFORMATION
        else:
            kind = AgendaItemKind.STANDING
        s.add(
            AgendaItem(
                meeting_id=meeting.id,
                position=position,
                kind=kind,
                title=step.title,
                description=step.description,
                time_box_minutes=step.minutes,
                case_id=case.id if step.is_case_slot and case is not None else None,
            )
        )


@operation("meetings.create_ftm_for_case")
def create_ftm_for_case(
    ctx: ServiceContext,
    case_id: uuid.UUID,
    starts_at: datetime,
    *,
    place: str = "",
    duration_minutes: int | None = None,
) -> MeetingSummary:
    """An ad hoc family team meeting about one child, with the family invited: a meeting of
    the type booked ad hoc (reference data; FTM).

    The child's item takes the template's case slot; its legal basis is recorded when the
    meeting is planned.
    """
    require(ctx, Permission.EDIT_MEETINGS, "plan meetings")
    place = within(place, MAX_PLACE)
    with ctx.db.begin() as s:
        case = s.scalar(select(Case).where(Case.id == case_id, case_visible(ctx)))
        if case is None:
            raise NotFound(_("The case does not exist or is not visible to you."))
        mt = s.scalar(
            select(MeetingType)
            .where(MeetingType.ad_hoc.is_(True))
            .order_by(MeetingType.sort_order)
            .limit(1)
        )
        if mt is None:
            raise ValidationError(_("No meeting type is booked ad hoc for one child."))
        minutes = duration_minutes or mt.default_duration_minutes
        meeting = Meeting(
            meeting_type_id=mt.id,
            district_id=case.district_id,
            title=f"{mt.name} – {case.reference}",  # never the child's name in a title
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=minutes),
            place=place.strip(),
            status=MeetingStatus.PLANNED,
        )
        s.add(meeting)
        s.flush()
        add_template_agenda(s, meeting, mt, case=case)
        parent_role = s.scalar(select(ParticipantRole).where(ParticipantRole.code == "parent"))
        assert parent_role is not None
        for holder in s.scalars(select(CustodyHolder).where(CustodyHolder.case_id == case.id)):
            if holder.person_id is None:
                person = Person(name=holder.name, profession=holder.relation, organisation="")
                s.add(person)
                s.flush()
                holder.person_id = person.id
            s.add(
                Participation(
                    meeting_id=meeting.id, person_id=holder.person_id, role_id=parent_role.id
                )
            )
        audit.record(
            s, ctx, "meeting.create_ftm", object_type="meeting", object_id=meeting.id,
            case_id=case.id,
        )  # fmt: skip
        return summaries_in(s, ctx, Meeting.id == meeting.id)[0]
