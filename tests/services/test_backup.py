"""Encrypted backups: on request, on closing, before an upgrade; rotation; verify and restore."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from stevnsmoeder.cli import main
from stevnsmoeder.db import migrate
from stevnsmoeder.db.keystore import keyfile_path
from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.services import access, backup, backup_rotation, cases, restore
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import AuthError, DatabaseUnreadable, PermissionDenied
from tests.conftest import PASSWORD, FakeClock

LoginFn = Callable[[str], ServiceContext]
TABLES = ("child_case", "custody_holder", "meeting", "agenda_item", "item_minutes", "consent")


def _content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    ctx = access.login(path, "admin", PASSWORD)
    try:
        with ctx.db.begin() as s:
            return {t: sorted(map(tuple, s.execute(text(f"SELECT * FROM {t}")).all()), key=repr)
                    for t in TABLES}  # fmt: skip
    finally:
        ctx.db.close()


def test_backup_and_restore_round_trip(login: LoginFn, db_path: Path, tmp_path: Path) -> None:
    leder = login("leder")
    cases.create_case(leder, cases.NewCase(first_name="Asta", last_name="Ødegård"))
    target = tmp_path / "kopi" / "backup.db"
    info = backup.backup(leder, target)
    assert info.path == target and keyfile_path(target).exists()
    assert b"Asta" not in target.read_bytes() and b"SQLite format 3" not in target.read_bytes()
    leder.db.close()
    saved = _content(target)
    # Later work, then the restore brings the backup's content back exactly.
    ctx = access.login(db_path, "leder", PASSWORD)
    cases.create_case(ctx, cases.NewCase(first_name="Bo", last_name="Berg"))
    ctx.db.close()
    assert _content(db_path) != saved
    done = restore.restore(db_path, target, "leder", PASSWORD)
    assert done.verified.events > 0
    restored = _content(db_path)
    assert restored["child_case"] == saved["child_case"]
    assert restored == saved
    # The replaced database is kept, whole and still openable.
    assert done.replaced is not None and done.replaced.exists()
    assert keyfile_path(done.replaced).exists()
    assert len(_content(done.replaced)["child_case"]) == 2


def test_restore_refuses_a_damaged_backup_and_leaves_the_database(
    login: LoginFn, db_path: Path, tmp_path: Path
) -> None:
    leder = login("leder")
    target = tmp_path / "b.db"
    backup.backup(leder, target)
    leder.db.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    data = target.read_bytes()
    target.write_bytes(data[: len(data) // 2])  # truncated
    with pytest.raises(DatabaseUnreadable):
        restore.restore(db_path, target, "leder", PASSWORD)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    with pytest.raises(AuthError):
        restore.restore(db_path, tmp_path / "b.db", "leder", "forkert")
    with pytest.raises(DatabaseUnreadable, match="ikke en sikkerhedskopi"):
        restore.restore(db_path, tmp_path / "findes-ikke.db", "leder", PASSWORD)


def test_a_damaged_database_names_the_newest_backup(login: LoginFn, db_path: Path) -> None:
    leder = login("leder")
    info = backup.backup(leder)  # into the rotation
    leder.db.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[:4096])
    for part in ("-wal", "-shm"):
        db_path.with_name(db_path.name + part).unlink(missing_ok=True)
    with pytest.raises(DatabaseUnreadable) as raised:
        access.login(db_path, "leder", PASSWORD)
    message = str(raised.value)
    assert "beskadiget" in message and str(info.path) in message


def test_closing_leaves_one_backup_a_day(db_path: Path, clock: FakeClock) -> None:
    for _ in range(2):
        access.logout(access.login(db_path, "referent", PASSWORD, clock=clock))
    assert len(backup_rotation.list_backups(db_path)) == 1
    clock.advance(days=1)
    access.logout(access.login(db_path, "ppr", PASSWORD, clock=clock))
    assert len(backup_rotation.list_backups(db_path)) == 2


def test_an_older_database_is_backed_up_before_its_upgrade(db_path: Path) -> None:
    ctx = access.login(db_path, "admin", PASSWORD)
    migrate.downgrade(ctx.db, "0004")
    ctx.db.close()
    assert backup_rotation.list_backups(db_path) == []
    access.login(db_path, "admin", PASSWORD).db.close()  # upgrades
    (taken,) = backup_rotation.list_backups(db_path)
    old = access.open_database(taken.path, "admin", PASSWORD)
    try:
        assert migrate.current_revision(old) == "0004"  # the backup is the database as it was
    finally:
        old.close()


def test_only_maintainers_make_backups_on_request(login: LoginFn) -> None:
    for role in ("ppr", "politi", "deltager"):
        with pytest.raises(PermissionDenied):
            backup.backup(login(role))


def _at(days: float) -> datetime:
    return datetime(2026, 11, 23, 12, tzinfo=LOCAL_TZ) - timedelta(days=days)


@given(st.lists(st.floats(min_value=0, max_value=400), max_size=60))
def test_rotation_keeps_the_newest_days_and_weeks(ages: list[float]) -> None:
    taken = [_at(a) for a in ages]
    keep = backup_rotation.to_keep(taken)
    assert keep <= set(taken)
    assert len(keep) <= backup_rotation.KEEP_DAYS + backup_rotation.KEEP_WEEKS
    if taken:
        assert max(taken) in keep  # the newest always stays
    days = sorted({t.date() for t in taken}, reverse=True)
    for day in days[: backup_rotation.KEEP_DAYS]:
        assert max(t for t in taken if t.date() == day) in keep


def test_prune_removes_what_is_out_of_rotation(login: LoginFn, db_path: Path) -> None:
    ctx = login("leder")
    folder = backup_rotation.backups_dir(db_path)
    folder.mkdir()
    for days in range(60):
        at = _at(days).astimezone(UTC)
        name = f"stevnsmoeder-{at.astimezone(LOCAL_TZ):%Y%m%d-%H%M%S}.db"
        (folder / name).write_bytes(b"x")
        keyfile_path(folder / name).write_bytes(b"{}")
    removed = backup_rotation.prune(db_path)
    assert (
        len(backup_rotation.list_backups(db_path))
        == backup_rotation.KEEP_DAYS + backup_rotation.KEEP_WEEKS
    )
    assert len(removed) == 60 - 11
    ctx.db.close()


def test_backup_and_restore_commands(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    common = ["--db", str(db_path), "--user", "leder"]
    target = tmp_path / "kopi.db"
    assert main(["backup", "-o", str(target), *common]) == 0
    assert "kopi.db" in capsys.readouterr().out
    assert main(["restore", str(target), *common]) == 0
    out = capsys.readouterr().out
    assert "Gendannet fra" in out and ".replaced-" in out
    assert main(["backup", *common, "--user", "ppr"]) == 1


def test_only_an_active_maintainer_restores(login: LoginFn, db_path: Path, tmp_path: Path) -> None:
    leder = login("leder")
    target = tmp_path / "b.db"
    backup.backup(leder, target)
    leder.db.close()
    with pytest.raises(PermissionDenied):
        restore.restore(db_path, target, "ppr", PASSWORD)
    # A user whose access was closed later still has an entry in the old backup: no restore.
    admin = access.login(db_path, "admin", PASSWORD)
    access.set_active(admin, "referent", False)
    admin.db.close()
    with pytest.raises(PermissionDenied):
        restore.restore(db_path, target, "referent", PASSWORD)
