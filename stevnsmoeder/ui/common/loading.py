"""A view's reads: now, or off the GUI thread with only the showing on it.

A page shows what its service reads return. When the user asks (a filter, an arrow, a change
of their own) it reads at once: the answer belongs to the click. When rows arrive from the
server, nobody asked: the page reads in a worker thread and only sets its rows on the GUI
thread, so a sync never keeps the window from the user (a month of meetings, every case).

The read is made on the GUI thread by ``prepare`` — it takes what the widgets say (a filter,
the month shown) and returns a function that reads without touching a widget. The latest
read wins: an answer to an older one is dropped, and arrivals while a read is under way make
one more read when it returns (not one each).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.ui.common.worker import run_in_thread

T = TypeVar("T")


class Loader(QObject, Generic[T]):
    """Reads one view's data (see the module's text) and hands it to ``show``."""

    shown = Signal()  # the view shows the answer of the latest read

    def __init__(
        self,
        owner: QObject,
        prepare: Callable[[], Callable[[], T]],
        show: Callable[[T], object],
        refuse: Callable[[ServiceError], object],
    ) -> None:
        """``prepare``: on the GUI thread, the read to make; ``show``: on the GUI thread, its
        answer; ``refuse``: a read the services refused (the window's message)."""
        super().__init__(owner)
        self._prepare = prepare
        self._show = show
        self._refuse = refuse
        self._sequence = 0
        self._reading = False  # a read in a worker thread is under way
        self._again = False  # rows arrived meanwhile: read once more when it returns

    @property
    def pending(self) -> bool:
        """A read in a worker thread is under way (or another is to follow it)."""
        return self._reading or self._again

    def now(self) -> None:
        """Read and show at once (the user asked). A read under way is overtaken."""
        self._sequence += 1
        self._again = False
        read = self._prepare()
        try:
            answer = read()
        except ServiceError as exc:
            self._refuse(exc)
            return
        self._show(answer)
        self.shown.emit()

    def in_background(self) -> None:
        """Read in a worker thread, then show on the GUI thread (nobody asked: rows
        arrived). While one is under way, one more follows it, not one for each call."""
        if self._reading:
            self._again = True
            return
        self._sequence += 1
        sequence = self._sequence
        self._reading = True
        run_in_thread(
            self,
            self._prepare(),
            lambda answer: self._answered(sequence, answer),
            lambda exc: self._failed(sequence, exc),
        )

    def _answered(self, sequence: int, answer: Any) -> None:
        self._reading = False
        if sequence == self._sequence:  # not overtaken by a read the user asked for
            self._show(answer)
            if not self._again:
                self.shown.emit()
        self._follow()

    def _failed(self, sequence: int, exc: BaseException) -> None:
        self._reading = False
        if not isinstance(exc, ServiceError):
            raise exc  # not a known problem: the crash dialog
        if sequence == self._sequence:
            self._refuse(exc)
        self._follow()

    def _follow(self) -> None:
        if self._again:
            self._again = False
            self.in_background()
