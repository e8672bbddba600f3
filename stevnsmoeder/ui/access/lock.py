"""Locking the session: after some minutes without input (10 by default), or on Ctrl+L.

Locked, every window of the session is hidden — nothing about any child is on the screen —
and a small window asks for the same user's password. Unlocking shows the windows again
exactly as they were: nothing is closed or reloaded, so text not yet saved is still in its
field. Each lock, unlock and wrong password is logged; after five wrong passwords the session
closes (what was typed has been saved by then; the autosave keeps running while locked).
From the lock screen the user can also log out, or let another user log in (Skift bruger):
both close the session's windows (a running meeting asks first) and show the login window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.services import access
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.ui.common.forms import title_label

log = logging.getLogger(__name__)

DEFAULT_IDLE_MINUTES = 10
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class LockDialog(QDialog):
    """The only thing on screen while locked: who is logged in, the password field, and the
    ways out (log out, another user)."""

    leave_requested = Signal(bool)  # True: another user logs in

    def __init__(self, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(self.tr("stevnsmoeder – locked"))
        self.setObjectName("lock-screen")
        self.setMinimumWidth(420)
        title = title_label(self.tr("stevnsmoeder is locked"))
        text = QLabel(self.tr("Logged in as %1. Type your password to go on.").replace("%1", user))
        text.setWordWrap(True)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("unlock-password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        buttons.accepted.connect(self.accept)
        self.log_out_button = buttons.addButton(
            self.tr("Log out"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.log_out_button.setObjectName("lock-log-out")
        self.log_out_button.setAutoDefault(False)
        self.log_out_button.clicked.connect(lambda: self.leave_requested.emit(False))
        self.switch_button = buttons.addButton(
            self.tr("Switch user"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.switch_button.setObjectName("lock-switch-user")
        self.switch_button.setAutoDefault(False)
        self.switch_button.clicked.connect(lambda: self.leave_requested.emit(True))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(self.password_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def reject(self) -> None:  # Escape does not unlock, and does not close either
        self.password_edit.setFocus()

    def closeEvent(self, event: object) -> None:
        event.ignore()  # type: ignore[attr-defined]


def _session_windows() -> list[QWidget]:
    """Every window on screen: the main window, meeting and case windows, previews."""
    return [
        w for w in QApplication.topLevelWidgets() if w.isVisible() and not isinstance(w, LockDialog)
    ]


class SessionLock(QObject):
    """Watches the application's input; locks after ``idle_ms`` without any, or on demand."""

    locked_changed = Signal(bool)
    session_ended = Signal()
    leave_requested = Signal(bool)  # from the lock screen: log out (False) or switch user

    def __init__(
        self,
        ctx: ServiceContext,
        idle_ms: int = DEFAULT_IDLE_MINUTES * 60_000,
        parent: QObject | None = None,
        windows: Callable[[], list[QWidget]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._windows = windows or _session_windows
        self._hidden: list[tuple[QWidget, QWidget | None]] = []
        self._failures = 0
        self.dialog: LockDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(lambda: self.lock("idle"))
        self.set_idle_ms(idle_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def set_idle_ms(self, idle_ms: int) -> None:
        self.timer.setInterval(max(1, idle_ms))
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and not self.locked:
            self.timer.start()  # any input starts the idle time again
        return False

    def lock(self, reason: str = "on request") -> None:
        if self.locked:
            return
        app = QApplication.instance()
        if reason == "idle" and isinstance(app, QApplication) and app.activeModalWidget():
            # A question is waiting for an answer (hiding it would answer "Cancel" for the
            # user): the lock comes when it has been answered.
            self.timer.start()
            return
        self.timer.stop()
        focus = app.focusWidget() if isinstance(app, QApplication) else None
        # The lock window first, so the screen is never left without a way back.
        self.dialog = LockDialog(self.ctx.actor.display_name or self.ctx.actor.login)
        self.dialog.accepted.connect(self._try_unlock)
        self.dialog.leave_requested.connect(self._leave)
        self._hidden = []
        for window in self._windows():
            if window.isVisible():
                child = focus if focus is not None and window.isAncestorOf(focus) else None
                self._hidden.append((window, child))
                window.hide()
        self.dialog.show()
        self.dialog.password_edit.setFocus()
        self.locked_changed.emit(True)
        try:
            access.lock(self.ctx, reason)
        except ServiceError:
            log.warning("the lock could not be logged")

    def _try_unlock(self) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        try:
            ok = access.unlock(self.ctx, dialog.password_edit.text())
        except ServiceError as exc:  # the database went away: say so, stay locked
            dialog.error_label.setText(str(exc))
            dialog.show()
            return
        if not ok:
            self._failures += 1
            dialog.password_edit.clear()
            if self._failures >= access.UNLOCK_TRIES:
                self._end_session()
                return
            dialog.error_label.setText(
                self.tr("Wrong password. After %1 more the session closes.").replace(
                    "%1", str(access.UNLOCK_TRIES - self._failures)
                )
            )
            dialog.show()  # an accepted dialog hides itself: it stays up until unlocked
            dialog.password_edit.setFocus()
            return
        self._failures = 0
        self.dialog = None
        dialog.deleteLater()
        for window, focus in self._hidden:
            if not shiboken6.isValid(window):
                continue  # closed meanwhile (a message box deletes itself)
            window.show()
            if focus is not None and shiboken6.isValid(focus):
                window.activateWindow()
                focus.setFocus()
        self._hidden = []
        self.timer.start()
        self.locked_changed.emit(False)

    def _leave(self, switch: bool) -> None:
        """Log out or switch user from the lock screen. The lock window steps aside while the
        session's windows close (a running meeting's question must be seen); if a window
        stays (the user said no), the lock comes back."""
        dialog = self.dialog
        if dialog is None:
            return
        dialog.hide()
        self.leave_requested.emit(switch)
        if self.dialog is dialog:  # still locked: the session goes on
            dialog.show()
            dialog.password_edit.setFocus()

    def stop(self) -> None:
        """The session is over: no more locking (the main window is closing). Windows the
        lock hid are closed with it: nothing of the session is left behind."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        hidden, self._hidden = self._hidden, []
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        owner = self.parent()
        for window, _focus in hidden:
            if shiboken6.isValid(window) and window is not owner:
                window.close()

    def _end_session(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.session_ended.emit()
