"""Minutes as shown: what was written about one agenda item, its agreed actions, and the
dated addenda made after approval."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.model.enums import ActionStatus


@dataclass(frozen=True)
class ActionView:
    id: uuid.UUID
    item_id: uuid.UUID
    owner_id: uuid.UUID | None
    owner: str  # the person's name, or the free text ("forældrene")
    text: str
    due_on: date | None
    status: ActionStatus
    done_on: date | None
    legal_reference: str  # citation of a next step, or ""


@dataclass(frozen=True)
class AddendumNote:
    """A dated correction to approved minutes, as shown."""

    number: int  # the minutes version it made
    at: datetime
    by: str  # who added it, by name (the login when the user has no person)
    text: str
    item_id: uuid.UUID | None = None  # None: about the meeting in general


@dataclass(frozen=True)
class ItemMinutesView:
    item_id: uuid.UUID
    # The free-text fields, one per entry of domain.minutes_fields (a test holds them to it).
    notes: str = ""
    decision: str = ""
    family_view: str = ""
    concern: str = ""
    resources: str = ""
    goals: str = ""
    preliminary_decision: str = ""
    legal_reference: str = ""  # citation, for a preliminary decision
    follow_up_on: date | None = None
    level: int | None = None
    level_label: str = ""
    step_label: str = ""
    actions: tuple[ActionView, ...] = ()
    addenda: tuple[AddendumNote, ...] = ()  # corrections after approval, oldest first


def texts(view: ItemMinutesView) -> dict[str, str]:
    """The free-text fields of an item's minutes by name (as the approved content keeps them)."""
    return {name: getattr(view, name) for name in minutes_fields.names()}


def with_texts(view: ItemMinutesView, change: Callable[[str], str]) -> ItemMinutesView:
    """The item's minutes with ``change`` applied to every free-text field (redaction)."""
    changed: dict[str, Any] = {n: change(getattr(view, n)) for n in minutes_fields.names()}
    return replace(view, **changed)
