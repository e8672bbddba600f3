"""Message boxes behind one small interface, so tests can replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from stevnsmoeder.ui.common.password_dialog import PasswordDialog


def qt_file_dialog_strings() -> list[str]:
    """Strings of Qt's own file dialog that Qt's Danish catalogue (qtbase_da) lacks, in Qt's
    contexts: listed here so the translation tools put them in our catalogue, which Qt
    consults after its own. (Called only by the test that the dialog speaks Danish.)"""
    translate = QCoreApplication.translate
    return [
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        # The file list's Type column, per platform.
        translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        translate("QAbstractFileIconProvider", "File", "All other platforms"),
        translate("QAbstractFileIconProvider", "%1 File", "All other platforms"),
        translate("QAbstractFileIconProvider", "Drive", "All other platforms"),
        translate("QAbstractFileIconProvider", "File Folder", "Match Windows Explorer"),
        translate("QAbstractFileIconProvider", "%1 File", "Match Windows Explorer"),
        translate("QAbstractFileIconProvider", "File", "Match Windows Explorer"),
        translate("QAbstractFileIconProvider", "Drive", "Match Windows Explorer"),
        translate("QAbstractFileIconProvider", "Folder", "Match OS X Finder"),
        translate("QAbstractFileIconProvider", "%1 File", "Match OS X Finder"),
        translate("QAbstractFileIconProvider", "File", "Match OS X Finder"),
    ]


def use_native_dialog(language: str, system_languages: list[str]) -> bool:
    """The system's own file dialog speaks the system's language, whatever the program's:
    use it only when the two agree ("da" and a Danish Windows), else Qt's own dialog,
    which speaks the program's language ("Annuller", not "Cancel")."""
    first = system_languages[0] if system_languages else ""
    return first.replace("_", "-").split("-")[0].lower() == language.lower()


def file_dialog_options() -> QFileDialog.Option:
    language = QLocale().name().split("_")[0]  # the program's (install_translators sets it)
    if use_native_dialog(language, QLocale.system().uiLanguages()):
        return QFileDialog.Option(0)
    return QFileDialog.Option.DontUseNativeDialog


class Prompts:
    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """A line of text, or None when the user cancels."""
        value, ok = QInputDialog.getText(parent, title, label)
        return value if ok else None

    def password(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """A password typed once, hidden, or None when the user cancels."""
        from PySide6.QtWidgets import QLineEdit

        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
        return value if ok else None

    def new_password(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """A new password, typed twice (hidden), or None when the user cancels."""
        dialog = PasswordDialog(title, label, parent)
        return dialog.password() if dialog.exec() == PasswordDialog.DialogCode.Accepted else None

    def save_path(
        self, parent: QWidget | None, title: str, suggested: Path, filter_: str
    ) -> Path | None:
        name, _selected = QFileDialog.getSaveFileName(
            parent, title, str(suggested), filter_, options=file_dialog_options()
        )
        return Path(name) if name else None

    def folder(self, parent: QWidget | None, title: str, start: Path) -> Path | None:
        """A folder, or None when the user cancels."""
        name = QFileDialog.getExistingDirectory(
            parent,
            title,
            str(start),
            QFileDialog.Option.ShowDirsOnly | file_dialog_options(),
        )
        return Path(name) if name else None


class RecordingPrompts(Prompts):
    """For tests: remembers what would have been shown and answers confirmations."""

    def __init__(self, confirm_answer: bool = True) -> None:
        self.shown: list[tuple[str, str, str]] = []
        self.confirm_answer = confirm_answer
        self.texts: list[str | None] = []  # answers to text(), in order
        self.paths: list[Path | None] = []  # answers to save_path(), in order
        self.folders: list[Path | None] = []  # answers to folder(), in order
        self.passwords: list[str | None] = []  # answers to new_password(), in order

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("error", title, text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        self.shown.append(("info", title, text))

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        self.shown.append(("confirm", title, text))
        return self.confirm_answer

    def text(self, parent: QWidget | None, title: str, label: str) -> str | None:
        self.shown.append(("text", title, label))
        return self.texts.pop(0)

    def new_password(self, parent: QWidget | None, title: str, label: str) -> str | None:
        self.shown.append(("password", title, label))
        return self.passwords.pop(0)

    def password(self, parent: QWidget | None, title: str, label: str) -> str | None:
        self.shown.append(("password", title, label))
        return self.passwords.pop(0)

    def save_path(
        self, parent: QWidget | None, title: str, suggested: Path, filter_: str
    ) -> Path | None:
        self.shown.append(("save", title, str(suggested)))
        return self.paths.pop(0)

    def folder(self, parent: QWidget | None, title: str, start: Path) -> Path | None:
        self.shown.append(("folder", title, str(start)))
        return self.folders.pop(0)
