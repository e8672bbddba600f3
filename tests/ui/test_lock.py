"""Locking the window: idle or Ctrl+L hides everything; the user's own password brings it all
back as it was; wrong passwords are logged and the fifth closes the session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow
from tests.conftest import PASSWORD

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _actions(ctx: ServiceContext) -> list[str]:
    with ctx.db.begin() as s:
        return list(
            s.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.action.in_(("lock", "unlock", "unlock.failed", "logout")))
                .order_by(AuditEvent.seq)
            )
        )


def test_ctrl_l_hides_everything_and_the_password_brings_it_back(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn
) -> None:
    ctx = login("leder")
    window = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.search_page)
    page = window.search_page
    assert page is not None
    page.query_edit.setFocus()
    page.query_edit.setText("ikke gemt endnu")  # typed, not saved anywhere
    with qtbot.waitActive(window):
        pass
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    lock = window.session_lock
    assert lock.locked and not window.isVisible()
    dialog = lock.dialog
    assert dialog is not None and dialog.isVisible()
    # Nothing but the user's name on screen, and Escape does not get past it.
    assert "leder" in " ".join(w.text() for w in dialog.findChildren(type(dialog.error_label)))
    dialog.reject()
    assert lock.locked
    qtbot.keyClicks(dialog.password_edit, "forkert")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert lock.locked and "4" in dialog.error_label.text()
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert not lock.locked and window.isVisible()
    assert window.tabs.currentWidget() is page
    assert page.query_edit.text() == "ikke gemt endnu"  # exactly where they were
    assert _actions(ctx) == ["lock", "unlock.failed", "unlock"]


def test_idle_time_locks(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(login("ppr"), RecordingPrompts())
    qtbot.addWidget(window)
    window.show()
    window.session_lock.set_idle_ms(30)  # instead of ten minutes
    qtbot.waitUntil(lambda: window.session_lock.locked, timeout=5_000)
    assert not window.isVisible()
    with window.ctx.db.begin() as s:
        detail = s.scalar(select(AuditEvent.detail).where(AuditEvent.action == "lock"))
    assert detail == "idle"


def test_five_wrong_passwords_close_the_session(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn
) -> None:
    ctx = login("referent")
    window = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(window)
    window.show()
    window.session_lock.lock()
    for _ in range(5):
        dialog = window.session_lock.dialog
        assert dialog is not None
        dialog.password_edit.setText("forkert")
        dialog.accept()
    assert not window.session_lock.locked
    assert not window.isVisible()
    # Logged out, every wrong password in the log.
    assert _actions(login("leder")) == ["lock"] + ["unlock.failed"] * 5 + ["logout"]


def test_the_idle_time_is_a_setting(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(login("leder"), RecordingPrompts())
    qtbot.addWidget(window)
    assert window.session_lock.timer.interval() == 10 * 60_000  # the default
    window.lock_minutes_actions[5].trigger()
    assert window.session_lock.timer.interval() == 5 * 60_000
    assert window.settings.lock_minutes == 5
    assert window.lock_minutes_actions[5].isChecked()
    assert not window.lock_minutes_actions[10].isChecked()


def test_a_window_gone_while_locked_does_not_keep_the_rest_hidden(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn
) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = MainWindow(login("leder"), RecordingPrompts())
    qtbot.addWidget(window)
    window.show()
    box = QMessageBox(window)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    window.session_lock.lock()
    box.close()  # deletes itself while locked
    qtbot.waitUntil(lambda: not _alive(box), timeout=2_000)
    dialog = window.session_lock.dialog
    assert dialog is not None
    dialog.password_edit.setText(PASSWORD)
    dialog.accept()
    assert not window.session_lock.locked and window.isVisible()


def _alive(widget: object) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(widget))


def test_idle_waits_for_a_question_to_be_answered(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication, QDialog

    window = MainWindow(login("leder"), RecordingPrompts())
    qtbot.addWidget(window)
    window.show()
    question = QDialog(window)
    monkeypatch.setattr(QApplication, "activeModalWidget", staticmethod(lambda: question))
    window.session_lock.lock("idle")
    assert not window.session_lock.locked and window.isVisible()
    assert window.session_lock.timer.isActive()  # it tries again later
    window.session_lock.lock("on request")  # Ctrl+L still locks at once
    assert window.session_lock.locked
