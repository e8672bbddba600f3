"""The addendum dialog: a dated correction to approved minutes, about one agenda item or about
the meeting in general.

What it is about decides who reads it (services.minutes.addendum_visible): an addendum about
an item goes wherever the item goes, one about the meeting in general only to those who see
every item. So the item chosen in the minutes is the default, and "Mødet generelt" is an
explicit choice.

The correction is written in a multi-line editor as wide as the dialog; Tab leaves it (the
correction itself needs no tab characters), Enter starts a new line.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.services.planning import PlanItem
from stevnsmoeder.ui.common.forms import compact, ok_cancel


class AddendumDialog(QDialog):
    def __init__(
        self,
        items: Sequence[PlanItem],
        current: uuid.UUID | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Addendum"))
        self.about = compact(QComboBox())
        self.about.setObjectName("addendum_about")
        for item in items:
            self.about.addItem(f"{item.number}. {item.title}", item.id)
        self.about.addItem(self.tr("The meeting in general"), None)
        shown = next((row for row, item in enumerate(items) if item.id == current), None)
        self.about.setCurrentIndex(self.about.count() - 1 if shown is None else shown)
        self.text = QPlainTextEdit()
        self.text.setObjectName("addendum_text")
        self.text.setTabChangesFocus(True)
        lines = self.text.fontMetrics().lineSpacing()
        self.text.setMinimumSize(40 * self.text.fontMetrics().averageCharWidth(), 8 * lines)
        hint = QLabel(
            self.tr(
                "An addendum about an item is shown to whoever may see that item. One about "
                "the meeting in general is shown only to those who see every item: name no "
                "child in it."
            )
        )
        hint.setWordWrap(True)
        self.buttons = ok_cancel(self, self.tr("Add the addendum"))
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.text.textChanged.connect(
            lambda: self.ok.setEnabled(bool(self.text.toPlainText().strip()))
        )
        about = QFormLayout()
        about.addRow(self.tr("About:"), self.about)
        label = QLabel(self.tr("The correction, in full:"))
        label.setBuddy(self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(about)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.resize(640, 440)
        self.text.setFocus()

    def value(self) -> tuple[str, uuid.UUID | None]:
        """The text, and the item it is about (None: the meeting in general)."""
        item_id = self.about.currentData()
        return self.text.toPlainText(), item_id if isinstance(item_id, uuid.UUID) else None
