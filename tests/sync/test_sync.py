"""Keeping a replica in step: a sync with nothing new ships nothing, a change on the server
arrives, a deleted row goes, time moves the window, and a pull that failed half-way is
simply done again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from stevnsmoeder.db.models import AgendaItem, Meeting
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import minutes, planning, replication, sync_client
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.demo import DEMO_PASSWORD
from tests.sync.conftest import Running
from tests.sync.test_replicas import _window


def _next_planned(ctx: ServiceContext) -> planning.MeetingPlan:
    today = ctx.today()
    meeting = next(
        m for m in _window(ctx) if m.status is MeetingStatus.PLANNED and m.starts_at.date() > today
    )
    return planning.get_plan(ctx, meeting.id)


def test_nothing_new_ships_nothing(running: Running) -> None:
    replica = running.replica(running.connect("leder"), "leder")
    report = sync_client.sync(replica, DEMO_PASSWORD)
    assert (report.pulled, report.removed, report.full) == (0, 0, False)


def test_a_change_on_the_server_arrives_and_a_deleted_row_goes(running: Running) -> None:
    replica = running.replica(running.connect("leder"), "leder")
    referent = running.on_server("referent")
    plan = _next_planned(referent)
    plan = planning.add_item(
        referent, plan.summary.id, plan.revision, title="Nyt punkt fra sekretæren", minutes=10
    )
    added = next(i for i in plan.items if i.title == "Nyt punkt fra sekretæren")
    report = sync_client.sync(replica, DEMO_PASSWORD)
    assert report.pulled >= 2  # the item and its meeting's new revision
    assert planning.get_plan(replica, plan.summary.id) == planning.get_plan(
        running.on_server("leder"), plan.summary.id
    )
    planning.remove_item(referent, plan.summary.id, plan.revision, added.id)
    report = sync_client.sync(replica, DEMO_PASSWORD)
    assert report.removed == 1
    with replica.db.begin() as s:
        assert s.get(AgendaItem, added.id) is None


def test_text_written_on_the_server_reaches_the_replica(running: Running) -> None:
    replica = running.replica(running.connect("referent"), "referent")
    leder = running.on_server("leder")
    held = next(
        m for m in _window(leder) if m.status is MeetingStatus.HELD and m.approved_at is None
    )
    item = planning.get_plan(leder, held.id).items[0]
    minutes.save_text(leder, item.id, "notes", "Skrevet på serveren.")
    report = sync_client.sync(replica, DEMO_PASSWORD)
    assert report.pulled >= 1
    assert minutes.get_minutes(replica, held.id) == minutes.get_minutes(
        running.on_server("referent"), held.id
    )


def test_time_moves_the_window(running: Running) -> None:
    replica = running.replica(running.connect("leder"), "leder")
    running.clock.advance(days=21)
    replica_clock_moved = replica  # the same fake clock drives both sides
    report = sync_client.sync(replica_clock_moved, DEMO_PASSWORD)
    assert report.pulled and report.removed
    server = running.on_server("leder")
    for m in _window(server):
        assert planning.get_plan(replica, m.id) == planning.get_plan(server, m.id)
    back = running.clock() - timedelta(days=replication.SCOPE_DAYS_BACK + 7)
    with replica.db.begin() as s:
        old = s.scalars(
            select(Meeting.id).where(Meeting.starts_at < back.replace(tzinfo=None))
        ).all()
        # Older meetings stay only where they hold a child's earlier item.
        assert all(s.scalar(select(AgendaItem.id).where(AgendaItem.meeting_id == m)) for m in old)


def test_a_pull_that_fails_half_way_is_done_again(
    running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    replica = running.replica(running.connect("leder"), "leder")
    referent = running.on_server("referent")
    plan = _next_planned(referent)
    planning.add_item(referent, plan.summary.id, plan.revision, title="Efter nedbrud", minutes=5)
    real = replication.apply

    def dies_half_way(s: object, pulled: replication.Pulled) -> None:
        real(s, pulled)  # type: ignore[arg-type]
        raise OSError("the laptop's battery ran out")

    with monkeypatch.context() as m:
        m.setattr(replication, "apply", dies_half_way)
        with pytest.raises(OSError):
            sync_client.sync(replica, DEMO_PASSWORD)
    with replica.db.begin() as s:  # nothing of it was kept
        assert s.scalar(select(AgendaItem.id).where(AgendaItem.title == "Efter nedbrud")) is None
    report = sync_client.sync(replica, DEMO_PASSWORD)
    assert report.pulled >= 1
    with replica.db.begin() as s:
        assert s.scalar(select(AgendaItem.id).where(AgendaItem.title == "Efter nedbrud"))
