"""Log out and switch user, from the Filer menu and from the lock screen: the session's
windows close (a running meeting asks first) and the login window comes back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import access, meetings, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import AuthError
from stevnsmoeder.services.meetings import MeetingStatus
from stevnsmoeder.ui.access.login import LoginDialog
from stevnsmoeder.ui.access.sessions import Sessions
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow
from tests.conftest import PASSWORD, FakeClock

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


@pytest.fixture
def keep() -> Iterator[Callable[[QWidget], None]]:
    """Like qtbot.addWidget, for windows the session itself deletes when it closes them."""
    kept: list[QWidget] = []
    yield kept.append
    for widget in kept:
        if shiboken6.isValid(widget):
            widget.close()


class Setup:
    def __init__(self, db_path: Path) -> None:
        self.prompts = RecordingPrompts()
        self.quits: list[int] = []
        self.sessions = Sessions(
            db_path, prompts=lambda: self.prompts, quit_app=lambda: self.quits.append(1)
        )

    @property
    def window(self) -> MainWindow:
        assert self.sessions.window is not None
        return self.sessions.window

    @property
    def dialog(self) -> LoginDialog:
        assert self.sessions.login_dialog is not None
        return self.sessions.login_dialog


def _session_windows(login_dialog: LoginDialog | None) -> list[str]:
    return [
        type(w).__name__
        for w in QApplication.topLevelWidgets()
        if w.isVisible() and w is not login_dialog and w.objectName() != "lock-screen"
    ]


def _log_in(qtbot, dialog: LoginDialog, user: str) -> None:  # type: ignore[no-untyped-def]
    dialog.user_edit.setText(user)
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)


def _running_meeting(ctx: ServiceContext, window: MainWindow) -> None:
    m = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 11, 23, 13), district="privat")
    )
    window.open_meeting(meetings.get_meeting_summary(ctx, m.id))
    window.meeting_windows[m.id].start_meeting()
    assert planning.get_plan(ctx, m.id).summary.status is MeetingStatus.IN_PROGRESS


def test_log_out_from_the_file_menu_shows_the_login_window(  # type: ignore[no-untyped-def]
    qtbot, keep, login: LoginFn, db_path: Path
) -> None:
    setup = Setup(db_path)
    first = setup.sessions.open(login("leder"))
    keep(first)
    assert first.log_out_action.text() == "Log &ud"
    first.log_out_action.trigger()
    assert not first.isVisible() and setup.sessions.window is None
    dialog = setup.dialog
    keep(dialog)
    assert dialog.isVisible() and dialog.user_edit.text() == "leder"  # the same user again
    assert _session_windows(dialog) == [] and setup.quits == []
    _log_in(qtbot, dialog, "leder")
    again = setup.window
    keep(again)
    assert again is not first and again.isVisible() and again.ctx.actor.login == "leder"
    with again.ctx.db.begin() as s:
        actions = list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
    last_login = len(actions) - 1 - actions[::-1].index("login")
    assert "logout" in actions[:last_login]  # the first session was logged out
    again.close()
    assert setup.quits == [1]  # Afslut ends the program


def test_switch_user_lets_another_user_log_in(  # type: ignore[no-untyped-def]
    qtbot, keep, login: LoginFn, db_path: Path
) -> None:
    setup = Setup(db_path)
    first = setup.sessions.open(login("leder"))
    keep(first)
    first.switch_user_action.trigger()
    dialog = setup.dialog
    keep(dialog)
    assert dialog.user_edit.text() == "" and not first.isVisible()
    _log_in(qtbot, dialog, "ppr")
    keep(setup.window)
    assert setup.window.ctx.actor.login == "ppr"
    setup.window.close()


def test_a_running_meeting_asks_before_the_session_closes(  # type: ignore[no-untyped-def]
    qtbot, keep, login: LoginFn, db_path: Path
) -> None:
    setup = Setup(db_path)
    ctx = login("leder")
    window = setup.sessions.open(ctx)
    keep(window)
    _running_meeting(ctx, window)
    meeting_window = next(iter(window.meeting_windows.values()))
    keep(meeting_window)
    setup.prompts.confirm_answer = False
    window.log_out_action.trigger()
    assert "i gang" in setup.prompts.shown[-1][2]
    assert window.isVisible() and meeting_window.isVisible()  # "no": nothing closed
    assert setup.sessions.login_dialog is None and setup.sessions.window is window
    assert window.next_login is None
    setup.prompts.confirm_answer = True
    window.log_out_action.trigger()
    assert not window.isVisible() and not meeting_window.isVisible()
    keep(setup.dialog)
    assert setup.dialog.isVisible()


def test_log_out_and_switch_user_from_the_lock_screen(  # type: ignore[no-untyped-def]
    qtbot, keep, login: LoginFn, db_path: Path
) -> None:
    setup = Setup(db_path)
    ctx = login("leder")
    window = setup.sessions.open(ctx)
    keep(window)
    _running_meeting(ctx, window)
    meeting_window = next(iter(window.meeting_windows.values()))
    keep(meeting_window)
    lock = window.session_lock
    lock.lock()
    lock_dialog = lock.dialog
    assert lock_dialog is not None
    assert lock_dialog.switch_button.text() == "Skift bruger"
    assert lock_dialog.log_out_button.text() == "Log ud"
    # A running meeting asks first; "no" brings the lock back, with the windows still hidden.
    setup.prompts.confirm_answer = False
    lock_dialog.switch_button.click()
    assert lock.locked and lock_dialog.isVisible()
    assert not window.isVisible() and not meeting_window.isVisible()
    assert setup.sessions.login_dialog is None
    setup.prompts.confirm_answer = True
    lock_dialog.switch_button.click()
    assert not lock.locked and setup.sessions.window is None
    dialog = setup.dialog
    keep(dialog)
    assert dialog.isVisible() and dialog.user_edit.text() == ""
    assert _session_windows(dialog) == []
    _log_in(qtbot, dialog, "referent")
    keep(setup.window)
    assert setup.window.ctx.actor.login == "referent"
    setup.window.session_lock.lock()
    assert setup.window.session_lock.dialog is not None
    setup.window.session_lock.dialog.log_out_button.click()
    keep(setup.dialog)
    assert setup.dialog.user_edit.text() == "referent"


def test_five_wrong_passwords_close_the_session_without_asking(  # type: ignore[no-untyped-def]
    qtbot, keep, login: LoginFn, db_path: Path
) -> None:
    setup = Setup(db_path)
    ctx = login("leder")
    window = setup.sessions.open(ctx)
    keep(window)
    _running_meeting(ctx, window)
    meeting_window = next(iter(window.meeting_windows.values()))
    keep(meeting_window)
    setup.prompts.confirm_answer = False  # would keep a window open, were it asked
    lock = window.session_lock
    lock.lock()
    for _ in range(5):
        assert lock.dialog is not None
        lock.dialog.password_edit.setText("forkert")
        lock.dialog.accept()
    assert not window.isVisible() and not meeting_window.isVisible()
    assert not [s for s in setup.prompts.shown if s[0] == "confirm"]
    assert setup.quits == [1]


def test_after_login_the_user_hears_of_failed_logins(  # type: ignore[no-untyped-def]
    qtbot, keep, login: LoginFn, db_path: Path, clock: FakeClock
) -> None:
    login("leder").db.close()
    for _ in range(2):
        with pytest.raises(AuthError):
            access.login(db_path, "leder", "forkert", clock=clock)
    setup = Setup(db_path)
    window = setup.sessions.open(login("leder"))
    keep(window)
    assert setup.prompts.shown[-1][0] == "info"
    assert "2 mislykkede loginforsøg med dit brugernavn" in setup.prompts.shown[-1][2]
    window.close()
