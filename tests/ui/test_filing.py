"""Filing in ESDH from the window: the dialog (what is ticked, the folder, the child's case
number in ESDH, filing off the GUI thread), the start page's list of what is not yet filed,
the meeting window's button and the case page's filing state."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from pikepdf import pdfa
from PySide6.QtCore import Qt

from stevnsmoeder.model.filing import EXTRACT, MINUTES
from stevnsmoeder.services import filing, meetings, minutes
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.case.case_view import CaseWindow
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.filing.filing_dialog import FilingDialog, FilingModel
from stevnsmoeder.ui.filing.unfiled import UnfiledSection
from stevnsmoeder.ui.main.main_window import MainWindow
from tests.conftest import FakeClock
from tests.services.test_filing import Meeting, _approved_meeting

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


@pytest.fixture
def approved(login: LoginFn, clock: FakeClock) -> Meeting:
    return _approved_meeting(login("referent"), clock)


def _dialog(qtbot, ctx: ServiceContext, m: Meeting, **kw: object) -> FilingDialog:  # type: ignore[no-untyped-def]
    prompts = RecordingPrompts()
    dialog = FilingDialog(ctx, m.id, "Distriktsmøde Hother/Hårlev", prompts, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _texts(model: FilingModel, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_dialog_files_what_is_ticked_into_the_folder(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, login: LoginFn, approved: Meeting, tmp_path: Path
) -> None:
    ctx = login("referent")
    alone = FilingModel(esdh_editable=True)  # (the tester outlives the dialog's own model)
    alone.set_rows(filing.fileable(ctx, approved.id))  # type: ignore[arg-type]
    qtmodeltester.check(alone, force_py=True)
    dialog = _dialog(qtbot, ctx, approved)
    model = dialog.model
    assert dialog.windowTitle() == "Arkivér i ESDH – Distriktsmøde Hother/Hårlev"
    assert _texts(model, FilingModel.DOCUMENT) == [
        "Referat",
        *sorted(
            [
                f"Udskrift – {approved.asta.reference} (A.Ø.)",
                f"Udskrift – {approved.bo.reference} (B.H.)",
            ]
        ),
    ]
    assert set(_texts(model, FilingModel.STATE)) == {"Ikke arkiveret"}
    assert model.chosen() == [(MINUTES, None), *[(EXTRACT, c) for c in _sorted_cases(approved)]]
    # Untick the minutes; type Asta's case number in ESDH beside her extract.
    first = model.index(0, FilingModel.DOCUMENT)
    assert model.setData(first, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    asta_row = 1 if approved.asta.reference < approved.bo.reference else 2
    esdh = model.index(asta_row, FilingModel.ESDH)
    assert model.flags(esdh) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, FilingModel.ESDH)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(esdh, "  27.24.00-G01-9-26 ")
    folder = tmp_path / "esdh"
    folder.mkdir()
    dialog.folder.setText(str(folder))
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.status.text() == f"2 dokumenter arkiveret i {folder}."
    assert sorted(p.suffix for p in folder.iterdir()) == [".json", ".json", ".pdf", ".pdf"]
    for pdf in folder.glob("*.pdf"):
        assert pdfa.validate_written(pdf, "2b").passed
    manifest = json.loads(
        (folder / f"2026-11-24_Distriktsmoede_Uddrag_{approved.asta.reference}.json").read_text(
            encoding="utf-8"
        )
    )
    assert manifest["esdh_case_number"] == "27.24.00-G01-9-26"
    # The rows say so; only the minutes are left to file, and ticked.
    states = _texts(model, FilingModel.STATE)
    assert states[0] == "Ikke arkiveret"
    assert all(
        s.startswith("Arkiveret 25.11.2026 kl. 08.30 af referent (version 1)") for s in states[1:]
    )
    assert model.chosen() == [(MINUTES, None)]
    # The folder chosen is the setting for next time.
    assert filing.filing_folder(ctx) == folder


def _sorted_cases(m: Meeting) -> list[object]:
    return [c.id for c in sorted((m.asta, m.bo), key=lambda c: c.reference)]


def test_a_folder_that_cannot_be_reached_is_said_plainly(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, approved: Meeting, tmp_path: Path
) -> None:
    dialog = _dialog(qtbot, login("referent"), approved)
    dialog.folder.setText(str(tmp_path / "not-connected"))
    dialog.file()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    prompts = dialog.prompts
    assert isinstance(prompts, RecordingPrompts)
    assert prompts.shown[-1][0] == "error" and "kan ikke nås" in prompts.shown[-1][2]
    assert not (tmp_path / "not-connected").exists()
    assert dialog.file_button.isEnabled()


def test_the_start_page_lists_what_is_not_yet_filed(  # type: ignore[no-untyped-def]
    qtbot, qtmodeltester, login: LoginFn, clock: FakeClock, approved: Meeting, tmp_path: Path
) -> None:
    ctx = login("referent")
    section = UnfiledSection(ctx, RecordingPrompts())
    qtbot.addWidget(section)
    section.reload()
    model = section.model
    qtmodeltester.check(model, force_py=True)
    assert section.heading.text() == "<b>Ikke arkiveret i ESDH endnu</b> – 3"
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(3)]
    assert rows[0] == [
        "24.11.2026",
        "1 dag",
        "Distriktsmøde Hother/Hårlev",
        "Referat",
        "Ikke arkiveret",
    ]
    filing.file_meeting(ctx, approved.id, tmp_path)  # type: ignore[arg-type]
    # Nine days later an addendum makes the minutes out of date: bold, it has waited.
    clock.advance(days=9)
    minutes.add_addendum(ctx, approved.id, "Rettelse.")  # type: ignore[arg-type]
    section.reload()
    assert model.rowCount() == 3  # a general addendum is in every extract too
    first = model.index(0, 1)
    assert first.data() == "10 dage"
    assert first.data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 4).data().startswith("Forældet: version 1 arkiveret 25.11.2026")
    # Double-click opens the filing dialog for that meeting.
    section.view.doubleClicked.emit(model.index(0, 0))
    assert section.last_dialog is not None and section.last_dialog.model.rowCount() == 3
    section.last_dialog.close()
    # Nothing for a role that may not approve minutes.
    ppr = UnfiledSection(login("ppr"), RecordingPrompts())
    qtbot.addWidget(ppr)
    assert ppr.isHidden()


def test_the_main_window_shows_the_list_and_the_meeting_window_files(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, approved: Meeting
) -> None:
    ctx = login("referent")
    main = MainWindow(ctx, RecordingPrompts())
    qtbot.addWidget(main)
    main.show()
    assert main.start_page.unfiled.model.rowCount() == 3
    main.open_meeting_by_id(approved.id)  # type: ignore[arg-type]
    window = main.meeting_windows[approved.id]  # type: ignore[index]
    qtbot.addWidget(window)
    assert window.file_button.isVisible()
    dialog = window.file_in_esdh()
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 3
    dialog.close()
    # A meeting whose minutes are not approved has no such button.
    planned = meetings.create_meeting(
        ctx, meetings.NewMeeting("district", datetime(2026, 12, 8, 13), district="hother")
    )
    main.open_meeting_by_id(planned.id)
    later = main.meeting_windows[planned.id]
    qtbot.addWidget(later)
    assert later.isVisible() and not later.file_button.isVisible()


def test_the_case_page_shows_the_extracts_filing_state(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, approved: Meeting, tmp_path: Path
) -> None:
    ctx = login("referent")
    window = CaseWindow(ctx, approved.asta.id, RecordingPrompts(), lambda _m: None, lambda: False)
    qtbot.addWidget(window)
    window.show()
    assert window.timeline_model.index(0, 4).data() == "godkendt · ikke arkiveret"
    assert "Udskrift i ESDH: Ikke arkiveret" in window.detail.toPlainText()
    assert window.file_button.isEnabled()
    dialog = window.file_in_esdh()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert [d.case_id for d in dialog.model._rows] == [approved.asta.id]  # her extract only
    dialog.folder.setText(str(tmp_path))
    dialog.file()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    dialog.close()
    qtbot.waitUntil(lambda: window.timeline_model.index(0, 4).data() == "godkendt · arkiveret (v1)")
    assert "Udskrift i ESDH: Arkiveret 25.11.2026" in window.detail.toPlainText()
    # Carl was discussed anonymously: nothing to file in his case, no button.
    carl = CaseWindow(ctx, approved.carl.id, RecordingPrompts(), lambda _m: None, lambda: False)
    qtbot.addWidget(carl)
    assert carl.timeline_model.index(0, 4).data() == "godkendt"
    assert not carl.file_button.isEnabled()


def test_the_preview_saves_an_archival_pdfa(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, approved: Meeting, tmp_path: Path
) -> None:
    ctx = login("referent")
    prompts = RecordingPrompts()
    main = MainWindow(ctx, prompts)
    qtbot.addWidget(main)
    main.open_meeting_by_id(approved.id)  # type: ignore[arg-type]
    window = main.meeting_windows[approved.id]  # type: ignore[index]
    qtbot.addWidget(window)
    preview = window.preview(MINUTES, False, "Referat")
    qtbot.waitUntil(preview.pdfa_button.isEnabled, timeout=20_000)
    assert preview.pdfa_button.isVisible()
    target = tmp_path / "referat-arkiv.pdf"
    prompts.paths.append(target)
    preview.pdfa_button.click()
    qtbot.waitUntil(target.exists, timeout=20_000)
    assert prompts.shown[-1] == (
        "save",
        "Gem som PDF/A",
        str(Path.home() / "2026-11-24_Distriktsmoede_Hother-Haarlev_Referat_v1.pdf"),
    )
    assert pdfa.validate_written(target, "2b").passed
