"""Every window and dialog fits a municipal laptop: 1366×768 and 1280×720, less a taskbar.

The offscreen platform gets two laptop screens beside the desktop (tests/conftest.py and
tests/offscreen-screens.json). The user works on a laptop screen; each window opens there and
must lie inside what the taskbar leaves, must not ask for more room than that even with a real
title bar, and its buttons must be on the window, uncovered and unclipped.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QTableView, QWidget

from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import (
    access,
    case_history,
    cases,
    consent,
    demo,
    documents,
    meetings,
    minutes,
    people,
    planning,
    reference_data,
    series,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.people import PersonInfo
from stevnsmoeder.ui.access.lock import LockDialog
from stevnsmoeder.ui.access.login import LoginDialog
from stevnsmoeder.ui.admin.user_dialogs import AddUserDialog, RoleDialog
from stevnsmoeder.ui.admin.users_dialog import UsersDialog
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.case.case_dialogs import AddItemDialog, ChildItemDialog, ConsentDialog
from stevnsmoeder.ui.common.document_preview import DocumentPreview
from stevnsmoeder.ui.common.password_dialog import PasswordDialog
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.common.screen import FRAME, fit_to_screen
from stevnsmoeder.ui.filing.classes_dialog import FilingClassesDialog
from stevnsmoeder.ui.live.addendum_dialog import AddendumDialog
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.planning.closed_days import ClosedPeriodsDialog
from stevnsmoeder.ui.planning.meeting_dialogs import FtmDialog, MoveDialog, ParticipantDialog
from stevnsmoeder.ui.planning.series_dialogs import NewSeriesDialog, RuleDialog, SeriesDialog
from tests.conftest import TODAY, FakeClock, Login

LAPTOPS = ("1366x768", "1280x720")
LONG = 200  # the longest title, place, institution or name the database holds
TUESDAY = date(2026, 11, 24)  # the demo's district meetings


def _long(words: str) -> str:
    text = (words + " ") * (LONG // (len(words) + 1) + 1)
    return text[:LONG].strip()


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


@pytest.fixture(params=LAPTOPS)
def laptop(request: pytest.FixtureRequest, qtbot) -> Iterator[QScreen]:  # type: ignore[no-untyped-def]
    """The laptop's screen, with the user's current window on it (where new windows open)."""
    screen = next(
        (s for s in QGuiApplication.screens() if s.name() == f"laptop-{request.param}"), None
    )
    if screen is None:
        pytest.skip("needs the offscreen laptop screens that tests/conftest.py sets up")
    current = QWidget()
    qtbot.addWidget(current)
    current.setScreen(screen)
    current.setGeometry(
        QRect(screen.availableGeometry().topLeft() + QPoint(20, 40), current.size())
    )
    current.show()
    current.activateWindow()
    QApplication.processEvents()
    assert QApplication.activeWindow() is current
    yield screen  # and the window stays


@pytest.fixture
def demo_login(demo_path: Path, clock: FakeClock) -> Iterator[Callable[[str], ServiceContext]]:
    helper = Login(demo_path, clock, demo.DEMO_PASSWORD, [])
    yield helper
    for ctx in helper.opened:
        ctx.db.close()


def assert_fits(window: QWidget, screen: QScreen, buttons: Iterable[QWidget] = ()) -> None:
    """The window is on the laptop's screen inside its available area, could be made no
    larger than that area even with a real title bar, and shows its buttons in full."""
    QApplication.processEvents()
    name = window.windowTitle() or type(window).__name__
    area = screen.availableGeometry()
    assert window.isVisible(), name
    assert window.screen() is screen, f"{name} opened on {window.screen().name()}"
    assert area.contains(window.frameGeometry()), (
        f"{name}: {window.frameGeometry()} is not inside {area}"
    )
    for least in (window.minimumSizeHint(), window.minimumSize()):
        assert least.width() + FRAME.width() <= area.width(), f"{name} needs {least}"
        assert least.height() + FRAME.height() <= area.height(), f"{name} needs {least}"
    # the buttons named, and every other one shown (OK and Annuller among them)
    shown = list(buttons)
    shown += [b for b in window.findChildren(QPushButton) if b.isVisible() and not _scrolls(b)]
    for button in shown:
        label = f"{name}: {button.text() or button.objectName()}"
        assert button.isVisible(), label
        on_window = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        assert window.rect().contains(on_window), f"{label} at {on_window}"
        assert button.visibleRegion().boundingRect() == button.rect(), f"{label} is cut off"
        text = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
        assert text < button.width(), f"{label} is too narrow for its text"


def _scrolls(widget: QWidget) -> bool:
    """A widget in a scroll area is reached by scrolling; only the area itself must fit."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _main(qtbot, ctx: ServiceContext) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    QApplication.processEvents()
    return window


def _wait_built(qtbot, preview: DocumentPreview) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(preview.save_button.isEnabled, timeout=20_000)


def test_main_window_and_every_page_fit(qtbot, laptop: QScreen, demo_login) -> None:  # type: ignore[no-untyped-def]
    for user in ("leder", "admin"):
        window = _main(qtbot, demo_login(user))
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            assert_fits(window, laptop)
        window.close()


def _tuesday_meeting(ctx: ServiceContext) -> meetings.MeetingSummary:
    return next(m for m in meetings.list_meetings(ctx, start=TUESDAY, end=TUESDAY) if m.case_items)


def test_meeting_window_and_its_print_preview_fit(qtbot, laptop: QScreen, demo_login) -> None:  # type: ignore[no-untyped-def]
    ctx = demo_login("leder")
    main = _main(qtbot, ctx)
    m = _tuesday_meeting(ctx)
    main.open_meeting(m)
    window = main.meeting_windows[m.id]
    qtbot.addWidget(window)
    window.view.selectRow(1)
    for tab in range(window.side.count()):
        window.side.setCurrentIndex(tab)
        assert_fits(window, laptop, [window.start_button, window.print_button])
    preview = window.preview(documents.AGENDA, False, "Dagsorden")
    _wait_built(qtbot, preview)
    assert_fits(preview, laptop, [preview.save_button, preview.print_button])


def test_case_window_and_its_print_preview_fit(qtbot, laptop: QScreen, demo_login) -> None:  # type: ignore[no-untyped-def]
    ctx = demo_login("leder")
    main = _main(qtbot, ctx)
    longest = max(
        cases.list_cases(ctx)[:40],
        key=lambda c: len(case_history.case_history(ctx, c.id, log=False).entries),
    )
    main.open_case(longest.id)
    window = main.case_windows[longest.id]
    qtbot.addWidget(window)
    window.timeline_view.selectRow(0)
    assert_fits(window, laptop, [window.goto_button, window.print_button])
    preview = window.preview(False)
    _wait_built(qtbot, preview)
    assert_fits(preview, laptop, [preview.save_button, preview.print_button])


def test_the_filing_dialog_fits(qtbot, laptop: QScreen, demo_login) -> None:  # type: ignore[no-untyped-def]
    """*Arkivér i ESDH …* from the window of an approved meeting with children on it."""
    ctx = demo_login("leder")
    main = _main(qtbot, ctx)
    held = next(
        m
        for m in reversed(meetings.list_meetings(ctx, start=TODAY - timedelta(days=30), end=TODAY))
        if m.status is MeetingStatus.HELD and m.case_items > 1
    )
    minutes.approve(ctx, held.id)
    main.open_meeting(held)
    window = main.meeting_windows[held.id]
    qtbot.addWidget(window)
    assert_fits(window, laptop, [window.file_button])
    dialog = window.file_in_esdh()
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() > 1
    assert_fits(dialog, laptop, [dialog.file_button])


def test_long_titles_places_and_names_fit(qtbot, laptop: QScreen, demo_login) -> None:  # type: ignore[no-untyped-def]
    """The longest texts the database takes never push a window off the screen."""
    ctx = demo_login("leder")
    main = _main(qtbot, ctx)
    m = meetings.create_meeting(
        ctx,
        meetings.NewMeeting(
            "district",
            datetime.combine(date(2026, 12, 8), time(13)),
            district=reference_data.districts(ctx)[0].code,
            title=_long("Ekstraordinært distriktsmøde om trivsel"),
            place=_long("Mødelokale på rådhuset"),
        ),
    )
    child = cases.create_case(
        ctx,
        cases.NewCase(
            first_name="Mathilde Sofie Caroline",
            last_name="Bjerregaard-Kristensen",
            institution=_long("Store Heddinge Skole, afdeling for specialundervisning"),
            grade="3. klasse",
        ),
    ).case
    plan = planning.get_plan(ctx, m.id)
    plan = planning.add_item(
        ctx, m.id, plan.revision, title=_long("Bekymring om fravær og trivsel"), minutes=20,
        kind=planning.AgendaItemKind.CASE, case_id=child.id,
    )  # fmt: skip
    main.open_meeting(meetings.get_meeting_summary(ctx, m.id))
    window = main.meeting_windows[m.id]
    qtbot.addWidget(window)
    window.view.selectRow(2)
    assert_fits(window, laptop)
    main.open_case(child.id)
    case_window = main.case_windows[child.id]
    qtbot.addWidget(case_window)
    assert_fits(case_window, laptop)

    long_people = [
        PersonInfo(p.id, _long(p.name), _long("Sundhedsplejerske"), _long("Stevns Kommune"))
        for p in people.list_people(ctx)[:5]
    ]
    dialogs: list[QWidget] = [
        ParticipantDialog(long_people, people.list_roles(ctx), window),
        AddUserDialog(long_people, lambda _new: None, main),
        AddendumDialog(plan.items, plan.items[2].id, window),
        MoveDialog(m.title, m.starts_at, lambda _when: [], window),
        FtmDialog(_long("Mathilde Sofie Caroline"), m.starts_at, main),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert_fits(dialog, laptop)
        dialog.close()


def _show_each(qtbot, laptop: QScreen, dialogs: Iterable[QWidget]) -> None:  # type: ignore[no-untyped-def]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert_fits(dialog, laptop)
        dialog.close()


def test_planning_dialogs_fit(qtbot, laptop: QScreen, demo_login) -> None:  # type: ignore[no-untyped-def]
    ctx = demo_login("referent")
    main = _main(qtbot, ctx)
    m = _tuesday_meeting(ctx)
    found = series.list_series(ctx)
    _show_each(
        qtbot,
        laptop,
        [
            MoveDialog(m.title, m.starts_at, lambda _when: [], main),
            ParticipantDialog(people.list_people(ctx), people.list_roles(ctx), main),
            RuleDialog(found[0], TODAY, main),
            ClosedPeriodsDialog(series.list_closed_periods(ctx), lambda *_: None, True, main),
            SeriesDialog(
                found,
                change=lambda _s: None,
                export=lambda _s: None,
                create=lambda: None,
                parent=main,
            ),
            FtmDialog("Mathilde", m.starts_at, main),
            NewSeriesDialog(
                reference_data.meeting_types(ctx),
                reference_data.districts(ctx),
                people.list_people(ctx),
                people.list_roles(ctx),
                TODAY,
                main,
            ),
        ],
    )


def test_case_and_agenda_dialogs_fit(qtbot, laptop: QScreen, demo_login) -> None:  # type: ignore[no-untyped-def]
    ctx = demo_login("leder")
    main = _main(qtbot, ctx)
    m = _tuesday_meeting(ctx)
    plan = planning.get_plan(ctx, m.id)
    pick = ChildItemDialog(cases.list_cases(ctx), reference_data.districts(ctx),
                           screen_safe=False, parent=main)  # fmt: skip
    named = ChildItemDialog(cases.list_cases(ctx), reference_data.districts(ctx),
                            screen_safe=False, parent=main)  # fmt: skip
    named.mode.setCurrentIndex(1)  # a new named child: the longest form
    _show_each(
        qtbot,
        laptop,
        [
            pick,
            named,
            ConsentDialog(
                "Mathilde",
                [
                    consent.HolderInfo(uuid.uuid4(), "Mor Mathildesen", "mor"),
                    consent.HolderInfo(uuid.uuid4(), "Far Mathildesen", "far"),
                ],
                reference_data.meeting_types(ctx),
                "district",
                TODAY,
                main,
            ),
            AddItemDialog(main),
            AddendumDialog(plan.items, plan.items[0].id, main),
        ],
    )


def test_users_login_and_lock_dialogs_fit(  # type: ignore[no-untyped-def]
    qtbot, laptop: QScreen, demo_login, demo_path: Path
) -> None:
    ctx = demo_login("admin")
    main = _main(qtbot, ctx)
    users = UsersDialog(ctx, RecordingPrompts(), main)
    _show_each(
        qtbot,
        laptop,
        [
            users,
            AddUserDialog(access.people_for_users(ctx), lambda _new: None, main),
            PasswordDialog("Ny adgangskode", "Til leder", main),
            RoleDialog("leder", ctx.actor.role, main),
            FilingClassesDialog(ctx, RecordingPrompts(), main),
            LoginDialog(demo_path, "leder", main),
            LockDialog("Administrator", main),
        ],
    )


def test_a_window_opens_on_the_screen_the_user_works_on(qtbot, laptop: QScreen) -> None:  # type: ignore[no-untyped-def]
    """Sized and centered on the laptop even when it is not the primary screen."""
    window = QWidget()
    qtbot.addWidget(window)
    fit_to_screen(window, QSize(3000, 2000))
    window.show()
    QApplication.processEvents()
    area = laptop.availableGeometry()
    assert window.screen() is laptop
    assert area.contains(window.frameGeometry())
    assert window.width() + FRAME.width() == area.width()
    small = QWidget()
    qtbot.addWidget(small)
    fit_to_screen(small, QSize(400, 300))
    assert small.size() == QSize(400, 300)
    assert abs(small.frameGeometry().center().x() - area.center().x()) <= FRAME.width()


def _rows_in_full_view(view: QTableView) -> int:
    viewport = view.viewport().rect()
    model = view.model()
    return sum(
        1 for r in range(model.rowCount()) if viewport.contains(view.visualRect(model.index(r, 0)))
    )


def test_the_case_timeline_shows_more_than_six_rows(qtbot, laptop: QScreen, demo_login) -> None:  # type: ignore[no-untyped-def]
    """At 1280×720 the timeline showed about six of a long case's meetings, the chosen
    entry's text below it taking more room than the list."""
    ctx = demo_login("ppr")
    main = _main(qtbot, ctx)
    longest = max(
        cases.list_cases(ctx)[:40],
        key=lambda c: len(case_history.case_history(ctx, c.id, log=False).entries),
    )
    main.open_case(longest.id)
    window = main.case_windows[longest.id]
    qtbot.addWidget(window)
    window.timeline_view.selectRow(0)
    QApplication.processEvents()
    assert window.timeline_model.rowCount() > 12
    shown = _rows_in_full_view(window.timeline_view)
    assert shown > 6, f"{shown} rows in full view"
    assert window.detail.height() >= 120  # the chosen entry's text still has room
    assert_fits(window, laptop, [window.goto_button, window.print_button])
