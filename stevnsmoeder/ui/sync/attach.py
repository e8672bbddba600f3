"""A connected laptop's main window: the background sync, its words in the status bar, the
read-only banner of a replica offline too long, and what happens when the server closes
the access."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from stevnsmoeder.services import followup_online, oplog, replicas, sync_loop
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.permissions import Permission, allowed
from stevnsmoeder.services.sync_loop import SYNCED, Status
from stevnsmoeder.ui.access.session import close_without_asking
from stevnsmoeder.ui.followup.followup_page import Counter
from stevnsmoeder.ui.main.main_window import MainWindow
from stevnsmoeder.ui.sync.conflicts_dialog import ConflictsDialog, open_conflicts
from stevnsmoeder.ui.sync.controller import SyncController
from stevnsmoeder.ui.sync.status import SyncStatusBar
from stevnsmoeder.ui.sync.take_along import OnlineSearchDialog, add_put_back

READ_ONLY_STYLE = "background: #fde2c8; color: #4a2600; padding: 4px 8px; font-weight: bold;"


def attach(
    window: MainWindow,
    password: str,
    replica: replicas.Replica,
    *,
    start: bool = True,
    period: float | None = None,
) -> SyncController:
    """Give a main window over a replica its background sync (started at once, unless
    ``start`` is False)."""
    ctx = window.ctx
    controller = SyncController(
        ctx, password, window, period=period if period is not None else sync_loop.PERIOD
    )
    window.sync_controller = controller  # type: ignore[attr-defined]
    bar = SyncStatusBar(controller, replica.server_name, lambda: _show_conflicts(window), window)
    window.statusBar().addPermanentWidget(bar)
    window.sync_status = bar  # type: ignore[attr-defined]

    banner = QLabel()
    banner.setObjectName("read-only-banner")
    banner.setWordWrap(True)
    banner.setStyleSheet(READ_ONLY_STYLE)
    window.banners.addWidget(banner)
    window.read_only_banner = banner  # type: ignore[attr-defined]
    _show_read_only(window, banner)

    def status(found: object) -> None:
        assert isinstance(found, Status)
        if found.state == SYNCED:
            _show_read_only(window, banner)
        if found.report is not None and found.report.rejected:
            # Said at once, where the user looks; the conflicts button stays until decided.
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "ConnectedWindow",
                    "The server refused %n change(s) made here: your text is kept under Conflicts.",
                    None,
                    found.report.rejected,
                ),
                60_000,
            )

    controller.status_changed.connect(status)
    if window.followup_page is not None:
        window.followup_page.counter = server_counter(ctx, lambda: controller.password)
    _add_menu(window, controller)
    window.case_window_hooks.append(
        lambda case_window, case_id: add_put_back(case_window, controller, case_id)
    )
    controller.wiped.connect(lambda reason: _wiped(window, replica, reason))
    if start:
        controller.start()
    return controller


def server_counter(ctx: ServiceContext, password: Callable[[], str]) -> Counter:
    """The policy follow-up counted on the server, which holds the whole record (a laptop
    holds only its user's part of it); ``password``: the one the server knows now."""
    return lambda year, district: followup_online.fetch(ctx, password(), year, district)


def _add_menu(window: MainWindow, controller: SyncController) -> None:
    """Server: Synkronisér nu, Konflikter …, Søg på serveren …"""
    menu = window.menuBar().addMenu(QCoreApplication.translate("ConnectedWindow", "Se&rver"))
    menu.setObjectName("server-menu")
    sync_now = QAction(QCoreApplication.translate("ConnectedWindow", "&Synchronise now"), window)
    sync_now.setObjectName("sync-now-action")
    sync_now.setShortcut(QKeySequence("F9"))
    sync_now.triggered.connect(controller.sync_now)
    menu.addAction(sync_now)
    conflicts = QAction(QCoreApplication.translate("ConnectedWindow", "&Conflicts …"), window)
    conflicts.triggered.connect(lambda: _show_conflicts(window))
    menu.addAction(conflicts)
    if allowed(window.ctx, Permission.VIEW_CASES):
        online = QAction(
            QCoreApplication.translate("ConnectedWindow", "Search on the &server …"), window
        )
        online.setObjectName("search-online-action")
        online.triggered.connect(lambda: show_online_search(window, controller))
        menu.addAction(online)


def show_online_search(window: MainWindow, controller: SyncController) -> OnlineSearchDialog:
    found = window.findChild(OnlineSearchDialog)
    if isinstance(found, OnlineSearchDialog):
        dialog = found
    else:
        dialog = OnlineSearchDialog(
            controller, window.prompts, window.screen_safe_action.isChecked, window.open_case,
            window,
        )  # fmt: skip
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    dialog.query.setFocus()
    return dialog


def _show_read_only(window: MainWindow, banner: QLabel) -> None:
    if not window.ctx.db.read_only:
        banner.hide()
        return
    banner.setText(
        QCoreApplication.translate(
            "ConnectedWindow",
            "This computer has not reached the server for more than %n day(s). Everything "
            "can be read, but nothing can be changed until it has been synchronised: connect "
            "to the network.",
            None,
            oplog.READ_ONLY_AFTER.days,
        )
    )
    banner.show()


def _show_conflicts(window: MainWindow) -> None:
    """Konflikter (one window of it); the status bar's count follows what is decided."""
    found = window.findChild(ConflictsDialog)
    if isinstance(found, ConflictsDialog) and found.isVisible():
        found.raise_()
        found.activateWindow()
        return
    dialog = open_conflicts(window.ctx, window.prompts, window)
    bar = getattr(window, "sync_status", None)
    if isinstance(bar, SyncStatusBar):
        dialog.count_changed.connect(bar.show_conflicts_count)


def _wiped(window: MainWindow, replica: replicas.Replica, reason: str) -> None:
    """The server closed this user's or this computer's access: the replica is deleted
    already. Say so, and close the session (nothing is left to save)."""
    window.database_gone = True
    replicas.forget(replica.path)
    window.prompts.error(
        window, QCoreApplication.translate("ConnectedWindow", "Access closed"), reason
    )
    window.next_login = ""
    close_without_asking(list(window.meeting_windows.values()))
    window.close()
