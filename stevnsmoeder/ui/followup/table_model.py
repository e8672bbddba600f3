"""One table of the follow-up as a Qt model: the year in full, and beside it the year before
(its totals, or its only column), as in the PDF. Read only; every text is what the rule let
through ("<5", "x" where a count is hidden)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from stevnsmoeder.model.policy import TablePair

AnyIndex = QModelIndex | QPersistentModelIndex
NONE = "–"


class PolicyTableModel(QAbstractTableModel):
    def __init__(self, pair: TablePair, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pair = pair
        self._columns = [*pair.current.columns, self._previous_label()]
        self._previous = self._previous_cells()
        self._bold = QFont()
        self._bold.setBold(True)

    def _previous_label(self) -> str:
        prev = self.pair.previous
        if prev.total_column:
            return self.tr("%1 total").replace("%1", str(prev.year))
        return str(prev.year)

    def _previous_cells(self) -> list[str]:
        prev = self.pair.previous
        if prev.too_few:
            return [NONE] * len(prev.rows)
        column = len(prev.columns) - 1 if prev.total_column else 0
        return [row[column] or NONE for row in prev.cells]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.pair.current.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def text(self, row: int, column: int) -> str:
        view = self.pair.current
        if column == len(view.columns):
            return self._previous[row]
        text = view.cells[row][column]
        if view.percents is not None:
            share = view.percents[row][column]
            if share is not None and text:
                return f"{text} ({round(share)} %)"
        return text

    def _is_total(self, row: int, column: int) -> bool:
        view = self.pair.current
        last_row = view.total_row and row == len(view.rows) - 1
        last_column = view.total_column and column == len(view.columns) - 1
        return last_row or last_column

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._is_total(row, column):
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.text(row, column)
            if text == "<5":
                return self.tr("1–4: hidden, so that no child can be recognised")
            if text == "x":
                return self.tr("Hidden, so that a small count cannot be worked out")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section] if 0 <= section < len(self._columns) else None
        rows = self.pair.current.rows
        return rows[section] if 0 <= section < len(rows) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
