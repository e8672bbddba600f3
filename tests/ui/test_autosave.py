"""The autosaver: text saved within a second, off the GUI thread; a failed save keeps the
text and tries again; the newest text wins."""

from __future__ import annotations

import threading
import uuid

from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.ui.common.autosave import AutoSaver


class FlakyStore:
    """Fails the first ``failures`` saves (a locked database, a full disk), then works."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.saved: dict[tuple[uuid.UUID, str], str] = {}
        self.threads: set[str] = set()

    def save(self, item_id: uuid.UUID, field: str, text: str) -> None:
        self.threads.add(threading.current_thread().name)
        if self.failures:
            self.failures -= 1
            raise ServiceError("Databasen er låst")
        self.saved[(item_id, field)] = text


def test_saves_off_the_gui_thread_after_typing_pauses(qtbot) -> None:  # type: ignore[no-untyped-def]
    store = FlakyStore(0)
    saver = AutoSaver(store.save)
    item = uuid.uuid4()
    for text in ("N", "No", "Not", "Noter"):
        saver.changed(item, "notes", text)
    with qtbot.waitSignal(saver.saved, timeout=2000):
        pass
    assert store.saved == {(item, "notes"): "Noter"}  # only the newest text was written
    assert store.threads == {"autosave"}
    saver.stop()


def test_a_failed_save_keeps_the_text_and_retries(qtbot) -> None:  # type: ignore[no-untyped-def]
    store = FlakyStore(2)
    saver = AutoSaver(store.save)
    messages: list[str] = []
    saver.failed.connect(messages.append)
    item = uuid.uuid4()
    saver.changed(item, "decision", "Observation")
    assert not saver.flush()  # the store is locked: not saved, and the text is kept
    assert saver.has_pending()
    qtbot.waitUntil(lambda: messages == ["Databasen er låst"], timeout=2000)  # told, once
    saver.changed(item, "decision", "Observation i to uger")  # typing goes on meanwhile
    assert not saver.flush()
    assert saver.flush()  # the store is back: the newest text is written
    assert store.saved == {(item, "decision"): "Observation i to uger"}
    assert not saver.has_pending()
    saver.stop()
