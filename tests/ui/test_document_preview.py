"""Print preview in the window: the document is built off the GUI thread, shown page by page,
saved as PDF where the user chooses, and printed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from stevnsmoeder.services import cases, live, meetings, minutes, planning
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def test_preview_save_and_print_the_minutes(qtbot, login: LoginFn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ctx = login("leder")
    m = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 11, 23, 9), district="privat")
    )
    child = cases.create_case(ctx, cases.NewCase(anonymous=True, pseudonym="Pige, 10 år")).case
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
    live.start(ctx, m.id)
    item = next(i for i in plan.items if i.case_id)
    minutes.save_text(ctx, item.id, "notes", "Pigen har fået nye venner.")
    prompts = RecordingPrompts()
    main = MainWindow(ctx, prompts)
    qtbot.addWidget(main)
    main.open_meeting(meetings.get_meeting_summary(ctx, m.id))
    window = main.meeting_windows[m.id]
    qtbot.addWidget(window)
    actions = {a.text(): a for a in window.print_menu.actions()}
    assert list(actions)[:4] == [
        "Dagsorden",
        "Dagsorden, anonymiseret",
        "Referat",
        "Referat, anonymiseret",
    ]
    actions["Referat"].trigger()
    preview = window.last_preview
    qtbot.addWidget(preview)
    qtbot.waitUntil(preview.save_button.isEnabled, timeout=10_000)
    assert preview.document.pageCount() == preview.pages >= 1
    assert preview.status.text() == ("1 side" if preview.pages == 1 else f"{preview.pages} sider")
    assert preview.suggested == "2026-11-23 Referat Distriktsmøde Det Private distrikt.pdf"

    prompts.paths.append(tmp_path / "arkiv" / "referat")
    (tmp_path / "arkiv").mkdir()
    preview.save()
    saved = tmp_path / "arkiv" / "referat.pdf"
    text = PdfReader(saved).pages[0].extract_text()
    assert "Referat" in text and "Pigen har fået nye venner." in text and "UDKAST" in text

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_(printer)
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == preview.pages
    assert preview.status.text() == "Sendt til printeren."

    # the extract needs a child's item
    window.view.selectRow(0)
    window.extract_action.trigger()
    assert prompts.shown[-1][2] == "Vælg først et barns punkt."
