"""Failed logins: noted beside the database, slowed down from the fifth, logged at the next
successful login."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import access, audit
from stevnsmoeder.services.errors import AuthError, LoginDelayed
from stevnsmoeder.services.login_attempts import UNKNOWN_USER, Attempts, attempts_path
from tests.conftest import PASSWORD, FakeClock


def _fail(db_path: Path, clock: FakeClock, user: str = "leder") -> None:
    with pytest.raises(AuthError):
        access.login(db_path, user, "forkert", clock=clock)


def test_five_failures_then_an_increasing_wait(db_path: Path, clock: FakeClock) -> None:
    for _ in range(5):
        _fail(db_path, clock)
    # The sixth attempt must wait one second, even with the right password.
    with pytest.raises(LoginDelayed, match="Prøv igen om 1 sekund\\."):
        access.login(db_path, "leder", PASSWORD, clock=clock)
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


def test_a_damaged_attempts_file_starts_the_count_again(db_path: Path, clock: FakeClock) -> None:
    attempts_path(db_path).write_text("{not json", encoding="utf-8")
    access.login(db_path, "leder", PASSWORD, clock=clock).db.close()
    assert not attempts_path(db_path).exists()


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
