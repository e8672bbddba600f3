"""The item's free-text minutes: a box for every field of the registry
(``domain.minutes_fields``). The common fields stand on their own; the others are grouped by
section, and a group shows at the meeting types whose flags name its section. Forvisitation's
group also records the provision its preliminary decision rests on and creates its next
step. The boxes save themselves as they are typed (the view's autosaver); what is typed is
announced by ``typed``."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
)

from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.domain.minutes_fields import MinutesField, MinutesSection
from stevnsmoeder.model.minutes import ItemMinutesView
from stevnsmoeder.services import minutes
from stevnsmoeder.ui.common.forms import DATE_FORMAT, pydate, qdate
from stevnsmoeder.ui.live.host import ItemHost
from stevnsmoeder.ui.live.widgets import on_enter

# The minimum height and the share of spare room of a free-text box (others: 50 px, 1).
BOX_SIZES = {"notes": (140, 3), "decision": (60, 1)}
PRELIMINARY_BASES = ("bl20", "bl5", "bl30", "bl133")


class MinutesFields(QObject):
    typed = Signal(str, object)  # the field's name, its box

    def __init__(self, host: ItemHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._loading = False
        self.boxes: dict[str, QPlainTextEdit] = {}
        self.common = [self._box(f) for f in minutes_fields.in_section(MinutesSection.COMMON)]
        self.sections: dict[MinutesSection, QGroupBox] = {}
        for section in MinutesSection:
            if section is MinutesSection.COMMON:
                continue
            group = QGroupBox(str(minutes_fields.SECTION_TITLES[section]))
            group.setObjectName(f"section-{section.value}")
            rows = QFormLayout(group)
            for f in minutes_fields.in_section(section):
                rows.addRow(f"{f.prompt}:", self._box(f))
            self.sections[section] = group
        self.ftm_box = self.sections[MinutesSection.FAMILY_ROUNDS]
        self.forvisitation_box = self.sections[MinutesSection.PRELIMINARY_DECISION]

        # forvisitation: the provision, and the next step with its deadline
        self.preliminary_basis = QComboBox()
        self.preliminary_basis.setObjectName("preliminary-basis")
        self.preliminary_basis.currentIndexChanged.connect(self._preliminary_basis_changed)
        self.next_step = QComboBox()
        self.next_step.addItem(
            self.tr("Conversation with the child (Barnets lov § 5)"), "conversation"
        )
        self.next_step.addItem(
            self.tr("Child-welfare investigation (Barnets lov §§ 20–23)"), "investigation"
        )
        self.next_step_due = QDateEdit()
        self.next_step_due.setDisplayFormat(DATE_FORMAT)
        self.next_step_due.setCalendarPopup(True)
        self.next_step_add = QPushButton(self.tr("Create the next step"))
        self.next_step_add.clicked.connect(self._add_next_step)
        # Enter in the choice or its deadline creates the step (keyboard only).
        on_enter(self.next_step, self._add_next_step)
        on_enter(self.next_step_due, self._add_next_step)
        form = self.forvisitation_box.layout()
        assert isinstance(form, QFormLayout)
        form.addRow(self.tr("Legal basis:"), self.preliminary_basis)
        step_row = QHBoxLayout()
        step_row.addWidget(self.next_step, 1)
        step_row.addWidget(self.next_step_due)
        step_row.addWidget(self.next_step_add)
        form.addRow(self.tr("Next step:"), step_row)
        self._references: list[tuple[str, str]] | None = None

    def _box(self, field: MinutesField) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setObjectName(field.name)
        box.setPlaceholderText(field.placeholder)
        box.setMinimumHeight(BOX_SIZES.get(field.name, (50, 1))[0])
        box.setTabChangesFocus(True)
        box.textChanged.connect(lambda f=field.name, b=box: self.typed.emit(f, b))
        self.boxes[field.name] = box
        return box

    @staticmethod
    def stretch(box: QPlainTextEdit) -> int:
        """A common box's share of the spare height."""
        return BOX_SIZES.get(box.objectName(), (50, 1))[1]

    def show_item(
        self,
        view: ItemMinutesView,
        sections: Collection[MinutesSection],
        child_item: bool,
        meeting_day: date,
    ) -> None:
        """The sections of this meeting type (for a child's item), and forvisitation's
        provision and next step. (The text boxes are filled by the view's autosaver.)"""
        self._loading = True
        try:
            self.next_step_due.setDate(qdate(meeting_day).addDays(14))
            for section, group in self.sections.items():
                group.setVisible(section in sections and child_item)
            if self.preliminary_basis.count() == 0:
                for code, citation in self.references():
                    self.preliminary_basis.addItem(citation, code)
            chosen = self.preliminary_basis.findText(view.legal_reference)
            self.preliminary_basis.setCurrentIndex(max(chosen, -1))
        finally:
            self._loading = False

    def set_editable(self, writable: bool) -> None:
        for box in self.boxes.values():
            box.setReadOnly(not writable)
        for widget in (
            self.preliminary_basis,
            self.next_step,
            self.next_step_due,
            self.next_step_add,
        ):
            widget.setEnabled(writable)

    def references(self) -> list[tuple[str, str]]:
        """The provisions a preliminary decision may rest on: (code, citation)."""
        if self._references is None:
            found = {
                r.code: r.citation
                for r in self.host.operations.fetch(
                    lambda: minutes.legal_references(self.host.ctx), [], quiet=True
                )
            }
            self._references = [(c, found[c]) for c in PRELIMINARY_BASES if c in found]
        return self._references

    def clear_references(self) -> None:
        self.preliminary_basis.clear()

    def _preliminary_basis_changed(self, index: int) -> None:
        item_id = self.host.shown_item
        if self._loading or item_id is None or index < 0:
            return
        code = str(self.preliminary_basis.currentData())
        if self.host.operations.run(
            lambda: minutes.set_preliminary_basis(self.host.ctx, item_id, code)
        ):
            self.host.written()

    def _add_next_step(self) -> None:
        item_id = self.host.shown_item
        if item_id is None:
            return
        due = pydate(self.next_step_due.date())
        step = str(self.next_step.currentData())
        if self.host.operations.run(
            lambda: minutes.add_next_step(self.host.ctx, item_id, step, due, None)
        ):
            self.host.written()
            self.host.refresh_minutes()
