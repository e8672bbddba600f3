"""Restoring a backup: it is checked first (the user's password opens it, SQLCipher's page
authentication and SQLite's integrity check pass, the access log's chain is unbroken), the file
it replaces is kept beside it, and only then is the backup put in place.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from stevnsmoeder.db.base import utcnow
from stevnsmoeder.db.engine import DatabaseInUse, UnsafeLockFile, instance_lock, release_lock
from stevnsmoeder.db.keystore import KeyStore, KeyStoreError, keyfile_path, normalise_login
from stevnsmoeder.db.models import AuditEvent, User
from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.i18n import _
from stevnsmoeder.services import access, audit, audit_trail
from stevnsmoeder.services.access import open_database, seen_attempts, unsafe_lock_message
from stevnsmoeder.services.backup import copy_synced
from stevnsmoeder.services.backup_rotation import backups_dir, list_backups, live_database_for
from stevnsmoeder.services.context import Clock
from stevnsmoeder.services.errors import (
    AuthError,
    DatabaseBusy,
    DatabaseUnreadable,
    PermissionDenied,
    ServiceError,
    ValidationError,
)
from stevnsmoeder.services.login_attempts import Attempts
from stevnsmoeder.services.permissions import ROLE_PERMISSIONS, Permission


@dataclass(frozen=True)
class Verified:
    events: int
    last_event: datetime | None


def verify_file(path: Path, login_name: str, password: str) -> Verified:
    """Open a database file (a backup) with this user's password and check it through."""
    db = open_database(path, login_name, password)
    try:
        raw = db.engine.raw_connection()
        try:
            cur = raw.cursor()
            bad_pages = cur.execute("PRAGMA cipher_integrity_check").fetchall()
            integrity = [row[0] for row in cur.execute("PRAGMA integrity_check").fetchall()]
        finally:
            raw.close()
        if bad_pages or integrity != ["ok"]:
            raise DatabaseUnreadable(_("The backup is damaged: {path}", path=path.name))
        with db.begin() as s:
            # Only an active user whose role maintains the database may restore (a closed
            # user's entry may still be in an old backup's key file).
            user = s.scalar(select(User).where(User.login == normalise_login(login_name)))
            if (
                user is None
                or not user.active
                or Permission.MAINTAIN not in ROLE_PERMISSIONS.get(user.role, frozenset())
            ):
                raise PermissionDenied(
                    _("Your role does not allow this: {what}.", what=_("restore a backup"))
                )
            chain = audit.verify_chain(s)
            last = s.scalar(select(AuditEvent.at).order_by(AuditEvent.seq.desc()).limit(1))
        if not chain.ok:
            raise DatabaseUnreadable(
                _("The backup's access log is broken at event {seq}.", seq=chain.first_bad_seq)
            )
        return Verified(chain.events, last)
    except ServiceError:
        raise
    except Exception:
        raise DatabaseUnreadable(_("The backup is damaged: {path}", path=path.name)) from None
    finally:
        db.close()


def _still_a_user(db_path: Path, login_name: str) -> None:
    """A user whose access was closed has no entry in the current key file any more (an old
    backup may still have one): they may not restore. A missing or damaged current key file
    is the case restoring is for, and does not stop it."""
    try:
        current = KeyStore.load(keyfile_path(db_path))
    except KeyStoreError:
        return
    if normalise_login(login_name) not in current.logins():
        raise PermissionDenied(
            _("Your role does not allow this: {what}.", what=_("restore a backup"))
        )


def _may_restore_here(db_path: Path, login_name: str, password: str) -> None:
    """When the live database opens, the user's role there decides, not the one an older
    backup remembers (a user since demoted or closed may not restore their old role)."""
    if not db_path.exists():
        return
    try:
        db = open_database(db_path, login_name, password)
    except ServiceError:  # damaged or unreadable: what restoring is for
        return
    try:
        with db.begin() as s:
            user = s.scalar(select(User).where(User.login == normalise_login(login_name)))
            allowed = (
                user is not None
                and user.active
                and Permission.MAINTAIN in ROLE_PERMISSIONS.get(user.role, frozenset())
            )
    finally:
        db.close()
    if not allowed:
        raise PermissionDenied(
            _("Your role does not allow this: {what}.", what=_("restore a backup"))
        )


@dataclass(frozen=True)
class Restored:
    replaced: Path | None  # where the file it replaced was kept
    verified: Verified


def restore(
    db_path: Path, source: Path, login_name: str, password: str, *, clock: Clock = utcnow
) -> Restored:
    """Put a verified backup in place of the database; the replaced file is kept beside it.

    The database must not be open (in this or another program). A wrong password counts
    against the live database's lock-out, exactly as at the login."""
    if _same_file(source, db_path):
        raise ValidationError(
            _(
                "{path} is the database itself, not a backup of it. Choose a backup, e.g. "
                "from the folder {folder}.",
                path=source.name,
                folder=backups_dir(db_path),
            )
        )
    if not source.is_file() or not keyfile_path(source).is_file():
        raise DatabaseUnreadable(
            _("{path} is not a backup (the database and its .keys file).", path=source)
        )
    name = normalise_login(login_name)
    # Wrong passwords count against the database they could open: the live one restored
    # over, or the one whose rotation holds the source, or else the source itself.
    counted = (
        db_path if db_path.exists() else live_database_for(source.resolve()) or source.resolve()
    )
    attempts = Attempts.load(counted)
    now_utc = clock()
    attempts.check_against(seen_attempts(counted), now_utc)  # deleted or replaced?
    attempts.refuse_if_waiting(name, now_utc)
    try:
        verified = verify_file(source, login_name, password)
    except AuthError:
        attempts.failed(name, now_utc, "restore")
        raise
    _still_a_user(db_path, login_name)
    _may_restore_here(db_path, login_name, password)
    now = now_utc.astimezone(LOCAL_TZ)
    try:
        lock = instance_lock(db_path)  # no other program may have the file open meanwhile
    except DatabaseInUse:
        raise DatabaseBusy(
            _("The database is open in another stevnsmoeder. Close it before restoring.")
        ) from None
    except UnsafeLockFile as exc:
        raise DatabaseUnreadable(unsafe_lock_message(str(exc))) from None
    try:
        replaced = _swap_in(db_path, source, now)
    finally:
        release_lock(lock)
    ctx = access.login(db_path, login_name, password, clock=clock)
    try:
        # Going back to a backup is no rollback: the heads recorded outside the database
        # that the restored log lacks are accepted, and the restore is logged.
        audit_trail.accept(ctx, [head for _where, head in audit_trail.references(ctx)])
        with ctx.db.begin() as s:
            audit.record(s, ctx, "restore", detail=f"from {source.name}")
    finally:
        ctx.db.close()
    return Restored(replaced, verified)


def restore_newest(
    db_path: Path, login_name: str, password: str, *, clock: Clock = utcnow
) -> Restored:
    """Restore the newest backup in the rotation that verifies; a damaged one is passed
    over for the one before it (and stays where it is)."""
    found = list_backups(db_path)
    if not found:
        raise DatabaseUnreadable(_("There is no backup beside the database."))
    damaged: DatabaseUnreadable | None = None
    for candidate in found:
        try:
            return restore(db_path, candidate.path, login_name, password, clock=clock)
        except DatabaseUnreadable as exc:
            damaged = damaged or exc
    assert damaged is not None
    raise DatabaseUnreadable(_("No backup in the rotation could be read: {why}", why=damaged))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` survive a power cut (POSIX; Windows has no such call and
    its renames are journaled by NTFS)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _swap_in(db_path: Path, source: Path, now: datetime) -> Path | None:
    """Put the backup's files in place of the database's, keeping the current ones as
    ``<db>.replaced-…``.

    The order is chosen so that a crash at any point leaves a database at ``db_path`` that
    opens: the backup is first copied beside the database and synced; the current files are
    copied (not moved) to the kept set; the current write-ahead log, whose content is in the
    kept copy, is removed so it can never be replayed onto the restored file; then one atomic
    rename each puts the database and its key file in place."""
    folder = db_path.parent
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    try:
        new_db = copy_synced(source, folder)
        made.append(new_db)
        new_keys = copy_synced(keyfile_path(source), folder)
        made.append(new_keys)
        replaced = None
        if db_path.exists():
            replaced = db_path.with_name(f"{db_path.name}.replaced-{now:%Y%m%d-%H%M%S}")
            for suffix in ("", "-wal", "-shm"):
                part = db_path.with_name(db_path.name + suffix)
                if part.exists():
                    kept = copy_synced(part, folder)
                    made.append(kept)
                    os.rename(kept, replaced.with_name(replaced.name + suffix))
                    made.remove(kept)
            if keyfile_path(db_path).exists():
                kept = copy_synced(keyfile_path(db_path), folder)
                made.append(kept)
                os.rename(kept, keyfile_path(replaced))
                made.remove(kept)
            _sync_folder(folder)
            for suffix in ("-wal", "-shm"):
                db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        os.replace(new_db, db_path)
        made.remove(new_db)
        os.replace(new_keys, keyfile_path(db_path))
        made.remove(new_keys)
        _sync_folder(folder)
        return replaced
    finally:
        for leftover in made:
            leftover.unlink(missing_ok=True)
