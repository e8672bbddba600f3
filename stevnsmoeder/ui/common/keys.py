"""Keys that work the same in every window: Ctrl+Q quits from anywhere through Filer → Afslut,
and a filter field leads into its list with Down and opens the chosen row with Enter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

# Ctrl+Q on every system: Qt's StandardKey.Quit has no key at all on Windows.
QUIT = QKeySequence("Ctrl+Q")
QUIT_ACTION = "quit-application"  # the object name of Filer → Afslut


def quit_action(window: QObject, text: str) -> QAction:
    """Filer → Afslut: Ctrl+Q from every window of the application (a modal dialog blocks
    it for the windows it blocks, as it blocks the mouse)."""
    action = QAction(text, window)
    action.setObjectName(QUIT_ACTION)
    action.setShortcut(QUIT)
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    return action


class _LeadIntoList(QObject):
    def __init__(
        self, edit: QLineEdit, view: QAbstractItemView, open_row: Callable[[], None]
    ) -> None:
        super().__init__(edit)
        self.edit, self.view, self.open_row = edit, view, open_row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.edit or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if key == Qt.Key.Key_Down:
            if self._choose():
                self.view.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._choose():
                self.open_row()
            return True
        return False

    def _choose(self) -> bool:
        """The chosen row if the filter still shows it, else the first row; False if none."""
        model, selection = self.view.model(), self.view.selectionModel()
        if model is None or selection is None or model.rowCount() == 0:
            return False
        current = self.view.currentIndex()
        if not (current.isValid() and selection.isRowSelected(current.row())):
            current = model.index(0, 0)
            flags = QItemSelectionModel.SelectionFlag
            selection.setCurrentIndex(current, flags.ClearAndSelect | flags.Rows)
        self.view.scrollTo(current)
        return True


def lead_into_list(edit: QLineEdit, view: QAbstractItemView, open_row: Callable[[], None]) -> None:
    """Down in ``edit`` moves into ``view`` (choosing the first row if none is chosen); Enter
    opens the chosen row (the first when none is) with ``open_row``."""
    edit.installEventFilter(_LeadIntoList(edit, view, open_row))
