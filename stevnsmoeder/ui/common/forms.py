"""Small helpers every form shares: Danish date formats and a date field that takes a typed
date, multi-line fields that Tab leaves, OK/Cancel, and a dialog that validates in place."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, QTimer
from PySide6.QtGui import QFocusEvent, QFont, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from stevnsmoeder.domain.dates import parse_typed_date
from stevnsmoeder.ui.common.operations import Operations

DATE_FORMAT = "dd.MM.yyyy"
DATETIME_FORMAT = "dd.MM.yyyy HH:mm"
ERROR_STYLE = "color: #a00000;"
WARNING_STYLE = "color: #8a5a00;"
_TYPING = re.compile(r"[\d.\-/ ]{0,10}")  # what a date looks like half typed


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DateEdit(QDateEdit):
    """A date field that takes a date typed the Danish way as a whole ("5.1.2027", "05-01-27",
    "05012027"), shows it as dd.MM.yyyy, keeps the calendar popup and the arrow keys, and
    selects its text when entered, so typing replaces it. (A plain QDateEdit edits one
    section at a time: "5.1.2027" typed into it gives 05.11.2026.)"""

    def __init__(self, day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        if day is not None:
            self.setDate(qdate(day))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        if self._special(text) or parse_typed_date(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if _TYPING.fullmatch(text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:
        if self._special(text):
            return QDateTime(self.minimumDate(), QTime(0, 0))
        day = parse_typed_date(text)
        if day is None:
            return self.dateTime()
        return QDateTime(qdate(day), QTime(0, 0))

    def fixup(self, text: str) -> str:
        return self.textFromDateTime(self.dateTime())  # half typed: back to the date shown

    def _special(self, text: str) -> bool:
        special = self.specialValueText()
        return bool(special) and text == special

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            # The line edit's own select-all (the spin box's leaves the cursor in the day,
            # where typing edits that section alone): at once, so a key pressed straight
            # after Tab finds the whole date selected, and once more after a mouse press
            # has placed its cursor.
            self.lineEdit().selectAll()
            QTimer.singleShot(0, self.lineEdit().selectAll)

    # -- Up and Down (and the wheel) ------------------------------------------------------
    def _stepped_section(self) -> QDateTimeEdit.Section:
        """What Up and Down change: the part of the date under the cursor, and the day when
        the whole date is selected (as it is on entering the field)."""
        line = self.lineEdit()
        if line.hasSelectedText() and line.selectedText() == line.text():
            return QDateTimeEdit.Section.DaySection
        return self.currentSection()

    def stepBy(self, steps: int) -> None:
        """A day, a month or a year on, as the calendar goes: Up on 31.01 is 01.02, not a
        day that stops at the month's end."""
        section = self._stepped_section()
        day = self.date()
        if section is QDateTimeEdit.Section.DaySection:
            new = day.addDays(steps)
        elif section is QDateTimeEdit.Section.MonthSection:
            new = day.addMonths(steps)
        elif section is QDateTimeEdit.Section.YearSection:
            new = day.addYears(steps)
        else:
            super().stepBy(steps)
            return
        new = max(self.minimumDate(), min(new, self.maximumDate()))
        if new != day:
            self.setDate(new)
        self.setCurrentSection(section)  # the next Up changes the same part
        self.setSelectedSection(section)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if self.date() > self.minimumDate():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        if self.date() < self.maximumDate():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        return flags


def date_edit(day: date | None = None) -> DateEdit:
    """A date field (see DateEdit)."""
    return DateEdit(day)


def line_edit(max_length: int, text: str = "", placeholder: str = "") -> QLineEdit:
    """A one-line field that takes no more than its column holds."""
    edit = QLineEdit(text)
    edit.setMaxLength(max_length)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def text_edit(placeholder: str = "") -> QPlainTextEdit:
    """A multi-line field in a form: Tab goes on to the next field instead of typing a tab."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


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


class FormDialog(QDialog):
    """A dialog that validates in place: a problem (its own rules in problem(), or a refusal
    from the service call in ``submit``) is shown inside it, and it stays open with what was
    typed. ``submit`` returns False to stay open without a message (the user was asked and
    changed their mind)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = QLabel()
        self.error.setObjectName("form-error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.submit: Callable[[], bool | None] | None = None
        self.operations = Operations(self, show=self.show_problem)

    def problem(self) -> str | None:
        """What is wrong with what was typed, in the user's words; None when nothing is."""
        return None

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.show_problem(problem)
            return
        submit = self.submit
        if submit is not None:
            answers: list[bool | None] = []
            if not self.operations.run(submit, then=answers.append) or answers[0] is False:
                return
        self.show_problem("")
        super().accept()
