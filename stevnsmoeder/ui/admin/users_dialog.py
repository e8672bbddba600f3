"""Filer → Brugere: the administrator's list of users, and adding, closing, reopening and
resetting them. Every change is a service call (which checks the role and writes the access
log); this dialog only asks and shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.services import access
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.rekey import Progress, RekeyReport
from stevnsmoeder.ui.admin.rekey import rekey_in_background
from stevnsmoeder.ui.admin.user_dialogs import ROLE_ORDER, AddUserDialog, RoleDialog, role_label
from stevnsmoeder.ui.common.models import Column, TableModel
from stevnsmoeder.ui.common.operations import Operations
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen


def user_columns() -> list[Column[access.UserInfo]]:
    def state(u: access.UserInfo) -> str:
        return (
            QCoreApplication.translate("UsersDialog", "active")
            if u.active
            else QCoreApplication.translate("UsersDialog", "closed")
        )

    def last_login(u: access.UserInfo) -> str:
        if u.last_login_at is None:
            return QCoreApplication.translate("UsersDialog", "never")
        return u.last_login_at.astimezone(LOCAL_TZ).strftime("%d.%m.%Y %H.%M")

    return [
        Column(QCoreApplication.translate("UsersDialog", "User name"), lambda u: u.login),
        Column(QCoreApplication.translate("UsersDialog", "Name"), lambda u: u.name),
        Column(
            QCoreApplication.translate("UsersDialog", "Role"),
            lambda u: role_label(u.role),
            lambda u: ROLE_ORDER.index(u.role),
        ),
        Column(
            QCoreApplication.translate("UsersDialog", "Access"),
            state,
            lambda u: not u.active,
            foreground=lambda u: None if u.active else QColor("#a00000"),
        ),
        Column(
            QCoreApplication.translate("UsersDialog", "Last login"),
            last_login,
            lambda u: u.last_login_at.timestamp() if u.last_login_at else 0.0,
        ),
    ]


class UsersDialog(QDialog):
    """The users of this database, with what an administrator does to them."""

    def __init__(
        self, ctx: ServiceContext, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prompts = prompts
        self.operations = Operations(self, prompts, self.tr("Users"))
        self.setWindowTitle(self.tr("Users"))
        fit_to_screen(self, QSize(760, 460))
        self.model: TableModel[access.UserInfo] = TableModel(user_columns(), self)
        self.view = QTableView()
        self.view.setObjectName("users")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.add_button = QPushButton(self.tr("&Add …"))
        self.add_button.clicked.connect(self.add_user)
        self.close_button = QPushButton(self.tr("&Close access"))
        self.close_button.clicked.connect(self.close_user)
        self.reopen_button = QPushButton(self.tr("&Reopen …"))
        self.reopen_button.clicked.connect(self.reopen_user)
        self.reset_button = QPushButton(self.tr("Reset &password …"))
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button = QPushButton(self.tr("R&ole …"))
        self.role_button.clicked.connect(self.change_role)
        self.rekey_button = QPushButton(self.tr("New database &key …"))
        self.rekey_button.setToolTip(
            self.tr(
                "On a suspected compromise (a lost laptop, a key file seen where it should not "
                "be): the database and the backups get a new key; passwords stay."
            )
        )
        self.rekey_button.clicked.connect(self.rekey)
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.close_button,
            self.reopen_button,
            self.reset_button,
            self.role_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.rekey_button)
        self.progress: QProgressDialog | None = None
        self.progress_seen: list[tuple[int, int]] = []  # the steps shown, for the record
        done = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        done.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        done.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(done)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    # -- the list ---------------------------------------------------------------------------
    def reload(self) -> None:
        selected = self.selected()
        found = self.operations.fetch(lambda: access.list_users(self.ctx), None)
        if found is None:
            return
        self.model.set_rows(found)
        self.view.resizeColumnsToContents()
        if selected is not None:
            self.select_login(selected.login)
        self._update_buttons()

    def selected(self) -> access.UserInfo | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def select_login(self, login: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).login == login:
                self.view.selectRow(row)
                return

    def _update_buttons(self) -> None:
        user = self.selected()
        own = user is not None and user.login == self.ctx.actor.login
        self.close_button.setEnabled(user is not None and user.active and not own)
        self.reopen_button.setEnabled(user is not None and not user.active)
        self.reset_button.setEnabled(user is not None and user.active)
        self.role_button.setEnabled(user is not None)

    def _change(self, title: str, call: Callable[[], object]) -> bool:
        """A change to a user; the list shows what is true afterwards, refused or not."""
        return self.operations.run(
            call,
            title=title,
            then=lambda _done: self.reload(),
            refused=lambda _exc: self.reload(),
        )

    def _rekeying(
        self,
        title: str,
        work: Callable[[Progress], RekeyReport],
        then: Callable[[RekeyReport], None],
    ) -> None:
        """Run work that re-keys the database off the GUI thread (see rekey_in_background)."""
        self.progress_seen = []

        def ended() -> None:
            self.progress = None
            self.reload()

        self.progress = rekey_in_background(
            self.operations,
            self.prompts,
            title,
            work,
            then,
            on_step=lambda done, total: self.progress_seen.append((done, total)),
            on_end=ended,
        )

    def busy(self) -> bool:
        return self.progress is not None

    # -- actions ----------------------------------------------------------------------------
    def add_user(self) -> None:
        people = self.operations.fetch(
            lambda: access.people_for_users(self.ctx), None, title=self.tr("Add user")
        )
        if people is None:
            return

        def add(new: access.NewUser) -> None:
            info = access.add_user(self.ctx, new)  # a refusal is shown in the dialog
            self.reload()
            self.select_login(info.login)

        self.add_dialog = AddUserDialog(people, add, self)
        self.add_dialog.exec()

    def close_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        if not self.prompts.confirm(
            self,
            self.tr("Close access"),
            self.tr(
                "Close %1's access? %1 can no longer log in, and their key is removed from the "
                "database's key file. Reopening needs a new password."
            ).replace("%1", user.login),
        ):
            return
        self._rekeying(
            self.tr("Close access"),
            lambda progress: access.close_user(self.ctx, user.login, progress=progress),
            lambda _report: None,
        )

    def reopen_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        password = self.prompts.new_password(
            self,
            self.tr("Reopen access"),
            self.tr("A new password for %1 (hand it over; they change it at once).").replace(
                "%1", user.login
            ),
        )
        if password is None:
            return
        self._change(
            self.tr("Reopen access"),
            lambda: access.reopen_user(self.ctx, user.login, password),
        )

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        password = self.prompts.new_password(
            self,
            self.tr("Reset password"),
            self.tr("A new password for %1 (hand it over; they change it at once).").replace(
                "%1", user.login
            ),
        )
        if password is None:
            return
        self._rekeying(
            self.tr("Reset password"),
            lambda progress: access.reset_access(self.ctx, user.login, password, progress=progress),
            lambda _report: self.prompts.info(
                self,
                self.tr("Reset password"),
                self.tr("%1 has a new password.").replace("%1", user.login),
            ),
        )

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = RoleDialog(user.login, user.role, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        role = dialog.value()
        self._change(self.tr("Role"), lambda: access.set_role(self.ctx, user.login, role))

    def rekey(self) -> None:
        if not self.prompts.confirm(
            self,
            self.tr("New database key"),
            self.tr(
                "Give the database and the backups in rotation a new key? Every active user "
                "keeps their password; any copy of an older key file stops opening them. "
                "Copies kept elsewhere (a backup written to a USB stick) keep their old key."
            ),
        ):
            return
        self._rekeying(
            self.tr("New database key"),
            lambda progress: access.rekey(self.ctx, progress=progress),
            lambda report: self.prompts.info(
                self,
                self.tr("New database key"),
                self.tr("The database and %n backups have a new key.", "", report.backups_rekeyed),
            ),
        )
