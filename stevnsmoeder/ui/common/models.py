"""Qt item models over service dataclasses.

One generic table model, configured with columns; views sort and filter through a
QSortFilterProxyModel using SORT_ROLE (raw values, so dates sort as dates).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTableView

from stevnsmoeder.domain.dates import LOCAL_TZ, clock, long_date, short_date
from stevnsmoeder.model.cases import CaseSummary
from stevnsmoeder.services.meetings import MeetingSummary

T = TypeVar("T")
MOVED = QColor("#8a5a00")  # a meeting not on its series' day
CLOSED = QColor("#6b6b6b")  # a closed case
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's dataclass
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    display: Callable[[T], str]
    sort: Callable[[T], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[T], str] | None = None
    foreground: Callable[[T], QColor | None] | None = None  # e.g. red for overdue
    bold: Callable[[T], bool] | None = None


def _keys(rows: Sequence[object]) -> list[object] | None:
    """The rows' ids, when each has one of its own (else None: rows known by value only)."""
    keys = [getattr(row, "id", None) for row in rows]
    if None in keys or len(set(keys)) != len(keys):
        return None
    return keys


class TableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> bool:
        """Show ``rows``; False when they are the rows shown. The same rows (by id) with some
        changed or in another order — rows arrived from the server — are changed in place,
        so the row the user chose stays chosen; other rows start the table afresh."""
        new = list(rows)
        if new == self._rows:
            return False
        keys, old_keys = _keys(new), _keys(self._rows)
        if keys is None or old_keys is None or set(keys) != set(old_keys):
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
        elif keys == old_keys:
            changed = [i for i, (a, b) in enumerate(zip(new, self._rows, strict=True)) if a != b]
            self._rows = new
            last = len(self._columns) - 1
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last))
        else:  # the same rows in another order: what is chosen moves with its row
            self.layoutAboutToBeChanged.emit()
            position = {key: row for row, key in enumerate(keys)}
            before = self.persistentIndexList()
            after = [self.index(position[old_keys[i.row()]], i.column()) for i in before]
            self._rows = new
            self.changePersistentIndexList(before, after)
            self.layoutChanged.emit()
        return True

    def refresh(self) -> None:
        """Show every row again (what a column shows depends on a setting that changed)."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1)
            )

    def row_at(self, row: int) -> T:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.display(row)
        if role == SORT_ROLE:
            return col.sort(row) if col.sort else col.display(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip:
            return col.tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and col.foreground:
            return col.foreground(row)
        if role == Qt.ItemDataRole.FontRole and col.bold and col.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].header
        return None


def table_view(model: QAbstractTableModel, name: str) -> QTableView:
    """A read-only table of whole rows, its last column taking the spare width."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return view


class FilterProxy(QSortFilterProxyModel):
    """Case-insensitive filtering over every column, sorting by raw values."""

    def __init__(self, source: QAbstractTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if a is None or b is None:
            return a is None and b is not None
        try:
            return bool(a < b)
        except TypeError:
            return str(a) < str(b)


def _approved_tooltip(m: MeetingSummary) -> str:
    if m.approved_at is None:
        return ""
    day = m.approved_at.astimezone(LOCAL_TZ).date()
    return QCoreApplication.translate("models", "The minutes were approved on %1.").replace(
        "%1", long_date(day)
    )


def moved_mark(m: MeetingSummary) -> str:
    """ "↷ " before a moved meeting's date (its tooltip says where it was moved from)."""
    return "↷ " if m.moved else ""


def meeting_columns() -> list[Column[MeetingSummary]]:
    return [
        Column(
            QCoreApplication.translate("models", "Date"),
            lambda m: moved_mark(m) + long_date(m.starts_at.date()),
            lambda m: m.starts_at,
            tooltip=lambda m: m.note,
            foreground=lambda m: MOVED if m.moved else None,
        ),
        Column(
            QCoreApplication.translate("models", "Week"),
            lambda m: str(m.starts_at.isocalendar().week),
            lambda m: m.starts_at,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("models", "Time"),
            lambda m: f"{clock(m.starts_at)[-5:]}–{clock(m.ends_at)[-5:]}",
            lambda m: m.starts_at.time(),
        ),
        Column(QCoreApplication.translate("models", "Meeting"), lambda m: m.title),
        Column(QCoreApplication.translate("models", "District"), lambda m: m.district or ""),
        Column(QCoreApplication.translate("models", "Place"), lambda m: m.place),
        Column(
            QCoreApplication.translate("models", "Status"),
            lambda m: m.status_text,
            tooltip=_approved_tooltip,
        ),
        Column(
            QCoreApplication.translate("models", "Cases"),
            lambda m: str(m.case_items),
            lambda m: m.case_items,
            align_right=True,
        ),
    ]


def compact_meeting_columns(with_day: bool) -> list[Column[MeetingSummary]]:
    """For the start page: what a chair needs at a glance."""
    columns: list[Column[MeetingSummary]] = []
    if with_day:
        columns.append(
            Column(
                QCoreApplication.translate("models", "Day"),
                lambda m: moved_mark(m) + long_date(m.starts_at.date()).rsplit(" ", 1)[0],
                lambda m: m.starts_at,
                tooltip=lambda m: m.note,
                foreground=lambda m: MOVED if m.moved else None,
            )
        )
    columns += [
        Column(
            QCoreApplication.translate("models", "Time"),
            lambda m: f"{clock(m.starts_at)[-5:]}–{clock(m.ends_at)[-5:]}",
            lambda m: m.starts_at,
        ),
        Column(
            QCoreApplication.translate("models", "Meeting"),
            lambda m: m.title,
            tooltip=lambda m: m.note,
        ),
        Column(QCoreApplication.translate("models", "Place"), lambda m: m.place),
        Column(
            QCoreApplication.translate("models", "Cases"),
            lambda m: str(m.case_items),
            lambda m: m.case_items,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("models", "Status"),
            lambda m: m.status_text,
            tooltip=_approved_tooltip,
        ),
    ]
    return columns


def case_columns(screen_safe: Callable[[], bool]) -> list[Column[CaseSummary]]:
    def name(c: CaseSummary) -> str:
        return c.initials if screen_safe() else c.display_name

    def level(c: CaseSummary) -> str:
        return f"{c.level} – {c.level_label}" if c.level else ""

    def tooltip(c: CaseSummary) -> str:
        notes = []
        if c.anonymous:
            notes.append(QCoreApplication.translate("models", "Anonymous case"))
        if c.closed_on is not None:
            notes.append(
                QCoreApplication.translate("models", "Closed on %1").replace(
                    "%1", long_date(c.closed_on)
                )
            )
        return "\n".join(notes)

    return [
        Column(QCoreApplication.translate("models", "Case no."), lambda c: c.reference),
        Column(
            QCoreApplication.translate("models", "Child"),
            name,
            tooltip=tooltip,
            foreground=lambda c: CLOSED if c.closed_on else None,
        ),
        Column(
            QCoreApplication.translate("models", "Born"),
            lambda c: short_date(c.birth_date) if c.birth_date else "",
            lambda c: c.birth_date,
        ),
        Column(
            QCoreApplication.translate("models", "CPR"),
            lambda c: "" if screen_safe() else c.cpr_masked,
        ),
        Column(QCoreApplication.translate("models", "District"), lambda c: c.district or ""),
        Column(QCoreApplication.translate("models", "School/institution"), lambda c: c.institution),
        Column(QCoreApplication.translate("models", "Well-being"), level, lambda c: c.level or 0),
        Column(
            QCoreApplication.translate("models", "Open actions"),
            lambda c: str(c.open_actions),
            lambda c: c.open_actions,
            align_right=True,
        ),
        Column(
            QCoreApplication.translate("models", "Closed"),
            lambda c: short_date(c.closed_on) if c.closed_on else "",
            lambda c: c.closed_on,
            tooltip=tooltip,
        ),
    ]
