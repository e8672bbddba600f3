"""Choosing or creating a child for an agenda item, recording a consent (and, as a step of
its own, a new custody holder), and an agenda item that is not about a child. Each dialog
validates in place and stays open with what was typed."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import long_date
from stevnsmoeder.model.cases import CaseSummary
from stevnsmoeder.services.cases import (
    MAX_CPR_TYPED,
    MAX_HOLDER_NAME,
    MAX_INSTITUTION,
    MAX_NAME,
    MAX_PSEUDONYM,
    MAX_RELATION,
    NewCase,
)
from stevnsmoeder.services.consent import MAX_DOCUMENT_REF, HolderInfo, NewConsent
from stevnsmoeder.services.planning import MAX_TITLE
from stevnsmoeder.services.reference_data import DistrictInfo, MeetingTypeInfo
from stevnsmoeder.ui.common.forms import (
    WARNING_STYLE,
    FormDialog,
    compact,
    date_edit,
    line_edit,
    ok_cancel,
    pydate,
    text_edit,
    wrapped,
)
from stevnsmoeder.ui.common.models import ROW_ROLE, FilterProxy, TableModel, case_columns
from stevnsmoeder.ui.common.screen import fit_to_screen


class ChildItemDialog(FormDialog):
    """Which child, what about, and how long: the agenda item for one child.

    The child is chosen from the case register (a closed case only when the user ticks that
    it is reopened), or registered here as a named or an anonymous case; a new case starts in
    the meeting's ``district``. The caller's ``submit`` does it all in one service call."""

    NEW_NAMED = "new-named"
    NEW_ANONYMOUS = "new-anonymous"

    def __init__(
        self,
        found: Sequence[CaseSummary],
        districts: Sequence[DistrictInfo],
        *,
        screen_safe: bool,
        district: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a child to the agenda"))
        fit_to_screen(self, QSize(820, 640))
        self.choice: str | CaseSummary | None = None
        self.model: TableModel[CaseSummary] = TableModel(case_columns(lambda: screen_safe), self)
        self.model.set_rows(found)
        self.proxy = FilterProxy(self.model, self)
        self.view = QTableView()
        self.view.setObjectName("case-picker")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resizeColumnsToContents()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Find a child by name, case no. or school …"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view.doubleClicked.connect(lambda _index: self.accept())
        self.view.selectionModel().selectionChanged.connect(self._chosen)
        self.closed_note = QLabel()
        self.closed_note.setObjectName("closed-case")
        self.closed_note.setStyleSheet(WARNING_STYLE)
        self.closed_note.setWordWrap(True)
        self.reopen = QCheckBox(self.tr("Reopen the case and put it on the agenda"))

        self.mode = QComboBox()
        self.mode.addItem(self.tr("A child in the case register"), "existing")
        self.mode.addItem(self.tr("A new named child"), self.NEW_NAMED)
        self.mode.addItem(self.tr("A new anonymous case (pseudonym only)"), self.NEW_ANONYMOUS)
        self.mode.currentIndexChanged.connect(self._mode_changed)

        # a new case
        self.first_name = line_edit(MAX_NAME)
        self.last_name = line_edit(MAX_NAME)
        self.cpr = line_edit(MAX_CPR_TYPED, placeholder=self.tr("DDMMYY-SSSS (optional)"))
        self.pseudonym = line_edit(MAX_PSEUDONYM, placeholder=self.tr("e.g. Girl, 9, 3rd grade"))
        self.institution = line_edit(MAX_INSTITUTION)
        self.district = compact(QComboBox())
        self.district.addItem("", None)
        for d in districts:
            self.district.addItem(d.name, d.code)
        if district:  # the meeting's district, for a new child from it
            self.district.setCurrentIndex(max(0, self.district.findText(district)))
        self.holder = line_edit(MAX_HOLDER_NAME)
        self.holder_relation = line_edit(
            MAX_RELATION, placeholder=self.tr("mother, father, guardian")
        )
        self.new_form = QWidget()
        new_layout = QFormLayout(self.new_form)
        new_layout.addRow(self.tr("First name:"), self.first_name)
        new_layout.addRow(self.tr("Last name:"), self.last_name)
        new_layout.addRow(self.tr("CPR:"), self.cpr)
        new_layout.addRow(self.tr("Pseudonym:"), self.pseudonym)
        new_layout.addRow(self.tr("School/institution:"), self.institution)
        new_layout.addRow(self.tr("District:"), self.district)
        new_layout.addRow(self.tr("Custody holder:"), self.holder)
        new_layout.addRow(self.tr("Relation:"), self.holder_relation)
        self._rows = new_layout

        self.title = line_edit(MAX_TITLE, self.tr("Concern"))
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 240)
        self.minutes.setValue(20)
        self.minutes.setSuffix(self.tr(" min"))
        item_form = QFormLayout()
        item_form.addRow(self.tr("Item title:"), self.title)
        item_form.addRow(self.tr("Time box:"), self.minutes)
        hint = QLabel(self.tr("The title is printed on the agenda: never the child's name."))
        hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.mode)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.closed_note)
        layout.addWidget(self.reopen)
        layout.addWidget(self.new_form)
        layout.addLayout(item_form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Add")))
        self._mode_changed()

    def _mode_changed(self) -> None:
        mode = self.mode.currentData()
        existing = mode == "existing"
        self.filter.setVisible(existing)
        self.view.setVisible(existing)
        self.new_form.setVisible(not existing)
        anonymous = mode == self.NEW_ANONYMOUS
        for widget in (
            self.first_name,
            self.last_name,
            self.cpr,
            self.holder,
            self.holder_relation,
        ):
            widget.setVisible(not anonymous)
            label = self._rows.labelForField(widget)
            if label is not None:
                label.setVisible(not anonymous)
        self.pseudonym.setVisible(anonymous)
        label = self._rows.labelForField(self.pseudonym)
        if label is not None:
            label.setVisible(anonymous)
        self._chosen()

    def _chosen(self, *_args: object) -> None:
        """A closed case is said to be closed, and since when, as soon as it is chosen."""
        case = self.selected_case() if self.mode.currentData() == "existing" else None
        closed = case is not None and case.closed_on is not None
        if case is not None and case.closed_on is not None:
            self.closed_note.setText(
                self.tr("The case %1 was closed on %2.")
                .replace("%1", case.reference)
                .replace("%2", long_date(case.closed_on))
            )
        self.closed_note.setVisible(closed)
        self.reopen.setVisible(closed)
        if not closed:
            self.reopen.setChecked(False)

    def selected_case(self) -> CaseSummary | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def reopen_case(self) -> bool:
        """Whether the chosen (closed) case is reopened to go on the agenda."""
        return self.reopen.isChecked() and not self.reopen.isHidden()

    def problem(self) -> str | None:
        mode = self.mode.currentData()
        if mode == "existing":
            case = self.selected_case()
            if case is None:
                return self.tr("Choose a child in the list.")
            if case.closed_on is not None and not self.reopen_case():
                return self.tr(
                    "The case is closed: tick 'Reopen the case' to put it on the agenda, "
                    "or choose another child."
                )
        elif mode == self.NEW_ANONYMOUS and not self.pseudonym.text().strip():
            return self.tr("Give the anonymous case a pseudonym.")
        elif mode == self.NEW_NAMED and not self.first_name.text().strip():
            return self.tr("Give the child's first name.")
        if not self.title.text().strip():
            return self.tr("Give the item a title.")
        return None

    def new_case(self) -> NewCase | None:
        mode = self.mode.currentData()
        if mode == "existing":
            return None
        holders: tuple[tuple[str, str], ...] = ()
        if mode == self.NEW_NAMED and self.holder.text().strip():
            holders = ((self.holder.text(), self.holder_relation.text()),)
        return NewCase(
            anonymous=mode == self.NEW_ANONYMOUS,
            first_name=self.first_name.text() if mode == self.NEW_NAMED else "",
            last_name=self.last_name.text() if mode == self.NEW_NAMED else "",
            pseudonym=self.pseudonym.text() if mode == self.NEW_ANONYMOUS else "",
            cpr=self.cpr.text() if mode == self.NEW_NAMED else "",
            institution=self.institution.text(),
            district=self.district.currentData(),
            custody_holders=holders,
        )

    def item(self) -> tuple[str, int]:
        return self.title.text(), self.minutes.value()


class HolderDialog(FormDialog):
    """A new custody holder of the child: name and relation. ``submit`` registers them."""

    def __init__(self, child: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New custody holder"))
        self.name = line_edit(MAX_HOLDER_NAME)
        self.relation = line_edit(MAX_RELATION, placeholder=self.tr("mother, father, guardian"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("A custody holder of %1").replace("%1", child)))
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Relation:"), self.relation)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self.tr("Register")))

    def problem(self) -> str | None:
        if not self.name.text().strip():
            return self.tr("Give the custody holder's name.")
        return None

    def value(self) -> tuple[str, str]:
        return self.name.text(), self.relation.text()


class ConsentDialog(FormDialog):
    """A custody holder's consent: which of the child's registered custody holders gave it,
    what it covers, to whom, from and until when, and at which kinds of meeting. A custody
    holder not yet registered is added with its own button and form (``add_holder``), never
    by typing a new name here."""

    def __init__(
        self,
        child: str,
        holders: Sequence[HolderInfo],
        types: Sequence[MeetingTypeInfo],
        this_type: str,
        today: date,
        parent: QWidget | None = None,
        *,
        add_holder: Callable[[str, str], HolderInfo] | None = None,
        screen_safe: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record consent"))
        self._child = child
        self._today = today
        self._add_holder = add_holder
        self._screen_safe = screen_safe
        self.added: list[HolderInfo] = []  # holders registered from here
        self.holder = compact(QComboBox())
        self.holder.setObjectName("given-by")
        for h in holders:
            self._add_choice(h)
        self.new_holder = QPushButton(self.tr("New custody holder …"))
        self.new_holder.setVisible(add_holder is not None)
        self.new_holder.clicked.connect(self.register_holder)
        given_by = QHBoxLayout()
        given_by.addWidget(self.holder, 1)
        given_by.addWidget(self.new_holder)
        self.scope = text_edit(self.tr("What may be discussed, in the holder's words"))
        self.scope.setFixedHeight(70)
        self.recipients = QLineEdit()
        self.recipients.setPlaceholderText(self.tr("e.g. school, PPR and the health nurse"))
        self.given = date_edit(today)
        self.expires = date_edit(today + timedelta(days=365))
        self.no_expiry = QCheckBox(self.tr("No expiry date"))
        self.no_expiry.toggled.connect(lambda on: self.expires.setEnabled(not on))
        expiry = QHBoxLayout()
        expiry.addWidget(self.expires)
        expiry.addWidget(self.no_expiry)
        self.type_boxes: dict[str, QCheckBox] = {}
        types_box = QVBoxLayout()
        for t in types:
            box = QCheckBox(t.name)
            box.setChecked(t.code == this_type)
            self.type_boxes[t.code] = box
            types_box.addWidget(box)
        self.document = line_edit(
            MAX_DOCUMENT_REF, placeholder=self.tr("ESDH reference (optional)")
        )
        form = QFormLayout(self)
        form.addRow(wrapped(self.tr("Consent about %1").replace("%1", child)))
        form.addRow(self.tr("Given by:"), given_by)
        form.addRow(self.tr("Covers:"), self.scope)
        form.addRow(self.tr("Recipients:"), self.recipients)
        form.addRow(self.tr("Given on:"), self.given)
        form.addRow(self.tr("Expires:"), expiry)
        form.addRow(self.tr("Meetings:"), types_box)
        form.addRow(self.tr("Document:"), self.document)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self.tr("Record")))

    def _add_choice(self, holder: HolderInfo) -> None:
        label = holder.label
        if self._screen_safe:  # no family names on a shared screen
            label = holder.relation or self.tr("custody holder")
        self.holder.addItem(label, holder)

    def register_holder(self) -> HolderInfo | None:
        """The explicit step: a small form of its own registers a new custody holder, who is
        then chosen as the one who gave the consent."""
        if self._add_holder is None:
            return None
        add = self._add_holder
        dialog = HolderDialog(self._child, self)
        self.holder_dialog = dialog
        registered: list[HolderInfo] = []
        dialog.submit = lambda: registered.append(add(*dialog.value()))
        if dialog.exec() != HolderDialog.DialogCode.Accepted or not registered:
            return None
        self.added.append(registered[0])
        self._add_choice(registered[0])
        self.holder.setCurrentIndex(self.holder.count() - 1)
        return registered[0]

    def chosen_holder(self) -> HolderInfo | None:
        holder = self.holder.currentData()
        return holder if isinstance(holder, HolderInfo) else None

    def problem(self) -> str | None:
        if self.chosen_holder() is None:
            return self.tr(
                "Choose the custody holder who gave the consent; register a new one with "
                "'New custody holder …'."
            )
        if not self.scope.toPlainText().strip():
            return self.tr("Describe what the consent covers.")
        if not self.recipients.text().strip():
            return self.tr("Name who may receive the information.")
        given = pydate(self.given.date())
        if given > self._today:
            return self.tr("A consent cannot be given in the future.")
        if not self.no_expiry.isChecked() and pydate(self.expires.date()) < given:
            return self.tr("The consent cannot expire before it is given.")
        if not any(box.isChecked() for box in self.type_boxes.values()):
            return self.tr("Choose the kinds of meeting the consent covers.")
        return None

    def value(self) -> NewConsent:
        holder = self.chosen_holder()
        holder_id: uuid.UUID | None = holder.id if holder else None
        return NewConsent(
            holder_name=holder.name if holder else "",
            holder_relation="",
            scope=self.scope.toPlainText(),
            recipients=self.recipients.text(),
            given_on=pydate(self.given.date()),
            expires_on=None if self.no_expiry.isChecked() else pydate(self.expires.date()),
            meeting_types=tuple(code for code, box in self.type_boxes.items() if box.isChecked()),
            document_ref=self.document.text(),
            holder_id=holder_id,
        )


class AddItemDialog(FormDialog):
    """An agenda item that is not about a child: information or a standing item."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add agenda item"))
        self.title = line_edit(MAX_TITLE)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 240)
        self.minutes.setValue(10)
        self.minutes.setSuffix(self.tr(" min"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Information"), "information")
        self.kind.addItem(self.tr("Standing item"), "standing")
        form = QFormLayout(self)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Time box:"), self.minutes)
        form.addRow(self.error)
        form.addRow(ok_cancel(self, self.tr("Add")))

    def problem(self) -> str | None:
        return None if self.title.text().strip() else self.tr("Give the item a title.")

    def value(self) -> tuple[str, int, str]:
        return self.title.text(), self.minutes.value(), str(self.kind.currentData())
