"""A case as listed (the register, the case page's header) and a parental consent as
recorded."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class CaseSummary:
    id: uuid.UUID
    reference: str
    display_name: str
    initials: str
    anonymous: bool
    district: str | None
    institution: str
    birth_date: date | None
    cpr_masked: str
    level: int | None
    level_label: str
    open_actions: int
    closed_on: date | None = None  # a closed case is kept (and shown as closed) until deleted

    @property
    def closed(self) -> bool:
        return self.closed_on is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "reference": self.reference,
            "display_name": self.display_name,
            "anonymous": self.anonymous,
            "district": self.district,
            "institution": self.institution,
            "level": self.level,
            "level_label": self.level_label,
            "open_actions": self.open_actions,
            "closed_on": self.closed_on.isoformat() if self.closed_on else None,
        }


@dataclass(frozen=True)
class ConsentInfo:
    id: uuid.UUID
    holder: str
    relation: str
    scope: str
    recipients: str
    given_on: date
    expires_on: date | None
    withdrawn_on: date | None
    meeting_types: tuple[str, ...]  # codes

    def valid_on(self, day: date) -> bool:
        return (
            self.given_on <= day
            and (self.expires_on is None or day <= self.expires_on)
            and (self.withdrawn_on is None or day < self.withdrawn_on)
        )
