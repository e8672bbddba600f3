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

from stevnsmoeder.db.models import AuditEvent, Case, Meeting, MeetingType, User
from stevnsmoeder.domain.dates import LOCAL_TZ, range_end, range_start
from stevnsmoeder.i18n import _
from stevnsmoeder.services import audit
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import NotFound
from stevnsmoeder.services.permissions import Permission, allowed, require

# What an action means, for people reading an export (the code stays in the data too).
ACTION_LABELS = {
    "login": "Logged in",
    "logout": "Logged out",
    "login.failed": "Failed login",
    "login.delayed": "Login refused: too many failures",
    "login.attempts-file": "The record of failed logins was deleted or replaced",
    "case.view": "Opened the case",
    "case.history": "Opened the case history",
    "case.list": "Listed cases",
    "case.create": "Created the case",
    "case.close": "Closed the case",
    "case.reopen": "Reopened the case",
    "custody_holder.list": "Read the custody holders",
    "custody_holder.create": "Registered a custody holder",
    "meeting.view": "Opened a meeting with the child on the agenda",
    "minutes.view": "Read the minutes",
    "minutes.edit": "Wrote in the minutes",
    "minutes.level": "Set the Trivselslinealen level",
    "minutes.action": "Recorded an agreement",
    "minutes.approve": "Approved the minutes",
    "minutes.addendum": "Added an addendum to the minutes",
    "consent.list": "Read the consents",
    "consent.create": "Recorded a consent",
    "export.pdf": "Printed or exported a document",
    "search": "Searched",
    "denied": "Was refused",
    "search.shown": "Was shown the child in a search",
    "user.create": "Added a user",
    "user.close": "Closed a user's access",
    "user.open": "Reopened a user's access",
    "user.reset": "Gave a user a new password",
    "user.role": "Gave a user another role",
    "user.password": "Changed their password",
    "database.rekey": "Gave the database a new key",
    "database.create": "Created the database",
    "audit.rollback": "The access log lacked events recorded outside it",
    "audit.export.folder": "Chose the log collector's folder",
}


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

    @property
    def label(self) -> str:
        if self.action == "case.view" and self.object_type == "meeting":
            return _("Saw the child's item in a meeting")
        text = ACTION_LABELS.get(self.action)
        return _(text) if text else self.action

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.astimezone(LOCAL_TZ).isoformat(timespec="seconds"),
            "user": self.login,
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


def entries(ctx: ServiceContext, query: Query = Query()) -> list[Entry]:
    """Events matching the query, newest first (administrators only); the reading is logged."""
    require(ctx, Permission.VIEW_AUDIT, "see the access log")
    with ctx.db.begin() as s:
        q = select(AuditEvent, User.role).outerjoin(User, AuditEvent.user_id == User.id)
        if query.case_id is not None:
            q = q.where(AuditEvent.case_id == query.case_id)
        if query.login:
            q = q.where(AuditEvent.login == query.login.strip().lower())
        if query.action:
            q = q.where(AuditEvent.action.startswith(query.action, autoescape=True))
        if query.start:
            q = q.where(AuditEvent.at >= range_start(query.start).replace(tzinfo=LOCAL_TZ))
        if query.end:
            q = q.where(AuditEvent.at < range_end(query.end).replace(tzinfo=LOCAL_TZ))
        rows = s.execute(q.order_by(AuditEvent.seq.desc()).limit(query.limit)).all()
        meeting_ids = {e.object_id for e, _r in rows if e.object_type == "meeting" and e.object_id}
        meetings = {
            m_id: f"{type_name} {starts:%d.%m.%Y}"
            for m_id, type_name, starts in s.execute(
                select(Meeting.id, MeetingType.name, Meeting.starts_at)
                .join(MeetingType, Meeting.meeting_type_id == MeetingType.id)
                .where(Meeting.id.in_(meeting_ids))
            )
        }
        result = [
            Entry(
                seq=e.seq,
                at=e.at,
                login=e.login,
                role=role.value if role is not None else "",
                action=e.action,
                object_type=e.object_type,
                object_id=e.object_id,
                case_id=e.case_id,
                detail=e.detail,
                meeting=meetings.get(e.object_id, "") if e.object_id else "",
            )
            for e, role in rows
        ]
        audit.record(
            s,
            ctx,
            "audit.read",
            case_id=query.case_id,
            detail=f"{len(result)} events" + (f", user {query.login}" if query.login else ""),
        )
        return result


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
    found = entries(ctx, Query(case_id=case_id, limit=1_000_000))
    found.reverse()  # oldest first, as a report reads
    with ctx.db.begin() as s:
        audit.record(s, ctx, "audit.export", object_type="case", case_id=case_id)
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
