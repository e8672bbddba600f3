"""The demo data: a fictitious, consistent and reproducible database for demonstrations."""

from __future__ import annotations

import re
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stevnsmoeder.db.keystore import KdfParams
from stevnsmoeder.db.models import (
    Action,
    AgendaItem,
    AgendaTemplateItem,
    AuditEvent,
    Case,
    ClosedPeriod,
    Consent,
    ConsentMeetingType,
    CustodyHolder,
    ItemMinutes,
    LegalBasis,
    LegalReference,
    Meeting,
    MeetingSeries,
    MeetingType,
    ParticipantRole,
    Participation,
    Person,
    SeriesParticipant,
    User,
    WellbeingAssessment,
)
from stevnsmoeder.domain import calendar, cpr
from stevnsmoeder.domain.calendar import Closure
from stevnsmoeder.domain.dates import long_date
from stevnsmoeder.model.enums import (
    ActionStatus,
    AgendaItemKind,
    AgendaItemStatus,
    Attendance,
    LegalBasisKind,
    MeetingStatus,
    Role,
)
from stevnsmoeder.services import access, demo_data
from stevnsmoeder.services.context import ServiceContext

TODAY = date(2026, 11, 23)
CHEAP = KdfParams(time_cost=1, memory_cost_kib=8, parallelism=1)


@dataclass
class Demo:
    ctx: ServiceContext
    people: dict[str, uuid.UUID]


def _create(path: Path, *, years: int = 1, seed: int = 7) -> dict[str, uuid.UUID]:
    """Create a demo database; returns what populate returned."""
    returned: dict[str, uuid.UUID] = {}

    def populate(session: Session) -> dict[str, uuid.UUID]:
        returned.update(partial(demo_data.populate, years=years, seed=seed, today=TODAY)(session))
        return returned

    access.create_database(
        path,
        [access.NewUser("leder", "demo", Role.LEDER)],
        kdf=CHEAP,
        populate=populate,
        demo=True,  # the demo's users keep the password 'demo'
    )
    return returned


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    people = _create(path)
    ctx = access.login(path, "leder", "demo")
    yield Demo(ctx, people)
    ctx.db.close()


@pytest.fixture
def s(demo: Demo) -> Iterator[Session]:
    with demo.ctx.db.begin() as session:
        yield session


def _type_codes(s: Session) -> dict[uuid.UUID, str]:
    return dict(s.execute(select(MeetingType.id, MeetingType.code)).all())


def _meetings(s: Session) -> dict[uuid.UUID, Meeting]:
    return {m.id: m for m in s.scalars(select(Meeting))}


def _case_items(s: Session) -> list[AgendaItem]:
    return list(s.scalars(select(AgendaItem).where(AgendaItem.kind == AgendaItemKind.CASE)))


# -- people and users -------------------------------------------------------------------------


def test_returns_the_demo_logins_as_people_who_exist(demo: Demo, s: Session) -> None:
    assert set(demo.people) == {"admin", "leder", "referent", "ppr", "politi"}
    people = {login: s.get_one(Person, pid) for login, pid in demo.people.items()}
    assert people["leder"].profession == "PPR-leder"
    assert people["ppr"].profession == "Psykolog"
    assert people["politi"].organisation == "Midt- og Vestsjællands Politi"
    assert "referent" in people["referent"].profession
    assert len(set(demo.people.values())) == 5
    # create_database linked the user it made to the demo person
    user = s.scalars(select(User).where(User.login == "leder")).one()
    assert user.person_id == demo.people["leder"]


def test_creates_no_users_or_audit_events_of_its_own(s: Session) -> None:
    assert s.scalar(select(func.count()).select_from(User)) == 1
    actions = set(s.scalars(select(AuditEvent.action)))
    assert actions <= {"database.create", "login"}


def test_about_forty_professionals_and_the_police_sits_on_ssp(demo: Demo, s: Session) -> None:
    professionals = s.scalar(
        select(func.count()).select_from(Person).where(Person.profession != "")
    )
    assert 35 <= (professionals or 0) <= 50
    codes = _type_codes(s)
    ssp = [x for x in s.scalars(select(MeetingSeries)) if codes[x.meeting_type_id] == "ssp"]
    assert len(ssp) == 1
    standing = s.execute(
        select(SeriesParticipant.person_id, ParticipantRole.code)
        .join(ParticipantRole, SeriesParticipant.role_id == ParticipantRole.id)
        .where(SeriesParticipant.series_id == ssp[0].id)
    ).all()
    assert (demo.people["politi"], "police") in standing


# -- meetings -------------------------------------------------------------------------------


def test_one_year_of_meetings_per_series(s: Session) -> None:
    codes = _type_codes(s)
    series = {x.id: x for x in s.scalars(select(MeetingSeries))}
    by_type = Counter(codes[x.meeting_type_id] for x in series.values())
    assert by_type == {"district": 4, "presence": 4, "ssp": 1, "forvisitation": 1}
    held: Counter[uuid.UUID] = Counter()
    for m in _meetings(s).values():
        if m.status is MeetingStatus.HELD and m.series_id:
            held[m.series_id] += 1
    for sid, x in series.items():
        code = codes[x.meeting_type_id]
        # 26 fortnights minus the holiday weeks and a rare cancellation; weekly: 52 minus those.
        # Presence hours skip Monday holidays (2. påskedag, 2. pinsedag) instead of moving.
        expected = {"forvisitation": (38, 48), "presence": (15, 24)}.get(code, (18, 24))
        assert expected[0] <= held[sid] <= expected[1], (x.title, held[sid])
        assert x.rrule.startswith("FREQ=WEEKLY") and x.starts_on <= TODAY - timedelta(days=350)
    ftms = [m for m in _meetings(s).values() if codes[m.meeting_type_id] == "ftm"]
    assert len(ftms) >= 10
    assert all(m.series_id is None for m in ftms)


def test_status_follows_today_and_times_are_local_wall_clock(s: Session) -> None:
    codes = _type_codes(s)
    statuses: Counter[MeetingStatus] = Counter()
    for m in _meetings(s).values():
        statuses[m.status] += 1
        assert m.starts_at.tzinfo is None and m.ends_at > m.starts_at
        if m.status is MeetingStatus.PLANNED:
            assert TODAY <= m.starts_at.date() <= TODAY + timedelta(weeks=8)
        else:
            assert m.starts_at.date() < TODAY
        if m.status is MeetingStatus.CANCELLED:
            assert m.cancel_reason
        assert m.chair_id is not None and m.secretary_id is not None
        code = codes[m.meeting_type_id]
        if code == "district":
            assert m.title.startswith("Distriktsmøde ")
            assert m.original_start is not None or (m.starts_at.weekday(), m.starts_at.hour) == (
                1,
                13,
            )
    assert statuses[MeetingStatus.CANCELLED] >= 1
    assert statuses[MeetingStatus.PLANNED] >= 10


def test_no_meetings_on_closed_days_and_moves_follow_the_rules(s: Session) -> None:
    """The demo's series follow the same calendar rules as planning in the program: public
    holidays plus the municipality's closed periods (stored as data), skip or move."""
    periods = s.scalars(select(ClosedPeriod)).all()
    reasons = {p.reason for p in periods}
    assert {"Juleferie", "Sommerferie", "Vinterferie", "Efterårsferie"} <= reasons
    assert any(p.yearly for p in periods)
    closures = []
    for p in periods:
        years = range(TODAY.year - 3, TODAY.year + 2) if p.yearly else (None,)
        for year in years:
            first = p.starts_on if year is None else p.starts_on.replace(year=year)
            last = (
                p.ends_on
                if year is None
                else p.ends_on.replace(year=year + p.ends_on.year - p.starts_on.year)
            )
            day = first
            while day <= last:
                closures.append(Closure(day, p.reason))
                day += timedelta(days=1)
    closed = calendar.closed_days(date(TODAY.year - 3, 1, 1), date(TODAY.year + 1, 12, 31),
                                  closures)  # fmt: skip
    moved = 0
    for m in _meetings(s).values():
        day = m.starts_at.date()
        assert day not in closed and day.weekday() < 5, (day, closed.get(day))
        if m.series_id is not None:
            assert m.occurrence_date is not None
        if m.original_start is not None and m.series_id is not None:
            moved += 1
            assert m.original_start.date() in closed
            assert m.move_reason == (
                f"Flyttet fra {long_date(m.original_start.date())} "
                f"({closed[m.original_start.date()]})."
            )
    assert moved >= 1  # e.g. SSP on Thursdays meets Kristi himmelfartsdag


def test_participants_and_attendance(s: Session) -> None:
    meetings = _meetings(s)
    roles = dict(s.execute(select(ParticipantRole.id, ParticipantRole.code)).all())
    codes = _type_codes(s)
    attendance: Counter[Attendance] = Counter()
    parents_by_meeting: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for p in s.scalars(select(Participation)):
        m = meetings[p.meeting_id]
        if m.status is MeetingStatus.HELD:
            assert p.attendance is not Attendance.INVITED
            attendance[p.attendance] += 1
        elif m.status is MeetingStatus.PLANNED:
            assert p.attendance is Attendance.INVITED
        if roles[p.role_id] == "parent":
            parents_by_meeting[p.meeting_id].add(p.person_id)
    assert attendance[Attendance.PRESENT] > 0.8 * sum(attendance.values())
    assert attendance[Attendance.AFBUD] > 0 and attendance[Attendance.ABSENT] > 0
    # The family takes part in an FTM: custody holders of the very child discussed.
    holders: dict[uuid.UUID | None, set[uuid.UUID | None]] = defaultdict(set)
    for h in s.scalars(select(CustodyHolder).where(CustodyHolder.person_id.is_not(None))):
        holders[h.case_id].add(h.person_id)
    for item in _case_items(s):
        m = meetings[item.meeting_id]
        if codes[m.meeting_type_id] == "ftm":
            assert parents_by_meeting[m.id]
            assert parents_by_meeting[m.id] <= holders[item.case_id]


# -- agendas ----------------------------------------------------------------------------------


def test_every_agenda_follows_its_template(s: Session) -> None:
    codes = _type_codes(s)
    templates: dict[str, list[AgendaTemplateItem]] = defaultdict(list)
    for step in s.scalars(select(AgendaTemplateItem).order_by(AgendaTemplateItem.position)):
        templates[codes[step.meeting_type_id]].append(step)
    items: dict[uuid.UUID, list[AgendaItem]] = defaultdict(list)
    for item in s.scalars(select(AgendaItem).order_by(AgendaItem.position)):
        items[item.meeting_id].append(item)
    limits = {"district": 6, "presence": 3, "ssp": 4, "forvisitation": 4, "ftm": 1}
    for m in _meetings(s).values():
        code, agenda = codes[m.meeting_type_id], items[m.id]
        steps = templates[code]
        assert [i.position for i in agenda] == list(range(1, len(agenda) + 1))
        assert agenda[-1].title == "Eventuelt"
        if not steps[0].is_case_slot:
            assert agenda[0].title == steps[0].title
        # the standing steps in template order, the case items as one block at the slot
        standing = [i.title for i in agenda if i.kind is not AgendaItemKind.CASE]
        assert standing == [step.title for step in steps if not step.is_case_slot]
        kinds = [i.kind is AgendaItemKind.CASE for i in agenda]
        slot = next(n for n, step in enumerate(steps) if step.is_case_slot)
        cases = sum(kinds)
        assert kinds[slot : slot + cases] == [True] * cases
        assert cases <= limits[code]
        if code == "ftm":
            assert cases == 1
        for i in agenda:
            assert (i.kind is AgendaItemKind.CASE) == (i.case_id is not None)
            assert i.time_box_minutes > 0


def test_case_items_never_name_the_child(s: Session) -> None:
    names: dict[uuid.UUID | None, tuple[str | None, str | None]] = {
        c.id: (c.first_name, c.last_name) for c in s.scalars(select(Case))
    }
    words = {n for pair in names.values() for n in pair if n}
    for m in _meetings(s).values():
        assert not set(re.findall(r"\w+", m.title)) & words, m.title
    for item in _case_items(s):
        first, last = names[item.case_id]
        title_words = set(re.findall(r"\w+", item.title + " " + item.description))
        assert first not in title_words and last not in title_words
    for notes in s.scalars(select(ItemMinutes.notes)):
        # notes never mention a child by name; they say "drengen", "pigen", "den unge"
        assert not any(f" {first} " in notes for first, _ in names.values() if first)


def test_carried_over_items_continue_in_the_next_meeting_of_the_series(s: Session) -> None:
    meetings = _meetings(s)
    items = {i.id: i for i in s.scalars(select(AgendaItem))}
    carried = [i for i in items.values() if i.carried_over_from_id is not None]
    assert carried
    for item in carried:
        origin = items[item.carried_over_from_id]  # type: ignore[index]
        assert origin.case_id == item.case_id and origin.title == item.title
        assert origin.status in (AgendaItemStatus.NEXT_TIME, AgendaItemStatus.NOT_REACHED)
        before, after = meetings[origin.meeting_id], meetings[item.meeting_id]
        assert before.series_id == after.series_id and before.starts_at < after.starts_at


# -- cases, consent and legal basis -------------------------------------------------------


def test_case_references_and_counts(s: Session) -> None:
    cases = list(s.scalars(select(Case)))
    assert 60 <= len(cases) <= 200
    assert all(re.fullmatch(r"S-\d{4}-\d{4}", c.reference) for c in cases)
    anonymous = sum(c.anonymous for c in cases)
    assert 0.07 * len(cases) <= anonymous <= 0.25 * len(cases)
    assert any(c.closed_on for c in cases) and any(c.closed_on is None for c in cases)


def test_anonymous_cases_carry_no_identity(s: Session) -> None:
    holders = set(s.scalars(select(CustodyHolder.case_id)))
    consents = set(s.scalars(select(Consent.case_id)))
    for c in s.scalars(select(Case).where(Case.anonymous)):
        assert c.first_name is None and c.last_name is None and c.cpr is None
        assert c.birth_date is None
        assert re.match(r"(Pige|Dreng), \d+ (år|mdr\.)", c.pseudonym)
        assert c.id not in holders and c.id not in consents


def test_cpr_numbers_agree_with_birth_dates_and_children_are_children(s: Session) -> None:
    numbers = []
    for c in s.scalars(select(Case).where(Case.anonymous.is_(False))):
        assert c.first_name and c.last_name and c.birth_date and c.cpr
        assert cpr.parse(c.cpr).birth_date == c.birth_date
        numbers.append(c.cpr)
        age = (TODAY - c.birth_date).days / 365.25
        if c.closed_on is None:
            assert 0 <= age < 18
    assert len(numbers) == len(set(numbers))
    births = {c.id: c.birth_date for c in s.scalars(select(Case))}
    for a in s.scalars(select(WellbeingAssessment)):
        born = births[a.case_id]
        if born is not None:
            assert born < a.assessed_on and (a.assessed_on - born).days < 18 * 365.25


def test_custody_holders_and_consents(s: Session) -> None:
    holders = {h.id: h for h in s.scalars(select(CustodyHolder))}
    per_case = Counter(h.case_id for h in holders.values())
    assert set(per_case.values()) <= {1, 2}
    consents = list(s.scalars(select(Consent)))
    covered = defaultdict(set)
    for cmt in s.scalars(select(ConsentMeetingType)):
        covered[cmt.consent_id].add(cmt.meeting_type_id)
    for c in consents:
        giver = holders[c.given_by_id]
        assert giver.case_id == c.case_id and giver.has_custody
        assert c.scope and c.recipients and covered[c.id]
        assert c.given_on <= TODAY and c.expires_on and c.expires_on >= c.given_on
        if c.withdrawn_on:
            assert c.given_on < c.withdrawn_on <= TODAY and c.withdrawal_note
    expired = [c for c in consents if c.expires_on and c.expires_on < TODAY and not c.withdrawn_on]
    withdrawn = [c for c in consents if c.withdrawn_on is not None]
    assert expired and withdrawn
    named = s.scalar(select(func.count()).select_from(Case).where(Case.anonymous.is_(False)))
    with_consent = {c.case_id for c in consents}
    assert len(with_consent) >= 0.6 * (named or 0)


def test_a_case_item_has_consent_as_legal_basis_exactly_when_one_is_valid(s: Session) -> None:
    codes = _type_codes(s)
    meetings = _meetings(s)
    anonymous = set(s.scalars(select(Case.id).where(Case.anonymous)))
    refs = dict(s.execute(select(LegalReference.id, LegalReference.code)).all())
    consents: dict[uuid.UUID | None, list[Consent]] = defaultdict(list)
    for c in s.scalars(select(Consent)):
        consents[c.case_id].append(c)
    covered = defaultdict(set)
    for cmt in s.scalars(select(ConsentMeetingType)):
        covered[cmt.consent_id].add(codes[cmt.meeting_type_id])
    bases = {b.agenda_item_id: b for b in s.scalars(select(LegalBasis))}
    kinds: Counter[LegalBasisKind] = Counter()
    for item in _case_items(s):
        m, basis = meetings[item.meeting_id], bases[item.id]
        day, code = m.starts_at.date(), codes[m.meeting_type_id]
        kinds[basis.kind] += 1
        valid = [c for c in consents[item.case_id] if c.valid_on(day) and code in covered[c.id]]
        if item.case_id in anonymous:
            assert basis.kind is LegalBasisKind.ANONYMOUS
        elif basis.kind is LegalBasisKind.CONSENT:
            consent = next(c for c in valid if c.id == basis.consent_id)
            assert consent.case_id == item.case_id
        else:
            assert not valid, (code, day, basis.kind)
        if basis.kind is LegalBasisKind.RPL115:
            assert code == "ssp" and refs[basis.legal_reference_id] == "rpl115"  # type: ignore[index]
        if basis.kind is LegalBasisKind.UNDERRETNING:
            assert refs[basis.legal_reference_id] == "bl133"  # type: ignore[index]
        if basis.kind is LegalBasisKind.OTHER:
            assert basis.reason
        if basis.kind is not LegalBasisKind.CONSENT:
            assert basis.consent_id is None
    # exactly the case items have a legal basis (and at most one: agenda_item_id is unique)
    assert set(bases) == {i.id for i in _case_items(s)}
    assert kinds[LegalBasisKind.CONSENT] > kinds[LegalBasisKind.ANONYMOUS] > 0
    assert kinds[LegalBasisKind.RPL115] > 0 and kinds[LegalBasisKind.UNDERRETNING] > 0


# -- minutes, levels and actions ------------------------------------------------------------


def test_held_meetings_have_minutes_and_assessments(s: Session) -> None:
    meetings = _meetings(s)
    minutes = {x.agenda_item_id: x for x in s.scalars(select(ItemMinutes))}
    assessed = Counter(a.agenda_item_id for a in s.scalars(select(WellbeingAssessment)))
    assessments = {a.agenda_item_id: a for a in s.scalars(select(WellbeingAssessment))}
    for item in s.scalars(select(AgendaItem)):
        m = meetings[item.meeting_id]
        discussed = item.status is AgendaItemStatus.DISCUSSED
        assert discussed == (item.id in minutes)
        assert not discussed or m.status is MeetingStatus.HELD
        if m.status is MeetingStatus.PLANNED:
            assert item.status is AgendaItemStatus.OPEN
        if item.kind is AgendaItemKind.CASE and discussed:
            assert assessed[item.id] == 1
            a = assessments[item.id]
            assert a.case_id == item.case_id and a.meeting_id == m.id
            assert a.assessed_on == m.starts_at.date() and a.assessed_by_id is not None
            assert minutes[item.id].notes and minutes[item.id].decision
        elif discussed:
            assert minutes[item.id].notes
    assert set(assessed) <= set(minutes)


def test_levels_move_up_and_down_the_ladder(s: Session) -> None:
    codes = _type_codes(s)
    meetings = _meetings(s)
    paths: dict[uuid.UUID, list[int]] = defaultdict(list)
    for a in s.scalars(select(WellbeingAssessment).order_by(WellbeingAssessment.assessed_on)):
        paths[a.case_id].append(a.level)
    ups_and_downs = [
        p
        for p in paths.values()
        if any(b > a for a, b in pairwise(p)) and any(b < a for a, b in pairwise(p))
    ]
    assert len(ups_and_downs) >= 3
    assert {1, 2, 3, 4} <= {lv for p in paths.values() for lv in p} <= {1, 2, 3, 4, 5}
    # a case that climbed from 2 to 4, went to forvisitation and came back down
    forvisitated = {
        i.case_id
        for i in _case_items(s)
        if codes[meetings[i.meeting_id].meeting_type_id] == "forvisitation"
    }

    def climbed_and_recovered(p: list[int]) -> bool:
        if 2 not in p:
            return False
        rest = p[p.index(2) :]
        return 4 in rest and min(rest[rest.index(4) :]) <= 3

    assert any(climbed_and_recovered(p) for cid, p in paths.items() if cid in forvisitated)
    # an FTM comes after the case was assessed at level 3
    first_three: dict[uuid.UUID | None, date] = {}
    for a in s.scalars(select(WellbeingAssessment).order_by(WellbeingAssessment.assessed_on)):
        if a.level == 3:
            first_three.setdefault(a.case_id, a.assessed_on)
    for i in _case_items(s):
        m = meetings[i.meeting_id]
        if codes[m.meeting_type_id] == "ftm":
            assert first_three[i.case_id] < m.starts_at.date()


def test_actions_follow_the_child_and_some_are_overdue(s: Session) -> None:
    codes = _type_codes(s)
    meetings = _meetings(s)
    items = {i.id: i for i in s.scalars(select(AgendaItem))}
    actions = list(s.scalars(select(Action)))
    per_item = Counter(a.agenda_item_id for a in actions)
    for a in actions:
        item = items[a.agenda_item_id]
        m = meetings[item.meeting_id]
        assert item.status is AgendaItemStatus.DISCUSSED and a.case_id == item.case_id
        assert a.text and (a.owner_id is not None or a.owner_text)
        assert a.due_on and a.due_on > m.starts_at.date()
        if a.status is ActionStatus.DONE:
            assert a.done_on and m.starts_at.date() <= a.done_on <= TODAY
        else:
            assert a.done_on is None
        if codes[m.meeting_type_id] not in ("forvisitation", "ftm"):
            assert per_item[item.id] <= 3
    overdue = [a for a in actions if a.status is ActionStatus.OPEN and a.due_on < TODAY]  # type: ignore[operator]
    assert overdue
    assert any(a.status is ActionStatus.DONE for a in actions)
    assert any(a.status is ActionStatus.CANCELLED for a in actions)
    # forvisitation: a preliminary decision with its legal basis, then talk to the child
    minutes = {x.agenda_item_id: x for x in s.scalars(select(ItemMinutes))}
    talks = {a.agenda_item_id for a in actions if a.text == "Samtale med barnet (Barnets lov § 5)"}
    forvisitation = [
        i for i in items.values()
        if i.kind is AgendaItemKind.CASE and i.status is AgendaItemStatus.DISCUSSED
        and codes[meetings[i.meeting_id].meeting_type_id] == "forvisitation"
    ]  # fmt: skip
    assert forvisitation
    for i in forvisitation:
        assert minutes[i.id].decision.startswith("Foreløbig beslutning:")
    assert any("Barnets lov §§ 20–23" in minutes[i.id].decision for i in forvisitation)
    assert len(talks & {i.id for i in forvisitation}) >= len(forvisitation) // 2


# -- reproducibility and scale ------------------------------------------------------------


def _fingerprint(path: Path) -> tuple[list[tuple[str, datetime, str]], list[str], list[str]]:
    ctx = access.login(path, "leder", "demo")
    try:
        with ctx.db.begin() as s:
            meetings = [
                (m.title, m.starts_at, m.status.value)
                for m in s.scalars(select(Meeting).order_by(Meeting.starts_at, Meeting.title))
            ]
            references = list(s.scalars(select(Case.reference).order_by(Case.reference)))
            notes = list(
                s.scalars(
                    select(ItemMinutes.notes)
                    .join(AgendaItem, ItemMinutes.agenda_item_id == AgendaItem.id)
                    .join(Meeting, AgendaItem.meeting_id == Meeting.id)
                    .order_by(Meeting.starts_at, Meeting.title, AgendaItem.position)
                )
            )
            return meetings, references, notes
    finally:
        ctx.db.close()


def test_same_seed_same_data_other_seed_other_data(tmp_path: Path) -> None:
    _create(tmp_path / "a.db", seed=7)
    _create(tmp_path / "b.db", seed=7)
    _create(tmp_path / "c.db", seed=8)
    a, b, c = (_fingerprint(tmp_path / f"{n}.db") for n in "abc")
    assert a == b
    assert a[0] != c[0] and a[2] != c[2]


def test_rejects_an_unreasonable_number_of_years(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        _create(tmp_path / "x.db", years=0)
    assert not (tmp_path / "x.db").exists()


@pytest.mark.slow
def test_ten_years(tmp_path: Path) -> None:
    started = time.perf_counter()
    _create(tmp_path / "ten.db", years=10, seed=3)
    elapsed = time.perf_counter() - started
    ctx = access.login(tmp_path / "ten.db", "leder", "demo")
    try:
        with ctx.db.begin() as s:
            meetings = s.scalar(select(func.count()).select_from(Meeting)) or 0
            items = s.scalar(select(func.count()).select_from(AgendaItem)) or 0
    finally:
        ctx.db.close()
    print(f"ten years: {elapsed:.1f} s, {meetings} meetings, {items} agenda items")
    assert meetings > 2_000
    # The templates allow at most 3 standing items plus 6 cases per meeting, and presence
    # hours only 1 + 3, so 25,000 items would need far more meetings; about 12,500 it is.
    assert items > 10_000
