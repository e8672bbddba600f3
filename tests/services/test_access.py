"""Creating databases, logging in, users and passwords."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select, update

from stevnsmoeder.cli import main
from stevnsmoeder.db import migrate
from stevnsmoeder.db.keystore import KeyStore, keyfile_path
from stevnsmoeder.db.models import AuditEvent, User
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import access
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import (
    AuthError,
    DatabaseExists,
    DatabaseUnreadable,
    PermissionDenied,
    ValidationError,
)
from tests.conftest import CHEAP_KDF, PASSWORD, FakeClock

LoginFn = Callable[[str], ServiceContext]


def _events(ctx: ServiceContext) -> list[tuple[str, str]]:
    with ctx.db.begin() as s:
        return [(e.login, e.action) for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))]


def test_login_records_the_user_and_the_event(login: LoginFn, clock: FakeClock) -> None:
    ctx = login("LEDER ")  # login names are case- and space-insensitive
    assert ctx.actor.login == "leder"
    assert ctx.actor.role is Role.LEDER
    assert _events(ctx)[-1] == ("leder", "login")
    with ctx.db.begin() as s:
        user = s.scalars(select(User).where(User.login == "leder")).one()
        assert user.last_login_at == clock()


def test_creating_over_an_existing_database_is_refused(db_path: Path) -> None:
    with pytest.raises(DatabaseExists):
        access.create_database(db_path, [access.NewUser("x", "yyyy", Role.ADMIN)], kdf=CHEAP_KDF)


def test_bad_new_users_leave_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with pytest.raises(ValidationError):
        access.create_database(path, [access.NewUser("to ord", "yyyy", Role.ADMIN)])
    with pytest.raises(ValidationError):
        access.create_database(path, [access.NewUser("a", "kort"[:3], Role.ADMIN)])
    with pytest.raises(ValidationError):
        access.create_database(path, [])
    assert list(tmp_path.iterdir()) == []


def test_admin_adds_a_user_who_can_then_log_in(login: LoginFn, db_path: Path) -> None:
    admin = login("admin")
    info = access.add_user(
        admin,
        access.NewUser(
            "nyperson", "sikker kode til testen", Role.DELTAGER, person_name="Ny Person"
        ),
        kdf=CHEAP_KDF,
    )
    assert info.role is Role.DELTAGER
    assert "nyperson" in KeyStore.load(keyfile_path(db_path)).logins()
    ctx = access.login(db_path, "nyperson", "sikker kode til testen")
    assert ctx.actor.display_name == "Ny Person"
    ctx.db.close()
    with pytest.raises(ValidationError, match="optaget"):
        access.add_user(
            admin, access.NewUser("nyperson", "en helt anden kode 7", Role.PPR), kdf=CHEAP_KDF
        )


@pytest.mark.parametrize("who", ["leder", "referent", "deltager", "ppr", "politi"])
def test_only_admin_manages_users_and_denials_are_logged(login: LoginFn, who: str) -> None:
    ctx = login(who)
    with pytest.raises(PermissionDenied, match="Din rolle giver ikke adgang"):
        access.add_user(ctx, access.NewUser("hacker", "xxxxxxxx", Role.ADMIN), kdf=CHEAP_KDF)
    with pytest.raises(PermissionDenied):
        access.list_users(ctx)
    assert _events(ctx)[-2:] == [(who, "denied"), (who, "denied")]


def test_change_password_rewraps_only_that_user(login: LoginFn, db_path: Path) -> None:
    ctx = login("referent")
    other_entry = dict(KeyStore.load(keyfile_path(db_path)).users["leder"])
    with pytest.raises(AuthError):
        access.change_password(ctx, "forkert", "nyt kodeord til testen", kdf=CHEAP_KDF)
    access.change_password(ctx, PASSWORD, "nyt kodeord til testen", kdf=CHEAP_KDF)
    ctx.db.close()
    with pytest.raises(AuthError):
        access.login(db_path, "referent", PASSWORD)
    again = access.login(db_path, "referent", "nyt kodeord til testen")
    again.db.close()
    # The others' password-sealed key pairs are untouched (only the database key changed).
    after = KeyStore.load(keyfile_path(db_path)).users["leder"]
    assert {k: v for k, v in after.items() if k != "tag"} == {
        k: v for k, v in other_entry.items() if k != "tag"
    }
    access.login(db_path, "leder", PASSWORD).db.close()


def test_deactivated_user_cannot_log_in(login: LoginFn, db_path: Path) -> None:
    ctx = login("admin")
    with ctx.db.begin() as s:
        s.execute(update(User).where(User.login == "ppr").values(active=False))
    with pytest.raises(AuthError, match="ikke længere adgang"):
        access.login(db_path, "ppr", PASSWORD)


def test_database_from_a_newer_program_is_refused(login: LoginFn, db_path: Path) -> None:
    ctx = login("admin")
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'fremtid'")
    ctx.db.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseUnreadable, match="nyere udgave"):
        access.login(db_path, "admin", PASSWORD)
    assert db_path.read_bytes() == before  # left untouched
    from stevnsmoeder.services import backup_rotation

    assert backup_rotation.list_backups(db_path) == []  # and not "upgraded" after a backup either


def test_older_schema_is_upgraded_at_login(login: LoginFn, db_path: Path) -> None:
    ctx = login("admin")
    assert migrate.current_revision(ctx.db) == migrate.head_revision()


def test_admin_resets_a_forgotten_password_without_seeing_the_key(
    login: LoginFn, db_path: Path
) -> None:
    admin = login("admin")
    key_file_before = keyfile_path(db_path).read_text()
    access.reset_access(admin, "ppr", "nyt-kodeord-1")
    after = keyfile_path(db_path).read_text()
    assert after != key_file_before
    # The key itself never appears; the old password no longer opens, the new one does.
    store = KeyStore.load(keyfile_path(db_path))
    assert store.unwrap("ppr", "nyt-kodeord-1").hex() not in after
    with pytest.raises(AuthError):
        access.login(db_path, "ppr", PASSWORD)
    access.login(db_path, "ppr", "nyt-kodeord-1").db.close()
    access.login(db_path, "leder", PASSWORD).db.close()  # nobody else is touched
    with pytest.raises(PermissionDenied):
        access.reset_access(login("leder"), "ppr", "andet-kodeord-2")


def test_closing_a_users_access_removes_their_key_entry(login: LoginFn, db_path: Path) -> None:
    admin = login("admin")
    access.set_active(admin, "politi", False)
    assert "politi" not in KeyStore.load(keyfile_path(db_path)).logins()
    with pytest.raises(AuthError):
        access.login(db_path, "politi", PASSWORD)
    with pytest.raises(ValidationError):
        access.set_active(admin, "admin", False)
    access.reopen_user(admin, "politi", "nyt-kodeord-1")  # reopens with a new password
    access.login(db_path, "politi", "nyt-kodeord-1").db.close()


def test_reset_password_command(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from stevnsmoeder.cli import main

    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    monkeypatch.setenv("STEVNSMOEDER_NEW_PASSWORD", "nyt-kodeord-1")
    assert main(["reset-password", "referent", "--db", str(db_path), "--user", "admin"]) == 0
    assert "har fået en ny adgangskode" in capsys.readouterr().out
    access.login(db_path, "referent", "nyt-kodeord-1").db.close()
    assert main(["reset-password", "ppr", "--db", str(db_path), "--user", "leder"]) == 1


def test_an_entry_made_with_an_earlier_default_cost_is_strengthened_at_login(
    tmp_path: Path,
) -> None:
    from stevnsmoeder.db.keystore import DEFAULT_KDF, EARLIER_DEFAULTS, KeyStore, keyfile_path

    path = tmp_path / "old.db"
    access.create_database(
        path, [access.NewUser("leder", PASSWORD, Role.LEDER)], kdf=EARLIER_DEFAULTS[0]
    )
    assert KeyStore.load(keyfile_path(path)).has_earlier_default("leder")
    access.login(path, "leder", PASSWORD).db.close()
    entry = json.loads(keyfile_path(path).read_text(encoding="utf-8"))["users"]["leder"]
    assert (entry["t"], entry["m"], entry["p"]) == (
        DEFAULT_KDF.time_cost,
        DEFAULT_KDF.memory_cost_kib,
        DEFAULT_KDF.parallelism,
    )
    access.login(path, "leder", PASSWORD).db.close()  # and the password still opens it


WEAK = ("kort", "Sommer2026!!", "Adgangskode123", "qwerty123456")


@pytest.mark.parametrize("weak", WEAK)
def test_every_way_to_a_new_password_refuses_a_weak_one(
    login: LoginFn, db_path: Path, tmp_path: Path, weak: str
) -> None:
    admin = login("admin")
    attempts: dict[str, Callable[[], object]] = {
        "new database": lambda: access.create_database(
            tmp_path / "ny.db", [access.NewUser("chef", weak, Role.ADMIN)], kdf=CHEAP_KDF
        ),
        "new user": lambda: access.add_user(
            admin, access.NewUser("ny", weak, Role.PPR, person_name="Ny Person"), kdf=CHEAP_KDF
        ),
        "reset": lambda: access.reset_access(admin, "ppr", weak, kdf=CHEAP_KDF),
        "own change": lambda: access.change_password(
            login("referent"), PASSWORD, weak, kdf=CHEAP_KDF
        ),
    }
    for what, attempt in attempts.items():
        with pytest.raises(ValidationError):
            attempt()
            pytest.fail(f"{what} took {weak!r}")
    assert not (tmp_path / "ny.db").exists()
    assert [u.login for u in access.list_users(admin) if u.login == "ny"] == []
    access.login(db_path, "ppr", PASSWORD).db.close()  # nothing changed


def test_the_command_line_refuses_a_weak_new_password(  # type: ignore[no-untyped-def]
    db_path: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    monkeypatch.setenv("STEVNSMOEDER_NEW_PASSWORD", "Velkommen2026!")
    argv = ["users", "add", "ny", "--name", "Ny Person", "--role", "ppr"]
    assert main([*argv, "--db", str(db_path), "--user", "admin"]) == 1
    assert "mest almindelige" in capsys.readouterr().err
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", "Velkommen2026!")
    assert main(["init", "--db", str(tmp_path / "ny.db"), "--user", "chef"]) == 1
    assert "mest almindelige" in capsys.readouterr().err
    assert not (tmp_path / "ny.db").exists()


def test_a_reset_password_may_not_be_the_users_own_name(login: LoginFn) -> None:
    admin = login("admin")
    access.add_user(
        admin,
        access.NewUser("mj", "syv grønne kaffekopper", Role.PPR, person_name="Mette Jensen"),
        kdf=CHEAP_KDF,
    )
    with pytest.raises(ValidationError, match="eget navn"):
        access.reset_access(admin, "mj", "Mette Jensen2026", kdf=CHEAP_KDF)
