"""What needs attention soon: open actions with a deadline, consents about to expire, and
minutes waiting for approval.

For the start page. Only cases the user may see; showing them is a read of case data and is
logged (one event, with the count, not one per child). Minutes waiting for approval are
meetings (titles and dates, no case data), for those who may approve them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, exists, false, func, or_, select, true
from sqlalchemy.orm import aliased

from stevnsmoeder.db.models import (
    Action,
    AgendaItem,
    Case,
    Consent,
    CustodyHolder,
    Meeting,
    Participation,
    Person,
)
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import ActionStatus, MeetingStatus
from stevnsmoeder.services import audit
from stevnsmoeder.services.cases import display_name, hiding_redactor, initials
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.meetings import MeetingSummary, summaries_in
from stevnsmoeder.services.permissions import (
    SCOPED_ROLES,
    Permission,
    allowed,
    case_visible,
    identity_known,
    item_visible,
    lawfully_named,
    meeting_visible,
)

ACTIONS_AHEAD_DAYS = 14
CONSENTS_AHEAD_DAYS = 30


@dataclass(frozen=True)
class DueAction:
    id: uuid.UUID
    case_id: uuid.UUID
    case_name: str
    case_initials: str
    text: str
    owner: str
    due_on: date
    overdue: bool


@dataclass(frozen=True)
class ExpiringConsent:
    id: uuid.UUID
    case_id: uuid.UUID
    case_name: str
    case_initials: str
    holder: str
    expires_on: date


@dataclass(frozen=True)
class Attention:
    actions: tuple[DueAction, ...]
    consents: tuple[ExpiringConsent, ...]


def _mine(ctx: ServiceContext) -> ColumnElement[bool]:
    """Actions the user owns, or agreed at a meeting the user chairs, writes or attends.

    Correlated EXISTS tests, so only the few open actions due soon are looked at (an IN list
    of every meeting the user ever attended grows with the years)."""
    person = ctx.actor.person_id
    if person is None:
        return false()
    item, meeting, part = aliased(AgendaItem), aliased(Meeting), aliased(Participation)
    attended = exists().where(part.meeting_id == meeting.id, part.person_id == person)
    return or_(
        Action.owner_id == person,
        exists().where(
            item.id == Action.agenda_item_id,
            meeting.id == item.meeting_id,
            or_(meeting.chair_id == person, meeting.secretary_id == person, attended),
        ),
    )


def _item_seen(ctx: ServiceContext) -> ColumnElement[bool]:
    """The action's item is one the actor may see (correlated, so cheap for every role)."""
    item = aliased(AgendaItem)
    return exists().where(item.id == Action.agenda_item_id, item_visible(ctx, item))


def _names_child(ctx: ServiceContext) -> ColumnElement[bool]:
    """The action's item names its child to this actor: always for the roles that know every
    child of the register; for a participant or the police only an item that names the child
    lawfully (see permissions.identity_known), else the child is "anonym drøftelse"."""
    if ctx.actor.role not in SCOPED_ROLES:
        return true()
    item, meeting = aliased(AgendaItem), aliased(Meeting)
    return exists().where(
        item.id == Action.agenda_item_id,
        meeting.id == item.meeting_id,
        lawfully_named(item, meeting),
    )


def attention(ctx: ServiceContext) -> Attention:
    """Open actions due within two weeks (overdue first) that are the user's own or from the
    user's meetings, and consents that expire within a month, for the cases the user may
    see. Empty for roles without case access."""
    if not allowed(ctx, Permission.VIEW_CASES):
        return Attention((), ())
    today = ctx.today()
    with ctx.db.begin() as s:
        rows = s.execute(
            select(Action, Case, Person.name, _names_child(ctx).label("named"))
            .join(Case, Action.case_id == Case.id)
            .outerjoin(Person, Action.owner_id == Person.id)
            .where(
                Action.status == ActionStatus.OPEN,
                Action.due_on.is_not(None),
                Action.due_on <= today + timedelta(days=ACTIONS_AHEAD_DAYS),
                case_visible(ctx),
                _item_seen(ctx),
                _mine(ctx),
            )
            .order_by(Action.due_on)
        ).all()
        hidden = {c.id for _a, c, _o, named in rows if not (named or c.anonymous)}
        redact = hiding_redactor(s, hidden) if hidden else None
        unnamed = _("anonymous discussion")
        actions = tuple(
            DueAction(
                a.id,
                c.id,
                display_name(c) if named or c.anonymous else unnamed,
                initials(c) if named or c.anonymous else unnamed,
                redact(a.text) if redact and not (named or c.anonymous) else a.text,
                owner or a.owner_text,
                a.due_on,
                a.due_on < today,
            )
            for a, c, owner, named in rows
            if a.due_on is not None
        )
        rows2 = s.execute(
            select(Consent, Case, CustodyHolder.name)
            .join(Case, Consent.case_id == Case.id)
            .join(CustodyHolder, Consent.given_by_id == CustodyHolder.id)
            .where(
                Consent.withdrawn_on.is_(None),
                Consent.expires_on.is_not(None),
                Consent.expires_on >= today,
                Consent.expires_on <= today + timedelta(days=CONSENTS_AHEAD_DAYS),
                Case.closed_on.is_(None),
                case_visible(ctx),
                identity_known(ctx),  # a consent names the child and the family
            )
            .order_by(Consent.expires_on)
        ).all()
        consents = tuple(
            ExpiringConsent(k.id, c.id, display_name(c), initials(c), holder, k.expires_on)
            for k, c, holder in rows2
            if k.expires_on is not None
        )
        if actions or consents:
            audit.record(
                s,
                ctx,
                "overview.view",
                detail=f"{len(actions)} actions, {len(consents)} consents",
            )
        return Attention(actions, consents)


def awaiting_approval(ctx: ServiceContext, *, limit: int | None = None) -> list[MeetingSummary]:
    """Held meetings whose minutes are not approved yet, oldest first: the secretary's
    backlog (the oldest ``limit`` of it). Empty for roles that may not approve minutes
    (minutes.approve's permission)."""
    if not allowed(ctx, Permission.EDIT_MEETINGS):
        return []
    with ctx.db.begin() as s:
        return summaries_in(
            s, ctx, Meeting.status == MeetingStatus.HELD, Meeting.approved_at.is_(None),
            limit=limit,
        )  # fmt: skip


def awaiting_approval_count(ctx: ServiceContext) -> int:
    """How many held meetings' minutes wait for approval (0 for roles that may not approve)."""
    if not allowed(ctx, Permission.EDIT_MEETINGS):
        return 0
    with ctx.db.begin() as s:
        return int(
            s.scalar(
                select(func.count(Meeting.id)).where(
                    meeting_visible(ctx),
                    Meeting.status == MeetingStatus.HELD,
                    Meeting.approved_at.is_(None),
                )
            )
            or 0
        )
