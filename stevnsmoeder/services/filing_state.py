"""Where the documents of approved meetings stand in the case system (ESDH): which documents
are expected, their current versions, and their latest filing.

Plain queries for the filing export (services.filing), the secretary's list of what is still
unfiled, and the case page (services.case_history). The rules, once:

- Approved minutes are filed, and so is one extract per child whose item the minutes name on a
  legal basis that holds (``permissions.lawfully_named``): an anonymous case, or a named child
  discussed anonymously, has nothing to file in a child's case. An item not reached or moved
  to the next meeting counts only if something was written about it all the same.
- A document's version is 1 as approved and one more for every addendum it shows: every
  addendum for the minutes; for a child's extract those about the child's items and those
  about the meeting in general (an addendum about another child is not in the extract).
- A document is filed when its latest filing has its current version; an addendum after the
  filing makes it out of date.
- A database that had approved minutes before the program kept track of filing filed those by
  hand: they are "untracked", never unfiled. The moment tracking began is reference data
  (``filing_class.tracked_from``, migrations 0012 and 0013), so a laptop's replica knows it
  as its server does.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import (
    Action,
    AgendaItem,
    Case,
    FilingClass,
    FilingRecord,
    ItemMinutes,
    Meeting,
    MinutesVersion,
    Person,
    User,
    WellbeingAssessment,
)
from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.model.enums import AgendaItemStatus
from stevnsmoeder.model.filing import EXTRACT, MINUTES, FiledInfo, FilingStatus
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.minutes import ADDENDUM
from stevnsmoeder.services.permissions import (
    case_visible,
    identity_known,
    item_visible,
    lawfully_named,
)

# Items whose child has an extract to file: discussed, or left open in the minutes (others
# only with something written about them: see _written).
FILEABLE_ITEMS = (AgendaItemStatus.DISCUSSED, AgendaItemStatus.OPEN)

# A set of meetings: a list of ids, or a SELECT of them (a subquery: no list of thousands).
Scope = Any

Key = tuple[uuid.UUID, str, uuid.UUID | None]  # meeting, kind, case


def tracked_from(s: Session) -> datetime | None:
    """The newest approval the program found when it began keeping track of filing; later
    approvals are tracked (None: all are). Read from the classification, which every replica
    holds: a laptop lists as unfiled what its server lists."""
    return s.scalar(select(func.max(FilingClass.tracked_from)))


def is_tracked(approved_at: datetime, since: datetime | None) -> bool:
    return since is None or approved_at > since


def tracked(since: datetime | None) -> ColumnElement[bool]:
    """A filter on approved Meeting rows: their filing is tracked."""
    if since is None:
        return Meeting.approved_at.is_not(None)
    return Meeting.approved_at > since


def minutes_versions(s: Session, scope: Scope) -> dict[uuid.UUID, int]:
    """The minutes' version of each approved meeting: the number of its newest minutes
    version (1 as approved, one more per addendum)."""
    return {
        meeting_id: int(number)
        for meeting_id, number in s.execute(
            select(MinutesVersion.meeting_id, func.max(MinutesVersion.number))
            .where(MinutesVersion.meeting_id.in_(scope))
            .group_by(MinutesVersion.meeting_id)
        )
    }


def extract_versions(
    s: Session, pairs: Iterable[tuple[uuid.UUID, uuid.UUID]], scope: Scope
) -> dict[tuple[uuid.UUID, uuid.UUID], int]:
    """The version of each child's extract (meeting, case): 1, plus the addenda about the
    meeting in general and those about the child's items."""
    general: Counter[uuid.UUID] = Counter()
    about: Counter[tuple[uuid.UUID, uuid.UUID]] = Counter()
    for meeting_id, item_id, case_id in s.execute(
        select(MinutesVersion.meeting_id, MinutesVersion.agenda_item_id, AgendaItem.case_id)
        .outerjoin(AgendaItem, AgendaItem.id == MinutesVersion.agenda_item_id)
        .where(MinutesVersion.meeting_id.in_(scope), MinutesVersion.kind == ADDENDUM)
    ):
        if item_id is None:
            general[meeting_id] += 1
        elif case_id is not None:
            about[(meeting_id, case_id)] += 1
    return {pair: 1 + general[pair[0]] + about[pair] for pair in pairs}


def latest_filings(s: Session, scope: Scope) -> dict[Key, FiledInfo]:
    """The latest filing of every document of these meetings (the highest version, then the
    latest time)."""
    found: dict[Key, FiledInfo] = {}
    for record, by in s.execute(
        select(FilingRecord, func.coalesce(Person.name, User.login, ""))
        .outerjoin(User, FilingRecord.filed_by_id == User.id)
        .outerjoin(Person, User.person_id == Person.id)
        .where(FilingRecord.meeting_id.in_(scope))
        .order_by(FilingRecord.version, FilingRecord.filed_at)
    ):
        found[(record.meeting_id, record.kind, record.case_id)] = FiledInfo(
            record.version, record.filed_at, by, record.folder, record.file_name
        )
    return found


def _written() -> ColumnElement[bool]:
    """A filter on AgendaItem rows: the minutes record something about the item (text in a
    field, a follow-up, an agreement or a level)."""
    texts = [getattr(ItemMinutes, name) != "" for name in minutes_fields.names()]
    return or_(
        exists().where(
            ItemMinutes.agenda_item_id == AgendaItem.id,
            or_(*texts, ItemMinutes.follow_up_on.is_not(None)),
        ),
        exists().where(Action.agenda_item_id == AgendaItem.id),
        exists().where(WellbeingAssessment.agenda_item_id == AgendaItem.id),
    )


def expected_extracts(
    s: Session, ctx: ServiceContext, scope: Scope, case_id: uuid.UUID | None = None
) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """(meeting, case) of every child's extract to file from these meetings that the actor
    may see: a named child, named on a basis that holds, on an item discussed or left open."""
    query = (
        select(AgendaItem.meeting_id, AgendaItem.case_id)
        .join(Case, Case.id == AgendaItem.case_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(
            AgendaItem.meeting_id.in_(scope),
            Meeting.approved_at.is_not(None),
            Case.anonymous.is_(False),
            or_(AgendaItem.status.in_(FILEABLE_ITEMS), _written()),
            lawfully_named(AgendaItem, Meeting),
            item_visible(ctx),
            case_visible(ctx),
            identity_known(ctx),
        )
        .distinct()
    )
    if case_id is not None:
        query = query.where(AgendaItem.case_id == case_id)
    return [(m, c) for m, c in s.execute(query) if c is not None]


@dataclass(frozen=True)
class Statuses:
    minutes: dict[uuid.UUID, FilingStatus]
    extracts: dict[tuple[uuid.UUID, uuid.UUID], FilingStatus]


def statuses(
    s: Session,
    ctx: ServiceContext,
    scope: Scope,
    *,
    case_id: uuid.UUID | None = None,
    with_minutes: bool = True,
) -> Statuses:
    """Where the minutes and the children's extracts of these meetings stand (approved
    meetings only; with ``case_id`` one child's extracts)."""
    since = tracked_from(s)
    approved = {
        meeting_id: approved_at
        for meeting_id, approved_at in s.execute(
            select(Meeting.id, Meeting.approved_at).where(
                Meeting.id.in_(scope), Meeting.approved_at.is_not(None)
            )
        )
        if approved_at is not None
    }
    filed = latest_filings(s, scope)
    minutes_status: dict[uuid.UUID, FilingStatus] = {}
    if with_minutes:
        for meeting_id, version in minutes_versions(s, scope).items():
            if meeting_id in approved:
                minutes_status[meeting_id] = FilingStatus(
                    version,
                    filed.get((meeting_id, MINUTES, None)),
                    is_tracked(approved[meeting_id], since),
                )
    pairs = expected_extracts(s, ctx, scope, case_id)
    extracts = {
        pair: FilingStatus(
            version,
            filed.get((pair[0], EXTRACT, pair[1])),
            is_tracked(approved[pair[0]], since),
        )
        for pair, version in extract_versions(s, pairs, scope).items()
        if pair[0] in approved
    }
    return Statuses(minutes_status, extracts)
