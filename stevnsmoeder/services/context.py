"""Who acts, on which database, by which clock."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from stevnsmoeder.db.base import utcnow
from stevnsmoeder.db.engine import Database
from stevnsmoeder.db.models import Role

__all__ = ["LOCAL_TZ", "Actor", "Clock", "Role", "ServiceContext"]

LOCAL_TZ = ZoneInfo("Europe/Copenhagen")
Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Actor:
    user_id: uuid.UUID
    login: str
    role: Role
    person_id: uuid.UUID | None = None
    display_name: str = ""


@dataclass
class ServiceContext:
    db: Database
    actor: Actor
    clock: Clock = field(default=utcnow)

    def now(self) -> datetime:
        """Aware UTC now."""
        return self.clock()

    def local_now(self) -> datetime:
        """Naive local wall-clock now (the way meeting times are stored)."""
        return self.clock().astimezone(LOCAL_TZ).replace(tzinfo=None)

    def today(self) -> date:
        return self.local_now().date()
