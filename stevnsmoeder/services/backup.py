"""Encrypted backups: taken on closing (at most one a day) and before a schema upgrade, kept
in rotation, written on request, verified, and restored.

A backup is the database copied through SQLite's online backup API — encrypted with the same
key — plus a copy of the key file, so every user opens a backup with their own password and
nothing is ever written unencrypted. Backups live in ``backups/`` beside the database:
``stevnsmoeder-20261123-141500.db`` and its ``.keys``. The newest backup of each of the last
seven days with backups and of each of the four weeks before are kept; older ones go.

Restoring checks the backup first (the user's password opens it, SQLCipher's page
authentication and SQLite's integrity check pass, the access log's chain is unbroken), keeps
the file it replaces beside it, and only then puts the backup in place.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from stevnsmoeder.db.base import utcnow
from stevnsmoeder.db.engine import (
    DatabaseInUse,
    EncryptedFileDatabase,
    UnsafeLockFile,
    instance_lock,
    release_lock,
)
from stevnsmoeder.db.keystore import KeyStore, KeyStoreError, keyfile_path, normalise_login
from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.i18n import _
from stevnsmoeder.services import audit
from stevnsmoeder.services.context import Clock, ServiceContext
from stevnsmoeder.services.errors import (
    AuthError,
    DatabaseBusy,
    DatabaseUnreadable,
    PermissionDenied,
    ServiceError,
    ValidationError,
)
from stevnsmoeder.services.permissions import ROLE_PERMISSIONS, Permission, require

KEEP_DAYS = 7
KEEP_WEEKS = 4
_NAME = re.compile(r"^stevnsmoeder-(\d{8}-\d{6})\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # local time, from the file name
    size: int


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def live_database_for(path: Path) -> Path | None:
    """The live database whose rotation holds the backup at ``path`` (None when ``path`` is
    no backup in a rotation, or the folder above holds no single database)."""
    if path.parent.name != backups_dir(Path("x")).name or not _NAME.match(path.name):
        return None
    try:
        found = [p for p in path.parent.parent.glob("*.db") if keyfile_path(p).is_file()]
    except OSError:
        return None
    return found[0] if len(found) == 1 else None


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The backups in rotation, newest first."""
    folder = backups_dir(db_path)
    found = []
    for path in folder.glob("stevnsmoeder-*.db") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match is None or not keyfile_path(path).exists() or path.stat().st_size == 0:
            continue  # not one of ours, or left empty by a full disk or a crash
        taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=LOCAL_TZ)
        found.append(BackupInfo(path, taken, path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def to_keep(taken: Iterable[datetime]) -> set[datetime]:
    """Of these backup times: the newest of each of the last KEEP_DAYS days that have a backup,
    and the newest of each of the KEEP_WEEKS ISO weeks before those days."""
    newest_per_day: dict[object, datetime] = {}
    for at in sorted(taken, reverse=True):
        newest_per_day.setdefault(at.date(), at)
    days = sorted(newest_per_day, reverse=True)  # type: ignore[type-var]
    keep = {newest_per_day[day] for day in days[:KEEP_DAYS]}
    weeks: dict[tuple[int, int], datetime] = {}
    for day in days[KEEP_DAYS:]:
        at = newest_per_day[day]
        week = at.isocalendar()[:2]
        weeks.setdefault((week[0], week[1]), at)
    keep |= set(sorted(weeks.values(), reverse=True)[:KEEP_WEEKS])
    return keep


def prune(db_path: Path) -> list[Path]:
    """Remove the backups out of rotation; returns what was removed."""
    backups = list_backups(db_path)
    keep = to_keep(b.taken_at for b in backups)
    removed = []
    for b in backups:
        if b.taken_at not in keep:
            b.path.unlink(missing_ok=True)
            keyfile_path(b.path).unlink(missing_ok=True)
            b.path.with_name(b.path.name + ".head.json").unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def _write(db: EncryptedFileDatabase, target: Path) -> BackupInfo:
    from sqlalchemy.exc import SQLAlchemyError

    from stevnsmoeder.services import audit_trail

    try:
        with db.begin() as s:  # read first: the backup holds at least this head
            chain_head = audit_trail.outside_head(s)
    except SQLAlchemyError:  # a database older than its settings table (before an upgrade)
        chain_head = None
    # Both files are made readable by this user only, beside their targets, and renamed
    # into place; an interruption leaves neither half of a backup behind.
    target.parent.mkdir(parents=True, exist_ok=True)
    keys = _copy_synced(keyfile_path(db.path), target.parent)
    existed = target.exists()
    try:
        db.backup_to(target)
        os.replace(keys, keyfile_path(target))
    except BaseException:
        keys.unlink(missing_ok=True)
        if not existed:
            target.unlink(missing_ok=True)
        raise
    taken = datetime.now(LOCAL_TZ)
    audit_trail.write_manifest(target, chain_head, taken)
    return BackupInfo(target, taken, target.stat().st_size)


def _rotation_target(db_path: Path, now: datetime) -> Path:
    local = now.astimezone(LOCAL_TZ)
    target = backups_dir(db_path) / f"stevnsmoeder-{local:%Y%m%d-%H%M%S}.db"
    n = 1
    while target.exists():  # two in the same second
        local += timedelta(seconds=n)
        target = backups_dir(db_path) / f"stevnsmoeder-{local:%Y%m%d-%H%M%S}.db"
        n += 1
    return target


def backup_before_upgrade(db: EncryptedFileDatabase, now: datetime | None = None) -> BackupInfo:
    """Before migrating an older database: a backup in rotation, taken with no user context
    (the schema is not yet one this program can log into)."""
    return _write(db, _rotation_target(db.path, now or utcnow()))


def backup(ctx: ServiceContext, target: Path | None = None) -> BackupInfo:
    """A backup on request: to ``target`` (and its .keys beside it), or into the rotation."""
    require(ctx, Permission.MAINTAIN, "make a backup")
    db = ctx.file_db  # a server's database is backed up with PostgreSQL's own tools
    into = target or _rotation_target(db.path, ctx.now())
    info = _write(db, into)
    with ctx.db.begin() as s:
        audit.record(s, ctx, "backup", detail=into.name)
    if target is None:
        prune(db.path)
    return info


def backup_on_close(ctx: ServiceContext) -> BackupInfo | None:
    """On closing: a backup into the rotation unless one was taken today already. Any user's
    closing takes it (a backup is no access to anything: it opens with the same keys)."""
    db = ctx.file_db
    newest = list_backups(db.path)
    today = ctx.now().astimezone(LOCAL_TZ).date()
    if newest and newest[0].taken_at.date() == today:
        return None
    info = _write(db, _rotation_target(db.path, ctx.now()))
    with ctx.db.begin() as s:
        audit.record(s, ctx, "backup", detail=f"{info.path.name} (on closing)")
    prune(db.path)
    return info


# -- checking and restoring --------------------------------------------------------------------


@dataclass(frozen=True)
class Verified:
    events: int
    last_event: datetime | None


def verify_file(path: Path, login_name: str, password: str) -> Verified:
    """Open a database file (a backup) with this user's password and check it through."""
    from sqlalchemy import select

    from stevnsmoeder.db.models import AuditEvent, User
    from stevnsmoeder.services.access import open_database

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
    from sqlalchemy import select

    from stevnsmoeder.db.models import User
    from stevnsmoeder.services.access import open_database

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
    from stevnsmoeder.services.login_attempts import Attempts

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
    from stevnsmoeder.services.access import seen_attempts

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
        from stevnsmoeder.services.access import unsafe_lock_message

        raise DatabaseUnreadable(unsafe_lock_message(str(exc))) from None
    try:
        replaced = _swap_in(db_path, source, now)
    finally:
        release_lock(lock)
    from stevnsmoeder.services import access, audit_trail

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


def _copy_synced(src: Path, folder: Path) -> Path:
    """A copy of ``src`` as a new temporary file in ``folder``, written through to the disk
    and readable by this user only."""
    fd, name = tempfile.mkstemp(prefix=".restore-", dir=folder)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
            shutil.copyfileobj(inp, out, 1024 * 1024)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


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
        new_db = _copy_synced(source, folder)
        made.append(new_db)
        new_keys = _copy_synced(keyfile_path(source), folder)
        made.append(new_keys)
        replaced = None
        if db_path.exists():
            replaced = db_path.with_name(f"{db_path.name}.replaced-{now:%Y%m%d-%H%M%S}")
            for suffix in ("", "-wal", "-shm"):
                part = db_path.with_name(db_path.name + suffix)
                if part.exists():
                    kept = _copy_synced(part, folder)
                    made.append(kept)
                    os.rename(kept, replaced.with_name(replaced.name + suffix))
                    made.remove(kept)
            if keyfile_path(db_path).exists():
                kept = _copy_synced(keyfile_path(db_path), folder)
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
