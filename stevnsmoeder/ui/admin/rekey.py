"""Giving the database a new key (closing a user, a password reset or changed, on request) off
the GUI thread, with its progress in a window that keeps every other window still meanwhile."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QProgressDialog,
)

from stevnsmoeder.services.rekey import Progress, RekeyReport
from stevnsmoeder.ui.common.operations import Operations
from stevnsmoeder.ui.common.prompts import Prompts


class _ProgressRelay(QObject):
    """Carries a background re-key's progress to the GUI thread (a queued signal)."""

    stepped = Signal(int, int)


def rekey_in_background(
    operations: Operations,
    prompts: Prompts,
    title: str,
    work: Callable[[Progress], RekeyReport],
    then: Callable[[RekeyReport], None],
    *,
    on_step: Callable[[int, int], None] | None = None,
    on_end: Callable[[], None] | None = None,
) -> QProgressDialog | None:
    """Run work that re-keys the database (seconds on years of data) off the GUI thread,
    through the window's operations, with its progress in a window that keeps every other
    window still meanwhile. None when not started: the window is busy with another call."""
    if operations.busy:
        return None
    owner = operations.window
    progress = QProgressDialog(
        QCoreApplication.translate("UsersDialog", "Giving the database a new key …"),
        "",
        0,
        0,
        owner,
    )
    progress.setWindowTitle(title)
    progress.setCancelButton(None)  # a re-key is one step; it cannot be left half-way
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    relay = _ProgressRelay(owner)

    def stepped(done: int, total: int) -> None:
        if on_step is not None:
            on_step(done, total)
        progress.setMaximum(total)
        progress.setValue(done)
        if done < total:
            progress.setLabelText(
                QCoreApplication.translate("UsersDialog", "Giving backup %1 of %2 the new key …")
                .replace("%1", str(done))
                .replace("%2", str(total - 1))
            )

    relay.stepped.connect(stepped)

    def ended() -> None:
        progress.close()
        if on_end is not None:
            on_end()

    def finished(report: RekeyReport) -> None:
        then(report)
        if report.dropped:
            prompts.info(
                owner,
                title,
                QCoreApplication.translate(
                    "UsersDialog",
                    "The new key could not be given to %1 (a key-file entry from an older "
                    "version, or one that was tampered with). Give them a new password "
                    "with 'Reset password'.",
                ).replace("%1", ", ".join(report.dropped)),
            )

    progress.show()
    operations.run_in_background(
        lambda: work(relay.stepped.emit), then=finished, title=title, ended=ended
    )
    return progress
