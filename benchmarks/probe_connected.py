"""A connected laptop's window figures, each in a fresh process (offscreen): one JSON line.

    python -m benchmarks.probe_connected offline_login REPLICA LOGIN [REPEATS]
    python -m benchmarks.probe_connected idle_sync REPLICA LOGIN [REPEATS]
    python -m benchmarks.probe_connected pair URL CA REPLICA_A LOGIN_A REPLICA_B LOGIN_B [ROUNDS]

``offline_login``: password given → main window with this week's meetings, then the week
view painted, on a replica whose server cannot be reached (the background sync starts and
fails meanwhile): the window must not wait for the network.

``pair``: two windows over two replicas, both online with their background sync: a change
made in the first (an agenda item added by the secretary) until it is in the second's
replica and announced to its views; and the longest the GUI thread was kept from its event
loop meanwhile (a 2 ms heartbeat) — with the pages in view reloading, and in as many rounds
again without those reloads (measured apart), which leaves the sync's own hold on it.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSWORD = "demo"


def _window(path: Path, login: str, url: str, ca: str) -> tuple[Any, Any, Any]:
    from stevnsmoeder.services import access, replicas
    from stevnsmoeder.ui.common.prompts import RecordingPrompts
    from stevnsmoeder.ui.main.main_window import MainWindow
    from stevnsmoeder.ui.sync.attach import attach

    ctx = access.login(path, login, PASSWORD)
    window = MainWindow(ctx, RecordingPrompts())
    replica = replicas.Replica(path, login, url, Path(ca) if ca else None)
    controller = attach(window, PASSWORD, replica)
    return ctx, window, controller


def offline_login(path: Path, login: str, repeats: int) -> None:
    from stevnsmoeder.services import access, app_settings, sync_client
    from stevnsmoeder.ui.access.login import _warm_imports
    from stevnsmoeder.ui.app import create_application

    app = create_application()
    _warm_imports()
    # The network is gone: the replica's server is an address where nothing answers.
    ctx = access.login(path, login, PASSWORD)
    with ctx.db.begin() as s:
        app_settings.put(s, sync_client.SERVER_URL, "https://127.0.0.1:9")
    ctx.db.close()
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        ctx, window, controller = _window(path, login, "https://127.0.0.1:9", "")
        window.show()
        app.processEvents()
        window.grab()  # the start page, painted
        window.tabs.setCurrentWidget(window.calendar_page)
        window.calendar_page.set_mode("week")
        app.processEvents()
        window.grab()
        times.append(time.perf_counter() - began)
        controller.stop(final_sync=False)
        window.close()
        with ctx.db.begin() as s:  # what the failed syncs left: the replica's own settings
            assert app_settings.get(s, sync_client.SERVER_URL)
        ctx.db.close()
        app.processEvents()
    print(json.dumps({"median_s": statistics.median(times), "runs": times}))


def pair(url: str, ca: str, a: Path, login_a: str, b: Path, login_b: str, rounds: int) -> None:
    from datetime import timedelta

    from PySide6.QtCore import QElapsedTimer, QTimer

    from stevnsmoeder.model.enums import MeetingStatus
    from stevnsmoeder.services import meetings, planning, sync_loop
    from stevnsmoeder.ui.app import create_application
    from stevnsmoeder.ui.common import changes

    app = create_application()
    ctx_a, window_a, sync_a = _window(a, login_a, url, ca)
    ctx_b, window_b, sync_b = _window(b, login_b, url, ca)
    for window in (window_a, window_b):
        window.show()
    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline and not all(
        c.status.state == sync_loop.SYNCED for c in (sync_a, sync_b)
    ):
        app.processEvents()
        time.sleep(0.005)
    today = ctx_a.today()
    both = {m.id for m in meetings.list_meetings(ctx_b, start=today, end=today + timedelta(28))}
    target = next(
        m
        for m in meetings.list_meetings(ctx_a, start=today, end=today + timedelta(28))
        if m.status is MeetingStatus.PLANNED and m.id in both
    )
    arrived: list[float] = []
    sync_b.pulled.connect(lambda _report: arrived.append(time.perf_counter()))
    gaps: list[float] = []  # every gap between heartbeats (the rounds with reloads)
    sync_gaps: list[float] = []  # every gap in the rounds without reloads: the sync's own
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]
    reloading = [True]  # the first half of the rounds reload the windows' pages
    refreshes: list[float] = []

    def timed(window: Any, name: str) -> None:
        """A view reloading with the rows that arrived (or, in the first window, with its
        own change): window work, not the sync's. Made in the first half of the rounds;
        left out in the second, where what is left of the GUI thread's waits is the
        sync's (its status, its signals, its threads' hold on the interpreter)."""
        real = getattr(window, name)

        def run() -> None:
            if reloading[0]:
                real()

        setattr(window, name, run)

    for window in (window_a, window_b):
        timed(window, "_refresh_in_view")
        timed(window, "refresh")
    for page in (window_b.start_page, window_b.calendar_page):
        # The rows that arrived are read in a worker; this is the GUI thread's part.
        show = page.loader._show

        def showing(answer: Any, show: Any = show) -> None:
            began = time.perf_counter()
            show(answer)
            refreshes.append((time.perf_counter() - began) * 1000)

        page.loader._show = showing

    def tick() -> None:
        now = clock.nsecsElapsed()
        (gaps if reloading[0] else sync_gaps).append((now - last[0]) / 1e6)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(2)
    heartbeat.timeout.connect(tick)
    latencies: list[float] = []
    for n in range(2 * rounds):
        reloading[0] = n < rounds
        plan = planning.get_plan(ctx_a, target.id)
        title = f"Punkt fra sekretæren {n + 1}"
        began = time.perf_counter()
        planning.add_item(ctx_a, target.id, plan.revision, title=title, minutes=5)
        changes.bus().announce(changes.MEETING, target.id)  # as the window's operations do
        app.processEvents()  # the first window's own reload and repaint: not the sync's
        count = len(arrived)
        last[0] = clock.nsecsElapsed()
        heartbeat.start()
        deadline = time.perf_counter() + 30
        seen = False
        while time.perf_counter() < deadline and not seen:
            app.processEvents()
            if len(arrived) > count:
                heartbeat.stop()  # the check below is the probe's work, not the window's
                seen = title in [i.title for i in planning.get_plan(ctx_b, target.id).items]
                count = len(arrived)
                last[0] = clock.nsecsElapsed()
                heartbeat.start()
            time.sleep(0.001)
        heartbeat.stop()
        if reloading[0]:
            latencies.append(arrived[-1] - began if seen else float("inf"))
    for controller in (sync_a, sync_b):
        controller.stop(final_sync=False)
    for window in (window_a, window_b):
        window.close()
    print(
        json.dumps(
            {
                "change_visible_median_s": statistics.median(latencies),
                "change_visible_max_s": max(latencies),
                "rounds": latencies,
                "max_block_ms": max(gaps) if gaps else None,
                "p99_block_ms": sorted(gaps)[int(len(gaps) * 0.99)] if gaps else None,
                "sync_block_max_ms": max(sync_gaps) if sync_gaps else None,
                "sync_block_p99_ms": (
                    sorted(sync_gaps)[int(len(sync_gaps) * 0.99)] if sync_gaps else None
                ),
                "refresh_median_ms": statistics.median(refreshes) if refreshes else None,
            }
        )
    )
    for ctx in (ctx_a, ctx_b):
        ctx.db.close()


def idle_sync(path: Path, login: str, repeats: int) -> None:
    """Whole syncs with nothing new, as the window's background sync makes them (its
    session kept), from a laptop's process of its own (not sharing the server's)."""
    from stevnsmoeder.services import access, sync_client

    ctx = access.login(path, login, PASSWORD)
    times = []
    with sync_client.Link(ctx, PASSWORD) as link:
        link.sync()  # in step, and logged in
        for _ in range(repeats):
            began = time.perf_counter()
            link.sync()
            times.append(time.perf_counter() - began)
    ctx.db.close()
    print(json.dumps({"median_s": statistics.median(times), "runs": times}))


def main() -> int:
    mode = sys.argv[1]
    if mode == "idle_sync":
        idle_sync(Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 20)
    elif mode == "offline_login":
        repeats = int(sys.argv[4]) if len(sys.argv) > 4 else 5
        offline_login(Path(sys.argv[2]), sys.argv[3], repeats)
    elif mode == "pair":
        url, ca, a, login_a, b, login_b = sys.argv[2:8]
        rounds = int(sys.argv[8]) if len(sys.argv) > 8 else 5
        pair(url, ca, Path(a), login_a, Path(b), login_b, rounds)
    else:
        raise SystemExit(f"unknown mode {mode}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
