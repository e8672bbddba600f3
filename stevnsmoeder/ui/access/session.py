"""One session after another: the login window, the main window, and back to the login window
when the user logs out or another user takes over (Filer → Log ud / Skift bruger, and the
same two from the lock screen).

Leaving closes every window of the session, through the main window's close: a meeting
window whose meeting is running asks first (its own close guard), and a "no" keeps the
session as it was. Nothing of the session stays on the screen: windows the main window does
not know (a print preview, a dialog) are closed too. After five wrong passwords at the lock
screen the session closes without asking.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from stevnsmoeder.ui.common.prompts import Prompts

if TYPE_CHECKING:  # the database layer loads while the login window is up, not before
    from stevnsmoeder.services.context import ServiceContext
    from stevnsmoeder.ui.access.lock import SessionLock


class SessionWindow(Protocol):
    """What leaving needs of the main window (which imports this module)."""

    next_login: str | None
    ctx: ServiceContext
    session_lock: SessionLock

    def close(self) -> bool: ...


log = logging.getLogger(__name__)


def add_leave_actions(window: SessionWindow, menu: QMenu) -> tuple[QAction, QAction]:
    """Filer → Log ud and Skift bruger …; the lock screen's two buttons do the same."""
    log_out = QAction(QCoreApplication.translate("session", "Log &out"), menu)
    log_out.setObjectName("log-out")
    log_out.triggered.connect(lambda: leave(window, switch=False))
    switch = QAction(QCoreApplication.translate("session", "S&witch user …"), menu)
    switch.setObjectName("switch-user")
    switch.triggered.connect(lambda: leave(window, switch=True))
    menu.addAction(log_out)
    menu.addAction(switch)
    window.session_lock.leave_requested.connect(lambda to_other: leave(window, switch=to_other))
    return log_out, switch


def leave(window: SessionWindow, *, switch: bool) -> bool:
    """Close the session's windows and ask for a login again: the same user name after Log
    ud, an empty one for Skift bruger. False when a window stayed (the user said no)."""
    window.next_login = "" if switch else window.ctx.actor.login
    if window.close():
        return True
    window.next_login = None
    return False


class _Agree(Prompts):
    """A closing that must not ask (the session was locked out): every question is yes."""

    def __init__(self, inner: Prompts) -> None:
        self.inner = inner

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        return True

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


def close_without_asking(windows: list[QWidget]) -> None:
    """Close windows whose own close would ask (a running meeting's): for a session that
    was locked out, whose typed text the autosave has kept."""
    for w in windows:
        prompts = getattr(w, "prompts", None)
        if isinstance(prompts, Prompts):
            w.prompts = _Agree(prompts)  # type: ignore[attr-defined]
        w.close()
