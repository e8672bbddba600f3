"""The start page: today's and the rest of this week's meetings, the minutes awaiting
approval, open actions due soon and consents about to expire, for the logged-in user."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from stevnsmoeder.domain.dates import long_date, short_date, week_label
from stevnsmoeder.model.filing import UnfiledDocument
from stevnsmoeder.services import meetings, minutes, overview
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.meetings import MeetingSummary
from stevnsmoeder.services.permissions import Permission, allowed
from stevnsmoeder.ui.common.backlog import Backlog
from stevnsmoeder.ui.common.forms import title_label
from stevnsmoeder.ui.common.loading import Loader
from stevnsmoeder.ui.common.models import (
    Column,
    FilterProxy,
    TableModel,
    compact_meeting_columns,
)
from stevnsmoeder.ui.common.operations import Operations
from stevnsmoeder.ui.common.prompts import Prompts
from stevnsmoeder.ui.filing.unfiled import UnfiledSection
from stevnsmoeder.ui.main.awaiting_approval import AwaitingApprovalSection
from stevnsmoeder.ui.main.lists import list_table, open_row, selected_row, stretch


@dataclass(frozen=True)
class _Start:
    """What the start page shows, read in one go."""

    today: date
    meetings: list[MeetingSummary]
    awaiting: Backlog[MeetingSummary] | None
    unfiled: Backlog[UnfiledDocument] | None
    attention: overview.Attention


class StartPage(QWidget):
    """Today's and the rest of this week's meetings, open actions due soon and consents
    about to expire, for the logged-in user."""

    def __init__(
        self,
        ctx: ServiceContext,
        prompts: Prompts,
        open_meeting: Callable[[MeetingSummary], None],
        screen_safe: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.prompts = prompts
        self.operations = Operations(self, prompts, self.tr("Start"))
        self.screen_safe = screen_safe
        today = ctx.today()
        greeting = title_label(
            self.tr("Welcome, %1").replace("%1", ctx.actor.display_name or ctx.actor.login), 1.5
        )
        self.date_label = QLabel(
            self.tr("Today is %1 (%2)")
            .replace("%1", long_date(today))
            .replace("%2", week_label(today))
        )
        self.today_model: TableModel[MeetingSummary] = TableModel(
            compact_meeting_columns(with_day=False), self
        )
        self.week_model: TableModel[MeetingSummary] = TableModel(
            compact_meeting_columns(with_day=True), self
        )
        self.today_view = list_table(FilterProxy(self.today_model, self))
        self.today_view.setObjectName("today")
        self.week_view = list_table(FilterProxy(self.week_model, self))
        self.week_view.setObjectName("this-week")
        for view in (self.today_view, self.week_view):
            view.doubleClicked.connect(lambda index: open_row(index, open_meeting))
            view.activated.connect(lambda index: open_row(index, open_meeting))
        self.today_heading = QLabel()
        self.week_heading = QLabel()

        def child(row: overview.DueAction | overview.ExpiringConsent) -> str:
            return row.case_initials if self.screen_safe() else row.case_name

        def due(a: overview.DueAction) -> str:
            late = " – " + self.tr("overdue") if a.overdue else ""
            return short_date(a.due_on) + late

        self.actions_model: TableModel[overview.DueAction] = TableModel(
            [
                Column(self.tr("Deadline"), due, lambda a: a.due_on),
                Column(self.tr("Child"), child),
                Column(self.tr("Who"), lambda a: a.owner),
                Column(self.tr("What"), lambda a: a.text, tooltip=lambda a: a.text),
            ],
            self,
        )
        self.consents_model: TableModel[overview.ExpiringConsent] = TableModel(
            [
                Column(
                    self.tr("Expires"), lambda c: short_date(c.expires_on), lambda c: c.expires_on
                ),
                Column(self.tr("Child"), child),
                Column(self.tr("Given by"), lambda c: c.holder),
            ],
            self,
        )
        self.actions_view = list_table(FilterProxy(self.actions_model, self))
        self.actions_view.setObjectName("due-actions")
        self.consents_view = list_table(FilterProxy(self.consents_model, self))
        self.consents_view.setObjectName("expiring-consents")
        stretch(self.today_view, 1)
        stretch(self.week_view, 2)
        stretch(self.actions_view, 3)
        stretch(self.consents_view, 2)
        self.actions_heading = QLabel()
        self.consents_heading = QLabel()
        self.done_button = QPushButton(self.tr("Mark the chosen action done"))
        self.done_button.clicked.connect(self.mark_done)
        self.done_button.setVisible(allowed(ctx, Permission.EDIT_MEETINGS))
        meetings_box = QVBoxLayout()
        meetings_box.addWidget(self.today_heading)
        meetings_box.addWidget(self.today_view, 1)
        meetings_box.addWidget(self.week_heading)
        meetings_box.addWidget(self.week_view, 2)
        self.awaiting_approval = AwaitingApprovalSection(ctx, prompts, open_meeting, self)
        meetings_box.addWidget(self.awaiting_approval, 1)
        self.unfiled = UnfiledSection(ctx, prompts, self)
        meetings_box.addWidget(self.unfiled, 1)
        attention_box = QVBoxLayout()
        attention_box.addWidget(self.actions_heading)
        attention_box.addWidget(self.actions_view, 2)
        attention_box.addWidget(self.done_button)
        attention_box.addWidget(self.consents_heading)
        attention_box.addWidget(self.consents_view, 1)
        columns = QHBoxLayout()
        columns.addLayout(meetings_box, 1)
        columns.addLayout(attention_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(greeting)
        layout.addWidget(self.date_label)
        layout.addSpacing(8)
        layout.addLayout(columns, 1)
        self.loader = Loader(self, self._prepare, self._show, self.operations.refuse)
        self.reload()

    def mark_done(self) -> None:
        action = selected_row(self.actions_view)
        if not isinstance(action, overview.DueAction):
            self.prompts.info(
                self, self.tr("Start"), self.tr("Choose an action in the list first.")
            )
            return
        note = self.prompts.text(
            self,
            self.tr("Mark done"),
            self.tr("Note, or the final decision for a next step (may be left empty):"),
        )
        if note is None:
            return
        self.operations.run(
            lambda: minutes.complete_action(self.ctx, action.id, self.ctx.today(), note),
            then=lambda _done: self.reload(),
        )

    def set_screen_safe(self) -> None:
        """Show the children's names, or initials only, as the window's setting now says."""
        self.actions_model.refresh()
        self.consents_model.refresh()

    def reload(self) -> None:
        """Read and show at once."""
        self.loader.now()

    def reload_in_background(self) -> None:
        """Read off the GUI thread (rows arrived); only the showing runs on it."""
        self.loader.in_background()

    def _prepare(self) -> Callable[[], _Start]:
        ctx = self.ctx
        awaiting, unfiled = self.awaiting_approval.reader(), self.unfiled.reader()

        def read() -> _Start:
            today = ctx.today()
            sunday = today + timedelta(days=6 - today.weekday())
            return _Start(
                today,
                meetings.list_meetings(ctx, start=today, end=sunday),
                awaiting(),
                unfiled(),
                overview.attention(ctx),
            )

        return read

    def _show(self, answer: _Start) -> None:
        today = answer.today
        todays = [m for m in answer.meetings if m.starts_at.date() == today]
        later = [m for m in answer.meetings if m.starts_at.date() > today]
        self.today_model.set_rows(todays)
        self.week_model.set_rows(later)
        today_word = self.tr("Today")
        later_word = self.tr("Later this week")
        self.today_heading.setText(
            f"<b>{today_word}</b> – "
            + (self.tr("%n meetings", "", len(todays)) if todays else self.tr("no meetings today"))
        )
        self.week_heading.setText(
            f"<b>{later_word}</b> – " + self.tr("%n meetings", "", len(later))
        )
        for view in (self.today_view, self.week_view):
            view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.awaiting_approval.show_rows(answer.awaiting)
        self.unfiled.show_rows(answer.unfiled)
        seen = answer.attention
        self.actions_model.set_rows(seen.actions)
        self.consents_model.set_rows(seen.consents)
        overdue = sum(1 for a in seen.actions if a.overdue)
        actions_word = self.tr("Actions due within two weeks")
        consents_word = self.tr("Consents that expire within a month")
        self.actions_heading.setText(
            f"<b>{actions_word}</b> – "
            + self.tr("%1, of them %2 overdue")
            .replace("%1", str(len(seen.actions)))
            .replace("%2", str(overdue))
        )
        self.consents_heading.setText(f"<b>{consents_word}</b> – {len(seen.consents)}")
        for view in (self.actions_view, self.consents_view):
            view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        has_cases = allowed(self.ctx, Permission.VIEW_CASES)
        for widget in (
            self.actions_heading,
            self.actions_view,
            self.consents_heading,
            self.consents_view,
        ):
            widget.setVisible(has_cases)
