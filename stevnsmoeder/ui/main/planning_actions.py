"""What the main window does to meetings and series (the Planning menu, and a meeting
window's whole-meeting buttons): planning the year ahead, moving or cancelling a meeting, a
participant added, series and their rhythm, closed days, a family team meeting for a child,
and calendar files. Every change runs through the window's operations; a dialog shows a
refusal in place and keeps what was typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow

from stevnsmoeder.model.cases import CaseSummary
from stevnsmoeder.services import calendar_export, meetings, people, reference_data, series
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ServiceError
from stevnsmoeder.services.meetings import MeetingSummary
from stevnsmoeder.services.permissions import Permission, allowed
from stevnsmoeder.ui.common import changes
from stevnsmoeder.ui.common.forms import FormDialog
from stevnsmoeder.ui.common.operations import Operations
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.planning.closed_days import ClosedPeriodsDialog
from stevnsmoeder.ui.planning.meeting_dialogs import FtmDialog, MoveDialog, ParticipantDialog
from stevnsmoeder.ui.planning.series_dialogs import NewSeriesDialog, RuleDialog, SeriesDialog


class PlanningActions(QMainWindow):
    """The main window's part that plans (see the module's text). The window provides what
    is declared here. (A count's forms are looked up by this class's name: PySide's tr() on
    the window, a subclass, finds plain texts here but a count's only under its own name.)"""

    ctx: ServiceContext
    prompts: Prompts
    operations: Operations
    planning_ahead: Operations
    screen_safe_action: QAction
    _refreshing: bool

    def refresh(self) -> None:
        raise NotImplementedError

    def can_plan(self) -> bool:
        return allowed(self.ctx, Permission.EDIT_MEETINGS)

    def _planned(self) -> None:
        """After a planning change: the lists, and any open meeting window, show it."""
        self.refresh()
        self._refreshing = True
        try:
            changes.bus().announce(changes.MEETING)  # open meeting windows reload
        finally:
            self._refreshing = False

    def _in_place(self, dialog: FormDialog, call: Callable[[], object]) -> bool:
        """Run ``dialog``; its OK runs ``call``, whose refusal the dialog shows in place."""

        def submit() -> None:
            call()

        dialog.submit = submit
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self._planned()
        return True

    def plan_ahead(self, *, quiet: bool) -> None:
        """Create the series' meetings a year ahead (off the GUI thread; idempotent)."""
        ctx = self.ctx

        def done(report: series.GenerateReport) -> None:
            self.refresh()
            if not quiet:
                self.prompts.info(
                    self,
                    self.tr("Planning"),
                    self.tr(
                        "%1 created, %2 of them moved for a holiday; %3 skipped for closed days."
                    )
                    .replace(
                        "%1",
                        QCoreApplication.translate(
                            "PlanningActions", "%n meetings", "", report.created
                        ),
                    )
                    .replace("%2", str(report.moved))
                    .replace("%3", str(report.skipped)),
                )

        self.planning_ahead.run_in_background(lambda: series.generate(ctx), then=done)

    def move_meeting(self, summary: MeetingSummary) -> bool:
        dialog = MoveDialog(
            summary.title,
            summary.starts_at,
            lambda when: series.move_warnings(self.ctx, when),
            self,
        )
        return self._in_place(
            dialog, lambda: series.move_meeting(self.ctx, summary.id, *dialog.value())
        )

    def cancel_meeting(self, summary: MeetingSummary) -> bool:
        reason = self.prompts.text(
            self, self.tr("Cancel meeting"), self.tr("Why is the meeting cancelled?")
        )
        if reason is None:
            return False
        return self.operations.run(
            lambda: series.cancel_meeting(self.ctx, summary.id, reason),
            title=self.tr("Cancel meeting"),
            then=lambda _done: self._planned(),
        )

    def add_participant(self, summary: MeetingSummary) -> bool:
        dialog = ParticipantDialog(people.list_people(self.ctx), people.list_roles(self.ctx), self)
        return self._in_place(
            dialog,
            lambda: series.add_participant(self.ctx, summary.id, *dialog.value()),  # type: ignore[arg-type]
        )

    def _export(self, suggested: str, **which: object) -> None:
        path = self.prompts.save_path(
            self,
            self.tr("Export to calendar"),
            Path.home() / suggested,
            self.tr("Calendar files (*.ics)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")
        chosen = path

        def write() -> int:
            try:
                return calendar_export.write_ics(self.ctx, chosen, **which)  # type: ignore[arg-type]
            except OSError as exc:
                raise ServiceError(
                    self.tr("Could not write %1: %2")
                    .replace("%1", str(chosen))
                    .replace("%2", exc.strerror or "")
                ) from exc

        self.operations.run(
            write,
            title=self.tr("Export to calendar"),
            then=lambda count: self.statusBar().showMessage(
                QCoreApplication.translate(
                    "PlanningActions", "%n meetings written to %1", "", count
                ).replace("%1", str(chosen)),
                8000,
            ),
        )

    def export_meeting(self, summary: MeetingSummary) -> None:
        self._export(f"møde-{summary.starts_at:%Y-%m-%d}.ics", meeting_id=summary.id)

    def export_my_meetings(self) -> None:
        self._export("mine-møder.ics", mine=True)

    def show_series(self) -> None:
        def change(info: series.SeriesInfo) -> Sequence[series.SeriesInfo] | None:
            dialog = RuleDialog(info, self.ctx.today(), self)

            def change_it() -> None:
                rule, at, day = dialog.value()
                series.change_rule(self.ctx, info.id, day, rule, start_time=at)

            ok = self._in_place(dialog, change_it)
            return series.list_series(self.ctx) if ok else None

        def create() -> Sequence[series.SeriesInfo] | None:
            dialog = NewSeriesDialog(
                reference_data.meeting_types(self.ctx),
                reference_data.districts(self.ctx),
                people.list_people(self.ctx),
                people.list_roles(self.ctx),
                self.ctx.today(),
                self,
            )

            def make() -> None:  # the series and its meetings in one unit of work
                series.create_series(
                    self.ctx, dialog.value(), plan_days=series.DEFAULT_HORIZON_DAYS
                )

            ok = self._in_place(dialog, make)
            return series.list_series(self.ctx) if ok else None

        found = self.operations.fetch(
            lambda: series.list_series(self.ctx), None, title=self.tr("Meeting series")
        )
        if found is None:
            return
        self.last_dialog: QDialog = SeriesDialog(
            found,
            change=change if self.can_plan() else None,
            create=create if self.can_plan() else None,
            export=lambda info: self._export(f"{info.title}.ics", series_id=info.id),
            parent=self,
        )
        self.last_dialog.open()

    def show_closed_days(self) -> None:
        def add(first: date, last: date, reason: str, yearly: bool) -> list:  # type: ignore[type-arg]
            series.add_closed_period(self.ctx, first, last, reason, yearly=yearly)  # may refuse
            self._planned()
            return series.list_closed_periods(self.ctx)

        self.last_dialog = ClosedPeriodsDialog(
            series.list_closed_periods(self.ctx), add, self.can_plan(), self, today=self.ctx.today()
        )
        self.last_dialog.open()

    def new_ftm(self, child: CaseSummary) -> None:
        name = child.initials if self.screen_safe_action.isChecked() else child.display_name
        start = datetime.combine(self.ctx.today() + timedelta(days=7), time(9, 0))
        dialog = FtmDialog(name, start, self)

        def create() -> None:
            moment, place = dialog.value()
            meetings.create_ftm_for_case(self.ctx, child.id, moment, place=place)

        self._in_place(dialog, create)
