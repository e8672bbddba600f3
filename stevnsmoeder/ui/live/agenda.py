"""The live agenda as the chair sees it while the meeting runs, and what became of the items
afterwards: its model and its table."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from stevnsmoeder.domain.dates import clock
from stevnsmoeder.model.enums import AgendaItemStatus, MeetingStatus
from stevnsmoeder.services import live
from stevnsmoeder.services.planning import PlanItem
from stevnsmoeder.ui.common.models import Column, TableModel

GREY = QColor("#6b6b6b")
TIME = 2  # the agenda's time column


def mmss(seconds: int) -> str:
    """ "04:05" left, "+01:30" over."""
    sign = "+" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60:02d}:{seconds % 60:02d}"


class LiveAgendaModel(TableModel[PlanItem]):
    """The live agenda: number, title (▶ the item the meeting is at, ✎ an action typed but
    not added) and a time column named for what it shows: the planned minutes, the time left
    while the meeting runs, and afterwards what became of the items. The projection is the
    service's rule; this model only shows it."""

    def __init__(self, has_draft: Callable[[uuid.UUID], bool], parent: Any = None) -> None:
        super().__init__([], parent)
        self._columns = [
            Column(self.tr("No."), lambda i: str(i.number), align_right=True),
            Column(self.tr("Item"), self.title, tooltip=self.tooltip, foreground=self.colour),
            Column("", self.clock, align_right=True, tooltip=self.tooltip, foreground=self.colour),
        ]
        self.has_draft = has_draft
        self.state: live.LiveState | None = None
        self.projection: live.TimeProjection | None = None
        self.time_header = ""

    def set_meeting(
        self, items: tuple[PlanItem, ...], state: live.LiveState, now: datetime
    ) -> None:
        self.state = state
        self.project(now)
        self.time_header = self._time_header()
        self.set_rows(items)

    def project(self, now: datetime) -> live.TimeProjection | None:
        self.projection = live.projection(self.state, now) if self.state is not None else None
        return self.projection

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            section == TIME
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return self.time_header
        return super().headerData(section, orientation, role)

    def changed(self, first: int = 0, last: int = TIME) -> None:
        """The columns from ``first`` to ``last`` show something new (a tick, a draft)."""
        rows = self.rowCount()
        if rows:
            self.dataChanged.emit(self.index(0, first), self.index(rows - 1, last))

    # -- what the rows say ---------------------------------------------------------------
    def running(self) -> bool:
        return self.state is not None and self.state.status is MeetingStatus.IN_PROGRESS

    def _time_header(self) -> str:
        if self.state is None or self.state.status is MeetingStatus.PLANNED:
            return self.tr("Time")
        return self.tr("Time left") if self.running() else ""

    def time_column_needed(self) -> bool:
        """After the meeting the column shows only what became of items: pushed, not
        reached. Without such items it goes."""
        if self.state is None or self.state.status is not MeetingStatus.HELD:
            return True
        return any(self._status_word(self.row_at(r)) for r in range(self.rowCount()))

    def _item_status(self, item: PlanItem) -> AgendaItemStatus:
        time = self.projection.of(item.id) if self.projection else None
        return time.status if time is not None else item.status

    def _status_word(self, item: PlanItem) -> str:
        """What became of an item, where it is news: pushed, not reached."""
        status = self._item_status(item)
        if status is AgendaItemStatus.NEXT_TIME:
            return self.tr("pushed")
        if status is AgendaItemStatus.NOT_REACHED:
            return self.tr("not reached")
        return ""

    def status_text(self, item: PlanItem) -> str:
        status = self._item_status(item)
        if status is AgendaItemStatus.NEXT_TIME:
            return self.tr("Pushed to the next meeting")
        if status is AgendaItemStatus.NOT_REACHED:
            return self.tr("Not reached")
        return ""

    def title(self, item: PlanItem) -> str:
        current = self.state.current_item_id if self.state else None
        mark = "▶ " if self.running() and item.id == current else ""
        if self.has_draft(item.id):
            mark += "✎ "
        return mark + item.title

    def clock(self, item: PlanItem) -> str:
        word = self._status_word(item)
        if word or not self.running():
            if self.state is not None and self.state.status is MeetingStatus.PLANNED:
                return self.tr("%1 min").replace("%1", str(item.time_box_minutes))
            return word
        time = self.projection.of(item.id) if self.projection else None
        if time is None:
            return ""
        if self._done(item):
            return "✓"
        return mmss(time.left_seconds)

    def _done(self, item: PlanItem) -> bool:
        """Discussed, and not the item the meeting is at now."""
        time = self.projection.of(item.id) if self.projection else None
        return (
            time is not None
            and self.running()
            and time.status is AgendaItemStatus.DISCUSSED
            and not time.current
        )

    def colour(self, item: PlanItem) -> QColor | None:
        return GREY if self._status_word(item) or self._done(item) else None

    def tooltip(self, item: PlanItem) -> str:
        lines = [f"{item.number}. {item.title}"]
        time = self.projection.of(item.id) if self.projection else None
        if time is not None:
            lines.append(
                self.tr("Planned at %1, %2 min")
                .replace("%1", clock(time.planned_start)[-5:])
                .replace("%2", str(item.time_box_minutes))
            )
            if time.expected_start is not None:
                lines.append(
                    self.tr("Expected at %1").replace("%1", clock(time.expected_start)[-5:])
                )
        if time is not None and self._done(item):
            lines.append(
                self.tr("Discussed, %1 min used").replace("%1", str(time.spent_seconds // 60))
            )
        status = self.status_text(item)
        if status and self.running() and item.id in (self.state.pushed if self.state else ()):
            status += " – " + self.tr("go to it and press Ctrl+Shift+P to take it back")
        if status:
            lines.append(status)
        if self.has_draft(item.id):
            lines.append(self.tr("✎ An action is typed but not added"))
        return "\n".join(lines)


def agenda_table(model: LiveAgendaModel) -> QTableView:
    """The agenda in the live view's left column: one row chosen at a time, the title takes
    the spare width."""
    table = QTableView()
    table.setObjectName("live-agenda")
    table.setModel(model)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    table.setMinimumWidth(220)
    return table
