"""*Arkivér i ESDH …*: a meeting's approved minutes and its children's extracts written into the
filing folder as PDF/A, each with a manifest (services.filing).

The dialog lists what can be filed, each with where it stands (not filed; filed when, by whom,
which version; out of date after an addendum), and ticks what is not yet filed in its current
version: the secretary who files Tuesday's minutes on Wednesday morning presses *Arkivér* and is
done. A child's case number in ESDH can be typed beside the child's extract; it is kept on the
case. The folder is the setting, shown and changeable; a folder chosen here becomes the
setting for next time. The files are made off the GUI thread.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import LOCAL_TZ, clock, short_date
from stevnsmoeder.model.filing import (
    EXTRACT,
    MINUTES,
    FileableDocument,
    FilingReport,
    FilingState,
    FilingStatus,
)
from stevnsmoeder.services import filing
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.services.permissions import Permission, allowed
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.models import ROW_ROLE
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.common.screen import fit_to_screen
from stevnsmoeder.ui.common.worker import run_in_thread

AnyIndex = QModelIndex | QPersistentModelIndex
Key = tuple[str, uuid.UUID | None]


def document_label(kind: str, reference: str = "", initials: str = "") -> str:
    """ "Referat", or "Udskrift – S-2026-0001 (A.Ø.)": a child by case number and initials."""
    if kind == MINUTES:
        return QCoreApplication.translate("filing", "Minutes")
    child = f"{reference} ({initials})" if initials else reference
    return QCoreApplication.translate("filing", "Extract – %1").replace("%1", child)


def status_text(status: FilingStatus) -> str:
    """Where a document stands, in a few words."""
    state = status.state
    filed = status.filed
    if state is FilingState.UNTRACKED:
        return QCoreApplication.translate("filing", "Approved before filing was tracked")
    if filed is None:
        return QCoreApplication.translate("filing", "Not filed")
    at = filed.filed_at.astimezone(LOCAL_TZ)
    when = f"{short_date(at.date())} {clock(at)}"
    if state is FilingState.OUTDATED:
        return (
            QCoreApplication.translate("filing", "Out of date: version %1 filed %2, now version %3")
            .replace("%1", str(filed.version))
            .replace("%2", when)
            .replace("%3", str(status.version))
        )
    return (
        QCoreApplication.translate("filing", "Filed %1 by %2 (version %3)")
        .replace("%1", when)
        .replace("%2", filed.filed_by or "–")
        .replace("%3", str(filed.version))
    )


def short_status(status: FilingStatus) -> str:
    """The state in a word or two, for a table cell: "arkiveret (v1)", "ikke arkiveret"."""
    state = status.state
    if state is FilingState.FILED:
        return QCoreApplication.translate("filing", "filed (v%1)").replace(
            "%1", str(status.version)
        )
    if state is FilingState.OUTDATED and status.filed is not None:
        return (
            QCoreApplication.translate("filing", "v%1 filed, now v%2")
            .replace("%1", str(status.filed.version))
            .replace("%2", str(status.version))
        )
    if state is FilingState.UNFILED:
        return QCoreApplication.translate("filing", "not filed")
    return ""


def status_tooltip(status: FilingStatus) -> str:
    filed = status.filed
    if filed is None:
        return ""
    return (
        QCoreApplication.translate("filing", "In %1 as %2")
        .replace("%1", filed.folder)
        .replace("%2", filed.file_name)
    )


class FilingModel(QAbstractTableModel):
    """The documents of a meeting that can be filed: tick the ones to file; type a child's
    case number in ESDH beside the child's extract."""

    DOCUMENT, VERSION, STATE, ESDH = range(4)

    def __init__(self, esdh_editable: bool, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FileableDocument] = []
        self._chosen: set[Key] = set()
        self._esdh: dict[uuid.UUID, str] = {}
        self.esdh_editable = esdh_editable

    def set_rows(self, rows: Sequence[FileableDocument]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._chosen = {d.key for d in rows if d.status.pending}
        self._esdh = {d.case_id: d.esdh_case_number for d in rows if d.case_id is not None}
        self.endResetModel()

    def chosen(self) -> list[Key]:
        return [d.key for d in self._rows if d.key in self._chosen]

    def esdh_numbers(self) -> dict[uuid.UUID, str]:
        """The case numbers typed that differ from the case's."""
        return {
            d.case_id: self._esdh[d.case_id]
            for d in self._rows
            if d.case_id is not None and self._esdh[d.case_id] != d.esdh_case_number
        }

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = (
            QCoreApplication.translate("filing", "Document"),
            QCoreApplication.translate("filing", "Version"),
            QCoreApplication.translate("filing", "State"),
            QCoreApplication.translate("filing", "Case number in ESDH"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.DOCUMENT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        row = self._rows[index.row()]
        if index.column() == self.ESDH and row.kind == EXTRACT and self.esdh_editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        d = self._rows[index.row()]
        column = index.column()
        if role == ROW_ROLE:
            return d
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DOCUMENT:
            return Qt.CheckState.Checked if d.key in self._chosen else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.DOCUMENT:
                return document_label(d.kind, d.case_reference, d.child_initials)
            if column == self.VERSION:
                return str(d.status.version)
            if column == self.STATE:
                return status_text(d.status)
            if column == self.ESDH:
                return self._esdh.get(d.case_id, "") if d.case_id is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.STATE:
                return status_tooltip(d.status) or None
            if column == self.ESDH and d.kind == EXTRACT:
                return QCoreApplication.translate(
                    "filing",
                    "The child's case in ESDH, where the extract is filed (kept on the case)",
                )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VERSION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        d = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.DOCUMENT:
            if Qt.CheckState(value) == Qt.CheckState.Checked:
                self._chosen.add(d.key)
            else:
                self._chosen.discard(d.key)
            self.dataChanged.emit(index, index, [role])
            return True
        if (
            role == Qt.ItemDataRole.EditRole
            and index.column() == self.ESDH
            and d.case_id is not None
            and self.esdh_editable
        ):
            self._esdh[d.case_id] = " ".join(str(value).split())[: filing.MAX_ESDH_NUMBER]
            self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
            return True
        return False


class FilingDialog(QDialog):
    def __init__(
        self,
        ctx: ServiceContext,
        meeting_id: uuid.UUID,
        title: str,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        case_id: uuid.UUID | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filing-dialog")
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.case_id = case_id
        self.prompts = prompts
        self.busy = False
        self.setWindowTitle(self.tr("File in ESDH – %1").replace("%1", title))
        fit_to_screen(self, QSize(900, 480))
        intro = QLabel(
            self.tr(
                "The approved minutes and each child's extract are written into the filing "
                "folder as archival PDF/A files, each with a manifest for ESDH. What is not yet "
                "filed in its current version is ticked."
            )
        )
        intro.setWordWrap(True)
        self.folder = QLineEdit()
        self.folder.setObjectName("filing-folder")
        self.folder.setPlaceholderText(self.tr("The ESDH import folder, e.g. a network drive"))
        self.saved_folder = filing.filing_folder(ctx)
        self.folder.setText(str(self.saved_folder) if self.saved_folder else "")
        choose = QPushButton(self.tr("Choose …"))
        choose.clicked.connect(self.choose_folder)
        folder_label = QLabel(self.tr("&Filing folder:"))
        folder_label.setBuddy(self.folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(folder_label)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.model = FilingModel(allowed(ctx, Permission.EDIT_CASES), self)
        self.view = QTableView()
        self.view.setObjectName("filing-documents")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.status = QLabel()
        self.status.setObjectName("filing-status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.file_button = self.buttons.addButton(
            self.tr("&File"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.file_button.setObjectName("file-button")
        close = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.file_button.clicked.connect(self.file)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(folder_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.reload()

    def reload(self) -> None:
        try:
            docs = filing.fileable(self.ctx, self.meeting_id)
        except ServiceError as exc:
            self.prompts.error(self, self.windowTitle(), str(exc))
            docs = []
        if self.case_id is not None:
            docs = [d for d in docs if d.case_id == self.case_id]
        self.model.set_rows(docs)
        self.view.resizeColumnsToContents()
        for column, cap in ((FilingModel.DOCUMENT, 260), (FilingModel.STATE, 360)):
            if self.view.columnWidth(column) > cap:
                self.view.setColumnWidth(column, cap)
        if not docs:
            self.status.setText(
                self.tr("There is nothing here you may file: the minutes must be approved first.")
            )
        self.file_button.setEnabled(bool(docs) and not self.busy)

    def choose_folder(self) -> None:
        start = Path(self.folder.text().strip() or Path.home())
        chosen = self.prompts.folder(self, self.tr("The filing folder"), start)
        if chosen is not None:
            self.folder.setText(str(chosen))

    def file(self) -> None:
        """File what is ticked, into the folder shown (which becomes the setting)."""
        if self.busy:
            return
        chosen = self.model.chosen()
        if not chosen:
            self.prompts.info(self, self.windowTitle(), self.tr("Tick at least one document."))
            return
        text = self.folder.text().strip()
        if not text:
            self.prompts.info(self, self.windowTitle(), self.tr("Choose the filing folder."))
            return
        folder = Path(text)
        try:
            for case_id, number in self.model.esdh_numbers().items():
                filing.set_esdh_case_number(self.ctx, case_id, number)
            if folder != self.saved_folder and filing.may_set_folder(self.ctx):
                filing.set_filing_folder(self.ctx, folder)
                self.saved_folder = folder
        except ServiceError as exc:
            self.prompts.error(self, self.windowTitle(), str(exc))
            return
        self.busy = True
        self.file_button.setEnabled(False)
        self.status.setText(self.tr("Filing …"))
        ctx, meeting_id = self.ctx, self.meeting_id
        run_in_thread(
            self,
            lambda: filing.file_meeting(ctx, meeting_id, folder, only=chosen),
            self._filed,
            self._failed,
        )

    def _filed(self, report: FilingReport) -> None:
        self.busy = False
        self.status.setText(
            self.tr("%n document(s) filed in %1.", "", len(report.filed)).replace(
                "%1", report.folder
            )
        )
        self.reload()
        changes.bus().announce(changes.MEETING, self.meeting_id)

    def _failed(self, exc: BaseException) -> None:
        self.busy = False
        self.reload()
        if isinstance(exc, ServiceError):
            message = str(exc)
        elif isinstance(exc, OSError):
            message = (
                self.tr("Could not write to %1: %2")
                .replace("%1", self.folder.text().strip())
                .replace("%2", exc.strerror or str(exc))
            )
        else:
            raise exc
        self.status.setText(message)
        self.prompts.error(self, self.windowTitle(), message)
