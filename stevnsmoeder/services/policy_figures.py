"""The policy follow-up's counts, worked out from rows read out of the record (no database
here: services.statistics reads the rows, this module counts, domain.suppression decides what
may be shown).

The units, as the method note in the report states them:

* a **discussion** is an item about a child on the agenda of a meeting that was held (or is in
  progress), marked discussed; its day is the meeting's day;
* a **child** is a case in the register (an anonymous case counts as one child; a named child
  discussed anonymously is still the same case);
* a child's **district** is the district of the case in the register, else the meeting's;
* a child's **level** is a Trivselslinealen assessment; its **step** on the ladder is the level's
  step in the reference data (prevention, early, intrusive);
* an **agreement** is an action agreed at a discussion (hvem, hvad, hvornår).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from stevnsmoeder.domain.suppression import CountTable, Grouping, Merge
from stevnsmoeder.i18n import _, _n
from stevnsmoeder.model.enums import ActionStatus, LegalBasisKind

# An id as read from the record: a UUID, or its text on the file (the counting only compares
# ids, and reading them as text spares some tens of thousands of conversions a year).
Key = Hashable

# A discussion leads to what the child's next item (within this time) shows: a referral to
# forvisitation, a report of concern.
NEXT_ITEM_WITHIN = timedelta(weeks=12)
AGE_BANDS = ((0, 6), (7, 12), (13, 17))
ACTION_BUCKETS = (14, 30)  # days: within 14, within 30, later


@dataclass(frozen=True)
class TypeInfo:
    id: Key
    name: str  # the short name ("FTM"): tables have many columns
    order: int
    referral: bool  # forvisitation: the type whose minutes hold a preliminary decision


@dataclass(frozen=True)
class LevelInfo:
    level: int
    label: str
    step: str
    step_label: str


@dataclass(frozen=True)
class ItemRow:
    """An item about a child, in a meeting that was not cancelled."""

    id: Key
    case_id: Key
    at: datetime  # the meeting's start, local time
    type_id: Key
    meeting_district: Key | None
    discussed: bool
    named: bool  # names the child on a basis that holds that day (permissions.lawfully_named)
    basis: LegalBasisKind | None

    @property
    def day(self) -> date:
        return self.at.date()


@dataclass(frozen=True)
class CaseRow:
    id: Key
    birth: date | None  # from the register, or the CPR number; None for an anonymous case
    district_id: Key | None


@dataclass(frozen=True)
class AssessmentRow:
    case_id: Key
    item_id: Key | None
    level: int
    day: date
    order: datetime  # when it was recorded, to order two on one day


@dataclass(frozen=True)
class ActionRow:
    case_id: Key
    item_id: Key
    at: datetime  # the meeting where it was agreed
    due_on: date | None
    status: ActionStatus
    done_on: date | None
    next_step: bool  # a forvisitation's next step: an action that names its provision


@dataclass
class Record:
    """What the follow-up is counted from."""

    types: list[TypeInfo]
    levels: list[LevelInfo]
    districts: list[tuple[Key, str, str]]  # id, code, name
    cases: dict[Key, CaseRow]
    items: list[ItemRow]
    first_discussed: dict[Key, datetime]  # each case's first discussion ever
    assessments: list[AssessmentRow]
    actions: list[ActionRow]
    by_case: dict[Key, list[ItemRow]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.items.sort(key=lambda i: (i.at, str(i.id)))
        for item in self.items:
            self.by_case.setdefault(item.case_id, []).append(item)


# -- what belongs to a year ----------------------------------------------------------------------


def district_of(record: Record, item: ItemRow) -> Key | None:
    case = record.cases.get(item.case_id)
    return (case.district_id if case else None) or item.meeting_district


def discussions(record: Record, year: int, district: Key | None) -> list[ItemRow]:
    return [
        i
        for i in record.items
        if i.discussed
        and i.day.year == year
        and (district is None or district_of(record, i) == district)
    ]


def type_counts(record: Record, year: int, district: Key | None) -> dict[Key, int]:
    counts: dict[Key, int] = defaultdict(int)
    for item in discussions(record, year, district):
        counts[item.type_id] += 1
    return counts


@dataclass(frozen=True)
class Category:
    label: str
    types: frozenset[Key]


def _shareable(n: int) -> bool:
    return n == 0 or n >= 5


def categories(record: Record, counts: Sequence[dict[Key, int]]) -> list[Category]:
    """The meeting types as the tables show them: every type discussed in one of the years,
    in the reference data's order; a type with 1–4 discussions in a year is merged into
    "Other" (with the next smallest until Other has 0 or at least 5 in every year), so the
    discussions per type, which several tables share, can always be shown."""
    used = [t for t in sorted(record.types, key=lambda t: t.order) if any(c[t.id] for c in counts)]
    kept = [t for t in used if all(_shareable(c[t.id]) for c in counts)]
    other = [t for t in used if t not in kept]

    def other_ok() -> bool:
        return all(_shareable(sum(c[t.id] for t in other)) for c in counts)

    while other and not other_ok() and kept:
        smallest = min(kept, key=lambda t: (min(c[t.id] for c in counts if c[t.id]), -t.order))
        kept.remove(smallest)
        other.append(smallest)
    result = [Category(t.name, frozenset({t.id})) for t in kept]
    if other:
        label = _("All meeting types") if not kept else _("Other meeting types")
        result.append(Category(label, frozenset(t.id for t in other)))
    return result


def _category_index(cats: Sequence[Category]) -> dict[Key, int]:
    return {t: n for n, c in enumerate(cats) for t in c.types}


# -- the ladder ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Steps:
    """The ladder's steps (from the levels' reference data), in order, and each level's."""

    labels: tuple[str, ...]  # "forebyggende indsats (2)"
    names: tuple[str, ...]  # "forebyggende indsats"
    of_level: dict[int, int]  # level -> index of its step
    members: tuple[tuple[int, ...], ...]  # step -> the indexes of its levels (0-based)


def steps(levels: Sequence[LevelInfo]) -> Steps:
    ordered = sorted(levels, key=lambda lv: lv.level)
    names: list[str] = []
    labels: list[str] = []
    members: list[list[int]] = []
    of_level: dict[int, int] = {}
    for index, lv in enumerate(ordered):
        if lv.step not in names:
            names.append(lv.step)
            labels.append(lv.step_label)
            members.append([])
        step = names.index(lv.step)
        of_level[lv.level] = step
        members[step].append(index)
    shown = []
    for step, label in enumerate(labels):
        numbers = [ordered[i].level for i in members[step]]
        span = str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}–{numbers[-1]}"
        shown.append(_("{label} ({levels})", label=label, levels=span))
    return Steps(tuple(shown), tuple(labels), of_level, tuple(tuple(m) for m in members))


def age_band(birth: date | None, day: date) -> int:
    """0: 0–6, 1: 7–12, 2: 13–17, 3: unknown (an anonymous case) or 18 and over."""
    if birth is None:
        return len(AGE_BANDS)
    age = day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    for n, (low, high) in enumerate(AGE_BANDS):
        if low <= age <= high:
            return n
    return len(AGE_BANDS)


def age_labels() -> tuple[str, ...]:
    return (
        *(_n("{low}–{n} year", "{low}–{n} years", high, low=low) for low, high in AGE_BANDS),
        _("Unknown age or 18+"),
    )


# -- the tables ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """A table to publish: its counts for each year and how it may merge."""

    key: str
    tables: tuple[CountTable, ...]  # this year, the year before
    merges: tuple[Merge, ...] = ()
    percent_of: str = ""


@dataclass
class YearFigures:
    """The raw counts of one year, before the rule (never shown as they are)."""

    year: int
    discussions: int
    children: int
    new_children_days: dict[int, list[int]]  # category -> days to the first agreement
    tables: dict[str, CountTable]


OUTCOMES = ("stayed", "referred", "underretning", "decided")
ACTION_STATES = ("on_time", "late", "open", "overdue", "cancelled")


def outcome_labels() -> tuple[str, ...]:
    return (
        _("Stayed in universal services"),
        _("Referred to forvisitation"),
        _("Report of concern (underretning)"),
        _("Conversation or investigation decided"),
    )


def action_labels() -> tuple[str, ...]:
    return (
        _("Done on time"),
        _("Done late"),
        _("Open, not yet due"),
        _("Open, overdue"),
        _("Cancelled"),
    )


def quarter_labels() -> tuple[str, ...]:
    return tuple(_("Q{n}", n=n) for n in range(1, 5))


def _outcome(record: Record, item: ItemRow, types: dict[Key, TypeInfo], next_step: bool) -> int:
    later = [
        i
        for i in record.by_case.get(item.case_id, ())
        if i.at > item.at and i.at - item.at <= NEXT_ITEM_WITHIN
    ]
    following = later[0] if later else None
    if (
        following is not None
        and following.basis is LegalBasisKind.UNDERRETNING
        and item.basis is not LegalBasisKind.UNDERRETNING
    ):
        return OUTCOMES.index("underretning")
    if types[item.type_id].referral:
        return OUTCOMES.index("decided" if next_step else "stayed")
    if following is not None and types[following.type_id].referral:
        return OUTCOMES.index("referred")
    return OUTCOMES.index("stayed")


def _action_state(action: ActionRow, today: date) -> int:
    if action.status is ActionStatus.CANCELLED:
        return ACTION_STATES.index("cancelled")
    if action.status is ActionStatus.DONE:
        late = (
            action.due_on is not None
            and action.done_on is not None
            and (action.done_on > action.due_on)
        )
        return ACTION_STATES.index("late" if late else "on_time")
    if action.due_on is not None and action.due_on < today:
        return ACTION_STATES.index("overdue")
    return ACTION_STATES.index("open")


def _grid(rows: int, columns: int) -> list[list[int]]:
    return [[0] * columns for _ in range(rows)]


def _frozen(grid: Iterable[Iterable[int]]) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(row) for row in grid)


def year_figures(
    record: Record,
    year: int,
    district: Key | None,
    cats: Sequence[Category],
    today: date,
) -> YearFigures:
    """Every count of one year (for one district, or all)."""
    types = {t.id: t for t in record.types}
    cat_of = _category_index(cats)
    cat_labels = tuple(c.label for c in cats)
    ladder = steps(record.levels)
    levels = sorted(record.levels, key=lambda lv: lv.level)
    level_index = {lv.level: n for n, lv in enumerate(levels)}
    disc = discussions(record, year, district)
    children = sorted({i.case_id for i in disc}, key=str)
    per_child: dict[Key, list[ItemRow]] = defaultdict(list)
    for item in disc:
        per_child[item.case_id].append(item)
    in_year: dict[Key, list[AssessmentRow]] = defaultdict(list)
    for a in record.assessments:
        if a.day.year == year:
            in_year[a.case_id].append(a)
    for found in in_year.values():
        found.sort(key=lambda a: (a.day, a.order))
    item_level: dict[Key, int] = {}
    for a in sorted(record.assessments, key=lambda a: (a.day, a.order)):
        if a.item_id is not None:
            item_level[a.item_id] = a.level
    actions_of_item: dict[Key, list[ActionRow]] = defaultdict(list)
    actions_of_case: dict[Key, list[ActionRow]] = defaultdict(list)
    for action in record.actions:
        actions_of_item[action.item_id].append(action)
        actions_of_case[action.case_id].append(action)
    tables: dict[str, CountTable] = {}
    n_cats = len(cats)

    # 1. Discussions by meeting type and quarter; named or anonymous; children by district.
    by_quarter = _grid(n_cats, 4)
    named = _grid(2, n_cats)
    for item in disc:
        c = cat_of[item.type_id]
        by_quarter[c][(item.day.month - 1) // 3] += 1
        named[0 if item.named else 1][c] += 1
    tables["quarters"] = CountTable(
        cat_labels, quarter_labels(), _frozen(by_quarter),
        fixed_row_totals=True, fixed_grand_total=True,
    )  # fmt: skip
    tables["named"] = CountTable(
        (_("With the child's name"), _("Anonymously")), cat_labels, _frozen(named),
        fixed_column_totals=True, fixed_grand_total=True,
    )  # fmt: skip
    district_rows = [name for _id, _code, name in record.districts] + [_("No district")]
    district_index = {d: n for n, (d, _code, _name) in enumerate(record.districts)}
    by_district = _grid(len(district_rows), 1)
    for child in children:
        case = record.cases.get(child)
        where = case.district_id if case else None
        if where is None:
            where = next(
                (i.meeting_district for i in reversed(per_child[child]) if i.meeting_district),
                None,
            )
        by_district[district_index.get(where, len(district_rows) - 1) if where else -1][0] += 1
    tables["districts"] = CountTable(
        tuple(district_rows), (_("Children"),), _frozen(by_district),
        row_totals=False, fixed_grand_total=True,
    )  # fmt: skip

    # 2. Children by their latest level in the year and their age.
    ages = age_labels()
    by_level = _grid(len(levels) + 1, len(ages))
    for child in children:
        last = per_child[child][-1]
        case = record.cases.get(child)
        band = age_band(case.birth if case else None, last.day)
        latest = in_year.get(child)
        row = level_index[latest[-1].level] if latest else len(levels)
        by_level[row][band] += 1
    level_rows = (*(f"{lv.level} {lv.label}" for lv in levels), _("Not assessed"))
    tables["levels"] = CountTable(
        level_rows, ages, _frozen(by_level), fixed_grand_total=True,
        precious_columns=(0,),  # the policy's indicator: hidden last
    )  # fmt: skip

    # 3. Discussions at each step of the ladder, by meeting type.
    by_step = _grid(len(ladder.labels) + 1, n_cats)
    for item in disc:
        level = item_level.get(item.id)
        row = ladder.of_level[level] if level is not None else len(ladder.labels)
        by_step[row][cat_of[item.type_id]] += 1
    tables["steps"] = CountTable(
        (*ladder.labels, _("Not assessed")), cat_labels, _frozen(by_step),
        fixed_column_totals=True, fixed_grand_total=True,
    )  # fmt: skip

    # 4. Movement: the step of the year's first and last assessment.
    moves = _grid(len(ladder.labels), len(ladder.labels))
    for child in children:
        assessed = in_year.get(child, [])
        if len(assessed) >= 2:
            moves[ladder.of_level[assessed[0].level]][ladder.of_level[assessed[-1].level]] += 1
    tables["movement"] = CountTable(ladder.labels, ladder.labels, _frozen(moves))

    # 5. From a child's first discussion ever (in this year) to the first agreement.
    buckets = _grid(n_cats, len(ACTION_BUCKETS) + 2)
    days_by_cat: dict[int, list[int]] = defaultdict(list)
    for child in children:
        first_at = record.first_discussed.get(child)
        first = next((i for i in per_child[child] if i.at == first_at), None)
        if first is None:
            continue  # first discussed in an earlier year (or elsewhere)
        c = cat_of[first.type_id]
        agreed = [a.at for a in actions_of_case[child] if a.at >= first.at]
        if not agreed:
            buckets[c][-1] += 1
            continue
        days = (min(agreed).date() - first.day).days
        days_by_cat[c].append(days)
        column = next(
            (n for n, limit in enumerate(ACTION_BUCKETS) if days <= limit), len(ACTION_BUCKETS)
        )
        buckets[c][column] += 1
    tables["timely"] = CountTable(
        cat_labels,
        (
            _n("Within {n} day", "Within {n} days", ACTION_BUCKETS[0]),
            _n("{low}–{n} day", "{low}–{n} days", ACTION_BUCKETS[1], low=ACTION_BUCKETS[0] + 1),
            _n("More than {n} day", "More than {n} days", ACTION_BUCKETS[1]),
            _("No agreement yet"),
        ),
        _frozen(buckets),
    )

    # 6. What each discussion led to; children discussed twice or more.
    outcomes = _grid(len(OUTCOMES), n_cats)
    for item in disc:
        step = any(a.next_step for a in actions_of_item.get(item.id, ()))
        outcomes[_outcome(record, item, types, step)][cat_of[item.type_id]] += 1
    tables["outcomes"] = CountTable(
        outcome_labels(), cat_labels, _frozen(outcomes),
        fixed_column_totals=True, fixed_grand_total=True,
    )  # fmt: skip
    times = _grid(3, 1)
    for child in children:
        times[min(len(per_child[child]), 3) - 1][0] += 1
    tables["repeated"] = CountTable(
        (_("Once"), _("Twice"), _("Three times or more")), (_("Children"),), _frozen(times),
        row_totals=False, fixed_grand_total=True,
    )  # fmt: skip

    # 7. Agreements made at the year's discussions, as they stand.
    agreements = _grid(n_cats, len(ACTION_STATES))
    for item in disc:
        for action in actions_of_item.get(item.id, ()):
            agreements[cat_of[item.type_id]][_action_state(action, today)] += 1
    tables["agreements"] = CountTable(cat_labels, action_labels(), _frozen(agreements))

    return YearFigures(year, len(disc), len(children), dict(days_by_cat), tables)


def specs(current: YearFigures, previous: YearFigures, levels: Sequence[LevelInfo]) -> list[Spec]:
    """Each table with both years and how it merges when mostly hidden: levels into steps,
    quarters into the year, outcomes into "stayed" and "went further", meeting types into
    all types."""
    ladder = steps(levels)
    n_cats = len(current.tables["quarters"].rows)
    all_types = Grouping((_("All meeting types"),), (tuple(range(n_cats)),))
    quarters = Merge(columns=Grouping((_("The year"),), ((0, 1, 2, 3),)))
    bands = Merge(
        rows=Grouping((*ladder.labels, _("Not assessed")), (*ladder.members, (len(levels),)))
    )
    further = Merge(
        rows=Grouping(
            (outcome_labels()[0], _("Referred on, reported or decided")),
            ((0,), tuple(range(1, len(OUTCOMES)))),
        )
    )

    def both(key: str) -> tuple[CountTable, ...]:
        return (current.tables[key], previous.tables[key])

    by_type = (Merge(columns=all_types),) if n_cats > 1 else ()
    rows_by_type = (Merge(rows=all_types),) if n_cats > 1 else ()
    return [
        Spec("quarters", both("quarters"), (quarters,)),
        Spec("named", both("named"), by_type, percent_of="column"),
        Spec("districts", both("districts"), percent_of="column"),
        Spec("levels", both("levels"), (bands,)),
        Spec("steps", both("steps"), by_type, percent_of="column"),
        Spec("movement", both("movement"), percent_of="row"),
        Spec("timely", both("timely"), rows_by_type, percent_of="row"),
        Spec("outcomes", both("outcomes"), (*by_type, further), percent_of="column"),
        Spec("repeated", both("repeated"), percent_of="column"),
        Spec("agreements", both("agreements"), rows_by_type, percent_of="row"),
    ]
