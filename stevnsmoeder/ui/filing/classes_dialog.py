"""Filer → *Arkivering i ESDH …*: the administrator's classification of the documents filed in
the case system (services.filing) — per kind of document its KLE number, handling facet and
access code, as the KLE plan changes — and the filing folder.

Each value is edited in place; what is typed is checked by the service's own rules before
anything is saved, and a problem is shown in the dialog with the field to mend focused. Only
what changed is saved (every change is logged by the service).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRegularExpression, QSize
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.model.filing import CASE_HISTORY, EXTRACT, MINUTES
from stevnsmoeder.services import filing
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ValidationError
from stevnsmoeder.ui.common.forms import FormDialog, line_edit, ok_cancel, wrapped
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen

# What can be typed on the way to a KLE number (27.24.00) and a handling facet (G01).
KLE_TYPING = QRegularExpression(r"\d{0,2}(\.\d{0,2}(\.\d{0,2})?)?")
FACET_TYPING = QRegularExpression(r"[A-Za-z]?\d{0,2}")


def kind_label(kind: str) -> str:
    labels = {
        MINUTES: QCoreApplication.translate("FilingClassesDialog", "Minutes"),
        EXTRACT: QCoreApplication.translate("FilingClassesDialog", "A child's extract"),
        CASE_HISTORY: QCoreApplication.translate("FilingClassesDialog", "Case history"),
    }
    return labels.get(kind, kind)


class ClassRow:
    """One kind of document's three fields."""

    def __init__(self, info: filing.FilingClassInfo) -> None:
        self.info = info
        self.kle = line_edit(8, info.kle_number, "27.24.00")
        self.kle.setValidator(QRegularExpressionValidator(KLE_TYPING, self.kle))
        self.facet = line_edit(3, info.facet, "G01")
        self.facet.setValidator(QRegularExpressionValidator(FACET_TYPING, self.facet))
        self.access = line_edit(filing.MAX_ACCESS_CODE, info.access_code, "Fortrolig")
        for edit, name in ((self.kle, "kle"), (self.facet, "facet"), (self.access, "access")):
            edit.setObjectName(f"{name}-{info.kind}")
        for edit, room in ((self.kle, "00.00.000"), (self.facet, "G000")):  # no wider
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance(room) + 24)
        self.label = QLabel(kind_label(info.kind))
        self.label.setBuddy(self.kle)

    def values(self) -> tuple[str, str, str]:
        return self.kle.text(), self.facet.text(), self.access.text()

    def wrong_field(self) -> QLineEdit:
        """The field the service's rules refuse first (the KLE number, the facet, the code)."""
        if not filing.KLE_NUMBER.match(self.kle.text().strip()):
            return self.kle
        if not filing.FACET.match(self.facet.text().strip().upper()):
            return self.facet
        return self.access

    def changed(self) -> bool:
        kept = filing.check_filing_class(*self.values())
        return kept != (self.info.kle_number, self.info.facet, self.info.access_code)


class FilingClassesDialog(FormDialog):
    def __init__(
        self, ctx: ServiceContext, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filing-classes-dialog")
        self.ctx = ctx
        self.prompts = prompts
        self.setWindowTitle(self.tr("Filing in ESDH"))
        fit_to_screen(self, QSize(640, 360))
        intro = wrapped(
            self.tr(
                "How each kind of document is classified when it is filed in ESDH: its KLE "
                "number (such as 27.24.00), handling facet (a letter and two digits, such as "
                "G01) and access code. Change them when the municipality's KLE plan changes."
            )
        )
        grid = QGridLayout()
        for column, heading in enumerate(
            (
                self.tr("Document"),
                self.tr("KLE number"),
                self.tr("Handling facet"),
                self.tr("Access code"),
            )
        ):
            grid.addWidget(QLabel(f"<b>{heading}</b>"), 0, column)
        self.rows: list[ClassRow] = []
        found = self.operations.fetch(lambda: filing.filing_classes(ctx), [])
        for number, info in enumerate(found, start=1):
            row = ClassRow(info)
            self.rows.append(row)
            grid.addWidget(row.label, number, 0)
            grid.addWidget(row.kle, number, 1)
            grid.addWidget(row.facet, number, 2)
            grid.addWidget(row.access, number, 3)
        grid.setColumnStretch(3, 1)

        self.saved_folder = filing.filing_folder(ctx)
        self.folder = line_edit(1000, str(self.saved_folder or ""))
        self.folder.setObjectName("filing-folder")
        self.folder.setPlaceholderText(self.tr("The ESDH import folder, e.g. a network drive"))
        self.choose_button = QPushButton(self.tr("Choose …"))
        self.choose_button.clicked.connect(self.choose_folder)
        folder_label = QLabel(self.tr("&Filing folder:"))
        folder_label.setBuddy(self.folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        for widget in (folder_label, self.folder, self.choose_button):
            widget.setVisible(filing.may_set_folder(ctx))

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(grid)
        layout.addLayout(folder_row)
        layout.addStretch(1)
        layout.addWidget(self.error)
        self.buttons = ok_cancel(self, self.tr("Save"))
        layout.addWidget(self.buttons)
        self.submit = self.save

    def choose_folder(self) -> None:
        start = Path(self.folder.text().strip() or Path.home())
        chosen = self.prompts.folder(self, self.tr("The filing folder"), start)
        if chosen is not None:
            self.folder.setText(str(chosen))

    def chosen_folder(self) -> Path | None:
        text = self.folder.text().strip()
        return Path(text) if text else None

    def problem(self) -> str | None:
        """The first field whose form is wrong, by the service's own rules (focused)."""
        for row in self.rows:
            try:
                filing.check_filing_class(*row.values())
            except ValidationError as exc:
                field = row.wrong_field()
                field.setFocus()
                field.selectAll()
                return f"{kind_label(row.info.kind)}: {exc}"
        folder = self.chosen_folder()
        if folder is not None and not folder.is_absolute():
            self.folder.setFocus()
            return self.tr("The filing folder must be a full path, such as %1.").replace(
                "%1", str(Path.home() / "ESDH")
            )
        return None

    def save(self) -> None:
        """What changed, kind by kind, then the folder (each a service call, logged)."""
        for row in self.rows:
            if row.changed():
                row.info = filing.set_filing_class(self.ctx, row.info.kind, *row.values())
        folder = self.chosen_folder()
        if folder != self.saved_folder and filing.may_set_folder(self.ctx):
            filing.set_filing_folder(self.ctx, folder)
            self.saved_folder = folder
