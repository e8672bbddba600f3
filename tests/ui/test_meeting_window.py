"""A secretary prepares a Tuesday district meeting in the meeting window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from stevnsmoeder.services import cases, meetings, planning, series
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.case.case_dialogs import AddItemDialog, ChildItemDialog, ConsentDialog
from stevnsmoeder.ui.common.models import ROW_ROLE
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.meeting.agenda_model import MIME, AgendaModel
from stevnsmoeder.ui.meeting.meeting_window import MeetingWindow

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _accept_with(cls: type[QDialog], fill: Callable[[QDialog], None], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fake_exec(self: QDialog) -> int:
        fill(self)
        self.accept()  # stays open (result Rejected) when what was typed is refused
        return int(self.result())

    monkeypatch.setattr(cls, "exec", fake_exec)


def _open(qtbot, ctx: ServiceContext, meeting_id) -> tuple[MeetingWindow, RecordingPrompts]:  # type: ignore[no-untyped-def]
    prompts = RecordingPrompts()
    main = MainWindow(ctx, prompts)
    qtbot.addWidget(main)
    main.open_meeting(meetings.get_meeting_summary(ctx, meeting_id))
    window = main.meeting_windows[meeting_id]
    qtbot.addWidget(window)
    return window, prompts


def _titles(window: MeetingWindow) -> list[str]:
    return [window.agenda.item_at(r).title for r in range(window.agenda.rowCount())]


def _district(ctx: ServiceContext, day: date = date(2026, 12, 1)) -> meetings.MeetingSummary:
    return meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime.combine(day, time(13)), district="privat")
    )


def _drop(model: AgendaModel, source_row: int, target_gap: int) -> None:
    data = QMimeData()
    data.setData(MIME, QByteArray(str(model.item_at(source_row).id).encode()))
    model.dropMimeData(data, Qt.DropAction.MoveAction, target_gap, 0, QModelIndex())


def test_add_edit_and_reorder_items(qtbot, qtmodeltester, login: LoginFn, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ctx = login("referent")
    m = _district(ctx)
    window, prompts = _open(qtbot, ctx, m.id)
    qtmodeltester.check(window.agenda, force_py=True)

    def fill(d: QDialog) -> None:
        assert isinstance(d, AddItemDialog)
        d.title.setText("Nyt fra sundhedsplejen")
        d.minutes.setValue(15)

    _accept_with(AddItemDialog, fill, monkeypatch)
    window.add_button.click()
    assert _titles(window) == ["Godkendelse af dagsorden", "Orientering fra deltagerne",
                               "Nyt fra sundhedsplejen", "Eventuelt"]  # fmt: skip
    assert window.time_summary.text().startswith("Planlagt: 35 min. · slutter kl. 13.35")

    # edit in place: the title and the time box
    window.agenda.setData(window.agenda.index(2, 2), "Nyt fra sundhedsplejersken")
    window.agenda.setData(window.agenda.index(2, 5), "150")
    assert _titles(window)[2] == "Nyt fra sundhedsplejersken"
    assert window.time_summary.text().startswith("⚠ ")
    assert "min. for lang" in window.time_summary.text()
    window.agenda.setData(window.agenda.index(2, 5), "999")  # absurd: refused, explained
    assert prompts.shown[-1][0] == "error" and "mellem 0 og 240" in prompts.shown[-1][2]
    assert window.agenda.item_at(2).time_box_minutes == 150

    # drag and drop: the item above "Orientering"; dropping onto itself changes nothing
    _drop(window.agenda, 2, 1)
    assert _titles(window)[1] == "Nyt fra sundhedsplejersken"
    revision = window.plan.revision
    _drop(window.agenda, 1, 1)
    _drop(window.agenda, 1, 2)
    assert window.plan.revision == revision

    # keyboard: Ctrl+Down moves the chosen item one down, and it stays chosen
    window.view.selectRow(1)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _titles(window)[2] == "Nyt fra sundhedsplejersken"
    assert window.selected() is not None and window.selected().title == "Nyt fra sundhedsplejersken"

    # remove, after confirming
    window.remove_button.click()
    assert "Nyt fra sundhedsplejersken" not in _titles(window)


def test_legal_basis_block_and_the_anonymous_alternative(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch
) -> None:
    ctx = login("leder")
    m = _district(ctx)
    cases.create_case(ctx, cases.NewCase(first_name="Asta", last_name="Holm",
                                         custody_holders=(("Karen Holm", "mor"),)))  # fmt: skip
    window, prompts = _open(qtbot, ctx, m.id)

    def pick(d: QDialog) -> None:
        assert isinstance(d, ChildItemDialog)
        d.view.selectRow(0)
        d.title.setText("Bekymring for trivsel")

    _accept_with(ChildItemDialog, pick, monkeypatch)
    window.add_child_button.click()
    row = _titles(window).index("Bekymring for trivsel")
    assert window.agenda.index(row, 4).data() == "⚠ Intet lovgrundlag"
    assert window.agenda.index(row, 4).data(Qt.ItemDataRole.BackgroundRole) is not None
    window.view.selectRow(row)
    assert "kun drøftes anonymt" in window.basis_status.text()
    assert not window.use_consent.isEnabled()  # no consent yet

    window.anonymous_button.click()
    assert window.agenda.index(row, 4).data() == "✓ Drøftes anonymt"
    assert window.agenda.index(row, 3).data() == "Asta Holm – anonym"

    def consent_given(d: QDialog) -> None:
        assert isinstance(d, ConsentDialog)
        assert d.type_boxes["district"].isChecked()  # this meeting's kind, by default
        assert d.holder.currentText() == "Karen Holm (mor)"  # the registered custody holder
        d.scope.setPlainText("Trivsel i skolen")
        d.recipients.setText("Skole og PPR")

    _accept_with(ConsentDialog, consent_given, monkeypatch)
    window.new_consent.click()
    assert window.agenda.index(row, 4).data() == "✓ Samtykke fra Karen Holm, til 23.11.2027"
    assert window.consent_combo.count() == 1
    assert prompts.shown == [] or all(kind != "error" for kind, *_ in prompts.shown)


def test_a_new_anonymous_child_from_the_meeting(qtbot, login: LoginFn, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ctx = login("referent")
    m = _district(ctx)
    window, _ = _open(qtbot, ctx, m.id)

    def new_anonymous(d: QDialog) -> None:
        assert isinstance(d, ChildItemDialog)
        d.mode.setCurrentIndex(d.mode.findData(ChildItemDialog.NEW_ANONYMOUS))
        assert d.first_name.isHidden() and not d.pseudonym.isHidden()
        d.pseudonym.setText("Dreng, 7 år")
        d.title.setText("Uro i frikvartererne")

    _accept_with(ChildItemDialog, new_anonymous, monkeypatch)
    window.add_child_button.click()
    row = _titles(window).index("Uro i frikvartererne")
    assert window.agenda.index(row, 3).data() == "Dreng, 7 år"
    assert window.agenda.index(row, 4).data() == "✓ Anonym sag"


def test_carry_over_from_last_time_and_from_an_ftm(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("leder")
    series.create_series(
        ctx,
        series.NewSeries(type_code="district", rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
                         starts_on=date(2026, 11, 10), start_time=time(13), district="privat"),
    )  # fmt: skip
    series.generate(ctx, horizon_days=30, from_day=date(2026, 11, 10))
    first, second = meetings.list_meetings(ctx)[:2]
    child = cases.create_case(ctx, cases.NewCase(first_name="Bo", last_name="Berg",
                              custody_holders=(("Lis Berg", "mor"),))).case  # fmt: skip
    plan = planning.get_plan(ctx, first.id)
    plan = planning.add_item(ctx, first.id, plan.revision, title="Fravær", minutes=20,
                             kind=planning.AgendaItemKind.CASE, case_id=child.id)  # fmt: skip
    ftm = meetings.create_ftm_for_case(ctx, child.id, datetime(2026, 11, 16, 10))
    from stevnsmoeder.db.models import Action, AgendaItem, Meeting
    from stevnsmoeder.model.enums import AgendaItemStatus, MeetingStatus

    with ctx.db.begin() as s:
        s.get_one(Meeting, first.id).status = MeetingStatus.HELD
        s.get_one(AgendaItem, plan.items[2].id).status = AgendaItemStatus.NEXT_TIME
        ftm_item = s.scalars(select(AgendaItem).where(
            AgendaItem.meeting_id == ftm.id, AgendaItem.case_id.is_not(None))).one()  # fmt: skip
        s.add(Action(agenda_item_id=ftm_item.id, case_id=child.id, owner_text="Mor",
                     text="Følger Bo i skole hver morgen", due_on=date(2026, 12, 11)))  # fmt: skip

    window, _ = _open(qtbot, ctx, second.id)
    window.show()
    window.side.setCurrentIndex(1)
    assert window.unfinished.rowCount() == 1 and window.agreements.rowCount() == 0
    window.unfinished_view.selectRow(0)
    window.carry_button.click()
    assert "Fravær" in _titles(window)
    assert window.unfinished.rowCount() == 0  # carried: no longer offered
    assert window.agreements.rowCount() == 1  # Bo is on the agenda now: his FTM agreement
    assert window.agreements.index(0, 4).data().startswith("Familie Team Møde")
    window.agreements_view.selectRow(0)
    window.bring_button.click()
    item = next(i for i in window.plan.items if i.case_id == child.id)
    assert "Følger Bo i skole hver morgen" in item.description
    assert item.carried_over


def test_attendance_in_advance(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("referent")
    child = cases.create_case(ctx, cases.NewCase(first_name="Ida", last_name="Lund",
                              custody_holders=(("Per Lund", "far"),))).case  # fmt: skip
    ftm = meetings.create_ftm_for_case(ctx, child.id, datetime(2026, 12, 2, 10))
    window, _ = _open(qtbot, ctx, ftm.id)
    window.side.setCurrentIndex(2)
    assert window.participant_count.text() == "1 indkaldt, 0 har meldt afbud"
    window.participants_view.selectRow(0)
    window.afbud_button.click()
    assert window.participants.index(0, 3).data() == "afbud"
    assert window.participant_count.text() == "0 indkaldt, 1 har meldt afbud"
    assert planning.get_plan(ctx, ftm.id).participants[0].attendance.value == "afbud"


def test_a_change_made_elsewhere_is_not_overwritten(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("referent")
    m = _district(ctx)
    window, prompts = _open(qtbot, ctx, m.id)
    other_laptop = login("leder")
    plan = planning.get_plan(other_laptop, m.id)
    planning.add_item(other_laptop, m.id, plan.revision, title="Fra den anden PC", minutes=5)
    window.agenda.setData(window.agenda.index(0, 2), "Dagsorden")  # made against old revision
    assert prompts.shown[-1][0] == "error" and "ændret et andet sted" in prompts.shown[-1][2]
    assert "Fra den anden PC" in _titles(window)  # reloaded: the other change is shown
    assert _titles(window)[0] == "Godkendelse af dagsorden"  # and nothing was overwritten


def test_start_page_shows_what_needs_attention(qtbot, demo_login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = demo_login("leder")
    main = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(main)
    page = main.start_page
    assert page.actions_model.rowCount() > 0
    rows = [page.actions_model.row_at(r) for r in range(page.actions_model.rowCount())]
    assert all(r.due_on <= ctx.today() + timedelta(days=14) for r in rows)
    assert any(r.overdue for r in rows) and [r.due_on for r in rows] == sorted(
        r.due_on for r in rows
    )
    assert page.actions_heading.text().startswith("<b>Handlinger med frist inden for to uger</b>")
    assert page.actions_model.index(0, 1).data() == rows[0].case_name
    main.screen_safe_action.setChecked(True)
    shown = [page.actions_model.index(r, 1).data() for r in range(page.actions_model.rowCount())]
    assert shown == [r.case_initials for r in rows]


def test_marking_an_action_done_from_the_start_page(qtbot, demo_login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = demo_login("leder")
    prompts = RecordingPrompts()
    main = MainWindow(ctx, prompts)
    qtbot.addWidget(main)
    page = main.start_page
    before = page.actions_model.rowCount()
    page.actions_view.selectRow(0)
    chosen = page.actions_view.model().index(0, 0).data(ROW_ROLE)
    prompts.texts.append("Endelig afgørelse: børnefaglig undersøgelse iværksat")
    page.done_button.click()
    assert page.actions_model.rowCount() == before - 1
    assert chosen.id not in {page.actions_model.row_at(r).id for r in range(before - 1)}
