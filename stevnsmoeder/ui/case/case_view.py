"""The case page: one child's path across meetings, for review (PPR) and preparation.

Header with the child (initials and no CPR in screen-safe mode), age, school, district,
custody holders and the state of consent; the Trivselslinealen level over time as a small
chart with the intervention ladder shaded; open agreements (overdue first) and the next
follow-up; the timeline of every item about the child across meeting types, filterable by
type, with what was written, decided and agreed, and a way to the meeting itself. The page
only reads: every role that may see the case sees it read-only here.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import long_date, short_date
from stevnsmoeder.model.case_history import (
    CaseHistory,
    OpenAction,
    TimelineEntry,
)
from stevnsmoeder.services import case_history, documents, filing
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.case.level_chart import LevelChart, describe_moves
from stevnsmoeder.ui.case.timeline import action_columns, entry_html, timeline_columns
from stevnsmoeder.ui.common.document_preview import DocumentPreview
from stevnsmoeder.ui.common.forms import title_label
from stevnsmoeder.ui.common.models import ROW_ROLE, FilterProxy, TableModel
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen
from stevnsmoeder.ui.filing.filing_dialog import FilingDialog


def _table(model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    # One line a row, as tall as the text needs: a laptop shows more of a long history.
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setResizeContentsPrecision(50)
    return view


class CaseWindow(QWidget):
    def __init__(
        self,
        ctx: ServiceContext,
        case_id: uuid.UUID,
        prompts: Prompts,
        open_meeting: Callable[[uuid.UUID], None],
        screen_safe: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.ctx = ctx
        self.case_id = case_id
        self.prompts = prompts
        self.open_meeting = open_meeting
        self.screen_safe = screen_safe
        fit_to_screen(self, QSize(1280, 820))
        self.history: CaseHistory = case_history.case_history(ctx, case_id)  # logged

        self.heading = title_label()
        self.heading.setObjectName("case-heading")
        self.details = QLabel()
        self.closed = QLabel()  # a closed case says so, and since when
        self.closed.setObjectName("case-closed")
        self.closed.setStyleSheet("color: #6b6b6b; font-weight: bold;")
        self.details.setWordWrap(True)  # a long school name must not widen the window
        self.family = QLabel()
        self.family.setWordWrap(True)
        self.consent = QLabel()
        self.consent.setWordWrap(True)
        self.consent.setObjectName("consent-state")

        self.chart = LevelChart()
        self.moves = QLabel()
        self.moves.setWordWrap(True)
        self.moves.setObjectName("level-moves")
        self.actions_model: TableModel[OpenAction] = TableModel(action_columns(), self)
        self.actions_view = _table(self.actions_model)
        self.actions_view.setObjectName("open-actions")
        self.follow_up = QLabel()
        self.follow_up.setWordWrap(True)  # else it sets the left pane's least width

        self.type_combo = QComboBox()
        self.type_combo.setObjectName("type-filter")
        self.timeline_model: TableModel[TimelineEntry] = TableModel(timeline_columns(), self)
        self.timeline_proxy = FilterProxy(self.timeline_model, self)
        self.timeline_proxy.setFilterKeyColumn(1)
        self.timeline_view = _table(self.timeline_proxy)
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.setSortingEnabled(True)
        self.detail = QTextBrowser()
        self.detail.setObjectName("entry-detail")
        self.detail.setOpenLinks(False)
        self.goto_button = QPushButton(QCoreApplication.translate("case_view", "Go to the meeting"))
        self.print_button = QPushButton(
            QCoreApplication.translate("case_view", "Print case history …")
        )
        menu = QMenu(self.print_button)
        menu.addAction(QCoreApplication.translate("case_view", "Case history")).triggered.connect(
            lambda: self.preview(False)
        )
        menu.addAction(
            QCoreApplication.translate("case_view", "Case history, anonymised")
        ).triggered.connect(lambda: self.preview(True))
        self.print_button.setMenu(menu)
        self.file_button = QPushButton(QCoreApplication.translate("case_view", "File in ESDH …"))
        self.file_button.setObjectName("file-extract")
        self.file_button.clicked.connect(lambda: self.file_in_esdh())
        close = QPushButton(QCoreApplication.translate("case_view", "Close"))
        close.clicked.connect(self.close)
        self.goto_button.clicked.connect(self.go_to_meeting)
        self.timeline_view.doubleClicked.connect(lambda _i: self.go_to_meeting())
        self.timeline_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_entry())
        self.type_combo.currentIndexChanged.connect(self._filter)

        # layout
        header = QVBoxLayout()
        header.addWidget(self.heading)
        header.addWidget(self.details)
        header.addWidget(self.closed)
        header.addWidget(self.family)
        header.addWidget(self.consent)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(
            _section(QCoreApplication.translate("case_view", "Trivselslinealen over time"))
        )
        left_layout.addWidget(self.chart)
        left_layout.addWidget(self.moves)
        left_layout.addWidget(_section(QCoreApplication.translate("case_view", "Open agreements")))
        left_layout.addWidget(self.actions_view, 1)
        left_layout.addWidget(self.follow_up)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        filter_row = QHBoxLayout()
        filter_row.addWidget(_section(QCoreApplication.translate("case_view", "Timeline")))
        filter_row.addStretch(1)
        type_label = QLabel(QCoreApplication.translate("case_view", "&Meeting type:"))
        type_label.setBuddy(self.type_combo)
        filter_row.addWidget(type_label)
        filter_row.addWidget(self.type_combo)
        right_layout.addLayout(filter_row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.timeline_view)
        split.addWidget(self.detail)
        split.setSizes([400, 300])  # the list first: the chosen entry's text scrolls
        right_layout.addWidget(split, 1)
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(left)
        body.addWidget(right)
        body.setSizes([520, 760])
        buttons = QHBoxLayout()
        self.button_row = buttons  # a connected laptop adds its own (Læg tilbage)
        buttons.addWidget(self.goto_button)
        buttons.addStretch(1)
        buttons.addWidget(self.file_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(body, 1)
        layout.addLayout(buttons)
        self.last_preview: DocumentPreview | None = None
        self.show_history()

    # -- filling ---------------------------------------------------------------------------
    def show_history(self) -> None:
        h = self.history
        c = h.case
        safe = self.screen_safe()
        name = c.initials if safe else c.display_name
        # No case number for a child shown as "anonym drøftelse" (it is not the user's to know).
        title = f"{name} – {c.reference}" if c.reference else name
        self.setWindowTitle(title)
        self.heading.setText(title)
        parts = []
        if c.birth_date and not safe:
            parts.append(
                QCoreApplication.translate("case_view", "born %1").replace(
                    "%1", short_date(c.birth_date)
                )
            )
        if c.cpr_masked and not safe:
            parts.append(f"CPR {c.cpr_masked}")
        if h.age is not None:
            parts.append(QCoreApplication.translate("case_view", "%n years", "", h.age))
        parts += [p for p in (c.institution, h.grade, c.district or "") if p]
        if c.level:
            parts.append(
                QCoreApplication.translate("case_view", "Level now")
                + f": {c.level} – {c.level_label}"
            )
        self.details.setText(" · ".join(parts))
        if h.closed_on is not None:
            self.closed.setText(
                QCoreApplication.translate("case_view", "The case was closed on %1.").replace(
                    "%1", long_date(h.closed_on)
                )
            )
        self.closed.setVisible(h.closed_on is not None)
        holders = [
            (h_.relation or h_.name)
            if safe
            else (f"{h_.name} ({h_.relation})" if h_.relation else h_.name)
            for h_ in h.holders
        ]
        self.family.setText(
            QCoreApplication.translate("case_view", "Custody holders") + ": " + ", ".join(holders)
            if holders
            else QCoreApplication.translate("case_view", "No custody holders recorded.")
        )
        self._show_consent()
        self.chart.set_data(h.levels, h.scale, h.generated_at.date())
        self.moves.setText(describe_moves(h.levels))
        self.actions_model.set_rows(h.open_actions)
        _fit_columns(self.actions_view, 220)
        if h.follow_ups:
            f = h.follow_ups[0]
            self.follow_up.setText(
                QCoreApplication.translate("case_view", "Next follow-up")
                + f": {long_date(f.day)} ({f.meeting_type}: {f.title})"
            )
        else:
            self.follow_up.setText(QCoreApplication.translate("case_view", "No follow-up is set."))
        self.type_combo.blockSignals(True)
        self.type_combo.clear()
        self.type_combo.addItem(QCoreApplication.translate("case_view", "All meeting types"), None)
        for code, type_name in h.meeting_types:
            self.type_combo.addItem(type_name, code)
        self.type_combo.blockSignals(False)
        self.timeline_model.set_rows(h.entries)
        self.timeline_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        _fit_columns(self.timeline_view, 240)
        self._select_latest_held()

    def _select_latest_held(self) -> None:
        """The newest item that was discussed (not one still to come) is shown first."""
        rows = self.timeline_proxy.rowCount()
        for row in range(rows):
            entry = self.timeline_proxy.index(row, 0).data(ROW_ROLE)
            if isinstance(entry, TimelineEntry) and entry.held:
                self.timeline_view.selectRow(row)
                break
        else:
            if rows:
                self.timeline_view.selectRow(0)
        self._show_entry()

    def _show_consent(self) -> None:
        h = self.history
        if h.case.anonymous:
            self.consent.setText(
                QCoreApplication.translate(
                    "case_view", "Anonymous case: discussed without consent."
                )
            )
            return
        lines = []
        for cs in h.consents:
            info = cs.info
            until = (
                short_date(info.expires_on)
                if info.expires_on
                else QCoreApplication.translate("case_view", "no expiry")
            )
            who = info.relation if self.screen_safe() else info.holder
            state = {
                "valid": QCoreApplication.translate("case_view", "valid"),
                "expiring": QCoreApplication.translate("case_view", "expires soon"),
                "expired": QCoreApplication.translate("case_view", "expired"),
                "withdrawn": QCoreApplication.translate("case_view", "withdrawn"),
                "future": QCoreApplication.translate("case_view", "not yet in force"),
            }[cs.state]
            text = (
                QCoreApplication.translate("case_view", "Consent from")
                + f" {who}, {short_date(info.given_on)}–{until}: {state}"
            )
            colour = "#b00020" if cs.state in ("expired", "withdrawn") else (
                "#8a5a00" if cs.state == "expiring" else "#1b5e20"
            )  # fmt: skip
            lines.append(f"<span style='color:{colour}'>{escape(text)}</span>")
        if not any(cs.state in ("valid", "expiring") for cs in h.consents):
            lines.append(
                "<span style='color:#b00020'><b>"
                + escape(
                    QCoreApplication.translate(
                        "case_view",
                        "No valid consent: discuss on another legal basis or anonymously.",
                    )
                )
                + "</b></span>"
            )
        self.consent.setText("<br>".join(lines))

    def _filter(self) -> None:
        code = self.type_combo.currentData()
        name = "" if code is None else self.type_combo.currentText()
        self.timeline_proxy.setFilterFixedString(name)
        self._select_latest_held()

    def selected_entry(self) -> TimelineEntry | None:
        index = self.timeline_view.currentIndex()
        if not index.isValid():
            return None
        entry = index.data(ROW_ROLE)
        return entry if isinstance(entry, TimelineEntry) else None

    def _show_entry(self) -> None:
        entry = self.selected_entry()
        self.goto_button.setEnabled(entry is not None)
        self.file_button.setEnabled(entry is not None and entry.filing is not None)
        self.detail.setHtml(entry_html(entry) if entry else "")

    # -- actions ---------------------------------------------------------------------------
    def go_to_meeting(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.open_meeting(entry.meeting_id)

    def preview(self, anonymised: bool) -> DocumentPreview:
        ctx, case_id = self.ctx, self.case_id

        def build() -> tuple[bytes, int, str]:
            done = documents.render_case(ctx, case_id, anonymised=anonymised)
            return done.data, done.pages, done.file_name

        title = (
            QCoreApplication.translate("case_view", "Case history, anonymised")
            if anonymised
            else QCoreApplication.translate("case_view", "Case history")
        )
        reference = self.history.case.reference

        def archival() -> tuple[bytes, str]:
            made = filing.archival_case_history(ctx, case_id, anonymised=anonymised)
            return made.data, made.file_name

        dialog = DocumentPreview(
            f"{title} – {reference}" if reference else title, build, self.prompts, self, archival
        )
        self.last_preview = dialog
        dialog.open()
        return dialog

    def file_in_esdh(self) -> FilingDialog | None:
        """*Arkivér i ESDH …* for the chosen item's meeting: the child's extract."""
        entry = self.selected_entry()
        if entry is None or entry.filing is None:
            return None
        dialog = FilingDialog(
            self.ctx, entry.meeting_id, entry.meeting_title, self.prompts, self,
            case_id=self.case_id,
        )  # fmt: skip
        dialog.finished.connect(lambda _result: self._refresh())
        self.last_filing = dialog
        dialog.open()
        return dialog

    def _refresh(self) -> None:
        """Read the history again (the filing state changed), keeping the chosen item."""
        entry = self.selected_entry()
        self.history = case_history.case_history(self.ctx, self.case_id)
        self.show_history()
        if entry is not None:
            for row in range(self.timeline_proxy.rowCount()):
                shown = self.timeline_proxy.index(row, 0).data(ROW_ROLE)
                if isinstance(shown, TimelineEntry) and shown.item_id == entry.item_id:
                    self.timeline_view.selectRow(row)
                    break

    def set_screen_safe(self) -> None:
        self.show_history()


def _fit_columns(view: QTableView, cap: int) -> None:
    """Columns as wide as their contents, none wider than ``cap`` (the last one stretches)."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        if header.sectionSize(column) > cap:
            header.resizeSection(column, cap)


def _section(text: str) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label
