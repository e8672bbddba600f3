"""Windows fit the screen they open on: a municipal laptop has 1366×768 or 1280×720 pixels, and
a taskbar takes some of them (QScreen.availableGeometry is what is left)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QDialog, QWidget

# A title bar and borders, for a window not yet shown (whose own frame is not known yet).
FRAME = QSize(16, 40)


def _screen(widget: QWidget) -> QScreen:
    """The screen a window opens on: a window of its own opens where the user is working (the
    active window's screen), a dialog over its parent."""
    if widget.parentWidget() is None and not widget.isVisible():
        active = QApplication.activeWindow()
        if active is not None and active is not widget:
            return active.screen()
    return widget.screen()


def fit_to_screen(widget: QWidget, preferred: QSize) -> None:
    """Give a window its preferred size, or less where its screen has less room, and center it
    on that screen (Qt centers a dialog over its parent, inside the screen, when shown)."""
    area = _screen(widget).availableGeometry()
    visible = widget.isVisible()
    frame_w = widget.frameGeometry().width() - widget.width() if visible else FRAME.width()
    frame_h = widget.frameGeometry().height() - widget.height() if visible else FRAME.height()
    size = preferred.boundedTo(QSize(area.width() - frame_w, area.height() - frame_h))
    widget.resize(size)
    if isinstance(widget, QDialog) and widget.parentWidget() is not None:
        return
    widget.move(
        area.x() + max(0, (area.width() - size.width() - frame_w) // 2),
        area.y() + max(0, (area.height() - size.height() - frame_h) // 2),
    )
