"""One app-wide signal that says what changed, so each view refreshes only what it shows.

Every data change in the window runs as an operation: call the service, show a known problem in
one place, then announce the change here.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal

MEETING = "meeting"
CASE = "case"
SERIES = "series"
ARRIVED = "arrived"  # rows from the server (a connected laptop's sync): any of the above


class ChangeBus(QObject):
    changed = Signal(str, object)  # (what, id or None)

    def announce(self, what: str, ident: uuid.UUID | None = None) -> None:
        self.changed.emit(what, ident)


_bus: ChangeBus | None = None


def bus() -> ChangeBus:
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus
