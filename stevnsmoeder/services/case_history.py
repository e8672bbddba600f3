"""One child's path across meetings: the case page, the case history document and
``stevnsmoeder case``.

Everything the actor may see about the child, in date order, across meeting types (district
meeting → FTM → forvisitation and back): each item with its meeting, who was present, what was
written, decided and agreed, and the Trivselslinealen level; the level over time; the open
agreements (overdue first) and the next follow-ups; custody holders and the state of consent.

Only meetings the actor may see contribute (a police SSP participant sees SSP items only; a
participant only the meetings they take part in). Opening the history is logged against the
child.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session, aliased

from stevnsmoeder.db.models import (
    AgendaItem,
    Case,
    CustodyHolder,
    District,
    ItemAttendance,
    LegalBasis,
    Meeting,
    MeetingType,
    ParticipantRole,
    Participation,
    Person,
    WellbeingAssessment,
    WellbeingLevel,
)
from stevnsmoeder.model.case_history import (
    CaseHistory,
    ConsentStatus,
    FollowUp,
    Holder,
    LevelPoint,
    OpenAction,
    ScaleStep,
    TimelineEntry,
)
from stevnsmoeder.model.cases import ConsentInfo
from stevnsmoeder.model.enums import (
    ActionStatus,
    Attendance,
    LegalBasisKind,
    MeetingStatus,
)
from stevnsmoeder.services import audit, consent, filing_state, minutes
from stevnsmoeder.services.cases import get_case_in, hiding_redactor
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.permissions import (
    Permission,
    item_visible,
    linked_to_child,
    meeting_visible,
    require,
    whole_case,
)
from stevnsmoeder.services.redaction import redact_history_text

CONSENT_WARNING_DAYS = 30


def _age(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _consent_state(info: ConsentInfo, today: date) -> str:
    if info.withdrawn_on is not None and info.withdrawn_on <= today:
        return "withdrawn"
    if info.given_on > today:
        return "future"
    if info.expires_on is not None and info.expires_on < today:
        return "expired"
    if info.expires_on is not None and info.expires_on <= today + timedelta(
        days=CONSENT_WARNING_DAYS
    ):
        return "expiring"
    return "valid"


def case_history(ctx: ServiceContext, case_id: uuid.UUID, *, log: bool = True) -> CaseHistory:
    """Everything the actor may see about one child, in date order; logged as a case view."""
    require(ctx, Permission.VIEW_CASES, "see cases")
    today = ctx.today()
    consents = consent.list_consents(ctx, case_id)  # also checks the case is visible
    with ctx.db.begin() as s:
        summary = get_case_in(s, ctx, case_id)
        case = s.get_one(Case, case_id)
        # (is the child named to the actor: then only the items that name the child count)
        known_named = set() if case.anonymous or summary.anonymous else {case_id}
        holders = tuple(
            Holder(h.name, h.relation, h.has_custody)
            for h in s.scalars(
                select(CustodyHolder)
                .where(CustodyHolder.case_id == case_id)
                .order_by(CustodyHolder.created_at)
            )
        )
        rows = s.execute(
            select(AgendaItem, Meeting, MeetingType, District.name, LegalBasis.kind)
            .join(Meeting, AgendaItem.meeting_id == Meeting.id)
            .join(MeetingType, Meeting.meeting_type_id == MeetingType.id)
            .outerjoin(District, Meeting.district_id == District.id)
            .outerjoin(LegalBasis, LegalBasis.agenda_item_id == AgendaItem.id)
            .where(
                AgendaItem.case_id == case_id,
                Meeting.status != MeetingStatus.CANCELLED,
                meeting_visible(ctx),
                item_visible(ctx),
                linked_to_child(ctx, AgendaItem, Meeting, known_named),
            )
            .order_by(Meeting.starts_at, AgendaItem.position)
        ).all()
        item_ids = [item.id for item, *_rest in rows]
        views = minutes.item_views(s, item_ids)
        approved = list({meeting.id for _i, meeting, *_r in rows if meeting.approved_at})
        filed = (
            filing_state.statuses(s, ctx, approved, case_id=case_id, with_minutes=False).extracts
            if approved
            else {}
        )
        present = present_for_child(
            s, case_id, [(item.id, meeting.id) for item, meeting, *_r in rows]
        )
        entries = tuple(
            TimelineEntry(
                item_id=item.id,
                meeting_id=meeting.id,
                meeting_title=meeting.title,
                type_code=mt.code,
                type_name=mt.name,
                district=district,
                starts_at=meeting.starts_at,
                meeting_status=meeting.status,
                title=item.title,
                status=item.status,
                basis_kind=LegalBasisKind.ANONYMOUS if case.anonymous else kind,
                present=present.get(item.id, ()),
                record=views[item.id],
                minutes_approved=meeting.approved_at is not None,
                filing=filed.get((meeting.id, case_id)),
            )
            for item, meeting, mt, district, kind in rows
        )
        levels = _levels(s, ctx, case_id, known_named)
        open_actions = _open_actions(entries, today)
        follow_ups = tuple(
            sorted(
                (
                    FollowUp(e.record.follow_up_on, e.meeting_id, e.type_name, e.title)
                    for e in entries
                    if e.record.follow_up_on is not None and e.record.follow_up_on >= today
                ),
                key=lambda f: f.day,
            )
        )
        history = CaseHistory(
            case=summary,
            grade=case.grade,
            age=_age(case.birth_date, today),
            closed_on=case.closed_on,
            holders=holders,
            consents=tuple(ConsentStatus(c, _consent_state(c, today)) for c in consents),
            entries=entries,
            levels=levels,
            scale=tuple(
                ScaleStep(lv.level, lv.label, lv.step, lv.step_label)
                for lv in s.scalars(select(WellbeingLevel).order_by(WellbeingLevel.level))
            ),
            open_actions=open_actions,
            follow_ups=follow_ups,
            generated_at=ctx.now(),
        )
        if summary.anonymous and not case.anonymous:  # a child the actor may not know
            history = _unknown_child(s, history)
        if log:
            audit.record(
                s,
                ctx,
                "case.history",
                object_type="case",
                object_id=case_id,
                case_id=case_id,
                detail=f"{len(entries)} items",
            )
        return history


def _unknown_child(s: Session, history: CaseHistory) -> CaseHistory:
    """The history of a named child as shown to someone who learnt of the child only through
    anonymous discussion (permissions.identity_known): no family, consent, grade, age or
    closing date; the family present by relation; names and CPR numbers out of the text."""
    redact = hiding_redactor(s, [history.case.id])
    return replace(
        redact_history_text(history, redact),
        grade="",
        age=None,
        closed_on=None,
        holders=(),
        consents=(),
    )


def present_for_child(
    s: Session, case_id: uuid.UUID, items: list[tuple[uuid.UUID, uuid.UUID]]
) -> dict[uuid.UUID, tuple[str, ...]]:
    """Who was present for each (item, meeting) about this child: the item's own attendance
    where it was taken, else those present at the meeting — never another child's family
    (a parent who came for their own child's item), whichever way it was recorded."""
    item_ids = [i for i, _m in items]
    own_family = select(CustodyHolder.person_id).where(
        CustodyHolder.case_id == case_id, CustodyHolder.person_id.is_not(None)
    )
    other_family = select(CustodyHolder.person_id).where(
        CustodyHolder.case_id != case_id, CustodyHolder.person_id.is_not(None)
    )
    not_other_family = or_(Person.id.not_in(other_family), Person.id.in_(own_family))
    per_item: dict[uuid.UUID, list[str]] = {}
    for item_id, name in s.execute(
        select(ItemAttendance.agenda_item_id, Person.name)
        .join(Person, ItemAttendance.person_id == Person.id)
        .where(
            ItemAttendance.agenda_item_id.in_(item_ids),
            ItemAttendance.attendance == Attendance.PRESENT,
            not_other_family,
        )
        .order_by(Person.name)
    ):
        per_item.setdefault(item_id, []).append(name)
    per_meeting: dict[uuid.UUID, list[str]] = {}
    meeting_ids = {m for _i, m in items}
    for meeting_id, name in s.execute(
        select(Participation.meeting_id, Person.name)
        .join(Person, Participation.person_id == Person.id)
        .join(ParticipantRole, Participation.role_id == ParticipantRole.id)
        .where(
            Participation.meeting_id.in_(meeting_ids),
            Participation.attendance == Attendance.PRESENT,
            or_(ParticipantRole.is_family.is_(False), Person.id.in_(own_family)),
            not_other_family,
        )
        .order_by(ParticipantRole.sort_order, Person.name)
    ):
        per_meeting.setdefault(meeting_id, []).append(name)
    return {
        item_id: tuple(per_item.get(item_id) or per_meeting.get(meeting_id) or ())
        for item_id, meeting_id in items
    }


def _levels(
    s: Session, ctx: ServiceContext, case_id: uuid.UUID, known_named: set[uuid.UUID]
) -> tuple[LevelPoint, ...]:
    """The assessments from meetings the actor may see (all of them for full case roles)."""
    labels = {lv.level: lv for lv in s.scalars(select(WellbeingLevel))}
    seen = aliased(AgendaItem)
    rows = s.execute(
        select(WellbeingAssessment, MeetingType.name)
        .outerjoin(Meeting, WellbeingAssessment.meeting_id == Meeting.id)
        .outerjoin(MeetingType, Meeting.meeting_type_id == MeetingType.id)
        .where(
            WellbeingAssessment.case_id == case_id,
            or_(
                and_(
                    Meeting.id.is_not(None),
                    meeting_visible(ctx),
                    or_(
                        WellbeingAssessment.agenda_item_id.is_(None),
                        exists().where(
                            seen.id == WellbeingAssessment.agenda_item_id,
                            item_visible(ctx, seen),
                            linked_to_child(ctx, seen, Meeting, known_named),
                        ),
                    ),
                ),
                and_(WellbeingAssessment.meeting_id.is_(None), whole_case(ctx)),
            ),
        )
        .order_by(WellbeingAssessment.assessed_on, WellbeingAssessment.created_at)
    ).all()
    points: list[LevelPoint] = []
    for a, type_name in rows:
        lv = labels.get(a.level)
        previous = points[-1].level if points else a.level
        points.append(
            LevelPoint(
                day=a.assessed_on,
                level=a.level,
                label=lv.label if lv else "",
                step=lv.step if lv else "",
                step_label=lv.step_label if lv else "",
                meeting_type=type_name or "",
                change=(a.level > previous) - (a.level < previous),
            )
        )
    return tuple(points)


def _open_actions(entries: tuple[TimelineEntry, ...], today: date) -> tuple[OpenAction, ...]:
    """The open agreements made on the child's items, overdue first."""
    out = []
    for e in entries:
        for a in e.record.actions:
            if a.status is not ActionStatus.OPEN:
                continue
            out.append(
                OpenAction(
                    id=a.id,
                    item_id=e.item_id,
                    meeting_id=e.meeting_id,
                    agreed_on=e.day,
                    meeting_type=e.type_name,
                    who=a.owner,
                    what=a.text,
                    due_on=a.due_on,
                    overdue=a.due_on is not None and a.due_on < today,
                )
            )
    out.sort(key=lambda a: (not a.overdue, a.due_on is None, a.due_on or today, a.agreed_on))
    return tuple(out)
