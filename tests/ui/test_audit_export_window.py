"""The administrator chooses the log collector's folder in the window; the export follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from stevnsmoeder.services import audit_trail
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.app import create_application
from stevnsmoeder.ui.common.prompts import RecordingPrompts
from stevnsmoeder.ui.main.main_window import MainWindow

LoginFn = Callable[[str], ServiceContext]


@pytest.fixture(autouse=True)
def _app(qapp) -> None:  # type: ignore[no-untyped-def]
    create_application()


def test_the_collector_folder_is_chosen_and_exported_to(  # type: ignore[no-untyped-def]
    qtbot, login: LoginFn, tmp_path: Path
) -> None:
    ctx = login("admin")
    prompts = RecordingPrompts()
    window = MainWindow(ctx, prompts)
    qtbot.addWidget(window)
    page = window.audit_page
    assert page is not None
    folder = tmp_path / "opsamling"
    prompts.folders.append(folder)
    page.export_for_collector()
    assert str(folder) in page.status.text()
    assert audit_trail.export_folder(ctx) == folder
    assert list(folder.glob("*.jsonl")) and list(folder.glob("*.pub"))
    prompts.folders.append(None)  # cancelled: nothing changes
    page.export_for_collector()
    assert audit_trail.export_folder(ctx) == folder
    assert not [s for s in prompts.shown if s[0] == "error"]
