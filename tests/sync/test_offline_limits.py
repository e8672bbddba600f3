"""A replica that stays away: read-only after 14 days, then closed until synchronised; a
revoked user or computer has its replica deleted at the next contact; a laptop whose clock
is a day wrong orders nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from stevnsmoeder.db.keystore import keyfile_path
from stevnsmoeder.db.models import Meeting
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import access, devices, live, minutes, planning, sync_client
from stevnsmoeder.services.demo import DEMO_PASSWORD
from stevnsmoeder.services.errors import ReplicaExpired
from tests.sync.conftest import Running
from tests.sync.test_replicas import _window


def test_away_too_long_the_replica_reads_then_closes(running: Running) -> None:
    path = running.connect("leder")
    running.clock.advance(days=15)
    replica = running.replica(path, "leder")
    held = next(m for m in _window(replica) if m.status is MeetingStatus.PLANNED)
    planning.get_plan(replica, held.id)  # reading works
    item = planning.get_plan(replica, held.id).items[0]
    with pytest.raises(ReplicaExpired, match="14 dage"):
        minutes.save_text(replica, item.id, "notes", "Kan ikke gemmes")
    replica.db.close()
    running.opened.remove(replica)
    running.clock.advance(days=20)
    with pytest.raises(ReplicaExpired, match="synkronisér"):
        access.login(path, "leder", DEMO_PASSWORD, clock=running.clock)
    ctx = access.login(path, "leder", DEMO_PASSWORD, clock=running.clock, to_synchronise=True)
    running.opened.append(ctx)
    sync_client.sync(ctx, DEMO_PASSWORD)
    assert not ctx.db.read_only
    running.replica(path, "leder")  # opens again


@pytest.mark.parametrize("what", ["device", "user"])
def test_a_revoked_replica_is_deleted_at_the_next_contact(running: Running, what: str) -> None:
    path = running.connect("ppr")
    replica = running.replica(path, "ppr")
    admin = running.on_server("admin")
    if what == "device":
        device = sync_client.device_id_of(replica)
        assert device is not None
        devices.revoke(admin, device)
    else:
        access.close_user(admin, "ppr")
    running.opened.remove(replica)
    with pytest.raises(sync_client.ReplicaWiped, match="slettet"):
        sync_client.sync(replica, DEMO_PASSWORD)
    assert not path.exists() and not keyfile_path(path).exists()


def test_a_wrong_password_never_deletes_anything(running: Running) -> None:
    path = running.connect("ppr")
    replica = running.replica(path, "ppr")
    with pytest.raises(Exception, match="adgangskode"):
        sync_client.sync(replica, "forkert kodeord")
    assert path.exists()


def test_a_laptop_clock_a_day_ahead_stamps_nothing_in_the_future(running: Running) -> None:
    replica = running.replica(running.connect("leder"), "leder")
    meeting = next(m for m in _window(replica) if m.status is MeetingStatus.PLANNED)
    laptop_clock = running.clock() + timedelta(days=1)
    ahead = type(replica)(db=replica.db, actor=replica.actor, clock=lambda: laptop_clock)
    live.start(ahead, meeting.id)
    sync_client.sync(replica, DEMO_PASSWORD)
    for ctx in (running.on_server("leder"), replica):  # the server's time on both
        with ctx.db.begin() as s:
            assert s.get_one(Meeting, meeting.id).started_at == running.clock()


def test_users_are_managed_on_the_server_not_on_a_replica(running: Running) -> None:
    from stevnsmoeder.model.enums import Role
    from stevnsmoeder.services.errors import NotOnThisDatabase

    replica = running.replica(running.connect("admin"), "admin")
    for attempt in (
        lambda: access.add_user(
            replica, access.NewUser("ny", "en meget lang adgangskode 42", Role.LEDER)
        ),
        lambda: access.close_user(replica, "ppr"),
        lambda: access.set_role(replica, "ppr", Role.LEDER),
    ):
        with pytest.raises(NotOnThisDatabase, match="serveren"):
            attempt()
