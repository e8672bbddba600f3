"""Small helpers every form shares: Danish date formats, date conversions, OK/Cancel."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QLabel

DATE_FORMAT = "dd.MM.yyyy"
DATETIME_FORMAT = "dd.MM.yyyy HH:mm"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


NO_DATE = QDate(2000, 1, 1)  # an optional date edit's "no limit" value


def optional_date_edit(none_text: str) -> QDateEdit:
    """A date edit that starts empty (showing ``none_text``): an open end of a range."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(none_text)
    edit.setDate(NO_DATE)
    return edit


def optional_date(edit: QDateEdit) -> date | None:
    value = edit.date()
    return None if value == NO_DATE else pydate(value)


def title_label(text: str = "", scale: float = 1.4) -> QLabel:
    """A window's heading: bold and larger than the text around it; a long one wraps."""
    label = QLabel(text)
    label.setWordWrap(True)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def wrapped(text: str = "") -> QLabel:
    """A label that wraps: a long title or name in it must not widen its window."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def compact(combo: QComboBox, chars: int = 40) -> QComboBox:
    """A combo box no wider than about ``chars`` characters, however long its entries: a
    200-character name must not push its dialog off the screen."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(chars)
    return combo


def ok_cancel(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (named for what it does) and Cancel, wired to the dialog."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    # One context for every dialog's Cancel (dialog.tr would look it up per dialog class,
    # where the translation tools never see it).
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("forms", "Cancel")
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box
