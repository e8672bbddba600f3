"""Run a blocking call off the GUI thread and hand the result back on it.

Threads are kept here, not owned by the window that started them: a window may close (or a
test end) while its thread is still returning, and Qt aborts the process when a running
QThread is destroyed. Results are delivered to the callbacks on the GUI thread; a callback
whose object is gone is simply not called.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

_running: set[_Thread] = set()


class _Thread(QThread):
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
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
    """Start ``fn`` in a thread; the callbacks run on the GUI thread while ``owner`` lives."""
    thread = _Thread(fn)
    thread.succeeded.connect(on_success)
    thread.failed.connect(on_error)
    owner.destroyed.connect(lambda *_: _disconnect(thread))
    _running.add(thread)
    thread.finished.connect(lambda: _done(thread))
    thread.start()
    return thread


def _disconnect(thread: _Thread) -> None:
    for signal in (thread.succeeded, thread.failed):
        with contextlib.suppress(RuntimeError, TypeError):  # nothing connected any more
            signal.disconnect()


def _done(thread: _Thread) -> None:
    _running.discard(thread)
    thread.deleteLater()


def wait_for_all(timeout_ms: int = 10_000) -> bool:
    """Wait for every running thread (on quitting); False if one did not end in time."""
    return all(thread.wait(timeout_ms) for thread in list(_running))
