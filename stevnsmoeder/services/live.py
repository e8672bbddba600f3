"""Running a meeting: start it, move through the agenda, keep time, mark who is present
(for the whole meeting and per item), push items to next time (and take them back), end it,
or set a meeting started by mistake back to planned while nothing is written.

Time is the context's clock (a fake one in tests). An item's time left is its time box less
the seconds banked while it was current before, less the running stretch since it became
current again. ``projection`` turns a fetched state and the clock into what the chair sees:
each item's time left and planned start, the meeting's time left and expected end. Ending
the meeting marks unreached items and carries them, and the items pushed to next time, to
the series' next meeting.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import (
    Action,
    AgendaItem,
    ItemAttendance,
    ItemMinutes,
    Meeting,
    Participation,
    WellbeingAssessment,
)
from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import AgendaItemStatus, Attendance, MeetingStatus
from stevnsmoeder.services import audit
from stevnsmoeder.services.carry_over import copy_items_into
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, ValidationError
from stevnsmoeder.services.oplog import operation
from stevnsmoeder.services.permissions import Permission, meeting_visible, require
from stevnsmoeder.services.planning import participation
from stevnsmoeder.services.revisions import bump

WARN_FRACTION = 0.8  # the timer warns when 80 % of the time box is used


class _TimeBox:
    """An item's time box and the time it has taken, in seconds."""

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
class ItemClock(_TimeBox):
    item_id: uuid.UUID
    time_box_seconds: int
    spent_seconds: int
    status: AgendaItemStatus = AgendaItemStatus.OPEN


@dataclass(frozen=True)
class LiveState:
    meeting_id: uuid.UUID
    status: MeetingStatus
    started_at: datetime | None
    current_item_id: uuid.UUID | None
    clocks: tuple[ItemClock, ...]
    present: frozenset[uuid.UUID]  # persons present at the meeting
    item_present: dict[uuid.UUID, frozenset[uuid.UUID]]  # per item: persons present
    as_of: datetime  # (aware UTC) when the clocks were read
    booked_from: datetime  # the meeting's slot, local wall-clock time
    booked_until: datetime
    can_set_back: bool = False  # running, and nothing written yet: see ``set_back_to_planned``

    def clock_of(self, item_id: uuid.UUID) -> ItemClock | None:
        return next((c for c in self.clocks if c.item_id == item_id), None)

    @property
    def pushed(self) -> frozenset[uuid.UUID]:
        """The items pushed to the next meeting."""
        return frozenset(c.item_id for c in self.clocks if c.status is AgendaItemStatus.NEXT_TIME)


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


def _written(s: Session, meeting: Meeting, items: list[AgendaItem]) -> bool:
    """Has anything been recorded in the running meeting? Minutes text, a level, a
    follow-up or a legal basis, an action, an item pushed to next time, or a change to who
    is present (someone absent, for the meeting or one item, or joining for one item)."""
    ids = [i.id for i in items]
    if any(i.status is AgendaItemStatus.NEXT_TIME for i in items):
        return True
    for row in s.scalars(select(ItemMinutes).where(ItemMinutes.agenda_item_id.in_(ids))):
        texts = (
            row.notes, row.decision, row.family_view, row.concern, row.resources, row.goals,
            row.preliminary_decision,
        )  # fmt: skip
        if any(t.strip() for t in texts) or row.legal_reference_id or row.follow_up_on:
            return True
    if s.scalar(select(Action.id).where(Action.agenda_item_id.in_(ids)).limit(1)) is not None:
        return True
    level = select(WellbeingAssessment.id).where(WellbeingAssessment.agenda_item_id.in_(ids))
    if s.scalar(level.limit(1)) is not None:
        return True
    present: set[uuid.UUID] = set()
    for p in s.scalars(select(Participation).where(Participation.meeting_id == meeting.id)):
        if p.attendance is Attendance.ABSENT:
            return True
        if p.attendance is Attendance.PRESENT:
            present.add(p.person_id)
    for mark in s.scalars(select(ItemAttendance).where(ItemAttendance.agenda_item_id.in_(ids))):
        if mark.attendance is not Attendance.PRESENT or mark.person_id not in present:
            return True
    return False


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
        clocks=tuple(
            ItemClock(i.id, i.time_box_minutes * 60, _spent(i, now), i.status) for i in items
        ),
        present=present,
        item_present={k: frozenset(v) for k, v in per_item.items()},
        as_of=now,
        booked_from=meeting.starts_at,
        booked_until=meeting.ends_at,
        can_set_back=meeting.status is MeetingStatus.IN_PROGRESS
        and not _written(s, meeting, items),
    )


def state(ctx: ServiceContext, meeting_id: uuid.UUID) -> LiveState:
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    with ctx.db.begin() as s:
        return _state(s, ctx, _meeting(s, ctx, meeting_id))


@operation("live.start")
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


@operation("live.set_back_to_planned")
def set_back_to_planned(ctx: ServiceContext, meeting_id: uuid.UUID) -> LiveState:
    """A meeting started by mistake (the wrong day, the wrong meeting) goes back to planned,
    as if never started: no clock, no current item, participants invited again. Only while
    nothing is written: minutes, levels, actions, pushed items and presence changes are
    records of the meeting, never undone by this."""
    with ctx.db.begin() as s:
        meeting = _running(s, ctx, meeting_id)
        items = _items(s, meeting.id)
        if _written(s, meeting, items):
            raise ValidationError(
                _(
                    "Something is already recorded in this meeting (minutes, a level, an "
                    "action, a pushed item or who is present), so it cannot be set back to "
                    "planned."
                )
            )
        ids = [i.id for i in items]
        s.execute(delete(ItemAttendance).where(ItemAttendance.agenda_item_id.in_(ids)))
        s.execute(delete(ItemMinutes).where(ItemMinutes.agenda_item_id.in_(ids)))  # all empty
        for item in items:
            item.status = AgendaItemStatus.OPEN
            item.spent_seconds = 0
            item.current_since = None
        for p in s.scalars(select(Participation).where(Participation.meeting_id == meeting.id)):
            if p.attendance is Attendance.PRESENT:
                p.attendance = Attendance.INVITED
        meeting.status = MeetingStatus.PLANNED
        meeting.started_at = None
        meeting.current_item_id = None
        meeting.revision += 1
        audit.record(s, ctx, "meeting.set_back", object_type="meeting", object_id=meeting.id)
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


@operation("live.go_to")
def go_to(ctx: ServiceContext, meeting_id: uuid.UUID, item_id: uuid.UUID) -> LiveState:
    with ctx.db.begin() as s:
        meeting = _running(s, ctx, meeting_id)
        item = s.get(AgendaItem, item_id)
        if item is None or item.meeting_id != meeting.id:
            raise NotFound(_("The agenda item does not exist."))
        _make_current(s, ctx, meeting, item)
        return _state(s, ctx, meeting)


@operation("live.step")
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


@operation("live.push_to_next_time")
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


@operation("live.undo_push")
def undo_push(ctx: ServiceContext, meeting_id: uuid.UUID, item_id: uuid.UUID) -> LiveState:
    """Take a pushed item back into today's meeting (while it runs)."""
    with ctx.db.begin() as s:
        meeting = _running(s, ctx, meeting_id)
        item = s.get(AgendaItem, item_id)
        if item is None or item.meeting_id != meeting.id:
            raise NotFound(_("The agenda item does not exist."))
        if item.status is not AgendaItemStatus.NEXT_TIME:
            raise ValidationError(_("The item is not pushed to the next meeting."))
        item.status = AgendaItemStatus.OPEN
        audit.record(
            s,
            ctx,
            "agenda.unpush",
            object_type="meeting",
            object_id=meeting.id,
            case_id=item.case_id,
        )
        return _state(s, ctx, meeting)


@operation("live.set_present")
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


@operation("live.end")
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


# -- the time projection -------------------------------------------------------------------


@dataclass(frozen=True)
class ItemTime(_TimeBox):
    """One item's time as the chair sees it now."""

    item_id: uuid.UUID
    planned_start: datetime  # local wall-clock: the meeting's start plus the boxes before it
    time_box_seconds: int
    spent_seconds: int  # up to the moment of the projection
    status: AgendaItemStatus
    current: bool
    expected_start: datetime | None  # while running, for an item still ahead (local)

    @property
    def pushed(self) -> bool:
        return self.status is AgendaItemStatus.NEXT_TIME


@dataclass(frozen=True)
class TimeProjection:
    running: bool
    items: tuple[ItemTime, ...]
    booked_until: datetime  # local wall-clock
    remaining_seconds: int  # of the items still to come, the current one included; 0 if idle
    expected_end: datetime | None  # local wall-clock, while running

    @property
    def late(self) -> bool:
        """The meeting is expected to run past its booked slot."""
        return self.expected_end is not None and self.expected_end > self.booked_until

    def of(self, item_id: uuid.UUID | None) -> ItemTime | None:
        return next((i for i in self.items if i.item_id == item_id), None)


def projection(state: LiveState, now: datetime) -> TimeProjection:
    """What is left of the meeting at ``now`` (aware), from a state read a moment ago.

    The current item's clock runs on from when the state was read. Still to come: the
    current item's time left and the full time left of every open item after it; items
    before the current one count as discussed (as ``end`` treats them), pushed ones as gone.
    An item over its time adds nothing more, so the expected end moves only forward as
    the overrun grows."""
    running = state.status is MeetingStatus.IN_PROGRESS
    elapsed = max(0, int((now - state.as_of).total_seconds()))
    current = next((n for n, c in enumerate(state.clocks) if c.item_id == state.current_item_id), 0)
    remaining = 0
    planned = state.booked_from
    items: list[ItemTime] = []
    for n, c in enumerate(state.clocks):
        is_current = running and c.item_id == state.current_item_id
        spent = c.spent_seconds + (elapsed if is_current else 0)
        ahead = running and (is_current or (n > current and c.status is AgendaItemStatus.OPEN))
        expected = None
        if ahead and not is_current:
            expected = _local(now + timedelta(seconds=remaining))
        if ahead:
            remaining += max(0, c.time_box_seconds - spent)
        items.append(
            ItemTime(c.item_id, planned, c.time_box_seconds, spent, c.status, is_current, expected)
        )
        planned += timedelta(seconds=c.time_box_seconds)
    return TimeProjection(
        running=running,
        items=tuple(items),
        booked_until=state.booked_until,
        remaining_seconds=remaining,
        expected_end=_local(now + timedelta(seconds=remaining)) if running else None,
    )


def _local(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL_TZ).replace(tzinfo=None)
