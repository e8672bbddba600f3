"""The user's own new password on a laptop's replica: the server takes it first (every laptop
logs in to the server with it), then the replica is re-keyed under it; offline, or with a
wrong current password, nothing changes anywhere."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import access, app_settings, server_access, sync_client
from stevnsmoeder.services.demo import DEMO_PASSWORD
from stevnsmoeder.services.errors import AuthError, ServiceError
from tests.conftest import CHEAP_KDF
from tests.sync.conftest import Running

NEW = "ny kaffe ved mødebordet"


def test_a_password_changed_on_a_replica_is_the_servers_too(running: Running) -> None:
    path = running.connect("leder")
    replica = running.replica(path, "leder")
    sync_client.change_password(replica, DEMO_PASSWORD, NEW, kdf=CHEAP_KDF)
    # The server logs in with the new password only …
    with pytest.raises(AuthError):
        server_access.login_server(running.db_url, "leder", DEMO_PASSWORD, clock=running.clock)
    server_access.login_server(running.db_url, "leder", NEW, clock=running.clock).db.close()
    # … the replica opens with it only, and syncs with it.
    replica.db.close()
    with pytest.raises(AuthError):
        access.login(path, "leder", DEMO_PASSWORD, clock=running.clock)
    again = access.login(path, "leder", NEW, clock=running.clock)
    running.opened.append(again)
    report = sync_client.sync(again, NEW)
    assert report.rejected == 0
    with pytest.raises(AuthError):
        sync_client.sync(again, DEMO_PASSWORD)


def test_offline_the_password_cannot_change_and_nothing_does(running: Running) -> None:
    path = running.connect("referent")
    replica = running.replica(path, "referent")
    with replica.db.begin() as s:
        app_settings.put(s, sync_client.SERVER_URL, "https://127.0.0.1:9")  # nothing answers
    with pytest.raises(sync_client.ServerUnreachable, match="forbindelse til serveren"):
        sync_client.change_password(replica, DEMO_PASSWORD, NEW, kdf=CHEAP_KDF)
    replica.db.close()
    access.login(path, "referent", DEMO_PASSWORD, clock=running.clock).db.close()
    server_access.login_server(
        running.db_url, "referent", DEMO_PASSWORD, clock=running.clock
    ).db.close()


def test_a_wrong_current_password_is_refused_here_and_on_the_server(running: Running) -> None:
    path = running.connect("ppr")
    replica = running.replica(path, "ppr")
    with pytest.raises(AuthError):
        sync_client.change_password(replica, "ikke den rigtige", NEW, kdf=CHEAP_KDF)
    # Straight to the server (a laptop that skipped its own check): refused, and logged as
    # a failed login, which counts towards the wait after too many.
    server = running.on_server("admin")
    with server.db.begin() as s:
        before = s.scalar(select(AuditEvent.id).where(AuditEvent.action == "login.failed").limit(1))
    assert before is None
    with sync_client.Link(replica, DEMO_PASSWORD) as link, pytest.raises(ServiceError) as refused:
        link.call("/password", {"current": "ikke den rigtige", "new": NEW})
    assert isinstance(refused.value, sync_client.ServerRefused)
    assert refused.value.code == "wrong_password"
    with server.db.begin() as s:
        failed = s.scalars(
            select(AuditEvent.login).where(AuditEvent.action == "login.failed")
        ).all()
    assert failed == ["ppr"]
    server_access.login_server(running.db_url, "ppr", DEMO_PASSWORD, clock=running.clock).db.close()


def test_a_second_laptop_of_the_user_follows_the_change_the_same_way(running: Running) -> None:
    first = running.replica(running.connect("leder", "laptop1"), "leder")
    second_path = running.connect("leder", "laptop2")
    second = running.replica(second_path, "leder")
    sync_client.change_password(first, DEMO_PASSWORD, NEW, kdf=CHEAP_KDF)
    with pytest.raises(AuthError):  # the second laptop's sync: the server has the new one
        sync_client.sync(second, DEMO_PASSWORD)
    sync_client.change_password(second, DEMO_PASSWORD, NEW, kdf=CHEAP_KDF)
    second.db.close()
    again = access.login(second_path, "leder", NEW, clock=running.clock)
    running.opened.append(again)
    assert sync_client.sync(again, NEW).rejected == 0
