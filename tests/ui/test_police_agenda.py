"""The police's agenda of an SSP meeting in the meeting window: only what § 115 allows,
numbered and timed without gaps, and a time summary that adds up to what is shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from stevnsmoeder.services import meetings, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.meeting.agenda_model import CLOCK, MINUTES, NUMBER, TITLE
from tests.services.test_police import _ssp

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


@pytest.fixture
def ssp(login: LoginFn) -> dict[str, object]:
    return _ssp(login("leder"))


def test_the_police_see_their_items_numbered_and_timed_without_gaps(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, login: LoginFn, ssp: dict[str, object]
) -> None:
    m = ssp["m"]
    assert isinstance(m, meetings.MeetingSummary)
    ctx = login("politi")
    main = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(main)
    main.open_meeting(meetings.get_meeting_summary(ctx, m.id))
    window = main.meeting_windows[m.id]
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.agenda
    qtmodeltester.check(model, force_py=True)
    rows = [
        [model.index(r, c).data() for c in (NUMBER, CLOCK, TITLE, MINUTES)]
        for r in range(model.rowCount())
    ]
    titles = [row[2] for row in rows]
    assert "Sundhedsplejen fortæller" not in titles and "Hærværk" in titles
    assert [row[0] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]
    at = datetime.combine(m.starts_at.date(), m.starts_at.time())
    for number, clock, title, minutes in rows:
        assert clock == f"{at:%H.%M}", (number, title)
        at += timedelta(minutes=int(minutes.split()[0]))
    total = sum(i.time_box_minutes for i in planning.get_plan(ctx, m.id).items)
    assert window.time_summary.text().startswith(
        f"Planlagt: {total} min. · slutter kl. {at:%H.%M} · "
    )
    window.toggle_view()  # from the minutes to the agenda
    window.grab().save("/tmp/shots/police-agenda.png")
