"""Reading the access log: the administrator's view, the chain check, and the per-child export
for a data-subject access request ("who looked at this child, when, and why").

The log holds no note text and no names of children; an export names the staff members who
acted, their roles, what they did and in which meeting. Reading the log is itself logged.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import AuditEvent, Case, Meeting, MeetingType, Person, User
from stevnsmoeder.domain.dates import LOCAL_TZ, long_datetime, range_end, range_start
from stevnsmoeder.i18n import _, _n
from stevnsmoeder.services import audit
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound
from stevnsmoeder.services.login_attempts import UNKNOWN_USER
from stevnsmoeder.services.permissions import Permission, allowed, require

# What each action code says, as a sentence about the person who acted ({who}, their name),
# the case by its number ({case}), the meeting ({meeting}: "Distriktsmøde 05.01.2027") and
# the user an administrator acted on ({user}). Never a child's name: a case is its number.
# "code@object_type" is the sentence for that code about that kind of object. Every code the
# services log has a sentence (tests/test_audit_sentences.py finds the codes in the code).
ACTION_SENTENCES = {
    "login": "{who} logged in",
    "logout": "{who} logged out",
    "login.failed": "Failed login as {who}",
    "login.delayed": "Login as {who} refused after too many failed attempts",
    "login.attempts-file": "The record of failed logins was found deleted or replaced",
    "device.register": "{who} registered a computer for the shared record",
    "device.revoke": "{who} revoked a computer's access to the shared record",
    "sync": "{who} brought this computer in step with the server",
    "conflict.server": "{who} kept the server's version of a change the server refused",
    "conflict.mine": "{who} made a change the server refused again",
    "conflict.merged": "{who} merged a text the server refused with the server's by hand",
    "conflict.addendum": "{who} kept a text the server refused as an addendum",
    "case.take_along": "{who} took case {case} along to their computer",
    "case.put_back": "{who} put case {case} back",
    "lock": "{who} locked the program",
    "unlock": "{who} unlocked the program",
    "unlock.failed": "{who} typed a wrong password to unlock the program",
    "case.view": "{who} opened the case {case}",
    "case.view@meeting": "{who} saw the case {case} on the agenda of {meeting}",
    "case.history": "{who} opened the case history of {case}",
    "case.list": "{who} saw the list of cases",
    "case.create": "{who} created the case {case}",
    "case.close": "{who} closed the case {case}",
    "case.reopen": "{who} reopened the case {case}",
    "custody_holder.list": "{who} read the custody holders of {case}",
    "custody_holder.create": "{who} registered a custody holder for {case}",
    "meeting.view": "{who} opened the meeting {meeting}",
    "meeting.create": "{who} planned the meeting {meeting}",
    "meeting.create_ftm": "{who} planned the meeting {meeting}",
    "meeting.start": "{who} started the meeting {meeting}",
    "meeting.end": "{who} ended the meeting {meeting}",
    "meeting.set_back": "{who} set the meeting {meeting} back to planned",
    "meeting.cancel": "{who} cancelled the meeting {meeting}",
    "meeting.move": "{who} moved the meeting {meeting}",
    "meeting.participant": "{who} added a participant to the meeting {meeting}",
    "meeting.participant_removed": "{who} removed a participant from the meeting {meeting}",
    "meeting.attendance": "{who} recorded who attends the meeting {meeting}",
    "meeting.family": "{who} invited the family to the meeting {meeting}",
    "agenda.add": "{who} added an item to the agenda of {meeting}",
    "agenda.edit": "{who} changed an item on the agenda of {meeting}",
    "agenda.remove": "{who} removed an item from the agenda of {meeting}",
    "agenda.reorder": "{who} changed the order of the agenda of {meeting}",
    "agenda.push": "{who} moved an item of {meeting} to the next meeting",
    "agenda.unpush": "{who} took an item of {meeting} back into the meeting",
    "agenda.carry_over": "{who} carried items over to the meeting {meeting}",
    "agenda.agreements": "{who} brought open agreements to the meeting {meeting}",
    "legal_basis.set": "{who} recorded a legal basis on the agenda of {meeting}",
    "minutes.view": "{who} read the minutes of {meeting}",
    "minutes.edit": "{who} wrote in the minutes of {meeting}",
    "minutes.level": "{who} set the Trivselslinealen level in the minutes of {meeting}",
    "minutes.follow_up": "{who} set the next follow-up in the minutes of {meeting}",
    "minutes.action": "{who} recorded an agreement in the minutes of {meeting}",
    "minutes.action_removed": "{who} removed an agreement from the minutes of {meeting}",
    "minutes.preliminary": "{who} wrote the preliminary decision in the minutes of {meeting}",
    "minutes.approve": "{who} approved the minutes of {meeting}",
    "minutes.addendum": "{who} added an addendum to the minutes of {meeting}",
    "action.done": "{who} marked an agreement done",
    "consent.list": "{who} read the consents of {case}",
    "consent.create": "{who} recorded a consent for {case}",
    "export.pdf": "{who} printed or exported a document",
    "export.pdf@meeting": "{who} printed or exported a document of {meeting}",
    "export.pdf@case": "{who} printed or exported the case history of {case}",
    "export.ics": "{who} exported meetings to a calendar file",
    "filing.minutes": "{who} filed the minutes of {meeting} in the case system",
    "filing.extract": "{who} filed a child's extract of {meeting} in the case system",
    "filing.unfiled": "{who} saw the list of documents not yet filed",
    "filing.folder": "{who} chose the filing folder",
    "filing.class": "{who} changed how documents are classified when filed",
    "filing.esdh_case": "{who} recorded the case system's case number of {case}",
    "statistics.policy": "{who} saw the policy follow-up",
    "export.statistics": "{who} exported the policy follow-up",
    "overview.view": "{who} saw the agreements and consents on the start page",
    "search": "{who} searched",
    "search.shown": "{who} was shown the case {case} in a search",
    "search.rebuild": "{who} rebuilt the search index",
    "denied": "{who} was refused",
    "user.create": "{who} added the user {user}",
    "user.close": "{who} closed the access of {user}",
    "user.open": "{who} reopened the access of {user}",
    "user.reset": "{who} gave {user} a new password",
    "user.role": "{who} gave {user} another role",
    "user.password": "{who} changed their password",
    "database.create": "{who} created the database",
    "database.rekey": "{who} gave the database a new key",
    "database.check": "{who} checked the database",
    "backup": "{who} made a backup",
    "restore": "{who} restored a backup",
    "audit.read": "{who} read the access log",
    "audit.export": "{who} exported the access log of {case}",
    "audit.verify": "{who} checked the access log's chain",
    "audit.export.folder": "{who} chose the log collector's folder",
    "audit.rollback": "The access log lacked events recorded outside it",
    "retention.set": "{who} set how long closed cases are kept",
    "retention.dry_run": "{who} listed the cases a purge would remove",
    "retention.delete": "{who} deleted the closed case {case}",
    "retention.pseudonymise": "{who} pseudonymised the closed case {case}",
    "series.create": "{who} created a meeting series",
    "series.change_rule": "{who} changed when a meeting series meets",
    "series.generate": "{who} planned the series' meetings ahead",
    "closure.create": "{who} added closed days",
}


def sentence(
    action: str,
    object_type: str = "",
    *,
    who: str,
    case: str = "",
    meeting: str = "",
    user: str = "",
) -> str:
    """The event in words ("Hanne Jensen åbnede sagen S-2025-0074"). A case the sentence
    does not name itself is added after it ("… (sag S-2025-0074)"); an unknown code is
    shown as it is."""
    template = ACTION_SENTENCES.get(f"{action}@{object_type}") or ACTION_SENTENCES.get(action)
    if template is None:
        return f"{who}: {action}"
    gone = _("(deleted)")
    text = _(template, who=who, case=case or gone, meeting=meeting or gone, user=user or gone)
    if case and "{case}" not in template:
        text += _(" (case {case})", case=case)
    return text


@dataclass(frozen=True)
class Entry:
    seq: int
    at: datetime  # aware UTC
    login: str
    role: str
    action: str
    object_type: str
    object_id: uuid.UUID | None
    case_id: uuid.UUID | None
    detail: str
    meeting: str  # "Distriktsmøde 05.01.2027" when the object is a meeting, else ""
    name: str = ""  # the person who acted ("Hanne Jensen"), else the login
    case: str = ""  # the case's number ("S-2025-0074"), never a name
    user: str = ""  # the user an administrator acted on, by name

    @property
    def who(self) -> str:
        if self.login == UNKNOWN_USER:
            return _("an unknown user name")
        if self.login == "-":  # no user: the program itself (creating the database)
            return "stevnsmoeder"
        return self.name or self.login

    @property
    def label(self) -> str:
        """What happened, as a sentence in the user's language, naming people by name."""
        return sentence(
            self.action,
            self.object_type,
            who=self.who,
            case=self.case,
            meeting=self.meeting,
            user=self.user,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.astimezone(LOCAL_TZ).isoformat(timespec="seconds"),
            "user": self.login,
            "name": self.name or self.login,
            "role": self.role,
            "action": self.action,
            "what": self.label,
            "object_type": self.object_type or None,
            "object_id": str(self.object_id) if self.object_id else None,
            "meeting": self.meeting or None,
            "case_id": str(self.case_id) if self.case_id else None,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Query:
    case_id: uuid.UUID | None = None
    login: str | None = None
    action: str | None = None  # a code, or the start of one ("login")
    start: date | None = None
    end: date | None = None
    limit: int = 2000


# What a replica's user did that only the replica saw (reads, sessions, refusals): the sync
# adds these to the server's log. Changes reach the server's log as operations, applied there.
REPLICA_EVENTS = frozenset(
    {
        "case.view", "case.history", "case.list", "consent.list", "custody_holder.list",
        "meeting.view", "minutes.view", "overview.view", "search", "search.shown",
        "export.pdf", "export.ics", "export.statistics", "login", "logout", "lock", "unlock",
        "unlock.failed", "denied", "conflict.server", "conflict.mine", "conflict.merged",
        "conflict.addendum",
    }
)  # fmt: skip


def entries(ctx: ServiceContext, query: Query = Query()) -> list[Entry]:
    """Events matching the query, newest first (administrators only); the reading is logged.
    The user filter takes a login or (part of) a person's name."""
    require(ctx, Permission.VIEW_AUDIT, "see the access log")
    with ctx.db.begin() as s:
        result = _entries_in(s, query)
        audit.record(
            s,
            ctx,
            "audit.read",
            case_id=query.case_id,
            detail=f"{len(result)} events" + (f", user {query.login}" if query.login else ""),
        )
        return result


def _entries_in(s: Session, query: Query) -> list[Entry]:
    """The events (newest first) inside the caller's unit of work, which logs the reading."""
    q = select(AuditEvent)
    if query.case_id is not None:
        q = q.where(AuditEvent.case_id == query.case_id)
    if query.login:
        q = q.where(AuditEvent.login.in_(_logins_matching(s, query.login)))
    if query.action:
        q = q.where(AuditEvent.action.startswith(query.action, autoescape=True))
    if query.start:
        q = q.where(AuditEvent.at >= range_start(query.start).replace(tzinfo=LOCAL_TZ))
    if query.end:
        q = q.where(AuditEvent.at < range_end(query.end).replace(tzinfo=LOCAL_TZ))
    rows = s.scalars(q.order_by(AuditEvent.seq.desc()).limit(query.limit)).all()
    meeting_ids = {e.object_id for e in rows if e.object_type == "meeting" and e.object_id}
    meetings = {
        m_id: f"{type_name} {starts:%d.%m.%Y}"
        for m_id, type_name, starts in s.execute(
            select(Meeting.id, MeetingType.name, Meeting.starts_at)
            .join(MeetingType, Meeting.meeting_type_id == MeetingType.id)
            .where(Meeting.id.in_(meeting_ids))
        )
    }
    case_ids = {e.case_id for e in rows if e.case_id}
    references: dict[uuid.UUID, str] = {
        case_id: reference or ""
        for case_id, reference in s.execute(
            select(Case.id, Case.reference).where(Case.id.in_(case_ids))
        )
    }
    users = s.execute(
        select(User.id, User.login, User.role, Person.name).outerjoin(
            Person, User.person_id == Person.id
        )
    ).all()
    by_login = {u.login: (u.name or u.login, u.role.value) for u in users}
    by_id = {u.id: u.name or u.login for u in users}
    result = [
        Entry(
            seq=e.seq,
            at=e.at,
            login=e.login,
            role=by_login.get(e.login, ("", ""))[1],
            action=e.action,
            object_type=e.object_type,
            object_id=e.object_id,
            case_id=e.case_id,
            detail=e.detail,
            meeting=meetings.get(e.object_id, "") if e.object_id else "",
            name=by_login.get(e.login, (e.login, ""))[0],
            case=references.get(e.case_id, "") if e.case_id else "",
            user=by_id.get(e.object_id, "") if e.object_type == "user" and e.object_id else "",
        )
        for e in rows
    ]
    return result


def _logins_matching(s: Session, text: str) -> set[str]:
    """The login itself, and the logins of the users whose name contains the text."""
    text = text.strip()
    named = select(User.login).join(Person, User.person_id == Person.id)
    found = set(s.scalars(named.where(Person.name.icontains(text, autoescape=True))))
    return found | {text.lower()}


@dataclass(frozen=True)
class FailedLogins:
    count: int
    latest: datetime | None  # aware UTC


def failed_logins_since_last_login(ctx: ServiceContext) -> FailedLogins:
    """The failed logins under the logged-in user's name since their login before this one
    (the failures noted beside the database reach the log at a login: read this after
    one). For the user themselves; nothing about anyone else."""
    me = ctx.actor.login
    with ctx.db.begin() as s:
        logins = s.scalars(
            select(AuditEvent.seq)
            .where(AuditEvent.action == "login", AuditEvent.login == me)
            .order_by(AuditEvent.seq.desc())
            .limit(2)
        ).all()
        failed = select(AuditEvent.at).where(
            AuditEvent.action == "login.failed", AuditEvent.login == me
        )
        if len(logins) > 1:  # logged after that login (a failure reaches the log at a login)
            failed = failed.where(AuditEvent.seq > logins[1])
        times = s.scalars(failed.order_by(AuditEvent.seq)).all()
    return FailedLogins(len(times), max(times) if times else None)


def failed_logins_notice(ctx: ServiceContext) -> str | None:
    """ "Der har været 3 mislykkede loginforsøg med dit brugernavn siden dit sidste login,
    senest …": for the window and the command line after a login (None: there were none)."""
    found = failed_logins_since_last_login(ctx)
    if not found.count or found.latest is None:
        return None
    return (
        _n(
            "There was {n} failed login with your user name since your last login, "
            "the latest on {when}.",
            "There were {n} failed logins with your user name since your last login, "
            "the latest on {when}.",
            found.count,
            when=long_datetime(found.latest.astimezone(LOCAL_TZ)),
        )
        + " "
        + _("If it was not you, tell the administrator.")
    )


def case_id_for(ctx: ServiceContext, text: str) -> uuid.UUID:
    """A case by id or number, for the log's readers (who see no case data otherwise)."""
    require(ctx, Permission.VIEW_AUDIT, "see the access log")
    text = text.strip()
    try:
        return uuid.UUID(text)
    except ValueError:
        pass
    with ctx.db.begin() as s:
        found = s.scalar(select(Case.id).where(Case.reference == text.upper()))
    if found is None:
        raise NotFound(_("No case has the number {ref}.", ref=text))
    return found


def case_export(ctx: ServiceContext, case_id: uuid.UUID) -> dict[str, Any]:
    """Everything the log says about one child: for a data-subject access request."""
    require(ctx, Permission.VIEW_AUDIT, "see the access log")
    with ctx.db.begin() as s:
        reference = s.scalar(select(Case.reference).where(Case.id == case_id))
        if reference is None:
            raise NotFound(_("The case does not exist or is not visible to you."))
        found = _entries_in(s, Query(case_id=case_id, limit=1_000_000))
        found.reverse()  # oldest first, as a report reads
        audit.record(
            s,
            ctx,
            "audit.export",
            object_type="case",
            case_id=case_id,
            detail=f"{len(found)} events",
        )
    return {
        "case_id": str(case_id),
        "case_reference": reference,
        "generated_at": ctx.now().astimezone(LOCAL_TZ).isoformat(timespec="seconds"),
        "generated_by": ctx.actor.login,
        "events": [e.to_json() for e in found],
    }


def verify(ctx: ServiceContext) -> audit.ChainReport:
    """Check the hash chain (administrators and those who maintain the database)."""
    if not allowed(ctx, Permission.VIEW_AUDIT):
        require(ctx, Permission.MAINTAIN, "check the access log")
    with ctx.db.begin() as s:
        report = audit.verify_chain(s)
        audit.record(s, ctx, "audit.verify", detail="ok" if report.ok else "broken")
    return report
