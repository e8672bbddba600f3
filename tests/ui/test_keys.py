"""Keys that work wherever the focus is: Ctrl+Q quits from every window through Filer →
Afslut (a running meeting's window asks first); Down and Enter lead from the case filter
into the list and open the case; the approve and new-item keys work anywhere in their
window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import documents, live, meetings, minutes
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.case.case_dialogs import AddItemDialog, ChildItemDialog
from stevnsmoeder.ui.common.models import ROW_ROLE
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.meeting.meeting_window import MeetingWindow
from tests.services.test_case_history import Story, _story

LoginFn = Callable[[str], ServiceContext]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _main(qtbot, ctx: ServiceContext, prompts: RecordingPrompts | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    main = MainWindow(ctx, prompts or RecordingPrompts())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _activate(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()


def _meeting(qtbot, main: MainWindow, m: meetings.MeetingSummary) -> MeetingWindow:  # type: ignore[no-untyped-def]
    main.open_meeting(meetings.get_meeting_summary(main.ctx, m.id))
    window = main.meeting_windows[m.id]
    qtbot.addWidget(window)
    _activate(qtbot, window)
    return window


def _logged_out(ctx: ServiceContext) -> bool:
    with ctx.db.begin() as s:
        return s.scalar(select(AuditEvent.id).where(AuditEvent.action == "logout")) is not None


def _quit_from(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Q, CTRL)


# -- Ctrl+Q --------------------------------------------------------------------------------


def test_ctrl_q_quits_from_the_main_window_and_its_search(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("ppr")
    main = _main(qtbot, ctx)
    main.show_search()
    assert main.search_page is not None
    _activate(qtbot, main)
    main.search_page.query_edit.setFocus()
    _quit_from(qtbot, main)
    assert not main.isVisible() and _logged_out(ctx)


def test_ctrl_q_quits_from_a_meeting_window(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("referent")
    m = meetings.create_meeting(ctx, meetings.NewMeeting("ftm", datetime(2026, 12, 8, 9)))
    main = _main(qtbot, ctx)
    window = _meeting(qtbot, main, m)
    window.view.setFocus()
    _quit_from(qtbot, window)
    assert not window.isVisible() and not main.isVisible() and _logged_out(ctx)


def test_ctrl_q_quits_from_a_case_window(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    story: Story = _story(login("leder"))
    ctx = login("ppr")
    main = _main(qtbot, ctx)
    main.open_case(story.asta.id)
    case_window = main.case_windows[story.asta.id]
    qtbot.addWidget(case_window)
    _activate(qtbot, case_window)
    _quit_from(qtbot, case_window)
    assert not case_window.isVisible() and not main.isVisible() and _logged_out(ctx)


def test_ctrl_q_quits_from_a_print_preview(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("referent")
    m = meetings.create_meeting(ctx, meetings.NewMeeting("ftm", datetime(2026, 12, 8, 9)))
    main = _main(qtbot, ctx)
    window = _meeting(qtbot, main, m)
    preview = window.preview(documents.AGENDA, False, "Dagsorden")
    qtbot.waitUntil(lambda: preview.pages > 0, timeout=10_000)
    _activate(qtbot, preview)  # window-modal: the meeting and main windows beneath wait
    _quit_from(qtbot, preview)
    assert not preview.isVisible() and not main.isVisible() and _logged_out(ctx)


def test_ctrl_q_from_a_running_meeting_asks_and_stays_when_told(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("leder")
    m = meetings.create_meeting(ctx, meetings.NewMeeting("ftm", datetime(2026, 11, 23, 13)))
    live.start(ctx, m.id)
    prompts = RecordingPrompts(confirm_answer=False)
    main = _main(qtbot, ctx, prompts)
    window = _meeting(qtbot, main, m)
    assert window.live_view is not None and window.live_view.isVisible()
    window.live_view.notes.setFocus()
    _quit_from(qtbot, window)
    assert prompts.shown[-1][0] == "confirm" and "i gang" in prompts.shown[-1][2]
    assert window.isVisible() and main.isVisible() and not _logged_out(ctx)  # nothing left
    prompts.confirm_answer = True
    _activate(qtbot, main)
    _quit_from(qtbot, main)
    assert not window.isVisible() and not main.isVisible() and _logged_out(ctx)


# -- the case filter -----------------------------------------------------------------------


def test_down_and_enter_lead_from_the_case_filter_into_the_list(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    story: Story = _story(login("leder"))
    ctx = login("ppr")
    main = _main(qtbot, ctx)
    page = main.cases_page
    assert page is not None
    main.tabs.setCurrentWidget(page)
    _activate(qtbot, main)
    page.filter_edit.setFocus()
    qtbot.keyClicks(page.filter_edit, "berg")
    assert page.proxy.rowCount() == 1
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Down)
    assert page.view.hasFocus()
    chosen = page.view.selectionModel().selectedRows()
    assert [i.data(ROW_ROLE).id for i in chosen] == [story.other.id]  # Bo Berg
    assert story.other.id not in main.case_windows  # Down chooses, it does not open
    page.filter_edit.setFocus()
    page.filter_edit.clear()
    qtbot.keyClicks(page.filter_edit, "ødegård")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)  # the first (only) match opens
    assert list(main.case_windows) == [story.asta.id]
    for window in main.case_windows.values():
        qtbot.addWidget(window)


def test_enter_in_an_empty_filter_result_does_nothing(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    _story(login("leder"))
    main = _main(qtbot, login("ppr"))
    page = main.cases_page
    assert page is not None
    main.tabs.setCurrentWidget(page)
    qtbot.keyClicks(page.filter_edit, "ingen med det navn")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Down)
    assert not main.case_windows and page.filter_edit.text() == "ingen med det navn"


# -- approve and new, wherever the focus is in the window ----------------------------------


def test_new_item_keys_work_with_the_focus_on_a_button_below(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch
) -> None:
    opened: list[str] = []

    def fake_exec(self: QDialog) -> int:
        opened.append(type(self).__name__)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(AddItemDialog, "exec", fake_exec)
    monkeypatch.setattr(ChildItemDialog, "exec", fake_exec)
    ctx = login("referent")
    m = meetings.create_meeting(ctx, meetings.NewMeeting("ftm", datetime(2026, 12, 8, 9)))
    window = _meeting(qtbot, _main(qtbot, ctx), m)
    window.print_button.setFocus()  # outside the agenda and its side panel
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_N, CTRL)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert opened == ["AddItemDialog", "ChildItemDialog"]


def test_approve_works_with_the_focus_on_a_button_below(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("leder")
    m = meetings.create_meeting(ctx, meetings.NewMeeting("ftm", datetime(2026, 11, 23, 9)))
    live.start(ctx, m.id)
    live.end(ctx, m.id)
    prompts = RecordingPrompts()
    window = _meeting(qtbot, _main(qtbot, ctx, prompts), m)
    assert window.live_view is not None and window.live_view.isVisible()
    window.print_button.setFocus()  # the meeting window's own button, not the minutes
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_G, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert prompts.shown and prompts.shown[-1][0] == "confirm"
    assert minutes.get_minutes(ctx, m.id).locked
