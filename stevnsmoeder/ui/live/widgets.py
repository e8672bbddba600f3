"""Small widgets of the live view, laid out for a 1280×720 laptop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def show_text(label: QLabel, text: str, style: str) -> None:
    """Set a label only where it changes: a second's tick stays cheap."""
    if label.text() != text:
        label.setText(text)
    if label.styleSheet() != style:
        label.setStyleSheet(style)


class ElidedLabel(QLabel):
    """One line that never widens the window: a long title ends in "…" and is shown whole
    in its tooltip (and in the agenda)."""

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(40, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:
        return QSize(min(super().sizeHint().width(), 400), super().sizeHint().height())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown
        )


class FieldsLayout(QVBoxLayout):
    """The item's fields. A wrapped title would make the layout height-for-width, and the
    scroll area would then give the fields their preferred heights (tall text boxes) and
    scroll on a laptop where their minimum heights fit: they share the height instead."""

    def hasHeightForWidth(self) -> bool:
        return False


class _EnterActs(QObject):
    def __init__(self, act: Callable[[], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._act = act

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._act()
            return True
        return super().eventFilter(watched, event)


def on_enter(widget: QWidget, act: Callable[[], None]) -> None:
    """Enter in ``widget`` (a date, a choice) does ``act``: adds what the row holds."""
    widget.installEventFilter(_EnterActs(act, widget))
