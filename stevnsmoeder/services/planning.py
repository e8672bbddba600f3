"""Planning one meeting: the agenda, the legal basis of each child's item, consent,
carry-over and who comes.

Every change names the meeting revision it was made against; a change against an older
revision (another window, another laptop) is refused with ConflictError instead of silently
overwriting, and the caller reloads. A named child may be discussed only on a legal basis
valid on the meeting date; without one the item is blocked and may be discussed anonymously.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import (
    AgendaItem,
    Case,
    Consent,
    ConsentMeetingType,
    CustodyHolder,
    ItemMinutes,
    LegalBasis,
    LegalReference,
    Meeting,
    MeetingType,
    ParticipantRole,
    Participation,
    Person,
)
from stevnsmoeder.domain.dates import long_date, short_date
from stevnsmoeder.domain.minutes_fields import MinutesSection
from stevnsmoeder.domain.text import one_line
from stevnsmoeder.i18n import _
from stevnsmoeder.model.cases import CaseSummary
from stevnsmoeder.model.enums import (
    AgendaItemKind,
    AgendaItemStatus,
    Attendance,
    LegalBasisKind,
    MeetingStatus,
)
from stevnsmoeder.services import audit
from stevnsmoeder.services.cases import (
    NewCase,
    create_case_in,
    display_name,
    get_case_in,
    hiding_redactor,
    initials,
    reopen_in,
)
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ConflictError, NotFound, ValidationError
from stevnsmoeder.services.meetings import MeetingSummary, summaries_in
from stevnsmoeder.services.oplog import operation
from stevnsmoeder.services.permissions import (
    SCOPED_ROLES,
    Permission,
    case_visible,
    item_visible,
    known_cases,
    meeting_visible,
    require,
)
from stevnsmoeder.services.revisions import bump

# The kinds an item is planned with, named where it is planned (planning.AgendaItemKind.CASE).
__all__ = ["AgendaItemKind", "LegalBasisKind"]

MAX_TIME_BOX = 240  # minutes; a longer item is a typing error, not a plan
MAX_TITLE = 200


class CaseClosed(ValidationError):
    """The case is closed: it goes on an agenda only when it is reopened."""

    def __init__(self, reference: str, closed_on: date) -> None:
        super().__init__(
            _("The case {reference} was closed on {day}. Reopen it to put it on the agenda.",
              reference=reference, day=long_date(closed_on))
        )  # fmt: skip
        self.reference = reference
        self.closed_on = closed_on


class BasisState(enum.StrEnum):
    NOT_NEEDED = "not_needed"  # not about a child
    OK = "ok"
    BLOCKED = "blocked"


@dataclass(frozen=True)
class BasisStatus:
    state: BasisState
    kind: LegalBasisKind | None
    label: str  # what the basis is, for the agenda
    reason: str = ""  # why an item is blocked


@dataclass(frozen=True)
class PlanItem:
    id: uuid.UUID
    number: int
    kind: AgendaItemKind
    title: str
    description: str
    time_box_minutes: int
    starts_at: datetime  # planned clock time
    case_id: uuid.UUID | None
    case_reference: str
    case_name: str
    case_initials: str
    case_anonymous: bool
    basis: BasisStatus
    carried_over: bool
    status: AgendaItemStatus

    @property
    def blocked(self) -> bool:
        return self.basis.state is BasisState.BLOCKED

    @property
    def shown_anonymously(self) -> bool:
        """Named child discussed anonymously: participants do not learn the name."""
        return self.case_anonymous or self.basis.kind is LegalBasisKind.ANONYMOUS


@dataclass(frozen=True)
class PlanParticipant:
    person_id: uuid.UUID
    name: str
    role_code: str
    role_name: str
    organisation: str
    attendance: Attendance
    is_family: bool


@dataclass(frozen=True)
class MeetingPlan:
    summary: MeetingSummary
    revision: int
    type_allows_rpl115: bool
    items: tuple[PlanItem, ...]
    participants: tuple[PlanParticipant, ...]
    # The sections of the minutes a child's item has at this type of meeting (its flags).
    minutes_sections: frozenset[MinutesSection] = frozenset({MinutesSection.COMMON})

    @property
    def total_minutes(self) -> int:
        return sum(i.time_box_minutes for i in self.items)

    @property
    def planned_end(self) -> datetime:
        return self.summary.starts_at + timedelta(minutes=self.total_minutes)

    @property
    def overrun_minutes(self) -> int:
        """Minutes the agenda runs past the meeting's slot (0 when it fits)."""
        over = (self.planned_end - self.summary.ends_at).total_seconds() // 60
        return max(0, int(over))

    @property
    def editable(self) -> bool:
        return self.summary.status in (MeetingStatus.PLANNED, MeetingStatus.IN_PROGRESS)


# -- legal basis -------------------------------------------------------------------------------


def evaluate_basis(
    case: Case | None,
    basis: LegalBasis | None,
    consent: Consent | None,
    consent_type_ids: set[uuid.UUID],
    holder_name: str,
    meeting_type: MeetingType,
    day: date,
) -> BasisStatus:
    """Is this child's item lawful on ``day``? A pure rule over loaded rows."""
    if case is None:
        return BasisStatus(BasisState.NOT_NEEDED, None, "")
    if case.anonymous:
        return BasisStatus(BasisState.OK, LegalBasisKind.ANONYMOUS, _("Anonymous case"))
    if basis is None:
        return BasisStatus(
            BasisState.BLOCKED,
            None,
            _("No legal basis"),
            _("A named child needs consent or another legal basis; or discuss anonymously."),
        )
    kind = basis.kind
    if kind is LegalBasisKind.ANONYMOUS:
        return BasisStatus(BasisState.OK, kind, _("Discussed anonymously"))
    if kind is LegalBasisKind.UNDERRETNING:
        return BasisStatus(BasisState.OK, kind, _("Report of concern (Barnets lov § 133)"))
    if kind is LegalBasisKind.RPL115:
        if not meeting_type.allows_rpl115:
            return BasisStatus(
                BasisState.BLOCKED,
                kind,
                _("Retsplejeloven § 115"),
                _("Retsplejeloven § 115 applies only at SSP meetings."),
            )
        return BasisStatus(BasisState.OK, kind, _("Retsplejeloven § 115"))
    if kind is LegalBasisKind.OTHER:
        if not basis.reason.strip():
            return BasisStatus(
                BasisState.BLOCKED, kind, _("Other"), _("Give the legal basis in words.")
            )
        return BasisStatus(BasisState.OK, kind, _("Other: {reason}", reason=basis.reason))
    # consent
    if consent is None:
        return BasisStatus(
            BasisState.BLOCKED, kind, _("Consent"), _("The consent no longer exists.")
        )
    label = _("Consent from {holder}", holder=holder_name)
    if consent.withdrawn_on is not None and consent.withdrawn_on <= day:
        why = _("The consent was withdrawn on {day}.", day=short_date(consent.withdrawn_on))
    elif consent.given_on > day:
        why = _("The consent is given only from {day}.", day=short_date(consent.given_on))
    elif consent.expires_on is not None and consent.expires_on < day:
        why = _("The consent expired on {day}.", day=short_date(consent.expires_on))
    elif meeting_type.id not in consent_type_ids:
        why = _("The consent does not cover {type}.", type=meeting_type.name)
    else:
        until = _(", until {day}", day=short_date(consent.expires_on)) if consent.expires_on else ""
        return BasisStatus(BasisState.OK, kind, label + until)
    return BasisStatus(BasisState.BLOCKED, kind, label, why)


# -- reading -----------------------------------------------------------------------------------


def visible_meeting(s: Session, ctx: ServiceContext, meeting_id: uuid.UUID) -> Meeting:
    meeting = s.scalar(select(Meeting).where(Meeting.id == meeting_id, meeting_visible(ctx)))
    if meeting is None:
        raise NotFound(_("The meeting does not exist or is not visible to you."))
    return meeting


def _plan(s: Session, ctx: ServiceContext, meeting: Meeting) -> MeetingPlan:
    mt = s.get_one(MeetingType, meeting.meeting_type_id)
    day = meeting.starts_at.date()
    rows = s.execute(
        select(AgendaItem, Case, LegalBasis)
        .outerjoin(Case, AgendaItem.case_id == Case.id)
        .outerjoin(LegalBasis, LegalBasis.agenda_item_id == AgendaItem.id)
        .where(AgendaItem.meeting_id == meeting.id)
        .order_by(AgendaItem.position)
    ).all()
    consent_ids = [b.consent_id for _i, _c, b in rows if b is not None and b.consent_id]
    consents = {c.id: c for c in s.scalars(select(Consent).where(Consent.id.in_(consent_ids)))}
    covered: dict[uuid.UUID, set[uuid.UUID]] = {}
    for link in s.scalars(
        select(ConsentMeetingType).where(ConsentMeetingType.consent_id.in_(consent_ids))
    ):
        covered.setdefault(link.consent_id, set()).add(link.meeting_type_id)
    holders = {
        h.id: h.name
        for h in s.scalars(
            select(CustodyHolder).where(
                CustodyHolder.id.in_([c.given_by_id for c in consents.values()])
            )
        )
    }
    visible = set(
        s.scalars(
            select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id, item_visible(ctx))
        )
    )
    items = []
    # A participant or the police learn no name from an item that does not name its child
    # lawfully (anonym drøftelse, or no basis that holds): see permissions.identity_known.
    scoped = ctx.actor.role in SCOPED_ROLES
    hidden: set[uuid.UUID] = set()
    # Whoever sees only some items (the police: what § 115 allows) gets an agenda of its own:
    # numbered and timed from the meeting's start without the others, so that neither a gap
    # in the numbers nor one in the clock times tells that something was left out, and the
    # planned minutes add up to the times shown.
    clock = meeting.starts_at
    rows = [row for row in rows if row[0].id in visible]
    for number, (item, case, basis) in enumerate(rows, start=1):
        consent = consents.get(basis.consent_id) if basis and basis.consent_id else None
        status = evaluate_basis(
            case,
            basis,
            consent,
            covered.get(consent.id, set()) if consent else set(),
            holders.get(consent.given_by_id, "") if consent else "",
            mt,
            day,
        )
        plan_item = PlanItem(
            id=item.id,
            number=number,
            kind=item.kind,
            title=item.title,
            description=item.description,
            time_box_minutes=item.time_box_minutes,
            starts_at=clock,
            case_id=case.id if case else None,
            case_reference=case.reference if case else "",
            case_name=display_name(case) if case else "",
            case_initials=initials(case) if case else "",
            case_anonymous=bool(case and case.anonymous),
            basis=status,
            carried_over=item.carried_over_from_id is not None,
            status=item.status,
        )
        if scoped and case is not None and (plan_item.shown_anonymously or plan_item.blocked):
            hidden.add(case.id)
            plan_item = _unnamed(plan_item)
        items.append(plan_item)
        clock += timedelta(minutes=item.time_box_minutes)
    people = s.execute(
        select(Person, ParticipantRole, Participation.attendance)
        .join(Participation, Participation.person_id == Person.id)
        .join(ParticipantRole, Participation.role_id == ParticipantRole.id)
        .where(Participation.meeting_id == meeting.id)
        .order_by(ParticipantRole.sort_order, Person.name)
    ).all()
    if hidden:  # their names, and their family's, out of what the actor reads
        unknown = hidden - known_cases(s, ctx, hidden)
        in_unnamed, anywhere = hiding_redactor(s, hidden), hiding_redactor(s, unknown)
        for n, i in enumerate(items):
            unnamed = i.kind is AgendaItemKind.CASE and i.case_id is None
            redact = in_unnamed if unnamed else anywhere
            items[n] = replace(i, title=redact(i.title), description=redact(i.description))
    # A child's family is named only to whoever may know the child (the administrator knows
    # no child); a parent of two children, only when both may be known.
    family = s.execute(
        select(CustodyHolder.person_id, CustodyHolder.case_id).where(
            CustodyHolder.person_id.in_([p.id for p, _r, _a in people])
        )
    ).all()
    may_know = known_cases(s, ctx, [case_id for _p, case_id in family])
    unknown_family = {person for person, case_id in family if case_id not in may_know}
    participants = tuple(
        PlanParticipant(
            p.id,
            r.name if p.id in unknown_family else p.name,
            r.code,
            r.name,
            "" if p.id in unknown_family else p.organisation,
            att,
            r.is_family,
        )
        for p, r, att in people
    )
    return MeetingPlan(
        summary=summaries_in(s, ctx, Meeting.id == meeting.id)[0],
        revision=meeting.revision,
        type_allows_rpl115=mt.allows_rpl115,
        items=tuple(items),
        participants=participants,
        minutes_sections=mt.minutes_sections,
    )


def _unnamed(item: PlanItem) -> PlanItem:
    """A named child's item as a participant or the police see it when it does not name the
    child: "anonym drøftelse", no case number, no link to the case, no custody holder."""
    label = _("anonymous discussion")
    return replace(
        item,
        case_id=None,
        case_reference="",
        case_name=label,
        case_initials=label,
        case_anonymous=True,
        basis=BasisStatus(item.basis.state, LegalBasisKind.ANONYMOUS, _("Discussed anonymously")),
    )


def get_plan(ctx: ServiceContext, meeting_id: uuid.UUID) -> MeetingPlan:
    """The meeting's plan; opening it reads case data and is logged per child."""
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    with ctx.db.begin() as s:
        plan = _plan(s, ctx, visible_meeting(s, ctx, meeting_id))
        # Every child read about, also one shown as "anonym drøftelse" (who looked at whom).
        children = {
            child
            for child in s.scalars(
                select(AgendaItem.case_id).where(
                    AgendaItem.meeting_id == meeting_id,
                    AgendaItem.case_id.is_not(None),
                    item_visible(ctx),
                )
            )
            if child is not None
        }
        if children:
            audit.record(s, ctx, "meeting.view", object_type="meeting", object_id=meeting_id)
            for child in sorted(children):
                audit.record(
                    s,
                    ctx,
                    "case.view",
                    object_type="meeting",
                    object_id=meeting_id,
                    case_id=child,
                )
        return plan


# -- changing ----------------------------------------------------------------------------------


def for_edit(s: Session, ctx: ServiceContext, meeting_id: uuid.UUID, revision: int) -> Meeting:
    require(ctx, Permission.EDIT_MEETINGS, "plan meetings")
    meeting = visible_meeting(s, ctx, meeting_id)
    if meeting.status not in (MeetingStatus.PLANNED, MeetingStatus.IN_PROGRESS):
        raise ValidationError(_("A held or cancelled meeting cannot be changed."))
    if meeting.revision != revision:
        raise ConflictError(
            _(
                "The meeting was changed elsewhere in the meantime. It has been reloaded; "
                "make your change again."
            )
        )
    bump(s, meeting)
    return meeting


def done(
    s: Session, ctx: ServiceContext, meeting: Meeting, action: str, **kw: object
) -> MeetingPlan:
    audit.record(s, ctx, action, object_type="meeting", object_id=meeting.id, **kw)  # type: ignore[arg-type]
    s.flush()
    return _plan(s, ctx, meeting)


def _checked_title(title: str) -> str:
    title = one_line(title)
    if not title:
        raise ValidationError(_("An agenda item needs a title."))
    if len(title) > MAX_TITLE:
        raise ValidationError(_("A title is at most {n} characters.", n=MAX_TITLE))
    return title


def _checked_minutes(minutes: int) -> int:
    if not 0 <= minutes <= MAX_TIME_BOX:
        raise ValidationError(_("A time box is between 0 and {n} minutes.", n=MAX_TIME_BOX))
    return minutes


def items_of(s: Session, meeting_id: uuid.UUID) -> list[AgendaItem]:
    return list(
        s.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position)
        )
    )


def renumber(items: Sequence[AgendaItem]) -> None:
    for position, item in enumerate(items, start=1):
        item.position = position


def item_in(s: Session, meeting: Meeting, item_id: uuid.UUID) -> AgendaItem:
    item = s.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting.id:
        raise NotFound(_("The agenda item does not exist."))
    return item


def _insert_item(
    s: Session,
    meeting: Meeting,
    *,
    title: str,
    minutes: int,
    kind: AgendaItemKind,
    case_id: uuid.UUID | None,
    description: str,
) -> AgendaItem:
    """A new item before the closing 'Eventuelt' (or last, when there is none)."""
    items = items_of(s, meeting.id)
    new = AgendaItem(
        meeting_id=meeting.id,
        position=0,
        kind=kind,
        title=title,
        description=description.strip(),
        time_box_minutes=minutes,
        case_id=case_id,
    )
    s.add(new)
    at = len(items)
    if items and items[-1].title == "Eventuelt":
        at -= 1
    items.insert(at, new)
    renumber(items)
    return new


def _visible_case(s: Session, ctx: ServiceContext, case_id: uuid.UUID) -> Case:
    case = s.scalar(select(Case).where(Case.id == case_id, case_visible(ctx)))
    if case is None:
        raise NotFound(_("The case does not exist or is not visible to you."))
    return case


@operation("planning.add_item")
def add_item(
    ctx: ServiceContext,
    meeting_id: uuid.UUID,
    revision: int,
    *,
    title: str,
    minutes: int,
    kind: AgendaItemKind = AgendaItemKind.INFORMATION,
    case_id: uuid.UUID | None = None,
    description: str = "",
) -> MeetingPlan:
    """Add an item before the closing 'Eventuelt' (or last, when there is none). A closed
    case is refused with CaseClosed (add_child_item can reopen it)."""
    title, minutes = _checked_title(title), _checked_minutes(minutes)
    if (kind is AgendaItemKind.CASE) != (case_id is not None):
        raise ValidationError(_("An item about a child names the child; other items do not."))
    with ctx.db.begin() as s:
        meeting = for_edit(s, ctx, meeting_id, revision)
        if case_id is not None:
            case = _visible_case(s, ctx, case_id)
            if case.closed_on is not None:
                raise CaseClosed(case.reference, case.closed_on)
        _insert_item(
            s, meeting, title=title, minutes=minutes, kind=kind, case_id=case_id,
            description=description,
        )  # fmt: skip
        return done(s, ctx, meeting, "agenda.add", case_id=case_id)


@dataclass(frozen=True)
class ChildItemAdded:
    plan: MeetingPlan
    case: CaseSummary
    warnings: tuple[str, ...] = ()  # about a new case (a CPR number without modulus 11)
    reopened: bool = False


@operation("planning.add_child_item")
def add_child_item(
    ctx: ServiceContext,
    meeting_id: uuid.UUID,
    revision: int,
    *,
    title: str,
    minutes: int,
    case_id: uuid.UUID | None = None,
    new_case: NewCase | None = None,
    reopen: bool = False,
) -> ChildItemAdded:
    """Put a child on the agenda in one unit of work: a case from the register (a closed one
    only with ``reopen``, which reopens it and logs that), or a new case created here. A
    refusal (a conflict, a bad CPR number) leaves nothing behind: no case without its item."""
    title, minutes = _checked_title(title), _checked_minutes(minutes)
    if (case_id is None) == (new_case is None):
        raise ValidationError(_("Choose a child in the list, or register a new one."))
    with ctx.db.begin() as s:
        meeting = for_edit(s, ctx, meeting_id, revision)
        warnings: tuple[str, ...] = ()
        reopened = False
        if new_case is not None:
            created = create_case_in(s, ctx, new_case)
            child, warnings = created.case.id, created.warnings
        else:
            assert case_id is not None
            case = _visible_case(s, ctx, case_id)
            if case.closed_on is not None:
                if not reopen:
                    raise CaseClosed(case.reference, case.closed_on)
                reopen_in(s, ctx, case)
                reopened = True
            child = case.id
        _insert_item(
            s, meeting, title=title, minutes=minutes, kind=AgendaItemKind.CASE, case_id=child,
            description="",
        )  # fmt: skip
        plan = done(s, ctx, meeting, "agenda.add", case_id=child)
        return ChildItemAdded(plan, get_case_in(s, ctx, child), warnings, reopened)


@operation("planning.update_item")
def update_item(
    ctx: ServiceContext,
    meeting_id: uuid.UUID,
    revision: int,
    item_id: uuid.UUID,
    *,
    title: str | None = None,
    minutes: int | None = None,
    description: str | None = None,
) -> MeetingPlan:
    with ctx.db.begin() as s:
        meeting = for_edit(s, ctx, meeting_id, revision)
        item = item_in(s, meeting, item_id)
        if title is not None:
            item.title = _checked_title(title)
        if minutes is not None:
            item.time_box_minutes = _checked_minutes(minutes)
        if description is not None:
            item.description = description.strip()
        return done(s, ctx, meeting, "agenda.edit", case_id=item.case_id)


@operation("planning.remove_item")
def remove_item(
    ctx: ServiceContext, meeting_id: uuid.UUID, revision: int, item_id: uuid.UUID
) -> MeetingPlan:
    with ctx.db.begin() as s:
        meeting = for_edit(s, ctx, meeting_id, revision)
        item = item_in(s, meeting, item_id)
        has_minutes = s.scalar(
            select(func.count())
            .select_from(ItemMinutes)
            .where(ItemMinutes.agenda_item_id == item.id)
        )
        if has_minutes:
            raise ValidationError(_("The item already has minutes and cannot be removed."))
        case_id = item.case_id
        s.delete(item)
        s.flush()
        renumber(items_of(s, meeting.id))
        return done(s, ctx, meeting, "agenda.remove", case_id=case_id)


@operation("planning.reorder")
def reorder(
    ctx: ServiceContext, meeting_id: uuid.UUID, revision: int, item_ids: Sequence[uuid.UUID]
) -> MeetingPlan:
    """Put the items in the given order (which must name each item once)."""
    with ctx.db.begin() as s:
        meeting = for_edit(s, ctx, meeting_id, revision)
        return _reorder_in(s, ctx, meeting, item_ids)


def _reorder_in(
    s: Session, ctx: ServiceContext, meeting: Meeting, item_ids: Sequence[uuid.UUID]
) -> MeetingPlan:
    items = {i.id: i for i in items_of(s, meeting.id)}
    if sorted(map(str, item_ids)) != sorted(map(str, items)):
        raise ValidationError(_("The new order must name every item once."))
    renumber([items[i] for i in item_ids])
    return done(s, ctx, meeting, "agenda.reorder")


@operation("planning.move_item")
def move_item(
    ctx: ServiceContext, meeting_id: uuid.UUID, revision: int, item_id: uuid.UUID, to: int
) -> MeetingPlan:
    """Move one item to 0-based position ``to`` (clamped to the agenda)."""
    with ctx.db.begin() as s:
        meeting = for_edit(s, ctx, meeting_id, revision)
        order = [i.id for i in items_of(s, meeting.id)]
        if item_id not in order:
            raise NotFound(_("The agenda item does not exist."))
        order.remove(item_id)
        order.insert(max(0, min(to, len(order))), item_id)
        return _reorder_in(s, ctx, meeting, order)


@operation("planning.set_legal_basis")
def set_legal_basis(
    ctx: ServiceContext,
    meeting_id: uuid.UUID,
    revision: int,
    item_id: uuid.UUID,
    kind: LegalBasisKind,
    *,
    consent_id: uuid.UUID | None = None,
    reason: str = "",
) -> MeetingPlan:
    """Record the legal basis of a child's item. A basis that does not hold on the meeting
    date is refused with the reason."""
    with ctx.db.begin() as s:
        meeting = for_edit(s, ctx, meeting_id, revision)
        require(ctx, Permission.EDIT_CASES, "record legal basis")
        item = item_in(s, meeting, item_id)
        if item.case_id is None:
            raise ValidationError(_("Only an item about a child has a legal basis."))
        case = s.get_one(Case, item.case_id)
        consent = None
        if kind is LegalBasisKind.CONSENT:
            consent = s.get(Consent, consent_id) if consent_id else None
            if consent is None or consent.case_id != case.id:
                raise ValidationError(_("Choose one of this child's consents."))
        basis = s.scalar(select(LegalBasis).where(LegalBasis.agenda_item_id == item.id))
        if basis is None:
            basis = LegalBasis(agenda_item_id=item.id, kind=kind)
            s.add(basis)
        basis.kind = kind
        basis.consent_id = consent.id if consent else None
        basis.reason = reason.strip()
        basis.recorded_by_id = ctx.actor.user_id
        ref_code = {
            LegalBasisKind.RPL115: "rpl115",
            LegalBasisKind.UNDERRETNING: "bl133",
            LegalBasisKind.CONSENT: "fvl28",
        }.get(kind)
        basis.legal_reference_id = (
            s.scalar(select(LegalReference.id).where(LegalReference.code == ref_code))
            if ref_code
            else None
        )
        mt = s.get_one(MeetingType, meeting.meeting_type_id)
        covered = (
            set(
                s.scalars(
                    select(ConsentMeetingType.meeting_type_id).where(
                        ConsentMeetingType.consent_id == consent.id
                    )
                )
            )
            if consent
            else set()
        )
        holder = s.get(CustodyHolder, consent.given_by_id) if consent else None
        status = evaluate_basis(
            case,
            basis,
            consent,
            covered,
            holder.name if holder else "",
            mt,
            meeting.starts_at.date(),
        )
        if status.state is BasisState.BLOCKED:
            raise ValidationError(status.reason)
        return done(s, ctx, meeting, "legal_basis.set", case_id=case.id, detail=kind.value)


# -- participants ------------------------------------------------------------------------------


def participation(s: Session, meeting: Meeting, person_id: uuid.UUID) -> Participation:
    """The person's participation in the meeting, or NotFound."""
    row = s.scalar(
        select(Participation).where(
            Participation.meeting_id == meeting.id, Participation.person_id == person_id
        )
    )
    if row is None:
        raise NotFound(_("The person does not take part in the meeting."))
    return row


@operation("planning.set_attendance")
def set_attendance(
    ctx: ServiceContext,
    meeting_id: uuid.UUID,
    revision: int,
    person_id: uuid.UUID,
    attendance: Attendance,
) -> MeetingPlan:
    """Before the meeting: invited or afbud (sent apologies)."""
    with ctx.db.begin() as s:
        meeting = for_edit(s, ctx, meeting_id, revision)
        row = participation(s, meeting, person_id)
        if meeting.status is MeetingStatus.PLANNED and attendance not in (
            Attendance.INVITED,
            Attendance.AFBUD,
        ):
            raise ValidationError(
                _("Before the meeting a participant is invited or sends apologies.")
            )
        row.attendance = attendance
        return done(s, ctx, meeting, "meeting.attendance")


@operation("planning.remove_participant")
def remove_participant(
    ctx: ServiceContext, meeting_id: uuid.UUID, revision: int, person_id: uuid.UUID
) -> MeetingPlan:
    with ctx.db.begin() as s:
        meeting = for_edit(s, ctx, meeting_id, revision)
        row = participation(s, meeting, person_id)
        s.delete(row)
        return done(s, ctx, meeting, "meeting.participant_removed")


@operation("planning.invite_family")
def invite_family(
    ctx: ServiceContext, meeting_id: uuid.UUID, revision: int, case_id: uuid.UUID
) -> MeetingPlan:
    """Invite a child's custody holders (an FTM, or a parent joining one item)."""
    with ctx.db.begin() as s:
        meeting = for_edit(s, ctx, meeting_id, revision)
        case = s.scalar(select(Case).where(Case.id == case_id, case_visible(ctx)))
        if case is None:
            raise NotFound(_("The case does not exist or is not visible to you."))
        parent_role = s.scalar(select(ParticipantRole).where(ParticipantRole.code == "parent"))
        assert parent_role is not None
        present = set(
            s.scalars(select(Participation.person_id).where(Participation.meeting_id == meeting.id))
        )
        holders = list(s.scalars(select(CustodyHolder).where(CustodyHolder.case_id == case.id)))
        if not holders:
            raise ValidationError(_("The case has no custody holders recorded."))
        for holder in holders:
            if holder.person_id is None:
                person = Person(name=holder.name, profession=holder.relation)
                s.add(person)
                s.flush()
                holder.person_id = person.id
            if holder.person_id not in present:
                s.add(
                    Participation(
                        meeting_id=meeting.id, person_id=holder.person_id, role_id=parent_role.id
                    )
                )
        return done(s, ctx, meeting, "meeting.family", case_id=case.id)
