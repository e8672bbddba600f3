"""A PPR reviewer takes a case along: the child's case and history travel to their replica
(with a reason, until an end date, logged) and leave it when put back or when the date has
passed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from stevnsmoeder.db.models import Case, TakenCase
from stevnsmoeder.domain.text import one_line
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import Role
from stevnsmoeder.services import audit, replication
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, PermissionDenied, ValidationError
from stevnsmoeder.services.permissions import case_visible, log_denial

LONGEST = timedelta(days=90)
MAX_REASON = 400


@dataclass(frozen=True)
class Taken:
    case_id: uuid.UUID
    reference: str
    until: date


def _only_ppr(ctx: ServiceContext) -> None:
    if ctx.actor.role is not Role.PPR:
        log_denial(ctx, "take a case along (ppr only)")
        raise PermissionDenied(_("Only PPR takes cases along."))


def take(ctx: ServiceContext, case_id: uuid.UUID, reason: str, until: date) -> Taken:
    """Take the case along until ``until`` (at most 90 days ahead), for ``reason``."""
    _only_ppr(ctx)
    reason = one_line(reason).strip()
    if not reason:
        raise ValidationError(_("Say why the case is taken along."))
    if len(reason) > MAX_REASON:
        raise ValidationError(_("The reason is too long."))
    today = ctx.today()
    if not today <= until <= today + LONGEST:
        raise ValidationError(_("Take the case along for at most 90 days from today."))
    with ctx.db.begin() as s:
        reference = s.scalar(select(Case.reference).where(Case.id == case_id, case_visible(ctx)))
        if reference is None:
            raise NotFound(_("The case does not exist or is not visible to you."))
        s.add(
            TakenCase(
                user_id=ctx.actor.user_id,
                case_id=case_id,
                reason=reason,
                until=until,
                taken_at=ctx.now(),
            )
        )
        replication.mark_scope_changed(s)
        audit.record(
            s, ctx, "case.take_along", object_type="case", case_id=case_id,
            detail=f"until {until.isoformat()}",
        )  # fmt: skip
        return Taken(case_id, reference, until)


def put_back(ctx: ServiceContext, case_id: uuid.UUID) -> None:
    """The case leaves the reviewer's replica at the next sync."""
    _only_ppr(ctx)
    with ctx.db.begin() as s:
        for taken in s.scalars(
            select(TakenCase).where(
                TakenCase.user_id == ctx.actor.user_id,
                TakenCase.case_id == case_id,
                TakenCase.returned_at.is_(None),
            )
        ):
            taken.returned_at = ctx.now()
        replication.mark_scope_changed(s)
        audit.record(s, ctx, "case.put_back", object_type="case", case_id=case_id)


def taken_cases(ctx: ServiceContext) -> set[uuid.UUID]:
    """The cases the acting reviewer holds taken along today."""
    with ctx.db.begin() as s:
        return set(
            s.scalars(
                select(TakenCase.case_id).where(
                    TakenCase.user_id == ctx.actor.user_id,
                    TakenCase.returned_at.is_(None),
                    TakenCase.until >= ctx.today(),
                )
            )
        )
