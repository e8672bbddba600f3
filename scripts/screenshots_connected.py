"""Write the pictures of a connected laptop under docs/screenshots/.

Starts what ``scripts/server`` starts, in a temporary folder (a PostgreSQL cluster, the
fictitious demo, a self-signed certificate, the server on 127.0.0.1), connects the chair's
and the secretary's laptops to it, and grabs, as they open on a 1366×768 laptop: the login
window listing the replicas (connect-login-1366), *Forbind til kommunens server* during
the first sync (connect-1366), the main window in step (connected-1366), the status bar's
states (sync-status), and a meeting that runs on the chair's other computer
(running-elsewhere-1366). Needs Debian's ``postgresql``; runs offscreen unless a screen is
set.

    .venv/bin/python scripts/screenshots_connected.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 24)  # a Tuesday with district meetings
NOW = datetime(2026, 11, 24, 8, 32, tzinfo=UTC)
SCREENS = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 728}]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            config = Path(tmp) / "screens.json"
            config.write_text(json.dumps(SCREENS))
            os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={config}")
        os.environ["STEVNSMOEDER_HOME"] = str(Path(tmp) / "home")
        return _shoot(Path(tmp), args.out)


def _shoot(tmp: Path, out: Path) -> int:
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtWidgets import QWidget

    from stevnsmoeder.db.engine import PostgresDatabase
    from stevnsmoeder.db.keystore import KdfParams
    from stevnsmoeder.db.pg_cluster import Cluster
    from stevnsmoeder.model.enums import MeetingStatus
    from stevnsmoeder.server import certs, trial
    from stevnsmoeder.server.run import Background, Listen
    from stevnsmoeder.services import (
        access,
        devices,
        leases,
        live,
        meetings,
        planning,
        replicas,
        server_access,
        sync_client,
        sync_loop,
    )
    from stevnsmoeder.services.demo import DEMO_PASSWORD, create_demo_database
    from stevnsmoeder.ui.access.login import LoginDialog
    from stevnsmoeder.ui.app import create_application
    from stevnsmoeder.ui.common.prompts import RecordingPrompts
    from stevnsmoeder.ui.main.main_window import MainWindow
    from stevnsmoeder.ui.sync.attach import attach
    from stevnsmoeder.ui.sync.connect_dialog import ConnectDialog

    app = create_application()
    out.mkdir(parents=True, exist_ok=True)
    cheap = KdfParams(1, 8, 1)

    def clock() -> datetime:
        return NOW

    def shot(widget: QWidget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    def wait(condition: object, seconds: float = 60.0) -> None:
        deadline = time.monotonic() + seconds
        while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.02)

    if os.name == "posix":
        tmp.chmod(0o755)  # PostgreSQL runs as its own user when this runs as root
    cluster = Cluster(tmp / "postgresql")
    cluster.start()
    try:
        url = trial._database(cluster)
        create_demo_database(url, years=1, today=TODAY, kdf=cheap)
        made = certs.make(tmp / "tls", ("127.0.0.1",))
        db = PostgresDatabase.connect(url)
        server = Background(db, Listen("127.0.0.1", 0, made.cert_file, made.key_file), clock=clock)
        address = server.start()
        try:
            there = sync_client.Server(address, made.ca_file)
            for login in ("referent", "leder"):  # the chair's last: his is the one opened
                chair, _made = replicas.connect(there, login, DEMO_PASSWORD, clock=clock, kdf=cheap)

            # The login window: the replicas on this computer, by user and server.
            login = LoginDialog(Path(os.environ["STEVNSMOEDER_HOME"]) / "stevnsmoeder.db")
            login.show()
            shot(login, "connect-login-1366")
            login.close()

            # Forbind til kommunens server, as the first sync of a new laptop goes.
            dialog = ConnectDialog("ppr")
            dialog.url_edit.setText(address)
            dialog.ca_edit.setText(str(made.ca_file))
            dialog.password_edit.setText(DEMO_PASSWORD)
            dialog.show()
            dialog._set_busy(True)
            dialog._moved(sync_client.Progress("write", 1200, 2000, 118, 23))
            shot(dialog, "connect-1366")
            dialog._set_busy(False)
            dialog.close()

            # The chair's main window, in step with the server.
            ctx = access.login(chair.path, "leder", DEMO_PASSWORD, clock=clock)
            window = MainWindow(ctx, RecordingPrompts())
            controller = attach(window, DEMO_PASSWORD, chair)
            window.show()
            wait(lambda: controller.status.state == sync_loop.SYNCED)
            shot(window, "connected-1366")

            # The status bar's states, one above the other.
            bar = window.sync_status  # type: ignore[attr-defined]
            states = [
                sync_loop.Status(sync_loop.SYNCED, last_sync=NOW),
                sync_loop.Status(sync_loop.OFFLINE, last_sync=NOW, pending=3),
                sync_loop.Status(sync_loop.CONNECTING, last_sync=NOW, pending=3),
                sync_loop.Status(sync_loop.SYNCED, last_sync=NOW, conflicts=2),
                sync_loop.Status(
                    sync_loop.SYNCED, last_sync=NOW, clock_skew=-2 * 3600 - 60, pending=0
                ),
            ]
            strips = []
            status_bar = window.statusBar()
            for state in states:
                bar.show_status(state)
                for _ in range(5):
                    app.processEvents()
                strips.append(status_bar.grab())
            picture = QPixmap(max(s.width() for s in strips), sum(s.height() + 6 for s in strips))
            picture.fill(window.palette().window().color())
            painter = QPainter(picture)
            y = 0
            for strip in strips:
                painter.drawPixmap(0, y, strip)
                y += strip.height() + 6
            painter.end()
            picture.save(str(out / "sync-status.png"))
            print(out / "sync-status.png")
            bar.show_status(controller.status)

            # The chair started today's meeting on his other computer: here it opens
            # read-only and says where it runs.
            on_server = server_access.login_server(url, "leder", DEMO_PASSWORD, clock=clock)
            later = next(
                m
                for m in meetings.list_meetings(on_server, start=TODAY, end=TODAY)
                if m.status is MeetingStatus.PLANNED and m.case_items
            )
            elsewhere = devices.register(
                db, "leder", DEMO_PASSWORD, "Mødelederens anden computer", clock=clock
            )
            live.start(on_server, later.id)
            leases.claim(on_server, elsewhere.device_id, later.id)
            controller.sync_now()
            wait(lambda: sync_client.running_elsewhere(ctx, later.id) is not None)
            window.open_meeting(planning.get_plan(ctx, later.id).summary)
            meeting = window.meeting_windows[later.id]
            meeting.show()
            shot(meeting, "running-elsewhere-1366")
            meeting.close()
            controller.stop(final_sync=False)
            window.close()
            on_server.db.close()
        finally:
            server.stop()
            db.close()
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
