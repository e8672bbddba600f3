"""The window of a user who sees the policy follow-up and nothing else (the head of Børn &
Læring): the Opfølgning page, saving it, the password, logging out and locking. No start page,
calendar or meeting list is built for this role, so nothing asks the services for them."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow

from stevnsmoeder.services import access
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.ui.access.lock import SessionLock
from stevnsmoeder.ui.access.session import add_leave_actions
from stevnsmoeder.ui.admin.rekey import change_own_password
from stevnsmoeder.ui.common import keys
from stevnsmoeder.ui.common.operations import Operations
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen
from stevnsmoeder.ui.common.settings import Settings
from stevnsmoeder.ui.followup.followup_page import Counter, FollowUpPage


class FollowUpWindow(QMainWindow):
    session_closed = Signal()  # closed and logged out (see ui/access/session.py)

    def __init__(
        self, ctx: ServiceContext, prompts: Prompts | None = None, counter: Counter | None = None
    ) -> None:
        super().__init__()
        self.next_login: str | None = None
        self.ctx = ctx
        self.prompts = prompts or Prompts()
        self.operations = Operations(self, self.prompts, self.tr("Follow-up"))
        self.settings = Settings()
        self.setWindowTitle(self.tr("stevnsmoeder – follow-up on the child and youth policy"))
        if access.is_demo(ctx):
            banner = QLabel(self.tr("DEMO – all data is fictitious"))
            banner.setObjectName("demo-banner")
            banner.setStyleSheet(
                "background: #ffe08a; color: #3a2c00; padding: 2px 8px; font-weight: bold;"
            )
            self.statusBar().addPermanentWidget(banner)
        fit_to_screen(self, QSize(1100, 760))
        self.page = FollowUpPage(ctx, self.prompts, counter=counter)
        self.setCentralWidget(self.page)
        self.session_lock = SessionLock(ctx, self.settings.lock_minutes * 60_000, self)
        self.session_lock.session_ended.connect(self.close)
        self._build_menus()
        self.statusBar().showMessage(
            self.tr("Logged in as %1 (head of Børn & Læring, figures only)").replace(
                "%1", ctx.actor.display_name or ctx.actor.login
            )
        )
        self.page.reload()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for text, suffix in ((self.tr("Save as &PDF …"), ".pdf"),
                             (self.tr("Save as spread&sheet …"), ".xlsx")):  # fmt: skip
            action = QAction(text, self)
            action.triggered.connect(lambda _=False, s=suffix: self.page.save(s))
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.password_action = QAction(self.tr("Change my &password …"), self)
        self.password_action.triggered.connect(self.change_own_password)
        file_menu.addAction(self.password_action)
        file_menu.addSeparator()
        self.log_out_action, self.switch_user_action = add_leave_actions(self, file_menu)
        lock = QAction(self.tr("&Lock now"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        lock.triggered.connect(lambda: self.session_lock.lock("on request"))
        file_menu.addAction(lock)
        file_menu.addSeparator()
        quit_action = keys.quit_action(self, self.tr("&Quit"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    def can_plan(self) -> bool:
        return False

    def change_own_password(self) -> None:
        """The user's own new password (see ui.admin.rekey.change_own_password)."""
        controller = getattr(self, "sync_controller", None)
        self.last_rekey = change_own_password(
            self, self.ctx, self.prompts, self.operations,
            changed=controller.password_changed if controller is not None else None,
        )  # fmt: skip

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session_lock.stop()
        with contextlib.suppress(ServiceError):  # closing must not fail on a lost database
            access.logout(self.ctx)
        super().closeEvent(event)
        self.session_closed.emit()
