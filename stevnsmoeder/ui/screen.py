"""Windows that fit the laptop they open on.

A municipal laptop has 1366×768 or 1280×720 pixels, less a taskbar: a window asked for
1280×800 would lose its bottom row of buttons there. ``fit_to_screen`` gives a top-level
window its preferred size where the screen's free area (``QScreen.availableGeometry``)
allows it, and the free area less the window frame where it does not.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Title bar and borders of a window not shown yet (their real size is known only once the
# window manager has framed it): generous, as on Windows with a standard title bar.
FRAME_ALLOWANCE = QSize(16, 40)


def free_area(widget: QWidget) -> QRect | None:
    """The free part of the screen the widget is on (the primary one before it is shown)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def _frame(widget: QWidget) -> QSize:
    if widget.isVisible():
        outer, inner = widget.frameGeometry(), widget.geometry()
        if outer.size() != inner.size():
            return outer.size() - inner.size()
    return FRAME_ALLOWANCE


def fit_to_screen(widget: QWidget, preferred: QSize) -> None:
    """Resize the top-level ``widget`` to ``preferred``, bounded by the screen's free area
    less its frame, and move a placed window back inside that area."""
    free = free_area(widget)
    if free is None:
        widget.resize(preferred)
        return
    frame = _frame(widget)
    room = QSize(free.width() - frame.width(), free.height() - frame.height())
    size = preferred.boundedTo(room)
    widget.resize(size)
    if widget.isVisible() or widget.testAttribute(Qt.WidgetAttribute.WA_Moved):
        outer = QSize(widget.width() + frame.width(), widget.height() + frame.height())
        x = max(free.left(), min(widget.x(), free.left() + free.width() - outer.width()))
        y = max(free.top(), min(widget.y(), free.top() + free.height() - outer.height()))
        widget.move(x, y)
