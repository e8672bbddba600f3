"""All mapped tables, importable from one place (Alembic's target metadata uses this)."""

from stevnsmoeder.db.base import Base
from stevnsmoeder.db.models.audit import AuditEvent
from stevnsmoeder.db.models.cases import (
    Case,
    Consent,
    ConsentMeetingType,
    CustodyHolder,
    LegalBasis,
    LegalBasisKind,
)
from stevnsmoeder.db.models.meetings import (
    AgendaItem,
    AgendaItemKind,
    AgendaItemStatus,
    Attendance,
    ItemAttendance,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Participation,
    SeriesParticipant,
)
from stevnsmoeder.db.models.minutes import (
    Action,
    ActionStatus,
    ItemMinutes,
    MinutesVersion,
    WellbeingAssessment,
)
from stevnsmoeder.db.models.people import Person, Role, User
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
from stevnsmoeder.db.models.sync import Tombstone

__all__ = [
    "Action",
    "ActionStatus",
    "AgendaItem",
    "AgendaItemKind",
    "AgendaItemStatus",
    "AgendaTemplateItem",
    "AppSetting",
    "Attendance",
    "AuditEvent",
    "Base",
    "Case",
    "ClosedPeriod",
    "Consent",
    "ConsentMeetingType",
    "CustodyHolder",
    "District",
    "HolidayPolicy",
    "ItemAttendance",
    "ItemMinutes",
    "LegalBasis",
    "LegalBasisKind",
    "LegalReference",
    "Meeting",
    "MeetingSeries",
    "MeetingStatus",
    "MeetingType",
    "MeetingTypeRole",
    "MinutesVersion",
    "ParticipantRole",
    "Participation",
    "Person",
    "Role",
    "SeriesParticipant",
    "Tombstone",
    "User",
    "WellbeingAssessment",
    "WellbeingLevel",
]
