"""The policy follow-up, counted from a record built through the services on both engines:
every figure of every table against the numbers the story gives, then what the rule lets
through to the published report.

The story (children A–L, all fictitious; I is in Store Heddinge, the others in Hother):

2025  4 Mar  district: A 3, B 2, J 2 (discussed anonymously), K 2 (an anonymous case), L 2;
             A agrees an observation, done on time
      7 Oct  district: A 2
2026  3 Feb  district: A 2, B 2, C 2 (anonymously), D 3, E 3, F 1, G 2 (anonymous case);
             agreements: A done on time, B done late, D open (due 31 Dec), E open and
             overdue, G done on time
      5 May  district: A 1, C 2, D 4, E 3, H 2; agreements: C and H, done on time
     13 May  forvisitation: D 4 (underretning, a conversation with the child as next step,
             overdue), E 3
      8 Sep  FTM about E: E 3; an agreement done on time
      1 Oct  SSP: I 2 and D 4 (Retsplejeloven § 115)
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import pytest

from stevnsmoeder.domain import suppression
from stevnsmoeder.model.enums import Role
from stevnsmoeder.model.policy import PolicyReport, TableView
from stevnsmoeder.services import (
    access,
    cases,
    live,
    meetings,
    minutes,
    planning,
    statistics,
)
from stevnsmoeder.services import policy_figures as pf
from stevnsmoeder.services.context import ServiceContext
from stevnsmoeder.services.errors import PermissionDenied, ValidationError
from tests.conftest import PASSWORD

pytestmark = pytest.mark.both_engines

LoginFn = Callable[[str], ServiceContext]
Kind = planning.LegalBasisKind

# (CPR, district) of each named child; the 7th digit 4 puts the birth in the 2000s.
CHILDREN = {
    "A": ("0103154001", "hother"),  # born 1 March 2015
    "B": ("1501214002", "hother"),  # 15 January 2021
    "C": ("0107194003", "hother"),  # 1 July 2019
    "D": ("2004124004", "hother"),  # 20 April 2012
    "E": ("0808164005", "hother"),  # 8 August 2016
    "F": ("0202234006", "hother"),  # 2 February 2023
    "H": ("1006224007", "hother"),  # 10 June 2022
    "I": ("1501124008", "store"),  # 15 January 2012
    "J": ("0303184009", "hother"),  # 3 March 2018
    "L": ("0505104010", "hother"),  # 5 May 2010
}
ANONYMOUS = ("G", "K")
SURNAME = "Østergård-Ravnkilde"  # every named child's, so that a leak is easy to find
SCHOOL = "Hårlev Skole"
NOTE = "Bekymring for søvnen og fraværet"


@dataclass
class Story:
    ids: dict[str, uuid.UUID]


def _item(
    ctx: ServiceContext, meeting_id: uuid.UUID, child: uuid.UUID, kind: Kind | None
) -> uuid.UUID:
    plan = planning.get_plan(ctx, meeting_id)
    plan = planning.add_item(
        ctx,
        meeting_id,
        plan.revision,
        title="Trivsel i hverdagen",
        minutes=10,
        kind=planning.AgendaItemKind.CASE,
        case_id=child,
    )
    item = [i for i in plan.items if i.case_id == child][-1]
    if kind is not None:
        planning.set_legal_basis(
            ctx, meeting_id, plan.revision, item.id, kind, reason="Forældrene er orienteret"
        )
    return item.id


def _hold(ctx: ServiceContext, meeting_id: uuid.UUID) -> None:
    """Start the meeting, go through every item, end it: every item is discussed."""
    live.start(ctx, meeting_id)
    for _ in range(len(planning.get_plan(ctx, meeting_id).items) - 1):
        live.step(ctx, meeting_id, +1)
    live.step(ctx, meeting_id, +1)  # the last item, too, is left behind discussed
    live.end(ctx, meeting_id)


def _meeting(
    ctx: ServiceContext,
    type_code: str,
    when: datetime,
    story: Story,
    children: list[tuple[str, int, Kind | None]],
    district: str | None = None,
) -> dict[str, uuid.UUID]:
    m = meetings.create_meeting(ctx, meetings.NewMeeting(type_code, when, district=district))
    items = {name: _item(ctx, m.id, story.ids[name], kind) for name, _level, kind in children}
    _hold(ctx, m.id)
    for name, level, _kind in children:
        minutes.set_level(ctx, items[name], level)
        minutes.save_text(ctx, items[name], "notes", f"{NOTE} ({name}).")
    return items


def _agree(ctx: ServiceContext, item: uuid.UUID, due: date, done: date | None = None) -> uuid.UUID:
    action = minutes.add_action(
        ctx, item, minutes.NewAction("Samtale med klasselæreren", owner_text="skolen", due_on=due)
    )
    if done is not None:
        minutes.complete_action(ctx, action.id, done)
    return action.id


def build_story(ctx: ServiceContext) -> Story:
    ids: dict[str, uuid.UUID] = {}
    for name, (cpr, district) in CHILDREN.items():
        ids[name] = cases.create_case(
            ctx,
            cases.NewCase(
                first_name=f"Ylvie{name}",
                last_name=SURNAME,
                cpr=cpr,
                institution=SCHOOL,
                grade="3. klasse",
                district=district,
                custody_holders=((f"Forælder{name} {SURNAME}", "mor"),),
            ),
        ).case.id
    for name in ANONYMOUS:
        ids[name] = cases.create_case(
            ctx, cases.NewCase(anonymous=True, pseudonym=f"Pige, 8 år ({name})", district="hother")
        ).case.id
    story = Story(ids)
    other, anon = Kind.OTHER, Kind.ANONYMOUS

    p1 = _meeting(
        ctx, "district", datetime(2025, 3, 4, 13), story,
        [("A", 3, other), ("B", 2, other), ("J", 2, anon), ("K", 2, None), ("L", 2, other)],
        district="hother",
    )  # fmt: skip
    _agree(ctx, p1["A"], date(2025, 3, 18), date(2025, 3, 18))
    _meeting(ctx, "district", datetime(2025, 10, 7, 13), story, [("A", 2, other)], "hother")

    m1 = _meeting(
        ctx, "district", datetime(2026, 2, 3, 13), story,
        [("A", 2, other), ("B", 2, other), ("C", 2, anon), ("D", 3, other), ("E", 3, other),
         ("F", 1, other), ("G", 2, None)],
        district="hother",
    )  # fmt: skip
    _agree(ctx, m1["A"], date(2026, 2, 17), date(2026, 2, 15))
    _agree(ctx, m1["B"], date(2026, 2, 10), date(2026, 2, 20))
    _agree(ctx, m1["D"], date(2026, 12, 31))
    _agree(ctx, m1["E"], date(2026, 3, 1))
    _agree(ctx, m1["G"], date(2026, 2, 24), date(2026, 2, 24))
    m2 = _meeting(
        ctx, "district", datetime(2026, 5, 5, 13), story,
        [("A", 1, other), ("C", 2, other), ("D", 4, other), ("E", 3, other), ("H", 2, other)],
        district="hother",
    )  # fmt: skip
    _agree(ctx, m2["C"], date(2026, 6, 1), date(2026, 5, 30))
    _agree(ctx, m2["H"], date(2026, 5, 19), date(2026, 5, 19))
    m3 = _meeting(
        ctx, "forvisitation", datetime(2026, 5, 13, 9), story,
        [("D", 4, Kind.UNDERRETNING), ("E", 3, other)],
    )  # fmt: skip
    minutes.add_next_step(ctx, m3["D"], "conversation", date(2026, 5, 27), None)
    ftm = meetings.create_ftm_for_case(ctx, ids["E"], datetime(2026, 9, 8, 14))
    plan = planning.get_plan(ctx, ftm.id)
    e_item = next(i.id for i in plan.items if i.case_id == ids["E"])
    planning.set_legal_basis(ctx, ftm.id, plan.revision, e_item, other, reason="Samtykke i sagen")
    _hold(ctx, ftm.id)
    minutes.set_level(ctx, e_item, 3)
    _agree(ctx, e_item, date(2026, 9, 22), date(2026, 9, 21))
    _meeting(
        ctx, "ssp", datetime(2026, 10, 1, 14), story, [("I", 2, Kind.RPL115), ("D", 4, Kind.RPL115)]
    )
    return story


@pytest.fixture
def story(login: LoginFn) -> Story:
    return build_story(login("leder"))


def chef(login: LoginFn) -> ServiceContext:
    """The head of Børn & Læring's user, added by the administrator."""
    access.add_user(
        login("admin"), access.NewUser("chef", PASSWORD, Role.CHEF, person_name="Chef B&L")
    )
    return login("chef")


def _raw(ctx: ServiceContext, year: int, district: str | None = None) -> dict[int, pf.YearFigures]:
    with ctx.db.begin() as s:
        record = statistics.read_record(s, year)
    found = next((d[0] for d in record.districts if d[1] == district), None)
    counts = [pf.type_counts(record, y, found) for y in (year, year - 1)]
    cats = pf.categories(record, counts)
    return {y: pf.year_figures(record, y, found, cats, ctx.today()) for y in (year, year - 1)}


def cells(figures: pf.YearFigures, key: str) -> tuple[tuple[int, ...], ...]:
    return figures.tables[key].extended()


def test_every_count_of_both_years(login: LoginFn, story: Story) -> None:

    raw = _raw(login("leder"), 2026)
    now, before = raw[2026], raw[2025]
    assert (now.discussions, now.children) == (17, 9)
    assert (before.discussions, before.children) == (6, 5)
    # The meeting types: SSP, forvisitation and FTM have too few of their own.
    assert now.tables["quarters"].rows == ("Distrikt", "Øvrige mødetyper")
    # 1. Discussions by type and quarter; named or anonymous; children by district.
    assert cells(now, "quarters") == ((7, 5, 0, 0, 12), (0, 2, 1, 2, 5), (7, 7, 1, 2, 17))
    assert cells(before, "quarters") == ((5, 0, 0, 1, 6), (0, 0, 0, 0, 0), (5, 0, 0, 1, 6))
    assert cells(now, "named") == ((10, 5, 15), (2, 0, 2), (12, 5, 17))
    assert cells(before, "named") == ((4, 0, 4), (2, 0, 2), (6, 0, 6))
    # Store Heddinge, Strøby, Hother, the private district, none.
    assert [row[0] for row in cells(now, "districts")] == [1, 0, 8, 0, 0, 9]
    assert [row[0] for row in cells(before, "districts")] == [0, 0, 5, 0, 0, 5]
    # 2. Latest level in the year × age (0–6, 7–12, 13–17, unknown).
    assert cells(now, "levels") == (
        (1, 1, 0, 0, 2),  # level 1: F, A
        (3, 0, 1, 1, 5),  # level 2: B, C, H; I; G
        (0, 1, 0, 0, 1),  # level 3: E
        (0, 0, 1, 0, 1),  # level 4: D
        (0, 0, 0, 0, 0),
        (0, 0, 0, 0, 0),  # not assessed
        (4, 2, 2, 1, 9),
    )
    assert cells(before, "levels")[1] == (1, 2, 1, 1, 5)  # B; A, J; L; K
    # 3. Discussions by step (none, prevention, early, intrusive, not assessed) × type.
    assert cells(now, "steps") == (
        (2, 0, 2), (6, 1, 7), (3, 2, 5), (1, 2, 3), (0, 0, 0), (12, 5, 17),
    )  # fmt: skip
    # 4. First step → last step: A better, C the same, E the same, D worse.
    assert cells(now, "movement") == (
        (0, 0, 0, 0, 0), (1, 1, 0, 0, 2), (0, 0, 1, 1, 2), (0, 0, 0, 0, 0), (1, 1, 1, 1, 4),
    )  # fmt: skip
    # 5. New children (C–I): D, E, G, H agreed at once; C after 91 days; F and I none yet.
    assert cells(now, "timely") == ((4, 0, 1, 1, 6), (0, 0, 0, 1, 1), (4, 0, 1, 2, 7))
    assert sorted(d for days in now.new_children_days.values() for d in days) == [0, 0, 0, 0, 91]
    # 6. Outcomes (stayed, referred, underretning, decided) × type; times discussed.
    assert cells(now, "outcomes") == (
        (10, 4, 14), (1, 0, 1), (1, 0, 1), (0, 1, 1), (12, 5, 17),
    )  # fmt: skip
    assert [row[0] for row in cells(now, "repeated")] == [5, 2, 2, 9]
    # 7. Agreements: on time, late, open, overdue, cancelled × type (as of 23 November 2026).
    assert cells(now, "agreements") == ((4, 1, 1, 1, 0, 7), (1, 0, 0, 1, 0, 2), (5, 1, 1, 2, 0, 9))
    assert cells(before, "agreements")[0] == (1, 0, 0, 0, 0, 1)


def test_one_district(login: LoginFn, story: Story) -> None:
    """Store Heddinge has one child (I, at SSP): too few to show anything."""
    raw = _raw(login("leder"), 2026, "store-heddinge")
    assert (raw[2026].discussions, raw[2026].children) == (1, 1)
    report = statistics.policy_report(login("leder"), 2026, "store")
    assert report.district == "Store Heddinge/Sydstevns"
    assert report.headline[0].current == "<5"
    assert all(t.current.too_few for t in report.tables)
    assert not any(t.key == "districts" for t in report.tables)


def _numbers(view: TableView) -> list[int]:
    return [n for row in view.numbers for n in row if n is not None]


def assert_nothing_small(report: PolicyReport) -> None:
    """No published count is 1–4: every one is 0 or at least 5."""
    for pair in report.tables:
        for view in (pair.current, pair.previous):
            assert all(n == 0 or n >= suppression.MIN_COUNT for n in _numbers(view)), pair.key
            for row, numbers in zip(view.cells, view.numbers, strict=True):
                for text, number in zip(row, numbers, strict=True):
                    assert (number is None) == (text in ("<5", "x", "")), (pair.key, text)


def test_the_published_report_shows_only_what_the_rule_allows(login: LoginFn, story: Story) -> None:
    ctx = login("leder")
    report = statistics.policy_report(ctx, 2026)
    raw = _raw(ctx, 2026)
    assert_nothing_small(report)
    assert [(f.current, f.previous) for f in report.headline[:2]] == [("9", "5"), ("17", "6")]
    tables = {t.key: t for t in report.tables}
    # Every count shown is the true count in its place (tables not merged).
    for key, pair in tables.items():
        for view in (pair.current, pair.previous):
            if view.merged or view.too_few:
                continue
            true = raw[view.year].tables[key].extended()
            r, c = raw[view.year].tables[key].shape
            rows = range(r + 1) if view.total_row else range(r)
            columns = range(c + 1) if view.total_column else range(c)
            for i, row in zip(rows, view.numbers, strict=True):
                for j, number in zip(columns, row, strict=True):
                    assert number is None or number == true[i][j], (key, view.year, i, j)
    quarters = tables["quarters"].current
    # Three of the other types' four quarters are 1–4: the quarters merge into the year. The
    # discussions per type, which several tables share, are always shown.
    assert quarters.merged and quarters.columns == ("Hele året",)
    assert quarters.cells == (("12",), ("5",), ("17",))
    assert tables["quarters"].previous.cells == (("6",), ("0",), ("6",))
    named = tables["named"].current
    assert "<5" in named.cells[1] and named.cells[-1][-1] == "17"
    # 2025: four named discussions and two anonymous ones: both hidden, the total shown.
    before = tables["named"].previous
    assert before.cells[-1][-1] == "6" and "4" not in before.cells[0]
    # Four children assessed twice, each moving once: every cell is 1, the total at most 4,
    # so each could be worked out. Nothing of the table is shown.
    movement = tables["movement"].current
    assert movement.withheld and all(text == "" for row in movement.cells for text in row)
    # Nine children by level and age: the levels merge into steps, and still only the total
    # (shared with the other tables of children) can be shown.
    levels = tables["levels"].current
    assert levels.merged and levels.withheld and levels.cells[-1][-1] == "9"
    # Shares only of 20 or more: 17 discussions are too few.
    assert report.headline[2].current == "–"


def test_the_published_report_reads_back_from_its_json(login: LoginFn, story: Story) -> None:
    """As a laptop's replica gets it from the server (services.followup_online): all of it,
    merged, withheld and too-few tables included."""
    for district in (None, "hother"):
        report = statistics.policy_report(login("leder"), 2026, district)
        sent = json.loads(json.dumps(report.to_json(), ensure_ascii=False))
        assert PolicyReport.from_json(sent) == report
    views = [v for t in report.tables for v in (t.current, t.previous)]
    assert any(v.merged for v in views) and any(v.withheld for v in views)


def test_too_few_for_a_median_or_a_share(login: LoginFn, story: Story) -> None:
    report = statistics.policy_report(login("leder"), 2026)
    timely = next(s for s in report.sections if s.number == 5)
    median, within14, within30 = timely.figures
    assert median.current == "0 dage"  # five children with an agreement: enough for a median
    assert median.previous == "–"  # 2025 had one new child with an agreement
    assert within14.current == "–" and within30.current == "–"  # 7 new children: too few
    assert len(report.trends) >= 5
    assert all(sentence.endswith(".") for sentence in report.trends)


def test_the_record_of_a_year_with_no_meetings(login: LoginFn) -> None:
    report = statistics.policy_report(login("leder"), 2026)
    assert [f.current for f in report.headline[:2]] == ["0", "0"]
    assert all(t.current.too_few and t.previous.too_few for t in report.tables)


def test_only_the_roles_with_the_follow_up_may_see_it(login: LoginFn, story: Story) -> None:
    for role in ("admin", "deltager", "ppr", "politi"):
        with pytest.raises(PermissionDenied):
            statistics.policy_report(login(role), 2026)
    for role in ("leder", "referent"):
        assert statistics.policy_report(login(role), 2026).year == 2026
    head = chef(login)
    assert statistics.policy_report(head, 2026).headline[0].current == "9"
    assert 2026 in statistics.choices(head).years


def test_a_year_and_a_district_that_do_not_exist(login: LoginFn) -> None:
    ctx = login("leder")
    with pytest.raises(ValidationError):
        statistics.policy_report(ctx, 2027)
    with pytest.raises(ValidationError):
        statistics.policy_report(ctx, 2026, "Atlantis")


def test_a_discussion_under_consent_names_the_child(login: LoginFn) -> None:
    """Consent that covers the meeting type on the day names the child; the same child
    discussed anonymously at the next meeting does not."""
    from stevnsmoeder.services import consent

    ctx = login("leder")
    child = cases.create_case(
        ctx,
        cases.NewCase(
            first_name="Ylvie", last_name=SURNAME, district="hother",
            custody_holders=(("Forælder " + SURNAME, "mor"),),
        ),
    ).case.id  # fmt: skip
    given = consent.record_consent(
        ctx,
        child,
        consent.NewConsent(
            "Forælder " + SURNAME, "mor", "Trivsel", "Skole", date(2026, 1, 1), None, ("district",)
        ),
    )
    for day, kind in ((3, Kind.CONSENT), (17, Kind.ANONYMOUS)):
        m = meetings.create_meeting(
            ctx, meetings.NewMeeting("district", datetime(2026, 2, day, 13), district="hother")
        )
        plan = planning.get_plan(ctx, m.id)
        plan = planning.add_item(
            ctx, m.id, plan.revision, title="Trivsel", minutes=10,
            kind=planning.AgendaItemKind.CASE, case_id=child,
        )  # fmt: skip
        item = next(i for i in plan.items if i.case_id == child)
        planning.set_legal_basis(
            ctx, m.id, plan.revision, item.id, kind,
            consent_id=given.id if kind is Kind.CONSENT else None,
        )  # fmt: skip
        _hold(ctx, m.id)
    raw = _raw(ctx, 2026)
    assert cells(raw[2026], "named") == ((1, 1), (1, 1), (2, 2))
