"""The login dialog: user and password open the encrypted database.

It appears before SQLAlchemy and the database driver are imported; those load in a
background thread while the user types. When there is no database yet it offers to create
the fictitious demo database and says how to log in.
"""

from __future__ import annotations

import importlib
import math
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.services import backup_rotation, replicas
from stevnsmoeder.services.errors import (
    AuthError,
    DatabaseUnreadable,
    ReplicaExpired,
    ServiceError,
)
from stevnsmoeder.ui.common.forms import title_label
from stevnsmoeder.ui.common.worker import run_in_thread
from stevnsmoeder.ui.sync.connect_dialog import ConnectDialog

HEAVY_MODULES = ("stevnsmoeder.services.access", "stevnsmoeder.services.meetings")


def _clock(chosen: Callable[[], Any] | None) -> Callable[[], Any]:
    """The services' clock: the one a test chose, or the computer's."""
    return chosen if chosen is not None else _now


def _now() -> datetime:
    return datetime.now(UTC)


def _warm_imports() -> None:
    for name in HEAVY_MODULES:
        importlib.import_module(name)


class LoginDialog(QDialog):
    def __init__(
        self,
        db_path: Path,
        user: str = "",
        parent: QWidget | None = None,
        *,
        place: str = "",
        home: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.local_path = db_path  # the standalone file (the embedded default)
        self.db_path = db_path  # the database chosen: the standalone file or a replica
        self.home = home  # where the replicas are listed (the data folder)
        self.context: Any = None  # the ServiceContext after a successful login
        # A replica's background sync logs in to the server with the user's password: kept
        # for the session in memory only, and only for a replica.
        self.sync_password = ""
        self.replica: replicas.Replica | None = None
        self._busy = False
        # After failed logins the user name must wait: counted down on this clock.
        self.now: Callable[[], float] = time.monotonic
        # The services' clock (tests give a fixed one; None: the computer's).
        self.clock: Callable[[], Any] | None = None
        self._wait_until: float | None = None
        self._wait_reason = ""
        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(1000)
        self.wait_timer.timeout.connect(self._tick)
        self.setWindowTitle(self.tr("stevnsmoeder – log in"))
        self.setMinimumWidth(460)

        title = title_label(self.tr("Child and youth meetings"), 1.5)
        subtitle = QLabel(self.tr("Stevns Kommune · cross-disciplinary meetings"))
        self.db_label = QLabel()
        self.db_label.setWordWrap(True)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.first_run = QFrame()
        self.first_run.setFrameShape(QFrame.Shape.StyledPanel)
        first_layout = QVBoxLayout(self.first_run)
        first_text = QLabel(
            self.tr(
                "There is no database on this computer yet. You can create a demo database "
                "with fictitious children and two years of meetings to try the program."
            )
        )
        first_text.setWordWrap(True)
        self.create_demo_button = QPushButton(self.tr("Create demo database"))
        self.create_demo_button.clicked.connect(self.create_demo)
        first_layout.addWidget(first_text)
        first_layout.addWidget(self.create_demo_button)

        self.connect_button = QPushButton(self.tr("Connect to the municipality's &server …"))
        self.connect_button.setObjectName("connect")
        self.connect_button.clicked.connect(self.connect_to_server)
        first_layout.addWidget(self.connect_button)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.place_combo = QComboBox()
        self.place_combo.setObjectName("place")
        self.user_edit = QLineEdit(user)
        self.user_edit.setObjectName("user")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Database:"), self.place_combo)
        self.place_label = form.labelForField(self.place_combo)
        form.addRow(self.tr("&User name:"), self.user_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        self.other_connect_button = QPushButton(self.tr("Connect to the municipality's server …"))
        self.other_connect_button.setObjectName("connect-other")
        self.other_connect_button.setFlat(True)
        self.other_connect_button.clicked.connect(self.connect_to_server)
        # Offered when a replica has been offline too long to open: reach the server first.
        self.sync_first_button = QPushButton(self.tr("Synchronise and open"))
        self.sync_first_button.setObjectName("sync-first")
        self.sync_first_button.hide()
        self.sync_first_button.clicked.connect(self.synchronise_first)

        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self.user_edit.textEdited.connect(self._user_changed)
        # Offered when the database cannot be opened and a backup exists beside it.
        self.restore_button = QPushButton(self.tr("Restore the newest backup"))
        self.restore_button.setObjectName("restore")
        self.restore_button.hide()
        self.restore_button.clicked.connect(self.restore_newest)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.login_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(8)
        layout.addWidget(self.first_run)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.restore_button)
        layout.addWidget(self.sync_first_button)
        layout.addWidget(self.db_label)
        layout.addWidget(self.other_connect_button)
        layout.addWidget(self.buttons)

        self._fill_places(place)
        self.place_combo.currentIndexChanged.connect(self._place_chosen)
        self._refresh_state()
        if not self._database_exists():
            self.create_demo_button.setFocus()
        else:
            (self.password_edit if user else self.user_edit).setFocus()
        self._warmed = False
        self._typed_password = ""

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._warmed:
            # Once the window is up, load the database layer while the user types.
            self._warmed = True
            QTimer.singleShot(0, self._warm)

    def _warm(self) -> None:
        threading.Thread(target=_warm_imports, name="warm-imports", daemon=True).start()

    # -- where to log in: the standalone file or a replica -------------------------------
    def _fill_places(self, place: str) -> None:
        """The standalone file (if there is one) and the replicas on this computer, by user
        and server; the last one used is chosen."""
        self.places: list[replicas.Replica | None] = []
        self.place_combo.clear()
        if self.local_path.exists() or not replicas.on_this_computer(self.home):
            self.places.append(None)
            self.place_combo.addItem(self.tr("This computer's own database"))
        for replica in replicas.on_this_computer(self.home):
            self.places.append(replica)
            self.place_combo.addItem(
                self.tr("%1 on %2").replace("%1", replica.login).replace("%2", replica.server_name)
            )
        chosen = next(
            (i for i, r in enumerate(self.places) if r is not None and str(r.path) == place), 0
        )
        self.place_combo.setCurrentIndex(chosen)
        self._use_place(chosen)
        shown = len(self.places) > 1
        self.place_combo.setVisible(shown)
        if self.place_label is not None:
            self.place_label.setVisible(shown)

    def _use_place(self, index: int) -> None:
        replica = self.places[index] if 0 <= index < len(self.places) else None
        self.replica = replica
        self.db_path = replica.path if replica is not None else self.local_path
        if replica is not None:
            self.user_edit.setText(replica.login)  # a replica belongs to its user
        self.user_edit.setReadOnly(replica is not None)

    def _place_chosen(self, index: int) -> None:
        self._use_place(index)
        self.show_error("")
        self.sync_first_button.hide()
        self.restore_button.hide()
        self._refresh_state()
        (self.password_edit if self.user_edit.text() else self.user_edit).setFocus()

    def connect_to_server(self) -> None:
        """Forbind til kommunens server …: a replica of its own for the user; logged in to
        it at once."""
        dialog = ConnectDialog(self.user_edit.text().strip(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.context is None:
            return
        self.replica = dialog.replica
        self.db_path = dialog.replica.path
        self.sync_password = dialog.password
        self.context = dialog.context
        self.accept()

    # -- state -----------------------------------------------------------------------------
    def _database_exists(self) -> bool:
        return self.db_path.exists()

    def _refresh_state(self) -> None:
        exists = self._database_exists()
        self.first_run.setVisible(not exists and not self._busy)
        self.other_connect_button.setVisible(exists)
        # On first run, Enter creates the demo; afterwards it logs in.
        self.create_demo_button.setDefault(not exists)
        self.login_button.setDefault(exists)
        self.hint.setVisible(bool(self.hint.text()))
        self.db_label.setText(self.tr("Database: %1").replace("%1", str(self.db_path)))
        for widget in (self.user_edit, self.password_edit, self.login_button):
            widget.setEnabled(exists and not self._busy)
        if self._wait_until is not None:
            self.login_button.setEnabled(False)  # until the wait is over
        self.create_demo_button.setEnabled(not self._busy)

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        if busy:
            self.hint.setText(message)
            self.hint.show()
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
        self._refresh_state()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    # -- demo ------------------------------------------------------------------------------
    def create_demo(self) -> None:
        from stevnsmoeder.services import demo  # lazy: the database layer, see the docstring

        self.show_error("")
        self._set_busy(True, self.tr("Creating the demo database … this takes a few seconds."))
        path = self.db_path
        run_in_thread(
            self,
            lambda: demo.create_demo_database(path),
            self._demo_created,
            self._failed,
        )

    def _demo_created(self, _result: object) -> None:
        self._set_busy(False)
        self.hint.setText(
            self.tr(
                "The demo database is ready. All its data is fictitious. Log in as "
                "<b>leder</b> (chair), <b>referent</b>, <b>ppr</b>, <b>politi</b> or "
                "<b>admin</b>, all with the password <b>demo</b>."
            )
        )
        self.hint.show()
        if not self.user_edit.text():
            self.user_edit.setText("leder")
        self.password_edit.setFocus()

    # -- login -----------------------------------------------------------------------------
    def try_login(self) -> None:
        if self._busy:
            return
        user = self.user_edit.text().strip()
        password = self.password_edit.text()
        if not user or not password:
            self.show_error(self.tr("Type your user name and password."))
            return
        self.show_error("")
        self._set_busy(True, self.tr("Opening the database …"))
        path = self.db_path
        chosen_clock = self.clock

        def work() -> Any:
            from stevnsmoeder.services import access  # lazy: the database layer, see the docstring

            return access.login(path, user, password, clock=_clock(chosen_clock))

        self._typed_password = password
        run_in_thread(self, work, self._logged_in, self._failed)

    def synchronise_first(self) -> None:
        """A replica offline too long to open: reach the server, sync, then open it."""
        user, password = self.user_edit.text().strip(), self.password_edit.text()
        if self._busy or not user or not password:
            if not password:
                self.show_error(self.tr("Type your user name and password."))
            return
        self.show_error("")
        self.sync_first_button.hide()
        self._set_busy(True, self.tr("Synchronising with the server …"))
        path = self.db_path
        chosen_clock = self.clock

        def work() -> Any:
            from stevnsmoeder.services import access, sync_client  # lazy: the database layer

            ctx = access.login(
                path, user, password, to_synchronise=True, clock=_clock(chosen_clock)
            )
            try:
                sync_client.sync(ctx, password)
            finally:
                if path.exists():
                    ctx.db.close()
            return access.login(path, user, password, clock=_clock(chosen_clock))

        self._typed_password = password
        run_in_thread(self, work, self._logged_in, self._failed)

    def restore_newest(self) -> None:
        """Check the newest backup with the typed user and password (passing over damaged
        ones), put it in place (the damaged file is kept beside it), then log in."""
        from stevnsmoeder.services import restore  # lazy: the database layer, see the docstring

        newest = backup_rotation.list_backups(self.db_path)
        user, password = self.user_edit.text().strip(), self.password_edit.text()
        if not newest or self._busy:
            return
        if not user or not password:
            self.show_error(self.tr("Type your user name and password."))
            return
        self._set_busy(True, self.tr("Checking and restoring the backup …"))
        path = self.db_path
        chosen_clock = self.clock

        def work() -> Any:
            restore.restore_newest(path, user, password)
            from stevnsmoeder.services import access  # lazy: the database layer, as above

            return access.login(path, user, password, clock=_clock(chosen_clock))

        run_in_thread(self, work, self._logged_in, self._failed)

    def reject(self) -> None:
        """Cancel waits while the database is being opened or created: leaving then would
        stop the program under a running thread, and could leave a half-written demo."""
        if self._busy:
            return
        super().reject()

    def _logged_in(self, ctx: Any) -> None:
        self._set_busy(False)
        self.hint.setText("")
        self.context = ctx
        if self.replica is not None:
            self.sync_password = self._typed_password
        self._typed_password = ""
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.hint.setText("")
        damaged = isinstance(exc, DatabaseUnreadable) and bool(
            backup_rotation.list_backups(self.db_path)
        )
        self._typed_password = ""
        self.restore_button.setVisible(damaged)
        self.sync_first_button.setVisible(isinstance(exc, ReplicaExpired))
        if type(exc).__name__ == "ReplicaWiped" and self.replica is not None:
            replicas.forget(self.replica.path, self.home)
            self.show_error(str(exc))
            self._fill_places("")
            self._refresh_state()
            return
        if isinstance(exc, AuthError) and exc.wait_seconds:
            self.start_wait(exc.reason, exc.wait_seconds)
        elif isinstance(exc, ServiceError):
            self.show_error(str(exc))
        else:
            raise exc  # reaches the crash dialog
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    # -- waiting after failed logins -----------------------------------------------------
    def start_wait(self, reason: str, seconds: int) -> None:
        """Say why, and count the wait down ("Vent 30 sekunder …"); Log in waits too."""
        self._wait_reason = reason
        self._wait_until = self.now() + seconds
        self.wait_timer.start()
        self._tick()

    def seconds_left(self) -> int:
        if self._wait_until is None:
            return 0
        return max(0, math.ceil(self._wait_until - self.now() - 1e-6))

    def _tick(self) -> None:
        left = self.seconds_left()
        if left <= 0:
            self._end_wait()
            self.show_error(self.tr("You can try again now."))
            return
        self.show_error(
            f"{self._wait_reason} " + self.tr("Wait %n seconds before you try again.", "", left)
        )
        self.login_button.setEnabled(False)

    def _end_wait(self) -> None:
        self._wait_until = None
        self.wait_timer.stop()
        self._refresh_state()

    def _user_changed(self) -> None:
        """The wait belongs to a user name: another name may try at once (the service
        refuses it, and says how long, if it too must wait)."""
        if self._wait_until is not None:
            self._end_wait()
            self.show_error("")
