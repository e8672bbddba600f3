"""A secretary plans in the window: series, closed days, move, cancel, participants, .ics, FTM."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from stevnsmoeder.services import cases, meetings, planning, series
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.planning.planning_dialogs import (
    FtmDialog,
    MoveDialog,
    NewSeriesDialog,
    ParticipantDialog,
    RuleDialog,
)

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _accept_with(cls: type[QDialog], fill: Callable[[QDialog], None], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Answer a modal dialog the way a user would: fill it in, press OK."""

    def fake_exec(self: QDialog) -> int:
        fill(self)
        self.accept()  # stays open (result Rejected) when what was typed is refused
        return int(self.result())

    monkeypatch.setattr(cls, "exec", fake_exec)


def _window(qtbot, ctx: ServiceContext) -> tuple[MainWindow, RecordingPrompts]:  # type: ignore[no-untyped-def]
    prompts = RecordingPrompts()
    window = MainWindow(ctx, prompts)
    qtbot.addWidget(window)
    return window, prompts


def _district(ctx: ServiceContext) -> series.SeriesInfo:
    info = series.create_series(
        ctx,
        series.NewSeries(
            type_code="district", rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
            starts_on=date(2026, 11, 24), start_time=time(13, 0), district="privat",
            place="Rådhuset",
        ),
    )  # fmt: skip
    return info


def test_plan_ahead_in_the_background(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("referent")
    _district(ctx)
    window, prompts = _window(qtbot, ctx)
    window.plan_ahead(quiet=False)
    qtbot.waitUntil(lambda: bool(prompts.shown), timeout=10_000)
    kind, _title, text = prompts.shown[0]
    # Every other Tuesday from 24 November 2026 for a year, both ends included.
    assert kind == "info" and text.startswith("27 møder oprettet")
    assert [m.starts_at.date() for m in window.start_page.week_model._rows] == [date(2026, 11, 24)]
    window.tabs.setCurrentWidget(window.meetings_page)
    assert window.meetings_page.model.rowCount() == 27


def test_move_cancel_participant_and_export_from_the_meeting_window(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch, tmp_path: Path
) -> None:
    ctx = login("referent")
    _district(ctx)
    series.generate(ctx, horizon_days=40)
    window, prompts = _window(qtbot, ctx)
    first, second, third = meetings.list_meetings(ctx)[:3]

    window.open_meeting(first)
    meeting_window = window.meeting_windows[first.id]
    qtbot.addWidget(meeting_window)
    for button in (meeting_window.move_button, meeting_window.cancel_button,
                   meeting_window.export_button, meeting_window.guest_button):  # fmt: skip
        assert not button.isHidden() and button.isEnabled()

    def fill_move(d: QDialog) -> None:
        assert isinstance(d, MoveDialog)
        ok = d.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()  # no reason, no move
        d.day.setDate(d.day.date().addDays(1))
        d.reason.setText("Juleafslutning på skolen")
        assert ok.isEnabled()

    _accept_with(MoveDialog, fill_move, monkeypatch)
    meeting_window.move_button.click()
    moved = meetings.get_meeting_summary(ctx, first.id)
    assert moved.starts_at == datetime(2026, 11, 25, 13, 0)
    note = "Flyttet fra tirsdag den 24. november 2026 (Juleafslutning på skolen)."
    assert moved.note == note
    assert meeting_window.note.text() == note  # the window reloaded
    assert meeting_window.when.text().startswith("onsdag den 25. november 2026")

    prompts.texts.append("For få sager")
    assert window.cancel_meeting(second)
    assert meetings.get_meeting_summary(ctx, second.id).note == "Aflyst: For få sager"
    prompts.texts.append(None)  # the user changes their mind
    assert not window.cancel_meeting(third)

    with ctx.db.begin() as s:
        from stevnsmoeder.db.models import Person

        s.add(Person(name="Tove Tale", profession="Talekonsulent", organisation="PPR"))

    def fill_participant(d: QDialog) -> None:
        assert isinstance(d, ParticipantDialog)
        d.person.setCurrentIndex(d.person.findText("Tove Tale (Talekonsulent, PPR)"))
        d.role.setCurrentIndex(d.role.findData("speech"))

    _accept_with(ParticipantDialog, fill_participant, monkeypatch)
    assert window.add_participant(third)
    people = planning.get_plan(ctx, third.id).participants
    assert [(p.name, p.role_name) for p in people] == [("Tove Tale", "Talekonsulent")]

    target = tmp_path / "mine"
    prompts.paths.append(target)
    window.export_meeting(second)
    (event,) = Calendar.from_ical((tmp_path / "mine.ics").read_bytes()).walk("VEVENT")
    assert str(event["status"]) == "CANCELLED"
    assert "skrevet til" in window.statusBar().currentMessage()


def test_readers_can_only_export(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    planner = login("referent")
    _district(planner)
    series.generate(planner, horizon_days=20)
    window, _ = _window(qtbot, login("ppr"))
    first = meetings.list_meetings(planner)[0]
    window.open_meeting(first)
    mw = window.meeting_windows[first.id]
    qtbot.addWidget(mw)
    assert mw.export_button.isVisibleTo(mw)
    assert not mw.move_button.isVisibleTo(mw) and not mw.add_button.isVisibleTo(mw)
    assert not mw.agenda.flags(mw.agenda.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert not hasattr(window, "plan_action")
    assert window.cases_page is not None and window.cases_page.ftm_button.isHidden()


def test_series_dialog_changes_the_rhythm_from_a_date(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch
) -> None:
    ctx = login("referent")
    _district(ctx)
    window, _ = _window(qtbot, ctx)
    window.show_series()
    dialog = window.last_dialog
    model = dialog.model
    assert model.index(0, 1).data() == "hver anden tirsdag, kl. 13.00"
    assert model.index(0, 4).data() == "flyttes til næste arbejdsdag"

    def fill_rule(d: QDialog) -> None:
        assert isinstance(d, RuleDialog)
        assert d.weekday.currentIndex() == 1 and d.interval.value() == 2  # today's rule
        d.weekday.setCurrentIndex(2)  # Wednesday
        d.interval.setValue(1)
        d.from_day.setDate(d.from_day.date().fromString("06.01.2027", "dd.MM.yyyy"))
        assert d.preview.text().startswith("Fra onsdag den 6. januar 2027: hver onsdag")

    _accept_with(RuleDialog, fill_rule, monkeypatch)
    dialog.change_button.click()
    rows = [model.row_at(r) for r in range(model.rowCount())]
    assert [(r.rule, r.ends_on) for r in rows] == [
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", date(2027, 1, 5)),
        ("FREQ=WEEKLY;INTERVAL=1;BYDAY=WE", None),
    ]


def test_closed_days_dialog_adds_a_period(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    window, prompts = _window(qtbot, login("referent"))
    window.show_closed_days()
    dialog = window.last_dialog
    assert dialog.model.rowCount() == 0
    dialog.reason.setText("Vinterferie")
    dialog.add_button.click()
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 1).data() == "Vinterferie"
    dialog.reason.setText("")
    dialog.yearly.setChecked(True)
    dialog.add_button.click()  # no reason: refused in the dialog, nothing added
    assert dialog.error.isVisibleTo(dialog) and "Angiv" in dialog.error.text()
    assert dialog.model.rowCount() == 1 and prompts.shown == []
    assert dialog.yearly.isChecked()  # what was typed stays
    dialog.last.setDate(dialog.first.date().addDays(-1))
    dialog.reason.setText("Omvendt")
    dialog.add_button.click()
    assert "før den begynder" in dialog.error.text() and dialog.reason.text() == "Omvendt"


def test_ftm_for_the_chosen_child(qtbot, login: LoginFn, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ctx = login("leder")
    cases.create_case(ctx, cases.NewCase(first_name="Lea", last_name="Berg",
                                         custody_holders=(("Mette Berg", "mor"),)))  # fmt: skip
    window, prompts = _window(qtbot, ctx)
    page = window.cases_page
    assert page is not None
    page.reload()
    page.ftm_button.click()
    assert prompts.shown[-1][2] == "Vælg først et barn på listen."
    page.view.selectRow(0)

    def fill_ftm(d: QDialog) -> None:
        assert isinstance(d, FtmDialog)
        d.place.setText("Familiehuset")

    _accept_with(FtmDialog, fill_ftm, monkeypatch)
    page.ftm_button.click()
    (ftm,) = meetings.list_meetings(ctx, type_code="ftm")
    assert ftm.place == "Familiehuset" and ftm.starts_at == datetime(2026, 11, 30, 9, 0)


def test_new_series_from_the_window(qtbot, login: LoginFn, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ctx = login("referent")
    with ctx.db.begin() as s:
        from stevnsmoeder.db.models import Person

        s.add(Person(name="Signe Skole", profession="Lærer", organisation="Hotherskolen"))
    window, _ = _window(qtbot, ctx)
    window.show_series()
    dialog = window.last_dialog
    assert dialog.model.rowCount() == 0

    def fill_participant(d: QDialog) -> None:
        d.person.setCurrentIndex(d.person.findText("Signe Skole (Lærer, Hotherskolen)"))
        d.role.setCurrentIndex(d.role.findData("school"))

    def fill_series(d: QDialog) -> None:
        assert isinstance(d, NewSeriesDialog)
        d.type.setCurrentIndex(d.type.findText("Tilstedeværelsestid"))
        assert d.district.isEnabled() and d.duration.value() == 120
        d.district.setCurrentIndex(d.district.findData("hother-haarlev"))
        d.weekday.setCurrentIndex(0)
        d.start_time.setTime(d.start_time.time().fromString("12:30", "HH:mm"))
        d.place.setText("Hotherskolen, lærerværelset")
        d.policy.setCurrentIndex(d.policy.findData("skip"))
        assert d.preview.text() == "Hver anden mandag, kl. 12.30, fra mandag den 23. november 2026."
        _accept_with(ParticipantDialog, fill_participant, monkeypatch)
        d._add_person()
        assert d.standing_model.rowCount() == 1

    _accept_with(NewSeriesDialog, fill_series, monkeypatch)
    dialog.new_button.click()
    (info,) = series.list_series(ctx)
    assert (info.title, info.rule, info.place, info.holiday_policy.value, info.standing) == (
        "Tilstedeværelsestid Hother/Hårlev",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
        "Hotherskolen, lærerværelset",
        "skip",
        1,
    )
    assert dialog.model.rowCount() == 1
    planned = meetings.list_meetings(ctx)
    assert len(planned) >= 25 and planned[0].starts_at == datetime(2026, 11, 23, 12, 30)
