"""The live meeting as a whole: its clock (the item's countdown, the meeting's time left and
expected end), moving it on (the next item, pushing one to the next meeting and taking it
back), ending it, setting a meeting started by mistake back to planned, and afterwards
approving the minutes, adding addenda and reading the versions. The row of buttons at the
bottom of the live view, and what each does; the view it is part of loads and shows."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from stevnsmoeder.domain.dates import clock, long_date
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.services import live, minutes
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.planning import MeetingPlan, PlanItem
from stevnsmoeder.ui.common.operations import Operations
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.live.addendum_dialog import AddendumDialog
from stevnsmoeder.ui.live.agenda import TIME, LiveAgendaModel, mmss
from stevnsmoeder.ui.live.approved_minutes import approved_line
from stevnsmoeder.ui.live.versions_dialog import VersionsDialog
from stevnsmoeder.ui.live.widgets import show_text


class MeetingControl(QWidget):
    """The live view's part that runs the meeting as a whole (see the module's text). The
    view provides what is declared here."""

    changed = Signal()  # the window reloads: the meeting started, ended or was set back

    ctx: ServiceContext
    meeting_id: uuid.UUID
    prompts: Prompts
    operations: Operations
    can_edit: bool
    plan: MeetingPlan | None
    state: live.LiveState | None
    minutes: minutes.MinutesState | None
    shown_item: uuid.UUID | None
    save_status: QLabel
    meeting_line: QLabel
    timer_label: QLabel
    agenda_model: LiveAgendaModel
    notes: QPlainTextEdit
    ticker: QTimer
    _wrote: bool

    def load(self) -> None:
        raise NotImplementedError

    def flush(self) -> bool:
        raise NotImplementedError

    def show_item(self, item_id: uuid.UUID | None) -> None:
        raise NotImplementedError

    def current(self) -> PlanItem | None:
        raise NotImplementedError

    def selected_item(self) -> PlanItem | None:
        raise NotImplementedError

    def focus(self, widget: QWidget) -> None:
        raise NotImplementedError

    def unadded_actions(self) -> list[PlanItem]:
        raise NotImplementedError

    def forget_drafts(self) -> None:
        raise NotImplementedError

    def _meeting_buttons(self) -> QHBoxLayout:
        self.prev_button = QPushButton(self.tr("◀ Previous (Ctrl+PgUp)"))
        self.next_button = QPushButton(self.tr("Next ▶ (Ctrl+PgDown)"))
        self.push_button = QPushButton(self.tr("To next meeting (Ctrl+Shift+P)"))
        self.end_button = QPushButton(self.tr("End the meeting (Ctrl+Shift+E)"))
        self.set_back_button = QPushButton(self.tr("Set back to planned …"))
        self.set_back_button.setObjectName("set-back")
        self.set_back_button.setToolTip(
            self.tr(
                "Started by mistake? While nothing is written, the meeting can be planned again."
            )
        )
        self.approve_button = QPushButton(self.tr("Approve the minutes (Ctrl+Shift+G)"))
        self.addendum_button = QPushButton(self.tr("Add an addendum …"))
        self.versions_button = QPushButton(self.tr("Versions …"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.push_button.clicked.connect(self.push)
        self.end_button.clicked.connect(self.end_meeting)
        self.set_back_button.clicked.connect(self.set_back_to_planned)
        self.approve_button.clicked.connect(self.approve)
        self.addendum_button.clicked.connect(self.addendum)
        self.versions_button.clicked.connect(self.show_versions)
        bottom = QHBoxLayout()
        for button in (self.prev_button, self.next_button, self.push_button):
            bottom.addWidget(button)
        bottom.addStretch(1)
        for button in (
            self.set_back_button,
            self.end_button,
            self.approve_button,
            self.addendum_button,
            self.versions_button,
        ):
            bottom.addWidget(button)
        return bottom

    def _update_buttons(self) -> None:
        status = self.state.status if self.state else MeetingStatus.PLANNED
        locked = bool(self.minutes and self.minutes.locked)
        running = status is MeetingStatus.IN_PROGRESS
        for button in (self.prev_button, self.next_button, self.push_button, self.end_button):
            button.setVisible(running and self.can_edit)
        item = self.current()
        pushed = item is not None and self.state is not None and item.id in self.state.pushed
        self.push_button.setText(
            self.tr("Take it back into today (Ctrl+Shift+P)")
            if pushed
            else self.tr("To next meeting (Ctrl+Shift+P)")
        )
        self.set_back_button.setVisible(
            running
            and self.can_edit
            and self.state is not None
            and self.state.can_set_back
            and not self._wrote
        )
        self.approve_button.setVisible(
            status is MeetingStatus.HELD and not locked and self.can_edit
        )
        self.addendum_button.setVisible(locked and self.can_edit)
        self.versions_button.setVisible(locked)

    def written(self) -> None:
        """Something was recorded: a meeting with records is no longer set back."""
        if not self._wrote:
            self._wrote = True
            self._update_buttons()

    def _running(self) -> bool:
        return self.state is not None and self.state.status is MeetingStatus.IN_PROGRESS

    # -- the clock (the projection is the service's; this only shows it) -----------------
    def tick(self) -> None:
        """Refresh the countdowns from the clock (every second while the meeting runs).
        Labels are set only when what they show changes: a second's tick stays cheap."""
        if self.plan is None or self.state is None:
            return
        projection = self.agenda_model.project(self.ctx.now())
        assert projection is not None
        running = projection.running
        if self.timer_label.isVisibleTo(self) != running:
            self.timer_label.setVisible(running)  # a countdown means nothing afterwards
        shown = projection.of(self.shown_item)
        if shown is not None and running:
            over, left = self.tr("over"), self.tr("left")
            if shown.pushed:
                colour, text = "#6b6b6b", self.tr("pushed")
            elif shown.overrun:
                colour, text = "#a4161a", mmss(shown.left_seconds) + " " + over
            elif shown.warning:
                colour, text = "#b35c00", mmss(shown.left_seconds) + " " + left
            else:
                colour, text = "#2e6b30", mmss(shown.left_seconds) + " " + left
            show_text(self.timer_label, text, f"color: {colour};")
        status = self.state.status
        style = ""
        if running and projection.expected_end is not None:
            text = (
                self.tr("Meeting: %1 min left · expected end %2 · booked until %3")
                .replace("%1", str(projection.remaining_seconds // 60))
                .replace("%2", clock(projection.expected_end)[-5:])
                .replace("%3", clock(projection.booked_until)[-5:])
            )
            style = "color: #a4161a; font-weight: bold;" if projection.late else ""
        elif status is MeetingStatus.HELD:
            text = (
                approved_line(self.minutes)
                if self.minutes is not None and self.minutes.locked
                else self.tr("Held. Finish the minutes and approve them.")
            )
        else:
            text = long_date(self.plan.summary.starts_at.date())
        show_text(self.meeting_line, text, style)
        self.agenda_model.changed(TIME, TIME)

    # -- moving on -----------------------------------------------------------------------
    def step(self, direction: int) -> None:
        if self.state is None or self.plan is None:
            return
        if self._running() and self.can_edit:
            self.flush()
            if self.operations.run(lambda: live.step(self.ctx, self.meeting_id, direction)):
                self.load()
                self.focus(self.notes)
        else:
            ids = [i.id for i in self.plan.items]
            at = ids.index(self.shown_item) if self.shown_item in ids else 0
            self.show_item(ids[max(0, min(at + direction, len(ids) - 1))])

    def push(self) -> None:
        """The item shown goes to the next meeting, and the meeting moves on; on an item
        pushed already, the same key takes it back into today."""
        item = self.current()
        if item is None or self.state is None or not self._running() or not self.can_edit:
            return
        if item.id in self.state.pushed:
            self.flush()
            if self.operations.run(lambda: live.undo_push(self.ctx, self.meeting_id, item.id)):
                self.save_status.setText(
                    self.tr("'%1' is on today's agenda again").replace("%1", item.title)
                )
                self.load()
            return
        if self.operations.run(lambda: live.push_to_next_time(self.ctx, self.meeting_id, item.id)):
            self.written()
            self.save_status.setText(
                self.tr("'%1' goes to the next meeting").replace("%1", item.title)
            )
            self.step(1)

    # -- ending ----------------------------------------------------------------------------
    def _unadded_warning(self) -> str:
        waiting: Sequence[PlanItem] = self.unadded_actions()
        if not waiting:
            return ""
        numbers = ", ".join(str(i.number) for i in waiting)
        return self.tr("Actions typed but not added (item %1) are not in the minutes.").replace(
            "%1", numbers
        )

    def _saved_first(self, title: str) -> bool:
        """Everything typed is saved; if not, the user hears so and nothing more is done."""
        if self.flush():
            return True
        self.prompts.error(self, title, self.tr("Some text could not be saved yet; try again."))
        return False

    def end_meeting(self) -> None:
        if self.state is None or not self._running():
            return
        title = self.tr("End the meeting")
        question = self.tr("End the meeting? Items not reached go to the next meeting.")
        waiting = self._unadded_warning()
        if waiting:
            question += (
                "\n\n"
                + waiting
                + " "
                + self.tr("They stay with their items: add them before the minutes are approved.")
            )
        if not self.prompts.confirm(self, title, question) or not self._saved_first(title):
            return
        self.operations.run(
            lambda: live.end(self.ctx, self.meeting_id), title=title, then=self._ended
        )

    def _ended(self, report: live.EndReport) -> None:
        # A count's forms by this class's name: PySide's tr() on the view (a subclass) finds
        # plain texts here, but a count's only under the view's own name.
        not_reached = QCoreApplication.translate(
            "MeetingControl", "%n items were not reached", "", report.not_reached
        )
        carried = QCoreApplication.translate(
            "MeetingControl", "%n items go to the next meeting", "", report.carried
        )
        self.prompts.info(
            self,
            self.tr("End the meeting"),
            self.tr("The meeting is held. %1; %2.")
            .replace("%1", not_reached)
            .replace("%2", carried),
        )
        self.load()
        self.changed.emit()

    def set_back_to_planned(self) -> None:
        """A meeting started by mistake is planned again, while nothing is written."""
        if self.state is None or not self._running() or not self.can_edit:
            return
        title = self.tr("Set back to planned")
        if not self.prompts.confirm(
            self,
            title,
            self.tr(
                "Set the meeting back to planned? It is as if it was never started: the "
                "clock is reset and the participants are invited again."
            ),
        ) or not self._saved_first(title):
            return
        if not self.operations.run(
            lambda: live.set_back_to_planned(self.ctx, self.meeting_id),
            title=title,
            refused=lambda _exc: self.load(),
        ):
            return
        self.ticker.stop()
        self.forget_drafts()
        self.state = live.state(self.ctx, self.meeting_id)
        self.changed.emit()  # the window shows the planning page again

    # -- afterwards ----------------------------------------------------------------------
    def approve(self) -> None:
        if self.state is None or self.state.status is not MeetingStatus.HELD:
            return
        if self.minutes is not None and self.minutes.locked:
            return
        title = self.tr("Approve the minutes")
        if not self._saved_first(title):
            return
        question = self.tr("Approve the minutes? They lock; later corrections are dated addenda.")
        waiting = self._unadded_warning()
        if waiting:
            question += "\n\n" + waiting + " " + self.tr("Approved, they are left out.")
        if not self.prompts.confirm(self, title, question):
            return
        if self.operations.run(lambda: minutes.approve(self.ctx, self.meeting_id)):
            self.forget_drafts()  # the minutes are locked: nothing more is added
            self.load()
            self.changed.emit()

    def addendum(self) -> None:
        """A correction to approved minutes, about the item shown (or another, or the meeting
        in general): who reads it follows from what it is about."""
        if self.plan is None:
            return
        chosen = self.selected_item()
        dialog = AddendumDialog(self.plan.items, chosen.id if chosen else None, self)
        if dialog.exec() != AddendumDialog.DialogCode.Accepted:
            return
        text, item_id = dialog.value()
        self.operations.run(
            lambda: minutes.add_addendum(self.ctx, self.meeting_id, text, item_id),
            then=lambda _added: self.load(),
        )

    def show_versions(self) -> None:
        found = self.operations.fetch(
            lambda: minutes.versions(self.ctx, self.meeting_id), None, title=self.tr("Versions")
        )
        if found is None:
            return
        plan = self.plan

        def number(item_id: uuid.UUID | None) -> int | None:
            item = next((i for i in plan.items if i.id == item_id), None) if plan else None
            return item.number if item is not None else None

        VersionsDialog(found, number, self).exec()
