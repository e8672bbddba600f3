"""Logging in to the shared record: the Argon2id hash in app_user decides, every failure is in
the access log at once, and from the fifth failure in a row the user name waits (as on the
laptop), also a name that is no user's, without writing down what was typed there."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import access, server_access
from stevnsmoeder.services.errors import AuthError, LoginDelayed
from stevnsmoeder.services.login_attempts import UNKNOWN_USER
from tests.conftest import PASSWORD, FakeClock


def _log(url: str, clock: FakeClock) -> list[tuple[str, str]]:
    ctx = server_access.login_server(url, "admin", PASSWORD, clock=clock)
    try:
        with ctx.db.begin() as s:
            return [
                (e.action, e.login) for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))
            ]
    finally:
        ctx.db.close()


def test_wrong_passwords_are_logged_and_the_name_waits(pg_url: str, clock: FakeClock) -> None:
    for _ in range(server_access.FREE_ATTEMPTS):
        with pytest.raises(AuthError) as failed:
            server_access.login_server(pg_url, "leder", "forkert", clock=clock)
        assert not isinstance(failed.value, LoginDelayed)
    with pytest.raises(LoginDelayed) as waiting:
        server_access.login_server(pg_url, "leder", PASSWORD, clock=clock)  # even the right one
    assert waiting.value.wait_seconds == 1
    clock.advance(seconds=2)
    ctx = server_access.login_server(pg_url, "leder", PASSWORD, clock=clock)
    ctx.db.close()
    # The count ended with the login: the next failure does not wait.
    with pytest.raises(AuthError) as again:
        server_access.login_server(pg_url, "leder", "forkert", clock=clock)
    assert not isinstance(again.value, LoginDelayed)
    log = _log(pg_url, clock)
    assert log.count(("login.failed", "leder")) == server_access.FREE_ATTEMPTS + 1
    assert ("login.delayed", "leder") in log and ("login", "leder") in log


def test_a_name_that_is_no_user_is_logged_as_unknown(pg_url: str, clock: FakeClock) -> None:
    typed = "min hemmelige adgangskode"  # typed into the name field by mistake
    with pytest.raises(AuthError):
        server_access.login_server(pg_url, typed, PASSWORD, clock=clock)
    log = _log(pg_url, clock)
    assert ("login.failed", UNKNOWN_USER) in log
    assert all(typed not in who for _action, who in log)


def test_a_closed_user_is_refused_at_the_next_login(pg_url: str, clock: FakeClock) -> None:
    admin = server_access.login_server(pg_url, "admin", PASSWORD, clock=clock)
    politi = server_access.login_server(pg_url, "politi", PASSWORD, clock=clock)
    politi.db.close()
    access.close_user(admin, "politi")
    admin.db.close()
    with pytest.raises(AuthError, match="adgang"):
        server_access.login_server(pg_url, "politi", PASSWORD, clock=clock)


def test_the_wait_grows_and_is_capped() -> None:
    now = FakeClock().current
    waits = [server_access.login_wait(n, now, now) for n in range(4, 20)]
    assert waits[0] == timedelta(0) and waits[1] == timedelta(seconds=1)
    assert waits[2] == timedelta(seconds=2) and max(waits) == server_access.MAX_DELAY
