"""The live meeting on a municipal laptop: 1366×768 and 1280×720, less a taskbar.

The meeting window sizes itself to the screen's free area; every control the chair needs
(notes, decision, actions, level, presence, moving on) lies inside the window; the item's
fields scroll where they do not fit, and a key that puts the cursor in a field brings that
field into view, also out of a collapsed pane."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QWidget

from stevnsmoeder.services import meetings, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.meetings import MeetingStatus
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.common.screen import FRAME, fit_to_screen
from stevnsmoeder.ui.live.live_view import LiveView
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.meeting.meeting_window import MeetingWindow
from tests.ui.test_live_meeting import Keyboard
from tests.ui.test_typed_text_kept import _meeting

LoginFn = Callable[[str], ServiceContext]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TASKBAR = 40
LAPTOPS = [
    pytest.param(QSize(1366, 768), id="1366x768"),
    pytest.param(QSize(1280, 720), id="1280x720"),
]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


@pytest.fixture
def laptop(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[QRect]:
    """The screen's free area is a laptop's, less a taskbar at the bottom."""
    size: QSize = request.param
    free = QRect(0, 0, size.width(), size.height() - TASKBAR)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(free))
    yield free


def _inside(widget: QWidget, container: QWidget) -> bool:
    """The widget is shown whole within the container (a window, a scroll viewport)."""
    rect = QRect(widget.mapTo(container, QPoint(0, 0)), widget.size())
    return widget.isVisible() and widget.width() > 0 and container.rect().contains(rect)


def _open(qtbot, ctx: ServiceContext, meeting_id) -> tuple[MeetingWindow, Keyboard]:  # type: ignore[no-untyped-def]
    prompts = RecordingPrompts()
    prompts.confirm_answer = True  # started on another day than planned: yes
    main = MainWindow(ctx, prompts)
    qtbot.addWidget(main)
    main.open_meeting(meetings.get_meeting_summary(ctx, meeting_id))
    window = main.meeting_windows[meeting_id]
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window, Keyboard(qtbot, window)


def _live(window: MeetingWindow, keys: Keyboard) -> LiveView:
    keys.press(Qt.Key.Key_F5)
    view = window.live_view
    assert view is not None and window.stack.currentWidget() is view
    QApplication.processEvents()
    return view


def _a_packed_district_meeting(ctx: ServiceContext) -> meetings.MeetingSummary:
    found = [
        m
        for m in meetings.list_meetings(ctx, start=date(2026, 11, 23), end=date(2026, 12, 31))
        if m.type_code == "district" and m.case_items and m.status is MeetingStatus.PLANNED
    ]
    return found[0]


def _go_to_a_child(view: LiveView, keys: Keyboard) -> None:
    """On to the first item about a child, as the chair does: Ctrl+PgDown."""
    for _ in range(12):
        item = view._item(view.shown_item)
        if item is not None and item.case_id is not None:
            return
        keys.press(Qt.Key.Key_PageDown, CTRL)
    raise AssertionError("no child's item on the agenda")


# -- the helper ------------------------------------------------------------------------------


@pytest.mark.parametrize("laptop", LAPTOPS, indirect=True)
def test_a_window_fits_the_free_area_of_a_small_screen(qtbot, laptop: QRect) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    fit_to_screen(window, QSize(1280, 800))
    room = laptop.size() - FRAME
    assert window.width() <= room.width() and window.height() <= room.height()
    assert window.height() == room.height()  # as tall as it may be: 800 does not fit
    # placed off the free area (a position kept from a bigger screen), it moves back
    window.move(900, 500)
    window.show()
    fit_to_screen(window, QSize(1280, 800))
    assert laptop.contains(window.frameGeometry())  # the title bar included
    assert window.frameGeometry().bottom() == laptop.bottom()  # still as tall as it may be


def test_a_big_screen_keeps_the_preferred_size(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _s: QRect(0, 0, 1920, 1040))
    window = QWidget()
    qtbot.addWidget(window)
    fit_to_screen(window, QSize(1280, 800))
    assert window.size() == QSize(1280, 800)


# -- the live view -----------------------------------------------------------------------------


@pytest.mark.parametrize("laptop", LAPTOPS, indirect=True)
def test_every_control_of_the_live_view_is_on_the_screen(  # type: ignore[no-untyped-def]
    qtbot, demo_login: LoginFn, laptop: QRect
) -> None:
    ctx = demo_login("leder")
    m = _a_packed_district_meeting(ctx)
    window, keys = _open(qtbot, ctx, m.id)
    room = laptop.size() - FRAME
    assert window.width() <= room.width() and window.height() <= room.height()
    view = _live(window, keys)
    assert window.width() <= room.width() and window.height() <= room.height(), (
        "the live view made the window grow past the screen"
    )
    _go_to_a_child(view, keys)
    assert view.level_box.isVisible()
    outside = [
        w.objectName() or w.__class__.__name__
        for w in (
            view.agenda,
            view.presence_view,
            view.meeting_line,
            view.item_title,
            view.timer_label,
            view.prev_button,
            view.next_button,
            view.push_button,
            view.end_button,
            view.fields_area,
        )
        if not _inside(w, window)
    ]
    assert outside == []
    # the item's fields of a district meeting fit without scrolling
    viewport = view.fields_area.viewport()
    hidden = [
        w.objectName() or w.__class__.__name__
        for w in (
            view.notes,
            view.decision,
            *view.level_buttons.buttons(),
            view.follow_up,
            view.actions_view,
            view.action_what,
            view.action_who,
            view.action_when,
            view.action_add,
        )
        if not _inside(w, viewport)
    ]
    assert hidden == []
    # every key that puts the cursor in a field puts it where the chair sees it
    for key, mods, field in (
        (Qt.Key.Key_F6, Qt.KeyboardModifier.NoModifier, view.notes),
        (Qt.Key.Key_D, CTRL, view.decision),
        (Qt.Key.Key_A, CTRL | SHIFT, view.action_what),
        (Qt.Key.Key_T, CTRL, view.presence_view),
    ):
        keys.press(key, mods)
        assert field.hasFocus() and _inside(field, window), field.objectName()


@pytest.mark.parametrize("laptop", LAPTOPS[1:], indirect=True)
def test_a_key_opens_a_collapsed_pane_before_it_puts_the_cursor_there(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, laptop: QRect
) -> None:
    ctx = login("leder")
    m, _asta = _meeting(ctx, "district")
    window, keys = _open(qtbot, ctx, m.id)
    view = _live(window, keys)
    # the chair gives the fields the whole width, then the presence pane the agenda's room
    view.splitter.setSizes([0, sum(view.splitter.sizes())])
    assert view.splitter.sizes()[0] == 0
    keys.press(Qt.Key.Key_T, CTRL)
    assert view.presence_view.hasFocus()
    assert view.splitter.sizes()[0] > 0 and _inside(view.presence_view, window)
    view.side.setSizes([sum(view.side.sizes()), 0])
    keys.press(Qt.Key.Key_F6)
    keys.press(Qt.Key.Key_T, CTRL)
    assert view.presence_view.hasFocus() and view.side.sizes()[1] > 0
    assert _inside(view.presence_view, window)


@pytest.mark.parametrize("laptop", LAPTOPS[1:], indirect=True)
def test_the_fields_of_a_family_team_meeting_scroll_to_the_cursor(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, laptop: QRect
) -> None:
    ctx = login("leder")
    m, _asta = _meeting(ctx, "ftm")
    window, keys = _open(qtbot, ctx, m.id)
    view = _live(window, keys)
    _go_to_a_child(view, keys)
    QApplication.processEvents()
    assert view.ftm_box.isVisible()
    viewport = view.fields_area.viewport()
    assert view.editor.height() > viewport.height(), "expected the FTM rounds to need scrolling"
    assert not _inside(view.action_what, viewport)  # below, at first
    keys.press(Qt.Key.Key_A, CTRL | SHIFT)
    assert view.action_what.hasFocus() and _inside(view.action_what, viewport)
    keys.press(Qt.Key.Key_F6)
    assert view.notes.hasFocus() and _inside(view.notes, viewport)
    # Tab through the rounds: the cursor never leaves the screen
    seen = []
    for _ in range(8):
        keys.press(Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None
        if view.editor.isAncestorOf(focus):
            assert _inside(focus, viewport), focus.objectName()
            seen.append(focus.objectName())
    assert {"concern", "resources", "goals", "family_view"} <= set(seen)


@pytest.mark.parametrize("laptop", LAPTOPS[1:], indirect=True)
def test_a_long_title_takes_one_line_and_is_shown_whole_in_its_tooltip(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, laptop: QRect
) -> None:
    ctx = login("leder")
    m, asta = _meeting(ctx, "district")
    long_title = (
        "Trivsel og skolefravær: bekymring fra skolen om mange fraværsdage, konflikter i "
        "frikvarteret og samarbejdet med forældrene om morgenrutiner og søvn"
    )
    plan = planning.get_plan(ctx, m.id)
    planning.update_item(ctx, m.id, plan.revision, asta, title=long_title)
    window, keys = _open(qtbot, ctx, m.id)
    size = window.size()
    view = _live(window, keys)
    _go_to_a_child(view, keys)
    QApplication.processEvents()
    assert view.item_title.text() == f"3. {long_title}" == view.item_title.toolTip()
    assert view.item_title.height() < 2 * view.item_title.fontMetrics().height()  # one line
    assert window.size() == size
    assert _inside(view.notes, view.fields_area.viewport())
