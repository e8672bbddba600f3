"""The secretary adds addenda to approved minutes from the live view: about the item shown
(the default), another item, or the meeting in general; the versions say which."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from PySide6.QtWidgets import QDialog

from stevnsmoeder.services import cases, live, meetings, minutes, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.case.case_view import CaseWindow
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.live.addendum_dialog import AddendumDialog
from stevnsmoeder.ui.live.live_view import LiveView
from stevnsmoeder.ui.live.versions_dialog import VersionsDialog
from stevnsmoeder.ui.main.main_window import MainWindow
from tests.conftest import FakeClock

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _approved(ctx: ServiceContext) -> tuple[meetings.MeetingSummary, planning.MeetingPlan]:
    m = meetings.create_meeting(ctx, meetings.NewMeeting("ssp", datetime(2026, 11, 23, 10)))
    child = cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym="Pige, 14 år")).case
    plan = planning.get_plan(ctx, m.id)
    planning.add_item(
        ctx, m.id, plan.revision, title="Uro ved stationen", minutes=10,
        kind=planning.AgendaItemKind.CASE, case_id=child.id,
    )  # fmt: skip
    live.start(ctx, m.id)
    live.end(ctx, m.id)
    minutes.approve(ctx, m.id)
    return m, planning.get_plan(ctx, m.id)


def _live(
    qtbot, ctx: ServiceContext, m: meetings.MeetingSummary
) -> tuple[LiveView, RecordingPrompts]:  # type: ignore[no-untyped-def]
    prompts = RecordingPrompts()
    main = MainWindow(ctx, prompts)
    qtbot.addWidget(main)
    main.open_meeting(meetings.get_meeting_summary(ctx, m.id))
    window = main.meeting_windows[m.id]
    qtbot.addWidget(window)
    window.show_live()
    assert window.live_view is not None
    return window.live_view, prompts


def _answer(monkeypatch: pytest.MonkeyPatch, fill: Callable[[AddendumDialog], None]) -> list[str]:
    """The dialog, as the user fills it in; returns the choices it offered."""
    offered: list[str] = []

    def fake_exec(self: AddendumDialog) -> int:
        offered[:] = [self.about.itemText(i) for i in range(self.about.count())]
        assert not self.ok.isEnabled()  # nothing to add yet
        fill(self)
        assert self.ok.isEnabled()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(AddendumDialog, "exec", fake_exec)
    return offered


def test_the_addendum_is_about_the_item_shown_or_the_meeting(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = login("referent")
    m, plan = _approved(ctx)
    child_item = next(i for i in plan.items if i.case_id)
    view, prompts = _live(qtbot, ctx, m)
    assert view.addendum_button.isVisibleTo(view)
    view.show_item(child_item.id)
    clock.advance(hours=2)

    offered = _answer(monkeypatch, lambda d: d.text.setPlainText("Pigen var 15 år."))
    view.addendum_button.click()  # the default: the item shown
    assert offered == [f"{i.number}. {i.title}" for i in plan.items] + ["Mødet generelt"]

    def general(d: AddendumDialog) -> None:
        d.about.setCurrentIndex(d.about.count() - 1)
        d.text.setPlainText("Mødet sluttede kl. 11.40.")

    _answer(monkeypatch, general)
    view.addendum_button.click()
    found = minutes.versions(ctx, m.id)
    assert [(v.kind, v.item_id, v.addendum) for v in found] == [
        ("approval", None, ""),
        ("addendum", child_item.id, "Pigen var 15 år."),
        ("addendum", None, "Mødet sluttede kl. 11.40."),
    ]

    opened: list[VersionsDialog] = []
    monkeypatch.setattr(VersionsDialog, "exec", lambda self: opened.append(self) or 0)
    view.versions_button.click()
    assert not prompts.shown
    model = opened[0].model
    shown = [model.index(row, 3).data() for row in range(model.rowCount())]
    assert shown == [
        "Godkendt",
        f"Tilføjelse til punkt {child_item.number}: Pigen var 15 år.",
        "Tilføjelse om mødet generelt: Mødet sluttede kl. 11.40.",
    ]


def test_a_cancelled_addendum_adds_nothing(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, monkeypatch: pytest.MonkeyPatch
) -> None:
    ctx = login("leder")
    m, _plan = _approved(ctx)
    view, _prompts = _live(qtbot, ctx, m)
    monkeypatch.setattr(AddendumDialog, "exec", lambda self: int(QDialog.DialogCode.Rejected))
    view.addendum_button.click()
    assert [v.kind for v in minutes.versions(ctx, m.id)] == ["approval"]


@pytest.mark.parametrize(
    ("role", "words"), [("ppr", {"ahornblad", "lindeblad"}), ("politi", {"ahornblad"})]
)
def test_the_case_page_shows_the_addenda_of_items_the_reader_may_see(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, clock: FakeClock, role: str, words: set[str]
) -> None:
    from tests.services.test_addenda import WORDS, _story

    story = _story(login("leder"), login("deltager"), clock)
    ctx = login(role)
    window = CaseWindow(ctx, story.asta.id, RecordingPrompts(), lambda _m: None, lambda: False)
    qtbot.addWidget(window)
    shown = set()
    for row in range(window.timeline_proxy.rowCount()):
        window.timeline_view.selectRow(row)
        text = window.detail.toPlainText()
        shown |= {w for w in WORDS if w in text}
        if "ahornblad" in text:
            assert "Tillæg 24.11.2026 (leder): Rettelse ahornblad: Asta Ødegård" in text
    assert shown == words
