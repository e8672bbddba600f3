"""The annual policy follow-up (årlig opfølgning på den samlede politik): what the meetings say
about the children's policy, for the municipal council's committee, with no child identifiable.

It counts over the whole record, whatever meetings the reader takes part in (on the server:
every laptop's meetings), and publishes only what domain.suppression allows: the result is a
``model.policy.PolicyReport`` with no number the rule hides. The head of Børn & Læring's role
sees this and nothing else (permissions: VIEW_STATISTICS only).

Database-neutral: plain SELECTs on the record (the same on the encrypted file and on
PostgreSQL), counted in Python (policy_figures).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from stevnsmoeder.db.models import (
    Action,
    AgendaItem,
    Case,
    Consent,
    ConsentMeetingType,
    District,
    LegalBasis,
    Meeting,
    MeetingType,
    WellbeingAssessment,
    WellbeingLevel,
)
from stevnsmoeder.domain import cpr as cpr_rules
from stevnsmoeder.domain import suppression
from stevnsmoeder.domain.dates import date_words
from stevnsmoeder.domain.suppression import Mark, Position, Published
from stevnsmoeder.i18n import _, _n
from stevnsmoeder.model.enums import AgendaItemStatus, LegalBasisKind, MeetingStatus
from stevnsmoeder.model.policy import (
    Bar,
    Chart,
    Figure,
    PolicyReport,
    Section,
    TablePair,
    TableView,
)
from stevnsmoeder.reports import policy_pdf, policy_xlsx
from stevnsmoeder.services import audit
from stevnsmoeder.services import policy_figures as pf
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import ValidationError
from stevnsmoeder.services.meetings import resolve_district
from stevnsmoeder.services.permissions import Permission, require
from stevnsmoeder.services.planning import BasisState, evaluate_basis

FIRST_YEAR = 2000
HELD = (MeetingStatus.HELD, MeetingStatus.IN_PROGRESS)
NONE = "–"  # a figure the rule does not allow


# -- reading the record ----------------------------------------------------------------------


def _birth(born: date | None, cpr: str | None) -> date | None:
    if born is not None or not cpr:
        return born
    try:
        return cpr_rules.parse(cpr).birth_date
    except cpr_rules.CprError:
        return None


def _key(column: Any) -> Any:
    """An id column read as it is stored: text on the file, a UUID from PostgreSQL's driver
    (policy_figures.Key). Tens of thousands of ids a year, compared and never shown."""
    return type_coerce(column, String())


def _named(
    s: Session, rows: Sequence[Any], in_range: Sequence[Any], anonymous: set[pf.Key]
) -> set[pf.Key]:
    """The items that name their child: a legal basis that holds on the meeting day, by the
    agenda's own rule (planning.evaluate_basis) over the rows read here."""
    consents: dict[pf.Key, Consent] = {}
    covered: dict[pf.Key, set[pf.Key]] = {}
    used = (
        select(LegalBasis.consent_id)
        .join(AgendaItem, AgendaItem.id == LegalBasis.agenda_item_id)
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .where(*in_range, LegalBasis.consent_id.is_not(None))
    )
    for consent_id, given, expires, withdrawn in s.execute(
        select(_key(Consent.id), Consent.given_on, Consent.expires_on, Consent.withdrawn_on).where(
            Consent.id.in_(used)
        )
    ):
        consents[consent_id] = Consent(given_on=given, expires_on=expires, withdrawn_on=withdrawn)
    for consent_id, type_id in s.execute(
        select(_key(ConsentMeetingType.consent_id), _key(ConsentMeetingType.meeting_type_id)).where(
            ConsentMeetingType.consent_id.in_(used)
        )
    ):
        covered.setdefault(consent_id, set()).add(type_id)
    types = {
        type_id: MeetingType(id=type_id, name=name, allows_rpl115=rpl115)
        for type_id, name, rpl115 in s.execute(
            select(_key(MeetingType.id), MeetingType.name, MeetingType.allows_rpl115)
        )
    }
    named: set[pf.Key] = set()
    anonymous_case, named_case = Case(anonymous=True), Case(anonymous=False)
    bases: dict[tuple[LegalBasisKind, str], LegalBasis] = {}  # the rule reads kind and reason
    for item_id, case_id, at, type_id, _d, _s, _m, kind, consent_id, reason in rows:
        if kind is None or case_id is None:
            continue
        basis = bases.setdefault((kind, reason or ""), LegalBasis(kind=kind, reason=reason or ""))
        status = evaluate_basis(
            anonymous_case if case_id in anonymous else named_case,
            basis,
            consents.get(consent_id) if consent_id is not None else None,
            covered.get(consent_id, set()) if consent_id is not None else set(),  # type: ignore[arg-type]
            "",
            types[type_id],
            at.date(),
        )
        if status.state is BasisState.OK and status.kind not in (None, LegalBasisKind.ANONYMOUS):
            named.add(item_id)
    return named


def read_record(s: Session, year: int) -> pf.Record:
    """Everything the follow-up of ``year`` (and the year before) is counted from."""
    start = datetime(year - 1, 1, 1)
    end = datetime(year + 1, 1, 1) + pf.NEXT_ITEM_WITHIN
    in_range = (
        AgendaItem.case_id.is_not(None),
        Meeting.status != MeetingStatus.CANCELLED,
        Meeting.starts_at >= start,
        Meeting.starts_at < end,
    )
    rows = s.execute(
        select(
            _key(AgendaItem.id),
            _key(AgendaItem.case_id),
            Meeting.starts_at,
            _key(Meeting.meeting_type_id),
            _key(Meeting.district_id),
            AgendaItem.status,
            Meeting.status,
            LegalBasis.kind,
            _key(LegalBasis.consent_id),
            LegalBasis.reason,
        )
        .join(Meeting, Meeting.id == AgendaItem.meeting_id)
        .outerjoin(LegalBasis, LegalBasis.agenda_item_id == AgendaItem.id)
        .where(*in_range)
    ).all()
    case_ids = select(AgendaItem.case_id).join(Meeting).where(*in_range)
    cases: dict[pf.Key, pf.CaseRow] = {}
    anonymous_cases: set[pf.Key] = set()
    for case_id, anonymous, born, cpr, district_id in s.execute(
        select(
            _key(Case.id), Case.anonymous, Case.birth_date, Case.cpr, _key(Case.district_id)
        ).where(Case.id.in_(case_ids))
    ):
        cases[case_id] = pf.CaseRow(case_id, None if anonymous else _birth(born, cpr), district_id)
        if anonymous:
            anonymous_cases.add(case_id)
    named = _named(s, rows, in_range, anonymous_cases)
    items = [
        pf.ItemRow(
            id=item_id,
            case_id=case_id,
            at=at,
            type_id=type_id,
            meeting_district=district_id,
            discussed=status is AgendaItemStatus.DISCUSSED and meeting_status in HELD,
            named=item_id in named,
            basis=basis,
        )
        for item_id, case_id, at, type_id, district_id, status, meeting_status, basis, *_ in rows
        if case_id is not None  # (the query asks for children's items only)
    ]
    first_discussed = {
        case_id: first
        for case_id, first in s.execute(
            select(_key(AgendaItem.case_id), func.min(Meeting.starts_at))
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(
                AgendaItem.case_id.in_(case_ids),
                AgendaItem.status == AgendaItemStatus.DISCUSSED,
                Meeting.status.in_(HELD),
            )
            .group_by(AgendaItem.case_id)
        )
        if case_id is not None and first is not None
    }
    assessments = [
        pf.AssessmentRow(case_id, item_id, level, day, created)
        for case_id, item_id, level, day, created in s.execute(
            select(
                _key(WellbeingAssessment.case_id),
                _key(WellbeingAssessment.agenda_item_id),
                WellbeingAssessment.level,
                WellbeingAssessment.assessed_on,
                WellbeingAssessment.created_at,
            ).where(
                WellbeingAssessment.assessed_on >= date(year - 1, 1, 1),
                WellbeingAssessment.assessed_on <= date(year, 12, 31),
            )
        )
    ]
    actions = [
        pf.ActionRow(case_id, item_id, at, due, status, done, bool(step))
        for case_id, item_id, at, due, status, done, step in s.execute(
            select(
                _key(AgendaItem.case_id),
                _key(Action.agenda_item_id),
                Meeting.starts_at,
                Action.due_on,
                Action.status,
                Action.done_on,
                Action.legal_reference_id.is_not(None),
            )
            .join(AgendaItem, AgendaItem.id == Action.agenda_item_id)
            .join(Meeting, Meeting.id == AgendaItem.meeting_id)
            .where(
                AgendaItem.case_id.is_not(None),
                Meeting.status != MeetingStatus.CANCELLED,
                Meeting.starts_at >= start,
            )
        )
        if case_id is not None  # (the query asks for children's items only)
    ]
    types = [
        pf.TypeInfo(type_id, name, order, bool(referral))
        for type_id, name, order, referral in s.execute(
            select(
                _key(MeetingType.id),
                MeetingType.short_name,
                MeetingType.sort_order,
                MeetingType.minutes_preliminary_decision,
            )
        )
    ]
    levels = [
        pf.LevelInfo(level, label, step, step_label)
        for level, label, step, step_label in s.execute(
            select(
                WellbeingLevel.level,
                WellbeingLevel.label,
                WellbeingLevel.step,
                WellbeingLevel.step_label,
            )
        )
    ]
    districts = [
        (district_id, code, name)
        for district_id, code, name in s.execute(
            select(_key(District.id), District.code, District.name).order_by(
                District.sort_order, District.name
            )
        )
    ]
    return pf.Record(types, levels, districts, cases, items, first_discussed, assessments, actions)


# -- publishing ----------------------------------------------------------------------------------


def _percents(p: suppression.Protected, of: str) -> tuple[tuple[float | None, ...], ...] | None:
    if not of:
        return None
    r, c = p.table.shape
    grid = []
    for i in range(r + 1):
        row: list[float | None] = []
        for j in range(c + 1):
            base: Position = (r, j) if of == "column" else (i, c)
            if (i, j) == base or p.mark(base) is Mark.UNPUBLISHED:
                row.append(None)
            else:
                row.append(suppression.share(p.shown((i, j)), p.shown(base)))
        grid.append(tuple(row))
    return tuple(grid)


def _view(pub: Published, year: int, percent_of: str) -> TableView:
    p = pub.protected
    t = p.table
    r, c = t.shape
    rows = range(r + 1) if t.column_totals else range(r)
    columns = range(c + 1) if t.row_totals else range(c)
    total = _("Total")
    percents = _percents(p, percent_of)
    return TableView(
        year=year,
        rows=tuple(t.rows[i] if i < r else total for i in rows),
        columns=tuple(t.columns[j] if j < c else total for j in columns),
        cells=tuple(tuple(p.text((i, j)) for j in columns) for i in rows),
        numbers=tuple(tuple(p.shown((i, j)) for j in columns) for i in rows),
        percents=tuple(tuple(percents[i][j] for j in columns) for i in rows) if percents else None,
        percent_of=percent_of,
        total_row=t.column_totals,
        total_column=t.row_totals,
        merged=pub.merged,
        withheld=pub.withheld,
    )


def _too_few(table: suppression.CountTable, year: int) -> TableView:
    rows = (*table.rows, _("Total")) if table.column_totals else table.rows
    columns = (*table.columns, _("Total")) if table.row_totals else table.columns
    return TableView(
        year=year,
        rows=rows,
        columns=columns,
        cells=tuple(tuple("" for _ in columns) for _ in rows),
        numbers=tuple(tuple(None for _ in columns) for _ in rows),
        total_row=table.column_totals,
        total_column=table.row_totals,
        too_few=True,
    )


def _enough(figures: pf.YearFigures) -> bool:
    return (
        figures.discussions >= suppression.MIN_COUNT and figures.children >= suppression.MIN_COUNT
    )


@dataclass(frozen=True)
class _Published:
    """Both years of one table, and the protected tables behind them."""

    current: TableView
    previous: TableView
    protected: tuple[suppression.Protected | None, suppression.Protected | None]


def _publish(spec: pf.Spec, enough: tuple[bool, bool], years: tuple[int, int]) -> _Published:
    chosen = [t for t, ok in zip(spec.tables, enough, strict=True) if ok]
    done = iter(suppression.publish_together(chosen, spec.merges))
    views: list[TableView] = []
    protected: list[suppression.Protected | None] = []
    published: list[Published | None] = [next(done) if ok else None for ok in enough]
    # A year with too few discussions is laid out like the other year.
    layout = next((p.table for p in published if p is not None), spec.tables[0])
    for pub, year in zip(published, years, strict=True):
        if pub is None:
            views.append(_too_few(layout, year))
            protected.append(None)
        else:
            views.append(_view(pub, year, spec.percent_of))
            protected.append(None if pub.withheld else pub.protected)
    return _Published(views[0], views[1], (protected[0], protected[1]))


# -- figures derived from what is shown -------------------------------------------------------


def _sum_shown(p: suppression.Protected | None, cells: Sequence[Position]) -> int | None:
    """The sum of these cells where the published table already tells it (every one of them
    shown, or their hidden ones adding up to what the totals leave), else None."""
    if p is None:
        return None
    return suppression.implied_sum(p, cells)


def _grand(p: suppression.Protected | None) -> int | None:
    if p is None:
        return None
    r, c = p.table.shape
    return p.shown((r, c)) if p.mark((r, c)) is not Mark.UNPUBLISHED else p.shown((r, 0))


def _percent_text(value: float | None) -> str:
    return NONE if value is None else f"{round(value)} %"


def _count_text(value: int | None) -> str:
    return NONE if value is None else str(value)


def _days_text(value: float | None) -> str:
    """A median of days, in whole days (half a day up)."""
    if value is None:
        return NONE
    return _n("{n} day", "{n} days", int(value + 0.5))


def _column_total(p: suppression.Protected | None, column: int) -> int | None:
    if p is None:
        return None
    return p.shown((p.table.shape[0], column))


def _row_total(p: suppression.Protected | None, row: int) -> int | None:
    if p is None or not p.table.row_totals:
        return None
    return p.shown((row, p.table.shape[1]))


def _step_sums(
    p: suppression.Protected | None, members: Sequence[Sequence[int]], merged: bool
) -> list[int | None]:
    """Children per step (and not assessed) from the levels table: its row totals, summed
    over each step's levels, or the merged table's own rows."""
    if p is None:
        return [None] * (len(members) + 1)
    r, c = p.table.shape
    if merged:
        return [p.shown((i, c)) for i in range(r)]
    sums = [_sum_shown(p, [(i, c) for i in group]) for group in members]
    return [*sums, p.shown((r - 1, c))]


def _step_age_cell(
    p: suppression.Protected | None,
    members: Sequence[Sequence[int]],
    merged: bool,
    step: int,
    band: int,
) -> int | None:
    if p is None:
        return None
    rows = [step] if merged else list(members[step])
    return _sum_shown(p, [(i, band) for i in rows])


@dataclass(frozen=True)
class _Movement:
    better: int | None
    same: int | None
    worse: int | None
    total: int | None


def _movement(p: suppression.Protected | None) -> _Movement:
    if p is None:
        return _Movement(None, None, None, None)
    n = p.table.shape[0]
    cells = [(i, j) for i in range(n) for j in range(n)]
    return _Movement(
        _sum_shown(p, [(i, j) for i, j in cells if j < i]),
        _sum_shown(p, [(i, j) for i, j in cells if j == i]),
        _sum_shown(p, [(i, j) for i, j in cells if j > i]),
        p.shown((n, n)),
    )


def _compare(now: float | None, before: float | None) -> int | None:
    if now is None or before is None:
        return None
    return (now > before) - (now < before)


# -- the report --------------------------------------------------------------------------------


def _method(year: int, as_of: date) -> tuple[str, ...]:
    weeks = pf.NEXT_ITEM_WITHIN.days // 7
    return (
        _(
            "The figures are counted from the meetings' own record: every meeting held in the "
            "year (cancelled meetings are left out), for the whole municipality or one "
            "district. A discussion is an item about a child marked discussed; a child is a "
            "case in the register (an anonymous case counts as one child). A child belongs to "
            "the district of the case in the register, else to the meeting's district."
        ),
        _(
            "Named or anonymous: a discussion names the child when its legal basis held on "
            "the meeting day (consent covering the meeting type, Retsplejeloven § 115 at SSP, "
            "a report of concern, another basis given in words); otherwise it was anonymous."
        ),
        _(
            "Level and step: a child's latest level is the last Trivselslinealen assessment "
            "in the year; the age band is the child's age at the year's last discussion "
            "(anonymous cases have no birth date). A discussion's step is the step of the "
            "level set at that item. Movement compares the step of a child's first and last "
            "assessment in the year, for children assessed at least twice; moves between "
            "levels 4 and 5 stay within the intrusive step."
        ),
        _(
            "Timely action: for children discussed for the first time ever in the year, the "
            "days from that discussion to the first meeting that agreed an action about the "
            "child (0 when the first discussion agreed one)."
        ),
        _n(
            "Outcomes: the record holds no referral or report of concern as such, so they are "
            "read from the child's next item on an agenda within {n} week.",
            "Outcomes: the record holds no referral or report of concern as such, so they are "
            "read from the child's next item on an agenda within {n} weeks.",
            weeks,
        )
        + " "
        + _(
            "An item at a forvisitation meeting is a referral; an item whose legal basis is a "
            "report of concern (Barnets lov § 133), where this discussion's was not, is a new "
            "report of concern. At forvisitation, an agreed next step with its provision (a "
            "conversation with the child, a child-welfare investigation) is a decision. "
            "Anything else counts as staying in universal services."
        ),
        _(
            "Agreements: the actions agreed at the year's discussions, as they stand on "
            "{day}: done by the deadline, done after it, open and not yet due, open and past "
            "the deadline, or cancelled.",
            day=date_words(as_of),
        ),
        _(
            "Reports for single districts are each protected on their own; do not publish "
            "them beside the whole municipality's, since differences between the reports can "
            "reveal hidden counts."
        ),
    )


def _section_titles() -> dict[int, tuple[str, str]]:
    return {
        1: (
            _("Children discussed"),
            _("Discussions of children by meeting type and quarter, named or anonymous."),
        ),
        2: (
            _("Children by latest level and age"),
            _(
                "The policy's indicator for the 0–6-year-olds: children by their latest "
                "Trivselslinealen level in the year and their age."
            ),
        ),
        3: (
            _("The steps of the ladder"),
            _("The share of discussions at each step: prevention, early and intrusive."),
        ),
        4: (
            _("Movement on the ladder"),
            _("The step of each child's first and last assessment in the year."),
        ),
        5: (
            _("Timely action (pejlemærke 1)"),
            _("From a child's first discussion to the first agreed action."),
        ),
        6: (
            _("What the discussions led to"),
            _("Universal services, forvisitation, reports of concern; children discussed again."),
        ),
        7: (
            _("Agreements"),
            _("Actions agreed at the year's discussions: done on time, overdue."),
        ),
    }


def _titles() -> dict[str, tuple[str, str, str]]:
    """Each table's title, what it counts, and the heading over its rows."""
    return {
        "quarters": (
            _("Discussions by meeting type and quarter"),
            _("discussions"),
            _("Meeting type"),
        ),
        "named": (_("Named or anonymous discussions"), _("discussions"), _("Discussed")),
        "districts": (_("Children discussed by district"), _("children"), _("District")),
        "levels": (
            _("Children by latest level in the year and age"),
            _("children"),
            _("Latest level"),
        ),
        "steps": (_("Discussions by step of the ladder"), _("discussions"), _("Step")),
        "movement": (
            _("Children by step at first (rows) and last (columns) assessment"),
            _("children"),
            _("First step"),
        ),
        "timely": (
            _("New children by days from first discussion to first agreement"),
            _("children"),
            _("First discussed at"),
        ),
        "outcomes": (_("What each discussion led to"), _("discussions"), _("Outcome")),
        "repeated": (
            _("Children by number of discussions in the year"),
            _("children"),
            _("Discussed"),
        ),
        "agreements": (_("Agreements by meeting type"), _("agreements"), _("Meeting type")),
    }


SECTION_OF = {
    "quarters": 1,
    "named": 1,
    "districts": 1,
    "levels": 2,
    "steps": 3,
    "movement": 4,
    "timely": 5,
    "outcomes": 6,
    "repeated": 6,
    "agreements": 7,
}


def build_report(
    record: pf.Record, year: int, district_code: str | None, as_of: date
) -> PolicyReport:
    """The published follow-up of ``year`` (beside ``year`` − 1), for the district with
    ``district_code`` or the whole municipality."""
    chosen = next((d for d in record.districts if d[1] == district_code), None)
    district_id = chosen[0] if chosen else None
    district = (chosen[0], chosen[2]) if chosen else None
    years = (year, year - 1)
    counts = [pf.type_counts(record, y, district_id) for y in years]
    # A year too small to show anything does not decide how the other year's types merge.
    sized = [c for c in counts if sum(c.values()) >= suppression.MIN_COUNT] or counts
    cats = pf.categories(record, sized)
    figures = [pf.year_figures(record, y, district_id, cats, as_of) for y in years]
    enough = (_enough(figures[0]), _enough(figures[1]))
    titles = _titles()
    published: dict[str, _Published] = {}
    pairs: dict[str, TablePair] = {}
    for spec in pf.specs(figures[0], figures[1], record.levels):
        if spec.key == "districts" and district is not None:
            continue
        done = _publish(spec, enough, years)
        published[spec.key] = done
        title, unit, corner = titles[spec.key]
        pairs[spec.key] = TablePair(spec.key, title, unit, corner, done.current, done.previous)

    def prot(key: str, index: int) -> suppression.Protected | None:
        found = published.get(key)
        return found.protected[index] if found else None

    ladder = pf.steps(record.levels)
    talks = [f.discussions if ok else None for f, ok in zip(figures, enough, strict=True)]
    named = [_row_total(prot("named", k), 0) for k in (0, 1)]
    repeated = [_sum_shown(prot("repeated", k), [(1, 0), (2, 0)]) for k in (0, 1)]
    headline = (
        Figure(_("Children discussed"), *(_headline_count(f.children) for f in figures)),
        Figure(_("Discussions"), *(_headline_count(f.discussions) for f in figures)),
        Figure(
            _("Share of discussions naming the child"),
            *(_percent_text(suppression.share(named[k], talks[k])) for k in (0, 1)),
        ),
        Figure(
            _("Children discussed twice or more"),
            *(_count_text(repeated[k]) for k in (0, 1)),
        ),
    )
    moves = [_movement(prot("movement", k)) for k in (0, 1)]
    timely = [prot("timely", k) for k in (0, 1)]
    within = [
        [_sum_shown(t, [(t.table.shape[0], j) for j in range(n)]) if t else None for t in timely]
        for n in (1, 2)
    ]
    new_children = [_grand(t) for t in timely]
    medians = [
        suppression.median(d for days in f.new_children_days.values() for d in days) if ok else None
        for f, ok in zip(figures, enough, strict=True)
    ]
    agreements = [prot("agreements", k) for k in (0, 1)]
    on_time = [_column_total(a, 0) for a in agreements]
    overdue = [_column_total(a, 3) for a in agreements]
    made = [_grand(a) for a in agreements]
    titles_of = _section_titles()
    section_figures: dict[int, tuple[Figure, ...]] = {
        4: (
            Figure(
                _("On a lower step at the last assessment"),
                *(_percent_text(suppression.share(m.better, m.total)) for m in moves),
            ),
            Figure(
                _("On the same step"),
                *(_percent_text(suppression.share(m.same, m.total)) for m in moves),
            ),
            Figure(
                _("On a higher step"),
                *(_percent_text(suppression.share(m.worse, m.total)) for m in moves),
            ),
        ),
        5: (
            Figure(_("Median days to the first agreement"), *(_days_text(m) for m in medians)),
            Figure(
                _("Agreement within 14 days"),
                *(
                    _percent_text(suppression.share(w, n))
                    for w, n in zip(within[0], new_children, strict=True)
                ),
            ),
            Figure(
                _("Agreement within 30 days"),
                *(
                    _percent_text(suppression.share(w, n))
                    for w, n in zip(within[1], new_children, strict=True)
                ),
            ),
        ),
        7: (
            Figure(
                _("Done on time, of all agreements"),
                *(
                    _percent_text(suppression.share(a, m))
                    for a, m in zip(on_time, made, strict=True)
                ),
            ),
            Figure(
                _("Overdue, of all agreements"),
                *(
                    _percent_text(suppression.share(a, m))
                    for a, m in zip(overdue, made, strict=True)
                ),
            ),
        ),
    }
    sections = tuple(
        Section(
            number,
            title,
            intro,
            tuple(pair for key, pair in pairs.items() if SECTION_OF[key] == number),
            section_figures.get(number, ()),
        )
        for number, (title, intro) in titles_of.items()
    )
    levels_merged = pairs["levels"].current.merged or pairs["levels"].previous.merged
    step_counts = [_step_sums(prot("levels", k), ladder.members, levels_merged) for k in (0, 1)]
    trends = _trends(
        ladder,
        step_counts,
        [_step_age_cell(prot("levels", k), ladder.members, levels_merged, 1, 0) for k in (0, 1)]
        if len(ladder.labels) > 1
        else [None, None],
        [prot("steps", k) for k in (0, 1)],
        moves,
        [suppression.share(w, n) for w, n in zip(within[0], new_children, strict=True)],
        medians,
    )
    charts = _charts(ladder, years, step_counts, prot("steps", 0), timely, pairs)
    return PolicyReport(
        year=year,
        previous_year=year - 1,
        district=district[1] if district else None,
        as_of=as_of,
        headline=headline,
        sections=sections,
        trends=trends,
        charts=charts,
        method=_method(year, as_of),
        rule=suppression.rule_note(),
        legend=suppression.legend(),
    )


def _headline_count(n: int) -> str:
    """A count for the headline: 0, "<5", or the count."""
    return suppression.SMALL_TEXT if 0 < n < suppression.MIN_COUNT else str(n)


def _more_or_fewer(what: str, now: int | None, before: int | None) -> str:
    way = _compare(now, before)
    if way is None:
        return _("{what}: too few to compare with last year.", what=what)
    if way > 0:
        return _("{what}: more than last year ({now} against {before}).", what=what, now=now,
                 before=before)  # fmt: skip
    if way < 0:
        return _("{what}: fewer than last year ({now} against {before}).", what=what, now=now,
                 before=before)  # fmt: skip
    return _("{what}: as many as last year ({now}).", what=what, now=now)


def _trends(
    ladder: pf.Steps,
    step_counts: list[list[int | None]],
    young: list[int | None],
    steps_tables: list[suppression.Protected | None],
    moves: list[_Movement],
    within14: list[float | None],
    medians: list[float | None],
) -> tuple[str, ...]:
    """Section 8: sections 2–5 against last year, in words, from the published figures."""
    said: list[str] = []
    for n, label in enumerate(ladder.names):
        if n == 0:
            continue  # thriving: no intervention
        what = _("Children at the step «{step}»", step=label)
        said.append(_more_or_fewer(what, step_counts[0][n], step_counts[1][n]))
    if len(ladder.labels) > 1:
        what = _("Children aged 0–6 at the step «{step}» (the policy's indicator for the youngest)",
                 step=ladder.names[1])  # fmt: skip
        said.append(_more_or_fewer(what, young[0], young[1]))
        shares: list[float | None] = []
        for p in steps_tables:
            if p is None:
                shares.append(None)
                continue
            r, c = p.table.shape
            shares.append(suppression.share(p.shown((1, c)), p.shown((r, c))))
        what = _("The share of discussions at the step «{step}»", step=ladder.names[1])
        said.append(_rise_or_fall(what, shares))
    better = [suppression.share(m.better, m.total) for m in moves]
    what = _("The share of children who ended the year on a lower step than they began")
    said.append(_rise_or_fall(what, better))
    what = _("The share of new children with an agreement within 14 days")
    said.append(_rise_or_fall(what, within14))
    if medians[0] is not None and medians[1] is not None:
        said.append(
            _(
                "The median time from the first discussion to the first agreement was {now} "
                "(last year {before}).",
                now=_days_text(medians[0]),
                before=_days_text(medians[1]),
            )
        )
    else:
        said.append(_("The median time to the first agreement: too few to compare with last year."))
    return tuple(said)


def _rise_or_fall(what: str, shares: list[float | None]) -> str:
    now, before = shares
    if now is None or before is None:
        return _("{what}: too few to compare with last year.", what=what)
    a, b = round(now), round(before)
    if a > b:
        return _("{what} rose from {before} % to {now} %.", what=what, before=b, now=a)
    if a < b:
        return _("{what} fell from {before} % to {now} %.", what=what, before=b, now=a)
    return _("{what} was unchanged at {now} %.", what=what, now=a)


def _hidden_text(p: suppression.Protected, position: Position) -> str:
    """What a bar shows in place of a share it may not give: "<5", "x", or "–" (a count
    shown, but of too few for a share)."""
    return NONE if p.mark(position) is Mark.SHOWN else p.text(position)


def _bucket_bar(p: suppression.Protected | None, column: int) -> Bar:
    """A bar of the timely-action chart: the share of new children in a column."""
    if p is None:
        return Bar(None, NONE)
    total: Position = (p.table.shape[0], column)
    return _bar(suppression.share(p.shown(total), _grand(p)), _hidden_text(p, total))


def _bar(value: float | int | None, text: str) -> Bar:
    return Bar(None if value is None else float(value), text if value is None else "")


def _charts(
    ladder: pf.Steps,
    years: tuple[int, int],
    step_counts: list[list[int | None]],
    steps_now: suppression.Protected | None,
    timely: list[suppression.Protected | None],
    pairs: dict[str, TablePair],
) -> tuple[Chart, ...]:
    charts = []
    categories = (*ladder.labels, _("Not assessed"))
    charts.append(
        Chart(
            "children_by_step",
            _("Children by latest step of the ladder"),
            "grouped",
            categories,
            (str(years[1]), str(years[0])),
            tuple(tuple(_bar(v, suppression.HIDDEN_TEXT) for v in step_counts[k]) for k in (1, 0)),
        )
    )
    if steps_now is not None:
        r, c = steps_now.table.shape
        charts.append(
            Chart(
                "discussions_by_step",
                _("Share of discussions at each step, by meeting type ({year})", year=years[0]),
                "stacked",
                (*steps_now.table.columns, _("Total")),
                (*steps_now.table.rows,),
                tuple(
                    tuple(
                        _bar(
                            suppression.share(steps_now.shown((i, j)), steps_now.shown((r, j))),
                            _hidden_text(steps_now, (i, j)),
                        )
                        for j in range(c + 1)
                    )
                    for i in range(r)
                ),
                unit="%",
            )
        )
    buckets = pairs["timely"].current.columns[: len(pf.ACTION_BUCKETS) + 2]
    charts.append(
        Chart(
            "time_to_agreement",
            _("New children by days to the first agreement"),
            "grouped",
            buckets,
            (str(years[1]), str(years[0])),
            tuple(tuple(_bucket_bar(timely[k], j) for j in range(len(buckets))) for k in (1, 0)),
            unit="%",
        )
    )
    return tuple(charts)


# -- entry points --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Choices:
    """What the follow-up can be asked for: years with discussions, and the districts."""

    years: tuple[int, ...]
    districts: tuple[tuple[str, str], ...]  # (code, name)


def choices(ctx: ServiceContext) -> Choices:
    require(ctx, Permission.VIEW_STATISTICS, "see the policy follow-up")
    with ctx.db.begin() as s:
        starts = s.scalars(
            select(Meeting.starts_at).where(Meeting.status.in_(HELD)).order_by(Meeting.starts_at)
        ).all()
        years = sorted({at.year for at in starts}, reverse=True)
        districts = tuple(
            (code, name)
            for code, name in s.execute(
                select(District.code, District.name).order_by(District.sort_order)
            )
        )
    return Choices(tuple(years) or (ctx.today().year,), districts)


def policy_report(ctx: ServiceContext, year: int, district: str | None = None) -> PolicyReport:
    """The follow-up of ``year`` beside the year before, for one district (code or name) or
    the whole municipality. Logged in the access log (the year and district, nothing else)."""
    require(ctx, Permission.VIEW_STATISTICS, "see the policy follow-up")
    today = ctx.today()
    if not FIRST_YEAR <= year <= today.year:
        raise ValidationError(
            _("Choose a year from {first} to {last}.", first=FIRST_YEAR, last=today.year)
        )
    with ctx.db.begin() as s:
        found = resolve_district(s, district) if district else None
        record = read_record(s, year)
        audit.record(
            s, ctx, "statistics.policy", detail=f"{year} {found.code if found else 'alle'}"
        )
    return build_report(record, year, found.code if found else None, today)


def file_name(report: PolicyReport, suffix: str) -> str:
    """A file name for the report: "opfoelgning-2026-hele-kommunen.pdf"."""
    where = "hele-kommunen" if report.district is None else _slug(report.district)
    return f"opfoelgning-{report.year}-{where}{suffix}"


def _slug(text: str) -> str:
    folded = text.lower()
    for letter, written in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        folded = folded.replace(letter, written)
    return "-".join("".join(ch if ch.isalnum() else " " for ch in folded).split())


def write(ctx: ServiceContext, report: PolicyReport, path: Path) -> int:
    """Write the report as PDF (``.pdf``, returns pages) or workbook (``.xlsx``, returns
    sheets), and log the export."""
    require(ctx, Permission.VIEW_STATISTICS, "see the policy follow-up")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        written = policy_pdf.write_policy_pdf(report, path)
    elif suffix == ".xlsx":
        written = policy_xlsx.write_policy_xlsx(report, path)
    else:
        raise ValidationError(_("Write the follow-up to a .pdf or an .xlsx file."))
    with ctx.db.begin() as s:
        audit.record(s, ctx, "export.statistics", detail=f"{report.year} {suffix[1:]}")
    return written


def render_pdf(ctx: ServiceContext, report: PolicyReport) -> tuple[bytes, int]:
    """The report as PDF in memory (the window saves it where the user chooses)."""
    require(ctx, Permission.VIEW_STATISTICS, "see the policy follow-up")
    return policy_pdf.render_policy_pdf(report)
