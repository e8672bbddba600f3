"""The connected desktop: two windows over two replicas against a real server and
PostgreSQL. The secretary plans on hers, the chair runs the meeting offline on his and ends
it, the secretary approves after the sync; the status bar's words follow; a revoked
computer's replica is wiped and the window says so."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select

from stevnsmoeder.db.models import AgendaItem, ItemMinutes, SyncConflict
from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import (
    access,
    devices,
    minutes,
    planning,
    replicas,
    server_access,
    statistics,
    sync_client,
    sync_loop,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.demo import DEMO_PASSWORD
from stevnsmoeder.ui.access.sessions import Sessions
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.followup.window import FollowUpWindow
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.sync.attach import attach, show_online_search
from stevnsmoeder.ui.sync.status import headline
from stevnsmoeder.ui.sync.take_along import TakeAlongDialog
from tests.conftest import CHEAP_KDF
from tests.sync.conftest import Running
from tests.sync.netcut import Network
from tests.sync.test_replicas import _window
from tests.ui.test_followup import _loaded
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
        self.network.close()  # a long poll in flight ends with it
        assert self.sync.loop.join_watch(10)


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
    assert details.last_label.text() == "kl. 09.00"  # today, by the program's clock
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


def _open_meeting(qtbot, laptop: Laptop, meeting_id):  # type: ignore[no-untyped-def]
    laptop.window.open_meeting(planning.get_plan(laptop.ctx, meeting_id).summary)
    window = laptop.window.meeting_windows[meeting_id]
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window, Keyboard(qtbot, window)


def test_a_meeting_running_on_another_computer_opens_read_only(  # type: ignore[no-untyped-def]
    qtbot, running: Running, laptops
) -> None:
    here, there = laptops("leder"), laptops("leder")  # one chair, two laptops
    meeting_id = _next_planned(here.ctx).summary.id
    window, keys = _open_meeting(qtbot, here, meeting_id)
    here.synced_after(lambda: keys.press(Qt.Key.Key_F5))
    assert not window.elsewhere.isVisibleTo(window)  # this computer runs it

    qtbot.waitUntil(
        lambda: sync_client.running_elsewhere(there.ctx, meeting_id) is not None, timeout=WAIT
    )
    other, _keys = _open_meeting(qtbot, there, meeting_id)
    assert other.elsewhere.isVisibleTo(other)
    assert other.elsewhere.text().startswith("I gang på ")
    assert other.elsewhere.text().endswith("s computer – åbnet her kun til læsning.")
    assert not other.start_button.isVisibleTo(other)
    view = other.live_view
    assert view is not None and view.notes.isReadOnly()

    # Ended there, it can be written here again (the secretary's minutes, say).
    assert window.live_view is not None
    here.synced_after(window.live_view.end_meeting)
    qtbot.waitUntil(lambda: not other.elsewhere.isVisibleTo(other), timeout=WAIT)


def test_a_chair_who_ran_it_offline_too_is_told_and_keeps_the_text(  # type: ignore[no-untyped-def]
    qtbot, running: Running, laptops
) -> None:
    here, there = laptops("leder"), laptops("leder")
    meeting_id = _next_planned(here.ctx).summary.id
    there.unplug()
    there.sync.sync_now()
    there.wait_for(sync_loop.OFFLINE)
    _window_here, keys = _open_meeting(qtbot, here, meeting_id)
    here.synced_after(lambda: keys.press(Qt.Key.Key_F5))

    offline, offline_keys = _open_meeting(qtbot, there, meeting_id)
    offline_keys.press(Qt.Key.Key_F5)  # started here too, without knowing
    view = offline.live_view
    assert view is not None
    offline_keys.press(Qt.Key.Key_F6)
    offline_keys.type("Skrevet på den anden computer.")
    assert view.flush()

    there.plug_in()
    there.synced_after(there.sync.sync_now)
    assert there.status.conflicts >= 1
    button = there.window.sync_status.conflicts_button  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: button.isVisibleTo(there.window), timeout=WAIT)
    assert button.text().endswith("konflikter") or button.text().endswith("konflikt")
    told = there.window.statusBar().currentMessage()
    assert told.startswith("Serveren afviste ")
    # Nothing typed is lost: on the server (no one else wrote there) or kept as a conflict.
    with there.ctx.db.begin() as s:
        texts = list(s.scalars(select(SyncConflict.arguments)))
    server = running.on_server("leder")
    first = planning.get_plan(server, meeting_id).items[0].id
    texts.append(minutes.get_minutes(server, meeting_id).items[first].notes)
    assert any("Skrevet på den anden computer." in t for t in texts)


def test_ppr_finds_a_case_on_the_server_takes_it_along_and_puts_it_back(  # type: ignore[no-untyped-def]
    qtbot, running: Running, laptops
) -> None:
    reviewer = laptops("ppr")
    here = sync_client.cases_here(reviewer.ctx)
    server = running.on_server("ppr")
    with server.db.begin() as s:
        found = s.execute(
            select(AgendaItem.case_id, ItemMinutes.notes)
            .join(ItemMinutes, ItemMinutes.agenda_item_id == AgendaItem.id)
            .where(
                AgendaItem.case_id.is_not(None),
                AgendaItem.case_id.not_in(here),
                func.length(ItemMinutes.notes) > 40,
            )
        ).first()
    assert found is not None
    _case_id, notes = found
    words = [w.strip('.,;:!?()«»"') for w in notes.split()[:5]]
    phrase = '"' + " ".join(w for w in words if w) + '"'  # this item's own words

    dialog = show_online_search(reviewer.window, reviewer.sync)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.query, phrase)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0, timeout=WAIT)
    rows = [dialog.model.row_at(r) for r in range(dialog.model.rowCount())]
    # A child's case the server found that is not on this laptop: that one is taken along.
    row = next(r for r, hit in enumerate(rows) if hit.case_id and hit.case_id not in here)
    case_id = rows[row].case_id
    dialog.view.selectRow(row)
    assert dialog.take_button.isEnabled() and not dialog.open_button.isEnabled()

    def fill_in() -> None:
        asking = dialog.findChild(TakeAlongDialog)
        assert isinstance(asking, TakeAlongDialog)
        asking.accept()  # nothing typed: it stays open and says why
        assert asking.error.text() == "Skriv, hvorfor du tager sagen med."
        qtbot.keyClicks(asking.reason, "Skoleudtalelse på torsdag")
        asking.accept()

    QTimer.singleShot(0, fill_in)
    reviewer.synced_after(dialog.take_selected)
    qtbot.waitUntil(lambda: case_id in sync_client.cases_here(reviewer.ctx), timeout=WAIT)
    qtbot.waitUntil(lambda: dialog.open_button.isEnabled() or not dialog._busy, timeout=WAIT)
    assert case_id in sync_client.taken_along(reviewer.ctx)

    # The case page offers Læg tilbage; the case leaves with the sync.
    reviewer.window.open_case(case_id)
    case_window = reviewer.window.case_windows[case_id]
    qtbot.addWidget(case_window)
    put_back = case_window.findChild(QPushButton, "put-back")
    assert put_back is not None and put_back.text() == "&Læg tilbage"
    reviewer.synced_after(put_back.click)
    qtbot.waitUntil(lambda: case_id not in sync_client.cases_here(reviewer.ctx), timeout=WAIT)


def test_the_head_of_børn_og_læring_gets_the_servers_figures_on_a_laptop(  # type: ignore[no-untyped-def]
    qtbot, running: Running
) -> None:
    """A chef's replica holds no child's data: the follow-up is counted on the server, over
    the whole record, and the replica is kept in step all the same."""
    replica, _made = replicas.connect(
        running.server, "chef", DEMO_PASSWORD, clock=running.clock, kdf=CHEAP_KDF
    )
    ctx = access.login(replica.path, "chef", DEMO_PASSWORD, clock=running.clock)
    sessions = Sessions(replica.path, prompts=RecordingPrompts, quit_app=lambda: None)
    window = sessions.open(ctx, DEMO_PASSWORD, replica)
    assert isinstance(window, FollowUpWindow) and sessions.sync is not None
    _loaded(qtbot, window.page)
    year = window.page.chosen()[0]
    assert window.page.report == statistics.policy_report(running.on_server("chef"), year)
    assert window.page.report is not None and window.page.report.headline[0].current != "–"
    window.close()


# -- first contact ---------------------------------------------------------------------------


def test_connecting_from_the_login_window(qtbot, running: Running, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Forbind til kommunens server: each failure in one sentence with the fields kept, then
    the replica made, its first sync shown, the user logged in to it and the login window
    listing it by user and server."""
    from stevnsmoeder.ui.access.login import LoginDialog
    from stevnsmoeder.ui.sync.connect_dialog import ConnectDialog

    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.url_edit.setText("https://127.0.0.1:9")  # nothing answers there
    dialog.user_edit.setText("leder")
    dialog.password_edit.setText(DEMO_PASSWORD)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=WAIT)
    assert dialog.error_label.text().startswith("Serveren kan ikke nås.")
    assert dialog.user_edit.text() == "leder"

    dialog.url_edit.setText(running.url)  # no CA file: the system does not know the test CA
    dialog.start()
    qtbot.waitUntil(lambda: "certifikat" in dialog.error_label.text(), timeout=WAIT)
    assert dialog.error_label.text().startswith("Serverens certifikat kan ikke godkendes.")

    dialog.ca_edit.setText(str(running.ca))
    dialog.password_edit.setText("forkert")
    dialog.start()
    qtbot.waitUntil(lambda: not dialog._busy and dialog.error_label.isVisible(), timeout=WAIT)
    assert "certifikat" not in dialog.error_label.text()
    assert dialog.context is None

    steps: list[int] = []
    dialog.progress.valueChanged.connect(steps.append)
    dialog.password_edit.setText(DEMO_PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT * 3):
        dialog.start()
    assert dialog.context is not None and dialog.context.actor.login == "leder"
    assert steps[-1] == 100 and steps == sorted(steps)
    assert dialog.progress_label.text().startswith("Forbundet: ")
    assert dialog.password == DEMO_PASSWORD
    dialog.context.db.close()

    login = LoginDialog(tmp_path / "stevnsmoeder.db")  # no standalone file here
    qtbot.addWidget(login)
    assert login.replica is not None and login.replica.login == "leder"
    assert login.place_combo.currentText().startswith("leder på 127.0.0.1:")
    assert login.user_edit.isReadOnly() and login.user_edit.text() == "leder"


def test_a_replica_offline_too_long_is_synchronised_before_it_opens(  # type: ignore[no-untyped-def]
    qtbot, running: Running, tmp_path: Path
) -> None:
    from stevnsmoeder.ui.access.login import LoginDialog

    replica, _made = replicas.connect(
        running.server, "leder", DEMO_PASSWORD, clock=running.clock, kdf=CHEAP_KDF
    )
    running.clock.advance(days=31)
    login = LoginDialog(tmp_path / "stevnsmoeder.db", place=str(replica.path))
    login.clock = running.clock
    qtbot.addWidget(login)
    login.show()
    qtbot.keyClicks(login.password_edit, DEMO_PASSWORD)
    login.try_login()
    qtbot.waitUntil(lambda: login.sync_first_button.isVisible(), timeout=WAIT)
    assert "31 dage" in login.error_label.text()
    with qtbot.waitSignal(login.accepted, timeout=WAIT * 3):
        login.sync_first_button.click()
    assert login.context is not None and not login.context.db.read_only
    assert login.sync_password == DEMO_PASSWORD
    login.context.db.close()


def test_the_own_password_changed_on_a_laptop_is_the_servers_and_the_syncs(  # type: ignore[no-untyped-def]
    qtbot, running: Running, laptops
) -> None:
    chair = laptops("leder")
    new = "ny kaffe ved mødebordet"
    chair.prompts.passwords = [DEMO_PASSWORD, new]
    chair.window.change_own_password()
    qtbot.waitUntil(
        lambda: ("info", "Skift min adgangskode") in [s[:2] for s in chair.prompts.shown],
        timeout=WAIT,
    )
    assert chair.sync.password == new
    server_access.login_server(running.db_url, "leder", new, clock=running.clock).db.close()
    # The background sync logs in with the new password from now on, and the replica's
    # new key holds for it as for the window.
    chair.sync.loop.link._token = ""  # as when the token runs out
    chair.synced_after(chair.sync.sync_now)
    assert chair.status.problem_code == ""
    plan = _next_planned(chair.ctx)
    assert planning.get_plan(chair.ctx, plan.summary.id) == plan
