"""Meeting series, meetings, who takes part, and the agenda.

Meeting times are local wall-clock times in Europe/Copenhagen, stored naive: a meeting at
13.00 stays at 13.00 across daylight-saving changes. Row timestamps are UTC.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from stevnsmoeder.db.base import Entity, UTCDateTime, name200, opt_text, str_enum, text
from stevnsmoeder.db.models.reference import (
    District,
    HolidayPolicy,
    MeetingType,
    ParticipantRole,
    holiday_policy_type,
)
from stevnsmoeder.model.enums import AgendaItemKind, AgendaItemStatus, Attendance, MeetingStatus


class MeetingSeries(Entity):
    __tablename__ = "meeting_series"

    meeting_type_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting_type.id"))
    district_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("district.id"))
    title: Mapped[name200]
    rrule: Mapped[str] = mapped_column(String(400))  # RFC 5545 RRULE text
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    start_time: Mapped[time] = mapped_column(Time)
    duration_minutes: Mapped[int] = mapped_column(Integer)
    place: Mapped[str] = mapped_column(String(200), default="")
    holiday_policy: Mapped[HolidayPolicy] = mapped_column(
        holiday_policy_type, default=HolidayPolicy.MOVE
    )
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # When the rule changes from a date on, the series is split: the old part ends and a new
    # series continues with the new rule; this links the new part to the old.
    previous_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="SET NULL")
    )

    meeting_type: Mapped[MeetingType] = relationship()
    district: Mapped[District | None] = relationship()
    standing: Mapped[list[SeriesParticipant]] = relationship(
        back_populates="series", cascade="all, delete-orphan"
    )


class SeriesParticipant(Entity):
    """A standing participant of a series, invited to each of its meetings."""

    __tablename__ = "series_participant"
    __table_args__ = (UniqueConstraint("series_id", "person_id"),)

    series_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="CASCADE")
    )
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    role_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("participant_role.id"))

    series: Mapped[MeetingSeries] = relationship(back_populates="standing")
    role: Mapped[ParticipantRole] = relationship()


class Meeting(Entity):
    __tablename__ = "meeting"
    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        # One meeting per rule date of a series: generating again never duplicates.
        UniqueConstraint("series_id", "occurrence_date"),
    )

    series_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meeting_series.id"))
    meeting_type_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting_type.id"))
    district_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("district.id"))
    title: Mapped[name200]
    # Local wall-clock time (Europe/Copenhagen), naive on purpose.
    starts_at: Mapped[datetime] = mapped_column(DateTime(), index=True)
    ends_at: Mapped[datetime] = mapped_column(DateTime())
    place: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[MeetingStatus] = mapped_column(
        str_enum(MeetingStatus, "meeting_status"), default=MeetingStatus.PLANNED
    )
    chair_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    secretary_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    cancel_reason: Mapped[opt_text]
    # When an occurrence was moved (holiday or by hand): its original date and why.
    original_start: Mapped[datetime | None] = mapped_column(DateTime())
    move_reason: Mapped[opt_text]
    # The date the series' rule gave this occurrence (it may have been moved since).
    occurrence_date: Mapped[date | None] = mapped_column(Date)
    # iCalendar SEQUENCE: raised on every change a calendar must pick up (move, cancel).
    sequence: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Raised by every change to the agenda or participants; a change made against an older
    # revision (another window, another laptop) is refused instead of overwriting.
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Every UPDATE of the row says "… WHERE revision = <the one read>": two writers that read
    # the same revision cannot both write (the services raise it, see services.revisions).
    __mapper_args__ = {  # noqa: RUF012 (read once, by the mapper)
        "version_id_col": revision,
        "version_id_generator": False,
    }
    # The running meeting: when it actually started and ended, and the item now discussed
    # (kept so reopening the meeting returns to it; no foreign key: agenda items point here).
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    current_item_id: Mapped[uuid.UUID | None] = mapped_column()
    # Approved minutes are locked; the checksum is of the approved content (printed on it).
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    approved_checksum: Mapped[str | None] = mapped_column(String(64))

    meeting_type: Mapped[MeetingType] = relationship()
    district: Mapped[District | None] = relationship()
    series: Mapped[MeetingSeries | None] = relationship()
    participations: Mapped[list[Participation]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )


class Participation(Entity):
    __tablename__ = "participation"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    role_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("participant_role.id"))
    attendance: Mapped[Attendance] = mapped_column(
        str_enum(Attendance, "attendance"), default=Attendance.INVITED
    )

    meeting: Mapped[Meeting] = relationship(back_populates="participations")
    role: Mapped[ParticipantRole] = relationship()


class AgendaItem(Entity):
    __tablename__ = "agenda_item"
    __table_args__ = (
        CheckConstraint("time_box_minutes >= 0", name="time_box_not_negative"),
        CheckConstraint("(kind = 'case') = (case_id IS NOT NULL)", name="case_item_has_case"),
    )

    meeting_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[AgendaItemKind] = mapped_column(str_enum(AgendaItemKind, "agenda_item_kind"))
    title: Mapped[name200]
    description: Mapped[text]
    time_box_minutes: Mapped[int] = mapped_column(Integer, default=5)
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("child_case.id"), index=True)
    status: Mapped[AgendaItemStatus] = mapped_column(
        str_enum(AgendaItemStatus, "agenda_item_status"), default=AgendaItemStatus.OPEN
    )
    carried_over_from_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    # Time actually spent: seconds banked when the chair left the item, plus the running
    # stretch since ``current_since`` while it is the current item.
    spent_seconds: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    current_since: Mapped[datetime | None] = mapped_column(UTCDateTime())

    meeting: Mapped[Meeting] = relationship(back_populates="items")


class ItemAttendance(Entity):
    """Who was present while one agenda item was discussed (parents may join for one item)."""

    __tablename__ = "item_attendance"
    __table_args__ = (UniqueConstraint("agenda_item_id", "person_id"),)

    agenda_item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE")
    )
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    role_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("participant_role.id"))
    attendance: Mapped[Attendance] = mapped_column(
        str_enum(Attendance, "item_attendance_kind"), default=Attendance.PRESENT
    )
