"""The kept versions of approved minutes, as a secretary reads them: when, by whom, and what
changed in words ("Godkendt", "Tilføjelse til punkt 3: …"). The SHA-256 checksum that matches a
printed copy to the record stays at hand (tooltip and details) without being the headline."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import LOCAL_TZ, long_datetime
from stevnsmoeder.services import minutes
from stevnsmoeder.services.minutes import VersionInfo
from stevnsmoeder.ui.common.models import Column, TableModel

HEADLINE_CHARS = 80  # an addendum's text in the list; the details show it whole

ItemNumber = Callable[[uuid.UUID | None], int | None]  # an agenda item's number, as shown


def _first_line(text: str) -> str:
    """The text's first line, shortened to HEADLINE_CHARS; " …" when there is more."""
    text = text.strip()
    line = text.splitlines()[0] if text else ""
    if len(line) > HEADLINE_CHARS or line != text:
        return line[:HEADLINE_CHARS].rstrip() + " …"
    return line


def what_changed(v: VersionInfo, number: ItemNumber, whole: bool = False) -> str:
    """A version in words: "Godkendt", "Tilføjelse til punkt 3: …", "Tilføjelse om mødet
    generelt: …", or a note of what a purge took out. ``whole``: the addendum's text in full
    (else its first line, shortened)."""
    if v.kind == minutes.APPROVAL:
        words = QCoreApplication.translate("VersionsDialog", "Approved")
    elif v.kind == minutes.PURGED:
        words = QCoreApplication.translate(
            "VersionsDialog", "Addendum removed when a closed case was purged"
        )
    else:
        at = number(v.item_id) if v.item_id is not None else None
        if v.item_id is None:
            lead = QCoreApplication.translate(
                "VersionsDialog", "Addendum about the meeting in general"
            )
        elif at is None:
            lead = QCoreApplication.translate("VersionsDialog", "Addendum about an item")
        else:
            lead = QCoreApplication.translate("VersionsDialog", "Addendum to item %1").replace(
                "%1", str(at)
            )
        text = v.addendum.strip() if whole else _first_line(v.addendum)
        words = f"{lead}: {text}" if text else lead
    if v.redacted:
        words += " – " + QCoreApplication.translate(
            "VersionsDialog", "corrected after approval: a closed case was purged"
        )
    return words


def when(v: VersionInfo) -> str:
    return long_datetime(v.created_at.astimezone(LOCAL_TZ))


class VersionsDialog(QDialog):
    """The versions in a list; the chosen one's full text and checksum below."""

    def __init__(
        self, versions: Sequence[VersionInfo], number: ItemNumber, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Versions of the minutes"))
        self.number = number
        checksum = self.tr("Checksum (SHA-256): %1")

        def tip(v: VersionInfo) -> str:  # on every cell: the checksum at hand, not in the way
            return checksum.replace("%1", v.checksum)

        self.model: TableModel[VersionInfo] = TableModel(
            [
                Column(
                    self.tr("No."), lambda v: str(v.number), lambda v: v.number, True, tooltip=tip
                ),
                Column(self.tr("Date"), when, lambda v: v.created_at, tooltip=tip),
                Column(self.tr("By"), lambda v: v.created_by, tooltip=tip),
                Column(self.tr("Change"), lambda v: what_changed(v, number), tooltip=tip),
            ],
            self,
        )
        self.model.set_rows(versions)
        self.view = QTableView()
        self.view.setObjectName("versions")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.details = QPlainTextEdit()
        self.details.setObjectName("version-details")
        self.details.setReadOnly(True)
        self.details.setTabChangesFocus(True)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show())
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.details)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(820, 440)
        if versions:
            self.view.selectRow(len(versions) - 1)  # the latest: what the record says now

    def _show(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            self.details.clear()
            return
        v = self.model.row_at(index.row())
        head = (
            self.tr("Version %1 · %2 · %3")
            .replace("%1", str(v.number))
            .replace("%2", when(v))
            .replace("%3", v.created_by or "–")
        )
        checksum = self.tr("Checksum (SHA-256): %1").replace("%1", v.checksum)
        self.details.setPlainText(
            f"{head}\n\n{what_changed(v, self.number, whole=True)}\n\n{checksum}"
        )
