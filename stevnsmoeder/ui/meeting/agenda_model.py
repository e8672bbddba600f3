"""The agenda as a Qt model: numbered items with planned clock times, the child and the
legal basis of each child's item, and time boxes. Titles and time boxes are edited in place;
items are reordered by drag and drop. The model never changes data itself: it asks, and the
window carries the request to the planning service and reloads the plan."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from stevnsmoeder.domain.dates import clock
from stevnsmoeder.services.planning import BasisState, PlanItem
from stevnsmoeder.ui.common.models import ROW_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex
MIME = "application/x-stevnsmoeder-agenda-item"
NUMBER, CLOCK, TITLE, CHILD, BASIS, MINUTES = range(6)
BLOCKED_BG = QColor("#fde3e1")
BLOCKED_FG = QColor("#a4161a")
OK_FG = QColor("#2e6b30")


class AgendaModel(QAbstractTableModel):
    move_requested = Signal(object, int)  # item id, its new 0-based position
    edit_requested = Signal(object, str, object)  # item id, "title" or "minutes", value

    def __init__(
        self,
        screen_safe: Callable[[], bool],
        editable: Callable[[], bool],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._screen_safe = screen_safe
        self._editable = editable
        self._items: list[PlanItem] = []
        self._headers = [
            QCoreApplication.translate("AgendaModel", "No."),
            QCoreApplication.translate("AgendaModel", "Time"),
            QCoreApplication.translate("AgendaModel", "Item"),
            QCoreApplication.translate("AgendaModel", "Child"),
            QCoreApplication.translate("AgendaModel", "Legal basis"),
            QCoreApplication.translate("AgendaModel", "Min."),
        ]

    def set_items(self, items: Sequence[PlanItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> PlanItem:
        return self._items[row]

    def row_of(self, item_id: uuid.UUID) -> int:
        return next((r for r, i in enumerate(self._items) if i.id == item_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def _child(self, item: PlanItem) -> str:
        if item.case_id is None:  # no child, or one the user may not know ("anonym drøftelse")
            return item.case_name
        name = item.case_initials if self._screen_safe() else item.case_name
        if item.shown_anonymously and not item.case_anonymous:
            return f"{name} – " + QCoreApplication.translate("AgendaModel", "anonymous")
        return name

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == NUMBER:
                return str(item.number)
            if col == CLOCK:
                return clock(item.starts_at)[-5:]
            if col == TITLE:
                marker = "↻ " if item.carried_over and role == Qt.ItemDataRole.DisplayRole else ""
                return marker + item.title
            if col == CHILD:
                return self._child(item)
            if col == BASIS:
                if item.basis.state is BasisState.NOT_NEEDED:
                    return ""
                mark = "⚠ " if item.blocked else "✓ "
                return mark + item.basis.label
            if col == MINUTES:
                return (
                    item.time_box_minutes
                    if role == Qt.ItemDataRole.EditRole
                    else str(item.time_box_minutes)
                )
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == BASIS and item.blocked:
                return item.basis.reason
            if col == TITLE and item.description:
                return item.description
            if col == TITLE and item.carried_over:
                return QCoreApplication.translate("AgendaModel", "Carried over from last time")
        if role == Qt.ItemDataRole.BackgroundRole and item.blocked:
            return QBrush(BLOCKED_BG)
        if role == Qt.ItemDataRole.ForegroundRole and col == BASIS:
            if item.blocked:
                return QBrush(BLOCKED_FG)
            if item.basis.state is BasisState.OK:
                return QBrush(OK_FG)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (NUMBER, MINUTES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self._editable() else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
            if index.column() in (TITLE, MINUTES):
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        item = self._items[index.row()]
        if index.column() == TITLE and str(value) != item.title:
            self.edit_requested.emit(item.id, "title", str(value))
        elif index.column() == MINUTES:
            try:
                minutes = int(value)
            except (TypeError, ValueError):
                minutes = -1  # the service explains the allowed range
            if minutes != item.time_box_minutes:
                self.edit_requested.emit(item.id, "minutes", minutes)
        return False  # the plan reloads from the service; nothing is changed here

    # -- drag and drop ----------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(MIME, QByteArray(str(self._items[rows[0]].id).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return self._editable() and data.hasFormat(MIME)

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            item_id = uuid.UUID(bytes(data.data(MIME).data()).decode())
        except ValueError:
            return False
        source = self.row_of(item_id)
        if source < 0:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._items))
        # Qt names the gap to drop into; after taking the item out, gaps below shift up.
        to = target - 1 if source < target else target
        if to != source:
            self.move_requested.emit(item_id, to)
        return False  # the view must not remove the source row: the service reorders
