"""Telling connected laptops at once that the record changed (a long poll).

A laptop that is online asks ``/v1/changes`` with the highest row version it has pulled;
the answer comes as soon as the record's version moves past it (or after a while with
nothing new), and the laptop pulls. One watcher per server process reads the version
sequence a few times a second while anyone waits — one cheap query, however many laptops
wait — and wakes them all.
"""

from __future__ import annotations

import asyncio
import contextlib

from sqlalchemy import text
from starlette.concurrency import run_in_threadpool

from stevnsmoeder.db.engine import PostgresDatabase

#: How often the version is read while laptops wait.
INTERVAL = 0.2
#: The longest a laptop is kept waiting before it asks again.
LONGEST_WAIT = 25.0


class Watcher:
    def __init__(self, db: PostgresDatabase, interval: float = INTERVAL) -> None:
        self.db = db
        self.interval = interval
        self.version = -1  # not read yet
        self.waiting = 0
        self.closing = False  # the server stops: no one is kept waiting any more
        self._moved = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def _read(self) -> int:
        with self.db.engine.connect() as conn:
            last, called = conn.execute(
                text("SELECT last_value, is_called FROM row_version_seq")
            ).one()
        return int(last) if called else 0

    async def beyond(self, upto: int, seconds: float) -> int:
        """The record's version once it is above ``upto``, or after ``seconds`` whatever it
        is then."""
        loop = asyncio.get_running_loop()
        self._loop = loop
        deadline = loop.time() + min(max(seconds, 0.0), LONGEST_WAIT)
        self.waiting += 1
        try:
            if self._task is None or self._task.done():
                self._task = asyncio.create_task(self._run())
            while self.version <= upto and not self.closing:
                left = deadline - loop.time()
                if left <= 0:
                    break
                moved = self._moved
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(moved.wait(), left)
        finally:
            self.waiting -= 1
        return self.version

    def release(self) -> None:
        """The server is stopping: answer every laptop waiting now, and any that asks from
        now on, with what the version is (they ask again elsewhere or later), instead of
        leaving them to be cut off. Safe from any thread."""
        loop = self._loop
        if loop is None or loop.is_closed():
            self.closing = True
            return
        loop.call_soon_threadsafe(self._release)

    def _release(self) -> None:
        self.closing = True
        moved, self._moved = self._moved, asyncio.Event()
        moved.set()

    async def _run(self) -> None:
        while True:
            found = await run_in_threadpool(self._read)
            if found != self.version:
                self.version = found
                moved, self._moved = self._moved, asyncio.Event()
                moved.set()
            if self.waiting <= 0:
                return  # no one waits: read again when someone does
            await asyncio.sleep(self.interval)
