"""The minutes of a meeting: per item notes, decision, actions (hvem, hvad, hvornår), the
Trivselslinealen level and the next follow-up; FTM rounds and the family's view;
forvisitation's preliminary decision and next step. Then approval and addenda.

Text is saved field by field as the chair types (the window debounces); saving is cheap and
idempotent, so a crash loses at most the last unsaved second. Approved minutes are locked: a
correction is a dated addendum, and every version is kept with the SHA-256 of its content.

An addendum is about one agenda item or about the meeting in general, and obeys the rule the
items obey (``addendum_visible``, the one place it is written): an addendum about an item is
part of that item's record (``ItemMinutesView.addenda``), so whoever may not see the item does
not see its addenda anywhere — minutes, versions, documents, case history. A general addendum
is free text that may name any child of the meeting, so it is shown only to those who see
every item of the meeting; the police and the administrator, who see only some, get neither
its text nor its existence.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import (
    Action,
    AgendaItem,
    Case,
    ItemMinutes,
    LegalReference,
    Meeting,
    MinutesVersion,
    ParticipantRole,
    Participation,
    Person,
    User,
    WellbeingAssessment,
    WellbeingLevel,
)
from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.domain.text import clean_text
from stevnsmoeder.domain.wellbeing import MAX_LEVEL, MIN_LEVEL
from stevnsmoeder.i18n import _
from stevnsmoeder.model.enums import ActionStatus, MeetingStatus, Role
from stevnsmoeder.model.minutes import ActionView, AddendumNote, ItemMinutesView
from stevnsmoeder.model.minutes import texts as texts
from stevnsmoeder.model.minutes import with_texts as with_texts
from stevnsmoeder.services import audit
from stevnsmoeder.services.cases import display_name, hide_unknown_children
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ConflictError, NotFound, ValidationError
from stevnsmoeder.services.oplog import note as note_seen
from stevnsmoeder.services.oplog import operation
from stevnsmoeder.services.permissions import (
    SCOPED_ROLES,
    Permission,
    item_visible,
    meeting_visible,
    require,
)
from stevnsmoeder.services.revisions import bump

MAX_TEXT = 1_000_000  # a whole book; anything longer is a paste accident
APPROVAL, ADDENDUM, PURGED = "approval", "addendum", "purged"  # kinds of minutes versions
NEXT_STEPS = {
    "conversation": ("bl5", "Samtale med barnet"),
    "investigation": ("bl20", "Børnefaglig undersøgelse"),
}


@dataclass(frozen=True)
class MinutesState:
    meeting_id: uuid.UUID
    status: MeetingStatus
    locked: bool
    approved_at: datetime | None
    approved_by: str  # who approved, by name (the login when the user has no person)
    checksum: str | None
    items: dict[uuid.UUID, ItemMinutesView]
    # About the meeting in general; empty unless the actor sees every item (addendum_visible).
    general_addenda: tuple[AddendumNote, ...] = ()


# -- helpers -----------------------------------------------------------------------------------


def _meeting(s: Session, ctx: ServiceContext, meeting_id: uuid.UUID) -> Meeting:
    meeting = s.scalar(select(Meeting).where(Meeting.id == meeting_id, meeting_visible(ctx)))
    if meeting is None:
        raise NotFound(_("The meeting does not exist or is not visible to you."))
    return meeting


def _writable_item(
    s: Session, ctx: ServiceContext, item_id: uuid.UUID
) -> tuple[AgendaItem, Meeting]:
    require(ctx, Permission.EDIT_MEETINGS, "take minutes")
    item = s.get(AgendaItem, item_id)
    if item is None:
        raise NotFound(_("The agenda item does not exist."))
    meeting = _meeting(s, ctx, item.meeting_id)
    if meeting.approved_at is not None:
        raise ValidationError(_("The minutes are approved and locked; add an addendum instead."))
    if meeting.status not in (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD):
        raise ValidationError(_("Minutes are taken when the meeting has started."))
    return item, meeting


def _log(
    s: Session,
    ctx: ServiceContext,
    action: str,
    meeting: Meeting,
    item: AgendaItem,
    detail: str = "",
) -> None:
    """One access-log event for a change to an item's minutes, against its child."""
    audit.record(
        s,
        ctx,
        action,
        object_type="meeting",
        object_id=meeting.id,
        case_id=item.case_id,
        detail=detail,
    )


def _row(s: Session, item: AgendaItem) -> ItemMinutes:
    row = s.scalar(select(ItemMinutes).where(ItemMinutes.agenda_item_id == item.id))
    if row is None:
        row = ItemMinutes(agenda_item_id=item.id)
        s.add(row)
        s.flush()
    return row


def _reference(s: Session, code: str) -> LegalReference:
    ref = s.scalar(select(LegalReference).where(LegalReference.code == code))
    if ref is None:
        raise ValidationError(_("Unknown legal reference {code}.", code=code))
    return ref


# -- reading -----------------------------------------------------------------------------------


def _views(
    s: Session, meeting: Meeting, ctx: ServiceContext | None = None
) -> dict[uuid.UUID, ItemMinutesView]:
    """The minutes of the meeting's items (those the actor may see, given ``ctx``)."""
    query = select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id)
    if ctx is not None:
        query = query.where(item_visible(ctx))
    return item_views(s, list(s.scalars(query)))


def item_views(s: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, ItemMinutesView]:
    """What was written about each of these agenda items, loaded in a few queries."""
    rows = {
        m.agenda_item_id: m
        for m in s.scalars(select(ItemMinutes).where(ItemMinutes.agenda_item_id.in_(ids)))
    }
    refs = {r.id: r.citation for r in s.scalars(select(LegalReference))}
    labels = {lv.level: (lv.label, lv.step_label) for lv in s.scalars(select(WellbeingLevel))}
    levels = {
        a.agenda_item_id: a.level
        for a in s.scalars(
            select(WellbeingAssessment).where(WellbeingAssessment.agenda_item_id.in_(ids))
        )
    }
    actions: dict[uuid.UUID, list[ActionView]] = {i: [] for i in ids}
    addenda: dict[uuid.UUID, list[AddendumNote]] = {i: [] for i in ids}
    for note in _addenda(s, MinutesVersion.agenda_item_id.in_(ids)):
        assert note.item_id is not None
        addenda[note.item_id].append(note)
    for a, owner in s.execute(
        select(Action, Person.name)
        .outerjoin(Person, Action.owner_id == Person.id)
        .where(Action.agenda_item_id.in_(ids))
        .order_by(Action.created_at, Action.id)  # the same order on every engine
    ):
        actions[a.agenda_item_id].append(
            ActionView(
                a.id,
                a.agenda_item_id,
                a.owner_id,
                owner or a.owner_text,
                a.text,
                a.due_on,
                a.status,
                a.done_on,
                refs.get(a.legal_reference_id, "") if a.legal_reference_id else "",
            )
        )
    result = {}
    for item_id in ids:
        m = rows.get(item_id)
        level = levels.get(item_id)
        label, step = labels.get(level, ("", "")) if level else ("", "")
        result[item_id] = ItemMinutesView(
            item_id=item_id,
            **{name: getattr(m, name) if m else "" for name in minutes_fields.names()},
            legal_reference=refs.get(m.legal_reference_id, "")
            if m and m.legal_reference_id
            else "",
            follow_up_on=m.follow_up_on if m else None,
            level=level,
            level_label=label,
            step_label=step,
            actions=tuple(actions[item_id]),
            addenda=tuple(addenda[item_id]),
        )
    return result


def _author() -> ColumnElement[str]:
    """Who made a minutes version or approved, as people read it: the user's person's name, or
    the login of a user with no person (select it outer-joined to User and Person)."""
    return func.coalesce(Person.name, User.login, "")


def user_name(s: Session, user_id: uuid.UUID | None) -> str:
    """The name of the user ``user_id`` as people read it (see _author); "" for None."""
    if user_id is None:
        return ""
    found = s.scalar(
        select(_author())
        .select_from(User)
        .outerjoin(Person, User.person_id == Person.id)
        .where(User.id == user_id)
    )
    return found or ""


def _addenda(s: Session, where: ColumnElement[bool]) -> list[AddendumNote]:
    """The addenda (kind "addendum") matching ``where``, oldest first."""
    return [
        AddendumNote(v.number, v.created_at, by, v.addendum, v.agenda_item_id)
        for v, by in s.execute(
            select(MinutesVersion, _author())
            .outerjoin(User, MinutesVersion.created_by_id == User.id)
            .outerjoin(Person, User.person_id == Person.id)
            .where(MinutesVersion.kind == ADDENDUM, where)
            .order_by(MinutesVersion.meeting_id, MinutesVersion.number)
        )
    ]


@dataclass(frozen=True)
class Sight:
    """What of a meeting's items the actor may see (``item_visible``, the items' own rule)."""

    visible: frozenset[uuid.UUID]
    every: bool  # the actor sees every item of the meeting


def sight(s: Session, ctx: ServiceContext, meeting: Meeting) -> Sight:
    every_item = set(s.scalars(select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id)))
    visible = set(
        s.scalars(
            select(AgendaItem.id).where(AgendaItem.meeting_id == meeting.id, item_visible(ctx))
        )
    )
    return Sight(frozenset(visible), visible == every_item)


def addendum_visible(item_id: uuid.UUID | None, seen: Sight) -> bool:
    """THE rule for addenda: one about an item is seen by whoever sees that item; one about
    the meeting in general (free text that may name any child of the meeting) only by whoever
    sees every item of the meeting."""
    if item_id is None:
        return seen.every
    return item_id in seen.visible


def general_addenda(s: Session, ctx: ServiceContext, meeting: Meeting) -> tuple[AddendumNote, ...]:
    """The meeting's general addenda the actor may see (none, unless every item)."""
    if not addendum_visible(None, sight(s, ctx, meeting)):
        return ()
    return tuple(
        _addenda(
            s,
            and_(
                MinutesVersion.meeting_id == meeting.id,
                MinutesVersion.agenda_item_id.is_(None),
            ),
        )
    )


GENERAL = uuid.UUID(int=0)  # stands for the general addenda among the items' records


def _reading(
    s: Session, ctx: ServiceContext, meeting: Meeting
) -> tuple[dict[uuid.UUID, ItemMinutesView], tuple[AddendumNote, ...]]:
    """What the actor reads of the meeting's minutes: the records of the items it may see (with
    their addenda) and the general addenda it may see, with no name of a child it may not know
    (cases.hide_unknown_children; the general addenda read as text outside any item)."""
    views = _views(s, meeting, ctx)
    views[GENERAL] = ItemMinutesView(GENERAL, addenda=general_addenda(s, ctx, meeting))
    views = hide_unknown_children(s, ctx, views)
    return views, views.pop(GENERAL).addenda


def get_minutes(ctx: ServiceContext, meeting_id: uuid.UUID) -> MinutesState:
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    with ctx.db.begin() as s:
        meeting = _meeting(s, ctx, meeting_id)
        items, general = _reading(s, ctx, meeting)
        state = MinutesState(
            meeting_id=meeting.id,
            status=meeting.status,
            locked=meeting.approved_at is not None,
            approved_at=meeting.approved_at,
            approved_by=user_name(s, meeting.approved_by_id),
            checksum=meeting.approved_checksum,
            items=items,
            general_addenda=general,
        )
        audit.record(s, ctx, "minutes.view", object_type="meeting", object_id=meeting.id)
        return state


# -- writing -----------------------------------------------------------------------------------


@operation("minutes.save_text", merge=lambda args, kwargs: (args[0], args[1]))
def save_text(
    ctx: ServiceContext, item_id: uuid.UUID, field: str, text: str, *, base: str | None = None
) -> None:
    """Save one text field of an item's minutes (notes, decision, FTM rounds …).

    ``base``: the text the writer started from (a replica sends it along). When the field
    holds something else by now — someone else wrote there meanwhile — the save is refused
    with ConflictError and the writer's text is kept by the caller."""
    if field not in minutes_fields.names():
        raise ValueError(f"not a minutes text field: {field}")
    text = clean_text(text)
    if len(text) > MAX_TEXT:
        raise ValidationError(
            _("The text is longer than {n} characters; split it up.", n=f"{MAX_TEXT:,}")
        )
    with ctx.db.begin() as s:
        item, meeting = _writable_item(s, ctx, item_id)
        row = _row(s, item)
        current = getattr(row, field)
        if base is not None and current not in (base, text):
            raise ConflictError(_("Someone else changed this text meanwhile."))
        note_seen(base=current)
        if current != text:
            setattr(row, field, text)
            audit.record(
                s,
                ctx,
                "minutes.edit",
                object_type="meeting",
                object_id=meeting.id,
                case_id=item.case_id,
                detail=field,
            )


@operation("minutes.set_level")
def set_level(ctx: ServiceContext, item_id: uuid.UUID, level: int | None) -> None:
    """The child's Trivselslinealen level as assessed at this item (None clears it)."""
    if level is not None and not MIN_LEVEL <= level <= MAX_LEVEL:
        raise ValidationError(_("The level is from {a} to {b}.", a=MIN_LEVEL, b=MAX_LEVEL))
    with ctx.db.begin() as s:
        item, meeting = _writable_item(s, ctx, item_id)
        if item.case_id is None:
            raise ValidationError(_("Only an item about a child has a level."))
        row = s.scalar(
            select(WellbeingAssessment).where(WellbeingAssessment.agenda_item_id == item.id)
        )
        if level is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(
                WellbeingAssessment(
                    case_id=item.case_id,
                    agenda_item_id=item.id,
                    meeting_id=meeting.id,
                    level=level,
                    assessed_on=meeting.starts_at.date(),
                    assessed_by_id=ctx.actor.person_id,
                )
            )
        else:
            row.level = level
        _log(s, ctx, "minutes.level", meeting, item, detail=str(level))


@operation("minutes.set_follow_up")
def set_follow_up(ctx: ServiceContext, item_id: uuid.UUID, day: date | None) -> None:
    with ctx.db.begin() as s:
        item, meeting = _writable_item(s, ctx, item_id)
        if day is not None and day < meeting.starts_at.date():
            raise ValidationError(_("The follow-up date is before the meeting."))
        _row(s, item).follow_up_on = day
        _log(s, ctx, "minutes.follow_up", meeting, item)


@dataclass(frozen=True)
class NewAction:
    text: str
    owner_id: uuid.UUID | None = None
    owner_text: str = ""
    due_on: date | None = None


@operation("minutes.add_action")
def add_action(ctx: ServiceContext, item_id: uuid.UUID, new: NewAction) -> ActionView:
    """An agreed action: hvem (a participant or free text), hvad, hvornår."""
    with ctx.db.begin() as s:
        return _add_action_in(s, ctx, item_id, new)


def _add_action_in(
    s: Session,
    ctx: ServiceContext,
    item_id: uuid.UUID,
    new: NewAction,
    reference: LegalReference | None = None,
) -> ActionView:
    text = " ".join(clean_text(new.text).split())
    if not text:
        raise ValidationError(_("An action needs a description: what is to be done?"))
    if new.owner_id is None and not new.owner_text.strip():
        raise ValidationError(_("An action needs someone responsible: who does it?"))
    item, meeting = _writable_item(s, ctx, item_id)
    if new.due_on is not None and new.due_on < meeting.starts_at.date():
        raise ValidationError(_("The deadline is before the meeting. Choose a later date."))
    owner = s.get(Person, new.owner_id) if new.owner_id else None
    if new.owner_id is not None and owner is None:
        raise NotFound(_("The person does not exist."))
    action = Action(
        agenda_item_id=item.id,
        case_id=item.case_id,
        owner_id=new.owner_id,
        owner_text=new.owner_text.strip(),
        text=text,
        due_on=new.due_on,
        legal_reference_id=reference.id if reference is not None else None,
    )
    s.add(action)
    s.flush()
    _log(s, ctx, "minutes.action", meeting, item)
    return ActionView(
        action.id,
        item.id,
        action.owner_id,
        owner.name if owner else action.owner_text,
        text,
        action.due_on,
        ActionStatus.OPEN,
        None,
        reference.citation if reference is not None else "",
    )


@operation("minutes.remove_action")
def remove_action(ctx: ServiceContext, action_id: uuid.UUID) -> None:
    with ctx.db.begin() as s:
        action = s.get(Action, action_id)
        if action is None:
            raise NotFound(_("The action does not exist."))
        item, meeting = _writable_item(s, ctx, action.agenda_item_id)
        s.delete(action)
        _log(s, ctx, "minutes.action_removed", meeting, item)


@operation("minutes.complete_action")
def complete_action(
    ctx: ServiceContext, action_id: uuid.UUID, done_on: date, note: str = ""
) -> None:
    """Mark an action done (also after approval: it leaves the start page and the case).
    For a forvisitation's next step, ``note`` is the final decision."""
    require(ctx, Permission.EDIT_MEETINGS, "take minutes")
    with ctx.db.begin() as s:
        action = s.get(Action, action_id)
        if action is None:
            raise NotFound(_("The action does not exist."))
        item = s.get_one(AgendaItem, action.agenda_item_id)
        _meeting(s, ctx, item.meeting_id)
        if done_on > ctx.today():
            raise ValidationError(_("An action cannot be done in the future."))
        action.status = ActionStatus.DONE
        action.done_on = done_on
        action.done_note = clean_text(note).strip() or None
        audit.record(
            s, ctx, "action.done", object_type="action", object_id=action.id, case_id=action.case_id
        )


@operation("minutes.set_preliminary_basis")
def set_preliminary_basis(
    ctx: ServiceContext, item_id: uuid.UUID, legal_reference_code: str
) -> None:
    """Forvisitation: the provision the preliminary decision rests on (its text is the
    autosaved field ``preliminary_decision``)."""
    with ctx.db.begin() as s:
        item, meeting = _writable_item(s, ctx, item_id)
        _row(s, item).legal_reference_id = _reference(s, legal_reference_code).id
        _log(s, ctx, "minutes.preliminary", meeting, item)


@operation("minutes.add_next_step")
def add_next_step(
    ctx: ServiceContext, item_id: uuid.UUID, step: str, due_on: date, owner_id: uuid.UUID | None
) -> ActionView:
    """Forvisitation's next step as an action with a deadline, linked to its provision, so
    the final decision can be recorded against it later (complete_action's note)."""
    if step not in NEXT_STEPS:
        raise ValidationError(_("Unknown next step."))
    code, title = NEXT_STEPS[step]
    with ctx.db.begin() as s:  # one unit of work: the action never without its provision
        ref = _reference(s, code)
        return _add_action_in(
            s,
            ctx,
            item_id,
            NewAction(
                f"{title} ({ref.citation})",
                owner_id=owner_id,
                owner_text="" if owner_id else "Udsatte Børn & Unge",
                due_on=due_on,
            ),
            ref,
        )


@dataclass(frozen=True)
class ReferenceInfo:
    code: str
    citation: str
    title: str


def legal_references(ctx: ServiceContext) -> list[ReferenceInfo]:
    """The provisions a decision may rest on (editable reference data)."""
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    with ctx.db.begin() as s:
        return [
            ReferenceInfo(r.code, r.citation, r.title)
            for r in s.scalars(select(LegalReference).where(LegalReference.active))
        ]


# -- approval ----------------------------------------------------------------------------------


def _content(s: Session, meeting: Meeting) -> dict[str, object]:
    """The minutes as data, canonical enough to checksum: what a printed copy shows."""
    views = _views(s, meeting)
    people = s.execute(
        select(Person.name, ParticipantRole.name, Participation.attendance)
        .join(Participation, Participation.person_id == Person.id)
        .join(ParticipantRole, Participation.role_id == ParticipantRole.id)
        .where(Participation.meeting_id == meeting.id)
        .order_by(ParticipantRole.sort_order, Person.name)
    ).all()
    items = []
    for item, case in s.execute(
        select(AgendaItem, Case)
        .outerjoin(Case, AgendaItem.case_id == Case.id)
        .where(AgendaItem.meeting_id == meeting.id)
        .order_by(AgendaItem.position)
    ):
        v = views[item.id]
        items.append(
            {
                "title": item.title,
                "kind": item.kind.value,
                "status": item.status.value,
                "case": case.reference if case else None,
                "child": display_name(case) if case else None,
                **texts(v),
                "legal_reference": v.legal_reference,
                "follow_up_on": v.follow_up_on.isoformat() if v.follow_up_on else None,
                "level": v.level,
                "actions": [
                    {
                        "who": a.owner,
                        "what": a.text,
                        "when": a.due_on.isoformat() if a.due_on else None,
                    }
                    for a in v.actions
                ],
            }
        )
    return {
        "meeting": {
            "id": str(meeting.id),
            "title": meeting.title,
            "start": meeting.starts_at.isoformat(timespec="minutes"),
            "place": meeting.place,
            "participants": [{"name": n, "role": r, "attendance": a.value} for n, r, a in people],
        },
        "items": items,
    }


def content_checksum(content: str) -> str:
    """The SHA-256 printed on approved minutes (of the canonical JSON content)."""
    return _checksum(content)


def _checksum(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@operation("minutes.approve")
def approve(ctx: ServiceContext, meeting_id: uuid.UUID) -> str:
    """Approve the minutes of a held meeting: they lock, and version 1 is kept with its
    checksum (returned)."""
    require(ctx, Permission.EDIT_MEETINGS, "approve minutes")
    with ctx.db.begin() as s:
        meeting = _meeting(s, ctx, meeting_id)
        if meeting.approved_at is not None:
            raise ValidationError(_("The minutes are approved already."))
        if meeting.status is not MeetingStatus.HELD:
            raise ValidationError(_("Only the minutes of a held meeting can be approved."))
        bump(s, meeting)  # a second approver at the same moment waits, then is refused
        content = _dump(_content(s, meeting))
        checksum = _checksum(content)
        s.add(
            MinutesVersion(
                created_at=ctx.now(),
                meeting_id=meeting.id,
                number=1,
                kind=APPROVAL,
                created_by_id=ctx.actor.user_id,
                content=content,
                checksum=checksum,
            )
        )
        meeting.approved_at = ctx.now()
        meeting.approved_by_id = ctx.actor.user_id
        meeting.approved_checksum = checksum
        audit.record(
            s,
            ctx,
            "minutes.approve",
            object_type="meeting",
            object_id=meeting.id,
            detail=checksum[:16],
        )
        return checksum


@dataclass(frozen=True)
class VersionInfo:
    number: int
    kind: str  # APPROVAL, ADDENDUM, or PURGED (an addendum a retention purge took out)
    created_at: datetime
    created_by: str  # by name (the login when the user has no person)
    addendum: str
    checksum: str
    content: str
    item_id: uuid.UUID | None = None  # an addendum's item; None: the meeting in general
    # The version was changed after it was made: a purge of a closed case took a child out
    # (the content records what, with the checksum it had before).
    redacted: bool = False


@operation("minutes.add_addendum")
def add_addendum(
    ctx: ServiceContext, meeting_id: uuid.UUID, text: str, item_id: uuid.UUID | None = None
) -> VersionInfo:
    """A dated correction to approved minutes, kept as a new version: about the agenda item
    ``item_id`` (shown, printed and purged with that item), or with None about the meeting in
    general (shown only to those who see every item)."""
    require(ctx, Permission.EDIT_MEETINGS, "approve minutes")
    text = clean_text(text).strip()
    if not text:
        raise ValidationError(_("An addendum needs a text."))
    if len(text) > MAX_TEXT:
        raise ValidationError(
            _("The text is longer than {n} characters; split it up.", n=f"{MAX_TEXT:,}")
        )
    with ctx.db.begin() as s:
        meeting = _meeting(s, ctx, meeting_id)
        if meeting.approved_at is None:
            raise ValidationError(_("Minutes not yet approved are corrected directly."))
        item: AgendaItem | None = None
        case: Case | None = None
        if item_id is not None:
            item = s.scalar(
                select(AgendaItem).where(
                    AgendaItem.id == item_id,
                    AgendaItem.meeting_id == meeting.id,
                    item_visible(ctx),
                )
            )
            if item is None:
                raise NotFound(_("The agenda item is not on this meeting's agenda."))
            case = s.get(Case, item.case_id) if item.case_id else None
        last = s.scalar(
            select(MinutesVersion)
            .where(MinutesVersion.meeting_id == meeting.id)
            .order_by(MinutesVersion.number.desc())
            .limit(1)
        )
        assert last is not None
        data = json.loads(last.content)
        data.setdefault("addenda", []).append(
            {
                "at": ctx.now().isoformat(timespec="seconds"),
                "by": ctx.actor.login,
                "text": text,
                # What it is about, as the items are named in the content (retention finds a
                # purged child's addenda by "case").
                "item_id": str(item.id) if item else None,
                "item": item.title if item else None,
                "case": case.reference if case else None,
            }
        )
        content = _dump(data)
        version = MinutesVersion(
            created_at=ctx.now(),
            meeting_id=meeting.id,
            number=last.number + 1,
            kind=ADDENDUM,
            created_by_id=ctx.actor.user_id,
            addendum=text,
            agenda_item_id=item.id if item else None,
            content=content,
            checksum=_checksum(content),
        )
        s.add(version)
        s.flush()
        audit.record(
            s,
            ctx,
            "minutes.addendum",
            object_type="meeting",
            object_id=meeting.id,
            case_id=item.case_id if item else None,
        )
        return VersionInfo(
            version.number,
            version.kind,
            version.created_at,
            user_name(s, ctx.actor.user_id),
            text,
            version.checksum,
            content,
            version.agenda_item_id,
        )


def versions(ctx: ServiceContext, meeting_id: uuid.UUID) -> list[VersionInfo]:
    """The kept versions of approved minutes, with the addenda the actor may see
    (``addendum_visible``): an addendum about an item the actor may not see is left out, as
    is one about the meeting in general unless the actor sees every item; an addendum's text
    is as the minutes show it to the actor (_reading). The full content (every child's item by
    name, every addendum) is given only to those who see every item and every child's name:
    not to the police, a participant or the administrator, who get dates, authors and
    checksums."""
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    with ctx.db.begin() as s:
        meeting = _meeting(s, ctx, meeting_id)
        seen = sight(s, ctx, meeting)
        whole = seen.every and ctx.actor.role not in (*SCOPED_ROLES, Role.ADMIN)
        views, general = _reading(s, ctx, meeting)
        shown = {n.number: n.text for v in views.values() for n in v.addenda}
        shown.update((n.number, n.text) for n in general)
        rows = [
            (v, by)
            for v, by in s.execute(
                select(MinutesVersion, _author())
                .outerjoin(User, MinutesVersion.created_by_id == User.id)
                .outerjoin(Person, User.person_id == Person.id)
                .where(MinutesVersion.meeting_id == meeting.id)
                .order_by(MinutesVersion.number)
            )
            if v.kind == APPROVAL or addendum_visible(v.agenda_item_id, seen)
        ]
        if rows and (whole or shown):
            audit.record(s, ctx, "minutes.view", object_type="meeting", object_id=meeting.id)
        return [
            VersionInfo(
                v.number,
                v.kind,
                v.created_at,
                by,
                shown.get(v.number, ""),
                v.checksum,
                v.content if whole else "",
                v.agenda_item_id,
                redacted=bool(json.loads(v.content).get("purged")),
            )
            for v, by in rows
        ]


def verify(ctx: ServiceContext, meeting_id: uuid.UUID) -> bool:
    """Does every kept version still match its checksum?"""
    require(ctx, Permission.VIEW_MEETINGS, "see meetings")
    with ctx.db.begin() as s:
        meeting = _meeting(s, ctx, meeting_id)
        kept = s.scalars(select(MinutesVersion).where(MinutesVersion.meeting_id == meeting.id))
        return all(_checksum(v.content) == v.checksum for v in kept)
