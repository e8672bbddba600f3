"""Who is invited to the meeting, who sent apologies; a guest added, one removed."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from stevnsmoeder.model.enums import Attendance
from stevnsmoeder.services import planning
from stevnsmoeder.services.planning import MeetingPlan, PlanParticipant
from stevnsmoeder.ui.common.models import Column, TableModel, table_view
from stevnsmoeder.ui.meeting.host import PlanHost

ATTENDANCE_NAMES = {
    Attendance.INVITED: str(QT_TRANSLATE_NOOP("ParticipantsPane", "invited")),
    Attendance.PRESENT: str(QT_TRANSLATE_NOOP("ParticipantsPane", "present")),
    Attendance.AFBUD: str(QT_TRANSLATE_NOOP("ParticipantsPane", "sent apologies")),
    Attendance.ABSENT: str(QT_TRANSLATE_NOOP("ParticipantsPane", "absent")),
}


class ParticipantsPane(QWidget):
    def __init__(self, host: PlanHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.participants: TableModel[PlanParticipant] = TableModel(
            [
                Column(self.tr("Name"), lambda p: p.name),
                Column(self.tr("Role"), lambda p: p.role_name),
                Column(self.tr("Organisation"), lambda p: p.organisation),
                Column(
                    self.tr("Attendance"),
                    lambda p: self.tr(ATTENDANCE_NAMES[p.attendance]),
                ),
            ],
            self,
        )
        self.participants_view = table_view(self.participants, "participants")
        self.participants_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.afbud_button = QPushButton(self.tr("Sent apologies"))
        self.invited_button = QPushButton(self.tr("Coming"))
        self.guest_button = QPushButton(self.tr("Add participant …"))
        self.drop_button = QPushButton(self.tr("Remove"))
        self.afbud_button.clicked.connect(lambda: self._attendance(Attendance.AFBUD))
        self.invited_button.clicked.connect(lambda: self._attendance(Attendance.INVITED))
        self.guest_button.clicked.connect(lambda: host.whole(host.meeting_actions.add_participant))
        self.drop_button.clicked.connect(self._drop_participant)
        self.participant_count = QLabel()
        buttons = QHBoxLayout()
        for button in (self.afbud_button, self.invited_button, self.guest_button, self.drop_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.participant_count)
        layout.addWidget(self.participants_view, 1)
        layout.addLayout(buttons)

    def show_plan(self, plan: MeetingPlan) -> None:
        self.participants.set_rows(plan.participants)
        self.participants_view.resizeColumnsToContents()
        coming = sum(1 for p in plan.participants if p.attendance is not Attendance.AFBUD)
        self.participant_count.setText(
            self.tr("%1 invited, %2 sent apologies")
            .replace("%1", str(coming))
            .replace("%2", str(len(plan.participants) - coming))
        )
        for button in (self.afbud_button, self.invited_button, self.guest_button, self.drop_button):
            button.setVisible(self.host.can_plan)
            button.setEnabled(self.host.editable())

    def _participant(self) -> PlanParticipant | None:
        rows = self.participants_view.selectionModel().selectedRows()
        return self.participants.row_at(rows[0].row()) if rows else None

    def _attendance(self, attendance: Attendance) -> None:
        host = self.host
        person = self._participant()
        if person is None:
            return
        host.operation(
            lambda rev: planning.set_attendance(
                host.ctx, host.meeting_id, rev, person.person_id, attendance
            )
        )

    def _drop_participant(self) -> None:
        host = self.host
        person = self._participant()
        if person is None:
            return
        host.operation(
            lambda rev: planning.remove_participant(
                host.ctx, host.meeting_id, rev, person.person_id
            )
        )
