"""Errors a user can meet, each with a message in the user's language."""

from __future__ import annotations

from stevnsmoeder.i18n import _


class ServiceError(Exception):
    """A known problem. ``str(err)`` is a complete sentence for the user; no personal data."""


class NotFound(ServiceError):
    pass


class PermissionDenied(ServiceError):
    pass


class ValidationError(ServiceError):
    pass


class AuthError(ServiceError):
    pass


class LoginDelayed(AuthError):
    """Too many failed logins in a row: the next attempt must wait."""


class DatabaseMissing(ServiceError):
    def __init__(self, path: str) -> None:
        super().__init__(_("No database at {path}.", path=path))


class DatabaseExists(ServiceError):
    def __init__(self, path: str) -> None:
        super().__init__(_("A database already exists at {path}.", path=path))


class DatabaseBusy(ServiceError):
    """Another program has the database open."""


class DatabaseUnreadable(ServiceError):
    pass
