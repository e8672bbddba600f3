"""What a pane of the meeting window needs of the window that holds it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Protocol

from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.meetings import MeetingSummary
from stevnsmoeder.services.planning import MeetingPlan, PlanItem
from stevnsmoeder.ui.common.operations import Operations
from stevnsmoeder.ui.common.prompts import Prompts


class MeetingActions(Protocol):
    """What the main window does with a whole meeting."""

    def can_plan(self) -> bool: ...
    def move_meeting(self, summary: MeetingSummary) -> bool: ...
    def cancel_meeting(self, summary: MeetingSummary) -> bool: ...
    def add_participant(self, summary: MeetingSummary) -> bool: ...
    def export_meeting(self, summary: MeetingSummary) -> None: ...
    def toggle_screen_safe(self) -> None: ...


class PlanHost(Protocol):
    """The meeting window, as its panes see it: the meeting's plan as shown, who may change
    it, the agenda item chosen, and the one way a change is made (``operation``)."""

    ctx: ServiceContext
    meeting_id: uuid.UUID
    prompts: Prompts
    operations: Operations
    plan: MeetingPlan
    can_plan: bool
    can_record: bool
    meeting_actions: MeetingActions
    screen_safe: Callable[[], bool]

    def editable(self) -> bool:
        """The plan may be changed (by this user, and the meeting is not held)."""
        ...

    def selected(self) -> PlanItem | None:
        """The agenda item chosen."""
        ...

    def operation(self, call: Callable[[int], MeetingPlan], keep: uuid.UUID | None = None) -> bool:
        """Run a planning change against the revision shown (see MeetingWindow)."""
        ...

    def whole(self, action: Callable[[MeetingSummary], bool]) -> None:
        """Do something to the whole meeting through the main window, then reload."""
        ...
