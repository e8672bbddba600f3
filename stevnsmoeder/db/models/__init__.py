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
    Tombstone,
)

__all__ = [
    "Action",
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
    "Tombstone",
    "User",
    "WellbeingAssessment",
    "WellbeingLevel",
]
