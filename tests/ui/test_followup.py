"""Opfølgning in the window: the page for the chair (a tab of the main window) and the head of
Børn & Læring's own window, its table models, its QPainter charts, saving, and that it fits
the municipal laptops; the head of Børn & Læring's session never asks for meetings or cases."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.model.policy import Bar, Chart
from stevnsmoeder.services import statistics
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.access.sessions import Sessions
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.followup.charts import ChartWidget, layout
from stevnsmoeder.ui.followup.followup_page import FollowUpPage
from stevnsmoeder.ui.followup.table_model import PolicyTableModel
from stevnsmoeder.ui.followup.window import FollowUpWindow
from stevnsmoeder.ui.main.main_window import MainWindow
from tests.services.test_statistics import build_story, chef
from tests.test_cli_policy import assert_clean, personal_data
from tests.ui.test_geometry import LAPTOPS, assert_fits

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _loaded(qtbot, page: FollowUpPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.report is not None and page.pdf_button.isEnabled(), timeout=30_000)
    for _ in range(3):
        QApplication.processEvents()


def _texts(page: FollowUpPage) -> str:
    found = []
    for model in page.models:
        for r in range(model.rowCount()):
            found.append(str(model.headerData(r, Qt.Orientation.Vertical)))
            for c in range(model.columnCount()):
                found.append(str(model.data(model.index(r, c))))
    return "\n".join(found)


def test_the_chair_finds_the_follow_up_as_a_tab(qtbot, login: LoginFn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    leder = login("leder")
    build_story(leder)
    prompts = RecordingPrompts()
    window = MainWindow(leder, prompts)
    qtbot.addWidget(window)
    window.show()
    page = window.followup_page
    assert page is not None and not page.loaded
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[-1] == "&Opfølgning"
    # The last whole year is chosen; counting waits until the tab is shown (it is logged).
    assert page.chosen() == (2025, None)
    page.year_box.setCurrentIndex(page.year_box.findData(2026))
    assert page.report is None
    window.tabs.setCurrentWidget(page)
    _loaded(qtbot, page)
    assert page.report is not None and page.report.year == 2026
    assert page.year_box.currentText() == "2026 (indtil nu)"
    assert len(page.models) == len(page.report.tables)
    assert page.findChildren(ChartWidget)
    views = {v.objectName(): v for v in page.findChildren(QTableView)}
    quarters = views["followup-quarters"].model()
    assert quarters.headerData(0, Qt.Orientation.Horizontal) == "Hele året"
    assert quarters.data(quarters.index(2, 0)) == "17"  # all discussions of the year
    assert quarters.data(quarters.index(2, 1)) == "6"  # 2025's, beside it
    assert_clean(_texts(page) + page.status.text(), personal_data(leder))
    # Another district: counted again.
    page.district_box.setCurrentIndex(page.district_box.findData("store-heddinge"))
    qtbot.waitUntil(lambda: page.report is not None and page.report.district is not None)
    assert page.report.headline[0].current == "<5"
    # Saved as PDF: the chosen file, read back.
    target = tmp_path / "opfølgning"
    prompts.paths.append(target)
    page.save(".pdf")
    written = target.with_suffix(".pdf")
    qtbot.waitUntil(written.exists, timeout=30_000)
    qtbot.waitUntil(lambda: "Gemt" in page.status.text(), timeout=30_000)
    text = "".join(p.extract_text() for p in PdfReader(written).pages)
    assert "Store Heddinge/Sydstevns" in text
    assert prompts.shown[-1][0] == "save"


def test_the_head_of_børn_og_læring_gets_a_window_of_figures_only(
    qtbot, login: LoginFn, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    build_story(login("leder"))
    head = chef(login)
    sessions = Sessions(db_path, prompts=RecordingPrompts, quit_app=lambda: None)
    window = sessions.open(head)  # the session deletes it when it closes it
    assert isinstance(window, FollowUpWindow)
    # One menu: saving the follow-up, the password, leaving and locking; no way to meetings.
    menus = window.menuBar().actions()
    assert [m.text() for m in menus] == ["&Filer"]
    entries = [a.text() for a in menus[0].menu().actions() if a.text()]
    assert entries == [
        "Gem som &PDF …", "Gem som &regneark …", "Skift min &adgangskode …",
        "Log &ud", "S&kift bruger …", "&Lås nu", "&Afslut",
    ]  # fmt: skip
    _loaded(qtbot, window.page)
    assert window.page.report is not None and window.page.report.year == 2025
    assert window.page.report.headline[0].current == "5"
    assert_clean(_texts(window.page), personal_data(login("leder")))
    window.close()  # (logs out, and closes the session's database)
    with login("leder").db.begin() as s:
        actions = list(s.scalars(select(AuditEvent.action).where(AuditEvent.login == "chef")))
    # Nothing was asked of the services that the role may not have: no refusal logged.
    assert "denied" not in actions and "statistics.policy" in actions


def test_the_table_model(qtmodeltester, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    leder = login("leder")
    build_story(leder)
    report = statistics.policy_report(leder, 2026)
    for pair in report.tables:
        model = PolicyTableModel(pair)
        qtmodeltester.check(model)
        assert model.columnCount() == len(pair.current.columns) + 1
    named = PolicyTableModel(next(t for t in report.tables if t.key == "named"))
    hidden = [
        (r, c)
        for r in range(named.rowCount())
        for c in range(named.columnCount())
        if named.data(named.index(r, c)) == "<5"
    ]
    assert hidden
    tip = named.data(named.index(*hidden[0]), Qt.ItemDataRole.ToolTipRole)
    assert "skjult" in tip


def test_charts_write_hidden_values_where_their_bars_would_be(qtbot) -> None:  # type: ignore[no-untyped-def]
    grouped = Chart(
        "k", "Børn", "grouped", ("forebyggende", "tidlig"), ("2025", "2026"),
        ((Bar(12, ""), Bar(None, "<5")), (Bar(20, ""), Bar(None, "x"))),
    )  # fmt: skip
    widget = ChartWidget(grouped)
    qtbot.addWidget(widget)
    widget.resize(600, widget.height())
    marks = widget.marks()
    bars = [m for m in marks if m.kind == "bar" and m.rect.height() > 20]
    assert len(bars) == 2 and bars[1].rect.height() > bars[0].rect.height()  # 20 over 12
    assert {m.text for m in marks if m.kind == "text"} >= {"12", "20", "<5", "x"}
    assert {m.fill for m in bars} == {"#ffffff", "#404040"}  # two years, told apart in grey
    stacked = Chart(
        "s", "Andel", "stacked", ("Distrikt",), ("a", "b", "c"),
        ((Bar(40, ""),), (Bar(None, "x"),), (Bar(None, "<5"),)), unit="%",
    )  # fmt: skip
    marks = layout(stacked, 600, 200, QFontMetricsF(widget.font()))
    assert [m.kind for m in marks if m.kind in ("bar", "hidden")][-2:] == ["bar", "hidden"]
    assert any(m.text == "40 %" for m in marks)
    image = widget.grab()
    assert not image.isNull() and image.width() >= 600


@pytest.mark.parametrize("size", LAPTOPS)
def test_the_follow_up_window_fits_the_laptops(qtbot, login: LoginFn, size: str) -> None:  # type: ignore[no-untyped-def]
    screen: QScreen | None = next(
        (s for s in QGuiApplication.screens() if s.name() == f"laptop-{size}"), None
    )
    if screen is None:
        pytest.skip("needs the offscreen laptop screens that tests/conftest.py sets up")
    build_story(login("leder"))
    head = chef(login)
    anchor = QWidget()  # the user's current window, on the laptop: new windows open there
    qtbot.addWidget(anchor)
    anchor.setScreen(screen)
    anchor.move(screen.availableGeometry().topLeft())
    anchor.show()
    anchor.activateWindow()
    QApplication.processEvents()
    window = FollowUpWindow(head, RecordingPrompts())
    qtbot.addWidget(window)
    window.show()
    _loaded(qtbot, window.page)
    assert_fits(window, screen, [window.page.pdf_button, window.page.xlsx_button])
    window.close()
