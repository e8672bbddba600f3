"""*Konflikter*: the changes the server refused, listed with when and why, each beside the
server's version; every button carries out its choice through the service, and the window
fits a municipal laptop. The conflicts are real: a server over PostgreSQL and two laptops'
replicas (tests/sync/conftest.py's ``running``).

``STEVNSMOEDER_CONFLICTS_SCREENSHOT=docs/screenshots/conflicts-1366.png`` makes the
1366×768 test write the window's picture there (fictitious demo data)."""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QPushButton
from sqlalchemy import select

from stevnsmoeder.db.models import OutboxEntry, SyncConflict
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import minutes, planning, sync_client
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.demo import DEMO_PASSWORD
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.sync.conflicts_dialog import ConflictsDialog, open_conflicts
from tests.sync.conftest import Running, _pg_demo_template, running, tls  # noqa: F401
from tests.sync.test_push import _held_unapproved
from tests.sync.test_replicas import _window
from tests.ui.test_geometry import assert_fits, laptop  # noqa: F401

CHAIR_TEXT = "Mødelederens noter: skolen har lavet en læseplan, og mor er med på den."
MY_TEXT = "Referentens noter: læsevejlederen tester drengen i uge 49 og giver besked."


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


@dataclass
class Made:
    secretary: ServiceContext
    meeting_id: uuid.UUID
    item_id: uuid.UUID
    planned_id: uuid.UUID


def two_conflicts(running: Running) -> Made:  # noqa: F811
    """On the secretary's laptop: the notes of an item the chair also wrote offline (the
    chair synchronised first), and an agenda item added to a plan changed on the server."""
    chair = running.replica(running.connect("leder"), "leder")
    secretary = running.replica(running.connect("referent"), "referent")
    held = _held_unapproved(chair)
    item = planning.get_plan(chair, held.id).items[0]
    minutes.save_text(chair, item.id, "notes", CHAIR_TEXT)
    sync_client.sync(chair, DEMO_PASSWORD)
    minutes.save_text(secretary, item.id, "notes", MY_TEXT)  # at 9.00
    running.clock.advance(minutes=20)
    planned = next(m for m in _window(secretary) if m.status is MeetingStatus.PLANNED)
    plan = planning.get_plan(secretary, planned.id)
    planning.add_item(secretary, planned.id, plan.revision, title="Skolevejen", minutes=10)
    server = running.on_server("leder")
    there = planning.get_plan(server, planned.id)
    planning.add_item(server, planned.id, there.revision, title="Trafiksikkerhed", minutes=5)
    assert sync_client.sync(secretary, DEMO_PASSWORD).conflicts == 2
    return Made(secretary, held.id, item.id, planned.id)


def _dialog(qtbot, ctx: ServiceContext) -> tuple[ConflictsDialog, RecordingPrompts]:  # type: ignore[no-untyped-def]
    prompts = RecordingPrompts()
    dialog = ConflictsDialog(ctx, prompts)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, prompts


def _text(dialog: ConflictsDialog, name: str) -> str:
    found = dialog.findChild(QPlainTextEdit, name) or dialog.findChild(QLabel, name)
    assert found is not None, name
    return found.toPlainText() if isinstance(found, QPlainTextEdit) else found.text()


def _button(dialog: ConflictsDialog, name: str) -> QPushButton:
    found = dialog.findChild(QPushButton, name)
    assert found is not None, name
    return found


def _resolutions(ctx: ServiceContext) -> dict[str, str]:
    with ctx.db.begin() as s:
        return {c.name: c.resolution for c in s.scalars(select(SyncConflict))}


def _outbox(ctx: ServiceContext) -> list[str]:
    with ctx.db.begin() as s:
        return [e.name for e in s.scalars(select(OutboxEntry).order_by(OutboxEntry.seq))]


def test_each_conflict_shows_both_versions_and_each_choice_is_made(  # type: ignore[no-untyped-def]
    qtbot,
    qtmodeltester,
    running: Running,  # noqa: F811
) -> None:
    made = two_conflicts(running)
    dialog, prompts = _dialog(qtbot, made.secretary)
    qtmodeltester.check(dialog.model, force_py=True)
    assert dialog.count == 2
    listed = [dialog.model.row_at(n) for n in range(dialog.count)]
    assert [c.operation for c in listed] == ["minutes.save_text", "planning.add_item"]
    entry = dialog.model.index(0).data()
    assert entry.startswith("Noter (resumé): Referatet til punkt 1 (")
    assert "mandag den 23. november 2026, kl. 09.00" in entry
    assert "En anden har ændret teksten i mellemtiden." in entry

    assert dialog.shown is not None and dialog.shown.id == listed[0].id  # the first, chosen
    assert _text(dialog, "mine_text") == MY_TEXT
    assert _text(dialog, "server_text") == CHAIR_TEXT
    assert _text(dialog, "mine_heading") == (
        "Din version – Maiken Bang, mandag den 23. november 2026, kl. 09.00"
    )
    assert _text(dialog, "server_heading").startswith("Serverens version – ")
    assert _text(dialog, "conflict_what").startswith("Referatet til punkt 1 (")
    assert _text(dialog, "conflict_field") == "Felt: Noter (resumé)"
    assert _text(dialog, "conflict_reason") == (
        "Hvorfor: En anden har ændret teksten i mellemtiden."
    )
    assert [_button(dialog, n).text() for n in ("keep_mine", "keep_server", "merge")] == [
        "Behold min",
        "Behold serverens",
        "Flet i hånden …",
    ]
    assert all(_button(dialog, n).isEnabled() for n in ("keep_mine", "keep_server", "merge"))
    assert not _button(dialog, "addendum").isVisible()

    _button(dialog, "copy").click()
    assert QGuiApplication.clipboard().text() == MY_TEXT

    announced: list[tuple[str, object]] = []
    changes.bus().changed.connect(lambda what, ident: announced.append((what, ident)))
    with qtbot.waitSignal(dialog.count_changed) as counted:
        _button(dialog, "keep_mine").click()
    assert counted.args == [1] and dialog.count == 1
    assert announced == [(changes.MEETING, made.meeting_id)]
    assert _resolutions(made.secretary)["minutes.save_text"] == "mine"
    assert _outbox(made.secretary) == ["minutes.save_text"]

    # The agenda item: no text to merge; the server's version after the user confirms.
    assert dialog.shown is not None and dialog.shown.operation == "planning.add_item"
    assert "Skolevejen" in _text(dialog, "mine_text")
    assert "Mødet er planlagt." in _text(dialog, "server_text")
    assert not _button(dialog, "merge").isEnabled()
    prompts.confirm_answer = False
    _button(dialog, "keep_server").click()
    assert dialog.count == 1 and prompts.shown[-1][0] == "confirm"
    prompts.confirm_answer = True
    with qtbot.waitSignal(dialog.count_changed) as counted:
        _button(dialog, "keep_server").click()
    assert counted.args == [0] and dialog.count == 0
    assert announced[-1] == (changes.MEETING, made.planned_id)
    assert _resolutions(made.secretary) == {
        "minutes.save_text": "mine",
        "planning.add_item": "server",
    }
    assert _text(dialog, "no_conflicts") == "Der er ingen ændringer at tage stilling til."
    assert not _button(dialog, "keep_mine").isEnabled()
    assert [e for e in prompts.shown if e[0] == "error"] == []

    report = sync_client.sync(made.secretary, DEMO_PASSWORD)
    assert (report.applied, report.rejected) == (1, 0)
    there = minutes.get_minutes(running.on_server("leder"), made.meeting_id)
    assert there.items[made.item_id].notes == MY_TEXT


def test_a_text_is_merged_by_hand_in_the_editor(qtbot, running: Running) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    made = two_conflicts(running)
    dialog, _prompts = _dialog(qtbot, made.secretary)
    assert dialog.shown is not None and dialog.shown.operation == "minutes.save_text"
    _button(dialog, "merge").click()
    editor = dialog.editor
    assert editor is not None and editor.isVisible()
    assert editor.value() == MY_TEXT and editor.server.toPlainText() == CHAIR_TEXT
    editor.reject()  # Annuller: nothing happens
    assert dialog.count == 2 and _outbox(made.secretary) == []

    _button(dialog, "merge").click()
    editor = dialog.editor
    assert editor is not None
    merged = f"{CHAIR_TEXT}\n{MY_TEXT}"
    editor.text.setPlainText(merged)
    assert editor.ok.text() == "Gem"
    editor.ok.click()
    assert dialog.count == 1
    assert _resolutions(made.secretary)["minutes.save_text"] == "merged"
    assert minutes.get_minutes(made.secretary, made.meeting_id).items[made.item_id].notes == (
        merged
    )


def test_minutes_approved_meanwhile_offer_an_addendum(qtbot, running: Running) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    secretary = running.replica(running.connect("referent"), "referent")
    held = _held_unapproved(secretary)
    item = planning.get_plan(secretary, held.id).items[0]
    minutes.save_text(secretary, item.id, "decision", "Vi besluttede noget andet.")
    chair = running.on_server("leder")
    minutes.approve(chair, held.id)
    approver = minutes.get_minutes(chair, held.id).approved_by
    sync_client.sync(secretary, DEMO_PASSWORD)
    dialog, _prompts = _dialog(qtbot, secretary)
    assert dialog.count == 1
    assert "godkendt i mellemtiden" in _text(dialog, "conflict_note")
    assert _text(dialog, "server_heading").startswith(f"Serverens version – godkendt af {approver}")
    assert not _button(dialog, "keep_mine").isEnabled()
    assert not _button(dialog, "merge").isEnabled()
    addendum = _button(dialog, "addendum")
    assert addendum.isVisible() and addendum.text() == "Gem som tillæg …"
    addendum.click()
    editor = dialog.editor
    assert editor is not None and editor.value() == "Vi besluttede noget andet."
    editor.text.setPlainText("Tilføjelse: vi besluttede noget andet.")
    editor.ok.click()
    assert dialog.count == 0
    assert _resolutions(secretary) == {"minutes.save_text": "addendum"}
    sync_client.sync(secretary, DEMO_PASSWORD)
    there = minutes.get_minutes(running.on_server("leder"), held.id).items[item.id]
    assert [a.text for a in there.addenda] == ["Tilføjelse: vi besluttede noget andet."]


def test_the_window_fits_a_laptop(qtbot, running: Running, laptop: QScreen) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    made = two_conflicts(running)
    dialog = open_conflicts(made.secretary, RecordingPrompts())
    qtbot.addWidget(dialog)
    QApplication.processEvents()
    assert dialog.count == 2
    dialog.select(dialog.model.row_at(0).id)  # the text, side by side
    assert dialog.shown is not None and dialog.shown.is_text
    buttons = [_button(dialog, n) for n in ("keep_mine", "keep_server", "merge", "copy")]
    assert_fits(dialog, laptop, buttons)
    for view in ("mine_text", "server_text"):
        found = dialog.findChild(QPlainTextEdit, view)
        assert found is not None and found.width() > 250 and found.height() > 120, view
    _button(dialog, "merge").click()
    assert dialog.editor is not None
    assert_fits(dialog.editor, laptop, [dialog.editor.ok])
    dialog.editor.reject()
    wanted = os.environ.get("STEVNSMOEDER_CONFLICTS_SCREENSHOT")
    if wanted and laptop.name() == "laptop-1366x768":
        dialog.grab().save(str(Path(wanted)))
