"""The case register: children and young people followed across meetings, and anonymous
cases. Every read of case data is written to the access log."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import Action, Case, CustodyHolder, District, WellbeingAssessment
from stevnsmoeder.domain import cpr as cpr_rules
from stevnsmoeder.domain.anonymise import Redactor, name_replacements
from stevnsmoeder.domain.text import one_line
from stevnsmoeder.i18n import _
from stevnsmoeder.model.cases import CaseSummary
from stevnsmoeder.model.enums import ActionStatus
from stevnsmoeder.services import audit, reference_data
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, ValidationError
from stevnsmoeder.services.meetings import resolve_district
from stevnsmoeder.services.oplog import operation
from stevnsmoeder.services.permissions import (
    Permission,
    case_visible,
    from_visible_item,
    identity_known,
    known_cases,
    require,
    unnamed_items,
)
from stevnsmoeder.services.redaction import redact_record


def display_name(case: Case) -> str:
    return name_of(case.anonymous, case.pseudonym, case.first_name, case.last_name, case.reference)


def initials(case: Case) -> str:
    """For screen-safe mode: "A.B." for a named child, the pseudonym for an anonymous one."""
    return initials_of(
        case.anonymous, case.pseudonym, case.first_name, case.last_name, case.reference
    )


def name_of(
    anonymous: bool, pseudonym: str, first: str | None, last: str | None, reference: str
) -> str:
    """display_name on the columns themselves (for queries that select only those)."""
    if anonymous:
        return pseudonym or _("Anonymous case {ref}", ref=reference)
    return " ".join(part for part in (first, last) if part)


def initials_of(
    anonymous: bool, pseudonym: str, first: str | None, last: str | None, reference: str
) -> str:
    if anonymous:
        return name_of(anonymous, pseudonym, first, last, reference)
    return "".join(f"{part[0]}." for part in (first, last) if part)


def _latest_levels(
    s: Session,
    ctx: ServiceContext,
    case_ids: list[uuid.UUID] | None = None,
    known_named: set[uuid.UUID] | None = None,
) -> dict[uuid.UUID, int]:
    """Each case's latest level, from what the actor may see (``known_named``: see
    permissions.linked_to_child)."""
    ranked = select(
        WellbeingAssessment.case_id,
        WellbeingAssessment.level,
        func.row_number()
        .over(
            partition_by=WellbeingAssessment.case_id,
            order_by=(
                WellbeingAssessment.assessed_on.desc(),
                WellbeingAssessment.created_at.desc(),
            ),
        )
        .label("rn"),
    ).where(from_visible_item(ctx, WellbeingAssessment.agenda_item_id, known_named))
    if case_ids is not None:
        ranked = ranked.where(WellbeingAssessment.case_id.in_(case_ids))
    sub = ranked.subquery()
    return dict(s.execute(select(sub.c.case_id, sub.c.level).where(sub.c.rn == 1)).all())


def _open_actions(
    s: Session, ctx: ServiceContext, known_named: set[uuid.UUID] | None = None
) -> dict[uuid.UUID, int]:
    """Open agreements per case, of those the actor may see."""
    q = (
        select(Action.case_id, func.count())
        .where(
            Action.status == ActionStatus.OPEN,
            Action.case_id.is_not(None),
            from_visible_item(ctx, Action.agenda_item_id, known_named),
        )
        .group_by(Action.case_id)
    )
    return {case_id: n for case_id, n in s.execute(q).all() if case_id is not None}


def _summary(
    case: Case,
    district: str | None,
    level: int | None,
    labels: dict[int, str],
    open_actions: int,
    known: bool = True,
) -> CaseSummary:
    if not known:
        return unknown_child(case.id, level, labels.get(level, "") if level else "", open_actions)
    return CaseSummary(
        id=case.id,
        reference=case.reference,
        display_name=display_name(case),
        initials=initials(case),
        anonymous=case.anonymous,
        district=district,
        institution=case.institution,
        birth_date=case.birth_date,
        cpr_masked=cpr_rules.mask(case.cpr),
        level=level,
        level_label=labels.get(level, "") if level else "",
        open_actions=open_actions,
        closed_on=case.closed_on,
    )


def unknown_child(
    case_id: uuid.UUID, level: int | None, level_label: str, open_actions: int
) -> CaseSummary:
    """A named child as shown to someone who may not know who the child is (see
    permissions.identity_known): an anonymous case called "anonym drøftelse", without the
    case number (it finds the child elsewhere), birth date, CPR, school or district."""
    label = _("anonymous discussion")
    return CaseSummary(
        id=case_id,
        reference="",
        display_name=label,
        initials=label,
        anonymous=True,
        district=None,
        institution="",
        birth_date=None,
        cpr_masked="",
        level=level,
        level_label=level_label,
        open_actions=open_actions,
    )


def hiding_redactor(s: Session, case_ids: Iterable[uuid.UUID]) -> Redactor:
    """For free text about children the reader may not know: each child's names become
    "anonym drøftelse", each custody holder's name the relation ("mor"), and CPR numbers go."""
    ids = list(set(case_ids))
    label = _("anonymous discussion")
    names: dict[str, str] = {}
    for h in s.scalars(select(CustodyHolder).where(CustodyHolder.case_id.in_(ids))):
        names.update(name_replacements(h.name, h.relation or _("custody holder")))
    for case in s.scalars(select(Case).where(Case.id.in_(ids), Case.anonymous.is_(False))):
        names.update(
            name_replacements(
                display_name(case), label, (case.first_name or "", case.last_name or "")
            )
        )
    return Redactor(names, _("[CPR removed]"))


def name_words(s: Session, case_ids: Iterable[uuid.UUID]) -> set[str]:
    """Every word of these children's and their custody holders' names, case-folded."""
    ids = list(set(case_ids))
    words: set[str] = set()
    for first, last in s.execute(
        select(Case.first_name, Case.last_name).where(Case.id.in_(ids))
    ).all():
        words.update(w.casefold() for w in re.findall(r"\w+", f"{first or ''} {last or ''}"))
    for name in s.scalars(select(CustodyHolder.name).where(CustodyHolder.case_id.in_(ids))):
        words.update(w.casefold() for w in re.findall(r"\w+", name))
    return words


def hide_unknown_children(
    s: Session, ctx: ServiceContext, views: dict[uuid.UUID, Any]
) -> dict[uuid.UUID, Any]:
    """What was written about items (ItemMinutesView by item id) as a participant or the
    police read it: on an item about a child shown to them as "anonym drøftelse", the child's
    and the family's names and any CPR number are taken out of the text (people write "Emma"
    even on an anonymous item); elsewhere the names of such a child they do not know."""
    hidden = unnamed_items(s, ctx, views)
    if not hidden:
        return views
    children = set(hidden.values())
    unknown = children - known_cases(s, ctx, children)
    on_item, elsewhere = hiding_redactor(s, children), hiding_redactor(s, unknown)
    return {
        item_id: redact_record(view, on_item if item_id in hidden else elsewhere)
        for item_id, view in views.items()
    }


def list_cases(ctx: ServiceContext) -> list[CaseSummary]:
    """The cases the actor may see, by name (anonymous cases last; a child the actor may not
    know last of all, in no order that says anything about the name)."""
    require(ctx, Permission.VIEW_CASES, "see cases")
    with ctx.db.begin() as s:
        rows = s.execute(
            select(Case, District.name, identity_known(ctx).label("known"))
            .outerjoin(District, Case.district_id == District.id)
            .where(case_visible(ctx))
            .order_by(Case.anonymous, Case.first_name, Case.last_name, Case.reference)
        ).all()
        known_named = {c.id for c, _d, known in rows if known and not c.anonymous}
        levels = _latest_levels(s, ctx, known_named=known_named)
        labels = reference_data.level_labels(s)
        open_actions = _open_actions(s, ctx, known_named)
        result = [
            _summary(c, d, levels.get(c.id), labels, open_actions.get(c.id, 0), bool(known))
            for c, d, known in sorted(
                rows, key=lambda r: (not r[2], str(r[0].id) if not r[2] else "")
            )
        ]
        audit.record(s, ctx, "case.list", object_type="case", detail=f"{len(result)} cases")
        return result


def get_case_in(s: Session, ctx: ServiceContext, case_id: uuid.UUID) -> CaseSummary:
    """One case, inside the caller's unit of work (the caller logs the view)."""
    row = s.execute(
        select(Case, District.name, identity_known(ctx).label("known"))
        .outerjoin(District, Case.district_id == District.id)
        .where(Case.id == case_id, case_visible(ctx))
    ).first()
    if row is None:
        raise NotFound(_("The case does not exist or is not visible to you."))
    case, district, known = row
    known_named = {case.id} if known and not case.anonymous else set()
    levels = _latest_levels(s, ctx, [case.id], known_named)
    open_actions = s.scalar(
        select(func.count()).where(
            Action.status == ActionStatus.OPEN,
            Action.case_id == case.id,
            from_visible_item(ctx, Action.agenda_item_id, known_named),
        )
    )
    return _summary(
        case,
        district,
        levels.get(case.id),
        reference_data.level_labels(s),
        open_actions or 0,
        bool(known),
    )


def get_case(ctx: ServiceContext, case_id: uuid.UUID) -> CaseSummary:
    """One case; the view is logged against the child."""
    require(ctx, Permission.VIEW_CASES, "see cases")
    with ctx.db.begin() as s:
        summary = get_case_in(s, ctx, case_id)
        audit.record(s, ctx, "case.view", object_type="case", object_id=case_id, case_id=case_id)
        return summary


def case_id_for(ctx: ServiceContext, text: str) -> uuid.UUID:
    """A case named by its id or its number ("S-2026-0001"), if the actor may see it. The
    number finds only a child the actor may know: it would otherwise tell who an anonymously
    discussed child is."""
    require(ctx, Permission.VIEW_CASES, "see cases")
    text = text.strip()
    try:
        condition = Case.id == uuid.UUID(text)
    except ValueError:
        condition = and_(Case.reference == text.upper(), identity_known(ctx))
    with ctx.db.begin() as s:
        found = s.scalar(select(Case.id).where(condition, case_visible(ctx)))
    if found is None:
        raise NotFound(_("The case does not exist or is not visible to you."))
    return found


@dataclass(frozen=True)
class NewCase:
    anonymous: bool = False
    first_name: str = ""
    last_name: str = ""
    pseudonym: str = ""
    cpr: str = ""
    birth_date: date | None = None
    institution: str = ""
    grade: str = ""
    district: str | None = None
    custody_holders: tuple[tuple[str, str], ...] = ()  # (name, relation)


@dataclass(frozen=True)
class CreatedCase:
    case: CaseSummary
    warnings: tuple[str, ...]


# Lengths of the case register's text columns (db.models.cases): the forms limit typing to them.
MAX_NAME = 120  # first and last name
MAX_PSEUDONYM = 80
MAX_INSTITUTION = 200
MAX_HOLDER_NAME = 200
MAX_RELATION = 80
MAX_CPR_TYPED = 11  # DDMMYY-SSSS


def _next_reference(s: Session, year: int) -> str:
    prefix = f"S-{year}-"
    last = s.scalar(select(func.max(Case.reference)).where(Case.reference.like(f"{prefix}%")))
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:04d}"


@dataclass(frozen=True)
class _CheckedCase:
    new: NewCase
    cpr: str | None
    birth_date: date | None
    warnings: tuple[str, ...]


def _checked(ctx: ServiceContext, new: NewCase) -> _CheckedCase:
    new = replace(
        new,
        first_name=one_line(new.first_name),
        last_name=one_line(new.last_name),
        pseudonym=one_line(new.pseudonym),
        institution=one_line(new.institution),
        grade=one_line(new.grade),
        custody_holders=tuple((one_line(n), one_line(r)) for n, r in new.custody_holders),
    )
    for value, limit in (
        (new.first_name, MAX_NAME),
        (new.last_name, MAX_NAME),
        (new.pseudonym, MAX_PSEUDONYM),
        (new.institution, MAX_INSTITUTION),
        (new.grade, 40),
        *((name, MAX_HOLDER_NAME) for name, _relation in new.custody_holders),
        *((relation, MAX_RELATION) for _name, relation in new.custody_holders),
    ):
        if len(value) > limit:
            raise ValidationError(_("A name or text is at most {n} characters.", n=limit))
    warnings: list[str] = []
    birth = new.birth_date
    digits: str | None = None
    if new.anonymous:
        if new.first_name.strip() or new.last_name.strip() or new.cpr.strip():
            raise ValidationError(_("An anonymous case has no name and no CPR number."))
        if not new.pseudonym.strip():
            raise ValidationError(_("An anonymous case needs a pseudonym."))
    else:
        if not new.first_name.strip():
            raise ValidationError(_("A named case needs the child's first name."))
        if new.cpr.strip():
            try:
                parsed = cpr_rules.parse(new.cpr)
            except cpr_rules.CprError as exc:
                raise ValidationError(str(exc)) from None
            digits = parsed.digits
            if birth and birth != parsed.birth_date:
                raise ValidationError(_("The birth date does not match the CPR number."))
            birth = parsed.birth_date
            if parsed.warning:
                warnings.append(parsed.warning)
    if birth and birth > ctx.today():
        raise ValidationError(_("The birth date is in the future."))
    return _CheckedCase(new, digits, birth, tuple(warnings))


def create_case_in(s: Session, ctx: ServiceContext, new: NewCase) -> CreatedCase:
    """Register a case inside the caller's unit of work (see create_case)."""
    require(ctx, Permission.EDIT_CASES, "create cases")
    checked = _checked(ctx, new)
    new = checked.new
    district = resolve_district(s, new.district) if new.district else None
    case = Case(
        reference=_next_reference(s, ctx.today().year),
        anonymous=new.anonymous,
        pseudonym=new.pseudonym.strip(),
        first_name=None if new.anonymous else new.first_name.strip(),
        last_name=None if new.anonymous else (new.last_name.strip() or None),
        cpr=checked.cpr,
        birth_date=checked.birth_date,
        institution=new.institution.strip(),
        grade=new.grade.strip(),
        district_id=district.id if district else None,
    )
    s.add(case)
    s.flush()
    for name, relation in new.custody_holders:
        s.add(CustodyHolder(case_id=case.id, name=name.strip(), relation=relation.strip()))
    audit.record(s, ctx, "case.create", object_type="case", object_id=case.id, case_id=case.id)
    summary = _summary(case, district.name if district else None, None, {}, 0)
    return CreatedCase(summary, checked.warnings)


@operation("cases.create_case")
def create_case(ctx: ServiceContext, new: NewCase) -> CreatedCase:
    """Register a named child (name, optional CPR) or an anonymous case (pseudonym only)."""
    require(ctx, Permission.EDIT_CASES, "create cases")
    _checked(ctx, new)  # a refusal before any database work
    with ctx.db.begin() as s:
        return create_case_in(s, ctx, new)


def _case_for_edit(s: Session, ctx: ServiceContext, case_id: uuid.UUID) -> Case:
    case = s.scalar(select(Case).where(Case.id == case_id, case_visible(ctx)))
    if case is None:
        raise NotFound(_("The case does not exist or is not visible to you."))
    return case


@operation("cases.close_case")
def close_case(ctx: ServiceContext, case_id: uuid.UUID, on: date | None = None) -> None:
    """Close a case (the child no longer needs the meetings): it stays in the register, shown
    as closed, until it is deleted at the end of its retention period."""
    require(ctx, Permission.EDIT_CASES, "close cases")
    day = on or ctx.today()
    if day > ctx.today():
        raise ValidationError(_("A case cannot be closed in the future."))
    with ctx.db.begin() as s:
        case = _case_for_edit(s, ctx, case_id)
        if case.closed_on is not None:
            raise ValidationError(_("The case is closed already."))
        case.closed_on = day
        audit.record(s, ctx, "case.close", object_type="case", object_id=case.id, case_id=case.id)


def reopen_in(s: Session, ctx: ServiceContext, case: Case) -> None:
    """Reopen a closed case inside the caller's unit of work, and log it."""
    require(ctx, Permission.EDIT_CASES, "reopen cases")
    if case.closed_on is None:
        return
    closed = case.closed_on
    case.closed_on = None
    audit.record(
        s,
        ctx,
        "case.reopen",
        object_type="case",
        object_id=case.id,
        case_id=case.id,
        detail=f"closed {closed.isoformat()}",
    )


@operation("cases.reopen_case")
def reopen_case(ctx: ServiceContext, case_id: uuid.UUID) -> CaseSummary:
    """Open a closed case again (the child is back on an agenda); logged like other case
    changes."""
    require(ctx, Permission.EDIT_CASES, "reopen cases")
    with ctx.db.begin() as s:
        case = _case_for_edit(s, ctx, case_id)
        if case.closed_on is None:
            raise ValidationError(_("The case is open already."))
        reopen_in(s, ctx, case)
        s.flush()
        return get_case_in(s, ctx, case.id)
