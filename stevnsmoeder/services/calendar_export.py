"""Meetings as calendar events for Outlook and phones (.ics).

UIDs come from the meeting's id, so a re-import updates the event instead of adding a copy;
SEQUENCE rises with every move or cancellation. The text carries no child's name, CPR or
case number: only meeting type, district and place.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import or_, select

from stevnsmoeder.db.models import Meeting, Participation
from stevnsmoeder.i18n import _
from stevnsmoeder.model.calendar import CalendarEvent
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.reports import ics
from stevnsmoeder.services import audit
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, ValidationError
from stevnsmoeder.services.meetings import MeetingSummary, list_meetings_where
from stevnsmoeder.services.permissions import Permission, require

UID_DOMAIN = "stevnsmoeder.stevns.dk"


def _event(m: MeetingSummary) -> CalendarEvent:
    summary = f"{m.type_name} – {m.district}" if m.district else m.type_name
    cancelled = m.status is MeetingStatus.CANCELLED
    if cancelled:
        summary = _("Cancelled: {reason}", reason=summary)
    return CalendarEvent(
        uid=f"{m.id}@{UID_DOMAIN}",
        start=m.starts_at,
        end=m.ends_at,
        summary=summary,
        location=m.place,
        description=m.note,
        cancelled=cancelled,
        sequence=m.sequence,
    )


def events(
    ctx: ServiceContext,
    *,
    meeting_id: uuid.UUID | None = None,
    series_id: uuid.UUID | None = None,
    mine: bool = False,
) -> list[CalendarEvent]:
    """The events of one meeting, one series, or all the actor's own meetings."""
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    if sum((meeting_id is not None, series_id is not None, mine)) != 1:
        raise ValidationError(_("Choose one meeting, one series or all your meetings."))
    if meeting_id is not None:
        found = list_meetings_where(ctx, Meeting.id == meeting_id)
        what = f"meeting {meeting_id}"
    elif series_id is not None:
        found = list_meetings_where(ctx, Meeting.series_id == series_id)
        what = f"series {series_id}"
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
        ) if person else []  # fmt: skip
        what = "mine"
    if not found and not mine:
        raise NotFound(_("The meeting does not exist or is not visible to you."))
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
) -> int:
    """Write the chosen meetings to an .ics file; returns how many."""
    found = events(ctx, meeting_id=meeting_id, series_id=series_id, mine=mine)
    ics.write(path, found, name="stevnsmoeder", stamp=ctx.now())
    return len(found)
