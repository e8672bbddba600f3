"""The start page's list of minutes waiting for approval: the secretary's backlog.

Held meetings whose minutes are not approved yet, oldest first (services.overview
.awaiting_approval), for those who may approve them; double-click or Enter opens the meeting on
its minutes. Hidden for everyone else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from stevnsmoeder.domain.dates import clock, long_date
from stevnsmoeder.services import overview
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.meetings import MeetingSummary
from stevnsmoeder.ui.common.backlog import Backlog, BacklogSection
from stevnsmoeder.ui.common.models import Column
from stevnsmoeder.ui.common.prompts import Prompts


def _read(ctx: ServiceContext, limit: int) -> Backlog[MeetingSummary]:
    return overview.awaiting_approval(ctx, limit=limit), overview.awaiting_approval_count(ctx)


class AwaitingApprovalSection(BacklogSection[MeetingSummary]):
    """A heading and a table of the minutes to approve, oldest first."""

    def __init__(
        self,
        ctx: ServiceContext,
        prompts: Prompts,
        open_meeting: Callable[[MeetingSummary], None],
        parent: QWidget | None = None,
    ) -> None:
        hint = QCoreApplication.translate(
            "AwaitingApprovalSection", "Open the meeting to finish and approve its minutes."
        )
        columns: list[Column[MeetingSummary]] = [
            Column(
                QCoreApplication.translate("AwaitingApprovalSection", "Held"),
                lambda m: long_date(m.starts_at.date()),
                lambda m: m.starts_at,
                tooltip=lambda m: f"{long_date(m.starts_at.date())}, {clock(m.starts_at)}",
            ),
            Column(
                QCoreApplication.translate("AwaitingApprovalSection", "Meeting"),
                lambda m: m.title,
                tooltip=lambda _m: hint,
            ),
        ]
        super().__init__(
            ctx,
            prompts,
            "awaiting-approval",
            columns,
            word=QCoreApplication.translate("AwaitingApprovalSection", "Minutes awaiting approval"),
            none_word=QCoreApplication.translate("AwaitingApprovalSection", "none"),
            read=_read,
            open_row=open_meeting,
            parent=parent,
        )
