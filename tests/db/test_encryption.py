"""Encryption at rest: SQLCipher 4 with a per-user wrapped key; failures change nothing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from stevnsmoeder.db.engine import EncryptedFileDatabase, WrongKeyError
from stevnsmoeder.db.keystore import (
    KeyStore,
    KeyStoreError,
    WrongCredentials,
    keyfile_path,
    new_database_key,
)
from stevnsmoeder.services import access, cases
from stevnsmoeder.services.errors import AuthError, DatabaseMissing, DatabaseUnreadable
from tests.conftest import CHEAP_KDF, PASSWORD

UNIQUE_NAME = "Zebulonia"  # a name that appears nowhere else


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file's digest; the program lock (``<db>.lock``, a process id) is not data."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.suffix != ".lock"
    }


def test_stdlib_sqlite_cannot_read_the_file(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        conn.execute("SELECT name FROM sqlite_master").fetchall()
    conn.close()
    assert not db_path.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="no sqlite3 command-line tool")
def test_sqlite3_tool_cannot_read_the_file(db_path: Path) -> None:
    result = subprocess.run(
        ["sqlite3", str(db_path), ".tables"], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "not a database" in result.stderr


def test_no_child_name_in_the_files(db_path: Path, login) -> None:  # type: ignore[no-untyped-def]
    ctx = login("leder")
    cases.create_case(
        ctx, cases.NewCase(first_name=UNIQUE_NAME, last_name="Testesen", cpr="0101201234")
    )
    assert [c.display_name for c in cases.list_cases(ctx)] == [f"{UNIQUE_NAME} Testesen"]
    ctx.db.close()
    for path in db_path.parent.iterdir():  # the database, its WAL and the key file
        data = path.read_bytes()
        assert UNIQUE_NAME.encode() not in data, path.name
        assert UNIQUE_NAME.encode("utf-16-le") not in data, path.name
        assert b"0101201234" not in data, path.name


@pytest.mark.parametrize(("user", "password"), [("leder", "forkert"), ("ukendt", PASSWORD)])
def test_wrong_login_leaves_every_file_byte_identical(
    db_path: Path, user: str, password: str
) -> None:
    """The database and its key file stay as they were; the failure is noted beside them
    (and logged at the next login, see tests/services/test_login_attempts.py)."""
    before = _snapshot(db_path.parent)
    with pytest.raises(AuthError, match="Forkert brugernavn eller adgangskode"):
        access.login(db_path, user, password)
    after = _snapshot(db_path.parent)
    before.pop(db_path.name + ".attempts")
    after.pop(db_path.name + ".attempts")
    assert after == before
    noted = (db_path.parent / (db_path.name + ".attempts")).read_text(encoding="utf-8")
    assert password not in noted


def test_sqlcipher_version_and_raw_key(db_path: Path) -> None:
    key = KeyStore.load(keyfile_path(db_path)).unwrap("leder", PASSWORD)
    assert len(key) == 32
    db = EncryptedFileDatabase.open(db_path, key)
    try:
        raw = db.engine.raw_connection()
        version = raw.cursor().execute("PRAGMA cipher_version").fetchone()[0]
        mode = raw.cursor().execute("PRAGMA journal_mode").fetchone()[0]
        raw.close()
    finally:
        db.close()
    assert version.startswith("4.")
    assert mode == "wal"


def test_every_user_unwraps_the_same_key(db_path: Path) -> None:
    store = KeyStore.load(keyfile_path(db_path))
    keys = {store.unwrap(login, PASSWORD) for login in store.logins()}
    assert len(keys) == 1
    # The key itself is nowhere in the key file.
    assert next(iter(keys)).hex() not in keyfile_path(db_path).read_text()


def test_a_wrong_key_shows_as_a_clear_error(db_path: Path) -> None:
    with pytest.raises(WrongKeyError):
        EncryptedFileDatabase.open(db_path, new_database_key())


def test_an_entry_copied_to_another_login_does_not_open(db_path: Path) -> None:
    store = KeyStore.load(keyfile_path(db_path))
    store.users["ppr"] = dict(store.users["leder"])  # try to give ppr leder's entry
    with pytest.raises(WrongCredentials):
        store.unwrap("ppr", PASSWORD)


def test_missing_and_damaged_files(db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissing):
        access.login(tmp_path / "nothing.db", "leder", PASSWORD)
    keyfile_path(db_path).write_text("{not json")
    with pytest.raises(DatabaseUnreadable):
        access.login(db_path, "leder", PASSWORD)
    with pytest.raises(KeyStoreError):
        KeyStore.load(keyfile_path(db_path))


def test_key_file_from_another_database_is_refused(db_path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other" / "other.db"
    access.create_database(
        other, [access.NewUser("leder", PASSWORD, access.Role.LEDER)], kdf=CHEAP_KDF
    )
    shutil.copy2(keyfile_path(other), keyfile_path(db_path))
    before = _snapshot(db_path.parent)
    with pytest.raises(DatabaseUnreadable, match="nøglefil"):
        access.login(db_path, "leder", PASSWORD)
    assert _snapshot(db_path.parent) == before


def test_key_file_is_private(db_path: Path) -> None:
    assert keyfile_path(db_path).stat().st_mode & 0o077 == 0
    assert db_path.stat().st_mode & 0o077 == 0


def test_database_errors_never_carry_personal_data(db_path: Path) -> None:
    """Error messages may reach the log file: they must not hold the statement's values."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    key = KeyStore.load(keyfile_path(db_path)).unwrap("leder", PASSWORD)
    db = EncryptedFileDatabase.open(db_path, key)
    try:
        with pytest.raises(IntegrityError) as info, db.begin() as s:
            s.execute(
                text(
                    "INSERT INTO district (id, code, name, sort_order, active, created_at, "
                    "updated_at) VALUES (:id, :code, :name, 0, 1, '2026-01-01', '2026-01-01')"
                ),
                {"id": "x" * 32, "code": "privat", "name": UNIQUE_NAME},
            )
        assert UNIQUE_NAME not in str(info.value)
    finally:
        db.close()
