"""Small dialogs for planning: move a meeting, add a participant, change a series' rule
from a date, the municipality's closed days, the series overview and an FTM for a child."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QSize, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.calendar import HolidayPolicy, describe_rule, weekly_parts, weekly_rule
from stevnsmoeder.domain.dates import DA_WEEKDAYS, EN_WEEKDAYS, clock, long_date, short_date
from stevnsmoeder.i18n import language
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.services.meetings import MAX_PLACE, MAX_REASON, MAX_TITLE
from stevnsmoeder.services.people import PersonInfo, RoleInfo
from stevnsmoeder.services.reference_data import DistrictInfo, MeetingTypeInfo
from stevnsmoeder.services.series import ClosedPeriodInfo, NewSeries, SeriesInfo
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
from stevnsmoeder.ui.common.models import Column, TableModel
from stevnsmoeder.ui.common.screen import fit_to_screen


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


class RuleDialog(FormDialog):
    """Change a series' rhythm from a date on; earlier meetings stay as they were."""

    def __init__(self, info: SeriesInfo, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the series' rhythm"))
        self.weekday = QComboBox()
        for name in DA_WEEKDAYS[:5] if language() == "da" else EN_WEEKDAYS[:5]:
            self.weekday.addItem(name)
        self.interval = QSpinBox()
        self.interval.setRange(1, 8)
        self.interval.setSuffix(self.tr(" week(s)"))
        parts = weekly_parts(info.rule)
        if parts is not None and parts[0] < 5:
            self.weekday.setCurrentIndex(parts[0])
            self.interval.setValue(min(parts[1], 8))
        self.start_time = time_edit(info.start_time)
        self.from_day = date_edit(max(today, info.starts_on + timedelta(days=1)))
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        current = self.tr("Now: %1, %2").replace("%1", describe_rule(info.rule, language()))
        form = QFormLayout(self)
        form.addRow(wrapped(f"<b>{info.title}</b>"))
        form.addRow(wrapped(current.replace("%2", clock(info.start_time))))
        form.addRow(self.tr("Weekday:"), self.weekday)
        form.addRow(self.tr("Every:"), self.interval)
        form.addRow(self.tr("Time:"), self.start_time)
        form.addRow(self.tr("From:"), self.from_day)
        form.addRow(self.preview)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self.tr("Change")))
        self.weekday.currentIndexChanged.connect(self._update)
        self.interval.valueChanged.connect(self._update)
        self.from_day.dateChanged.connect(self._update)
        self.start_time.timeChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        rule, at, day = self.value()
        self.preview.setText(
            self.tr("From %1: %2, %3. Earlier meetings stay as they are.")
            .replace("%1", long_date(day))
            .replace("%2", describe_rule(rule, language()))
            .replace("%3", clock(at))
        )

    def value(self) -> tuple[str, time, date]:
        rule = weekly_rule(self.weekday.currentIndex(), self.interval.value())
        q = self.start_time.time()
        return rule, time(q.hour(), q.minute()), pydate(self.from_day.date())


class ClosedPeriodsDialog(QDialog):
    """The municipality's closed days: listed, and new ones added."""

    def __init__(
        self,
        periods: Sequence[ClosedPeriodInfo],
        add: Callable[[date, date, str, bool], Sequence[ClosedPeriodInfo]],
        can_edit: bool,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        """``add`` records a closed period and returns them all, or raises ServiceError (shown
        here, with what was typed kept)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Closed days"))
        fit_to_screen(self, QSize(620, 480))
        self._add = add

        def when(p: ClosedPeriodInfo) -> str:
            if p.yearly:
                return f"{p.starts_on:%d.%m.} – {p.ends_on:%d.%m.} " + self.tr("(every year)")
            if p.starts_on == p.ends_on:
                return short_date(p.starts_on)
            return f"{short_date(p.starts_on)} – {short_date(p.ends_on)}"

        self.model: TableModel[ClosedPeriodInfo] = TableModel(
            [
                Column(self.tr("When"), when, lambda p: (p.yearly, p.starts_on)),
                Column(self.tr("Reason"), lambda p: p.reason),
            ],
            self,
        )
        self.model.set_rows(periods)
        view = QTableView()
        view.setObjectName("closed-periods")
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.resizeColumnsToContents()
        note = QLabel(
            self.tr(
                "Public holidays are known already. Add the days the municipality is closed "
                "beyond them: school holidays, the days between Christmas and New Year, "
                "Grundlovsdag if offices close."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(view)
        self.error = QLabel()
        self.error.setObjectName("form-error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        if can_edit:
            self.first = date_edit(today or date.today())
            self.last = date_edit(today or date.today())
            self.reason = line_edit(MAX_REASON, placeholder=self.tr("Reason, e.g. Vinterferie"))
            self.yearly = QCheckBox(self.tr("Every year"))
            self.add_button = QPushButton(self.tr("Add"))
            self.add_button.clicked.connect(self._on_add)
            row = QHBoxLayout()
            for widget in (self.first, QLabel("–"), self.last, self.reason, self.yearly):
                row.addWidget(widget)
            row.addWidget(self.add_button)
            layout.addLayout(row)
            layout.addWidget(self.error)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def _on_add(self) -> None:
        try:
            result = self._add(
                pydate(self.first.date()),
                pydate(self.last.date()),
                self.reason.text(),
                self.yearly.isChecked(),
            )
        except ServiceError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()
        self.model.set_rows(result)
        self.reason.clear()


class SeriesDialog(QDialog):
    """The series and their rhythm; change one from a date, or export it to a calendar."""

    def __init__(
        self,
        found: Sequence[SeriesInfo],
        *,
        change: Callable[[SeriesInfo], Sequence[SeriesInfo] | None] | None,
        export: Callable[[SeriesInfo], None],
        create: Callable[[], Sequence[SeriesInfo] | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Meeting series"))
        fit_to_screen(self, QSize(980, 480))
        policy = {
            "move": self.tr("move to the next working day"),
            "skip": self.tr("skip"),
        }
        self.model: TableModel[SeriesInfo] = TableModel(
            [
                Column(self.tr("Series"), lambda s: s.title),
                Column(
                    self.tr("Rhythm"),
                    lambda s: f"{describe_rule(s.rule, language())}, {clock(s.start_time)}",
                ),
                Column(self.tr("From"), lambda s: short_date(s.starts_on), lambda s: s.starts_on),
                Column(
                    self.tr("Until"),
                    lambda s: short_date(s.ends_on) if s.ends_on else "",
                    lambda s: s.ends_on or date.max,
                ),
                Column(self.tr("On holidays"), lambda s: policy[s.holiday_policy.value]),
                Column(self.tr("Place"), lambda s: s.place),
            ],
            self,
        )
        self.model.set_rows(found)
        self.view = QTableView()
        self.view.setObjectName("series")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        if found:
            self.view.selectRow(0)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New series …"))
        self.new_button.setVisible(create is not None)
        if create is not None:
            self.new_button.clicked.connect(lambda: self._refresh(create()))
        buttons.addWidget(self.new_button)
        self.change_button = QPushButton(self.tr("Change rhythm from a date …"))
        self.change_button.setVisible(change is not None)
        self.export_button = QPushButton(self.tr("Export to calendar (.ics) …"))
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        if change is not None:
            self.change_button.clicked.connect(lambda: self._change(change))
        self.export_button.clicked.connect(lambda: self._export(export))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def selected(self) -> SeriesInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _refresh(self, result: Sequence[SeriesInfo] | None) -> None:
        if result is not None:
            self.model.set_rows(result)

    def _export(self, export: Callable[[SeriesInfo], None]) -> None:
        chosen = self.selected()
        if chosen is not None:
            export(chosen)

    def _change(self, change: Callable[[SeriesInfo], Sequence[SeriesInfo] | None]) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        result = change(chosen)
        if result is not None:
            self.model.set_rows(result)


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


class NewSeriesDialog(FormDialog):
    """A new recurring meeting: type, district, rhythm, time, place, holiday policy and the
    standing participants invited to every meeting of it."""

    def __init__(
        self,
        types: Sequence[MeetingTypeInfo],
        districts: Sequence[DistrictInfo],
        people: Sequence[PersonInfo],
        roles: Sequence[RoleInfo],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New meeting series"))
        fit_to_screen(self, QSize(620, 600))
        self._people, self._roles = people, roles
        self.type = compact(QComboBox())
        for t in types:
            if not t.ad_hoc:  # an ad hoc type (FTM) is booked for one child, not in a series
                self.type.addItem(t.name, t)
        self.district = compact(QComboBox())
        for d in districts:
            self.district.addItem(d.name, d.code)
        self.title = line_edit(MAX_TITLE, placeholder=self.tr("(from type and district)"))
        self.weekday = QComboBox()
        for name in DA_WEEKDAYS[:5] if language() == "da" else EN_WEEKDAYS[:5]:
            self.weekday.addItem(name)
        self.weekday.setCurrentIndex(1)
        self.interval = QSpinBox()
        self.interval.setRange(1, 8)
        self.interval.setValue(2)
        self.interval.setSuffix(self.tr(" week(s)"))
        self.start_time = time_edit(time(13, 0))
        self.duration = QSpinBox()
        self.duration.setRange(15, 480)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" min"))
        self.first_day = date_edit(today)
        self.place = line_edit(MAX_PLACE)
        self.policy = QComboBox()
        self.policy.addItem(self.tr("move to the next working day"), "move")
        self.policy.addItem(self.tr("skip"), "skip")
        self.preview = QLabel()
        self.preview.setWordWrap(True)

        self.standing: list[tuple[PersonInfo, RoleInfo]] = []
        self.standing_model: TableModel[tuple[PersonInfo, RoleInfo]] = TableModel(
            [
                Column(self.tr("Name"), lambda pr: pr[0].name),
                Column(self.tr("Role"), lambda pr: pr[1].name),
                Column(self.tr("Organisation"), lambda pr: pr[0].organisation),
            ],
            self,
        )
        self.standing_view = QTableView()
        self.standing_view.setModel(self.standing_model)
        self.standing_view.verticalHeader().hide()
        self.standing_view.horizontalHeader().setStretchLastSection(True)
        self.standing_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.standing_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        add = QPushButton(self.tr("Add …"))
        add.clicked.connect(self._add_person)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_person)
        people_buttons = QHBoxLayout()
        people_buttons.addWidget(add)
        people_buttons.addWidget(remove)
        people_buttons.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("Meeting type:"), self.type)
        form.addRow(self.tr("District:"), self.district)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Weekday:"), self.weekday)
        form.addRow(self.tr("Every:"), self.interval)
        form.addRow(self.tr("Time:"), self.start_time)
        form.addRow(self.tr("Length:"), self.duration)
        form.addRow(self.tr("First day:"), self.first_day)
        form.addRow(self.tr("Place:"), self.place)
        form.addRow(self.tr("On holidays:"), self.policy)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(QLabel(self.tr("Standing participants:")))
        layout.addWidget(self.standing_view, 1)
        layout.addLayout(people_buttons)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Create")))

        self.type.currentIndexChanged.connect(self._type_changed)
        for signal in (
            self.weekday.currentIndexChanged,
            self.interval.valueChanged,
            self.start_time.timeChanged,
            self.first_day.dateChanged,
        ):
            signal.connect(self._update)
        self._type_changed()

    def _type_changed(self) -> None:
        t: MeetingTypeInfo | None = self.type.currentData()
        self.district.setEnabled(bool(t and t.has_district))
        if t is not None:
            self.duration.setValue(t.default_duration_minutes)
        self._update()

    def _update(self) -> None:
        rule, at, first = self.rule(), self.time(), pydate(self.first_day.date())
        self.preview.setText(
            self.tr("%1, %2, from %3.")
            .replace("%1", describe_rule(rule, language()).capitalize())
            .replace("%2", clock(at))
            .replace("%3", long_date(first))
        )

    def _add_person(self) -> None:
        dialog = ParticipantDialog(self._people, self._roles, self)
        if dialog.exec() != ParticipantDialog.DialogCode.Accepted:
            return
        person_id, role_code = dialog.value()
        person = next((p for p in self._people if p.id == person_id), None)
        role = next((r for r in self._roles if r.code == role_code), None)
        if person is None or role is None or any(p.id == person.id for p, _ in self.standing):
            return
        self.standing.append((person, role))
        self.standing_model.set_rows(self.standing)

    def _remove_person(self) -> None:
        rows = self.standing_view.selectionModel().selectedRows()
        if rows:
            del self.standing[rows[0].row()]
            self.standing_model.set_rows(self.standing)

    def rule(self) -> str:
        return weekly_rule(self.weekday.currentIndex(), self.interval.value())

    def time(self) -> time:
        q = self.start_time.time()
        return time(q.hour(), q.minute())

    def value(self) -> NewSeries:
        t: MeetingTypeInfo = self.type.currentData()
        return NewSeries(
            type_code=t.code,
            rule=self.rule(),
            starts_on=pydate(self.first_day.date()),
            start_time=self.time(),
            district=self.district.currentData() if t.has_district else None,
            title=self.title.text().strip(),
            duration_minutes=self.duration.value(),
            place=self.place.text().strip(),
            holiday_policy=HolidayPolicy(self.policy.currentData()),
            standing=tuple((p.id, r.code) for p, r in self.standing),
        )
