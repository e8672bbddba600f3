"""Fictitious demo data: professionals, meeting series and some years of meetings with agendas,
minutes, actions and well-being assessments, plus the cases, families, consents and legal bases
behind them.

Everything is invented and drawn from one ``random.Random(seed)``; row ids and timestamps come
from it and from ``today``, never from the wall clock, so the same (years, seed, today) gives
the same content. Ten years are some 70,000 rows, so rows are collected as plain dicts and
inserted table by table with executemany instead of as ORM objects.

The story the rows tell:

* each case follows a path on the Trivselslinealen over time (up to a peak, down to 1, closed);
* it is put on the agenda of the meeting that fits its level and kind (district meeting,
  presence hours, SSP); at level 4 it goes to forvisitation, at level 3 the family may be
  invited to a family team meeting (FTM) if they have consented to one;
* each case item's legal basis follows from the consents valid on the meeting day: consent,
  else Retsplejeloven § 115 in SSP, an underretning, rarely another reason, else anonymous.

Text is in Danish (see ``demo_text``); no title ever names a child.
"""

from __future__ import annotations

import heapq
import random
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from stevnsmoeder.db import search_index
from stevnsmoeder.db.base import Base
from stevnsmoeder.db.models import (
    Action,
    AgendaItem,
    AgendaTemplateItem,
    Case,
    ClosedPeriod,
    Consent,
    ConsentMeetingType,
    CustodyHolder,
    District,
    HolidayPolicy,
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
    WellbeingAssessment,
    WellbeingLevel,
)
from stevnsmoeder.domain import calendar
from stevnsmoeder.domain.calendar import Closure
from stevnsmoeder.domain.cpr import century
from stevnsmoeder.domain.dates import long_date, short_date
from stevnsmoeder.model.enums import (
    ActionStatus,
    AgendaItemKind,
    AgendaItemStatus,
    Attendance,
    LegalBasisKind,
    MeetingStatus,
)
from stevnsmoeder.services import demo_text as txt

MAX_YEARS = 20
HORIZON = timedelta(weeks=8)  # planned meetings beyond today
# Stevns' school holidays by ISO week (first, last), entered as the municipality's closed
# periods for each demo year; plus Christmas and Grundlovsdag every year.
SCHOOL_HOLIDAYS = (("Vinterferie", 7, 7), ("Sommerferie", 27, 31), ("Efterårsferie", 42, 42))
YEARLY_CLOSURES = (
    ((12, 21), (1, 2), "Juleferie"),
    ((6, 5), (6, 5), "Grundlovsdag – kommunen holder lukket"),
)
LOGINS = ("admin", "leder", "referent", "ppr", "politi")
TYPE_CODES = ("district", "presence", "ssp", "ftm", "forvisitation")
LEGAL_CODES = ("fvl28", "rpl115", "bl133", "bl5", "bl20")
# A forvisitation's next step names its provision, as the program's own (minutes.NEXT_STEPS).
NEXT_STEP_CODES = {txt.CHILD_CONVERSATION: "bl5", txt.INVESTIGATION: "bl20"}

# Inserted in this order so every foreign key points at a row that is already there.
INSERT_ORDER: tuple[type[Base], ...] = (
    ClosedPeriod,
    Person,
    MeetingSeries,
    SeriesParticipant,
    Case,
    CustodyHolder,
    Consent,
    ConsentMeetingType,
    Meeting,
    Participation,
    AgendaItem,
    LegalBasis,
    ItemMinutes,
    Action,
    WellbeingAssessment,
)

# Who sits on each district's meetings (keys into demo_text.STAFF). Biweekly series alternate
# weeks (DISTRICT_WEEK) so that nobody shared by two districts is due at two meetings at once.
DISTRICT_STAFF: dict[str, dict[str, str]] = {
    "store-heddinge": {
        "chair": "leder",
        "secretary": "referent",
        "psychologist": "ppr",
        "speech": "tale1",
        "health_nurse": "sp1",
        "social_worker": "sr1",
        "family_consultant": "fk1",
    },
    "stroeby": {
        "chair": "leder",
        "secretary": "referent",
        "psychologist": "psyk2",
        "speech": "tale1",
        "health_nurse": "sp2",
        "social_worker": "sr1",
        "family_consultant": "fk1",
    },
    "hother-haarlev": {
        "chair": "leder2",
        "secretary": "referent2",
        "psychologist": "psyk3",
        "speech": "tale2",
        "health_nurse": "sp3",
        "social_worker": "sr2",
        "family_consultant": "fk2",
    },
    "privat": {
        "chair": "leder2",
        "secretary": "referent2",
        "psychologist": "ppr",
        "speech": "tale2",
        "health_nurse": "sp4",
        "social_worker": "sr2",
        "family_consultant": "fk2",
    },
}
DISTRICT_WEEK = {"store-heddinge": 0, "stroeby": 1, "hother-haarlev": 0, "privat": 1}
# Where a case normally comes up: (share of cases, age range when it opens).
HOMES: dict[str, tuple[int, tuple[int, int]]] = {
    "underretning": (8, (0, 15)),  # starts with an underretning at forvisitation
    "ssp": (22, (12, 16)),
    "presence": (20, (6, 13)),
    "district": (50, (0, 14)),
}
DISTRICT_WEIGHTS = {"store-heddinge": 30, "stroeby": 27, "hother-haarlev": 30, "privat": 13}

# Case items per meeting: (fewest, most, weights).
CASE_COUNTS: dict[str, tuple[int, int, tuple[int, ...]]] = {
    "district": (0, 6, (2, 5, 10, 18, 25, 22, 18)),
    "presence": (1, 3, (50, 35, 15)),
    "ssp": (1, 4, (25, 35, 25, 15)),
    "forvisitation": (1, 4, (40, 30, 20, 10)),
}
# Days a level lasts on a case's path, and days until the case is due on an agenda again.
DWELL = {1: (14, 42), 2: (42, 120), 3: (42, 110), 4: (42, 110), 5: (28, 60)}
FOLLOW_UP = {1: (42, 70), 2: (42, 70), 3: (28, 49), 4: (21, 35), 5: (14, 28)}
# Roles only SSP has; their actions make no sense elsewhere.
SSP_ROLES = frozenset({"police", "ssp_consultant", "social_services"})

ACTION_STATUSES = (ActionStatus.DONE, ActionStatus.CANCELLED, ActionStatus.OPEN)
ATTENDANCES = (Attendance.PRESENT, Attendance.AFBUD, Attendance.ABSENT)

Row = dict[str, Any]
Words = dict[str, str]


# -- reference data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Step:
    title: str
    kind: AgendaItemKind
    minutes: int
    description: str
    case_slot: bool


@dataclass(frozen=True)
class _Reference:
    districts: dict[str, tuple[uuid.UUID, str]]
    types: dict[str, uuid.UUID]
    durations: dict[str, int]
    roles: dict[str, uuid.UUID]
    legal: dict[str, uuid.UUID]
    templates: dict[str, tuple[_Step, ...]]
    labels: dict[int, str]


def _step_kind(kind: str, case_slot: bool) -> AgendaItemKind:
    if case_slot:
        return AgendaItemKind.CASE
    try:
        parsed = AgendaItemKind(kind)
    except ValueError:
        return AgendaItemKind.STANDING
    # A case item needs a case; a template step that is not the slot cannot be one.
    return AgendaItemKind.STANDING if parsed is AgendaItemKind.CASE else parsed


def _load_reference(session: Session) -> _Reference:
    districts = {
        code: (id_, name)
        for code, id_, name in session.execute(select(District.code, District.id, District.name))
    }
    types: dict[str, uuid.UUID] = {}
    durations: dict[str, int] = {}
    for code, id_, minutes in session.execute(
        select(MeetingType.code, MeetingType.id, MeetingType.default_duration_minutes)
    ):
        types[code] = id_
        durations[code] = minutes
    roles = {
        code: id_ for code, id_ in session.execute(select(ParticipantRole.code, ParticipantRole.id))
    }
    legal = {
        code: id_ for code, id_ in session.execute(select(LegalReference.code, LegalReference.id))
    }
    steps: dict[str, list[_Step]] = {}
    rows = session.execute(
        select(
            MeetingType.code,
            AgendaTemplateItem.title,
            AgendaTemplateItem.kind,
            AgendaTemplateItem.minutes,
            AgendaTemplateItem.description,
            AgendaTemplateItem.is_case_slot,
        )
        .join(MeetingType, AgendaTemplateItem.meeting_type_id == MeetingType.id)
        .order_by(MeetingType.code, AgendaTemplateItem.position)
    )
    for code, title, kind, minutes, description, slot in rows:
        steps.setdefault(code, []).append(
            _Step(title, _step_kind(kind, slot), minutes, description, slot)
        )
    labels = {
        lv: label
        for lv, label in session.execute(select(WellbeingLevel.level, WellbeingLevel.label))
    }
    role_codes = {role for staff in DISTRICT_STAFF.values() for role in staff} | {
        "school", "daycare", "parent", "police", "ssp_consultant", "social_services",
        "family_house", "authority",
    }  # fmt: skip
    missing = (
        [c for c in txt.INSTITUTIONS if c not in districts]
        + [
            c
            for c in TYPE_CODES
            if c not in types or not any(s.case_slot for s in steps.get(c, []))
        ]
        + sorted(c for c in role_codes if c not in roles)
        + [c for c in LEGAL_CODES if c not in legal]
        + [str(lv) for lv in range(1, 6) if lv not in labels]
    )
    if missing:
        raise ValueError(f"demo data needs the standard reference data; missing: {missing}")
    templates = {code: tuple(s) for code, s in steps.items()}
    return _Reference(districts, types, durations, roles, legal, templates, labels)


# -- the simulation's state ----------------------------------------------------------------------


@dataclass
class _Consent:
    id: uuid.UUID
    holder_id: uuid.UUID
    types: tuple[str, ...]
    given_on: date
    expires_on: date
    withdrawn_on: date | None
    scope: str
    renewal_decided: bool = False

    def covers(self, day: date, type_code: str) -> bool:
        # The same rule as Consent.valid_on, plus the meeting type.
        return (
            type_code in self.types
            and self.given_on <= day <= self.expires_on
            and (self.withdrawn_on is None or day < self.withdrawn_on)
        )


@dataclass
class _Holder:
    id: uuid.UUID
    name: str
    relation: str
    has_custody: bool
    person_id: uuid.UUID | None = None


@dataclass
class _Case:
    seq: int
    id: uuid.UUID
    opened_on: date
    preexisting: bool  # known from before the demo period
    home: str  # district, presence, ssp or underretning: where the case normally comes up
    district: str
    female: bool
    birth: date
    anonymous: bool
    themes: tuple[txt.Theme, ...]
    path: list[tuple[int, int]]  # (level, days) from opened_on
    school: str
    daycare: str
    reference: str = ""
    first_name: str | None = None
    last_name: str | None = None
    cpr: str | None = None
    pseudonym: str = ""
    holders: list[_Holder] = field(default_factory=list)
    consents: list[_Consent] = field(default_factory=list)
    may_consent: bool = True  # the family may still give or renew consent
    due: date = date.min
    level: int | None = None  # last assessed
    discussed: int = 0
    last_discussed: date | None = None
    last_item: date | None = None
    closed_on: date | None = None
    needs_forvisitation: bool = False
    flagged_on: date = date.min
    last_forvisitation: date | None = None
    underretning_on: date | None = None
    ftm_pending: bool = False
    last_ftm: date | None = None

    def level_at(self, day: date) -> int:
        offset = (day - self.opened_on).days
        for level, days in self.path:
            if offset < days:
                return level
            offset -= days
        return 1


@dataclass
class _Series:
    id: uuid.UUID
    type_code: str
    district: str | None
    title: str
    place: str
    chair: uuid.UUID
    secretary: uuid.UUID
    standing: list[tuple[uuid.UUID, str]]


@dataclass
class _Slot:
    start: datetime
    type_code: str
    series: _Series | None = None
    case: _Case | None = None  # the child of an FTM
    original_start: datetime | None = None
    move_reason: str | None = None
    occurrence_date: date | None = None  # the rule date of a series meeting


@dataclass
class _Entry:
    case: _Case
    title: str
    description: str
    carried_from: uuid.UUID | None


@dataclass
class _Carry:
    case: _Case
    title: str
    item_id: uuid.UUID
    on: date


@dataclass
class _MeetingCtx:
    id: uuid.UUID
    slot: _Slot
    day: date
    status: MeetingStatus
    chair: uuid.UUID
    present: dict[str, list[uuid.UUID]]


# -- small helpers -------------------------------------------------------------------------------


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _age(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _grade(birth: date, day: date) -> int:
    """School grade on a day: 0. klasse from August of the year the child turns six."""
    school_year = day.year if day.month >= 8 else day.year - 1
    return school_year - birth.year - 6


def _grade_label(grade: int) -> str:
    if grade < 0:
        return "børnehave"
    return f"{grade}. klasse" if grade <= 10 else "ungdomsuddannelse"


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


_ASCII: dict[str, str | int | None] = {"æ": "ae", "ø": "oe", "å": "aa", "é": "e"}


def _email(name: str) -> str:
    folded = name.lower().translate(str.maketrans(_ASCII))
    # .invalid is reserved (RFC 2606): a demo address can never reach a real person.
    return re.sub(r"[^a-z.]", "", folded.replace(" ", ".")) + "@demo.invalid"


# -- the generator ----------------------------------------------------------------------------


class _Generator:
    def __init__(
        self,
        rng: random.Random,
        ref: _Reference,
        today: date,
        years: int,
        cases_per_year: int | None = None,
    ) -> None:
        self.rng = rng
        self.cases_per_year = cases_per_year
        self.ref = ref
        self.today = today
        self.years = years
        self.start = today - timedelta(days=365 * years)
        self.horizon = today + HORIZON
        self.rows: dict[type[Base], list[Row]] = {model: [] for model in INSERT_ORDER}
        self.staff: dict[str, uuid.UUID] = {}
        self.inst_rep: dict[str, uuid.UUID] = {}
        self.cases: list[_Case] = []
        self.active: list[_Case] = []
        self.next_case = 0
        self.queue: list[tuple[datetime, int, _Slot]] = []
        self.seq = 0
        self.carry: dict[uuid.UUID, list[_Carry]] = {}
        self.closures: list[Closure] = []
        self.closed: dict[date, str] = {}
        self.names: set[str] = set()
        self.cprs: set[str] = set()
        self.consents_given = 0

    # rows

    def _id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def _at(self, day: date) -> datetime:
        return datetime.combine(min(day, self.today), time(12), tzinfo=UTC)

    def _add(
        self,
        model: type[Base],
        day: date,
        values: Row,
        *,
        updated: date | None = None,
        id_: uuid.UUID | None = None,
    ) -> uuid.UUID:
        row_id = id_ or self._id()
        row = {"id": row_id, "created_at": self._at(day), "updated_at": self._at(updated or day)}
        row.update(values)
        self.rows[model].append(row)
        return row_id

    def insert_into(self, session: Session) -> None:
        # The search index is built once at the end rather than by a trigger per row.
        for statement in search_index.suspend_statements(session.get_bind().dialect.name):
            session.execute(text(statement))
        for model in INSERT_ORDER:
            if self.rows[model]:
                session.execute(insert(model), self.rows[model])
        for statement in search_index.resume_statements(session.get_bind().dialect.name):
            session.execute(text(statement))

    def build(self) -> dict[str, uuid.UUID]:
        self._closures()
        self._people()
        self._cases()
        self._all_series()
        while self.queue:
            _, _, slot = heapq.heappop(self.queue)
            self._meeting(slot)
        self._case_rows()
        return {login: self.staff[login] for login in LOGINS}

    # calendar

    def _closures(self) -> None:
        """The municipality's closed periods as demo data, and every closed day they and
        the public holidays give (what generation in the program would use)."""
        first_year, last_year = self.start.year - 1, self.horizon.year + 1
        for (m1, d1), (m2, d2), reason in YEARLY_CLOSURES:
            crosses = (m2, d2) < (m1, d1)
            self._add(
                ClosedPeriod,
                self.start - timedelta(days=60),
                {
                    "starts_on": date(2000, m1, d1),
                    "ends_on": date(2001 if crosses else 2000, m2, d2),
                    "reason": reason,
                    "yearly": True,
                },
            )
            for year in range(first_year, last_year + 1):
                day = date(year, m1, d1)
                end = date(year + crosses, m2, d2)
                while day <= end:
                    self.closures.append(Closure(day, reason))
                    day += timedelta(days=1)
        for year in range(first_year, last_year + 1):
            for reason, first_week, last_week in SCHOOL_HOLIDAYS:
                begins = date.fromisocalendar(year, first_week, 1)
                ends = date.fromisocalendar(year, last_week, 5)
                # Stored for the demo's past and the coming year, so planning ahead in the
                # program sees next summer's holidays too.
                if self.start - timedelta(days=60) <= begins <= self.today + timedelta(days=450):
                    self._add(
                        ClosedPeriod,
                        min(begins, self.today) - timedelta(days=90),
                        {"starts_on": begins, "ends_on": ends, "reason": reason, "yearly": False},
                    )
                day = begins
                while day <= ends:
                    self.closures.append(Closure(day, reason))
                    day += timedelta(days=1)
        self.closed = calendar.closed_days(
            date(first_year, 1, 1), date(last_year, 12, 31), self.closures
        )

    def _occurrences(
        self, rule: str, first: date, policy: HolidayPolicy
    ) -> list[calendar.Occurrence]:
        """All of a series' occurrences up to the horizon, a year at a time (planning in
        the program looks at most three years ahead; the demo covers up to fifteen back)."""
        result: list[calendar.Occurrence] = []
        window = first
        while window <= self.horizon:
            last = min(window + timedelta(days=364), self.horizon)
            result += calendar.occurrences(rule, first, window, last, policy, self.closures)
            window = last + timedelta(days=1)
        return result

    def _off(self, day: date) -> bool:
        return day.weekday() >= 5 or day in self.closed

    def _push(self, slot: _Slot) -> None:
        heapq.heappush(self.queue, (slot.start, self.seq, slot))
        self.seq += 1

    # people

    def _adult_name(self, female: bool, names: txt.NameGroup = txt.DANISH_NAMES) -> str:
        first = self.rng.choice(names.women if female else names.men)
        return f"{first} {self.rng.choice(names.surnames)}"

    def _person(self, name: str, profession: str, organisation: str, day: date) -> uuid.UUID:
        return self._add(
            Person,
            day,
            {
                "name": name,
                "profession": profession,
                "organisation": organisation,
                "email": _email(name) if profession else "",
                "phone": "",  # no invented numbers: any could belong to someone real
                "note": "",
                "active": True,
            },
        )

    def _staff_name(self) -> str:
        while True:
            name = self._adult_name(self.rng.random() < 0.75)
            if name not in self.names:
                self.names.add(name)
                return name

    def _people(self) -> None:
        hired = self.start - timedelta(days=30)
        for key, profession, organisation in txt.STAFF:
            self.staff[key] = self._person(self._staff_name(), profession, organisation, hired)
        for schools, daycares in txt.INSTITUTIONS.values():
            for names, professions in (
                (schools, txt.SCHOOL_PROFESSIONS),
                (daycares, txt.DAYCARE_PROFESSIONS),
            ):
                for inst in names:
                    profession = self.rng.choice(professions)
                    self.inst_rep[inst] = self._person(self._staff_name(), profession, inst, hired)

    def _parent_person(self, holder: _Holder, day: date) -> uuid.UUID:
        # Parents become people only when they take part in a meeting.
        if holder.person_id is None:
            holder.person_id = self._person(holder.name, "", "", day)
        return holder.person_id

    # series

    def _all_series(self) -> None:
        s = self.staff
        ssp_schools = [
            txt.INSTITUTIONS[c][0][0] for c in ("store-heddinge", "stroeby", "hother-haarlev")
        ]
        for code, staff in DISTRICT_STAFF.items():
            name = self.ref.districts[code][1]
            schools, daycares = txt.INSTITUTIONS[code]
            week = DISTRICT_WEEK[code]
            self._series(
                "district",
                code,
                f"Distriktsmøde {name}",
                f"{schools[0]}, mødelokalet",
                ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", 1, week, time(13)),
                HolidayPolicy.MOVE,
                [
                    (s[staff["chair"]], "chair"),
                    (s[staff["secretary"]], "secretary"),
                    (self.inst_rep[schools[0]], "school"),
                    (self.inst_rep[schools[1]], "school"),
                    (self.inst_rep[daycares[0]], "daycare"),
                    (s[staff["psychologist"]], "psychologist"),
                    (s[staff["social_worker"]], "social_worker"),
                    (s[staff["speech"]], "speech"),
                    (s[staff["health_nurse"]], "health_nurse"),
                    (s[staff["family_consultant"]], "family_consultant"),
                ],
            )
            self._series(
                "presence",
                code,
                f"Tilstedeværelsestid, {schools[0]}",
                f"{schools[0]}, lærerværelsets mødelokale",
                ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", 0, week, time(12, 30)),
                HolidayPolicy.SKIP,
                [
                    (s[staff["psychologist"]], "psychologist"),
                    (s[staff["social_worker"]], "social_worker"),
                    (self.inst_rep[schools[0]], "school"),
                ],
            )
        self._series(
            "ssp",
            None,
            "SSP-møde",
            "Rådhuset, mødelokale 2",
            ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH", 3, 0, time(14)),
            HolidayPolicy.MOVE,
            [
                (s["ssp_koord"], "chair"),
                (s["referent"], "secretary"),
                *[(self.inst_rep[school], "school") for school in ssp_schools],
                (s["ungeteam"], "social_services"),
                (s["politi"], "police"),
                (s["ssp"], "ssp_consultant"),
                (s["klub"], "ssp_consultant"),
            ],
        )
        self._series(
            "forvisitation",
            None,
            "Forvisitationsmøde",
            "Familiehuset, mødelokalet",
            ("FREQ=WEEKLY;BYDAY=WE", 2, 0, time(9)),
            HolidayPolicy.MOVE,
            [
                (s["leder"], "chair"),
                (s["referent"], "secretary"),
                (s["ppr"], "psychologist"),
                (s["fh_leder"], "family_house"),
                (s["myn_leder"], "authority"),
                (s["myn_sr"], "authority"),
            ],
        )

    def _series(
        self,
        type_code: str,
        district: str | None,
        title: str,
        place: str,
        rhythm: tuple[str, int, int, time],
        policy: HolidayPolicy,
        standing: list[tuple[uuid.UUID, str]],
    ) -> None:
        rrule, weekday, week, start_time = rhythm
        first = self.start + timedelta(days=(weekday - self.start.weekday()) % 7 + 7 * week)
        roles = dict(standing)
        # Presence hours have no chair or secretary role; the psychologist leads, the
        # caseworker takes notes.
        chair = next(p for p, r in standing if r in ("chair", "psychologist"))
        secretary = next(p for p, r in standing if r in ("secretary", "social_worker"))
        series = _Series(self._id(), type_code, district, title, place, chair, secretary, standing)
        self._add(
            MeetingSeries,
            first - timedelta(days=30),
            {
                "meeting_type_id": self.ref.types[type_code],
                "district_id": self.ref.districts[district][0] if district else None,
                "title": title,
                "rrule": rrule,
                "starts_on": first,
                "ends_on": None,
                "start_time": start_time,
                "duration_minutes": self.ref.durations[type_code],
                "place": place,
                "holiday_policy": policy,
                "active": True,
            },
            id_=series.id,
        )
        for person_id, role in roles.items():
            self._add(
                SeriesParticipant,
                first - timedelta(days=30),
                {"series_id": series.id, "person_id": person_id, "role_id": self.ref.roles[role]},
            )
        # The same rules the program's own planning uses (domain.calendar).
        for occ in self._occurrences(rrule, first, policy):
            if occ.day is None:
                continue
            start = datetime.combine(occ.day, start_time)
            slot = _Slot(start, type_code, series, occurrence_date=occ.rule_date)
            if occ.moved:
                slot.original_start = datetime.combine(occ.rule_date, start_time)
                slot.move_reason = txt.MOVE_REASON.format(
                    dag=long_date(occ.rule_date), helligdag=occ.reason
                )
            self._push(slot)

    # cases

    def _cases(self) -> None:
        rng = self.rng
        if self.cases_per_year is None:
            count = min(40 + 80 * self.years, 1000)  # Stevns: some 80 new children a year
        else:
            count = 40 + self.cases_per_year * self.years  # benchmark scale
        known = count // 5  # already open when the demo period starts
        span = (self.today - timedelta(days=7) - self.start).days
        openings = sorted(
            (self.start - timedelta(days=rng.randint(14, 240)), True)
            if i < known
            else (self.start + timedelta(days=rng.randint(0, span)), False)
            for i in range(count)
        )
        numbers: dict[int, int] = {}
        for seq, (opened, preexisting) in enumerate(openings):
            case = self._new_case(seq, opened, preexisting)
            numbers[opened.year] = numbers.get(opened.year, 0) + 1
            case.reference = f"S-{opened.year}-{numbers[opened.year]:04d}"
            self.cases.append(case)

    def _birth(self, opened: date, low: int, high: int) -> date:
        """A birth date giving an age of low..high when the case opened.

        A case closes when the child turns 18 (see _activate), so every open case is about a
        child of 0-17 today, while a case closed years ago may be about someone now adult.
        """
        oldest = opened - timedelta(days=int((high + 1) * 365.25) - 1)
        youngest = opened - timedelta(days=max(14, int(low * 365.25)))
        return oldest + timedelta(days=self.rng.randint(0, (youngest - oldest).days))

    def _new_case(self, seq: int, opened: date, preexisting: bool) -> _Case:
        rng = self.rng
        home = rng.choices(list(HOMES), weights=[w for w, _ages in HOMES.values()])[0]
        # Every 8th case follows the textbook path up the ladder and back (see _path).
        climber = seq % 8 == 3
        if climber:
            home = "district"
        birth = self._birth(opened, *HOMES[home][1])
        anonymous = home in ("district", "presence") and rng.random() < 0.22 and not climber
        district = rng.choices(list(DISTRICT_WEIGHTS), weights=list(DISTRICT_WEIGHTS.values()))[0]
        schools, daycares = txt.INSTITUTIONS[district]
        case = _Case(
            seq=seq,
            id=self._id(),
            opened_on=opened,
            preexisting=preexisting,
            home=home,
            district=district,
            female=rng.random() < (0.35 if home == "ssp" else 0.5),
            birth=birth,
            anonymous=anonymous,
            themes=self._themes(home, _age(birth, opened)),
            path=self._path(home, anonymous, climber),
            school=schools[0] if rng.random() < 0.65 else schools[1],
            daycare=daycares[0] if rng.random() < 0.6 else daycares[1],
        )
        # Known cases come up over the first weeks, not all at the first meeting.
        case.due = self.start + timedelta(days=rng.randint(0, 42)) if preexisting else opened
        if anonymous:
            case.pseudonym = self._pseudonym(case, opened)
        else:
            self._identity(case)
        if home == "underretning":
            case.needs_forvisitation = True
            case.flagged_on = opened
            case.underretning_on = opened
        # SSP mostly works under Retsplejeloven § 115; fewer of those families consent.
        elif not anonymous and rng.random() < (0.5 if home == "ssp" else 0.85):
            self._give_consent(case, opened - timedelta(days=rng.randint(0, 10)))
        return case

    def _themes(self, home: str, age: int) -> tuple[txt.Theme, ...]:
        rng = self.rng
        fitting = [t for t in txt.THEMES if t.key != "ssp" and t.min_age <= age <= t.max_age]
        if home == "ssp":
            ssp = next(t for t in txt.THEMES if t.key == "ssp")
            return (ssp, rng.choice(fitting)) if rng.random() < 0.5 else (ssp,)
        return tuple(rng.sample(fitting, 1 if rng.random() < 0.6 else 2))

    def _path(self, home: str, anonymous: bool, climber: bool) -> list[tuple[int, int]]:
        rng = self.rng
        if climber:
            # Prevention, early help, forvisitation, and back down; quick on the way up so
            # that even a one-year demo shows the whole path.
            path = [(2, rng.randint(28, 56)), (3, rng.randint(28, 56)), (4, rng.randint(35, 63))]
            return path + [(level, rng.randint(*DWELL[level])) for level in (3, 2, 1)]
        if home == "underretning":
            start, peak = 4, rng.choice((4, 4, 5))
        elif home == "ssp":
            start = rng.choice((2, 2, 3))
            peak = min(4, start + rng.choice((0, 1, 1, 2)))
        elif home == "presence":
            start, peak = 2, rng.choice((2, 2, 3))
        else:
            start = rng.choice((2, 2, 2, 3))
            peak = start + rng.choices((0, 1, 2), weights=(50, 36, 14))[0]
        # An anonymous case cannot reach forvisitation or an FTM: both need the child's name.
        peak = min(peak, 3 if anonymous else 5)
        start = min(start, peak)
        path = [(level, rng.randint(*DWELL[level])) for level in range(start, peak + 1)]
        for level in range(peak - 1, 0, -1):
            if level >= 2 and rng.random() < 0.15:  # a setback on the way down
                path += [(level, rng.randint(*DWELL[level])), (level + 1, rng.randint(28, 60))]
            path.append((level, rng.randint(*DWELL[level])))
        return path

    def _identity(self, case: _Case) -> None:
        rng = self.rng
        other = rng.random() < 0.08
        names = rng.choice(txt.OTHER_NAMES) if other else txt.DANISH_NAMES
        surname = rng.choice(names.surnames)
        case.first_name = rng.choice(names.girls if case.female else names.boys)
        case.last_name = surname
        case.cpr = self._cpr(case.birth, case.female)
        # Danish mothers often keep their own surname; the child has the father's here.
        mother_surname = rng.choice(names.surnames) if rng.random() < 0.4 else surname
        mother_first = rng.choice(names.women)
        mother = _Holder(self._id(), f"{mother_first} {mother_surname}", "mor", True)
        father = _Holder(self._id(), f"{rng.choice(names.men)} {surname}", "far", True)
        r = rng.random()
        if r < 0.65:
            case.holders = [mother, father]
        elif r < 0.75:
            father.has_custody = False
            father.relation = "far (uden forældremyndighed)"
            case.holders = [mother, father]
        else:
            case.holders = [mother] if r < 0.92 else [father]

    def _cpr(self, birth: date, female: bool) -> str | None:
        """DDMMYYSSSS whose seventh digit gives the birth century (domain.cpr.century)."""
        yy = birth.year % 100
        digits = [d for d in range(10) if century(d, yy) + yy == birth.year]
        if not digits:
            return None
        for _ in range(50):
            last = self.rng.choice("02468" if female else "13579")  # even: girl, odd: boy
            serial = f"{self.rng.choice(digits)}{self.rng.randint(0, 99):02d}{last}"
            cpr = f"{birth:%d%m%y}{serial}"
            if cpr not in self.cprs:
                self.cprs.add(cpr)
                return cpr
        return None

    def _pseudonym(self, case: _Case, day: date) -> str:
        word = "Pige" if case.female else "Dreng"
        age, grade = _age(case.birth, day), _grade(case.birth, day)
        if age < 1:
            return f"{word}, {(day - case.birth).days // 30} mdr."
        return f"{word}, {age} år, {_grade_label(grade)}"

    # consent

    def _give_consent(self, case: _Case, given: date) -> None:
        rng = self.rng
        holder = rng.choice([h for h in case.holders if h.has_custody])
        wanted = {"district"}
        if case.home == "presence" or rng.random() < 0.4:
            wanted.add("presence")
        if case.home == "ssp" and rng.random() < 0.7:
            wanted.add("ssp")
        if rng.random() < 0.85:
            wanted.add("ftm")
        if case.home == "underretning" or rng.random() < 0.35:
            wanted.add("forvisitation")
        expires = given + timedelta(days=365 if rng.random() < 0.8 else 182)
        withdrawn = None
        self.consents_given += 1
        # Every 14th family withdraws its consent (where the dates allow): a fixed share
        # rather than a chance, so that every demo has a few withdrawals to show.
        if self.consents_given % 14 == 3:
            when = given + timedelta(days=rng.randint(20, 250))
            if when < expires and when <= self.today:
                withdrawn = when
                case.may_consent = False  # a family that withdrew is not asked again
        age, grade = _age(case.birth, given), _grade(case.birth, given)
        scope_kind = "home" if age < 1 else "daycare" if grade < 0 else "school"
        case.consents.append(
            _Consent(
                id=self._id(),
                holder_id=holder.id,
                types=tuple(t for t in TYPE_CODES if t in wanted),
                given_on=given,
                expires_on=expires,
                withdrawn_on=withdrawn,
                scope=rng.choice(txt.CONSENT_SCOPES[scope_kind]),
            )
        )

    def _refresh_consent(self, case: _Case, day: date) -> None:
        """Let a family without a current consent give one (a first one, or a renewal)."""
        if case.anonymous or not case.may_consent:
            return
        latest = case.consents[-1] if case.consents else None
        if latest is None:
            if self.rng.random() > 0.3:
                return  # asked again next time
            low = case.opened_on
        else:
            if latest.expires_on >= day or latest.renewal_decided:
                return
            latest.renewal_decided = True
            if self.rng.random() > 0.75:
                case.may_consent = False
                return
            low = latest.expires_on - timedelta(days=21)
        # Never before an item already recorded without it, never in the future.
        if case.last_item is not None:
            low = max(low, case.last_item + timedelta(days=1))
        high = min(day, self.today)
        if low <= high:
            self._give_consent(case, low + timedelta(days=self.rng.randint(0, (high - low).days)))

    def _consent_for(self, case: _Case, day: date, type_code: str) -> _Consent | None:
        return next((c for c in reversed(case.consents) if c.covers(day, type_code)), None)

    def _legal_basis(self, case: _Case, type_code: str, day: date) -> Row:
        kind, consent_id, reference, reason = LegalBasisKind.ANONYMOUS, None, None, ""
        consent = None if case.anonymous else self._consent_for(case, day, type_code)
        if case.anonymous:
            pass
        elif consent is not None:
            kind, consent_id, reference = LegalBasisKind.CONSENT, consent.id, "fvl28"
        elif type_code == "ssp":
            kind, reference = LegalBasisKind.RPL115, "rpl115"
        elif (
            case.underretning_on is not None
            and case.underretning_on <= day
            and (type_code == "forvisitation" or case.level_at(day) >= 4)
        ):
            kind, reference = LegalBasisKind.UNDERRETNING, "bl133"
            reason = txt.UNDERRETNING_REASON.format(dato=short_date(case.underretning_on))
        elif type_code == "ftm":
            kind, reason = LegalBasisKind.OTHER, txt.FTM_OTHER_REASON
        elif self.rng.random() < 0.04:
            reasons = txt.OTHER_REASONS + (
                (txt.OTHER_REASON_15,) if _age(case.birth, day) >= 15 else ()
            )
            kind, reason = LegalBasisKind.OTHER, self.rng.choice(reasons)
        return {
            "kind": kind,
            "consent_id": consent_id,
            "legal_reference_id": self.ref.legal[reference] if reference else None,
            "reason": reason,
            "recorded_by_id": None,  # users are created after the demo data
        }

    # meetings

    def _activate(self, day: date) -> None:
        while self.next_case < len(self.cases) and self.cases[self.next_case].opened_on <= day:
            self.active.append(self.cases[self.next_case])
            self.next_case += 1
        adult = _years_before(min(day, self.today), 18)
        for case in self.active:
            if case.closed_on is None and case.birth <= adult:
                # Child services end at 18: the case closes on the eve of the birthday.
                case.closed_on = _years_before(case.birth, -18) - timedelta(days=1)
        self.active = [c for c in self.active if c.closed_on is None]

    def _meeting(self, slot: _Slot) -> None:
        rng, day = self.rng, slot.start.date()
        self._activate(day)
        if slot.case is not None:
            slot.case.ftm_pending = False
            if slot.case.closed_on is not None:
                return
        status = MeetingStatus.HELD if day < self.today else MeetingStatus.PLANNED
        cancel_reason = None
        if status is MeetingStatus.HELD and slot.series and rng.random() < 0.03:
            status, cancel_reason = MeetingStatus.CANCELLED, rng.choice(txt.CANCEL_REASONS)
        if slot.series is not None:
            title, place, district = slot.series.title, slot.series.place, slot.series.district
            chair, secretary = slot.series.chair, slot.series.secretary
            participants = slot.series.standing
        else:
            assert slot.case is not None
            title, district = "Familie Team Møde", None
            inst = self._institution(slot.case, day)[0]
            place = inst if inst in self.inst_rep else "Familiehuset"
            participants = self._ftm_participants(slot.case, day)
            chair, secretary = participants[0][0], participants[1][0]
        meeting_id = self._add(
            Meeting,
            day - timedelta(days=21),
            {
                "series_id": slot.series.id if slot.series else None,
                "meeting_type_id": self.ref.types[slot.type_code],
                "district_id": self.ref.districts[district][0] if district else None,
                "title": title,
                "starts_at": slot.start,
                "ends_at": slot.start + timedelta(minutes=self.ref.durations[slot.type_code]),
                "place": place,
                "status": status,
                "chair_id": chair,
                "secretary_id": secretary,
                "cancel_reason": cancel_reason,
                "original_start": slot.original_start,
                "move_reason": slot.move_reason,
                "occurrence_date": slot.occurrence_date,
            },
            updated=day if status is not MeetingStatus.PLANNED else None,
        )
        present = self._attendance(meeting_id, participants, status, day)
        ctx = _MeetingCtx(meeting_id, slot, day, status, chair, present)
        entries = self._agenda_cases(slot, day)
        position = 0
        for step in self.ref.templates[slot.type_code]:
            if not step.case_slot:
                position += 1
                self._standing_item(ctx, step, position)
                continue
            for i, entry in enumerate(entries):
                position += 1
                self._case_item(ctx, step, position, entry, last=i == len(entries) - 1)

    def _ftm_participants(self, case: _Case, day: date) -> list[tuple[uuid.UUID, str]]:
        staff = DISTRICT_STAFF[case.district]
        people = [
            (self.staff[staff["family_consultant"]], "chair"),
            (self.staff["referent2"], "secretary"),
        ]
        people += [(self._parent_person(h, day), "parent") for h in case.holders if h.has_custody]
        inst = self._institution(case, day)[0]
        if inst in self.inst_rep:
            role = "daycare" if _grade(case.birth, day) < 0 else "school"
            people.append((self.inst_rep[inst], role))
        if self.rng.random() < 0.5:
            people.append((self.staff[staff["psychologist"]], "psychologist"))
        if _age(case.birth, day) < 3:
            people.append((self.staff[staff["health_nurse"]], "health_nurse"))
        return people

    def _attendance(
        self,
        meeting_id: uuid.UUID,
        participants: list[tuple[uuid.UUID, str]],
        status: MeetingStatus,
        day: date,
    ) -> dict[str, list[uuid.UUID]]:
        present: dict[str, list[uuid.UUID]] = {}
        for person_id, role in participants:
            if status is not MeetingStatus.HELD:
                attendance = Attendance.INVITED
            elif role in ("chair", "secretary"):
                attendance = Attendance.PRESENT
            else:
                weights = (92, 5, 3) if role == "parent" else (87, 10, 3)
                attendance = self.rng.choices(ATTENDANCES, weights=weights)[0]
            self._add(
                Participation,
                day - timedelta(days=21),
                {
                    "meeting_id": meeting_id,
                    "person_id": person_id,
                    "role_id": self.ref.roles[role],
                    "attendance": attendance,
                },
                updated=day if status is MeetingStatus.HELD else None,
            )
            if attendance is Attendance.PRESENT:
                present.setdefault(role, []).append(person_id)
        return present

    def _agenda_cases(self, slot: _Slot, day: date) -> list[_Entry]:
        rng = self.rng
        if slot.case is not None:
            slot_step = next(s for s in self.ref.templates["ftm"] if s.case_slot)
            return [_Entry(slot.case, slot_step.title, "", None)]
        assert slot.series is not None
        carried = [c for c in self.carry.pop(slot.series.id, []) if c.case.closed_on is None]
        low, high, weights = CASE_COUNTS[slot.type_code]
        wanted = rng.choices(range(low, high + 1), weights=weights)[0]
        if self.cases_per_year is not None:  # a busier municipality: fuller agendas
            wanted = round(wanted * max(1.0, self.cases_per_year / 80))
        taken = {c.case.id for c in carried}
        fresh = self._pick(slot.type_code, slot.series.district, day, wanted - len(carried), taken)
        entries = [
            _Entry(c.case, c.title, txt.DESC_CARRIED.format(dato=short_date(c.on)), c.item_id)
            for c in carried
        ]
        for case in fresh:
            words = self._words(case, day)
            entries.append(
                _Entry(
                    case,
                    self._title(case, slot.type_code, words),
                    self._description(case, words),
                    None,
                )
            )
        return entries

    def _fits(self, case: _Case, type_code: str, district: str | None, day: date) -> bool:
        if case.needs_forvisitation and case.discussed == 0 and type_code != "forvisitation":
            return False  # an underretning goes to forvisitation first
        if _age(case.birth, day) >= 18:
            return False  # turns 18 before a planned meeting; closed once the day has come
        level = case.level_at(day)
        if type_code == "district":
            return case.district == district and (
                case.home in ("district", "underretning") or level >= 3
            )
        if type_code == "presence":
            # Presence hours also give advice on light district cases at the school.
            return (
                case.district == district
                and case.home in ("presence", "district")
                and level <= 2
                and 0 <= _grade(case.birth, day) <= 9
            )
        if type_code == "ssp":
            return case.home == "ssp" and _age(case.birth, day) >= 12
        if type_code == "forvisitation":
            return not case.anonymous and (case.needs_forvisitation or level >= 3)
        return False

    def _pick(
        self, type_code: str, district: str | None, day: date, count: int, taken: set[uuid.UUID]
    ) -> list[_Case]:
        if count <= 0:
            return []
        window = day + timedelta(days=21)
        fitting = [
            c for c in self.active if c.id not in taken and self._fits(c, type_code, district, day)
        ]
        if type_code == "forvisitation":
            flagged = sorted(
                (c for c in fitting if c.needs_forvisitation), key=lambda c: (c.flagged_on, c.seq)
            )
            others = sorted(
                (
                    c
                    for c in fitting
                    if not c.needs_forvisitation
                    and c.due <= window
                    and (c.last_forvisitation is None or (day - c.last_forvisitation).days > 90)
                ),
                key=lambda c: (c.due, c.seq),
            )
            return (flagged + others)[:count]
        chosen = sorted((c for c in fitting if c.due <= window), key=lambda c: (c.due, c.seq))
        if not chosen and type_code == "ssp" and fitting:
            # An SSP meeting always has at least one young person on the agenda.
            chosen = [min(fitting, key=lambda c: (c.due, c.seq))]
        return chosen[:count]

    # agenda items

    def _words(self, case: _Case, day: date) -> Words:
        rng = self.rng
        age, grade = _age(case.birth, day), _grade(case.birth, day)
        noun = "den unge" if age >= 13 else "pigen" if case.female else "drengen"
        if age < 1:
            noun, inst = "barnet", "sundhedsplejen"
        elif grade < 0:
            inst = "vuggestuen" if age < 3 else "børnehaven"
        else:
            inst = "skolen" if grade <= 9 else "uddannelsesstedet"
        he, him, his = ("hun", "hende", "hendes") if case.female else ("han", "ham", "hans")
        week = (day + timedelta(weeks=rng.randint(2, 8))).isocalendar().week
        return {
            "barnet": noun,
            "Barnet": _capital(noun),
            "han": he,
            "Han": _capital(he),
            "ham": him,
            "hans": his,
            "inst": inst,
            "Inst": _capital(inst),
            "klasse": _grade_label(grade),
            "pct": str(rng.randint(12, 35)),
            "uge": str(week),
            "n": str(rng.randint(3, 8)),
            "sidst": short_date(case.last_discussed) if case.last_discussed else "",
        }

    def _title(self, case: _Case, type_code: str, words: Words) -> str:
        rng = self.rng
        if type_code == "forvisitation":
            if case.last_forvisitation is not None:
                return rng.choice(txt.FORVISITATION_FOLLOWUPS)
            if case.underretning_on is not None:
                return txt.FORVISITATION_UNDERRETNING.format(**words)
            return rng.choice(txt.FORVISITATION_TITLES)
        theme = case.themes[0] if rng.random() < 0.75 else rng.choice(case.themes)
        if case.discussed == 0 and not case.preexisting:
            return rng.choice(theme.titles)
        return rng.choice(theme.followups + theme.titles[:1])

    def _description(self, case: _Case, words: Words) -> str:
        if case.last_discussed is not None:
            return txt.DESC_FOLLOWUP.format(**words)
        return "" if case.preexisting else txt.DESC_NEW.format(**words)

    def _standing_item(self, ctx: _MeetingCtx, step: _Step, position: int) -> None:
        held = ctx.status is MeetingStatus.HELD
        item_id = self._add(
            AgendaItem,
            ctx.day - timedelta(days=7),
            {
                "meeting_id": ctx.id,
                "position": position,
                "kind": step.kind,
                "title": step.title,
                "description": step.description,
                "time_box_minutes": step.minutes,
                "case_id": None,
                "status": AgendaItemStatus.DISCUSSED if held else AgendaItemStatus.OPEN,
                "carried_over_from_id": None,
            },
            updated=ctx.day if held else None,
        )
        if held:
            note = self.rng.choice(txt.STANDING_NOTES.get(step.title, txt.STANDING_FALLBACK))
            week = (ctx.day + timedelta(weeks=self.rng.randint(2, 8))).isocalendar().week
            self._minutes(ctx.day, item_id, note.format(n=self.rng.randint(3, 8), uge=week))

    def _minutes(
        self,
        day: date,
        item_id: uuid.UUID,
        notes: str,
        decision: str = "",
        family_view: str = "",
        follow_up_on: date | None = None,
    ) -> None:
        self._add(
            ItemMinutes,
            day,
            {
                "agenda_item_id": item_id,
                "notes": notes,
                "decision": decision,
                "family_view": family_view,
                "follow_up_on": follow_up_on,
            },
        )

    def _case_item(
        self, ctx: _MeetingCtx, step: _Step, position: int, entry: _Entry, *, last: bool
    ) -> None:
        rng, day, case, type_code = self.rng, ctx.day, entry.case, ctx.slot.type_code
        if ctx.status is MeetingStatus.CANCELLED:
            status = AgendaItemStatus.NEXT_TIME
        elif ctx.status is MeetingStatus.PLANNED:
            status = AgendaItemStatus.OPEN
        elif ctx.slot.series is None:
            status = AgendaItemStatus.DISCUSSED  # an FTM is about this one child
        else:
            # Now and then an item is postponed, or the last one is not reached in time.
            r = rng.random()
            status = AgendaItemStatus.DISCUSSED
            if r < 0.02:
                status = AgendaItemStatus.NEXT_TIME
            elif last and r < 0.07:
                status = AgendaItemStatus.NOT_REACHED
        if day <= self.today:
            self._refresh_consent(case, day)
        time_box = step.minutes
        if type_code != "ftm":
            time_box = max(10, time_box + rng.choice((-5, 0, 0, 5)))
        item_id = self._add(
            AgendaItem,
            day - timedelta(days=7),
            {
                "meeting_id": ctx.id,
                "position": position,
                "kind": AgendaItemKind.CASE,
                "title": entry.title,
                "description": entry.description,
                "time_box_minutes": time_box,
                "case_id": case.id,
                "status": status,
                "carried_over_from_id": entry.carried_from,
            },
            updated=day if ctx.status is not MeetingStatus.PLANNED else None,
        )
        basis = self._legal_basis(case, type_code, day)
        self._add(LegalBasis, day - timedelta(days=7), {"agenda_item_id": item_id, **basis})
        if status is AgendaItemStatus.DISCUSSED:
            self._discuss(ctx, case, item_id)
        elif status is AgendaItemStatus.OPEN:
            # On a coming agenda: not due elsewhere before its follow-up interval.
            case.due = max(case.due, day + self._interval(case.level_at(day)))
        else:
            assert ctx.slot.series is not None
            carry = _Carry(case, entry.title, item_id, day)
            self.carry.setdefault(ctx.slot.series.id, []).append(carry)
        if day <= self.today:
            case.last_item = day

    def _working_day(self, day: date) -> date:
        """A follow-up falls on a working day (the next one after a weekend or holiday)."""
        while self._off(day):
            day += timedelta(days=1)
        return day

    def _interval(self, level: int) -> timedelta:
        return timedelta(days=self.rng.randint(*FOLLOW_UP[level]))

    def _discuss(self, ctx: _MeetingCtx, case: _Case, item_id: uuid.UUID) -> None:
        rng, day, type_code = self.rng, ctx.day, ctx.slot.type_code
        level, before = case.level_at(day), case.level
        words = self._words(case, day)
        closing = level == 1
        to_forvisitation = ftm_invited = False
        if type_code == "forvisitation":
            case.needs_forvisitation = False
            case.last_forvisitation = day
        elif (
            level >= 4
            and not case.anonymous
            and not case.needs_forvisitation
            and (case.last_forvisitation is None or (day - case.last_forvisitation).days > 120)
        ):
            case.needs_forvisitation, case.flagged_on, to_forvisitation = True, day, True
            if self._consent_for(case, day, "forvisitation") is None:
                case.underretning_on = day  # without consent it goes on as an underretning
        if type_code == "ftm":
            case.last_ftm = day
        elif (
            level == 3
            and not case.anonymous
            and not case.ftm_pending
            and (case.last_ftm is None or (day - case.last_ftm).days > 100)
            and rng.random() < 0.7
        ):
            ftm_invited = self._schedule_ftm(case, day)
        interval = self._interval(level)
        decision = self._decision(
            case, type_code, words, level, closing, ftm_invited, to_forvisitation
        )
        family_view = ""
        if type_code == "ftm":
            views = rng.sample(txt.FAMILY_VIEWS, rng.randint(1, 2))
            family_view = " ".join(v.format(**words) for v in views)
        self._minutes(
            day,
            item_id,
            self._notes(case, day, type_code, words, level, before),
            decision,
            family_view,
            None if closing or rng.random() < 0.4 else self._working_day(day + interval),
        )
        assessors = ctx.present.get("psychologist") or ctx.present.get("chair") or [ctx.chair]
        self._add(
            WellbeingAssessment,
            day,
            {
                "case_id": case.id,
                "agenda_item_id": item_id,
                "meeting_id": ctx.id,
                "level": level,
                "assessed_on": day,
                "assessed_by_id": assessors[0],
                "note": "",
            },
        )
        self._actions(ctx, case, item_id, words, level, closing)
        case.level, case.discussed, case.last_discussed = level, case.discussed + 1, day
        case.due = day + interval
        if closing:
            case.closed_on = day

    def _schedule_ftm(self, case: _Case, day: date) -> bool:
        ftm_day = day + timedelta(days=self.rng.randint(10, 24))
        while ftm_day.weekday() > 3 or self._off(ftm_day):
            ftm_day += timedelta(days=1)
        if ftm_day > self.horizon or self._consent_for(case, ftm_day, "ftm") is None:
            return False
        at = self.rng.choice((time(8, 15), time(14), time(15)))
        self._push(_Slot(datetime.combine(ftm_day, at), "ftm", case=case))
        case.ftm_pending = True
        return True

    def _notes(
        self, case: _Case, day: date, type_code: str, words: Words, level: int, before: int | None
    ) -> str:
        rng = self.rng
        if type_code == "ftm":
            opener = rng.choice(txt.OPENERS["ftm"])
        elif type_code == "forvisitation" and case.last_forvisitation is None:
            opener = rng.choice(txt.OPENERS["forvisitation"])
        elif case.last_discussed is not None:
            opener = rng.choice(txt.FOLLOWUP_OPENERS)
        elif case.preexisting:
            opener = rng.choice(txt.CONTINUED_OPENERS)
        else:
            opener = rng.choice(txt.OPENERS[type_code])
        pool = [s for theme in case.themes for s in theme.sentences]
        sentences = [opener, *rng.sample(pool, rng.randint(1, min(4, len(pool))))]
        if rng.random() < 0.5:
            small = _age(case.birth, day) < 3
            sentences.append(rng.choice(txt.RESOURCES_SMALL if small else txt.RESOURCES))
        if before is not None and level > before:
            sentences.append(rng.choice(txt.TREND_UP))
        elif before is not None and level < before:
            sentences.append(rng.choice(txt.TREND_DOWN))
        elif before is not None:
            sentences.append(rng.choice(txt.TREND_SAME))
        sentences.append(txt.LEVEL_SENTENCE)
        label = self.ref.labels[level]
        return " ".join(s.format(**words, label=label, niveau=level) for s in sentences)

    def _decision(
        self,
        case: _Case,
        type_code: str,
        words: Words,
        level: int,
        closing: bool,
        ftm_invited: bool,
        to_forvisitation: bool,
    ) -> str:
        rng = self.rng
        if type_code == "forvisitation":
            if level >= 4:
                return rng.choice(txt.FORVISITATION_HIGH)
            return rng.choice(txt.FORVISITATION_MID if level == 3 else txt.FORVISITATION_LOW)
        if closing:
            return rng.choice(txt.DECISION_CLOSE).format(**words)
        if type_code == "ftm":
            return rng.choice(txt.DECISION_FTM)
        parts = [rng.choice([d for theme in case.themes for d in theme.decisions])]
        if to_forvisitation:
            parts.append(rng.choice(txt.DECISION_TO_FORVISITATION))
        elif level >= 4 and not case.anonymous:
            parts.append(rng.choice(txt.DECISION_AUTHORITY))
        if ftm_invited:
            parts.append(txt.DECISION_FTM_INVITE)
        if case.anonymous and rng.random() < 0.3:
            parts.append(txt.DECISION_ANONYMOUS)
        return " ".join(p.format(**words) for p in parts)

    # actions

    def _actions(
        self,
        ctx: _MeetingCtx,
        case: _Case,
        item_id: uuid.UUID,
        words: Words,
        level: int,
        closing: bool,
    ) -> None:
        rng, day, type_code = self.rng, ctx.day, ctx.slot.type_code
        specs: list[tuple[str, str, int]] = []  # (owner role, what, days)
        if type_code == "forvisitation":
            if level >= 3:
                specs.append(("authority", txt.CHILD_CONVERSATION, rng.randint(7, 14)))
            if level >= 4:
                specs.append(("authority", txt.INVESTIGATION, 120))  # four months by law
            else:
                specs.append(("chair", txt.BACK_TO_DISTRICT, 7))
        elif not closing:
            # An FTM ends in a shared plan; elsewhere an item may end in advice only.
            count = rng.randint(2, 3)
            if type_code != "ftm":
                count = rng.choices(range(4), weights=(15, 35, 35, 15))[0]
            grade = _grade(case.birth, day)
            pool = [
                (role, what)
                for theme in case.themes
                for role, what in theme.actions
                if (type_code == "ssp" or role not in SSP_ROLES)
                and (role != "school" or 0 <= grade <= 10)
                and (role != "daycare" or grade < 0)
            ]
            for role, what in rng.sample(pool, min(count, len(pool))):
                specs.append((role, what, rng.choice((7, 14, 14, 21, 28, 42))))
        for role, what, days in specs:
            self._action(
                ctx,
                case,
                item_id,
                role,
                what.format(**words),
                day + timedelta(days=days),
                NEXT_STEP_CODES.get(what),
            )

    def _action(
        self,
        ctx: _MeetingCtx,
        case: _Case,
        item_id: uuid.UUID,
        role: str,
        what: str,
        due: date,
        provision: str | None = None,
    ) -> None:
        rng, day = self.rng, ctx.day
        people = ctx.present.get("parent" if role == "parents" else role, [])
        owner_id = rng.choice(people) if people else None
        owner_text = ""
        if owner_id is None:
            if role == "parents":
                custody = [h for h in case.holders if h.has_custody]
                owner_text = custody[0].relation if len(custody) == 1 else "forældrene"
            else:
                owner_text = txt.ROLE_OWNERS.get(role, role)
        # Weights for done, cancelled, open: long past all settled; the last months leave a
        # few open (overdue), as a real municipality's would.
        if due < self.today - timedelta(days=120):
            weights = (93, 7, 0)
        elif due < self.today - timedelta(days=30):
            weights = (88, 7, 5)
        elif due < self.today:
            weights = (55, 0, 45)
        else:
            weights = (15, 0, 85)
        status = rng.choices(ACTION_STATUSES, weights=weights)[0]
        done_on, note = None, None
        if status is ActionStatus.DONE:
            done_on = min(self.today, max(day, due + timedelta(days=rng.randint(-10, 5))))
            note = rng.choice(txt.DONE_NOTES) if rng.random() < 0.3 else None
        elif status is ActionStatus.CANCELLED:
            note = rng.choice(txt.CANCELLED_NOTES)
        self._add(
            Action,
            day,
            {
                "agenda_item_id": item_id,
                "case_id": case.id,
                "owner_id": owner_id,
                "owner_text": owner_text,
                "text": what,
                "due_on": due,
                "status": status,
                "done_on": done_on,
                "done_note": note,
                "legal_reference_id": self.ref.legal[provision] if provision else None,
            },
            updated=done_on or (min(due, self.today) if status is ActionStatus.CANCELLED else None),
        )

    # the case rows, written last because closing dates and consents are known only now

    def _institution(self, case: _Case, day: date) -> tuple[str, str]:
        age, grade = _age(case.birth, day), _grade(case.birth, day)
        if age < 1:
            return "", ""
        if grade < 0:
            return case.daycare, "Vuggestue" if age < 3 else "Børnehave"
        if grade <= 9:
            return case.school, f"{grade}. klasse"
        return txt.YOUTH_INSTITUTION, ""

    def _case_rows(self) -> None:
        for case in self.cases:
            institution, grade = self._institution(case, case.closed_on or self.today)
            themes = " ".join(t.summary for t in case.themes)
            self._add(
                Case,
                case.opened_on,
                {
                    "reference": case.reference,
                    "anonymous": case.anonymous,
                    "pseudonym": case.pseudonym,
                    "first_name": case.first_name,
                    "last_name": case.last_name,
                    "cpr": case.cpr,
                    "birth_date": None if case.anonymous else case.birth,
                    "institution": "" if case.anonymous else institution,
                    "grade": grade,
                    "district_id": self.ref.districts[case.district][0],
                    "closed_on": case.closed_on,
                    "summary": themes,
                },
                updated=case.last_item or case.opened_on,
                id_=case.id,
            )
            for holder in case.holders:
                self._add(
                    CustodyHolder,
                    case.opened_on,
                    {
                        "case_id": case.id,
                        "name": holder.name,
                        "relation": holder.relation,
                        "has_custody": holder.has_custody,
                        "phone": "",
                        "person_id": holder.person_id,
                    },
                    id_=holder.id,
                )
            for consent in case.consents:
                self._consent_row(case, consent)

    def _consent_row(self, case: _Case, consent: _Consent) -> None:
        recipients = "; ".join(txt.CONSENT_RECIPIENTS[t] for t in consent.types)
        note = self.rng.choice(txt.WITHDRAWAL_NOTES) if consent.withdrawn_on else None
        # A KLE-style journal number, as the consent would be filed in the ESDH.
        journal = f"27.24.00-G01-{self.rng.randint(100, 9999)}-{consent.given_on:%y}"
        self._add(
            Consent,
            consent.given_on,
            {
                "case_id": case.id,
                "given_by_id": consent.holder_id,
                "scope": consent.scope,
                "recipients": _capital(recipients) + ".",
                "given_on": consent.given_on,
                "expires_on": consent.expires_on,
                "withdrawn_on": consent.withdrawn_on,
                "withdrawal_note": note,
                "document_ref": journal,
            },
            updated=consent.withdrawn_on or consent.given_on,
            id_=consent.id,
        )
        for type_code in consent.types:
            self._add(
                ConsentMeetingType,
                consent.given_on,
                {"consent_id": consent.id, "meeting_type_id": self.ref.types[type_code]},
            )


def populate(
    session: Session,
    *,
    years: int,
    seed: int,
    today: date,
    cases_per_year: int | None = None,
) -> dict[str, uuid.UUID]:
    """Fill a freshly migrated, reference-seeded database with fictitious demo data.

    Returns person ids for the demo users by login: keys "admin", "leder", "referent", "ppr",
    "politi". Runs inside the caller's transaction; creates no users and no audit events.
    """
    if not 1 <= years <= MAX_YEARS:
        raise ValueError(f"years must be 1-{MAX_YEARS}")
    generator = _Generator(
        random.Random(seed), _load_reference(session), today, years, cases_per_year
    )
    people = generator.build()
    generator.insert_into(session)
    return people
