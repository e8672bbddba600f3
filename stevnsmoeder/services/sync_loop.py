"""Keeping a replica in step by itself while the user works (the window's background sync).

Two threads, neither of them the window's: the *sync* thread pushes and pulls — at once
when started, shortly after a change made here (debounced), when the server says the record
changed, every minute otherwise, and a last time when stopped; the *watch* thread waits on
the server's long poll and wakes the sync thread when something changed there. The network
is never waited for by the caller: ``request``, ``sync_now`` and ``stop`` return at once (or
after at most ``stop``'s timeout). What happened is told through ``on_status``, from the
sync thread; the window turns it into words and signals.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from stevnsmoeder.services import sync_client
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import AuthError, LoginDelayed, ServiceError

log = logging.getLogger(__name__)

#: Seconds between syncs when nothing asks for one (while online, and retries offline).
PERIOD = 60.0
#: Seconds after a change made here before it is pushed (changes in a burst go together).
DEBOUNCE = 0.5
#: Seconds after the server said the record changed before pulling (a burst of changes
#: elsewhere comes in one pull).
SETTLE = 0.3

CONNECTING = "connecting"
SYNCING = "syncing"
SYNCED = "synced"
OFFLINE = "offline"
PROBLEM = "problem"
WIPED = "wiped"
STOPPED = "stopped"


@dataclass(frozen=True)
class Status:
    """Where the replica stands with the server, for the status bar."""

    state: str
    last_sync: datetime | None = None
    pending: int = 0  # changes made here, not yet on the server
    conflicts: int = 0
    problem: str = ""  # the reason, in Danish, for PROBLEM and WIPED
    problem_code: str = ""  # certificate, upgrade_required, server_behind, auth, …
    clock_skew: float = 0.0
    report: sync_client.SyncReport | None = None  # the sync that just ended
    rounds: int = 0  # syncs ended since the loop started (whatever their outcome)

    @property
    def clock_off(self) -> bool:
        return abs(self.clock_skew) > sync_client.CLOCK_TOLERANCE


class SyncLoop:
    def __init__(
        self,
        ctx: ServiceContext,
        password: str,
        on_status: Callable[[Status], None],
        *,
        period: float = PERIOD,
        debounce: float = DEBOUNCE,
        watch: bool = True,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ctx = ctx
        self.link = sync_client.Link(ctx, password)
        self.on_status = on_status
        self.period, self.debounce, self.watch = period, debounce, watch
        self.monotonic = monotonic
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._due: float | None = None  # when the next sync is asked for
        self._final = True
        self._status = Status(CONNECTING, pending=self._pending())
        self._sync_thread = threading.Thread(target=self._run, name="sync", daemon=True)
        self._watch_thread = threading.Thread(target=self._watching, name="sync-watch", daemon=True)

    # -- from the window's thread ---------------------------------------------------------
    @property
    def status(self) -> Status:
        return self._status

    def start(self) -> None:
        self._due = self.monotonic()
        self._sync_thread.start()
        if self.watch:
            self._watch_thread.start()

    def request(self, delay: float | None = None) -> None:
        """A change was made here: sync after ``delay`` (the debounce), unless one is due
        sooner."""
        at = self.monotonic() + (self.debounce if delay is None else delay)
        with self._lock:
            if self._due is None or at < self._due:
                self._due = at
        self._wake.set()

    def sync_now(self) -> None:
        self.request(0.0)

    def join_watch(self, timeout: float) -> bool:
        """Wait for the watch thread to end after ``stop`` (tests; a long poll ends when
        the server answers or goes)."""
        if self._watch_thread.is_alive():
            self._watch_thread.join(timeout)
        return not self._watch_thread.is_alive()

    def stop(self, *, final_sync: bool = True, timeout: float = 5.0) -> bool:
        """End the loop: a last sync first (so the minutes leave with the chair), within
        ``timeout`` seconds; the session with the server is ended. False when the thread
        was still busy after the timeout (it ends by itself; nothing is lost, the outbox
        keeps what was not pushed)."""
        self._final = final_sync
        self._stopping.set()
        self._wake.set()
        if not self._sync_thread.is_alive():
            return True
        self._sync_thread.join(timeout)
        return not self._sync_thread.is_alive()

    # -- the sync thread ----------------------------------------------------------------
    def _pending(self) -> int:
        try:
            return sync_client.pending(self.ctx)
        except ServiceError:
            return 0

    def _tell(self, status: Status) -> None:
        self._status = status
        with contextlib.suppress(Exception):  # a window gone must not stop the loop
            self.on_status(status)

    def _next_wait(self) -> float:
        with self._lock:
            due = self._due
        if due is None:
            return self.period
        return max(0.0, due - self.monotonic())

    def _run(self) -> None:
        try:
            self._loop()
        finally:  # wiped, stopped or failed: the session and its connection end
            with contextlib.suppress(Exception):
                self.link.close()

    def _loop(self) -> None:
        while not self._stopping.is_set():
            wait = self._next_wait()
            if wait > 0:
                self._wake.wait(wait)
                self._wake.clear()
                if self._stopping.is_set():
                    break
                if self._next_wait() > 0 and self._due is not None:
                    continue  # woken early (a change here): wait out the debounce
            with self._lock:
                self._due = None
            if not self._once():
                return  # wiped: nothing more to do with this replica
            with self._lock:
                if self._due is None:
                    self._due = self.monotonic() + self.period
        if self._final and self._status.state != WIPED:
            self._once()
        self._tell(replace(self._status, state=STOPPED, report=None))

    def _once(self) -> bool:
        """One sync; False when the replica was wiped."""
        before = self._status
        first = before.last_sync is None and before.state in (CONNECTING, OFFLINE, PROBLEM)
        self._tell(replace(before, state=CONNECTING if first else SYNCING, report=None))
        try:
            report = self.link.sync()
        except sync_client.ReplicaWiped as exc:
            self._stopping.set()
            self._tell(Status(WIPED, problem=str(exc), problem_code="wiped"))
            return False
        except sync_client.ServerUnreachable:
            self._tell(
                replace(
                    before,
                    state=OFFLINE,
                    pending=self._pending(),
                    report=None,
                    rounds=before.rounds + 1,
                )
            )
            return True
        except sync_client.ServerRefused as exc:
            self._tell(self._problem(before, str(exc), exc.code))
            return True
        except (AuthError, LoginDelayed) as exc:
            self._tell(self._problem(before, str(exc), "auth"))
            return True
        except ServiceError as exc:
            log.warning("sync failed: %s", type(exc).__name__)
            self._tell(self._problem(before, str(exc), "error"))
            return True
        except Exception as exc:  # the loop must outlive any one sync; the outbox keeps all
            # The frames only: an error's message may quote the data it failed on.
            where = "".join(traceback.format_tb(exc.__traceback__))
            log.error("sync failed unexpectedly: %s\n%s", type(exc).__name__, where)
            self._tell(self._problem(before, "", "error"))
            return True
        self._tell(
            Status(
                SYNCED,
                last_sync=report.at,
                pending=self._pending(),
                conflicts=report.conflicts,
                clock_skew=report.clock_skew,
                report=report,
                rounds=before.rounds + 1,
            )
        )
        return True

    def _problem(self, before: Status, message: str, code: str) -> Status:
        return replace(
            before,
            state=PROBLEM,
            problem=message,
            problem_code=code,
            pending=self._pending(),
            report=None,
            rounds=before.rounds + 1,
        )

    # -- the watch thread ---------------------------------------------------------------
    def _watching(self) -> None:
        """Wait for changes on the server while online; when offline, wait for the sync
        thread to be in contact again."""
        while not self._stopping.is_set():
            if self._status.state not in (SYNCED, SYNCING):
                self._stopping.wait(2.0)
                continue
            try:
                changed = self.link.wait_for_change()
            except sync_client.ReplicaWiped:
                self._wake.set()
                return
            except ServiceError:
                self._stopping.wait(5.0)  # offline, or refused: the sync thread says so
                continue
            if changed and not self._stopping.is_set():
                self.request(SETTLE)
            elif not changed:
                self._stopping.wait(0.5)  # no session yet, or nothing within the wait
