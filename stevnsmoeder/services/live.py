"""Running a meeting: start it, move through the agenda, keep time, mark who is present
(for the whole meeting and per item), push items to next time, and end it.

Time is the context's clock (a fake one in tests). An item's time left is its time box less
the seconds banked while it was current before, less the running stretch since it became
current again. Ending the meeting marks unreached items and carries them, and the items
pushed to next time, to the series' next meeting.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import AgendaItem, ItemAttendance, Meeting, Participation
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import AgendaItemStatus, Attendance, MeetingStatus
from stevnsmoeder.services import audit
from stevnsmoeder.services.carry_over import copy_items_into
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, ValidationError
from stevnsmoeder.services.permissions import Permission, meeting_visible, require
from stevnsmoeder.services.planning import participation
from stevnsmoeder.services.revisions import bump

WARN_FRACTION = 0.8  # the timer warns when 80 % of the time box is used


@dataclass(frozen=True)
class ItemClock:
    item_id: uuid.UUID
    time_box_seconds: int
    spent_seconds: int

    @property
    def left_seconds(self) -> int:
        """Negative when the item runs over."""
        return self.time_box_seconds - self.spent_seconds

    @property
    def warning(self) -> bool:
        return self.spent_seconds >= WARN_FRACTION * self.time_box_seconds > 0

    @property
    def overrun(self) -> bool:
        return self.left_seconds < 0


@dataclass(frozen=True)
class LiveState:
    meeting_id: uuid.UUID
    status: MeetingStatus
    started_at: datetime | None
    current_item_id: uuid.UUID | None
    clocks: tuple[ItemClock, ...]
    present: frozenset[uuid.UUID]  # persons present at the meeting
    item_present: dict[uuid.UUID, frozenset[uuid.UUID]]  # per item: persons present

    def clock_of(self, item_id: uuid.UUID) -> ItemClock | None:
        return next((c for c in self.clocks if c.item_id == item_id), None)


def _meeting(s: Session, ctx: ServiceContext, meeting_id: uuid.UUID) -> Meeting:
    meeting = s.scalar(select(Meeting).where(Meeting.id == meeting_id, meeting_visible(ctx)))
    if meeting is None:
        raise NotFound(_("The meeting does not exist or is not visible to you."))
    return meeting


def _running(s: Session, ctx: ServiceContext, meeting_id: uuid.UUID) -> Meeting:
    require(ctx, Permission.EDIT_MEETINGS, "run meetings")
    meeting = _meeting(s, ctx, meeting_id)
    if meeting.status is not MeetingStatus.IN_PROGRESS:
        raise ValidationError(_("The meeting is not in progress."))
    return meeting


def _items(s: Session, meeting_id: uuid.UUID) -> list[AgendaItem]:
    return list(
        s.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position)
        )
    )


def _spent(item: AgendaItem, now: datetime) -> int:
    running = int((now - item.current_since).total_seconds()) if item.current_since else 0
    return item.spent_seconds + max(0, running)


def _state(s: Session, ctx: ServiceContext, meeting: Meeting) -> LiveState:
    now = ctx.now()
    items = _items(s, meeting.id)
    present = frozenset(
        s.scalars(
            select(Participation.person_id).where(
                Participation.meeting_id == meeting.id,
                Participation.attendance == Attendance.PRESENT,
            )
        )
    )
    per_item: dict[uuid.UUID, set[uuid.UUID]] = {i.id: set() for i in items}
    for row in s.scalars(
        select(ItemAttendance).where(
            ItemAttendance.agenda_item_id.in_([i.id for i in items]),
            ItemAttendance.attendance == Attendance.PRESENT,
        )
    ):
        per_item[row.agenda_item_id].add(row.person_id)
    return LiveState(
        meeting_id=meeting.id,
        status=meeting.status,
        started_at=meeting.started_at,
        current_item_id=meeting.current_item_id,
        clocks=tuple(ItemClock(i.id, i.time_box_minutes * 60, _spent(i, now)) for i in items),
        present=present,
        item_present={k: frozenset(v) for k, v in per_item.items()},
    )


def state(ctx: ServiceContext, meeting_id: uuid.UUID) -> LiveState:
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    with ctx.db.begin() as s:
        return _state(s, ctx, _meeting(s, ctx, meeting_id))


def start(ctx: ServiceContext, meeting_id: uuid.UUID) -> LiveState:
    """Start the meeting: it is in progress, the first item is current, everyone invited is
    marked present (the chair corrects it), and the clock runs."""
    require(ctx, Permission.EDIT_MEETINGS, "run meetings")
    with ctx.db.begin() as s:
        meeting = _meeting(s, ctx, meeting_id)
        if meeting.status is MeetingStatus.IN_PROGRESS:
            return _state(s, ctx, meeting)
        if meeting.status is not MeetingStatus.PLANNED:
            raise ValidationError(_("Only a planned meeting can be started."))
        items = _items(s, meeting.id)
        if not items:
            raise ValidationError(_("The agenda is empty."))
        meeting.status = MeetingStatus.IN_PROGRESS
        meeting.started_at = ctx.now()
        bump(s, meeting)
        for p in s.scalars(select(Participation).where(Participation.meeting_id == meeting.id)):
            if p.attendance is Attendance.INVITED:
                p.attendance = Attendance.PRESENT
        _make_current(s, ctx, meeting, items[0])
        audit.record(s, ctx, "meeting.start", object_type="meeting", object_id=meeting.id)
        return _state(s, ctx, meeting)


def _make_current(s: Session, ctx: ServiceContext, meeting: Meeting, item: AgendaItem) -> None:
    now = ctx.now()
    for other in _items(s, meeting.id):
        if other.current_since is not None:
            other.spent_seconds = _spent(other, now)
            other.current_since = None
    item.current_since = now
    meeting.current_item_id = item.id
    # Those present at the meeting are present for the item, unless marked otherwise.
    known = set(
        s.scalars(select(ItemAttendance.person_id).where(ItemAttendance.agenda_item_id == item.id))
    )
    for person_id in s.scalars(
        select(Participation.person_id).where(
            Participation.meeting_id == meeting.id,
            Participation.attendance == Attendance.PRESENT,
        )
    ):
        if person_id not in known:
            s.add(ItemAttendance(agenda_item_id=item.id, person_id=person_id))


def go_to(ctx: ServiceContext, meeting_id: uuid.UUID, item_id: uuid.UUID) -> LiveState:
    with ctx.db.begin() as s:
        meeting = _running(s, ctx, meeting_id)
        item = s.get(AgendaItem, item_id)
        if item is None or item.meeting_id != meeting.id:
            raise NotFound(_("The agenda item does not exist."))
        _make_current(s, ctx, meeting, item)
        return _state(s, ctx, meeting)


def step(ctx: ServiceContext, meeting_id: uuid.UUID, direction: int) -> LiveState:
    """Next (+1) or previous (-1) item; the item left behind counts as discussed."""
    with ctx.db.begin() as s:
        meeting = _running(s, ctx, meeting_id)
        items = _items(s, meeting.id)
        index = next((i for i, it in enumerate(items) if it.id == meeting.current_item_id), 0)
        current = items[index]
        if direction > 0 and current.status is AgendaItemStatus.OPEN:
            current.status = AgendaItemStatus.DISCUSSED
        target = max(0, min(index + direction, len(items) - 1))
        _make_current(s, ctx, meeting, items[target])
        return _state(s, ctx, meeting)


def push_to_next_time(ctx: ServiceContext, meeting_id: uuid.UUID, item_id: uuid.UUID) -> LiveState:
    """The item goes to the series' next meeting when this one ends."""
    with ctx.db.begin() as s:
        meeting = _running(s, ctx, meeting_id)
        item = s.get(AgendaItem, item_id)
        if item is None or item.meeting_id != meeting.id:
            raise NotFound(_("The agenda item does not exist."))
        item.status = AgendaItemStatus.NEXT_TIME
        audit.record(
            s, ctx, "agenda.push", object_type="meeting", object_id=meeting.id, case_id=item.case_id
        )
        return _state(s, ctx, meeting)


def set_present(
    ctx: ServiceContext,
    meeting_id: uuid.UUID,
    person_id: uuid.UUID,
    attendance: Attendance,
    *,
    item_id: uuid.UUID | None = None,
) -> LiveState:
    """Who is here: for the whole meeting, or (with ``item_id``) while one child is
    discussed — a parent may join for one item only."""
    with ctx.db.begin() as s:
        meeting = _running(s, ctx, meeting_id)
        row = participation(s, meeting, person_id)
        bump(s, meeting)  # who is here is part of the meeting's record
        if item_id is None:
            row.attendance = attendance
        else:
            item = s.get(AgendaItem, item_id)
            if item is None or item.meeting_id != meeting.id:
                raise NotFound(_("The agenda item does not exist."))
            mark = s.scalar(
                select(ItemAttendance).where(
                    ItemAttendance.agenda_item_id == item.id,
                    ItemAttendance.person_id == person_id,
                )
            )
            if mark is None:
                mark = ItemAttendance(agenda_item_id=item.id, person_id=person_id)
                s.add(mark)
            mark.attendance = attendance
        return _state(s, ctx, meeting)


@dataclass(frozen=True)
class EndReport:
    not_reached: int
    carried: int
    next_meeting_id: uuid.UUID | None


def end(ctx: ServiceContext, meeting_id: uuid.UUID) -> EndReport:
    """Mark the meeting held. Items never reached are marked so; they and the items pushed
    to next time go onto the series' next planned meeting."""
    require(ctx, Permission.EDIT_MEETINGS, "run meetings")
    with ctx.db.begin() as s:
        meeting = _running(s, ctx, meeting_id)
        now = ctx.now()
        items = _items(s, meeting.id)
        for item in items:
            if item.current_since is not None:
                item.spent_seconds = _spent(item, now)
                item.current_since = None
        current_index = next(
            (i for i, it in enumerate(items) if it.id == meeting.current_item_id), len(items) - 1
        )
        not_reached = 0
        for index, item in enumerate(items):
            if item.status is AgendaItemStatus.OPEN:
                if index < current_index or (index == current_index and item.spent_seconds):
                    item.status = AgendaItemStatus.DISCUSSED
                elif item.case_id is not None or item.kind.value == "information":
                    item.status = AgendaItemStatus.NOT_REACHED
                    not_reached += 1
        meeting.status = MeetingStatus.HELD
        meeting.ended_at = now
        bump(s, meeting)
        carried, next_id = 0, None
        unfinished = [
            i
            for i in items
            if i.status in (AgendaItemStatus.NOT_REACHED, AgendaItemStatus.NEXT_TIME)
        ]
        if meeting.series_id is not None and unfinished:
            following = s.scalar(
                select(Meeting)
                .where(
                    Meeting.series_id == meeting.series_id,
                    Meeting.starts_at > meeting.starts_at,
                    Meeting.status == MeetingStatus.PLANNED,
                )
                .order_by(Meeting.starts_at)
                .limit(1)
            )
            if following is not None:
                next_id = following.id
                carried = copy_items_into(s, ctx, following, unfinished)
                bump(s, following)
        audit.record(
            s,
            ctx,
            "meeting.end",
            object_type="meeting",
            object_id=meeting.id,
            detail=f"{not_reached} not reached, {carried} carried",
        )
        return EndReport(not_reached, carried, next_id)
