"""Write a PNG of each main view of stevnsmoeder under docs/screenshots/.

Builds a fresh demo database (fictitious data) in a temporary folder, logs in as the chair on
a fixed date so the pictures are stable, and grabs the start page, the calendar (month and
week), a meeting's planning window and the case list. Runs offscreen unless a screen is set.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 24)  # a Tuesday with district meetings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["STEVNSMOEDER_HOME"] = tmp
        from stevnsmoeder.db.keystore import KdfParams
        from stevnsmoeder.services import access, demo, meetings
        from stevnsmoeder.ui.app import create_application
        from stevnsmoeder.ui.main_window import MainWindow
        from stevnsmoeder.ui.prompts import RecordingPrompts

        app = create_application()
        path = Path(tmp) / "demo.db"
        demo.create_demo_database(path, years=2, today=TODAY, kdf=KdfParams(1, 8, 1))
        ctx = access.login(
            path, "leder", demo.DEMO_PASSWORD, clock=lambda: datetime(2026, 11, 24, 8, tzinfo=UTC)
        )
        out: Path = args.out
        out.mkdir(parents=True, exist_ok=True)
        window = MainWindow(ctx, RecordingPrompts())
        window.resize(1360, 800)
        window.show()

        def shot(widget: object, name: str) -> None:
            app.processEvents()
            widget.grab().save(str(out / f"{name}.png"))  # type: ignore[attr-defined]
            print(out / f"{name}.png")

        shot(window, "start")
        window.tabs.setCurrentIndex(1)
        shot(window, "calendar-month")
        window.calendar_page.set_mode("week")
        shot(window, "calendar-week")
        if window.cases_page is not None:
            window.tabs.setCurrentIndex(3)
            shot(window, "cases")
        today = [m for m in meetings.list_meetings(ctx, start=TODAY, end=TODAY) if m.case_items]
        window.open_meeting(today[0])
        planning_window = window.meeting_windows[today[0].id]
        planning_window.resize(1360, 800)
        planning_window.show()
        row = next(
            r
            for r in range(planning_window.agenda.rowCount())
            if planning_window.agenda.item_at(r).case_id
        )
        planning_window.view.selectRow(row)
        shot(planning_window, "meeting")
        planning_window.side.setCurrentIndex(1)
        shot(planning_window, "meeting-carry-over")
        planning_window.close()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
