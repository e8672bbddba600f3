"""Deciding on the changes the server refused: each conflict in words beside the server's
version, and each choice (the server's, mine again, merged by hand, an addendum) carried
out through the normal services and pushed at the next sync; impossible choices refused,
nothing dropped before the user decides, no text in the log."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import select

from stevnsmoeder.cli import EXIT_FAILED, EXIT_OK, main
from stevnsmoeder.db.models import AuditEvent, OutboxEntry, SyncConflict
from stevnsmoeder.domain.dates import long_date
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import access_log, minutes, planning, sync_client, sync_conflicts
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.demo import DEMO_PASSWORD
from stevnsmoeder.services.errors import ConflictError, ValidationError
from stevnsmoeder.services.sync_conflicts import Choice
from tests.sync.conftest import NOW, Running
from tests.sync.test_push import _held_unapproved
from tests.sync.test_replicas import _window

CHAIR_TEXT = "Mødelederens tekst, skrevet færdig"
MY_TEXT = "Referentens tekst om læseforløbet"


def _outbox(ctx: ServiceContext) -> list[OutboxEntry]:
    with ctx.db.begin() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)))


def _rows(ctx: ServiceContext) -> list[SyncConflict]:
    with ctx.db.begin() as s:
        return list(s.scalars(select(SyncConflict)))


def _logged(ctx: ServiceContext) -> list[AuditEvent]:
    with ctx.db.begin() as s:
        return list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


@dataclass
class TwoLaptops:
    chair: ServiceContext
    secretary: ServiceContext
    meeting_id: uuid.UUID
    item_id: uuid.UUID
    path: str  # the secretary's replica


def two_laptops(running: Running) -> TwoLaptops:
    """The notes of one item written on the chair's and the secretary's laptops offline; the
    chair synchronises first, so the secretary's text is refused and kept as a conflict."""
    path = running.connect("referent")
    chair = running.replica(running.connect("leder"), "leder")
    secretary = running.replica(path, "referent")
    held = _held_unapproved(chair)
    item = planning.get_plan(chair, held.id).items[0]
    minutes.save_text(chair, item.id, "notes", CHAIR_TEXT)
    minutes.save_text(secretary, item.id, "notes", MY_TEXT)
    sync_client.sync(chair, DEMO_PASSWORD)
    assert sync_client.sync(secretary, DEMO_PASSWORD).conflicts == 1
    return TwoLaptops(chair, secretary, held.id, item.id, str(path))


def _notes(ctx: ServiceContext, meeting_id: uuid.UUID, item_id: uuid.UUID) -> str:
    return minutes.get_minutes(ctx, meeting_id).items[item_id].notes


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    try:
        data: Any = json.loads(out)
    except ValueError:
        data = out
    return code, data, err


def test_a_refused_edit_leaves_the_replica_with_the_servers_text(running: Running) -> None:
    replica = running.replica(running.connect("referent"), "referent")
    held = _held_unapproved(replica)
    item = planning.get_plan(replica, held.id).items[0]
    before = minutes.get_minutes(replica, held.id).items[item.id].decision
    minutes.save_text(replica, item.id, "decision", "Vi besluttede noget andet.")
    minutes.approve(running.on_server("leder"), held.id)  # meanwhile, on the server
    sync_client.sync(replica, DEMO_PASSWORD)
    assert minutes.get_minutes(replica, held.id).items[item.id].decision == before


def test_a_text_written_on_two_laptops_shows_both_and_keeps_mine(running: Running) -> None:
    made = two_laptops(running)
    secretary = made.secretary
    [listed] = sync_conflicts.open_conflicts(secretary)
    assert listed.what.startswith("Noter (resumé): Referatet til punkt 1 (")
    shown = sync_conflicts.detail(secretary, listed.id)
    assert shown.what.startswith("Referatet til punkt 1 (") and shown.field == "Noter (resumé)"
    assert shown.is_text and not shown.approved
    assert (shown.mine.text, shown.mine.who, shown.mine.at) == (MY_TEXT, "Maiken Bang", NOW)
    assert shown.server.text == CHAIR_TEXT and shown.server.at is not None
    assert shown.reason == "En anden har ændret teksten i mellemtiden."
    assert shown.choices == (Choice.SERVER, Choice.MINE, Choice.MERGED) and shown.note == ""
    assert _notes(secretary, made.meeting_id, made.item_id) == CHAIR_TEXT  # the server's

    # Nothing is dropped before the user decides: another sync keeps the conflict as it was.
    sync_client.sync(secretary, DEMO_PASSWORD)
    assert [c.id for c in sync_conflicts.open_conflicts(secretary)] == [listed.id]
    assert sync_conflicts.detail(secretary, listed.id).mine.text == MY_TEXT

    sync_conflicts.keep_mine(secretary, listed.id)
    [entry] = _outbox(secretary)  # a new operation, over the server's text as its base
    assert entry.name == "minutes.save_text" and entry.op_id != shown.id
    assert json.loads(entry.arguments)["kwargs"]["base"] == CHAIR_TEXT
    assert _notes(secretary, made.meeting_id, made.item_id) == MY_TEXT
    [row] = _rows(secretary)  # decided, and kept as history
    assert (row.resolution, row.resolved_at) == ("mine", NOW) and MY_TEXT in row.arguments
    assert sync_conflicts.open_conflicts(secretary) == []
    with pytest.raises(ValidationError, match="allerede taget stilling"):
        sync_conflicts.keep_server(secretary, listed.id)

    report = sync_client.sync(secretary, DEMO_PASSWORD)
    assert (report.applied, report.rejected, report.conflicts) == (1, 0, 0)
    assert _notes(running.on_server("leder"), made.meeting_id, made.item_id) == MY_TEXT
    sync_client.sync(made.chair, DEMO_PASSWORD)
    assert _notes(made.chair, made.meeting_id, made.item_id) == MY_TEXT

    # The decision is logged by its choice and the operation's name, never the text.
    decided = [e for e in _logged(secretary) if e.action.startswith("conflict.")]
    assert [(e.action, e.object_id, e.detail) for e in decided] == [
        ("conflict.mine", made.meeting_id, "minutes.save_text")
    ]
    assert not any(MY_TEXT in (e.detail or "") for e in _logged(secretary))


def test_keeping_the_servers_version_leaves_the_server_as_it_was(
    running: Running, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = two_laptops(running)
    [listed] = sync_conflicts.open_conflicts(made.secretary)
    made.secretary.db.close()  # the command line opens the replica itself
    monkeypatch.setenv("STEVNSMOEDER_USER", "referent")
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", DEMO_PASSWORD)
    code, out, err = _run(capsys, "conflicts", "--db", made.path)
    assert code == EXIT_OK, err
    assert listed.short_id in out and "Noter (resumé): Referatet til punkt 1 (" in out
    assert "1 konflikt" in out
    code, found, _err = _run(capsys, "conflicts", "--db", made.path, "--json")
    assert [(c["id"], c["operation"]) for c in found] == [(str(listed.id), "minutes.save_text")]
    code, out, err = _run(capsys, "conflicts", "--db", made.path, "show", listed.short_id)
    assert code == EXIT_OK, err
    assert "Din version – Maiken Bang, mandag den 23. november 2026, kl. 09.00:" in out
    assert MY_TEXT in out and CHAIR_TEXT in out and "Serverens version" in out
    assert "Valg: server, mine, merged" in out
    code, _out, err = _run(capsys, "conflicts", "--db", made.path, "show", "0000")
    assert code == EXIT_FAILED and "Ingen konflikt" in err

    code, out, err = _run(
        capsys, "conflicts", "--db", made.path, "resolve", listed.short_id, "--keep", "server"
    )
    assert (code, out.strip()) == (EXIT_OK, "Serverens version er beholdt."), err
    secretary = running.replica(running.folder / "referent.db", "referent")
    assert _outbox(secretary) == []
    [row] = _rows(secretary)
    assert row.resolution == "server" and MY_TEXT in row.arguments  # kept as history
    shown = sync_conflicts.detail(secretary, listed.id)
    assert (shown.resolution, shown.choices) == ("server", ())
    sync_client.sync(secretary, DEMO_PASSWORD)
    server = running.on_server("leder")
    assert _notes(server, made.meeting_id, made.item_id) == CHAIR_TEXT
    assert _notes(secretary, made.meeting_id, made.item_id) == CHAIR_TEXT
    # The decision only this laptop saw reaches the server's log.
    logged = access_log.entries(running.on_server("admin"), access_log.Query(action="conflict"))
    assert [(e.action, e.login) for e in logged] == [("conflict.server", "referent")]


def test_a_text_merged_by_hand_is_saved_and_pushed(
    running: Running, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = two_laptops(running)
    [listed] = sync_conflicts.open_conflicts(made.secretary)
    merged = f"{CHAIR_TEXT}\n{MY_TEXT}"
    # Merged with a server text the replica no longer holds: refused, and nothing is decided.
    with pytest.raises(ConflictError, match="En anden har ændret"):
        sync_conflicts.merge(made.secretary, listed.id, merged, base="En ældre tekst")
    assert [r.resolution for r in _rows(made.secretary)] == [""]
    assert _outbox(made.secretary) == []
    assert _notes(made.secretary, made.meeting_id, made.item_id) == CHAIR_TEXT
    sync_conflicts.merge(made.secretary, listed.id, merged, base=CHAIR_TEXT)
    assert [r.resolution for r in _rows(made.secretary)] == ["merged"]
    assert _notes(made.secretary, made.meeting_id, made.item_id) == merged
    sync_client.sync(made.secretary, DEMO_PASSWORD)
    assert _notes(running.on_server("leder"), made.meeting_id, made.item_id) == merged

    # The same through the command line, from a file, for a second round of the conflict.
    sync_client.sync(made.chair, DEMO_PASSWORD)
    minutes.save_text(made.chair, made.item_id, "notes", "Mødelederens anden tekst")
    minutes.save_text(made.secretary, made.item_id, "notes", "Referentens anden tekst")
    sync_client.sync(made.chair, DEMO_PASSWORD)
    sync_client.sync(made.secretary, DEMO_PASSWORD)
    [second] = sync_conflicts.open_conflicts(made.secretary)
    made.secretary.db.close()
    file = running.folder / "flettet.txt"
    file.write_text("Begge tekster, flettet.\n", encoding="utf-8")
    monkeypatch.setenv("STEVNSMOEDER_USER", "referent")
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", DEMO_PASSWORD)
    code, out, err = _run(
        capsys, "conflicts", "--db", made.path, "resolve", str(second.id),
        "--merged-file", str(file),
    )  # fmt: skip
    assert code == EXIT_OK and "flettede tekst er gemt" in out, err
    secretary = running.replica(running.folder / "referent.db", "referent")
    sync_client.sync(secretary, DEMO_PASSWORD)
    assert _notes(running.on_server("leder"), made.meeting_id, made.item_id) == (
        "Begge tekster, flettet."
    )


def test_minutes_approved_meanwhile_offer_only_the_servers_version_or_an_addendum(
    running: Running, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = running.connect("referent")
    replica = running.replica(path, "referent")
    held = _held_unapproved(replica)
    item = planning.get_plan(replica, held.id).items[0]
    before = minutes.get_minutes(replica, held.id).items[item.id].decision
    minutes.save_text(replica, item.id, "decision", "Vi besluttede noget andet.")
    running.clock.advance(minutes=10)  # the conflicts are listed in the order done
    minutes.add_action(replica, item.id, minutes.NewAction("Ringe til skolen", owner_text="PPR"))
    chair = running.on_server("leder")
    minutes.approve(chair, held.id)  # meanwhile, on the server
    approver = minutes.get_minutes(chair, held.id).approved_by
    assert sync_client.sync(replica, DEMO_PASSWORD).conflicts == 2
    text_conflict, action_conflict = sync_conflicts.open_conflicts(replica)

    shown = sync_conflicts.detail(replica, text_conflict.id)
    assert shown.field == "Beslutning" and shown.approved
    assert shown.mine.text == "Vi besluttede noget andet."
    assert (shown.server.text, shown.server.who) == (before, approver)
    assert shown.choices == (Choice.SERVER, Choice.ADDENDUM)
    assert "godkendt i mellemtiden" in shown.note and "tillæg" in shown.note
    for impossible in (
        lambda: sync_conflicts.keep_mine(replica, text_conflict.id),
        lambda: sync_conflicts.merge(replica, text_conflict.id, "Flettet"),
    ):
        with pytest.raises(ValidationError, match="godkendt i mellemtiden"):
            impossible()
    assert _outbox(replica) == [] and len(sync_conflicts.open_conflicts(replica)) == 2

    agreement = sync_conflicts.detail(replica, action_conflict.id)
    assert agreement.what.startswith("En aftale: punkt 1 (") and not agreement.is_text
    assert "Ringe til skolen" in agreement.mine.text and "PPR" in agreement.mine.text
    assert agreement.choices == (Choice.SERVER,)
    with pytest.raises(ValidationError, match="godkendt i mellemtiden"):
        sync_conflicts.keep_mine(replica, action_conflict.id)
    with pytest.raises(ValidationError, match="Kun en tekst"):
        sync_conflicts.merge(replica, action_conflict.id, "Flettet")
    with pytest.raises(ValidationError, match="tillæg"):
        sync_conflicts.keep_as_addendum(replica, action_conflict.id)

    sync_conflicts.keep_as_addendum(replica, text_conflict.id)
    sync_conflicts.keep_server(replica, action_conflict.id)
    assert sorted(r.resolution for r in _rows(replica)) == ["addendum", "server"]
    replica.db.close()
    monkeypatch.setenv("STEVNSMOEDER_USER", "referent")
    monkeypatch.setenv("STEVNSMOEDER_PASSWORD", DEMO_PASSWORD)
    code, _out, err = _run(
        capsys, "conflicts", "--db", str(path), "resolve", str(text_conflict.id), "--keep", "mine"
    )
    assert code == EXIT_FAILED and "allerede taget stilling" in err
    replica = running.replica(path, "referent")
    report = sync_client.sync(replica, DEMO_PASSWORD)
    assert (report.applied, report.rejected) == (1, 0)
    there = minutes.get_minutes(running.on_server("leder"), held.id)
    assert there.items[item.id].decision == before  # the approved minutes are as they were
    assert [a.text for a in there.items[item.id].addenda] == ["Vi besluttede noget andet."]


def test_a_refused_new_item_is_added_again_on_top_of_the_plan(running: Running) -> None:
    replica = running.replica(running.connect("referent"), "referent")
    upcoming = next(m for m in _window(replica) if m.status is MeetingStatus.PLANNED)
    plan = planning.get_plan(replica, upcoming.id)
    planning.add_item(replica, upcoming.id, plan.revision, title="Lokalt punkt", minutes=5)
    server = running.on_server("leder")  # meanwhile the plan changes on the server
    there = planning.get_plan(server, upcoming.id)
    planning.add_item(server, upcoming.id, there.revision, title="På serveren", minutes=5)
    assert sync_client.sync(replica, DEMO_PASSWORD).rejected == 1
    [listed] = sync_conflicts.open_conflicts(replica)

    shown = sync_conflicts.detail(replica, listed.id)
    day = long_date(upcoming.starts_at.date())
    assert shown.what == f"Et nyt punkt på dagsordenen: {upcoming.title}, {day}"
    assert "Lokalt punkt" in shown.mine.text and not shown.is_text
    assert "Mødet er planlagt." in shown.server.text
    assert shown.choices == (Choice.SERVER, Choice.MINE)
    with pytest.raises(ValidationError, match="Kun en tekst"):
        sync_conflicts.merge(replica, listed.id, "Flettet")

    sync_conflicts.keep_mine(replica, listed.id)  # against the plan as it is now
    titles = [i.title for i in planning.get_plan(replica, upcoming.id).items]
    assert "Lokalt punkt" in titles and "På serveren" in titles
    assert [e.name for e in _outbox(replica)] == ["planning.add_item"]
    report = sync_client.sync(replica, DEMO_PASSWORD)
    assert (report.applied, report.rejected) == (1, 0)
    titles = [i.title for i in planning.get_plan(running.on_server("leder"), upcoming.id).items]
    assert "Lokalt punkt" in titles and "På serveren" in titles
