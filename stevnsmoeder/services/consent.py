"""Parental consent (Forvaltningsloven § 28): voluntary, specific, informed, revocable.

A consent names the custody holder who gave it, what it covers, who may receive what, the
kinds of meeting, and when it was given and expires (or was withdrawn). The holder is one of
the child's registered custody holders: registering a new one is its own step
(add_custody_holder), never the side effect of a name typed a little differently.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import Case, Consent, ConsentMeetingType, CustodyHolder, MeetingType
from stevnsmoeder.domain.text import one_line
from stevnsmoeder.i18n import _
from stevnsmoeder.model.cases import ConsentInfo
from stevnsmoeder.services import audit
from stevnsmoeder.services.cases import MAX_HOLDER_NAME, MAX_RELATION
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, ValidationError
from stevnsmoeder.services.oplog import operation
from stevnsmoeder.services.permissions import Permission, case_visible, identity_known, require

MAX_DOCUMENT_REF = 80  # Consent.document_ref


@dataclass(frozen=True)
class HolderInfo:
    """One of the child's registered custody holders."""

    id: uuid.UUID
    name: str
    relation: str

    @property
    def label(self) -> str:
        return f"{self.name} ({self.relation})" if self.relation else self.name


@dataclass(frozen=True)
class NewConsent:
    holder_name: str  # a registered custody holder's name (or give holder_id)
    holder_relation: str  # not used: the registered holder's relation stands
    scope: str
    recipients: str
    given_on: date
    expires_on: date | None
    meeting_types: tuple[str, ...]
    document_ref: str = ""
    holder_id: uuid.UUID | None = None  # the registered custody holder who gave it


def _named_case(s: Session, ctx: ServiceContext, case_id: uuid.UUID) -> Case:
    """A case the actor may see and whose family the actor may know."""
    row = s.execute(
        select(Case, identity_known(ctx)).where(Case.id == case_id, case_visible(ctx))
    ).first()
    if row is None:
        raise NotFound(_("The case does not exist or is not visible to you."))
    case, known = row
    if case.anonymous:
        raise ValidationError(_("An anonymous case has no custody holders recorded."))
    if not known:
        raise NotFound(_("The case does not exist or is not visible to you."))
    return case


def _holders(s: Session, case_id: uuid.UUID) -> list[CustodyHolder]:
    return list(
        s.scalars(
            select(CustodyHolder)
            .where(CustodyHolder.case_id == case_id)
            .order_by(CustodyHolder.created_at, CustodyHolder.name)
        )
    )


def _same_name(a: str, b: str) -> bool:
    # Compared in Python: SQLite's lower() leaves Æ, Ø and Å alone.
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def custody_holders(ctx: ServiceContext, case_id: uuid.UUID) -> list[HolderInfo]:
    """The child's registered custody holders (whom a consent can come from)."""
    require(ctx, Permission.VIEW_CASES, "see cases")
    with ctx.db.begin() as s:
        case = _named_case(s, ctx, case_id)
        found = [HolderInfo(h.id, h.name, h.relation) for h in _holders(s, case.id)]
        audit.record(
            s, ctx, "custody_holder.list", object_type="case", object_id=case.id, case_id=case.id
        )
        return found


@operation("consent.add_custody_holder")
def add_custody_holder(
    ctx: ServiceContext, case_id: uuid.UUID, name: str, relation: str
) -> HolderInfo:
    """Register a custody holder of the child (an explicit step of its own)."""
    require(ctx, Permission.EDIT_CASES, "record custody holders")
    name, relation = one_line(name), one_line(relation)
    if not name:
        raise ValidationError(_("Give the custody holder's name."))
    if len(name) > MAX_HOLDER_NAME or len(relation) > MAX_RELATION:
        raise ValidationError(
            _("A name or text is at most {n} characters.",
              n=MAX_HOLDER_NAME if len(name) > MAX_HOLDER_NAME else MAX_RELATION)
        )  # fmt: skip
    with ctx.db.begin() as s:
        case = _named_case(s, ctx, case_id)
        if any(_same_name(h.name, name) for h in _holders(s, case.id)):
            raise ValidationError(_("{name} is registered as a custody holder already.", name=name))
        holder = CustodyHolder(case_id=case.id, name=name, relation=relation)
        s.add(holder)
        s.flush()
        audit.record(
            s,
            ctx,
            "custody_holder.create",
            object_type="custody_holder",
            object_id=holder.id,
            case_id=case.id,
        )
        return HolderInfo(holder.id, holder.name, holder.relation)


def list_consents(ctx: ServiceContext, case_id: uuid.UUID) -> list[ConsentInfo]:
    require(ctx, Permission.VIEW_CASES, "see cases")
    with ctx.db.begin() as s:
        row = s.execute(
            select(Case, identity_known(ctx)).where(Case.id == case_id, case_visible(ctx))
        ).first()
        if row is None:
            raise NotFound(_("The case does not exist or is not visible to you."))
        result = []
        # A consent names the child's family: none for a child the actor may not know.
        known = bool(row[1])
        for c in (
            s.scalars(
                select(Consent).where(Consent.case_id == case_id).order_by(Consent.given_on.desc())
            )
            if known
            else ()
        ):
            holder = s.get_one(CustodyHolder, c.given_by_id)
            codes = tuple(
                s.scalars(
                    select(MeetingType.code)
                    .join(ConsentMeetingType, ConsentMeetingType.meeting_type_id == MeetingType.id)
                    .where(ConsentMeetingType.consent_id == c.id)
                    .order_by(MeetingType.sort_order)
                )
            )
            result.append(
                ConsentInfo(
                    c.id,
                    holder.name,
                    holder.relation,
                    c.scope,
                    c.recipients,
                    c.given_on,
                    c.expires_on,
                    c.withdrawn_on,
                    codes,
                )
            )
        audit.record(s, ctx, "consent.list", object_type="case", object_id=case_id, case_id=case_id)
        return result


@operation("consent.record_consent")
def record_consent(ctx: ServiceContext, case_id: uuid.UUID, new: NewConsent) -> ConsentInfo:
    """Record a custody holder's consent: who, what, to whom, from when, until when."""
    require(ctx, Permission.EDIT_CASES, "record consent")
    if new.holder_id is None and not new.holder_name.strip():
        raise ValidationError(_("Name the custody holder who gave the consent."))
    if not new.scope.strip():
        raise ValidationError(_("Describe what the consent covers."))
    if not new.recipients.strip():
        raise ValidationError(_("Name who may receive the information."))
    if not new.meeting_types:
        raise ValidationError(_("Choose the kinds of meeting the consent covers."))
    if new.expires_on is not None and new.expires_on < new.given_on:
        raise ValidationError(_("The consent cannot expire before it is given."))
    if new.given_on > ctx.today():
        raise ValidationError(_("A consent cannot be given in the future."))
    if len(new.document_ref.strip()) > MAX_DOCUMENT_REF:
        raise ValidationError(_("A name or text is at most {n} characters.", n=MAX_DOCUMENT_REF))
    with ctx.db.begin() as s:
        case = s.scalar(select(Case).where(Case.id == case_id, case_visible(ctx)))
        if case is None:
            raise NotFound(_("The case does not exist or is not visible to you."))
        if case.anonymous:
            raise ValidationError(_("An anonymous case is discussed without consent."))
        holders = _holders(s, case.id)
        if new.holder_id is not None:
            holder = next((h for h in holders if h.id == new.holder_id), None)
        else:
            holder = next((h for h in holders if _same_name(h.name, new.holder_name)), None)
        if holder is None:
            raise ValidationError(
                _(
                    "A consent is given by one of the child's registered custody holders: "
                    "register the custody holder first."
                )
            )
        consent = Consent(
            case_id=case.id,
            given_by_id=holder.id,
            scope=new.scope.strip(),
            recipients=new.recipients.strip(),
            given_on=new.given_on,
            expires_on=new.expires_on,
            document_ref=new.document_ref.strip(),
        )
        s.add(consent)
        s.flush()
        for code in new.meeting_types:
            mt = s.scalar(select(MeetingType).where(MeetingType.code == code))
            if mt is None:
                raise ValidationError(_("Unknown meeting type {code}.", code=code))
            s.add(ConsentMeetingType(consent_id=consent.id, meeting_type_id=mt.id))
        audit.record(
            s, ctx, "consent.create", object_type="consent", object_id=consent.id, case_id=case.id
        )
        return ConsentInfo(
            consent.id,
            holder.name,
            holder.relation,
            consent.scope,
            consent.recipients,
            consent.given_on,
            consent.expires_on,
            None,
            tuple(new.meeting_types),
        )
