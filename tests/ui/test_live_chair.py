"""The chair in the live meeting, keyboard first: an action typed but not added stays with
its item, pushed items are marked and can be taken back, a meeting started by mistake is
planned again, and after the meeting the countdown and the ▶ marker are gone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from stevnsmoeder.model.enums import AgendaItemStatus, MeetingStatus
from stevnsmoeder.services import live, minutes, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.live.live_view import LiveView
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.meeting.meeting_window import MeetingWindow
from tests.conftest import FakeClock
from tests.ui.test_live_meeting import Keyboard, _district_with_children, _open

LoginFn = Callable[[str], ServiceContext]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _running(qtbot, ctx: ServiceContext) -> tuple[MeetingWindow, LiveView, Keyboard]:  # type: ignore[no-untyped-def]
    m = _district_with_children(ctx)
    window, _prompts, keys = _open(qtbot, ctx, m.id)
    keys.press(Qt.Key.Key_F5)
    view = window.live_view
    assert view is not None
    return window, view, keys


def _titles(view: LiveView) -> list[str]:
    model = view.agenda_model
    return [str(model.index(r, 1).data()) for r in range(model.rowCount())]


def _clock_column(view: LiveView) -> list[str]:
    model = view.agenda_model
    return [str(model.index(r, 2).data()) for r in range(model.rowCount())]


# -- an action typed but not added -----------------------------------------------------------


def test_an_action_typed_but_not_added_stays_with_its_item(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    window, view, keys = _running(qtbot, ctx)
    keys.press(Qt.Key.Key_PageDown, CTRL)
    keys.press(Qt.Key.Key_PageDown, CTRL)
    assert view.item_title.text() == "3. Trivsel Asta"
    keys.press(Qt.Key.Key_A, CTRL | SHIFT)
    keys.type("Observere i frikvarteret")
    keys.press(Qt.Key.Key_Tab)
    keys.type("AKT-læreren")
    keys.press(Qt.Key.Key_PageDown, CTRL)  # at once on to Bo, without adding
    assert view.item_title.text() == "4. Trivsel Bo"
    assert view.action_what.text() == "" and view.action_who.currentText() == ""
    assert "✎" in _titles(view)[2]  # Asta's item shows that an action waits
    recorded = minutes.get_minutes(ctx, window.meeting_id).items
    assert all(not v.actions for v in recorded.values())  # nothing added anywhere
    # back to Asta: the action is there as typed, and Enter adds it to Asta's item
    keys.press(Qt.Key.Key_PageUp, CTRL)
    assert view.item_title.text() == "3. Trivsel Asta"
    assert (view.action_what.text(), view.action_who.currentText()) == (
        "Observere i frikvarteret",
        "AKT-læreren",
    )
    keys.press(Qt.Key.Key_A, CTRL | SHIFT)
    keys.press(Qt.Key.Key_Return)
    asta = view.shown_item
    assert asta is not None
    actions = minutes.get_minutes(ctx, window.meeting_id).items[asta].actions
    assert [(a.text, a.owner) for a in actions] == [("Observere i frikvarteret", "AKT-læreren")]
    assert "✎" not in _titles(view)[2] and view.action_what.text() == ""


def test_a_typed_action_stays_when_the_chair_clicks_another_item_or_pushes(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    _window, view, keys = _running(qtbot, ctx)
    keys.press(Qt.Key.Key_A, CTRL | SHIFT)
    keys.type("Sende dagsordenen ud")
    view.agenda.activated.emit(view.agenda_model.index(2, 1))  # the chair clicks Asta
    assert view.item_title.text() == "3. Trivsel Asta" and view.action_what.text() == ""
    keys.press(Qt.Key.Key_A, CTRL | SHIFT)
    keys.type("Ringe til mor")
    keys.press(Qt.Key.Key_P, CTRL | SHIFT)  # Asta to the next meeting
    assert view.item_title.text() == "4. Trivsel Bo" and view.action_what.text() == ""
    view.agenda.activated.emit(view.agenda_model.index(0, 1))
    assert view.action_what.text() == "Sende dagsordenen ud"
    view.agenda.activated.emit(view.agenda_model.index(2, 1))
    assert view.action_what.text() == "Ringe til mor"


def test_enter_in_the_actions_date_adds_the_action(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    window, view, keys = _running(qtbot, ctx)
    keys.press(Qt.Key.Key_A, CTRL | SHIFT)
    keys.type("Sende referatet")
    keys.press(Qt.Key.Key_Tab)
    keys.type("Sekretæren")
    keys.press(Qt.Key.Key_Tab)
    assert view.action_when.hasFocus()
    keys.press(Qt.Key.Key_Return)
    item = view.shown_item
    assert item is not None
    actions = minutes.get_minutes(ctx, window.meeting_id).items[item].actions
    assert [(a.text, a.owner) for a in actions] == [("Sende referatet", "Sekretæren")]


def test_ending_the_meeting_names_the_actions_not_added(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    m = _district_with_children(ctx)
    window, prompts, keys = _open(qtbot, ctx, m.id)
    keys.press(Qt.Key.Key_F5)
    keys.press(Qt.Key.Key_PageDown, CTRL)
    keys.press(Qt.Key.Key_PageDown, CTRL)
    keys.press(Qt.Key.Key_A, CTRL | SHIFT)
    keys.type("Ringe til mor")
    prompts.confirm_answer = False
    keys.press(Qt.Key.Key_E, CTRL | SHIFT)
    kind, _title, text = prompts.shown[-1]
    assert kind == "confirm" and "punkt 3" in text and "ikke tilføjet" in text
    assert planning.get_plan(ctx, m.id).summary.status is MeetingStatus.IN_PROGRESS
    # ended anyway, the action still waits with its item; approving names it too
    prompts.confirm_answer = True
    keys.press(Qt.Key.Key_E, CTRL | SHIFT)
    assert planning.get_plan(ctx, m.id).summary.status is MeetingStatus.HELD
    view = window.live_view
    assert view is not None and "✎" in _titles(view)[2]
    keys.press(Qt.Key.Key_G, CTRL | SHIFT)
    confirm = [s for s in prompts.shown if s[0] == "confirm"][-1]
    assert "punkt 3" in confirm[2] and "kommer de ikke med" in confirm[2]
    assert minutes.get_minutes(ctx, m.id).locked
    assert not any("✎" in t for t in _titles(view))  # approved: nothing waits any more


# -- pushed items ------------------------------------------------------------------------------


def test_a_pushed_item_is_marked_and_can_be_taken_back(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    window, view, keys = _running(qtbot, ctx)
    keys.press(Qt.Key.Key_PageDown, CTRL)
    keys.press(Qt.Key.Key_PageDown, CTRL)
    keys.press(Qt.Key.Key_P, CTRL | SHIFT)  # Asta waits for the next meeting
    assert view.item_title.text() == "4. Trivsel Bo"
    assert _clock_column(view)[:3] == ["✓", "✓", "udsat"]  # discussed, discussed, pushed
    model = view.agenda_model
    assert model.index(2, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert "næste møde" in str(model.index(2, 1).data(Qt.ItemDataRole.ToolTipRole))
    # the chair changes their mind: back to Asta, and the same key takes it back
    view.agenda.activated.emit(model.index(2, 1))
    assert view.item_status.text() == "Udsat til næste møde"
    assert view.push_button.text().startswith("Tag med i dag igen")
    keys.press(Qt.Key.Key_P, CTRL | SHIFT)
    assert view.item_title.text() == "3. Trivsel Asta"  # stays on it, to discuss it now
    assert _clock_column(view)[2] != "udsat" and view.item_status.text() == ""
    plan = planning.get_plan(ctx, window.meeting_id)
    assert plan.items[2].status is AgendaItemStatus.OPEN
    assert view.push_button.text().startswith("Til næste møde")


def test_after_the_meeting_the_countdown_and_the_marker_go(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    window, view, keys = _running(qtbot, ctx)
    model = view.agenda_model
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Tid tilbage"
    assert _titles(view)[0].startswith("▶")
    keys.press(Qt.Key.Key_PageDown, CTRL)
    keys.press(Qt.Key.Key_PageDown, CTRL)
    keys.press(Qt.Key.Key_P, CTRL | SHIFT)
    keys.press(Qt.Key.Key_E, CTRL | SHIFT)
    assert planning.get_plan(ctx, window.meeting_id).summary.status is MeetingStatus.HELD
    assert model.headerData(2, Qt.Orientation.Horizontal) != "Tid tilbage"
    assert not any("▶" in t for t in _titles(view))
    assert not any(":" in c for c in _clock_column(view))  # no mm:ss left
    assert _clock_column(view)[2] == "udsat"
    assert not view.timer_label.isVisible()
    assert "tilbage" not in view.meeting_line.text()


# -- a meeting started by mistake --------------------------------------------------------------


def test_a_meeting_started_by_mistake_is_set_back_to_planned(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    m = _district_with_children(ctx)
    window, prompts, keys = _open(qtbot, ctx, m.id)
    keys.press(Qt.Key.Key_F5)
    view = window.live_view
    assert view is not None and view.set_back_button.isVisibleTo(view)
    clock.advance(minutes=2)
    prompts.confirm_answer = True
    view.set_back_button.click()
    assert prompts.shown[-1][0] == "confirm"
    assert planning.get_plan(ctx, m.id).summary.status is MeetingStatus.PLANNED
    assert window.stack.currentIndex() == 0  # the planning page again
    assert window.start_button.isVisibleTo(window)
    keys.press(Qt.Key.Key_F5)  # and it starts again when the day comes
    assert live.state(ctx, m.id).status is MeetingStatus.IN_PROGRESS
    assert window.stack.currentWidget() is window.live_view


def test_setting_back_is_offered_only_while_nothing_is_written(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    _window, view, keys = _running(qtbot, ctx)
    assert view.set_back_button.isVisibleTo(view)
    keys.press(Qt.Key.Key_F6)
    keys.type("Godkendt")
    assert not view.set_back_button.isVisibleTo(view)  # gone at the first letter
    view.flush()
    keys.press(Qt.Key.Key_PageDown, CTRL)
    keys.press(Qt.Key.Key_PageUp, CTRL)
    assert not view.set_back_button.isVisibleTo(view)  # and stays gone on reloading


def test_someone_who_cannot_run_the_meeting_is_not_offered_it(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    m = _district_with_children(ctx)
    live.start(ctx, m.id)
    view = LiveView(ctx, m.id, RecordingPrompts(), lambda: False, can_edit=False)
    qtbot.addWidget(view)
    view.load()
    assert live.state(ctx, m.id).can_set_back
    assert not view.set_back_button.isVisibleTo(view)


# -- F5 means one thing ------------------------------------------------------------------------


def test_f5_in_the_main_window_does_not_also_refresh(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    """F5 starts the meeting (in its window); in the main window it means nothing else,
    and refreshing has a key of its own."""
    main = MainWindow(login("leder"), RecordingPrompts())
    qtbot.addWidget(main)
    f5 = QKeySequence("F5")
    on_f5 = [
        a.text() or "(no text)"
        for a in main.findChildren(QAction)
        if any(k.matches(f5) == QKeySequence.SequenceMatch.ExactMatch for k in a.shortcuts())
    ]
    assert on_f5 == []
    (refresh,) = [a for a in main.findChildren(QAction) if a.text() == "&Opdatér"]
    assert refresh.shortcut() == QKeySequence("Ctrl+R")
    assert not [
        a.text()
        for a in main.findChildren(QAction)
        if a is not refresh and a.shortcut() == QKeySequence("Ctrl+R")
    ]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    from stevnsmoeder.ui.app import create_application

    create_application()


def test_the_live_agenda_is_a_sound_model(qtbot, qtmodeltester, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    _window, view, keys = _running(qtbot, login("leder"))
    keys.press(Qt.Key.Key_PageDown, CTRL)
    keys.press(Qt.Key.Key_P, CTRL | SHIFT)
    qtmodeltester.check(view.agenda_model)
