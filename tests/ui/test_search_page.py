"""The search page: "til nu" ends today, "Vis flere" adds the next page of the same search,
and the keyboard leads from the search field into the hits."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.search.search_view import SearchPage
from tests.services.test_case_history import Story, _story

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


@pytest.fixture
def story(login: LoginFn) -> Story:
    return _story(login("leder"))


def _page(qtbot, ctx: ServiceContext) -> tuple[MainWindow, SearchPage]:  # type: ignore[no-untyped-def]
    window = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_search()
    page = window.search_page
    assert page is not None
    return window, page


def _search(qtbot, page: SearchPage, text: str) -> None:  # type: ignore[no-untyped-def]
    page.query_edit.setText(text)
    page.last_result = None
    page.run_search()
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=5_000)


def _titles(page: SearchPage) -> list[str]:
    return [page.model.row_at(r).title for r in range(page.model.rowCount())]


def test_until_now_means_up_to_today(qtbot, login: LoginFn, story: Story) -> None:  # type: ignore[no-untyped-def]
    _window, page = _page(qtbot, login("ppr"))
    assert page.to_edit.text() == "til nu"
    _search(qtbot, page, "ødegård")
    # The planned meeting on 1 December (today is 23 November) is not "until now".
    assert sorted(_titles(page)) == [
        "Bekymring for trivsel",
        "Familiens plan",
        "Hærværk ved hallen",
    ]
    assert page.filters().end == page.ctx.today()
    # Choosing a later end date finds it.
    page.to_edit.setDate(page.to_edit.date().currentDate().addYears(5))
    _search(qtbot, page, "ødegård")
    assert "Opfølgning" in _titles(page)


def test_show_more_adds_the_next_page_and_logs_what_it_showed(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, login: LoginFn, story: Story
) -> None:
    ctx = login("ppr")
    _window, page = _page(qtbot, ctx)
    page.page_size = 2
    _search(qtbot, page, "ødegård")
    first = _titles(page)
    assert len(first) == 2 and page.more_button.isVisible() and page.more_button.isEnabled()
    assert page.status.text() == "2 fund (de bedste først; flere med »Vis flere«)"
    assert page.more_button.text() == "Vis flere"
    page.view.selectRow(1)
    qtbot.mouseClick(page.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5_000)
    assert _titles(page)[:2] == first
    qtmodeltester.check(page.model, force_py=True)
    assert page.status.text() == "3 fund"
    assert not page.more_button.isVisible()  # nothing more to show
    hit = page.selected()
    assert hit is not None and hit.title == _titles(page)[2]  # the first of the new ones
    with ctx.db.begin() as s:
        details = list(
            s.scalars(
                select(AuditEvent.detail)
                .where(AuditEvent.action == "search")
                .order_by(AuditEvent.seq)
            )
        )
        shown = s.scalars(select(AuditEvent.seq).where(AuditEvent.action == "search.shown")).all()
    assert details[-1].endswith(": 1 more hits (3-3)")
    assert len(shown) == 2  # Asta, shown by the first page and by the second


def test_a_new_search_starts_again_from_the_best(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, story: Story
) -> None:
    _window, page = _page(qtbot, login("ppr"))
    page.page_size = 2
    _search(qtbot, page, "ødegård")
    page.show_more()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5_000)
    _search(qtbot, page, "hærværk")
    assert _titles(page) == ["Hærværk ved hallen"] and not page.more_button.isVisible()
