"""Save typed text off the GUI thread, within a second of the last keystroke.

Each text field reports its text on every change; the saver waits until typing pauses
(DEBOUNCE_MS), then hands the newest text of each field to a worker thread that calls the
minutes service. A failed save (disk full, database locked) keeps the text queued, is reported
once, and is tried again; nothing typed is dropped. ``flush`` saves everything now (before
moving to another item, ending or approving the meeting, or closing the window).

The text a user has typed is the truth until it is saved. A view that reloads from the
database (after a level is set, an action added, presence marked, or a change made elsewhere)
puts stored text into its boxes only through ``show``, which keeps a box's unsaved or
in-flight text instead of the stored one. This is the one place that rule lives.
"""

from __future__ import annotations

import logging
import queue
import threading
import uuid
from collections.abc import Callable

from PySide6.QtCore import QObject, QSignalBlocker, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit

log = logging.getLogger(__name__)
DEBOUNCE_MS = 600
RETRY_MS = 3000

Key = tuple[uuid.UUID, str]  # (agenda item, field)
SaveFn = Callable[[uuid.UUID, str, str], None]


def make_timer(parent: QObject) -> QTimer:
    """The debounce timer (tests put a timer they fire themselves in its place)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    return timer


class AutoSaver(QObject):
    failed = Signal(str)  # a message for the user; the text is kept and retried
    saved = Signal()

    def __init__(self, save: SaveFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._pending: dict[Key, str] = {}  # typed, not yet handed to the worker
        self._inflight: dict[Key, str] = {}  # handed to the worker, not yet saved
        self._lock = threading.Lock()
        self._jobs: queue.Queue[dict[Key, str] | None] = queue.Queue()
        self._idle = threading.Event()
        self._idle.set()
        self._error: str | None = None
        self.timer = make_timer(self)
        self.timer.timeout.connect(self._dispatch)
        self._worker = threading.Thread(target=self._run, name="autosave", daemon=True)
        self._worker.start()

    def changed(self, item_id: uuid.UUID, field: str, text: str) -> None:
        with self._lock:
            self._pending[(item_id, field)] = text
        self.timer.start(DEBOUNCE_MS)

    def unsaved(self, item_id: uuid.UUID, field: str) -> str | None:
        """The newest text typed into this field that is not saved yet (queued or being
        written), or None when the database holds what was typed."""
        key = (item_id, field)
        with self._lock:
            if key in self._pending:
                return self._pending[key]
            return self._inflight.get(key)

    def show(self, box: QPlainTextEdit, item_id: uuid.UUID, field: str, stored: str) -> None:
        """Show a field's text in its box: the stored text, unless the user's own text for
        it is not saved yet. The box's change signal is not emitted, so nothing is queued."""
        text = self.unsaved(item_id, field)
        value = stored if text is None else text
        if box.toPlainText() != value:
            blocker = QSignalBlocker(box)
            try:
                box.setPlainText(value)
            finally:
                blocker.unblock()

    def _dispatch(self) -> None:
        with self._lock:
            batch, self._pending = self._pending, {}
            self._inflight.update(batch)
        if batch:
            self._idle.clear()
            self._jobs.put(batch)

    def _run(self) -> None:
        while True:
            batch = self._jobs.get()
            if batch is None:
                return
            failed: dict[Key, str] = {}
            for (item_id, field), text in batch.items():
                try:
                    self._save(item_id, field, text)
                except Exception as exc:  # kept and retried; the user is told once
                    log.warning("autosave failed (%s); will retry", type(exc).__name__)
                    failed[(item_id, field)] = text
                    self._error = str(exc) or type(exc).__name__
                with self._lock:
                    if (item_id, field) in failed:
                        self._pending.setdefault((item_id, field), text)  # a newer text wins
                    if self._inflight.get((item_id, field)) is text:  # not queued again since
                        del self._inflight[(item_id, field)]
            if self._jobs.empty():
                self._idle.set()
            # Announced after the idle flag, so a listener asking has_pending() is told true.
            if failed:
                self.failed.emit(self._error or "")
            else:
                self.saved.emit()

    def retry_later(self) -> None:
        self.timer.start(RETRY_MS)

    def has_pending(self) -> bool:
        with self._lock:
            return bool(self._pending) or not self._idle.is_set()

    def flush(self, timeout: float = 10.0) -> bool:
        """Save everything now and wait for it; False when something could not be saved."""
        self.timer.stop()
        self._dispatch()
        self._idle.wait(timeout)
        with self._lock:
            return not self._pending

    def stop(self) -> None:
        self.flush()
        self._jobs.put(None)
        self._worker.join(timeout=5)
