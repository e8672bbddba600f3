"""Choosing or creating a child for an agenda item, and recording a consent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.services.cases import CaseSummary, NewCase
from stevnsmoeder.services.consent import NewConsent
from stevnsmoeder.services.reference_data import DistrictInfo, MeetingTypeInfo
from stevnsmoeder.ui.forms import DATE_FORMAT, compact, ok_cancel, pydate, qdate, wrapped
from stevnsmoeder.ui.models import ROW_ROLE, FilterProxy, TableModel, case_columns
from stevnsmoeder.ui.screen import fit_to_screen


class ChildItemDialog(QDialog):
    """Which child, what about, and how long: the agenda item for one child.

    The child is chosen from the case register, or created here as a named or an anonymous
    case (the caller creates it through the case service)."""

    NEW_NAMED = "new-named"
    NEW_ANONYMOUS = "new-anonymous"

    def __init__(
        self,
        found: Sequence[CaseSummary],
        districts: Sequence[DistrictInfo],
        *,
        screen_safe: bool,
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

        self.mode = QComboBox()
        self.mode.addItem(self.tr("A child in the case register"), "existing")
        self.mode.addItem(self.tr("A new named child"), self.NEW_NAMED)
        self.mode.addItem(self.tr("A new anonymous case (pseudonym only)"), self.NEW_ANONYMOUS)
        self.mode.currentIndexChanged.connect(self._mode_changed)

        # a new case
        self.first_name = QLineEdit()
        self.last_name = QLineEdit()
        self.cpr = QLineEdit()
        self.cpr.setPlaceholderText(self.tr("DDMMYY-SSSS (optional)"))
        self.pseudonym = QLineEdit()
        self.pseudonym.setPlaceholderText(self.tr("e.g. Girl, 9, 3rd grade"))
        self.institution = QLineEdit()
        self.district = compact(QComboBox())
        self.district.addItem("", None)
        for d in districts:
            self.district.addItem(d.name, d.code)
        self.holder = QLineEdit()
        self.holder_relation = QLineEdit()
        self.holder_relation.setPlaceholderText(self.tr("mother, father, guardian"))
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

        self.title = QLineEdit(self.tr("Concern"))
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
        layout.addWidget(self.new_form)
        layout.addLayout(item_form)
        layout.addWidget(hint)
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

    def selected_case(self) -> CaseSummary | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

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


class ConsentDialog(QDialog):
    """A custody holder's consent: who gave it, what it covers, to whom, from and until when,
    and at which kinds of meeting."""

    def __init__(
        self,
        child: str,
        holders: Sequence[str],
        types: Sequence[MeetingTypeInfo],
        this_type: str,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record consent"))
        self.holder = compact(QComboBox())
        self.holder.setEditable(True)
        self.holder.addItems(list(holders))
        self.relation = QLineEdit()
        self.relation.setPlaceholderText(self.tr("mother, father, guardian"))
        self.scope = QPlainTextEdit()
        self.scope.setPlaceholderText(self.tr("What may be discussed, in the holder's words"))
        self.scope.setFixedHeight(70)
        self.recipients = QLineEdit()
        self.recipients.setPlaceholderText(self.tr("e.g. school, PPR and the health nurse"))
        self.given = QDateEdit(qdate(today))
        self.expires = QDateEdit(qdate(today + timedelta(days=365)))
        for edit in (self.given, self.expires):
            edit.setDisplayFormat(DATE_FORMAT)
            edit.setCalendarPopup(True)
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
        self.document = QLineEdit()
        self.document.setPlaceholderText(self.tr("ESDH reference (optional)"))
        form = QFormLayout(self)
        form.addRow(wrapped(self.tr("Consent about %1").replace("%1", child)))
        form.addRow(self.tr("Given by:"), self.holder)
        form.addRow(self.tr("Relation:"), self.relation)
        form.addRow(self.tr("Covers:"), self.scope)
        form.addRow(self.tr("Recipients:"), self.recipients)
        form.addRow(self.tr("Given on:"), self.given)
        form.addRow(self.tr("Expires:"), expiry)
        form.addRow(self.tr("Meetings:"), types_box)
        form.addRow(self.tr("Document:"), self.document)
        form.addRow(ok_cancel(self, self.tr("Record")))

    def value(self) -> NewConsent:
        return NewConsent(
            holder_name=self.holder.currentText(),
            holder_relation=self.relation.text(),
            scope=self.scope.toPlainText(),
            recipients=self.recipients.text(),
            given_on=pydate(self.given.date()),
            expires_on=None if self.no_expiry.isChecked() else pydate(self.expires.date()),
            meeting_types=tuple(code for code, box in self.type_boxes.items() if box.isChecked()),
            document_ref=self.document.text(),
        )


class AddItemDialog(QDialog):
    """An agenda item that is not about a child: information or a standing item."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add agenda item"))
        self.title = QLineEdit()
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
        form.addRow(ok_cancel(self, self.tr("Add")))

    def value(self) -> tuple[str, int, str]:
        return self.title.text(), self.minutes.value(), str(self.kind.currentData())
