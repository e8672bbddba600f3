"""Adding a user, and another role for one; the roles by their Danish names."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from stevnsmoeder.domain import passwords
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import access
from stevnsmoeder.services.people import PersonInfo
from stevnsmoeder.ui.common.forms import compact, ok_cancel
from stevnsmoeder.ui.common.operations import Operations

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


class AddUserDialog(QDialog):
    """A new user: login, full name, role, optionally an existing person, password twice.
    A refusal (a taken login, a short password) is shown here and what was typed stays."""

    def __init__(
        self,
        people: Sequence[PersonInfo],
        add: Callable[[access.NewUser], object],
        parent: QWidget | None = None,
    ) -> None:
        """``add`` adds the user, or raises ServiceError (shown here)."""
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
        self.operations = Operations(self, show=self.error.setText)
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
        new = access.NewUser(
            self.login.text(),
            self.password.text(),
            Role(self.role.currentData()),
            person_name=self.full_name.text(),
            person_id=uuid.UUID(person) if person else None,
        )
        if self.operations.run(lambda: self._add(new)):
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
