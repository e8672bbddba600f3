"""Giving the database a new key (closing a user, a password reset or changed, on request) off
the GUI thread, with its progress in a window that keeps every other window still meanwhile;
and the user's own change of password, which needs one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from stevnsmoeder.services import access, sync_client
from stevnsmoeder.services.context import ServiceContext
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


def change_own_password(
    window: QWidget,
    ctx: ServiceContext,
    prompts: Prompts,
    operations: Operations,
    *,
    changed: Callable[[str], None] | None = None,
) -> QProgressDialog | None:
    """The user's own new password (after a reset, at once): the current one, then the new
    one twice; the database gets a new key meanwhile (off the GUI thread). On a laptop's
    replica the server takes the new password first (only while it can be reached);
    ``changed`` hears the new password then (the background sync logs in with it)."""
    title = QCoreApplication.translate("MainWindow", "Change my password")
    current = prompts.password(
        window, title, QCoreApplication.translate("MainWindow", "Your current password:")
    )
    if current is None:
        return None
    new = prompts.new_password(
        window,
        title,
        QCoreApplication.translate(
            "MainWindow",
            "Your new password: at least 12 characters, best a few words that belong "
            "together only for you.",
        ),
    )
    if new is None:
        return None
    on_replica = sync_client.is_replica(ctx)

    def work(progress: Progress) -> RekeyReport:
        if on_replica:
            return sync_client.change_password(ctx, current, new, progress=progress)
        return access.change_password(ctx, current, new, progress=progress)

    def done(_report: RekeyReport) -> None:
        if changed is not None:
            changed(new)
        prompts.info(
            window, title, QCoreApplication.translate("MainWindow", "Your password is changed.")
        )

    return rekey_in_background(operations, prompts, title, work, done)
