"""Rows that arrive from the server (a connected laptop's sync) reach the page in view
without the GUI thread reading them: the page reads in a worker and only shows on the GUI
thread; the day or row the user chose stays chosen. And the reads' own rules (``Loader``):
the latest read wins, arrivals during a read make one more, a refusal is said."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import date, datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, QObject

from stevnsmoeder.services import meetings, overview, series
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.loading import Loader
from stevnsmoeder.ui.common.models import ROW_ROLE
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _record_threads(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[bool]:
    """Note, for each call of a service read, whether it ran on the GUI thread."""
    real = getattr(module, name)
    on_gui_thread: list[bool] = []

    def observed(*args: object, **kwargs: object) -> object:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, observed)
    return on_gui_thread


def _meeting(ctx: ServiceContext, at: datetime, type_code: str = "ssp") -> uuid.UUID:
    """A meeting made as a sync would bring it: in the database, not through the window."""
    district = "stroeby" if type_code == "district" else None
    return meetings.create_meeting(ctx, meetings.NewMeeting(type_code, at, district=district)).id


def test_the_start_page_reads_arrived_rows_off_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = login("referent")
    _meeting(ctx, datetime(2026, 11, 26, 14))
    window = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(window)
    window.show()
    start = window.start_page
    assert window.tabs.currentWidget() is start
    assert [m.starts_at.day for m in start.week_model._rows] == [26]
    reads = _record_threads(monkeypatch, meetings, "list_meetings")
    attention = _record_threads(monkeypatch, overview, "attention")

    _meeting(ctx, datetime(2026, 11, 23, 13), "district")  # today's, from another laptop
    changes.bus().announce(changes.ARRIVED)
    assert start.today_model.rowCount() == 0  # nothing read on the GUI thread meanwhile
    assert start.loader.pending
    qtbot.waitUntil(lambda: start.today_model.rowCount() == 1)
    assert "1 møde" in start.today_heading.text()
    assert reads == [False] and attention == [False]  # read in a worker
    assert not start.loader.pending


def test_the_chosen_calendar_day_stays_chosen_when_rows_arrive(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = login("leder")
    _meeting(ctx, datetime(2026, 11, 26, 9))
    window = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(window)
    window.show()
    cal = window.calendar_page
    window.tabs.setCurrentWidget(cal)
    cal.select_day(date(2026, 11, 26))
    assert cal.day_label.text() == "<b>torsdag den 26. november 2026</b>"
    assert cal.list_model.rowCount() == 1
    reads = _record_threads(monkeypatch, meetings, "list_meetings")
    resets: list[bool] = []
    cal.model.modelReset.connect(lambda: resets.append(True))

    _meeting(ctx, datetime(2026, 11, 26, 14), "district")
    changes.bus().announce(changes.ARRIVED)
    qtbot.waitUntil(lambda: cal.list_model.rowCount() == 2)
    assert cal.day_label.text() == "<b>torsdag den 26. november 2026</b>"  # not the month's
    assert cal.model.day_at(cal.grid.currentIndex()) == date(2026, 11, 26)
    assert len(cal.model.meetings_on(date(2026, 11, 26))) == 2
    assert resets == [] and reads == [False]

    cal.step(1)  # the user moves on: read at once, the month's list
    assert reads == [False, True]
    assert cal.title.text() == "december 2026"
    assert cal.day_label.text() == "<b>Møder i perioden</b>"


def test_the_chosen_meeting_stays_chosen_when_its_row_changes(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn
) -> None:
    ctx = login("leder")
    first = _meeting(ctx, datetime(2026, 11, 26, 9))
    _meeting(ctx, datetime(2026, 12, 1, 13), "district")
    window = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(window)
    window.show()
    page = window.meetings_page
    window.tabs.setCurrentWidget(page)
    view = page.view
    view.selectionModel().setCurrentIndex(
        view.model().index(1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    chosen = view.currentIndex().data(ROW_ROLE).id
    assert chosen != first

    series.move_meeting(ctx, first, datetime(2026, 12, 3, 9), "Flyttet")
    changes.bus().announce(changes.ARRIVED)
    qtbot.waitUntil(lambda: page.model.row_at(1).id == first)  # the service's order: by time
    assert view.currentIndex().data(ROW_ROLE).id == chosen
    assert view.selectionModel().selectedRows()[0].data(ROW_ROLE).id == chosen
    dates = [view.model().index(r, 0).data() for r in range(2)]
    assert dates == ["tirsdag den 1. december 2026", "↷ torsdag den 3. december 2026"]


def test_a_page_not_in_view_reads_when_shown(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = login("leder")
    window = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(window)
    window.show()
    cal = window.calendar_page
    reads = _record_threads(monkeypatch, meetings, "list_meetings")
    _meeting(ctx, datetime(2026, 11, 25, 9))
    changes.bus().announce(changes.ARRIVED)
    qtbot.waitUntil(lambda: not window.start_page.loader.pending)
    assert reads == [False]  # the start page's; the calendar waits until it is shown
    assert not cal.model.meetings_on(date(2026, 11, 25))
    window.tabs.setCurrentWidget(cal)
    qtbot.waitUntil(lambda: bool(cal.model.meetings_on(date(2026, 11, 25))))
    assert reads == [False, False]


# -- the reads' own rules ------------------------------------------------------------------


class _Reads:
    """Reads that wait in their worker until the test lets them answer."""

    def __init__(self) -> None:
        self.made = 0
        self.gates: list[threading.Event] = []
        self.shown: list[int] = []
        self.refused: list[str] = []
        self.released: set[int] = set()

    def prepare(self) -> Callable[[], int]:
        self.made += 1
        number, gate = self.made, threading.Event()
        self.gates.append(gate)
        if number in self.released:
            gate.set()

        def read() -> int:
            gate.wait(10)
            if number < 0:
                raise ServiceError("nej")
            return number

        return read

    def release(self, number: int) -> None:
        """Let read ``number`` answer (now, or as soon as it is made)."""
        self.released.add(number)
        if number <= len(self.gates):
            self.gates[number - 1].set()


def _loader(reads: _Reads, owner: QObject) -> Loader[int]:
    return Loader(owner, reads.prepare, reads.shown.append, lambda e: reads.refused.append(str(e)))


def test_arrivals_during_a_read_make_one_more_read_not_one_each(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    reads = _Reads()
    loader = _loader(reads, owner)
    loader.in_background()
    loader.in_background()
    loader.in_background()
    assert reads.made == 1 and loader.pending
    reads.release(1)
    qtbot.waitUntil(lambda: reads.made == 2)  # the first answer shown, then one more read
    assert reads.shown == [1]
    reads.release(2)
    with qtbot.waitSignal(loader.shown):
        pass
    assert reads.shown == [1, 2] and reads.made == 2 and not loader.pending


def test_a_read_the_user_asked_for_overtakes_one_under_way(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    reads = _Reads()
    loader = _loader(reads, owner)
    loader.in_background()  # read 1 waits in its worker
    reads.release(2)  # the user's read answers at once
    loader.now()
    assert reads.shown == [2]
    reads.release(1)
    qtbot.waitUntil(lambda: not loader.pending)
    assert reads.shown == [2]  # the older answer is dropped


def test_a_refused_read_is_said_and_shows_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QObject()
    reads = _Reads()
    loader = _loader(reads, owner)
    reads.made = -2  # the next read is refused
    loader.in_background()
    reads.gates[0].set()
    qtbot.waitUntil(lambda: not loader.pending)
    assert (reads.shown, reads.refused) == ([], ["nej"])
