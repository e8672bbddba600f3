"""One meeting, read-only: when and where, who comes, and the agenda."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.domain.dates import clock, long_date, week_label
from stevnsmoeder.services.meetings import (
    AgendaItemKind,
    AgendaLine,
    MeetingDetail,
    MeetingStatus,
    MeetingSummary,
    ParticipantLine,
    status_label,
)
from stevnsmoeder.ui.models import Column, TableModel

ATTENDANCE = {
    "invited": str(QT_TRANSLATE_NOOP("MeetingDialog", "invited")),
    "present": str(QT_TRANSLATE_NOOP("MeetingDialog", "present")),
    "afbud": str(QT_TRANSLATE_NOOP("MeetingDialog", "sent apologies")),
    "absent": str(QT_TRANSLATE_NOOP("MeetingDialog", "absent")),
}


class MeetingActions(Protocol):
    """What the window can do with a meeting (a planner may change it)."""

    def can_plan(self) -> bool: ...
    def move_meeting(self, summary: MeetingSummary) -> bool: ...
    def cancel_meeting(self, summary: MeetingSummary) -> bool: ...
    def add_participant(self, summary: MeetingSummary) -> bool: ...
    def export_meeting(self, summary: MeetingSummary) -> None: ...


class MeetingDialog(QDialog):
    def __init__(
        self,
        detail: MeetingDetail,
        *,
        screen_safe: bool = False,
        actions: MeetingActions | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        m = detail.summary
        self.setWindowTitle(m.title)
        self.resize(760, 620)
        heading = QLabel(m.title)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)

        form = QFormLayout()
        when = (
            f"{long_date(m.starts_at.date())} ({week_label(m.starts_at.date())}), "
            f"{clock(m.starts_at)}–{clock(m.ends_at)[-5:]}"
        )
        form.addRow(self.tr("When:"), QLabel(when))
        form.addRow(self.tr("Place:"), QLabel(m.place or "–"))
        if m.district:
            form.addRow(self.tr("District:"), QLabel(m.district))
        form.addRow(self.tr("Status:"), QLabel(status_label(m.status)))
        if m.note:
            note = QLabel(m.note)
            note.setWordWrap(True)
            note.setObjectName("note")
            form.addRow(self.tr("Note:"), note)

        self.participants: TableModel[ParticipantLine] = TableModel(
            [
                Column(self.tr("Name"), lambda p: p.name),
                Column(self.tr("Role"), lambda p: p.role),
                Column(self.tr("Organisation"), lambda p: p.organisation),
                Column(self.tr("Attendance"), lambda p: self.tr(ATTENDANCE[p.attendance])),
            ],
            self,
        )
        self.participants.set_rows(detail.participants)

        def child(line: AgendaLine) -> str:
            if line.case_id is None:
                return ""
            name = line.case_initials if screen_safe else line.case_name
            return f"{name} ({line.case_reference})"

        self.agenda: TableModel[AgendaLine] = TableModel(
            [
                Column(self.tr("No."), lambda a: str(a.position), align_right=True),
                Column(self.tr("Item"), lambda a: a.title),
                Column(self.tr("Child"), child),
                Column(self.tr("Minutes"), lambda a: str(a.time_box_minutes), align_right=True),
            ],
            self,
        )
        self.agenda.set_rows(detail.agenda)
        total = sum(a.time_box_minutes for a in detail.agenda)
        cases = sum(1 for a in detail.agenda if a.kind is AgendaItemKind.CASE)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        participants_word = self.tr("Participants")
        agenda_word = self.tr("Agenda")
        layout.addWidget(QLabel(f"<b>{participants_word}</b>"))
        layout.addWidget(self._table(self.participants, "participants", stretch=0))
        layout.addWidget(
            QLabel(
                f"<b>{agenda_word}</b> – "
                + self.tr("%1 items, %2 about children, %3 minutes planned")
                .replace("%1", str(len(detail.agenda)))
                .replace("%2", str(cases))
                .replace("%3", str(total))
            )
        )
        layout.addWidget(self._table(self.agenda, "agenda", stretch=1), 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.action_buttons: dict[str, QPushButton] = {}
        if actions is not None:
            role = QDialogButtonBox.ButtonRole.ActionRole
            editable = actions.can_plan() and m.status in (
                MeetingStatus.PLANNED,
                MeetingStatus.IN_PROGRESS,
            )
            if editable:
                for key, text, handler in (
                    ("move", self.tr("Move …"), actions.move_meeting),
                    ("cancel", self.tr("Cancel meeting …"), actions.cancel_meeting),
                    ("participant", self.tr("Add participant …"), actions.add_participant),
                ):
                    button = buttons.addButton(text, role)
                    button.clicked.connect(lambda _=False, h=handler: self._act(h, m))
                    self.action_buttons[key] = button
            export = buttons.addButton(self.tr("Export to calendar …"), role)
            export.clicked.connect(lambda: actions.export_meeting(m))
            self.action_buttons["export"] = export
        layout.addWidget(buttons)

    def _act(self, handler: Callable[[MeetingSummary], bool], m: MeetingSummary) -> None:
        if handler(m):
            self.accept()  # the meeting changed: close, the window shows the new state

    def _table(self, model: TableModel, name: str, stretch: int) -> QTableView:  # type: ignore[type-arg]
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return view
