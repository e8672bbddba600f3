"""Window figures, each measured in a fresh process (offscreen): prints one JSON line.

    python -m benchmarks.probe_gui launch DB
    python -m benchmarks.probe_gui login DB [REPEATS]
    python -m benchmarks.probe_gui memory DB
    python -m benchmarks.probe_gui autosave DB

"launch" prints a line as soon as the login window is visible; the parent times the process
from its start to that line. The others time themselves and print their result.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _rss_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB."""
    values: dict[str, float] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _sep, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


def launch(db: Path) -> None:
    # What `stevnsmoeder` does up to the login window (stevnsmoeder.ui.app.run).
    from stevnsmoeder.ui.access.login import LoginDialog
    from stevnsmoeder.ui.app import create_application

    app = create_application()
    dialog = LoginDialog(db, "leder")
    dialog.show()
    app.processEvents()
    print("VISIBLE", flush=True)


def _main_window(db: Path, user: str = "leder") -> tuple[object, object, object]:
    from stevnsmoeder.services import access
    from stevnsmoeder.ui.common.prompts import RecordingPrompts
    from stevnsmoeder.ui.main.main_window import MainWindow

    ctx = access.login(db, user, "demo")
    window = MainWindow(ctx, RecordingPrompts())
    return ctx, window, RecordingPrompts


def login(db: Path, repeats: int) -> None:
    """Password given → main window with this week's meetings, then the week view, painted.
    The imports are warm, as the login dialog warms them while the user types."""
    from stevnsmoeder.ui.access.login import _warm_imports
    from stevnsmoeder.ui.app import create_application

    app = create_application()
    _warm_imports()
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        ctx, window, _p = _main_window(db)
        window.show()  # type: ignore[attr-defined]
        app.processEvents()
        window.grab()  # type: ignore[attr-defined]  # the start page, painted
        window.tabs.setCurrentWidget(window.calendar_page)  # type: ignore[attr-defined]
        window.calendar_page.set_mode("week")  # type: ignore[attr-defined]
        app.processEvents()
        window.grab()  # type: ignore[attr-defined]
        times.append(time.perf_counter() - began)
        window.close()  # type: ignore[attr-defined]
        ctx.db.close()  # type: ignore[attr-defined]
        app.processEvents()
    print(json.dumps({"median_s": statistics.median(times), "runs": times}))


def memory(db: Path) -> None:
    """Resident memory with the database open in the window, every page visited."""
    from stevnsmoeder.ui.app import create_application
    from stevnsmoeder.ui.common.worker import wait_for_all

    app = create_application()
    _ctx, window, _p = _main_window(db)
    window.show()  # type: ignore[attr-defined]
    app.processEvents()
    tabs = window.tabs  # type: ignore[attr-defined]
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        app.processEvents()
        window.grab()  # type: ignore[attr-defined]
    page = window.search_page  # type: ignore[attr-defined]
    page.query_edit.setText("skole")
    page.run_search()
    wait_for_all()
    app.processEvents()
    cases = window.cases_page.model  # type: ignore[attr-defined]
    if cases.rowCount():
        window.open_case(cases.row_at(0).id)  # type: ignore[attr-defined]
        app.processEvents()
    rss, peak = _rss_mb()
    print(json.dumps({"rss_mb": rss, "peak_mb": peak}))


def autosave(db: Path) -> None:
    """Type minutes into a running meeting: time from the last keystroke to the committed
    save, and the longest the GUI thread was kept from its event loop meanwhile."""
    from datetime import timedelta

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtTest import QTest

    from stevnsmoeder.services import meetings
    from stevnsmoeder.ui.app import create_application
    from stevnsmoeder.ui.common.autosave import DEBOUNCE_MS

    app = create_application()
    ctx, window, _p = _main_window(db)
    today = ctx.today()  # type: ignore[attr-defined]
    planned = [
        m
        for m in meetings.list_meetings(ctx, start=today, end=today + timedelta(days=60))  # type: ignore[arg-type]
        if m.case_items and m.status.value == "planned"
    ]
    window.open_meeting(planned[0])  # type: ignore[attr-defined]
    meeting_window = window.meeting_windows[planned[0].id]  # type: ignore[attr-defined]
    meeting_window.show()
    meeting_window.start_meeting()
    view = meeting_window.live_view
    view.step(1)
    app.processEvents()
    saved_at: list[float] = []
    view.saver.saved.connect(lambda: saved_at.append(time.perf_counter()))
    # The event loop's heartbeat: the largest gap between 2 ms ticks is the longest block.
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        gaps.append((now - last[0]) / 1e6)
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(2)
    heartbeat.timeout.connect(tick)
    heartbeat.start()
    text = "Skolen fortæller, at barnet er mere stille i klassen og ofte alene i frikvarteret. "
    view.notes.setFocus()
    last_key = 0.0
    for _round in range(3):
        for char in text:
            QTest.keyClick(view.notes, char)
            last_key = time.perf_counter()
            app.processEvents()
        deadline = time.perf_counter() + 5
        count = len(saved_at)
        while time.perf_counter() < deadline:
            app.processEvents()
            if len(saved_at) > count and saved_at[-1] > last_key:
                break
            time.sleep(0.001)
    heartbeat.stop()
    committed = saved_at[-1] - last_key if saved_at and saved_at[-1] > last_key else None
    print(
        json.dumps(
            {
                "keystroke_to_commit_s": committed,
                "debounce_ms": DEBOUNCE_MS,
                "max_block_ms": max(gaps) if gaps else None,
                "p99_block_ms": sorted(gaps)[int(len(gaps) * 0.99)] if gaps else None,
            }
        )
    )
    meeting_window.close()


def main() -> int:
    mode, db = sys.argv[1], Path(sys.argv[2])
    if mode == "launch":
        launch(db)
    elif mode == "login":
        login(db, int(sys.argv[3]) if len(sys.argv) > 3 else 5)
    elif mode == "memory":
        memory(db)
    elif mode == "autosave":
        autosave(db)
    else:
        raise SystemExit(f"unknown mode {mode}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
