"""Filer (Arkivér) → *Arkivering i ESDH …*: the administrator edits the KLE classification and the
filing folder in place, checked before anything is saved; no one else has the menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import select

from stevnsmoeder.db.models import AuditEvent
from stevnsmoeder.services import filing
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.filing.classes_dialog import FilingClassesDialog
from stevnsmoeder.ui.main.main_window import MainWindow

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def _dialog(qtbot, ctx: ServiceContext) -> tuple[FilingClassesDialog, RecordingPrompts]:  # type: ignore[no-untyped-def]
    prompts = RecordingPrompts()
    dialog = FilingClassesDialog(ctx, prompts)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog, prompts


def _events(ctx: ServiceContext) -> list[tuple[str, str]]:
    with ctx.db.begin() as s:
        return [
            (e.action, e.detail)
            for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))
            if e.action in ("filing.class", "filing.folder")
        ]


def _save(dialog: FilingClassesDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_menu_is_there_for_those_who_edit_reference_data(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    for role in ("admin", "leder", "referent", "deltager", "ppr", "politi"):
        window = MainWindow(login(role), RecordingPrompts())
        qtbot.addWidget(window)
        file_menu = window.menuBar().actions()[0].menu()
        texts = [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
        if role == "admin":
            assert window.filing_classes_action is not None
            assert "A&rkivering i ESDH …" in texts
            window.filing_classes_action.trigger()
            assert isinstance(window.last_dialog, FilingClassesDialog)
            assert window.last_dialog.windowTitle() == "Arkivering i ESDH"
            window.last_dialog.close()
        else:
            assert window.filing_classes_action is None, role
            assert "A&rkivering i ESDH …" not in texts, role


def test_the_three_kinds_are_shown_with_their_classification(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    dialog, _prompts = _dialog(qtbot, login("admin"))
    shown = [(r.label.text(), r.kle.text(), r.facet.text(), r.access.text()) for r in dialog.rows]
    assert all(r.label.buddy() is r.kle for r in dialog.rows)
    assert shown == [
        ("Referat", "00.01.10", "P35", "Fortrolig"),
        ("Udskrift til et barns sag", "27.24.00", "G01", "Fortrolig"),
        ("Sagsforløb", "27.24.00", "G01", "Fortrolig"),
    ]
    assert dialog.folder.isVisible() and dialog.folder.text() == ""


def test_typing_keeps_to_the_form(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    """A KLE number takes digits and points, a facet a letter and digits: a stray key does
    nothing."""
    dialog, _prompts = _dialog(qtbot, login("admin"))
    kle, facet = dialog.rows[0].kle, dialog.rows[0].facet
    kle.clear()
    qtbot.keyClicks(kle, "0a0.b01.1x2")
    assert kle.text() == "00.01.12"
    facet.clear()
    qtbot.keyClicks(facet, "p.3x5-")
    assert facet.text() == "p35"


def test_a_wrong_form_is_shown_in_place_and_nothing_is_saved(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    admin = login("admin")
    dialog, _prompts = _dialog(qtbot, admin)
    minutes_row, extract_row = dialog.rows[0], dialog.rows[1]
    minutes_row.kle.setText("00.01.12")  # right
    extract_row.kle.setText("27.24")  # half typed
    _save(dialog)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == (
        "Udskrift til et barns sag: »27.24« er ikke et KLE-nummer: det skrives som tre par "
        "cifre med punktum imellem, fx 27.24.00."
    )
    assert dialog.focusWidget() is extract_row.kle  # the field to mend
    extract_row.kle.setText("27.24.00")
    extract_row.facet.setText("G")
    _save(dialog)
    assert dialog.error.text().startswith(
        "Udskrift til et barns sag: »G« er ikke en handlingsfacet"
    )
    assert dialog.focusWidget() is extract_row.facet
    assert _events(admin) == []  # nothing saved while a field is wrong
    assert filing.filing_classes(admin)[0].kle_number == "00.01.10"
    assert minutes_row.kle.text() == "00.01.12"  # what was typed stays


def test_what_changed_is_saved_and_logged(qtbot, login: LoginFn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    admin = login("admin")
    dialog, prompts = _dialog(qtbot, admin)
    dialog.rows[1].kle.setText("27.24.04")
    dialog.rows[1].facet.setText("g01")
    dialog.rows[1].access.setText("Følsom")
    prompts.folders.append(tmp_path)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.folder.text() == str(tmp_path)
    _save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
    assert filing.filing_classes(admin)[1] == filing.FilingClassInfo(
        "extract", "27.24.04", "G01", "Følsom"
    )
    assert filing.filing_folder(admin) == tmp_path
    assert _events(admin) == [
        ("filing.class", "extract: 27.24.00 G01 Fortrolig -> 27.24.04 G01 Følsom"),
        ("filing.folder", ""),
    ]
    # Opened again: what was saved; saved again unchanged, nothing more is logged.
    again, _prompts = _dialog(qtbot, admin)
    assert (again.rows[1].kle.text(), again.folder.text()) == ("27.24.04", str(tmp_path))
    _save(again)
    assert again.result() == QDialog.DialogCode.Accepted
    assert len(_events(admin)) == 2


def test_a_folder_that_is_not_a_full_path_is_refused(qtbot, login: LoginFn) -> None:  # type: ignore[no-untyped-def]
    admin = login("admin")
    dialog, _prompts = _dialog(qtbot, admin)
    dialog.folder.setText("ESDH/import")
    _save(dialog)
    assert dialog.error.text().startswith("Arkiveringsmappen skal angives med den fulde sti, fx ")
    assert filing.filing_folder(admin) is None
    dialog.folder.clear()  # no folder: none set
    _save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
