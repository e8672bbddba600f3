"""The secretary's day in the window: the minutes waiting for approval on the start page,
"godkendt" in the meeting lists, a single click in the minutes, who approved by name, the
versions in words, and addenda written about an item."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QTableView

from stevnsmoeder.db.models import Person
from stevnsmoeder.model.cases import CaseSummary
from stevnsmoeder.services import cases, live, meetings, minutes, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.case.case_view import CaseWindow
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.live.addendum_dialog import AddendumDialog
from stevnsmoeder.ui.live.live_view import LiveView
from stevnsmoeder.ui.live.versions_dialog import VersionsDialog
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.meeting.meeting_window import MeetingWindow
from tests.conftest import FakeClock

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _named(ctx: ServiceContext, name: str) -> ServiceContext:
    """The fixtures' users are named after their logins; give this one a real name."""
    with ctx.db.begin() as s:
        assert ctx.actor.person_id is not None
        s.get_one(Person, ctx.actor.person_id).name = name
    return ctx


def _meeting(
    ctx: ServiceContext, when: datetime, children: tuple[str, ...] = ("Asta", "Bo", "Carl")
) -> tuple[meetings.MeetingSummary, dict[str, CaseSummary]]:
    m = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", when, district="hother", place="Hotherskolen")
    )
    kids = {}
    for name in children:
        kid = cases.create_case(ctx, cases.NewCase(first_name=name, last_name="Berg")).case
        plan = planning.get_plan(ctx, m.id)
        planning.add_item(
            ctx, m.id, plan.revision, title=f"Trivsel for {name}", minutes=10,
            kind=planning.AgendaItemKind.CASE, case_id=kid.id,
        )  # fmt: skip
        kids[name] = kid
    return m, kids


def _held(
    ctx: ServiceContext, when: datetime, children: tuple[str, ...] = ("Asta", "Bo", "Carl")
) -> tuple[meetings.MeetingSummary, dict[str, CaseSummary]]:
    m, kids = _meeting(ctx, when, children)
    live.start(ctx, m.id)
    live.end(ctx, m.id)
    return m, kids


def _main(qtbot, ctx: ServiceContext) -> tuple[MainWindow, RecordingPrompts]:  # type: ignore[no-untyped-def]
    prompts = RecordingPrompts()
    main = MainWindow(ctx, prompts)
    qtbot.addWidget(main)
    return main, prompts


def _open(qtbot, main: MainWindow, m: meetings.MeetingSummary) -> MeetingWindow:  # type: ignore[no-untyped-def]
    main.open_meeting(meetings.get_meeting_summary(main.ctx, m.id))
    window = main.meeting_windows[m.id]
    qtbot.addWidget(window)
    return window


def _click(qtbot, view: QTableView, row: int, column: int = 1) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _column(view: QTableView, header: str) -> list[str]:
    model = view.model()
    col = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == header
    )
    return [model.index(r, col).data() for r in range(model.rowCount())]


# -- the start page ----------------------------------------------------------------------------


def test_the_start_page_lists_the_minutes_awaiting_approval(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("referent")
    newer, _ = _held(ctx, datetime(2026, 11, 20, 10), ("Asta",))
    older, _ = _held(ctx, datetime(2026, 11, 6, 13), ("Bo",))
    approved, _ = _held(ctx, datetime(2026, 11, 13, 10), ("Carl",))
    minutes.approve(ctx, approved.id)
    _meeting(ctx, datetime(2026, 11, 25, 10), ())  # planned
    main, _prompts = _main(qtbot, ctx)
    section = main.start_page.awaiting_approval
    assert section.isVisibleTo(main)
    assert "Referater til godkendelse</b> – 2" in section.heading.text()
    days = _column(section.view, "Afholdt")
    assert days == ["fredag den 6. november 2026", "fredag den 20. november 2026"]

    # Enter on a row opens the meeting on its minutes …
    section.view.setCurrentIndex(section.view.model().index(0, 0))
    qtbot.keyClick(section.view, Qt.Key.Key_Return)
    window = main.meeting_windows[older.id]
    qtbot.addWidget(window)
    assert window.live_view is not None and window.stack.currentWidget() is window.live_view
    # … and approving them there takes them off the list.
    window.live_view.approve()  # (the recording prompts confirm)
    # The start page reads the change off the GUI thread: the meeting's window did not wait.
    assert main.start_page.loader.pending
    qtbot.waitUntil(lambda: [m.id for m in section.model._rows] == [newer.id])
    assert "– 1" in section.heading.text()
    minutes.approve(ctx, newer.id)
    main.refresh()
    assert "– ingen" in section.heading.text() and not section.view.isVisibleTo(main)


@pytest.mark.parametrize("role", ["admin", "ppr", "deltager"])
def test_the_list_is_only_for_those_who_approve(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, role: str
) -> None:
    _held(login("referent"), datetime(2026, 11, 20, 10), ("Asta",))
    main, _prompts = _main(qtbot, login(role))
    assert not main.start_page.awaiting_approval.isVisibleTo(main)


def test_meeting_lists_say_godkendt_for_approved_minutes(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    today, kids = _held(ctx, datetime(2026, 11, 23, 8), ("Asta",))
    earlier, _ = _held(ctx, datetime(2026, 11, 19, 8), ())
    minutes.approve(ctx, today.id)
    _meeting(ctx, datetime(2026, 11, 26, 13), ())
    main, _prompts = _main(qtbot, ctx)
    start = main.start_page
    assert _column(start.today_view, "Status") == ["godkendt"]
    assert _column(start.week_view, "Status") == ["planlagt"]
    tip = start.today_model.index(0, start.today_model.columnCount() - 1).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert tip == "Referatet blev godkendt mandag den 23. november 2026."

    page = main.meetings_page
    main.tabs.setCurrentWidget(page)
    page.past_check.setChecked(True)
    assert _column(page.view, "Status") == ["afholdt", "godkendt", "planlagt"]

    cal = main.calendar_page
    cal.select_day(today.starts_at.date())
    assert _column(cal.list, "Status") == ["godkendt"]
    cal.select_day(earlier.starts_at.date())
    assert _column(cal.list, "Status") == ["afholdt"]

    case = CaseWindow(ctx, kids["Asta"].id, RecordingPrompts(), lambda _m: None, lambda: False)
    qtbot.addWidget(case)
    assert _column(case.timeline_view, "Referat") == ["godkendt"]


# -- the minutes view --------------------------------------------------------------------------


def test_a_single_click_in_the_minutes_shows_the_item_and_prints_its_child(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn
) -> None:
    ctx = login("referent")
    m, kids = _held(ctx, datetime(2026, 11, 23, 8))
    main, prompts = _main(qtbot, ctx)
    window = _open(qtbot, main, m)
    view = window.live_view
    assert isinstance(view, LiveView)
    bo = next(i for i in view.plan.items if i.case_id == kids["Bo"].id)  # type: ignore[union-attr]
    row = view.agenda_model._rows.index(bo)
    _click(qtbot, view.agenda, row)
    assert view.shown_item == bo.id
    assert view.item_title.text() == f"{bo.number}. Trivsel for Bo"

    printed: list[object] = []
    window.preview = lambda kind, anonymised, title, case_id=None: printed.append(case_id)  # type: ignore[method-assign,assignment]
    window.extract_action.trigger()
    assert printed == [kids["Bo"].id] and not prompts.shown

    # The keyboard too: Down shows the next item.
    view.agenda.setFocus()
    qtbot.keyClick(view.agenda, Qt.Key.Key_Down)
    assert view.item_title.text() == f"{bo.number + 1}. Trivsel for Carl"


def test_while_the_meeting_runs_a_click_does_not_move_the_meeting(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn
) -> None:
    """Moving the running meeting on is the chair's double-click or Enter; a single click
    chooses an item (for an extract) without restarting its clock."""
    ctx = login("leder")
    m, kids = _meeting(ctx, datetime(2026, 11, 23, 8))
    live.start(ctx, m.id)
    main, _prompts = _main(qtbot, ctx)
    window = _open(qtbot, main, m)
    view = window.live_view
    assert isinstance(view, LiveView) and view.plan is not None
    current = live.state(ctx, m.id).current_item_id
    carl = next(i for i in view.plan.items if i.case_id == kids["Carl"].id)
    _click(qtbot, view.agenda, view.agenda_model._rows.index(carl))
    assert live.state(ctx, m.id).current_item_id == current
    assert view.selected_item() == carl
    printed: list[object] = []
    window.preview = lambda kind, anonymised, title, case_id=None: printed.append(case_id)  # type: ignore[method-assign,assignment]
    window.extract_action.trigger()
    assert printed == [kids["Carl"].id]


# -- who approved, and the versions ------------------------------------------------------------


def _approved_with_addenda(
    referent: ServiceContext, leder: ServiceContext, clock: FakeClock
) -> tuple[meetings.MeetingSummary, list[planning.PlanItem]]:
    m, _kids = _held(referent, datetime(2026, 11, 23, 8))
    clock.advance(hours=5)  # 15.00 in Copenhagen (the clock starts at 10.00)
    minutes.approve(referent, m.id)
    items = planning.get_plan(referent, m.id).items
    clock.advance(days=1)
    minutes.add_addendum(leder, m.id, "Mor var til stede under punktet.", items[3].id)
    minutes.add_addendum(leder, m.id, "Mødet sluttede kl. 10.40.")
    return m, list(items)


def test_approved_minutes_name_who_approved_and_the_versions_read_in_words(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    referent = _named(login("referent"), "Karen Holm")
    leder = _named(login("leder"), "Jens Bo")
    m, items = _approved_with_addenda(referent, leder, clock)
    main, _prompts = _main(qtbot, referent)
    window = _open(qtbot, main, m)
    view = window.live_view
    assert isinstance(view, LiveView)
    assert window.when.text().endswith("· godkendt")
    line = view.meeting_line.text()
    assert "godkendt mandag den 23. november 2026 kl. 15.00 af Karen Holm" in line
    assert "referent" not in line

    dialogs: list[VersionsDialog] = []
    monkeypatch.setattr(VersionsDialog, "exec", lambda self: dialogs.append(self) or 0)
    view.versions_button.click()
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    table = dialog.view
    assert _column(table, "Ændring") == [
        "Godkendt",
        f"Tilføjelse til punkt {items[3].number}: Mor var til stede under punktet.",
        "Tilføjelse om mødet generelt: Mødet sluttede kl. 10.40.",
    ]
    assert _column(table, "Af") == ["Karen Holm", "Jens Bo", "Jens Bo"]
    assert _column(table, "Dato") == [
        "mandag den 23. november 2026, kl. 15.00",
        "tirsdag den 24. november 2026, kl. 15.00",
        "tirsdag den 24. november 2026, kl. 15.00",
    ]
    checksum = minutes.versions(referent, m.id)[0].checksum
    assert not any(checksum in text for text in _column(table, "Ændring"))
    first = table.model().index(0, 0)
    assert checksum in first.data(Qt.ItemDataRole.ToolTipRole)
    table.selectRow(0)
    assert checksum in dialog.details.toPlainText()
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers


# -- addenda -----------------------------------------------------------------------------------


def test_an_addendum_is_written_in_a_multi_line_editor_about_the_chosen_item(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = login("referent")
    m, kids = _held(ctx, datetime(2026, 11, 23, 8))
    minutes.approve(ctx, m.id)
    main, _prompts = _main(qtbot, ctx)
    window = _open(qtbot, main, m)
    view = window.live_view
    assert isinstance(view, LiveView) and view.plan is not None
    carl = next(i for i in view.plan.items if i.case_id == kids["Carl"].id)
    _click(qtbot, view.agenda, view.agenda_model._rows.index(carl))

    def write(dialog: AddendumDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.about.currentData() == carl.id  # the chosen item, preselected
        dialog.text.setFocus()
        qtbot.keyClicks(dialog.text, "Første linje.")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.text, "Anden linje.")
        assert dialog.text.toPlainText() == "Første linje.\nAnden linje."
        qtbot.keyClick(dialog.text, Qt.Key.Key_Tab)  # Tab leaves the editor …
        assert QApplication.focusWidget() is not dialog.text
        assert "\t" not in dialog.text.toPlainText()  # … and types no tab
        assert dialog.text.height() >= 3 * dialog.text.fontMetrics().lineSpacing()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(AddendumDialog, "exec", write)
    view.addendum_button.click()
    (added,) = [v for v in minutes.versions(ctx, m.id) if v.kind == "addendum"]
    assert (added.item_id, added.addendum) == (carl.id, "Første linje.\nAnden linje.")
    # The addendum is shown with its item in the minutes.
    assert "Første linje." in view.addenda_label.text()
    assert view.addenda_label.isVisibleTo(view)
    _click(qtbot, view.agenda, 0)
    assert not view.addenda_label.isVisibleTo(view)
