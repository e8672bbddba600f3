"""Search across minutes, decisions, actions, agenda titles and children's names.

Results appear as the user types: the query runs off the GUI thread a moment after the last
keystroke, and an answer that arrives after a newer query was started is dropped. The matched
words are shown in bold in each excerpt. Double-click (or Enter) opens the meeting; "Open
case" opens the child's case page. The best hits come first; "Vis flere" adds the next page
of the same search below them. An empty "to" date means "til nu": up to today.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.anonymise import Redactor, name_replacements
from stevnsmoeder.domain.dates import short_date
from stevnsmoeder.services import search
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.services.search import MARK_END, MARK_START, Hit
from stevnsmoeder.ui.common.forms import optional_date, optional_date_edit
from stevnsmoeder.ui.common.models import ROW_ROLE, Column, TableModel
from stevnsmoeder.ui.common.worker import run_in_thread

DEBOUNCE_MS = 250
HTML_ROLE = Qt.ItemDataRole.UserRole + 10


def snippet_html(snippet: str) -> str:
    """The excerpt as rich text: escaped, matched words in bold."""
    return escape(snippet).replace(MARK_START, "<b>").replace(MARK_END, "</b>")


class HtmlDelegate(QStyledItemDelegate):
    """Paints a column's HTML_ROLE text (bold matches) in the view's own colours."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        html = index.data(HTML_ROLE)
        if html is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(2)
        doc.setHtml(html)
        painter.save()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ctx.palette.setColor(
            QPalette.ColorRole.Text,
            opt.palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            ),
        )
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 8))


def safe_snippet(hit: Hit, screen_safe: bool) -> str:
    """The excerpt; in screen-safe mode with the child's name as initials there too."""
    if not screen_safe or not hit.child or hit.child == hit.child_initials:
        return hit.snippet
    redact = Redactor(name_replacements(hit.child, hit.child_initials), "[CPR]")
    return redact(hit.snippet)


class HitModel(TableModel[Hit]):
    """Search hits; the excerpt column also offers rich text under HTML_ROLE."""

    SNIPPET_COLUMN = 4

    def __init__(self, screen_safe: Callable[[], bool], parent: Any = None) -> None:
        super().__init__(hit_columns(screen_safe), parent)
        self._screen_safe = screen_safe

    def append_rows(self, hits: Sequence[Hit]) -> int:
        """Add a next page below the rows shown (an item already shown is not repeated);
        returns how many were added."""
        shown = {h.item_id for h in self._rows}
        new = [h for h in hits if h.item_id not in shown]
        if new:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._rows.extend(new)
            self.endInsertRows()
        return len(new)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == HTML_ROLE:
            if index.isValid() and index.column() == self.SNIPPET_COLUMN:
                hit = self.row_at(index.row())
                return snippet_html(safe_snippet(hit, self._screen_safe()))
            return None
        return super().data(index, role)


def hit_columns(screen_safe: Callable[[], bool]) -> list[Column[Hit]]:
    from PySide6.QtCore import QCoreApplication

    def child(h: Hit) -> str:
        return h.child_initials if screen_safe() else h.child

    return [
        Column(
            QCoreApplication.translate("search_view", "Date"),
            lambda h: short_date(h.starts_at.date()),
            lambda h: h.starts_at,
        ),
        Column(
            QCoreApplication.translate("search_view", "Meeting"),
            lambda h: h.type_name + (f", {h.district}" if h.district else ""),
        ),
        Column(QCoreApplication.translate("search_view", "Item"), lambda h: h.title),
        Column(QCoreApplication.translate("search_view", "Child"), child),
        Column(
            QCoreApplication.translate("search_view", "Excerpt"),
            lambda h: safe_snippet(h, screen_safe()).replace(MARK_START, "").replace(MARK_END, ""),
        ),
    ]


class SearchPage(QWidget):
    def __init__(
        self,
        ctx: ServiceContext,
        types: list[tuple[str, str]],
        districts: list[tuple[str, str]],
        level_labels: dict[int, str],
        open_meeting: Callable[[uuid.UUID], None],
        open_case: Callable[[uuid.UUID], None],
        screen_safe: Callable[[], bool],
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.open_meeting = open_meeting
        self.open_case = open_case
        self.screen_safe = screen_safe
        self._sequence = 0
        self.last_result: search.Result | None = None
        # The text and filters of the rows shown, for "Vis flere" (the fields may have changed)
        self._shown_query: tuple[str, search.Filters] | None = None
        self._next_offset = 0
        self.page_size = search.DEFAULT_LIMIT  # hits per page ("Vis flere" asks for the next)

        self.query_edit = QLineEdit()
        self.query_edit.setObjectName("search-text")
        self.query_edit.setClearButtonEnabled(True)
        self.query_edit.setPlaceholderText(
            self.tr('Search minutes, decisions, actions, children …  "a phrase", begin*, OR, -word')
        )
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("All meeting types"), None)
        for code, name in types:
            self.type_combo.addItem(name, code)
        self.district_combo = QComboBox()
        self.district_combo.addItem(self.tr("All districts"), None)
        for code, name in districts:
            self.district_combo.addItem(name, code)
        self.level_combo = QComboBox()
        self.level_combo.addItem(self.tr("All levels"), None)
        for level, label in sorted(level_labels.items()):
            self.level_combo.addItem(f"{level} – {label}", level)
        self.from_edit = optional_date_edit(self.tr("from the start"))
        self.to_edit = optional_date_edit(self.tr("until now"))
        self.open_check = QCheckBox(self.tr("Only with open actions"))

        self.model = HitModel(screen_safe, self)
        self.view = QTableView()
        self.view.setObjectName("search-results")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setResizeContentsPrecision(50)
        self.view.setItemDelegateForColumn(HitModel.SNIPPET_COLUMN, HtmlDelegate(self.view))
        self.view.doubleClicked.connect(lambda _i: self.open_selected_meeting())
        self.view.activated.connect(lambda _i: self.open_selected_meeting())
        self.status = QLabel()
        self.status.setObjectName("search-status")
        self.meeting_button = QPushButton(self.tr("Open meeting"))
        self.case_button = QPushButton(self.tr("Open case"))
        self.more_button = QPushButton(self.tr("Show more"))
        self.more_button.setObjectName("search-more")
        self.more_button.setToolTip(self.tr("The next hits of the same search, below these"))
        self.more_button.clicked.connect(self.show_more)
        self.meeting_button.clicked.connect(self.open_selected_meeting)
        self.case_button.clicked.connect(self.open_selected_case)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.query_edit.textChanged.connect(lambda _t: self.timer.start())
        self.query_edit.returnPressed.connect(self.run_search)
        for combo in (self.type_combo, self.district_combo, self.level_combo):
            combo.currentIndexChanged.connect(lambda _i: self.timer.start())
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self.timer.start())
        self.open_check.toggled.connect(lambda _b: self.timer.start())

        filters = QHBoxLayout()
        for widget in (self.type_combo, self.district_combo, self.level_combo):
            filters.addWidget(widget)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.to_edit)
        filters.addWidget(self.open_check)
        filters.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.more_button)
        bottom.addWidget(self.meeting_button)
        bottom.addWidget(self.case_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self._buttons()
        self.status.setText(self.tr("Type to search. Only what you may see is searched."))

    def filters(self) -> search.Filters:
        return search.Filters(
            type_code=self.type_combo.currentData(),
            district=self.district_combo.currentData(),
            start=optional_date(self.from_edit),
            end=optional_date(self.to_edit),
            level=self.level_combo.currentData(),
            open_actions=self.open_check.isChecked(),
        ).until_today(self.ctx.today())  # an empty "to" date reads "til nu"

    def run_search(self) -> None:
        """Start a search for the current text and filters; an older answer is dropped."""
        self.timer.stop()
        self._sequence += 1
        sequence = self._sequence
        text, filters = self.query_edit.text(), self.filters()
        if not text.strip():
            self.model.set_rows([])
            self.last_result = None
            self._shown_query = None
            self.status.setText(self.tr("Type to search. Only what you may see is searched."))
            self._buttons()
            return
        self.status.setText(self.tr("Searching …"))
        self._shown_query = None  # the rows shown are no longer the search to continue
        self.more_button.setEnabled(False)
        self._start(sequence, text, filters, 0)

    def show_more(self) -> None:
        """The next page of the search whose hits are shown, added below them."""
        if self.timer.isActive():  # typed since: that search first
            self.run_search()
            return
        result, query = self.last_result, self._shown_query
        if result is None or query is None or not result.truncated:
            return
        self._sequence += 1
        self.more_button.setEnabled(False)
        self.status.setText(self.tr("Searching …"))
        self._start(self._sequence, *query, self._next_offset)

    def _start(self, sequence: int, text: str, filters: search.Filters, offset: int) -> None:
        ctx, limit = self.ctx, self.page_size
        run_in_thread(
            self,
            lambda: search.search(ctx, text, filters, limit=limit, offset=offset),
            lambda result: self._show(sequence, result, filters),
            lambda exc: self._failed(sequence, exc),
        )

    def _show(self, sequence: int, result: search.Result, filters: search.Filters) -> None:
        if sequence != self._sequence:
            return  # a newer search is on its way
        self.last_result = result
        self._shown_query = (result.text, filters)
        self._next_offset = result.offset + len(result.hits)
        before = self.model.rowCount() if result.offset else 0
        if result.offset:
            self.model.append_rows(result.hits)
        else:
            self.model.set_rows(result.hits)
            self.view.resizeColumnsToContents()
            header = self.view.horizontalHeader()
            for column in range(header.count() - 1):
                header.resizeSection(column, min(header.sectionSize(column), 260))
        shown = self.model.rowCount()
        if result.message:
            self.status.setText(result.message)
        elif not shown:
            self.status.setText(self.tr("No hits."))
        else:
            text = self.tr("%n hits", "", shown)
            if result.truncated:
                text += " " + self.tr("(the best first; more with “Show more”)")
            self.status.setText(text)
        if shown > before:
            self.view.selectRow(before)  # the first hit, or the first of the next page
            self.view.scrollTo(self.view.currentIndex())
        self._buttons()

    def _failed(self, sequence: int, exc: BaseException) -> None:
        if sequence != self._sequence:
            return
        if isinstance(exc, ServiceError):
            self.status.setText(str(exc))
            self._buttons()
            return
        raise exc

    def selected(self) -> Hit | None:
        index = self.view.currentIndex()
        hit = index.data(ROW_ROLE) if index.isValid() else None
        return hit if isinstance(hit, Hit) else None

    def _buttons(self) -> None:
        hit = self.selected()
        self.meeting_button.setEnabled(hit is not None)
        self.case_button.setEnabled(hit is not None and hit.case_id is not None)
        result = self.last_result
        more = result is not None and result.truncated
        self.more_button.setVisible(more)
        self.more_button.setEnabled(more and self._shown_query is not None)

    def open_selected_meeting(self) -> None:
        hit = self.selected()
        if hit is not None:
            self.open_meeting(hit.meeting_id)

    def open_selected_case(self) -> None:
        hit = self.selected()
        if hit is not None and hit.case_id is not None:
            self.open_case(hit.case_id)

    def set_screen_safe(self) -> None:
        self.model.refresh()
