"""Meeting series: the rhythm of the municipality's meetings, and their occurrences.

A series has an RFC 5545 rule, a usual time, place and standing participants. Generation
creates its occurrences as planned meetings for a horizon ahead (default 12 months), with
the standing participants and the meeting type's agenda template; a meeting is unique per
series and rule date, so generating again never duplicates. Public holidays and the
municipality's closed days skip or move an occurrence as the series says; a moved meeting
keeps its original date and the reason.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import (
    AgendaItem,
    ClosedPeriod,
    District,
    Meeting,
    MeetingSeries,
    MeetingType,
    ParticipantRole,
    Participation,
    Person,
    SeriesParticipant,
)
from stevnsmoeder.domain import calendar
from stevnsmoeder.domain.calendar import Closure, HolidayPolicy, RuleError
from stevnsmoeder.domain.dates import long_date, weekday_name
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import audit
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, ValidationError
from stevnsmoeder.services.meetings import (
    MAX_PLACE,
    MAX_REASON,
    MAX_TITLE,
    add_template_agenda,
    resolve_district,
    resolve_type,
    within,
)
from stevnsmoeder.services.oplog import operation
from stevnsmoeder.services.permissions import Permission, meeting_visible, require
from stevnsmoeder.services.revisions import bump

DEFAULT_HORIZON_DAYS = 365


@dataclass(frozen=True)
class SeriesInfo:
    id: uuid.UUID
    type_code: str
    type_name: str
    district: str | None
    title: str
    rule: str
    starts_on: date
    ends_on: date | None
    start_time: time
    duration_minutes: int
    place: str
    holiday_policy: HolidayPolicy
    standing: int
    previous_id: uuid.UUID | None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "type": self.type_code,
            "district": self.district,
            "title": self.title,
            "rule": self.rule,
            "starts_on": self.starts_on.isoformat(),
            "ends_on": self.ends_on.isoformat() if self.ends_on else None,
            "time": self.start_time.strftime("%H:%M"),
            "duration_minutes": self.duration_minutes,
            "place": self.place,
            "holiday_policy": self.holiday_policy.value,
            "previous_id": str(self.previous_id) if self.previous_id else None,
        }


def _info(s: Session, series: MeetingSeries) -> SeriesInfo:
    mt = s.get_one(MeetingType, series.meeting_type_id)
    district = s.get(District, series.district_id) if series.district_id else None
    return SeriesInfo(
        id=series.id,
        type_code=mt.code,
        type_name=mt.name,
        district=district.name if district else None,
        title=series.title,
        rule=series.rrule,
        starts_on=series.starts_on,
        ends_on=series.ends_on,
        start_time=series.start_time,
        duration_minutes=series.duration_minutes,
        place=series.place,
        holiday_policy=series.holiday_policy,
        standing=len(series.standing),
        previous_id=series.previous_id,
    )


def list_series(ctx: ServiceContext) -> list[SeriesInfo]:
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    with ctx.db.begin() as s:
        query = select(MeetingSeries).order_by(MeetingSeries.title)
        if ctx.actor.role.value == "politi":  # only series of the types the police may see
            query = query.join(MeetingType).where(MeetingType.police_visible.is_(True))
        return [_info(s, r) for r in s.scalars(query)]


@dataclass(frozen=True)
class NewSeries:
    type_code: str
    rule: str
    starts_on: date
    start_time: time
    district: str | None = None
    title: str = ""
    duration_minutes: int | None = None
    place: str = ""
    ends_on: date | None = None
    holiday_policy: HolidayPolicy = HolidayPolicy.MOVE
    standing: tuple[tuple[uuid.UUID, str], ...] = ()  # (person id, role code)


def _checked_rule(rule: str, starts_on: date, ends_on: date | None) -> str:
    try:
        text = calendar.validate_rule(rule)
        calendar.check_range(starts_on, ends_on)
    except RuleError as exc:
        raise ValidationError(str(exc)) from None
    return text


@operation("series.create_series")
def create_series(
    ctx: ServiceContext, new: NewSeries, *, plan_days: int | None = None
) -> SeriesInfo:
    """Create a series; with ``plan_days``, its meetings that far ahead in the same unit of work.

    Either both happen or neither: a failed generation leaves no half-made series behind, so
    pressing *Opret* again cannot make a second one.
    """
    require(ctx, Permission.EDIT_MEETINGS, "plan meetings")
    rule = _checked_rule(new.rule, new.starts_on, new.ends_on)
    if plan_days is not None:
        _check_horizon(plan_days)
    title, place = within(new.title, MAX_TITLE), within(new.place, MAX_PLACE)
    with ctx.db.begin() as s:
        mt = resolve_type(s, new.type_code)
        district = resolve_district(s, new.district) if new.district else None
        if mt.has_district and district is None:
            raise ValidationError(_("A {type} needs a district.", type=mt.name))
        minutes = new.duration_minutes or mt.default_duration_minutes
        series = MeetingSeries(
            meeting_type_id=mt.id,
            district_id=district.id if district else None,
            title=title or (f"{mt.name} {district.name}" if district else mt.name),
            rrule=rule,
            starts_on=new.starts_on,
            ends_on=new.ends_on,
            start_time=new.start_time,
            duration_minutes=minutes,
            place=place,
            holiday_policy=new.holiday_policy,
        )
        s.add(series)
        s.flush()
        for person_id, role_code in new.standing:
            s.add(
                SeriesParticipant(
                    series_id=series.id, person_id=person_id, role_id=_role(s, role_code).id
                )
            )
        s.flush()
        audit.record(s, ctx, "series.create", object_type="series", object_id=series.id)
        if plan_days is not None:
            _generate_in(s, ctx, plan_days, series.id, None)
        return _info(s, series)


def _role(s: Session, code: str) -> ParticipantRole:
    role = s.scalar(select(ParticipantRole).where(ParticipantRole.code == code))
    if role is None:
        raise ValidationError(_("Unknown participant role {code}.", code=code))
    return role


# -- closures -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClosedPeriodInfo:
    id: uuid.UUID
    starts_on: date
    ends_on: date
    reason: str
    yearly: bool


def list_closed_periods(ctx: ServiceContext) -> list[ClosedPeriodInfo]:
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    with ctx.db.begin() as s:
        return [
            ClosedPeriodInfo(p.id, p.starts_on, p.ends_on, p.reason, p.yearly)
            for p in s.scalars(select(ClosedPeriod).order_by(ClosedPeriod.starts_on))
        ]


@operation("series.add_closed_period")
def add_closed_period(
    ctx: ServiceContext, starts_on: date, ends_on: date, reason: str, *, yearly: bool = False
) -> ClosedPeriodInfo:
    require(ctx, Permission.EDIT_MEETINGS, "plan meetings")
    if ends_on < starts_on:
        raise ValidationError(_("The closed period ends before it starts."))
    if (ends_on - starts_on).days > 92:
        raise ValidationError(_("A closed period is at most three months long."))
    if not reason.strip():
        raise ValidationError(_("Give the reason the municipality is closed."))
    reason = within(reason, MAX_REASON)
    with ctx.db.begin() as s:
        period = ClosedPeriod(
            starts_on=starts_on, ends_on=ends_on, reason=reason.strip(), yearly=yearly
        )
        s.add(period)
        s.flush()
        audit.record(s, ctx, "closure.create", object_type="closed_period", object_id=period.id)
        return ClosedPeriodInfo(period.id, starts_on, ends_on, period.reason, yearly)


def _closures(s: Session, start: date, end: date) -> list[Closure]:
    result: list[Closure] = []
    for p in s.scalars(select(ClosedPeriod)):
        years = range(start.year - 1, end.year + 1) if p.yearly else (None,)
        for year in years:
            first, last = p.starts_on, p.ends_on
            if year is not None:
                try:
                    first = first.replace(year=year)
                    # A yearly period may cross New Year (e.g. 27.12–2.1).
                    last = last.replace(year=year + (p.ends_on.year - p.starts_on.year))
                except ValueError:  # 29 February in a common year
                    continue
            day = first
            while day <= last:
                if start <= day <= end:
                    result.append(Closure(day, p.reason))
                day += timedelta(days=1)
    return result


# -- generation ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GenerateReport:
    created: int = 0
    moved: int = 0
    skipped: int = 0
    existing: int = 0
    skipped_days: tuple[tuple[date, str], ...] = field(default_factory=tuple)


@operation("series.generate")
def generate(
    ctx: ServiceContext,
    *,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    series_id: uuid.UUID | None = None,
    from_day: date | None = None,
) -> GenerateReport:
    """Create the planned meetings of every active series (or one) up to the horizon."""
    require(ctx, Permission.EDIT_MEETINGS, "plan meetings")
    _check_horizon(horizon_days)
    with ctx.db.begin() as s:
        return _generate_in(s, ctx, horizon_days, series_id, from_day)


def _check_horizon(horizon_days: int) -> None:
    if not 1 <= horizon_days <= calendar.MAX_HORIZON_DAYS:
        raise ValidationError(_("Plan at most three years ahead at a time."))


def _generate_in(
    s: Session,
    ctx: ServiceContext,
    horizon_days: int,
    series_id: uuid.UUID | None,
    from_day: date | None,
) -> GenerateReport:
    """Generation inside the caller's unit of work (permission and horizon already checked)."""
    start = from_day or ctx.today()
    end = start + timedelta(days=horizon_days)
    created = moved = skipped = existing = 0
    skipped_days: list[tuple[date, str]] = []
    q = select(MeetingSeries).where(MeetingSeries.active)
    if series_id is not None:
        q = q.where(MeetingSeries.id == series_id)
    closures = _closures(s, start, end + timedelta(days=31))
    for series in s.scalars(q).all():
        try:
            occ = calendar.occurrences(
                series.rrule,
                series.starts_on,
                start,
                end,
                series.holiday_policy,
                closures,
                ends_on=series.ends_on,
            )
        except RuleError as exc:
            raise ValidationError(str(exc)) from None
        have = set(
            s.scalars(
                select(Meeting.occurrence_date).where(
                    Meeting.series_id == series.id, Meeting.occurrence_date.is_not(None)
                )
            )
        )
        mt = s.get_one(MeetingType, series.meeting_type_id)
        for o in occ:
            if o.day is None:
                skipped += 1
                skipped_days.append((o.rule_date, o.reason))
                continue
            if o.rule_date in have:
                existing += 1
                continue
            _create_occurrence(s, series, mt, o)
            created += 1
            moved += o.moved
    audit.record(
        s,
        ctx,
        "series.generate",
        object_type="series",
        object_id=series_id,
        detail=f"{created} created, {moved} moved, {skipped} skipped, horizon {horizon_days}",
    )
    return GenerateReport(created, moved, skipped, existing, tuple(skipped_days))


def _create_occurrence(
    s: Session, series: MeetingSeries, mt: MeetingType, o: calendar.Occurrence
) -> Meeting:
    assert o.day is not None
    starts = datetime.combine(o.day, series.start_time)
    meeting = Meeting(
        series_id=series.id,
        meeting_type_id=series.meeting_type_id,
        district_id=series.district_id,
        title=series.title,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=series.duration_minutes),
        place=series.place,
        status=MeetingStatus.PLANNED,
        occurrence_date=o.rule_date,
    )
    if o.moved:
        meeting.original_start = datetime.combine(o.rule_date, series.start_time)
        meeting.move_reason = _("Moved from {day} ({reason}).", day=long_date(o.rule_date),
                                reason=o.reason)  # fmt: skip
    for sp in series.standing:  # the standing chair and secretary lead each meeting
        if sp.role.code == "chair":
            meeting.chair_id = sp.person_id
        elif sp.role.code == "secretary":
            meeting.secretary_id = sp.person_id
    s.add(meeting)
    s.flush()
    add_template_agenda(s, meeting, mt)
    for sp in series.standing:
        s.add(Participation(meeting_id=meeting.id, person_id=sp.person_id, role_id=sp.role_id))
    return meeting


@operation("series.change_rule")
def change_rule(
    ctx: ServiceContext,
    series_id: uuid.UUID,
    from_day: date,
    rule: str,
    *,
    start_time: time | None = None,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
) -> SeriesInfo:
    """From ``from_day`` on, the series follows ``rule``; earlier meetings stay as they were.

    The series is split: the old part ends the day before, a new part (same participants)
    starts on ``from_day``. The old part's planned meetings from that day on are removed when
    nothing has been planned on them yet; the new part's are generated.
    """
    require(ctx, Permission.EDIT_MEETINGS, "plan meetings")
    text = _checked_rule(rule, from_day, None)
    _check_horizon(horizon_days)
    with ctx.db.begin() as s:
        old = s.get(MeetingSeries, series_id)
        if old is None:
            raise NotFound(_("The series does not exist."))
        if from_day <= old.starts_on:
            raise ValidationError(_("The change must start after the series' first day."))
        new = MeetingSeries(
            meeting_type_id=old.meeting_type_id,
            district_id=old.district_id,
            title=old.title,
            rrule=text,
            starts_on=from_day,
            ends_on=old.ends_on,
            start_time=start_time or old.start_time,
            duration_minutes=old.duration_minutes,
            place=old.place,
            holiday_policy=old.holiday_policy,
            previous_id=old.id,
        )
        s.add(new)
        s.flush()
        for sp in old.standing:
            s.add(SeriesParticipant(series_id=new.id, person_id=sp.person_id, role_id=sp.role_id))
        old.ends_on = from_day - timedelta(days=1)
        old.active = False
        future = s.scalars(
            select(Meeting).where(
                Meeting.series_id == old.id,
                Meeting.starts_at >= datetime.combine(from_day, time.min),
                Meeting.status == MeetingStatus.PLANNED,
            )
        ).all()
        for meeting in future:
            has_cases = s.scalar(
                select(AgendaItem.id).where(
                    AgendaItem.meeting_id == meeting.id, AgendaItem.case_id.is_not(None)
                )
            )
            if has_cases is None:
                s.delete(meeting)
        audit.record(s, ctx, "series.change_rule", object_type="series", object_id=new.id)
        s.flush()
        _generate_in(s, ctx, horizon_days, new.id, from_day)
        return _info(s, new)


# -- one occurrence -----------------------------------------------------------------------------


def _editable_meeting(s: Session, ctx: ServiceContext, meeting_id: uuid.UUID) -> Meeting:
    meeting = s.scalar(select(Meeting).where(Meeting.id == meeting_id, meeting_visible(ctx)))
    if meeting is None:
        raise NotFound(_("The meeting does not exist or is not visible to you."))
    if meeting.status in (MeetingStatus.HELD, MeetingStatus.CANCELLED):
        raise ValidationError(_("A held or cancelled meeting cannot be changed."))
    return meeting


def _refuse_past(ctx: ServiceContext, new_start: datetime) -> None:
    if new_start < ctx.local_now():
        raise ValidationError(
            _("A meeting cannot be moved to a time that has passed ({day}).",
              day=long_date(new_start.date()))
        )  # fmt: skip


def move_warnings(ctx: ServiceContext, new_start: datetime) -> tuple[str, ...]:
    """Why ``new_start`` is an unusual day for a meeting: a weekend, a public holiday or a
    day the municipality is closed (the user may move it there all the same, after a
    warning). A time that has passed is refused with ValidationError."""
    require(ctx, Permission.EDIT_MEETINGS, "plan meetings")
    _refuse_past(ctx, new_start)
    day = new_start.date()
    warnings = []
    if day.weekday() >= 5:
        warnings.append(_("The new date is a {weekday}.", weekday=weekday_name(day)))
    holiday = calendar.public_holidays(day.year).get(day)
    if holiday:
        warnings.append(_("The new date is a public holiday: {name}.", name=holiday))
    with ctx.db.begin() as s:
        reasons = dict.fromkeys(c.reason for c in _closures(s, day, day) if c.reason != holiday)
    for reason in reasons:
        warnings.append(_("The municipality is closed on the new date: {reason}.", reason=reason))
    return tuple(warnings)


@operation("series.move_meeting")
def move_meeting(
    ctx: ServiceContext, meeting_id: uuid.UUID, new_start: datetime, reason: str
) -> None:
    """Move one occurrence without touching its series. A time that has passed is refused;
    a weekend, a holiday or a closed day is allowed (move_warnings tells the user first).
    The note says where the meeting was moved from: its first date, as the series had it."""
    require(ctx, Permission.EDIT_MEETINGS, "plan meetings")
    if not reason.strip():
        raise ValidationError(_("Give the reason the meeting is moved."))
    reason = within(" ".join(reason.split()), MAX_REASON)
    _refuse_past(ctx, new_start)
    with ctx.db.begin() as s:
        meeting = _editable_meeting(s, ctx, meeting_id)
        length = meeting.ends_at - meeting.starts_at
        if meeting.original_start is None:
            meeting.original_start = meeting.starts_at
        meeting.starts_at = new_start
        meeting.ends_at = new_start + length
        meeting.move_reason = _("Moved from {day} ({reason}).",
                                day=long_date(meeting.original_start.date()),
                                reason=reason)  # fmt: skip
        meeting.sequence += 1
        bump(s, meeting)
        audit.record(s, ctx, "meeting.move", object_type="meeting", object_id=meeting.id)


@operation("series.cancel_meeting")
def cancel_meeting(ctx: ServiceContext, meeting_id: uuid.UUID, reason: str) -> None:
    require(ctx, Permission.EDIT_MEETINGS, "plan meetings")
    if not reason.strip():
        raise ValidationError(_("Give the reason the meeting is cancelled."))
    with ctx.db.begin() as s:
        meeting = _editable_meeting(s, ctx, meeting_id)
        meeting.status = MeetingStatus.CANCELLED
        meeting.cancel_reason = reason.strip()
        meeting.sequence += 1
        bump(s, meeting)
        audit.record(s, ctx, "meeting.cancel", object_type="meeting", object_id=meeting.id)


@operation("series.add_participant")
def add_participant(
    ctx: ServiceContext, meeting_id: uuid.UUID, person_id: uuid.UUID, role_code: str
) -> None:
    """An extra participant for one occurrence only."""
    require(ctx, Permission.EDIT_MEETINGS, "plan meetings")
    with ctx.db.begin() as s:
        meeting = _editable_meeting(s, ctx, meeting_id)
        if s.get(Person, person_id) is None:
            raise NotFound(_("The person does not exist."))
        taken = s.scalar(
            select(Participation.id).where(
                Participation.meeting_id == meeting.id, Participation.person_id == person_id
            )
        )
        if taken is not None:
            raise ValidationError(_("The person already takes part in the meeting."))
        s.add(
            Participation(
                meeting_id=meeting.id, person_id=person_id, role_id=_role(s, role_code).id
            )
        )
        audit.record(s, ctx, "meeting.participant", object_type="meeting", object_id=meeting.id)
