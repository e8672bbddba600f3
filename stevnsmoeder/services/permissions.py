"""Need-to-know: what each role may do, checked at every service entry point.

The UI may hide what a role cannot do, but the services decide. A denied call is logged in its
own unit of work (so the denial survives the caller's rollback) and raises PermissionDenied.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, func, not_, or_, select, true
from sqlalchemy.orm import Session, aliased

from stevnsmoeder.db.models import (
    AgendaItem,
    Case,
    Consent,
    ConsentMeetingType,
    LegalBasis,
    Meeting,
    MeetingType,
    Participation,
)
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import LegalBasisKind, Role
from stevnsmoeder.services import audit
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import PermissionDenied


class Permission(enum.StrEnum):
    VIEW_MEETINGS = "view_meetings"
    EDIT_MEETINGS = "edit_meetings"
    VIEW_CASES = "view_cases"
    EDIT_CASES = "edit_cases"
    MANAGE_USERS = "manage_users"
    EDIT_REFERENCE = "edit_reference"
    VIEW_AUDIT = "view_audit"
    MAINTAIN = "maintain"  # integrity check, backups
    # The policy follow-up: counts with small numbers hidden (services.statistics), never a
    # child, a case, an item, minutes or a search.
    VIEW_STATISTICS = "view_statistics"


P = Permission
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(
        {P.VIEW_MEETINGS, P.MANAGE_USERS, P.EDIT_REFERENCE, P.VIEW_AUDIT, P.MAINTAIN}
    ),
    Role.LEDER: frozenset(
        {
            P.VIEW_MEETINGS,
            P.EDIT_MEETINGS,
            P.VIEW_CASES,
            P.EDIT_CASES,
            P.MAINTAIN,
            P.VIEW_STATISTICS,
        }
    ),
    Role.REFERENT: frozenset(
        {
            P.VIEW_MEETINGS,
            P.EDIT_MEETINGS,
            P.VIEW_CASES,
            P.EDIT_CASES,
            P.MAINTAIN,
            P.VIEW_STATISTICS,
        }
    ),
    Role.DELTAGER: frozenset({P.VIEW_MEETINGS, P.VIEW_CASES}),
    Role.PPR: frozenset({P.VIEW_MEETINGS, P.VIEW_CASES}),
    Role.POLITI: frozenset({P.VIEW_MEETINGS, P.VIEW_CASES}),
    # The head of Børn & Læring: aggregates only. No meeting, case, minutes or search.
    Role.CHEF: frozenset({P.VIEW_STATISTICS}),
}


def allowed(ctx: ServiceContext, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(ctx.actor.role, frozenset())


def require(ctx: ServiceContext, permission: Permission, what: str) -> None:
    """Raise PermissionDenied (and log the denial) unless the actor holds ``permission``."""
    if allowed(ctx, permission):
        return
    log_denial(ctx, f"{what} ({permission.value})")
    raise PermissionDenied(_("Your role does not allow this: {what}.", what=_(what)))


def log_denial(ctx: ServiceContext, detail: str) -> None:
    """Write a refusal to the access log in a unit of work of its own: at once, or, when the
    refusal comes from inside an open unit of work (which the refusal then rolls back), as
    soon as that has ended."""

    def write() -> None:
        with ctx.db.begin() as session:
            audit.record(session, ctx, "denied", detail=detail)

    ctx.db.after_unit_of_work(write)


# The aliases of the filters' own subqueries, made once: building an alias's columns costs
# about a millisecond, and the filters are built for every query. Each alias is used only
# inside its own function's subqueries — none of these functions is ever nested in itself, and
# none puts its aliases in a caller's FROM — so sharing them between calls cannot correlate
# anything wrongly.
_POLICE_TYPE = aliased(MeetingType)
_PARTICIPANT = aliased(Participation)
_VISIBLE_BASIS = aliased(LegalBasis)
_VISIBLE_CASE = aliased(Case)
_FROM_ITEM = aliased(AgendaItem)
_FROM_MEETING = aliased(Meeting)
_SEEN_ITEM = aliased(AgendaItem)
_SEEN_MEETING = aliased(Meeting)


def meeting_visible(ctx: ServiceContext, meeting: Any = Meeting) -> ColumnElement[bool]:
    """A filter on Meeting rows (or an alias of Meeting): the meetings this actor may see.

    The subqueries use aliases of their own, so they never correlate with tables of the
    caller's query. None for a role that may not see meetings at all (the head of Børn &
    Læring, who sees aggregates only), whatever the entry point forgot to check."""
    if not allowed(ctx, Permission.VIEW_MEETINGS):
        return false()
    role = ctx.actor.role
    if role is Role.POLITI:
        police_type = _POLICE_TYPE
        return meeting.meeting_type_id.in_(  # type: ignore[no-any-return]
            # Only types the police may see (flagged in reference data: SSP, the
            # Retsplejeloven § 115 exchange).
            select(police_type.id).where(police_type.police_visible.is_(True))
        )
    if role is Role.DELTAGER:
        if ctx.actor.person_id is None:
            return false()
        part = _PARTICIPANT
        return exists().where(
            and_(part.meeting_id == meeting.id, part.person_id == ctx.actor.person_id)
        )
    return true()


# What Retsplejeloven § 115 lets the police take part in at an SSP meeting: a child's item
# discussed under § 115 itself, or one where no child is named (an anonymous case, or a named
# child discussed anonymously). Items under consent, a report of concern or another basis —
# a daycare's, a school's or the health visitor's account given to the others — stay out.
POLICE_BASES = (LegalBasisKind.RPL115, LegalBasisKind.ANONYMOUS)


def item_visible(ctx: ServiceContext, item: Any = AgendaItem) -> ColumnElement[bool]:
    """A filter on agenda items (or an alias) within meetings the actor may see: for the
    police, only what § 115 allows; for the administrator, no child's item at all (meetings
    yes, case data no); for every other role, every item."""
    if not allowed(ctx, Permission.VIEW_MEETINGS):
        return false()
    if ctx.actor.role is Role.ADMIN:
        return item.case_id.is_(None)  # type: ignore[no-any-return]
    if ctx.actor.role is not Role.POLITI:
        return true()
    basis, case = _VISIBLE_BASIS, _VISIBLE_CASE
    return or_(
        item.case_id.is_(None),
        exists().where(basis.agenda_item_id == item.id, basis.kind.in_(POLICE_BASES)),
        exists().where(case.id == item.case_id, case.anonymous.is_(True)),
    )


SCOPED_ROLES = (Role.POLITI, Role.DELTAGER)


def from_visible_item(
    ctx: ServiceContext, item_id: Any, known_named: Collection[uuid.UUID] | None = None
) -> ColumnElement[bool]:
    """A filter on rows that belong to an agenda item (an assessment, an agreement): the
    item is one the actor may see, in a meeting the actor may see, and it counts towards its
    child (linked_to_child, with ``known_named``). True at once for the roles that see every
    item of every meeting."""
    if ctx.actor.role not in SCOPED_ROLES:
        return true()
    item, meeting = _FROM_ITEM, _FROM_MEETING
    return exists().where(
        item.id == item_id,
        item_visible(ctx, item),
        meeting.id == item.meeting_id,
        meeting_visible(ctx, meeting),
        linked_to_child(ctx, item, meeting, known_named),
    )


def whole_case(ctx: ServiceContext) -> ColumnElement[bool]:
    """True for roles that see everything about a visible case (also what was recorded outside
    any meeting); false for the roles scoped to their meetings."""
    return false() if ctx.actor.role in SCOPED_ROLES else true()


def case_visible(ctx: ServiceContext) -> ColumnElement[bool]:
    """A filter on Case rows: the cases this actor may see (those discussed at a meeting the
    actor may see, for the scoped roles)."""
    role = ctx.actor.role
    if role in SCOPED_ROLES:
        item, meeting = _SEEN_ITEM, _SEEN_MEETING
        return exists().where(
            and_(
                item.case_id == Case.id,
                item.meeting_id == meeting.id,
                meeting_visible(ctx, meeting),
                item_visible(ctx, item),
            )
        )
    if not allowed(ctx, Permission.VIEW_CASES):
        return false()
    return true()


# -- anonym drøftelse ---------------------------------------------------------------------------
#
# A named child discussed anonymously (the item's legal basis is "anonym drøftelse", or no basis
# holds on the meeting day, so the agenda cannot name the child) must stay unknown to whoever
# learns of the child only through such discussions. Who may know the child, role by role:
#
# - leder, referent: yes. They keep the case register and prepared the agenda (they chose the
#   child for the item and recorded its basis); they need the identity to plan and to file.
# - ppr: yes. PPR reviews the whole case register by role, not through a meeting, so the
#   anonymous discussion teaches PPR nothing it does not already see in the register.
# - admin: no child at all (meetings yes, case data no; see item_visible).
# - deltager (a participant) and politi (the police at SSP) know of a case only through the
#   items they see. They know who a named child is only from an item that names the child on a
#   basis that holds on that meeting's day (consent covering the meeting type, Retsplejeloven
#   § 115 at SSP, a report of concern, another basis given in words) — see identity_known.
#   Otherwise the child appears to them as an anonymous case ("anonym drøftelse"): no name,
#   case number, birth date, CPR, school, grade, district, family or consent.
# - And the other way round: an item discussed anonymously is never tied, for these two roles,
#   to a child they do know by name (linked_to_child); it stays in the meeting as "anonym
#   drøftelse", and the child's page holds the named items only.


# (made once, as above)
_NAMED_BASIS = aliased(LegalBasis)
_NAMED_CONSENT = aliased(Consent)
_NAMED_COVERS = aliased(ConsentMeetingType)
_NAMED_TYPE = aliased(MeetingType)
_KNOWN_ITEM = aliased(AgendaItem)
_KNOWN_MEETING = aliased(Meeting)
_LINKED_CASE = aliased(Case)


def lawfully_named(item: Any, meeting: Any) -> ColumnElement[bool]:
    """A filter on an agenda item (alias) in its meeting (alias): the item names its child on
    a legal basis that holds on the meeting day — the rule of planning.evaluate_basis, in SQL.
    False for "anonym drøftelse", for no basis, and for a basis that does not hold."""
    basis, given, covers, kind = _NAMED_BASIS, _NAMED_CONSENT, _NAMED_COVERS, _NAMED_TYPE
    day = func.date(meeting.starts_at)
    consent_holds = exists().where(
        given.id == basis.consent_id,
        given.given_on <= day,
        or_(given.expires_on.is_(None), given.expires_on >= day),
        or_(given.withdrawn_on.is_(None), given.withdrawn_on > day),
        exists().where(
            covers.consent_id == given.id, covers.meeting_type_id == meeting.meeting_type_id
        ),
    )
    return exists().where(
        basis.agenda_item_id == item.id,
        or_(
            basis.kind == LegalBasisKind.UNDERRETNING,
            and_(basis.kind == LegalBasisKind.OTHER, func.trim(basis.reason) != ""),
            and_(
                basis.kind == LegalBasisKind.RPL115,
                exists().where(kind.id == meeting.meeting_type_id, kind.allows_rpl115.is_(True)),
            ),
            and_(basis.kind == LegalBasisKind.CONSENT, consent_holds),
        ),
    )


def identity_known(ctx: ServiceContext, case: Any = Case) -> ColumnElement[bool]:
    """A filter on Case rows (or an alias): the actor may know who the child is (see the rule
    above). True for an anonymous case (its pseudonym is all there is to know) and for the
    roles that see the whole register; for a participant or the police, only a child named to
    them by an item they may see."""
    if ctx.actor.role not in SCOPED_ROLES:
        return true() if allowed(ctx, Permission.VIEW_CASES) else false()
    item, meeting = _KNOWN_ITEM, _KNOWN_MEETING
    return or_(
        case.anonymous.is_(True),
        exists().where(
            item.case_id == case.id,
            meeting.id == item.meeting_id,
            meeting_visible(ctx, meeting),
            item_visible(ctx, item),
            lawfully_named(item, meeting),
        ),
    )


def linked_to_child(
    ctx: ServiceContext,
    item: Any,
    meeting: Any,
    known_named: Collection[uuid.UUID] | None = None,
) -> ColumnElement[bool]:
    """A filter on an agenda item (alias) in its meeting (alias): what the item holds (its
    entry, level, agreements) counts towards its child's case for this actor. Always, except
    for a participant or the police: an item that does not name a named child then counts only
    while the actor does not know who the child is (so it never tells them that a child they
    know was discussed anonymously).

    ``known_named``: the named children among those asked about whom the actor knows, when the
    caller has worked that out already (known_cases) — much cheaper than asking per item."""
    if ctx.actor.role not in SCOPED_ROLES:
        return true()
    if known_named is not None:
        if not known_named:
            return true()
        return or_(
            item.case_id.is_(None),
            item.case_id.not_in(list(known_named)),
            lawfully_named(item, meeting),
        )
    case = _LINKED_CASE
    return or_(
        item.case_id.is_(None),
        exists().where(
            case.id == item.case_id,
            or_(case.anonymous.is_(True), not_(identity_known(ctx, case))),
        ),
        lawfully_named(item, meeting),
    )


def known_cases(s: Session, ctx: ServiceContext, case_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Of these cases, those whose child the actor may know (identity_known)."""
    ids = list(set(case_ids))
    if not ids:
        return set()
    if ctx.actor.role not in SCOPED_ROLES:
        return set(ids) if allowed(ctx, Permission.VIEW_CASES) else set()
    return set(s.scalars(select(Case.id).where(Case.id.in_(ids), identity_known(ctx))))


def named_items(s: Session, item_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Of these agenda items, those that name their child (lawfully_named)."""
    ids = list(set(item_ids))
    if not ids:
        return set()
    item, meeting = aliased(AgendaItem), aliased(Meeting)
    return set(
        s.scalars(
            select(item.id)
            .join(meeting, meeting.id == item.meeting_id)
            .where(item.id.in_(ids), lawfully_named(item, meeting))
        )
    )


def unnamed_items(
    s: Session, ctx: ServiceContext, item_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, uuid.UUID]:
    """Of these agenda items, those that to this actor are about a child shown as "anonym
    drøftelse" — a named child the item does not name, for a participant or the police — each
    with its case. Empty for every other role."""
    ids = list(set(item_ids))
    if not ids or ctx.actor.role not in SCOPED_ROLES:
        return {}
    rows = s.execute(
        select(AgendaItem.id, AgendaItem.case_id)
        .join(Case, Case.id == AgendaItem.case_id)
        .where(AgendaItem.id.in_(ids), Case.anonymous.is_(False))
    ).all()
    named = named_items(s, [item_id for item_id, _case in rows])
    return {
        item_id: case_id
        for item_id, case_id in rows
        if item_id not in named and case_id is not None
    }
