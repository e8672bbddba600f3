"""One session after another: the login window, a main window, and after Log ud or Skift
bruger the login window again (the leave actions are in ui/session.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication

from stevnsmoeder.services import access_log, audit_trail, replicas
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.services.permissions import Permission, allowed
from stevnsmoeder.ui.access.login import LoginDialog
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.followup.window import FollowUpWindow
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.sync.attach import attach, server_counter
from stevnsmoeder.ui.sync.controller import SyncController

log = logging.getLogger(__name__)


class Sessions(QObject):
    """The login window and the main window, one session after another, until the user
    quits (or cancels a login)."""

    def __init__(
        self,
        db_path: Path,
        *,
        prompts: Callable[[], Prompts] = Prompts,
        quit_app: Callable[[], None] | None = None,
        on_login: Callable[[ServiceContext], None] | None = None,
        plan_ahead: bool = False,
        place: str = "",
        sync_period: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.prompts = prompts
        self.quit_app = quit_app or QApplication.quit
        self.on_login = on_login
        self.plan_ahead = plan_ahead  # each session plans the series' coming year first
        self.window: MainWindow | FollowUpWindow | None = None
        self.login_dialog: LoginDialog | None = None
        self.place = place  # the database last logged in to (a replica), for the login window
        self.sync: SyncController | None = None
        self.sync_period = sync_period
        self.stop_timeout = 5.0

    def _login_dialog(self, user: str) -> LoginDialog:
        return LoginDialog(self.db_path, user, place=self.place)

    def first_login(self, user: str) -> bool:
        """The first login, before the event loop runs (False: the user cancelled)."""
        dialog = self._login_dialog(user)
        if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.context is None:
            return False
        self.open(dialog.context, dialog.sync_password, dialog.replica)
        return True

    def show_login(self, user: str) -> LoginDialog:
        """The login window again (without blocking): a login opens a new main window,
        Annuller ends the program."""
        dialog = self._login_dialog(user)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._logged_in(dialog))
        dialog.rejected.connect(self.quit_app)
        self.login_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _logged_in(self, dialog: LoginDialog) -> None:
        self.login_dialog = None
        if dialog.context is not None:
            self.open(dialog.context, dialog.sync_password, dialog.replica)

    def open(
        self,
        ctx: ServiceContext,
        sync_password: str = "",
        replica: replicas.Replica | None = None,
    ) -> MainWindow | FollowUpWindow:
        """The main window of a new session, and what the user must know at once: a log
        that lacks events, and failed logins under their name since their last login. A
        replica's window keeps in step with the server by itself."""
        self.place = str(replica.path) if replica is not None else ""
        if self.on_login is not None:
            self.on_login(ctx)
        prompts = self.prompts()
        # A role with the follow-up's figures only (the head of Børn & Læring) gets a window
        # of its own: no page of meetings or cases is built for it.
        connected = replica is not None and bool(sync_password)
        self.sync = None
        window: MainWindow | FollowUpWindow
        if allowed(ctx, Permission.VIEW_MEETINGS):
            window = MainWindow(ctx, prompts)
            if connected and replica is not None:
                self.sync = attach(window, sync_password, replica, period=self.sync_period)
        else:
            # The figures-only window: kept in step all the same, its figures counted on
            # the server (with the password the server knows, changed with the user's own).
            sync = SyncController(ctx, sync_password) if connected else None
            window = FollowUpWindow(
                ctx, prompts,
                counter=server_counter(ctx, lambda: sync.password) if sync is not None else None,
            )  # fmt: skip
            if sync is not None:
                sync.setParent(window)
                window.sync_controller = sync  # type: ignore[attr-defined]
                self.sync = sync
                sync.start()
        window.session_closed.connect(self._closed)
        self.window = window
        window.show()
        if self.plan_ahead and isinstance(window, MainWindow) and window.can_plan():
            # The series' meetings for the coming year exist before anyone looks for them.
            window.plan_ahead(quiet=True)
        for title, notice, show in (
            (
                QCoreApplication.translate("session", "Access log"),
                audit_trail.rollback_warning,
                prompts.error,
            ),
            (
                QCoreApplication.translate("session", "Failed logins"),
                access_log.failed_logins_notice,
                prompts.info,
            ),
        ):
            try:
                text = notice(ctx)
            except ServiceError as exc:  # a lost database: the main window says so too
                log.warning("notice not read: %s", type(exc).__name__)
                continue
            if text:
                show(window, title, text)
        return window

    def _closed(self) -> None:
        window = self.window
        if window is None:
            return
        self.window = None
        if self.sync is not None:
            # The last sync, so what was written here leaves with the user (the window is
            # gone already; the outbox keeps what could not be sent).
            self.sync.stop(final_sync=True, timeout=self.stop_timeout)
            self.sync = None
        next_login = window.next_login
        if next_login is not None:
            # The login window first, so the program does not end with its last window.
            self.show_login(next_login)
        for other in QApplication.topLevelWidgets():
            if other is window or other is self.login_dialog or not other.isVisible():
                continue
            other.close()  # a print preview, a dialog: nothing of the session stays
        window.deleteLater()
        if next_login is None:
            self.quit_app()
