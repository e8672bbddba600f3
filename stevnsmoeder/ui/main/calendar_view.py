"""The calendar: a month or week grid with ISO week numbers, filtered by meeting type and
district; the chosen day's meetings below it. Double-click opens a meeting."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import DA_MONTHS, EN_MONTHS, clock, iso_week, long_date
from stevnsmoeder.i18n import language
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import meetings, reference_data
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.meetings import MeetingSummary
from stevnsmoeder.services.reference_data import DEFAULT_COLOUR
from stevnsmoeder.ui.common.loading import Loader
from stevnsmoeder.ui.common.models import ROW_ROLE, FilterProxy, TableModel, meeting_columns
from stevnsmoeder.ui.common.operations import Operations
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.main.lists import show_rows

AnyIndex = QModelIndex | QPersistentModelIndex
DAY_ROLE = Qt.ItemDataRole.UserRole + 3
DA_SHORT_DAYS = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
EN_SHORT_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class CalendarModel(QAbstractTableModel):
    """Rows are ISO weeks, columns weekdays; each cell holds that day's meetings."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.first = monday_of(date.today())
        self.weeks = 1
        self.month: int | None = None  # days outside it are dimmed in month mode
        self.today = date.today()
        self._by_day: dict[date, list[MeetingSummary]] = {}
        # Each meeting type's colour (reference data), by code. Readable in black and white
        # too: each line also names its type.
        self.colours: dict[str, str] = {}

    def shows(self, first: date, weeks: int, month: int | None) -> bool:
        """The grid shows these weeks already."""
        return (self.first, self.weeks, self.month) == (first, weeks, month)

    def set_range(
        self,
        first: date,
        weeks: int,
        month: int | None,
        found: Sequence[MeetingSummary],
        today: date,
    ) -> None:
        """Show these weeks with these meetings. The same weeks again (rows arrived) keep
        the chosen day: only the days' contents change."""
        by_day: dict[date, list[MeetingSummary]] = defaultdict(list)
        for m in found:
            by_day[m.starts_at.date()].append(m)
        if self.shows(first, weeks, month):
            if (dict(by_day), today) != (self._by_day, self.today):
                self._by_day, self.today = dict(by_day), today
                self.dataChanged.emit(self.index(0, 0), self.index(weeks - 1, 6))
            return
        self.beginResetModel()
        self.first, self.weeks, self.month, self.today = first, weeks, month, today
        self._by_day = dict(by_day)
        self.endResetModel()

    def day_at(self, index: AnyIndex) -> date:
        return self.first + timedelta(days=index.row() * 7 + index.column())

    def meetings_on(self, day: date) -> list[MeetingSummary]:
        return self._by_day.get(day, [])

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self.first).days
        if not 0 <= offset < self.weeks * 7:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.weeks

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.day_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DAY_ROLE:
            return day
        if role == ROW_ROLE:
            return self.meetings_on(day)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [long_date(day)]
            lines += [f"{clock(m.starts_at)} {m.title} – {m.place}" for m in self.meetings_on(day)]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{long_date(day)}: {len(self.meetings_on(day))}"
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            return (DA_SHORT_DAYS if language() == "da" else EN_SHORT_DAYS)[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < self.weeks:
            week = iso_week(self.first + timedelta(days=7 * section))
            return f"{'uge' if language() == 'da' else 'week'} {week}"
        return None


class DayDelegate(QStyledItemDelegate):
    """Draws a day: its number, then one line per meeting, coloured by meeting type."""

    def __init__(self, model: CalendarModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        day: date = index.data(DAY_ROLE)
        found: list[MeetingSummary] = index.data(ROW_ROLE) or []
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        rect: QRect = option.rect
        palette: QPalette = option.palette
        if selected:
            painter.fillRect(rect, palette.highlight().color().lighter(170))
        elif day == self.model.today:
            painter.fillRect(rect, QColor("#fff6d6"))
        outside = self.model.month is not None and day.month != self.model.month
        font = QFont(option.font)
        font.setBold(day == self.model.today)
        painter.setFont(font)
        painter.setPen(QColor("#9a9a9a") if outside else palette.text().color())
        inner = rect.adjusted(4, 2, -4, -2)
        line_height = painter.fontMetrics().height()
        painter.drawText(
            inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, str(day.day)
        )
        small = QFont(option.font)
        small.setPointSizeF(small.pointSizeF() * 0.88)
        painter.setFont(small)
        y = inner.top() + line_height + 1
        step = painter.fontMetrics().height()
        detailed = self.model.weeks == 1  # a week has room for title, time and place
        gap = 2 if detailed else 0
        lines = [2 if detailed and m.place else 1 for m in found]  # time and title, place
        heights = [step * n + gap for n in lines]
        room = inner.bottom() + 1 - y
        shown = fitting(heights, room, step)
        if shown < len(found):  # "+2 …" on a line of its own below the meetings shown
            painter.setPen(palette.text().color())
            below = y + sum(heights[:shown])
            more = f"+{len(found) - shown} …"
            painter.drawText(inner.left(), below + painter.fontMetrics().ascent(), more)
        for m, n in zip(found[:shown], lines, strict=False):
            cancelled = m.status is MeetingStatus.CANCELLED
            colour = QColor(self.model.colours.get(m.type_code, DEFAULT_COLOUR))
            painter.fillRect(inner.left(), y + 2, 3, step * n - 4, colour)
            painter.setPen(QColor("#888888") if cancelled else colour)
            if detailed:
                label = f"{clock(m.starts_at)[-5:]}–{clock(m.ends_at)[-5:]} {m.title}"
            else:
                label = f"{clock(m.starts_at)[-5:]} {_short_title(m)}"
            if m.moved:
                label = "↷ " + label
            f = QFont(small)
            f.setStrikeOut(cancelled)
            painter.setFont(f)
            width = inner.width() - 6
            metrics = painter.fontMetrics()
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, width)
            painter.drawText(inner.left() + 6, y + metrics.ascent(), text)
            y += step
            if n == 2:
                painter.setPen(QColor("#666666"))
                place = metrics.elidedText(m.place, Qt.TextElideMode.ElideRight, width)
                painter.drawText(inner.left() + 6, y + metrics.ascent(), place)
                y += step
            y += gap
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(120, 90)


def fitting(heights: Sequence[int], room: int, marker: int) -> int:
    """How many of a day's meetings (each ``heights`` pixels high) its cell shows in
    ``room`` pixels: as many as fit, keeping room for the "+2 …" line (``marker`` high)
    when not all of them do; the marker never covers a meeting."""
    used = 0
    for shown, height in enumerate(heights):
        more = marker if shown < len(heights) - 1 else 0
        if used + height + more > room:
            return shown
        used += height
    return len(heights)


def _short_title(m: MeetingSummary) -> str:
    """'Distrikt Hother', 'SSP', 'FTM': the cell is narrow; the tooltip has the rest."""
    kind = m.type_short or m.type_name
    if m.district:
        return f"{kind} {m.district.split('/')[0]}"
    return kind


@dataclass(frozen=True)
class _Shown:
    """A read of the weeks shown: which weeks, and their meetings."""

    first: date
    weeks: int
    month: int | None
    year: int
    today: date
    found: list[MeetingSummary]


class CalendarPage(QWidget):
    """Month or week, moved by the arrows; the list below shows the chosen day or week."""

    def __init__(
        self,
        ctx: ServiceContext,
        prompts: Prompts,
        open_meeting: Callable[[MeetingSummary], None],
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.prompts = prompts
        self.operations = Operations(self, prompts, self.tr("Calendar"))
        self.open_meeting = open_meeting
        self.anchor = ctx.today()

        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(self.tr("Previous"))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next"))
        self.today_button = QPushButton(self.tr("Today"))
        for button in (self.prev_button, self.next_button):
            button.setFixedWidth(36)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)

        self.mode_combo = QComboBox()
        self.mode_combo.addItem(self.tr("Month"), "month")
        self.mode_combo.addItem(self.tr("Week"), "week")
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("All meeting types"), None)
        types = reference_data.meeting_types(ctx)
        for mt in types:
            self.type_combo.addItem(mt.name, mt.code)
        self.district_combo = QComboBox()
        self.district_combo.addItem(self.tr("All districts"), None)
        for d in reference_data.districts(ctx):
            self.district_combo.addItem(d.name, d.code)
        for combo in (self.mode_combo, self.type_combo, self.district_combo):
            combo.currentIndexChanged.connect(self.reload)

        top = QHBoxLayout()
        top.addWidget(self.prev_button)
        top.addWidget(self.next_button)
        top.addWidget(self.today_button)
        top.addSpacing(12)
        top.addWidget(self.title, 1)
        top.addWidget(self.mode_combo)
        top.addWidget(self.type_combo)
        top.addWidget(self.district_combo)

        self.model = CalendarModel(self)
        self.model.colours = {mt.code: mt.colour for mt in types}
        self.grid = QTableView()
        self.grid.setObjectName("calendar")
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(DayDelegate(self.model, self.grid))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid.selectionModel().currentChanged.connect(self._day_chosen)
        self.grid.doubleClicked.connect(self._grid_double_clicked)

        self.day_label = QLabel()
        self.list_model: TableModel[MeetingSummary] = TableModel(meeting_columns(), self)
        self.list_proxy = FilterProxy(self.list_model, self)
        self.list = QTableView()
        self.list.setObjectName("day-meetings")
        self.list.setModel(self.list_proxy)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.horizontalHeader().setResizeContentsPrecision(50)  # the first rows suffice
        self.list.doubleClicked.connect(self._list_double_clicked)
        self.list.activated.connect(self._list_double_clicked)

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.day_label)
        lower_layout.addWidget(self.list)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.grid)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter)
        self.loader = Loader(self, self._prepare, self._show, self.operations.refuse)
        self.reload()

    # -- navigation ------------------------------------------------------------------------
    @property
    def mode(self) -> str:
        return str(self.mode_combo.currentData())

    def set_mode(self, mode: str) -> None:
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))

    def step(self, direction: int) -> None:
        if self.mode == "week":
            self.anchor += timedelta(days=7 * direction)
        else:
            month = self.anchor.month - 1 + direction
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.reload()

    def go_today(self) -> None:
        self.anchor = self.ctx.today()
        self.reload()
        self.select_day(self.anchor)

    def _visible_range(self) -> tuple[date, int, int | None]:
        if self.mode == "week":
            return monday_of(self.anchor), 1, None
        first_of_month = self.anchor.replace(day=1)
        first = monday_of(first_of_month)
        next_month = (first_of_month + timedelta(days=32)).replace(day=1)
        weeks = ((next_month - first).days + 6) // 7
        return first, weeks, first_of_month.month

    def reload(self) -> None:
        """Read and show at once."""
        self.loader.now()

    def reload_in_background(self) -> None:
        """Read off the GUI thread (rows arrived); only the showing runs on it."""
        self.loader.in_background()

    def _prepare(self) -> Callable[[], _Shown]:
        ctx = self.ctx
        first, weeks, month = self._visible_range()
        last = first + timedelta(days=weeks * 7 - 1)
        year = self.anchor.year
        type_code, district = self.type_combo.currentData(), self.district_combo.currentData()

        def read() -> _Shown:
            found = meetings.list_meetings(
                ctx, start=first, end=last, type_code=type_code, district=district
            )
            return _Shown(first, weeks, month, year, ctx.today(), found)

        return read

    def _show(self, shown: _Shown) -> None:
        first, weeks, month = shown.first, shown.weeks, shown.month
        last = first + timedelta(days=weeks * 7 - 1)
        same = self.model.shows(first, weeks, month)
        self.model.set_range(first, weeks, month, shown.found, shown.today)
        if month is not None:
            months = DA_MONTHS if language() == "da" else EN_MONTHS
            self.title.setText(f"{months[month - 1]} {shown.year}")
        else:
            self.title.setText(
                self.tr("Week %1 · %2")
                .replace("%1", str(iso_week(first)))
                .replace("%2", f"{first:%d.%m.} – {last:%d.%m.%Y}")
            )
        chosen = self.grid.currentIndex()
        if same and chosen.isValid():  # the same weeks again: the chosen day stays chosen
            self._day_chosen(chosen, chosen)
        else:
            self._show_list(shown.found, self.tr("Meetings in this period"))

    def select_day(self, day: date) -> None:
        index = self.model.index_of(day)
        if index.isValid():
            self.grid.setCurrentIndex(index)

    def _day_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            day = self.model.day_at(current)
            self._show_list(self.model.meetings_on(day), long_date(day))

    def _show_list(self, found: Sequence[MeetingSummary], heading: str) -> None:
        self.day_label.setText(f"<b>{heading}</b>")
        show_rows(self.list, self.list_model, found, 0)

    def _grid_double_clicked(self, index: QModelIndex) -> None:
        found = self.model.meetings_on(self.model.day_at(index))
        if len(found) == 1:
            self.open_meeting(found[0])
        elif found:
            self.list.setFocus()
            self.list.selectRow(0)

    def _list_double_clicked(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.open_meeting(row)
