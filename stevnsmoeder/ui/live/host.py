"""What a pane of the live view needs of the view that holds it."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Protocol

from PySide6.QtWidgets import QWidget

from stevnsmoeder.services import minutes
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.planning import PlanItem
from stevnsmoeder.ui.common.operations import Operations


class ItemHost(Protocol):
    """The live view, as its panes see it: the service context and the window's runner, the
    item shown and its minutes, and what to do once something is recorded."""

    ctx: ServiceContext
    operations: Operations
    shown_item: uuid.UUID | None
    minutes: minutes.MinutesState | None

    def current(self) -> PlanItem | None:
        """The item shown."""
        ...

    def default_due(self) -> date:
        """An action's deadline unless the chair gives one."""
        ...

    def written(self) -> None:
        """Something was recorded (a meeting with records is no longer set back)."""
        ...

    def refresh_minutes(self) -> None:
        """Show the item's minutes as they are now in the database."""
        ...

    def focus(self, widget: QWidget) -> None:
        """Put the cursor in a field where the chair can see it."""
        ...
