"""The start page's list of what is not yet filed in ESDH: approved minutes and children's
extracts, oldest meeting first, with the days since the meeting (notatpligt: as soon as
possible). For those who may approve minutes (services.filing.unfiled); a document waiting
more than a week is shown in bold. Double-click or Enter opens *Arkivér i ESDH …* for its
meeting. Hidden for everyone else."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from stevnsmoeder.domain.dates import short_date
from stevnsmoeder.model.filing import UnfiledDocument
from stevnsmoeder.services import filing
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.ui.common.backlog import Backlog, BacklogSection
from stevnsmoeder.ui.common.models import Column
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.filing.filing_dialog import FilingDialog, document_label, status_text

LATE_DAYS = 7  # longer than this since the meeting: shown in bold
LATE = QColor("#8a1c00")


def _read(ctx: ServiceContext, limit: int) -> Backlog[UnfiledDocument]:
    found = filing.unfiled(ctx, limit=limit)
    return found, filing.unfiled_count(ctx) if len(found) == limit else len(found)


def _late(u: UnfiledDocument) -> bool:
    return u.days > LATE_DAYS


class UnfiledSection(BacklogSection[UnfiledDocument]):
    """A heading and a table of what waits to be filed, oldest meeting first."""

    def __init__(
        self, ctx: ServiceContext, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        hint = QCoreApplication.translate(
            "UnfiledSection", "Double-click to file the meeting's documents in ESDH."
        )
        columns: list[Column[UnfiledDocument]] = [
            Column(
                QCoreApplication.translate("UnfiledSection", "Meeting day"),
                lambda u: short_date(u.day),
                lambda u: u.starts_at,
            ),
            Column(
                QCoreApplication.translate("UnfiledSection", "Waited"),
                lambda u: QCoreApplication.translate(
                    "UnfiledSection", "%n day(s)", "", max(0, u.days)
                ),
                lambda u: u.days,
                align_right=True,
                foreground=lambda u: LATE if _late(u) else None,
                bold=_late,
            ),
            Column(
                QCoreApplication.translate("UnfiledSection", "Meeting"),
                lambda u: u.meeting_title,
                tooltip=lambda _u: hint,
            ),
            Column(
                QCoreApplication.translate("UnfiledSection", "Document"),
                lambda u: document_label(u.kind, u.case_reference, u.child_initials),
            ),
            Column(
                QCoreApplication.translate("UnfiledSection", "State"),
                lambda u: status_text(u.status),
            ),
        ]
        super().__init__(
            ctx,
            prompts,
            "unfiled",
            columns,
            word=QCoreApplication.translate("UnfiledSection", "Not yet filed in ESDH"),
            none_word=QCoreApplication.translate("UnfiledSection", "nothing"),
            read=_read,
            open_row=self._file,
            parent=parent,
        )
        self.last_dialog: FilingDialog | None = None

    def _file(self, row: UnfiledDocument) -> None:
        dialog = FilingDialog(self.ctx, row.meeting_id, row.meeting_title, self.prompts, self)
        self.last_dialog = dialog
        dialog.open()
