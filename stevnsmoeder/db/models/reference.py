"""Reference data the municipality edits: districts, meeting types with their default roles
and agenda templates, participant roles, legal references and the Trivselslinealen labels."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from stevnsmoeder.db.base import Entity, name200, opt_text, str_enum, text
from stevnsmoeder.domain.calendar import HolidayPolicy
from stevnsmoeder.domain.minutes_fields import MinutesSection

__all__ = ["HolidayPolicy"]  # re-exported for the models package

DEFAULT_COLOUR = "#444444"  # a meeting type's colour in the calendar, until one is chosen


class District(Entity):
    __tablename__ = "district"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[name200]
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ParticipantRole(Entity):
    """A role someone has at a meeting: chair, school, police, parent …"""

    __tablename__ = "participant_role"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[name200]
    # Family members (parents, the child) are not professionals; minutes treat them apart.
    is_family: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class MeetingType(Entity):
    __tablename__ = "meeting_type"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[name200]
    short_name: Mapped[str] = mapped_column(String(40))
    description: Mapped[text]
    default_duration_minutes: Mapped[int] = mapped_column(Integer, default=120)
    # RFC 5545 RRULE text for new series of this type; empty for ad hoc types (FTM).
    default_rrule: Mapped[str] = mapped_column(String(200), default="")
    has_district: Mapped[bool] = mapped_column(Boolean, default=False)
    family_present: Mapped[bool] = mapped_column(Boolean, default=False)
    # Retsplejeloven § 115 is a legal basis only in SSP.
    allows_rpl115: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # Behaviour, as data: code never asks which type a meeting is, only what its type does.
    # Booked for one child when needed (FTM), never in a series.
    ad_hoc: Mapped[bool] = mapped_column(Boolean, default=False)
    # The police may see meetings of this type (the § 115 exchange happens in SSP).
    police_visible: Mapped[bool] = mapped_column(Boolean, default=False)
    # The minutes' sections beyond the common one (one flag per MinutesSection, named
    # minutes_<section>): FTM rounds and the family's view; forvisitation's decision.
    minutes_family_rounds: Mapped[bool] = mapped_column(Boolean, default=False)
    minutes_preliminary_decision: Mapped[bool] = mapped_column(Boolean, default=False)
    colour: Mapped[str] = mapped_column(String(7), default=DEFAULT_COLOUR)  # #rrggbb, calendar

    roles: Mapped[list[MeetingTypeRole]] = relationship(
        back_populates="meeting_type", order_by="MeetingTypeRole.sort_order"
    )
    template: Mapped[list[AgendaTemplateItem]] = relationship(
        back_populates="meeting_type", order_by="AgendaTemplateItem.position"
    )

    @property
    def minutes_sections(self) -> frozenset[MinutesSection]:
        """The sections its minutes have: the common one, and those its flags name."""
        return frozenset(
            s
            for s in MinutesSection
            if s is MinutesSection.COMMON or getattr(self, f"minutes_{s.value}")
        )


class MeetingTypeRole(Entity):
    """A default participant role for a meeting type."""

    __tablename__ = "meeting_type_role"
    __table_args__ = (UniqueConstraint("meeting_type_id", "role_id"),)

    meeting_type_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("meeting_type.id", ondelete="CASCADE")
    )
    role_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("participant_role.id"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    meeting_type: Mapped[MeetingType] = relationship(back_populates="roles")
    role: Mapped[ParticipantRole] = relationship()


class AgendaTemplateItem(Entity):
    """One step of a meeting type's default agenda."""

    __tablename__ = "agenda_template_item"
    __table_args__ = (UniqueConstraint("meeting_type_id", "position"),)

    meeting_type_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("meeting_type.id", ondelete="CASCADE")
    )
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[name200]
    kind: Mapped[str] = mapped_column(String(20), default="standing")
    description: Mapped[text]
    minutes: Mapped[int] = mapped_column(Integer, default=5)
    # A placeholder for the case items that go between the standing items.
    is_case_slot: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting_type: Mapped[MeetingType] = relationship(back_populates="template")


class LegalReference(Entity):
    """A provision of law, kept as editable data because the law is re-consolidated often."""

    __tablename__ = "legal_reference"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    citation: Mapped[name200]  # e.g. "Barnets lov § 5"
    former_citation: Mapped[opt_text]  # e.g. "Serviceloven § 48" before 1 January 2024
    title: Mapped[name200]
    description: Mapped[text]
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class WellbeingLevel(Entity):
    """A Trivselslinealen level (1–5) with its configurable label and ladder step."""

    __tablename__ = "wellbeing_level"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 5", name="level_range"),)

    level: Mapped[int] = mapped_column(Integer, unique=True)
    label: Mapped[name200]
    step: Mapped[str] = mapped_column(String(20))
    step_label: Mapped[name200]


class ClosedPeriod(Entity):
    """Days the municipality is closed beyond the public holidays: Christmas week, school
    holidays, Grundlovsdag if it so decides. ``yearly`` periods repeat every year (the
    year of the dates is then ignored)."""

    __tablename__ = "closed_period"
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="ends_after_start"),)

    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[name200]
    yearly: Mapped[bool] = mapped_column(Boolean, default=False)


holiday_policy_type = str_enum(HolidayPolicy, "holiday_policy")


class AppSetting(Entity):
    """A setting of the municipality's own, kept in the database (not per laptop): e.g. how
    long closed cases are kept."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(80), unique=True)
    value: Mapped[str] = mapped_column(String(400), default="")
