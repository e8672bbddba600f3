"""Work off the GUI thread hands its result back only while the window that asked lives."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from stevnsmoeder.ui.worker import run_in_thread


def test_a_result_queued_for_a_deleted_owner_is_dropped(qapp) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    seen: list[object] = []
    thread = run_in_thread(owner, lambda: 42, seen.append, seen.append)
    assert thread.wait(10_000)  # the result waits in the GUI thread's queue
    shiboken6.delete(owner)  # the window closes before the queue is served
    QApplication.processEvents()
    assert seen == []


def test_a_result_reaches_a_living_owner(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    seen: list[object] = []
    run_in_thread(owner, lambda: 42, seen.append, seen.append)
    qtbot.waitUntil(lambda: seen == [42], timeout=10_000)
