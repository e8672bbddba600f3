"""Meetings as calendar events for Outlook and phones (.ics).

UIDs come from the meeting's id, so a re-import updates the event instead of adding a copy;
SEQUENCE rises with every move or cancellation. The text carries no child's name, CPR or
case number: only meeting type, district and place. It is in Danish whatever language the
window speaks: the calendar is shared with Danish colleagues. A series or "all my meetings"
gives the meetings from today on unless asked for the past too; one chosen meeting is given
whenever it is.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import or_, select

from stevnsmoeder.db.models import Meeting, Participation
from stevnsmoeder.domain.dates import long_datetime, range_start
from stevnsmoeder.i18n import _, danish
from stevnsmoeder.model.calendar import CalendarEvent
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.reports import ics
from stevnsmoeder.services import audit
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, ValidationError
from stevnsmoeder.services.meetings import MeetingSummary, list_meetings_where
from stevnsmoeder.services.permissions import Permission, require

UID_DOMAIN = "stevnsmoeder.stevns.dk"
CALENDAR_NAME = "Stevns Kommune – møder"
# A move the series made itself ("Flyttet fra <day> (<holiday>)." in the language of the
# window that planned it): the calendar says it again in Danish, keeping the holiday's name.
_PLANNED_MOVE = re.compile(r"^(?:Moved from|Flyttet fra) .+ \((?P<why>[^()]*)\)\.$")


def _description(m: MeetingSummary) -> str:
    if m.status is MeetingStatus.CANCELLED:
        reason = m.cancel_reason.strip()
        return danish("Why: {reason}", reason=reason) if reason else ""
    if not m.moved or m.original_start is None:
        return ""
    reason = m.move_reason.strip()
    planned = _PLANNED_MOVE.match(reason)
    why = planned.group("why") if planned else reason
    when = long_datetime(m.original_start, "da")
    if why:
        return danish("Moved from {when}: {why}", when=when, why=why)
    return danish("Moved from {when}.", when=when)


def _event(m: MeetingSummary) -> CalendarEvent:
    summary = f"{m.type_name} – {m.district}" if m.district else m.type_name
    cancelled = m.status is MeetingStatus.CANCELLED
    if cancelled:
        summary = danish("Cancelled: {reason}", reason=summary)
    return CalendarEvent(
        uid=f"{m.id}@{UID_DOMAIN}",
        start=m.starts_at,
        end=m.ends_at,
        summary=summary,
        location=m.place,
        description=_description(m),
        cancelled=cancelled,
        sequence=m.sequence,
    )


def events(
    ctx: ServiceContext,
    *,
    meeting_id: uuid.UUID | None = None,
    series_id: uuid.UUID | None = None,
    mine: bool = False,
    start: date | None = None,
    with_past: bool = False,
) -> list[CalendarEvent]:
    """The events of one meeting, or of one series or all the actor's own meetings from
    ``start`` (today unless given) on; ``with_past`` gives them all."""
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    if sum((meeting_id is not None, series_id is not None, mine)) != 1:
        raise ValidationError(_("Choose one meeting, one series or all your meetings."))
    first = None if with_past or meeting_id is not None else start or ctx.today()
    later = [Meeting.starts_at >= range_start(first)] if first else []
    if meeting_id is not None:
        found = list_meetings_where(ctx, Meeting.id == meeting_id)
        what = f"meeting {meeting_id}"
    elif series_id is not None:
        found = list_meetings_where(ctx, Meeting.series_id == series_id, *later)
        what = f"series {series_id}"
        if not found and not list_meetings_where(ctx, Meeting.series_id == series_id):
            raise NotFound(_("The meeting does not exist or is not visible to you."))
    else:
        person = ctx.actor.person_id
        found = list_meetings_where(
            ctx,
            or_(
                Meeting.chair_id == person,
                Meeting.secretary_id == person,
                Meeting.id.in_(
                    select(Participation.meeting_id).where(Participation.person_id == person)
                ),
            ),
            *later,
        ) if person else []  # fmt: skip
        what = "mine"
    if not found and meeting_id is not None:
        raise NotFound(_("The meeting does not exist or is not visible to you."))
    if first:
        what += f" from {first.isoformat()}"
    with ctx.db.begin() as s:
        audit.record(s, ctx, "export.ics", detail=f"{what}: {len(found)} events")
    return [_event(m) for m in found]


def write_ics(
    ctx: ServiceContext,
    path: Path,
    *,
    meeting_id: uuid.UUID | None = None,
    series_id: uuid.UUID | None = None,
    mine: bool = False,
    start: date | None = None,
    with_past: bool = False,
) -> int:
    """Write the chosen meetings to an .ics file (from today on unless told otherwise);
    returns how many."""
    found = events(
        ctx,
        meeting_id=meeting_id,
        series_id=series_id,
        mine=mine,
        start=start,
        with_past=with_past,
    )
    ics.write(path, found, name=CALENDAR_NAME, stamp=ctx.now())
    return len(found)
