"""A new password, typed twice and hidden (Prompts.new_password shows it)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from stevnsmoeder.domain import passwords
from stevnsmoeder.ui.common.forms import ok_cancel


class PasswordDialog(QDialog):
    """A new password, typed twice and hidden; stays open until the two are the same."""

    def __init__(self, title: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.first = QLineEdit()
        self.second = QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(passwords.MAX_LENGTH)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a00000;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        text = QLabel(label)
        text.setWordWrap(True)
        form.addRow(text)
        form.addRow(self.tr("New password"), self.first)
        form.addRow(self.tr("Once more"), self.second)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self.tr("OK")))

    def password(self) -> str:
        return self.first.text()

    def accept(self) -> None:
        if not self.first.text():
            self.error.setText(self.tr("Type the new password."))
            return
        if self.first.text() != self.second.text():
            self.error.setText(self.tr("The two passwords are not the same."))
            self.second.selectAll()
            self.second.setFocus()
            return
        super().accept()
