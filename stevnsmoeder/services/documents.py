"""The content of printed documents, as plain data for the report writers.

Who may be named where is decided here, once: a child is named only on a legal basis that
holds (and never in an anonymised document); a child discussed anonymously shows as "anonym
drøftelse"; family members are named only where their child is. A per-child extract holds that
child's items and nothing about any other child. Producing a document is logged per child.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import Case, CustodyHolder, Meeting
from stevnsmoeder.domain import cpr as cpr_rules
from stevnsmoeder.domain.anonymise import Redactor, name_replacements
from stevnsmoeder.i18n import _, _n
from stevnsmoeder.model.case_history import BASIS_LABELS

# The kinds of document, named where one is asked for (documents.render(…, documents.AGENDA)).
from stevnsmoeder.model.documents import AGENDA as AGENDA
from stevnsmoeder.model.documents import EXTRACT as EXTRACT
from stevnsmoeder.model.documents import MINUTES as MINUTES
from stevnsmoeder.model.documents import RUNSHEET as RUNSHEET
from stevnsmoeder.model.documents import (
    Approval,
    CaseDocument,
    DocAction,
    DocItem,
    DocPerson,
    MeetingDocument,
)
from stevnsmoeder.model.enums import MeetingStatus
from stevnsmoeder.model.minutes import ItemMinutesView
from stevnsmoeder.reports import case_pdf, meeting_pdf
from stevnsmoeder.services import audit, carry_over, case_history, minutes, planning
from stevnsmoeder.services.cases import display_name, hiding_redactor, initials
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, ValidationError
from stevnsmoeder.services.permissions import Permission, case_visible, require
from stevnsmoeder.services.redaction import redact_history_text, redact_record


def _basis_label(item: planning.PlanItem, anonymised: bool) -> str:
    """The legal basis as printed; an anonymised document names no custody holder."""
    if item.kind is not planning.AgendaItemKind.CASE:
        return ""
    if anonymised and item.basis.kind is not None:
        return _(BASIS_LABELS[item.basis.kind])
    return item.basis.label


def _child_label(item: planning.PlanItem, case: Case | None, anonymised: bool) -> str:
    if case is None:  # no child, or one the reader may not know ("anonym drøftelse")
        return item.case_name
    if case.anonymous:
        return case.pseudonym or _("Anonymous case")
    if anonymised:
        return initials(case)
    if item.shown_anonymously or item.blocked:
        return _("anonymous discussion")
    return item.case_name


def _unnamed(item: planning.PlanItem, case: Case | None) -> bool:
    """A named child's item that does not name the child (anonym drøftelse, or no basis)."""
    return case is not None and not case.anonymous and (item.shown_anonymously or item.blocked)


def meeting_document(
    ctx: ServiceContext,
    meeting_id: uuid.UUID,
    kind: str,
    *,
    anonymised: bool = False,
    case_id: uuid.UUID | None = None,
) -> MeetingDocument:
    """The agenda, the minutes, or (with ``case_id``) one child's extract of a meeting."""
    if kind not in (AGENDA, MINUTES, EXTRACT, RUNSHEET):
        raise ValueError(kind)
    if (kind == EXTRACT) != (case_id is not None):
        raise ValidationError(_("An extract is made for one child."))
    plan = planning.get_plan(ctx, meeting_id)
    state = minutes.get_minutes(ctx, meeting_id) if kind in (MINUTES, EXTRACT) else None
    open_by_child: dict[uuid.UUID, list[DocAction]] = {}
    if kind == RUNSHEET:
        require(ctx, Permission.EDIT_MEETINGS, "run meetings")  # the chair's own sheet
        for a in carry_over.carry_over_candidates(ctx, meeting_id).agreements:
            open_by_child.setdefault(a.case_id, []).append(
                DocAction(a.owner, f"{a.text} [{a.from_meeting}]", a.due_on, False)
            )
    with ctx.db.begin() as s:
        meeting = s.get_one(Meeting, meeting_id)
        case_ids = {i.case_id for i in plan.items if i.case_id}
        cases = {c.id: c for c in s.scalars(select(Case).where(Case.id.in_(case_ids)))}
        if kind == EXTRACT:
            require(ctx, Permission.VIEW_CASES, "see cases")
            visible = s.scalar(select(Case.id).where(Case.id == case_id, case_visible(ctx)))
            if case_id not in case_ids or visible is None:
                raise NotFound(_("The child is not on this meeting's agenda."))
        # Free text names no child or family member in an anonymised document.
        redact = redactor_for(s, cases.values()) if anonymised else None
        items = []
        for item in plan.items:
            case = cases.get(item.case_id) if item.case_id else None
            if kind == EXTRACT and item.case_id != case_id:
                continue
            detail = ""
            if kind == EXTRACT and case is not None and not case.anonymous and not anonymised:
                parts = [case.reference]
                if case.birth_date:
                    parts.append(_("born {day}", day=case.birth_date.strftime("%d.%m.%Y")))
                if case.cpr:
                    parts.append(f"CPR {cpr_rules.mask(case.cpr)}")
                detail = " · ".join(parts)
            view = state.items.get(item.id) if state else None
            if view is not None and redact is not None:
                view = redact_record(view, redact)
            title = redact(item.title) if redact else item.title
            if kind in (AGENDA, MINUTES) and not anonymised and _unnamed(item, case):
                # Handed to every participant: the text of an anonymous discussion names
                # neither the child nor the family, whoever prints it.
                hide = hiding_redactor(s, [item.case_id]) if item.case_id else None
                if hide is not None:
                    title = hide(title)
                    view = redact_record(view, hide) if view is not None else None
            present: tuple[str, ...] = ()
            if kind == EXTRACT and case is not None:
                present = case_history.present_for_child(s, case.id, [(item.id, meeting_id)])[
                    item.id
                ]
                if anonymised:  # the family by relation, as everywhere in the document
                    relation = {
                        h.name: h.relation or _("custody holder")
                        for h in s.scalars(
                            select(CustodyHolder).where(CustodyHolder.case_id == case.id)
                        )
                    }
                    present = tuple(relation.get(name, name) for name in present)
            items.append(
                DocItem(
                    number=item.number,
                    title=title,
                    planned_at=item.starts_at,
                    time_box_minutes=item.time_box_minutes,
                    child=_child_label(item, case, anonymised),
                    child_detail=detail,
                    basis=_basis_label(item, anonymised),
                    status=item.status,
                    record=view or ItemMinutesView(item.id),
                    present=present,
                    internal_note=(redact(item.description) if redact else item.description)
                    if kind == RUNSHEET
                    else "",
                    open_agreements=tuple(open_by_child.get(item.case_id, ()))
                    if item.case_id
                    else (),
                )
            )
        # Family members are named only in their own child's extract, never anonymised: there
        # by their relation to the child (as everywhere in that document), elsewhere by their
        # role. A role that stands for the name is not printed twice.
        people = []
        for p in plan.participants:
            if kind == EXTRACT and p.is_family and not _is_family_of(s, p.person_id, case_id):
                continue  # another child's parent: not in this child's extract
            if not p.is_family or (kind == EXTRACT and not anonymised):
                name = p.name
            elif kind == EXTRACT:
                name = _relation(s, p.person_id, case_id) or p.role_name
            else:
                name = p.role_name
            role = "" if name == p.role_name else p.role_name
            people.append(DocPerson(name, role, p.organisation, p.attendance))
        following = None
        if meeting.series_id is not None:
            following = s.scalar(
                select(Meeting.starts_at)
                .where(
                    Meeting.series_id == meeting.series_id,
                    Meeting.starts_at > meeting.starts_at,
                    Meeting.status == MeetingStatus.PLANNED,
                )
                .order_by(Meeting.starts_at)
                .limit(1)
            )
        approval = None
        if meeting.approved_at is not None and state is not None:
            # A general addendum is free text about the whole meeting: in an extract it names
            # no other child, in an anonymised document no child at all.
            general = redact or (
                redactor_for(s, [c for c in cases.values() if c.id != case_id])
                if kind == EXTRACT
                else None
            )
            approval = Approval(
                meeting.approved_at,
                minutes.user_name(s, meeting.approved_by_id),
                meeting.approved_checksum or "",
                tuple(
                    replace(a, text=general(a.text)) if general else a
                    for a in state.general_addenda
                ),
            )
        children = case_ids if kind != EXTRACT else {case_id}
        for child in sorted(c for c in children if c is not None):
            audit.record(
                s,
                ctx,
                "export.pdf",
                object_type="meeting",
                object_id=meeting.id,
                case_id=child,
                detail=f"{kind}{' anonymised' if anonymised else ''}",
            )
        if not children:
            audit.record(
                s, ctx, "export.pdf", object_type="meeting", object_id=meeting.id, detail=kind
            )
    summary = plan.summary
    return MeetingDocument(
        kind=kind,
        anonymised=anonymised,
        title=summary.title,
        type_name=summary.type_name,
        district=summary.district,
        starts_at=summary.starts_at,
        ends_at=summary.ends_at,
        place=summary.place,
        status=summary.status,
        people=tuple(people),
        items=tuple(items),
        next_meeting=following,
        approval=approval,
        generated_at=ctx.now(),
    )


def _relation(s: Session, person_id: uuid.UUID, case_id: uuid.UUID | None) -> str:
    """A family member's relation to the child ("mor"), or "" when none is recorded."""
    if case_id is None:
        return ""
    return (
        s.scalar(
            select(CustodyHolder.relation).where(
                CustodyHolder.case_id == case_id, CustodyHolder.person_id == person_id
            )
        )
        or ""
    )


def _is_family_of(s: Session, person_id: uuid.UUID, case_id: uuid.UUID | None) -> bool:
    if case_id is None:
        return False
    return (
        s.scalar(
            select(CustodyHolder.id).where(
                CustodyHolder.case_id == case_id, CustodyHolder.person_id == person_id
            )
        )
        is not None
    )


@dataclass(frozen=True)
class RenderedDocument:
    data: bytes  # the PDF
    pages: int
    file_name: str  # date and short title, as filed in ESDH


def render(
    ctx: ServiceContext,
    meeting_id: uuid.UUID,
    kind: str,
    *,
    anonymised: bool = False,
    case_id: uuid.UUID | None = None,
) -> RenderedDocument:
    """The document as a PDF in memory (for preview, printing and saving)."""
    doc = meeting_document(ctx, meeting_id, kind, anonymised=anonymised, case_id=case_id)
    data, pages = meeting_pdf.render_meeting_document(doc)
    return RenderedDocument(data, pages, meeting_pdf.file_name(doc))


# -- redaction ---------------------------------------------------------------------------------


def redactor_for(s: Session, cases: Iterable[Case]) -> Redactor:
    """Names of these children and of their custody holders out of free text: a child becomes
    initials (or the pseudonym), a custody holder the relation ("mor"). A child's own names
    win where a surname is shared with the family."""
    holders: dict[str, str] = {}
    children: dict[str, str] = {}
    case_list = list(cases)
    for h in s.scalars(
        select(CustodyHolder).where(CustodyHolder.case_id.in_([c.id for c in case_list]))
    ):
        holders.update(name_replacements(h.name, h.relation or _("custody holder")))
    for case in case_list:
        if not case.anonymous:
            children.update(
                name_replacements(
                    display_name(case),
                    initials(case),
                    (case.first_name or "", case.last_name or ""),
                )
            )
    return Redactor({**holders, **children}, _("[CPR removed]"))


# -- case history ------------------------------------------------------------------------------


def case_document(
    ctx: ServiceContext, case_id: uuid.UUID, *, anonymised: bool = False
) -> CaseDocument:
    """The case history for printing; producing it is logged against the child."""
    history = case_history.case_history(ctx, case_id, log=False)
    summary = history.case
    with ctx.db.begin() as s:
        case = s.get_one(Case, case_id)
        detail_parts = []
        if not anonymised and summary.birth_date:
            detail_parts.append(_("born {day}", day=summary.birth_date.strftime("%d.%m.%Y")))
            if case.cpr:
                detail_parts.append(f"CPR {cpr_rules.mask(case.cpr)}")
        elif history.age is not None:
            detail_parts.append(_n("{n} year", "{n} years", history.age))
        # An anonymised history names no school or daycare: with age and district it would
        # point to one child.
        institution = "" if anonymised else summary.institution
        for part in (institution, history.grade, summary.district or ""):
            if part:
                detail_parts.append(part)
        if anonymised:
            history = replace(
                redact_history_text(history, redactor_for(s, [case])),
                case=replace(
                    summary,
                    display_name=summary.initials,
                    cpr_masked="",
                    birth_date=None,
                ),
                holders=tuple(replace(h, name=h.relation) for h in history.holders),
                consents=(),
            )
            holders = tuple(h.relation for h in history.holders if h.relation)
            child = summary.initials
        else:
            holders = tuple(
                f"{h.name} ({h.relation})" if h.relation else h.name for h in history.holders
            )
            child = summary.display_name
        audit.record(
            s,
            ctx,
            "export.pdf",
            object_type="case",
            object_id=case_id,
            case_id=case_id,
            detail=f"case history{' anonymised' if anonymised else ''}",
        )
    return CaseDocument(
        anonymised=anonymised,
        child=child,
        reference=summary.reference,
        detail=" · ".join(detail_parts),
        holders=holders,
        history=history,
        generated_at=ctx.now(),
    )


def render_case(
    ctx: ServiceContext, case_id: uuid.UUID, *, anonymised: bool = False
) -> RenderedDocument:
    """The case history as a PDF in memory."""
    doc = case_document(ctx, case_id, anonymised=anonymised)
    data, pages = case_pdf.render_case_document(doc)
    return RenderedDocument(data, pages, case_pdf.file_name(doc))
