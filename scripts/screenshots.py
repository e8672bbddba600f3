"""Write a PNG of each main view of stevnsmoeder under docs/screenshots/.

Builds a fresh demo database (fictitious data) in a temporary folder, logs in as the chair on
a fixed date so the pictures are stable, and grabs the start page, the calendar (month and
week), a meeting's planning window, the case list and the live meeting; then, as they
open on a 1366×768 laptop, the live meeting, a meeting window, a case page and a print
preview (the *-1366.png); last the policy follow-up as the head of Børn & Læring sees it, and
the first page of its PDF. Runs offscreen unless a screen is set; offscreen, the laptop is
a second screen of 1366×728 (a 40-pixel taskbar off).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 24)  # a Tuesday with district meetings
LAPTOP = "laptop-1366x768"
SCREENS = {
    "screens": [
        {"name": "desktop", "x": 0, "y": 0, "width": 1920, "height": 1080},
        {"name": LAPTOP, "x": 1920, "y": 0, "width": 1366, "height": 728},
    ]
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", nargs="*", metavar="NAME", help="write only these pictures")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            config = Path(tmp) / "screens.json"
            config.write_text(json.dumps(SCREENS))
            os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={config}")
        os.environ["STEVNSMOEDER_HOME"] = tmp
        from stevnsmoeder.db.keystore import KdfParams
        from stevnsmoeder.services import (
            access,
            case_history,
            cases,
            demo,
            documents,
            meetings,
            minutes,
        )
        from stevnsmoeder.ui.app import create_application
        from stevnsmoeder.ui.common.prompts import RecordingPrompts
        from stevnsmoeder.ui.common.screen import FRAME, fit_to_screen
        from stevnsmoeder.ui.main.main_window import MainWindow

        app = create_application()
        path = Path(tmp) / "demo.db"
        demo.create_demo_database(path, years=2, today=TODAY, kdf=KdfParams(1, 8, 1))
        now = [datetime(2026, 11, 24, 8, tzinfo=UTC)]
        ctx = access.login(path, "leder", demo.DEMO_PASSWORD, clock=lambda: now[0])
        out: Path = args.out
        out.mkdir(parents=True, exist_ok=True)
        window = MainWindow(ctx, RecordingPrompts())
        window.resize(1360, 800)
        window.show()

        def shot(widget: object, name: str) -> None:
            if args.only and name not in args.only:
                return
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
            # the case page of a child with a long history
            counts = []
            for c in cases.list_cases(ctx)[:80]:
                h = case_history.case_history(ctx, c.id, log=False)
                counts.append((len({e.type_code for e in h.entries}), len(h.entries), c.id))
            child = max(counts)[2]
            window.open_case(child)
            case_window = window.case_windows[child]
            case_window.resize(1360, 860)
            shot(case_window, "case")
            case_window.close()
            pdf = out / "case-history.pdf"
            pdf.write_bytes(documents.render_case(ctx, child).data)
            if shutil.which("pdftoppm") and (not args.only or "case-history-pdf" in args.only):
                subprocess.run(
                    ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile",
                     str(pdf), str(out / "case-history-pdf")],
                    check=True,
                )  # fmt: skip
                print(out / "case-history-pdf.png")
            pdf.unlink()
            # search as you type
            assert window.search_page is not None
            window.tabs.setCurrentWidget(window.search_page)
            window.search_page.query_edit.setText("sprog* forældre*")
            window.search_page.run_search()
            deadline = time.monotonic() + 10
            while window.search_page.last_result is None and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.01)
            shot(window, "search")
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

        # the meeting runs: 13.00, then 21 minutes into the first child's item (the warning)
        now[0] = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
        planning_window.start_meeting()
        view = planning_window.live_view
        assert view is not None
        view.step(1)
        view.step(1)
        view.notes.setPlainText(
            "Skolen fortæller, at barnet er mere stille i klassen og ofte alene i "
            "frikvartererne. Mor oplever, at barnet sover dårligt og er træt om morgenen. "
            "Sundhedsplejersken har talt med barnet om søvn."
        )
        view.decision.setPlainText("Observation i klassen i to uger; AKT-læreren taler med barnet.")
        view.flush()
        view.level_pane.set_level(3)
        view.action_pane.what.setText("Observation i klassen og i frikvarteret")
        view.action_pane.who.setEditText("AKT-læreren")
        view.action_pane.add()
        now[0] = datetime(2026, 11, 24, 12, 21, tzinfo=UTC)
        view.tick()
        shot(planning_window, "live-meeting")
        # the same on a municipal laptop: 1366×768 less a taskbar and the window's title bar
        taskbar = 40
        planning_window.resize(1366 - FRAME.width(), 768 - taskbar - FRAME.height())
        shot(planning_window, "live-meeting-1366")
        planning_window.close()

        # approved minutes of an earlier meeting
        held = [m for m in meetings.list_meetings(ctx, end=date(2026, 11, 20)) if m.case_items]
        past = held[-1]
        minutes.approve(ctx, past.id)
        window.open_meeting(past)
        approved = window.meeting_windows[past.id]
        approved.resize(1360, 800)
        approved.show()
        assert approved.live_view is not None
        first_child = next(i for i in approved.plan.items if i.case_id)
        approved.live_view.show_item(first_child.id)
        shot(approved, "minutes-approved")
        approved.close()

        # On a municipal laptop (1366×768, less the taskbar) each window opens as it would there
        # the first time: no window sizes saved from the larger screen above.
        laptop_home = Path(tmp) / "laptop"
        laptop_home.mkdir()
        os.environ["STEVNSMOEDER_HOME"] = str(laptop_home)
        laptop = next((s for s in app.screens() if s.name() == LAPTOP), app.primaryScreen())
        window.setScreen(laptop)
        window.move(laptop.availableGeometry().topLeft())
        fit_to_screen(window, window.size())
        window.activateWindow()
        app.processEvents()
        other = next(m for m in today[1:] if m.case_items)
        window.open_meeting(other)
        meeting_window = window.meeting_windows[other.id]
        meeting_window.view.selectRow(
            next(
                r
                for r in range(meeting_window.agenda.rowCount())
                if meeting_window.agenda.item_at(r).case_id
            )
        )
        shot(meeting_window, "meeting-1366")
        meeting_window.close()
        window.activateWindow()  # where the user clicks next
        app.processEvents()
        if window.cases_page is not None:
            window.open_case(child)
            shot(window.case_windows[child], "case-1366")
            window.case_windows[child].close()
        window.activateWindow()
        app.processEvents()
        ftm = [m for m in held if m.type_code == "ftm"][-1]
        window.open_meeting(ftm)
        ftm_window = window.meeting_windows[ftm.id]
        preview = ftm_window.preview(documents.MINUTES, False, ftm_window.tr("Minutes"))
        deadline = time.monotonic() + 30
        while not preview.save_button.isEnabled() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        preview.view.viewport().grab()  # the page is drawn in the background: ask, then wait
        for _ in range(100):
            app.processEvents()
            time.sleep(0.01)
        shot(preview, "print-preview-1366")
        preview.close()
        ftm_window.close()
        window.close()
        followup(args, app, tmp, out, shot)
    return 0


def followup(args: argparse.Namespace, app: object, tmp: str, out: Path, shot: object) -> None:
    """The policy follow-up as the head of Børn & Læring sees it, and its PDF's first page:
    a demo of three years, so that the year followed up and the year before are both whole."""
    names = ("followup", "followup-charts", "followup-pdf")
    if args.only and not any(name in args.only for name in names):
        return
    from stevnsmoeder.db.keystore import KdfParams
    from stevnsmoeder.services import access, demo, statistics
    from stevnsmoeder.ui.common.prompts import RecordingPrompts
    from stevnsmoeder.ui.followup.charts import ChartWidget
    from stevnsmoeder.ui.followup.window import FollowUpWindow

    path = Path(tmp) / "followup.db"
    demo.create_demo_database(path, years=3, today=TODAY, kdf=KdfParams(1, 8, 1))
    now = datetime(2026, 11, 24, 8, tzinfo=UTC)
    head = access.login(path, "chef", demo.DEMO_PASSWORD, clock=lambda: now)
    window = FollowUpWindow(head, RecordingPrompts())
    window.resize(1360, 800)
    window.show()
    page = window.page
    deadline = time.monotonic() + 60
    while (page.report is None or not page.pdf_button.isEnabled()) and time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)
    for _ in range(20):  # the new content is laid out in a few rounds
        app.processEvents()  # type: ignore[attr-defined]
    shot(window, "followup")  # type: ignore[operator]
    charts = page.findChildren(ChartWidget)
    if len(charts) > 1:
        page.scroll_area.ensureWidgetVisible(charts[1], 0, 40)
        app.processEvents()  # type: ignore[attr-defined]
        shot(window, "followup-charts")  # type: ignore[operator]
    report = page.report
    assert report is not None
    pdf = out / "followup.pdf"
    pdf.write_bytes(statistics.render_pdf(head, report)[0])
    if shutil.which("pdftoppm") and (not args.only or "followup-pdf" in args.only):
        subprocess.run(
            ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "1", "-singlefile",
             str(pdf), str(out / "followup-pdf")],
            check=True,
        )  # fmt: skip
        print(out / "followup-pdf.png")
    pdf.unlink()
    window.close()


if __name__ == "__main__":
    raise SystemExit(main())
