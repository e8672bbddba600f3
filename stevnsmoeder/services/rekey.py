"""Re-keying: the database (and the backups in rotation) under a fresh random key.

Closing a user, a password change or reset, and the administrator's "suspected compromise"
action re-key. Afterwards a copy of an older key file — a closed user's, one with an old
password, any backup's from before — yields only an old key, which no longer opens the live
database or the backups in rotation. Every remaining user keeps their password: the new key
is sealed to each user's public key (see db/keystore.py), which needs no password.

The order makes a crash at any point harmless:

1. the key file gets the new key sealed for every remaining user, beside the old key
   (``next``), written atomically;
2. the database is re-keyed: one SQLCipher transaction in the WAL — old or new, never a mix;
3. each backup in rotation that the old key opens gets the same treatment (its key file,
   then the file);
4. the key file keeps only the new key; the re-keyed backups get a copy of it.

A login that finds a re-key begun and not finished (``next`` set) opens the database with
whichever key fits and finishes the work from where it stopped (``complete``).

What this cannot reach: copies outside the rotation — a backup written elsewhere with
``backup -o``, a copy on a USB stick, a file restored elsewhere — stay readable with the key
they were made with, by whoever held that key then. Backups in rotation that an older key
encrypted (one a failed re-key left behind) cannot be re-keyed without that key; from their
key files the logins no longer in the live key file are removed, which stops a closed user
who has kept no key material of their own, and no more.
"""

from __future__ import annotations

import glob
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from stevnsmoeder.db.engine import EncryptedFileDatabase, key_opens, rekey_file
from stevnsmoeder.db.keystore import KeyStore, KeyStoreError, keyfile_path, new_database_key
from stevnsmoeder.i18n import _
from stevnsmoeder.services.backup_rotation import list_backups
from stevnsmoeder.services.errors import ServiceError

log = logging.getLogger(__name__)


class RekeyFailed(ServiceError):
    """The database kept its key (a full disk, a file another program holds)."""


# Called after each step: (steps done, steps in all). Called from the thread doing the work.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RekeyReport:
    seconds: float
    backups_rekeyed: int
    backups_trimmed: int  # under an older key: the logins that left were removed, no more
    dropped: tuple[str, ...]  # users the new key could not be sealed for: need a new password

    @property
    def summary(self) -> str:
        """For the access log: counts and logins only."""
        text = f"{self.backups_rekeyed} backups re-keyed, {self.seconds:.1f} s"
        if self.backups_trimmed:
            text += f"; {self.backups_trimmed} older backups' key files trimmed"
        if self.dropped:
            text += f"; left out (need a new password): {', '.join(self.dropped)}"
        return text


def rekey_database(
    db: EncryptedFileDatabase,
    *,
    remove: Sequence[str] = (),
    prepare: Callable[[KeyStore], None] | None = None,
    progress: Progress | None = None,
) -> RekeyReport:
    """Re-key the open database ``db`` and the backups in rotation to a fresh key. The logins
    in ``remove`` leave the key file, and ``prepare`` changes it (a user's new password), in
    the same atomic write that begins the re-key."""
    store = KeyStore.load(keyfile_path(db.path))
    if store.pending:
        raise KeyStoreError("a re-key is under way")
    for login in remove:
        store.remove_user(login)
    if prepare is not None:
        prepare(store)
    new_key = new_database_key()
    return db.use_key(lambda old_key: _run(db, store, old_key, new_key, progress))


def complete(db: EncryptedFileDatabase, old_key: bytes, new_key: bytes) -> RekeyReport:
    """Finish a re-key that was begun and not finished (found at login). ``db`` is open with
    whichever of the two keys reads it."""
    store = KeyStore.load(keyfile_path(db.path))
    return _run(db, store, old_key, new_key, None)


def _run(
    db: EncryptedFileDatabase,
    store: KeyStore,
    old_key: bytes,
    new_key: bytes,
    progress: Progress | None,
) -> RekeyReport:
    began = time.perf_counter()
    # The backups in rotation, and the copies a restore kept beside the database.
    backups = [b.path for b in list_backups(db.path)]
    backups += sorted(db.path.parent.glob(f"{glob.escape(db.path.name)}.replaced-*[0-9]"))
    total = 1 + len(backups)
    dropped: list[str] = []
    if not store.pending:
        dropped = store.begin_rekey(old_key, new_key)  # 1.
        store.save()
    db_is_new = db.use_key(lambda key: key == new_key)
    if not db_is_new:
        try:
            db.rekey(new_key)  # 2.
        except Exception as exc:
            if not key_opens(db.path, old_key):
                raise  # it may have gone through: the next login finishes or undoes it
            store.abort_rekey()
            store.save()
            log.warning("re-key failed, nothing changed: %s", type(exc).__name__)
            raise RekeyFailed(
                _(
                    "The database could not get a new key ({reason}). Nothing was lost; give "
                    "it one with 'New database key' under Users, or 'stevnsmoeder rekey'.",
                    reason=type(exc).__name__,
                )
            ) from None
    if progress:
        progress(1, total)
    rekeyed: list[Path] = []
    trimmed = 0
    for done, backup in enumerate(backups, start=2):  # 3.
        try:
            if key_opens(backup, new_key):
                rekeyed.append(backup)
            elif key_opens(backup, old_key):
                _copy_keyfile(store.path, keyfile_path(backup))
                rekey_file(backup, old_key, new_key)
                rekeyed.append(backup)
            else:
                trimmed += _trim(keyfile_path(backup), set(store.users))
        except Exception as exc:  # one damaged backup does not stop the others
            log.warning("backup %s not re-keyed: %s", backup.name, type(exc).__name__)
        if progress:
            progress(done, total)
    store.finish_rekey(new_key)  # 4.
    store.save()
    for backup in rekeyed:
        _copy_keyfile(store.path, keyfile_path(backup))
    return RekeyReport(time.perf_counter() - began, len(rekeyed), trimmed, tuple(dropped))


def _copy_keyfile(source: Path, target: Path) -> None:
    """An atomic copy: the backup's key file is the old one or the new one, never half."""
    fd, tmp = tempfile.mkstemp(prefix=".keys-", dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _trim(keys: Path, keep: set[str]) -> int:
    try:
        store = KeyStore.load(keys)
    except KeyStoreError:
        return 0
    gone = [login for login in store.logins() if login not in keep]
    if not gone:
        return 0
    for login in gone:
        store.remove_user(login)
    store.save()
    return 1
