"""Closing access closes it: a closed user's old key file, every backup's key file and an old
password's key-file copy no longer open the live database; the remaining users log in with
their passwords; a re-key cut short at any point leaves a database that opens and is finished
at the next login."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from stevnsmoeder.db.engine import EncryptedFileDatabase, key_opens, rekey_file
from stevnsmoeder.db.keystore import (
    KeyStore,
    KeyStoreError,
    WrongCredentials,
    keyfile_path,
    new_database_key,
)
from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import access, backup, rekey, restore
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import (
    AuthError,
    DatabaseUnreadable,
    PermissionDenied,
    ServiceError,
)
from tests.conftest import CHEAP_KDF, PASSWORD, FakeClock

LoginFn = Callable[[str], ServiceContext]
REMAINING = ("admin", "leder", "referent", "deltager", "ppr")


def _keys_in(keys_file: Path, password: str = PASSWORD) -> set[bytes]:
    """Every database key anyone with ``password`` gets out of this key file."""
    store = KeyStore.load(keys_file)
    found: set[bytes] = set()
    for login in store.logins():
        with contextlib.suppress(WrongCredentials):
            found.update(store.unwrap_keys(login, password))
    return found


def _copy(path: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    shutil.copy2(path, target)
    return target


def _events(ctx: ServiceContext, action: str) -> list[tuple[str, str]]:
    with ctx.db.begin() as s:
        return [
            (e.login, e.detail)
            for e in s.scalars(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
            )
        ]


def _backups(ctx: ServiceContext, clock: FakeClock, n: int) -> list[Path]:
    made = []
    for _ in range(n):
        made.append(backup.backup(ctx).path)
        clock.advance(days=1)
    return made


def test_a_closed_users_old_key_file_and_every_backups_key_file_fail(
    login: LoginFn, db_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    admin = login("admin")
    backups = _backups(admin, clock, 3)
    old_live = _copy(keyfile_path(db_path), tmp_path / "politi-kept")  # copied before closing
    old_backup_keys = [
        _copy(keyfile_path(b), tmp_path / f"kept-{i}") for i, b in enumerate(backups)
    ]
    assert all(_keys_in(k) for k in [old_live, *old_backup_keys])
    old_keys = _keys_in(old_live) | set().union(*(_keys_in(k) for k in old_backup_keys))

    report = access.close_user(admin, "politi")
    assert report.backups_rekeyed == 3 and report.dropped == ()
    admin.db.close()

    assert all(not key_opens(db_path, key) for key in old_keys)
    # Every backup's key file as it was before the closing fails on the live database, for
    # every user; as it is now (a copy of the live key file: the backups are re-keyed with the
    # database) it holds nothing for the closed user.
    for keys_file in old_backup_keys:
        for key in _keys_in(keys_file):
            assert not key_opens(db_path, key)
    for b in backups:
        with pytest.raises(WrongCredentials):
            KeyStore.load(keyfile_path(b)).unwrap_keys("politi", PASSWORD)
    # The backups in rotation no longer open with anything the closed user kept ...
    for b in backups:
        assert all(not key_opens(b, key) for key in old_keys)
        assert "politi" not in KeyStore.load(keyfile_path(b)).logins()
    # ... and still open, and verify, with a remaining user's password.
    assert restore.verify_file(backups[0], "admin", PASSWORD).events > 0
    with pytest.raises(AuthError):
        access.login(db_path, "politi", PASSWORD)
    for who in REMAINING:
        access.login(db_path, who, PASSWORD).db.close()


def test_closing_is_logged_with_its_rekey(login: LoginFn) -> None:
    admin = login("admin")
    access.close_user(admin, "ppr")
    assert _events(admin, "user.close") == [("admin", "ppr")]
    [(who, detail)] = _events(admin, "database.rekey")
    assert who == "admin" and detail.startswith("ppr closed; 0 backups re-keyed")


@pytest.mark.parametrize("how", ["change", "reset"])
def test_an_old_passwords_key_file_copy_fails(
    login: LoginFn, db_path: Path, tmp_path: Path, how: str
) -> None:
    ctx = login("referent")
    kept = _copy(keyfile_path(db_path), tmp_path / "kept")
    old_entry = KeyStore.load(kept).users["referent"]
    if how == "change":
        access.change_password(ctx, PASSWORD, "nyt-kodeord-1", kdf=CHEAP_KDF)
    else:
        access.reset_access(login("admin"), "referent", "nyt-kodeord-1", kdf=CHEAP_KDF)
    for c in list(login.opened):  # type: ignore[attr-defined]
        c.db.close()
    [old_key] = KeyStore.load(kept).unwrap_keys("referent", PASSWORD)
    assert not key_opens(db_path, old_key)
    # Nor does the old key pair open anything in the new key file.
    store = KeyStore.load(keyfile_path(db_path))
    store.users["referent"] = old_entry
    with pytest.raises(WrongCredentials):
        store.unwrap_keys("referent", PASSWORD)
    access.login(db_path, "referent", "nyt-kodeord-1").db.close()
    access.login(db_path, "leder", PASSWORD).db.close()


def test_the_administrators_rekey(login: LoginFn, db_path: Path, tmp_path: Path) -> None:
    kept = _copy(keyfile_path(db_path), tmp_path / "kept")
    leder = login("leder")
    with pytest.raises(PermissionDenied):
        access.rekey(leder)
    assert _events(leder, "denied")[-1][0] == "leder"
    admin = login("admin")
    report = access.rekey(admin)
    assert _events(admin, "database.rekey")[-1][1].startswith("suspected compromise")
    assert report.seconds >= 0
    for ctx in (leder, admin):
        ctx.db.close()
    assert all(not key_opens(db_path, key) for key in _keys_in(kept))
    for who in (*REMAINING, "politi"):
        access.login(db_path, who, PASSWORD).db.close()


def test_the_session_goes_on_after_a_rekey(login: LoginFn) -> None:
    admin = login("admin")
    access.rekey(admin)
    assert len(access.list_users(admin)) == 6  # the open session reads under the new key
    backup.backup(admin)


def test_interrupted_before_the_database_was_rekeyed(
    login: LoginFn, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _copy(keyfile_path(db_path), tmp_path / "kept")
    admin = login("admin")

    def crash(self: EncryptedFileDatabase, new_key: bytes) -> None:
        raise KeyboardInterrupt  # the power went after the key file was written

    monkeypatch.setattr(EncryptedFileDatabase, "rekey", crash)
    with pytest.raises(KeyboardInterrupt):
        access.close_user(admin, "politi")
    admin.db.close()
    monkeypatch.undo()
    store = KeyStore.load(keyfile_path(db_path))
    assert store.pending and "politi" not in store.logins()
    # The old key still opens the file: nothing was lost; the next login finishes the work.
    ctx = access.login(db_path, "leder", PASSWORD)
    assert _events(ctx, "database.rekey")[-1][1].startswith("finished after an interruption")
    ctx.db.close()
    assert not KeyStore.load(keyfile_path(db_path)).pending
    assert all(not key_opens(db_path, key) for key in _keys_in(kept))
    for who in REMAINING:
        access.login(db_path, who, PASSWORD).db.close()


def test_interrupted_after_the_database_was_rekeyed(
    login: LoginFn, db_path: Path, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = login("admin")
    backups = _backups(admin, clock, 2)
    kept = _copy(keyfile_path(db_path), tmp_path / "kept")
    calls = 0
    real = rekey.rekey_file

    def crash_on_second_backup(path: Path, old: bytes, new: bytes) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt
        real(path, old, new)

    monkeypatch.setattr(rekey, "rekey_file", crash_on_second_backup)
    with pytest.raises(KeyboardInterrupt):
        access.close_user(admin, "politi")
    admin.db.close()
    monkeypatch.undo()
    assert KeyStore.load(keyfile_path(db_path)).pending
    ctx = access.login(db_path, "ppr", PASSWORD)  # opens with the next key, finishes
    ctx.db.close()
    assert not KeyStore.load(keyfile_path(db_path)).pending
    for b in backups:
        assert all(not key_opens(b, key) for key in _keys_in(kept))
        restore.verify_file(b, "admin", PASSWORD)
    with pytest.raises(AuthError):
        access.login(db_path, "politi", PASSWORD)


def test_a_closing_cut_short_before_its_rekey_is_finished_at_login(
    login: LoginFn, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _copy(keyfile_path(db_path), tmp_path / "kept")
    admin = login("admin")

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(rekey, "rekey_database", crash)
    with pytest.raises(KeyboardInterrupt):
        access.close_user(admin, "politi")  # committed as closed; the key file not yet touched
    admin.db.close()
    monkeypatch.undo()
    assert "politi" in KeyStore.load(keyfile_path(db_path)).logins()
    access.login(db_path, "leder", PASSWORD).db.close()
    assert "politi" not in KeyStore.load(keyfile_path(db_path)).logins()
    assert all(not key_opens(db_path, key) for key in _keys_in(kept))


_KILLED_REKEY = """
import sys
from pathlib import Path
from stevnsmoeder.db.engine import rekey_file
print("started", flush=True)
rekey_file(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]), bytes.fromhex(sys.argv[3]))
print("done", flush=True)
"""


def _big_database(path: Path, key: bytes) -> int:
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("CREATE TABLE t (i INTEGER PRIMARY KEY, b BLOB)")
    conn.execute("BEGIN")
    for i in range(6000):
        conn.execute("INSERT INTO t VALUES (?, randomblob(4000))", (i,))
    conn.execute("COMMIT")
    conn.close()
    return 6000


def _rows(path: Path, key: bytes) -> tuple[int, str]:
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        return conn.execute("SELECT count(*) FROM t").fetchone()[0], conn.execute(
            "PRAGMA integrity_check"
        ).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("delay", [0.0, 0.1, 0.2, 0.35])
def test_a_rekey_killed_at_any_moment_leaves_one_readable_file(
    tmp_path: Path, delay: float
) -> None:
    """SIGKILL during SQLCipher's rekey: the file reads wholly under the old key or wholly
    under the new one (the key file holds both until the re-key is known to be done)."""
    old, new = new_database_key(), new_database_key()
    path = tmp_path / "big.db"
    rows = _big_database(path, old)
    with subprocess.Popen(
        [sys.executable, "-c", _KILLED_REKEY, str(path), old.hex(), new.hex()],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    ) as proc:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "started"
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    readable = [k for k in (old, new) if key_opens(path, k)]
    assert len(readable) == 1
    assert _rows(path, readable[0]) == (rows, "ok")


def _version_1(db_path: Path, key: bytes, logins: list[str]) -> None:
    """Write the key file as the program before this change did (format version 1)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from stevnsmoeder.db.keystore import _derive

    file_id = secrets.token_hex(16)
    users = {}
    for login in logins:
        salt, nonce = os.urandom(16), os.urandom(12)
        kek = _derive(PASSWORD, salt, CHEAP_KDF)
        aad = f"stevnsmoeder-keys/1/{file_id}/{login}".encode()
        users[login] = {
            "kdf": "argon2id",
            "t": CHEAP_KDF.time_cost,
            "m": CHEAP_KDF.memory_cost_kib,
            "p": CHEAP_KDF.parallelism,
            "salt": base64.b64encode(salt).decode(),
            "nonce": base64.b64encode(nonce).decode(),
            "wrapped": base64.b64encode(AESGCM(kek).encrypt(nonce, key, aad)).decode(),
        }
    keyfile_path(db_path).write_text(
        json.dumps(
            {"format": "stevnsmoeder-keys", "version": 1, "file_id": file_id, "users": users}
        )
    )


def test_a_version_1_key_file_is_read_and_upgraded_at_login(db_path: Path) -> None:
    key = KeyStore.load(keyfile_path(db_path)).unwrap("admin", PASSWORD)
    _version_1(db_path, key, ["admin", "leder", "referent", "deltager", "ppr", "politi"])
    access.login(db_path, "leder", PASSWORD).db.close()
    store = KeyStore.load(keyfile_path(db_path))
    assert json.loads(keyfile_path(db_path).read_text())["version"] == 2
    assert not store.is_legacy("leder") and store.is_legacy("ppr")
    assert store.is_legacy("deltager")
    access.login(db_path, "ppr", PASSWORD).db.close()  # a legacy entry opens, and is upgraded
    admin = access.login(db_path, "admin", PASSWORD)
    # A re-key cannot seal the new key for an entry it cannot read: those users are named,
    # and get a new password from the administrator.
    report = access.close_user(admin, "politi")
    assert report.dropped == ("deltager", "referent")
    with pytest.raises(AuthError):
        access.login(db_path, "deltager", PASSWORD)
    access.reset_access(admin, "deltager", "nyt-kodeord-1", kdf=CHEAP_KDF)
    admin.db.close()
    access.login(db_path, "deltager", "nyt-kodeord-1").db.close()
    for who in ("leder", "ppr"):
        access.login(db_path, who, PASSWORD).db.close()


def test_an_older_backup_under_another_key_loses_the_closed_users_entry(
    login: LoginFn, db_path: Path
) -> None:
    admin = login("admin")
    made = backup.backup(admin).path
    key = KeyStore.load(keyfile_path(made)).unwrap("admin", PASSWORD)
    rekey_file(made, key, new_database_key())  # neither the old nor the new key opens it
    access.close_user(admin, "politi")
    assert "politi" not in KeyStore.load(keyfile_path(made)).logins()
    assert "leder" in KeyStore.load(keyfile_path(made)).logins()


def test_a_public_key_slipped_into_the_key_file_gets_nothing(login: LoginFn, db_path: Path) -> None:
    """Someone who can write the key file but holds no database key cannot add a public key
    of their own and have the next re-key sealed to it."""
    other = db_path.parent / "other.db"
    access.create_database(
        other, [access.NewUser("ppr", "kodeord-x-1234", access.Role.PPR)], kdf=CHEAP_KDF
    )
    theirs = KeyStore.load(keyfile_path(other)).users["ppr"]
    store = KeyStore.load(keyfile_path(db_path))
    store.users["ppr"] = theirs
    store.save()
    report = access.rekey(login("admin"))
    assert report.dropped == ("ppr",)
    assert "ppr" not in KeyStore.load(keyfile_path(db_path)).logins()


def test_key_derivation_costs_out_of_range_are_refused_at_once(db_path: Path) -> None:
    data = json.loads(keyfile_path(db_path).read_text())
    data["users"]["leder"]["t"] = 10**9
    keyfile_path(db_path).write_text(json.dumps(data))
    began = time.perf_counter()
    with pytest.raises(DatabaseUnreadable):
        access.login(db_path, "leder", PASSWORD)
    assert time.perf_counter() - began < 2
    with pytest.raises(KeyStoreError):
        KeyStore.load(keyfile_path(db_path)).unwrap("leder", PASSWORD)


def test_a_rekey_that_fails_changes_nothing_and_says_so(
    login: LoginFn, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stevnsmoeder.db import engine

    admin = login("admin")

    def disk_full(path: Path, old: bytes, new: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(engine, "rekey_file", disk_full)
    with pytest.raises(rekey.RekeyFailed, match="Intet er gået tabt"):
        access.rekey(admin)
    monkeypatch.undo()
    assert not KeyStore.load(keyfile_path(db_path)).pending
    assert len(access.list_users(admin)) == 6  # the session reads on
    access.rekey(admin)
    for who in REMAINING:
        access.login(db_path, who, PASSWORD).db.close()


def test_restoring_an_older_backup_does_not_bring_a_closed_user_back(
    login: LoginFn, db_path: Path, clock: FakeClock
) -> None:
    admin = login("admin")
    taken = backup.backup(admin).path  # politi is still active in it
    access.close_user(admin, "politi")
    admin.db.close()
    restore.restore(db_path, taken, "admin", PASSWORD, clock=clock)
    with pytest.raises(AuthError):
        access.login(db_path, "politi", PASSWORD)
    access.login(db_path, "leder", PASSWORD).db.close()


def test_the_copy_a_restore_kept_is_closed_to_a_closed_user_too(
    login: LoginFn, db_path: Path, tmp_path: Path
) -> None:
    from stevnsmoeder.services import backup, restore

    leder = login("leder")
    info = backup.backup(leder, tmp_path / "kopi" / "b.db")
    leder.db.close()
    done = restore.restore(db_path, info.path, "leder", PASSWORD)
    assert done.replaced is not None
    access.login(done.replaced, "referent", PASSWORD).db.close()  # opens before the closing
    admin = access.login(db_path, "admin", PASSWORD)
    access.close_user(admin, "referent")
    admin.db.close()
    with pytest.raises(ServiceError):
        access.login(done.replaced, "referent", PASSWORD)
    access.login(done.replaced, "leder", PASSWORD).db.close()  # the others still open it
