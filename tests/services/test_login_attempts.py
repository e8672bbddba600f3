"""Failed logins: noted beside the database, slowed down from the fifth, logged at the next
successful login."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from stevnsmoeder.db.keystore import keyfile_path
from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import access, audit
from stevnsmoeder.services.errors import AuthError, LoginDelayed
from stevnsmoeder.services.login_attempts import UNKNOWN_USER, Attempts, attempts_path
from tests.conftest import PASSWORD, FakeClock, copy_database


def _fail(db_path: Path, clock: FakeClock, user: str = "leder") -> None:
    with pytest.raises(AuthError):
        access.login(db_path, user, "forkert", clock=clock)


def test_five_failures_then_an_increasing_wait(db_path: Path, clock: FakeClock) -> None:
    for _ in range(4):
        _fail(db_path, clock)
    # The fifth failure says at once how long to wait before the next attempt.
    with pytest.raises(AuthError) as failed:
        access.login(db_path, "leder", "forkert", clock=clock)
    assert str(failed.value) == (
        "Forkert brugernavn eller adgangskode. Vent 1 sekund, før du prøver igen."
    )
    assert failed.value.wait_seconds == 1
    # The sixth attempt must wait one second, even with the right password.
    with pytest.raises(LoginDelayed, match="Vent 1 sekund, før du prøver igen\\.") as delayed:
        access.login(db_path, "leder", PASSWORD, clock=clock)
    assert delayed.value.wait_seconds == 1
    clock.advance(seconds=1)
    _fail(db_path, clock)  # the sixth failure: now two seconds
    with pytest.raises(LoginDelayed, match="2 sekunder"):
        access.login(db_path, "leder", PASSWORD, clock=clock)
    clock.advance(seconds=2)
    _fail(db_path, clock)
    clock.advance(seconds=3)
    with pytest.raises(LoginDelayed, match="1 sekund"):  # four seconds, three gone
        access.login(db_path, "LEDER ", PASSWORD, clock=clock)
    # Another user is not slowed down by the guesses at "leder".
    access.login(db_path, "referent", PASSWORD, clock=clock).db.close()
    clock.advance(seconds=1)
    access.login(db_path, "leder", PASSWORD, clock=clock).db.close()
    assert Attempts.load(db_path).wait("leder", clock()) == timedelta(0)


def test_the_wait_never_exceeds_five_minutes(db_path: Path, clock: FakeClock) -> None:
    attempts = Attempts.load(db_path)
    for _ in range(40):
        attempts.failed("leder", clock(), "password")
    assert attempts.wait("leder", clock()) == timedelta(minutes=5)


def test_failures_reach_the_access_log_at_the_next_login(db_path: Path, clock: FakeClock) -> None:
    _fail(db_path, clock, "leder")
    clock.advance(minutes=1)
    _fail(db_path, clock, "ukendt")  # a name that is no user: counted, logged as unknown
    clock.advance(minutes=1)
    ctx = access.login(db_path, "ppr", PASSWORD, clock=clock)
    with ctx.db.begin() as s:
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.action.like("login%")).order_by(AuditEvent.seq)
        ).all()
    failed = [(e.action, e.login, e.at) for e in events if e.action == "login.failed"]
    assert failed == [
        ("login.failed", "leder", clock() - timedelta(minutes=2)),
        ("login.failed", UNKNOWN_USER, clock() - timedelta(minutes=1)),  # never verbatim
    ]
    assert events[-1].action == "login" and events[-1].login == "ppr"
    with ctx.db.begin() as s:
        assert audit.verify_chain(s).ok
    # Noted once: the file no longer holds them, and no password was ever written.
    assert Attempts.load(db_path).pending == []
    ctx.db.close()


def _logged(db_path: Path, clock: FakeClock, action: str) -> list[str]:
    ctx = access.login(db_path, "admin", PASSWORD, clock=clock)
    try:
        with ctx.db.begin() as s:
            return list(
                s.scalars(select(AuditEvent.detail).where(AuditEvent.action == action)).all()
            )
    finally:
        ctx.db.close()


@pytest.mark.parametrize("how", ["deleted", "damaged", "an older copy"])
def test_deleting_the_attempts_file_does_not_start_the_count_again(
    db_path: Path, clock: FakeClock, how: str
) -> None:
    """Four guesses, then the file is deleted (or damaged, or a copy from before the last
    login put back): the next guess must wait, as the fifth would have, and the next login
    logs what was done. (A copy taken since the last login is not noticed: the README says
    so.)"""
    older = attempts_path(db_path).read_bytes()
    _fail(db_path, clock)
    access.login(db_path, "ppr", PASSWORD, clock=clock).db.close()  # recorded in the key file
    for _ in range(4):
        _fail(db_path, clock)
    if how == "deleted":
        attempts_path(db_path).unlink()
    elif how == "damaged":
        attempts_path(db_path).write_text("{not json", encoding="utf-8")
    else:
        attempts_path(db_path).write_bytes(older)
    _fail(db_path, clock)  # a guess: still refused, and from now on the waits begin
    with pytest.raises(LoginDelayed):
        access.login(db_path, "leder", PASSWORD, clock=clock)
    clock.advance(minutes=10)
    noted = _logged(db_path, clock, "login.attempts-file")
    assert len(noted) == 1 and "attempts-file" in noted[0]
    clock.advance(minutes=1)
    access.login(db_path, "leder", PASSWORD, clock=clock).db.close()  # and all is well again
    assert len(_logged(db_path, clock, "login.attempts-file")) == 1


def test_an_altered_record_in_the_key_file_is_logged(db_path: Path, clock: FakeClock) -> None:
    path = keyfile_path(db_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["attempts_seen"]["serial"] = 0  # to hide a deleted attempts file
    path.write_text(json.dumps(data), encoding="utf-8")
    noted = _logged(db_path, clock, "login.attempts-file")
    assert noted == ["the key file's record was altered"]


def test_a_database_moved_with_all_its_files_notes_nothing(
    db_path: Path, tmp_path: Path, clock: FakeClock
) -> None:
    moved = copy_database(db_path, tmp_path / "elsewhere")
    assert _logged(moved, clock, "login.attempts-file") == []


def test_a_reset_keeps_the_noted_failures_for_the_log(db_path: Path, clock: FakeClock) -> None:
    _fail(db_path, clock, "ppr")
    admin = access.login(db_path, "admin", PASSWORD, clock=clock)  # takes ppr's failure
    _fail(db_path, clock, "leder")  # noted while the administrator is logged in
    access.reset_access(admin, "leder", "nyt-kodeord-1")
    admin.db.close()
    assert [login for _at, login, _kind in Attempts.load(db_path).pending] == ["leder"]
    ctx = access.login(db_path, "leder", "nyt-kodeord-1", clock=clock)
    with ctx.db.begin() as s:
        failed = s.scalars(
            select(AuditEvent.login).where(AuditEvent.action == "login.failed")
        ).all()
    assert sorted(failed) == ["leder", "ppr"]
    ctx.db.close()


def test_a_name_that_is_no_user_is_noted_as_unknown(db_path: Path, clock: FakeClock) -> None:
    """People type their password into the user field: such a name is never written down,
    neither beside the database nor in the access log."""
    typed = "Sommer2026!Kaffe"
    with pytest.raises(AuthError):
        access.login(db_path, typed, PASSWORD, clock=clock)
    assert typed.lower() not in attempts_path(db_path).read_text(encoding="utf-8").lower()
    ctx = access.login(db_path, "admin", PASSWORD, clock=clock)
    try:
        with ctx.db.begin() as s:
            failed = s.execute(
                select(AuditEvent.login, AuditEvent.detail).where(
                    AuditEvent.action == "login.failed"
                )
            ).all()
        assert [login for login, _detail in failed] == [UNKNOWN_USER]
        assert not any(typed.lower() in detail.lower() for _login, detail in failed)
    finally:
        ctx.db.close()


def test_a_record_removed_from_the_key_file_is_logged(db_path: Path, clock: FakeClock) -> None:
    access.login(db_path, "leder", PASSWORD, clock=clock).db.close()  # the record is known
    path = keyfile_path(db_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["attempts_seen"]  # to hide a deleted attempts file
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _logged(db_path, clock, "login.attempts-file") == ["the key file's record was altered"]


def test_after_a_login_the_user_is_told_of_the_failures_since_the_last(
    db_path: Path, clock: FakeClock
) -> None:
    """Three guesses at "leder" while she was away: her next login says so, once."""
    from stevnsmoeder.services import access_log

    ctx = access.login(db_path, "leder", PASSWORD, clock=clock)
    assert access_log.failed_logins_notice(ctx) is None
    ctx.db.close()
    for minutes in (60, 1, 1):
        clock.advance(minutes=minutes)
        _fail(db_path, clock)
    _fail(db_path, clock, "referent")  # someone else's failure is not hers
    clock.advance(minutes=30)
    ctx = access.login(db_path, "leder", PASSWORD, clock=clock)
    found = access_log.failed_logins_since_last_login(ctx)
    assert found.count == 3 and found.latest == clock() - timedelta(minutes=30)
    assert access_log.failed_logins_notice(ctx) == (
        "Der har været 3 mislykkede loginforsøg med dit brugernavn siden dit sidste login, "
        "senest mandag den 23. november 2026, kl. 11.02. "
        "Var det ikke dig, så giv administratoren besked."
    )
    ctx.db.close()
    clock.advance(minutes=1)
    ctx = access.login(db_path, "leder", PASSWORD, clock=clock)
    assert access_log.failed_logins_notice(ctx) is None  # told once
    ctx.db.close()


def test_the_command_line_says_how_long_to_wait_and_what_failed_meanwhile(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from stevnsmoeder.cli import main

    attempts = Attempts.load(db_path)
    now = datetime.now(UTC)
    for _ in range(10):  # earlier guesses: the wait is now 32 seconds
        attempts.failed("leder", now, "password")
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", PASSWORD)
    args = ["meetings", "--db", str(db_path), "--user", "leder"]
    assert main(args) != 0
    err = capsys.readouterr().err
    assert "For mange mislykkede login. Vent 3" in err and "sekunder, før du prøver igen." in err
    Attempts.load(db_path).end_count("leder")
    assert main(args) == 0
    assert "10 mislykkede loginforsøg med dit brugernavn" in capsys.readouterr().err
