"""One authenticator per kind of database, the same behaviour behind both: the right password
gives the user's context, a wrong one, a closed user and the fifth failure in a row are
refused alike on the encrypted file and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import access
from stevnsmoeder.services.authenticate import (
    EncryptedFile,
    ServerDatabase,
    authenticator_for,
)
from stevnsmoeder.services.errors import AuthError, LoginDelayed
from stevnsmoeder.services.login_attempts import FREE_ATTEMPTS
from tests.conftest import PASSWORD, FakeClock

pytestmark = pytest.mark.both_engines


@pytest.fixture
def target(engine: str, request: pytest.FixtureRequest) -> str | Path:
    if engine == "postgresql":
        url: str = request.getfixturevalue("pg_url")
        return url
    path: Path = request.getfixturevalue("db_path")
    return path


def test_the_target_chooses_the_authenticator(target: str | Path) -> None:
    auth = authenticator_for(target)
    assert isinstance(auth, ServerDatabase if isinstance(target, str) else EncryptedFile)
    if isinstance(target, str):
        assert PASSWORD not in auth.where and "postgresql" in auth.where


def test_the_right_password_gives_the_users_context(target: str | Path, clock: FakeClock) -> None:
    ctx = authenticator_for(target).login("Leder ", PASSWORD, clock=clock)
    try:
        assert (ctx.actor.login, ctx.actor.role) == ("leder", Role.LEDER)
        assert ctx.on_file == isinstance(target, Path)
    finally:
        ctx.db.close()


def test_wrong_passwords_then_a_wait_on_either_engine(target: str | Path, clock: FakeClock) -> None:
    auth = authenticator_for(target)
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(AuthError) as failed:
            auth.login("leder", "forkert kodeord", clock=clock)
        assert not isinstance(failed.value, LoginDelayed)
    with pytest.raises(AuthError) as waiting:  # even the right password waits now
        auth.login("leder", PASSWORD, clock=clock)
    assert waiting.value.wait_seconds
    clock.advance(seconds=waiting.value.wait_seconds + 1)
    auth.login("leder", PASSWORD, clock=clock).db.close()


def test_a_closed_user_is_refused_on_either_engine(target: str | Path, clock: FakeClock) -> None:
    auth = authenticator_for(target)
    admin = auth.login("admin", PASSWORD, clock=clock)
    try:
        access.close_user(admin, "ppr")
    finally:
        admin.db.close()
    with pytest.raises(AuthError):
        auth.login("ppr", PASSWORD, clock=clock)
