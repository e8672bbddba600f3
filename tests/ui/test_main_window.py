"""The main window for different roles, on a real encrypted database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from stevnsmoeder.services import cases, meetings
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.main_window import MainWindow
from stevnsmoeder.ui.prompts import RecordingPrompts

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _audit_actions(ctx: ServiceContext) -> list[str]:
    from stevnsmoeder.db.models import AuditEvent

    with ctx.db.begin() as s:
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def _seed(ctx: ServiceContext) -> None:
    meetings.create_meeting(ctx, meetings.NewMeeting("ssp", datetime(2026, 11, 26, 14)))
    meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 12, 1, 13), district="stroeby")
    )
    meetings.create_meeting(ctx, meetings.NewMeeting("ssp", datetime(2026, 1, 8, 14)))  # old
    cases.create_case(ctx, cases.NewCase(first_name="Asta", last_name="Holm", cpr="0103154001"))


def test_chair_sees_upcoming_meetings_and_cases(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, tmp_path: Path
) -> None:
    ctx = login("leder")
    _seed(ctx)
    prompts = RecordingPrompts()
    window = MainWindow(ctx, prompts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    page = window.meetings_page
    assert page.heading.text() == "I dag er det mandag den 23. november 2026 (uge 48)"
    view = page.view
    rows = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert rows == ["torsdag den 26. november 2026", "tirsdag den 1. december 2026"]
    page.past_check.setChecked(True)
    assert view.model().rowCount() == 3
    page.filter_edit.setText("strøby")
    assert view.model().rowCount() == 1

    assert window.tabs.tabText(1) == "&Sager"
    assert "case.list" not in _audit_actions(ctx)  # nothing read before the tab is opened
    window.tabs.setCurrentIndex(1)
    assert window.cases_page is not None
    case_model = window.cases_page.view.model()
    assert case_model.index(0, 1).data() == "Asta Holm"
    assert case_model.index(0, 3).data() == "010315-xxxx"
    assert _audit_actions(ctx)[-1] == "case.list"

    window.screen_safe_action.setChecked(True)
    assert case_model.index(0, 1).data() == "A.H."
    assert "leder" in window.statusBar().currentMessage()
    assert not window.grab().isNull()
    assert prompts.shown == []


def test_admin_has_no_case_tab(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(login("admin"), RecordingPrompts())
    qtbot.addWidget(window)
    assert window.cases_page is None
    assert window.tabs.count() == 1


def test_police_see_only_ssp(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    _seed(login("leder"))
    window = MainWindow(login("politi"), RecordingPrompts())
    qtbot.addWidget(window)
    model = window.meetings_page.view.model()
    assert [model.index(r, 3).data() for r in range(model.rowCount())] == ["SSP-møde"]
    assert "politi (SSP)" in window.statusBar().currentMessage()
