"""The start page's list of minutes waiting for approval: the secretary's backlog.

Held meetings whose minutes are not approved yet, oldest first (services.overview
.awaiting_approval), for those who may approve them; double-click or Enter opens the meeting on
its minutes. Hidden for everyone else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import clock, long_date
from stevnsmoeder.services import overview
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.services.meetings import MeetingSummary
from stevnsmoeder.services.permissions import Permission, allowed
from stevnsmoeder.ui.common.models import ROW_ROLE, Column, TableModel
from stevnsmoeder.ui.common.prompts import Prompts

SHOWN = 50  # the oldest minutes waiting; the heading counts them all


class AwaitingApprovalSection(QWidget):
    """A heading and a table of the minutes to approve, oldest first."""

    def __init__(
        self,
        ctx: ServiceContext,
        prompts: Prompts,
        open_meeting: Callable[[MeetingSummary], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("awaiting-approval")
        self.ctx = ctx
        self.prompts = prompts
        self.open_meeting = open_meeting
        self.heading = QLabel()
        self.heading.setObjectName("awaiting-approval-heading")
        hint = self.tr("Open the meeting to finish and approve its minutes.")
        self.model: TableModel[MeetingSummary] = TableModel(
            [
                Column(
                    self.tr("Held"),
                    lambda m: long_date(m.starts_at.date()),
                    lambda m: m.starts_at,
                    tooltip=lambda m: f"{long_date(m.starts_at.date())}, {clock(m.starts_at)}",
                ),
                Column(self.tr("Meeting"), lambda m: m.title, tooltip=lambda _m: hint),
            ],
            self,
        )
        self.view = QTableView()
        self.view.setObjectName("awaiting-approval-list")
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        self.setVisible(allowed(ctx, Permission.EDIT_MEETINGS))  # filled by reload()

    def reload(self) -> None:
        if not allowed(self.ctx, Permission.EDIT_MEETINGS):
            return
        try:
            found = overview.awaiting_approval(self.ctx, limit=SHOWN)
            total = overview.awaiting_approval_count(self.ctx)
        except ServiceError as exc:
            self.prompts.error(self, self.tr("Start"), str(exc))
            found, total = [], 0
        self.model.set_rows(found)  # oldest first, as the service gives them
        word = self.tr("Minutes awaiting approval")
        count = str(total) if total else self.tr("none")
        if total > len(found):  # a long backlog: the oldest are what must be done first
            count += " " + self.tr("(the oldest %1 shown)").replace("%1", str(len(found)))
        self.heading.setText(f"<b>{word}</b> – {count}")
        self.view.setVisible(bool(found))

    def _open(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, MeetingSummary):
            self.open_meeting(row)
