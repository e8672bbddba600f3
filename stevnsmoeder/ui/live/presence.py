"""Who is present for the item shown (Ctrl+T): a checkable list of the meeting's people."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QListView, QVBoxLayout, QWidget

from stevnsmoeder.services import planning

AnyIndex = QModelIndex | QPersistentModelIndex


class PresenceModel(QAbstractListModel):
    """Who is present for the current item: a checkable list of the meeting's people."""

    toggled = Signal(object, bool)  # person id, present

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._people: list[planning.PlanParticipant] = []
        self._present: frozenset[uuid.UUID] = frozenset()

    def set_people(
        self, people: tuple[planning.PlanParticipant, ...], present: frozenset[uuid.UUID]
    ) -> None:
        self.beginResetModel()
        self._people, self._present = list(people), present
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{person.name} – {person.role_name}"
        if role == Qt.ItemDataRole.CheckStateRole:
            present = person.person_id in self._present
            return Qt.CheckState.Checked if present else Qt.CheckState.Unchecked
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        person = self._people[index.row()]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.toggled.emit(person.person_id, checked)
        return True


class PresencePane(QGroupBox):
    """The list, in a box of its own: it shares a collapsible column with the agenda."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Present for this item – Ctrl+T"))
        self.model = PresenceModel(self)
        self.view = QListView()
        self.view.setObjectName("presence")
        self.view.setModel(self.model)
        self.view.setMinimumHeight(60)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
