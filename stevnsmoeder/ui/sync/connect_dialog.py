"""Forbind til kommunens server: the first contact of a laptop with the shared record.

Server address (remembered), the municipality's CA file if the system does not know it
(chosen once, remembered), user name and password. Connecting registers this computer,
creates the user's encrypted replica and fills it, with the first sync's progress shown;
then the user is logged in to it. Every failure is said in one clear sentence and the
typed fields stay.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.ui.common.forms import ERROR_STYLE, title_label
from stevnsmoeder.ui.common.settings import Settings
from stevnsmoeder.ui.common.worker import run_in_thread

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def normalised_url(typed: str) -> str | None:
    """The address as the program uses it: https:// added when missing; plain http only to
    this computer itself (a server to try). None when it is no address."""
    text = typed.strip().rstrip("/")
    if not text:
        return None
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return None
    if parts.scheme == "http" and parts.hostname not in LOOPBACK_HOSTS:
        return None
    return text


class _Progress(QObject):
    moved = Signal(object)  # a sync_client.Progress, from the connecting thread


class ConnectDialog(QDialog):
    """On success ``context`` is the logged-in replica, ``password`` the password the
    background sync logs in to the server with, ``replica`` what the login window lists."""

    def __init__(self, user: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to the municipality's server"))
        self.settings = Settings()
        self.context: Any = None
        self.replica: Any = None
        self.password = ""
        self._busy = False
        self.url_edit = QLineEdit(self.settings.server_url)
        self.url_edit.setObjectName("server-url")
        self.url_edit.setPlaceholderText("https://stevnsmoeder.stevns.dk")
        self.ca_edit = QLineEdit(self.settings.ca_file)
        self.ca_edit.setObjectName("ca-file")
        self.ca_edit.setPlaceholderText(self.tr("the system's certificates"))
        choose = QPushButton(self.tr("C&hoose …"))
        choose.clicked.connect(self.choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(choose)
        self.user_edit = QLineEdit(user)
        self.user_edit.setObjectName("connect-user")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("connect-password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Server &address:"), self.url_edit)
        form.addRow(self.tr("CA &file:"), ca_row)
        form.addRow(self.tr("&User name:"), self.user_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        intro = QLabel(
            self.tr(
                "This computer gets its own encrypted copy of what you may see in the shared "
                "record. You can work offline; it keeps in step by itself when the network "
                "is there."
            )
        )
        intro.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("connect-progress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.progress_label = QLabel()
        self.progress_label.setObjectName("connect-progress-text")
        self.progress_label.setWordWrap(True)
        self.progress_label.hide()
        self.error_label = QLabel()
        self.error_label.setObjectName("connect-error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("&Connect"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Connect to the municipality's server"), 1.2))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._relay = _Progress(self)
        self._relay.moved.connect(self._moved)
        first = next(
            (e for e in (self.url_edit, self.user_edit, self.password_edit) if not e.text()),
            self.password_edit,
        )
        first.setFocus()

    def choose_ca(self) -> None:
        found, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The municipality's CA certificate"),
            self.ca_edit.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if found:
            self.ca_edit.setText(found)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.url_edit, self.ca_edit, self.user_edit, self.password_edit):
            widget.setEnabled(not busy)
        self.connect_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def start(self) -> None:
        if self._busy:
            return
        url = normalised_url(self.url_edit.text())
        if url is None:
            self.show_error(
                self.tr("Type the server's address, e.g. https://stevnsmoeder.stevns.dk.")
            )
            self.url_edit.setFocus()
            return
        ca_text = self.ca_edit.text().strip()
        ca = Path(ca_text).expanduser() if ca_text else None
        if ca is not None and not ca.is_file():
            self.show_error(self.tr("The CA file was not found."))
            self.ca_edit.setFocus()
            return
        user, password = self.user_edit.text().strip(), self.password_edit.text()
        if not user or not password:
            self.show_error(self.tr("Type your user name and password."))
            return
        self.show_error("")
        self.url_edit.setText(url)
        self._set_busy(True)
        self.progress.setValue(0)
        self.progress_label.setText(self.tr("Connecting to the server …"))
        emit = self._relay.moved.emit

        def work() -> Any:
            # lazy: the database layer loads while the login window is up, not before
            from stevnsmoeder.services import access, replicas, sync_client

            server = sync_client.Server(url, ca)
            replica, _made = replicas.connect(server, user, password, progress=emit)
            return replica, access.login(replica.path, replica.login, password)

        run_in_thread(self, work, self._connected, self._failed)

    def _moved(self, progress: Any) -> None:
        step, done, total = progress.step, progress.done, progress.total
        if step == "register":
            self.progress.setValue(5)
            self.progress_label.setText(self.tr("Registering this computer …"))
        elif step == "login":
            self.progress.setValue(10)
            self.progress_label.setText(self.tr("Logging in …"))
        elif step == "download":
            share = done / total if total else 0.0
            self.progress.setValue(10 + round(50 * share))
            self.progress_label.setText(
                self.tr("Fetching your meetings and cases … %1 of %2")
                .replace("%1", _size(done))
                .replace("%2", _size(total))
                if total
                else self.tr("Fetching your meetings and cases …")
            )
        elif step == "write":
            share = done / total if total else 1.0
            self.progress.setValue(60 + round(40 * share))
            self.progress_label.setText(
                self.tr("Saving %1 and %2 on this computer …")
                .replace("%1", self.tr("%n meeting(s)", "", progress.meetings))
                .replace("%2", self.tr("%n case(s)", "", progress.cases))
            )
        elif step == "done":
            self.progress.setValue(100)
            self.progress_label.setText(
                self.tr("Connected: %1 and %2 are on this computer.")
                .replace("%1", self.tr("%n meeting(s)", "", progress.meetings))
                .replace("%2", self.tr("%n case(s)", "", progress.cases))
            )

    def _connected(self, result: Any) -> None:
        self._set_busy(False)
        self.replica, self.context = result
        self.password = self.password_edit.text()
        self.settings.server_url = self.url_edit.text()
        self.settings.ca_file = self.ca_edit.text().strip()
        self.settings.last_place = str(self.replica.path)
        self.settings.last_user = self.replica.login
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        # lazy: the database layer, as above (loaded by now)
        from stevnsmoeder.services import sync_client
        from stevnsmoeder.services.errors import ServiceError

        self._set_busy(False)
        if isinstance(exc, sync_client.ServerUnreachable):
            self.show_error(
                self.tr(
                    "The server cannot be reached. Check the address and that this computer "
                    "is on the municipality's network."
                )
            )
        elif isinstance(exc, sync_client.ServerRefused) and exc.code == "certificate":
            self.show_error(
                self.tr(
                    "The server's certificate could not be trusted. Choose the "
                    "municipality's CA file (ask IT), or check the address."
                )
            )
        elif isinstance(exc, ServiceError):
            self.show_error(str(exc))
        else:
            raise exc
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def reject(self) -> None:
        if self._busy:
            return  # a replica half made would be left: wait for the answer
        super().reject()


def _size(count: int) -> str:
    """Bytes the Danish way: '1,2 MB', '340 kB'."""
    if count >= 1_000_000:
        return f"{count / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(count / 1000))} kB"
