"""Carry-over when planning a meeting: what the previous meeting of the series did not
reach, and the open agreements of the children on the agenda from any meeting type."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import (
    Action,
    AgendaItem,
    Case,
    ItemMinutes,
    LegalBasis,
    Meeting,
    MeetingType,
    Person,
)
from stevnsmoeder.domain.dates import long_date, short_date
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import ActionStatus, AgendaItemStatus, MeetingStatus
from stevnsmoeder.services import audit
from stevnsmoeder.services.cases import display_name
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, ValidationError
from stevnsmoeder.services.oplog import operation
from stevnsmoeder.services.permissions import Permission, allowed, case_visible, require
from stevnsmoeder.services.planning import (
    MeetingPlan,
    done,
    for_edit,
    item_in,
    items_of,
    renumber,
    visible_meeting,
)

# -- carry-over --------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnfinishedItem:
    item_id: uuid.UUID
    title: str
    case_name: str
    from_meeting: str  # "Distriktsmøde, tirsdag den 10. november 2026"
    status: AgendaItemStatus


@dataclass(frozen=True)
class OpenAgreement:
    kind: str  # "action" or "follow_up"
    id: uuid.UUID
    case_id: uuid.UUID
    case_name: str
    text: str
    owner: str
    due_on: date | None
    from_meeting: str


@dataclass(frozen=True)
class CarryOver:
    unfinished: tuple[UnfinishedItem, ...]
    agreements: tuple[OpenAgreement, ...]


def _where(meeting: Meeting, mt_name: str) -> str:
    return f"{mt_name}, {long_date(meeting.starts_at.date())}"


def carry_over_candidates(ctx: ServiceContext, meeting_id: uuid.UUID) -> CarryOver:
    """(a) Items the previous meeting of the series did not reach or pushed to next time,
    not yet carried anywhere; (b) open actions and follow-ups for the children on this
    agenda from any meeting type.

    Suggestions are for those who plan the meeting (and know every child of the register):
    empty for every other role, which would otherwise read children's names and agreements
    from meetings it may not see (a participant or the police, even of a child they know only
    as "anonym drøftelse")."""
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    if not allowed(ctx, Permission.EDIT_MEETINGS):
        return CarryOver((), ())
    with ctx.db.begin() as s:
        meeting = visible_meeting(s, ctx, meeting_id)
        unfinished: list[UnfinishedItem] = []
        if meeting.series_id is not None:
            previous = s.scalar(
                select(Meeting)
                .where(
                    Meeting.series_id == meeting.series_id,
                    Meeting.starts_at < meeting.starts_at,
                    Meeting.status != MeetingStatus.CANCELLED,
                )
                .order_by(Meeting.starts_at.desc())
                .limit(1)
            )
            if previous is not None:
                carried = select(AgendaItem.carried_over_from_id).where(
                    AgendaItem.carried_over_from_id.is_not(None)
                )
                mt = s.get_one(MeetingType, previous.meeting_type_id)
                for item, case in s.execute(
                    select(AgendaItem, Case)
                    .outerjoin(Case, AgendaItem.case_id == Case.id)
                    .where(
                        AgendaItem.meeting_id == previous.id,
                        AgendaItem.status.in_(
                            [AgendaItemStatus.NEXT_TIME, AgendaItemStatus.NOT_REACHED]
                        ),
                        AgendaItem.id.not_in(carried),
                    )
                    .order_by(AgendaItem.position)
                ):
                    unfinished.append(
                        UnfinishedItem(
                            item.id,
                            item.title,
                            display_name(case) if case else "",
                            _where(previous, mt.name),
                            item.status,
                        )
                    )
        children = {
            c.id: c
            for c in s.scalars(
                select(Case)
                .join(AgendaItem, AgendaItem.case_id == Case.id)
                .where(AgendaItem.meeting_id == meeting.id, case_visible(ctx))
            )
        }
        agreements: list[OpenAgreement] = []
        if children:
            rows = s.execute(
                select(Action, Meeting, MeetingType.name, Person.name)
                .join(AgendaItem, Action.agenda_item_id == AgendaItem.id)
                .join(Meeting, AgendaItem.meeting_id == Meeting.id)
                .join(MeetingType, Meeting.meeting_type_id == MeetingType.id)
                .outerjoin(Person, Action.owner_id == Person.id)
                .where(
                    Action.case_id.in_(list(children)),
                    Action.status == ActionStatus.OPEN,
                    Meeting.id != meeting.id,
                )
                .order_by(Action.due_on)
            ).all()
            for action, where, type_name, owner in rows:
                if action.case_id is None:
                    continue
                agreements.append(
                    OpenAgreement(
                        "action",
                        action.id,
                        action.case_id,
                        display_name(children[action.case_id]),
                        action.text,
                        owner or action.owner_text,
                        action.due_on,
                        _where(where, type_name),
                    )
                )
            follow = s.execute(
                select(ItemMinutes, AgendaItem.case_id, Meeting, MeetingType.name)
                .join(AgendaItem, ItemMinutes.agenda_item_id == AgendaItem.id)
                .join(Meeting, AgendaItem.meeting_id == Meeting.id)
                .join(MeetingType, Meeting.meeting_type_id == MeetingType.id)
                .where(
                    AgendaItem.case_id.in_(list(children)),
                    ItemMinutes.follow_up_on.is_not(None),
                    ItemMinutes.follow_up_on >= (meeting.starts_at - timedelta(days=60)).date(),
                    Meeting.starts_at < meeting.starts_at,
                )
                .order_by(ItemMinutes.follow_up_on)
            ).all()
            for minutes, case_id, where, type_name in follow:
                if case_id is None or minutes.follow_up_on is None:
                    continue
                agreements.append(
                    OpenAgreement(
                        "follow_up",
                        minutes.id,
                        case_id,
                        display_name(children[case_id]),
                        _("Follow-up agreed for {day}", day=short_date(minutes.follow_up_on)),
                        "",
                        minutes.follow_up_on,
                        _where(where, type_name),
                    )
                )
            for child in children:
                audit.record(
                    s,
                    ctx,
                    "case.view",
                    object_type="meeting",
                    object_id=meeting.id,
                    case_id=child,
                    detail="carry-over",
                )
        return CarryOver(tuple(unfinished), tuple(agreements))


def copy_items_into(
    s: Session, ctx: ServiceContext, meeting: Meeting, olds: Sequence[AgendaItem]
) -> int:
    """Copy unfinished items (with their legal basis, evaluated again on the new meeting's
    date) before the new meeting's closing 'Eventuelt'. Items already carried are skipped."""
    items = items_of(s, meeting.id)
    already = {i.carried_over_from_id for i in items}
    at = len(items) - (1 if items and items[-1].title == "Eventuelt" else 0)
    count = 0
    for old in olds:
        if old.id in already:
            continue
        new = AgendaItem(
            meeting_id=meeting.id,
            position=0,
            kind=old.kind,
            title=old.title,
            description=old.description,
            time_box_minutes=old.time_box_minutes,
            case_id=old.case_id,
            carried_over_from_id=old.id,
        )
        s.add(new)
        s.flush()
        old_basis = s.scalar(select(LegalBasis).where(LegalBasis.agenda_item_id == old.id))
        if old_basis is not None:
            s.add(
                LegalBasis(
                    agenda_item_id=new.id,
                    kind=old_basis.kind,
                    consent_id=old_basis.consent_id,
                    reason=old_basis.reason,
                    legal_reference_id=old_basis.legal_reference_id,
                    recorded_by_id=ctx.actor.user_id,
                )
            )
        items.insert(at, new)
        at += 1
        count += 1
    renumber(items)
    return count


@operation("carry_over.carry_over")
def carry_over(
    ctx: ServiceContext, meeting_id: uuid.UUID, revision: int, item_ids: Sequence[uuid.UUID]
) -> MeetingPlan:
    """Bring unfinished items from the previous meeting onto this agenda."""
    with ctx.db.begin() as s:
        meeting = for_edit(s, ctx, meeting_id, revision)
        olds = []
        for old_id in item_ids:
            old = s.get(AgendaItem, old_id)
            if old is None or old.meeting_id == meeting.id:
                raise NotFound(_("The agenda item does not exist."))
            olds.append(old)
        copy_items_into(s, ctx, meeting, olds)
        return done(s, ctx, meeting, "agenda.carry_over", detail=f"{len(item_ids)} items")


@operation("carry_over.bring_agreements")
def bring_agreements(
    ctx: ServiceContext,
    meeting_id: uuid.UUID,
    revision: int,
    item_id: uuid.UUID,
    agreements: Sequence[OpenAgreement],
) -> MeetingPlan:
    """Note a child's open agreements from other meetings under the child's item."""
    with ctx.db.begin() as s:
        meeting = for_edit(s, ctx, meeting_id, revision)
        item = item_in(s, meeting, item_id)
        lines = [item.description] if item.description else []
        lines.append(_("Open agreements:"))
        for a in agreements:
            if a.case_id != item.case_id:
                raise ValidationError(_("An agreement can only go under its own child's item."))
            due = f", {short_date(a.due_on)}" if a.due_on else ""
            owner = f" ({a.owner}{due})" if a.owner or due else ""
            lines.append(f"– {a.text}{owner} [{a.from_meeting}]")
        item.description = "\n".join(lines)
        return done(s, ctx, meeting, "agenda.agreements", case_id=item.case_id)
