"""Pushing what was done offline: each operation applied once through its service as its
user, with the same new rows; a retried push changes nothing; what the server refuses is
kept on the laptop as a conflict with the user's text; one text typed on for a long time
travels as one change."""

from __future__ import annotations

import json
import ssl
import uuid

import httpx
from sqlalchemy import func, select

from stevnsmoeder.db.models import Action, OutboxEntry
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import meetings, minutes, planning, sync_client
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
    body = {
        "operations": [
            {
                "op_id": str(e.op_id),
                "name": e.name,
                "arguments": e.arguments,
                "new_ids": json.loads(e.new_ids),
                "at": e.created_at.isoformat(),
            }
            for e in entries
        ]
    }
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
