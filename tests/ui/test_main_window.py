"""The main window for different roles, on a real encrypted database."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from stevnsmoeder.services import cases, meetings
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.models import ROW_ROLE
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow

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

    start = window.start_page
    assert start.date_label.text() == "I dag er det mandag den 23. november 2026 (uge 48)"
    assert start.today_model.rowCount() == 0
    assert [m.title for m in start.week_model._rows] == ["SSP-møde"]  # Thursday 26th
    page = window.meetings_page
    assert not page.loaded  # read when first shown
    window.tabs.setCurrentWidget(page)
    assert page.loaded
    assert page.heading.text() == "I dag er det mandag den 23. november 2026 (uge 48)"
    view = page.view
    rows = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert rows == ["torsdag den 26. november 2026", "tirsdag den 1. december 2026"]
    page.past_check.setChecked(True)
    assert view.model().rowCount() == 3
    page.filter_edit.setText("strøby")
    assert view.model().rowCount() == 1

    assert [window.tabs.tabText(i) for i in range(4)] == ["S&tart", "&Kalender", "&Møder", "Sa&ger"]
    assert "case.list" not in _audit_actions(ctx)  # nothing read before the tab is opened
    window.tabs.setCurrentIndex(3)
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
    assert window.cases_page is None and window.search_page is None
    # Start, calendar, meetings, and the access log: no case data anywhere.
    assert window.tabs.count() == 4
    assert window.tabs.widget(3) is window.audit_page


def test_police_see_only_ssp(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    _seed(login("leder"))
    window = MainWindow(login("politi"), RecordingPrompts())
    qtbot.addWidget(window)
    page = window.meetings_page
    window.tabs.setCurrentWidget(page)
    page.past_check.setChecked(True)
    model = page.view.model()
    assert [model.index(r, 3).data() for r in range(model.rowCount())] == ["SSP-møde"] * 2
    assert "politi (SSP)" in window.statusBar().currentMessage()


def test_calendar_month_and_week_with_week_numbers(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, login: LoginFn
) -> None:
    ctx = login("leder")
    _seed(ctx)
    window = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(window)
    cal = window.calendar_page
    qtmodeltester.check(cal.model, force_py=True)
    model = cal.model
    assert model.colours["ssp"] == "#a33b20"  # each type's colour, from reference data
    assert cal.title.text() == "november 2026"
    assert model.rowCount() == 6  # 26 October – 6 December
    assert model.headerData(0, Qt.Orientation.Horizontal) == "man"
    assert model.headerData(4, Qt.Orientation.Vertical) == "uge 48"
    thursday = model.index_of(date(2026, 11, 26))
    assert [m.title for m in thursday.data(ROW_ROLE)] == ["SSP-møde"]

    cal.step(1)
    assert cal.title.text() == "december 2026"
    cal.type_combo.setCurrentIndex(cal.type_combo.findData("ssp"))
    assert all(m.type_code == "ssp" for m in cal.list_model._rows)
    assert not model.meetings_on(date(2026, 12, 1))  # the district meeting is filtered out
    cal.type_combo.setCurrentIndex(0)
    cal.district_combo.setCurrentIndex(cal.district_combo.findData("stroeby"))
    assert [m.title for m in cal.list_model._rows] == ["Distriktsmøde Strøby/Nordstevns"]

    cal.set_mode("week")
    cal.go_today()
    assert cal.title.text() == "Uge 48 · 23.11. – 29.11.2026"
    assert model.rowCount() == 1

    cal.district_combo.setCurrentIndex(0)
    cal.select_day(date(2026, 11, 26))
    assert cal.day_label.text() == "<b>torsdag den 26. november 2026</b>"
    qtmodeltester.check(cal.list_proxy, force_py=True)


def test_double_click_opens_the_meeting_and_logs_the_children(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn
) -> None:
    ctx = login("leder")
    _seed(ctx)
    child = cases.list_cases(ctx)[0]
    ssp = meetings.list_meetings(ctx, type_code="ssp", start=date(2026, 11, 1))[0]
    with ctx.db.begin() as s:
        from stevnsmoeder.db.models import AgendaItem
        from stevnsmoeder.model.enums import AgendaItemKind

        s.add(AgendaItem(meeting_id=ssp.id, position=9, kind=AgendaItemKind.CASE,
                         title="Bekymrende adfærd", case_id=child.id))  # fmt: skip
    window = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(window)
    cal = window.calendar_page
    index = cal.model.index_of(date(2026, 11, 26))
    cal.grid.doubleClicked.emit(index)
    mw = window.meeting_windows[ssp.id]
    qtbot.addWidget(mw)
    assert mw.windowTitle() == "SSP-møde – 26.11.2026"
    agenda = mw.agenda
    rows = [agenda.index(r, 2).data() for r in range(agenda.rowCount())]
    assert rows[0] == "Godkendelse af dagsorden" and "Bekymrende adfærd" in rows
    row = rows.index("Bekymrende adfærd")
    assert agenda.index(row, 3).data() == "Asta Holm"
    assert agenda.index(row, 4).data() == "⚠ Intet lovgrundlag"
    actions = _audit_actions(ctx)
    assert "meeting.view" in actions and actions[-1] in ("case.view",)

    cal.grid.doubleClicked.emit(index)  # opening again brings the same window forward
    assert window.meeting_windows[ssp.id] is mw
    window.screen_safe_action.setChecked(True)
    mw.reload()
    assert agenda.index(row, 3).data() == "A.H."


def test_screen_safe_rereads_only_open_windows(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn
) -> None:
    ctx = login("leder")
    _seed(ctx)
    window = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(window)
    summary = meetings.list_meetings(ctx)[0]
    window.open_meeting(summary)
    closed = window.meeting_windows[summary.id]
    closed.close()
    reread: list[object] = []
    closed.reload = lambda: reread.append(1)  # type: ignore[method-assign]
    window.screen_safe_action.setChecked(True)
    assert reread == []  # reading a meeting is logged: a closed window does not read it
