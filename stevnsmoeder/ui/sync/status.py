"""The status bar's words about the shared record, and its details on a click.

"Synkroniseret kl. 10.32", "Offline – 3 ændringer venter", "Forbinder …": where things
stand, in words. A click opens the details (server, last contact, what waits, a clock that
is off) with *Synkronisér nu*. Conflicts have a button of their own, with their count.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import LOCAL_TZ, clock, date_words
from stevnsmoeder.services import sync_loop
from stevnsmoeder.services.sync_loop import Status
from stevnsmoeder.ui.sync.controller import SyncController

WARNING_STYLE = "color: #8a5a00;"
PROBLEM_STYLE = "color: #a00000;"


def when(at: datetime | None, today: datetime | None = None) -> str:
    """'kl. 10.32' today, '24. november 2026 kl. 10.32' another day."""
    if at is None:
        return ""
    local = at.astimezone(LOCAL_TZ)
    now = (today or datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ)
    if local.date() == now.date():
        return clock(local)
    return f"{date_words(local.date())} {clock(local)}"


def skew_words(seconds: float) -> str:
    """How far off the computer's clock is, in the largest unit that says it."""
    off = abs(seconds)
    if off >= 2 * 86_400:
        return QCoreApplication.translate("SyncStatus", "%n day(s)", None, round(off / 86_400))
    if off >= 2 * 3_600:
        return QCoreApplication.translate("SyncStatus", "%n hour(s)", None, round(off / 3_600))
    return QCoreApplication.translate("SyncStatus", "%n minute(s)", None, max(1, round(off / 60)))


def headline(status: Status, today: datetime | None = None) -> str:
    """The status bar's words for a state."""
    waiting = (
        QCoreApplication.translate("SyncStatus", "%n change(s) waiting", None, status.pending)
        if status.pending
        else ""
    )
    if status.state == sync_loop.CONNECTING:
        return QCoreApplication.translate("SyncStatus", "Connecting …")
    if status.state == sync_loop.SYNCING:
        return QCoreApplication.translate("SyncStatus", "Synchronising …")
    if status.state == sync_loop.SYNCED:
        text = QCoreApplication.translate("SyncStatus", "Synchronised %1").replace(
            "%1", when(status.last_sync, today)
        )
        return f"{text} – {waiting}" if waiting else text
    if status.state == sync_loop.OFFLINE:
        if waiting:
            return QCoreApplication.translate("SyncStatus", "Offline – %1").replace("%1", waiting)
        if status.last_sync is not None:
            return QCoreApplication.translate("SyncStatus", "Offline – synchronised %1").replace(
                "%1", when(status.last_sync, today)
            )
        return QCoreApplication.translate("SyncStatus", "Offline")
    if status.state == sync_loop.PROBLEM:
        return QCoreApplication.translate("SyncStatus", "Not synchronised: %1").replace(
            "%1", short_problem(status)
        )
    if status.state == sync_loop.WIPED:
        return QCoreApplication.translate("SyncStatus", "Access closed")
    return QCoreApplication.translate("SyncStatus", "Not synchronising")


def short_problem(status: Status) -> str:
    """A problem in a few words (the details show the server's whole message)."""
    code = status.problem_code
    if code == "certificate":
        return QCoreApplication.translate("SyncStatus", "the server's certificate is not trusted")
    if code == "upgrade_required":
        return QCoreApplication.translate("SyncStatus", "update the program")
    if code == "server_behind":
        return QCoreApplication.translate("SyncStatus", "the server runs an older version")
    if code == "auth":
        return QCoreApplication.translate("SyncStatus", "the server did not accept the password")
    return QCoreApplication.translate("SyncStatus", "the server refused")


class SyncStatusBar(QWidget):
    """The words, a warning about the clock, and the conflicts button."""

    def __init__(
        self,
        controller: SyncController,
        server_name: str,
        show_conflicts: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.server_name = server_name
        self.show_conflicts = show_conflicts
        self.state_button = QToolButton()
        self.state_button.setObjectName("sync-state")
        self.state_button.setAutoRaise(True)
        self.state_button.setToolTip(
            QCoreApplication.translate(
                "SyncStatus", "Synchronisation with the server: click for details"
            )
        )
        self.state_button.clicked.connect(self.show_details)
        self.clock_label = QLabel()
        self.clock_label.setObjectName("sync-clock")
        self.clock_label.setStyleSheet(WARNING_STYLE)
        self.conflicts_button = QPushButton()
        self.conflicts_button.setObjectName("sync-conflicts")
        self.conflicts_button.setFlat(True)
        self.conflicts_button.setStyleSheet(PROBLEM_STYLE + " font-weight: bold;")
        self.conflicts_button.clicked.connect(show_conflicts)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.clock_label)
        layout.addWidget(self.conflicts_button)
        layout.addWidget(self.state_button)
        self.details: SyncDetails | None = None
        controller.status_changed.connect(self.show_status)
        self.show_status(controller.status)

    def show_status(self, status: object) -> None:
        assert isinstance(status, Status)
        self.state_button.setText(headline(status, self.controller.ctx.now()))
        self.state_button.setStyleSheet(
            PROBLEM_STYLE if status.state in (sync_loop.PROBLEM, sync_loop.WIPED) else ""
        )
        self.clock_label.setVisible(status.clock_off)
        if status.clock_off:
            self.clock_label.setText(clock_warning(status))
        self.conflicts_button.setVisible(status.conflicts > 0)
        self.conflicts_button.setText(
            QCoreApplication.translate("SyncStatus", "%n conflict(s)", None, status.conflicts)
        )
        if self.details is not None:
            self.details.show_status(status)

    def show_conflicts_count(self, count: int) -> None:
        """Conflicts decided in the window: the button follows at once (the next sync's
        count confirms it)."""
        self.conflicts_button.setVisible(count > 0)
        self.conflicts_button.setText(
            QCoreApplication.translate("SyncStatus", "%n conflict(s)", None, count)
        )

    def show_details(self) -> None:
        if self.details is None:
            self.details = SyncDetails(self.controller, self.server_name, self.show_conflicts, self)
        self.details.show_status(self.controller.status)
        self.details.show()
        self.details.raise_()
        self.details.activateWindow()


def clock_warning(status: Status) -> str:
    ahead = status.clock_skew < 0  # the server is behind: this computer's clock is ahead
    text = (
        QCoreApplication.translate("SyncStatus", "This computer's clock is %1 fast")
        if ahead
        else QCoreApplication.translate("SyncStatus", "This computer's clock is %1 slow")
    )
    return text.replace("%1", skew_words(status.clock_skew))


class SyncDetails(QDialog):
    """Where things stand, in full, with *Synkronisér nu*."""

    def __init__(
        self,
        controller: SyncController,
        server_name: str,
        show_conflicts: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(QCoreApplication.translate("SyncStatus", "Synchronisation"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.state_label = QLabel()
        self.state_label.setObjectName("details-state")
        self.state_label.setWordWrap(True)
        self.last_label = QLabel()
        self.pending_label = QLabel()
        self.conflicts_label = QLabel()
        self.problem_label = QLabel()
        self.problem_label.setObjectName("details-problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(PROBLEM_STYLE)
        self.clock_label = QLabel()
        self.clock_label.setWordWrap(True)
        self.clock_label.setStyleSheet(WARNING_STYLE)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("SyncStatus", "Server:"), QLabel(server_name))
        form.addRow(QCoreApplication.translate("SyncStatus", "Last synchronised:"), self.last_label)
        form.addRow(
            QCoreApplication.translate("SyncStatus", "Waiting to be sent:"), self.pending_label
        )
        form.addRow(QCoreApplication.translate("SyncStatus", "Conflicts:"), self.conflicts_label)
        self.sync_button = QPushButton(QCoreApplication.translate("SyncStatus", "&Synchronise now"))
        self.sync_button.setObjectName("sync-now")
        self.sync_button.clicked.connect(controller.sync_now)
        self.conflicts_button = QPushButton(
            QCoreApplication.translate("SyncStatus", "Show &conflicts …")
        )
        self.conflicts_button.clicked.connect(show_conflicts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            QCoreApplication.translate("SyncStatus", "Close")
        )
        buttons.addButton(self.conflicts_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.sync_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.clock_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def show_status(self, status: Status) -> None:
        self.state_label.setText(f"<b>{headline(status, self.controller.ctx.now())}</b>")
        self.last_label.setText(
            when(status.last_sync, self.controller.ctx.now())
            or QCoreApplication.translate("SyncStatus", "not yet")
        )
        self.pending_label.setText(
            QCoreApplication.translate("SyncStatus", "%n change(s)", None, status.pending)
            if status.pending
            else QCoreApplication.translate("SyncStatus", "nothing")
        )
        self.conflicts_label.setText(
            QCoreApplication.translate("SyncStatus", "%n conflict(s)", None, status.conflicts)
            if status.conflicts
            else QCoreApplication.translate("SyncStatus", "none")
        )
        self.conflicts_button.setEnabled(status.conflicts > 0)
        self.problem_label.setText(status.problem)
        self.problem_label.setVisible(bool(status.problem))
        self.clock_label.setVisible(status.clock_off)
        if status.clock_off:
            self.clock_label.setText(
                clock_warning(status)
                + ". "
                + QCoreApplication.translate(
                    "SyncStatus",
                    "The server stamps your changes with its own time; set the clock right "
                    "so the times you see are right.",
                )
            )
        busy = status.state in (sync_loop.CONNECTING, sync_loop.SYNCING)
        self.sync_button.setEnabled(not busy and status.state != sync_loop.WIPED)
