"""The background sync of a connected laptop, as the window sees it.

``SyncController`` runs the service's ``SyncLoop`` (its own threads; the window never waits
for the network) and hands its news to the GUI thread as ``status_changed``. A change made
in this window asks for a sync shortly after (debounced); rows that arrived from the server
are announced on the app-wide change bus, so the open views refresh (and an open text the
user is typing is kept, as always). A replica the server closed is wiped: ``wiped`` says so.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal

from stevnsmoeder.services import search, sync_client, sync_loop
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.sync_loop import Status, SyncLoop
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.worker import run_in_thread

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; the sync thread emits, the GUI thread receives (queued)."""

    arrived = Signal(object)


class SyncController(QObject):
    status_changed = Signal(object)  # a sync_loop.Status
    wiped = Signal(str)  # the server closed the access; the replica is gone (the reason)
    pulled = Signal(object)  # a SyncReport that brought or removed rows

    def __init__(
        self,
        ctx: ServiceContext,
        password: str,
        parent: QObject | None = None,
        *,
        period: float = sync_loop.PERIOD,
        debounce: float = sync_loop.DEBOUNCE,
        watch: bool = True,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._password = password  # for the calls that need the server at once
        self._relay = _Relay(self)
        self._relay.arrived.connect(self._arrived)
        self.loop = SyncLoop(
            ctx, password, self._relay.arrived.emit, period=period, debounce=debounce, watch=watch
        )
        self._announcing = False
        self._stopped = False
        changes.bus().changed.connect(self._changed_here)

    @property
    def status(self) -> Status:
        return self.loop.status

    @property
    def password(self) -> str:
        """The password the server knows for this user (as typed at login, or changed since)."""
        return self._password

    def password_changed(self, new: str) -> None:
        """The user changed the password (the server took it first): the sync logs in with
        it from now on."""
        self._password = new
        self.loop.link.set_password(new)

    def start(self) -> None:
        self.loop.start()

    def sync_now(self) -> None:
        self.loop.sync_now()

    def stop(self, *, final_sync: bool = True, timeout: float = 5.0) -> bool:
        """At the end of the session: a last sync within ``timeout`` seconds."""
        if self._stopped:
            return True
        self._stopped = True
        with contextlib.suppress(RuntimeError, TypeError):  # not connected any more
            changes.bus().changed.disconnect(self._changed_here)
        return self.loop.stop(final_sync=final_sync, timeout=timeout)

    # -- what needs the server at once (off the GUI thread; the callbacks on it) ----------
    def search_online(
        self,
        owner: QObject,
        query: str,
        done: Callable[[search.Result], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Search the whole record on the server (what the user may see there)."""
        ctx, password = self.ctx, self._password

        def work() -> search.Result:
            found = sync_client.search_online(ctx, password, query)
            hits = tuple(search.Hit.from_json(h) for h in found.get("hits", []))
            return search.Result(
                query, query, hits, float(found.get("elapsed_ms", 0.0)),
                str(found.get("message", "")), bool(found.get("truncated", False)),
            )  # fmt: skip

        run_in_thread(owner, work, done, failed)

    def take_along(
        self,
        owner: QObject,
        case_id: uuid.UUID,
        reason: str,
        until: date,
        done: Callable[[object], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """PPR: take a case along; it arrives with the sync that follows at once."""
        ctx, password = self.ctx, self._password

        def work() -> None:
            sync_client.take_along(ctx, password, case_id, reason, until, then_sync=False)

        def taken(result: object) -> None:
            self.loop.sync_now()
            done(result)

        run_in_thread(owner, work, taken, failed)

    def put_back(
        self,
        owner: QObject,
        case_id: uuid.UUID,
        done: Callable[[object], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """PPR: put a case back; it leaves this computer with the sync that follows."""
        ctx, password = self.ctx, self._password

        def work() -> None:
            sync_client.put_back(ctx, password, case_id, then_sync=False)

        def returned(result: object) -> None:
            self.loop.sync_now()
            done(result)

        run_in_thread(owner, work, returned, failed)

    def _changed_here(self, what: str, ident: object) -> None:
        if not self._announcing and not self._stopped:
            self.loop.request()

    def _arrived(self, status: object) -> None:
        assert isinstance(status, Status)
        report = status.report
        if report is not None and (report.pulled or report.removed):
            self._announcing = True  # what came from the server is no change to push
            try:
                self.pulled.emit(report)
                # One announcement for all of it: every view that shows meetings or cases
                # reloads once (the main window the page in view, an open meeting's window).
                changes.bus().announce(changes.ARRIVED)
            finally:
                self._announcing = False
        self.status_changed.emit(status)
        if status.state == sync_loop.WIPED:
            self.wiped.emit(status.problem)
