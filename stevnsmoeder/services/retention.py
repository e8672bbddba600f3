"""Retention: closed cases are kept for a set number of years, then purged.

The administrator sets the period (default five years after the case was closed) and what a
purge does: **delete** the child — the case, custody holders, consents, Trivselslinealen
assessments and every agenda item about the child with its minutes, agreements and legal
basis — or **pseudonymise** — keep the course of the case for statistics, but with no name,
CPR number, birth date, school or family, and the names taken out of the notes. Either way
the search index forgets the text (its triggers follow every change), and approved minutes
keep the other children's items while the purged child's are replaced by a note.

Addenda to approved minutes go the way of the item they are about: an addendum about the
child's item loses its text on deletion (its version stays, as kind "purged", so the numbering
and the checksums of the record stay whole) or has the names taken out on pseudonymisation;
every other addendum of the child's meetings (a general one may name any child) has the
child's and the family's names and CPR numbers taken out. Each kept version whose content
changes records what was taken out, with the checksum it had, and gets a new checksum.

``purge(dry_run=True)`` lists what would go (case numbers and dates only: the administrator
sees no case data); a purge is logged per case without any personal data. Backups made
before a purge still hold the data until they leave the rotation (five weeks at most).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from stevnsmoeder.db import search_index
from stevnsmoeder.db.models import (
    Action,
    AgendaItem,
    Case,
    Consent,
    CustodyHolder,
    ItemAttendance,
    ItemMinutes,
    LegalBasis,
    Meeting,
    MinutesVersion,
    Participation,
    Person,
    User,
    WellbeingAssessment,
)
from stevnsmoeder.domain.anonymise import Redactor
from stevnsmoeder.i18n import _
from stevnsmoeder.services import app_settings, audit
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.documents import redactor_for
from stevnsmoeder.services.errors import ValidationError
from stevnsmoeder.services.minutes import (
    ADDENDUM,
    PURGED,
    content_checksum,
    item_views,
    texts,
)
from stevnsmoeder.services.permissions import Permission, require
from stevnsmoeder.services.redaction import redact_record

YEARS_KEY = "retention.years"
MODE_KEY = "retention.mode"
DEFAULT_YEARS = 5
DELETE, PSEUDONYMISE = "delete", "pseudonymise"
MODE_LABELS = {DELETE: "deletion", PSEUDONYMISE: "pseudonymisation"}


@dataclass(frozen=True)
class Policy:
    years: int
    mode: str  # DELETE or PSEUDONYMISE


@dataclass(frozen=True)
class Candidate:
    case_id: uuid.UUID
    reference: str
    closed_on: date
    items: int


@dataclass(frozen=True)
class PurgeReport:
    policy: Policy
    candidates: tuple[Candidate, ...]
    done: bool  # False for a dry run


def policy(ctx: ServiceContext) -> Policy:
    require(ctx, Permission.EDIT_REFERENCE, "set how long cases are kept")
    with ctx.db.begin() as s:
        return _policy(s)


def _policy(s: Session) -> Policy:
    try:
        years = int(app_settings.get(s, YEARS_KEY, str(DEFAULT_YEARS)))
    except ValueError:
        years = DEFAULT_YEARS
    mode = app_settings.get(s, MODE_KEY, DELETE)
    return Policy(years, mode if mode in (DELETE, PSEUDONYMISE) else DELETE)


def set_policy(ctx: ServiceContext, years: int, mode: str) -> Policy:
    """How many years after closing a case is kept, and whether a purge deletes or
    pseudonymises (administrators)."""
    require(ctx, Permission.EDIT_REFERENCE, "set how long cases are kept")
    if not 1 <= years <= 100:
        raise ValidationError(_("Keep closed cases between 1 and 100 years."))
    if mode not in (DELETE, PSEUDONYMISE):
        raise ValidationError(_("A purge either deletes or pseudonymises."))
    with ctx.db.begin() as s:
        app_settings.put(s, YEARS_KEY, str(years))
        app_settings.put(s, MODE_KEY, mode)
        audit.record(s, ctx, "retention.set", detail=f"{years} years, {mode}")
    return Policy(years, mode)


def _cutoff(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def purge(ctx: ServiceContext, *, dry_run: bool) -> PurgeReport:
    """Purge the closed cases past the retention period (or, with ``dry_run``, list them)."""
    require(ctx, Permission.EDIT_REFERENCE, "purge closed cases")
    with ctx.db.begin() as s:
        rule = _policy(s)
        cutoff = _cutoff(ctx.today(), rule.years)
        rows = s.execute(
            select(Case.id, Case.reference, Case.closed_on, func.count(AgendaItem.id))
            .outerjoin(AgendaItem, AgendaItem.case_id == Case.id)
            .where(Case.closed_on.is_not(None), Case.closed_on < cutoff)
            .group_by(Case.id)
            .order_by(Case.closed_on, Case.reference)
        ).all()
        candidates = tuple(
            Candidate(case_id, ref, closed, n)
            for case_id, ref, closed, n in rows
            if closed is not None and not ref.startswith("X-")  # X-: pseudonymised already
        )
        if dry_run:
            audit.record(s, ctx, "retention.dry_run", detail=f"{len(candidates)} cases")
            return PurgeReport(rule, candidates, False)
        if ctx.db.dialect == "sqlite":
            # Deleted text is overwritten in the file, not just unlinked from it. (On
            # PostgreSQL the server's VACUUM reclaims the old row versions.)
            s.execute(text("PRAGMA secure_delete = ON"))
        for c in candidates:
            if rule.mode == DELETE:
                _delete(s, c.case_id, ctx.today())
            else:
                _pseudonymise(s, c.case_id, ctx.today())
            audit.record(
                s,
                ctx,
                "retention.delete" if rule.mode == DELETE else "retention.pseudonymise",
                object_type="case",
                object_id=c.case_id,
                case_id=c.case_id,
                detail=f"closed {c.closed_on.isoformat()}, {c.items} items",
            )
        if candidates:
            for sql in search_index.forget_deleted_statements(ctx.db.dialect):
                s.execute(text(sql))
    return PurgeReport(rule, candidates, True)


def _purge_addenda(s: Session, item_ids: list[uuid.UUID], redact: Redactor, mode: str) -> None:
    """The addenda of the meetings where the child had an item: those about the child's items
    lose their text (delete: the version is kept as kind "purged", about nothing) or the
    child's names (pseudonymise); every other one loses the child's names and CPR number.
    Runs before the items go (an addendum's item may not be deleted under it)."""
    meetings = select(AgendaItem.meeting_id).where(AgendaItem.id.in_(item_ids))
    for version in s.scalars(
        select(MinutesVersion).where(
            MinutesVersion.meeting_id.in_(meetings), MinutesVersion.kind == ADDENDUM
        )
    ):
        if mode == DELETE and version.agenda_item_id in item_ids:
            version.kind = PURGED
            version.addendum = ""
            version.agenda_item_id = None
        else:
            version.addendum = redact(version.addendum)


def _strip_from_approved_minutes(
    s: Session, reference: str, family: dict[str, str], today: date, redact: Redactor
) -> None:
    """Approved minutes keep every other child's items; this child's become a note, and the
    child's family in the participant list is named by relation only. So do the addenda: one
    about the child's item becomes a note, every other one loses the child's names."""
    for version in s.scalars(
        select(MinutesVersion).where(MinutesVersion.content.contains(reference))
    ):
        content = json.loads(version.content)
        changed = False
        for item in content.get("items", []):
            if item.get("case") == reference:
                item.clear()
                item.update({"case": reference, "purged": today.isoformat()})
                changed = True
        for note in content.get("addenda", []):
            if note.get("case") == reference:
                note.clear()
                note.update({"case": reference, "purged": today.isoformat()})
                changed = True
                continue
            for key in ("text", "item"):
                if isinstance(note.get(key), str) and redact(note[key]) != note[key]:
                    note[key] = redact(note[key])
                    changed = True
        for person in content.get("meeting", {}).get("participants", []):
            if person.get("name") in family:
                person["name"] = family[person["name"]]
                changed = True
        if changed:
            # The record says what was taken out, and keeps the checksum it was approved with.
            content.setdefault("purged", []).append(
                {"case": reference, "on": today.isoformat(), "approved_checksum": version.checksum}
            )
            version.content = json.dumps(
                content, ensure_ascii=False, sort_keys=True, separators=(",", ":")
            )
            version.checksum = content_checksum(version.content)
            if version.kind == "approval":
                meeting = s.get_one(Meeting, version.meeting_id)
                meeting.approved_checksum = version.checksum


def _forget_family(s: Session, case_id: uuid.UUID) -> None:
    """The custody holders, and the parents' own rows as meeting participants."""
    people = [
        p
        for p in s.scalars(
            select(CustodyHolder.person_id).where(
                CustodyHolder.case_id == case_id, CustodyHolder.person_id.is_not(None)
            )
        )
        if p is not None
    ]
    s.execute(delete(Consent).where(Consent.case_id == case_id))
    s.execute(delete(CustodyHolder).where(CustodyHolder.case_id == case_id))
    if people:
        s.execute(delete(ItemAttendance).where(ItemAttendance.person_id.in_(people)))
        s.execute(delete(Participation).where(Participation.person_id.in_(people)))
        s.execute(update(Action).where(Action.owner_id.in_(people)).values(owner_id=None))
        users = set(s.scalars(select(User.person_id).where(User.person_id.in_(people))))
        s.execute(delete(Person).where(Person.id.in_([p for p in people if p not in users])))


def _family_names(s: Session, case_id: uuid.UUID) -> dict[str, str]:
    return {
        h.name: h.relation or _("custody holder")
        for h in s.scalars(select(CustodyHolder).where(CustodyHolder.case_id == case_id))
    }


def _delete(s: Session, case_id: uuid.UUID, today: date) -> None:
    case = s.get_one(Case, case_id)
    reference = case.reference
    family = _family_names(s, case_id)
    redact = redactor_for(s, [case])
    item_ids = list(s.scalars(select(AgendaItem.id).where(AgendaItem.case_id == case_id)))
    _purge_addenda(s, item_ids, redact, DELETE)
    s.execute(delete(WellbeingAssessment).where(WellbeingAssessment.case_id == case_id))
    s.execute(update(Action).where(Action.case_id == case_id).values(case_id=None))
    # Items cascade to their minutes, agreements, legal basis and attendance (and the index).
    s.execute(delete(AgendaItem).where(AgendaItem.id.in_(item_ids)))
    _forget_family(s, case_id)
    s.delete(case)
    s.flush()
    _strip_from_approved_minutes(s, reference, family, today, redact)


def _pseudonymise(s: Session, case_id: uuid.UUID, today: date) -> None:
    case = s.get_one(Case, case_id)
    family = _family_names(s, case_id)
    redact = redactor_for(s, [case])
    item_ids = list(s.scalars(select(AgendaItem.id).where(AgendaItem.case_id == case_id)))
    _purge_addenda(s, item_ids, redact, PSEUDONYMISE)
    views = item_views(s, item_ids)
    for item_id, view in views.items():
        clean = redact_record(view, redact)
        row = s.scalar(select(ItemMinutes).where(ItemMinutes.agenda_item_id == item_id))
        if row is not None:
            for field, value in texts(clean).items():  # every field of the registry
                setattr(row, field, value)
        for action in clean.actions:
            s.execute(
                update(Action)
                .where(Action.id == action.id)
                .values(text=action.text, owner_text=redact(action.owner))
            )
        for agreed in s.scalars(select(Action).where(Action.agenda_item_id == item_id)):
            if agreed.done_note:
                agreed.done_note = redact(agreed.done_note)
    for item in s.scalars(select(AgendaItem).where(AgendaItem.id.in_(item_ids))):
        item.title = redact(item.title)
        item.description = redact(item.description)
    old_reference = case.reference
    s.execute(
        update(LegalBasis)
        .where(LegalBasis.agenda_item_id.in_(item_ids))
        .values(consent_id=None, reason="")
    )
    _forget_family(s, case_id)
    case.anonymous = True
    case.first_name = None
    case.last_name = None
    case.cpr = None
    case.birth_date = None
    case.institution = ""
    case.summary = ""
    case.reference = "X-" + old_reference.removeprefix("S-")
    case.pseudonym = _("Case {ref} (pseudonymised)", ref=case.reference)
    s.flush()
    _strip_from_approved_minutes(s, old_reference, family, today, redact)
