"""One place that runs a window's service calls (compare Anki's ``CollectionOp``).

A window makes one ``Operations`` and runs every change (and every read whose failure the user
must hear of) through it:

- **busy**: while a call is in flight the window shows a busy cursor and a second call is not
  started, so a second click on the same button does not run the change twice;
- **off the GUI thread**: a slow call (planning a year ahead, a re-key) runs through the
  worker, the window stays responsive, and the result comes back on the GUI thread;
- **a refusal**: a ``ServiceError`` becomes the Danish message box the windows show, or the
  text in the window's own place for it (a dialog's line, a status line); nothing the user
  typed is cleared, because nothing after the refusal runs;
- **a change**: announced on the app-wide bus as what changed and which, so each view
  refreshes only what it shows.

Errors that are not a known problem are not caught here: they reach the crash dialog.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.worker import run_in_thread

T = TypeVar("T")
D = TypeVar("D")


@dataclass(frozen=True)
class Change:
    """What an operation changed, for the views that show it (``changes.MEETING`` and the
    meeting's id, say; no id: any of them)."""

    what: str
    ident: uuid.UUID | None = None


class ErrorPrompt(Protocol):
    """Where a window's message boxes come from (``prompts.Prompts``, replaced in tests)."""

    def error(self, parent: QWidget | None, title: str, text: str) -> None: ...


class _MessageBox:
    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)


class Operations(QObject):
    """Runs the service calls of one window (see the module's text)."""

    busy_changed = Signal(bool)

    def __init__(
        self,
        window: QWidget,
        prompts: ErrorPrompt | None = None,
        title: str = "",
        *,
        show: Callable[[str], object] | None = None,
    ) -> None:
        """``title``: the message box's title unless a call names its own; ``show``: where a
        refusal goes instead of a message box (a dialog's error line)."""
        super().__init__(window)
        self.window = window
        self.prompts = prompts or _MessageBox()
        self.title = title
        self._show = show
        self._busy = False

    @property
    def busy(self) -> bool:
        """A call of this window is in flight."""
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        if busy == self._busy:
            return
        self._busy = busy
        if busy:
            self.window.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.window.unsetCursor()
        self.busy_changed.emit(busy)

    def refuse(
        self,
        exc: ServiceError,
        title: str | None = None,
        show: Callable[[str], object] | None = None,
    ) -> None:
        """Tell the user about a known problem, in the window's place for it."""
        where = show or self._show
        if where is not None:
            where(str(exc))
        else:
            self.prompts.error(self.window, title or self.title, str(exc))

    def run(
        self,
        call: Callable[[], T],
        *,
        title: str | None = None,
        then: Callable[[T], object] | None = None,
        refused: Callable[[ServiceError], object] | None = None,
        show: Callable[[str], object] | None = None,
        announce: Change | None = None,
        quiet: bool = False,
    ) -> bool:
        """Run ``call`` now. Done: ``then(result)``, then the change is announced. Refused:
        ``refused(error)`` (a reload, say), then the message (none when ``quiet``: work the
        user did not ask for, which is tried again later). False when it was refused, or
        not started because another call of this window is in flight."""
        if self._busy:
            return False
        self._set_busy(True)
        try:
            result = call()
        except ServiceError as exc:
            self._set_busy(False)
            if quiet:
                if refused is not None:
                    refused(exc)
                return False
            self._refused(exc, title, refused, show)
            return False
        except BaseException:
            self._set_busy(False)
            raise
        self._set_busy(False)
        self._done(result, then, announce)
        return True

    def fetch(
        self,
        call: Callable[[], T],
        default: D,
        *,
        title: str | None = None,
        quiet: bool = False,
        show: Callable[[str], object] | None = None,
    ) -> T | D:
        """A read: its result, or ``default`` when it is refused (said, unless ``quiet``).
        Reads change nothing, so they run while another call is in flight too."""
        try:
            return call()
        except ServiceError as exc:
            if not quiet:
                self.refuse(exc, title, show)
            return default

    def run_in_background(
        self,
        call: Callable[[], T],
        *,
        then: Callable[[T], object] | None = None,
        title: str | None = None,
        refused: Callable[[ServiceError], object] | None = None,
        show: Callable[[str], object] | None = None,
        announce: Change | None = None,
        ended: Callable[[], object] | None = None,
    ) -> bool:
        """Run a slow ``call`` off the GUI thread; the window stays busy until it returns.
        ``ended`` runs first whatever the outcome (a progress window closes), then as
        ``run``. False when not started: another call of this window is in flight."""
        if self._busy:
            return False
        self._set_busy(True)

        def succeeded(result: Any) -> None:
            self._set_busy(False)
            if ended is not None:
                ended()
            self._done(result, then, announce)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            if ended is not None:
                ended()
            if not isinstance(exc, ServiceError):
                raise exc  # not a known problem: the crash dialog
            self._refused(exc, title, refused, show)

        run_in_thread(self, call, succeeded, failed)
        return True

    def _done(self, result: T, then: Callable[[T], object] | None, announce: Change | None) -> None:
        if then is not None:
            then(result)
        if announce is not None:
            changes.bus().announce(announce.what, announce.ident)

    def _refused(
        self,
        exc: ServiceError,
        title: str | None,
        refused: Callable[[ServiceError], object] | None,
        show: Callable[[str], object] | None,
    ) -> None:
        if refused is not None:
            refused(exc)
        self.refuse(exc, title, show)
