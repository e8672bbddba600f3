"""Filer → Brugere: the administrator's list of users, and adding, closing, reopening and
resetting them. Every change is a service call (which checks the role and writes the access
log); this dialog only asks and shows."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain import passwords
from stevnsmoeder.domain.dates import LOCAL_TZ
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import access
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.services.people import PersonInfo
from stevnsmoeder.services.rekey import Progress, RekeyReport
from stevnsmoeder.ui.common.forms import compact, ok_cancel
from stevnsmoeder.ui.common.models import Column, TableModel
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen
from stevnsmoeder.ui.common.worker import run_in_thread

ROLE_ORDER = (
    Role.LEDER,
    Role.REFERENT,
    Role.DELTAGER,
    Role.PPR,
    Role.POLITI,
    Role.CHEF,
    Role.ADMIN,
)


def role_label(role: Role) -> str:
    labels = {
        Role.ADMIN: QCoreApplication.translate("UsersDialog", "administrator"),
        Role.LEDER: QCoreApplication.translate("UsersDialog", "chair"),
        Role.REFERENT: QCoreApplication.translate("UsersDialog", "secretary"),
        Role.DELTAGER: QCoreApplication.translate("UsersDialog", "participant"),
        Role.PPR: QCoreApplication.translate("UsersDialog", "PPR (read only)"),
        Role.POLITI: QCoreApplication.translate("UsersDialog", "police (SSP)"),
        Role.CHEF: QCoreApplication.translate(
            "UsersDialog", "head of Børn & Læring (figures only)"
        ),
    }
    return labels[role]


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


class AddUserDialog(QDialog):
    """A new user: login, full name, role, optionally an existing person, password twice.
    A refusal (a taken login, a short password) is shown here and what was typed stays."""

    def __init__(
        self,
        people: Sequence[PersonInfo],
        add: Callable[[access.NewUser], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add user"))
        self._add = add
        self.login = QLineEdit()
        self.login.setMaxLength(access.MAX_LOGIN)
        self.full_name = QLineEdit()
        self.full_name.setMaxLength(access.MAX_PERSON_NAME)
        self.role = QComboBox()
        for role in ROLE_ORDER:
            self.role.addItem(role_label(role), role.value)
        self.person = compact(QComboBox())
        self.person.addItem(self.tr("A new person with this name"), None)
        for p in people:
            self.person.addItem(p.label, str(p.id))
        self.person.currentIndexChanged.connect(self._person_changed)
        self.password = QLineEdit()
        self.again = QLineEdit()
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(passwords.MAX_LENGTH)
        self.error = QLabel()
        self.error.setObjectName("add-user-error")
        self.error.setStyleSheet("color: #a00000;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.login)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Person in the register"), self.person)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password once more"), self.again)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self.tr("Add")))

    def _person_changed(self) -> None:
        # An existing person brings their own name.
        self.full_name.setEnabled(self.person.currentData() is None)

    def choose_person(self, person_id: uuid.UUID) -> None:
        self.person.setCurrentIndex(self.person.findData(str(person_id)))

    def choose_role(self, role: Role) -> None:
        self.role.setCurrentIndex(self.role.findData(role.value))

    def accept(self) -> None:
        if not self.login.text().strip():
            self.error.setText(self.tr("Give the user a user name."))
            return
        person = self.person.currentData()
        if person is None and not self.full_name.text().strip():
            self.error.setText(self.tr("Give the user's full name, or choose a person."))
            return
        if self.password.text() != self.again.text():
            self.error.setText(self.tr("The two passwords are not the same."))
            return
        problem = self._add(
            access.NewUser(
                self.login.text(),
                self.password.text(),
                Role(self.role.currentData()),
                person_name=self.full_name.text(),
                person_id=uuid.UUID(person) if person else None,
            )
        )
        if problem is not None:
            self.error.setText(problem)
            return
        super().accept()


class RoleDialog(QDialog):
    """Another role for a user."""

    def __init__(self, login: str, current: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Role"))
        self.role = QComboBox()
        for role in ROLE_ORDER:
            self.role.addItem(role_label(role), role.value)
        self.choose_role(current)
        form = QFormLayout(self)
        form.addRow(self.tr("Role for %1").replace("%1", login), self.role)
        form.addRow(ok_cancel(self, self.tr("Change")))

    def choose_role(self, role: Role) -> None:
        self.role.setCurrentIndex(self.role.findData(role.value))

    def value(self) -> Role:
        return Role(self.role.currentData())


class _ProgressRelay(QObject):
    """Carries a background re-key's progress to the GUI thread (a queued signal)."""

    stepped = Signal(int, int)


def rekey_in_background(
    owner: QWidget,
    prompts: Prompts,
    title: str,
    work: Callable[[Progress], RekeyReport],
    then: Callable[[RekeyReport], None],
    *,
    on_step: Callable[[int, int], None] | None = None,
    on_end: Callable[[], None] | None = None,
) -> QProgressDialog:
    """Run work that re-keys the database (seconds on years of data) off the GUI thread,
    with its progress in a window that keeps every other window still meanwhile."""
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

    def finished(report: RekeyReport) -> None:
        progress.close()
        if on_end is not None:
            on_end()
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

    def failed(exc: BaseException) -> None:
        progress.close()
        if on_end is not None:
            on_end()
        if isinstance(exc, ServiceError):
            prompts.error(owner, title, str(exc))
        else:
            raise exc

    progress.show()
    run_in_thread(owner, lambda: work(relay.stepped.emit), finished, failed)
    return progress


class UsersDialog(QDialog):
    """The users of this database, with what an administrator does to them."""

    def __init__(
        self, ctx: ServiceContext, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.prompts = prompts
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
        try:
            self.model.set_rows(access.list_users(self.ctx))
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Users"), str(exc))
            return
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

    def _try(self, title: str, call: Callable[[], object]) -> bool:
        try:
            call()
        except ServiceError as exc:
            self.prompts.error(self, title, str(exc))
            return False
        finally:
            self.reload()
        return True

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
            self,
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
        try:
            people = access.people_for_users(self.ctx)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Add user"), str(exc))
            return

        def add(new: access.NewUser) -> str | None:
            try:
                info = access.add_user(self.ctx, new)
            except ServiceError as exc:
                return str(exc)
            self.reload()
            self.select_login(info.login)
            return None

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
        self._try(
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
        self._try(self.tr("Role"), lambda: access.set_role(self.ctx, user.login, role))

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
