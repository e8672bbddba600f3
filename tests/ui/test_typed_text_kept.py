"""Text typed into the live meeting is never lost, whatever the chair presses next.

Each test types into a box and at once does what a chair does next — a level key, a level
button, the follow-up tick, an action, presence, a change announced elsewhere, the next
item — while the typed text is still waiting for the debounce ("queued") or is being written
by the saver thread ("in flight"). The debounce timer is fired by hand (no sleeps), and the
saver's writes wait at a gate the test opens. The box and the database must both end with
every word.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from stevnsmoeder.services import cases, meetings, minutes, people, planning, series
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common import autosave, changes
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.live.live_view import LiveView
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.meeting.meeting_window import MeetingWindow

LoginFn = Callable[[str], ServiceContext]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
FIRST, SECOND = "Asta er mere stille i klassen.", " Mor er bekymret."


class ManualTimer(QObject):
    """A single-shot timer that fires only when the test says so."""

    timeout = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.interval: int | None = None

    def start(self, msec: int) -> None:
        self.interval = msec

    def stop(self) -> None:
        self.interval = None

    def isActive(self) -> bool:
        return self.interval is not None

    def fire(self) -> None:
        if self.interval is not None:
            self.interval = None
            self.timeout.emit()


class Gate:
    """The saver's writes wait here until the test opens it (a slow disk)."""

    def __init__(self) -> None:
        self.open = threading.Event()
        self.open.set()
        self.entered = threading.Event()

    def close(self) -> None:
        self.open.clear()
        self.entered.clear()


@pytest.fixture(autouse=True)
def _app(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    create_application()
    monkeypatch.setattr(autosave, "make_timer", ManualTimer)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate()
    real = minutes.save_text

    def slow_save(ctx: ServiceContext, item_id: uuid.UUID, field: str, text: str) -> None:
        gate.entered.set()
        assert gate.open.wait(10), "the test never opened the gate"
        real(ctx, item_id, field, text)

    monkeypatch.setattr(minutes, "save_text", slow_save)
    yield gate
    gate.open.set()


def _meeting(ctx: ServiceContext, type_code: str) -> tuple[meetings.MeetingSummary, uuid.UUID]:
    m = meetings.create_meeting(
        ctx,
        meetings.NewMeeting(
            type_code,
            datetime(2026, 11, 23, 13),
            district="privat" if type_code == "district" else None,
        ),
    )
    plan = planning.get_plan(ctx, m.id)
    for pseudonym in ("Asta, 9 år", "Bo, 11 år"):
        child = cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym=pseudonym)).case
        plan = planning.add_item(
            ctx,
            m.id,
            plan.revision,
            title=f"Trivsel {pseudonym.split(',')[0]}",
            minutes=10,
            kind=planning.AgendaItemKind.CASE,
            case_id=child.id,
        )
    asta = next(i for i in plan.items if i.title == "Trivsel Asta")
    return m, asta.id


class Chair:
    """Keys go to the window as a user's would; the live view is at Asta's item."""

    def __init__(self, qtbot, ctx: ServiceContext, meeting_id: uuid.UUID) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.ctx, self.meeting_id = qtbot, ctx, meeting_id
        self.prompts = RecordingPrompts()
        self.main = MainWindow(ctx, self.prompts)
        qtbot.addWidget(self.main)
        self.main.open_meeting(meetings.get_meeting_summary(ctx, meeting_id))
        self.window: MeetingWindow = self.main.meeting_windows[meeting_id]
        qtbot.addWidget(self.window)
        with qtbot.waitActive(self.window):
            self.window.show()
            self.window.activateWindow()

    @property
    def view(self) -> LiveView:
        assert self.window.live_view is not None
        return self.window.live_view

    def press(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.window.windowHandle(), key, modifiers)

    def type(self, text: str) -> None:
        focus = QApplication.focusWidget()
        assert focus is not None, "nothing has the keyboard focus"
        self.qtbot.keyClicks(focus, text)

    def go_to(self, title: str) -> None:
        for _ in range(10):
            if self.view.item_title.text().endswith(title):
                return
            self.press(Qt.Key.Key_PageDown, CTRL)
        raise AssertionError(f"no item {title}")

    def stored(self, item_id: uuid.UUID, field: str) -> str:
        return str(getattr(minutes.get_minutes(self.ctx, self.meeting_id).items[item_id], field))

    def timer(self) -> ManualTimer:
        timer = self.view.saver.timer
        assert isinstance(timer, ManualTimer)
        return timer


def _level_key(chair: Chair) -> None:
    chair.press(Qt.Key.Key_2, ALT)
    assert chair.view.level_label.text() == "moderat trivsel → forebyggende indsats"


def _level_button(chair: Chair) -> None:
    chair.view.level_buttons.button(4).click()
    assert chair.view.level_label.text() == "udsat trivsel → indgribende indsats"


def _follow_up(chair: Chair) -> None:
    chair.view.follow_up_set.click()
    assert chair.view.follow_up_set.isChecked()


def _action(chair: Chair) -> None:
    chair.view.action_what.setText("Ringe til skolen")
    chair.view.action_who.setEditText("AKT-læreren")
    chair.view.action_add.click()
    assert not [shown for shown in chair.prompts.shown if shown[0] == "error"]
    assert [a.text for a in chair.view.actions_model._rows] == ["Ringe til skolen"]


def _presence(chair: Chair) -> None:
    model = chair.view.presence
    assert model.rowCount() > 0
    model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)


def _changed_elsewhere(chair: Chair) -> None:
    changes.bus().announce(changes.MEETING, chair.meeting_id)


def _screen_safe(chair: Chair) -> None:
    chair.main.screen_safe_action.setChecked(True)


ACTIONS: dict[str, Callable[[Chair], None]] = {
    "alt+2": _level_key,
    "level button": _level_button,
    "follow-up tick": _follow_up,
    "add an action": _action,
    "presence": _presence,
    "change announced elsewhere": _changed_elsewhere,
    "screen-safe mode": _screen_safe,
}


def _add_participant(ctx: ServiceContext, meeting_id: uuid.UUID) -> None:
    assert ctx.actor.person_id is not None
    role = people.list_roles(ctx)[0]
    series.add_participant(ctx, meeting_id, ctx.actor.person_id, role.code)


@pytest.mark.parametrize("moment", ["queued", "in flight"])
@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_typed_notes_survive_what_the_chair_does_next(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, gate: Gate, action: str, moment: str
) -> None:
    ctx = login("leder")
    m, asta = _meeting(ctx, "district")
    _add_participant(ctx, m.id)
    chair = Chair(qtbot, ctx, m.id)
    chair.press(Qt.Key.Key_F5)
    chair.go_to("Trivsel Asta")
    chair.press(Qt.Key.Key_F6)
    chair.type(FIRST)
    if moment == "in flight":
        gate.close()
        chair.timer().fire()  # the saver thread now holds FIRST and waits at the gate
        assert gate.entered.wait(5)
    ACTIONS[action](chair)
    box = chair.view.notes
    assert box.toPlainText() == FIRST, "the box lost what was typed"
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.End)
    chair.type(SECOND)
    assert box.toPlainText() == FIRST + SECOND
    gate.open.set()
    assert chair.view.flush()
    assert chair.stored(asta, "notes") == FIRST + SECOND
    assert chair.view.save_status.text() == "Alt er gemt"
    chair.view.show_item(asta)  # shown again from the database: every word
    assert box.toPlainText() == FIRST + SECOND


@pytest.mark.parametrize(
    ("type_code", "field", "focus_key"),
    [
        ("district", "decision", (Qt.Key.Key_D, CTRL)),
        ("ftm", "concern", None),
        ("ftm", "resources", None),
        ("ftm", "goals", None),
        ("ftm", "family_view", None),
        ("forvisitation", "preliminary_decision", (Qt.Key.Key_B, CTRL)),
    ],
)
def test_every_autosaving_box_keeps_text_typed_before_a_level_key(  # type: ignore[no-untyped-def]
    qtbot,
    login: LoginFn,
    gate: Gate,
    type_code: str,
    field: str,
    focus_key: tuple[Qt.Key, Qt.KeyboardModifier] | None,
) -> None:
    ctx = login("leder")
    m, asta = _meeting(ctx, type_code)
    chair = Chair(qtbot, ctx, m.id)
    chair.press(Qt.Key.Key_F5)
    chair.go_to("Trivsel Asta")
    box: QPlainTextEdit = chair.view.fields[field]
    if focus_key is None:
        box.setFocus()
    else:
        chair.press(*focus_key)
    assert box.hasFocus()
    chair.type(FIRST)
    gate.close()
    chair.timer().fire()
    assert gate.entered.wait(5)
    chair.press(Qt.Key.Key_3, ALT)  # in flight: the level reloads the item
    chair.type(SECOND)  # typing goes on while the first text is being written
    chair.press(Qt.Key.Key_1, ALT)  # queued: the level reloads the item again
    assert box.toPlainText() == FIRST + SECOND
    gate.open.set()
    assert chair.view.flush()
    assert chair.stored(asta, field) == FIRST + SECOND


def test_moving_on_saves_first_and_coming_back_shows_every_word(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, gate: Gate
) -> None:
    ctx = login("leder")
    m, asta = _meeting(ctx, "district")
    chair = Chair(qtbot, ctx, m.id)
    chair.press(Qt.Key.Key_F5)
    chair.go_to("Trivsel Asta")
    chair.press(Qt.Key.Key_F6)
    chair.type(FIRST)
    chair.press(Qt.Key.Key_PageDown, CTRL)  # at once to Bo: saved before moving on
    assert chair.view.item_title.text().endswith("Trivsel Bo")
    assert chair.view.notes.toPlainText() == ""
    assert chair.stored(asta, "notes") == FIRST
    chair.press(Qt.Key.Key_PageUp, CTRL)
    assert chair.view.notes.toPlainText() == FIRST


def test_after_the_meeting_going_back_to_an_item_shows_what_was_saved(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, gate: Gate
) -> None:
    """The secretary finishes the minutes of a held meeting: items are browsed, not run, so
    the view must show what was saved since it loaded, not what it loaded."""
    ctx = login("referent")
    m, asta = _meeting(ctx, "district")
    chair = Chair(qtbot, ctx, m.id)
    chair.press(Qt.Key.Key_F5)
    chair.view.end_meeting()
    chair.go_to("Trivsel Asta")
    chair.press(Qt.Key.Key_F6)
    chair.type(FIRST)
    assert chair.view.flush()  # saved
    chair.press(Qt.Key.Key_PageDown, CTRL)
    chair.press(Qt.Key.Key_PageUp, CTRL)
    box = chair.view.notes
    assert box.toPlainText() == FIRST, "the view showed the text it loaded, not what was saved"
    chair.press(Qt.Key.Key_F6)
    box.moveCursor(box.textCursor().MoveOperation.End)
    chair.type(SECOND)
    assert chair.view.flush()
    assert chair.stored(asta, "notes") == FIRST + SECOND


def test_a_title_being_typed_in_the_agenda_survives_a_change_elsewhere(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn
) -> None:
    """The secretary renames an item in the agenda while another window changes the
    meeting: the reload waits for the typing, which is then saved."""
    ctx = login("referent")
    m, asta = _meeting(ctx, "district")
    chair = Chair(qtbot, ctx, m.id)
    window = chair.window
    row = window.agenda.row_of(asta)
    index = window.agenda.index(row, 2)  # the title
    window.view.setCurrentIndex(index)
    window.view.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not None and window.view.state() == window.view.State.EditingState
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "Trivsel og fravær")
    changes.bus().announce(changes.MEETING, m.id)  # a change from another window
    assert window.view.state() == window.view.State.EditingState, "the editor was closed"
    assert editor.text() == "Trivsel og fravær"  # type: ignore[attr-defined]
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits and closes, queued
    qtbot.waitUntil(
        lambda: "Trivsel og fravær" in [i.title for i in planning.get_plan(ctx, m.id).items],
        timeout=2000,
    )
    titles = [i.title for i in planning.get_plan(ctx, m.id).items]
    assert "Trivsel og fravær" in titles
    assert window.agenda.item_at(window.agenda.row_of(asta)).title == "Trivsel og fravær"


def test_renaming_an_item_in_the_agenda_by_enter(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    """Saving reloaded the agenda while the cell editor was still committing: Qt warned
    that the editor did not belong to the view (and a pending close could crash)."""
    ctx = login("referent")
    m, asta = _meeting(ctx, "district")
    chair = Chair(qtbot, ctx, m.id)
    window = chair.window
    index = window.agenda.index(window.agenda.row_of(asta), 2)  # the title
    window.view.setCurrentIndex(index)
    window.view.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not None
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "Nyt navn")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.agenda.item_at(window.agenda.row_of(asta)).title == "Nyt navn")
    assert window.view.state() == window.view.State.NoState
