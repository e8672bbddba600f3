"""The planning and case dialogs as a secretary meets them on a busy Tuesday: a move to an odd
day is named first, a closed case says so, a refusal is shown in the dialog with what was typed
kept, a consent comes from a registered custody holder, and the keyboard works."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from sqlalchemy import func, select

from stevnsmoeder.db.models import AuditEvent, Case
from stevnsmoeder.services import cases, consent, meetings, planning, series
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.admin.user_dialogs import AddUserDialog
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.case.case_dialogs import (
    AddItemDialog,
    ChildItemDialog,
    ConsentDialog,
    HolderDialog,
)
from stevnsmoeder.ui.common.forms import DateEdit
from stevnsmoeder.ui.common.password_dialog import PasswordDialog
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.meeting.meeting_window import MeetingWindow
from stevnsmoeder.ui.planning.closed_days import ClosedPeriodsDialog
from stevnsmoeder.ui.planning.meeting_dialogs import FtmDialog, MoveDialog, ParticipantDialog
from stevnsmoeder.ui.planning.series_dialogs import NewSeriesDialog, RuleDialog

LoginFn = Callable[[str], ServiceContext]
Step = Callable[[QDialog], None]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _answer(cls: type[QDialog], steps: list[Step], monkeypatch) -> list[QDialog]:  # type: ignore[no-untyped-def]
    """Answer a modal dialog as a user does: each step fills it in and presses OK; the dialog
    ends when one is accepted (a refused OK leaves it open for the next step), or is
    cancelled after the last step."""
    seen: list[QDialog] = []

    def fake_exec(self: QDialog) -> int:
        seen.append(self)
        for step in steps:
            step(self)
            self.accept()
            if self.result() == QDialog.DialogCode.Accepted:
                return int(self.result())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(cls, "exec", fake_exec)
    return seen


def _main(qtbot, ctx: ServiceContext) -> tuple[MainWindow, RecordingPrompts]:  # type: ignore[no-untyped-def]
    prompts = RecordingPrompts()
    main = MainWindow(ctx, prompts)
    qtbot.addWidget(main)
    return main, prompts


def _meeting_window(qtbot, main: MainWindow, meeting_id) -> MeetingWindow:  # type: ignore[no-untyped-def]
    main.open_meeting(meetings.get_meeting_summary(main.ctx, meeting_id))
    window = main.meeting_windows[meeting_id]
    qtbot.addWidget(window)
    return window


def _district(ctx: ServiceContext, day: date = date(2026, 12, 1)) -> meetings.MeetingSummary:
    return meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime.combine(day, time(13)), district="privat")
    )


def _ok(dialog: QDialog) -> bool:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def _case_count(ctx: ServiceContext) -> int:
    with ctx.db.begin() as s:
        return s.scalar(select(func.count()).select_from(Case)) or 0


# -- 1. moving a meeting ------------------------------------------------------------------------


def test_a_move_is_refused_into_the_past_and_warned_on_an_odd_day(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch
) -> None:
    ctx = login("referent")
    series.add_closed_period(ctx, date(2026, 12, 21), date(2026, 12, 31), "Juleferie")
    m = _district(ctx)
    main, prompts = _main(qtbot, ctx)
    window = _meeting_window(qtbot, main, m.id)

    def into_the_past(d: QDialog) -> None:
        assert isinstance(d, MoveDialog)
        assert d.warnings.isHidden()  # the meeting's own Tuesday is an ordinary day
        d.reason.setText("Skolens juleafslutning")
        d.day.setDate(QDate(2026, 11, 20))
        assert not d.warnings.isHidden() and "der er gået" in d.warnings.text()
        assert not _ok(d)  # refused: Move cannot be pressed

    def on_a_saturday(d: QDialog) -> None:
        assert isinstance(d, MoveDialog)
        d.day.setDate(QDate(2026, 12, 5))
        assert d.warnings.text() == "⚠ Den nye dato er en lørdag."
        assert not d.anyway.isHidden() and not _ok(d)  # the warning is acknowledged first

    def at_christmas(d: QDialog) -> None:
        assert isinstance(d, MoveDialog)
        d.day.setDate(QDate(2026, 12, 25))
        assert d.warnings.text().splitlines() == [
            "⚠ Den nye dato er en helligdag: Juledag.",
            "⚠ Kommunen holder lukket på den nye dato: Juleferie.",
        ]
        assert not _ok(d)

    def on_a_tuesday_then_saturday_anyway(d: QDialog) -> None:
        assert isinstance(d, MoveDialog)
        d.day.setDate(QDate(2026, 12, 8))
        assert d.warnings.isHidden() and d.anyway.isHidden() and _ok(d)
        d.day.setDate(QDate(2026, 12, 5))
        d.anyway.setChecked(True)
        assert _ok(d)
        assert d.reason.text() == "Skolens juleafslutning"  # typed once, kept throughout

    seen = _answer(
        MoveDialog,
        [into_the_past, on_a_saturday, at_christmas, on_a_tuesday_then_saturday_anyway],
        monkeypatch,
    )
    window.move_button.click()
    assert len(seen) == 1  # one dialog, open until the move was made
    moved = meetings.get_meeting_summary(ctx, m.id)
    assert moved.starts_at == datetime(2026, 12, 5, 13)
    note = "Flyttet fra tirsdag den 1. december 2026 (Skolens juleafslutning)."
    assert window.note.text() == note and not window.note.isHidden()
    assert prompts.shown == []

    # The meeting lists show that it moved, and from where.
    main.tabs.setCurrentWidget(main.meetings_page)
    main.meetings_page.reload()
    model = main.meetings_page.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == m.id)
    assert model.index(row, 0).data() == "↷ lørdag den 5. december 2026"
    assert model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == note


# -- 2. closed cases ----------------------------------------------------------------------------


def test_a_closed_case_shows_it_and_goes_on_an_agenda_only_reopened(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch
) -> None:
    ctx = login("leder")
    m = _district(ctx)
    child = cases.create_case(ctx, cases.NewCase(first_name="Bo", last_name="Berg")).case
    cases.close_case(ctx, child.id, date(2026, 6, 30))
    main, prompts = _main(qtbot, ctx)

    # The case list and the case page say it is closed, and since when.
    main.tabs.setCurrentWidget(main.cases_page)
    page = main.cases_page
    assert page is not None
    page.reload()
    closed_column = page.model.columnCount() - 1
    assert page.model.headerData(closed_column, Qt.Orientation.Horizontal) == "Lukket"
    assert page.model.index(0, closed_column).data() == "30.06.2026"
    assert page.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == (
        "Lukket tirsdag den 30. juni 2026"
    )
    main.open_case(child.id)
    case_window = main.case_windows[child.id]
    qtbot.addWidget(case_window)
    assert case_window.closed.text() == "Sagen blev lukket tirsdag den 30. juni 2026."
    assert not case_window.closed.isHidden()

    window = _meeting_window(qtbot, main, m.id)

    def choose_it(d: QDialog) -> None:
        assert isinstance(d, ChildItemDialog)
        d.view.selectRow(0)
        assert not d.closed_note.isHidden() and not d.reopen.isHidden()
        assert "S-2026-0001 blev lukket tirsdag den 30. juni 2026" in d.closed_note.text()
        d.title.setText("Fravær igen")

    def reopen_it(d: QDialog) -> None:
        assert isinstance(d, ChildItemDialog)
        assert "Genåbn sagen" in d.error.text() and not d.error.isHidden()  # refused in place
        assert d.title.text() == "Fravær igen"
        d.reopen.setChecked(True)

    _answer(ChildItemDialog, [choose_it, reopen_it], monkeypatch)
    window.add_child_button.click()
    assert "Fravær igen" in [i.title for i in window.plan.items]
    assert not cases.get_case(ctx, child.id).closed
    with ctx.db.begin() as s:
        assert (
            s.scalar(
                select(func.count()).where(
                    AuditEvent.action == "case.reopen", AuditEvent.case_id == child.id
                )
            )
            == 1
        )
    assert prompts.shown == []


# -- 3. validation in place ---------------------------------------------------------------------


def test_a_refused_child_item_keeps_what_was_typed(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch
) -> None:
    ctx = login("referent")
    m = _district(ctx)
    main, prompts = _main(qtbot, ctx)
    window = _meeting_window(qtbot, main, m.id)
    before = _case_count(ctx)

    def anonymous_without_pseudonym(d: QDialog) -> None:
        assert isinstance(d, ChildItemDialog)
        d.mode.setCurrentIndex(d.mode.findData(ChildItemDialog.NEW_ANONYMOUS))
        d.institution.setText("Hotherskolen")
        d.title.setText("Uro i frikvartererne")

    def named_with_a_bad_cpr(d: QDialog) -> None:
        assert isinstance(d, ChildItemDialog)
        assert d.error.text() == "Giv den anonyme sag et pseudonym."
        assert (d.institution.text(), d.title.text()) == ("Hotherskolen", "Uro i frikvartererne")
        d.mode.setCurrentIndex(d.mode.findData(ChildItemDialog.NEW_NAMED))
        d.first_name.setText("Ida")
        d.cpr.setText("321399-1234")

    def then_a_good_one(d: QDialog) -> None:
        assert isinstance(d, ChildItemDialog)
        assert "CPR" in d.error.text()  # the service's refusal, shown here
        assert _case_count(ctx) == before  # nothing half made
        assert (d.first_name.text(), d.cpr.text()) == ("Ida", "321399-1234")
        d.cpr.setText("")

    seen = _answer(
        ChildItemDialog,
        [anonymous_without_pseudonym, named_with_a_bad_cpr, then_a_good_one],
        monkeypatch,
    )
    window.add_child_button.click()
    assert len(seen) == 1
    assert _case_count(ctx) == before + 1
    assert "Uro i frikvartererne" in [i.title for i in window.plan.items]
    assert prompts.shown == []


def test_a_conflict_in_the_dialog_is_shown_there_and_made_once(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch
) -> None:
    ctx = login("referent")
    m = _district(ctx)
    main, prompts = _main(qtbot, ctx)
    window = _meeting_window(qtbot, main, m.id)
    before = _case_count(ctx)

    def meanwhile_elsewhere(d: QDialog) -> None:
        assert isinstance(d, ChildItemDialog)
        d.mode.setCurrentIndex(d.mode.findData(ChildItemDialog.NEW_ANONYMOUS))
        d.pseudonym.setText("Pige, 9 år")
        other = login("leder")
        plan = planning.get_plan(other, m.id)
        planning.add_item(other, m.id, plan.revision, title="Fra den anden PC", minutes=5)

    def again(d: QDialog) -> None:
        assert isinstance(d, ChildItemDialog)
        assert "ændret et andet sted" in d.error.text()
        assert "Fra den anden PC" in [i.title for i in window.plan.items]  # reloaded

    _answer(ChildItemDialog, [meanwhile_elsewhere, again], monkeypatch)
    window.add_child_button.click()
    assert _case_count(ctx) == before + 1
    assert [i.case_name for i in window.plan.items if i.case_id] == ["Pige, 9 år"]
    assert prompts.shown == []


def test_a_new_anonymous_child_starts_in_the_meetings_district(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch
) -> None:
    ctx = login("referent")
    m = _district(ctx)
    main, _prompts = _main(qtbot, ctx)
    window = _meeting_window(qtbot, main, m.id)

    def anonymous(d: QDialog) -> None:
        assert isinstance(d, ChildItemDialog)
        d.mode.setCurrentIndex(d.mode.findData(ChildItemDialog.NEW_ANONYMOUS))
        assert d.district.currentText() == "Det Private distrikt"
        d.pseudonym.setText("Dreng, 7 år")

    _answer(ChildItemDialog, [anonymous], monkeypatch)
    window.add_child_button.click()
    (item,) = [i for i in window.plan.items if i.case_id]
    assert cases.get_case(ctx, item.case_id).district == "Det Private distrikt"  # type: ignore[arg-type]

    # An SSP meeting has no district: nothing is chosen for the child then.
    dialog = ChildItemDialog([], [], screen_safe=False, district=None)
    qtbot.addWidget(dialog)
    assert dialog.district.currentData() is None


def test_consent_expiry_before_it_was_given_is_refused_in_place(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch
) -> None:
    ctx = login("leder")
    m = _district(ctx)
    child = cases.create_case(ctx, cases.NewCase(first_name="Asta", last_name="Holm",
                              custody_holders=(("Karen Holm", "mor"),))).case  # fmt: skip
    plan = planning.get_plan(ctx, m.id)
    planning.add_item(ctx, m.id, plan.revision, title="Trivsel", minutes=20,
                      kind=planning.AgendaItemKind.CASE, case_id=child.id)  # fmt: skip
    main, prompts = _main(qtbot, ctx)
    window = _meeting_window(qtbot, main, m.id)
    window.view.selectRow(next(i.number - 1 for i in window.plan.items if i.case_id))

    def expiring_too_soon(d: QDialog) -> None:
        assert isinstance(d, ConsentDialog)
        d.scope.setPlainText("Trivsel i skolen")
        d.recipients.setText("Skole og PPR")
        d.given.setDate(QDate(2026, 11, 1))
        d.expires.setDate(QDate(2026, 10, 1))

    def fixed(d: QDialog) -> None:
        assert isinstance(d, ConsentDialog)
        assert d.error.text() == "Samtykket kan ikke udløbe, før det er givet."
        assert d.scope.toPlainText() == "Trivsel i skolen"
        d.expires.setDate(QDate(2027, 10, 31))

    _answer(ConsentDialog, [expiring_too_soon, fixed], monkeypatch)
    window.basis_pane.new_consent.click()
    (given,) = consent.list_consents(ctx, child.id)
    assert (given.holder, given.expires_on) == ("Karen Holm", date(2027, 10, 31))
    assert prompts.shown == []


def test_a_title_longer_than_its_column_cannot_be_typed(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch
) -> None:
    ctx = login("referent")
    m = _district(ctx)
    main, _prompts = _main(qtbot, ctx)
    window = _meeting_window(qtbot, main, m.id)

    def long_title(d: QDialog) -> None:
        assert isinstance(d, AddItemDialog)
        d.title.setText("x" * 201)
        assert len(d.title.text()) == 200

    def empty_title(d: QDialog) -> None:
        assert isinstance(d, AddItemDialog)
        d.title.setText("  ")

    _answer(AddItemDialog, [empty_title, long_title], monkeypatch)
    window.add_button.click()
    assert "x" * 200 in [i.title for i in window.plan.items]


def _line_edits(dialog: QWidget) -> dict[str, int]:
    """The dialog's own one-line fields (not a combo box's or a spin box's) → max length."""
    found = {}
    for edit in dialog.findChildren(QLineEdit):
        parent = edit.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            continue
        name = next(n for n, v in vars(dialog).items() if v is edit)
        found[name] = edit.maxLength()
    return found


def test_every_field_that_fills_a_limited_column_is_limited(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    ctx = login("referent")
    info = series.create_series(ctx, series.NewSeries(
        type_code="district", rule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TU",
        starts_on=date(2026, 12, 1), start_time=time(13), district="privat"))  # fmt: skip
    holder = consent.HolderInfo(info.id, "Karen Holm", "mor")
    dialogs: dict[type[QWidget], tuple[QWidget, dict[str, int]]] = {
        MoveDialog: (MoveDialog("Distriktsmøde", datetime(2026, 12, 1, 13), lambda _w: ()),
                     {"reason": 200}),
        ParticipantDialog: (ParticipantDialog([], []), {}),
        RuleDialog: (RuleDialog(info, date(2026, 11, 23)), {}),
        ClosedPeriodsDialog: (ClosedPeriodsDialog([], lambda *_a: [], True), {"reason": 200}),
        FtmDialog: (FtmDialog("A.H.", datetime(2026, 12, 1, 9)), {"place": 200}),
        NewSeriesDialog: (NewSeriesDialog([], [], [], [], date(2026, 11, 23)),
                          {"title": 200, "place": 200}),
        ChildItemDialog: (ChildItemDialog([], [], screen_safe=False), {
            "first_name": 120, "last_name": 120, "cpr": 11, "pseudonym": 80,
            "institution": 200, "holder": 200, "holder_relation": 80, "title": 200,
            "filter": 32767,  # a search, not a column
        }),
        ConsentDialog: (ConsentDialog("A.H.", [holder], [], "district", date(2026, 11, 23)),
                        {"recipients": 32767, "document": 80}),  # recipients: a text column
        HolderDialog: (HolderDialog("A.H."), {"name": 200, "relation": 80}),
        AddItemDialog: (AddItemDialog(), {"title": 200}),
        AddUserDialog: (AddUserDialog([], lambda _new: None),
                        {"login": 80, "full_name": 200, "password": 1024, "again": 1024}),
        PasswordDialog: (PasswordDialog("Ny", "Ny adgangskode"), {"first": 1024, "second": 1024}),
    }  # fmt: skip
    for cls, (dialog, expected) in dialogs.items():
        qtbot.addWidget(dialog)
        assert _line_edits(dialog) == expected, cls.__name__
        # and the keyboard: Tab leaves every multi-line field; every date can be typed
        for box in dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit):
            assert box.tabChangesFocus(), cls.__name__
        for edit in dialog.findChildren(QDateEdit):
            assert isinstance(edit, DateEdit) and edit.calendarPopup(), cls.__name__


# -- 4. consent from a registered custody holder -------------------------------------------------


def test_consent_is_given_by_a_registered_custody_holder(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch
) -> None:
    ctx = login("leder")
    m = _district(ctx)
    child = cases.create_case(ctx, cases.NewCase(first_name="Asta", last_name="Holm",
                              custody_holders=(("Karen Holm", "mor"),))).case  # fmt: skip
    plan = planning.get_plan(ctx, m.id)
    planning.add_item(ctx, m.id, plan.revision, title="Trivsel", minutes=20,
                      kind=planning.AgendaItemKind.CASE, case_id=child.id)  # fmt: skip
    main, prompts = _main(qtbot, ctx)
    window = _meeting_window(qtbot, main, m.id)
    window.view.selectRow(next(i.number - 1 for i in window.plan.items if i.case_id))

    def new_holder(d: QDialog) -> None:
        assert isinstance(d, HolderDialog)
        d.relation.setText("far")  # no name yet: refused here

    def named(d: QDialog) -> None:
        assert isinstance(d, HolderDialog)
        assert d.error.text() == "Angiv forældremyndighedsindehaverens navn."
        d.name.setText("Jens Holm")

    _answer(HolderDialog, [new_holder, named], monkeypatch)

    def from_the_father(d: QDialog) -> None:
        assert isinstance(d, ConsentDialog)
        assert not d.holder.isEditable()  # chosen, never typed
        assert [d.holder.itemText(i) for i in range(d.holder.count())] == ["Karen Holm (mor)"]
        d.new_holder.click()  # the explicit step: its own small form
        assert d.holder.currentText() == "Jens Holm (far)"
        d.scope.setPlainText("Trivsel i skolen")
        d.recipients.setText("Skole og PPR")

    _answer(ConsentDialog, [from_the_father], monkeypatch)
    window.basis_pane.new_consent.click()
    (given,) = consent.list_consents(ctx, child.id)
    assert given.holder == "Jens Holm"
    assert [h.label for h in consent.custody_holders(ctx, child.id)] == [
        "Karen Holm (mor)", "Jens Holm (far)",
    ]  # fmt: skip
    assert window.agenda.item_at(window.view.currentIndex().row()).basis.label.startswith(
        "Samtykke fra Jens Holm"
    )
    assert prompts.shown == []


def test_screen_safe_consent_names_no_family(qtbot) -> None:  # type: ignore[no-untyped-def]
    holders = [consent.HolderInfo(uuid.uuid4(), "Karen Holm", "mor")]
    dialog = ConsentDialog("A.H.", holders, [], "district", date(2026, 11, 23), screen_safe=True)
    qtbot.addWidget(dialog)
    assert dialog.holder.itemText(0) == "mor" and dialog.new_holder.isHidden()


# -- 7. the keyboard ----------------------------------------------------------------------------


def test_tab_leaves_the_text_and_dates_are_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    holders = [consent.HolderInfo(uuid.uuid4(), "Karen Holm", "mor")]
    dialog = ConsentDialog("A.H.", holders, [], "district", date(2026, 11, 23))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.scope.setFocus()
    qtbot.keyClicks(dialog.scope, "Trivsel")
    qtbot.keyClick(dialog.scope, Qt.Key.Key_Tab)
    assert dialog.scope.toPlainText() == "Trivsel"  # no tab typed into it
    assert dialog.focusWidget() is dialog.recipients
    given = dialog.given.lineEdit()
    for typed, expected in (
        ("5.1.2026", date(2026, 1, 5)),
        ("05-11-26", date(2026, 11, 5)),
        ("01102026", date(2026, 10, 1)),
    ):
        dialog.recipients.setFocus()
        qtbot.keyClick(dialog.recipients, Qt.Key.Key_Tab)  # on to "Given on", all selected
        assert dialog.focusWidget() in (dialog.given, dialog.given.lineEdit())
        qtbot.waitUntil(lambda: given.selectedText() == given.text())  # all of it selected
        qtbot.keyClicks(dialog.given, typed)
        qtbot.keyClick(dialog.given, Qt.Key.Key_Tab)
        assert dialog.given.date() == QDate(expected.year, expected.month, expected.day), typed
        assert dialog.given.text() == expected.strftime("%d.%m.%Y")
    assert dialog.focusWidget() in (dialog.expires, dialog.expires.lineEdit())
    expires = dialog.expires.lineEdit()
    qtbot.waitUntil(lambda: expires.selectedText() == expires.text())
    qtbot.keyClicks(dialog.expires, "31.2.2027")  # no such day: the date shown stays
    qtbot.keyClick(dialog.expires, Qt.Key.Key_Tab)
    assert dialog.expires.date() == QDate(2027, 11, 23)
    assert dialog.expires.text() == "23.11.2027"


def test_up_and_down_in_a_date_change_the_day_unless_the_cursor_is_elsewhere(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Entering a date field selects it whole (so typing replaces it); Up then moved the
    year. Up and Down change the day by default, the part under the cursor otherwise, and
    go on across a month's end the way the calendar does."""
    holders = [consent.HolderInfo(uuid.uuid4(), "Karen Holm", "mor")]
    dialog = ConsentDialog("A.H.", holders, [], "district", date(2026, 1, 31))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    given = dialog.given
    assert isinstance(given, DateEdit) and given.date() == QDate(2026, 1, 31)
    dialog.recipients.setFocus()
    qtbot.keyClick(dialog.recipients, Qt.Key.Key_Tab)  # into the date, all of it selected
    qtbot.waitUntil(lambda: given.lineEdit().selectedText() == "31.01.2026")
    qtbot.keyClick(given, Qt.Key.Key_Up)
    assert given.date() == QDate(2026, 2, 1)  # the next day, not 31.01.2027
    qtbot.keyClick(given, Qt.Key.Key_Down)
    qtbot.keyClick(given, Qt.Key.Key_Down)
    assert given.date() == QDate(2026, 1, 30)
    given.lineEdit().setCursorPosition(4)  # in the month
    qtbot.keyClick(given, Qt.Key.Key_Up)
    assert given.date() == QDate(2026, 2, 28)
    given.lineEdit().setCursorPosition(9)  # in the year
    qtbot.keyClick(given, Qt.Key.Key_Down)
    assert given.date() == QDate(2025, 2, 28)
    given.setMaximumDate(QDate(2025, 3, 1))
    given.lineEdit().selectAll()
    for _ in range(3):
        qtbot.keyClick(given, Qt.Key.Key_Up)
    assert given.date() == QDate(2025, 3, 1)  # no further than the field allows
