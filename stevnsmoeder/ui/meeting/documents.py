"""The meeting window's documents: the agenda, minutes and extracts previewed for print and
save (and as PDF/A), and filing in ESDH."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QStackedWidget

from stevnsmoeder.services import documents, filing
from stevnsmoeder.ui.common.document_preview import DocumentPreview
from stevnsmoeder.ui.filing.filing_dialog import FilingDialog
from stevnsmoeder.ui.live.live_view import LiveView
from stevnsmoeder.ui.meeting.agenda_editing import AgendaEditing


class MeetingDocuments(AgendaEditing):
    """The meeting window's part that prints and files (the window provides the rest)."""

    live_view: LiveView | None
    stack: QStackedWidget
    last_preview: DocumentPreview
    last_filing: FilingDialog

    def preview(
        self,
        kind: str,
        anonymised: bool,
        title: str,
        case_id: uuid.UUID | None = None,
    ) -> DocumentPreview:
        """Build the document off the GUI thread and show it with print and save."""
        if self.live_view is not None:
            self.live_view.flush()  # print what was typed
        ctx, meeting_id = self.ctx, self.meeting_id

        def build() -> tuple[bytes, int, str]:
            done = documents.render(ctx, meeting_id, kind, anonymised=anonymised, case_id=case_id)
            return done.data, done.pages, done.file_name

        def archival() -> tuple[bytes, str]:
            made = filing.archival_meeting_document(
                ctx, meeting_id, kind, case_id=case_id, anonymised=anonymised
            )
            return made.data, made.file_name

        dialog = DocumentPreview(
            f"{title} – {self.plan.summary.title}", build, self.prompts, self, archival
        )
        self.last_preview = dialog
        dialog.open()
        return dialog

    def preview_extract(self, anonymised: bool = False) -> None:
        item = self.selected()
        if self.live_view is not None and self.stack.currentWidget() is self.live_view:
            item = self.live_view.selected_item() or item  # the row clicked in the minutes
        if item is None or item.case_id is None:
            self.prompts.info(self, self.tr("Print"), self.tr("Choose a child's item first."))
            return
        title = self.tr("Extract, anonymised") if anonymised else self.tr("Extract")
        self.preview(documents.EXTRACT, anonymised, title, case_id=item.case_id)

    def file_in_esdh(self) -> FilingDialog:
        """*Arkivér i ESDH …*: the approved minutes and the children's extracts."""
        dialog = FilingDialog(
            self.ctx, self.meeting_id, self.plan.summary.title, self.prompts, self
        )
        self.last_filing = dialog
        dialog.open()
        return dialog
