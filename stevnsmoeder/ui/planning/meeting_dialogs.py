"""Dialogs about one meeting: moving it (never into the past; a weekend, a holiday or a closed
day asks first), a participant added, and a family team meeting booked for a child."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QWidget,
)

from stevnsmoeder.domain.dates import clock, long_date
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.services.meetings import MAX_PLACE, MAX_REASON
from stevnsmoeder.services.people import PersonInfo, RoleInfo
from stevnsmoeder.ui.common.forms import (
    ERROR_STYLE,
    WARNING_STYLE,
    FormDialog,
    compact,
    date_edit,
    line_edit,
    ok_cancel,
    pydate,
    wrapped,
)


def time_edit(at: time) -> QTimeEdit:
    edit = QTimeEdit(QTime(at.hour, at.minute))
    edit.setDisplayFormat("HH:mm")
    return edit


def _moment(day: date, at: QTime) -> datetime:
    return datetime.combine(day, time(at.hour(), at.minute()))


class MoveDialog(FormDialog):
    """A new date and time for one meeting, and why. ``check`` names what is unusual about a
    time (a weekend, a holiday, a closed day) and refuses one that has passed: a refusal
    keeps Move disabled; a warning must be acknowledged first."""

    def __init__(
        self,
        title: str,
        start: datetime,
        check: Callable[[datetime], Sequence[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Move meeting"))
        self._check = check
        self.day = date_edit(start.date())
        self.at = time_edit(start.time())
        self.reason = line_edit(
            MAX_REASON, placeholder=self.tr("e.g. the school's Christmas party")
        )
        self.warnings = QLabel()
        self.warnings.setObjectName("move-warnings")
        self.warnings.setWordWrap(True)
        self.anyway = QCheckBox(self.tr("Move it to this day anyway"))
        self.refused = False
        when = QHBoxLayout()
        when.addWidget(self.day, 1)
        when.addWidget(self.at)
        form = QFormLayout(self)
        form.addRow(wrapped(f"<b>{title}</b> – {long_date(start.date())}, {clock(start)}"))
        form.addRow(self.tr("New date:"), when)
        form.addRow(self.warnings)
        form.addRow(self.anyway)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.error)
        self.buttons = ok_cancel(self, self.tr("Move"))
        form.addRow(self.buttons)
        self.day.dateChanged.connect(self._check_when)
        self.at.timeChanged.connect(self._check_when)
        self.reason.textChanged.connect(self._update)
        self.anyway.toggled.connect(self._update)
        self._check_when()

    def _check_when(self) -> None:
        try:
            found = tuple(self._check(self.value()[0]))
            self.refused, text = False, "\n".join(f"⚠ {w}" for w in found)
        except ServiceError as exc:
            found = ()
            self.refused, text = True, str(exc)
        self.warnings.setText(text)
        self.warnings.setStyleSheet(ERROR_STYLE if self.refused else WARNING_STYLE)
        self.warnings.setVisible(bool(text))
        if not found:
            self.anyway.setChecked(False)
        self.anyway.setVisible(bool(found))
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        acknowledged = self.anyway.isHidden() or self.anyway.isChecked()
        ok.setEnabled(bool(self.reason.text().strip()) and not self.refused and acknowledged)

    def problem(self) -> str | None:
        if not self.reason.text().strip():
            return self.tr("Give the reason the meeting is moved.")
        return None

    def value(self) -> tuple[datetime, str]:
        return _moment(pydate(self.day.date()), self.at.time()), self.reason.text().strip()


class ParticipantDialog(FormDialog):
    """An extra participant for one meeting only."""

    def __init__(
        self, people: Sequence[PersonInfo], roles: Sequence[RoleInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add participant"))
        self.person = compact(QComboBox())
        self.person.setEditable(True)  # type to find; the completer matches any part
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for p in people:
            self.person.addItem(p.label, p.id)
        completer = self.person.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.role = compact(QComboBox())
        for r in roles:
            if not r.is_family:
                self.role.addItem(r.name, r.code)
        form = QFormLayout(self)
        form.addRow(self.tr("Person:"), self.person)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self.tr("Add")))

    def problem(self) -> str | None:
        index = self.person.currentIndex()
        if index < 0 or self.person.currentText() != self.person.itemText(index):
            return self.tr("Choose a person from the list.")  # a typed name is nobody yet
        return None

    def value(self) -> tuple[object, str]:
        return self.person.currentData(), str(self.role.currentData())


class FtmDialog(FormDialog):
    """When and where the family team meeting about one child takes place."""

    def __init__(self, child: str, start: datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New family team meeting"))
        self.day = date_edit(start.date())
        self.at = time_edit(start.time())
        self.place = line_edit(MAX_PLACE)
        when = QHBoxLayout()
        when.addWidget(self.day, 1)
        when.addWidget(self.at)
        form = QFormLayout(self)
        form.addRow(wrapped(self.tr("Family team meeting about %1").replace("%1", child)))
        form.addRow(self.tr("Time:"), when)
        form.addRow(self.tr("Place:"), self.place)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self.tr("Create")))

    def value(self) -> tuple[datetime, str]:
        return _moment(pydate(self.day.date()), self.at.time()), self.place.text().strip()
