"""The connected desktop: two windows over two replicas against a real server and
PostgreSQL. The secretary plans on hers, the chair runs the meeting offline on his and ends
it, the secretary approves after the sync; the status bar's words follow; a revoked
computer's replica is wiped and the window says so."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import (
    access,
    devices,
    minutes,
    planning,
    replicas,
    sync_client,
    sync_loop,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.demo import DEMO_PASSWORD
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.sync.attach import attach
from stevnsmoeder.ui.sync.status import headline
from tests.conftest import CHEAP_KDF
from tests.sync.conftest import Running
from tests.sync.netcut import Network
from tests.sync.test_replicas import _window
from tests.ui.test_live_meeting import Keyboard

WAIT = 20_000  # ms: a sync over TLS on a loaded test machine; the benchmark has the budget


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()  # Danish, the bundled fonts


class Laptop:
    """One user's laptop: a replica listed for the login window, and its main window with
    the background sync running."""

    def __init__(self, qtbot, running: Running, login: str) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.network = Network(running.url)  # this laptop's own way to the server
        self.replica, _made = replicas.connect(
            sync_client.Server(self.network.url, running.ca),
            login,
            DEMO_PASSWORD,
            clock=running.clock,
            kdf=CHEAP_KDF,
        )
        self.ctx = access.login(self.replica.path, login, DEMO_PASSWORD, clock=running.clock)
        self.prompts = RecordingPrompts()
        self.window = MainWindow(self.ctx, self.prompts)
        qtbot.addWidget(self.window)
        self.sync = attach(self.window, DEMO_PASSWORD, self.replica)
        self.window.show()
        self.wait_for(sync_loop.SYNCED)

    @property
    def status(self) -> sync_loop.Status:
        return self.sync.status

    def words(self) -> str:
        return self.window.sync_status.state_button.text()  # type: ignore[attr-defined]

    def wait_for(self, state: str) -> None:
        self.qtbot.waitUntil(lambda: self.status.state == state, timeout=WAIT)

    def synced_after(self, action) -> None:  # type: ignore[no-untyped-def]
        """Run ``action`` and wait for the next completed sync after it."""
        seen = self.status.rounds
        action()
        self.qtbot.waitUntil(
            lambda: (
                self.status.state == sync_loop.SYNCED
                and self.status.rounds > seen
                and self.status.pending == 0
            ),
            timeout=WAIT,
        )

    def unplug(self) -> None:
        """The network goes: the server cannot be reached from this laptop."""
        self.network.cut()

    def plug_in(self) -> None:
        self.network.restore()

    def stop(self) -> None:
        self.sync.stop(final_sync=False, timeout=10)
        self.network.close()


@pytest.fixture
def laptops(qtbot, running: Running):  # type: ignore[no-untyped-def]
    made: list[Laptop] = []

    def make(login: str) -> Laptop:
        laptop = Laptop(qtbot, running, login)
        made.append(laptop)
        return laptop

    yield make
    for laptop in made:
        laptop.stop()


def _next_planned(ctx: ServiceContext) -> planning.MeetingPlan:
    meeting = next(
        m
        for m in _window(ctx)
        if m.status is MeetingStatus.PLANNED and m.starts_at.date() > ctx.today()
    )
    return planning.get_plan(ctx, meeting.id)


def test_planned_run_offline_and_approved_across_two_laptops(  # type: ignore[no-untyped-def]
    qtbot, running: Running, laptops
) -> None:
    secretary, chair = laptops("referent"), laptops("leder")
    qtbot.waitUntil(lambda: secretary.words().startswith("Synkroniseret kl. "), timeout=WAIT)

    # The secretary adds an item on her laptop; it reaches the chair's by itself.
    plan = _next_planned(secretary.ctx)
    meeting_id = plan.summary.id
    secretary.synced_after(
        lambda: (
            planning.add_item(
                secretary.ctx, meeting_id, plan.revision, title="Nyt fra sekretæren", minutes=10
            ),
            changes.bus().announce(changes.MEETING, meeting_id),
        )
    )
    qtbot.waitUntil(
        lambda: (
            "Nyt fra sekretæren"
            in [i.title for i in planning.get_plan(chair.ctx, meeting_id).items]
        ),
        timeout=WAIT,
    )

    # The chair's network goes; he runs the meeting in its window and ends it.
    chair.unplug()
    chair.sync.sync_now()
    chair.wait_for(sync_loop.OFFLINE)
    chair.window.open_meeting(planning.get_plan(chair.ctx, meeting_id).summary)
    window = chair.window.meeting_windows[meeting_id]
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    keys = Keyboard(qtbot, window)
    keys.press(Qt.Key.Key_F5)  # not today: the recording prompts say start anyway
    view = window.live_view
    assert view is not None
    keys.press(Qt.Key.Key_F6)
    keys.type("Skrevet uden net.")
    assert view.flush()
    view.end_meeting()
    qtbot.waitUntil(
        lambda: (
            chair.status.state == sync_loop.OFFLINE
            and chair.status.pending >= 3
            and chair.words().startswith("Offline – ")
            and chair.words().endswith("ændringer venter")
        ),
        timeout=WAIT,
    )

    # Back on the network: the minutes leave by themselves and reach the secretary.
    chair.plug_in()
    chair.synced_after(chair.sync.sync_now)
    qtbot.waitUntil(
        lambda: planning.get_plan(secretary.ctx, meeting_id).summary.status is MeetingStatus.HELD,
        timeout=WAIT,
    )
    first = planning.get_plan(secretary.ctx, meeting_id).items[0].id
    assert minutes.get_minutes(secretary.ctx, meeting_id).items[first].notes == "Skrevet uden net."

    # The secretary approves on her laptop; the server holds the approval.
    secretary.synced_after(
        lambda: (
            minutes.approve(secretary.ctx, meeting_id),
            changes.bus().announce(changes.MEETING, meeting_id),
        )
    )
    on_server = running.on_server("referent")
    assert planning.get_plan(on_server, meeting_id).summary.approved_at is not None


def test_the_status_words_follow_the_state(qtbot, running: Running, laptops) -> None:  # type: ignore[no-untyped-def]
    chair = laptops("leder")
    at = datetime(2026, 11, 23, 9, 32, tzinfo=LOCAL_TZ)
    today = at
    assert headline(sync_loop.Status(sync_loop.CONNECTING)) == "Forbinder …"
    assert headline(sync_loop.Status(sync_loop.SYNCING)) == "Synkroniserer …"
    synced = sync_loop.Status(sync_loop.SYNCED, last_sync=at)
    assert headline(synced, today) == "Synkroniseret kl. 09.32"
    offline = sync_loop.Status(sync_loop.OFFLINE, last_sync=at, pending=3)
    assert headline(offline, today) == "Offline – 3 ændringer venter"
    one = sync_loop.Status(sync_loop.OFFLINE, last_sync=at, pending=1)
    assert headline(one, today) == "Offline – 1 ændring venter"
    assert headline(sync_loop.Status(sync_loop.OFFLINE, last_sync=at), today) == (
        "Offline – synkroniseret kl. 09.32"
    )
    problem = sync_loop.Status(sync_loop.PROBLEM, problem="…", problem_code="upgrade_required")
    assert headline(problem) == "Ikke synkroniseret: opdatér programmet"

    # And live: offline with a change waiting, then in step again.
    chair.unplug()
    chair.sync.sync_now()
    qtbot.waitUntil(lambda: chair.words().startswith("Offline"), timeout=WAIT)
    chair.plug_in()
    chair.synced_after(chair.sync.sync_now)
    qtbot.waitUntil(lambda: chair.words().startswith("Synkroniseret kl. "), timeout=WAIT)
    chair.window.sync_status.show_details()  # type: ignore[attr-defined]
    details = chair.window.sync_status.details  # type: ignore[attr-defined]
    assert details is not None and details.isVisible()
    assert details.pending_label.text() == "intet"
    assert details.sync_button.isEnabled()


def test_a_laptop_whose_clock_is_off_is_told(qtbot, running: Running, laptops) -> None:  # type: ignore[no-untyped-def]
    chair = laptops("leder")
    ctx = chair.ctx
    real = ctx.clock
    ctx.clock = lambda: real() + (datetime(2026, 11, 23, 11) - datetime(2026, 11, 23, 8))
    chair.synced_after(chair.sync.sync_now)
    label = chair.window.sync_status.clock_label  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: label.isVisibleTo(chair.window), timeout=WAIT)
    assert label.text() == "Computerens ur går 3 timer for hurtigt"


def test_a_revoked_computer_is_wiped_and_the_window_says_so(  # type: ignore[no-untyped-def]
    qtbot, running: Running, laptops
) -> None:
    chair = laptops("leder")
    path: Path = chair.replica.path
    device = sync_client.device_id_of(chair.ctx)
    assert device is not None
    devices.revoke(running.on_server("admin"), device)
    closed: list[bool] = []
    chair.window.session_closed.connect(lambda: closed.append(True))
    chair.sync.sync_now()
    qtbot.waitUntil(lambda: bool(closed), timeout=WAIT)
    assert not path.exists()
    assert replicas.on_this_computer() == []
    kind, title, text = chair.prompts.shown[-1]
    assert (kind, title) == ("error", "Adgangen er lukket")
    assert "slettet" in text
