"""The case page and the search page, on a real encrypted database."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.case.case_view import CaseWindow
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.search.search_view import HTML_ROLE, snippet_html
from tests.services.test_case_history import Story, _story

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


@pytest.fixture
def story(login: LoginFn) -> Story:
    return _story(login("leder"))


def _actions(ctx: ServiceContext, action: str) -> list[AuditEvent]:
    with ctx.db.begin() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_case_page_shows_the_childs_path(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, login: LoginFn, story: Story
) -> None:
    ctx = login("ppr")
    opened: list[object] = []
    window = CaseWindow(ctx, story.asta.id, RecordingPrompts(), opened.append, lambda: False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.heading.text() == "Asta Ødegård – S-2026-0001"
    assert "født 01.03.2015" in window.details.text() and "CPR 010315-xxxx" in window.details.text()
    assert "11 år" in window.details.text() and "Hårlev Skole" in window.details.text()
    assert window.family.text() == "Forældremyndighed: Åse Ødegård (mor)"
    assert "udløber snart" in window.consent.text()
    assert "op til 4 den 06.10.2026" in window.moves.text()
    # (one tester follows every model it checked: the filtered proxy goes last)
    qtmodeltester.check(window.actions_model, force_py=True)
    qtmodeltester.check(window.timeline_model, force_py=True)
    qtmodeltester.check(window.timeline_proxy, force_py=True)
    # newest first; the newest *held* item is shown
    assert window.timeline_proxy.rowCount() == 4
    entry = window.selected_entry()
    assert entry is not None and entry.title == "Hærværk ved hallen"
    assert "Politiet orienterer." in window.detail.toPlainText()
    # overdue agreement first, in red
    first = window.actions_model.index(0, 0)
    assert window.actions_model.data(first).startswith("01.11.2026 (overskredet)")
    assert window.actions_model.data(first, Qt.ItemDataRole.ForegroundRole) is not None
    # filter by meeting type
    window.type_combo.setCurrentIndex(window.type_combo.findData("ftm"))
    assert window.timeline_proxy.rowCount() == 1
    assert window.selected_entry().title == "Familiens plan"  # type: ignore[union-attr]
    assert "Mor er bekymret for søvnen." in window.detail.toPlainText()
    window.go_to_meeting()
    assert opened == [story.ftm.id]
    # read-only for every role: nothing on the page edits
    assert window.timeline_view.editTriggers() == window.timeline_view.EditTrigger.NoEditTriggers
    # opening the case was logged against the child
    assert [e.case_id for e in _actions(ctx, "case.history")] == [story.asta.id]
    window.close()


def test_screen_safe_case_page_shows_initials_only(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, story: Story
) -> None:
    window = CaseWindow(login("ppr"), story.asta.id, RecordingPrompts(), print, lambda: True)
    qtbot.addWidget(window)
    assert window.heading.text() == "A.Ø. – S-2026-0001"
    for text in (
        window.details.text(),
        window.family.text(),
        window.consent.text(),
        window.windowTitle(),
    ):
        assert "Asta" not in text and "Åse" not in text and "010315" not in text
    assert window.family.text() == "Forældremyndighed: mor"


def test_case_history_preview_from_the_case_page(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, story: Story
) -> None:
    window = CaseWindow(login("ppr"), story.asta.id, RecordingPrompts(), print, lambda: False)
    qtbot.addWidget(window)
    dialog = window.preview(anonymised=True)
    qtbot.waitUntil(lambda: dialog.pages > 0, timeout=10_000)
    assert dialog.document.pageCount() == dialog.pages
    assert dialog.suggested == "S-2026-0001 Sagsforløb (anonymiseret).pdf"
    dialog.close()


def test_search_as_you_type_from_the_main_window(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, login: LoginFn, story: Story
) -> None:
    ctx = login("ppr")
    window = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_search()
    page = window.search_page
    assert page is not None and window.tabs.currentWidget() is page
    qtbot.keyClicks(page.query_edit, "frikvart*")
    assert page.last_result is None  # nothing ran yet: the search waits for a pause in typing
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=5_000)
    assert page.model.rowCount() == 1
    qtmodeltester.check(page.model, force_py=True)
    hit = page.selected()
    assert hit is not None and hit.title == "Bekymring for trivsel"
    assert page.status.text() == "1 fund"
    html = page.model.index(0, page.model.SNIPPET_COLUMN).data(HTML_ROLE)
    assert html == "Asta trækker sig i <b>frikvarteret</b>."
    # a filter narrows the same search
    page.type_combo.setCurrentIndex(page.type_combo.findData("ssp"))
    qtbot.waitUntil(lambda: page.status.text() == "Ingen fund.", timeout=5_000)
    # opening the child's case from a hit
    page.type_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    page.open_selected_case()
    assert story.asta.id in window.case_windows
    assert [e.detail for e in _actions(ctx, "search")][-1].startswith("'frikvart*'")
    window.close()


def test_an_older_answer_never_replaces_a_newer_one(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, story: Story
) -> None:
    window = MainWindow(login("ppr"), RecordingPrompts())
    qtbot.addWidget(window)
    page = window.search_page
    assert page is not None
    page.query_edit.setText("frikvarteret")
    page.run_search()
    page.query_edit.setText("hærværk")
    page.run_search()
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=5_000)
    from stevnsmoeder.ui.common.worker import wait_for_all

    assert wait_for_all()
    qtbot.waitUntil(lambda: page.last_result is not None and page.last_result.text == "hærværk")
    assert [h.title for h in page.model._rows] == ["Hærværk ved hallen"]


def test_malformed_text_gives_a_message_not_an_error(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, story: Story
) -> None:
    window = MainWindow(login("ppr"), RecordingPrompts())
    qtbot.addWidget(window)
    page = window.search_page
    assert page is not None
    page.query_edit.setText("* OR -")
    page.run_search()
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=5_000)
    assert page.status.text().startswith("Skriv mindst ét ord")


def test_police_have_search_but_only_ssp(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, story: Story
) -> None:
    window = MainWindow(login("politi"), RecordingPrompts())
    qtbot.addWidget(window)
    page = window.search_page
    assert page is not None
    page.query_edit.setText("ødegård")
    page.run_search()
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=5_000)
    assert [h.type_code for h in page.model._rows] == ["ssp"]


def test_admin_has_no_search_page(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(login("admin"), RecordingPrompts())
    qtbot.addWidget(window)
    assert window.search_page is None and window.cases_page is None


def test_snippet_html_escapes_the_text() -> None:
    assert snippet_html("<b>x</b> \x02ord\x03") == "&lt;b&gt;x&lt;/b&gt; <b>ord</b>"


def test_admin_reads_the_access_log_in_the_window(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, login: LoginFn, story: Story, tmp_path
) -> None:
    from stevnsmoeder.services import case_history

    case_history.case_history(login("ppr"), story.asta.id)
    prompts = RecordingPrompts()
    window = MainWindow(login("admin"), prompts)
    qtbot.addWidget(window)
    page = window.audit_page
    assert page is not None and not page.loaded  # nothing read until the tab is shown
    window.tabs.setCurrentWidget(page)
    assert page.loaded and page.model.rowCount() > 0
    qtmodeltester.check(page.model, force_py=True)
    page.user_edit.setText("ppr")
    page.case_edit.setText("S-2026-0001")
    page.reload()
    shown = {
        (page.model.index(r, 1).data(), page.model.index(r, 2).data())
        for r in range(page.model.rowCount())
    }
    # In Danish, in people's names, with the role in words: never a code or a login alone.
    assert ("ppr åbnede sagsforløbet for S-2026-0001", "PPR (kun læse)") in shown
    page.verify()
    assert page.status.text().startswith("Adgangsloggen er ubrudt")
    prompts.texts.append("S-2026-0001")
    target = tmp_path / "indsigt.json"
    prompts.paths.append(target)
    page.export_case()
    import json

    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["case_reference"] == "S-2026-0001" and data["events"]


def test_screen_safe_search_shows_no_name_even_in_excerpts(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, story: Story
) -> None:
    window = MainWindow(login("ppr"), RecordingPrompts())
    qtbot.addWidget(window)
    window.screen_safe_action.setChecked(True)
    page = window.search_page
    assert page is not None
    page.query_edit.setText("ødegård")
    page.run_search()
    qtbot.waitUntil(lambda: page.last_result is not None, timeout=5_000)
    assert page.model.rowCount() == 3  # "til nu": not the planned meeting on 1 December
    for row in range(page.model.rowCount()):
        shown = [page.model.index(row, c).data() for c in range(page.model.columnCount())]
        shown.append(page.model.index(row, page.model.SNIPPET_COLUMN).data(HTML_ROLE))
        assert not any("Asta" in s or "Ødegård" in s for s in shown), shown
