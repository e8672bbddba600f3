"""The main window: meetings and cases for the logged-in user."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import long_date, short_date, week_label
from stevnsmoeder.model.cases import CaseSummary
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import (
    access,
    calendar_export,
    cases,
    meetings,
    minutes,
    overview,
    people,
    reference_data,
    series,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.services.meetings import MeetingSummary
from stevnsmoeder.services.permissions import Permission, allowed
from stevnsmoeder.ui.access.lock import SessionLock
from stevnsmoeder.ui.access.session import add_leave_actions, close_without_asking
from stevnsmoeder.ui.admin.audit_view import AuditPage
from stevnsmoeder.ui.admin.users_dialog import UsersDialog, rekey_in_background
from stevnsmoeder.ui.case.case_view import CaseWindow
from stevnsmoeder.ui.common import changes, keys
from stevnsmoeder.ui.common.forms import FormDialog, title_label
from stevnsmoeder.ui.common.models import (
    ROW_ROLE,
    Column,
    FilterProxy,
    TableModel,
    case_columns,
    compact_meeting_columns,
    meeting_columns,
)
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen
from stevnsmoeder.ui.common.settings import Settings
from stevnsmoeder.ui.common.worker import run_in_thread
from stevnsmoeder.ui.followup.followup_page import FollowUpPage
from stevnsmoeder.ui.main.awaiting_approval import AwaitingApprovalSection
from stevnsmoeder.ui.main.calendar_view import CalendarPage
from stevnsmoeder.ui.meeting.meeting_window import MeetingWindow
from stevnsmoeder.ui.planning.planning_dialogs import (
    ClosedPeriodsDialog,
    FtmDialog,
    MoveDialog,
    NewSeriesDialog,
    ParticipantDialog,
    RuleDialog,
    SeriesDialog,
)
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


def _stretch(view: QTableView, column: int) -> None:
    """Let one text column take the spare width (instead of the last, often a number)."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


RESIZE_ROWS = 50


def _table(proxy: FilterProxy) -> QTableView:
    view = QTableView()
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Fitting columns to their contents looks at the first rows only: years of meetings
    # would otherwise be measured one by one.
    view.horizontalHeader().setResizeContentsPrecision(RESIZE_ROWS)
    return view


class StartPage(QWidget):
    """Today's and the rest of this week's meetings, open actions due soon and consents
    about to expire, for the logged-in user."""

    def __init__(
        self,
        ctx: ServiceContext,
        prompts: Prompts,
        open_meeting: Callable[[MeetingSummary], None],
        screen_safe: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.prompts = prompts
        self.screen_safe = screen_safe
        today = ctx.today()
        greeting = title_label(
            self.tr("Welcome, %1").replace("%1", ctx.actor.display_name or ctx.actor.login), 1.5
        )
        self.date_label = QLabel(
            self.tr("Today is %1 (%2)")
            .replace("%1", long_date(today))
            .replace("%2", week_label(today))
        )
        self.today_model: TableModel[MeetingSummary] = TableModel(
            compact_meeting_columns(with_day=False), self
        )
        self.week_model: TableModel[MeetingSummary] = TableModel(
            compact_meeting_columns(with_day=True), self
        )
        self.today_view = _table(FilterProxy(self.today_model, self))
        self.today_view.setObjectName("today")
        self.week_view = _table(FilterProxy(self.week_model, self))
        self.week_view.setObjectName("this-week")
        for view in (self.today_view, self.week_view):
            view.doubleClicked.connect(lambda index: _open_row(index, open_meeting))
            view.activated.connect(lambda index: _open_row(index, open_meeting))
        self.today_heading = QLabel()
        self.week_heading = QLabel()

        def child(row: overview.DueAction | overview.ExpiringConsent) -> str:
            return row.case_initials if self.screen_safe() else row.case_name

        def due(a: overview.DueAction) -> str:
            late = " – " + self.tr("overdue") if a.overdue else ""
            return short_date(a.due_on) + late

        self.actions_model: TableModel[overview.DueAction] = TableModel(
            [
                Column(self.tr("Deadline"), due, lambda a: a.due_on),
                Column(self.tr("Child"), child),
                Column(self.tr("Who"), lambda a: a.owner),
                Column(self.tr("What"), lambda a: a.text, tooltip=lambda a: a.text),
            ],
            self,
        )
        self.consents_model: TableModel[overview.ExpiringConsent] = TableModel(
            [
                Column(
                    self.tr("Expires"), lambda c: short_date(c.expires_on), lambda c: c.expires_on
                ),
                Column(self.tr("Child"), child),
                Column(self.tr("Given by"), lambda c: c.holder),
            ],
            self,
        )
        self.actions_view = _table(FilterProxy(self.actions_model, self))
        self.actions_view.setObjectName("due-actions")
        self.consents_view = _table(FilterProxy(self.consents_model, self))
        self.consents_view.setObjectName("expiring-consents")
        _stretch(self.today_view, 1)
        _stretch(self.week_view, 2)
        _stretch(self.actions_view, 3)
        _stretch(self.consents_view, 2)
        self.actions_heading = QLabel()
        self.consents_heading = QLabel()
        self.done_button = QPushButton(self.tr("Mark the chosen action done"))
        self.done_button.clicked.connect(self.mark_done)
        self.done_button.setVisible(allowed(ctx, Permission.EDIT_MEETINGS))
        meetings_box = QVBoxLayout()
        meetings_box.addWidget(self.today_heading)
        meetings_box.addWidget(self.today_view, 1)
        meetings_box.addWidget(self.week_heading)
        meetings_box.addWidget(self.week_view, 2)
        self.awaiting_approval = AwaitingApprovalSection(ctx, prompts, open_meeting, self)
        meetings_box.addWidget(self.awaiting_approval, 1)
        attention_box = QVBoxLayout()
        attention_box.addWidget(self.actions_heading)
        attention_box.addWidget(self.actions_view, 2)
        attention_box.addWidget(self.done_button)
        attention_box.addWidget(self.consents_heading)
        attention_box.addWidget(self.consents_view, 1)
        columns = QHBoxLayout()
        columns.addLayout(meetings_box, 1)
        columns.addLayout(attention_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(greeting)
        layout.addWidget(self.date_label)
        layout.addSpacing(8)
        layout.addLayout(columns, 1)
        self.reload()

    def mark_done(self) -> None:
        action = _selected(self.actions_view)
        if not isinstance(action, overview.DueAction):
            self.prompts.info(
                self, self.tr("Start"), self.tr("Choose an action in the list first.")
            )
            return
        note = self.prompts.text(
            self,
            self.tr("Mark done"),
            self.tr("Note, or the final decision for a next step (may be left empty):"),
        )
        if note is None:
            return
        try:
            minutes.complete_action(self.ctx, action.id, self.ctx.today(), note)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Start"), str(exc))
            return
        self.reload()

    def reload(self) -> None:
        today = self.ctx.today()
        sunday = today + timedelta(days=6 - today.weekday())
        try:
            found = meetings.list_meetings(self.ctx, start=today, end=sunday)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Meetings"), str(exc))
            found = []
        todays = [m for m in found if m.starts_at.date() == today]
        later = [m for m in found if m.starts_at.date() > today]
        self.today_model.set_rows(todays)
        self.week_model.set_rows(later)
        today_word = self.tr("Today")
        later_word = self.tr("Later this week")
        self.today_heading.setText(
            f"<b>{today_word}</b> – "
            + (self.tr("%n meetings", "", len(todays)) if todays else self.tr("no meetings today"))
        )
        self.week_heading.setText(
            f"<b>{later_word}</b> – " + self.tr("%n meetings", "", len(later))
        )
        for view in (self.today_view, self.week_view):
            view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.awaiting_approval.reload()
        try:
            seen = overview.attention(self.ctx)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Start"), str(exc))
            seen = overview.Attention((), ())
        self.actions_model.set_rows(seen.actions)
        self.consents_model.set_rows(seen.consents)
        overdue = sum(1 for a in seen.actions if a.overdue)
        actions_word = self.tr("Actions due within two weeks")
        consents_word = self.tr("Consents that expire within a month")
        self.actions_heading.setText(
            f"<b>{actions_word}</b> – "
            + self.tr("%1, of them %2 overdue")
            .replace("%1", str(len(seen.actions)))
            .replace("%2", str(overdue))
        )
        self.consents_heading.setText(f"<b>{consents_word}</b> – {len(seen.consents)}")
        for view in (self.actions_view, self.consents_view):
            view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        has_cases = allowed(self.ctx, Permission.VIEW_CASES)
        for widget in (
            self.actions_heading,
            self.actions_view,
            self.consents_heading,
            self.consents_view,
        ):
            widget.setVisible(has_cases)


def _selected(view: QTableView) -> object | None:
    rows = view.selectionModel().selectedRows()
    return rows[0].data(ROW_ROLE) if rows else None


def _open_row(index: QModelIndex, open_meeting: Callable[[MeetingSummary], None]) -> None:
    row = index.data(ROW_ROLE)
    if row is not None:
        open_meeting(row)


class MeetingsPage(QWidget):
    def __init__(
        self,
        ctx: ServiceContext,
        prompts: Prompts,
        open_meeting: Callable[[MeetingSummary], None],
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.prompts = prompts
        self.model: TableModel[meetings.MeetingSummary] = TableModel(meeting_columns(), self)
        self.proxy = FilterProxy(self.model, self)
        self.view = _table(self.proxy)
        self.view.setObjectName("meetings")
        self.view.doubleClicked.connect(lambda index: _open_row(index, open_meeting))
        self.view.activated.connect(lambda index: _open_row(index, open_meeting))

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter meetings …"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("All meeting types"), None)
        for mt in reference_data.meeting_types(ctx):
            self.type_combo.addItem(mt.name, mt.code)
        self.type_combo.currentIndexChanged.connect(self.reload)
        self.past_check = QCheckBox(self.tr("Show earlier meetings"))
        self.past_check.toggled.connect(self.reload)

        today = ctx.today()
        self.heading = QLabel(
            self.tr("Today is %1 (%2)")
            .replace("%1", long_date(today))
            .replace("%2", week_label(today))
        )
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 2)
        filters.addWidget(self.type_combo, 1)
        filters.addWidget(self.past_check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        self.loaded = False  # loaded when first shown: the start page comes up sooner

    def reload(self) -> None:
        self.loaded = True
        start = None if self.past_check.isChecked() else self.ctx.today() - timedelta(days=7)
        try:
            rows = meetings.list_meetings(
                self.ctx, start=start, type_code=self.type_combo.currentData()
            )
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Meetings"), str(exc))
            rows = []
        self.model.set_rows(rows)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.resizeColumnsToContents()


class CasesPage(QWidget):
    def __init__(
        self,
        ctx: ServiceContext,
        prompts: Prompts,
        new_ftm: Callable[[CaseSummary], None] | None = None,
        open_case: Callable[[uuid.UUID], None] | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.prompts = prompts
        self.screen_safe = False
        self.model: TableModel[CaseSummary] = TableModel(
            case_columns(lambda: self.screen_safe), self
        )
        self.proxy = FilterProxy(self.model, self)
        self.view = _table(self.proxy)
        self.view.setObjectName("cases")
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter cases by name, case no., school …"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        self.ftm_button = QPushButton(self.tr("New family team meeting …"))
        self.ftm_button.setVisible(new_ftm is not None)
        if new_ftm is not None:
            self.ftm_button.clicked.connect(lambda: self._selected(new_ftm))
        top.addWidget(self.ftm_button)
        self.open_button = QPushButton(self.tr("&Open case"))
        self.open_button.setVisible(open_case is not None)
        if open_case is not None:
            self.open_button.clicked.connect(lambda: self._selected(lambda c: open_case(c.id)))
            self.view.doubleClicked.connect(lambda _i: self._selected(lambda c: open_case(c.id)))
            self.view.activated.connect(lambda _i: self._selected(lambda c: open_case(c.id)))
            keys.lead_into_list(  # Down: into the list; Enter: open the chosen (or first) case
                self.filter_edit, self.view, lambda: self._selected(lambda c: open_case(c.id))
            )
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self.loaded = False

    def _selected(self, then: Callable[[CaseSummary], None]) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.prompts.info(self, self.tr("Cases"), self.tr("Choose a child in the list first."))
            return
        then(rows[0].data(ROW_ROLE))

    def reload(self) -> None:
        try:
            rows = cases.list_cases(self.ctx)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Cases"), str(exc))
            rows = []
        self.model.set_rows(rows)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.view.resizeColumnsToContents()
        self.loaded = True

    def set_screen_safe(self, on: bool) -> None:
        self.screen_safe = on
        self.model.set_rows([self.model.row_at(r) for r in range(self.model.rowCount())])


class MainWindow(QMainWindow):
    session_closed = Signal()  # closed and logged out (see ui/session.py)

    def __init__(self, ctx: ServiceContext, prompts: Prompts | None = None) -> None:
        super().__init__()
        self.next_login: str | None = None  # set when leaving for the login window
        self.ctx = ctx
        self.prompts = prompts or Prompts()
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
        changes.bus().changed.connect(self._changed)
        self.setCentralWidget(self.tabs)

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
        self.start_page.reload()
        for window in self.meeting_windows.values():
            if window.isVisible():
                window.reload()

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
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

    # -- planning ----------------------------------------------------------------------------
    def can_plan(self) -> bool:
        return allowed(self.ctx, Permission.EDIT_MEETINGS)

    def _try(self, title: str, call: Callable[[], object]) -> bool:
        """Run a service call; a known problem becomes a message. True when it worked."""
        try:
            call()
        except ServiceError as exc:
            self.prompts.error(self, title, str(exc))
            return False
        self._planned()
        return True

    def _planned(self) -> None:
        """After a planning change: the lists, and any open meeting window, show it."""
        self.refresh()
        self._refreshing = True
        try:
            changes.bus().announce(changes.MEETING)  # open meeting windows reload
        finally:
            self._refreshing = False

    def _in_place(self, dialog: FormDialog, call: Callable[[], object]) -> bool:
        """Run ``dialog``; its OK runs ``call``, whose refusal the dialog shows in place."""

        def submit() -> None:
            call()

        dialog.submit = submit
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self._planned()
        return True

    def plan_ahead(self, *, quiet: bool) -> None:
        """Create the series' meetings a year ahead (off the GUI thread; idempotent)."""
        ctx = self.ctx

        def done(report: series.GenerateReport) -> None:
            self.refresh()
            if not quiet:
                self.prompts.info(
                    self,
                    self.tr("Planning"),
                    self.tr(
                        "%1 created, %2 of them moved for a holiday; %3 skipped for closed days."
                    )
                    .replace("%1", self.tr("%n meetings", "", report.created))
                    .replace("%2", str(report.moved))
                    .replace("%3", str(report.skipped)),
                )

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ServiceError):
                self.prompts.error(self, self.tr("Planning"), str(exc))
            else:
                raise exc

        self.plan_thread = run_in_thread(self, lambda: series.generate(ctx), done, failed)

    def move_meeting(self, summary: MeetingSummary) -> bool:
        dialog = MoveDialog(
            summary.title,
            summary.starts_at,
            lambda when: series.move_warnings(self.ctx, when),
            self,
        )
        return self._in_place(
            dialog, lambda: series.move_meeting(self.ctx, summary.id, *dialog.value())
        )

    def cancel_meeting(self, summary: MeetingSummary) -> bool:
        reason = self.prompts.text(
            self, self.tr("Cancel meeting"), self.tr("Why is the meeting cancelled?")
        )
        if reason is None:
            return False
        return self._try(
            self.tr("Cancel meeting"),
            lambda: series.cancel_meeting(self.ctx, summary.id, reason),
        )

    def add_participant(self, summary: MeetingSummary) -> bool:
        dialog = ParticipantDialog(people.list_people(self.ctx), people.list_roles(self.ctx), self)
        return self._in_place(
            dialog,
            lambda: series.add_participant(self.ctx, summary.id, *dialog.value()),  # type: ignore[arg-type]
        )

    def _export(self, suggested: str, **which: object) -> None:
        path = self.prompts.save_path(
            self,
            self.tr("Export to calendar"),
            Path.home() / suggested,
            self.tr("Calendar files (*.ics)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        try:
            count = calendar_export.write_ics(self.ctx, path, **which)  # type: ignore[arg-type]
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Export to calendar"), str(exc))
            return
        except OSError as exc:
            self.prompts.error(
                self,
                self.tr("Export to calendar"),
                self.tr("Could not write %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or ""),
            )
            return
        self.statusBar().showMessage(
            self.tr("%n meetings written to %1", "", count).replace("%1", str(path)),
            8000,
        )

    def export_meeting(self, summary: MeetingSummary) -> None:
        self._export(f"møde-{summary.starts_at:%Y-%m-%d}.ics", meeting_id=summary.id)

    def export_my_meetings(self) -> None:
        self._export("mine-møder.ics", mine=True)

    def show_series(self) -> None:
        def change(info: series.SeriesInfo) -> Sequence[series.SeriesInfo] | None:
            dialog = RuleDialog(info, self.ctx.today(), self)

            def change_it() -> None:
                rule, at, day = dialog.value()
                series.change_rule(self.ctx, info.id, day, rule, start_time=at)

            ok = self._in_place(dialog, change_it)
            return series.list_series(self.ctx) if ok else None

        def create() -> Sequence[series.SeriesInfo] | None:
            dialog = NewSeriesDialog(
                reference_data.meeting_types(self.ctx),
                reference_data.districts(self.ctx),
                people.list_people(self.ctx),
                people.list_roles(self.ctx),
                self.ctx.today(),
                self,
            )

            def make() -> None:
                series.create_series(
                    self.ctx, dialog.value(), plan_days=series.DEFAULT_HORIZON_DAYS
                )

            ok = self._in_place(dialog, make)
            return series.list_series(self.ctx) if ok else None

        try:
            found = series.list_series(self.ctx)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Meeting series"), str(exc))
            return
        self.last_dialog: QDialog = SeriesDialog(
            found,
            change=change if self.can_plan() else None,
            create=create if self.can_plan() else None,
            export=lambda info: self._export(f"{info.title}.ics", series_id=info.id),
            parent=self,
        )
        self.last_dialog.open()

    def change_own_password(self) -> None:
        """The user's own new password (after a reset, at once): the current one, then the
        new one twice; the database gets a new key meanwhile (off the GUI thread)."""
        title = self.tr("Change my password")
        current = self.prompts.password(self, title, self.tr("Your current password:"))
        if current is None:
            return
        new = self.prompts.new_password(
            self,
            title,
            self.tr(
                "Your new password: at least 12 characters, best a few words that belong "
                "together only for you."
            ),
        )
        if new is None:
            return
        ctx = self.ctx
        self.last_rekey = rekey_in_background(
            self,
            self.prompts,
            title,
            lambda progress: access.change_password(ctx, current, new, progress=progress),
            lambda _report: self.prompts.info(self, title, self.tr("Your password is changed.")),
        )

    def show_users(self) -> None:
        self.last_dialog = UsersDialog(self.ctx, self.prompts, self)
        self.last_dialog.open()

    def show_closed_days(self) -> None:
        def add(first: date, last: date, reason: str, yearly: bool) -> list:  # type: ignore[type-arg]
            series.add_closed_period(self.ctx, first, last, reason, yearly=yearly)  # may refuse
            self._planned()
            return series.list_closed_periods(self.ctx)

        self.last_dialog = ClosedPeriodsDialog(
            series.list_closed_periods(self.ctx), add, self.can_plan(), self, today=self.ctx.today()
        )
        self.last_dialog.open()

    def new_ftm(self, child: CaseSummary) -> None:
        name = child.initials if self.screen_safe_action.isChecked() else child.display_name
        start = datetime.combine(self.ctx.today() + timedelta(days=7), time(9, 0))
        dialog = FtmDialog(name, start, self)

        def create() -> None:
            moment, place = dialog.value()
            meetings.create_ftm_for_case(self.ctx, child.id, moment, place=place)

        self._in_place(dialog, create)

    def open_meeting(self, summary: MeetingSummary) -> None:
        """Open the meeting's window (or bring it forward when it is open already)."""
        window = self.meeting_windows.get(summary.id)
        if window is not None and window.isVisible():
            window.raise_()
            window.activateWindow()
            return
        try:
            window = MeetingWindow(
                self.ctx,
                summary.id,
                self.prompts,
                self,
                self.screen_safe_action.isChecked,
            )
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Meetings"), str(exc))
            return
        self.meeting_windows[summary.id] = window
        window.show()

    def open_meeting_by_id(self, meeting_id: uuid.UUID) -> None:
        try:
            summary = meetings.get_meeting_summary(self.ctx, meeting_id)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Meetings"), str(exc))
            return
        self.open_meeting(summary)

    def open_case(self, case_id: uuid.UUID) -> None:
        """Open the child's case page (or bring it forward); opening it is logged."""
        window = self.case_windows.get(case_id)
        if window is not None and window.isVisible():
            window.raise_()
            window.activateWindow()
            return
        try:
            window = CaseWindow(
                self.ctx,
                case_id,
                self.prompts,
                self.open_meeting_by_id,
                self.screen_safe_action.isChecked,
            )
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Cases"), str(exc))
            return
        self.case_windows[case_id] = window
        window.show()

    def show_search(self) -> None:
        if self.search_page is not None:
            self.tabs.setCurrentWidget(self.search_page)
            self.search_page.query_edit.setFocus()
            self.search_page.query_edit.selectAll()

    def _changed(self, what: str, ident: object) -> None:
        if not self._refreshing and what in (changes.MEETING, changes.CASE, changes.SERIES):
            self.refresh()

    def refresh(self) -> None:
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
        with contextlib.suppress(ServiceError):  # closing must not fail on a lost database
            access.logout(self.ctx)
        super().closeEvent(event)
        self.session_closed.emit()
