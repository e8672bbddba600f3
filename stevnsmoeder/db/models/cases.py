"""Cases (a child or young person, or an anonymous case), custody holders, consent and the
legal basis on which a case item is discussed."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from stevnsmoeder.db.base import Entity, name200, opt_text, str_enum, text
from stevnsmoeder.db.models.reference import District
from stevnsmoeder.model.enums import LegalBasisKind


class Case(Entity):
    """A child or young person followed across meetings, or an anonymous case."""

    __tablename__ = "child_case"
    __table_args__ = (
        CheckConstraint(
            "anonymous OR (first_name IS NOT NULL AND first_name <> '')",
            name="named_case_has_name",
        ),
        CheckConstraint("NOT anonymous OR cpr IS NULL", name="anonymous_has_no_cpr"),
    )

    # A short human reference such as "S-2026-0042", printed on documents.
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    pseudonym: Mapped[str] = mapped_column(String(80), default="")
    first_name: Mapped[str | None] = mapped_column(String(120))
    last_name: Mapped[str | None] = mapped_column(String(120))
    cpr: Mapped[str | None] = mapped_column(String(10))  # ten digits, no hyphen
    birth_date: Mapped[date | None] = mapped_column(Date)
    institution: Mapped[str] = mapped_column(String(200), default="")  # school/daycare
    grade: Mapped[str] = mapped_column(String(40), default="")
    district_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("district.id"))
    closed_on: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[text]
    # The child's case in the municipality's case system (ESDH), where extracts are filed.
    esdh_case_number: Mapped[str] = mapped_column(String(40), default="", server_default="")

    district: Mapped[District | None] = relationship()
    custody_holders: Mapped[list[CustodyHolder]] = relationship(
        back_populates="case", cascade="all, delete-orphan"
    )
    consents: Mapped[list[Consent]] = relationship(
        back_populates="case", cascade="all, delete-orphan"
    )


class CustodyHolder(Entity):
    """A forældremyndighedsindehaver (or other family member with a say)."""

    __tablename__ = "custody_holder"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("child_case.id", ondelete="CASCADE"))
    name: Mapped[name200]
    relation: Mapped[str] = mapped_column(String(80), default="")  # mor, far, værge …
    has_custody: Mapped[bool] = mapped_column(Boolean, default=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))

    case: Mapped[Case] = relationship(back_populates="custody_holders")


class Consent(Entity):
    """Parental consent (Forvaltningsloven § 28): voluntary, specific, informed, revocable."""

    __tablename__ = "consent"
    __table_args__ = (
        CheckConstraint("expires_on IS NULL OR expires_on >= given_on", name="expires_after_given"),
    )

    case_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("child_case.id", ondelete="CASCADE"), index=True
    )
    given_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("custody_holder.id"))
    scope: Mapped[text]  # what may be discussed, in the custody holder's words
    recipients: Mapped[text]  # which professions/organisations may receive what
    given_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    withdrawal_note: Mapped[opt_text]
    document_ref: Mapped[str] = mapped_column(String(80), default="")  # ESDH reference

    case: Mapped[Case] = relationship(back_populates="consents")
    given_by: Mapped[CustodyHolder] = relationship()
    meeting_types: Mapped[list[ConsentMeetingType]] = relationship(cascade="all, delete-orphan")

    def valid_on(self, day: date) -> bool:
        return (
            self.given_on <= day
            and (self.expires_on is None or day <= self.expires_on)
            and (self.withdrawn_on is None or day < self.withdrawn_on)
        )


class ConsentMeetingType(Entity):
    """Which kinds of meeting a consent covers."""

    __tablename__ = "consent_meeting_type"
    __table_args__ = (UniqueConstraint("consent_id", "meeting_type_id"),)

    consent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("consent.id", ondelete="CASCADE"))
    meeting_type_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting_type.id"))


class LegalBasis(Entity):
    """The legal basis on which one case item is discussed."""

    __tablename__ = "legal_basis"

    agenda_item_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), unique=True
    )
    kind: Mapped[LegalBasisKind] = mapped_column(str_enum(LegalBasisKind, "legal_basis_kind"))
    consent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("consent.id"))
    legal_reference_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("legal_reference.id"))
    reason: Mapped[text]
    recorded_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("app_user.id"))
