"""A chair runs a packed Tuesday meeting with the keyboard only, from start to approval."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from stevnsmoeder.services import cases, meetings, minutes, planning, series
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.live.addendum_dialog import AddendumDialog
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.meeting.meeting_window import MeetingWindow
from tests.conftest import FakeClock

LoginFn = Callable[[str], ServiceContext]
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


class Keyboard:
    """Keys go to the window, as a user's would: shortcuts work, text reaches the focus."""

    def __init__(self, qtbot, window: MeetingWindow) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.window = qtbot, window

    def press(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        self.qtbot.keyClick(self.window.windowHandle(), key, modifiers)

    def type(self, text: str) -> None:
        """Typing goes to whatever has the keyboard focus."""
        focus = QApplication.focusWidget()
        assert focus is not None, "nothing has the keyboard focus"
        self.qtbot.keyClicks(focus, text)


def _open(
    qtbot, ctx: ServiceContext, meeting_id
) -> tuple[MeetingWindow, RecordingPrompts, Keyboard]:  # type: ignore[no-untyped-def]
    prompts = RecordingPrompts()
    main = MainWindow(ctx, prompts)
    qtbot.addWidget(main)
    main.open_meeting(meetings.get_meeting_summary(ctx, meeting_id))
    window = main.meeting_windows[meeting_id]
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window, prompts, Keyboard(qtbot, window)


def _district_with_children(ctx: ServiceContext) -> meetings.MeetingSummary:
    series.create_series(
        ctx,
        series.NewSeries(
            type_code="district",
            rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
            starts_on=date(2026, 11, 23),
            start_time=time(10),
            district="privat",
        ),
    )
    series.generate(ctx, horizon_days=20, from_day=date(2026, 11, 23))
    m = meetings.list_meetings(ctx)[0]
    plan = planning.get_plan(ctx, m.id)
    for first in ("Asta", "Bo"):
        child = cases.create_case(
            ctx, cases.NewCase(anonymous=True, pseudonym=f"{first}, 9 år")
        ).case
        plan = planning.add_item(
            ctx,
            m.id,
            plan.revision,
            title=f"Trivsel {first}",
            minutes=10,
            kind=planning.AgendaItemKind.CASE,
            case_id=child.id,
        )
    return m


def test_a_district_meeting_from_start_to_approval_by_keyboard(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = login("leder")
    m = _district_with_children(ctx)
    window, prompts, keys = _open(qtbot, ctx, m.id)

    keys.press(Qt.Key.Key_F5)  # start the meeting
    view = window.live_view
    assert view is not None and window.stack.currentWidget() is view
    assert view.item_title.text() == "1. Godkendelse af dagsorden"
    keys.press(Qt.Key.Key_F6)
    keys.type("Dagsordenen blev godkendt.")

    # the timer, on a fake clock: 4 of 5 minutes is the 80 % warning, 6 is overrun
    clock.advance(minutes=4)
    view.tick()
    assert view.timer_label.text() == "01:00 tilbage" and "#b35c00" in view.timer_label.styleSheet()
    clock.advance(minutes=2)
    view.tick()
    assert (
        view.timer_label.text() == "+01:00 over tid" and "#a4161a" in view.timer_label.styleSheet()
    )

    keys.press(Qt.Key.Key_PageDown, CTRL)  # "Orientering"
    keys.press(Qt.Key.Key_PageDown, CTRL)  # Asta
    assert view.item_title.text() == "3. Trivsel Asta"
    assert view.notes.hasFocus()
    keys.type("Asta er mere stille i klassen.")
    keys.press(Qt.Key.Key_D, CTRL)
    keys.type("Observation i to uger.")
    keys.press(Qt.Key.Key_3, ALT)
    assert view.level_label.text() == "sårbar trivsel → tidlig indsats"
    keys.press(Qt.Key.Key_A, CTRL | SHIFT)
    keys.type("Observere i frikvarteret")
    keys.press(Qt.Key.Key_Tab)
    keys.type("AKT-læreren")
    keys.press(Qt.Key.Key_Return)
    assert [a.text for a in view.actions_model._rows] == ["Observere i frikvarteret"]

    keys.press(Qt.Key.Key_PageDown, CTRL)  # Bo: no time today
    keys.press(Qt.Key.Key_P, CTRL | SHIFT)  # to the next meeting
    assert view.item_title.text() == "5. Eventuelt"

    keys.press(Qt.Key.Key_E, CTRL | SHIFT)  # end: confirmed, then told what happened
    assert prompts.shown[-1][0] == "info" and "1 punkt flyttes" in prompts.shown[-1][2]
    keys.press(Qt.Key.Key_G, CTRL | SHIFT)  # approve
    state = minutes.get_minutes(ctx, m.id)
    assert state.locked and state.approved_by == "leder"
    asta = next(i for i in planning.get_plan(ctx, m.id).items if i.title == "Trivsel Asta")
    v = state.items[asta.id]
    assert (v.notes, v.decision, v.level) == (
        "Asta er mere stille i klassen.",
        "Observation i to uger.",
        3,
    )
    first = planning.get_plan(ctx, m.id).items[0]
    assert state.items[first.id].notes == "Dagsordenen blev godkendt."
    assert view.notes.isReadOnly() and view.addendum_button.isVisibleTo(view)

    # an addendum after approval, about the item shown, kept as version 2
    def fill(dialog: AddendumDialog) -> int:
        dialog.text.setPlainText("Mor til Asta deltog under punkt 3.")
        return int(AddendumDialog.DialogCode.Accepted)

    monkeypatch.setattr(AddendumDialog, "exec", fill)
    view.addendum_button.click()
    found = minutes.versions(ctx, m.id)
    assert [(v.kind, v.item_id) for v in found] == [
        ("approval", None),
        ("addendum", view.shown_item),
    ]
    # Bo waits on the next meeting's agenda
    nxt = meetings.list_meetings(ctx)[1]
    assert "Trivsel Bo" in [i.title for i in planning.get_plan(ctx, nxt.id).items]


def test_a_forvisitation_by_keyboard(qtbot, login: LoginFn, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    ctx = login("leder")
    m = meetings.create_meeting(
        ctx, meetings.NewMeeting("forvisitation", datetime(2026, 11, 23, 9))
    )
    child = cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym="Dreng, 12 år")).case
    plan = planning.get_plan(ctx, m.id)
    planning.add_item(
        ctx,
        m.id,
        plan.revision,
        title="Visitation",
        minutes=20,
        kind=planning.AgendaItemKind.CASE,
        case_id=child.id,
    )
    window, _prompts, keys = _open(qtbot, ctx, m.id)
    keys.press(Qt.Key.Key_F5)
    view = window.live_view
    assert view is not None
    while view.item_title.text() != "3. Visitation":
        keys.press(Qt.Key.Key_PageDown, CTRL)
    assert view.forvisitation_box.isVisibleTo(view) and not view.ftm_box.isVisibleTo(view)
    keys.press(Qt.Key.Key_B, CTRL)
    keys.type("Børnefaglig undersøgelse")
    keys.press(Qt.Key.Key_Tab)  # to the legal basis, which must be chosen
    assert view.preliminary_basis.hasFocus() and view.preliminary_basis.currentIndex() == -1
    keys.press(Qt.Key.Key_Down)
    view.flush()
    keys.press(Qt.Key.Key_K, CTRL | SHIFT)  # the next step: conversation with the child
    keys.press(Qt.Key.Key_Tab)  # its deadline (two weeks, as offered)
    keys.press(Qt.Key.Key_Return)
    state = minutes.get_minutes(ctx, m.id)
    item_id = view.shown_item
    assert item_id is not None
    v = state.items[item_id]
    assert v.preliminary_decision == "Børnefaglig undersøgelse"
    assert v.legal_reference == "Barnets lov §§ 20–23"  # the first basis offered
    assert [a.text for a in v.actions] == ["Samtale med barnet (Barnets lov § 5)"]
    keys.press(Qt.Key.Key_E, CTRL | SHIFT)
    keys.press(Qt.Key.Key_G, CTRL | SHIFT)
    assert minutes.get_minutes(ctx, m.id).locked


def test_typing_is_saved_within_a_second_and_restored_on_reopening(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock
) -> None:
    ctx = login("leder")
    m = _district_with_children(ctx)
    window, _prompts, keys = _open(qtbot, ctx, m.id)
    keys.press(Qt.Key.Key_F5)
    keys.press(Qt.Key.Key_PageDown, CTRL)
    keys.press(Qt.Key.Key_PageDown, CTRL)
    keys.type("Noter, der ikke må gå tabt")
    view = window.live_view
    assert view is not None
    qtbot.waitUntil(lambda: view.save_status.text() == "Alt er gemt", timeout=2000)
    item_id = view.shown_item
    assert minutes.get_minutes(ctx, m.id).items[item_id].notes == "Noter, der ikke må gå tabt"
    window.close()
    # reopening returns to the same item with the text
    again, _p, _k = _open(qtbot, ctx, m.id)
    assert again.live_view is not None
    assert again.live_view.item_title.text() == "3. Trivsel Asta"
    assert again.live_view.notes.toPlainText() == "Noter, der ikke må gå tabt"


def test_screen_safe_mode_in_the_live_view(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("leder")
    m = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 11, 23, 13), district="privat")
    )
    child = cases.create_case(ctx, cases.NewCase(first_name="Karla", last_name="Nørgaard")).case
    plan = planning.get_plan(ctx, m.id)
    plan = planning.add_item(
        ctx,
        m.id,
        plan.revision,
        title="Trivsel",
        minutes=10,
        kind=planning.AgendaItemKind.CASE,
        case_id=child.id,
    )
    item = next(i for i in plan.items if i.case_id)
    planning.set_legal_basis(ctx, m.id, plan.revision, item.id, planning.LegalBasisKind.ANONYMOUS)
    prompts = RecordingPrompts()
    main = MainWindow(ctx, prompts)
    qtbot.addWidget(main)
    main.open_meeting(meetings.get_meeting_summary(ctx, m.id))
    window = main.meeting_windows[m.id]
    qtbot.addWidget(window)
    window.start_meeting()
    view = window.live_view
    assert view is not None
    view.show_item(item.id)
    assert view.item_child.text().startswith("Karla Nørgaard – drøftes anonymt")
    main.screen_safe_action.setChecked(True)
    view.show_item(item.id)
    assert view.item_child.text().startswith("K.N.") and "Karla" not in view.item_child.text()
