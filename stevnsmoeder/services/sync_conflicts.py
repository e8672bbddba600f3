"""Deciding on the changes the server refused (a replica's conflicts).

A change the server refused at a push is kept on the laptop as a conflict, with the
arguments as they were pushed, so the user's text is never lost (``sync_client._push``).
Here the user decides on each one, in the window (*Konflikter*) or on the command line:

- ``detail``: what was attempted, in words ("Referatet til punkt 3 (Distriktsmøde …)", the
  field by name); the laptop's version (the text, or what was typed, with who and when) and
  the server's as this replica has it since the pull (with who and when, where the data
  says); the server's reason; and the choices that can be made now.
- ``keep_server``: the record stays as the server has it.
- ``keep_mine``: the change is done again on top of the record as it is now, as a new
  operation through the normal service, so it goes into the outbox and is pushed at the
  next sync (a text is saved over the server's text as its base; a change to a meeting's
  plan is made against the plan's present revision).
- ``merge``: a text merged by hand is saved as a new change, as ``keep_mine`` saves one.
- ``keep_as_addendum``: a text refused because the minutes were approved meanwhile is kept
  as a dated addendum about its item (the one way it can still enter the minutes).

A choice that cannot be made (the minutes are locked, what the change was about is no
longer on this computer, the conflict is decided already) is refused with a ServiceError;
nothing is deleted: a decided conflict stays, with when and how it was decided, as history.
The decision is marked in the unit of work of the change it makes (see ``_decide``) and
logged with the choice only, never the text.
"""

from __future__ import annotations

import inspect
import sys
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import Action, AgendaItem, Case, ItemMinutes, Meeting, SyncConflict
from stevnsmoeder.domain import minutes_fields
from stevnsmoeder.domain.dates import LOCAL_TZ, long_date, long_datetime
from stevnsmoeder.i18n import _
from stevnsmoeder.services import audit, minutes, oplog, sync_client
from stevnsmoeder.services.cases import hide_unknown_children
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound, ValidationError
from stevnsmoeder.services.meetings import status_label
from stevnsmoeder.services.permissions import (
    Permission,
    allowed,
    case_visible,
    item_visible,
    meeting_visible,
)

TEXT_OPERATION = "minutes.save_text"
SHORT_ID = 8  # the characters of an id the command line shows (a unique start is enough)


class Choice(StrEnum):
    """What the user decided (kept in ``SyncConflict.resolution``)."""

    SERVER = "server"  # the server's version stands
    MINE = "mine"  # the laptop's change, done again
    MERGED = "merged"  # a text merged by hand, saved as a new change
    ADDENDUM = "addendum"  # the laptop's text, kept as an addendum to approved minutes


@dataclass(frozen=True)
class Version:
    """One side of a conflict: the text (or what was typed, or the state in words), who made
    it and when ("" and None where the data does not say)."""

    text: str
    who: str
    at: datetime | None  # aware UTC

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "who": self.who or None,
            "at": self.at.isoformat() if self.at else None,
        }


@dataclass(frozen=True)
class ConflictSummary:
    """A conflict as a list shows it."""

    id: uuid.UUID
    operation: str  # e.g. minutes.save_text
    what: str  # in words: "Beslutning i referatet til punkt 3 (Distriktsmøde …)"
    reason: str  # the server's, in Danish
    kind: str  # permission, rule, conflict or invalid
    created_at: datetime  # when the change was done on this computer (aware UTC)

    @property
    def short_id(self) -> str:
        return str(self.id)[:SHORT_ID]

    def to_json(self) -> dict[str, str]:
        return {
            "id": str(self.id),
            "operation": self.operation,
            "what": self.what,
            "reason": self.reason,
            "kind": self.kind,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class ConflictDetail:
    id: uuid.UUID
    operation: str
    what: str  # "Referatet til punkt 3 (Distriktsmøde Hotherhus, tirsdag den 24. november 2026)"
    field: str  # the text's field in words ("Beslutning"); "" when the change is no text
    is_text: bool  # a text of the minutes: it can be merged by hand
    mine: Version  # the laptop's (who: this user; when: when it was done here)
    server: Version  # as this replica has it now (after the pull)
    approved: bool  # the minutes it is about are approved (the server's "who" approved them)
    reason: str
    kind: str
    created_at: datetime
    choices: tuple[Choice, ...]  # what can be decided now (none once it is decided)
    note: str  # why keeping the laptop's change is impossible, and what is offered instead
    meeting_id: uuid.UUID | None  # what it is about, for the windows that show it
    case_id: uuid.UUID | None
    resolved_at: datetime | None = None
    resolution: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": str(self.id),
            "operation": self.operation,
            "what": self.what,
            "field": self.field or None,
            "mine": self.mine.to_json(),
            "server": self.server.to_json(),
            "approved": self.approved,
            "reason": self.reason,
            "kind": self.kind,
            "created_at": self.created_at.isoformat(),
            "choices": [c.value for c in self.choices],
            "note": self.note or None,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
            "resolution": self.resolution or None,
        }


def when_words(at: datetime) -> str:
    """'mandag den 23. november 2026, kl. 10.15', on the municipality's clock."""
    return long_datetime(at.astimezone(LOCAL_TZ))


# -- what was attempted, in words -----------------------------------------------------------

# Each operation as the user would name what they did. A lambda each, so that every text is
# a literal the translation check finds.
_ACTIONS: dict[str, Callable[[], str]] = {
    "carry_over.bring_agreements": lambda: _("Open agreements brought to the meeting"),
    "carry_over.carry_over": lambda: _("Items carried over to the meeting"),
    "cases.close_case": lambda: _("Closing the case"),
    "cases.create_case": lambda: _("A new case"),
    "cases.reopen_case": lambda: _("Reopening the case"),
    "consent.add_custody_holder": lambda: _("A custody holder"),
    "consent.record_consent": lambda: _("A consent"),
    "live.end": lambda: _("Ending the meeting"),
    "live.go_to": lambda: _("Going to another item"),
    "live.push_to_next_time": lambda: _("An item moved to the next meeting"),
    "live.set_back_to_planned": lambda: _("Setting the meeting back to planned"),
    "live.set_present": lambda: _("Who is present"),
    "live.start": lambda: _("Starting the meeting"),
    "live.step": lambda: _("Going to the next or previous item"),
    "live.undo_push": lambda: _("An item taken back into the meeting"),
    "meetings.create_ftm_for_case": lambda: _("A new family team meeting"),
    "meetings.create_meeting": lambda: _("A new meeting"),
    "minutes.add_action": lambda: _("An agreement"),
    "minutes.add_addendum": lambda: _("An addendum"),
    "minutes.add_next_step": lambda: _("The next step"),
    "minutes.approve": lambda: _("Approving the minutes"),
    "minutes.complete_action": lambda: _("An agreement marked done"),
    "minutes.remove_action": lambda: _("Removing an agreement"),
    "minutes.save_text": lambda: _("A text in the minutes"),
    "minutes.set_follow_up": lambda: _("The next follow-up"),
    "minutes.set_level": lambda: _("The Trivselslinealen level"),
    "minutes.set_preliminary_basis": lambda: _("The provision of the preliminary decision"),
    "planning.add_child_item": lambda: _("An item about a child"),
    "planning.add_item": lambda: _("A new agenda item"),
    "planning.invite_family": lambda: _("Inviting the family"),
    "planning.move_item": lambda: _("Moving an agenda item"),
    "planning.remove_item": lambda: _("Removing an agenda item"),
    "planning.remove_participant": lambda: _("Removing a participant"),
    "planning.reorder": lambda: _("The order of the agenda"),
    "planning.set_attendance": lambda: _("Who attends"),
    "planning.set_legal_basis": lambda: _("The legal basis of an item"),
    "planning.update_item": lambda: _("Changing an agenda item"),
    "series.add_closed_period": lambda: _("Closed days"),
    "series.add_participant": lambda: _("A participant"),
    "series.cancel_meeting": lambda: _("Cancelling the meeting"),
    "series.change_rule": lambda: _("When a meeting series meets"),
    "series.create_series": lambda: _("A new meeting series"),
    "series.generate": lambda: _("Planning a series' meetings ahead"),
    "series.move_meeting": lambda: _("Moving the meeting"),
}


def action_words(name: str) -> str:
    words = _ACTIONS.get(name)
    return words() if words else _("A change")


def _summary(what: str, field: str) -> str:
    return _("{field}: {what}", field=field, what=what) if field else what


@dataclass(frozen=True)
class _Where:
    """What a change was about, as this replica has it now."""

    words: str  # "punkt 3 (Distriktsmøde …, tirsdag den 24. november 2026)"; "" unknown
    meeting: Meeting | None
    item: AgendaItem | None
    item_number: int | None
    case_id: uuid.UUID | None
    gone: bool  # what the change was about is not (or no longer) on this computer


def _meeting_words(meeting: Meeting) -> str:
    return f"{meeting.title}, {long_date(meeting.starts_at.date())}"


def _where(s: Session, ctx: ServiceContext, arguments: dict[str, Any]) -> _Where:
    item_id = arguments.get("item_id")
    if not isinstance(item_id, uuid.UUID) and isinstance(arguments.get("action_id"), uuid.UUID):
        item_id = s.scalar(select(Action.agenda_item_id).where(Action.id == arguments["action_id"]))
        if item_id is None:
            return _Where("", None, None, None, None, True)
    if isinstance(item_id, uuid.UUID):
        item = s.get(AgendaItem, item_id)
        meeting = (
            s.scalar(select(Meeting).where(Meeting.id == item.meeting_id, meeting_visible(ctx)))
            if item is not None
            else None
        )
        if item is None or meeting is None:
            return _Where("", None, None, None, None, True)
        shown = list(
            s.scalars(
                select(AgendaItem.id)
                .where(AgendaItem.meeting_id == meeting.id, item_visible(ctx))
                .order_by(AgendaItem.position)
            )
        )
        if item.id not in shown:
            return _Where("", meeting, None, None, None, True)
        number = shown.index(item.id) + 1
        words = _("item {n} ({meeting})", n=number, meeting=_meeting_words(meeting))
        return _Where(words, meeting, item, number, item.case_id, False)
    meeting_id = arguments.get("meeting_id")
    if isinstance(meeting_id, uuid.UUID):
        meeting = s.scalar(select(Meeting).where(Meeting.id == meeting_id, meeting_visible(ctx)))
        if meeting is None:
            return _Where("", None, None, None, None, True)
        return _Where(_meeting_words(meeting), meeting, None, None, None, False)
    case_id = arguments.get("case_id")
    if isinstance(case_id, uuid.UUID):
        reference = s.scalar(select(Case.reference).where(Case.id == case_id, case_visible(ctx)))
        if reference is None:
            return _Where("", None, None, None, None, True)
        return _Where(_("case {reference}", reference=reference), None, None, None, case_id, False)
    return _Where("", None, None, None, None, False)


def _arguments(conflict: SyncConflict) -> dict[str, Any] | None:
    """The operation's arguments by name (without ``ctx``); None when they cannot be read."""
    fn = oplog.REGISTRY.get(conflict.name)
    if fn is None:
        return None
    try:
        args, kwargs = oplog.decode_call(conflict.arguments)
        bound = inspect.signature(fn).bind(None, *args, **kwargs)
    except (oplog.ArgumentError, TypeError):
        return None
    found = dict(bound.arguments)
    found.pop("ctx", None)
    return found


def _typed(arguments: dict[str, Any]) -> str:
    """What the user typed or chose for the change, a line each (no ids)."""
    lines: list[str] = []

    def add(value: Any) -> None:
        if isinstance(value, str) and value.strip():
            lines.append(value)
        elif isinstance(value, datetime):
            lines.append(when_words(value) if value.tzinfo else long_datetime(value))
        elif isinstance(value, date):
            lines.append(long_date(value))
        elif is_dataclass(value) and not isinstance(value, type):
            for f in fields(value):
                add(getattr(value, f.name))

    for value in arguments.values():
        add(value)
    return "\n".join(lines)


def _what(conflict: SyncConflict, where: _Where) -> str:
    """The change in words (a text's field is named apart, see ``_field_words``)."""
    if conflict.name == TEXT_OPERATION and where.item_number is not None and where.meeting:
        what = _(
            "The minutes of item {n} ({meeting})",
            n=where.item_number,
            meeting=_meeting_words(where.meeting),
        )
    else:
        action = action_words(conflict.name)
        what = _("{action}: {where}", action=action, where=where.words) if where.words else action
    return what


def _field_words(arguments: dict[str, Any] | None) -> str:
    name = arguments.get("field") if arguments else None
    try:
        found = minutes_fields.field(str(name))
    except KeyError:
        return ""
    return str(found.title or found.prompt)


# -- reading --------------------------------------------------------------------------------


def _conflict(s: Session, conflict_id: uuid.UUID) -> SyncConflict:
    found = s.get(SyncConflict, conflict_id)
    if found is None:
        raise NotFound(_("There is no such conflict on this computer."))
    return found


def open_conflicts(ctx: ServiceContext) -> list[ConflictSummary]:
    """The conflicts not yet decided, oldest change first, each in words."""
    with ctx.db.begin() as s:
        rows = s.scalars(
            select(SyncConflict)
            .where(SyncConflict.resolved_at.is_(None))
            .order_by(SyncConflict.created_at, SyncConflict.id)
        ).all()
        result = []
        for c in rows:
            arguments = _arguments(c)
            where = _where(s, ctx, arguments) if arguments is not None else None
            what = _what(c, where) if where else action_words(c.name)
            field = _field_words(arguments) if c.name == TEXT_OPERATION else ""
            result.append(
                ConflictSummary(c.id, c.name, _summary(what, field), c.reason, c.kind, c.created_at)
            )
        return result


def count(ctx: ServiceContext) -> int:
    """How many conflicts wait for a decision (for the status bar)."""
    return len(sync_client.conflicts(ctx))


def find(ctx: ServiceContext, text: str) -> uuid.UUID:
    """The conflict whose id is ``text`` or starts with it (decided ones too)."""
    wanted = text.strip().lower()
    with ctx.db.begin() as s:
        ids = [str(i) for i in s.scalars(select(SyncConflict.id))]
    found = [i for i in ids if i.startswith(wanted)] if len(wanted) >= 4 else []
    if wanted in ids:
        found = [wanted]
    if len(found) != 1:
        raise NotFound(
            _("No conflict has the id {id}.", id=text)
            if not found
            else _("More than one conflict has an id starting with {id}.", id=text)
        )
    return uuid.UUID(found[0])


@dataclass(frozen=True)
class _Read:
    conflict: SyncConflict
    arguments: dict[str, Any] | None
    where: _Where


def _read(s: Session, ctx: ServiceContext, conflict_id: uuid.UUID) -> _Read:
    conflict = _conflict(s, conflict_id)
    arguments = _arguments(conflict)
    where = (
        _where(s, ctx, arguments)
        if arguments is not None
        else _Where("", None, None, None, None, True)
    )
    return _Read(conflict, arguments, where)


def detail(ctx: ServiceContext, conflict_id: uuid.UUID) -> ConflictDetail:
    """The conflict beside the server's version, and what can be decided (see the module).
    Showing the server's text of the minutes is logged as a reading of them."""
    return _detail(ctx, conflict_id, log=True)


def _detail(ctx: ServiceContext, conflict_id: uuid.UUID, *, log: bool) -> ConflictDetail:
    with ctx.db.begin() as s:
        read = _read(s, ctx, conflict_id)
        c, where = read.conflict, read.where
        meeting = where.meeting
        approved = bool(meeting and meeting.approved_at is not None)
        is_text = c.name == TEXT_OPERATION and read.arguments is not None
        server = _server_version(s, ctx, read, approved)
        if log and is_text and meeting is not None and where.item is not None:
            audit.record(s, ctx, "minutes.view", object_type="meeting", object_id=meeting.id)
    if meeting is not None and not where.gone:
        running = sync_client.running_elsewhere(ctx, meeting.id)
        if running is not None and not is_text:
            elsewhere = _(
                "It is running on {holder}'s computer ({device}).",
                holder=running.holder,
                device=running.device,
            )
            server = Version(f"{elsewhere}\n{server.text}", server.who, server.at)
    mine_text = ""
    if read.arguments is not None:
        mine_text = (
            str(read.arguments.get("text", "")) if is_text else _typed(read.arguments)
        ) or action_words(c.name)
    mine = Version(mine_text, ctx.actor.display_name or ctx.actor.login, c.created_at)
    choices, note = _choices(ctx, read, is_text, approved)
    if c.resolved_at is not None:
        choices, note = (), ""
    return ConflictDetail(
        id=c.id,
        operation=c.name,
        what=_what(c, where),
        field=_field_words(read.arguments) if is_text else "",
        is_text=is_text and not where.gone,
        mine=mine,
        server=server,
        approved=approved,
        reason=c.reason,
        kind=c.kind,
        created_at=c.created_at,
        choices=choices,
        note=note,
        meeting_id=meeting.id if meeting else None,
        case_id=where.case_id,
        resolved_at=c.resolved_at,
        resolution=c.resolution,
    )


def _server_version(s: Session, ctx: ServiceContext, read: _Read, approved: bool) -> Version:
    """The server's side as this replica has it: the text of the field (as the minutes show
    it to the user), or the state of the meeting in words; approved minutes were last
    changed by who approved them; otherwise the record says when, not who."""
    where = read.where
    meeting = where.meeting
    if where.gone:
        return Version(_("What the change was about is not on this computer (any more)."), "", None)
    if meeting is None:
        return Version(_("The server has the record without your change."), "", None)
    who = minutes.user_name(s, meeting.approved_by_id) if approved else ""
    if read.conflict.name == TEXT_OPERATION and where.item is not None and read.arguments:
        views = hide_unknown_children(s, ctx, minutes.item_views(s, [where.item.id]))
        text = str(getattr(views[where.item.id], str(read.arguments.get("field")), ""))
        if approved:
            return Version(text, who, meeting.approved_at)
        changed = s.scalar(
            select(ItemMinutes.updated_at).where(ItemMinutes.agenda_item_id == where.item.id)
        )
        return Version(text, "", changed)
    lines = [_("The meeting is {status}.", status=status_label(meeting.status))]
    if approved:
        lines.append(_("Its minutes are approved and locked."))
    lines.append(_("The server has the record without your change."))
    if approved:
        return Version("\n".join(lines), who, meeting.approved_at)
    return Version("\n".join(lines), "", meeting.updated_at)


def _choices(
    ctx: ServiceContext, read: _Read, is_text: bool, approved: bool
) -> tuple[tuple[Choice, ...], str]:
    if read.arguments is None:
        return (Choice.SERVER,), _(
            "This program cannot read the change, so it cannot be made again."
        )
    if read.where.gone:
        return (Choice.SERVER,), _(
            "What the change was about is not on this computer (any more): your access may "
            "have changed. It cannot be made again."
        )
    locked = approved and read.conflict.name.startswith("minutes.")
    if locked and is_text:
        if allowed(ctx, Permission.EDIT_MEETINGS):
            return (Choice.SERVER, Choice.ADDENDUM), _(
                "The minutes were approved meanwhile, so your text cannot go into them. Copy "
                "it, or keep it as an addendum."
            )
        return (Choice.SERVER,), _(
            "The minutes were approved meanwhile, so your text cannot go into them. Copy it "
            "to keep it."
        )
    if locked:
        return (Choice.SERVER,), _(
            "The minutes were approved meanwhile, so the change cannot be made any more."
        )
    if is_text:
        return (Choice.SERVER, Choice.MINE, Choice.MERGED), ""
    return (Choice.SERVER, Choice.MINE), ""


# -- deciding -------------------------------------------------------------------------------


def keep_server(ctx: ServiceContext, conflict_id: uuid.UUID) -> None:
    """The server's version stands: nothing changes but the conflict, which is decided."""
    _require_choice(ctx, conflict_id, Choice.SERVER)
    _decide(ctx, conflict_id, Choice.SERVER, None)


def keep_mine(ctx: ServiceContext, conflict_id: uuid.UUID, *, base: str | None = None) -> None:
    """Do the laptop's change again on top of the record as it is now (pushed at the next
    sync). ``base``: for a text, the server's text the user decided over (see ``merge``)."""
    found = _require_choice(ctx, conflict_id, Choice.MINE)
    if found.is_text:
        _decide(
            ctx, conflict_id, Choice.MINE, lambda: _save_text(ctx, found, found.mine.text, base)
        )
        return
    with ctx.db.begin() as s:
        read = _read(s, ctx, conflict_id)
        again = _again(s, ctx, read)
    _decide(ctx, conflict_id, Choice.MINE, again)


def merge(
    ctx: ServiceContext, conflict_id: uuid.UUID, text: str, *, base: str | None = None
) -> None:
    """Save a text merged by hand from both versions as a new change. ``base``: the server's
    text the user merged with (a window passes what it showed); when the replica holds
    another by now, the save is refused (ConflictError) and the conflict stays open."""
    found = _require_choice(ctx, conflict_id, Choice.MERGED)
    _decide(ctx, conflict_id, Choice.MERGED, lambda: _save_text(ctx, found, text, base))


def keep_as_addendum(ctx: ServiceContext, conflict_id: uuid.UUID, text: str | None = None) -> None:
    """Keep the laptop's text (or ``text``, edited from it) as an addendum about its item of
    the approved minutes."""
    found = _require_choice(ctx, conflict_id, Choice.ADDENDUM)
    with ctx.db.begin() as s:
        read = _read(s, ctx, conflict_id)
        item = read.where.item
        meeting = read.where.meeting
    assert item is not None and meeting is not None  # a text about an item (_choices)
    words = found.mine.text if text is None else text
    _decide(
        ctx,
        conflict_id,
        Choice.ADDENDUM,
        lambda: minutes.add_addendum(ctx, meeting.id, words, item.id),
    )


def _require_choice(ctx: ServiceContext, conflict_id: uuid.UUID, choice: Choice) -> ConflictDetail:
    found = _detail(ctx, conflict_id, log=False)
    if found.resolved_at is not None:
        raise ValidationError(_("This conflict is decided already."))
    if choice not in found.choices:
        if choice is Choice.MERGED and not found.is_text:
            raise ValidationError(_("Only a text can be merged by hand."))
        if choice is Choice.ADDENDUM and not (found.is_text and found.approved):
            raise ValidationError(
                _("Only a text for minutes approved meanwhile is kept as an addendum.")
            )
        raise ValidationError(found.note or _("This choice cannot be made for the conflict."))
    return found


def _save_text(ctx: ServiceContext, found: ConflictDetail, text: str, base: str | None) -> None:
    with ctx.db.begin() as s:
        read = _read(s, ctx, found.id)
    assert read.arguments is not None and read.where.item is not None
    minutes.save_text(
        ctx,
        read.where.item.id,
        str(read.arguments["field"]),
        text,
        # Over the server's text as the user saw it: a change since then is refused.
        base=found.server.text if base is None else base,
    )


def _again(s: Session, ctx: ServiceContext, read: _Read) -> Callable[[], object]:
    """The operation of the conflict, ready to be done again as a new one (through the
    service as marked, so it is recorded for the server)."""
    fn = oplog.REGISTRY[read.conflict.name]
    service: Callable[..., object] | None = getattr(sys.modules[fn.__module__], fn.__name__, None)
    if service is None or getattr(service, "__wrapped__", None) is not fn:
        raise ValidationError(_("This choice cannot be made for the conflict."))
    assert read.arguments is not None
    arguments = dict(read.arguments)
    if "revision" in arguments and read.where.meeting is not None:
        # A change to a meeting's plan is made against the plan the user has now decided on.
        arguments["revision"] = read.where.meeting.revision
    bound = inspect.signature(fn).bind(ctx, **arguments)
    return lambda: service(*bound.args, **bound.kwargs)


@dataclass
class _Deciding:
    ctx: ServiceContext
    conflict_id: uuid.UUID
    choice: Choice
    done: bool = False


_deciding: ContextVar[_Deciding | None] = ContextVar("stevnsmoeder_deciding", default=None)


def _decide(
    ctx: ServiceContext,
    conflict_id: uuid.UUID,
    choice: Choice,
    change: Callable[[], object] | None,
) -> None:
    """Make the change (if any) and mark the conflict decided in the unit of work that writes
    it (see ``_mark_in_work``); when the change wrote nothing (the record holds it already),
    or there is none, the conflict is marked in a unit of work of its own."""
    if _mark_in_work not in ctx.db.before_commit:
        ctx.db.before_commit.append(_mark_in_work)
    deciding = _Deciding(ctx, conflict_id, choice)
    token = _deciding.set(deciding)
    try:
        if change is not None:
            try:
                change()
            except oplog.ArgumentError:
                raise ValidationError(
                    _("This program cannot read the change, so it cannot be made again.")
                ) from None
    finally:
        _deciding.reset(token)
    if not deciding.done:
        with ctx.db.begin() as s:
            _mark(s, ctx, conflict_id, choice)


def _mark_in_work(session: Session) -> None:
    """Before a unit of work commits: while a decision is being carried out and the unit
    wrote the change, the conflict is marked decided in it too."""
    deciding = _deciding.get()
    if deciding is None or deciding.done or deciding.ctx.db.running_after_work():
        return
    if session.get_bind() is not deciding.ctx.db.engine:
        return
    session.flush()
    if not oplog.wrote(session):
        return
    _mark(session, deciding.ctx, deciding.conflict_id, deciding.choice)
    deciding.done = True


def _mark(s: Session, ctx: ServiceContext, conflict_id: uuid.UUID, choice: Choice) -> None:
    conflict = _conflict(s, conflict_id)
    if conflict.resolved_at is not None:
        raise ValidationError(_("This conflict is decided already."))
    conflict.resolved_at = ctx.now()
    conflict.resolution = choice.value
    arguments = _arguments(conflict)
    where = _where(s, ctx, arguments) if arguments is not None else None
    meeting = where.meeting if where else None
    audit.record(
        s,
        ctx,
        _audit_code(choice),
        object_type="meeting" if meeting else "",
        object_id=meeting.id if meeting else None,
        case_id=where.case_id if where else None,
        detail=conflict.name,  # the operation's name: never the text
    )


def _audit_code(choice: Choice) -> str:
    if choice is Choice.SERVER:
        return "conflict.server"
    if choice is Choice.MINE:
        return "conflict.mine"
    if choice is Choice.MERGED:
        return "conflict.merged"
    return "conflict.addendum"
