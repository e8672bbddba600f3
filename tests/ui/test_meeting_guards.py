"""A meeting is not started or left by mistake: F5 on another day asks first, and closing
the window of a running meeting asks first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import meetings, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.meeting.meeting_window import MeetingWindow

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _window(qtbot, ctx: ServiceContext, when: datetime) -> tuple[MeetingWindow, RecordingPrompts]:  # type: ignore[no-untyped-def]
    m = meetings.create_meeting(ctx, meetings.NewMeeting("district", when, district="privat"))
    prompts = RecordingPrompts()
    main = MainWindow(ctx, prompts)
    qtbot.addWidget(main)
    main.open_meeting(meetings.get_meeting_summary(ctx, m.id))
    window = main.meeting_windows[m.id]
    qtbot.addWidget(window)
    return window, prompts


def test_starting_a_meeting_on_another_day_asks_first(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("leder")  # today is Monday 23 November 2026 (the tests' clock)
    window, prompts = _window(qtbot, ctx, datetime(2026, 12, 8, 13))
    prompts.confirm_answer = False
    window.start_meeting()
    assert prompts.shown[-1][0] == "confirm"
    assert "Mødet er først tirsdag den 8. december 2026 – start alligevel?" in prompts.shown[-1][2]
    assert planning.get_plan(ctx, window.meeting_id).summary.status is MeetingStatus.PLANNED
    prompts.confirm_answer = True
    window.start_meeting()
    assert planning.get_plan(ctx, window.meeting_id).summary.status is MeetingStatus.IN_PROGRESS


def test_a_meeting_today_starts_without_asking(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("leder")
    window, prompts = _window(qtbot, ctx, datetime(2026, 11, 23, 13))
    window.start_meeting()
    assert not [s for s in prompts.shown if s[0] == "confirm"]
    assert planning.get_plan(ctx, window.meeting_id).summary.status is MeetingStatus.IN_PROGRESS


def test_closing_the_window_of_a_running_meeting_asks_first(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("leder")
    window, prompts = _window(qtbot, ctx, datetime(2026, 11, 23, 13))
    window.show()
    window.start_meeting()
    prompts.confirm_answer = False
    window.close()
    assert window.isVisible(), "the window closed without asking"
    assert "i gang" in prompts.shown[-1][2]
    prompts.confirm_answer = True
    window.close()
    assert not window.isVisible()
