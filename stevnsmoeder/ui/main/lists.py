"""The main window's lists: every meeting (filtered by type, earlier ones on request) and
every case the user may see; and the table helpers the start page shares."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import long_date, week_label
from stevnsmoeder.model.cases import CaseSummary
from stevnsmoeder.services import cases, meetings, reference_data
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.meetings import MeetingSummary
from stevnsmoeder.ui.common import keys
from stevnsmoeder.ui.common.loading import Loader
from stevnsmoeder.ui.common.models import (
    ROW_ROLE,
    FilterProxy,
    TableModel,
    case_columns,
    meeting_columns,
)
from stevnsmoeder.ui.common.operations import Operations
from stevnsmoeder.ui.common.prompts import Prompts

T = TypeVar("T")


def stretch(view: QTableView, column: int) -> None:
    """Let one text column take the spare width (instead of the last, often a number)."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


RESIZE_ROWS = 50


def list_table(proxy: FilterProxy) -> QTableView:
    """A sortable list of whole rows, one chosen at a time."""
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


def selected_row(view: QTableView) -> object | None:
    """The row chosen in ``view``: its dataclass."""
    rows = view.selectionModel().selectedRows()
    return rows[0].data(ROW_ROLE) if rows else None


def show_rows(view: QTableView, model: TableModel[T], rows: Sequence[T], column: int) -> None:
    """Show a page's rows sorted by ``column``; columns fitted to new rows (not to the same
    rows arriving again, which would move the columns the user widened)."""
    if model.set_rows(rows):
        view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        view.resizeColumnsToContents()


def open_row(index: QModelIndex, open_meeting: Callable[[MeetingSummary], None]) -> None:
    """Open the meeting of a row (double-click, Enter)."""
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
        self.operations = Operations(self, prompts, self.tr("Meetings"))
        self.model: TableModel[meetings.MeetingSummary] = TableModel(meeting_columns(), self)
        self.proxy = FilterProxy(self.model, self)
        self.view = list_table(self.proxy)
        self.view.setObjectName("meetings")
        self.view.doubleClicked.connect(lambda index: open_row(index, open_meeting))
        self.view.activated.connect(lambda index: open_row(index, open_meeting))

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
        self.loader = Loader(self, self._prepare, self._show, self.operations.refuse)
        self.loaded = False  # loaded when first shown: the start page comes up sooner

    def reload(self) -> None:
        """Read and show at once."""
        self.loaded = True
        self.loader.now()

    def reload_in_background(self) -> None:
        """Read off the GUI thread (rows arrived); only the showing runs on it."""
        self.loaded = True
        self.loader.in_background()

    def _prepare(self) -> Callable[[], list[MeetingSummary]]:
        ctx, type_code = self.ctx, self.type_combo.currentData()
        start = None if self.past_check.isChecked() else ctx.today() - timedelta(days=7)
        return lambda: meetings.list_meetings(ctx, start=start, type_code=type_code)

    def _show(self, rows: list[MeetingSummary]) -> None:
        show_rows(self.view, self.model, rows, 0)


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
        self.operations = Operations(self, prompts, self.tr("Cases"))
        self.screen_safe = False
        self.model: TableModel[CaseSummary] = TableModel(
            case_columns(lambda: self.screen_safe), self
        )
        self.proxy = FilterProxy(self.model, self)
        self.view = list_table(self.proxy)
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
        self.loader = Loader(self, self._prepare, self._show, self.operations.refuse)
        self.loaded = False

    def _selected(self, then: Callable[[CaseSummary], None]) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            self.prompts.info(self, self.tr("Cases"), self.tr("Choose a child in the list first."))
            return
        then(rows[0].data(ROW_ROLE))

    def reload(self) -> None:
        """Read and show at once."""
        self.loaded = True
        self.loader.now()

    def reload_in_background(self) -> None:
        """Read off the GUI thread (rows arrived); only the showing runs on it."""
        self.loaded = True
        self.loader.in_background()

    def _prepare(self) -> Callable[[], list[CaseSummary]]:
        ctx = self.ctx
        return lambda: cases.list_cases(ctx)

    def _show(self, rows: list[CaseSummary]) -> None:
        show_rows(self.view, self.model, rows, 1)

    def set_screen_safe(self, on: bool) -> None:
        self.screen_safe = on
        self.model.refresh()
