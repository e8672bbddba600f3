"""Need-to-know: what each role may do, checked at every service entry point.

The UI may hide what a role cannot do, but the services decide. A denied call is logged in its
own unit of work (so the denial survives the caller's rollback) and raises PermissionDenied.
"""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, false, or_, select, true
from sqlalchemy.orm import aliased

from stevnsmoeder.db.models import (
    AgendaItem,
    Case,
    LegalBasis,
    LegalBasisKind,
    Meeting,
    MeetingType,
    Participation,
    Role,
)
from stevnsmoeder.i18n import _
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


P = Permission
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(
        {P.VIEW_MEETINGS, P.MANAGE_USERS, P.EDIT_REFERENCE, P.VIEW_AUDIT, P.MAINTAIN}
    ),
    Role.LEDER: frozenset(
        {P.VIEW_MEETINGS, P.EDIT_MEETINGS, P.VIEW_CASES, P.EDIT_CASES, P.MAINTAIN}
    ),
    Role.REFERENT: frozenset(
        {P.VIEW_MEETINGS, P.EDIT_MEETINGS, P.VIEW_CASES, P.EDIT_CASES, P.MAINTAIN}
    ),
    Role.DELTAGER: frozenset({P.VIEW_MEETINGS, P.VIEW_CASES}),
    Role.PPR: frozenset({P.VIEW_MEETINGS, P.VIEW_CASES}),
    Role.POLITI: frozenset({P.VIEW_MEETINGS, P.VIEW_CASES}),
}

# Meeting types the police may see at all (Retsplejeloven § 115 exchange happens in SSP).
POLICE_MEETING_TYPES = ("ssp",)


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


def meeting_visible(ctx: ServiceContext, meeting: Any = Meeting) -> ColumnElement[bool]:
    """A filter on Meeting rows (or an alias of Meeting): the meetings this actor may see.

    The subqueries use aliases of their own, so they never correlate with tables of the
    caller's query."""
    role = ctx.actor.role
    if role is Role.POLITI:
        police_type = aliased(MeetingType)
        return meeting.meeting_type_id.in_(  # type: ignore[no-any-return]
            select(police_type.id).where(police_type.code.in_(POLICE_MEETING_TYPES))
        )
    if role is Role.DELTAGER:
        if ctx.actor.person_id is None:
            return false()
        part = aliased(Participation)
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
    if ctx.actor.role is Role.ADMIN:
        return item.case_id.is_(None)  # type: ignore[no-any-return]
    if ctx.actor.role is not Role.POLITI:
        return true()
    basis, case = aliased(LegalBasis), aliased(Case)
    return or_(
        item.case_id.is_(None),
        exists().where(basis.agenda_item_id == item.id, basis.kind.in_(POLICE_BASES)),
        exists().where(case.id == item.case_id, case.anonymous.is_(True)),
    )


SCOPED_ROLES = (Role.POLITI, Role.DELTAGER)


def from_visible_item(ctx: ServiceContext, item_id: Any) -> ColumnElement[bool]:
    """A filter on rows that belong to an agenda item (an assessment, an agreement): the
    item is one the actor may see, in a meeting the actor may see. True at once for the roles
    that see every item of every meeting."""
    if ctx.actor.role not in SCOPED_ROLES:
        return true()
    item, meeting = aliased(AgendaItem), aliased(Meeting)
    return exists().where(
        item.id == item_id,
        item_visible(ctx, item),
        meeting.id == item.meeting_id,
        meeting_visible(ctx, meeting),
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
        item, meeting = aliased(AgendaItem), aliased(Meeting)
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
