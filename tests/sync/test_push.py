"""Pushing what was done offline: each operation applied once through its service as its
user, with the same new rows; a retried push changes nothing; what the server refuses is
kept on the laptop as a conflict with the user's text; one text typed on for a long time
travels as one change."""

from __future__ import annotations

import ssl
import uuid

import httpx
import pytest
from sqlalchemy import func, select

from stevnsmoeder.db.models import Action, OutboxEntry
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import meetings, minutes, planning, sync_client, sync_server
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.demo import DEMO_PASSWORD
from tests.sync.conftest import Running
from tests.sync.test_replicas import _window


def _held_unapproved(ctx: ServiceContext) -> meetings.MeetingSummary:
    return next(m for m in _window(ctx) if m.status is MeetingStatus.HELD and m.approved_at is None)


def _outbox(ctx: ServiceContext) -> list[OutboxEntry]:
    with ctx.db.begin() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def _actions(ctx: ServiceContext) -> int:
    with ctx.db.begin() as s:
        return int(s.scalar(select(func.count()).select_from(Action)) or 0)


def test_minutes_written_offline_reach_the_server_with_the_same_rows(running: Running) -> None:
    replica = running.replica(running.connect("leder"), "leder")
    held = _held_unapproved(replica)
    item = planning.get_plan(replica, held.id).items[0]
    minutes.save_text(replica, item.id, "notes", "Skrevet offline i mødelokalet.")
    made = minutes.add_action(
        replica, item.id, minutes.NewAction("Ringe til skolen", owner_text="Skolen")
    )
    assert len(_outbox(replica)) == 2
    report = sync_client.sync(replica, DEMO_PASSWORD)
    assert (report.pushed, report.applied, report.rejected) == (2, 2, 0)
    assert _outbox(replica) == []
    server = running.on_server("leder")
    there = minutes.get_minutes(server, held.id)
    assert there.items[item.id].notes == "Skrevet offline i mødelokalet."
    assert [a.id for a in there.items[item.id].actions if a.text == "Ringe til skolen"] == [made.id]
    assert minutes.get_minutes(replica, held.id) == minutes.get_minutes(server, held.id)


def test_a_push_whose_reply_was_lost_applies_nothing_twice(running: Running) -> None:
    replica = running.replica(running.connect("leder"), "leder")
    held = _held_unapproved(replica)
    item = planning.get_plan(replica, held.id).items[0]
    minutes.add_action(
        replica, item.id, minutes.NewAction("Indkalde til netværksmøde", owner_text="Sagsbehandler")
    )
    entries = _outbox(replica)
    body = sync_client.push_body(entries)
    server = running.on_server("leder")
    before = _actions(server)
    verify = ssl.create_default_context(cafile=str(running.ca))
    with httpx.Client(base_url=running.url + "/v1", verify=verify) as http:
        with replica.db.begin() as s:
            from stevnsmoeder.services import app_settings

            device_id = app_settings.get(s, sync_client.DEVICE_ID)
            secret = app_settings.get(s, sync_client.DEVICE_SECRET)
        token = http.post(
            "/login",
            json={"login": "leder", "password": DEMO_PASSWORD, "device_id": device_id,
                  "device_secret": secret},
        ).json()["token"]  # fmt: skip
        auth = {"Authorization": f"Bearer {token}"}
        first = http.post("/push", json=body, headers=auth).json()  # the reply "is lost"
        again = http.post("/push", json=body, headers=auth).json()
    assert first == again and first["results"][0]["applied"]
    assert _actions(server) == before + 1
    report = sync_client.sync(replica, DEMO_PASSWORD)  # the laptop retries: still once
    assert report.applied == 1 and _actions(running.on_server("leder")) == before + 1


def test_minutes_approved_meanwhile_refuse_the_edit_and_keep_the_text(running: Running) -> None:
    replica = running.replica(running.connect("referent"), "referent")
    held = _held_unapproved(replica)
    item = planning.get_plan(replica, held.id).items[0]
    minutes.save_text(replica, item.id, "decision", "Vi besluttede noget andet.")
    minutes.approve(running.on_server("leder"), held.id)  # on the server, meanwhile
    report = sync_client.sync(replica, DEMO_PASSWORD)
    assert (report.applied, report.rejected, report.conflicts) == (0, 1, 1)
    found = sync_client.conflicts(replica)
    assert len(found) == 1 and "godkendt" in found[0].reason
    with replica.db.begin() as s:
        from stevnsmoeder.db.models import SyncConflict

        kept = s.scalar(select(SyncConflict.arguments))
    assert kept is not None and "Vi besluttede noget andet." in kept
    assert minutes.get_minutes(replica, held.id).locked  # the replica follows the server


def test_the_same_text_edited_on_two_offline_laptops_keeps_both(running: Running) -> None:
    chair = running.replica(running.connect("leder"), "leder")
    secretary = running.replica(running.connect("referent"), "referent")
    held = _held_unapproved(chair)
    item = planning.get_plan(chair, held.id).items[0]
    for word in ("Mødelederens", "Mødelederens tekst", "Mødelederens tekst, skrevet færdig"):
        minutes.save_text(chair, item.id, "notes", word)  # typed on: one change
    minutes.save_text(secretary, item.id, "notes", "Referentens tekst")
    first = sync_client.sync(chair, DEMO_PASSWORD)
    assert (first.pushed, first.applied) == (1, 1)
    second = sync_client.sync(secretary, DEMO_PASSWORD)
    assert (second.rejected, second.conflicts) == (1, 1)
    notes = minutes.get_minutes(secretary, held.id).items[item.id].notes
    assert notes == "Mødelederens tekst, skrevet færdig"  # the server's, on both laptops
    with secretary.db.begin() as s:
        from stevnsmoeder.db.models import SyncConflict

        kept = s.scalar(select(SyncConflict.arguments))
    assert kept is not None and "Referentens tekst" in kept


def test_a_refused_new_item_leaves_no_row_behind(running: Running) -> None:
    replica = running.replica(running.connect("referent"), "referent")
    upcoming = next(m for m in _window(replica) if m.status is MeetingStatus.PLANNED)
    plan = planning.get_plan(replica, upcoming.id)
    plan = planning.add_item(replica, upcoming.id, plan.revision, title="Lokalt", minutes=5)
    local = next(i for i in plan.items if i.title == "Lokalt")
    server = running.on_server("leder")  # meanwhile the plan changes on the server
    there = planning.get_plan(server, upcoming.id)
    planning.add_item(server, upcoming.id, there.revision, title="På serveren", minutes=5)
    report = sync_client.sync(replica, DEMO_PASSWORD)
    assert report.rejected == 1
    titles = [i.title for i in planning.get_plan(replica, upcoming.id).items]
    assert "På serveren" in titles and "Lokalt" not in titles
    with replica.db.begin() as s:
        from stevnsmoeder.db.models import AgendaItem

        assert s.get(AgendaItem, local.id) is None
    assert uuid.UUID(str(local.id))


def test_a_server_that_dies_mid_push_applies_each_operation_once(
    running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    replica = running.replica(running.connect("leder"), "leder")
    held = _held_unapproved(replica)
    item = planning.get_plan(replica, held.id).items[0]
    made = [
        minutes.add_action(replica, item.id, minutes.NewAction(f"Aftale {n}", owner_text="PPR"))
        for n in range(6)
    ]
    real = sync_server._apply_one
    done: list[int] = []

    def dies_after_three(*args: object) -> object:
        if len(done) == 3:
            raise SystemError("the server process was killed")
        done.append(1)
        return real(*args)  # type: ignore[arg-type]

    with monkeypatch.context() as m:
        m.setattr(sync_server, "_apply_one", dies_after_three)
        with pytest.raises(sync_client.ServerRefused):
            sync_client.sync(replica, DEMO_PASSWORD)
    assert len(_outbox(replica)) == 6  # nothing settled on the laptop
    report = sync_client.sync(replica, DEMO_PASSWORD)
    assert (report.pushed, report.applied, report.rejected) == (6, 6, 0)
    server = running.on_server("leder")
    there = minutes.get_minutes(server, held.id).items[item.id].actions
    assert sorted(a.id for a in there if a.text.startswith("Aftale ")) == sorted(a.id for a in made)


@pytest.mark.parametrize("before", ["nothing", "pushed", "chair"])
def test_an_item_added_while_the_sync_ran_is_done_again_once_on_the_pulled_rows(
    running: Running, before: str
) -> None:
    """The secretary adds an item while her laptop's sync is between its push and its pull;
    the server has not seen it, so the rebase must keep it on top of what the pull brought:
    once (not a duplicate the database refuses), with the meeting's revision as the server
    will have it, and the next sync pushes it. Before it: nothing else; or an item of hers
    pushed by this very sync (the pull brings the meeting back at that revision: the item
    is done again on it); or the chair changed the same agenda on the server (the item
    stays shown until the next push makes it a conflict for her to decide)."""
    replica = running.replica(running.connect("referent"), "referent")
    meeting = next(
        m
        for m in _window(replica)
        if m.status is MeetingStatus.PLANNED and m.starts_at.date() > replica.today()
    )
    server = running.on_server("leder")
    if before == "chair":
        there = planning.get_plan(server, meeting.id)
        planning.add_item(server, meeting.id, there.revision, title="Fra lederen", minutes=5)
    if before == "pushed":
        here = planning.get_plan(replica, meeting.id)
        planning.add_item(replica, meeting.id, here.revision, title="Først", minutes=5)
    added: list[planning.MeetingPlan] = []

    with sync_client.Link(replica, DEMO_PASSWORD) as link:
        real = link.call

        def call(path: str, body: dict[str, object]) -> object:
            if path == "/pull" and not added:  # the user's change, between push and pull
                here = planning.get_plan(replica, meeting.id)
                added.append(
                    planning.add_item(
                        replica, meeting.id, here.revision, title="Fra sekretæren", minutes=5
                    )
                )
            return real(path, body)

        link.call = call  # type: ignore[method-assign]
        first = link.sync()
        assert first.pushed == (1 if before == "pushed" else 0)
        plan = planning.get_plan(replica, meeting.id)
        titles = [i.title for i in plan.items]
        assert titles.count("Fra sekretæren") == 1  # shown, once
        assert ("Fra lederen" in titles) is (before == "chair")
        assert len(_outbox(replica)) == 1  # waiting to be pushed
        if before != "chair":  # the revision the server will have once it is pushed
            assert plan.revision == planning.get_plan(server, meeting.id).revision + 1
        second = link.sync()
    mine = next(i for i in added[0].items if i.title == "Fra sekretæren")
    if before == "chair":
        assert (second.pushed, second.applied, second.rejected) == (1, 0, 1)
        assert second.conflicts == 1
        for ctx in (replica, server):
            assert mine.id not in [i.id for i in planning.get_plan(ctx, meeting.id).items]
        return
    assert (second.pushed, second.applied, second.rejected) == (1, 1, 0)
    for ctx in (replica, server):
        items = planning.get_plan(ctx, meeting.id).items
        assert [i.id for i in items if i.title == "Fra sekretæren"] == [mine.id]
    assert planning.get_plan(replica, meeting.id) == planning.get_plan(server, meeting.id)
