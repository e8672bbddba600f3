"""One way in for every kind of database: an authenticator verifies a user and returns the
context every service call takes.

- The laptop's encrypted file: the password unwraps the database key from the key file
  (``services.access.login``); failed attempts are noted beside the file.
- A database on PostgreSQL (direct mode, and the server): the password is checked against
  the Argon2id hash in ``app_user`` (``services.server_access.login_server``); failures go
  into the hash-chained log at once.

Both count failed logins per user name and make the fifth and later attempts wait, and
both refuse a closed user. Callers (the window, the command line) choose an authenticator
from what the user pointed at, and never branch on the engine themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from stevnsmoeder.db.base import utcnow
from stevnsmoeder.db.urls import is_postgres_url, shown
from stevnsmoeder.services import access, server_access
from stevnsmoeder.services.context import Clock, ServiceContext


class Authenticator(Protocol):
    @property
    def where(self) -> str:
        """The database, as it may be shown to the user (a URL without its password)."""
        ...

    def login(self, login_name: str, password: str, *, clock: Clock = utcnow) -> ServiceContext:
        """The user's context; raises ``AuthError`` (or ``LoginDelayed``) when refused."""
        ...


@dataclass(frozen=True)
class EncryptedFile:
    """The laptop's SQLCipher file: the password unwraps the database key."""

    path: Path

    @property
    def where(self) -> str:
        return str(self.path)

    def login(self, login_name: str, password: str, *, clock: Clock = utcnow) -> ServiceContext:
        return access.login(self.path, login_name, password, clock=clock)


@dataclass(frozen=True)
class ServerDatabase:
    """A PostgreSQL database: the password is checked against the user's Argon2id hash."""

    url: str

    @property
    def where(self) -> str:
        return shown(self.url)

    def login(self, login_name: str, password: str, *, clock: Clock = utcnow) -> ServiceContext:
        return server_access.login_server(self.url, login_name, password, clock=clock)


def authenticator_for(target: str | Path) -> Authenticator:
    """The authenticator for a database file's path or a ``postgresql+psycopg://`` URL."""
    if isinstance(target, str) and is_postgres_url(target):
        return ServerDatabase(target)
    return EncryptedFile(Path(target).expanduser())
