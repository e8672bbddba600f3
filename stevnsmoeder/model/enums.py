"""The enums stored in the database's columns (as their values) and used by every layer."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """What a user may do (need-to-know)."""

    ADMIN = "admin"
    LEDER = "leder"  # meeting chair
    REFERENT = "referent"  # secretary
    DELTAGER = "deltager"  # participant: the meetings they take part in
    PPR = "ppr"  # read-only reviewer of cases
    POLITI = "politi"  # SSP police participant
    CHEF = "chef"  # head of Børn & Læring: the policy follow-up's figures, nothing about a child


class MeetingStatus(enum.StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    HELD = "held"
    CANCELLED = "cancelled"


class Attendance(enum.StrEnum):
    INVITED = "invited"  # not yet known
    PRESENT = "present"
    AFBUD = "afbud"  # sent apologies
    ABSENT = "absent"  # did not come, no apologies


class AgendaItemKind(enum.StrEnum):
    STANDING = "standing"
    CASE = "case"
    INFORMATION = "information"


class AgendaItemStatus(enum.StrEnum):
    OPEN = "open"
    DISCUSSED = "discussed"
    NEXT_TIME = "next_time"  # pushed to the next meeting
    NOT_REACHED = "not_reached"


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class LegalBasisKind(enum.StrEnum):
    CONSENT = "consent"  # samtykke, Forvaltningsloven § 28
    ANONYMOUS = "anonymous"  # anonym drøftelse
    RPL115 = "rpl115"  # Retsplejeloven § 115, SSP only
    UNDERRETNING = "underretning"  # Barnets lov § 133
    OTHER = "other"  # with a reason
