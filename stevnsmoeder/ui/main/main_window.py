"""The main window: meetings and cases for the logged-in user."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import (
    access,
    filing,
    meetings,
    reference_data,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.services.meetings import MeetingSummary
from stevnsmoeder.services.permissions import Permission, allowed
from stevnsmoeder.ui.access.lock import SessionLock
from stevnsmoeder.ui.access.session import add_leave_actions, close_without_asking
from stevnsmoeder.ui.admin.audit_view import AuditPage
from stevnsmoeder.ui.admin.rekey import change_own_password
from stevnsmoeder.ui.admin.users_dialog import UsersDialog
from stevnsmoeder.ui.case.case_view import CaseWindow
from stevnsmoeder.ui.common import changes, keys
from stevnsmoeder.ui.common.operations import Operations
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen
from stevnsmoeder.ui.common.settings import Settings
from stevnsmoeder.ui.filing.classes_dialog import FilingClassesDialog
from stevnsmoeder.ui.followup.followup_page import FollowUpPage
from stevnsmoeder.ui.main.calendar_view import CalendarPage
from stevnsmoeder.ui.main.lists import CasesPage, MeetingsPage
from stevnsmoeder.ui.main.planning_actions import PlanningActions
from stevnsmoeder.ui.main.start_page import StartPage
from stevnsmoeder.ui.meeting.meeting_window import MeetingWindow
from stevnsmoeder.ui.search.search_view import SearchPage

ROLE_NAMES: dict[Role, str] = {
    Role.ADMIN: str(QT_TRANSLATE_NOOP("MainWindow", "administrator")),
    Role.LEDER: str(QT_TRANSLATE_NOOP("MainWindow", "chair")),
    Role.REFERENT: str(QT_TRANSLATE_NOOP("MainWindow", "secretary")),
    Role.DELTAGER: str(QT_TRANSLATE_NOOP("MainWindow", "participant")),
    Role.PPR: str(QT_TRANSLATE_NOOP("MainWindow", "PPR (read only)")),
    Role.POLITI: str(QT_TRANSLATE_NOOP("MainWindow", "police (SSP)")),
    Role.CHEF: str(QT_TRANSLATE_NOOP("MainWindow", "head of Børn & Læring")),
}


class MainWindow(PlanningActions):
    session_closed = Signal()  # closed and logged out (see ui/session.py)

    def __init__(self, ctx: ServiceContext, prompts: Prompts | None = None) -> None:
        super().__init__()
        self.next_login: str | None = None  # set when leaving for the login window
        self.ctx = ctx
        self.prompts = prompts or Prompts()
        self.operations = Operations(self, self.prompts, self.tr("Planning"))
        # Planning the year ahead runs in the background at every login: the window is
        # used meanwhile, so it has a runner of its own (which keeps it to one at a time).
        self.planning_ahead = Operations(self, self.prompts, self.tr("Planning"))
        self.settings = Settings()
        self.setWindowTitle(self.tr("stevnsmoeder – Stevns Kommune"))
        self.demo = access.is_demo(ctx)
        if self.demo:
            self.setWindowTitle(self.tr("stevnsmoeder – DEMO with fictitious data"))
            banner = QLabel(self.tr("DEMO – all data is fictitious"))
            banner.setObjectName("demo-banner")
            banner.setStyleSheet(
                "background: #ffe08a; color: #3a2c00; padding: 2px 8px; font-weight: bold;"
            )
            self.statusBar().addPermanentWidget(banner)
        fit_to_screen(self, QSize(1200, 760))

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.screen_safe_action = QAction(self.tr("&Screen-safe mode (initials only)"), self)
        self.start_page = StartPage(
            ctx, self.prompts, self.open_meeting, self.screen_safe_action.isChecked
        )
        self.tabs.addTab(self.start_page, self.tr("S&tart"))
        self.calendar_page = CalendarPage(ctx, self.prompts, self.open_meeting)
        self.tabs.addTab(self.calendar_page, self.tr("&Calendar"))
        self.meetings_page = MeetingsPage(ctx, self.prompts, self.open_meeting)
        self.tabs.addTab(self.meetings_page, self.tr("&Meetings"))
        self.cases_page: CasesPage | None = None
        self.search_page: SearchPage | None = None
        self.case_windows: dict[uuid.UUID, CaseWindow] = {}
        if allowed(ctx, Permission.VIEW_CASES):
            self.cases_page = CasesPage(
                ctx, self.prompts, self.new_ftm if self.can_plan() else None, self.open_case
            )
            self.tabs.addTab(self.cases_page, self.tr("Ca&ses"))
            self.search_page = SearchPage(
                ctx,
                [(mt.code, mt.name) for mt in reference_data.meeting_types(ctx)],
                [(d.code, d.name) for d in reference_data.districts(ctx)],
                reference_data.wellbeing_levels(ctx),
                self.open_meeting_by_id,
                self.open_case,
                self.screen_safe_action.isChecked,
            )
            self.tabs.addTab(self.search_page, self.tr("Sea&rch"))
            find = QAction(self)
            find.setShortcut(QKeySequence.StandardKey.Find)
            find.triggered.connect(self.show_search)
            self.addAction(find)
        self.audit_page: AuditPage | None = None
        if allowed(ctx, Permission.VIEW_AUDIT):
            self.audit_page = AuditPage(ctx, self.prompts)
            self.tabs.addTab(self.audit_page, self.tr("&Access log"))
        self.followup_page: FollowUpPage | None = None
        if allowed(ctx, Permission.VIEW_STATISTICS):
            self.followup_page = FollowUpPage(ctx, self.prompts)
            self.tabs.addTab(self.followup_page, self.tr("&Follow-up"))
        for number in range(self.tabs.count()):
            shortcut = QAction(self)
            shortcut.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            shortcut.triggered.connect(lambda _=False, n=number: self.tabs.setCurrentIndex(n))
            self.addAction(shortcut)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.meeting_windows: dict[object, MeetingWindow] = {}
        self._refreshing = False
        self._stale: set[QWidget] = set()  # pages to reload when shown (rows arrived)
        changes.bus().changed.connect(self._changed)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.banners = QVBoxLayout()  # what the whole window must say (a replica read-only)
        column.addLayout(self.banners)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.database_gone = False  # a replica the server closed was deleted under us
        self.case_window_hooks: list[Callable[[CaseWindow, uuid.UUID], None]] = []

        self.session_lock = SessionLock(ctx, self.settings.lock_minutes * 60_000, self)
        self.session_lock.session_ended.connect(self._locked_out)
        self._build_menus()
        role = self.tr(ROLE_NAMES[ctx.actor.role])
        self.statusBar().showMessage(
            self.tr("Logged in as %1 (%2) · %3")
            .replace("%1", ctx.actor.display_name or ctx.actor.login)
            .replace("%2", role)
            .replace("%3", ctx.db.path.name if ctx.db.path else ctx.db.describe)
        )
        geometry = self.settings.geometry(Settings.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        export_mine = QAction(self.tr("&Export my meetings to calendar (.ics) …"), self)
        export_mine.triggered.connect(self.export_my_meetings)
        file_menu.addAction(export_mine)
        self.users_action: QAction | None = None
        if allowed(self.ctx, Permission.MANAGE_USERS):  # administrators only
            self.users_action = QAction(self.tr("&Users …"), self)
            self.users_action.triggered.connect(self.show_users)
            file_menu.addAction(self.users_action)
        self.filing_classes_action: QAction | None = None
        if filing.may_edit_classes(self.ctx):  # administrators: the KLE classification
            self.filing_classes_action = QAction(self.tr("&Filing in ESDH …"), self)
            self.filing_classes_action.triggered.connect(self.show_filing_classes)
            file_menu.addAction(self.filing_classes_action)
        self.password_action = QAction(self.tr("Change my &password …"), self)
        self.password_action.triggered.connect(self.change_own_password)
        file_menu.addAction(self.password_action)
        file_menu.addSeparator()
        self.log_out_action, self.switch_user_action = add_leave_actions(self, file_menu)
        self.lock_action = QAction(self.tr("&Lock now"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda: self.session_lock.lock("on request"))
        file_menu.addAction(self.lock_action)
        lock_menu = file_menu.addMenu(self.tr("Lock &automatically after"))
        self.lock_minutes_actions: dict[int, QAction] = {}
        for idle in (5, 10, 15, 30):
            action = QAction(self.tr("%n minutes", "", idle), self)
            action.setCheckable(True)
            action.setChecked(self.settings.lock_minutes == idle)
            action.triggered.connect(lambda _=False, m=idle: self.set_lock_minutes(m))
            lock_menu.addAction(action)
            self.lock_minutes_actions[idle] = action
        file_menu.addSeparator()
        quit_action = keys.quit_action(self, self.tr("&Quit"))  # Ctrl+Q from every window
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        plan_menu = self.menuBar().addMenu(self.tr("&Planning"))
        self.series_action = QAction(self.tr("Meeting &series …"), self)
        self.series_action.triggered.connect(self.show_series)
        plan_menu.addAction(self.series_action)
        self.closed_action = QAction(self.tr("&Closed days …"), self)
        self.closed_action.triggered.connect(self.show_closed_days)
        plan_menu.addAction(self.closed_action)
        if self.can_plan():
            plan_menu.addSeparator()
            self.plan_action = QAction(self.tr("&Plan meetings 12 months ahead"), self)
            self.plan_action.triggered.connect(lambda: self.plan_ahead(quiet=False))
            plan_menu.addAction(self.plan_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.screen_safe_action.setCheckable(True)
        self.screen_safe_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.screen_safe_action.toggled.connect(self._set_screen_safe)
        view_menu.addAction(self.screen_safe_action)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("da", "Dansk"), ("en", "English")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(self.settings.language == code)
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            language_menu.addAction(action)
            self.language_actions[code] = action
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence("Ctrl+R"))  # F5 starts a meeting, in its window
        refresh.triggered.connect(self.refresh)
        view_menu.addAction(refresh)

    def toggle_screen_safe(self) -> None:
        self.screen_safe_action.toggle()

    def set_language(self, code: str) -> None:
        for other, action in self.language_actions.items():
            action.setChecked(other == code)
        if self.settings.language == code:
            return
        self.settings.language = code
        self.settings.sync()
        self.prompts.info(
            self,
            "Sprog / Language",
            "Sproget skifter, næste gang stevnsmoeder åbnes.\n"
            "The language changes the next time stevnsmoeder opens.",
        )

    def set_lock_minutes(self, idle: int) -> None:
        self.settings.lock_minutes = idle
        self.session_lock.set_idle_ms(idle * 60_000)
        for value, action in self.lock_minutes_actions.items():
            action.setChecked(value == idle)

    def _locked_out(self) -> None:
        """Too many wrong passwords at the lock screen: the session closes, asking nothing."""
        close_without_asking(list(self.meeting_windows.values()))
        self.close()

    def _set_screen_safe(self, on: bool) -> None:
        if self.cases_page is not None:
            self.cases_page.set_screen_safe(on)
        if self.search_page is not None:
            self.search_page.set_screen_safe()
        # Only the windows still open: a closed one would read (and log) the meeting again.
        for case_window in self.case_windows.values():
            if case_window.isVisible():
                case_window.set_screen_safe()
        self.start_page.set_screen_safe()
        for window in self.meeting_windows.values():
            if window.isVisible():
                window.reload()

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page in self._stale:
            self._stale.discard(page)
            if getattr(page, "loaded", True):
                page.reload_in_background()  # type: ignore[attr-defined]
        if page is self.meetings_page and not self.meetings_page.loaded:
            self.meetings_page.reload()
        followup = self.followup_page
        if page is followup and followup is not None and not followup.loaded:
            followup.reload()  # counting is logged too: only when asked to
        if page is self.audit_page and self.audit_page is not None and not self.audit_page.loaded:
            self.audit_page.reload()  # reading the log is logged: only when asked to
        if page is self.cases_page and self.cases_page is not None and not self.cases_page.loaded:
            # Opening the case list reads case data: it is loaded (and logged) only when shown.
            self.cases_page.reload()

    def change_own_password(self) -> None:
        """The user's own new password (see ui.admin.rekey.change_own_password)."""
        controller = getattr(self, "sync_controller", None)
        self.last_rekey = change_own_password(
            self, self.ctx, self.prompts, self.operations,
            changed=controller.password_changed if controller is not None else None,
        )  # fmt: skip

    def show_users(self) -> None:
        self.last_dialog = UsersDialog(self.ctx, self.prompts, self)
        self.last_dialog.open()

    def show_filing_classes(self) -> None:
        self.last_dialog = FilingClassesDialog(self.ctx, self.prompts, self)
        self.last_dialog.open()

    def open_meeting(self, summary: MeetingSummary) -> None:
        """Open the meeting's window (or bring it forward when it is open already)."""
        window = self.meeting_windows.get(summary.id)
        if window is not None and window.isVisible():
            window.raise_()
            window.activateWindow()
            return
        window = self.operations.fetch(
            lambda: MeetingWindow(
                self.ctx, summary.id, self.prompts, self, self.screen_safe_action.isChecked
            ),
            None,
            title=self.tr("Meetings"),
        )
        if window is not None:
            self.meeting_windows[summary.id] = window
            window.show()

    def open_meeting_by_id(self, meeting_id: uuid.UUID) -> None:
        self.operations.run(
            lambda: meetings.get_meeting_summary(self.ctx, meeting_id),
            title=self.tr("Meetings"),
            then=self.open_meeting,
        )

    def open_case(self, case_id: uuid.UUID) -> None:
        """Open the child's case page (or bring it forward); opening it is logged."""
        window = self.case_windows.get(case_id)
        if window is not None and window.isVisible():
            window.raise_()
            window.activateWindow()
            return
        window = self.operations.fetch(
            lambda: CaseWindow(
                self.ctx,
                case_id,
                self.prompts,
                self.open_meeting_by_id,
                self.screen_safe_action.isChecked,
            ),
            None,
            title=self.tr("Cases"),
        )
        if window is not None:
            self.case_windows[case_id] = window
            for hook in self.case_window_hooks:  # a connected laptop's Læg tilbage
                hook(window, case_id)
            window.show()

    def show_search(self) -> None:
        if self.search_page is not None:
            self.tabs.setCurrentWidget(self.search_page)
            self.search_page.query_edit.setFocus()
            self.search_page.query_edit.selectAll()

    def _changed(self, what: str, ident: object) -> None:
        if self._refreshing:
            return
        if what in (changes.ARRIVED, changes.MEETING, changes.CASE, changes.SERIES):
            self._refresh_in_view()

    def _refresh_in_view(self) -> None:
        """Rows changed elsewhere (arrived from the server, or changed in a meeting's or a
        case's window): the page in view reads them off the GUI thread, the others when
        they are shown (neither a sync nor typing in a meeting's window waits for pages no
        one sees, nor for the one in view)."""
        pages = [
            p for p in (self.start_page, self.calendar_page, self.meetings_page, self.cases_page)
            if p is not None
        ]  # fmt: skip
        shown = self.tabs.currentWidget()
        for page in pages:
            if page is shown:
                page.reload_in_background()  # the rows are read off the GUI thread
            else:
                self._stale.add(page)

    def refresh(self) -> None:
        """Read every page again at once (after the window's own planning change)."""
        self._stale.clear()
        self.start_page.reload()
        self.calendar_page.reload()
        if self.meetings_page.loaded:
            self.meetings_page.reload()
        if self.cases_page is not None and self.cases_page.loaded:
            self.cases_page.reload()

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in list(self.meeting_windows.values()):
            if not window.close():  # a running meeting asks first, hidden behind a lock too
                event.ignore()
                return
        self.session_lock.stop()
        changes.bus().changed.disconnect(self._changed)
        for case_window in list(self.case_windows.values()):
            case_window.close()
        windows = (self, *self.meeting_windows.values(), *self.case_windows.values())
        for owner in windows:  # a print preview left open
            for dialog in owner.findChildren(QDialog):
                if dialog.isVisible():
                    dialog.reject()
        self.settings.set_geometry(Settings.GEOMETRY, self.saveGeometry())
        self.settings.sync()
        if not self.database_gone:
            with contextlib.suppress(ServiceError):  # closing must not fail on a lost database
                access.logout(self.ctx)
        super().closeEvent(event)
        self.session_closed.emit()
