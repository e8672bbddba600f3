"""Errors a user can meet, each with a message in the user's language."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from stevnsmoeder.i18n import _, _n


class ServiceError(Exception):
    """A known problem. ``str(err)`` is a complete sentence for the user; no personal data."""


class NotFound(ServiceError):
    pass


class PermissionDenied(ServiceError):
    pass


class ValidationError(ServiceError):
    pass


class AuthError(ServiceError):
    """A login that did not succeed. ``wait_seconds``: how long the user name must wait
    before the next attempt (0: it may try again at once); the message then says so too
    ("… Vent 2 sekunder, før du prøver igen."), and ``reason`` is the message without it."""

    def __init__(self, message: str = "", wait_seconds: int = 0) -> None:
        super().__init__(f"{message} {wait_message(wait_seconds)}" if wait_seconds else message)
        self.reason = message
        self.wait_seconds = wait_seconds


def wait_message(seconds: int) -> str:
    """ "Vent 30 sekunder, før du prøver igen." """
    return _n(
        "Wait {n} second before you try again.", "Wait {n} seconds before you try again.", seconds
    )


class LoginDelayed(AuthError):
    """Too many failed logins in a row: the next attempt must wait."""


class AccessRevoked(AuthError):
    """The user's access, or this computer's, was closed on the server (after the right
    password: never a guess)."""


class ReplicaExpired(ServiceError):
    """A replica that has not reached the server for too long: it must sync first."""


class ConflictError(ServiceError):
    """The meeting changed elsewhere since it was loaded."""


class NotOnThisDatabase(ServiceError):
    """Work on the laptop's database file (its key file, backups, re-keying) asked of a
    database on a server, or the other way round."""


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


class StorageProblem(ServiceError):
    """The disk is full, or the folder may not be written: nothing is wrong with the data."""


_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)


def _nearly_full(where: Path | None) -> bool:
    if where is None:
        return False
    try:
        return shutil.disk_usage(where).free < 1024 * 1024
    except OSError:
        return False


def storage_problem(exc: BaseException, where: Path | None = None) -> StorageProblem | None:
    """The known storage problem behind ``exc`` (an OSError, or SQLite's own words for it
    anywhere in the chain of causes), as a message for the user; None when it is none."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        text = str(current).lower()
        full = (
            (isinstance(current, OSError) and current.errno in _FULL)
            or "database or disk is full" in text
            # SQLite says only "disk I/O error" when it cannot even make its shared-memory
            # file: call that a full disk only when the disk is indeed (nearly) full.
            or ("disk i/o error" in text and _nearly_full(where))
        )
        if full:
            return StorageProblem(
                _(
                    "The disk is full, so stevnsmoeder could not write{where}. Nothing that "
                    "was already saved is lost: free some space and try again.",
                    where=_(" in {folder}", folder=where) if where else "",
                )
            )
        read_only = (isinstance(current, OSError) and current.errno in _READ_ONLY) or (
            "readonly database" in text or "read-only file system" in text
        )
        if read_only:
            return StorageProblem(
                _(
                    "stevnsmoeder may not write{where}: the folder or the file is read-only, "
                    "or you lack permission. Nothing is damaged: open the database from a "
                    "folder you may write to, or ask your IT department.",
                    where=_(" in {folder}", folder=where) if where else "",
                )
            )
        current = current.__cause__ or current.__context__
    return None
