"""Run a blocking call off the GUI thread and hand the result back on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal


class _Thread(QThread):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # handed to the GUI thread's error handler
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)


def run_in_thread(
    owner: QObject,
    fn: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> QThread:
    """Start ``fn`` in a thread owned by ``owner``; callbacks run on the GUI thread."""
    thread = _Thread(fn, owner)
    thread.succeeded.connect(on_success)
    thread.failed.connect(on_error)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
