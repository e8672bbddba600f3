"""Who acts, on which database, by which clock."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from stevnsmoeder.db.base import utcnow
from stevnsmoeder.db.engine import Database, EncryptedFileDatabase
from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services.errors import NotOnThisDatabase

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

    @property
    def on_file(self) -> bool:
        """True on the laptop's encrypted file (the embedded default), False on a server."""
        return isinstance(self.db, EncryptedFileDatabase)

    @property
    def file_db(self) -> EncryptedFileDatabase:
        """The laptop's database file, for work on its files (key file, failed logins,
        backups, re-keying); refused on a database on a server."""
        if not isinstance(self.db, EncryptedFileDatabase):
            raise NotOnThisDatabase(_("This works on a database file on this computer only."))
        return self.db

    def now(self) -> datetime:
        """Aware UTC now."""
        return self.clock()

    def local_now(self) -> datetime:
        """Naive local wall-clock now (the way meeting times are stored)."""
        return self.clock().astimezone(LOCAL_TZ).replace(tzinfo=None)

    def today(self) -> date:
        return self.local_now().date()
