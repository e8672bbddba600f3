"""All mapped tables, importable from one place (Alembic's target metadata uses this)."""

from stevnsmoeder.db.base import Base
from stevnsmoeder.db.models.audit import AuditEvent
from stevnsmoeder.db.models.cases import (
    Case,
    Consent,
    ConsentMeetingType,
    CustodyHolder,
    LegalBasis,
)
from stevnsmoeder.db.models.filing import FilingClass, FilingRecord
from stevnsmoeder.db.models.meetings import (
    AgendaItem,
    ItemAttendance,
    Meeting,
    MeetingSeries,
    Participation,
    SeriesParticipant,
)
from stevnsmoeder.db.models.minutes import (
    Action,
    ActionDraft,
    ItemMinutes,
    MinutesVersion,
    WellbeingAssessment,
)
from stevnsmoeder.db.models.people import Person, User
from stevnsmoeder.db.models.reference import (
    AgendaTemplateItem,
    AppSetting,
    ClosedPeriod,
    District,
    HolidayPolicy,
    LegalReference,
    MeetingType,
    MeetingTypeRole,
    ParticipantRole,
    WellbeingLevel,
)
from stevnsmoeder.db.models.sync import (
    AppliedOperation,
    Device,
    DeviceSession,
    MeetingLease,
    OutboxEntry,
    Shipment,
    SyncConflict,
    TakenCase,
    Tombstone,
)

__all__ = [
    "Action",
    "ActionDraft",
    "AgendaItem",
    "AgendaTemplateItem",
    "AppSetting",
    "AppliedOperation",
    "AuditEvent",
    "Base",
    "Case",
    "ClosedPeriod",
    "Consent",
    "ConsentMeetingType",
    "CustodyHolder",
    "Device",
    "DeviceSession",
    "District",
    "FilingClass",
    "FilingRecord",
    "HolidayPolicy",
    "ItemAttendance",
    "ItemMinutes",
    "LegalBasis",
    "LegalReference",
    "Meeting",
    "MeetingLease",
    "MeetingSeries",
    "MeetingType",
    "MeetingTypeRole",
    "MinutesVersion",
    "OutboxEntry",
    "ParticipantRole",
    "Participation",
    "Person",
    "SeriesParticipant",
    "Shipment",
    "SyncConflict",
    "TakenCase",
    "Tombstone",
    "User",
    "WellbeingAssessment",
    "WellbeingLevel",
]
