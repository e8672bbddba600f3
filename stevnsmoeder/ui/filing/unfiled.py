"""The start page's list of what is not yet filed in ESDH: approved minutes and children's
extracts, oldest meeting first, with the days since the meeting (notatpligt: as soon as
possible). For those who may approve minutes (services.filing.unfiled); a document waiting
more than a week is shown in bold. Double-click or Enter opens *Arkivér i ESDH …* for its
meeting. Hidden for everyone else."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import short_date
from stevnsmoeder.model.filing import UnfiledDocument
from stevnsmoeder.services import filing
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.services.permissions import Permission, allowed
from stevnsmoeder.ui.common.models import ROW_ROLE, Column, TableModel
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.filing.filing_dialog import FilingDialog, document_label, status_text

SHOWN = 50  # the oldest documents waiting; the heading counts them all
LATE_DAYS = 7  # longer than this since the meeting: shown in bold
LATE = QColor("#8a1c00")


class UnfiledSection(QWidget):
    """A heading and a table of what waits to be filed, oldest meeting first."""

    def __init__(
        self, ctx: ServiceContext, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unfiled")
        self.ctx = ctx
        self.prompts = prompts
        self.heading = QLabel()
        self.heading.setObjectName("unfiled-heading")
        hint = self.tr("Double-click to file the meeting's documents in ESDH.")

        def late(u: UnfiledDocument) -> bool:
            return u.days > LATE_DAYS

        self.model: TableModel[UnfiledDocument] = TableModel(
            [
                Column(self.tr("Meeting day"), lambda u: short_date(u.day), lambda u: u.starts_at),
                Column(
                    self.tr("Waited"),
                    lambda u: self.tr("%n day(s)", "", max(0, u.days)),
                    lambda u: u.days,
                    align_right=True,
                    foreground=lambda u: LATE if late(u) else None,
                    bold=late,
                ),
                Column(self.tr("Meeting"), lambda u: u.meeting_title, tooltip=lambda _u: hint),
                Column(
                    self.tr("Document"),
                    lambda u: document_label(u.kind, u.case_reference, u.child_initials),
                ),
                Column(self.tr("State"), lambda u: status_text(u.status)),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setObjectName("unfiled-list")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.last_dialog: FilingDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        self.setVisible(allowed(ctx, Permission.EDIT_MEETINGS))  # filled by reload()

    def reload(self) -> None:
        if not allowed(self.ctx, Permission.EDIT_MEETINGS):
            return
        try:
            found = filing.unfiled(self.ctx, limit=SHOWN)
            total = filing.unfiled_count(self.ctx) if len(found) == SHOWN else len(found)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Start"), str(exc))
            found, total = [], 0
        self.model.set_rows(found)  # oldest first, as the service gives them
        word = self.tr("Not yet filed in ESDH")
        count = str(total) if total else self.tr("nothing")
        if total > len(found):
            count += " " + self.tr("(the oldest %1 shown)").replace("%1", str(len(found)))
        self.heading.setText(f"<b>{word}</b> – {count}")
        self.view.setVisible(bool(found))

    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, UnfiledDocument):
            return
        dialog = FilingDialog(self.ctx, row.meeting_id, row.meeting_title, self.prompts, self)
        self.last_dialog = dialog
        dialog.open()
