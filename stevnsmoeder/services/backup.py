"""Encrypted backups: taken on closing (at most one a day), before a schema upgrade and on
request, into the rotation beside the database (services.backup_rotation) or to a chosen file.

A backup is the database copied through SQLite's online backup API — encrypted with the same
key — plus a copy of the key file, so every user opens a backup with their own password and
nothing is ever written unencrypted. Beside it lies the access log's head as it was
(services.audit_trail). Restoring one is services.restore.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from stevnsmoeder.db.base import utcnow
from stevnsmoeder.db.engine import EncryptedFileDatabase
from stevnsmoeder.db.keystore import keyfile_path
from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.services import audit, audit_trail
from stevnsmoeder.services.backup_rotation import BackupInfo, backups_dir, list_backups, prune
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.permissions import Permission, require


def _write(db: EncryptedFileDatabase, target: Path) -> BackupInfo:
    try:
        with db.begin() as s:  # read first: the backup holds at least this head
            chain_head = audit_trail.outside_head(s)
    except SQLAlchemyError:  # a database older than its settings table (before an upgrade)
        chain_head = None
    # Both files are made readable by this user only, beside their targets, and renamed
    # into place; an interruption leaves neither half of a backup behind.
    target.parent.mkdir(parents=True, exist_ok=True)
    keys = copy_synced(keyfile_path(db.path), target.parent)
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


def copy_synced(src: Path, folder: Path) -> Path:
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
