"""The file dialogs speak Danish: Qt's own dialog (translated by Qt's Danish catalogue and ours)
unless the system's own dialog speaks the program's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel

from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import Prompts, use_native_dialog


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()  # Danish, with Qt's own catalogue, as at start-up


def test_the_systems_dialog_only_when_it_speaks_the_programs_language() -> None:
    assert use_native_dialog("da", ["da-DK", "en-US"])
    assert use_native_dialog("da", ["da"])
    assert not use_native_dialog("da", ["en-US", "da-DK"])  # an English Windows
    assert not use_native_dialog("da", [])
    assert use_native_dialog("en", ["en_GB"])


def _texts_of_the_open_dialog(seen: list[str]) -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QFileDialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    for widget in dialog.findChildren(QAbstractButton) + dialog.findChildren(QLabel):
        if widget.isVisibleTo(dialog) and widget.text():
            seen.append(widget.text())
    dialog.reject()


@pytest.mark.parametrize("kind", ["save", "folder"])
def test_the_file_dialogs_buttons_and_labels_are_danish(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, kind: str
) -> None:
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _texts_of_the_open_dialog(seen))
    if kind == "save":
        assert Prompts().save_path(None, "Gem", tmp_path / "x.pdf", "PDF (*.pdf)") is None
        assert {"&Gem", "Annuller", "&Kig i:", "Filer af &type:", "&Filnavn:"} <= set(seen), seen
    else:
        assert Prompts().folder(None, "Vælg mappe", tmp_path) is None
        assert {"&Vælg", "Annuller", "&Kig i:"} <= set(seen), seen
    for english in ("Cancel", "&Save", "&Choose", "&Look in:", "Files of &type:"):
        assert english not in seen


def test_the_file_list_says_what_a_folder_is_in_danish(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QTreeView

    from stevnsmoeder.ui.common.prompts import qt_file_dialog_strings

    assert "Mappe" in qt_file_dialog_strings()
    (tmp_path / "referater").mkdir()
    dialog = QFileDialog(None, "Gem", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    assert view is not None
    model = view.model()
    root = view.rootIndex()

    def type_of_folder() -> str:
        for row in range(model.rowCount(root)):
            if model.index(row, 0, root).data() == "referater":
                return str(model.index(row, 2, root).data())
        return ""

    qtbot.waitUntil(lambda: type_of_folder() != "", timeout=5_000)
    assert type_of_folder() == "Mappe"
