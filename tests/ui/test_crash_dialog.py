"""The crash dialog is for the unexpected: a full disk or a read-only folder is said plainly."""

from __future__ import annotations

import errno

from PySide6.QtWidgets import QMessageBox

from stevnsmoeder.services.errors import storage_problem
from stevnsmoeder.ui import app


def test_the_window_says_a_full_disk_plainly_instead_of_crashing(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text: shown.append(("w", text)))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, title, text: shown.append(("c", text)))
    full = OSError(errno.ENOSPC, "No space left on device")
    app._crash_hook(OSError, full, None)
    assert shown == [("w", str(storage_problem(full)))] and "Disken er fuld" in shown[0][1]
    app._crash_hook(ValueError, ValueError("something else"), None)
    assert shown[-1][0] == "c"
