"""The parts of the conflicts window: the list of conflicts (a Qt model) and the editor that
merges a text by hand (or words an addendum) with the server's text beside it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import LOCAL_TZ, long_datetime
from stevnsmoeder.services.sync_conflicts import ConflictSummary
from stevnsmoeder.ui.common.forms import ok_cancel, wrapped
from stevnsmoeder.ui.common.models import ROW_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


def when_text(at: datetime) -> str:
    """'mandag den 23. november 2026, kl. 10.15' on the municipality's clock."""
    return long_datetime(at.astimezone(LOCAL_TZ))


class ConflictListModel(QAbstractListModel):
    """The conflicts waiting for a decision: what, then when and why, one entry each."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ConflictSummary] = []

    def set_rows(self, rows: Sequence[ConflictSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> ConflictSummary:
        return self._rows[row]

    def row_of(self, conflict: object) -> int | None:
        """The row of the conflict with the id ``conflict``, if listed."""
        return next((n for n, r in enumerate(self._rows) if r.id == conflict), None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return f"{row.what}\n{when_text(row.created_at)}\n{row.reason}"
        if role == ROW_ROLE:
            return row
        return None


class TextEditor(QDialog):
    """A text to save (merged by hand, or an addendum), prefilled with the laptop's text, the
    server's text read-only beside it."""

    def __init__(
        self,
        title: str,
        guide: str,
        ok_text: str,
        mine: tuple[str, str],
        server: tuple[str, str],
        parent: QWidget | None = None,
    ) -> None:
        """``mine`` and ``server``: (heading, text) of each side."""
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(mine[1])
        self.text.setObjectName("merged_text")
        self.text.setTabChangesFocus(True)
        self.server = QPlainTextEdit(server[1])
        self.server.setObjectName("server_text")
        self.server.setReadOnly(True)
        lines = self.text.fontMetrics().lineSpacing()
        for edit in (self.text, self.server):
            edit.setMinimumSize(24 * edit.fontMetrics().averageCharWidth(), 6 * lines)
        mine_heading, server_heading = wrapped(mine[0]), wrapped(server[0])
        mine_heading.setBuddy(self.text)
        self.buttons = ok_cancel(self, ok_text)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("save")
        self.ok.setEnabled(bool(mine[1].strip()))
        self.text.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.text.toPlainText().strip()))
        )
        sides = QGridLayout()
        sides.addWidget(mine_heading, 0, 0)
        sides.addWidget(server_heading, 0, 1)
        sides.addWidget(self.text, 1, 0)
        sides.addWidget(self.server, 1, 1)
        sides.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped(guide))
        layout.addLayout(sides, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 480)
        self.text.setFocus()

    def value(self) -> str:
        return self.text.toPlainText()
