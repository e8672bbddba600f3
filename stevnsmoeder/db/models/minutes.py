"""What a meeting produced per item: notes, decision, actions and well-being assessments."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from stevnsmoeder.db.base import Entity, opt_text, str_enum, text
from stevnsmoeder.model.enums import ActionStatus


class ItemMinutes(Entity):
    """The minutes of one agenda item."""

    __tablename__ = "item_minutes"

    agenda_item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), unique=True
    )
    notes: Mapped[text]  # resumé
    decision: Mapped[text]  # beslutning
    family_view: Mapped[text]  # FTM: the family's own view
    # FTM rounds: what worries us, what goes well, what must change (agreements are actions).
    concern: Mapped[text]
    resources: Mapped[text]
    goals: Mapped[text]
    # Forvisitation: the preliminary decision and the provision it rests on.
    preliminary_decision: Mapped[text]
    legal_reference_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("legal_reference.id"))
    follow_up_on: Mapped[date | None] = mapped_column(Date)


class Action(Entity):
    """An agreed action: hvem, hvad, hvornår."""

    __tablename__ = "action"

    agenda_item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    # The child the action is about, so open agreements follow the child across meetings.
    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("child_case.id"), index=True)
    owner_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    owner_text: Mapped[str] = mapped_column(String(200), default="")  # e.g. "forældrene"
    text: Mapped[str] = mapped_column(Text, default="")  # hvad
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ActionStatus] = mapped_column(
        str_enum(ActionStatus, "action_status"), default=ActionStatus.OPEN
    )
    done_on: Mapped[date | None] = mapped_column(Date)
    done_note: Mapped[opt_text]  # for a next step: the final decision recorded against it
    # A forvisitation's next step (conversation with the child, investigation) names its law.
    legal_reference_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("legal_reference.id"))


class ActionDraft(Entity):
    """An action the chair typed but did not add, kept with its item until it is added, the
    chair empties it, or the minutes are approved. Inside the encrypted database like the
    minutes themselves (a draft names children as the minutes do), and deleted with its item."""

    __tablename__ = "action_draft"

    agenda_item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), unique=True
    )
    text: Mapped[str] = mapped_column(Text, default="")  # hvad, as typed
    owner_text: Mapped[str] = mapped_column(String(200), default="")  # hvem, as typed
    due_on: Mapped[date | None] = mapped_column(Date)


class WellbeingAssessment(Entity):
    """A Trivselslinealen level given to a child on a date."""

    __tablename__ = "wellbeing_assessment"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 5", name="level_range"),)

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("child_case.id", ondelete="CASCADE"), index=True
    )
    agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), index=True
    )
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meeting.id"))
    level: Mapped[int] = mapped_column(Integer)
    assessed_on: Mapped[date] = mapped_column(Date)
    assessed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    note: Mapped[text]


class MinutesVersion(Entity):
    """A kept version of approved minutes: the approval itself, then one per addendum.

    ``content`` is the canonical JSON of the minutes as approved (or as amended), and
    ``checksum`` its SHA-256, so a printed copy can be matched to the record.

    An addendum is about one agenda item (``agenda_item_id``) or about the meeting in general
    (None), and is shown, printed and purged like that item. The key has no ON DELETE: an
    item with an addendum is never removed without its addendum being dealt with first
    (retention does so), so a correction about a child never silently becomes a general one
    or vanishes from one version while its text stays in the later ones."""

    __tablename__ = "minutes_version"
    __table_args__ = (UniqueConstraint("meeting_id", "number"),)

    meeting_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # "approval" or "addendum"
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
    addendum: Mapped[text]
    agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("agenda_item.id"), index=True
    )
    content: Mapped[str] = mapped_column(Text)
    checksum: Mapped[str] = mapped_column(String(64))
